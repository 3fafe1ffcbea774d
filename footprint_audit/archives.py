"""Reading data exports safely, whether a .zip or an unpacked folder.

A ZIP is untrusted input: a member named ``../../.bashrc`` must never be written outside
our folder, and a 40 KB archive that inflates to 4 TB must be refused before it fills the
disk. Every member is checked when the archive is opened; extraction also counts the bytes
it really writes, because a ZIP's declared sizes can lie.

Collectors see both forms through one small interface, :class:`ExportTree`: a list of
relative POSIX paths, ``read_bytes`` for JSON, and ``local_path`` for media (a ZIP member
is extracted once into a private folder).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import zipfile
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Protocol

from .errors import BadInput, SourceNotFound
from .paths import private_dir

if TYPE_CHECKING:
    from .context import RunContext

#: A real Instagram or Facebook export of a busy family is a few GB; 32 GB is generous.
MAX_TOTAL_BYTES = 32 * 1024**3
#: Photos and videos barely compress (ratio ~1); JSON compresses ~10:1. Bombs are 1000:1+.
MAX_RATIO = 200
#: Ratios are only judged on members big enough to matter (a 2 KB JSON can compress 300:1).
RATIO_MIN_BYTES = 1024 * 1024
MAX_MEMBERS = 500_000
#: JSON files are read into memory; none in a real export comes near this.
MAX_JSON_BYTES = 512 * 1024 * 1024
#: Why a JSON file nested thousands of levels deep (no real export is) was not read.
TOO_DEEP = "its JSON is nested too deeply to be a real export file; skipped."


class ExportTree(Protocol):
    """An export as collectors see it."""

    label: str

    def files(self) -> list[str]: ...

    def exists(self, rel: str) -> bool: ...

    def read_bytes(self, rel: str) -> bytes: ...

    def local_path(self, rel: str) -> Path: ...


def _unsafe_name(name: str) -> bool:
    if "\x00" in name or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return True
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return any(p == ".." for p in parts)


def _clean_rel(rel: str) -> str:
    rel = rel.replace("\\", "/").lstrip("/")
    while rel.startswith("./"):
        rel = rel[2:]
    return rel


class FolderTree:
    """An unpacked export folder."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.label = str(root)
        self._files: list[str] | None = None

    def files(self) -> list[str]:
        if self._files is None:
            out = []
            for dirpath, _dirs, names in os.walk(self.root):
                for n in names:
                    out.append((Path(dirpath) / n).relative_to(self.root).as_posix())
            self._files = sorted(out)
        return self._files

    def _path(self, rel: str) -> Path:
        rel = _clean_rel(rel)
        if _unsafe_name(rel):
            raise BadInput(f"{self.label}: refused the path {rel!r}, which points outside the export.")
        p = (self.root / rel).resolve()
        if not p.is_relative_to(self.root):
            raise BadInput(f"{self.label}: refused the path {rel!r}, which points outside the export.")
        return p

    def exists(self, rel: str) -> bool:
        try:
            return self._path(rel).is_file()
        except BadInput:
            return False

    def read_bytes(self, rel: str) -> bytes:
        p = self._path(rel)
        if p.stat().st_size > MAX_JSON_BYTES:
            raise BadInput(f"{rel}: too large to read as a data file.")
        return p.read_bytes()

    def local_path(self, rel: str) -> Path:
        p = self._path(rel)
        if not p.is_file():
            raise BadInput(f"{rel}: listed in the export but the file is missing.")
        return p


