"""A folder of photos (or one photo) on this computer: one post per image or video file.

A sidecar ``.txt`` with the same stem is the caption. The post id is a hash of the file's
bytes, so the same photo gets the same id wherever it lives and however often it is scanned.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from collectors._shared import LEAVES_FOLDER, boundary, clean_text, encodable, leaves
from footprint_audit.context import RunContext
from footprint_audit.errors import BadInput, SourceNotFound
from footprint_audit.exif import ExifData, read_exif
from footprint_audit.http import media_root
from footprint_audit.images import IMAGE_SUFFIXES, VIDEO_SUFFIXES, media_kind
from footprint_audit.models import Media, Post
from footprint_audit.paths import private_dir

SUPPORTED = ", ".join(sorted(IMAGE_SUFFIXES | VIDEO_SUFFIXES))
# A caption sidecar bigger than this is not a caption someone typed.
MAX_CAPTION_BYTES = 64 * 1024
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


def file_id(path: Path) -> str:
    """``file-`` + 16 hex of sha256 of the bytes: stable across runs, renames and copies."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return "file-" + h.hexdigest()[:16]


def _looks_local(spec: str) -> bool:
    # instagram:USER, https://..., mastodon:@a@b belong to other collectors; C:\ is a path.
    return not _SCHEME.match(spec) or bool(re.match(r"^[A-Za-z]:[\\/]", spec))


def _is_instaloader_dir(path: Path) -> bool:
    from .instaloader_dir import looks_like_instaloader

    return looks_like_instaloader(path)


@dataclass(frozen=True)
class _Found:
    path: Path
    kind: str


def walk_media(root: Path, run: RunContext) -> list[_Found]:
    """Every image/video under ``root``, sorted; symlinked folders followed once, loops reported.

    A link whose target lies outside ``root`` is not followed (an error record says so): a
    folder someone else prepared could link to ``/etc/shadow`` or to another person's photos.

    Hidden files and folders (``.thumbnails``, macOS ``._IMG.jpg`` shadows) are skipped: they
    are not photos the user posted.
    """
    found: list[_Found] = []
    root_st = root.stat()
    # Each entry carries the (device, inode) of the folders above it, to tell a loop from an alias.
    stack: list[tuple[Path, tuple[tuple[int, int], ...]]] = [(root, ((root_st.st_dev, root_st.st_ino),))]
    visited: set[tuple[int, int]] = {(root_st.st_dev, root_st.st_ino)}
    while stack:
        folder, ancestors = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            run.error(clean_text(str(folder)), f"folder could not be read ({exc.strerror or exc}); skipped.")
            continue
        subdirs: list[tuple[Path, tuple[tuple[int, int], ...]]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if leaves(path, root):
                run.error(clean_text(str(path)), LEAVES_FOLDER)
                continue
            try:
                st = entry.stat(follow_symlinks=True)
            except OSError as exc:
                if entry.is_symlink():
                    reason = "it links to itself" if exc.errno == 40 else "its target does not exist"
                    run.error(clean_text(str(path)), f"broken link: {reason}; skipped.")
                else:
                    run.error(clean_text(str(path)), f"could not be read ({exc.strerror or exc}); skipped.")
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in ancestors:
                    run.error(
                        clean_text(str(path)),
                        f"symlink loop: this folder links back to {os.path.realpath(path)}, "
                        "which is already being scanned; not followed.",
                    )
                    continue
                if key in visited:
                    continue  # another link to a folder already scanned: same photos, skip quietly
                visited.add(key)
                subdirs.append((path, (*ancestors, key)))
            elif stat.S_ISREG(st.st_mode):
                kind = media_kind(path)
                if kind is not None:
                    found.append(_Found(path, kind))
        stack.extend(reversed(subdirs))
    found.sort(key=lambda f: str(f.path))
    return found


def read_caption(media_path: Path, run: RunContext) -> str:
    sidecar = media_path.with_suffix(".txt")
    if not sidecar.is_file():
        return ""
    try:
        data = sidecar.read_bytes()[:MAX_CAPTION_BYTES]
    except OSError as exc:
        run.error(str(sidecar), f"caption file could not be read ({exc.strerror or exc}).")
        return ""
    return data.decode("utf-8", "replace").replace("\r\n", "\n").strip()


def _gps_zone(exif: ExifData, run: RunContext) -> ZoneInfo | None:
    if exif.gps is None:
        return None

    def finder() -> Any:
        from timezonefinder import TimezoneFinder

        return TimezoneFinder()

    tf = run.memo("timezonefinder", finder)
    name = tf.timezone_at(lat=exif.gps.lat, lng=exif.gps.lon)
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        return None


def _option_zone(run: RunContext) -> ZoneInfo | None:
    name = run.options.timezone
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def photo_time(path: Path, exif: ExifData | None, run: RunContext) -> tuple[datetime | None, str]:
    """When the photo was taken, and where that came from (see ``Post.time_source``)."""
    if exif is not None and exif.datetime_original is not None:
        dt = exif.datetime_original
        if exif.has_offset and dt.tzinfo is not None:
            return dt, "exif"
        # The camera wrote a wall-clock time without a zone: the photo's own GPS position
        # says which zone that wall clock was in.
        zone = _gps_zone(exif, run)
        if zone is not None:
            return dt.replace(tzinfo=zone), "exif-gps"
        zone = _option_zone(run)
        return (dt.replace(tzinfo=zone) if zone else dt), "exif-local"
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC), "file-mtime"
    except OSError:
        return None, "unknown"


