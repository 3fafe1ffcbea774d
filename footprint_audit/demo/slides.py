"""Presenter mode: the demo's findings as a slide deck and as talking points.

A health visitor shows parents what a stranger can piece together, one fact at a time, with the
posts that gave each fact away, and ends with the habits that prevent it. ``slides.html`` is one
self-contained file like report.html (no scripts, CSP, images inline as data URIs, faces
covered by the same cover routine as share mode); ``talking_points`` is the same story as plain
text for the terminal, 80 columns wide.

Both read the written report.json, so the slides say exactly what the report says.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .run import STAND_IN_NOTE

#: The order facts are presented in: who the child is, where they are, when, then the rest.
KIND_ORDER = (
    "child_name",
    "birthday",
    "age",
    "appearance",
    "school",
    "uniform",
    "home_area",
    "routine",
    "frequent_place",
    "other_child",
)
KIND_LABELS = {
    "child_name": "Name",
    "birthday": "Birthday",
    "age": "Age",
    "appearance": "Face",
    "school": "School",
    "uniform": "School uniform",
    "home_area": "Home",
    "routine": "Routine",
    "frequent_place": "Places",
    "other_child": "Other people's children",
}
#: Thumbnails per slide: enough to show the pattern, few enough to read from the back of a room.
THUMBS_PER_SLIDE = 3

#: The five habits that would have kept each fact out of a stranger's reach.
HABITS: tuple[tuple[str, str], ...] = (
    ("Keep the account private", "and only accept followers you know in person."),
    (
        "Leave the place out",
        "no location tags, and the camera's location setting off so photos carry no GPS.",
    ),
    ("No names, ages or birthdays", "in captions, hashtags (#MiaTurns5) or comments."),
    (
        "No uniforms, school gates or signs",
        "crop below the shoulders, cover the crest, skip the first-day photo at the gate.",
    ),
    (
        "Post afterwards, not as it happens",
        "never the weekly class or the school run, and ask before showing other children.",
    ),
)

WIDTH = 80


def _ordered_facts(facts: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    def key(f: Mapping[str, Any]) -> tuple[int, str]:
        kind = str(f.get("kind", ""))
        return (KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER), str(f.get("child") or ""))

    return sorted(facts, key=key)


def _children(report: Mapping[str, Any]) -> list[str]:
    names: list[str] = []
    for f in report["dossier"]["facts"]:
        if f["kind"] == "child_name" and f["value"] not in names:
            names.append(str(f["value"]))
    return names


def _headline(report: Mapping[str, Any]) -> str:
    facts, posts = len(report["dossier"]["facts"]), len(report["posts"])
    children = _children(report)
    who = " and ".join(children) if children else "the children"
    return f"A stranger can learn {facts} things about {who} from {posts} posts."


def _post_label(post: Mapping[str, Any]) -> str:
    """The post's date and the start of its caption (emoji left out: not every screen has them)."""
    when = (post.get("taken_at") or "")[:10]
    caption = plain(str(post.get("caption") or ""))
    if len(caption) > 60:
        caption = caption[:57].rstrip() + "..."
    if not when:
        return caption or "a post without a date"
    return f"{when}: {caption}" if caption else when


def _face_boxes(report: Mapping[str, Any]) -> dict[tuple[str, int], list[list[float]]]:
    boxes: dict[tuple[str, int], list[list[float]]] = {}
    for f in report["findings"]:
        box = (f.get("value") or {}).get("box") if isinstance(f.get("value"), dict) else None
        if f["analyzer"] == "faces" and box and f.get("media_index") is not None:
            boxes.setdefault((f["post_id"], int(f["media_index"])), []).append(list(box))
    return boxes


