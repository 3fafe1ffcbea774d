"""Safe copies of photos: location and device details removed, faces blurred.

What is kept: the pixels (except faces), the EXIF orientation (so the photo still shows the
right way up) and the colour profile (so colours do not shift). Everything else in the file's
metadata (GPS, camera serials, times, XMP, IPTC, comments, thumbnails that still show the
original) is dropped.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageFilter

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


def hide_faces(img: Image.Image, boxes: Sequence[Box], *, cover: bool = False) -> Image.Image:
    """Pixelate then blur each face (with a margin), or cover it with a solid patch.

    Pixelating first matters: a Gaussian blur alone can be partly undone, coarse blocks cannot.
    """
    out = img.copy()
    w, h = out.size
    for top, right, bottom, left in boxes:
        pad = 0.25 * max(bottom - top, right - left)
        box = (
            max(0, int(left - pad)),
            max(0, int(top - pad)),
            min(w, int(right + pad)),
            min(h, int(bottom + pad)),
        )
        bw, bh = box[2] - box[0], box[3] - box[1]
        if bw <= 0 or bh <= 0:
            continue
        if cover:
            out.paste((128, 128, 128) if out.mode == "RGB" else 128, box)
            continue
        region = out.crop(box)
        small = region.resize((max(1, bw // 12), max(1, bh // 12)), Image.Resampling.BILINEAR)
        region = small.resize((bw, bh), Image.Resampling.NEAREST).filter(
            ImageFilter.GaussianBlur(max(2, bw / 20))
        )
        out.paste(region, box)
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
    cover: bool = False,
    blur_faces: bool = True,
) -> FixResult:
    """Write a safe copy of ``path`` into ``out_dir``; never touches the original."""
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
        if blur_faces and find_faces is not None:
            boxes = find_faces(pixels)
            if boxes:
                pixels = hide_faces(pixels, boxes, cover=cover)
                result.faces_hidden = len(boxes)
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
        out = out_dir / f"{path.stem}-safe{suffix}"
        buf = io.BytesIO()
        pixels.save(buf, format=out_fmt, **save_kw)
        out.write_bytes(buf.getvalue())
        result.output = out
        result.removed = removed
    except BadInput as exc:
        result.error = str(exc)
    except (OSError, ValueError) as exc:
        result.error = f"{path.name}: could not write a safe copy ({exc})."
    return result
