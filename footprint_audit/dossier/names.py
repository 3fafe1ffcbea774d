"""The children's names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..models import Fact
from .context import DossierContext
from .grammar import Pron
from .rules import FactRule


class ChildNames(FactRule):
    produces = ("child_name",)

    def run(self, ctx: DossierContext, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
        facts = []
        for c in ctx.own:
            if not c.name or not c.posts:
                continue
            spelling = max(c.name_posts, key=lambda s: (len(s.split()), len(c.name_posts[s]), s))
            p = c.pron
            full = " " in spelling
            facts.append(
                Fact(
                    kind="child_name",
                    value=spelling,
                    child=c.name,
                    confidence=round(c.confidence, 2),
                    evidence_post_ids=tuple(sorted(c.posts)),
                    sentence=f"{Pron.cap(p.poss)} {'full ' if full else ''}name is {spelling}.",
                    detail=f"Written in {len(c.posts)} post(s).",
                )
            )
        return facts
