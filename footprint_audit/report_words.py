"""The report's words: what a parent reads instead of numbers, paths and ids. Confidence as
certain / likely / possible, posts named by date, sources by what they are ("Instagram download
(sophie.and.mia)"), thumbnails by file name, and the headline after the big number."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from pathlib import PurePath

from .models import AuditResult
from .redact import SOURCE_LABELS


def sure(confidence: float) -> str:
    """Confidence in words: a parent reads "likely", not "87%"."""
    return "certain" if confidence >= 0.9 else "likely" if confidence >= 0.6 else "possible"


_PERCENT = re.compile(r"\s*\((?:face match|match|confidence)?\s*(\d{1,3})\s?%\)|(\d{1,3})\s?% sure")


def plain(text: str) -> str:
    """A sentence with percentages of certainty said in words ("(face match 87%)" -> "(likely)")."""

    def word(m: re.Match[str]) -> str:
        value = int(m.group(1) or m.group(2)) / 100
        return f" ({sure(value)})" if m.group(1) else sure(value)

    return _PERCENT.sub(word, text)


def human_date(iso: str | None) -> str | None:
    """ "2024-05-14T07:05:00+00:00" -> "14 May 2024": how a post is named in the report."""
    if not iso:
        return None
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return f"{dt.day} {dt:%b %Y}"


def headline(result: AuditResult) -> str:
    """The words after the big number: "things a stranger can learn about Mia from 23 posts"."""
    per_child = Counter(f.child for f in result.facts if f.child)
    names = [name for name, _ in per_child.most_common()]
    who = " and ".join(names[:2]) + (f" and {len(names) - 2} more" if len(names) > 2 else "")
    total = len(result.posts)
    public = sum(1 for p in result.posts if p.visibility == "public")
    things = "thing" if len(result.facts) == 1 else "things"
    where = (
        f"{total} public post{'' if total == 1 else 's'}"
        if public == total and total
        else (f"{total} post{'' if total == 1 else 's'}" + (f" ({public} public)" if public else ""))
    )
    return f"{things} a stranger can learn about {who or 'your child'} from {where}"


def source_words(kind: str, location: str, share: bool) -> str:
    """A source in plain words, never a path: "Instagram download (sophie.and.mia)"."""
    label = SOURCE_LABELS.get(kind, "")
    if share or not location:
        return location if not label else label
    name = PurePath(location.rstrip("/\\")).name or location
    if location.startswith(("http://", "https://")):
        name = location
    return f"{label} ({name})" if label else name


def thumb_labels(result: AuditResult) -> dict[str, str]:
    """The label under each thumbnail: the photo's file name (no folder)."""
    out = {}
    for post in result.posts:
        for m in post.media:
            if m.path:
                out[post.id] = PurePath(m.path).name
                break
    return out
