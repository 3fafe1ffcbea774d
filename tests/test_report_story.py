"""One story in the report (issue 9, observation 6): one list of facts, counts that agree,
no finding twice on a post, and a child who is not yours never called yours."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from footprint_audit.findings import NameValue
from footprint_audit.models import AuditResult, Fact, Finding, SourceSummary
from footprint_audit.report import one_story, tiles, write_report
from footprint_audit.risk import dedupe
from tests.fakes import make_post

pytestmark = pytest.mark.xdist_group("demo")


@pytest.fixture(scope="module")
def demo(demo_dir: Path) -> tuple[BeautifulSoup, dict]:
    out = demo_dir
    html = (out / "report.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser"), json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_one_what_a_stranger_can_learn_section(demo: tuple[BeautifulSoup, dict]) -> None:
    soup, data = demo
    headings = [h.get_text(strip=True) for h in soup.find_all("h2")]
    assert sum(h.startswith("What a stranger can") for h in headings) == 1, headings
    shown = [li.get_text(" ", strip=True) for li in soup.select("#stranger li.fact")]
    # every fact sentence appears once in the whole page
    text = soup.get_text(" ")
    for fact in data["dossier"]["facts"]:
        assert text.count(fact["sentence"]) == 1, fact["sentence"]
    assert len(shown) == len(data["dossier"]["facts"])


def test_verdict_counts_the_facts_shown(demo: tuple[BeautifulSoup, dict]) -> None:
    soup, data = demo
    verdict = soup.select_one("#verdict").get_text(" ", strip=True)
    said = re.search(r"piece together (\d+) facts?", verdict)
    assert said, verdict
    assert int(said.group(1)) == len(soup.select("#stranger li.fact")) == len(data["dossier"]["facts"])


def test_school_tile_and_school_fact_count_the_same_posts(demo: tuple[BeautifulSoup, dict]) -> None:
    soup, data = demo
    tile = soup.select_one('#counts li[data-category="school"]')
    assert tile is not None and "post" in tile.get_text()  # says what it counts
    schools = [f for f in data["dossier"]["facts"] if f["kind"] == "school"]
    # Mia's school and Leo's nursery; each fact's detail counts the posts it lists.
    assert sorted(f["child"] for f in schools) == ["Leo", "Mia"]
    for f in schools:
        assert f"Named in {len(f['evidence'])} post" in f["detail"], f
    named = {pid for f in schools for pid in f["evidence"]}
    flagged = {f["post_id"] for f in data["findings"] if f["category"] == "school"}
    assert int(tile.b.get_text()) == len(named | flagged) >= 8


def test_no_post_card_lists_the_same_finding_twice(demo: tuple[BeautifulSoup, dict]) -> None:
    soup, _ = demo
    for card in soup.select("article.post"):
        items = [li.get_text(" ", strip=True) for li in card.select("ul.findings li")]
        assert not [t for t, n in Counter(items).items() if n > 1], card.get("id")


def test_a_child_not_yours_is_never_your_childs_name(demo: tuple[BeautifulSoup, dict]) -> None:
    soup, data = demo
    others = [f["value"] for f in data["dossier"]["facts"] if f["kind"] == "other_child"]
    assert others  # the demo names a friend's child
    cards = " ".join(c.get_text(" ") for c in soup.select("article.post"))
    for name in others:
        assert f"Your child's name “{name}”" not in cards
        assert f"Your child's full name “{name}" not in cards


def test_dedupe_keeps_the_strongest_of_identical_findings() -> None:
    weak = Finding("p", None, "names", "child_name", "medium", 0.75, "a", value=NameValue("Mia"), child="Mia")
    strong = Finding("p", None, "names", "child_name", "high", 0.9, "b", value=NameValue("Mia"), child="Mia")
    other_media = Finding(
        "p", 0, "names", "child_name", "medium", 0.75, "a", value=NameValue("Mia"), child="Mia"
    )
    assert dedupe([weak, strong, other_media]) == [strong, other_media]


def test_one_story_renames_a_child_the_dossier_says_is_not_yours() -> None:
    f = Finding(
        "p",
        None,
        "names",
        "child_name",
        "medium",
        0.9,
        "Your child's name “Lily” is written in the caption; with it a stranger can call your child by name.",
        value=NameValue("Lily"),
        child="Lily",
    )
    fact = Fact("other_child", "Lily", None, 0.6, ("p",), sentence="Another child, Lily, is named too.")
    result = AuditResult((SourceSummary("photo-folder", "x", 1),), (make_post("p"),), (f,), (fact,), ())
    told = one_story(result).findings[0].summary
    assert told.startswith("Another child's name “Lily”") and "your child" not in told
    assert tiles(result) == [("child_name", 1)]


def test_one_story_calls_a_child_the_dossier_says_is_yours_yours_on_every_card(tmp_path: Path) -> None:
    # "Theo's friend" read in one caption as another family's child; the account names him ours
    f = Finding(
        "p",
        None,
        "names",
        "child_name",
        "medium",
        0.7,
        "Another family's child, “Theo”, is named in the caption; their parents may not want their child's name "
        "online.",
        value=NameValue("Theo"),
    )
    fact = Fact("child_name", "Theo Marsh", "Theo", 0.9, ("p", "q"), sentence="His full name is Theo Marsh.")
    result = AuditResult((SourceSummary("photo-folder", "x", 1),), (make_post("p"),), (f,), (fact,), ())
    (told,) = one_story(result).findings
    assert told.summary == (
        "Your child's name “Theo” is written in the caption; with it a stranger can call your child by name."
    )
    assert told.child == "Theo"
    # and the written files say so on the post card
    paths = write_report(result, tmp_path)
    data = json.loads(paths.json.read_text(encoding="utf-8"))
    assert data["findings"][0]["summary"].startswith("Your child's name “Theo”")
    assert paths.html is not None
    page = BeautifulSoup(paths.html.read_text(encoding="utf-8"), "html.parser").get_text(" ")
    assert "Your child's name “Theo”" in page and "Another family's child" not in page
