"""Reading what a photo file says about itself: GPS, device, original time.

Pillow's EXIF reader is used for every format (JPEG, HEIC through pillow-heif, PNG, WebP).
Files that broke EXIF readers before (truncated IFDs, bad lengths) raise BadInput here, so a
caller records one error for the file and goes on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from PIL import ExifTags, Image

from .errors import BadInput
from .images import open_image

TAG_NAMES = ExifTags.TAGS
GPS_NAMES = ExifTags.GPSTAGS

#: EXIF tags that identify the device or the person, beyond location.
DEVICE_TAGS = (
    "Make",
    "Model",
    "Software",
    "BodySerialNumber",
    "CameraSerialNumber",
    "SerialNumber",
    "LensSerialNumber",
    "LensMake",
    "LensModel",
    "Artist",
    "Copyright",
    "OwnerName",
    "CameraOwnerName",
    "ImageUniqueID",
    "HostComputer",
)


@dataclass(frozen=True)
class GPS:
    lat: float
    lon: float
    altitude: float | None = None
    timestamp: datetime | None = None
    #: Horizontal positioning error in metres, when the camera wrote it.
    accuracy_m: float | None = None
    tags: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExifData:
    gps: GPS | None = None
    datetime_original: datetime | None = None
    #: True when datetime_original carries a real UTC offset (OffsetTimeOriginal).
    has_offset: bool = False
    device: dict[str, str] = field(default_factory=dict)
    orientation: int | None = None
    tags: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.gps is None and self.datetime_original is None and not self.device


def _num(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return f if math.isfinite(f) else None


def _dms(value: Any) -> float | None:
    """Degrees/minutes/seconds (three rationals) to decimal degrees."""
    if value is None:
        return None
    if isinstance(value, (int, float)) or not hasattr(value, "__len__"):
        return _num(value)
    parts = [_num(v) for v in value]
    if not parts or any(p is None for p in parts):
        return None
    d, m, s = (parts + [0.0, 0.0])[:3]
    assert d is not None and m is not None and s is not None
    return d + m / 60.0 + s / 3600.0


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.split(b"\x00", 1)[0].decode("utf-8", "replace")
    s = str(value).replace("\x00", "").strip()
    return s or None


def _parse_gps(gps_ifd: dict[int, Any]) -> GPS | None:
    named = {GPS_NAMES.get(k, str(k)): v for k, v in gps_ifd.items()}
    lat = _dms(named.get("GPSLatitude"))
    lon = _dms(named.get("GPSLongitude"))
    if lat is None or lon is None:
        return None
    if lat == 0.0 and lon == 0.0:
        return None  # "null island": cameras write zeros when they had no fix
    if str(_text(named.get("GPSLatitudeRef")) or "N").upper().startswith("S"):
        lat = -lat
    if str(_text(named.get("GPSLongitudeRef")) or "E").upper().startswith("W"):
        lon = -lon
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    alt = _num(named.get("GPSAltitude"))
    if alt is not None:
        ref = named.get("GPSAltitudeRef")
        if isinstance(ref, bytes):
            ref = ref[:1] == b"\x01"
        if ref in (1, True):
            alt = -alt
    stamp = None
    date_s = _text(named.get("GPSDateStamp"))
    time_v = named.get("GPSTimeStamp")
    if date_s and time_v is not None:
        try:
            hms = [_num(x) or 0.0 for x in time_v]
            day = datetime.strptime(date_s.replace("-", ":")[:10], "%Y:%m:%d")
            stamp = (day + timedelta(hours=hms[0], minutes=hms[1], seconds=hms[2])).replace(tzinfo=UTC)
        except (ValueError, TypeError, IndexError, OverflowError):
            stamp = None
    accuracy = _num(named.get("GPSHPositioningError"))
    tags = {k: str(v) for k, v in named.items() if k.startswith("GPS") and not isinstance(v, bytes)}
    return GPS(lat=lat, lon=lon, altitude=alt, timestamp=stamp, accuracy_m=accuracy, tags=tags)


def _parse_offset(s: str | None) -> timezone | None:
    if not s:
        return None
    s = s.strip()
    if s in ("Z", "+00:00", "-00:00", "+0000"):
        return UTC
    try:
        sign = -1 if s[0] == "-" else 1
        hh, mm = s[1:].replace(":", "")[:2], s[1:].replace(":", "")[2:4] or "0"
        return timezone(sign * timedelta(hours=int(hh), minutes=int(mm)))
    except (ValueError, IndexError):
        return None


def _parse_datetime(value: str | None, offset: str | None) -> tuple[datetime | None, bool]:
    if not value:
        return None, False
    text = value.strip().replace("\x00", "")
    for fmt in ("%Y:%m:%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y:%m:%d %H:%M", "%Y-%m-%dT%H:%M:%S"):
        try:
            dt = datetime.strptime(text[:19], fmt)
            break
        except ValueError:
            continue
    else:
        return None, False
    if dt.year < 1971:
        return None, False  # unset camera clocks write 0000:00:00 or 1970
    tz = _parse_offset(offset)
    if tz is not None:
        return dt.replace(tzinfo=tz), True
    return dt, False


def read_exif_from_image(img: Image.Image) -> ExifData:
    try:
        exif = img.getexif()
    except Exception as exc:  # Pillow raises many types on malformed IFDs
        raise BadInput(f"EXIF block is damaged ({type(exc).__name__}: {exc}).") from exc
    if not exif:
        return ExifData()
    try:
        base = {TAG_NAMES.get(k, str(k)): v for k, v in exif.items()}
        sub = {TAG_NAMES.get(k, str(k)): v for k, v in exif.get_ifd(ExifTags.IFD.Exif).items()}
        gps_ifd = dict(exif.get_ifd(ExifTags.IFD.GPSInfo))
    except Exception as exc:
        raise BadInput(f"EXIF block is damaged ({type(exc).__name__}: {exc}).") from exc
    merged: dict[str, Any] = {**base, **sub}
    dt, has_offset = _parse_datetime(
        _text(merged.get("DateTimeOriginal")) or _text(merged.get("DateTime")),
        _text(merged.get("OffsetTimeOriginal")) or _text(merged.get("OffsetTime")),
    )
    device = {}
    for name in DEVICE_TAGS:
        val = _text(merged.get(name))
        if val:
            device[name] = val
    gps = _parse_gps(gps_ifd) if gps_ifd else None
    orientation = merged.get("Orientation")
    tags = {k: v for k, v in merged.items() if isinstance(v, (str, int, float)) and k not in ("MakerNote",)}
    return ExifData(
        gps=gps,
        datetime_original=dt,
        has_offset=has_offset,
        device=device,
        orientation=int(orientation) if isinstance(orientation, int) else None,
        tags=tags,
    )


def read_exif(path: str | Path) -> ExifData:
    """EXIF of a file; ExifData() when it has none; BadInput when it cannot be read."""
    img = open_image(path)
    with img:
        return read_exif_from_image(img)
