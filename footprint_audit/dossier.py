"""What a stranger can learn: facts that no single post states, inferred across posts.

Every fact names the posts that prove it. This module only joins findings; it never
reads images or captions itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .context import RunContext
from .models import Fact, Finding, Post

#: A place must appear on at least this many posts before it is "frequent".
FREQUENT_MIN_POSTS = 2


def _frequent_places(findings: Sequence[Finding]) -> list[Fact]:
    """Named places (platform geotags, reverse-geocoded GPS) seen on several posts."""
    posts_by_place: dict[str, set[str]] = defaultdict(set)
    coords: dict[str, tuple[float, float]] = {}
    for f in findings:
        if f.category not in ("geotag", "gps_exif") or not isinstance(f.value, dict):
            continue
        name = f.value.get("place")
        if not name:
            continue
        posts_by_place[name].add(f.post_id)
        if f.value.get("lat") is not None and name not in coords:
            coords[name] = (float(f.value["lat"]), float(f.value["lon"]))
    facts = []
    for name, ids in posts_by_place.items():
        if len(ids) < FREQUENT_MIN_POSTS:
            continue
        lat, lon = coords.get(name, (None, None))
        facts.append(
            Fact(
                kind="frequent_place",
                value=name,
                child=None,
                confidence=min(0.95, 0.5 + 0.1 * len(ids)),
                evidence_post_ids=tuple(sorted(ids)),
                lat=round(lat, 3) if lat is not None else None,
                lon=round(lon, 3) if lon is not None else None,
                sentence=f"Posts were made at or near {name} {len(ids)} times.",
            )
        )
    facts.sort(key=lambda f: (-len(f.evidence_post_ids), f.value))
    return facts


def build_dossier(posts: Sequence[Post], findings: Sequence[Finding], run: RunContext) -> list[Fact]:
    return _frequent_places(findings)
