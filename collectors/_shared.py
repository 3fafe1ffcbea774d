"""What every collector shares: typed resume state, the cache's view for collectors, safe text.

Resume state: a paged, newest-first feed (Mastodon, Bluesky, Instagram through instaloader)
is walked from the top on each run and stops at the first post the cache already has. A
run stopped half-way (a rate limit, a crash, Ctrl-C) leaves a :class:`PageState` in the
cache, so the next run reads the new head and then jumps to where the last one stopped.

Safe text: platform JSON holds lone UTF-16 surrogates (an emoji cut in half), and a file
name that is not UTF-8 reaches Python as surrogate escapes; neither can be written as
UTF-8 (to the cache, the report, the terminal). And a 1 MB caption makes the text
analyzers crawl. :func:`boundary` cleans and bounds every post a collector yields, so the
rest of the program only ever sees text it can encode, of a size it can analyse.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from footprint_audit.cache import Cache, source_key
from footprint_audit.models import Media, Post

if TYPE_CHECKING:
    from footprint_audit.context import RunContext

T = TypeVar("T")

#: Text kept per field (caption, comment, bio). Instagram allows 2,200 characters, Mastodon
#: 500 by default, Bluesky 300; the text analyzers take seconds per post at this size (17 s
#: for all of them at 64 KB), so a pasted book cannot stall a scan.
MAX_TEXT_CHARS = 20_000
#: How deep ``raw`` records are cleaned; a JSON parser refuses deeper input anyway.
_MAX_RAW_DEPTH = 200
_SURROGATE = re.compile("[\ud800-\udfff]")


# ---- safe text ---------------------------------------------------------------------------


def list_items(value: Any) -> list[Any]:
    """``value`` if it is a list as the format says, else no items: platform JSON that holds
    ``true`` or an object where a list belongs is damaged data, not a reason to crash
    (found by tests/test_fuzz.py)."""
    return value if isinstance(value, list) else []


def clean_text(text: str) -> str:
    """``text`` with every lone surrogate (half an emoji, an undecodable byte) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _clean_opt(text: str | None) -> str | None:
    return clean_text(text) if text is not None else None


