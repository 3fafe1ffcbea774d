"""Where a post was made: GPS written into the photo file, and the platform's geotag.

Places are named offline with the ``reverse_geocode`` package (GeoNames places of 1,000+
people), so the answer is "near <town>, <country>", never a street address.
"""

from __future__ import annotations

import math
import re
from typing import Any

from footprint_audit.analyzer import Analyzer
from footprint_audit.context import PostContext
from footprint_audit.exif import GPS
from footprint_audit.findings import LocationValue
from footprint_audit.models import Finding, Geotag, Post, Severity

# Metres per degree of latitude (and of longitude at the equator), WGS-84 mean.
M_PER_DEG = 111_320.0
# A GPS fix from a phone or camera is good to roughly this under open sky; used when the file
# does not say how accurate its fix was (no GPSHPositioningError or GPSDOP).
TYPICAL_GPS_ERROR_M = 10.0
# Rough user-equivalent range error of civil GPS; accuracy ~ DOP x this.
UERE_M = 5.0
# Precision bands for severity: within 100 m finds the house or the nursery gate; within
# 2 km finds the neighbourhood.
HOUSE_LEVEL_M = 100.0
AREA_LEVEL_M = 2_000.0
_DECIMALS = re.compile(r"\.(\d+)")


def _place(run: Any, lat: float, lon: float) -> dict[str, Any] | None:
    """Nearest GeoNames town of 1,000+ people, with the distance to it in km."""

    def load() -> Any:
        import reverse_geocode

        reverse_geocode.get((0.0, 0.0))  # builds the k-d tree once per run
        return reverse_geocode

    rg = run.memo("reverse_geocode", load)
    try:
        hit = rg.get((lat, lon))
    except Exception:  # the package raises bare errors on odd input; a name is a nice-to-have
        return None
    if not hit or not hit.get("city"):
        return None
    km = _distance_km(lat, lon, float(hit["latitude"]), float(hit["longitude"]))
    return {
        "city": hit.get("city"),
        "state": hit.get("state"),
        "country": hit.get("country"),
        "country_code": hit.get("country_code"),
        "distance_km": round(km, 1),
    }


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _place_words(place: dict[str, Any] | None) -> str:
    if not place:
        return ""
    where = ", ".join(x for x in (place.get("city"), place.get("country")) if x)
    return f"near {where}"


def _resolution_m(value: str | None) -> float | None:
    """How finely the file wrote a coordinate: the last non-zero of degrees/minutes/seconds."""
    if not value:
        return None
    parts = [p.strip() for p in value.strip("()[] ").split(",") if p.strip()]
    units = (1.0, 1 / 60, 1 / 3600)
    best = None
    for part, unit in zip(parts, units, strict=False):
        try:
            if float(part) == 0.0:
                continue
        except ValueError:
            return None
        m = _DECIMALS.search(part)
        decimals = len(m.group(1).rstrip("0")) if m else 0
        best = unit * 10.0**-decimals * M_PER_DEG
    return best


def gps_precision_m(gps: GPS) -> float:
    """Best estimate of how close the recorded point is to where the camera stood, in metres."""
    if gps.accuracy_m is not None and gps.accuracy_m > 0:
        error = gps.accuracy_m
    else:
        try:
            dop = float(gps.tags.get("GPSDOP", "nan"))
        except ValueError:
            dop = math.nan
        error = dop * UERE_M if math.isfinite(dop) and dop > 0 else TYPICAL_GPS_ERROR_M
    resolution = max(
        _resolution_m(gps.tags.get("GPSLatitude")) or 0.0,
        _resolution_m(gps.tags.get("GPSLongitude")) or 0.0,
    )
    return max(error, resolution)


def _distance_words(metres: float) -> str:
    if metres < 1_000:
        step = 5 if metres < 50 else 10 if metres < 200 else 50
        return f"about {max(step, round(metres / step) * step):.0f} metres"
    return f"about {metres / 1000:.0f} km"


def _severity_for(precision_m: float | None) -> Severity:
    if precision_m is None or precision_m > AREA_LEVEL_M:
        return "low"
    return "high" if precision_m <= HOUSE_LEVEL_M else "medium"


