"""`check` runs the scan's risk rule on one post: never green for what the scan calls high,
nor for a photo it could not fully analyse (issue 9, observation 2)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from footprint_audit import registry
from footprint_audit.cli import app
from tests.fakes import BrokenAnalyzer

runner = CliRunner()


def _check(*args: str) -> tuple[int, dict]:
    res = runner.invoke(app, ["check", *args, "--json"])
    return res.exit_code, json.loads(res.stdout)


def test_public_photo_of_the_enrolled_child_is_red(test_data: Path, tmp_path: Path) -> None:
    faces = test_data / "faces"
    profile = tmp_path / "profile"
    enrolled = runner.invoke(
        app, ["enroll", "Sam", str(faces / "knn_examples/train/obama/obama.jpg"), "--profile", str(profile)]
    )
    assert enrolled.exit_code == 0, enrolled.output
    code, data = _check(
        str(faces / "test_images/obama.jpg"), "--caption", "Park day", "--profile", str(profile)
    )
    assert any(f["category"] == "enrolled_child_face" for f in data["findings"]), data
    assert data["verdict"] == "red" and code == 2, data


def test_an_empty_file_is_never_green(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    code, data = _check(str(empty))
    assert data["errors"] and data["verdict"] != "green" and code != 0, data


def test_a_photo_an_analyzer_failed_on_is_never_green(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain.png"
    Image.fromarray(np.full((120, 160, 3), 90, dtype=np.uint8)).save(plain)
    monkeypatch.setattr(registry, "default_analyzers", lambda: [BrokenAnalyzer()])
    code, data = _check(str(plain))
    assert data["errors"] and data["verdict"] == "amber" and code == 1, data


def test_check_post_is_a_library_call_with_findings_most_severe_first(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from PIL import Image

    from footprint_audit.check import check_post
    from footprint_audit.demo import _exif

    photo = tmp_path / "gps.jpg"
    when = datetime(2024, 5, 14, 16, 30, tzinfo=UTC)
    Image.new("RGB", (300, 200), (40, 90, 160)).save(photo, exif=_exif(when, 51.55602, -0.14031))
    res = check_post(photo, "Our Mia loves the beach #beachlife")
    ranks = [{"low": 1, "medium": 2, "high": 3}[f.severity] for f in res.findings]
    assert ranks == sorted(ranks, reverse=True) and len(ranks) >= 2
    assert res.verdict == "red" and res.to_json()["verdict"] == "red"
    assert any("location" in fx for fx in res.fixes)
