"""The report's pictures, drawn offline as inline SVG: a map of where posts were made, a week by
hour heat map of when, and a timeline of posts by month coloured by risk.

Nothing is fetched (no map tiles): the map is an equirectangular projection around the points,
with the inferred home area and school as labelled circles and a scale bar. Places far from the
rest (a holiday) get their own small panel rather than squashing the main map. Every text that
comes from a post (place names) is escaped; numbers are rounded to one decimal of a pixel, so in
share mode the only positions in the file are those of the already rounded points.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from markupsafe import Markup, escape

from .findings import LocationValue
from .models import AuditResult, Fact, Finding, Post, PostRisk

EARTH_M_PER_DEG = 111_320.0
#: A point further than this from the middle of the posts goes into its own panel.
AWAY_KM = 50.0
COLOURS = {"high": "#b42318", "medium": "#b26a00", "low": "#256a3a"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class Point:
    lat: float
    lon: float
    post_id: str
    name: str | None
    level: str


@dataclass
class Cluster:
    points: list[Point] = field(default_factory=list)

    @property
    def lat(self) -> float:
        return sum(p.lat for p in self.points) / len(self.points)

    @property
    def lon(self) -> float:
        return sum(p.lon for p in self.points) / len(self.points)

    @property
    def name(self) -> str | None:
        names = Counter(p.name for p in self.points if p.name)
        return names.most_common(1)[0][0] if names else None

    @property
    def level(self) -> str:
        levels = {p.level for p in self.points}
        return next((lv for lv in ("high", "medium", "low") if lv in levels), "low")


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: good to a fraction of a percent at the scale of a town."""
    x = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(x, lat2 - lat1) * EARTH_M_PER_DEG


def post_points(result: AuditResult) -> list[Point]:
    """One point per post with a position: photo GPS first, then the platform's location tag."""
    by_post: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_post.setdefault(f.post_id, []).append(f)
    out = []
    for post in result.posts:
        where = _position(post, by_post.get(post.id, []))
        if where is None:
            continue
        level = result.risks.get(post.id, PostRisk(0.0, "low")).level
        name = post.geotag.name if post.geotag is not None else None
        out.append(Point(where[0], where[1], post.id, name, level))
    return out


def _position(post: Post, findings: Sequence[Finding]) -> tuple[float, float] | None:
    for category in ("gps_exif", "geotag"):
        for f in findings:
            if f.category == category and isinstance(f.value, LocationValue) and f.value.point:
                return f.value.point
    g = post.geotag
    if g is not None and g.lat is not None and g.lon is not None:
        return g.lat, g.lon
    return None


def cluster(points: Sequence[Point], radius_m: float) -> list[Cluster]:
    """Greedy clustering: each point joins the first cluster whose middle is within the radius."""
    clusters: list[Cluster] = []
    for p in sorted(points, key=lambda p: (p.lat, p.lon, p.post_id)):
        for c in clusters:
            if distance_m(c.lat, c.lon, p.lat, p.lon) <= radius_m:
                c.points.append(p)
                break
        else:
            clusters.append(Cluster([p]))
    return sorted(clusters, key=lambda c: -len(c.points))


