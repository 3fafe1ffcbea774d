"""The demo end to end: the fictional family's report says what a health visitor would find."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from footprint_audit.cli import app
from footprint_audit.demo import BIRTHDAY, HOME, POOL, SCHOOL
from footprint_audit.schema import load_schema


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("demo")
    res = CliRunner().invoke(app, ["demo", "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    assert (out / "report.html").stat().st_size > 10_000
    return json.loads((out / "report.json").read_text())


def test_demo_report_is_valid(demo_report: dict) -> None:
    jsonschema.Draft202012Validator(load_schema(), format_checker=jsonschema.FormatChecker()).validate(
        demo_report
    )
    assert demo_report["errors"] == []
    assert {s["kind"] for s in demo_report["sources"]} == {"photo-folder", "instaloader-dir"}
    assert len(demo_report["posts"]) == 23  # 22 posts and the Instagram profile (bio, picture)


def _facts(report: dict, kind: str) -> list[dict]:
    return [f for f in report["dossier"]["facts"] if f["kind"] == kind]


def test_demo_dossier_finds_what_a_stranger_would(demo_report: dict) -> None:
    names = {f["value"] for f in _facts(demo_report, "child_name")}
    assert "Mia" in names
    assert BIRTHDAY in {f["value"] for f in _facts(demo_report, "birthday")}
    assert any(SCHOOL[0] in f["value"] for f in _facts(demo_report, "school"))
    routines = _facts(demo_report, "routine")
    assert any(
        r["weekday"] == "Tuesday" and r["time_of_day"][:2] == "16" and POOL[0] in r["value"] for r in routines
    )
    (home,) = _facts(demo_report, "home_area")
    assert abs(home["lat"] - HOME[0]) < 0.01 and abs(home["lon"] - HOME[1]) < 0.01


def test_demo_flags_gps_in_every_camera_roll_photo(demo_report: dict) -> None:
    gps = [f for f in demo_report["findings"] if f["category"] == "gps_exif"]
    assert len(gps) == 9 and all(f["severity"] == "high" for f in gps)
