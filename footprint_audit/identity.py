"""Post identity: every post a stranger can see is reported exactly once, and none is lost.

Two things used to go wrong. A photo folder names a post by a hash of its bytes (stable
across renames), so two photos with identical bytes and different captions had one id and
the second post vanished with no note. And one account scanned two ways (an instaloader
download and the Instagram data export) listed every post twice.

:class:`PostIndex` takes posts as the collectors yield them:

- the same id with the same content (a post yielded and also found in the cache, or a
  byte-identical copy of a photo with the same caption) is one post; copies are counted in a
  note;
- the same id with different content (the same photo with another caption) is a second post
  under a derived, stable id, also counted in a note.

:func:`merge_sources` then finds the same post coming from two sources: by the platform's
link when both have one, else by the time it was posted (within a minute) with the same
caption and number of photos, or, without a caption, the same photo bytes. The post of the
first source named is kept, lists the other source in ``also_in`` and takes what only the
other had (a place tag, a link); a note says how many were merged.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC

from .context import RunContext
from .models import Post
from .paths import file_sha256

#: Posts within this many seconds of each other may be the same post seen by two sources.
SAME_TIME_S = 60


def _content(post: Post) -> tuple[object, ...]:
    """What makes two posts with one id the same post: not where their files are, nor when a
    copy of a file was made (a file's modification time)."""
    when = None if post.time_source in ("file-mtime", "unknown") else post.taken_at
    return (post.caption.strip(), when, post.geotag, post.tagged_users, len(post.media))


def _derived_id(post: Post) -> str:
    """A second post under a taken id: named by its content, so it is stable across runs and
    two copies of it get the same id."""
    digest = hashlib.sha256(repr(_content(post)).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{post.id}~{digest}"


@dataclass
class PostIndex:
    """The posts of a run so far, by id, in the order first seen."""

    posts: list[Post] = field(default_factory=list)
    _by_id: dict[str, Post] = field(default_factory=dict)
    copies: int = 0
    recaptioned: int = 0

    def add(self, post: Post) -> bool:
        """Take ``post``; True when it is a post not seen before (counted for its source)."""
        old = self._by_id.get(post.id)
        if old is not None and _content(old) != _content(post):
            post = replace(post, id=_derived_id(post))
            old = self._by_id.get(post.id)
            if old is None:
                self.recaptioned += 1
        if old is not None:
            if [m.path for m in old.media] != [m.path for m in post.media]:
                self.copies += 1
            return False
        self._by_id[post.id] = post
        self.posts.append(post)
        return True

    def notes(self) -> list[str]:
        out = []
        if self.copies:
            out.append(
                f"{self.copies} file(s) were exact copies of another photo with the same caption; "
                "each photo is reported once."
            )
        if self.recaptioned:
            out.append(
                f"{self.recaptioned} photo(s) have the same bytes as another photo but a different "
                "caption; each is reported as its own post."
            )
        return out


def _norm_caption(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _norm_url(url: str | None) -> str | None:
    if not url:
        return None
    return url.split("?", 1)[0].split("#", 1)[0].rstrip("/").lower().replace("://www.", "://")


def _media_hashes(post: Post) -> tuple[str, ...] | None:
    """The post's photos' hashes, in no particular order; None when one cannot be read."""
    hashes = [file_sha256(m.path) for m in post.media]
    return None if None in hashes else tuple(sorted(h for h in hashes if h is not None))


def _same_post(a: Post, b: Post) -> bool:
    ua, ub = _norm_url(a.url), _norm_url(b.url)
    if ua and ub:
        return ua == ub
    if a.taken_at is None or b.taken_at is None or a.taken_at.tzinfo is None or b.taken_at.tzinfo is None:
        return False
    if abs((a.taken_at.astimezone(UTC) - b.taken_at.astimezone(UTC)).total_seconds()) > SAME_TIME_S:
        return False
    if len(a.media) != len(b.media):
        return False
    ca, cb = _norm_caption(a.caption), _norm_caption(b.caption)
    if ca or cb:
        return ca == cb
    if not a.media:
        return False
    mine = _media_hashes(a)
    return mine is not None and mine == _media_hashes(b)


def _merged(keep: Post, other: Post) -> Post:
    return replace(
        keep,
        also_in=(*keep.also_in, *(s for s in (other.source, *other.also_in) if s not in keep.also_in)),
        url=keep.url or other.url,
        geotag=keep.geotag or other.geotag,
        visibility=keep.visibility if keep.visibility != "unknown" else other.visibility,
        tagged_users=tuple(dict.fromkeys((*keep.tagged_users, *other.tagged_users))),
        comments=keep.comments if len(keep.comments) >= len(other.comments) else other.comments,
    )


def merge_sources(posts: Sequence[Post], run: RunContext) -> list[Post]:
    """``posts`` with the same post from two sources merged into one (see the module docstring).

    ``posts`` come in the order the sources were named. Only posts of different sources that
    share a link or fall in neighbouring one-minute buckets are compared, so a large account
    is not compared pair by pair."""
    out: list[Post] = []
    by_url: dict[str, int] = {}
    buckets: dict[int, list[int]] = {}
    merged = 0
    for post in posts:
        match = None
        url = _norm_url(post.url)
        timed = post.taken_at is not None and post.taken_at.tzinfo is not None
        if url and url in by_url and out[by_url[url]].source != post.source:
            match = by_url[url]
        elif timed:
            assert post.taken_at is not None
            k = int(post.taken_at.timestamp() // SAME_TIME_S)
            near = (i for b in (k - 1, k, k + 1) for i in buckets.get(b, ()))
            match = next((i for i in near if out[i].source != post.source and _same_post(out[i], post)), None)
        if match is not None:
            out[match] = _merged(out[match], post)
            merged += 1
            continue
        out.append(post)
        if url:
            by_url.setdefault(url, len(out) - 1)
        if timed:
            assert post.taken_at is not None
            buckets.setdefault(int(post.taken_at.timestamp() // SAME_TIME_S), []).append(len(out) - 1)
    if merged:
        run.note(
            f"{merged} post(s) were found in two sources (for example a download and a data export of "
            "the same account) and are reported once, listing both sources."
        )
    return out
