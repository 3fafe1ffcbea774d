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
from pathlib import PurePosixPath
from typing import Any

from collectors._shared import list_items
from collectors.meta_export import ExportReader, MetaExportCollector, export_device
from footprint_audit.archives import exif_coordinates, json_entries, merged_exif, natural_key, timestamp
from footprint_audit.models import Geotag, Media, Post, Visibility

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


class InstagramExportCollector(MetaExportCollector):
    kind = KIND
    platform = "Instagram"
    html_hint = HTML_EXPORT_HINT

    def looks_like(self, names: list[str]) -> bool:
        return looks_like_instagram_export(names)

    def read(self, export: ExportReader) -> Iterator[Post]:
        files = export.files
        post_files = [f for f in files if _POSTS.search(f)]
        other = {
            name: [f for f in files if PurePosixPath(f).name == f"{name}.json"]
            for name in ("stories", "reels", "profile_photos", "personal_information")
        }
        if not post_files and not any(other.values()):
            raise self.refuse(export, "posts_N.json")
        reader = _Reader(export)
        # The profile first: it says whether the account is private, which every post needs.
        profiles = [p for p in (reader.profile(rel) for rel in other["personal_information"]) if p]
        profile_uris = {uri for post in profiles for uri in post.raw.get("profile_uris", ())}
        for rel in sorted(post_files, key=natural_key):
            yield from reader.posts_file(rel)
        for rel in other["reels"]:
            for entry in json_entries(reader.load(rel), "ig_reels_media"):
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
                if str(item.get("uri") or "") in profile_uris:
                    continue  # the profile post already shows it: one photo, one post
                post = reader.entry(
                    {"media": [item]}, rel, prefix="profile", caption="Profile picture", visibility="public"
                )
                if post:
                    yield post
        yield from profiles


def _flag(strings: Mapping[str, Any], key: str) -> bool | None:
    """A "True"/"False" value of the export's ``string_map_data``; None when absent."""
    value = str((strings.get(key) or {}).get("value") or "").strip().lower()
    return {"true": True, "false": False}.get(value)


class _Reader:
    def __init__(self, export: ExportReader) -> None:
        self.export = export
        self.run = export.run
        #: Set from the profile's "Private Account": what a stranger sees of each post.
        self.visibility: Visibility = "unknown"
        #: The device records of the entry being read (see meta_export.export_device).
        self.devices: list[dict[str, Any]] = []

    def load(self, rel: str) -> Any:
        return self.export.load(rel)

    def posts_file(self, rel: str) -> Iterator[Post]:
        data = self.load(rel)
        if data is None:
            return
        for entry in json_entries(data, "ig_posts"):
            post = self.entry(entry, rel, prefix="post")
            if post:
                yield post

    def _media(self, items: list[Mapping[str, Any]]) -> tuple[list[Media], list[dict[str, Any]]]:
        media: list[Media] = []
        exifs: list[dict[str, Any]] = []
        for item in items:
            uri = str(item.get("uri") or "")
            if not uri or uri.startswith(("http://", "https://")):
                continue
            exifs.append(merged_exif(item))
            found_device = export_device(uri, exifs[-1])
            if found_device:
                self.devices.append(found_device)
            found = self.export.media(uri)
            if found is not None:
                media.append(found)
        return media, exifs

    def entry(
        self,
        entry: Mapping[str, Any],
        rel: str,
        *,
        prefix: str,
        caption: str | None = None,
        visibility: Visibility | None = None,
    ) -> Post | None:
        items = [m for m in list_items(entry.get("media")) if isinstance(m, Mapping)]
        if not items:
            return None
        first = items[0]
        uri = str(first.get("uri") or "")
        if not uri:
            return None
        self.devices = []
        media, exifs = self._media(items)
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
        if self.devices:
            raw["export_device"] = self.devices
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
            visibility=visibility or self.visibility,
            raw=raw,
            time_source="platform" if taken else "unknown",
        )

    def profile(self, rel: str) -> Post | None:
        data = self.load(rel)
        users = json_entries(data, "profile_user")
        if not users:
            return None
        strings = users[0].get("string_map_data") or {}
        private = _flag(strings, "Private Account")
        if private is not None:
            self.visibility = "followers" if private else "public"
        bio = str((strings.get("Bio") or {}).get("value") or "")
        username = str((strings.get("Username") or {}).get("value") or "")
        photo = ((users[0].get("media_map_data") or {}).get("Profile Photo") or {}).get("uri")
        media, _ = self._media([{"uri": photo}] if photo else [])
        if not bio and not media:
            return None
        return Post(
            id=f"ig-export:profile:{username or 'me'}",
            source=KIND,
            caption=bio,
            media=tuple(media),
            visibility="public",  # bio and profile picture are public even on a private account
            raw={"export_file": rel, "record": dict(users[0]), "profile_uris": [str(photo)] if photo else []},
            time_source="unknown",
            author=username or None,
        )
