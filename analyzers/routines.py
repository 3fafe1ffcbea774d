"""Hints of a routine in text: "every Tuesday", "after nursery", "swim class",
"Saturday football", "school run", "elke woensdag", "毎週".

One hint says little; several posts at the same place and hour say a lot - the dossier
joins them. ``value`` is a :class:`~footprint_audit.findings.RoutineValue`.
"""

from __future__ import annotations

import re

from footprint_audit.context import PostContext
from footprint_audit.findings import RoutineValue
from footprint_audit.models import Finding, Post
from footprint_audit.nlp import TextAnalyzerBase, TextDoc, docs_for

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DUTCH_DAYS = dict(
    zip(
        ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
        WEEKDAYS,
        strict=True,
    )
)
JAPANESE_DAYS = dict(zip("月火水木金土日", WEEKDAYS, strict=True))
ACTIVITIES = (
    r"(?:swim(?:ming)?|ballet|dance|football|soccer|rugby|cricket|tennis|gymnastics|gym|karate|judo|"
    r"taekwondo|piano|music|drama|choir|art|coding|chess|brownies|rainbows|beavers|cubs|scouts|"
    r"guides|tumble\s*tots|forest\s+school|sunday\s+school|hockey|netball|athletics|climbing)"
)
_DAY = r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NLDAY = r"(?P<nlday>maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"

PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), activity)
    for p, activity in (
        (rf"\b(?:every|each)\s+{_DAY}s?\b(?:\s+(?:morning|afternoon|evening|after\s+school))?", ""),
        (rf"\b(?:on\s+)?{_DAY}s\b(?!\s+and)", ""),
        (
            rf"\b{_DAY}\s+(?P<act>{ACTIVITIES})\b(?:\s+(?:class|lesson|club|practice|training|session))?",
            "act",
        ),
        (
            rf"\b(?P<act>{ACTIVITIES})\s+(?:class|classes|lesson|lessons|club|practice|training|session|day)\b",
            "act",
        ),
        (r"\b(?:every|each)\s+(?:week|weekend|saturday\s+morning|morning\s+before\s+school)\b", ""),
        (r"\b(?:after|before)\s+(?:school|nursery|daycare|preschool|kindy|kindergarten)\b", ""),
        (
            r"\b(?:school|nursery)\s+(?:run|pick[- ]?up|drop[- ]?off)\b|\b(?:pick[- ]?up|drop[- ]?off)\s+at\s+(?:school|nursery)\b",
            "",
        ),
        (rf"\b(?:elke|iedere)\s+{_NLDAY}\b", ""),
        (rf"\b(?:op\s+)?{_NLDAY}middag\b", ""),
        (r"\b(?P<act>zwemles|turnles|balletles|voetbaltraining|dansles)\b", "act"),
        (r"\bna\s+(?:school|de\s+opvang|het\s+kinderdagverblijf)\b", ""),
        (
            r"毎週(?:(?P<jpday>[月火水木金土日])曜(?:日)?)?|(?P<jpday2>[月火水木金土日])曜日の?(?:習い事|スイミング|プール|レッスン)|習い事|お迎え",
            "",
        ),
    )
)


def find_routines(td: TextDoc) -> list[tuple[int, int, RoutineValue]]:
    out: list[tuple[int, int, RoutineValue]] = []
    for pattern, _kind in PATTERNS:
        for m in pattern.finditer(td.analysed):
            if any(s < m.end() and m.start() < e for s, e, _ in out):
                continue
            g = m.groupdict()
            day = (g.get("day") or "").lower() or DUTCH_DAYS.get((g.get("nlday") or "").lower())
            jp = g.get("jpday") or g.get("jpday2")
            if jp:
                day = JAPANESE_DAYS[jp]
            activity = (g.get("act") or "").lower() or None
            value = RoutineValue(m.group(0), day.capitalize() if day else None, activity)
            out.append((m.start(), m.end(), value))
    out.sort(key=lambda t: t[0])
    return out


class RoutinesAnalyzer(TextAnalyzerBase):
    name = "routines"
    version = "1"
    categories = ("routine_hint",)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        findings: list[Finding] = []
        for td in docs_for(post, ctx.run):
            for s, e, value in find_routines(td):
                when = f" on {value.weekday}s" if value.weekday else ""
                findings.append(
                    self.finding(
                        post,
                        "routine_hint",
                        "medium",
                        0.7,
                        summary=(
                            f"Hints at a regular routine (“{value.text}”){when}: strangers can learn "
                            "when and where your child will be."
                        ),
                        value=value,
                        evidence=td.evidence(s, e),
                    )
                )
        return findings
