from __future__ import annotations

from analyzers.ages import AgesAnalyzer
from tests.analyzers.textkit import run_captions


def _vals(found):
    return [(f.value.years, f.value.months, f.value.birthday) for f in found]


def test_ages_and_birthdays() -> None:
    out = run_captions(
        AgesAnalyzer(),
        "Mia turns 5 today!",
        "happy 3rd birthday little man",
        "4 months old today 💙",
        "Half-birthday pancakes",
        "First day of Year 1",
        "Sanne wordt 6 jaar",
        "5歳になりました",
    )
    assert _vals(out[0]) == [(5, None, True)]
    assert _vals(out[1]) == [(3, None, True)]
    assert _vals(out[2]) == [(None, 4, False)]
    assert out[3][0].value.half is True
    assert out[4][0].value.school_year == "year 1"
    assert _vals(out[5]) == [(6, None, True)]
    assert _vals(out[6]) == [(5, None, False)]
    assert out[0][0].severity == "high" and out[2][0].severity == "medium"


def test_adults_birthdays_are_ignored() -> None:
    out = run_captions(
        AgesAnalyzer(),
        "happy birthday to my mum, 60 and fabulous",
        "Happy birthday to the best husband and daddy",
        "Throwback to my 30th birthday",
    )
    assert out == [[], [], []]


def test_ages_said_in_passing() -> None:
    out = run_captions(
        AgesAnalyzer(),
        "Baby's first Halloween, aged 8 months",  # months, not years
        "First steps at 11 months",
        "her first haircut, she's 2 and she was a dream",
        "Nieuwe fiets, hij is 8 en vindt zichzelf stoer",
        "happy birthday to my girl, eight years of you",
        "vandaag vierden we dat Jurre 7 is geworden",
        "Femke en Jasper, 7 en 5, aan het vissen",
        "Congrats to all the Year 6s leaving today",
        "Zuzia Year 1, Antek Reception",
        "年長の息子、運動会でリレーの選手に",
        "紬、今日から年少さん",
        "she's 2 weeks late with everything",  # a unit, no age
        "the wedding Reception desk",
    )
    got = [sorted(((f.value.years, f.value.months) for f in found), key=str) for found in out]
    assert got == [
        [(None, 8)],
        [(None, 11)],
        [(2, None)],
        [(8, None)],
        [(8, None), (None, None)],  # and "happy birthday" itself
        [(7, None)],
        [(5, None), (7, None)],
        [(10, None)],
        [(4, None), (5, None)],
        [(5, None)],
        [(3, None)],
        [],
        [],
    ]


def test_more_ways_to_give_an_age() -> None:
    out = run_captions(
        AgesAnalyzer(),
        "our 3-year-old refuses shoes",
        "she is 4 and a half now",
        "nearly 3 and already bossy",
        "a 6-month-old cold",
        "nearly 10pm and still awake",
    )
    assert [[(f.value.years, f.value.months) for f in found] for found in out] == [
        [(3, None)],
        [(4, None)],
        [(3, None)],
        [(None, 6)],
        [],
    ]
