"""The demo report in a real browser at desktop and phone sizes: no console errors, no
requests, no serious or critical accessibility violations (axe-core, bundled offline by
axe-playwright-python), and screenshots left in test-artifacts/ for people to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("demo")]

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
#: axe impacts that fail the test; "moderate" and "minor" are printed, not failed.
FAILING_IMPACTS = ("serious", "critical")


def open_page(browser: Any, html: Path, viewport: dict[str, int]) -> tuple[Any, Any, list[str], list[str]]:
    """The page loaded with CSP bypassed (so axe can be injected: the report itself runs no
    script), with its console messages and every request it made."""
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    page = context.new_page()
    console: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    return context, page, console, requests


def axe_violations(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return list(results.response["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
    )


@pytest.mark.parametrize("size", list(VIEWPORTS))
@pytest.mark.parametrize("page_name", ["report", "slides"])
def test_demo_report_and_slides_are_clean_and_accessible_in_chromium(
    browser: Any, demo_dir: Path, size: str, page_name: str
) -> None:
    context, page, console, requests = open_page(browser, demo_dir / f"{page_name}.html", VIEWPORTS[size])
    try:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        if page_name == "slides":
            # One fact per screen (scroll-snap): every slide at least a screen tall; the first
            # fact slide is left as a picture of its own.
            page.locator("#fact-1").screenshot(path=str(ARTIFACTS / f"slide-{size}.png"))
            short = page.evaluate(
                "[...document.querySelectorAll('section.slide')]"
                ".filter(s => s.getBoundingClientRect().height < window.innerHeight - 1).length"
            )
            assert short == 0
        page.screenshot(path=str(ARTIFACTS / f"{page_name}-{size}.png"), full_page=True)
        assert console == []
        assert [u for u in requests if not u.startswith(("data:", "file:"))] == []
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "overflows"
        violations = axe_violations(page)
        (ARTIFACTS / f"axe-{page_name}-{size}.txt").write_text(describe(violations) + "\n")
        bad = [v for v in violations if v.get("impact") in FAILING_IMPACTS]
        assert bad == [], describe(bad)
    finally:
        context.close()


def test_the_accessibility_check_can_fail(browser: Any, tmp_path: Path) -> None:
    """axe really runs: a page with an unlabelled image and an unlabelled button fails it."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></main></body></html>'
    )
    context, page, _console, _requests = open_page(browser, bad, VIEWPORTS["desktop"])
    try:
        ids = {v["id"] for v in axe_violations(page) if v.get("impact") in FAILING_IMPACTS}
    finally:
        context.close()
    assert {"image-alt", "button-name"} <= ids


def test_demo_report_prints_the_card_and_the_plan(browser: Any, demo_dir: Path) -> None:
    """Print: the page as printed shows the card and the plan with every folded part open and
    no post cards; the PDF made by the --pdf route is left in test-artifacts/ to look at."""
    from footprint_audit.report_pdf import write_pdf

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = write_pdf(demo_dir / "report.html", ARTIFACTS / "report.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    context, page, _console, _requests = open_page(browser, demo_dir / "report.html", VIEWPORTS["desktop"])
    try:
        page.emulate_media(media="print")
        page.screenshot(path=str(ARTIFACTS / "report-print.png"), full_page=True)
        assert page.locator("#stranger").is_visible() and page.locator("#plan").is_visible()
        assert not page.locator("#posts").is_visible()
        hidden = page.evaluate(
            "[...document.querySelectorAll('#stranger details, #plan details')]"
            ".filter(d => [...d.children].some(c => c.tagName !== 'SUMMARY' && !c.offsetParent)).length"
        )
        assert hidden == 0
    finally:
        context.close()
