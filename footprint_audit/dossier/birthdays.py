"""Birthdays from "turns 5 today" plus the post date, and ages, moved on to today."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..models import Fact
from .context import AgeMention, Child, DossierContext
from .grammar import Pron, fmt_date, fmt_day, safe_date
from .rules import FactRule


@dataclass
class _BirthdayClue:
    post_id: str
    day: date  # a date in the birthday's month/day; its year is the birth year when known
    year_known: bool
    exact: bool
    text: str
    posted: date
    weight: float


def _birthday_clues(ctx: DossierContext) -> dict[str | None, list[_BirthdayClue]]:
    clues: dict[str | None, list[_BirthdayClue]] = defaultdict(list)
    for name, mentions in ctx.ages.items():
        for m in mentions:
            if m.finding.post_id not in ctx.times:
                continue
            posted = ctx.times[m.finding.post_id].when.date()
            v, weight = m.value, m.weight
            exact = bool(re.search(r"today|vandaag|今日", v.text, re.I))
            if v.half:
                day = _shift_months(posted, -6)
                clues[name].append(
                    _BirthdayClue(m.finding.post_id, day, False, False, v.text, posted, 0.5 * weight)
                )
            elif v.birthday:
                years = v.years
                year = posted.year - int(years) if isinstance(years, int) else posted.year
                day = safe_date(year, posted.month, posted.day)
                # "birthday party" with no age and no "today" is often days later: a weak clue
                strength = weight if (exact or isinstance(years, int)) else 0.5 * weight
                clues[name].append(
                    _BirthdayClue(
                        m.finding.post_id, day, isinstance(years, int), exact, v.text, posted, strength
                    )
                )
    return clues


def _shift_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    return safe_date(d.year + m // 12, m % 12 + 1, d.day)


def _day_distance(a: date, b: date) -> int:
    da = safe_date(2000, a.month, a.day).timetuple().tm_yday
    db = safe_date(2000, b.month, b.day).timetuple().tm_yday
    diff = abs(da - db)
    return min(diff, 366 - diff)


def _birthday_facts(child: Child | None, clues: list[_BirthdayClue]) -> list[Fact]:
    """One fact per group of agreeing clues; disagreeing groups are kept, less sure."""
    groups: list[list[_BirthdayClue]] = []
    for clue in sorted(clues, key=lambda c: (-c.weight, c.posted)):
        for g in groups:
            # exact clues agree within 3 days; a party or a post without "today" within a week
            if _day_distance(g[0].day, clue.day) <= (3 if clue.exact and g[0].exact else 7):
                g.append(clue)
                break
        else:
            groups.append([clue])
    groups.sort(key=lambda g: -sum(c.weight for c in g))
    pron = child.pron if child else Pron.of("child")
    name = child.name if child else None
    facts: list[Fact] = []
    for rank, g in enumerate(groups[:3]):
        # the most common month/day among the strongest clues
        exact = [c for c in g if c.exact] or g
        md = Counter((c.day.month, c.day.day) for c in exact).most_common(1)[0][0]
        years = Counter(c.day.year for c in g if c.year_known)
        year = years.most_common(1)[0][0] if years else None
        support = sum(c.weight for c in g)
        confidence = min(0.95, 0.45 + 0.15 * support + (0.1 if any(c.exact for c in g) else 0.0))
        if rank > 0:
            confidence *= 0.7
        ids = tuple(sorted({c.post_id for c in g}))
        best = max(g, key=lambda c: (c.exact, c.year_known, c.weight))
        born = safe_date(year, *md) if year else None
        if born:
            value = born.isoformat()
            if best.year_known:
                age_then = best.posted.year - born.year - ((best.posted.month, best.posted.day) < md)
                age_then = max(age_then, best.posted.year - born.year)
                sentence = (
                    f"{Pron.cap(pron.subj)} turned {age_then} on {fmt_date(best.posted)}, "
                    f"so {pron.subj} {pron.verb('was', 'were')} born on {fmt_date(born)}."
                )
            else:
                sentence = f"{Pron.cap(pron.poss)} birthday is {fmt_date(born)}."
        else:
            value = f"--{md[0]:02d}-{md[1]:02d}"
            sentence = f"{Pron.cap(pron.poss)} birthday is around {fmt_day(safe_date(2000, *md))}."
        how = (
            "the post says it is the day itself"
            if best.exact
            else "if the post was not made on the day itself, the date may be off by a few days"
        )
        detail = f"Worked out from “{best.text}” in a post dated {fmt_date(best.posted)}; {how}."
        if rank > 0:
            detail += " Other posts point to a different date, so both are shown."
        facts.append(
            Fact(
                kind="birthday",
                value=value,
                child=name,
                confidence=round(confidence, 2),
                evidence_post_ids=ids,
                sentence=sentence,
                detail=detail,
            )
        )
    return facts


class Birthdays(FactRule):
    produces = ("birthday",)

    def run(self, ctx: DossierContext, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
        clues = _birthday_clues(ctx)
        return [
            fact for name in ctx.child_names for fact in _birthday_facts(ctx.child(name), clues.get(name, []))
        ]


def _age_fact(
    ctx: DossierContext, child: Child | None, birthdays: list[Fact], mentions: list[AgeMention]
) -> list[Fact]:
    pron = child.pron if child else Pron.of("child")
    name = child.name if child else None
    today = ctx.today
    for b in birthdays:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", b.value):
            born = date.fromisoformat(b.value)
            years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
            if years < 0:
                continue
            return [
                Fact(
                    kind="age",
                    value=str(years),
                    child=name,
                    confidence=round(b.confidence * 0.95, 2),
                    evidence_post_ids=b.evidence_post_ids,
                    sentence=f"{Pron.cap(pron.subj)} {pron.verb('is', 'are')} {years} now.",
                    detail=f"From the birthday worked out above, as of {fmt_date(today)}.",
                )
            ]
    # No birthday: the latest stated age, moved on by the time since that post.
    stated = [
        m
        for m in mentions
        if (m.value.years is not None or m.value.months is not None) and m.finding.post_id in ctx.times
    ]
    if not stated:
        return []
    m = max(stated, key=lambda m: ctx.times[m.finding.post_id].when.replace(tzinfo=None))
    posted = ctx.times[m.finding.post_id].when.date()
    months = (m.value.years or 0) * 12 + (m.value.months or 0)
    months += (today.year - posted.year) * 12 + (today.month - posted.month)
    stated_years = months // 12
    value = f"about {stated_years}" if stated_years >= 1 else f"about {months} months"
    return [
        Fact(
            kind="age",
            value=value,
            child=name,
            confidence=round(0.6 * m.weight, 2),
            evidence_post_ids=(m.finding.post_id,),
            sentence=f"{Pron.cap(pron.subj)} {pron.verb('is', 'are')} {value} now.",
            detail=(
                f"“{m.value.text}” in a post dated {fmt_date(posted)}, moved on to "
                f"{fmt_date(today)}; accurate to about a year."
            ),
        )
    ]


class Ages(FactRule):
    needs = ("birthday",)
    produces = ("age",)

    def run(self, ctx: DossierContext, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
        facts: list[Fact] = []
        for name in ctx.child_names:
            birthdays = [b for b in known["birthday"] if b.child == name]
            facts += _age_fact(ctx, ctx.child(name), birthdays, ctx.ages.get(name, []))
        return facts
