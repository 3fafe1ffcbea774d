"""Every source kind, from its hand-written fixture, through the whole pipeline to a
schema-valid report.json, analysed by all of the project's analyzers plus a caption check."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

from collectors.bluesky import BlueskyCollector
from collectors.facebook_export import FacebookExportCollector
from collectors.instagram import InstagramCollector
from collectors.instagram_export import InstagramExportCollector
from collectors.mastodon import MastodonCollector
from collectors.web_page import WebPageCollector
from footprint_audit.findings import NameValue
from footprint_audit.pipeline import audit
from footprint_audit.registry import BUILTIN_ANALYZERS, Analyzer, _load
from footprint_audit.registry import collectors as builtin_collectors
from footprint_audit.report import write_report
from footprint_audit.schema import load_schema
from tests.collectors.sources_support import FakeServer, build_export, fast_options, zip_folder
from tests.collectors.test_bluesky import SPEC as BSKY
from tests.collectors.test_bluesky import bluesky_server
from tests.collectors.test_instagram import SPEC as IG
from tests.collectors.test_instagram import FakeBackend, six_posts
from tests.collectors.test_mastodon import SPEC as MASTO
from tests.collectors.test_mastodon import mastodon_server
from tests.collectors.test_web_page import START as WEB
from tests.collectors.test_web_page import blog_server
from tests.fakes import CaptionWordAnalyzer


def project_analyzers() -> list[Any]:
    found = [_load(ref) for ref in BUILTIN_ANALYZERS]
    assert all(isinstance(a, Analyzer) for a in found)
    return [*found, CaptionWordAnalyzer("Mia")]


def _ig_export(tmp: Path) -> tuple[str, FakeServer | None, dict[str, Any]]:
    return str(zip_folder(build_export("instagram_export", tmp / "ig"), tmp / "instagram.zip")), None, {}


def _fb_export(tmp: Path) -> tuple[str, FakeServer | None, dict[str, Any]]:
    return str(build_export("facebook_export", tmp / "fb")), None, {}


def _mastodon(tmp: Path) -> tuple[str, FakeServer | None, dict[str, Any]]:
    return MASTO, mastodon_server(), {}


def _bluesky(tmp: Path) -> tuple[str, FakeServer | None, dict[str, Any]]:
    return BSKY, bluesky_server(), {}


def _web(tmp: Path) -> tuple[str, FakeServer | None, dict[str, Any]]:
    return WEB, blog_server(), {}


def _instagram(tmp: Path) -> tuple[str, FakeServer | None, dict[str, Any]]:
    return IG, FakeServer(), {"instagram_backend": FakeBackend(six_posts())}


CASES: dict[str, tuple[Callable[[Path], tuple[str, FakeServer | None, dict[str, Any]]], int]] = {
    "instagram-export": (_ig_export, 5),
    "facebook-export": (_fb_export, 3),
    "mastodon": (_mastodon, 5),
    "bluesky": (_bluesky, 4),
    "web-page": (_web, 9),
    "instagram": (_instagram, 7),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_source_to_report_json(kind: str, tmp_path: Path) -> None:
    make, expected_posts = CASES[kind]
    spec, server, extra = make(tmp_path)
    transport = server.transport() if server else httpx.MockTransport(lambda r: httpx.Response(599))
    options = fast_options(tmp_path, transport, **extra)
    pool = [
        InstagramExportCollector(),
        FacebookExportCollector(),
        InstagramCollector(),
        MastodonCollector(),
        BlueskyCollector(),
        WebPageCollector(),
    ]
    result = audit([spec], analyzers=project_analyzers(), collectors=pool, options=options)
    assert [s.kind for s in result.sources] == [kind]
    assert len(result.posts) == expected_posts
    assert result.errors == ()
    # "Mia" may also be read by the names analyzer: the two identical findings are kept once.
    assert any(
        f.category == "child_name" and isinstance(f.value, NameValue) and f.value.text == "Mia"
        for f in result.findings
    )
    paths = write_report(result, tmp_path / "report", json_only=True)
    report = json.loads(paths.json.read_text())
    assert [s["kind"] for s in report["sources"]] == [kind]
    assert len(report["posts"]) == expected_posts
    jsonschema.Draft202012Validator(load_schema(), format_checker=jsonschema.FormatChecker()).validate(report)
    if kind == "instagram-export":
        # the export's EXIF coordinates reach the location analyzer through Post.geotag
        assert any(f["category"] in ("geotag", "gps_exif") for f in report["findings"])


def test_registry_routes_each_spec_to_its_collector(tmp_path: Path) -> None:
    from footprint_audit.registry import find_collector

    pool = builtin_collectors()
    ig = build_export("instagram_export", tmp_path / "ig")
    fb = build_export("facebook_export", tmp_path / "fb")
    specs = {
        str(ig): "instagram-export",
        str(zip_folder(ig, tmp_path / "ig.zip")): "instagram-export",
        str(fb): "facebook-export",
        IG: "instagram",
        MASTO: "mastodon",
        BSKY: "bluesky",
        WEB: "web-page",
    }
    for spec, kind in specs.items():
        assert find_collector(spec, pool).kind == kind, spec
