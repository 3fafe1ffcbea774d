"""The school or nursery, from captions, text in photos and the school's own location tag."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from ..models import Fact
from .context import Child, DossierContext, SchoolMention
from .grammar import Pron
from .rules import FactRule


def school_key(name: str) -> str:
    """One key for every spelling of a school's name."""
    key = re.sub(r"[^\w\s]", "", name.lower())
    key = re.sub(r"\b(?:school|the)\b", "", key)
    return re.sub(r"\s+", " ", key).strip()


def _school_facts(child: Child | None, found: list[SchoolMention]) -> list[Fact]:
    groups: dict[str, list[SchoolMention]] = defaultdict(list)
    for m in found:
        groups[school_key(m.text)].append(m)
    pron = child.pron if child else Pron.of("child")
    facts = []
    for items in groups.values():
        spelling = Counter(m.text for m in items).most_common()
        value = max((s for s, _ in spelling), key=lambda s: (len(s), s))
        ids = tuple(sorted({m.post_id for m in items}))
        base = max(m.confidence * m.weight for m in items)
        confidence = min(0.95, base + 0.05 * (len(ids) - 1))
        facts.append(
            Fact(
                kind="school",
                value=value,
                child=child.name if child else None,
                confidence=round(confidence, 2),
                evidence_post_ids=ids,
                sentence=f"{Pron.cap(pron.subj)} {pron.verb('goes', 'go')} to {value}.",
                detail=f"Named in {len(ids)} post(s).",
            )
        )
    facts.sort(key=lambda fa: (-len(fa.evidence_post_ids), -fa.confidence))
    return facts


class Schools(FactRule):
    produces = ("school",)

    def run(self, ctx: DossierContext, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
        return [
            fact
            for name in ctx.child_names
            for fact in _school_facts(ctx.child(name), ctx.schools.get(name, []))
        ]
