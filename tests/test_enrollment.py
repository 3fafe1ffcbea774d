"""Enrolment: encodings only, owner-only files, clear messages for unusable reference photos."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from PIL import Image

from footprint_audit.enrollment import (
    STORE_NAME,
    enroll,
    forget,
    list_enrolled,
    load_enrolled,
    store_path,
)
from footprint_audit.errors import BadInput, ConfigError

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def faces(test_data: Path) -> Path:
    return test_data / "faces"


def test_enrol_list_forget_with_private_files(faces: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    child = enroll("obama", sorted((faces / "knn_examples/train/obama").iterdir()), profile=profile)
    assert (child.name, child.encodings, child.photos) == ("obama", 2, 2)
    path = profile / STORE_NAME
    assert store_path(profile) == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(profile.stat().st_mode) == 0o700
    data = json.loads(path.read_text())
    assert len(data["children"]["obama"]["encodings"][0]) == 128
    assert not list(profile.glob("*.jpg"))  # photos are never copied

    enroll("Biden", [faces / "knn_examples/train/biden/biden.jpg"], profile=profile)
    assert [(c.name, c.encodings) for c in list_enrolled(profile)] == [("Biden", 1), ("obama", 2)]
    assert set(load_enrolled(profile)) == {"Biden", "obama"}
    assert forget("OBAMA", profile) is True
    assert forget("obama", profile) is False
    assert set(load_enrolled(profile)) == {"Biden"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_default_folder_is_the_private_data_dir(faces: Path, _private_home: Path) -> None:
    enroll("rose", [faces / "knn_examples/train/rose_leslie/img1.jpg"])
    assert (_private_home / STORE_NAME).exists()
    assert stat.S_IMODE(_private_home.stat().st_mode) == 0o700


def test_photo_without_a_face_is_rejected(tmp_path: Path) -> None:
    blank = tmp_path / "wall.png"
    Image.new("RGB", (300, 300), (200, 190, 180)).save(blank)
    with pytest.raises(BadInput, match="no face was found"):
        enroll("mia", [blank], profile=tmp_path)
    assert load_enrolled(tmp_path) == {}


def test_photo_with_several_faces_needs_a_choice(faces: Path, tmp_path: Path) -> None:
    two = faces / "two_people.jpg"
    with pytest.raises(BadInput, match="shows 2 faces") as info:
        enroll("mia", [two], profile=tmp_path)
    assert "--face N" in str(info.value)
    with pytest.raises(BadInput, match="no face 3"):
        enroll("mia", [two], profile=tmp_path, face=3)
    enroll("biden", [two], profile=tmp_path, face=2)  # Biden stands on the right
    from footprint_audit.engines.faces import match

    ref = enroll("check", [faces / "test_images/biden.jpg"], profile=tmp_path / "other")
    assert ref.encodings == 1
    probe = load_enrolled(tmp_path / "other")["check"][0]
    m = match(probe, load_enrolled(tmp_path))
    assert m is not None and m.child == "biden"


def test_one_bad_photo_changes_nothing(faces: Path, tmp_path: Path) -> None:
    with pytest.raises(BadInput):
        enroll("obama", [faces / "test_images/obama.jpg", tmp_path / "missing.jpg"], profile=tmp_path)
    assert load_enrolled(tmp_path) == {}


def test_empty_name_and_damaged_store_are_clear(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="name"):
        enroll("  ", [tmp_path / "x.jpg"], profile=tmp_path)
    (tmp_path / STORE_NAME).write_text("{not json")
    with pytest.raises(ConfigError, match="cannot be read"):
        load_enrolled(tmp_path)


def test_cli_enroll_list_forget(faces: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from footprint_audit.cli import app

    runner = CliRunner()
    profile = str(tmp_path / "p")
    res = runner.invoke(
        app, ["enroll", "rose", str(faces / "knn_examples/train/rose_leslie/img1.jpg"), "--profile", profile]
    )
    assert res.exit_code == 0, res.output
    assert "Enrolled rose: 1 face encoding(s)" in res.output
    res = runner.invoke(app, ["enroll", "--list", "--profile", profile])
    assert res.exit_code == 0 and "rose: 1 face encoding(s) from 1 photo(s)" in res.output
    res = runner.invoke(
        app, ["enroll", "kit", str(faces / "knn_examples/test/kit_with_rose.jpg"), "--profile", profile]
    )
    assert res.exit_code == 2
    res = runner.invoke(
        app,
        [
            "enroll",
            "kit",
            str(faces / "knn_examples/test/kit_with_rose.jpg"),
            "--face",
            "2",
            "--profile",
            profile,
        ],
    )
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["enroll", "--forget", "rose", "--profile", profile])
    assert res.exit_code == 0 and "Forgot rose" in res.output
    assert [c.name for c in list_enrolled(Path(profile))] == ["kit"]
    res = runner.invoke(app, ["enroll", "--forget", "rose", "--profile", profile])
    assert res.exit_code == 2
