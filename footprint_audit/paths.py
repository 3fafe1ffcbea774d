"""The per-user data folder: enrolments, cache, downloaded media. Owner-only, always.

It holds the most sensitive data a family has (face encodings, their posts), so the
folder is created 0700 and files are written 0600 through :func:`write_private`.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "footprint-audit"
ENV_VAR = "FOOTPRINT_AUDIT_HOME"


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it owner-only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def data_dir(override: Path | None = None) -> Path:
    """The data folder: ``override``, else $FOOTPRINT_AUDIT_HOME, else the platform's user data dir."""
    if override is not None:
        base = Path(override)
    elif os.environ.get(ENV_VAR):
        base = Path(os.environ[ENV_VAR])
    else:
        base = Path(user_data_dir(APP_NAME, appauthor=False))
    return private_dir(base.expanduser())


def write_private(path: Path, data: bytes) -> None:
    """Write atomically with mode 0600: a crash never leaves half a file behind."""
    private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def file_sha256(path: str | Path) -> str | None:
    """SHA-256 of a file's bytes, read in 1 MB chunks; None when it cannot be read."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()
