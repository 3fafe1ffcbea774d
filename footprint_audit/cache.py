"""The local cache: what was collected is never lost, and nothing is done twice.

One SQLite file (stdlib ``sqlite3``, WAL mode) in the owner-only data folder holds:

- ``posts``: every post of every source, with its raw platform record, committed the
  moment the collector yields it. A scan killed half-way keeps every post it had; WAL
  and one transaction per post mean the file is consistent after any crash.
- ``scans``: when each scan of a source started and whether it finished, so a report can
  say what is new since the last finished scan.
- ``state``: a collector's resume point (a paging cursor) per source.
- ``media``: SHA-256 of media files, keyed by path, size and mtime (hashing a video once).
- ``exposure``: what the last scan of a set of sources found, keyed stably (see
  footprint_audit.history), so the next report can say what is new and what was fixed.
- ``results``: each analyzer's findings for a post, keyed by the post's content hash
  (its fields plus its media files' hashes), the analyzer's name and version. A changed
  caption or a re-encoded photo gives a new key, so changed posts are re-analysed.

What else a result depends on is declared by the analyzer (``cache_scope`` and
``depends_on``, see footprint_audit/analyzer.py) and is part of the key: the enrolled
children, the time zone, and for a batch-scoped analyzer the whole set of posts.
See pipeline.analyze.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .findings import value_detail, value_from_json, value_to_json
from .models import Comment, Finding, Geotag, Media, Post
from .paths import data_dir, file_sha256, private_dir

log = logging.getLogger(__name__)

CACHE_FILE = "cache.sqlite3"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS scans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    started TEXT NOT NULL,
    finished TEXT
);
CREATE TABLE IF NOT EXISTS posts (
    source TEXT NOT NULL,
    post_id TEXT NOT NULL,
    data TEXT NOT NULL,
    first_scan INTEGER NOT NULL,
    last_scan INTEGER NOT NULL,
    PRIMARY KEY (source, post_id)
);
CREATE TABLE IF NOT EXISTS state (source TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS media (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS results (
    key TEXT NOT NULL, analyzer TEXT NOT NULL, version TEXT NOT NULL, findings TEXT NOT NULL,
    PRIMARY KEY (key, analyzer, version)
);
CREATE TABLE IF NOT EXISTS exposure (scope TEXT PRIMARY KEY, data TEXT NOT NULL);
"""


def cache_path(override: Path | None = None) -> Path:
    return data_dir(override) / CACHE_FILE


def source_key(spec: str) -> str:
    """The same source named twice gives the same key (paths are resolved)."""
    if ":" in spec and not Path(spec).exists():
        head, _, tail = spec.partition(":")
        if head in ("http", "https"):
            return spec.rstrip("/")
        return f"{head.lower()}:{tail.lower()}"
    return str(Path(spec).expanduser().resolve())


# ---- (de)serialising posts and findings -------------------------------------------------


