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
