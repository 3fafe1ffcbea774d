"""A folder written by instaloader: its JSON metadata, media files, comments and geotags.

Instaloader (default ``--filename-pattern {date_utc}_UTC``) writes per post::

    2024-05-14_16-30-00_UTC.json.xz      {"node": {...}, "instaloader": {"node_type": "Post", ...}}
    2024-05-14_16-30-00_UTC.jpg / .mp4   single photo or video
    2024-05-14_16-30-00_UTC_1.jpg ...    carousel items (``_2.mp4`` for a video item)
    2024-05-14_16-30-00_UTC.txt          caption
    2024-05-14_16-30-00_UTC_comments.json
    2024-05-14_16-30-00_UTC_location.txt name, then a Google Maps link with lat,lng

and per profile ``{username}_{userid}.json.xz`` (its ``is_private`` sets the visibility).
The ``node`` comes in two shapes: the anonymous GraphQL one (``edge_media_to_caption``,
``taken_at_timestamp``, ``edge_sidecar_to_children`` ...) and the logged-in one that also
carries ``iphone_struct`` (``caption.text``, ``taken_at``, ``usertags``, ``carousel_media``,
``location`` with ``lat``/``lng``). Both are read here as plain data, the field names as in
``instaloader/structures.py``; instaloader's own ``Post`` class is not used because it fetches
missing fields over the network, and reading a folder must stay offline.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from collectors._shared import LEAVES_FOLDER, boundary, clean_text, leaves
from collectors.instaloader_json import (  # the metadata fields, read from either shape
    _caption,
    _children,
    _dig,
    _geotag,
    _str,
    _tagged,
    _timestamp,
    parse_location_txt,
)
from footprint_audit.archives import TOO_DEEP
from footprint_audit.context import RunContext
from footprint_audit.errors import BadInput, SourceNotFound
from footprint_audit.images import media_kind
from footprint_audit.models import Comment, Media, Post, Visibility

POST_META = re.compile(r"^(?P<stamp>\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})_UTC(?:_\d+)?\.json(?:\.xz)?$")
#: instaloader saves each profile picture it sees as ``<time>_UTC_profile_pic.jpg``.
PROFILE_PIC = re.compile(r"_profile_pic\.(jpg|jpeg|png|webp)$", re.IGNORECASE)
#: A post's metadata with comments and the logged-in ``iphone_struct`` is well under 1 MB.
MAX_META_BYTES = 32 * 1024 * 1024
PROFILE_META = re.compile(r"^(?P<user>[A-Za-z0-9._]+)_(?P<id>\d+)\.json(?:\.xz)?$")
# How many entries to look at per folder when recognising one: keeps `matches` cheap on big trees.
_PEEK = 5000
#: iphone_struct media_type codes, as in instaloader's Post.from_iphone_struct.
IPHONE_TYPES = {1: "GraphImage", 2: "GraphVideo", 8: "GraphSidecar"}
MEDIA_ORDER = (".jpg", ".jpeg", ".webp", ".heic", ".png", ".mp4", ".mov")


def _meta_folders(root: Path) -> list[Path]:
    """``root`` and its direct subfolders (instaloader puts each profile in its own folder)."""
    folders = [root]
    try:
        folders += sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        pass
    return folders


def _has_post_meta(folder: Path) -> bool:
    try:
        for i, entry in enumerate(folder.iterdir()):
            if i >= _PEEK:
                break
            if POST_META.match(entry.name):
                return True
    except OSError:
        return False
    return False


def looks_like_instaloader(path: Path) -> bool:
    """True when ``path`` (or a direct subfolder) holds instaloader post metadata files."""
    return path.is_dir() and any(_has_post_meta(f) for f in _meta_folders(path))


def _read_limited(path: Path, limit: int) -> bytes:
    """The file's bytes (decompressed for ``.xz``), refused as soon as they pass ``limit``."""
    opener = lzma.open if path.name.endswith(".xz") else open
    with opener(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise BadInput(
            f"{path.name}: expands to more than {limit // (1024 * 1024)} MB, which no instaloader "
            "metadata file does; skipped."
        )
    return data


def load_json_file(path: Path) -> Any:
    """A ``.json`` or ``.json.xz``; BadInput with a plain reason when damaged or hostile."""
    try:
        return json.loads(_read_limited(path, MAX_META_BYTES).decode("utf-8"))
    except (lzma.LZMAError, EOFError) as exc:
        raise BadInput(f"{path.name}: compressed metadata is truncated or damaged ({exc}).") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path.name}: metadata is not valid JSON ({exc}).") from exc
    except RecursionError as exc:
        raise BadInput(f"{path.name}: {TOO_DEEP}") from exc
    except OSError as exc:
        raise BadInput(f"{path.name}: could not be read ({exc.strerror or exc}).") from exc


