"""report.pdf through headless Chromium's print-to-PDF, when Chromium is installed.

The page's print stylesheet decides what is printed (the card and the fix plan, every step
expanded). Chromium runs with networking features off and a throw-away profile; the report
itself loads nothing (CSP), so printing it makes no request.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import FootprintError

#: Names Chromium goes by on PATH, in the order tried.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
#: A print of a large report takes a few seconds; a hung browser must not hang the scan.
PDF_TIMEOUT_S = 120


class PdfUnavailable(FootprintError):
    """No PDF could be made (no Chromium, or it failed); the HTML report is still there."""


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def write_pdf(html: Path, pdf: Path | None = None) -> Path:
    """Print ``html`` to ``pdf`` (default: report.pdf next to it), owner-only like the report."""
    pdf = pdf or html.with_suffix(".pdf")
    browser = find_chromium()
    if browser is None:
        raise PdfUnavailable(
            "no PDF written: Chromium is not installed (looked for "
            + ", ".join(CHROMIUM_NAMES)
            + "). Open report.html and print it, or install Chromium and run again with --pdf."
        )
    with tempfile.TemporaryDirectory(prefix="footprint-pdf-") as profile:
        tmp = Path(profile) / "report.pdf"
        cmd = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={tmp}",
            html.resolve().as_uri(),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=PDF_TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfUnavailable(f"no PDF written: Chromium did not finish ({exc}).") from exc
        if not tmp.exists() or not tmp.read_bytes().startswith(b"%PDF"):
            raise PdfUnavailable("no PDF written: Chromium ran but wrote no PDF.")
        fd = os.open(pdf, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(tmp.read_bytes())
        os.chmod(pdf, 0o600)
    return pdf
