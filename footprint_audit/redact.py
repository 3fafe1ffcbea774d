"""Share mode by construction: turn an AuditResult into one that is safe to pass on, before
anything is rendered, so that no template or JSON writer can leak what it never receives.

What changes (DESIGN.md, "Privacy of the tool itself"):
- every coordinate is rounded to 2 decimals (about 1 km: a district, not a street), in
  numbers and in sentences; claims that the position is known "to a few metres" go;
- raw EXIF tag dicts, device serial numbers and owner names are dropped;
- local paths go: a media file becomes its bare file name, a source becomes a neutral label;
- usernames (the parent's own account, tagged people, commenters, @-mentions) become
  neutral labels ("your account", "account 1", ...); post URLs, which name the account, go;
- the platform's raw record of each post (``Post.raw``) goes.
Internal hash ids (post ids, finding ids) reveal nothing and stay, so links inside the
report keep working. Faces in embedded images are covered at render time by the one cover
routine (footprint_audit.engines.cover), in report_thumbs.thumbnail and the face crops.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import fields, replace
from enum import Enum
from pathlib import PurePath
from typing import Any

from .findings import CommentRiskValue, DeviceValue, FindingValue
from .models import AuditResult, Comment, ErrorRecord, Fact, Finding, Geotag, Media, Post, SourceSummary

#: 2 decimals of a degree is about 1.1 km of latitude: a district rather than a street.
SHARE_DECIMALS = 2
#: Keys whose values are raw file metadata or identify a device or a person: dropped.
DROPPED_KEYS = frozenset(
    {"tags", "exif", "raw", "serials", "serial", "owner", "copyright", "media", "path", "address", "slug"}
)
#: Keys that hold a platform's place id: it names the exact venue, so it goes too.
DROPPED_ID_KEYS = frozenset({"location_id"})
#: Fields of a typed finding value that identify a device, a person or an exact venue, or
#: point into the unredacted text: emptied in a share copy.
DROPPED_VALUE_FIELDS = frozenset(
    {"serials", "owner", "copyright", "address", "location_id", "span", "upload_ip", "device_id"}
)
#: Keys that hold one username or a list of usernames.
USER_KEYS = frozenset(
    {"author", "accounts", "tagged", "mentioned", "mentions", "tagged_users", "user", "handle"}
)
YOUR_ACCOUNT = "your account"
#: Sources whose name (or folder name, for an instaloader download) is the parent's account.
ACCOUNT_KINDS = frozenset({"instaloader-dir", "instagram", "mastodon", "bluesky"})
SOURCE_LABELS = {
    "photo-folder": "photo folder",
    "instaloader-dir": "Instagram download",
    "instagram": "Instagram account",
    "instagram-export": "Instagram export",
    "facebook-export": "Facebook export",
    "mastodon": "Mastodon account",
    "bluesky": "Bluesky account",
    "web-page": "web page",
}

# A decimal number with 3 or more decimals: in a sentence, a coordinate (or a score that
# loses nothing when shown to 2 decimals).
_LONG_DECIMAL = re.compile(r"(?<![\w.])(-?\d{1,3}\.\d{3,})(?![\d])")
# Sentences that promise metre-level precision of a position the reader cannot see anyway.
_PRECISION_CLAUSES = (
    (
        re.compile(r"the position shown is rounded to about \d+ ?m(?:etres)?"),
        "the position shown is rounded to about 1 km",
    ),
    (re.compile(r",? but the photos themselves give it to a few metres"), ""),
)
# An absolute local path: POSIX (/home/..., /tmp/...) or Windows (C:\...).
_ABS_PATH = re.compile(r"(?<![\w:/.])(?:/[\w.\-~+@]+){2,}/?|\b[A-Za-z]:\\(?:[^\\\s]+\\)*[^\\\s]*")
_MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_][A-Za-z0-9_.\-]*[A-Za-z0-9_])(@[A-Za-z0-9.\-]+)?")


class _Redactor:
    def __init__(self, result: AuditResult) -> None:
        self.users: dict[str, str] = {}
        self.own: set[str] = set()
        self.paths: dict[str, str] = {}
        self.sources: dict[str, str] = {}
        kinds_seen: dict[str, int] = {}
        for s in result.sources:
            base = SOURCE_LABELS.get(s.kind, "source")
            kinds_seen[base] = kinds_seen.get(base, 0) + 1
            self.sources[s.location] = f"{base} {kinds_seen[base]}"
            handle = _handle_of(s.location) if s.kind in ACCOUNT_KINDS else None
            if handle:
                self.own.add(handle.lower())
        for post in result.posts:
            if post.author:
                self.own.add(post.author.lstrip("@").lower())
        for post in result.posts:
            for src in (post.source, *post.also_in):
                self.sources.setdefault(src, self._source_label(src))
            for m in post.media:
                self.paths.setdefault(m.path, PurePath(m.path).name or "file")
            for u in post.tagged_users:
                self.user(u)
            for c in post.comments:
                self.user(c.author)
        #: Device values (serial numbers, owner names) that summaries may quote: removed from text.
        self.secrets: set[str] = set()
        for f in result.findings:
            self.secrets.update(_device_values(f))

    def _source_label(self, spec: str) -> str:
        return f"source {len(self.sources) + 1}"

    def user(self, name: str) -> str:
        bare = name.strip().lstrip("@")
        key = bare.lower()
        if key in self.own:
            return YOUR_ACCOUNT
        if key not in self.users:
            self.users[key] = f"account {len(self.users) + 1}"
        return self.users[key]

    # ------------------------------------------------------------------ text and values

    def text(self, s: str) -> str:
        if not s:
            return s
        # Longest first, so that a folder never replaces part of a file path inside it.
        for known in sorted({**self.paths, **self.sources}, key=len, reverse=True):
            if known and known in s:
                s = s.replace(known, self.paths.get(known) or self.sources[known])
        for secret in sorted(self.secrets, key=len, reverse=True):
            s = s.replace(secret, "(removed)")
        s = _ABS_PATH.sub(lambda m: PurePath(m.group(0).rstrip("/\\")).name or "a file", s)
        s = _MENTION.sub(lambda m: "@" + self.user(m.group(1)).replace(" ", "-"), s)
        for key in sorted(set(self.users) | self.own, key=len, reverse=True):
            # Only what looks like a handle, so a child's name that is also an account stays.
            if len(key) >= 4 or re.search(r"[._\d-]", key):
                label = YOUR_ACCOUNT if key in self.own else self.users[key]
                s = re.sub(rf"(?<![\w.]){re.escape(key)}(?![\w])", label, s, flags=re.IGNORECASE)
        s = _LONG_DECIMAL.sub(lambda m: f"{float(m.group(1)):.{SHARE_DECIMALS}f}", s)
        for pattern, repl in _PRECISION_CLAUSES:
            s = pattern.sub(repl, s)
        return s

    def value(self, v: Any, key: str = "") -> Any:
        if isinstance(v, float):
            return round(v, SHARE_DECIMALS)
        if isinstance(v, str):
            return self.user(v) if key in USER_KEYS else self.text(v)
        if isinstance(v, Mapping):
            return {
                k: self.value(x, str(k))
                for k, x in v.items()
                if str(k) not in DROPPED_KEYS and str(k) not in DROPPED_ID_KEYS
            }
        if isinstance(v, (list, tuple)):
            items = [self.value(x, key) for x in v]
            return items if isinstance(v, list) else tuple(items)
        return v

    # ------------------------------------------------------------------ model objects

    def _redact_value(self, finding: Finding) -> FindingValue | None:
        """The one place that reads a finding's typed ``value`` for redaction: text fields are
        redacted like any text, numbers rounded, identifying fields emptied, and where in the
        caption a name stood is dropped (the offsets no longer fit the redacted text)."""
        value = finding.value
        if value is None or isinstance(value, CommentRiskValue):
            return value  # a reason code such as "unknown_commenter"
        changes: dict[str, Any] = {}
        for fld in fields(value):
            x = getattr(value, fld.name)
            if fld.name in DROPPED_VALUE_FIELDS:
                changes[fld.name] = () if isinstance(x, tuple) else None
            elif not isinstance(x, Enum):
                changes[fld.name] = self.value(x, fld.name)
        return replace(value, **changes)

    def finding(self, f: Finding) -> Finding:
        return replace(
            f,
            summary=self.text(f.summary),
            value=self._redact_value(f),
            child=f.child,
            evidence=self.value(dict(f.evidence)),
        )

    def fact(self, f: Fact) -> Fact:
        return replace(
            f,
            value=self.text(f.value),
            lat=None if f.lat is None else round(f.lat, SHARE_DECIMALS),
            lon=None if f.lon is None else round(f.lon, SHARE_DECIMALS),
            sentence=self.text(f.sentence),
            detail=self.text(f.detail),
        )

    def post(self, p: Post) -> Post:
        geotag = None
        if p.geotag is not None:
            g = p.geotag
            geotag = Geotag(
                name=self.text(g.name) if g.name else None,
                lat=None if g.lat is None else round(g.lat, SHARE_DECIMALS),
                lon=None if g.lon is None else round(g.lon, SHARE_DECIMALS),
            )
        return replace(
            p,
            source=self.sources.get(p.source, "source"),
            also_in=tuple(self.sources.get(s, "source") for s in p.also_in),
            url=None,
            caption=self.text(p.caption),
            media=tuple(
                Media(
                    path=self.paths.get(m.path, "file"),
                    kind=m.kind,
                    url=None,
                    alt_text=self.text(m.alt_text or "") or None,
                )
                for m in p.media
            ),
            geotag=geotag,
            tagged_users=tuple(self.user(u) for u in p.tagged_users),
            comments=tuple(
                Comment(author=self.user(c.author), text=self.text(c.text), created_at=c.created_at)
                for c in p.comments
            ),
            raw={},
            author=self.user(p.author) if p.author else None,
        )

    def error(self, e: ErrorRecord) -> ErrorRecord:
        return ErrorRecord(where=self.text(e.where), message=self.text(e.message), hint=self.text(e.hint))


def _device_values(finding: Finding) -> list[str]:
    """Serial numbers, owner names, the upload address and the phone id a device finding
    carries, to redact wherever they recur."""
    value = finding.value
    if not isinstance(value, DeviceValue):
        return []
    found = [v for _, v in value.serials]
    found += [v for v in (value.owner, value.copyright, value.upload_ip, value.device_id) if v]
    return [x for x in found if len(x.strip()) >= 3]


def _handle_of(location: str) -> str | None:
    """The account name in a source the user named: instagram:USER, mastodon:@u@host, ..."""
    if ":" not in location or location.lower().startswith(("http://", "https://")):
        name = PurePath(location).name if "/" in location or "\\" in location else ""
        return name or None
    handle = location.split(":", 1)[1].strip().lstrip("@")
    return handle.split("@", 1)[0] or None


def redact(result: AuditResult) -> AuditResult:
    """The shareable copy of ``result``: see the module docstring for what changes."""
    r = _Redactor(result)
    return replace(
        result,
        sources=tuple(
            SourceSummary(kind=s.kind, location=r.sources[s.location], posts=s.posts) for s in result.sources
        ),
        posts=tuple(r.post(p) for p in result.posts),
        findings=tuple(r.finding(f) for f in result.findings),
        facts=tuple(r.fact(f) for f in result.facts),
        errors=tuple(r.error(e) for e in result.errors),
        notes=tuple(r.text(n) for n in result.notes),
    )


def media_files(result: AuditResult) -> dict[tuple[str, int], str]:
    """Where each media item's pixels are, by (post id, index): read by the renderer only."""
    return {(p.id, i): m.path for p in result.posts for i, m in enumerate(p.media)}
