from __future__ import annotations

from pathlib import Path

import pytest
from PIL import ImageFile

from tests.datasets import TEST_DATA


@pytest.fixture(scope="session")
def test_data() -> Path:
    """The licensed photo subset shipped with the tests (tests/data/LICENSES.md)."""
    return TEST_DATA


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never touch the real per-user data folder."""
    home = tmp_path_factory.mktemp("fa-home")
    monkeypatch.setenv("FOOTPRINT_AUDIT_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def _pillow_rejects_truncated_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Importing face_recognition sets Pillow's process-wide LOAD_TRUNCATED_IMAGES to True, so
    without this a test's verdict on a truncated file would depend on which test ran before it
    in the same worker. Each test starts from Pillow's default."""
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", False)
