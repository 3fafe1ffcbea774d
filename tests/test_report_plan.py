"""The fix plan (issue 13.1): one numbered list for the account, ordered by how much of the
dossier each action removes; each step links to its posts in the page and online."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from footprint_audit.models import AuditResult, Fact, Finding, PostRisk, SourceSummary
from footprint_audit.plan import build_plan, plan_dict
from footprint_audit.report import write_report
from tests.fakes import make_post


def _f(pid: str, category: str, severity: str = "high") -> Finding:
    return Finding(pid, None, "t", category, severity, 0.9, f"{category} in {pid}.")  # type: ignore[arg-type]


def _result() -> AuditResult:
    posts = tuple(make_post(pid, url=f"https://example.social/p/{pid}/") for pid in ("a", "b", "c", "d", "e"))
    findings = (
        _f("a", "gps_exif"),
        _f("b", "gps_exif"),
        _f("c", "geotag"),
        _f("c", "school"),
        _f("d", "school", "medium"),
        _f("d", "hashtag", "low"),
        _f("e", "comment_risk"),
        _f("e", "sensitive_image"),
    )
    facts = (
        Fact("home_area", "x", "Mia", 0.95, ("a", "b"), lat=51.5, lon=-0.1, sentence="She lives near X."),
        # the school: named in c (caption and tag) and d (caption and hashtag)
        Fact("school", "Oak School", "Mia", 0.9, ("c", "d"), sentence="She goes to Oak School."),
        Fact("frequent_place", "Park", None, 0.8, ("a", "b", "c"), sentence="Posts near Park."),
    )
    risks = {p.id: PostRisk(50.0, "high") for p in posts}
    return AuditResult((SourceSummary("instagram", "x", 5),), posts, findings, facts, (), risks=risks)


def test_actions_are_ordered_by_facts_removed_and_remove_a_fact_only_with_all_its_evidence() -> None:
    result = _result()
    plan = build_plan(result)
    keys = [a.kind.key for a in plan]
    # removing GPS from a and b takes away the home area (both its posts) and nothing else:
    # the place fact still rests on post c's tag.
    assert keys[0] == "gps"
    assert [f.kind for f in plan[0].facts_removed] == ["home_area"]
    assert plan[0].post_ids == ["a", "b"]
    removed = {f.kind: a.kind.key for a in plan for f in a.facts_removed}
    # the school goes only when its name leaves both captions (and the tag and hashtag on them)
    assert "school" in removed
    school_step = keys.index(removed["school"])
    before = set(keys[: school_step + 1])
    assert {"school", "geotag", "hashtag"} <= before
    assert removed["frequent_place"] == "geotag"
    # a step that removes no fact comes after those that do
    assert plan[-1].facts_removed == [] and plan[-1].kind.key in ("delete", "comments")


def test_a_fact_with_no_editable_evidence_goes_only_with_its_posts() -> None:
    posts = (make_post("p"),)
    fact = Fact("birthday", "2019-05-14", "Mia", 0.9, ("p",), sentence="Born 14 May 2019.")
    result = AuditResult((), posts, (_f("p", "sensitive_image"),), (fact,), ())
    (step,) = build_plan(result)
    assert step.kind.deletes and step.facts_removed == [fact]


def test_plan_headline_counts_the_steps_and_names_the_facts() -> None:
    result = _result()
    data = plan_dict(build_plan(result), result.facts)
    assert data["headline"].startswith("These ")
    assert "the home area" in data["headline"] and "the school" in data["headline"]
    assert data["facts_removed"] == 3


def test_written_report_has_one_plan_linking_posts_and_no_per_post_fix_boxes(tmp_path: Path) -> None:
    paths = write_report(_result(), tmp_path / "out")
    assert paths.html is not None
    soup = BeautifulSoup(paths.html.read_text(encoding="utf-8"), "html.parser")
    steps = soup.select("#plan ol.plan > li")
    assert len(steps) >= 4
    assert soup.select_one("#step-1") is steps[0]
    first = steps[0]
    assert "Remove the hidden location" in first.get_text()
    hrefs = [a["href"] for a in first.select("a")]
    assert "#post-a" in hrefs and "#post-b" in hrefs  # in-page anchors
    assert "https://example.social/p/a/" in hrefs  # and the post online
    for href in hrefs:
        assert href.startswith("https://") or soup.select_one(href) is not None, href
    assert "What to change" not in soup.get_text()
    assert not soup.select("#posts details ul.fixes")
    # the card says which step removes each fact, and report.json carries the plan
    home = next(li for li in soup.select("#stranger li.fact") if "She lives near X." in li.get_text())
    assert home.select_one('a[href="#step-1"]') is not None
    data = json.loads(paths.json.read_text(encoding="utf-8"))
    assert data["plan"]["steps"][0]["posts"] == ["a", "b"]


def test_what_no_edit_hides_ends_the_plan_as_a_deletion() -> None:
    posts = (make_post("p"), make_post("q"))
    fact = Fact("child_name", "Leo", "Leo", 0.9, ("p", "q"), sentence="His name is Leo.")
    # q names him in the caption (editable); p gives him away with no finding that carries it
    result = AuditResult((), posts, (_f("q", "child_name"),), (fact,), ())
    plan = build_plan(result)
    assert [a.kind.key for a in plan] == ["name", "delete-rest"]
    assert plan[-1].post_ids == ["p"] and plan[-1].facts_removed == [fact]
    assert plan[0].facts_removed == []