class ZipTree:
    """A .zip export, checked member by member before anything is read."""

    def __init__(
        self,
        path: Path,
        extract_root: Path,
        *,
        max_total: int = MAX_TOTAL_BYTES,
        max_ratio: float = MAX_RATIO,
        max_members: int = MAX_MEMBERS,
    ) -> None:
        self.path = path
        self.label = str(path)
        try:
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError as exc:
            raise SourceNotFound(f"{path}: file not found.") from exc
        except (zipfile.BadZipFile, OSError) as exc:
            raise BadInput(
                f"{path.name}: not a readable ZIP file ({exc}).",
                hint="Download the export again; the file may be incomplete.",
            ) from exc
        self._check(max_total, max_ratio, max_members)
        self._members = {
            _clean_rel(i.filename): i for i in self._zip.infolist() if not i.is_dir() and not _is_link(i)
        }
        st = path.stat()
        digest = hashlib.sha256(f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]
        self.extract_root = extract_root / f"{safe_stem(path.stem)}-{digest}"
        self._max_total = max_total
        self._written = 0

    def _check(self, max_total: int, max_ratio: float, max_members: int) -> None:
        infos = self._zip.infolist()
        if len(infos) > max_members:
            raise BadInput(f"{self.path.name}: {len(infos)} files is more than any real export has; refused.")
        total = 0
        for info in infos:
            if _unsafe_name(info.filename):
                raise BadInput(
                    f"{self.path.name}: contains a file named {info.filename!r} that would be written "
                    "outside its folder (a path-traversal attack); the whole archive was refused.",
                    hint="Only scan exports you downloaded yourself from the platform.",
                )
            total += info.file_size
            if info.file_size >= RATIO_MIN_BYTES and info.file_size > max_ratio * max(info.compress_size, 1):
                raise BadInput(
                    f"{self.path.name}: {info.filename!r} would inflate {info.file_size // max(info.compress_size, 1)} "
                    "times its packed size (a ZIP bomb); the whole archive was refused.",
                    hint="Only scan exports you downloaded yourself from the platform.",
                )
        packed = sum(info.compress_size for info in infos)
        if total >= RATIO_MIN_BYTES and total > max_ratio * max(packed, 1):
            # Many members each under RATIO_MIN_BYTES add up: judge the archive as a whole too.
            raise BadInput(
                f"{self.path.name}: would inflate {total // max(packed, 1)} times its packed size "
                f"in all ({total / 1024**2:.0f} MB; a ZIP bomb); the whole archive was refused.",
                hint="Only scan exports you downloaded yourself from the platform.",
            )
        if total > max_total:
            raise BadInput(
                f"{self.path.name}: unpacks to {total / 1024**3:.1f} GB, above the "
                f"{max_total / 1024**3:.0f} GB limit (a ZIP bomb or not an export); refused.",
                hint="Only scan exports you downloaded yourself from the platform.",
            )

    def files(self) -> list[str]:
        return sorted(self._members)

    def exists(self, rel: str) -> bool:
        return _clean_rel(rel) in self._members

    def _info(self, rel: str) -> zipfile.ZipInfo:
        info = self._members.get(_clean_rel(rel))
        if info is None:
            raise BadInput(f"{rel}: listed in the export but the file is missing.")
        return info

    def _stream(self, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
        """Member bytes, stopped as soon as they exceed what the header declared."""
        read = 0
        try:
            with self._zip.open(info) as fh:
                while chunk := fh.read(1024 * 1024):
                    read += len(chunk)
                    if read > min(info.file_size, limit):
                        raise BadInput(f"{info.filename}: larger than its ZIP entry says; refused.")
                    yield chunk
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
            # RuntimeError: a password-protected member; NotImplementedError: an unknown compression.
            raise BadInput(f"{info.filename}: cannot be read from the ZIP ({exc}).") from exc

    def read_bytes(self, rel: str) -> bytes:
        info = self._info(rel)
        return b"".join(self._stream(info, MAX_JSON_BYTES))

    def local_path(self, rel: str) -> Path:
        info = self._info(rel)
        name = _clean_rel(info.filename)
        dest = (self.extract_root / name).resolve()
        root = self.extract_root.resolve()
        if not dest.is_relative_to(root):  # belt and braces: _check already refused these
            raise BadInput(f"{name}: would be written outside the export folder; refused.")
        if dest.is_file() and dest.stat().st_size == info.file_size:
            return dest
        if self._written + info.file_size > self._max_total:
            raise BadInput(f"{name}: extracting it would pass the size limit for one export; skipped.")
        tmp = dest.with_name(f".{dest.name}.part")
        try:
            private_dir(dest.parent)
        except OSError as exc:
            # ``a.jpg`` and ``a.jpg/b.jpg`` in one archive: one of them cannot be a folder.
            raise BadInput(
                f"{name}: cannot be extracted ({exc.strerror or exc}); another file of the archive has "
                "the name its folder needs."
            ) from exc
        try:
            with open(tmp, "wb") as out:
                os.fchmod(out.fileno(), 0o600)
                for chunk in self._stream(info, self._max_total - self._written):
                    out.write(chunk)
                    self._written += len(chunk)
            os.replace(tmp, dest)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise BadInput(f"{name}: cannot be extracted ({exc.strerror or exc}).") from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return dest

    def close(self) -> None:
        self._zip.close()


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def safe_stem(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)[:60] or "export"


def open_tree(path: Path, extract_root: Path) -> ExportTree:
    """A folder or a .zip as an ExportTree (raises SourceNotFound/BadInput)."""
    if path.is_dir():
        return FolderTree(path)
    if path.is_file() and zipfile.is_zipfile(path):
        return ZipTree(path, extract_root)
    raise SourceNotFound(f"{path}: neither a folder nor a ZIP file.")


def zip_names(path: Path) -> list[str]:
    """Member names of a ZIP without any checks (for detecting what export it is); [] if unreadable."""
    try:
        with zipfile.ZipFile(path) as zf:
            return [_clean_rel(n) for n in zf.namelist()]
    except (zipfile.BadZipFile, OSError):
        return []


def listing(path: Path, limit: int = 20_000) -> list[str]:
    """Relative file names of a folder or ZIP, for content detection (bounded walk)."""
    if path.is_dir():
        out: list[str] = []
        for dirpath, dirs, names in os.walk(path):
            dirs.sort()
            for n in names:
                out.append((Path(dirpath) / n).relative_to(path).as_posix())
                if len(out) >= limit:
                    return out
        return out
    if path.is_file() and path.suffix.lower() == ".zip":
        return zip_names(path)[:limit]
    return []


def fix_mojibake(value: Any) -> Any:
    """Undo Meta exports' double encoding ("CafÃ©" -> "Café") throughout a JSON value.

    Meta writes UTF-8 bytes as \\u00XX escapes, so json.loads yields one char per byte.
    Strings that are not such byte sequences (real non-Latin-1 text) are left alone.
    """
    if isinstance(value, str):
        try:
            return value.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return value
    if isinstance(value, list):
        return [fix_mojibake(v) for v in value]
    if isinstance(value, dict):
        return {fix_mojibake(k): fix_mojibake(v) for k, v in value.items()}
    return value


def load_json(tree: ExportTree, rel: str) -> Any:
    """Parse one export JSON file with the mojibake fixed; BadInput when it is not JSON."""
    data = tree.read_bytes(rel)
    try:
        return fix_mojibake(json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput(f"{rel}: not valid JSON ({exc}).", hint="Download the export again.") from exc
    except RecursionError as exc:
        raise BadInput(f"{rel}: {TOO_DEEP}", hint="Download the export again.") from exc


# ---- small helpers shared by the Meta export collectors ------------------------------------


def timestamp(value: Any) -> datetime | None:
    """A Meta export epoch-seconds value as an aware UTC datetime (None when absent/bad)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number <= 0:
        return None
    try:
        return datetime.fromtimestamp(number, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def merged_exif(media: Mapping[str, Any]) -> dict[str, Any]:
    """``media_metadata.{photo,video}_metadata.exif_data`` is a list of one-key dicts: merge them."""
    meta = media.get("media_metadata") or {}
    out: dict[str, Any] = {}
    if not isinstance(meta, Mapping):
        return out
    for kind in ("photo_metadata", "video_metadata"):
        block = meta.get(kind) or {}
        if not isinstance(block, Mapping):
            continue
        for key, value in block.items():
            if key != "exif_data" and not isinstance(value, (Mapping, list)):
                out.setdefault(key, value)
        for entry in block.get("exif_data") or ():
            if isinstance(entry, Mapping):
                for key, value in entry.items():
                    out.setdefault(key, value)
    return out


def exif_coordinates(exif: Mapping[str, Any]) -> tuple[float, float] | None:
    try:
        lat, lon = float(exif["latitude"]), float(exif["longitude"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return lat, lon


def natural_key(name: str) -> list[Any]:
    """Sort key so posts_2.json comes before posts_10.json."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]


def json_entries(data: Any, *keys: str) -> list[Mapping[str, Any]]:
    """Entries of an export file that is a list, or a dict holding the list under one of ``keys``."""
    if isinstance(data, Mapping):
        data = next((data[k] for k in keys if k in data), [])
    return [d for d in data if isinstance(d, Mapping)] if isinstance(data, list) else []


def load_json_or_record(tree: ExportTree, rel: str, run: RunContext) -> Any:
    """An export file's JSON, or None with an error record: one bad file never stops the export."""
    try:
        return load_json(tree, rel)
    except BadInput as exc:
        run.error(rel, str(exc), exc.hint)
        return None
