"""Per-post risk: a short rule, shown in the report, so a parent can check it by hand.

1. Each category found on the post counts once, at its most severe finding:
   high 30, medium 15, low 5 points (ten hashtags are not ten times the risk).
2. Together is worse than apart: who (a face or a child's name) plus where (GPS, geotag,
   place, school) adds 25; who plus when (age, birthday, routine) adds 10.
3. Visibility scales the total: public x1, unknown x0.9, followers x0.6, private x0.3.
4. The score is capped at 100. Level: high from 60, medium from 30, otherwise low.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .models import SEVERITY_RANK, Finding, Post, PostRisk, Severity

SEVERITY_POINTS = {"low": 5, "medium": 15, "high": 30}
WHO = frozenset({"face", "child_face", "enrolled_child_face", "other_child_face", "child_name"})
WHERE = frozenset({"gps_exif", "geotag", "place_mention", "school", "uniform"})
WHEN = frozenset({"age_or_birthday", "routine_hint"})
WHO_WHERE_BONUS = 25
WHO_WHEN_BONUS = 10
VISIBILITY_FACTOR = {"public": 1.0, "unknown": 0.9, "followers": 0.6, "private": 0.3}
HIGH_FROM = 60
MEDIUM_FROM = 30

RULE_TEXT = __doc__.split("\n\n", 1)[1].strip() if __doc__ else ""


def score_post(post: Post, findings: Iterable[Finding]) -> PostRisk:
    worst: dict[str, str] = {}
    for f in findings:
        if SEVERITY_RANK[f.severity] > SEVERITY_RANK.get(worst.get(f.category, ""), 0):
            worst[f.category] = f.severity
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
    return PostRisk(score=score, level=level, reasons=tuple(reasons))


def score_posts(posts: Sequence[Post], findings: Sequence[Finding]) -> dict[str, PostRisk]:
    by_post: dict[str, list[Finding]] = {p.id: [] for p in posts}
    for f in findings:
        by_post.setdefault(f.post_id, []).append(f)
    return {p.id: score_post(p, by_post[p.id]) for p in posts}