def _groups(points: Sequence[Point]) -> tuple[list[Point], list[list[Point]]]:
    """The main group (around the median point) and the far-away groups, biggest first."""
    if not points:
        return [], []
    lats = sorted(p.lat for p in points)
    lons = sorted(p.lon for p in points)
    mid = (lats[len(lats) // 2], lons[len(lons) // 2])
    main = [p for p in points if distance_m(mid[0], mid[1], p.lat, p.lon) <= AWAY_KM * 1000]
    rest = [p for p in points if p not in main]
    away: list[list[Point]] = []
    for p in rest:
        for g in away:
            if distance_m(g[0].lat, g[0].lon, p.lat, p.lon) <= AWAY_KM * 1000:
                g.append(p)
                break
        else:
            away.append([p])
    return main, sorted(away, key=lambda g: -len(g))


@dataclass(frozen=True)
class Mark:
    """A labelled circle on the map: the inferred home area, the school, a routine's place."""

    label: str
    lat: float
    lon: float
    radius_m: float
    kind: str


def marks(facts: Sequence[Fact], share: bool) -> list[Mark]:
    """Home area, school and routine places from the dossier, where it gives a position."""
    # in share mode positions are only known to about 1 km: the circles say so
    radius = 500.0 if share else 150.0
    out: list[Mark] = []
    school_names = [f.value.lower() for f in facts if f.kind == "school" and f.value]
    school_done = False
    routines: list[Fact] = []
    for f in facts:
        if f.lat is None or f.lon is None:
            continue
        text = f"{f.value} {f.sentence}".lower()
        if f.kind == "home_area":
            out.append(Mark("Home area", f.lat, f.lon, radius * (1.2 if share else 1.5), "home"))
        elif (
            f.kind == "frequent_place"
            and not school_done
            and (any(n in text for n in school_names) or "school or nursery" in text)
        ):
            out.append(Mark("School", f.lat, f.lon, radius, "school"))
            school_done = True
        elif f.kind == "routine" and f.weekday:
            routines.append(f)
    for f in routines:
        lat, lon = float(f.lat or 0.0), float(f.lon or 0.0)
        label = f"{(f.weekday or '')[:3]} {f.time_of_day or ''}".strip()
        near = sorted(
            (m for m in out if distance_m(m.lat, m.lon, lat, lon) <= max(m.radius_m, 50)),
            key=lambda m: distance_m(m.lat, m.lon, lat, lon),
        )
        if near:
            # a routine at the school or at home: one circle, one label ("School, Tue 08:30")
            i = out.index(near[0])
            if label not in out[i].label:
                out[i] = Mark(
                    f"{out[i].label}, {label}", out[i].lat, out[i].lon, out[i].radius_m, out[i].kind
                )
        else:
            out.append(Mark(label, lat, lon, radius * 0.6, "routine"))
    return out


def _nice(metres: float) -> float:
    """The largest 1, 2 or 5 x 10^k not above ``metres``."""
    k = 10 ** math.floor(math.log10(max(metres, 1.0)))
    return max(m * k for m in (1, 2, 5) if m * k <= metres)


def _distance_words(metres: float) -> str:
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


def _f(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


class _Frame:
    """Projects lat/lon into a W x H box around the given points (equirectangular)."""

    def __init__(self, lats: Sequence[float], lons: Sequence[float], w: float, h: float, pad: float) -> None:
        self.lat0 = (min(lats) + max(lats)) / 2
        self.lon0 = (min(lons) + max(lons)) / 2
        self.k = math.cos(math.radians(self.lat0))
        span_x = (max(lons) - min(lons)) * self.k * EARTH_M_PER_DEG
        span_y = (max(lats) - min(lats)) * EARTH_M_PER_DEG
        self.w, self.h, self.pad = w, h, pad
        # at least 1.5 km across, so one point or one tight cluster is not a blown-up blob
        self.mpp = max(span_x / (w - 2 * pad), span_y / (h - 2 * pad), 1500.0 / (w - 2 * pad))

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        x = (lon - self.lon0) * self.k * EARTH_M_PER_DEG / self.mpp + self.w / 2
        y = self.h / 2 - (lat - self.lat0) * EARTH_M_PER_DEG / self.mpp
        return x, y


def _cluster_svg(c: Cluster, frame: _Frame, number: int, dates: Mapping[str, str | None]) -> str:
    x, y = frame.xy(c.lat, c.lon)
    n = len(c.points)
    r = 9 + 3 * math.sqrt(n)
    when = ", ".join(dates.get(p.post_id) or "date unknown" for p in c.points[:6])
    title = f"{c.name or 'Place ' + str(number)}: {n} post{'' if n == 1 else 's'} ({when})"
    return (
        f'<g class="pt"><title>{escape(title)}</title>'
        f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(r)}" fill="{COLOURS[c.level]}" fill-opacity=".85" '
        f'stroke="#fff" stroke-width="2"/>'
        f'<text x="{_f(x)}" y="{_f(y + 4.5)}" text-anchor="middle" class="n">{n}</text></g>'
    )


def _panel(
    points: Sequence[Point],
    ms: Sequence[Mark],
    w: float,
    h: float,
    share: bool,
    dates: Mapping[str, str | None],
    label: str,
    adapt: bool = False,
) -> tuple[str, list[dict[str, object]]]:
    """One map panel: clusters, marks, a scale bar. Returns the SVG and the legend rows."""
    lats = [p.lat for p in points]
    lons = [p.lon for p in points]
    for m in ms:
        dlat = m.radius_m / EARTH_M_PER_DEG
        dlon = dlat / max(math.cos(math.radians(m.lat)), 0.1)
        lats += [m.lat - dlat, m.lat + dlat * 1.4]  # room for the label above
        lons += [m.lon - dlon, m.lon + dlon]
    if adapt:
        k = math.cos(math.radians(sum(lats) / len(lats)))
        wide = max((max(lons) - min(lons)) * k, 1e-6)
        h = min(max((w - 72) * (max(lats) - min(lats)) / wide + 72, 260.0), 480.0)
    frame = _Frame(lats, lons, w, h, 36)
    radius = max(frame.mpp * 14, 1100.0 if share else 60.0)
    clusters = cluster(points, radius)
    parts = [
        f'<svg viewBox="0 0 {_f(w)} {_f(h)}" role="img" aria-label="{escape(label)}" class="map">',
        f"<title>{escape(label)}</title>",
        f'<rect width="{_f(w)}" height="{_f(h)}" rx="10" fill="#eef3f7"/>',
    ]
    for m in ms:
        x, y = frame.xy(m.lat, m.lon)
        r = max(m.radius_m / frame.mpp, 14)
        parts.append(
            f'<g class="mark {m.kind}"><circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(r)}"/>'
            f'<text x="{_f(x)}" y="{_f(y - r - 5)}" text-anchor="middle">{escape(m.label)}</text></g>'
        )
    legend: list[dict[str, object]] = []
    for i, c in enumerate(clusters, 1):
        parts.append(_cluster_svg(c, frame, i, dates))
        inside = [m for m in ms if distance_m(m.lat, m.lon, c.lat, c.lon) <= m.radius_m]
        legend.append(
            {
                "name": c.name or (inside[0].label if inside else None),
                "posts": [p.post_id for p in c.points],
                "level": c.level,
            }
        )
    bar_m = _nice((w - 2 * 36) / 4 * frame.mpp)
    bar_px = bar_m / frame.mpp
    y0 = h - 16
    parts.append(
        f'<g class="scale"><path d="M16 {_f(y0 - 6)}v6h{_f(bar_px)}v-6" fill="none" stroke="#1d2330" '
        f'stroke-width="2"/><text x="{_f(16 + bar_px + 6)}" y="{_f(y0)}">{_distance_words(bar_m)}</text></g>'
    )
    parts.append("</svg>")
    return "".join(parts), legend


def map_section(
    result: AuditResult, *, share: bool, dates: Mapping[str, str | None]
) -> dict[str, object] | None:
    """The map: a main panel and one small panel per far-away group; None without positions."""
    points = post_points(result)
    if not points:
        return None
    main, away = _groups(points)
    ms = [
        m
        for m in marks(result.facts, share)
        if not main or distance_m(main[0].lat, main[0].lon, m.lat, m.lon) <= AWAY_KM * 1000
    ]
    n = len(points)
    svg, legend = _panel(
        main,
        ms,
        640,
        420,
        share,
        dates,
        f"Map of where {len(main)} of {n} posts with a position were made"
        + ("; the home area and the school are circled" if ms else ""),
        adapt=True,
    )
    panels = []
    for group in away:
        d = distance_m(main[0].lat, main[0].lon, group[0].lat, group[0].lon) if main else 0.0
        names = Counter(p.name for p in group if p.name)
        name = names.most_common(1)[0][0] if names else None
        label = f"{name or 'Somewhere else'}, about {round(d / 1000):,} km away"
        small, _ = _panel(group, [], 260, 170, share, dates, label)
        panels.append({"svg": Markup(small), "label": label, "posts": [p.post_id for p in group]})
    return {
        "svg": Markup(svg),
        "legend": legend,
        "away": panels,
        "points": n,
        "posts": len(result.posts),
        "marks": [m.label for m in ms],
    }


def heatmap(local: Mapping[str, datetime], facts: Sequence[Fact]) -> dict[str, object] | None:
    """A 7 x 24 grid of local posting and photo times, with the dossier's routines outlined."""
    if not local:
        return None
    grid = Counter((dt.weekday(), dt.hour) for dt in local.values())
    top = max(grid.values())
    routines: dict[tuple[int, int], str] = {}
    for f in facts:
        if f.kind == "routine" and f.weekday in WEEKDAYS and (f.time_of_day or "")[:2].isdigit():
            # in other words than the fact's sentence: the card is the one place that says it
            routines[(WEEKDAYS.index(f.weekday), int((f.time_of_day or "")[:2]))] = (
                f.value or f"{f.weekday}s around {f.time_of_day}"
            )
    cw, ch, left, top_pad = 22.0, 22.0, 40.0, 22.0
    w, h = left + 24 * cw + 4, top_pad + 7 * ch + 4
    label = f"When {len(local)} posts and photos were made, by weekday and hour (local time)"
    parts = [
        f'<svg viewBox="0 0 {_f(w)} {_f(h)}" role="img" aria-label="{escape(label)}" class="heat">',
        f"<title>{escape(label)}</title>",
    ]
    for hour in range(0, 24, 3):
        parts.append(f'<text x="{_f(left + hour * cw + 2)}" y="14">{hour:02d}</text>')
    for d, day in enumerate(WEEKDAYS):
        y = top_pad + d * ch
        parts.append(f'<text x="0" y="{_f(y + 15)}">{day[:3]}</text>')
        for hour in range(24):
            n = grid.get((d, hour), 0)
            x = left + hour * cw
            fill = f"rgba(180,35,24,{0.18 + 0.82 * n / top:.2f})" if n else "#eef0f3"
            tip = f"{day} {hour:02d}:00-{hour:02d}:59: {n} post{'' if n == 1 else 's'}"
            parts.append(
                f'<rect x="{_f(x + 1)}" y="{_f(y + 1)}" width="{_f(cw - 2)}" height="{_f(ch - 2)}" rx="3" '
                f'fill="{fill}"><title>{tip}</title></rect>'
            )
    marked = []
    for (d, hour), sentence in sorted(routines.items()):
        x, y = left + hour * cw, top_pad + d * ch
        parts.append(
            f'<rect class="routine" x="{_f(x)}" y="{_f(y)}" width="{_f(cw)}" height="{_f(ch)}" rx="4">'
            f"<title>{escape(sentence)}</title></rect>"
        )
        marked.append(sentence)
    parts.append("</svg>")
    busiest = sorted(grid.items(), key=lambda kv: -kv[1])[:3]
    return {
        "svg": Markup("".join(parts)),
        "routines": marked,
        "posts": len(local),
        "busiest": [f"{WEEKDAYS[d]}s around {hour:02d}:00 ({n})" for (d, hour), n in busiest if n > 1],
    }


def timeline(posts: Sequence[Mapping[str, object]]) -> dict[str, object] | None:
    """Posts per month, stacked by risk level; months without posts stay as gaps."""
    months: dict[tuple[int, int], Counter[str]] = {}
    for p in posts:
        when = str(p.get("taken_at") or "")
        if len(when) < 7 or not when[:4].isdigit():
            continue
        risk = p.get("risk")
        level = str(risk.get("level", "low")) if isinstance(risk, Mapping) else "low"
        months.setdefault((int(when[:4]), int(when[5:7])), Counter())[level] += 1
    if not months:
        return None
    first, last = min(months), max(months)
    span = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    keys = [((first[0] * 12 + first[1] - 1 + i) // 12, (first[1] - 1 + i) % 12 + 1) for i in range(span)]
    top = max(sum(c.values()) for c in months.values())
    left, bottom, w, h = 28.0, 34.0, 640.0, 180.0
    bw = min(80.0, (w - left - 8) / len(keys))
    scale = (h - bottom - 12) / top
    label = f"Posts per month, {len(keys)} months, coloured by risk"
    parts = [
        f'<svg viewBox="0 0 {_f(w)} {_f(h)}" role="img" aria-label="{escape(label)}" class="timeline">',
        f"<title>{escape(label)}</title>",
        f'<text x="0" y="{_f(h - bottom + 4)}">0</text><text x="0" y="18">{top}</text>',
        f'<path d="M{_f(left)} {_f(h - bottom)}H{_f(w - 4)}" stroke="#c9ced8"/>',
    ]
    for i, (year, month) in enumerate(keys):
        x = left + i * bw
        y = h - bottom
        counts = months.get((year, month), Counter())
        for level in ("low", "medium", "high"):
            n = counts.get(level, 0)
            if not n:
                continue
            bh = n * scale
            y -= bh
            tip = f"{year}-{month:02d}: {n} {level}-risk post{'' if n == 1 else 's'}"
            parts.append(
                f'<rect x="{_f(x + 2)}" y="{_f(y)}" width="{_f(bw - 4)}" height="{_f(bh)}" '
                f'fill="{COLOURS[level]}"><title>{tip}</title></rect>'
            )
        if month == 1 or i == 0:
            parts.append(f'<text x="{_f(x + 2)}" y="{_f(h - 4)}">{year}</text>')
        if bw >= 14 or month in (1, 4, 7, 10):
            parts.append(
                f'<text x="{_f(x + bw / 2)}" y="{_f(h - bottom + 14)}" text-anchor="middle" class="m">'
                f"{'JFMAMJJASOND'[month - 1]}</text>"
            )
    parts.append("</svg>")
    return {"svg": Markup("".join(parts)), "months": len(keys), "busiest_month": None}
