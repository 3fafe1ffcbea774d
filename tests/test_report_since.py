"""Since the last scan (issue 13.1): scan, change the photos, scan again -> the written
report.html says what is new and what was fixed, keyed by post, category and value."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
from bs4 import BeautifulSoup
from PIL import Image
from typer.testing import CliRunner

from footprint_audit.cli import app
from footprint_audit.demo import _exif
from footprint_audit.history import compare, exposure
from footprint_audit.models import AuditResult, Fact, Finding
from footprint_audit.schema import load_schema
from tests.fakes import make_post

runner = CliRunner()


def _photo(path: Path, day: int, lat: float, lon: float) -> None:
    when = datetime(2024, 6, day, 19, 0, tzinfo=UTC)
    Image.new("RGB", (320, 240), (40 + day, 120, 90)).save(path, exif=_exif(when, lat, lon))


def _scan(folder: Path, out: Path, profile: Path) -> BeautifulSoup:
    args = ["scan", str(folder), "--out", str(out), "--profile", str(profile), "-q", "--workers", "1"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    return BeautifulSoup((out / "report.html").read_text(encoding="utf-8"), "html.parser")


def test_second_scan_says_what_is_new_and_what_was_fixed(tmp_path: Path) -> None:
    folder, profile = tmp_path / "photos", tmp_path / "profile"
    folder.mkdir()
    _photo(folder / "a.jpg", 1, 51.5560, -0.1400)
    _photo(folder / "b.jpg", 8, 51.5561, -0.1401)
    first = _scan(folder, tmp_path / "r1", profile)
    assert first.select_one("#since") is None  # nothing to compare with on a first scan

    (folder / "a.jpg").unlink()  # the parent deleted the photo of 1 June ...
    _photo(folder / "c.jpg", 15, 51.5562, -0.1399)  # ... and added one on 15 June
    # and the folder moved: keys hold no paths, so only the photo changes count
    moved = tmp_path / "elsewhere" / "photos"
    moved.parent.mkdir()
    folder.rename(moved)
    second = _scan(moved, tmp_path / "r2", profile)
    since = second.select_one("#since")
    assert since is not None
    text = since.get_text(" ", strip=True)
    fixed = [li.get_text(" ", strip=True) for li in since.select("ul.fixed li")]
    new = [li.get_text(" ", strip=True) for li in since.select("ul.new li")]
    assert any("Exact location in photo files in the post of 1 Jun 2024" == t for t in fixed), fixed
    assert any("Exact location in photo files in the post of 15 Jun 2024" == t for t in new), new
    assert not any("8 Jun 2024" in t for t in fixed + new)  # unchanged: still exposed
    assert "still exposed" in text
    # the jump link leads to it and report.json carries it
    assert second.select_one('nav a[href="#since"]') is not None
    data = json.loads((tmp_path / "r2" / "report.json").read_text(encoding="utf-8"))
    assert data["since_last_scan"]["still"] >= 1
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert str(tmp_path) not in json.dumps(data["since_last_scan"])


def test_keys_hold_no_paths_and_facts_compare_by_value() -> None:
    f = Finding("ig-1", 0, "location", "geotag", "high", 0.9, "Tagged.")
    fact = Fact("school", "Oak School", "Mia", 0.9, ("ig-1",), sentence="She goes to Oak School.")
    before = exposure(AuditResult((), (make_post("ig-1"),), (f,), (fact,), ()))
    moved = make_post("ig-1", media=())
    after = exposure(AuditResult((), (moved,), (), (fact,), ()))
    diff = compare({"taken": "t", "items": before}, after)
    assert diff["fixed"] == ["Location tags in the post of 14 May 2024"]
    assert diff["new"] == [] and diff["still"] == 1
    assert all("/" not in k for k in before)
