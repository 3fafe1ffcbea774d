from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from PIL import Image
from typer.testing import CliRunner

from footprint_audit.cli import app
from footprint_audit.demo import _exif
from footprint_audit.exif import read_exif

runner = CliRunner()


def _plain(tmp_path: Path) -> Path:
    path = tmp_path / "plain.png"
    Image.fromarray(np.full((200, 300, 3), 90, dtype=np.uint8)).save(path)
    return path


def _with_gps(tmp_path: Path) -> Path:
    path = tmp_path / "gps.jpg"
    when = datetime(2024, 5, 14, 16, 30, tzinfo=UTC)
    Image.new("RGB", (300, 200), (40, 90, 160)).save(path, exif=_exif(when, 51.55602, -0.14031))
    return path


def test_check_green_for_a_plain_photo(tmp_path: Path) -> None:
    res = runner.invoke(app, ["check", str(_plain(tmp_path)), "--json"])
    data = json.loads(res.stdout)
    assert res.exit_code == 0 and data["verdict"] == "green", data


def test_check_red_for_exact_gps_only_and_red_with_revealing_caption(tmp_path: Path) -> None:
    photo = _with_gps(tmp_path)
    # A position good to metres is a high finding, and a post is never below its worst finding.
    gps_only = runner.invoke(app, ["check", str(photo), "--json"])
    data = json.loads(gps_only.stdout)
    assert gps_only.exit_code == 2 and data["verdict"] == "red", data
    assert any(f["category"] == "gps_exif" for f in data["findings"])
    assert any("location data" in fx for fx in data["fixes"])
    red = runner.invoke(
        app,
        [
            "check",
            str(photo),
            "--json",
            "--caption",
            "Our Mia turns 5 today! First week at Oakfield Primary School",
        ],
    )
    assert red.exit_code == 2 and json.loads(red.stdout)["verdict"] == "red"


def test_check_missing_photo_is_usage_error(tmp_path: Path) -> None:
    assert runner.invoke(app, ["check", str(tmp_path / "nope.jpg")]).exit_code == 2


def test_fix_command_writes_clean_copies_and_reports_failures(tmp_path: Path) -> None:
    photo = _with_gps(tmp_path)
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"garbage")
    res = runner.invoke(app, ["fix", str(photo), str(bad), "--out", str(tmp_path / "safe"), "--keep-faces"])
    assert res.exit_code == 1
    assert "GPS location" in res.stdout and "broken.jpg" in res.stderr
    assert read_exif(tmp_path / "safe" / "gps-safe.jpg").gps is None


def test_check_on_a_fixed_photo_finds_no_face_left(tmp_path: Path, test_data: Path) -> None:
    """Issue 9.3: `check` on the output of `fix` found the faces again and asked to blur again."""
    photo = test_data / "faces/two_people.jpg"
    before = json.loads(runner.invoke(app, ["check", str(photo), "--json"]).stdout)
    assert sum(f["category"].endswith("face") for f in before["findings"]) >= 2
    for style in ("solid", "pixelate", "emoji", "blur"):
        out = tmp_path / style
        res = runner.invoke(app, ["fix", str(photo), "--out", str(out), "--cover", style])
        assert res.exit_code == 0, res.output
        (fixed,) = out.iterdir()
        after = json.loads(runner.invoke(app, ["check", str(fixed), "--json"]).stdout)
        assert [f for f in after["findings"] if f["category"].endswith("face")] == [], style
        assert not any("face" in fx.lower() for fx in after["fixes"]), style


def test_fix_refuses_an_unknown_cover_style(tmp_path: Path) -> None:
    res = runner.invoke(app, ["fix", str(_plain(tmp_path)), "--cover", "glitter"])
    assert res.exit_code == 2 and "--cover must be one of" in res.output
