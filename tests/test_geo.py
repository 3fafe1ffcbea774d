"""Clusters of posts at one spot: the grid-based search gives what comparing every pair gives."""

from __future__ import annotations

import random

import pytest

from footprint_audit.dossier.geo import CLUSTER_RADIUS_M, clusters, metres


def _every_pair(
    points: dict[str, tuple[float, float]], min_posts: int
) -> list[tuple[list[str], float, float]]:
    left = dict(points)
    out = []
    while left:
        best_id, best = max(
            left.items(),
            key=lambda kv: (sum(1 for p in left.values() if metres(kv[1], p) <= CLUSTER_RADIUS_M), kv[0]),
        )
        members = sorted(pid for pid, p in left.items() if metres(best, p) <= CLUSTER_RADIUS_M)
        if len(members) < min_posts:
            break
        out.append(
            (
                members,
                sum(left[m][0] for m in members) / len(members),
                sum(left[m][1] for m in members) / len(members),
            )
        )
        for m in members:
            del left[m]
    return out


@pytest.mark.parametrize("seed", range(12))
def test_clusters_match_the_every_pair_search(seed: int) -> None:
    rng = random.Random(seed)
    # Includes a far-north account (wide longitude cells) and one across the date line.
    lat0 = (51.5, -33.9, 69.6, 0.0, -64.0, 10.0)[seed % 6]
    lon0 = (-0.1, 151.2, 18.9, 179.999, -60.0, -179.9)[seed % 6]
    points = {
        f"post{i:03d}": (
            lat0 + rng.gauss(0, 0.004) * rng.choice((0.2, 1, 4)),
            lon0 + rng.gauss(0, 0.006) * rng.choice((0.2, 1, 4)),
        )
        for i in range(rng.randint(5, 160))
    }
    for min_posts in (1, 3):
        assert clusters(points, min_posts) == _every_pair(points, min_posts)


def test_no_points_no_clusters() -> None:
    assert clusters({}, 1) == []
