"""Every hostile input of issue 14 in one scan, next to good posts: the scan completes, writes
its report, lists each bad item once and keeps every good post."""

from __future__ import annotations

import importlib.util
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest

from analyzers.location import LocationAnalyzer
from analyzers.metadata import MetadataAnalyzer
from analyzers.tags import TagsAnalyzer
from collectors._shared import MAX_TEXT_CHARS
from footprint_audit.cache import Cache
from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.models import AuditResult
from footprint_audit.pipeline import analyze, collect
from footprint_audit.report import write_report
from footprint_audit.risk import score_posts

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile" / "make_hostile.py"


def _corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_hostile", HOSTILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, RunContext, dict, Path]:
    tmp = tmp_path_factory.mktemp("hostile")
    cases = _corpus().build(tmp / "corpus")
    run = RunContext(AuditOptions(data_dir=tmp / "data", media_dir=tmp / "media"))
    run.cache = Cache.open(tmp / "data")
    try:
        posts, summaries = collect([str(path) for path, _ in cases.values()], run)
        findings = analyze(posts, [LocationAnalyzer(), MetadataAnalyzer(), TagsAnalyzer()], run)
    finally:
        run.cache.close()
    result = AuditResult(
        sources=tuple(summaries),
        posts=tuple(posts),
        findings=tuple(findings),
        facts=(),
        errors=tuple(run.errors),
        risks=score_posts(posts, findings, run.errors),
        generated_at=datetime.now(UTC),
        notes=tuple(run.notes),
    )
    paths = write_report(result, tmp / "report", json_only=True)
    report = json.loads(paths.json.read_text(encoding="utf-8"))
    return cases, run, report, tmp / "corpus"


def _ids(report: dict) -> set[str]:
    return {p["id"] for p in report["posts"]}


def test_every_good_post_is_kept(scanned: tuple[dict, RunContext, dict, Path]) -> None:
    cases, run, report, root = scanned
    ids = _ids(report)
    for case in ("instaloader", "instagram-export", "zip-clash"):
        for good in cases[case][1]:
            assert good in ids, (case, good)
    photos = [p for p in report["posts"] if p["source"].endswith("photos")]
    photo_names = {Path(p["media"][0]["path"]).name for p in photos}
    assert {"good.jpg", "gps-hours.jpg"} <= photo_names
    # The name that is not UTF-8 cannot go into the cache or the report: the photo is read
    # through a plain-named alias of the same bytes in the private media folder.
    [alias] = [p["media"][0]["path"] for p in photos if "renamed" in p["media"][0]["path"]]
    assert Path(alias).read_bytes() == (root / "photos" / os.fsdecode(b"caf\xe9.jpg")).read_bytes()
    assert len(photos) == 3
    assert "secret.jpg" not in photo_names


def test_each_bad_item_is_one_error(scanned: tuple[dict, RunContext, dict, Path]) -> None:
    _, run, report, root = scanned
    messages = [f"{e['where']}: {e['message']}" for e in report["errors"]]
    assert len(messages) == len(set(messages))

    def one(*fragments: str) -> str:
        hits = [m for m in messages if all(f in m for f in fragments)]
        assert len(hits) == 1, (fragments, messages)
        return hits[0]

    one("posts_2.json", "nested too deeply")
    one("2024-05-03_16-30-00_UTC.json", "nested too deeply")
    one("2024-05-04_16-30-00_UTC.json.xz", "expands to more than")
    one("spread-bomb.zip", "ZIP bomb")
    one("a.jpg/b.jpg", "cannot be extracted")
    one("linked.jpg", "outside the scanned folder")
    one("linked-folder", "outside the scanned folder")
    caption_cuts = [m for m in messages if f"only the first {MAX_TEXT_CHARS:,}" in m]
    assert len(caption_cuts) == 2  # the instaloader post and the export post
    for message in messages:
        assert "Traceback" not in message


def test_text_is_safe_and_bounded(scanned: tuple[dict, RunContext, dict, Path]) -> None:
    _, _, report, _ = scanned
    captions = {p["id"]: p["caption"] for p in report["posts"]}
    assert captions["ig-GOOD1"] == "Beach day \ufffd"
    assert captions["ig-export:post:good1"] == "Swim class \ufffd"
    assert len(captions["ig-HUGE"]) == MAX_TEXT_CHARS
    assert len(captions["ig-export:post:huge"]) == MAX_TEXT_CHARS


def test_nothing_half_extracted_and_no_bomb_on_disk(scanned: tuple[dict, RunContext, dict, Path]) -> None:
    _, _, _, root = scanned
    media = root.parent / "media"
    total = sum(f.stat().st_size for f in media.rglob("*") if f.is_file())
    assert total < 5 * 1024 * 1024
    assert not [f for f in media.rglob("*.part")]
    assert os.path.isdir(media)


def test_hostile_cases_beside_the_demo_family_through_the_cli(tmp_path: Path) -> None:
    """Issue 14's acceptance: every hostile case scanned together with the demo family, with
    every analyzer and the dossier, by the command a parent runs: the scan completes (exit 1:
    some items could not be read), writes its report, lists each bad item once, and keeps
    every demo post."""
    from typer.testing import CliRunner

    from footprint_audit.cli import app
    from footprint_audit.demo import build_demo

    demo = build_demo(tmp_path / "demo-data")
    demo_sources = [str(p) for p in sorted(demo.iterdir()) if p.is_dir()]
    cases = _corpus().build(tmp_path / "corpus")
    out = tmp_path / "report"
    args = ["scan", *demo_sources, *(str(path) for path, _ in cases.values())]
    res = CliRunner().invoke(app, [*args, "--out", str(out), "--profile", str(tmp_path / "p"), "-q"])
    assert res.exit_code == 1, res.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    alone = CliRunner().invoke(
        app, ["scan", *demo_sources, "--out", str(tmp_path / "alone"), "--profile", str(tmp_path / "q"), "-q"]
    )
    assert alone.exit_code == 0, alone.output
    demo_only = json.loads((tmp_path / "alone" / "report.json").read_text(encoding="utf-8"))
    assert {p["id"] for p in demo_only["posts"]} <= _ids(report)
    messages = [f"{e['where']}: {e['message']}" for e in report["errors"]]
    assert messages and len(messages) == len(set(messages))
    assert (out / "report.html").is_file()