def _thumbs(
    report: Mapping[str, Any],
    post_ids: Sequence[str],
    cache: dict[str, str | None],
    files: Mapping[str, Path],
) -> list[dict[str, str]]:
    """Thumbnails of the posts that gave a fact away, every face covered (as share mode does).
    ``files``: where a bare file name (a share-mode report keeps no folders) is on disk."""
    from ..report_thumbs import thumbnail

    posts = {p["id"]: p for p in report["posts"]}
    boxes = _face_boxes(report)
    # Without face findings (faces not analysed) we cannot cover only the faces: blur it all.
    faces_known = any(f["analyzer"] == "faces" for f in report["findings"])
    # A face finding whose box is not in the report (an older or redacted one): blur that post.
    unboxed = {
        f["post_id"]
        for f in report["findings"]
        if f["analyzer"] == "faces" and not (isinstance(f.get("value"), dict) and f["value"].get("box"))
    }
    out: list[dict[str, str]] = []
    for pid in post_ids:
        post = posts.get(pid)
        if post is None:
            continue
        index, media = next(
            (
                (i, m)
                for i, m in enumerate(post.get("media") or [])
                if m.get("kind") == "image" and m.get("path")
            ),
            (None, None),
        )
        if media is None or index is None:
            continue
        if pid not in cache:
            path = str(media["path"])
            path = str(files.get(path, path))
            blur_all = not faces_known or pid in unboxed
            cache[pid] = thumbnail(path, boxes.get((pid, index), []), blur_all=blur_all)
        uri = cache[pid]
        if uri:
            out.append({"uri": uri, "label": _post_label(post)})
        if len(out) >= THUMBS_PER_SLIDE:
            break
    return out


def slide_facts(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One entry per fact, in presenting order, with its label and the posts behind it."""
    posts = {p["id"]: p for p in report["posts"]}
    slides = []
    for f in _ordered_facts(report["dossier"]["facts"]):
        evidence = [pid for pid in f.get("evidence") or [] if pid in posts]
        evidence.sort(key=lambda pid: posts[pid].get("taken_at") or "")
        slides.append(
            {
                "kind": f["kind"],
                "label": KIND_LABELS.get(f["kind"], str(f["kind"]).replace("_", " ").capitalize()),
                "sentence": f.get("sentence") or f.get("value"),
                "detail": f.get("detail") or "",
                "child": f.get("child"),
                "evidence": evidence,
            }
        )
    return slides


def render_slides(report: Mapping[str, Any], media_root: Path | None = None) -> str:
    """The deck as one HTML page: a title slide, one slide per fact, the five habits.

    ``media_root``: a folder holding the posts' pictures, for a share-mode report whose media
    paths are bare file names."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from ..report import TEMPLATES

    files = {p.name: p for p in media_root.rglob("*") if p.is_file()} if media_root else {}
    cache: dict[str, str | None] = {}
    slides = slide_facts(report)
    for s in slides:
        s["thumbs"] = _thumbs(report, s["evidence"], cache, files)
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "j2", "xml"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("slides.html.j2").render(
        headline=_headline(report),
        slides=slides,
        habits=HABITS,
        note=STAND_IN_NOTE,
        posts=len(report["posts"]),
        generated=str(report.get("generated_at") or "")[:10],
    )


def write_slides(report: Mapping[str, Any], out_dir: Path, media_root: Path | None = None) -> Path:
    """Write slides.html next to the report (owner-only, like the report: it is a dossier too)."""
    from ..report import _write_private

    path = out_dir / "slides.html"
    _write_private(path, render_slides(report, media_root))
    return path


def plain(text: str) -> str:
    """``text`` without emoji and other pictographs: a terminal may draw them two columns wide
    (or not at all), and talking points are read aloud."""
    import unicodedata

    kept = (
        ch
        for ch in str(text)
        if unicodedata.category(ch) not in ("So", "Cs", "Cf", "Co")
        and not 0xFE00 <= ord(ch) <= 0xFE0F
        and ord(ch) < 0x1F000
    )
    return " ".join("".join(kept).split())


def _wrap(text: str, indent: str = "", hanging: str | None = None) -> list[str]:
    return textwrap.wrap(
        plain(text),
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent if hanging is None else hanging,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [""]


def talking_points(report: Mapping[str, Any]) -> list[str]:
    """The slides' story as plain text lines, none longer than 80 columns, in slide order."""
    posts = {p["id"]: p for p in report["posts"]}
    lines = [*_wrap(_headline(report)), *_wrap(STAND_IN_NOTE), ""]
    for n, s in enumerate(slide_facts(report), 1):
        lines += _wrap(f"{n}. {s['label']}: {s['sentence']}", "", "   ")
        ids = s["evidence"]
        if ids:
            example = _post_label(posts[ids[0]])
            more = f" and {len(ids) - 1} more" if len(ids) > 1 else ""
            lines += _wrap(f'Given away by "{example}"{more}.', "   ")
    lines += ["", "Five habits that prevent it:"]
    for n, (title, rest) in enumerate(HABITS, 1):
        lines += _wrap(f"{n}. {title}: {rest}", "  ", "     ")
    return lines
