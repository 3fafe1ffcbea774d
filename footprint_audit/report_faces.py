"""The report's faces section: where each enrolled child appears, and a contact sheet of every
face found (faces covered in share mode by the one cover routine)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .errors import BadInput
from .findings import FaceValue

#: Contact-sheet limits: the report stays small enough to mail.
CROP_SIDE = 96
MAX_CROPS = 120
_FACE_CATEGORY_ORDER = ("enrolled_child_face", "other_child_face", "child_face", "face")


def _crop_uri(image: Any, box: Sequence[float], scale: float, share: bool) -> str:
    import base64
    import io

    from PIL import Image

    top, right, bottom, left = (v / (scale or 1.0) for v in box)
    pad = 0.15 * max(bottom - top, right - left)
    w, h = image.size
    region = (
        max(0, int(left - pad)),
        max(0, int(top - pad)),
        min(w, int(right + pad)),
        min(h, int(bottom + pad)),
    )
    if region[2] <= region[0] or region[3] <= region[1]:
        region = (0, 0, w, h)
    crop = image.crop(region).convert("RGB")
    if share:
        from .engines.cover import cover

        face = (left - region[0], top - region[1], right - region[0], bottom - region[1])
        crop = cover(crop, [face])
    crop.thumbnail((CROP_SIDE, CROP_SIDE), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    crop.save(buf, format="JPEG", quality=75)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def report_section(result: Any, *, share: bool = False) -> dict[str, Any]:
    """The report's "faces" section: where each enrolled child appears, and a contact sheet.

    ``children``: per enrolled child, the posts they appear in (and how many are public);
    ``other_children`` / ``children_unknown``: posts with a child who is not enrolled;
    ``crops``: small JPEG data URIs by crop id, faces covered when ``share``. Nothing refers to a
    file or the network: the HTML stays self-contained.
    """
    from .images import load_image, video_frames

    face_findings = [f for f in result.findings if f.analyzer == "faces" and isinstance(f.value, FaceValue)]
    visibility = {p.id: p.visibility for p in result.posts}
    children: dict[str, list[str]] = {}
    other: list[str] = []
    unknown_child: list[str] = []
    for f in face_findings:
        if f.category == "enrolled_child_face" and f.child:
            posts = children.setdefault(f.child, [])
            if f.post_id not in posts:
                posts.append(f.post_id)
        elif f.category == "other_child_face" and f.post_id not in other:
            other.append(f.post_id)
        elif f.category == "child_face" and f.post_id not in unknown_child:
            unknown_child.append(f.post_id)
    ordered = sorted(
        face_findings,
        key=lambda f: (_FACE_CATEGORY_ORDER.index(f.category), -float(f.value.relative_size)),
    )[:MAX_CROPS]
    media_of = {p.id: p.media for p in result.posts}
    by_media: dict[tuple[str, int], list[Any]] = {}
    for f in ordered:
        if f.media_index is not None and f.post_id in media_of and f.media_index < len(media_of[f.post_id]):
            by_media.setdefault((f.post_id, f.media_index), []).append(f)
    crops: list[dict[str, Any]] = []
    for (post_id, index), items in by_media.items():
        media = media_of[post_id][index]
        try:
            if media.kind == "video":
                frames = video_frames(media.path, 3)
                for f in items:
                    n = f.value.frame or 0
                    if n < len(frames):
                        crops.append(_crop_entry(f, _crop_uri(frames[n], f.value.box, 1.0, share)))
                continue
            loaded = load_image(media.path)
        except BadInput:
            continue
        for f in items:
            crops.append(_crop_entry(f, _crop_uri(loaded.image, f.value.box, loaded.scale, share)))
    crops.sort(key=lambda c: (_FACE_CATEGORY_ORDER.index(c["category"]), c["post_id"]))
    return {
        "children": [
            {
                "name": name,
                "posts": posts,
                "public": sum(1 for p in posts if visibility.get(p) == "public"),
            }
            for name, posts in sorted(children.items(), key=lambda kv: -len(kv[1]))
        ],
        "other_children": other,
        "children_unknown": unknown_child,
        "faces": len(face_findings),
        "crops": crops,
        "crops_left_out": max(0, len(face_findings) - len(crops)),
        "blurred": share,
    }


def _crop_entry(f: Any, uri: str) -> dict[str, Any]:
    return {
        "crop_id": f.value.crop_id,
        "post_id": f.post_id,
        "category": f.category,
        "child": f.child,
        "age_band": f.value.age_band,
        "uri": uri,
    }
