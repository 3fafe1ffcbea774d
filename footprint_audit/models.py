"""The data model every part of footprint-audit speaks.

Collectors produce :class:`Post`; analyzers turn a post into :class:`Finding`; the dossier
joins findings into :class:`Fact`; :func:`footprint_audit.audit` returns an
:class:`AuditResult` that the renderer reads. All are frozen: once made, nobody edits them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from .findings import FindingValue, check_value, value_to_json

Severity = Literal["low", "medium", "high"]
Visibility = Literal["public", "followers", "private", "unknown"]
MediaKind = Literal["image", "video"]

#: Finding categories, as fixed by report.schema.json.
CATEGORIES: tuple[str, ...] = (
    "face",
    "child_face",
    "enrolled_child_face",
    "other_child_face",
    "gps_exif",
    "geotag",
    "place_mention",
    "text_in_image",
    "person_name",
    "child_name",
    "school",
    "uniform",
    "age_or_birthday",
    "routine_hint",
    "sensitive_image",
    "hashtag",
    "tagged_user",
    "comment_risk",
    "device_metadata",
)

#: Fact kinds, as fixed by report.schema.json.
FACT_KINDS: tuple[str, ...] = (
    "child_name",
    "birthday",
    "age",
    "school",
    "uniform",
    "home_area",
    "routine",
    "frequent_place",
    "other_child",
    "appearance",
)

SEVERITY_RANK: dict[str, int] = {"low": 1, "medium": 2, "high": 3}


@dataclass(frozen=True)
class Media:
    """One photo or video of a post, as a local file."""

    path: str
    kind: MediaKind = "image"
    url: str | None = None
    alt_text: str | None = None


@dataclass(frozen=True)
class Geotag:
    """A location the platform attached to a post (not EXIF GPS)."""

    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    id: str | None = None
    slug: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class Comment:
    author: str
    text: str
    created_at: datetime | None = None
    id: str | None = None


@dataclass(frozen=True)
class Post:
    """One post (or one loose photo) from one source.

    ``raw`` keeps the platform's original record so nothing is lost between runs.
    ``time_source`` says where ``taken_at`` came from: ``platform``, ``exif`` (with
    offset), ``exif-gps`` (no offset in the file; zone from the photo's own GPS position),
    ``exif-local`` (no offset: wall-clock time; the zone of ``AuditOptions.timezone`` when
    set, else none), ``file-name`` (instaloader's UTC file name), ``file-mtime`` or ``unknown``.
    ``taken_at`` is timezone-aware, except that it may be naive ONLY when
    ``time_source == "exif-local"`` (a camera wall clock whose zone nobody knows).
    """

    id: str
    source: str
    url: str | None = None
    taken_at: datetime | None = None
    caption: str = ""
    media: tuple[Media, ...] = ()
    geotag: Geotag | None = None
    tagged_users: tuple[str, ...] = ()
    comments: tuple[Comment, ...] = ()
    visibility: Visibility = "unknown"
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False)
    time_source: str = "platform"
    author: str | None = None
    #: Other sources in which this same post was found (see footprint_audit.identity).
    also_in: tuple[str, ...] = ()


def _stable_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


@dataclass(frozen=True)
class Finding:
    """What one analyzer saw in one post (or one media item of it).

    ``summary`` is one sentence a parent understands. ``value`` is what was found, typed by
    category (see :mod:`footprint_audit.findings`); everything the dossier and the report use is
    a field of it. ``evidence`` says where exactly (caption span, EXIF tag, face box, OCR text)
    for the report's provenance; only the analyzer that wrote it reads it.
    """

    post_id: str
    media_index: int | None
    analyzer: str
    category: str
    severity: Severity
    confidence: float
    summary: str
    value: FindingValue | None = None
    child: str | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown finding category {self.category!r}")
        if self.severity not in SEVERITY_RANK:
            raise ValueError(f"unknown severity {self.severity!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside [0, 1]")
        check_value(self.category, self.value)

    @property
    def id(self) -> str:
        """Stable across runs: the same finding on the same post gets the same id."""
        key = _stable_json(
            [
                self.post_id,
                self.media_index,
                self.analyzer,
                self.category,
                value_to_json(self.category, self.value),
                dict(self.evidence),
            ]
        )
        return "f-" + hashlib.sha256(key.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Fact:
    """Something the dossier inferred across posts; ``evidence_post_ids`` prove it."""

    kind: str
    value: str
    child: str | None
    confidence: float
    evidence_post_ids: tuple[str, ...]
    lat: float | None = None
    lon: float | None = None
    weekday: str | None = None
    time_of_day: str | None = None
    #: Plain sentence for the report ("She goes to Oakfield Primary School.").
    sentence: str = ""
    #: How the fact was derived and how sure it is, in plain words.
    detail: str = ""

    def __post_init__(self) -> None:
        if self.kind not in FACT_KINDS:
            raise ValueError(f"unknown fact kind {self.kind!r}")
        if not self.evidence_post_ids:
            raise ValueError("a fact needs at least one evidence post")


@dataclass(frozen=True)
class ErrorRecord:
    """A per-item problem: the run went on without this item."""

    where: str
    message: str
    hint: str = ""


@dataclass(frozen=True)
class SourceSummary:
    kind: str
    location: str
    posts: int


@dataclass(frozen=True)
class PostRisk:
    score: float
    level: Severity
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuditResult:
    sources: tuple[SourceSummary, ...]
    posts: tuple[Post, ...]
    findings: tuple[Finding, ...]
    facts: tuple[Fact, ...]
    errors: tuple[ErrorRecord, ...]
    risks: Mapping[str, PostRisk] = field(default_factory=dict)
    generated_at: datetime | None = None
    #: Free-form notes from the run (e.g. which time zone was used), shown in the report.
    notes: tuple[str, ...] = ()
    #: Posts first seen since the last finished scan of their source (empty on a first scan).
    new_post_ids: tuple[str, ...] = ()
