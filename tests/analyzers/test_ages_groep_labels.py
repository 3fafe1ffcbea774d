"""Dutch school years: the analyzer and the benchmark labels say the same youngest age.

Children start groep 1 at 4, so groep N is ages N + 3 to N + 4; the relabelling script moves
only the first author's N + 2 labels and leaves every other line as it was."""

from __future__ import annotations

from analyzers.ages import AgesAnalyzer
from benchmarks.text_eval.fix_groep_labels import fix_line
from tests.analyzers.textkit import run_captions


def test_groep_n_is_n_plus_3() -> None:
    out = run_captions(AgesAnalyzer(), "Lieke zit in groep 1", "Daan gaat naar groep 3", "afscheid groep 8")
    assert [[f.value.years for f in found] for found in out] == [[4], [6], [11]]


def test_relabel_moves_only_n_plus_2_age_labels() -> None:
    assert (
        fix_line("nl\tDaan zit nu in groep 3\town=Daan; age=5y")
        == "nl\tDaan zit nu in groep 3\town=Daan; age=6y"
    )
    # two years in one caption move together, without chaining 4 -> 5 -> 6
    assert (
        fix_line("nl\tA en B (groep 2 en groep 3)\town=A,B; age=4y,5y")
        == "nl\tA en B (groep 2 en groep 3)\town=A,B; age=5y,6y"
    )
    # already N + 3, no groep, a comment: unchanged
    for line in ("nl\tEerste dag in groep 1\tage=4y", "nl\tBram is 5 jaar\tage=5y", "# groep 3 -> 5y"):
        assert fix_line(line) == line
