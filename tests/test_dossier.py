from __future__ import annotations

from datetime import UTC, datetime

import pytest

from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.dossier import build_dossier
from footprint_audit.engines import text as text_engine
from footprint_audit.findings import FaceValue, LocationValue
from footprint_audit.models import Fact, Finding, Post
from footprint_audit.pipeline import audit
from tests.fakes import ListCollector
from tests.text_account import RawGpsAnalyzer, Truth, analyse, build_account, text_analyzers

TODAY = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def account() -> tuple[list[Post], Truth, list[Finding], list[Fact], RunContext]:
    posts, truth = build_account()
    run = RunContext(AuditOptions(timezone="Europe/London", now=TODAY))
    findings = analyse(posts, run, [RawGpsAnalyzer(), *text_analyzers()])
    facts = build_dossier(posts, findings, run)
    return posts, truth, findings, facts, run


def _only(facts: list[Fact], kind: str) -> Fact:
    found = [f for f in facts if f.kind == kind]
    assert len(found) == 1, [(f.kind, f.value) for f in found]
    return found[0]


def test_account_is_big_enough(account) -> None:
    posts, *_ = account
    assert len(posts) >= 30


def test_child_name(account) -> None:
    _, truth, _, facts, _ = account
    fact = _only(facts, "child_name")
    assert fact.value == truth.child and fact.child == truth.child
    assert set(fact.evidence_post_ids) == truth.name_posts
    assert fact.sentence == "Her name is Isla."


def test_birthday_from_two_years_of_posts(account) -> None:
    _, truth, _, facts, _ = account
    fact = _only(facts, "birthday")
    assert fact.value == truth.birthday
    assert set(fact.evidence_post_ids) == truth.birthday_posts
    assert fact.sentence == "She turned 5 on 9 March 2024, so she was born on 9 March 2019."
    assert "the day itself" in fact.detail


def test_age_as_of_today(account) -> None:
    _, _, _, facts, _ = account
    fact = _only(facts, "age")
    assert fact.value == "6"
    assert fact.sentence == "She is 6 now."


def test_school(account) -> None:
    _, truth, _, facts, _ = account
    fact = _only(facts, "school")
    assert fact.value == truth.school
    assert set(fact.evidence_post_ids) == truth.school_posts
    assert fact.sentence == "She goes to Brookfield Primary School."


def test_weekly_routine_in_local_time(account) -> None:
    _, truth, _, facts, _ = account
    fact = _only(facts, "routine")
    assert (fact.weekday, fact.time_of_day) == (truth.routine_weekday, truth.routine_time)
    assert truth.routine_place in fact.value
    assert set(fact.evidence_post_ids) == truth.routine_posts
    assert fact.sentence == "On Wednesdays around 17:00 she is at Highgate Leisure Centre."
    assert fact.detail.endswith("local time from the time zone at the post's location tag (Europe/London).")


def test_home_area_rounded(account) -> None:
    _, truth, _, facts, _ = account
    fact = _only(facts, "home_area")
    assert set(fact.evidence_post_ids) == truth.home_posts
    assert fact.lat == pytest.approx(truth.home[0], abs=0.001)
    assert fact.lon == pytest.approx(truth.home[1], abs=0.001)
    assert fact.lat == round(fact.lat, 3)
    assert "110 m" in fact.detail


def test_facts_are_ranked_home_school_routine_first(account) -> None:
    _, truth, _, facts, _ = account
    isla = [f.kind for f in facts if f.child == truth.child]
    assert isla[:3] == ["home_area", "school", "routine"]


