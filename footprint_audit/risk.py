"""One risk model for scan, check and the report: a short rule a parent can check by hand.

How severe a finding is depends only on its evidence, never on which post it came from:
- your enrolled child's face (recognition matched it): high;
- a child's face: high on a public post, medium otherwise; another family's child: medium;
  an adult or unknown face: low;
- a position (GPS in the file, a geotag): high when it is good to 100 m or better (the
  house, the nursery gate), medium to 2 km (the neighbourhood), low beyond or unknown;
- a child's name: medium, high with a surname;
- an age: medium, high when it dates a birthday;
- a school, or a school uniform seen in photos (the same outfit on school days and not at
  weekends): high; a badge in one photo or "new uniform" in words keeps its analyzer's
  grade; a routine: medium;
- anything else (places named, text in photos, hashtags, tags, comments, camera details,
  sensitive images, other names) keeps the grade its analyzer read from the evidence.

The score of a post:
1. Each category found on the post counts once, at its most severe finding:
   high 30, medium 15, low 5 points (ten hashtags are not ten times the risk).
2. Together is worse than apart: who (a face or a child's name) plus where (GPS, geotag,
   place, school) adds 25; who plus when (age, birthday, routine) adds 10.
3. Visibility scales the total: public x1, unknown x0.9, followers x0.6, private x0.3.
4. The score is capped at 100. Level: high from 60, medium from 30, otherwise low.
5. A post is never below its most severe finding: one high finding makes the post high
   (score at least 60), one medium finding makes it at least medium (score at least 30).
6. A post that could not be fully analysed (a file that could not be read, an analyzer
   that failed) is at least medium: what was not read may hold anything.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .findings import AgeValue, LocationValue, NameValue, UniformValue, value_to_json
from .models import SEVERITY_RANK, ErrorRecord, Finding, Post, PostRisk, Severity

SEVERITY_POINTS = {"low": 5, "medium": 15, "high": 30}
WHO = frozenset({"face", "child_face", "enrolled_child_face", "other_child_face", "child_name"})
WHERE = frozenset({"gps_exif", "geotag", "place_mention", "school", "uniform"})
WHEN = frozenset({"age_or_birthday", "routine_hint"})
WHO_WHERE_BONUS = 25
WHO_WHEN_BONUS = 10
VISIBILITY_FACTOR = {"public": 1.0, "unknown": 0.9, "followers": 0.6, "private": 0.3}
HIGH_FROM = 60
MEDIUM_FROM = 30
#: The lowest score of each level, so that a level raised by rule 5 or 6 shows a matching score.
LEVEL_FLOOR = {"low": 0.0, "medium": float(MEDIUM_FROM), "high": float(HIGH_FROM)}
# Same bands as the location analyzer: 100 m finds the house or the gate, 2 km the neighbourhood.
HOUSE_LEVEL_M = 100.0
AREA_LEVEL_M = 2_000.0
#: Categories whose severity the rule fixes outright.
FIXED: dict[str, Severity] = {
    "enrolled_child_face": "high",
    "other_child_face": "medium",
    "face": "low",
    "school": "high",
    "routine_hint": "medium",
}
POSITION = frozenset({"gps_exif", "geotag"})

RULE_TEXT = __doc__.split("\n\n", 1)[1].strip() if __doc__ else ""


@dataclass(frozen=True)
class Evidence:
    """What a finding's severity is a function of, and nothing else."""

    category: str
    public: bool = False
    precision_m: float | None = None
    full_name: bool = False
    dates_birthday: bool = False
    #: A uniform seen recurring in the photos, not only a badge in one photo or words.
    uniform_seen: bool = False
    #: The analyzer's own grade, used only for categories the rule does not grade itself.
    analyzer_grade: Severity = "low"


def evidence_of(finding: Finding, post: Post | None) -> Evidence:
    """The one place that reads a finding's typed ``value`` for the risk model."""
    value = finding.value
    precision = value.precision_m if isinstance(value, LocationValue) else None
    full_name = (
        finding.category == "child_name" and isinstance(value, NameValue) and " " in value.text.strip()
    )
    dated = isinstance(value, AgeValue) and (value.birthday or value.half)
    seen = isinstance(value, UniformValue) and "outfit_recurs" in value.signals
    return Evidence(
        category=finding.category,
        public=post is not None and post.visibility == "public",
        precision_m=precision,
        full_name=full_name,
        dates_birthday=dated,
        uniform_seen=seen,
        analyzer_grade=finding.severity,
    )


