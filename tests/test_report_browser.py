"""The HTML report in a real browser: no console errors, no network requests, a screenshot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from footprint_audit.models import Geotag, Media
from footprint_audit.pipeline import audit
from footprint_audit.report import write_report
from tests.fakes import CaptionWordAnalyzer, ListCollector, make_post

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]


def _report(tmp_path: Path) -> Path:
    img = tmp_path / "p.jpg"
    Image.new("RGB", (800, 600), (200, 120, 40)).save(img)
    posts = [
        make_post(
            f"p{i}",
            f"Mia at the park <b>{i}</b> #bathtime",
            media=(Media(str(img)),),
            geotag=Geotag("Park", 51.5, -0.1),
        )
        for i in range(6)
    ]
    result = audit(["list:x"], analyzers=[CaptionWordAnalyzer("Mia")], collectors=[ListCollector(posts)])
    paths = write_report(result, tmp_path / "out")
    assert paths.html is not None
    return paths.html


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=["laptop", "phone"]
)
def test_report_opens_cleanly_in_chromium(browser, tmp_path: Path, viewport: dict) -> None:
    html = _report(tmp_path)
    page = browser.new_page(viewport=viewport)
    console: list[str] = []
    requests: list[str] = []
    page.on(
        "console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    shot = tmp_path / f"report-{viewport['width']}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert console == []
    assert [u for u in requests if not u.startswith(("data:", "file:"))] == []
    assert page.locator("#verdict").is_visible()
    assert page.locator("article.post").count() == 6
    # Escaped caption text is shown as text, not markup.
    assert "<b>0</b>" in page.locator("article.post .caption").first.inner_text()
    # Nothing overflows the phone's width.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    with Image.open(shot) as im:
        assert im.size[0] == viewport["width"] and im.size[1] > 400
    page.close()
