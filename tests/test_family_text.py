"""A two-child family written the way parents write, read end to end into the dossier.

Truth: the account's children are Mia (born 14 May 2019) and Leo (born 2 September 2021);
Mia goes to St Anne's C of E Primary School; Zoe is Mia's classmate (another family's child,
named in a playdate post and at her own party). No adult is a child and nobody is invented.
"""

from __future__ import annotations

from datetime import UTC, datetime

from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.dossier import build_dossier
from footprint_audit.models import Fact, Post
from tests.text_account import analyse, text_analyzers

TODAY = datetime(2025, 1, 10, 12, tzinfo=UTC)
CAPTIONS = [
    ("2024-05-14", "Mia is 5 today!! 🎂 best girl"),
    ("2023-05-14", "our Mia turns 4 today 🎈"),
    ("2024-09-02", "Leo is 3 today 🦖🎂"),
    ("2023-09-02", "happy 2nd birthday to my boy Leo"),
    ("2024-09-04", "Mia and Leo off to St Anne's C of E Primary School this morning 🎒"),
    ("2024-10-11", "Playdate with Zoe after school, Mia had the best time"),
    ("2024-11-20", "Happy birthday Zoe! Thanks for having Mia at the party 🎈"),
    ("2024-12-01", "Dinner with Sarah and Tom tonight 🍷 lovely to catch up"),
    ("2024-12-08", "Pancakes for breakfast and a lazy morning 🥞"),
]


def _facts() -> list[Fact]:
    posts = [
        Post(
            id=f"p{i}", source="t", taken_at=datetime.fromisoformat(d).replace(hour=9, tzinfo=UTC), caption=c
        )
        for i, (d, c) in enumerate(CAPTIONS)
    ]
    run = RunContext(AuditOptions(timezone="UTC", now=TODAY))
    return build_dossier(posts, analyse(posts, run, text_analyzers()), run)


def test_family_text_gives_both_children_birthdays_school_and_the_classmate() -> None:
    facts = _facts()
    by_kind: dict[str, list[Fact]] = {}
    for f in facts:
        by_kind.setdefault(f.kind, []).append(f)
    assert sorted(f.value for f in by_kind["child_name"]) == ["Leo", "Mia"]
    assert {(f.child, f.value) for f in by_kind["birthday"]} == {("Mia", "2019-05-14"), ("Leo", "2021-09-02")}
    assert {f.value for f in by_kind["school"]} == {"St Anne's C of E Primary School"}
    # the classmate is another family's child: kept, never one of ours
    others = [f for f in by_kind["other_child"] if f.value == "Zoe"]
    assert len(others) == 1 and others[0].child is None
    assert set(others[0].evidence_post_ids) == {"p5", "p6"}
    named = {f.value for f in facts if f.kind in ("child_name", "other_child")}
    assert named == {"Mia", "Leo", "Zoe"}  # no adult, no "Pancakes"
    # the adults at dinner are in no fact about a child
    about_children = [f for f in facts if f.kind in ("child_name", "other_child", "birthday", "school")]
    assert not any(w in str(f.value) for f in about_children for w in ("Sarah", "Tom", "Pancakes"))
