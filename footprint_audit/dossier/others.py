"""Other people's children: named in passing, or their faces in the photos."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..models import Fact
from .context import DossierContext
from .rules import FactRule


class OtherChildren(FactRule):
    produces = ("other_child",)

    def run(self, ctx: DossierContext, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
        facts = []
        for c in ctx.others.values():
            if not c.name:
                continue
            facts.append(
                Fact(
                    kind="other_child",
                    value=c.name,
                    child=None,
                    confidence=0.6,
                    evidence_post_ids=tuple(sorted(c.posts)),
                    sentence=f"Another child, {c.name}, is named too.",
                    detail=(
                        "Named as a friend, classmate, playdate or party guest, or once with a child's age, "
                        "birthday or activity; not one of yours as far as the posts show. Their parents "
                        "may not want their child named online."
                    ),
                )
            )
        faces = sorted({f.post_id for f in ctx.findings if f.category == "other_child_face"})
        if faces:
            facts.append(
                Fact(
                    kind="other_child",
                    value=f"other children's faces in {len(faces)} posts",
                    child=None,
                    confidence=0.7,
                    evidence_post_ids=tuple(faces),
                    sentence=f"Other children's faces can be seen in {len(faces)} post(s); their parents may not know.",
                )
            )
        return facts
