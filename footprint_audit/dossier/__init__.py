"""What a stranger can learn: facts that no single post states, inferred across posts.

This is the health visitor's exercise, automated: a name from one caption, a birthday from
"turns 5 today" plus the post date, a school, a home area from photo GPS at evenings and
weekends, a routine from the same place on the same weekday and hour. Every fact names the
posts that prove it, is attached to a child where the posts make that clear, and carries a
plain sentence for the report. This package only joins findings; it never reads images or
captions itself.

The shared context (:mod:`.context`) is worked out once; each fact family is one rule in its
own module, declaring the fact kinds it needs and produces, and :mod:`.rules` runs them in
dependency order. Adding a family is one module and one line in :data:`RULES`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..context import RunContext
from ..models import Fact, Finding, Post
from .appearance import Appearance
from .birthdays import Ages, Birthdays
from .context import DossierContext
from .home import HomeArea
from .names import ChildNames
from .others import OtherChildren
from .places import FrequentPlaces
from .routines import Routines, SchoolRuns
from .rules import FactRule, run_rules
from .schools import Schools
from .uniforms import Uniforms

#: Every fact rule, in the order their facts are listed before ranking.
RULES: tuple[FactRule, ...] = (
    ChildNames(),
    Birthdays(),
    Ages(),
    Schools(),
    Uniforms(),
    HomeArea(),
    Routines(),
    SchoolRuns(),
    FrequentPlaces(),
    Appearance(),
    OtherChildren(),
)

#: How much each kind of fact helps a stranger find the child; the report lists in this order.
KIND_RANK = {
    "home_area": 0,
    "school": 1,
    "uniform": 2,
    "routine": 3,
    "child_name": 4,
    "birthday": 5,
    "age": 6,
    "frequent_place": 7,
    "appearance": 8,
    "other_child": 9,
}


def build_dossier(posts: Sequence[Post], findings: Sequence[Finding], run: RunContext) -> list[Fact]:
    """Every fact a stranger could piece together, most useful for finding the child first."""
    ctx = DossierContext.build(posts, findings, run)
    facts = run_rules(RULES, ctx)
    order = {c.name: i for i, c in enumerate(ctx.own)}
    facts.sort(key=lambda f: (order.get(f.child, len(order)), KIND_RANK[f.kind], -f.confidence))
    if facts:
        run.note(f"The dossier joined findings from {len(posts)} posts into {len(facts)} facts.")
    return facts
