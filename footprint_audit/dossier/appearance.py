"""Where a child's face can be seen: enrolled children by name, other child faces together."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..models import Fact
from .context import DossierContext, first_name
from .grammar import Pron
from .rules import FactRule


class Appearance(FactRule):
    produces = ("appearance",)

    def run(self, ctx: DossierContext, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
        facts = []
        by_child: dict[str, set[str]] = defaultdict(set)
        anon: set[str] = set()
        for f in ctx.findings:
            if f.category == "enrolled_child_face" and f.child:
                by_child[f.child].add(f.post_id)
            elif f.category == "child_face":
                anon.add(f.post_id)
        for name, ids in by_child.items():
            child = next((c for c in ctx.own if c.name and first_name(c.name) == first_name(name)), None)
            pron = child.pron if child else Pron.of(None)
            them = "her" if pron.subj == "she" else "him" if pron.subj == "he" else "them"
            facts.append(
                Fact(
                    kind="appearance",
                    value=f"face visible in {len(ids)} posts",
                    child=child.name if child else name,
                    confidence=0.9,
                    evidence_post_ids=tuple(sorted(ids)),
                    sentence=f"{Pron.cap(pron.poss)} face can be seen in {len(ids)} post(s): a stranger would recognise {them}.",
                    detail="From face matching against the enrolled photos.",
                )
            )
        anon -= {pid for ids in by_child.values() for pid in ids}
        if anon:
            child = ctx.family_child
            facts.append(
                Fact(
                    kind="appearance",
                    value=f"a child's face visible in {len(anon)} posts",
                    child=child.name if child else None,
                    confidence=0.6 if child else 0.5,
                    evidence_post_ids=tuple(sorted(anon)),
                    sentence=f"A child's face can be seen in {len(anon)} post(s).",
                    detail="A face that looks like a child's; no child is enrolled to say whose.",
                )
            )
        return facts