def _readable_name(path: Path, pid: str, run: RunContext) -> Path:
    """``path``, or, for a name that is not UTF-8 (it cannot go into the cache or the
    report), the same file under a plain name in our private media folder (a hard link,
    or a copy across file systems; a symlink would be resolved back to the bad name)."""
    if encodable(str(path)):
        return path
    suffix = path.suffix if encodable(path.suffix) else ""
    alias = private_dir(media_root(run) / "renamed") / f"{pid}{suffix}"
    if alias.is_file():
        return alias  # the id is the content hash: an alias made earlier has the same bytes
    try:
        try:
            os.link(path, alias)
        except OSError:
            shutil.copyfile(path, alias)
    except OSError as exc:
        run.error(
            clean_text(str(path)), f"its name is not UTF-8 and it could not be copied ({exc}); skipped."
        )
        raise
    return alias


def photo_post(path: Path, kind: str, source: str, run: RunContext) -> Post | None:
    """One post for one file; None (with an error record) when the file cannot be read at all."""
    shown = clean_text(str(path))
    try:
        pid = file_id(path)
    except OSError as exc:
        run.error(shown, f"file could not be read ({exc.strerror or exc}); skipped.")
        return None
    exif: ExifData | None = None
    if kind == "image":
        try:
            exif = read_exif(path)
        except BadInput as exc:
            # Still a post: the analyzers report what they can and the file stays in the report.
            run.error(shown, str(exc), exc.hint)
    taken_at, time_source = photo_time(path, exif, run)
    try:
        readable = _readable_name(path, pid, run)
    except OSError:
        return None
    return Post(
        id=pid,
        source=source,
        url=None,
        taken_at=taken_at,
        caption=read_caption(path, run),
        media=(Media(path=str(readable), kind="video" if kind == "video" else "image"),),
        visibility="unknown",
        raw={"path": shown, "kind": kind},
        time_source=time_source,
    )


class PhotoFolderCollector:
    """Photos and videos in a folder tree (or a single photo): JPEG, PNG, HEIC/HEIF, WebP, GIF, MP4/MOV."""

    kind = "photo-folder"

    def matches(self, spec: str) -> bool:
        if not _looks_local(spec):
            return False
        path = Path(spec).expanduser()
        if path.is_file():
            return media_kind(path) is not None
        if path.is_dir():
            return not _is_instaloader_dir(path)
        # A path that does not exist: take it, so the user hears "does not exist" from us
        # rather than "not a source we recognise".
        return not path.exists() and not path.is_symlink()

    @boundary
    def collect(self, spec: str, run: RunContext) -> Iterator[Post]:
        root = Path(spec).expanduser()
        if not root.exists():
            raise SourceNotFound(f"{spec}: no such file or folder.")
        if root.is_file():
            kind = media_kind(root)
            if kind is None:
                raise BadInput(f"{spec}: not a photo or video; supported: {SUPPORTED}.")
            found = [_Found(root, kind)]
        else:
            found = walk_media(root, run)
        if not found:
            raise BadInput(
                f"no photos found in {spec}; supported: {SUPPORTED}.",
                hint="Point footprint-audit at the folder that holds the photos.",
            )
        for i, item in enumerate(found, 1):
            post = photo_post(item.path, item.kind, spec, run)
            run.progress("read files", i, len(found))
            if post is not None:
                yield post
