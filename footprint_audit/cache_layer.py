"""The cache as a layer: wrappers that give a collector and an analyzer the local cache, so
the pipeline's steps read the same with or without one (footprint_audit.cache is the store).

:class:`CachedCollector` commits each post the moment the collector yields it (a run killed
half-way loses nothing), records the scan, forgets what a full listing no longer has, and,
when the collector fetched only what was new or stopped early, adds the posts earlier runs
kept. :class:`CachedAnalyzer` answers from earlier results whose key matches: the post's
content, the analyzer's version, what it declares it depends on, and for a batch-scoped
analyzer the whole set of posts (see footprint_audit.analyzer).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .analyzer import Analyzer
from .cache import Cache, source_key

if TYPE_CHECKING:
    from .context import PostContext, RunContext, ScanLog
    from .models import Finding, Post
    from .registry import Collector


class CachedCollector:
    """``collector`` with every post committed to ``cache`` as it arrives."""

    def __init__(self, collector: Collector, cache: Cache, log: ScanLog) -> None:
        self.inner = collector
        self.kind = collector.kind
        self.cache = cache
        self.log = log

    def matches(self, spec: str) -> bool:
        return self.inner.matches(spec)

    def collect(self, spec: str, run: RunContext) -> Iterator[Post]:
        cache, key = self.cache, source_key(spec)
        last_done = cache.last_finished_scan(key)
        scan_id = cache.begin_scan(key, self.kind, resume=run.options.resume)
        yielded: set[str] = set()
        failure: Exception | None = None
        try:
            for post in self.inner.collect(spec, run):
                cache.put_post(key, post, scan_id)
                yielded.add(post.id)
                yield post
        except Exception as exc:  # re-raised below, after the posts kept earlier are added
            failure = exc
        if failure is None:
            cache.finish_scan(scan_id)
        if failure is None and not getattr(self.inner, "incremental", False):
            # A full listing (a folder, an export): what it no longer has was removed.
            cache.forget(key, cache.known_ids(key) - yielded)
        else:
            yield from (p for p in cache.posts(key) if p.id not in yielded)
        if last_done is None:
            self.log.first_scans.append(spec)
        else:
            fresh = cache.first_seen_after(key, last_done)
            self.log.new_post_ids.extend(pid for pid in yielded if pid in fresh)
        if failure is not None:
            raise failure


class CachedAnalyzer(Analyzer):
    """``analyzer`` answering from ``cache`` where an earlier result's key matches."""

    def __init__(self, analyzer: Analyzer, cache: Cache) -> None:
        self.inner = analyzer
        self.cache = cache
        self.name = analyzer.name
        self.version = analyzer.version
        self.categories = analyzer.categories
        self.cache_scope = analyzer.cache_scope
        self.depends_on = analyzer.depends_on
        self.image_tasks = analyzer.image_tasks
        self._keys: dict[str, str] = {}
        self._hits: dict[str, list[Finding]] = {}
        self._result_version = ""

    def needs_analysis(self, post: Post) -> bool:
        """False when this post's findings come from the cache (no image work needed)."""
        return post.id not in self._hits

    @property
    def reused(self) -> set[str]:
        """Ids of the posts answered from the cache."""
        return set(self._hits)

    def load(self, posts: Sequence[Post], run: RunContext) -> None:
        # A post's key hashes its fields and media: worked out once per run, for every analyzer.
        known: dict[str, str] = run.memo("cache_layer.post_keys", dict)
        for p in posts:
            if p.id not in known:
                known[p.id] = self.cache.post_key(p)
        self._keys = {p.id: known[p.id] for p in posts}
        batch = hashlib.sha256("\n".join(sorted(self._keys.values())).encode()).hexdigest()[:16]
        scope = batch if self.cache_scope == "batch" else "post"
        self._result_version = f"{self.version}|{self.inner.dependency_token(run)}|{scope}"
        for p in posts:
            hit = self.cache.get_results(self._keys[p.id], self.name, self._result_version)
            if hit is not None:
                self._hits[p.id] = hit
        if self.cache_scope == "batch":
            # The key holds the whole set of posts: when it answers every post, the set is the
            # one analysed before and the batch work (spaCy over every caption) is not redone.
            if posts and len(self._hits) == len(posts):
                self.inner.load_cached(posts, run)
            else:
                self.inner.load(posts, run)  # it sees every post, as without a cache
        if self.cache_scope == "post":
            todo = [p for p in posts if p.id not in self._hits]
            if todo:
                self.inner.load(todo, run)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        if post.id in self._hits:
            return self._hits[post.id]
        errors_before = len(ctx.run.errors)
        found = list(self.inner.analyze(post, ctx))
        if post.id in self._keys and len(ctx.run.errors) == errors_before:
            # Only clean results are kept: a post that hit an error is retried next run.
            self.cache.put_results(self._keys[post.id], self.name, self._result_version, found)
        return found

    def dependency_token(self, run: RunContext) -> str:
        return self.inner.dependency_token(run)
