"""Post thumbnails in the report and the slides: small JPEG data: URIs, faces covered by the
one cover routine (footprint_audit.engines.cover) where boxes are given."""

from __future__ import annotations

import base64
import io
import os
from collections.abc import Mapping, Sequence

from .errors import BadInput
from .images import load_image
from .models import AuditResult, Post

#: Longest side of a thumbnail: sharp on a phone at the size the cards show it.
THUMB_SIDE = 320


def thumbnail(path: str, face_boxes: Sequence[Sequence[float]] = (), *, blur_all: bool = False) -> str | None:
    """A small JPEG data: URI of an image, faces covered when boxes are given."""
    from PIL import ImageFilter

    from .engines.cover import cover

    try:
        loaded = load_image(path, max_side=THUMB_SIDE)
    except BadInput:
        return None
    img = loaded.image
    if blur_all:
        img = img.filter(ImageFilter.GaussianBlur(radius=max(img.size) / 25))
    boxes = []
    for top, right, bottom, left in face_boxes:
        s = loaded.scale or 1.0
        pad = 0.2 * (bottom - top)
        boxes.append(
            (int((left - pad) / s), int((top - pad) / s), int((right + pad) / s), int((bottom + pad) / s))
        )
    if boxes:
        img = cover(img, boxes)
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=70, optimize=True)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def thumbnails(
    result: AuditResult,
    files: Mapping[tuple[str, int], str] | None,
    face_boxes: Mapping[tuple[str, int | None], list[list[float]]],
    *,
    blur_all: bool,
) -> dict[str, str]:
    """Post id -> thumbnail of its first readable image (faces covered where boxes are given;
    ``blur_all``: without face boxes only the whole picture can be blurred).

    Pillow releases the GIL while it decodes, resizes and encodes, so threads make thumbnails
    on every core: 1,000 of them took about 6 s of one core. Nothing is cached: thumbnails are
    pixels of the children, and the caches keep none."""
    from concurrent.futures import ThreadPoolExecutor

    def first(post: Post) -> str | None:
        for i, m in enumerate(post.media):
            if m.kind != "image":
                continue
            path = (files or {}).get((post.id, i), m.path)
            uri = thumbnail(path, face_boxes.get((post.id, i), []), blur_all=blur_all)
            if uri:
                return uri
        return None

    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        uris = list(pool.map(first, result.posts))
    return {post.id: uri for post, uri in zip(result.posts, uris, strict=True) if uri}
