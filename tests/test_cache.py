from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from collectors._shared import incremental_pages
from footprint_audit.analyzer import Analyzer, CacheScope
from footprint_audit.cache import (
    Cache,
    cache_path,
    clear,
    post_from_dict,
    post_to_dict,
    source_key,
)
from footprint_audit.context import AuditOptions, PostContext, RunContext
from footprint_audit.errors import RateLimited
from footprint_audit.models import Comment, Finding, Geotag, Media, Post
from footprint_audit.pipeline import audit
from tests.fakes import BrokenAnalyzer, CaptionWordAnalyzer, ListCollector, make_post


def test_post_round_trip_keeps_everything() -> None:
    post = Post(
        id="p1",
        source="mastodon",
        url="https://x/1",
        taken_at=datetime(2024, 6, 1, 8, 0, tzinfo=UTC),
        caption="Café ☕",
        media=(Media("/m/a.jpg", "image", "https://x/a.jpg", "alt"), Media("/m/b.mp4", "video")),
        geotag=Geotag(name=None, lat=51.5, lon=-0.1),
        tagged_users=("gran",),
        comments=(Comment("stranger", "where?", datetime(2024, 6, 1, 9, tzinfo=UTC), "c1"),),
        visibility="followers",
        raw={"nested": {"list": [1, 2]}},
        time_source="exif",
        author="sam",
    )
    back = post_from_dict(post_to_dict(post))
    assert back == post and back.raw == post.raw


def test_cache_file_is_owner_only_and_wal(tmp_path: Path) -> None:
    cache = Cache.open(tmp_path)
    cache.put_post("s", make_post("a"), cache.begin_scan("s", "photo-folder"))
    assert cache.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    cache.close()
    path = cache_path(tmp_path)
    assert path.stat().st_mode & 0o077 == 0
    assert path.parent.stat().st_mode & 0o077 == 0
    assert path in clear(tmp_path) and not path.exists()


def test_cache_clear_leaves_no_photo_or_face_encoding(tmp_path: Path, test_data: Path) -> None:
    """Issue 14: `cache --clear` left face encodings (other people's children's too) and the
    photos collectors downloaded or extracted."""
    import shutil

    from typer.testing import CliRunner

    from footprint_audit.cli import app
    from footprint_audit.enrollment import enroll, store_path

    photo = test_data / "faces/test_images/obama.jpg"
    folder = tmp_path / "photos"
    folder.mkdir()
    shutil.copy(photo, folder / "a.jpg")
    profile = tmp_path / "profile"
    enroll("Barack", [test_data / "faces/test_images/obama2.jpg"], profile=profile)
    media = profile / "media" / "mastodon" / "someone"
    media.mkdir(parents=True)
    shutil.copy(photo, media / "1.jpg")  # as a collector would have downloaded it
    runner = CliRunner()
    scan = runner.invoke(app, ["scan", str(folder), "--profile", str(profile), "--out", str(tmp_path / "r")])
    assert scan.exit_code == 0, scan.output
    assert list((profile / "image-cache").rglob("*.json"))  # face results with encodings
    res = runner.invoke(app, ["cache", "--clear", "--profile", str(profile)])
    assert res.exit_code == 0 and "Enrolled children were kept" in res.output
    left = [p.relative_to(profile) for p in profile.rglob("*") if p.is_file()]
    assert left == [store_path(profile).relative_to(profile)], left
    res = runner.invoke(app, ["cache", "--clear", "--all", "--profile", str(profile)])
    assert res.exit_code == 0
    assert [p for p in profile.rglob("*") if p.is_file()] == []


def test_damaged_cache_is_set_aside(tmp_path: Path) -> None:
    path = cache_path(tmp_path)
    path.write_bytes(b"this is not a database" * 100)
    cache = Cache.open(tmp_path)
    assert cache.known_ids("s") == set()
    cache.close()
    assert list(tmp_path.glob("cache.damaged-*"))


def test_source_key_normalises() -> None:
    assert source_key("mastodon:@Sam@Social.Example") == "mastodon:@sam@social.example"
    assert source_key("https://blog.example/") == "https://blog.example"
    assert source_key(".") == str(Path.cwd())


