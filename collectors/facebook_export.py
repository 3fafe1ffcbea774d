"""Facebook's "Download your information" export (JSON format), as a .zip or an unpacked folder.

Layouts seen: older ``posts/your_posts_1.json`` with media under ``photos_and_videos/``,
current ``your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json``
with media under ``your_facebook_activity/posts/media/``. Files are found by name.

A post is ``{"timestamp", "data": [{"post": text}], "attachments": [{"data": [...]}],
"tags", "title"}``; an attachment item holds a ``media`` (photo or video, with
``media_metadata.photo_metadata.exif_data``: ``taken_timestamp``, ``upload_ip``, sometimes
latitude/longitude), a ``place`` (a check-in, with ``coordinate``) or an external link.

``upload_ip`` is the network address the photo was uploaded from: as telling as a camera
serial number, and roughly locates the home. It is kept in ``raw["device_metadata"]``
(per media item) for the metadata analyzer.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from typing import Any

from collectors._shared import list_items
from collectors.meta_export import ExportReader, MetaExportCollector, export_device
from footprint_audit.archives import exif_coordinates, json_entries, merged_exif, natural_key, timestamp
from footprint_audit.models import Geotag, Media, Post

KIND = "facebook-export"
_POSTS = re.compile(r"(^|/)your_posts(__[a-z_]+)?_\d+\.json$")
_PHOTOS = re.compile(r"(^|/)your_uncategori[sz]ed_photos\.json$")
_MARKERS = re.compile(
    r"(^|/)your_posts(__[a-z_]+)?_\d+\.(json|html)$|(^|/)your_facebook_activity/|(^|/)profile_information/"
)

HTML_EXPORT_HINT = (
    "Request the export again and choose the JSON format (Facebook: Settings > Accounts Centre > "
    "Your information and permissions > Download your information > Format: JSON)."
)


def looks_like_facebook_export(names: list[str]) -> bool:
    return any(_MARKERS.search(n) for n in names)


class FacebookExportCollector(MetaExportCollector):
    kind = KIND
    platform = "Facebook"
    html_hint = HTML_EXPORT_HINT

    def looks_like(self, names: list[str]) -> bool:
        return looks_like_facebook_export(names)

    def read(self, export: ExportReader) -> Iterator[Post]:
        files = export.files
        post_files = sorted((f for f in files if _POSTS.search(f)), key=natural_key)
        photo_files = [f for f in files if _PHOTOS.search(f)]
        if not post_files and not photo_files:
            raise self.refuse(export, "your_posts_N.json")
        reader = _Reader(export)
        for rel in post_files:
            data = reader.load(rel)
            for entry in json_entries(data, "status_updates_v2", "status_updates"):
                post = reader.post(entry, rel)
                if post:
                    yield post
        for rel in photo_files:
            data = reader.load(rel)
            for item in json_entries(data, "other_photos_v2", "other_photos"):
                post = reader.post({"attachments": [{"data": [{"media": item}]}]}, rel)
                if post:
                    yield post
        if reader.empty:
            export.run.note(
                f"{export.spec}: {reader.empty} entr{'y' if reader.empty == 1 else 'ies'} without text, "
                'photo or place (such as "updated their cover photo") had nothing to check.'
            )


#: How Facebook writes an @-mention in post text: ``@[100006074014882:2048:Alex Sunny]``.
_MENTION = re.compile(r"@\[(\d+):\d+:([^\]]+)\]")


def mentions(text: str) -> tuple[str, list[str]]:
    """``text`` with each @-mention as ``@Name`` (never the numeric user id), and the names."""
    names: list[str] = []

    def shown(match: re.Match[str]) -> str:
        name = match.group(2).strip()
        names.append(name)
        return f"@{name}"

    return _MENTION.sub(shown, text), names


def _tag_names(tags: Any) -> tuple[str, ...]:
    out = []
    for tag in tags or ():
        name = tag.get("name") if isinstance(tag, Mapping) else tag
        if isinstance(name, str) and name:
            out.append(name)
    return tuple(out)


class _Reader:
    def __init__(self, export: ExportReader) -> None:
        self.export = export
        #: Entries with nothing to check, counted for the notes.
        self.empty = 0

    def load(self, rel: str) -> Any:
        return self.export.load(rel)

    def post(self, entry: Mapping[str, Any], rel: str) -> Post | None:
        texts: list[str] = []
        for d in list_items(entry.get("data")):
            if isinstance(d, Mapping) and isinstance(d.get("post"), str) and d["post"].strip():
                texts.append(d["post"].strip())
        media: list[Media] = []
        uris: list[str] = []
        device: list[dict[str, Any]] = []
        export_devices: list[dict[str, Any]] = []
        geotag: Geotag | None = None
        exif_geo: Geotag | None = None
        taken = timestamp(entry.get("timestamp"))
        for attachment in list_items(entry.get("attachments")):
            if not isinstance(attachment, Mapping):
                continue
            for item in list_items(attachment.get("data")):
                if not isinstance(item, Mapping):
                    continue
                place = item.get("place")
                if isinstance(place, Mapping) and geotag is None:
                    geotag = _place(place)
                m = item.get("media")
                if not isinstance(m, Mapping) or not m.get("uri"):
                    continue
                uri = str(m["uri"])
                uris.append(uri)
                description = str(m.get("description") or "").strip()
                if description and description not in texts:
                    texts.append(description)
                exif = merged_exif(m)
                found_device = export_device(uri, exif)
                if found_device:
                    export_devices.append(found_device)
                if exif:
                    device.append(
                        {
                            "uri": uri,
                            **{k: v for k, v in exif.items() if k != "latitude" and k != "longitude"},
                        }
                    )
                coords = exif_coordinates(exif)
                if coords and exif_geo is None:
                    exif_geo = Geotag(lat=coords[0], lon=coords[1])
                if taken is None:
                    taken = timestamp(m.get("creation_timestamp"))
                item_place = m.get("place")
                if isinstance(item_place, Mapping) and geotag is None:
                    geotag = _place(item_place)
                found = self.export.media(uri)
                if found is not None:
                    media.append(found)
        if isinstance(entry.get("place"), Mapping) and geotag is None:
            geotag = _place(entry["place"])
        if not texts and not uris and geotag is None:
            self.empty += 1  # a "changed their cover photo" line without content
            return None
        caption, named = mentions("\n".join(texts))
        key = f"{entry.get('timestamp')}|{'|'.join(uris)}|{caption}|{geotag}"
        raw: dict[str, Any] = {"export_file": rel, "record": dict(entry)}
        if geotag is not None:
            raw["geotag_source"] = "platform-place"
        elif exif_geo is not None:
            # Not a place the platform shows: the original file's GPS, kept by Meta in the export.
            raw["geotag_source"] = "export-exif"
        if export_devices:
            raw["export_device"] = export_devices
        if device:
            raw["device_metadata"] = device
            ips = sorted({str(d["upload_ip"]) for d in device if d.get("upload_ip")})
            if ips:
                raw["upload_ip"] = ips
        return Post(
            id="fb-export:" + hashlib.sha256(key.encode()).hexdigest()[:16],
            source=KIND,
            taken_at=taken,
            caption=caption,
            media=tuple(media),
            geotag=geotag or exif_geo,
            tagged_users=tuple(dict.fromkeys((*_tag_names(entry.get("tags")), *named))),
            raw=raw,
            time_source="platform" if taken else "unknown",
        )


def _place(place: Mapping[str, Any]) -> Geotag:
    coord = place.get("coordinate") or {}
    lat = lon = None
    if isinstance(coord, Mapping):
        try:
            lat, lon = float(coord["latitude"]), float(coord["longitude"])
        except (KeyError, TypeError, ValueError):
            lat = lon = None
    address = place.get("address")
    return Geotag(
        name=str(place.get("name") or "") or None,
        lat=lat,
        lon=lon,
        address=str(address) if address else None,
        id=str(place.get("url")) if place.get("url") else None,
    )