def severity_from(ev: Evidence) -> Severity:
    """The rule above, as code: equal evidence always gives equal severity."""
    if ev.category in FIXED:
        return FIXED[ev.category]
    if ev.category == "child_face":
        return "high" if ev.public else "medium"
    if ev.category in POSITION:
        if ev.precision_m is None or ev.precision_m > AREA_LEVEL_M:
            return "low"
        return "high" if ev.precision_m <= HOUSE_LEVEL_M else "medium"
    if ev.category == "child_name":
        return "high" if ev.full_name else "medium"
    if ev.category == "uniform" and ev.uniform_seen:
        return "high"
    if ev.category == "age_or_birthday":
        return "high" if ev.dates_birthday else "medium"
    return ev.analyzer_grade


def severity_of(finding: Finding, post: Post | None = None) -> Severity:
    return severity_from(evidence_of(finding, post))


def regrade(posts: Sequence[Post], findings: Iterable[Finding]) -> list[Finding]:
    """Findings with the severity the rule gives them, so every screen shows the same grade."""
    by_id = {p.id: p for p in posts}
    out: list[Finding] = []
    for f in findings:
        sev = severity_of(f, by_id.get(f.post_id))
        out.append(f if sev == f.severity else replace(f, severity=sev))
    return out


def _max_level(a: Severity, b: Severity) -> Severity:
    return a if SEVERITY_RANK[a] >= SEVERITY_RANK[b] else b


def errors_for(post: Post, errors: Iterable[ErrorRecord]) -> list[ErrorRecord]:
    """The error records about this post: by its id or one of its media files."""
    names = {post.id} | {m.path for m in post.media}
    return [e for e in errors if e.where in names or any(e.where.startswith(n + ":") for n in names)]


def assess(post: Post, findings: Iterable[Finding], errors: Iterable[ErrorRecord] = ()) -> PostRisk:
    """The post's risk by the rule above; ``errors`` are the error records about this post
    (:func:`errors_for` picks them out of a run's records)."""
    worst: dict[str, Severity] = {}
    for f in findings:
        sev = severity_of(f, post)
        if SEVERITY_RANK[sev] > SEVERITY_RANK.get(worst.get(f.category, ""), 0):
            worst[f.category] = sev
    score = float(sum(SEVERITY_POINTS[s] for s in worst.values()))
    reasons: list[str] = []
    cats = set(worst)
    if cats & WHO and cats & WHERE:
        score += WHO_WHERE_BONUS
        reasons.append("shows who and where together")
    if cats & WHO and cats & WHEN:
        score += WHO_WHEN_BONUS
        reasons.append("shows who and when together")
    factor = VISIBILITY_FACTOR.get(post.visibility, 0.9)
    if factor != 1.0:
        reasons.append(f"visibility {post.visibility} (x{factor:g})")
    score = min(100.0, round(score * factor, 1))
    level: Severity = "high" if score >= HIGH_FROM else "medium" if score >= MEDIUM_FROM else "low"
    top: Severity = "low"
    for sev in worst.values():
        top = _max_level(top, sev)
    if worst and SEVERITY_RANK[top] > SEVERITY_RANK[level]:
        level = top
        reasons.append(f"its most severe finding is {top}")
    if any(True for _ in errors) and SEVERITY_RANK[level] < SEVERITY_RANK["medium"]:
        level = "medium"
        reasons.append("not fully analysed: part of it could not be read")
    score = max(score, LEVEL_FLOOR[level])
    return PostRisk(score=score, level=level, reasons=tuple(reasons))


def score_post(post: Post, findings: Iterable[Finding]) -> PostRisk:
    """The risk of a post that was analysed without errors."""
    return assess(post, findings)


def score_posts(
    posts: Sequence[Post], findings: Sequence[Finding], errors: Sequence[ErrorRecord] = ()
) -> dict[str, PostRisk]:
    by_post: dict[str, list[Finding]] = {p.id: [] for p in posts}
    for f in findings:
        by_post.setdefault(f.post_id, []).append(f)
    return {p.id: assess(p, by_post[p.id], errors_for(p, errors)) for p in posts}


def _value_key(f: Finding) -> str:
    return json.dumps(value_to_json(f.category, f.value), sort_keys=True, default=str)


def dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per (post, category, media item, value), and per (post, category,
    sentence) for what was read in text: a caption read twice ("turns 5 today" and "#MiaTurns5"), or two analyzers
    seeing the same thing, is one thing a stranger learns. The strongest is kept (severity,
    then confidence), in the place of the first seen."""
    out: list[Finding] = []
    for key_of in (
        _value_key,
        # Only for text: two faces in one photo may share a sentence and are two faces.
        lambda f: f.summary if f.media_index is None else _value_key(f),
    ):
        kept: dict[tuple[str, str, int | None, str], Finding] = {}
        for f in out or list(findings):
            key = (f.post_id, f.category, f.media_index, key_of(f))
            old = kept.get(key)
            if old is None or (SEVERITY_RANK[f.severity], f.confidence) > (
                SEVERITY_RANK[old.severity],
                old.confidence,
            ):
                kept[key] = f
        out = list(kept.values())
    return out
