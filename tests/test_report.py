from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from PIL import Image

from footprint_audit.context import AuditOptions
from footprint_audit.models import Geotag, Media
from footprint_audit.pipeline import audit
from footprint_audit.report import write_report
from footprint_audit.schema import load_schema
from tests.fakes import BrokenAnalyzer, CaptionWordAnalyzer, ListCollector, make_post

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> Mia'


@pytest.fixture(scope="module")
def schema() -> dict:
    return load_schema()


def _audit(tmp_path: Path, *, share: bool = False):
    img = tmp_path / "photo.jpg"
    Image.new("RGB", (400, 300), (10, 200, 30)).save(img)
    posts = [
        make_post(
            "p1", HOSTILE, media=(Media(path=str(img)),), geotag=Geotag(name="Park", lat=51.5, lon=-0.1)
        ),
        make_post("p2", "nothing here", visibility="private", taken_at=None),
    ]
    result = audit(
        ["list:a"],
        analyzers=[CaptionWordAnalyzer("Mia"), BrokenAnalyzer()],
        collectors=[ListCollector(posts)],
        options=AuditOptions(share=share),
    )
    return result, write_report(result, tmp_path / "out", share=share)


def test_report_json_validates_and_keeps_provenance(tmp_path: Path, schema: dict) -> None:
    result, paths = _audit(tmp_path)
    data = json.loads(paths.json.read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    validator.validate(data)
    assert [p["id"] for p in data["posts"]] == ["p1", "p2"]
    (finding,) = data["findings"]
    assert finding["post_id"] == "p1" and finding["category"] == "child_name"
    assert finding["evidence"] == {
        "field": "caption",
        "start": HOSTILE.index("Mia"),
        "end": HOSTILE.index("Mia") + 3,
    }
    # The broken analyzer became one error per post and did not stop the run.
    assert sorted(e["where"] for e in data["errors"]) == ["p1", "p2"]
    assert all("broken could not analyse" in e["message"] for e in data["errors"])
    assert data["posts"][0]["risk"]["level"] in ("low", "medium", "high")
    assert data["posts"][0]["fixes"], "a post with a finding gets a fix list"


def test_html_escapes_untrusted_text_and_loads_nothing(tmp_path: Path) -> None:
    _, paths = _audit(tmp_path)
    assert paths.html is not None
    html = paths.html.read_text()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(" in html
    assert "onerror=alert(1)>" not in html

    class Resources(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[str] = []
            self.csp: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = dict(attrs)
            if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
                self.csp = a.get("content")
            for key in ("src", "href", "srcset", "poster", "data"):
                if a.get(key):
                    self.urls.append(a[key] or "")

    parser = Resources()
    parser.feed(html)
    assert parser.csp and "default-src 'none'" in parser.csp and "img-src data:" in parser.csp
    assert not [u for u in parser.urls if re.match(r"\s*(https?:)?//", u)]
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html), "no remote CSS resources"
    assert parser.urls and all(u.startswith(("data:image/", "#")) for u in parser.urls)


def test_share_mode_rounds_coordinates(tmp_path: Path) -> None:
    from footprint_audit.models import Finding

    result, _ = _audit(tmp_path, share=True)
    from footprint_audit.findings import LocationValue

    finding = Finding(
        "p1", 0, "t", "gps_exif", "high", 1.0, "GPS.", value=LocationValue(51.123456, -0.987654)
    )
    from footprint_audit.report import finding_dict

    shared, full = finding_dict(finding, share=True)["value"], finding_dict(finding)["value"]
    assert (shared["lat"], shared["lon"]) == (51.12, -0.99)
    assert (full["lat"], full["lon"]) == (51.123456, -0.987654)


def test_collector_failure_keeps_posts_already_collected(tmp_path: Path) -> None:
    posts = [make_post(f"p{i}", "Mia") for i in range(5)]
    result = audit(
        ["list:a"], analyzers=[CaptionWordAnalyzer("Mia")], collectors=[ListCollector(posts, fail_after=3)]
    )
    assert [p.id for p in result.posts] == ["p0", "p1", "p2"]
    assert len(result.findings) == 3
    (err,) = result.errors
    assert err.where == "list:a" and "slow down" in err.message and "Wait a few minutes" in err.hint


def test_unknown_source_is_an_error_not_a_crash() -> None:
    result = audit(["nope:xyz"], analyzers=[], collectors=[ListCollector([])])
    assert result.posts == () and result.sources == ()
    assert "not a source footprint-audit recognises" in result.errors[0].message
