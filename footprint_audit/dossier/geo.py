"""Positions: distances, clusters of posts at one spot, and the names around them."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..findings import LocationValue
from ..models import Finding

#: Points within this distance are one place; phone GPS wanders 10-50 m indoors.
CLUSTER_RADIUS_M = 250.0
#: Rounding of a reported home area or spot: 3 decimals is about 110 m north-south.
HOME_DECIMALS = 3


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def clusters(points: dict[str, tuple[float, float]], min_posts: int) -> list[tuple[list[str], float, float]]:
    """Greedy density clusters: (post ids, lat, lon), largest first."""
    left = dict(points)
    out: list[tuple[list[str], float, float]] = []
    while left:
        best_id, best = max(
            left.items(),
            key=lambda kv: (sum(1 for p in left.values() if metres(kv[1], p) <= CLUSTER_RADIUS_M), kv[0]),
        )
        members = [pid for pid, p in left.items() if metres(best, p) <= CLUSTER_RADIUS_M]
        if len(members) < min_posts:
            break
        lat = sum(left[m][0] for m in members) / len(members)
        lon = sum(left[m][1] for m in members) / len(members)
        out.append((sorted(members), lat, lon))
        for m in members:
            del left[m]
    return out


def venue(f: Finding) -> LocationValue | None:
    """The platform location of a geotag finding with a name of its own (a venue), else None."""
    if f.category == "geotag" and isinstance(f.value, LocationValue) and f.value.named_venue:
        return f.value
    return None


def nearby_name(findings: Sequence[Finding], lat: float, lon: float) -> str | None:
    """The name of a platform-tagged venue within a cluster's radius, if any."""
    best: tuple[float, str] | None = None
    for f in findings:
        tag = venue(f)
        if tag is not None and tag.point is not None:
            d = metres((lat, lon), tag.point)
            if d <= CLUSTER_RADIUS_M and (best is None or d < best[0]):
                best = (d, str(tag.place))
    return best[1] if best else None


def points(
    findings: Sequence[Finding], *, named_geotags: bool
) -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    """Post id -> (lat, lon) and post id -> place name. Photo GPS wins over a geotag."""
    pts: dict[str, tuple[float, float]] = {}
    names: dict[str, str] = {}
    for category in ("gps_exif", "geotag"):
        for f in findings:
            if f.category != category or not isinstance(f.value, LocationValue) or f.post_id in pts:
                continue
            point = f.value.point
            if point is None:
                continue
            if venue(f) is not None and not named_geotags:
                continue  # a named platform location is a venue, not where a photo was taken at home
            pts[f.post_id] = point
            if f.value.place:
                names[f.post_id] = str(f.value.place)
    return pts, names
