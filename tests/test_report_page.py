"""The designed page (issue 13.1 and 13.2), read from the written demo report.html: the headline
number and the card under it, the map, the week heat map, the timeline, plain words, phone and
print. And the share-mode map: positions beyond share precision cannot reach the file."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from footprint_audit.findings import LocationValue
from footprint_audit.models import AuditResult, Fact, Finding, Geotag, PostRisk, SourceSummary
from footprint_audit.report import render_html, report_dict, write_report
from footprint_audit.report_svg import map_section
from tests.fakes import make_post

pytestmark = pytest.mark.xdist_group("demo")


@pytest.fixture(scope="module")
def demo(demo_dir: Path) -> tuple[BeautifulSoup, dict, str, Path]:
    out = demo_dir
    html = (out / "report.html").read_text(encoding="utf-8")
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return BeautifulSoup(html, "html.parser"), data, html, out


def _visible_text(soup: BeautifulSoup) -> str:
    copy = BeautifulSoup(str(soup), "html.parser")
    for tag in copy(["style", "title"]):
        tag.decompose()
    return copy.get_text(" ")


def test_headline_has_one_number_and_the_card_comes_right_under_it(demo) -> None:
    soup, data, _, _ = demo
    h1 = soup.select_one("h1#headline")
    assert h1 is not None
    number = h1.select_one(".num")
    assert number is not None and int(number.get_text()) == len(data["dossier"]["facts"])
    text = h1.get_text(" ", strip=True)
    assert re.fullmatch(
        r"\d+ things a stranger can learn about Mia and Leo from \d+ posts( \(\d+ public\))?", text
    ), text
    # under the headline: the verdict, then the card
    order = [s.get("id") for s in soup.select("main > section")]
    assert order[:2] == ["verdict", "stranger"], order
    assert soup.select_one("#stranger .card h3").get_text(" ", strip=True).startswith("About Mia")


def test_every_jump_link_leads_to_a_section(demo) -> None:
    soup, *_ = demo
    links = [a["href"] for a in soup.select("nav.jump a")]
    assert {"#stranger", "#plan", "#map", "#week", "#timeline", "#posts"} <= set(links)
    for href in links:
        assert soup.select_one(href) is not None, href


def test_map_is_drawn_offline_with_home_school_scale_and_far_panel(demo) -> None:
    soup, *_ = demo
    svg = soup.select_one("#map svg.map")
    assert svg is not None and svg.get("role") == "img" and svg.get("aria-label")
    labels = [t.get_text() for t in svg.select(".mark text")]
    assert "Home area" in labels and any(t.startswith("School") for t in labels), labels
    counts = [int(t.get_text()) for t in svg.select("text.n")]
    assert sum(counts) >= 15 and max(counts) >= 5  # clustered, with counts
    assert re.fullmatch(r"\d+ (m|km)", svg.select_one(".scale text").get_text())
    # St Ives (about 400 km away) has its own small panel instead of squashing the map
    (away,) = soup.select("#map .away figure")
    assert re.search(r"St Ives, about 4\d\d km away", away.get_text(" ", strip=True))
    assert "<image" not in str(svg) and "href" not in str(svg)  # no tiles, nothing loaded


def test_week_heat_map_marks_the_routines_and_timeline_colours_by_risk(demo) -> None:
    soup, data, _, _ = demo
    heat = soup.select_one("#week svg.heat")
    cells = heat.select("rect:not(.routine)")
    assert len(cells) == 7 * 24
    marked = heat.select("rect.routine")
    routines = [f for f in data["dossier"]["facts"] if f["kind"] == "routine"]
    assert len(marked) == len(routines) >= 2
    assert sum(1 for c in cells if c["fill"] != "#eef0f3") >= 5
    bars = soup.select("#timeline svg.timeline rect")
    assert bars and {b["fill"] for b in bars} >= {"#b42318"}
    titles = " ".join(b.title.get_text() for b in bars)
    assert "2024-09:" in titles and "high-risk" in titles


def test_plain_words_no_ids_paths_percentages_or_collector_names(demo) -> None:
    soup, data, html, out = demo
    text = _visible_text(soup)
    assert not re.search(r"\b(file|ig)-[0-9A-Za-z]{6,}", text), "no post ids in the text"
    assert not re.search(r"\bf-[0-9a-f]{16}\b", text), "no finding ids"
    assert str(out) not in html and "/demo-data/" not in html, "no absolute paths anywhere"
    assert not re.search(r"\d\s?%", text), "certain / likely / possible, not percentages"
    for kind in ("instaloader-dir", "photo-folder", "instagram-export"):
        assert kind not in text
    words = {s.get_text() for s in soup.select("#stranger .sure")}
    assert words and words <= {"certain", "likely", "possible"}
    for cap in soup.select("#posts figure figcaption"):
        label = cap.get_text(strip=True)
        assert "/" not in label
        assert (
            label.endswith((".jpg", ".png", ".mp4"))
            or re.search(r"\d{4}", label)
            or label in ("profile or bio", "undated post")
        )


def test_phone_and_print(demo) -> None:
    soup, _, html, _ = demo
    css = soup.style.get_text()
    assert re.search(r"body\{[^}]*font:16px", css)
    assert "min-height:44px" in css and "@media print" in css
    printed = css[css.index("@media print") :]
    hidden = next(rule for rule in printed.split("}") if rule.endswith("{display:none"))
    assert "#plan" not in hidden and "#stranger" not in hidden  # the plan and the card are printed
    assert "#posts" in hidden and "#map" in hidden
    # no per-post fix boxes; what the plan and the card fold away on screen is printed open
    assert "What to change" not in html
    assert "details::details-content{content-visibility:visible" in printed
    assert not soup.select("script")


def _located(lat: float, lon: float) -> AuditResult:
    posts = (
        make_post("a", geotag=Geotag(name="<b>Park</b>", lat=lat, lon=lon)),
        make_post("b"),
        make_post("c", geotag=Geotag(name="Beach", lat=50.21167, lon=-5.47989)),
    )
    gps = Finding("b", 0, "location", "gps_exif", "high", 1.0, "GPS.", value=LocationValue(lat + 0.0021, lon))
    home = Fact("home_area", "x", "Mia", 0.95, ("b",), lat=lat + 0.002, lon=lon, sentence="Lives here.")
    risks = {p.id: PostRisk(50.0, "high") for p in posts}
    return AuditResult(
        (SourceSummary("instagram", "sophie.and.mia", 3),), posts, (gps,), (home,), (), risks=risks
    )


def test_share_map_depends_only_on_rounded_positions(tmp_path: Path) -> None:
    """Two accounts whose positions differ only beyond share precision give the same map bytes,
    and the written share file holds no coordinate with more than 2 decimals."""
    from footprint_audit.redact import redact

    a, b = _located(51.55612, -0.14031), _located(51.55788, -0.13649)
    maps = [map_section(redact(r), share=True, dates={})["svg"] for r in (a, b)]  # type: ignore[index]
    assert maps[0] == maps[1]
    full = map_section(a, share=False, dates={})["svg"]  # type: ignore[index]
    assert full != maps[0]  # the full map does place points precisely: the check can fail
    write_report(a, tmp_path / "share", share=True)
    text = re.sub(r"data:[^\"']+", "data:", (tmp_path / "share" / "report.html").read_text())
    assert "&lt;b&gt;Park" in text and "<b>Park" not in text  # place names are escaped in the SVG
    coords = [51.55612, -0.14031, 51.55822, 50.21167, -5.47989, 51.55812]
    precise = [
        t for t in re.findall(r"-?\d+\.\d{3,}", text) if any(abs(float(t) - c) < 0.0015 for c in coords)
    ]
    assert not precise, precise
    assert "55612" not in text and "14031" not in text and "21167" not in text
    # the full copy does hold them: the check above can fail
    write_report(a, tmp_path / "full")
    full_json = (tmp_path / "full" / "report.json").read_text()
    assert [
        t for t in re.findall(r"-?\d+\.\d{3,}", full_json) if any(abs(float(t) - c) < 0.0015 for c in coords)
    ]


def test_low_risk_posts_fold_into_one_group() -> None:
    posts = (make_post("hi", "x"), make_post("lo1"), make_post("lo2"))
    risks = {"hi": PostRisk(80.0, "high"), "lo1": PostRisk(0.0, "low"), "lo2": PostRisk(0.0, "low")}
    result = AuditResult((), posts, (), (), (), risks=risks)
    soup = BeautifulSoup(render_html(result, report_dict(result)), "html.parser")
    groups = soup.select("#posts details.lowrisk")
    assert len(groups) == 1 and "2 low-risk posts" in groups[0].summary.get_text()
    assert {a["id"] for a in groups[0].select("article.post")} == {"post-lo1", "post-lo2"}
    assert soup.select_one("#posts > article#post-hi") is not None


def test_far_away_points_go_to_their_own_panel_not_the_main_map() -> None:
    result = _located(51.55612, -0.14031)
    geo = map_section(result, share=False, dates={})
    assert geo is not None
    (panel,) = geo["away"]  # type: ignore[misc]
    assert panel["posts"] == ["c"] and "Beach, about 4" in panel["label"]
    assert sum(len(c["posts"]) for c in geo["legend"]) == 2  # type: ignore[union-attr]
    moved = replace(result, posts=result.posts[:2])
    assert map_section(moved, share=False, dates={})["away"] == []  # type: ignore[index]


def test_percent_certainty_becomes_words_in_finding_sentences() -> None:
    from footprint_audit.report import plain

    assert plain("Mia's face is recognisable in this photo (face match 87%).") == (
        "Mia's face is recognisable in this photo (likely)."
    )
    assert plain("It is 95% sure.") == "It is certain."
    assert plain("Nothing to change, 3 posts.") == "Nothing to change, 3 posts."