class LocationAnalyzer(Analyzer):
    """GPS coordinates in the photo files (``gps_exif``) and the platform's place tag (``geotag``)."""

    name = "location"
    version = "1"
    categories = ("gps_exif", "geotag")

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        out: list[Finding] = []
        for i, media in enumerate(post.media):
            if media.kind != "image":
                continue
            gps = ctx.exif(i).gps
            if gps is not None:
                out.append(self._gps_finding(post, i, gps, ctx))
        if post.geotag is not None:
            finding = self._geotag_finding(post, post.geotag, ctx)
            if finding is not None:
                out.append(finding)
        return out

    def _gps_finding(self, post: Post, index: int, gps: GPS, ctx: PostContext) -> Finding:
        precision = gps_precision_m(gps)
        place = _place(ctx.run, gps.lat, gps.lon)
        near = _place_words(place)
        where = f" ({near})" if near else ""
        severity = _severity_for(precision)
        if severity == "high":
            summary = (
                f"This photo's file contains the exact spot where it was taken{where}, "
                f"accurate to {_distance_words(precision)}."
            )
        else:
            summary = (
                f"This photo's file contains where it was taken{where}, "
                f"to within {_distance_words(precision)}."
            )
        evidence: dict[str, Any] = {
            "source": "EXIF GPS",
            "media": ctx.post.media[index].path,
            "tags": {
                k: v
                for k, v in gps.tags.items()
                if k
                in (
                    "GPSLatitudeRef",
                    "GPSLatitude",
                    "GPSLongitudeRef",
                    "GPSLongitude",
                    "GPSAltitude",
                    "GPSAltitudeRef",
                    "GPSTimeStamp",
                    "GPSDateStamp",
                    "GPSHPositioningError",
                    "GPSDOP",
                )
            },
        }
        value = LocationValue(
            lat=gps.lat,
            lon=gps.lon,
            source="gps_exif",
            altitude=gps.altitude,
            place=near.removeprefix("near ") or None,
            country=place.get("country") if place else None,
            precision_m=round(precision, 1),
            gps_time=gps.timestamp.isoformat() if gps.timestamp else None,
            distance_to_place_km=place.get("distance_km") if place else None,
        )
        return self.finding(
            post,
            "gps_exif",
            severity,
            0.98,
            summary,
            media_index=index,
            value=value,
            evidence=evidence,
        )

    def _geotag_finding(self, post: Post, tag: Geotag, ctx: PostContext) -> Finding | None:
        has_point = tag.lat is not None and tag.lon is not None
        if not has_point and not tag.name:
            return None
        place = _place(ctx.run, tag.lat, tag.lon) if tag.lat is not None and tag.lon is not None else None
        near = _place_words(place)
        name = tag.name or ""
        # A tag whose name is just the town (or "Town, Country") says the area, not the spot.
        town_only = bool(place and name and name.split(",")[0].strip().lower() == str(place["city"]).lower())
        if has_point and not town_only:
            severity: Severity = "high" if name else "medium"
            precision = 50.0 if name else 500.0
            label = f'"{name}"' if name else "a place"
            summary = (
                f"The post is tagged with {label}{f' ({near})' if near else ''}, and the platform "
                "shows anyone its exact position on a map."
            )
            if post.raw.get("geotag_source") == "export-exif":
                # A Meta export: the original file's GPS, not shown on the platform but kept by Meta.
                summary = (
                    f"The original photo recorded the exact spot it was taken{f' ({near})' if near else ''}. "
                    "The platform does not show it, but Meta kept it and it is in your data export."
                )
        elif has_point:
            severity, precision = "medium", 5_000.0
            summary = f'The post is tagged with the town "{name}"{f" ({near})" if near else ""}.'
        else:
            severity, precision = ("medium" if tag.id or tag.address else "low"), None
            summary = f'The post is tagged with the place "{name}", which anyone can look up.'
        value = LocationValue(
            lat=tag.lat,
            lon=tag.lon,
            source="geotag",
            place=name or (near.removeprefix("near ") or None),
            near=near.removeprefix("near ") or None,
            country=place.get("country") if place else None,
            precision_m=precision,
            location_id=tag.id,
            address=tag.address,
        )
        return self.finding(
            post,
            "geotag",
            severity,
            0.95,
            summary,
            value=value,
            evidence={"source": "platform geotag", "name": tag.name, "id": tag.id, "slug": tag.slug},
        )
