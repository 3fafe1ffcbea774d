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
