"""--pdf (issue 13.2): report.pdf through headless Chromium when it is on PATH, a clear message
when it is not."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from footprint_audit import report_pdf
from footprint_audit.cli import app
from footprint_audit.demo import _exif

needs_chromium = pytest.mark.skipif(
    report_pdf.find_chromium() is None, reason="Chromium is not installed here (CI has it)"
)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "photos"
    folder.mkdir()
    when = datetime(2024, 6, 1, 19, 0, tzinfo=UTC)
    Image.new("RGB", (320, 240), (60, 120, 90)).save(folder / "a.jpg", exif=_exif(when, 51.556, -0.14))
    return folder


@needs_chromium
def test_scan_pdf_writes_an_owner_only_pdf(tmp_path: Path) -> None:
    out = tmp_path / "report"
    args = ["scan", str(_folder(tmp_path)), "--out", str(out), "--no-cache", "--pdf", "--workers", "1"]
    args += ["--profile", str(tmp_path / "profile")]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    pdf = out / "report.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    assert "report.pdf" in res.output


def test_without_chromium_no_pdf_and_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_pdf.shutil, "which", lambda name: None)
    html = tmp_path / "report.html"
    html.write_text("<!doctype html><p>x</p>", encoding="utf-8")
    with pytest.raises(report_pdf.PdfUnavailable, match="Chromium is not installed"):
        report_pdf.write_pdf(html)
    assert not (tmp_path / "report.pdf").exists()


def test_scan_pdf_without_chromium_still_writes_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from footprint_audit.context import AuditOptions
    from footprint_audit.scan_output import run_scan

    monkeypatch.setattr(report_pdf.shutil, "which", lambda name: None)
    out = tmp_path / "report"
    options = AuditOptions(data_dir=tmp_path / "profile", use_cache=False, workers=1)
    code = run_scan(
        [str(_folder(tmp_path))], out, options, share=False, json_only=False, quiet=True, pdf=True
    )
    assert code == 0
    assert (out / "report.html").exists() and not (out / "report.pdf").exists()
    assert "no PDF written: Chromium is not installed" in capsys.readouterr().err
