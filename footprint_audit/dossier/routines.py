"""Routines (same place, same weekday, same hours, several weeks) and school runs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from statistics import median

from ..findings import PlaceValue, RoutineValue, SchoolValue
from ..localtime import LocalTime
from ..models import Fact
from .context import DossierContext
from .geo import CLUSTER_RADIUS_M, HOME_DECIMALS, clusters, metres, nearby_name, points, venue
from .grammar import WEEKDAYS, Pron, zones_used
from .home import home_point
from .rules import FactRule
from .schools import school_key

#: A routine needs posts on this many different weeks (one or two could be chance).
ROUTINE_MIN_WEEKS = 3
#: ... within a window this wide on the same weekday.
ROUTINE_WINDOW_MIN = 120


@dataclass
class _Visit:
    post_id: str
    when: datetime


def _visits(
    ctx: DossierContext, home: tuple[float, float] | None
) -> tuple[dict[str, tuple[str, float | None, float | None, int]], dict[str, list[_Visit]]]:
    """Every place seen on posts with a known local time: key -> (label, lat, lon, priority), visits."""
    findings, times = ctx.findings, ctx.times
    places: dict[str, tuple[str, float | None, float | None, int]] = {}
    visits: dict[str, list[_Visit]] = defaultdict(list)

    def add(key: str, label: str, post_id: str, lat: float | None, lon: float | None, priority: int) -> None:
        if post_id not in times:
            return
        if key not in places or places[key][3] > priority:
            places[key] = (label, lat, lon, priority)
        if all(v.post_id != post_id for v in visits[key]):
            visits[key].append(_Visit(post_id, times[post_id].when))

    for f in findings:
        v = f.value
        tag = venue(f)
        if tag is not None:
            add("tag:" + str(tag.place).lower(), str(tag.place), f.post_id, tag.lat, tag.lon, 0)
        elif isinstance(v, (PlaceValue, SchoolValue)) and f.severity != "low":
            add("name:" + school_key(v.text), v.text, f.post_id, None, None, 1)
        elif isinstance(v, RoutineValue) and v.activity:
            add("act:" + v.activity, f"{v.activity} class", f.post_id, None, None, 3)
    pts, names = points(findings, named_geotags=True)
    for ids, clat, clon in clusters(pts, ROUTINE_MIN_WEEKS):
        if home is not None and metres(home, (clat, clon)) <= CLUSTER_RADIUS_M:
            continue  # being at home on Saturday evenings is not a routine a stranger can use
        common = Counter(names[i] for i in ids if i in names).most_common(1)
        text = nearby_name(findings, clat, clon) or (
            common[0][0] if common else f"the spot at {clat:.3f}, {clon:.3f}"
        )
        for pid in ids:
            add(f"gps:{clat:.4f},{clon:.4f}", text, pid, clat, clon, 2)
    return places, visits


class Routines(FactRule):
    """Same place, same weekday, same two hours, on three or more different weeks."""

    needs = ("home_area",)
    produces = ("routine",)

    def run(self, ctx: DossierContext, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
        places, visits = _visits(ctx, home_point(known))
        child, times = ctx.family_child, ctx.times
        found: list[tuple[int, Fact]] = []
        pron = child.pron if child else Pron.of("child")
        for key, vs in visits.items():
            label, lat, lon, priority = places[key]
            by_day: dict[int, list[_Visit]] = defaultdict(list)
            for v in vs:
                by_day[v.when.weekday()].append(v)
            for wd, day_visits in by_day.items():
                day_visits.sort(key=lambda v: v.when.hour * 60 + v.when.minute)
                best: list[_Visit] = []
                for i, first in enumerate(day_visits):
                    start = first.when.hour * 60 + first.when.minute
                    window = [
                        v
                        for v in day_visits[i:]
                        if v.when.hour * 60 + v.when.minute - start <= ROUTINE_WINDOW_MIN
                    ]
                    weeks = {v.when.isocalendar()[:2] for v in window}
                    if len(weeks) > len({v.when.isocalendar()[:2] for v in best}):
                        best = window
                weeks = {v.when.isocalendar()[:2] for v in best}
                if len(weeks) < ROUTINE_MIN_WEEKS:
                    continue
                minutes = [v.when.hour * 60 + v.when.minute for v in best]
                mid = int(round(median(minutes) / 15.0) * 15) % (24 * 60)
                hhmm = f"{mid // 60:02d}:{mid % 60:02d}"
                day = WEEKDAYS[wd]
                if key.startswith("act:"):
                    sentence = f"On {day}s around {hhmm} {pron.subj} {pron.verb('goes', 'go')} to {label}."
                else:
                    sentence = f"On {day}s around {hhmm} {pron.subj} {pron.verb('is', 'are')} at {label}."
                lo, hi = min(minutes), max(minutes)
                found.append(
                    (
                        priority,
                        Fact(
                            kind="routine",
                            value=f"{day}s around {hhmm} at {label}",
                            child=child.name if child else None,
                            confidence=round(min(0.95, 0.5 + 0.1 * len(weeks)), 2),
                            evidence_post_ids=tuple(sorted({v.post_id for v in best})),
                            lat=round(lat, HOME_DECIMALS) if lat is not None else None,
                            lon=round(lon, HOME_DECIMALS) if lon is not None else None,
                            weekday=day,
                            time_of_day=hhmm,
                            sentence=sentence,
                            detail=(
                                f"Posts on {len(weeks)} different weeks, all on a {day} between "
                                f"{lo // 60:02d}:{lo % 60:02d} and {hi // 60:02d}:{hi % 60:02d} "
                                f"{zones_used([v.post_id for v in best], times)}."
                            ),
                        ),
                    )
                )
        # One routine seen through several lenses (geotag, GPS, caption) is reported once.
        found.sort(key=lambda pf: (pf[0], -len(pf[1].evidence_post_ids)))
        kept: list[Fact] = []
        for _, fact in found:
            id_set = set(fact.evidence_post_ids)
            if any(
                k.weekday == fact.weekday and len(id_set & set(k.evidence_post_ids)) * 2 >= len(id_set)
                for k in kept
            ):
                continue
            kept.append(fact)
        return kept


def _is_school_run(lt: LocalTime) -> bool:
    minutes = lt.when.hour * 60 + lt.when.minute
    return lt.when.weekday() < 5 and (
        7 * 60 + 30 <= minutes <= 9 * 60 + 30 or 14 * 60 + 45 <= minutes <= 15 * 60 + 45
    )


class SchoolRuns(FactRule):
    """GPS clustered at drop-off and pick-up times on weekdays: probably a school or nursery."""

    needs = ("home_area",)
    produces = ("frequent_place",)

    def run(self, ctx: DossierContext, known: Mapping[str, Sequence[Fact]]) -> list[Fact]:
        home, child, times = home_point(known), ctx.family_child, ctx.times
        pts, names = points(ctx.findings, named_geotags=True)
        run_pts = {pid: p for pid, p in pts.items() if pid in times and _is_school_run(times[pid])}
        facts = []
        pron = child.pron if child else Pron.of("child")
        for ids, lat, lon in clusters(run_pts, ROUTINE_MIN_WEEKS):
            if home is not None and metres(home, (lat, lon)) <= CLUSTER_RADIUS_M:
                continue
            near = Counter(names[i] for i in ids if i in names).most_common(1)
            tagged = nearby_name(ctx.findings, lat, lon)
            where = f" near {tagged}" if tagged else f" near {near[0][0]}" if near else ""
            rlat, rlon = round(lat, HOME_DECIMALS), round(lon, HOME_DECIMALS)
            facts.append(
                Fact(
                    kind="frequent_place",
                    value=f"probably a school or nursery at {rlat:.3f}, {rlon:.3f}{where}",
                    child=child.name if child else None,
                    confidence=round(min(0.85, 0.4 + 0.1 * len(ids)), 2),
                    evidence_post_ids=tuple(ids),
                    lat=rlat,
                    lon=rlon,
                    sentence=(
                        f"{len(ids)} photos taken on weekday mornings or afternoons at school times come from "
                        f"one spot{where}: probably {pron.poss} school or nursery."
                    ),
                    detail="From photo GPS at drop-off (07:30-09:30) and pick-up (14:45-15:45) times on weekdays.",
                )
            )
        return facts
