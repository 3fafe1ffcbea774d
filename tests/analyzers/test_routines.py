from __future__ import annotations

from analyzers.routines import RoutinesAnalyzer
from tests.analyzers.textkit import run_captions


def test_routine_hints() -> None:
    out = run_captions(
        RoutinesAnalyzer(),
        "every Tuesday without fail",
        "Saturday football ⚽",
        "school run in the rain",
        "Elke woensdag zwemles",
        "毎週水曜日はスイミング",
        "pancake tuesday",
    )
    got = [[(f.value.text, f.value.weekday) for f in found] for found in out]
    assert got == [
        [("every Tuesday", "Tuesday")],
        [("Saturday football", "Saturday")],
        [("school run", None)],
        [("Elke woensdag", "Wednesday"), ("zwemles", None)],
        [("毎週水曜日", "Wednesday")],
        [],
    ]


def test_when_a_routine_repeats() -> None:
    out = run_captions(
        RoutinesAnalyzer(),
        "Tennis on Tuesdays and Thursdays 🎾",
        "gymnastics every Monday and Wednesday",
        "Daily walk to the park",
        "Weekends are for the allotment",
        "Up at 7 every weekday",
        "Elk weekend naar opa en oma",
        "Doordeweeks om 8 uur de deur uit",
        "woensdags en zaterdags naar turnen",
        "毎週月・水曜日はスイミング",
        "平日は毎朝7時半に登園",
        "毎週末は海へ",
        "土曜日はいつもサッカー",
    )
    got = [[(f.value.weekday, f.value.every) for f in found] for found in out]
    assert got == [
        [("Tuesday", None), ("Thursday", None)],
        [("Monday", None), ("Wednesday", None)],
        [(None, "daily")],
        [(None, "weekends")],
        [(None, "weekdays")],
        [(None, "weekends")],
        [(None, "weekdays")],
        [("Wednesday", None), ("Saturday", None)],
        [("Monday", None), ("Wednesday", None)],
        [(None, "weekdays"), (None, "weekdays")],  # every morning of the weekdays
        [(None, "weekends")],
        [("Saturday", None)],
    ]
    assert out[2][0].summary.startswith("Hints at a regular routine (“Daily”) every day:")


def test_one_off_days_are_no_routine() -> None:
    out = run_captions(
        RoutinesAnalyzer(),
        "Last Tuesday we went to the zoo 🦁",
        "On Saturday we're off to York!",
        "Happy Sunday everyone",
        "Afgelopen dinsdag naar de dierentuin geweest",
        "Volgende zaterdag gaan we naar Utrecht",
        "先週の土曜日に動物園へ行きました",
        "今度の日曜日は京都に行く予定",
        "毎週月末",  # 月末 is the end of the month, not Monday
    )
    assert [[(f.value.weekday, f.value.every) for f in found] for found in out] == [
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [(None, None)],
    ]


def test_routine_value_keeps_its_old_shape_without_every() -> None:
    from footprint_audit.findings import RoutineValue

    assert RoutineValue("every Tuesday", "Tuesday").to_json() == {
        "text": "every Tuesday",
        "weekday": "Tuesday",
        "activity": None,
    }
    assert RoutineValue("daily", every="daily").to_json()["every"] == "daily"


def test_more_ways_to_say_weekly() -> None:
    out = run_captions(
        RoutinesAnalyzer(),
        "swimming every Tues",
        "Saturday mornings are for parkrun",
        "Brownies on a Wednesday",
        "Friday night is pizza night",
        "zaterdagochtenden naar de markt",
        "土曜日の朝はいつもパン屋さん",
        "We sat on the sun lounger",  # "sat" and "sun" are words
        "Married on a Saturday in June",  # one Saturday
    )
    assert [[f.value.weekday for f in found] for found in out] == [
        ["Tuesday"],
        ["Saturday"],
        ["Wednesday"],
        ["Friday"],
        ["Saturday"],
        ["Saturday"],
        [],
        [],
    ]


def test_a_weekday_in_a_sentence_that_says_it_repeats() -> None:
    out = run_captions(
        RoutinesAnalyzer(),
        "Sunday lunch at Nana's, every week without fail",
        "Zondag naar oma, vaste prik",
        "Saturday morning swim lessons",
        "Last Tuesday was weekly shop day",
        "Afgelopen zondag naar oma, vaste prik",
    )
    assert [[f.value.weekday for f in found if f.value.weekday] for found in out] == [
        ["Sunday"],
        ["Sunday"],
        ["Saturday"],
        [],
        [],
    ]