def clean_raw(value: Any, depth: int = 0) -> Any:
    """A ``raw`` record with its strings (keys too) made encodable; deeper than sane is dropped."""
    if depth > _MAX_RAW_DEPTH:
        return None
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {clean_text(str(k)): clean_raw(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_raw(v, depth + 1) for v in value]
    return value


def _capped(text: str, where: str, field: str, run: RunContext) -> str:
    text = clean_text(text)
    if len(text) <= MAX_TEXT_CHARS:
        return text
    run.error(
        where,
        f"its {field} is {len(text):,} characters long; only the first {MAX_TEXT_CHARS:,} were analysed.",
    )
    return text[:MAX_TEXT_CHARS]


def clean_post(post: Post, run: RunContext) -> Post:
    """The post with encodable text everywhere and each text field bounded (a note per cut)."""
    where = clean_text(post.id)
    geotag = post.geotag
    if geotag is not None:
        geotag = replace(
            geotag,
            name=_clean_opt(geotag.name),
            address=_clean_opt(geotag.address),
            id=_clean_opt(geotag.id),
            slug=_clean_opt(geotag.slug),
        )
    return replace(
        post,
        id=where,
        source=clean_text(post.source),
        url=_clean_opt(post.url),
        caption=_capped(post.caption, where, "caption", run),
        media=tuple(_clean_media(m) for m in post.media),
        geotag=geotag,
        tagged_users=tuple(clean_text(u) for u in post.tagged_users),
        comments=tuple(
            replace(
                c,
                author=clean_text(c.author),
                text=_capped(c.text, where, "comment", run),
                id=_clean_opt(c.id),
            )
            for c in post.comments
        ),
        raw=clean_raw(post.raw),
        author=_clean_opt(post.author),
    )


def _clean_media(media: Media) -> Media:
    # The path is left alone: it must still open the file (collectors hand over only paths
    # that encode, see photo_folder); the alt text is shown and analysed.
    return replace(media, url=_clean_opt(media.url), alt_text=_clean_opt(media.alt_text))


def boundary(
    collect: Callable[[Any, str, RunContext], Iterator[Post]],
) -> Callable[[Any, str, RunContext], Iterator[Post]]:
    """Decorate a collector's ``collect``: every post it yields passes :func:`clean_post`."""

    @functools.wraps(collect)
    def wrapper(self: Any, spec: str, run: RunContext) -> Iterator[Post]:
        for post in collect(self, spec, run):
            yield clean_post(post, run)

    return wrapper


def leaves(path: Path, root: Path) -> bool:
    """True when ``path`` is a link whose target lies outside ``root`` (never followed: a
    scanned folder holding a link to ``/etc/shadow`` must not make us read it)."""
    return path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


LEAVES_FOLDER = "a link to a place outside the scanned folder; not followed."


def encodable(text: str) -> bool:
    """True when ``text`` can be written as UTF-8 (no lone surrogates, no undecodable bytes)."""
    return _SURROGATE.search(text) is None


# ---- what collectors ask the cache -------------------------------------------------------


def run_cache(run: RunContext) -> Cache | None:
    return getattr(run, "cache", None)


def known_ids(run: RunContext, spec: str) -> set[str]:
    """Ids of the posts of ``spec`` already in the cache (empty without a cache)."""
    cache = run_cache(run)
    return cache.known_ids(source_key(spec)) if cache else set()


def cached_post(run: RunContext, spec: str, post_id: str) -> Post | None:
    cache = run_cache(run)
    return cache.get_post(source_key(spec), post_id) if cache else None


@dataclass(frozen=True)
class PageState:
    """Where a newest-first walk of a source stands between runs.

    ``complete``: the whole history is in the cache (the next run stops at the first known
    post). ``cursor``: the page a stopped run was on (a Mastodon ``max_id``, a Bluesky
    cursor). ``frozen``: the same for instaloader, its iterator's frozen state.
    ``base_complete``: the stopped run was a head walk above a complete history, so after
    the jump the walk stops again at the first known post.
    """

    complete: bool = False
    cursor: str | None = None
    frozen: Mapping[str, Any] | None = None
    base_complete: bool = False

    def to_json(self) -> dict[str, Any]:
        if self.complete:
            return {"complete": True}
        out: dict[str, Any] = {"complete": False, "base_complete": self.base_complete}
        if self.cursor is not None:
            out["cursor"] = self.cursor
        if self.frozen is not None:
            out["frozen"] = dict(self.frozen)
        return out

    @classmethod
    def from_json(cls, data: Any) -> PageState:
        """Read a stored state; anything unreadable is a fresh start, never an error."""
        if not isinstance(data, Mapping):
            return cls()
        cursor = data.get("cursor")
        frozen = data.get("frozen")
        return cls(
            complete=data.get("complete") is True,
            cursor=str(cursor) if isinstance(cursor, (str, int)) and not isinstance(cursor, bool) else None,
            frozen=dict(frozen) if isinstance(frozen, Mapping) else None,
            base_complete=data.get("base_complete") is True,
        )


COMPLETE = PageState(complete=True)


def get_state(run: RunContext, spec: str) -> PageState:
    """The saved resume point for ``spec`` (a fresh start without a cache or with --no-resume)."""
    cache = run_cache(run)
    if cache is None or not run.options.resume:
        return PageState()
    return PageState.from_json(cache.get_state(source_key(spec)))


def set_state(run: RunContext, spec: str, state: PageState) -> None:
    cache = run_cache(run)
    if cache is not None:
        cache.set_state(source_key(spec), state.to_json())


Page = tuple[list[T], str | None]


def incremental_pages(
    run: RunContext,
    spec: str,
    fetch_page: Callable[[str | None], Page[T]],
    item_id: Callable[[T], str],
) -> Iterator[T]:
    """Walk a newest-first paged feed, yielding only items the cache does not have yet.

    ``fetch_page(cursor)`` returns (items, next cursor or None at the end). The walk
    remembers, in the source's state, the page it is on, so a run stopped by a rate limit,
    a crash or Ctrl-C continues from there next time:

    - history complete: fetch from the top until the first known item, then stop;
    - history incomplete with a saved cursor: fetch the new head, then jump to the cursor;
    - ``base_complete`` marks a stopped head walk above an already complete history, so
      the walk stops again at the first known item after the jump.
    """
    known = known_ids(run, spec)
    state = get_state(run, spec)
    saved = state.cursor
    limit = run.options.max_posts
    cursor: str | None = None
    jumped = False
    yielded = 0
    while True:
        head_walk = not jumped and not state.complete and saved is not None
        if state.complete:
            set_state(run, spec, PageState(cursor=cursor, base_complete=True))
        elif not head_walk:
            set_state(run, spec, PageState(cursor=cursor, base_complete=state.base_complete))
        items, next_cursor = fetch_page(cursor)
        hit_known = False
        for item in items:
            if item_id(item) in known:
                hit_known = True
                continue
            if limit is not None and yielded >= limit:
                run.note(f"{spec}: stopped after {limit} new posts (--max-posts); the next run continues.")
                return
            yield item
            yielded += 1
        if next_cursor is None or next_cursor == cursor:  # the end (or a server going round in circles)
            set_state(run, spec, COMPLETE)
            return
        # Newest first: when the oldest item of a page is known, so is everything below it.
        oldest_known = bool(items) and item_id(items[-1]) in known
        if oldest_known and (state.complete or (jumped and state.base_complete)):
            set_state(run, spec, COMPLETE)
            return
        if hit_known and head_walk:
            cursor, jumped = saved, True
            continue
        cursor = next_cursor
