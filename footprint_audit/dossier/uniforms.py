"""A school uniform seen in photos, joined to the school when one is known: "She wears a
bottle green uniform on school days; the school is probably Oakfield Primary School."

Only a uniform seen recurring (the same outfit on school days) makes a fact; a badge in one
photo or a caption that says "new uniform" is a finding on its post, not something a
stranger learns across posts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..findings import UniformValue
from ..models import Fact, Finding
from .context import DossierContext, first_name
from .grammar import Pron
from .rules import FactRule

_COUNT = re.compile(r"^\d+ (?:weekday mornings|school days)$")


def _outfit(value: UniformValue) -> str:
    """The outfit without the count ("bottle green jumper, grey skirt or trousers")."""
    return ", ".join(p for p in value.text.split(", ") if not _COUNT.match(p))


class Uniforms(FactRule):
    needs = ("school",)
    produces = ("uniform",)

    def run(self, ctx: DossierContext, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
        groups: dict[tuple[str | None, str], list[tuple[Finding, UniformValue]]] = defaultdict(list)
        for f in ctx.findings:
            if f.category != "uniform" or not isinstance(f.value, UniformValue):
                continue
            if "outfit_recurs" not in f.value.signals:
                continue  # a badge in one photo or a caption is that post's finding, not a fact
            groups[(f.child, _outfit(f.value))].append((f, f.value))
        facts = []
        for (name, outfit), items in groups.items():
            child = next(
                (c for c in ctx.own if c.name and name and first_name(c.name) == first_name(name)), None
            )
            if child is None and name is None:
                child = ctx.family_child
            who = child.name if child else name
            pron = child.pron if child else Pron.of("child" if who is None else None)
            ids = {f.post_id for f, _ in items}
            colours = next((v.colours for _, v in items if v.colours), ())
            colour = colours[0] if colours else "school"
            schools = [s for s in known.get("school", ()) if s.child in (who, None)] or list(
                known.get("school", ())
            )
            school = max(schools, key=lambda s: (len(s.evidence_post_ids), s.confidence), default=None)
            sentence = f"{Pron.cap(pron.subj)} {pron.verb('wears', 'wear')} a {colour} school uniform ({outfit}) on school days"
            confidence = max(f.confidence for f, _ in items)
            if school is not None:
                sentence += f"; the school is probably {school.value}"
                ids |= set(school.evidence_post_ids)
                confidence = min(0.95, confidence + 0.05)
            signals = sorted({s for _, v in items for s in v.signals})
            facts.append(
                Fact(
                    kind="uniform",
                    value=f"{colour} uniform: {outfit}",
                    child=who,
                    confidence=round(confidence, 2),
                    evidence_post_ids=tuple(sorted(ids)),
                    sentence=sentence + ".",
                    detail=(
                        f"The same outfit in {len({f.post_id for f, _ in items})} photo(s) on school days "
                        f"(signals: {', '.join(signals)}); a stranger who knows the uniform knows the school."
                    ),
                )
            )
        facts.sort(key=lambda fa: (-len(fa.evidence_post_ids), -fa.confidence))
        return facts
