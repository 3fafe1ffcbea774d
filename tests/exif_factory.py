"""Synthetic photos with chosen EXIF, for tests (no real photo of anyone)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

from PIL import Image, TiffImagePlugin

EXIF_IFD = 0x8769
GPS_IFD = 0x8825
TAG = {
    "Make": 0x010F,
    "Model": 0x0110,
    "Software": 0x0131,
    "Artist": 0x013B,
    "Copyright": 0x8298,
    "DateTime": 0x0132,
}
SUB = {
    "DateTimeOriginal": 0x9003,
    "OffsetTimeOriginal": 0x9011,
    "BodySerialNumber": 0xA431,
    "CameraOwnerName": 0xA430,
    "LensModel": 0xA434,
}


def _dms(value: float) -> tuple[TiffImagePlugin.IFDRational, ...]:
    value = abs(value)
    d = int(value)
    m = int((value - d) * 60)
    s = Fraction((value - d - m / 60) * 3600).limit_denominator(10000)
    return (
        TiffImagePlugin.IFDRational(d, 1),
        TiffImagePlugin.IFDRational(m, 1),
        TiffImagePlugin.IFDRational(s.numerator, s.denominator),
    )


def make_jpeg(
    path: Path,
    *,
    gps: tuple[float, float] | None = None,
    altitude: float | None = None,
    accuracy_m: float | None = None,
    color: tuple[int, int, int] = (120, 160, 200),
    size: tuple[int, int] = (64, 48),
    **tags: Any,
) -> Path:
    """A small JPEG whose EXIF holds ``tags`` (names as in TAG/SUB) and optionally GPS."""
    img = Image.new("RGB", size, color)
    exif = Image.Exif()
    for name, value in tags.items():
        if name in TAG:
            exif[TAG[name]] = value
    sub = {SUB[k]: v for k, v in tags.items() if k in SUB}
    if sub:
        ifd = exif.get_ifd(EXIF_IFD)
        ifd.update(sub)
    if gps is not None:
        lat, lon = gps
        g = exif.get_ifd(GPS_IFD)
        g[1] = "N" if lat >= 0 else "S"
        g[2] = _dms(lat)
        g[3] = "E" if lon >= 0 else "W"
        g[4] = _dms(lon)
        if altitude is not None:
            g[5] = b"\x00" if altitude >= 0 else b"\x01"
            g[6] = TiffImagePlugin.IFDRational(int(abs(altitude) * 10), 10)
        if accuracy_m is not None:
            g[31] = TiffImagePlugin.IFDRational(int(accuracy_m * 10), 10)
        g[29] = "2024:05:14"
        g[7] = (
            TiffImagePlugin.IFDRational(14, 1),
            TiffImagePlugin.IFDRational(30, 1),
            TiffImagePlugin.IFDRational(0, 1),
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", exif=exif, quality=80)
    return path