def test_no_fact_the_posts_do_not_support(account) -> None:
    _, truth, _, facts, _ = account
    for fact in facts:
        if fact.kind in ("birthday", "age", "school", "child_name"):
            assert not set(fact.evidence_post_ids) & truth.decoy_posts, fact
    # The friend's child is named once: kept as "another child", never as the account's child.
    others = [f for f in facts if f.kind == "other_child"]
    assert [f.value for f in others] == ["Leo"]
    assert {f.child for f in facts} <= {truth.child, None}
    # Two weekend park visits are a frequent place, not a routine.
    assert all("Hampstead" not in f.value for f in facts if f.kind == "routine")
    assert any(f.kind == "frequent_place" and f.value == "Hampstead Heath" for f in facts)


def test_time_zone_used_is_noted(account) -> None:
    *_, run = account
    note = next(n for n in run.notes if n.startswith("Post times were read in local time"))
    assert "GPS position" in note and "--timezone" in note


def test_conflicting_birthdays_are_both_kept() -> None:
    posts = [
        Post(
            id="a",
            source="t",
            taken_at=datetime(2024, 5, 14, 9, tzinfo=UTC),
            caption="Our Mia turns 5 today!",
        ),
        Post(
            id="b",
            source="t",
            taken_at=datetime(2024, 8, 2, 9, tzinfo=UTC),
            caption="my daughter Mia is 5 today",
        ),
        Post(
            id="c", source="t", taken_at=datetime(2023, 5, 14, 9, tzinfo=UTC), caption="Mia turns 4 today 🎂"
        ),
    ]
    run = RunContext(AuditOptions(timezone="UTC", now=TODAY))
    facts = build_dossier(posts, analyse(posts, run, text_analyzers()), run)
    bdays = [f for f in facts if f.kind == "birthday"]
    assert [f.value for f in bdays] == ["2019-05-14", "2019-08-02"]
    assert bdays[0].confidence > bdays[1].confidence
    assert set(bdays[0].evidence_post_ids) == {"a", "c"}


def test_enrolled_face_gives_appearance_fact() -> None:
    posts = [Post(id=f"p{i}", source="t", caption="park day") for i in range(3)]
    faces = [
        Finding(
            f"p{i}",
            0,
            "faces",
            "enrolled_child_face",
            "high",
            0.9,
            "Mia's face.",
            FaceValue((1, 2, 3, 4)),
            "Mia",
        )
        for i in range(3)
    ]
    run = RunContext(AuditOptions(now=TODAY))
    facts = build_dossier(posts, faces, run)
    fact = _only(facts, "appearance")
    assert fact.child == "Mia" and fact.evidence_post_ids == ("p0", "p1", "p2")
    assert fact.sentence.startswith("Their face can be seen in 3 post(s)")


def test_spacy_loaded_once_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    calls: list[str] = []
    real_load = spacy.load

    def counting_load(name: str, **kw: object) -> object:
        loaded = real_load(name, **kw)
        calls.append(name)  # only loads that succeeded
        return loaded

    monkeypatch.setattr(spacy, "load", counting_load)
    monkeypatch.setattr(text_engine, "_PIPELINE", None)
    posts, _ = build_account()
    result = audit(
        ["list:isla"],
        analyzers=[RawGpsAnalyzer(), *text_analyzers()],
        collectors=[ListCollector(posts)],
        options=AuditOptions(timezone="Europe/London", now=TODAY),
    )
    assert len(calls) == 1
    assert {f.kind for f in result.facts} >= {
        "child_name",
        "birthday",
        "age",
        "school",
        "home_area",
        "routine",
    }


def _gps_post(pid: str, when: datetime, lat: float, lon: float) -> tuple[Post, Finding]:
    post = Post(id=pid, source="t", taken_at=when, caption="")
    gps = Finding(
        pid, 0, "location", "gps_exif", "high", 0.9, "GPS.", LocationValue(lat, lon, place="Chalk Farm")
    )
    return post, gps


