"""The caption analyzers' precision and recall never fall back.

Runs benchmarks/text_quality.py's evaluation (the real analyzers, each caption its own
account) on the held-out half of the generated captions, on the first hand-written captions
and on every independent set but the first author's tune half: the held-out sets
(independent_heldout, independent4, independent6) and the sets that were scored once on
arrival or as held out and are tune sets now (independent2, 3, 5, 7 and 8).
The minimums are the figures measured when the rules were last changed, rounded down; raise
them when the rules improve.
"""

from __future__ import annotations

import pytest

from benchmarks.text_eval.generate import generate, read_handwritten
from benchmarks.text_quality import HANDWRITTEN, INDEPENDENT, evaluate, ratios

# (split, language, category): (precision, recall), measured 2026-11-24 (seventh session), rounded down
MINIMUMS: dict[tuple[str, str, str], tuple[float, float]] = {
    ("held_out", "en", "own"): (1.00, 0.99),  # tp 446 fp 0 fn 3
    ("held_out", "en", "other"): (1.00, 1.00),  # tp 77 fp 0 fn 0
    ("held_out", "en", "age"): (1.00, 1.00),  # tp 133 fp 0 fn 0
    ("held_out", "en", "school"): (1.00, 1.00),  # tp 55 fp 0 fn 0
    ("held_out", "en", "routine"): (1.00, 1.00),  # tp 154 fp 0 fn 0
    ("held_out", "en", "place"): (1.00, 1.00),  # tp 66 fp 0 fn 0
    ("held_out", "nl", "own"): (1.00, 1.00),  # tp 260 fp 0 fn 0
    ("held_out", "nl", "other"): (1.00, 1.00),  # tp 40 fp 0 fn 0
    ("held_out", "nl", "age"): (1.00, 1.00),  # tp 60 fp 0 fn 0
    ("held_out", "nl", "school"): (1.00, 1.00),  # tp 20 fp 0 fn 0
    ("held_out", "nl", "routine"): (1.00, 1.00),  # tp 90 fp 0 fn 0
    ("held_out", "nl", "place"): (1.00, 1.00),  # tp 40 fp 0 fn 0
    ("held_out", "ja", "own"): (1.00, 1.00),  # tp 203 fp 0 fn 0
    ("held_out", "ja", "other"): (1.00, 1.00),  # tp 38 fp 0 fn 0
    ("held_out", "ja", "age"): (1.00, 1.00),  # tp 52 fp 0 fn 0
    ("held_out", "ja", "school"): (1.00, 1.00),  # tp 39 fp 0 fn 0
    ("held_out", "ja", "routine"): (1.00, 1.00),  # tp 108 fp 0 fn 0
    ("held_out", "ja", "place"): (1.00, 1.00),  # tp 62 fp 0 fn 0
    ("handwritten", "en", "own"): (0.95, 0.92),  # tp 58 fp 3 fn 5
    ("handwritten", "en", "other"): (1.00, 0.78),  # tp 11 fp 0 fn 3
    ("handwritten", "en", "age"): (1.00, 0.96),  # tp 27 fp 0 fn 1
    ("handwritten", "en", "school"): (1.00, 1.00),  # tp 12 fp 0 fn 0
    ("handwritten", "en", "place"): (0.82, 1.00),  # tp 14 fp 3 fn 0
    ("handwritten", "nl", "own"): (0.96, 1.00),  # tp 26 fp 1 fn 0
    ("handwritten", "nl", "other"): (1.00, 1.00),  # tp 5 fp 0 fn 0
    ("handwritten", "nl", "age"): (0.90, 0.76),  # tp 10 fp 1 fn 3
    ("handwritten", "nl", "school"): (1.00, 1.00),  # tp 4 fp 0 fn 0
    ("handwritten", "nl", "place"): (1.00, 0.88),  # tp 8 fp 0 fn 1
    ("handwritten", "ja", "own"): (1.00, 1.00),  # tp 21 fp 0 fn 0
    ("handwritten", "ja", "other"): (1.00, 1.00),  # tp 4 fp 0 fn 0
    ("handwritten", "ja", "age"): (0.92, 1.00),  # tp 12 fp 1 fn 0
    ("handwritten", "ja", "school"): (1.00, 1.00),  # tp 5 fp 0 fn 0
    ("handwritten", "ja", "place"): (1.00, 1.00),  # tp 7 fp 0 fn 0
    ("independent_heldout", "en", "own"): (0.88, 0.88),  # tp 68 fp 9 fn 9
    ("independent_heldout", "en", "other"): (0.89, 1.00),  # tp 17 fp 2 fn 0
    ("independent_heldout", "en", "age"): (0.97, 1.00),  # tp 37 fp 1 fn 0
    ("independent_heldout", "en", "school"): (0.90, 0.90),  # tp 9 fp 1 fn 1
    ("independent_heldout", "en", "routine"): (1.00, 0.75),  # tp 9 fp 0 fn 3
    ("independent_heldout", "en", "place"): (0.89, 0.78),  # tp 26 fp 3 fn 7
    ("independent_heldout", "nl", "own"): (0.89, 0.92),  # tp 26 fp 3 fn 2
    ("independent_heldout", "nl", "other"): (1.00, 1.00),  # tp 11 fp 0 fn 0
    ("independent_heldout", "nl", "age"): (1.00, 0.90),  # tp 10 fp 0 fn 1
    ("independent_heldout", "nl", "school"): (1.00, 1.00),  # tp 3 fp 0 fn 0
    ("independent_heldout", "nl", "routine"): (1.00, 1.00),  # tp 5 fp 0 fn 0
    ("independent_heldout", "nl", "place"): (0.92, 0.75),  # tp 12 fp 1 fn 4
    ("independent_heldout", "ja", "own"): (0.96, 0.89),  # tp 26 fp 1 fn 3
    ("independent_heldout", "ja", "other"): (1.00, 1.00),  # tp 4 fp 0 fn 0
    ("independent_heldout", "ja", "age"): (1.00, 1.00),  # tp 10 fp 0 fn 0
    ("independent_heldout", "ja", "school"): (0.60, 0.60),  # tp 3 fp 2 fn 2
    ("independent_heldout", "ja", "routine"): (1.00, 1.00),  # tp 5 fp 0 fn 0
    ("independent_heldout", "ja", "place"): (1.00, 0.76),  # tp 10 fp 0 fn 3
    ("independent2", "en", "own"): (0.95, 0.96),  # tp 209 fp 9 fn 7
    ("independent2", "en", "other"): (1.00, 1.00),  # tp 49 fp 0 fn 0
    ("independent2", "en", "age"): (0.98, 0.95),  # tp 70 fp 1 fn 3
    ("independent2", "en", "school"): (0.96, 0.96),  # tp 31 fp 1 fn 1
    ("independent2", "en", "routine"): (1.00, 1.00),  # tp 37 fp 0 fn 0
    ("independent2", "en", "place"): (0.94, 0.86),  # tp 112 fp 7 fn 17
    ("independent2", "nl", "own"): (0.99, 0.99),  # tp 116 fp 1 fn 1
    ("independent2", "nl", "other"): (1.00, 1.00),  # tp 23 fp 0 fn 0
    ("independent2", "nl", "age"): (1.00, 1.00),  # tp 46 fp 0 fn 0
    ("independent2", "nl", "school"): (1.00, 1.00),  # tp 22 fp 0 fn 0
    ("independent2", "nl", "routine"): (1.00, 1.00),  # tp 22 fp 0 fn 0
    ("independent2", "nl", "place"): (0.95, 0.88),  # tp 44 fp 2 fn 6
    ("independent2", "ja", "own"): (1.00, 1.00),  # tp 66 fp 0 fn 0
    ("independent2", "ja", "other"): (1.00, 1.00),  # tp 23 fp 0 fn 0
    ("independent2", "ja", "age"): (1.00, 1.00),  # tp 52 fp 0 fn 0
    ("independent2", "ja", "school"): (0.92, 1.00),  # tp 12 fp 1 fn 0
    ("independent2", "ja", "routine"): (1.00, 1.00),  # tp 19 fp 0 fn 0
    ("independent2", "ja", "place"): (1.00, 0.85),  # tp 24 fp 0 fn 4
    ("independent3", "en", "own"): (0.96, 0.97),  # tp 226 fp 8 fn 5
    ("independent3", "en", "other"): (1.00, 0.86),  # tp 31 fp 0 fn 5
    ("independent3", "en", "age"): (0.98, 1.00),  # tp 80 fp 1 fn 0
    ("independent3", "en", "school"): (0.96, 0.93),  # tp 27 fp 1 fn 2
    ("independent3", "en", "routine"): (1.00, 1.00),  # tp 34 fp 0 fn 0
    ("independent3", "en", "place"): (0.92, 0.86),  # tp 86 fp 7 fn 14
    ("independent3", "nl", "own"): (0.98, 0.98),  # tp 102 fp 2 fn 2
    ("independent3", "nl", "other"): (0.94, 1.00),  # tp 18 fp 1 fn 0
    ("independent3", "nl", "age"): (1.00, 0.97),  # tp 42 fp 0 fn 1
    ("independent3", "nl", "school"): (1.00, 1.00),  # tp 12 fp 0 fn 0
    ("independent3", "nl", "routine"): (1.00, 1.00),  # tp 18 fp 0 fn 0
    ("independent3", "nl", "place"): (0.96, 0.92),  # tp 49 fp 2 fn 4
    ("independent3", "ja", "own"): (0.97, 1.00),  # tp 73 fp 2 fn 0
    ("independent3", "ja", "other"): (1.00, 0.83),  # tp 10 fp 0 fn 2
    ("independent3", "ja", "age"): (1.00, 1.00),  # tp 33 fp 0 fn 0
    ("independent3", "ja", "school"): (1.00, 1.00),  # tp 13 fp 0 fn 0
    ("independent3", "ja", "routine"): (1.00, 1.00),  # tp 16 fp 0 fn 0
    ("independent3", "ja", "place"): (1.00, 0.84),  # tp 16 fp 0 fn 3
    ("independent4", "en", "own"): (0.87, 0.89),  # tp 248 fp 37 fn 29
    ("independent4", "en", "other"): (0.97, 0.81),  # tp 78 fp 2 fn 18
    ("independent4", "en", "age"): (1.00, 0.94),  # tp 97 fp 0 fn 6
    ("independent4", "en", "school"): (0.94, 0.84),  # tp 33 fp 2 fn 6
    ("independent4", "en", "routine"): (0.97, 0.94),  # tp 48 fp 1 fn 3
    ("independent4", "en", "place"): (0.87, 0.80),  # tp 105 fp 15 fn 26
    ("independent4", "nl", "own"): (0.89, 0.91),  # tp 184 fp 21 fn 18
    ("independent4", "nl", "other"): (0.90, 0.75),  # tp 46 fp 5 fn 15
    ("independent4", "nl", "age"): (0.98, 0.92),  # tp 83 fp 1 fn 7
    ("independent4", "nl", "school"): (0.97, 1.00),  # tp 44 fp 1 fn 0
    ("independent4", "nl", "routine"): (1.00, 1.00),  # tp 34 fp 0 fn 0
    ("independent4", "nl", "place"): (0.95, 0.88),  # tp 95 fp 4 fn 12
    ("independent4", "ja", "own"): (0.94, 0.91),  # tp 125 fp 7 fn 12
    ("independent4", "ja", "other"): (0.98, 1.00),  # tp 51 fp 1 fn 0
    ("independent4", "ja", "age"): (0.97, 0.97),  # tp 78 fp 2 fn 2
    ("independent4", "ja", "school"): (0.97, 0.97),  # tp 33 fp 1 fn 1
    ("independent4", "ja", "routine"): (0.93, 0.96),  # tp 27 fp 2 fn 1
    ("independent4", "ja", "place"): (0.96, 0.55),  # tp 27 fp 1 fn 22
    ("independent5", "en", "own"): (0.80, 0.96),  # tp 74 fp 18 fn 3
    ("independent5", "en", "other"): (0.96, 0.86),  # tp 76 fp 3 fn 12
    ("independent5", "en", "age"): (0.96, 0.96),  # tp 29 fp 1 fn 1
    ("independent5", "en", "school"): (1.00, 1.00),  # tp 10 fp 0 fn 0
    ("independent5", "en", "routine"): (1.00, 1.00),  # tp 11 fp 0 fn 0
    ("independent5", "en", "place"): (0.91, 0.67),  # tp 31 fp 3 fn 15
    ("independent5", "nl", "own"): (0.82, 0.92),  # tp 47 fp 10 fn 4
    ("independent5", "nl", "other"): (0.93, 0.83),  # tp 44 fp 3 fn 9
    ("independent5", "nl", "age"): (1.00, 0.94),  # tp 18 fp 0 fn 1
    ("independent5", "nl", "school"): (0.90, 0.81),  # tp 9 fp 1 fn 2
    ("independent5", "nl", "routine"): (1.00, 1.00),  # tp 11 fp 0 fn 0
    ("independent5", "nl", "place"): (0.78, 0.81),  # tp 26 fp 7 fn 6
    ("independent5", "ja", "own"): (0.94, 0.94),  # tp 32 fp 2 fn 2
    ("independent5", "ja", "other"): (1.00, 0.94),  # tp 36 fp 0 fn 2
    ("independent5", "ja", "age"): (1.00, 1.00),  # tp 15 fp 0 fn 0
    ("independent5", "ja", "school"): (1.00, 0.85),  # tp 6 fp 0 fn 1
    ("independent5", "ja", "routine"): (1.00, 1.00),  # tp 7 fp 0 fn 0
    ("independent5", "ja", "place"): (1.00, 1.00),  # tp 3 fp 0 fn 0
    ("independent6", "en", "own"): (0.89, 0.84),  # tp 53 fp 6 fn 10
    ("independent6", "en", "other"): (0.92, 0.70),  # tp 12 fp 1 fn 5
    ("independent6", "en", "age"): (1.00, 0.94),  # tp 17 fp 0 fn 1
    ("independent6", "en", "school"): (1.00, 1.00),  # tp 8 fp 0 fn 0
    ("independent6", "en", "routine"): (1.00, 1.00),  # tp 8 fp 0 fn 0
    ("independent6", "en", "place"): (0.92, 0.71),  # tp 23 fp 2 fn 9
    ("independent6", "nl", "own"): (0.94, 0.94),  # tp 55 fp 3 fn 3
    ("independent6", "nl", "other"): (0.92, 0.92),  # tp 12 fp 1 fn 1
    ("independent6", "nl", "age"): (1.00, 1.00),  # tp 18 fp 0 fn 0
    ("independent6", "nl", "school"): (1.00, 1.00),  # tp 6 fp 0 fn 0
    ("independent6", "nl", "routine"): (0.88, 1.00),  # tp 8 fp 1 fn 0
    ("independent6", "nl", "place"): (0.91, 0.75),  # tp 21 fp 2 fn 7
    ("independent6", "ja", "own"): (0.95, 0.84),  # tp 96 fp 5 fn 17
    ("independent6", "ja", "other"): (1.00, 0.88),  # tp 16 fp 0 fn 2
    ("independent6", "ja", "age"): (0.94, 0.97),  # tp 35 fp 2 fn 1
    ("independent6", "ja", "school"): (1.00, 1.00),  # tp 6 fp 0 fn 0
    ("independent6", "ja", "routine"): (0.92, 0.92),  # tp 12 fp 1 fn 1
    ("independent6", "ja", "place"): (0.80, 0.34),  # tp 8 fp 2 fn 15
    ("independent7", "en", "own"): (0.91, 0.96),  # tp 288 fp 26 fn 12
    ("independent7", "en", "other"): (0.97, 0.94),  # tp 169 fp 4 fn 9
    ("independent7", "en", "age"): (0.99, 0.96),  # tp 123 fp 1 fn 5
    ("independent7", "en", "school"): (0.97, 0.94),  # tp 47 fp 1 fn 3
    ("independent7", "en", "routine"): (1.00, 1.00),  # tp 50 fp 0 fn 0
    ("independent7", "en", "place"): (0.86, 0.78),  # tp 119 fp 18 fn 32
    ("independent7", "nl", "own"): (0.95, 0.95),  # tp 234 fp 11 fn 10
    ("independent7", "nl", "other"): (0.97, 0.94),  # tp 89 fp 2 fn 5
    ("independent7", "nl", "age"): (0.98, 1.00),  # tp 110 fp 2 fn 0
    ("independent7", "nl", "school"): (1.00, 1.00),  # tp 45 fp 0 fn 0
    ("independent7", "nl", "routine"): (1.00, 1.00),  # tp 65 fp 0 fn 0
    ("independent7", "nl", "place"): (0.95, 0.87),  # tp 141 fp 6 fn 20
    ("independent7", "ja", "own"): (0.99, 0.96),  # tp 196 fp 1 fn 7
    ("independent7", "ja", "other"): (1.00, 1.00),  # tp 76 fp 0 fn 0
    ("independent7", "ja", "age"): (0.97, 0.98),  # tp 164 fp 4 fn 3
    ("independent7", "ja", "school"): (0.93, 0.96),  # tp 30 fp 2 fn 1
    ("independent7", "ja", "routine"): (0.95, 0.89),  # tp 44 fp 2 fn 5
    ("independent7", "ja", "place"): (0.75, 0.51),  # tp 46 fp 15 fn 43
    ("independent8", "en", "own"): (0.98, 0.93),  # tp 111 fp 2 fn 8
    ("independent8", "en", "other"): (0.96, 0.93),  # tp 30 fp 1 fn 2
    ("independent8", "en", "age"): (1.00, 1.00),  # tp 43 fp 0 fn 0
    ("independent8", "en", "school"): (1.00, 1.00),  # tp 19 fp 0 fn 0
    ("independent8", "en", "routine"): (0.90, 1.00),  # tp 19 fp 2 fn 0
    ("independent8", "en", "place"): (0.94, 0.81),  # tp 48 fp 3 fn 11
    ("independent8", "nl", "own"): (0.94, 0.90),  # tp 81 fp 5 fn 9
    ("independent8", "nl", "other"): (0.92, 0.96),  # tp 26 fp 2 fn 1
    ("independent8", "nl", "age"): (0.97, 0.94),  # tp 34 fp 1 fn 2
    ("independent8", "nl", "school"): (1.00, 1.00),  # tp 17 fp 0 fn 0
    ("independent8", "nl", "routine"): (1.00, 0.90),  # tp 18 fp 0 fn 2
    ("independent8", "nl", "place"): (0.91, 0.89),  # tp 42 fp 4 fn 5
    ("independent8", "ja", "own"): (0.94, 0.82),  # tp 90 fp 5 fn 19
    ("independent8", "ja", "other"): (1.00, 0.92),  # tp 26 fp 0 fn 2
    ("independent8", "ja", "age"): (1.00, 1.00),  # tp 48 fp 0 fn 0
    ("independent8", "ja", "school"): (1.00, 1.00),  # tp 18 fp 0 fn 0
    ("independent8", "ja", "routine"): (1.00, 1.00),  # tp 22 fp 0 fn 0
    ("independent8", "ja", "place"): (0.96, 0.83),  # tp 25 fp 1 fn 5
}