def _dt(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse_dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def post_to_dict(post: Post) -> dict[str, Any]:
    return {
        "id": post.id,
        "source": post.source,
        "url": post.url,
        "taken_at": _dt(post.taken_at),
        "caption": post.caption,
        "media": [asdict(m) for m in post.media],
        "geotag": asdict(post.geotag) if post.geotag else None,
        "tagged_users": list(post.tagged_users),
        "comments": [{**asdict(c), "created_at": _dt(c.created_at)} for c in post.comments],
        "visibility": post.visibility,
        "raw": dict(post.raw),
        "time_source": post.time_source,
        "author": post.author,
    }


def post_from_dict(d: Mapping[str, Any]) -> Post:
    return Post(
        id=d["id"],
        source=d["source"],
        url=d.get("url"),
        taken_at=_parse_dt(d.get("taken_at")),
        caption=d.get("caption") or "",
        media=tuple(Media(**m) for m in d.get("media") or ()),
        geotag=Geotag(**d["geotag"]) if d.get("geotag") else None,
        tagged_users=tuple(d.get("tagged_users") or ()),
        comments=tuple(
            Comment(**{**c, "created_at": _parse_dt(c.get("created_at"))}) for c in d.get("comments") or ()
        ),
        visibility=d.get("visibility") or "unknown",
        raw=d.get("raw") or {},
        time_source=d.get("time_source") or "platform",
        author=d.get("author"),
    )


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def finding_to_dict(f: Finding) -> dict[str, Any]:
    d = {k: v for k, v in asdict(f).items() if k != "value"}
    d["value"] = value_to_json(f.category, f.value)
    # What the report's shape of the value leaves out (where a name stood, and why).
    d["value_detail"] = value_detail(f.value)
    d["evidence"] = dict(f.evidence)
    return d


def finding_from_dict(d: Mapping[str, Any]) -> Finding:
    if "value_detail" not in d:
        # Stored before values were typed: the dossier's part of a name or a span is missing.
        raise ValueError("finding stored without its value's detail")
    fields = {k: v for k, v in d.items() if k != "value_detail"}
    fields["value"] = value_from_json(d["category"], d.get("value"), d.get("value_detail"))
    return Finding(**fields)


# ---- the cache ---------------------------------------------------------------------------


class Cache:
    """One open cache file. Every write is its own transaction (autocommit + WAL)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        private_dir(path.parent)
        self.db = self._connect(path)

    @classmethod
    def open(cls, override: Path | None = None) -> Cache:
        return cls(cache_path(override))

    def _connect(self, path: Path) -> sqlite3.Connection:
        fresh = not path.exists()
        if fresh:
            # Create it owner-only before SQLite does with the umask's permissions.
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        try:
            db = self._open_db(path)
        except sqlite3.DatabaseError:
            # A damaged cache must not stop an audit: keep it aside for inspection, start anew.
            aside = path.with_suffix(f".damaged-{datetime.now(UTC):%Y%m%d%H%M%S}")
            log.warning("cache %s is damaged; moved to %s", path, aside)
            os.replace(path, aside)
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
            db = self._open_db(path)
        for suffix in ("-wal", "-shm"):
            side = Path(str(path) + suffix)
            if side.exists():
                os.chmod(side, 0o600)
        return db

    @staticmethod
    def _open_db(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(_SCHEMA)
        row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None:
            db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) != SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"cache schema {row[0]} is not {SCHEMA_VERSION}")
        return db

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()

    # -- what the last scan found (footprint_audit.history) --

    def get_exposure(self, scope: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM exposure WHERE scope=?", (scope,)).fetchone()
        return json.loads(row[0]) if row else None

    def put_exposure(self, scope: str, data: Mapping[str, Any]) -> None:
        self.db.execute("INSERT OR REPLACE INTO exposure VALUES (?, ?)", (scope, _dumps(dict(data))))

    # -- scans and posts --

    def last_finished_scan(self, source: str) -> int | None:
        row = self.db.execute(
            "SELECT max(id) FROM scans WHERE source=? AND finished IS NOT NULL", (source,)
        ).fetchone()
        return row[0] if row and row[0] is not None else None

    def begin_scan(self, source: str, kind: str, *, resume: bool = True) -> int:
        if not resume:
            self.forget_source(source)
        cur = self.db.execute(
            "INSERT INTO scans (source, kind, started) VALUES (?, ?, ?)",
            (source, kind, datetime.now(UTC).isoformat()),
        )
        return int(cur.lastrowid or 0)

    def finish_scan(self, scan_id: int) -> None:
        self.db.execute("UPDATE scans SET finished=? WHERE id=?", (datetime.now(UTC).isoformat(), scan_id))

    def put_post(self, source: str, post: Post, scan_id: int) -> bool:
        """Store (or refresh) one post at once; True when the cache did not have it."""
        data = _dumps(post_to_dict(post))
        with self.db:  # one transaction: the post is either fully there or not at all
            existed = self.db.execute(
                "SELECT 1 FROM posts WHERE source=? AND post_id=?", (source, post.id)
            ).fetchone()
            if existed:
                self.db.execute(
                    "UPDATE posts SET data=?, last_scan=? WHERE source=? AND post_id=?",
                    (data, scan_id, source, post.id),
                )
            else:
                self.db.execute(
                    "INSERT INTO posts (source, post_id, data, first_scan, last_scan) VALUES (?, ?, ?, ?, ?)",
                    (source, post.id, data, scan_id, scan_id),
                )
        return not existed

    def posts(self, source: str) -> list[Post]:
        rows = self.db.execute("SELECT data FROM posts WHERE source=? ORDER BY rowid", (source,)).fetchall()
        return [post_from_dict(json.loads(r[0])) for r in rows]

    def get_post(self, source: str, post_id: str) -> Post | None:
        row = self.db.execute(
            "SELECT data FROM posts WHERE source=? AND post_id=?", (source, post_id)
        ).fetchone()
        return post_from_dict(json.loads(row[0])) if row else None

    def known_ids(self, source: str) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT post_id FROM posts WHERE source=?", (source,))}

    def first_seen_after(self, source: str, scan_id: int | None) -> set[str]:
        """Post ids first stored after scan ``scan_id`` (all of them when it is None)."""
        rows = self.db.execute(
            "SELECT post_id FROM posts WHERE source=? AND first_scan > ?", (source, scan_id or 0)
        )
        return {r[0] for r in rows}

    def forget(self, source: str, post_ids: Iterable[str]) -> None:
        with self.db:
            self.db.executemany(
                "DELETE FROM posts WHERE source=? AND post_id=?", [(source, p) for p in post_ids]
            )

    def forget_source(self, source: str) -> None:
        with self.db:
            self.db.execute("DELETE FROM posts WHERE source=?", (source,))
            self.db.execute("DELETE FROM state WHERE source=?", (source,))

    # -- collector resume state --

    def get_state(self, source: str) -> dict[str, Any]:
        row = self.db.execute("SELECT data FROM state WHERE source=?", (source,)).fetchone()
        return json.loads(row[0]) if row else {}

    def set_state(self, source: str, state: Mapping[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO state (source, data) VALUES (?, ?) ON CONFLICT(source) DO UPDATE SET data=excluded.data",
            (source, _dumps(dict(state))),
        )

    # -- hashes and analysis results --

    def file_hash(self, path: str | Path) -> str | None:
        """SHA-256 of a file, computed once per (path, size, mtime); None when unreadable."""
        p = Path(path)
        try:
            st = p.stat()
        except OSError:
            return None
        key = str(p.resolve())
        row = self.db.execute(
            "SELECT sha256 FROM media WHERE path=? AND size=? AND mtime_ns=?",
            (key, st.st_size, st.st_mtime_ns),
        ).fetchone()
        if row:
            return str(row[0])
        value = file_sha256(p)
        if value is None:
            return None
        self.db.execute(
            "INSERT OR REPLACE INTO media (path, size, mtime_ns, sha256) VALUES (?, ?, ?, ?)",
            (key, st.st_size, st.st_mtime_ns, value),
        )
        return value

    def post_key(self, post: Post) -> str:
        """Content hash of a post: its fields (not ``raw``) and its media files' bytes."""
        d = post_to_dict(post)
        d.pop("raw")
        d["media_sha256"] = [self.file_hash(m.path) for m in post.media]
        return hashlib.sha256(_dumps(d).encode()).hexdigest()

    def get_results(self, key: str, analyzer: str, version: str) -> list[Finding] | None:
        row = self.db.execute(
            "SELECT findings FROM results WHERE key=? AND analyzer=? AND version=?", (key, analyzer, version)
        ).fetchone()
        if row is None:
            return None
        try:
            return [finding_from_dict(d) for d in json.loads(row[0])]
        except (TypeError, ValueError):
            return None  # written by an older model of Finding: recompute

    def put_results(self, key: str, analyzer: str, version: str, findings: Iterable[Finding]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO results (key, analyzer, version, findings) VALUES (?, ?, ?, ?)",
            (key, analyzer, version, _dumps([finding_to_dict(f) for f in findings])),
        )

    def stats(self) -> dict[str, int]:
        out = {}
        for table in ("posts", "scans", "media", "results"):
            out[table] = int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        return out


#: What ``clear`` removes from the data folder besides the cache file: image results (face
#: encodings of everyone photographed, other people's children included; text read in photos),
#: face results of earlier versions, and the photos collectors downloaded or extracted.
CLEARED_FOLDERS = ("image-cache", "faces-cache", "media")


def clear(override: Path | None = None, *, everything: bool = False) -> list[Path]:
    """Delete the cache file (and its WAL side files), the face results and the downloaded
    or extracted photos; with ``everything``, the enrolled children's encodings too. Returns
    what was there and is now gone."""
    import shutil

    from .enrollment import store_path

    path = cache_path(override)
    root = data_dir(override)
    targets = [path, Path(str(path) + "-wal"), Path(str(path) + "-shm")]
    targets += [root / name for name in CLEARED_FOLDERS]
    if everything:
        targets.append(store_path(override))
    removed = []
    for p in targets:
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        elif p.exists() or p.is_symlink():
            p.unlink()
        else:
            continue
        removed.append(p)
    return removed
