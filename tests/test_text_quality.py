"""The caption analyzers' held-out precision and recall never fall back.

Runs benchmarks/text_quality.py's evaluation (the real analyzers, each caption its own
account) on the held-out half of the generated captions, on the first hand-written captions
and on the held-out half of the captions written independently of the rules.
The minimums are the figures measured when the rules were last changed, rounded down; raise
them when the rules improve. Places in Dutch and Japanese text are not read yet (0 recall).
"""

from __future__ import annotations

import pytest

from benchmarks.text_eval.generate import generate, read_handwritten
from benchmarks.text_quality import HANDWRITTEN, INDEPENDENT, evaluate, ratios

# (split, language, category): (precision, recall), measured 2026-11-23, rounded down
MINIMUMS: dict[tuple[str, str, str], tuple[float, float]] = {
    ("held_out", "en", "own"): (0.99, 0.99),  # tp 446 fp 3 fn 3
    ("held_out", "en", "other"): (1.00, 0.96),  # tp 74 fp 0 fn 3
    ("held_out", "en", "age"): (1.00, 1.00),  # tp 122 fp 0 fn 0
    ("held_out", "en", "school"): (1.00, 1.00),  # tp 55 fp 0 fn 0
    ("held_out", "en", "place"): (1.00, 1.00),  # tp 66 fp 0 fn 0
    ("held_out", "en", "routine"): (1.00, 1.00),  # tp 154 fp 0 fn 0
    ("held_out", "nl", "own"): (1.00, 1.00),  # tp 260 fp 0 fn 0
    ("held_out", "nl", "other"): (1.00, 1.00),  # tp 40 fp 0 fn 0
    ("held_out", "nl", "age"): (1.00, 1.00),  # tp 60 fp 0 fn 0
    ("held_out", "nl", "school"): (1.00, 1.00),  # tp 20 fp 0 fn 0
    ("held_out", "nl", "place"): (1.00, 0.87),  # tp 35 fp 0 fn 5
    ("held_out", "nl", "routine"): (1.00, 1.00),  # tp 90 fp 0 fn 0
    ("held_out", "ja", "own"): (1.00, 1.00),  # tp 203 fp 0 fn 0
    ("held_out", "ja", "other"): (1.00, 1.00),  # tp 38 fp 0 fn 0
    ("held_out", "ja", "age"): (1.00, 1.00),  # tp 39 fp 0 fn 0
    ("held_out", "ja", "school"): (1.00, 1.00),  # tp 39 fp 0 fn 0
    ("held_out", "ja", "place"): (1.00, 1.00),  # tp 62 fp 0 fn 0
    ("held_out", "ja", "routine"): (1.00, 1.00),  # tp 108 fp 0 fn 0
    ("handwritten", "en", "own"): (0.93, 0.88),  # tp 56 fp 4 fn 7
    ("handwritten", "en", "other"): (1.00, 0.78),  # tp 11 fp 0 fn 3
    ("handwritten", "en", "age"): (1.00, 0.87),  # tp 21 fp 0 fn 3
    ("handwritten", "en", "school"): (1.00, 1.00),  # tp 12 fp 0 fn 0
    ("handwritten", "en", "place"): (0.80, 0.85),  # tp 12 fp 3 fn 2
    ("handwritten", "nl", "own"): (0.96, 1.00),  # tp 26 fp 1 fn 0
    ("handwritten", "nl", "other"): (1.00, 1.00),  # tp 5 fp 0 fn 0
    ("handwritten", "nl", "age"): (0.90, 0.83),  # tp 10 fp 1 fn 2
    ("handwritten", "nl", "school"): (1.00, 1.00),  # tp 4 fp 0 fn 0
    ("handwritten", "nl", "place"): (0.83, 0.55),  # tp 5 fp 1 fn 4
    ("handwritten", "ja", "own"): (0.90, 0.85),  # tp 18 fp 2 fn 3
    ("handwritten", "ja", "other"): (1.00, 1.00),  # tp 4 fp 0 fn 0
    ("handwritten", "ja", "age"): (0.91, 1.00),  # tp 11 fp 1 fn 0
    ("handwritten", "ja", "school"): (1.00, 1.00),  # tp 5 fp 0 fn 0
    ("handwritten", "ja", "place"): (1.00, 1.00),  # tp 7 fp 0 fn 0
    ("independent_heldout", "en", "own"): (0.86, 0.88),  # tp 68 fp 11 fn 9
    ("independent_heldout", "en", "other"): (0.89, 1.00),  # tp 17 fp 2 fn 0
    ("independent_heldout", "en", "age"): (0.92, 0.74),  # tp 26 fp 2 fn 9
    ("independent_heldout", "en", "school"): (0.81, 0.90),  # tp 9 fp 2 fn 1
    ("independent_heldout", "en", "place"): (0.75, 0.54),  # tp 18 fp 6 fn 15
    ("independent_heldout", "en", "routine"): (1.00, 0.50),  # tp 6 fp 0 fn 6
    ("independent_heldout", "nl", "own"): (0.83, 0.89),  # tp 25 fp 5 fn 3
    ("independent_heldout", "nl", "other"): (1.00, 0.81),  # tp 9 fp 0 fn 2
    ("independent_heldout", "nl", "age"): (0.87, 0.63),  # tp 7 fp 1 fn 4
    ("independent_heldout", "nl", "school"): (0.66, 0.66),  # tp 2 fp 1 fn 1
    ("independent_heldout", "nl", "place"): (0.63, 0.43),  # tp 7 fp 4 fn 9
    ("independent_heldout", "nl", "routine"): (1.00, 1.00),  # tp 5 fp 0 fn 0
    ("independent_heldout", "ja", "own"): (0.84, 0.75),  # tp 22 fp 4 fn 7
    ("independent_heldout", "ja", "other"): (1.00, 1.00),  # tp 4 fp 0 fn 0
    ("independent_heldout", "ja", "age"): (1.00, 1.00),  # tp 9 fp 0 fn 0
    ("independent_heldout", "ja", "school"): (0.60, 0.60),  # tp 3 fp 2 fn 2
    ("independent_heldout", "ja", "place"): (0.83, 0.38),  # tp 5 fp 1 fn 8
    ("independent_heldout", "ja", "routine"): (1.00, 1.00),  # tp 5 fp 0 fn 0
}


@pytest.fixture(scope="module")
def score() -> dict[tuple[str, str, str], list[int]]:
    independent = read_handwritten(str(INDEPENDENT["independent_heldout"]), "independent_heldout")
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


def test_only_tune_misses_can_be_shown() -> None:
    from benchmarks.text_quality import TUNE_SPLITS

    assert set(TUNE_SPLITS) == {"tune", "independent_tune"}
    assert INDEPENDENT["independent_heldout"].exists() and INDEPENDENT["independent_tune"].exists()
