"""Instagram's "Download your information" export (JSON format), as a .zip or an unpacked folder.

The layout moved over the years (``content/posts_1.json``, later
``your_instagram_activity/content/posts_1.json``, media under ``media/posts/YYYYMM/``), so
files are found by name wherever they sit. Every string is passed through the mojibake fix
because Meta writes UTF-8 bytes as ``\\u00XX`` escapes. The export keeps something the app
strips from what strangers download: EXIF location of the original upload
(``media_metadata.photo_metadata.exif_data``). It becomes the post's geotag (lat/lon, no
name) with the whole EXIF block kept in ``raw["export_exif"]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from collectors._shared import boundary
from footprint_audit.archives import (
    ExportTree,
    exif_coordinates,
    json_entries,
    listing,
    load_json_or_record,
    merged_exif,
    natural_key,
    open_tree,
    timestamp,
)
from footprint_audit.context import RunContext
from footprint_audit.errors import BadInput
from footprint_audit.http import media_root
from footprint_audit.images import media_kind
from footprint_audit.models import Geotag, Media, Post

KIND = "instagram-export"
_POSTS = re.compile(r"(^|/)posts_\d+\.json$")
_POSTS_HTML = re.compile(r"(^|/)posts_\d+\.html$")
_MARKERS = re.compile(
    r"(^|/)(posts_\d+|stories|reels|profile_photos)\.(json|html)$|(^|/)your_instagram_activity/"
)

HTML_EXPORT_HINT = (
    "Request the export again and choose the JSON format (Instagram: Your activity > "
    "Download your information > Format: JSON)."
)


def looks_like_instagram_export(names: list[str]) -> bool:
    return any(_MARKERS.search(n) for n in names) and not any(
        PurePosixPath(n).name.startswith("your_posts") for n in names
    )


class InstagramExportCollector:
    kind = KIND

    def matches(self, spec: str) -> bool:
        p = Path(spec).expanduser()
        if not (p.is_dir() or (p.is_file() and p.suffix.lower() == ".zip")):
            return False
        return looks_like_instagram_export(listing(p))

    @boundary
    def collect(self, spec: str, run: RunContext) -> Iterator[Post]:
        tree = open_tree(Path(spec).expanduser(), media_root(run) / "exports")
        files = tree.files()
        post_files = [f for f in files if _POSTS.search(f)]
        other = {
            name: [f for f in files if PurePosixPath(f).name == f"{name}.json"]
            for name in ("stories", "reels", "profile_photos", "personal_information")
        }
        if not post_files and not any(other.values()):
            if any(_POSTS_HTML.search(f) or f.endswith(".html") for f in files):
                raise BadInput(
                    f"{spec}: this Instagram export is in HTML format, which cannot be read reliably.",
                    hint=HTML_EXPORT_HINT,
                )
            raise BadInput(
                f"{spec}: no posts_N.json found; is this an Instagram export?", hint=HTML_EXPORT_HINT
            )
        reader = _Reader(tree, run, spec)
        for rel in sorted(post_files, key=natural_key):
            yield from reader.posts_file(rel)
        for rel in other["reels"]:
            data = reader.load(rel)
            for entry in json_entries(data, "ig_reels_media"):
                post = reader.entry(entry, rel, prefix="reel")
                if post:
                    yield post
        for rel in other["stories"]:
            for item in json_entries(reader.load(rel), "ig_stories"):
                post = reader.entry({"media": [item]}, rel, prefix="story")
                if post:
                    yield post
        for rel in other["profile_photos"]:
            for item in json_entries(reader.load(rel), "ig_profile_picture"):
                post = reader.entry(
                    {"media": [item]}, rel, prefix="profile", caption="Profile picture", visibility="public"
                )
                if post:
                    yield post
        for rel in other["personal_information"]:
            post = reader.profile(rel)
            if post:
                yield post


class _Reader:
    def __init__(self, tree: ExportTree, run: RunContext, spec: str) -> None:
        self.tree = tree
        self.run = run
        self.spec = spec

    def load(self, rel: str) -> Any:
        return load_json_or_record(self.tree, rel, self.run)

    def posts_file(self, rel: str) -> Iterator[Post]:
        data = self.load(rel)
        if data is None:
            return
        entries = json_entries(data, "ig_posts")
        for entry in entries:
            post = self.entry(entry, rel, prefix="post")
            if post:
                yield post

    def _media(self, items: list[Mapping[str, Any]], rel: str) -> tuple[list[Media], list[dict[str, Any]]]:
        media: list[Media] = []
        exifs: list[dict[str, Any]] = []
        for item in items:
            uri = str(item.get("uri") or "")
            if not uri or uri.startswith(("http://", "https://")):
                continue
            exifs.append(merged_exif(item))
            try:
                path = self.tree.local_path(uri)
            except BadInput as exc:
                self.run.error(
                    uri,
                    f"{exc} The post is kept without it.",
                    "Download the complete export (all parts) and scan it again.",
                )
                continue
            kind = media_kind(path) or "image"
            media.append(Media(path=str(path), kind="video" if kind == "video" else "image"))
        return media, exifs

    def entry(
        self,
        entry: Mapping[str, Any],
        rel: str,
        *,
        prefix: str,
        caption: str | None = None,
        visibility: str = "unknown",
    ) -> Post | None:
        items = [m for m in entry.get("media") or () if isinstance(m, Mapping)]
        if not items:
            return None
        first = items[0]
        uri = str(first.get("uri") or "")
        if not uri:
            return None
        media, exifs = self._media(items, rel)
        text = caption if caption is not None else str(entry.get("title") or first.get("title") or "")
        taken = timestamp(entry.get("creation_timestamp") or first.get("creation_timestamp"))
        geotag = None
        for exif in exifs:
            coords = exif_coordinates(exif)
            if coords:
                # The export's EXIF of the original upload: the place the photo was taken.
                geotag = Geotag(lat=coords[0], lon=coords[1])
                break
        raw: dict[str, Any] = {"export_file": rel, "record": dict(entry)}
        if any(exifs):
            raw["export_exif"] = exifs
        if geotag is not None:
            # Not a place the platform shows: the original file's GPS, kept by Meta in the export.
            raw["geotag_source"] = "export-exif"
        return Post(
            id=f"ig-export:{prefix}:{PurePosixPath(uri).stem}",
            source=KIND,
            url=None,
            taken_at=taken,
            caption=text,
            media=tuple(media),
            geotag=geotag,
            visibility=visibility,  # type: ignore[arg-type]
            raw=raw,
            time_source="platform" if taken else "unknown",
        )

    def profile(self, rel: str) -> Post | None:
        data = self.load(rel)
        users = json_entries(data, "profile_user")
        if not users:
            return None
        strings = users[0].get("string_map_data") or {}
        bio = str((strings.get("Bio") or {}).get("value") or "")
        username = str((strings.get("Username") or {}).get("value") or "")
        photo = ((users[0].get("media_map_data") or {}).get("Profile Photo") or {}).get("uri")
        media, _ = self._media([{"uri": photo}] if photo else [], rel)
        if not bio and not media:
            return None
        return Post(
            id=f"ig-export:profile:{username or 'me'}",
            source=KIND,
            caption=bio,
            media=tuple(media),
            visibility="public",  # bio and profile picture are public even on a private account
            raw={"export_file": rel, "record": dict(users[0])},
            time_source="unknown",
            author=username or None,
        )
