"""Enrolled children: face encodings (never photos) per child name, in the private data folder.

A parent enrols their child from a few reference photos; scans then say "Mia appears in 23
posts". The store is one JSON file, ``enrolled.json``, mode 0600 in a 0700 folder: the
per-user data folder, or the folder given with ``--profile DIR``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BadInput, ConfigError
from .paths import data_dir, write_private

if TYPE_CHECKING:
    from .context import RunContext

log = logging.getLogger(__name__)

STORE_NAME = "enrolled.json"
STORE_VERSION = 1


def store_path(profile: Path | None = None) -> Path:
    return data_dir(profile) / STORE_NAME


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"version": STORE_VERSION, "children": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"{path}: the enrolment file cannot be read ({exc}).",
            hint="Remove it and enrol the children again.",
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("children"), dict):
        raise ConfigError(f"{path}: not an enrolment file.", hint="Remove it and enrol the children again.")
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    write_private(path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise BadInput("A child's name cannot be empty.", hint="Give the name the child is known by.")
    return cleaned


def load_enrolled(profile: Path | None = None) -> dict[str, list[list[float]]]:
    """Every enrolled child's encodings, by name ({} when nobody is enrolled)."""
    path = store_path(profile)
    if not path.exists():
        return {}
    children = _read(path)["children"]
    return {
        name: [list(map(float, e)) for e in entry.get("encodings", [])] for name, entry in children.items()
    }


@dataclass(frozen=True)
class EnrolledChild:
    name: str
    encodings: int
    photos: int
    updated: str


def list_enrolled(profile: Path | None = None) -> list[EnrolledChild]:
    path = store_path(profile)
    if not path.exists():
        return []
    out = []
    for name, entry in sorted(_read(path)["children"].items()):
        out.append(
            EnrolledChild(
                name=name,
                encodings=len(entry.get("encodings", [])),
                photos=int(entry.get("photos", 0)),
                updated=str(entry.get("updated", "")),
            )
        )
    return out


def forget(name: str, profile: Path | None = None) -> bool:
    """Remove a child's encodings. True when there was something to remove."""
    path = store_path(profile)
    if not path.exists():
        return False
    data = _read(path)
    key = _find(data["children"], name)
    if key is None:
        return False
    del data["children"][key]
    _write(path, data)
    return True


def _find(children: dict[str, Any], name: str) -> str | None:
    wanted = _clean_name(name).casefold()
    return next((k for k in children if k.casefold() == wanted), None)


def encode_reference(photo: str | Path, face: int | None = None) -> list[float]:
    """The encoding of the one face in a reference photo (or face number ``face``, 1 = leftmost).

    Raises BadInput with a plain message when there is no usable face, or several and no
    choice was made.
    """
    from .engines.faces import analyze_file

    p = Path(photo)
    result = analyze_file(str(p))
    if result.error:
        raise BadInput(result.error, hint=result.hint)
    found = result.faces
    if not found:
        raise BadInput(
            f"{p.name}: no face was found in this photo.",
            hint="Use a photo where the child's face is clearly visible, facing the camera.",
        )
    if face is None:
        if len(found) > 1:
            raise BadInput(
                f"{p.name}: this photo shows {len(found)} faces, so it is unclear which one is the child.",
                hint=f"Use a photo of the child alone, or pick a face with --face N (1 = leftmost, up to {len(found)}).",
            )
        chosen = found[0]
    else:
        if not 1 <= face <= len(found):
            raise BadInput(
                f"{p.name}: there is no face {face}; this photo shows {len(found)}.",
                hint=f"Pick a face between 1 (leftmost) and {len(found)}.",
            )
        chosen = found[face - 1]
    if chosen.encoding is None:
        raise BadInput(
            f"{p.name}: the face is too small to recognise reliably.",
            hint="Use a photo where the face is larger (a close-up works best).",
        )
    return chosen.encoding


def enroll(
    name: str, photos: Sequence[str | Path], *, profile: Path | None = None, face: int | None = None
) -> EnrolledChild:
    """Add the face in each reference photo to ``name``'s encodings; the photos are not kept.

    All photos are checked before anything is written, so one bad photo changes nothing.
    """
    child = _clean_name(name)
    if not photos:
        raise BadInput("No reference photo given.", hint="Give one or more photos of the child.")
    encodings = [encode_reference(p, face) for p in photos]
    path = store_path(profile)
    data = _read(path)
    key = _find(data["children"], child) or child
    entry = data["children"].setdefault(key, {"encodings": [], "photos": 0})
    entry["encodings"].extend(encodings)
    entry["photos"] = int(entry.get("photos", 0)) + len(photos)
    entry["updated"] = datetime.now(UTC).isoformat(timespec="seconds")
    data["version"] = STORE_VERSION
    _write(path, data)
    return EnrolledChild(key, len(entry["encodings"]), entry["photos"], entry["updated"])


def declared_children(run: RunContext) -> list[str]:
    """Children the user told us about: enrolled faces and ``extra["children"]`` (once per run)."""

    def load() -> list[str]:
        names = [str(n) for n in run.options.extra.get("children", []) or [] if str(n).strip()]
        try:
            names += [c.name for c in list_enrolled(run.options.data_dir)]
        except Exception as exc:  # a broken enrolment store is the faces analyzer's error to report
            log.debug("enrolled children unavailable: %s", exc)
        seen: dict[str, str] = {}
        for n in names:
            seen.setdefault(n.lower(), n)
        return list(seen.values())

    return run.memo("enrollment.declared_children", load)