@dataclass
class CountingAnalyzer(Analyzer):
    name: str = "counting"
    version: str = "1"
    categories: tuple[str, ...] = ("child_name",)
    seen: list[str] = field(default_factory=list)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        self.seen.append(post.id)
        return CaptionWordAnalyzer("Mia", name=self.name).analyze(post, ctx)


def _opts(**kw: object) -> AuditOptions:
    return AuditOptions(**kw)  # type: ignore[arg-type]


def test_second_scan_reuses_analysis_of_unchanged_posts() -> None:
    posts = [make_post("a", "Mia at the park"), make_post("b", "cake")]
    a1 = CountingAnalyzer()
    first = audit(["list:x"], analyzers=[a1], collectors=[ListCollector(posts)])
    assert sorted(a1.seen) == ["a", "b"] and len(first.findings) == 1
    changed = [make_post("a", "Mia at the park"), make_post("b", "cake with Mia")]
    a2 = CountingAnalyzer()
    second = audit(["list:x"], analyzers=[a2], collectors=[ListCollector(changed)])
    assert a2.seen == ["b"]  # only the changed post is analysed again
    assert sorted(f.post_id for f in second.findings) == ["a", "b"]
    assert any("Reused earlier analysis of 1" in n for n in second.notes)
    a3 = CountingAnalyzer(version="2")
    audit(["list:x"], analyzers=[a3], collectors=[ListCollector(changed)])
    assert sorted(a3.seen) == ["a", "b"]  # a new analyzer version recomputes


def test_media_change_invalidates_results(tmp_path: Path) -> None:
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"one")
    post = make_post("a", "Mia", media=(Media(str(photo)),))
    a1 = CountingAnalyzer()
    audit(["list:x"], analyzers=[a1], collectors=[ListCollector([post])])
    photo.write_bytes(b"two!")
    os.utime(photo, ns=(1, 1))
    a2 = CountingAnalyzer()
    audit(["list:x"], analyzers=[a2], collectors=[ListCollector([post])])
    assert a2.seen == ["a"]


def test_failed_analysis_is_not_cached() -> None:
    posts = [make_post("a", "Mia")]
    for _ in range(2):
        result = audit(["list:x"], analyzers=[BrokenAnalyzer()], collectors=[ListCollector(posts)])
        assert len(result.errors) == 1


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    audit(
        ["list:x"],
        analyzers=[],
        collectors=[ListCollector([make_post("a")])],
        options=_opts(data_dir=tmp_path, use_cache=False),
    )
    assert not cache_path(tmp_path).exists()


def test_interrupted_source_keeps_cached_posts_and_full_listing_forgets_removed() -> None:
    posts = [make_post(p) for p in "abcd"]
    first = audit(["list:x"], analyzers=[], collectors=[ListCollector(posts, fail_after=2)])
    assert [p.id for p in first.posts] == ["a", "b"] and len(first.errors) == 1
    # the source shrank; a finished full listing drops what is gone
    second = audit(["list:x"], analyzers=[], collectors=[ListCollector(posts[1:])])
    assert [p.id for p in second.posts] == ["b", "c", "d"]
    assert second.new_post_ids == ()  # the first scan never finished: nothing to compare with
    third = audit(["list:x"], analyzers=[], collectors=[ListCollector(posts[1:] + [make_post("e")])])
    assert third.new_post_ids == ("e",)
    assert "1 post(s) are new since the last scan." in third.notes


# ---- incremental paging --------------------------------------------------------------------


class Feed:
    """Newest-first items 'N'..'1' in pages of 2; cursor = index of the next page's first item."""

    def __init__(self, n: int, fail_at_cursor: str | None = None) -> None:
        self.items = [str(i) for i in range(n, 0, -1)]
        self.fail_at_cursor = fail_at_cursor
        self.fetched: list[str | None] = []

    def add_new(self, k: int) -> None:
        top = int(self.items[0])
        self.items = [str(i) for i in range(top + k, top, -1)] + self.items

    def page(self, cursor: str | None) -> tuple[list[str], str | None]:
        self.fetched.append(cursor)
        if cursor is not None and cursor == self.fail_at_cursor:
            self.fail_at_cursor = None
            raise RateLimited("slow down")
        # cursor names the first item of the page (stable when new items arrive on top)
        start = 0 if cursor is None else self.items.index(cursor)
        page = self.items[start : start + 2]
        nxt = self.items[start + 2] if start + 2 < len(self.items) else None
        return page, nxt


