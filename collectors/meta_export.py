"""What the Instagram and Facebook "Download your information" collectors share.

Both exports are a .zip or an unpacked folder (read through footprint_audit/archives.py),
hold JSON files found by name wherever a layout put them, write UTF-8 bytes as ``\\u00XX``
escapes (fixed while loading), and point at media by a relative ``uri``. One bad file or
one missing media item is one error record; the rest of the export is read. Each
subclass keeps only its format: which files hold posts, and how an entry becomes a post.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from collectors._shared import boundary
from footprint_audit.archives import ExportTree, listing, load_json_or_record, open_tree
from footprint_audit.context import RunContext
from footprint_audit.errors import BadInput
from footprint_audit.http import media_root
from footprint_audit.images import media_kind
from footprint_audit.models import Media, MediaKind, Post

#: ISO base media (MP4, MOV, 3GP) boxes start with a size then ``ftyp``; these brands are
#: HEIF still images rather than video.
_HEIF_BRANDS = (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"avif")


def sniff_kind(path: Path) -> MediaKind | None:
    """Image or video by the file's first bytes: Instagram exports name videos without any
    extension (``media/posts/202403/FQIo..._18074751904427294``)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return None
    if head[4:8] == b"ftyp":
        return "image" if head[8:12] in _HEIF_BRANDS else "video"
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG", b"GIF8")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        return "image"
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # Matroska / WebM
        return "video"
    return None


#: A Meta export's EXIF keys (Facebook's and Instagram's spellings) -> ours.
_DEVICE_KEYS = {
    "camera_make": "make",
    "camera_model": "model",
    "software": "software",
    "lens_model": "lens",
    "device_id": "device_id",
    "upload_ip": "upload_ip",
    "date_time_original": "taken",
    "taken_timestamp": "taken",
}


def export_device(uri: str, exif: Mapping[str, Any]) -> dict[str, Any] | None:
    """What an export's EXIF record of one upload says about the device and the network it
    came from, in one shape for both platforms (``raw["export_device"]``, read by the
    metadata analyzer); None when it says nothing of the kind."""
    out: dict[str, Any] = {}
    for key, ours in _DEVICE_KEYS.items():
        value = exif.get(key)
        if value not in (None, "", 0) and ours not in out:
            out[ours] = str(value)
    return {"uri": uri, **out} if out else None


class MetaExportCollector:
    """Base of the two Meta export collectors: subclasses set the class attributes and
    implement :meth:`looks_like` and :meth:`read`."""

    kind: str
    #: "Instagram" or "Facebook", for messages.
    platform: str
    #: How to ask the platform for the JSON format (the HTML one cannot be read reliably).
    html_hint: str

    def looks_like(self, names: list[str]) -> bool:
        raise NotImplementedError

    def read(self, export: ExportReader) -> Iterator[Post]:
        raise NotImplementedError

    def matches(self, spec: str) -> bool:
        p = Path(spec).expanduser()
        if not (p.is_dir() or (p.is_file() and p.suffix.lower() == ".zip")):
            return False
        return self.looks_like(listing(p))

    @boundary
    def collect(self, spec: str, run: RunContext) -> Iterator[Post]:
        tree = open_tree(Path(spec).expanduser(), media_root(run) / "exports")
        yield from self.read(ExportReader(tree, run, spec, self))

    def refuse(self, export: ExportReader, what: str) -> BadInput:
        """The error for an export without any of the files we read."""
        if any(f.endswith(".html") for f in export.files):
            return BadInput(
                f"{export.spec}: this {self.platform} export is in HTML format, which cannot be read reliably.",
                hint=self.html_hint,
            )
        return BadInput(
            f"{export.spec}: no {what} found; is this a {self.platform} export?", hint=self.html_hint
        )


class ExportReader:
    """One open export: its files, JSON loading and media lookup, each failure recorded."""

    def __init__(self, tree: ExportTree, run: RunContext, spec: str, collector: MetaExportCollector) -> None:
        self.tree = tree
        self.run = run
        self.spec = spec
        self.collector = collector
        self.files = tree.files()

    def load(self, rel: str) -> Any:
        """The JSON of one file (mojibake fixed), or None with an error record."""
        return load_json_or_record(self.tree, rel, self.run)

    def media(self, uri: str) -> Media | None:
        """The local file a ``uri`` names, as Media; None (an error record) when it is missing."""
        if not uri or uri.startswith(("http://", "https://")):
            return None
        try:
            path = self.tree.local_path(uri)
        except BadInput as exc:
            self.run.error(
                uri,
                f"{exc} The post is kept without it.",
                "Download the complete export (all parts) and scan it again.",
            )
            return None
        kind = media_kind(path) or sniff_kind(path) or "image"
        return Media(path=str(path), kind="video" if kind == "video" else "image")
