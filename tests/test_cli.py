from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from footprint_audit import __version__
from footprint_audit.cli import app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"footprint-audit {__version__}"


def test_scan_of_missing_path_is_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["scan", str(tmp_path / "does-not-exist"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    # nothing was read: the reason on stderr, and no report that could pass for a clean bill
    assert "does-not-exist" in result.stderr and "nothing was read" in result.stderr
    assert not (tmp_path / "out" / "report.json").exists()


def test_scan_without_source_is_usage_error() -> None:
    assert runner.invoke(app, ["scan"]).exit_code == 2


def test_help_does_not_import_heavy_models() -> None:
    code = (
        "import sys; from footprint_audit.cli import app\n"
        "from typer.testing import CliRunner\n"
        "CliRunner().invoke(app, ['--help'])\n"
        "heavy = [m for m in ('spacy', 'face_recognition', 'onnxruntime', 'cv2', 'instaloader') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    assert out.stdout.strip() == ""


def test_verbose_works_after_the_subcommand_too(tmp_path: Path) -> None:
    """`footprint-audit scan -v ...` logs like `footprint-audit -v scan ...`; without -v the
    log stays quiet."""
    import subprocess
    import sys

    photos = tmp_path / "photos"
    photos.mkdir()
    from PIL import Image

    Image.new("RGB", (64, 48), "white").save(photos / "a.jpg")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "footprint_audit.cli", *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)

    common = ["--out", str(tmp_path / "r"), "--no-cache", "--json-only", "-q", str(photos)]
    after = run("scan", "-v", *common)
    assert after.returncode == 0, after.stderr
    assert "INFO" in after.stderr and "read 1 post(s)" in after.stderr
    before = run("-v", "scan", *common)
    assert "read 1 post(s)" in before.stderr
    quiet = run("scan", *common)
    assert "INFO" not in quiet.stderr