def _comments(path: Path, run: RunContext) -> tuple[Comment, ...]:
    if not path.is_file():
        return ()
    try:
        data = load_json_file(path)
    except BadInput as exc:
        run.error(str(path), str(exc), "The post is kept without its comments.")
        return ()
    if not isinstance(data, list):
        run.error(str(path), f"{path.name}: expected a list of comments; comments skipped.")
        return ()
    out: list[Comment] = []

    def add(c: Any) -> None:
        if not isinstance(c, Mapping):
            return
        text = c.get("text")
        if isinstance(text, str):
            out.append(
                Comment(
                    author=_str(_dig(c, "owner", "username")) or "unknown",
                    text=text,
                    created_at=_timestamp(c.get("created_at")),
                    id=_str(c.get("id")),
                )
            )
        for answer in c.get("answers") or []:
            add(answer)

    for c in data:
        add(c)
    return tuple(out)


class _Folder:
    """File names of one folder, looked up by stem, and its profile metadata."""

    def __init__(self, folder: Path, run: RunContext) -> None:
        self.folder = folder
        self.names: set[str] = set()
        for p in folder.iterdir():
            if leaves(p, folder):
                run.error(clean_text(str(p)), LEAVES_FOLDER)
            elif p.is_file():
                self.names.add(p.name)
        self.private: bool | None = None
        self.username: str | None = None
        self.full_name: str | None = None
        self.bio: str | None = None
        self.profile_file: str | None = None
        self.user_id: str | None = None
        for name in sorted(self.names):
            if PROFILE_META.match(name) and not POST_META.match(name):
                try:
                    data = load_json_file(folder / name)
                except BadInput as exc:
                    run.error(str(folder / name), str(exc), "Visibility of this profile's posts is unknown.")
                    continue
                if _dig(data, "instaloader", "node_type") != "Profile":
                    continue
                if isinstance(_dig(data, "node", "is_private"), bool):
                    self.private = bool(_dig(data, "node", "is_private"))
                self.username = _str(_dig(data, "node", "username"))
                self.full_name = _str(_dig(data, "node", "full_name"))
                self.bio = _str(_dig(data, "node", "biography"))
                self.profile_file = name
                self.user_id = _str(_dig(data, "node", "id"))

    def profile_post(self, source: str) -> Post | None:
        """The bio and the newest profile picture as one post, as the live collectors give
        it: both are public even on a private account."""
        pictures = sorted(n for n in self.names if PROFILE_PIC.search(n))
        text = "\n".join(x for x in (self.full_name, self.bio) if x)
        if not text and not pictures:
            return None
        user = self.username or self.folder.name
        # The id names the account by its number: a shared report must not carry the username.
        key = self.user_id or hashlib.sha256(user.encode()).hexdigest()[:16]
        return Post(
            id=f"ig-profile:{key}",
            source=source,
            url=f"https://www.instagram.com/{user}/",
            caption=text,
            media=tuple(Media(path=str(self.folder / name)) for name in pictures[-1:]),
            visibility="public",
            raw={"profile_file": self.profile_file, "username": user, "biography": self.bio},
            time_source="unknown",
            author=user,
        )

    def media_file(self, stem: str) -> Path | None:
        for suffix in MEDIA_ORDER:
            if stem + suffix in self.names:
                return self.folder / (stem + suffix)
        return None

    def media_of(self, stem: str, want_video: bool) -> Path | None:
        """The file for one item: the video if it is one and was downloaded, else its picture."""
        if want_video:
            for suffix in (".mp4", ".mov"):
                if stem + suffix in self.names:
                    return self.folder / (stem + suffix)
        for suffix in MEDIA_ORDER:
            if stem + suffix in self.names and media_kind(stem + suffix) == "image":
                return self.folder / (stem + suffix)
        return None


def _stem(meta: Path) -> str:
    return meta.name.removesuffix(".xz").removesuffix(".json")


