"""Fact rules and the runner that orders them.

Each rule declares the fact kinds it ``needs`` (facts other rules make first) and the kinds it
``produces``. The runner checks the declarations before running anything (a need nobody
produces, or rules that wait on each other, is a programming error said plainly), runs the
rules so that every producer of a kind finishes before a rule that needs it, and hands each
rule only the facts it asked for. The facts come back in the order the rules were listed,
whatever order they ran in, so the report's order does not depend on the dependency graph.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from ..models import FACT_KINDS, Fact
from .context import DossierContext


class RuleError(ValueError):
    """The rules' declarations do not fit together."""


class FactRule:
    """One family of facts, worked out from the shared context and earlier facts."""

    #: Fact kinds this rule reads; every producer of each runs first.
    needs: ClassVar[tuple[str, ...]] = ()
    #: Fact kinds this rule may return.
    produces: ClassVar[tuple[str, ...]] = ()

    @property
    def name(self) -> str:
        return type(self).__name__

    def run(self, ctx: DossierContext, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
        raise NotImplementedError


def plan(rules: Sequence[FactRule]) -> list[FactRule]:
    """The rules in an order where each runs after every producer of what it needs."""
    producers: dict[str, list[int]] = {}
    for i, rule in enumerate(rules):
        for kind in rule.produces:
            if kind not in FACT_KINDS:
                raise RuleError(f"{rule.name} produces {kind!r}, which is not a fact kind")
            producers.setdefault(kind, []).append(i)
    waits: list[set[int]] = []
    for i, rule in enumerate(rules):
        deps: set[int] = set()
        for kind in rule.needs:
            if kind not in producers:
                raise RuleError(f"{rule.name} needs {kind!r}, but no rule produces it")
            deps.update(producers[kind])
        if i in deps:
            raise RuleError(
                f"{rule.name} needs {sorted(set(rule.needs) & set(rule.produces))} it produces itself"
            )
        waits.append(deps)
    order: list[int] = []
    done: set[int] = set()
    while len(order) < len(rules):
        # The first listed rule whose producers are all done: a stable order for equal standing.
        ready = next((i for i in range(len(rules)) if i not in done and waits[i] <= done), None)
        if ready is None:
            stuck = ", ".join(rules[i].name for i in range(len(rules)) if i not in done)
            raise RuleError(f"these rules wait on each other: {stuck}")
        order.append(ready)
        done.add(ready)
    return [rules[i] for i in order]


def run_rules(rules: Sequence[FactRule], ctx: DossierContext) -> list[Fact]:
    """Every rule's facts, in the order the rules are listed."""
    made: dict[int, list[Fact]] = {}
    by_kind: dict[str, list[Fact]] = {}
    index = {id(rule): i for i, rule in enumerate(rules)}
    for rule in plan(rules):
        known = {kind: tuple(by_kind.get(kind, ())) for kind in rule.needs}
        facts = rule.run(ctx, known)
        for fact in facts:
            if fact.kind not in rule.produces:
                raise RuleError(f"{rule.name} made a {fact.kind!r} fact it does not declare")
            by_kind.setdefault(fact.kind, []).append(fact)
        made[index[id(rule)]] = facts
    return [fact for i in range(len(rules)) for fact in made[i]]
