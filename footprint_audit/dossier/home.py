"""The home area: photo GPS clustered at evenings and weekends."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ..localtime import LocalTime
from ..models import Fact
from .context import DossierContext
from .geo import HOME_DECIMALS, clusters, metres, points
from .grammar import Pron, zones_used
from .rules import FactRule

#: A home area needs this many evening/weekend photos there.
HOME_MIN_POSTS = 3


def _is_home_time(lt: LocalTime) -> bool:
    h = lt.when.hour
    return lt.when.weekday() >= 5 or h >= 18 or h < 8


class HomeArea(FactRule):
    produces = ("home_area",)

    def run(self, ctx: DossierContext, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
        times, child = ctx.times, ctx.family_child
        pts, names = points(ctx.findings, named_geotags=False)
        home_pts = {pid: p for pid, p in pts.items() if pid in times and _is_home_time(times[pid])}
        found = clusters(home_pts, HOME_MIN_POSTS)
        if not found:
            return []
        ids, lat, lon = found[0]
        pron = child.pron if child else Pron.of("child")
        rlat, rlon = round(lat, HOME_DECIMALS), round(lon, HOME_DECIMALS)
        spread = max(metres((lat, lon), home_pts[i]) for i in ids)
        near = Counter(names[i] for i in ids if i in names).most_common(1)
        where = f" near {near[0][0]}" if near else ""
        share = len(ids) / max(1, len(home_pts))
        return [
            Fact(
                kind="home_area",
                value=f"around {rlat:.3f}, {rlon:.3f}{where}",
                child=child.name if child else None,
                confidence=round(min(0.95, 0.5 + 0.08 * len(ids) + 0.2 * share), 2),
                evidence_post_ids=tuple(ids),
                lat=rlat,
                lon=rlon,
                sentence=(
                    f"{len(ids)} photos taken in the evening or at the weekend were taken within "
                    f"{int(max(spread, 50)):d} m of one spot: {pron.subj} probably {pron.verb('lives', 'live')} "
                    f"around {rlat:.3f}, {rlon:.3f}{where}."
                ),
                detail=(
                    "From the GPS position stored in the photos; the position shown is rounded to about "
                    "110 m, but the photos themselves give it to a few metres. Evenings and weekends in "
                    f"{zones_used(ids, times)}."
                ),
            )
        ]


def home_point(known: Mapping[str, Sequence[Fact]]) -> tuple[float, float] | None:
    """The home area's point, for rules that must not mistake home for somewhere else."""
    homes = known.get("home_area", ())
    if homes and homes[0].lat is not None and homes[0].lon is not None:
        return homes[0].lat, homes[0].lon
    return None