def parse_post(meta: Path, data: Any, folder: _Folder, source: str, run: RunContext) -> Post | None:
    """One instaloader metadata file to a Post; None (silently) for non-post structures."""
    if not isinstance(data, Mapping) or not isinstance(data.get("node"), Mapping):
        run.error(str(meta), f"{meta.name}: not an instaloader metadata file (no 'node'); skipped.")
        return None
    node_type = _dig(data, "instaloader", "node_type") or "Post"
    if node_type not in ("Post", "StoryItem"):
        return None
    node: Mapping[str, Any] = data["node"]
    iphone_raw = node.get("iphone_struct")
    iphone: Mapping[str, Any] = iphone_raw if isinstance(iphone_raw, Mapping) else {}
    stem = _stem(meta)

    shortcode = _str(node.get("shortcode")) or _str(iphone.get("code"))
    post_id = (
        f"ig-{shortcode}" if shortcode else f"ig-{_str(node.get('id')) or _str(iphone.get('pk')) or stem}"
    )
    taken_at = (
        _timestamp(node.get("taken_at_timestamp"))
        or _timestamp(node.get("date"))
        or _timestamp(iphone.get("taken_at"))
    )
    time_source = "platform"
    if taken_at is None:
        m = POST_META.match(meta.name)
        if m:
            taken_at = datetime.strptime(m.group("stamp"), "%Y-%m-%d_%H-%M-%S").replace(tzinfo=UTC)
            time_source = "file-name"
        else:
            time_source = "unknown"

    caption = _caption(node, iphone)
    if caption is None and stem + ".txt" in folder.names:
        try:
            caption = (folder.folder / (stem + ".txt")).read_text(encoding="utf-8", errors="replace").strip()
        except OSError as exc:
            run.error(str(folder.folder / (stem + ".txt")), f"caption file could not be read ({exc}).")

    txt_geo = None
    if stem + "_location.txt" in folder.names:
        loc_path = folder.folder / (stem + "_location.txt")
        try:
            txt_geo = parse_location_txt(loc_path.read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            run.error(str(loc_path), f"location file could not be read ({exc}).")

    typename = _str(node.get("__typename")) or IPHONE_TYPES.get(iphone.get("media_type") or 0, "GraphImage")
    children = _children(node, iphone)
    media: list[Media] = []
    if children or typename == "GraphSidecar":
        for i, (is_video, alt) in enumerate(children, 1):
            path = folder.media_of(f"{stem}_{i}", is_video)
            if path is None:
                run.error(
                    str(folder.folder / f"{stem}_{i}"),
                    f"item {i} of this post was not downloaded (no {stem}_{i}.jpg or .mp4).",
                    "The post is kept; that item is not analysed.",
                )
                continue
            media.append(Media(path=str(path), kind=_kind(path), alt_text=alt))
    else:
        is_video = bool(node.get("is_video")) or typename == "GraphVideo"
        path = folder.media_of(stem, is_video)
        alt = _str(node.get("accessibility_caption")) or _str(iphone.get("accessibility_caption"))
        if path is None:
            run.error(
                str(folder.folder / stem),
                f"the photo or video of this post was not downloaded (no {stem}.jpg or .mp4).",
                "The post is kept; its picture is not analysed.",
            )
        else:
            media.append(Media(path=str(path), kind=_kind(path), alt_text=alt))

    owners = [_dig(node, "owner"), _dig(node, "user"), _dig(iphone, "user")]
    author = next((_str(_dig(o, "username")) for o in owners if _str(_dig(o, "username"))), folder.username)
    private = next((p for o in owners if isinstance(p := _dig(o, "is_private"), bool)), folder.private)
    # A private Instagram account still shows every post to its approved followers.
    visibility: Visibility = "followers" if private else "public"
    url = None
    if shortcode:
        url = f"https://www.instagram.com/p/{shortcode}/"
    return Post(
        id=post_id,
        source=source,
        url=url,
        taken_at=taken_at,
        caption=caption or "",
        media=tuple(media),
        geotag=_geotag(node, iphone, txt_geo),
        tagged_users=_tagged(node, iphone),
        comments=_comments(folder.folder / (stem + "_comments.json"), run),
        visibility=visibility,
        raw=dict(data),
        time_source=time_source,
        author=author,
    )


def _kind(path: Path) -> Any:
    return "video" if media_kind(path) == "video" else "image"


class InstaloaderDirCollector:
    """A folder written by instaloader (recognised by its ``*_UTC.json[.xz]`` metadata files)."""

    kind = "instaloader-dir"

    def matches(self, spec: str) -> bool:
        try:
            return looks_like_instaloader(Path(spec).expanduser())
        except OSError:
            return False

    @boundary
    def collect(self, spec: str, run: RunContext) -> Iterator[Post]:
        root = Path(spec).expanduser()
        if not root.is_dir():
            raise SourceNotFound(f"{spec}: no such folder.")
        metas: list[tuple[Path, Path]] = []
        for folder in _meta_folders(root):
            try:
                names = sorted(p.name for p in folder.iterdir())
            except OSError as exc:
                run.error(str(folder), f"folder could not be read ({exc.strerror or exc}); skipped.")
                continue
            found = [(folder, folder / n) for n in names if POST_META.match(n)]
            if not found and any(media_kind(n) for n in names):
                # A camera-roll folder beside the download: not ours, and silently skipping it
                # would hide photos from the audit.
                run.note(
                    f"{folder} holds photos that are not part of the instaloader download; "
                    "scan that folder as its own source to include them."
                )
            metas += found
        if not metas:
            raise BadInput(
                f"no instaloader metadata (*_UTC.json or *_UTC.json.xz) found in {spec}.",
                hint="Download with instaloader's default settings, which save the metadata.",
            )
        # A post saved both as .json and .json.xz is one post: prefer the compressed one (newer default).
        by_stem: dict[tuple[Path, str], Path] = {}
        for folder, meta in metas:
            key = (folder, _stem(meta))
            if key not in by_stem or meta.name.endswith(".xz"):
                by_stem[key] = meta
        folders: dict[Path, _Folder] = {}
        for i, ((folder, _), meta) in enumerate(sorted(by_stem.items()), 1):
            run.progress("read instaloader files", i, len(by_stem))
            if folder not in folders:
                folders[folder] = _Folder(folder, run)
            try:
                data = load_json_file(meta)
            except BadInput as exc:
                run.error(str(meta), str(exc), "This post was skipped; the rest of the folder was read.")
                continue
            post = parse_post(meta, data, folders[folder], spec, run)
            if post is not None:
                yield post
        for folder in sorted(folders):
            profile = folders[folder].profile_post(spec)
            if profile is not None:
                yield profile
