"""The dossier's rule runner: declared needs decide the order; bad declarations are refused."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

import pytest

from footprint_audit.dossier import RULES
from footprint_audit.dossier.context import DossierContext
from footprint_audit.dossier.rules import FactRule, RuleError, plan, run_rules
from footprint_audit.models import Fact


def _rule(name: str, needs: tuple[str, ...], produces: tuple[str, ...], log: list[str]) -> FactRule:
    """A rule that records when it ran and what it was given, and makes one fact per kind."""

    def run(self: FactRule, ctx: DossierContext, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
        log.append(f"{name}<-" + ",".join(f"{k}:{len(v)}" for k, v in sorted(known.items())))
        return [
            Fact(kind=k, value=name, child=None, confidence=0.5, evidence_post_ids=("p",)) for k in produces
        ]

    cls = type(name, (FactRule,), {"needs": needs, "produces": produces, "run": run})
    return cast(FactRule, cls())


CTX = cast(DossierContext, object())  # these rules never look at the context


def test_rules_run_after_every_producer_of_what_they_need_and_report_in_listed_order() -> None:
    log: list[str] = []
    rules = [
        _rule("Routine", ("home_area",), ("routine",), log),
        _rule("Place", ("routine", "school"), ("frequent_place",), log),
        _rule("Home", (), ("home_area",), log),
        _rule("SchoolA", (), ("school",), log),
        _rule("SchoolB", (), ("school",), log),
    ]
    assert [r.name for r in plan(rules)] == ["Home", "Routine", "SchoolA", "SchoolB", "Place"]
    facts = run_rules(rules, CTX)
    # each rule saw every fact of the kinds it needs, from all their producers
    assert log == ["Home<-", "Routine<-home_area:1", "SchoolA<-", "SchoolB<-", "Place<-routine:1,school:2"]
    assert [f.value for f in facts] == ["Routine", "Place", "Home", "SchoolA", "SchoolB"]


def test_a_cycle_is_refused_before_anything_runs() -> None:
    log: list[str] = []
    rules = [
        _rule("Home", ("routine",), ("home_area",), log),
        _rule("Routine", ("home_area",), ("routine",), log),
        _rule("Names", (), ("child_name",), log),
    ]
    with pytest.raises(RuleError, match="wait on each other: Home, Routine"):
        run_rules(rules, CTX)
    assert log == []


def test_a_need_nobody_produces_and_a_self_need_are_refused() -> None:
    with pytest.raises(RuleError, match="Age needs 'birthday', but no rule produces it"):
        plan([_rule("Age", ("birthday",), ("age",), [])])
    with pytest.raises(RuleError, match="produces itself"):
        plan([_rule("Loop", ("age",), ("age",), [])])
    with pytest.raises(RuleError, match="not a fact kind"):
        plan([_rule("Odd", (), ("shoe_size",), [])])


def test_a_rule_may_not_make_a_kind_it_did_not_declare() -> None:
    class Sneaky(FactRule):
        produces = ("age",)

        def run(self, ctx: Any, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
            return [Fact(kind="school", value="x", child=None, confidence=0.5, evidence_post_ids=("p",))]

    with pytest.raises(RuleError, match="Sneaky made a 'school' fact it does not declare"):
        run_rules([Sneaky()], CTX)


def test_the_built_in_rules_fit_together() -> None:
    order = [r.name for r in plan(RULES)]
    assert order.index("Birthdays") < order.index("Ages")
    assert order.index("HomeArea") < min(order.index("Routines"), order.index("SchoolRuns"))