def _walk(run: RunContext, feed: Feed, cache: Cache, scan: int) -> list[str]:
    out = []
    it: Iterator[str] = incremental_pages(run, "feed:x", feed.page, lambda s: s)
    try:
        for item in it:
            cache.put_post(source_key("feed:x"), make_post(item), scan)
            out.append(item)
    except RateLimited:
        pass
    return out


def test_incremental_pages_resume_and_head_walk(tmp_path: Path) -> None:
    run = RunContext(AuditOptions(data_dir=tmp_path))
    cache = run.cache = Cache.open(tmp_path)
    feed = Feed(9, fail_at_cursor="5")
    assert _walk(run, feed, cache, 1) == ["9", "8", "7", "6"]  # stopped by a rate limit at page 3
    feed.add_new(1)  # "10" published meanwhile
    feed.fetched.clear()
    assert _walk(run, feed, cache, 2) == ["10", "5", "4", "3", "2", "1"]
    assert feed.fetched[:2] == [None, "5"]  # the head, then straight to where it stopped
    feed.fetched.clear()
    assert _walk(run, feed, cache, 3) == []
    assert feed.fetched == [None]  # complete history: one page to learn nothing is new
    # a head walk over a complete history that is itself interrupted
    feed.add_new(5)  # 11..15
    feed.fail_at_cursor = "13"
    assert _walk(run, feed, cache, 4) == ["15", "14"]
    feed.fetched.clear()
    assert _walk(run, feed, cache, 5) == ["13", "12", "11"]
    assert "1" not in [c for c in feed.fetched if c]  # stopped at the old history, not walked to the end
    assert cache.known_ids(source_key("feed:x")) == {str(i) for i in range(1, 16)}
    cache.close()


def test_max_posts_bounds_a_run(tmp_path: Path) -> None:
    run = RunContext(AuditOptions(data_dir=tmp_path, max_posts=3))
    cache = run.cache = Cache.open(tmp_path)
    feed = Feed(9)
    assert _walk(run, feed, cache, 1) == ["9", "8", "7"]
    run.options.max_posts = None
    assert _walk(run, feed, cache, 2) == ["6", "5", "4", "3", "2", "1"]
    cache.close()


def test_no_resume_starts_afresh(tmp_path: Path) -> None:
    cache = Cache.open(tmp_path)
    key = source_key("feed:x")
    cache.put_post(key, make_post("1"), cache.begin_scan(key, "mastodon"))
    cache.set_state(key, {"complete": True})
    cache.begin_scan(key, "mastodon", resume=False)
    assert cache.known_ids(key) == set() and cache.get_state(key) == {}
    cache.close()


def test_concurrent_reader_sees_committed_posts(tmp_path: Path) -> None:
    cache = Cache.open(tmp_path)
    scan = cache.begin_scan("s", "photo-folder")
    cache.put_post("s", make_post("a"), scan)
    other = sqlite3.connect(cache_path(tmp_path))
    assert other.execute("SELECT post_id FROM posts").fetchall() == [("a",)]
    other.close()
    cache.close()


def test_cache_where_and_clear_cli(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from footprint_audit.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["cache", "--where", "--profile", str(tmp_path)])
    assert res.exit_code == 0 and str(cache_path(tmp_path)) in res.output
    Cache.open(tmp_path).close()
    assert cache_path(tmp_path).exists()
    res = runner.invoke(app, ["cache", "--clear", "--profile", str(tmp_path)])
    assert res.exit_code == 0 and not cache_path(tmp_path).exists()


@dataclass
class LinkingAnalyzer(Analyzer):
    """Like the names analyzer: a name tied to a child in one post counts in every post."""

    name: str = "linking"
    version: str = "1"
    categories: tuple[str, ...] = ("child_name",)
    cache_scope: CacheScope = "batch"
    prepared: list[list[str]] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)

    def load(self, posts: Sequence[Post], run: RunContext) -> None:
        self.prepared.append([p.id for p in posts])
        self.names |= {w for p in posts for w in p.caption.split() if w.istitle() and "daughter" in p.caption}

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        self.seen.append(post.id)
        return [
            f for n in sorted(self.names) for f in CaptionWordAnalyzer(n, name=self.name).analyze(post, ctx)
        ]


