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


def _neighbours(points: dict[str, tuple[float, float]]) -> dict[str, set[str]]:
    """Post id -> ids within CLUSTER_RADIUS_M (itself included), comparing only points in
    neighbouring grid cells: a linear pass instead of every pair (1,000 posts with 500 GPS
    points took 1.8 million distance computations per cluster found)."""
    if not points:
        return {}
    lat_step = CLUSTER_RADIUS_M / 111_000.0
    widest = max(abs(lat) for lat, _ in points.values())
    # One longitude step for all: the width of the radius at the highest latitude (cells are
    # wider than needed elsewhere, which only means a few more exact comparisons).
    lon_step = CLUSTER_RADIUS_M / (111_000.0 * max(0.01, math.cos(math.radians(min(89.9, widest)))))
    if lon_step >= 90 or any(abs(lon) > 179.0 for _, lon in points.values()):
        cells = {pid: (0, 0) for pid in points}  # near a pole or the date line: compare all pairs
    else:
        cells = {
            pid: (math.floor(lat / lat_step), math.floor(lon / lon_step))
            for pid, (lat, lon) in points.items()
        }
    grid: dict[tuple[int, int], list[str]] = {}
    for pid, cell in cells.items():
        grid.setdefault(cell, []).append(pid)
    near: dict[str, set[str]] = {}
    for pid, (cy, cx) in cells.items():
        near[pid] = {
            other
            for dy in (-1, 0, 1)
            for dx in (-1, 0, 1)
            for other in grid.get((cy + dy, cx + dx), ())
            if metres(points[pid], points[other]) <= CLUSTER_RADIUS_M
        }
    return near


def clusters(points: dict[str, tuple[float, float]], min_posts: int) -> list[tuple[list[str], float, float]]:
    """Greedy density clusters: (post ids, lat, lon), largest first. Each round takes the point
    with the most remaining neighbours (ties: the largest id) and its remaining neighbours."""
    near = _neighbours(points)
    count = {pid: len(ids) for pid, ids in near.items()}
    left = set(points)
    out: list[tuple[list[str], float, float]] = []
    while left:
        best = max(left, key=lambda pid: (count[pid], pid))
        members = sorted(pid for pid in near[best] if pid in left)  # sorted: the same sums every run
        if len(members) < min_posts:
            break
        lat = sum(points[m][0] for m in members) / len(members)
        lon = sum(points[m][1] for m in members) / len(members)
        out.append((members, lat, lon))
        left.difference_update(members)
        for m in members:
            for other in near[m]:
                count[other] -= 1
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
