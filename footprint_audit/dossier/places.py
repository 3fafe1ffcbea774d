"""Named places (platform geotags, reverse-geocoded GPS) seen on several posts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..findings import LocationValue
from ..models import Fact
from .context import DossierContext
from .rules import FactRule

#: A place must appear on at least this many posts before it is "frequent".
FREQUENT_MIN_POSTS = 2


class FrequentPlaces(FactRule):
    produces = ("frequent_place",)

    def run(self, ctx: DossierContext, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
        posts_by_place: dict[str, set[str]] = defaultdict(set)
        coords: dict[str, tuple[float, float]] = {}
        for f in ctx.findings:
            if not isinstance(f.value, LocationValue):
                continue
            name = f.value.place
            if not name:
                continue
            posts_by_place[name].add(f.post_id)
            point = f.value.point
            if point is not None and name not in coords:
                coords[name] = point
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
