"""Post times in the local time of the place they were taken.

Routines live in local time ("Tuesdays at 16:30") while platforms give UTC. The zone comes,
in order of preference, from the post's coordinates (GPS in the photo or the platform
geotag, via timezonefinder, offline), from the EXIF offset, from ``--timezone``, and last
from this computer's zone. Every converted time says which was used.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .context import RunContext
from .findings import LocationValue
from .models import Finding, Post

log = logging.getLogger(__name__)

SOURCE_WORDS = {
    "gps": "the time zone at the photo's GPS position",
    "geotag": "the time zone at the post's location tag",
    "exif-offset": "the time offset the camera recorded",
    "camera-local": "the camera's clock (already local time)",
    "option": "the time zone given with --timezone",
    "system": "this computer's time zone",
}

_FINDER: Any = None


@dataclass(frozen=True)
class LocalTime:
    """A post's time as the people there saw the clock."""

    when: datetime
    #: IANA zone name, a UTC offset like "UTC+02:00", or "camera clock".
    zone: str
    #: One of SOURCE_WORDS' keys.
    source: str

    @property
    def explanation(self) -> str:
        return f"local time from {SOURCE_WORDS[self.source]} ({self.zone})"


def _finder() -> Any:
    global _FINDER
    if _FINDER is None:
        from timezonefinder import TimezoneFinder

        _FINDER = TimezoneFinder()
    return _FINDER


def zone_at(lat: float, lon: float) -> str | None:
    """IANA zone at a point, offline; None at sea or for bad coordinates."""
    try:
        return _finder().timezone_at(lng=float(lon), lat=float(lat))
    except (ValueError, TypeError):
        return None


def coordinates(post: Post, findings: Sequence[Finding]) -> tuple[float, float, str] | None:
    """Best known position of a post: photo GPS first, then the platform geotag."""
    for category in ("gps_exif", "geotag"):
        for f in findings:
            if f.category == category and isinstance(f.value, LocationValue) and f.value.point:
                lat, lon = f.value.point
                return lat, lon, "gps" if category == "gps_exif" else "geotag"
    if post.geotag is not None and post.geotag.lat is not None and post.geotag.lon is not None:
        return post.geotag.lat, post.geotag.lon, "geotag"
    return None


def _offset_name(dt: datetime) -> str:
    off = dt.utcoffset()
    if off is None:
        return "unknown offset"
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def local_time(post: Post, findings: Sequence[Finding], run: RunContext) -> LocalTime | None:
    """The post's time in local wall-clock terms, or None when the post has no time."""
    when = post.taken_at
    if when is None:
        return None
    if when.tzinfo is None or post.time_source == "exif-local":
        # A camera clock without offset is already the local time where it was taken.
        return LocalTime(when.replace(tzinfo=None), "camera clock", "camera-local")
    where = coordinates(post, findings)
    if where is not None:
        zone = zone_at(where[0], where[1])
        if zone:
            return LocalTime(when.astimezone(ZoneInfo(zone)), zone, where[2])
    if post.time_source == "exif":
        return LocalTime(when, _offset_name(when), "exif-offset")
    if run.options.timezone:
        try:
            return LocalTime(when.astimezone(ZoneInfo(run.options.timezone)), run.options.timezone, "option")
        except (ZoneInfoNotFoundError, ValueError):
            run.error(
                "options",
                f"Unknown time zone {run.options.timezone!r}.",
                "Give an IANA name such as Europe/London or Asia/Tokyo.",
            )
    local = when.astimezone()
    return LocalTime(local, local.tzname() or _offset_name(local), "system")


def local_times(posts: Sequence[Post], findings: Sequence[Finding], run: RunContext) -> dict[str, LocalTime]:
    """Local times of all posts, with a run note saying which zones were used."""
    by_post: dict[str, list[Finding]] = {}
    for f in findings:
        by_post.setdefault(f.post_id, []).append(f)
    out: dict[str, LocalTime] = {}
    for post in posts:
        lt = local_time(post, by_post.get(post.id, []), run)
        if lt is not None:
            out[post.id] = lt
    if out:
        counts = Counter(lt.source for lt in out.values())
        parts = [f"{n} by {SOURCE_WORDS[src]}" for src, n in counts.most_common()]
        run.note("Post times were read in local time: " + "; ".join(parts) + ".")
    return out