def test_school_run_cluster_and_home_is_not_a_routine() -> None:
    pairs = []
    for week in range(3):
        # Monday drop-off at 08:40 London time (07:40 UTC in summer)
        pairs.append(
            _gps_post(f"s{week}", datetime(2024, 6, 3 + 7 * week, 7, 40, tzinfo=UTC), 51.5529, -0.1451)
        )
        # Saturday evenings at home
        pairs.append(
            _gps_post(f"h{week}", datetime(2024, 6, 8 + 7 * week, 18, 30, tzinfo=UTC), 51.5560, -0.1403)
        )
    posts = [p for p, _ in pairs]
    findings = [f for _, f in pairs]
    facts = build_dossier(posts, findings, RunContext(AuditOptions(now=TODAY)))
    school_run = [f for f in facts if f.kind == "frequent_place" and f.value.startswith("probably a school")]
    assert len(school_run) == 1 and school_run[0].evidence_post_ids == ("s0", "s1", "s2")
    assert _only(facts, "home_area").evidence_post_ids == ("h0", "h1", "h2")
    routines = [f for f in facts if f.kind == "routine"]
    assert [(f.weekday, f.time_of_day) for f in routines] == [("Monday", "08:45")]


def test_a_friend_named_twice_is_another_child() -> None:
    posts = [
        Post(id="a", source="t", taken_at=TODAY, caption="my daughter Mia and her best friend"),
        Post(id="b", source="t", taken_at=TODAY, caption="Mia (5) and Lily (5) showing off their crafts"),
        Post(id="c", source="t", taken_at=TODAY, caption="swim class with Lily again"),
    ]
    run = RunContext(AuditOptions(now=TODAY))
    facts = build_dossier(posts, analyse(posts, run, text_analyzers()), run)
    assert [f.value for f in facts if f.kind == "child_name"] == ["Mia"]
    assert [(f.value, f.evidence_post_ids) for f in facts if f.kind == "other_child"] == [
        ("Lily", ("b", "c"))
    ]
    # Lily's age is not reported as Mia's, Mia's is
    ages = [f for f in facts if f.kind == "age"]
    assert [(f.child, f.evidence_post_ids) for f in ages] == [("Mia", ("b",))]


def test_a_child_named_through_the_account_is_ours_without_my_son() -> None:
    # Sem is never "my son" and tied to a child once; he recurs through the account, and no
    # caption calls him another family's child: he is the family's, as is Noor
    captions = [
        "Sem en Noor in de tuin, eindelijk zon",
        "Sem heeft zijn eerste stapjes gezet!!",
        "Sem wordt vandaag 1 jaar",
        "Noor en Fenna op het schoolplein, Fenna is haar vriendinnetje",
        "Sem in de sneeuw",
        "Noor is 5 geworden!",
    ]
    posts = [Post(id=str(i), source="t", taken_at=TODAY, caption=c) for i, c in enumerate(captions)]
    run = RunContext(AuditOptions(now=TODAY))
    facts = build_dossier(posts, analyse(posts, run, text_analyzers()), run)
    assert sorted(f.value for f in facts if f.kind == "child_name") == ["Noor", "Sem"]
    assert [f.value for f in facts if f.kind == "other_child"] == ["Fenna"]


def test_enrolled_child_owns_the_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from footprint_audit import enrollment

    monkeypatch.setattr(
        enrollment, "list_enrolled", lambda profile=None: [types.SimpleNamespace(name="Noor")]
    )
    posts = [
        Post(
            id="a",
            source="t",
            taken_at=datetime(2024, 9, 4, 8, tzinfo=UTC),
            caption="first day at Elm Tree Primary",
        ),
        Post(id="b", source="t", taken_at=TODAY, caption="noor and the ducks"),
    ]
    run = RunContext(AuditOptions(timezone="Europe/London", now=TODAY))
    facts = build_dossier(posts, analyse(posts, run, text_analyzers()), run)
    assert [(f.kind, f.value, f.child) for f in facts if f.kind in ("school", "child_name")] == [
        ("school", "Elm Tree Primary", "Noor"),
        ("child_name", "Noor", "Noor"),
    ]