@pytest.fixture(scope="module")
def score() -> dict[tuple[str, str, str], list[int]]:
    # Every independent set with floors: all but the first author's tune half.
    independent = [
        caption
        for split, path in INDEPENDENT.items()
        if split != "independent_tune"
        for caption in read_handwritten(str(path), split)
    ]
    return dict(evaluate(generate("held_out") + read_handwritten(str(HANDWRITTEN)) + independent))


@pytest.mark.parametrize("key", sorted(MINIMUMS), ids=lambda k: "-".join(k))
def test_held_out_minimum(score: dict[tuple[str, str, str], list[int]], key: tuple[str, str, str]) -> None:
    precision, recall = ratios(score.get(key, [0, 0, 0]))
    want_p, want_r = MINIMUMS[key]
    assert precision >= want_p and recall >= want_r, (key, round(precision, 3), round(recall, 3))


def test_halves_share_no_name_school_or_place() -> None:
    from benchmarks.text_eval import lists

    for table in (lists.NAMES, lists.SCHOOLS, lists.PLACES):
        for lang, halves in table.items():
            assert not set(halves["tune"]) & set(halves["held_out"]), lang


def test_held_out_rows_print_only_when_asked() -> None:
    from benchmarks.text_quality import HELD_OUT_SPLITS, visible_rows

    assert set(HELD_OUT_SPLITS) == {"independent_heldout", "independent4", "independent6"}
    rows: list[dict[str, object]] = [{"split": s} for s in ("tune", "independent3", "independent4")]
    assert [r["split"] for r in visible_rows(rows, held_out=False)] == ["tune", "independent3"]
    assert [r["split"] for r in visible_rows(rows, held_out=True)] == ["tune", "independent3", "independent4"]


def test_only_tune_misses_can_be_shown() -> None:
    from benchmarks.text_quality import TUNE_SPLITS

    assert set(TUNE_SPLITS) == {
        "tune",
        "independent_tune",
        "independent2",
        "independent3",
        "independent5",
        "independent7",
        "independent8",
    }
    assert all(path.exists() for path in INDEPENDENT.values())