def test_batch_analyzer_sees_every_post_and_redoes_when_the_set_changes() -> None:
    old = [make_post("a", "Mia at the park"), make_post("b", "cake")]
    first = LinkingAnalyzer()
    r1 = audit(["list:x"], analyzers=[first, CountingAnalyzer()], collectors=[ListCollector(old)])
    assert [f.analyzer for f in r1.findings] == ["counting"]
    plain = CountingAnalyzer()
    second = LinkingAnalyzer()
    r2 = audit(
        ["list:x"],
        analyzers=[second, plain],
        collectors=[ListCollector([*old, make_post("c", "our daughter Mia turns 5")])],
    )
    assert second.prepared == [["a", "b", "c"]] and sorted(second.seen) == ["a", "b", "c"]
    assert sorted(plain.seen) == ["c"]  # a per-post analyzer only looks at the new post
    # the name learnt from the new post now marks the old post too
    assert sorted(f.post_id for f in r2.findings if f.analyzer == "linking") == ["a", "c"]
    third = LinkingAnalyzer()
    audit(
        ["list:x"],
        analyzers=[third],
        collectors=[ListCollector([*old, make_post("c", "our daughter Mia turns 5")])],
    )
    # Same set: every result reused, and the batch work is not done again.
    assert third.prepared == [] and third.seen == []


def test_per_post_batch_analyzer_and_cache_token() -> None:
    posts = [make_post("a", "Mia"), make_post("b", "cake")]
    audit(["list:x"], analyzers=[LinkingAnalyzer(cache_scope="post")], collectors=[ListCollector(posts)])
    again = LinkingAnalyzer(cache_scope="post")
    audit(["list:x"], analyzers=[again], collectors=[ListCollector([*posts, make_post("c", "new")])])
    assert again.prepared == [["c"]] and again.seen == ["c"]

    class Tokened(CountingAnalyzer):
        token = "enrolled:1"

        def dependency_token(self, run: RunContext) -> str:
            return self.token

    audit(["list:x"], analyzers=[Tokened()], collectors=[ListCollector(posts)])
    same = Tokened()
    audit(["list:x"], analyzers=[same], collectors=[ListCollector(posts)])
    changed = Tokened()
    changed.token = "enrolled:2"
    audit(["list:x"], analyzers=[changed], collectors=[ListCollector(posts)])
    assert same.seen == [] and sorted(changed.seen) == ["a", "b"]


def test_an_unchanged_account_is_not_read_again_by_the_batch_text_analyzers(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A re-scan of the same posts answers the names analyzer (batch-scoped: a name learnt in
    one post counts in all) from the cache without running the language model over every
    caption again, and still says which texts the English model cannot read."""
    from analyzers.names import NamesAnalyzer
    from footprint_audit.engines import text as text_engine

    posts = [make_post("a", "Onze Daan is vandaag 5 jaar geworden!"), make_post("b", "Park day with our Mia")]
    first = audit(["list:x"], analyzers=[NamesAnalyzer()], collectors=[ListCollector(posts)])
    loads: list[int] = []
    real = text_engine.get_nlp
    monkeypatch.setattr(text_engine, "get_nlp", lambda run: loads.append(1) or real(run))
    second = audit(["list:x"], analyzers=[NamesAnalyzer()], collectors=[ListCollector(posts)])
    assert loads == []
    assert [(f.post_id, f.summary) for f in second.findings] == [
        (f.post_id, f.summary) for f in first.findings
    ]
    dutch = [n for n in first.notes if "in Dutch" in n]
    assert dutch and dutch == [n for n in second.notes if "in Dutch" in n]
    # One more post changes the set: the batch is read again.
    audit(
        ["list:x"], analyzers=[NamesAnalyzer()], collectors=[ListCollector([*posts, make_post("c", "Mia")])]
    )
    assert loads
