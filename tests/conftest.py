from __future__ import annotations

import os
from pathlib import Path
from typing import Any

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


#: Where tests leave files for people to look at (screenshots, the print PDF); not in git.
ARTIFACTS = Path(
    os.environ.get("FOOTPRINT_AUDIT_ARTIFACTS", Path(__file__).resolve().parents[1] / "test-artifacts")
)


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The demo's output folder and what it printed, made once per test process with the demo
    command itself (with the slides and the talking points); tests using it are grouped on one
    worker: ``xdist_group("demo")``."""
    from typer.testing import CliRunner

    from footprint_audit.cli import app

    out = tmp_path_factory.mktemp("demo")
    home = tmp_path_factory.mktemp("demo-home")
    old = os.environ.get("FOOTPRINT_AUDIT_HOME")
    os.environ["FOOTPRINT_AUDIT_HOME"] = str(home)
    try:
        args = ["demo", "--out", str(out), "--quiet", "--present", "--explain", "--no-open"]
        res = CliRunner().invoke(app, args)
    finally:
        if old is None:
            os.environ.pop("FOOTPRINT_AUDIT_HOME", None)
        else:
            os.environ["FOOTPRINT_AUDIT_HOME"] = old
    assert res.exit_code == 0, res.output
    assert (out / "report.html").stat().st_size > 10_000
    return out, res.stdout


@pytest.fixture(scope="session")
def demo_dir(demo_run: tuple[Path, str]) -> Path:
    """The demo's output folder (see :func:`demo_run`)."""
    return demo_run[0]


@pytest.fixture(scope="module")
def browser() -> Any:
    """Headless Chromium (Debian's package, driven by Playwright): skipped where it is not
    installed, a failure on CI, where `make test` installs it."""
    from tests.test_report_browser import ARGS, CHROMIUM

    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Chromium: `make test` installs Debian's chromium package")
        pytest.skip("Chromium is not installed (Debian package `chromium`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()
