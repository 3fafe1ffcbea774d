"""collect -> analyse -> infer -> (render, in report.py). The library API lives here.

The library never prints or exits: it logs, records per-item errors and returns data.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from .analyzer import Analyzer
from .cache import Cache, source_key
from .context import AuditOptions, PostContext, ProgressFn, RunContext
from .errors import BadInput, FootprintError
from .identity import PostIndex, merge_sources
from .models import AuditResult, Finding, Post, SourceSummary
from .registry import Collector, checked_analyzers, default_analyzers, find_collector
from .registry import collectors as builtin_collectors

log = logging.getLogger(__name__)


def collect(
    sources: Sequence[str], run: RunContext, available: Iterable[Collector] | None = None
) -> tuple[list[Post], list[SourceSummary]]:
    """Run the collector of each source. A failing source keeps every post it yielded.

    With a cache (``run.cache``), each post is committed the moment it arrives, so a run
    killed half-way loses nothing; posts cached by earlier runs of a source are added when
    the collector only fetched what was new (``incremental``) or stopped early.
    """
    pool = list(available) if available is not None else builtin_collectors()
    index = PostIndex()
    summaries: list[SourceSummary] = []
    cache = run.cache
    for spec in sources:
        try:
            collector = find_collector(spec, pool)
        except FootprintError as exc:
            run.error(spec, str(exc), exc.hint)
            continue
        key = source_key(spec)
        scan_id = 0
        last_done: int | None = None
        if cache is not None:
            last_done = cache.last_finished_scan(key)
            scan_id = cache.begin_scan(key, collector.kind, resume=run.options.resume)
        yielded: set[str] = set()
        count = 0
        finished = False
        try:
            for post in collector.collect(spec, run):
                if cache is not None:
                    cache.put_post(key, post, scan_id)
                yielded.add(post.id)
                count += _take(post, index, run)
            finished = True
        except FootprintError as exc:
            run.error(spec, str(exc), exc.hint)
        if cache is not None:
            if finished:
                cache.finish_scan(scan_id)
            if finished and not getattr(collector, "incremental", False):
                # A full listing (a folder, an export): what it no longer has was removed.
                cache.forget(key, cache.known_ids(key) - yielded)
            else:
                for post in cache.posts(key):
                    count += _take(post, index, run)
            if last_done is None:
                cache.first_scans.append(spec)
            else:
                fresh = cache.first_seen_after(key, last_done)
                cache.new_post_ids.extend(p.id for p in index.posts if p.id in fresh and p.id in yielded)
        summaries.append(SourceSummary(kind=collector.kind, location=spec, posts=count))
    for note in index.notes():
        run.note(note)
    return merge_sources(index.posts, run), summaries


def _take(post: Post, index: PostIndex, run: RunContext) -> int:
    if not index.add(post):
        return 0
    run.progress("collect", len(index.posts), None)
    return 1


def _run_analyzers(
    post: Post, analyzers: Sequence[Analyzer], run: RunContext
) -> tuple[dict[str, list[Finding]], bool]:
    """Findings per analyzer name for one post, and whether every analyzer ran cleanly."""
    ctx = PostContext(post, run)
    out: dict[str, list[Finding]] = {}
    errors_before = len(run.errors)
    for analyzer in analyzers:
        found: list[Finding] = []
        try:
            found = list(analyzer.analyze(post, ctx))
        except BadInput as exc:
            run.error(post.id, f"{analyzer.name}: {exc}", exc.hint)
        except Exception as exc:  # one analyzer's bug must not lose the rest of the run
            log.debug("analyzer %s failed on %s", analyzer.name, post.id, exc_info=True)
            run.error(post.id, f"{analyzer.name} could not analyse this post ({type(exc).__name__}: {exc}).")
        out[analyzer.name] = found
    return out, len(run.errors) == errors_before


def analyze_post(post: Post, analyzers: Sequence[Analyzer], run: RunContext) -> list[Finding]:
    """All findings for one post; an analyzer that fails becomes an error record."""
    by_analyzer, _clean = _run_analyzers(post, analyzers, run)
    return [f for found in by_analyzer.values() for f in found]


def _result_version(analyzer: Analyzer, run: RunContext, batch: str) -> str:
    """The part of a cached result's key besides the post: the analyzer's version, the
    current value of what it declares it depends on, and for a batch-scoped analyzer the
    whole set of posts."""
    scope = batch if analyzer.cache_scope == "batch" else "post"
    return f"{analyzer.version}|{analyzer.dependency_token(run)}|{scope}"


def _load(analyzer: Analyzer, posts: Sequence[Post], run: RunContext) -> None:
    if not posts:
        return
    try:
        analyzer.load(posts, run)
    except FootprintError:
        raise  # configuration problems (a model that will not load) stop the run
    except Exception as exc:
        log.debug("load of %s failed", analyzer.name, exc_info=True)
        run.error(analyzer.name, f"{analyzer.name} could not prepare ({type(exc).__name__}: {exc}).")


def analyze(posts: Sequence[Post], analyzers: Sequence[Analyzer], run: RunContext) -> list[Finding]:
    """Findings for every post. With a cache, unchanged posts reuse earlier results."""
    cache = run.cache
    if cache is None:
        for analyzer in analyzers:
            _load(analyzer, posts, run)
    cached: dict[tuple[str, str], list[Finding]] = {}
    keys: dict[str, str] = {}
    versions: dict[str, str] = {}
    if cache is not None:
        keys = {post.id: cache.post_key(post) for post in posts}
        batch = hashlib.sha256("\n".join(sorted(keys.values())).encode()).hexdigest()[:16]
        for a in analyzers:
            if a.cache_scope == "batch":
                _load(a, posts, run)  # it sees every post, as without a cache
            versions[a.name] = _result_version(a, run, batch)
            for post in posts:
                hit = cache.get_results(keys[post.id], a.name, versions[a.name])
                if hit is not None:
                    cached[(post.id, a.name)] = hit
            if a.cache_scope == "post":
                _load(a, [p for p in posts if (p.id, a.name) not in cached], run)
        reused = len({pid for pid, _ in cached})
        if reused:
            run.note(f"Reused earlier analysis of {reused} unchanged post(s) from the local cache.")
    findings: list[Finding] = []
    for i, post in enumerate(posts, 1):
        needed = [a for a in analyzers if (post.id, a.name) not in cached]
        fresh, clean = _run_analyzers(post, needed, run) if needed else ({}, True)
        for a in analyzers:
            if a.name in fresh:
                findings.extend(fresh[a.name])
                if cache is not None and clean:
                    # Only clean results are kept: a post that hit an error is retried next run.
                    cache.put_results(keys[post.id], a.name, versions[a.name], fresh[a.name])
            else:
                findings.extend(cached[(post.id, a.name)])
        run.progress("analyse", i, len(posts))
    return findings


def audit(
    sources: Sequence[str],
    *,
    analyzers: Sequence[Analyzer] | None = None,
    collectors: Iterable[Collector] | None = None,
    options: AuditOptions | None = None,
    progress: ProgressFn | None = None,
) -> AuditResult:
    """Audit the named sources and return everything the report needs."""
    from .dossier import build_dossier
    from .risk import dedupe, regrade, score_posts

    run = RunContext(options, progress)
    chosen = (
        checked_analyzers((f"analyzer {getattr(a, 'name', type(a).__name__)}", a) for a in analyzers)
        if analyzers is not None
        else default_analyzers()
    )
    run.analyzers = tuple(chosen)
    if run.options.use_cache:
        run.cache = Cache.open(run.options.data_dir)
    try:
        posts, summaries = collect(sources, run, collectors)
        findings = dedupe(regrade(posts, analyze(posts, chosen, run)))
        facts = build_dossier(posts, findings, run)
        new_ids: tuple[str, ...] = ()
        if run.cache is not None:
            new_ids = tuple(run.cache.new_post_ids)
            _note_new(run, new_ids)
    finally:
        if run.cache is not None:
            run.cache.close()
            run.cache = None
    return AuditResult(
        sources=tuple(summaries),
        posts=tuple(posts),
        findings=tuple(findings),
        facts=tuple(facts),
        errors=tuple(run.errors),
        risks=score_posts(posts, findings, run.errors),
        generated_at=datetime.now(UTC),
        notes=tuple(run.notes),
        new_post_ids=new_ids,
    )


def _note_new(run: RunContext, new_ids: Sequence[str]) -> None:
    cache = run.cache
    if cache is None:
        return
    if new_ids:
        run.note(f"{len(new_ids)} post(s) are new since the last scan.")
    elif not cache.first_scans:
        run.note("Nothing new since the last scan.")
