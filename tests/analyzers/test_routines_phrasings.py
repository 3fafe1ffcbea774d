"""When a routine repeats, said the many ways parents say it (issue 10): day lists before a
part of the day, short day lists, school days, habits without a weekday, and one-offs."""

from __future__ import annotations

import pytest

from analyzers.routines import RoutinesAnalyzer
from tests.analyzers.textkit import run_captions


def _when(found: list) -> list[str]:
    return sorted({(f.value.weekday or f.value.every or "").lower() for f in found} - {""})


CASES = [
    ("Monday and Wednesday afternoons are for the allotment", ["monday", "wednesday"]),
    ("Tues, Thurs and Sat at the pool", ["saturday", "thursday", "tuesday"]),
    ("club days are Monday and Friday", ["friday", "monday"]),
    ("our Friday film routine", ["friday"]),
    ("Wednesday's are for pottery", ["wednesday"]),
    ("her regular Sunday", ["sunday"]),
    ("Sun mornings at the lido", ["sunday"]),
    ("every school day at 8.20 on the dot", ["weekdays"]),
    ("on school days we scoot", ["weekdays"]),
    ("weekday mornings are a blur", ["weekdays"]),
    ("weekend mornings in the woods", ["weekends"]),
    ("every other weekend with grandad", ["weekends"]),
    ("Uniform, lunchbox, bus. every single weekday", ["weekdays"]),
    ("Weekend rugby, every week without fail, whatever the weather", ["weekends"]),
    ("This weekend we went to the coast, as always", []),
    ("nightly bath, book, bed", ["daily"]),
    ("we scoot to school everyday", ["daily"]),
    ("zaterdagen zijn voor hockey", ["saturday"]),
    ("Mondays to Fridays at the childminder", ["weekdays"]),
    ("school mornings are chaos", ["weekdays"]),
    ("Every. Single. Day.", ["daily"]),
    ("Wednesday is always swimming", ["wednesday"]),
    ("Saturday we usually go to the market", ["saturday"]),
    ("Thursday evening is Scouts", ["thursday"]),
    ("Nursery days: Monday, Wednesday, Friday", ["friday", "monday", "wednesday"]),
    ("every weeknight at 7", ["weekdays"]),
    ("every lunchtime without fail", ["daily"]),
    ("Sunday = roast", ["sunday"]),
    ("Park run with Dad, a Saturday must", ["saturday"]),
    ("Tues swim, Thurs gym", ["thursday", "tuesday"]),
    ("elke dinsdag- en donderdagmiddag judo", ["thursday", "tuesday"]),
    ("our Thursday walks to the library, every single week", ["thursday"]),
    ("Op zaterdag gaan we altijd naar de markt", ["saturday"]),
    ("You make us so proud every single day ❤️", []),
    ("we feed the ducks every morning and she loves it", ["daily"]),
    ("毎日がお祭り騒ぎ🎉", []),
    ("年子育児の毎日です", []),
    ("毎日公園で遊んでいます", ["daily"]),
    # habits said in the next sentence, or as a tradition
    ("Friday fish and chips at Nana's. Every week, no exceptions.", ["friday"]),
    ("Donderdag is oma-dag. Altijd.", ["thursday"]),
    ("Wafels op zondag, traditie", ["sunday"]),
    ("Wednesday after-school club is the highlight of her week", ["wednesday"]),
    # a day and its part, a club activity on its day
    ("Op woensdagnamiddag altijd naar de muziekschool", ["wednesday"]),
    ("Korfbal op zaterdag in Zwolle", ["saturday"]),
    ("Monday and Friday after school is swimming, and she'd go every day if she could", ["friday", "monday"]),
    ("Coaching the Thursday evening junior netball squad", ["thursday"]),
]

ONE_OFFS = [
    "On Tuesday and Wednesday we stayed with friends",
    "Last Monday and the Tuesday after were wet",
    "back in my school days",
    "everyday life with three kids",
    "Sun, sea and sand",
    "Beach every day this week!",
    "The shed took three weekends to build",
]


@pytest.mark.parametrize(("caption", "want"), CASES)
def test_repeating_days_are_read(caption: str, want: list[str]) -> None:
    (found,) = run_captions(RoutinesAnalyzer(), caption)
    assert _when(found) == sorted(want)


def test_one_off_days_are_no_routine() -> None:
    out = run_captions(RoutinesAnalyzer(), *ONE_OFFS)
    assert {c: _when(f) for c, f in zip(ONE_OFFS, out, strict=True)} == {c: [] for c in ONE_OFFS}
