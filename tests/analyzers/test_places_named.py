"""Places named whole by their kind of place (issue 10): Japanese parks, zoos and stations."""

from __future__ import annotations

import pytest

from analyzers.places import PlacesAnalyzer
from tests.analyzers.textkit import run_captions

CASES = [
    ("上野動物園でパンダ見てきたよ", ["上野動物園"]),
    ("葛西臨海公園で観覧車", ["葛西臨海公園"]),
    ("東京ディズニーランドへ", ["東京ディズニーランド"]),
    ("桜山公園でお花見", ["桜山公園"]),
    ("今日公園行った", []),
    ("近所の公園で遊んだ", []),
]


@pytest.mark.parametrize(("caption", "want"), CASES)
def test_named_places(caption: str, want: list[str]) -> None:
    (found,) = run_captions(PlacesAnalyzer(), caption)
    assert sorted(f.value.text for f in found) == want
