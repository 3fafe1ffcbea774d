"""Safe copies of photos: location and device details removed, faces covered.

What is kept: the pixels (except faces), the EXIF orientation (so the photo still shows the
right way up) and the colour profile (so colours do not shift). Everything else in the file's
metadata (GPS, camera serials, times, XMP, IPTC, comments, thumbnails that still show the
original) is dropped. Faces are hidden by the one cover routine (footprint_audit.engines.cover),
solid by default. An existing file is never overwritten: the copy gets the next free name.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from .engines.cover import DEFAULT_STYLE, CoverStyle, cover
from .errors import BadInput
from .exif import read_exif
from .images import open_image, register_heif

#: A face box as [top, right, bottom, left] in the image's stored (not rotated) pixels.
Box = Sequence[float]
FaceFinder = Callable[[Image.Image], list[Box]]

#: Formats we write back as they came; anything else (HEIC, TIFF, GIF) becomes JPEG, which
#: every platform accepts.
KEEP_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
ORIENTATION_TAG = 0x0112


@dataclass
class FixResult:
    source: Path
    output: Path | None
    faces_hidden: int = 0
    removed: list[str] = field(default_factory=list)
    error: str | None = None


def hide_faces(img: Image.Image, boxes: Sequence[Box], style: CoverStyle = DEFAULT_STYLE) -> Image.Image:
    """``img`` with each face box ([top, right, bottom, left]) hidden in ``style``."""
    return cover(img, [(left, top, right, bottom) for top, right, bottom, left in boxes], style)


def free_name(out_dir: Path, stem: str, suffix: str) -> Path:
    """``STEM-safe.jpg``, or ``STEM-safe-2.jpg`` and so on when that file exists already (an
    earlier copy, or another photo with the same name from another folder)."""
    out = out_dir / f"{stem}-safe{suffix}"
    n = 2
    while out.exists():
        out = out_dir / f"{stem}-safe-{n}{suffix}"
        n += 1
    return out


def _removed_summary(path: Path) -> list[str]:
    try:
        exif = read_exif(path)
    except BadInput:
        return []
    removed = []
    if exif.gps is not None:
        removed.append("GPS location")
    if exif.device:
        removed.append("camera/phone details (" + ", ".join(sorted(exif.device)) + ")")
    if exif.datetime_original is not None:
        removed.append("original date and time")
    return removed


def fix_photo(
    path: Path,
    out_dir: Path,
    *,
    find_faces: FaceFinder | None = None,
    style: CoverStyle | None = DEFAULT_STYLE,
) -> FixResult:
    """Write a safe copy of ``path`` into ``out_dir``; never touches the original. ``style``
    None keeps faces as they are."""
    register_heif()
    result = FixResult(source=path, output=None)
    try:
        removed = _removed_summary(path)
        img = open_image(path)
        with img:
            fmt = img.format or "JPEG"
            icc = img.info.get("icc_profile")
            orientation = img.getexif().get(ORIENTATION_TAG)
            img.load()
            if img.mode not in ("RGB", "RGBA", "L"):
                img = img.convert("RGBA" if "A" in img.getbands() else "RGB")
            pixels = img.copy()
        if style is not None and find_faces is not None:
            boxes = find_faces(pixels)
            if boxes:
                pixels = hide_faces(pixels, boxes, style)
                result.faces_hidden = len(boxes)
        # Nothing of the file's text travels with the pixels: a JPEG comment
        # ("home: 12 Acacia Avenue"), XMP or IPTC would be written back from ``info``.
        pixels.info = {}
        suffix = KEEP_FORMATS.get(fmt, ".jpg")
        out_fmt = fmt if fmt in KEEP_FORMATS else "JPEG"
        if out_fmt == "JPEG" and pixels.mode == "RGBA":
            pixels = pixels.convert("RGB")
        clean = Image.Exif()
        if orientation:
            clean[ORIENTATION_TAG] = orientation
        save_kw: dict[str, object] = {"exif": clean.tobytes()}
        if icc:
            save_kw["icc_profile"] = icc
        if out_fmt == "JPEG":
            save_kw.update(quality=92, optimize=True)
        out_dir.mkdir(parents=True, exist_ok=True)
        buf = io.BytesIO()
        pixels.save(buf, format=out_fmt, **save_kw)
        out = free_name(out_dir, path.stem, suffix)
        with open(out, "xb") as fh:  # never over an existing file, even one made meanwhile
            fh.write(buf.getvalue())
        result.output = out
        result.removed = removed
    except BadInput as exc:
        result.error = str(exc)
    except (OSError, ValueError) as exc:
        result.error = f"{path.name}: could not write a safe copy ({exc})."
    return result
