"""collect -> analyse -> infer -> (render, in report.py). The library API lives here.

The library never prints or exits: it logs, records per-item errors and returns data.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from .analyzer import Analyzer
from .cache import Cache
from .cache_layer import CachedAnalyzer, CachedCollector
from .context import AuditOptions, PostContext, ProgressFn, RunContext
from .errors import BadInput, FootprintError
from .identity import PostIndex, merge_sources
from .models import AuditResult, Finding, Post, SourceSummary
from .registry import Collector, chosen_analyzers, find_collector
from .registry import collectors as builtin_collectors

log = logging.getLogger(__name__)


def collect(
    sources: Sequence[str], run: RunContext, available: Iterable[Collector] | None = None
) -> tuple[list[Post], list[SourceSummary]]:
    """Run the collector of each source. A failing source keeps every post it yielded.

    With a cache (``run.cache``) each collector is wrapped in the cache layer
    (footprint_audit.cache_layer): posts are committed as they arrive, and posts kept by
    earlier runs are added when the collector fetched only what was new or stopped early.
    """
    pool = list(available) if available is not None else builtin_collectors()
    index = PostIndex()
    summaries: list[SourceSummary] = []
    for spec in sources:
        try:
            collector = find_collector(spec, pool)
        except FootprintError as exc:
            run.error(spec, str(exc), exc.hint)
            continue
        if run.cache is not None:
            collector = CachedCollector(collector, run.cache, run.scan_log)
        count = 0
        try:
            for post in collector.collect(spec, run):
                count += _take(post, index, run)
        except FootprintError as exc:
            run.error(spec, str(exc), exc.hint)
        except Exception as exc:  # a collector's bug ends its source, never the scan
            log.debug("collector %s failed on %s", collector.kind, spec, exc_info=True)
            run.error(
                spec,
                f"reading this source stopped ({type(exc).__name__}: {exc}); the posts read before are kept.",
                "This is a bug in footprint-audit; please report it with this message.",
            )
        summaries.append(SourceSummary(kind=collector.kind, location=spec, posts=count))
        log.info("read %d post(s) from %s", count, spec)
    for note in index.notes():
        run.note(note)
    return merge_sources(index.posts, run), summaries


def _take(post: Post, index: PostIndex, run: RunContext) -> int:
    if not index.add(post):
        return 0
    run.progress("collect", len(index.posts), None)
    return 1


def analyze_post(post: Post, analyzers: Sequence[Analyzer], run: RunContext) -> list[Finding]:
    """All findings for one post; an analyzer that fails becomes an error record."""
    ctx = PostContext(post, run)
    findings: list[Finding] = []
    for analyzer in analyzers:
        try:
            findings.extend(analyzer.analyze(post, ctx))
        except BadInput as exc:
            run.error(post.id, f"{analyzer.name}: {exc}", exc.hint)
        except Exception as exc:  # one analyzer's bug must not lose the rest of the run
            log.debug("analyzer %s failed on %s", analyzer.name, post.id, exc_info=True)
            run.error(post.id, f"{analyzer.name} could not analyse this post ({type(exc).__name__}: {exc}).")
    return findings


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
    """Findings for every post. With a cache, each analyzer is wrapped in the cache layer
    (footprint_audit.cache_layer), which answers unchanged posts from earlier results."""
    cache = run.cache
    chosen: list[Analyzer] = (
        [CachedAnalyzer(a, cache) for a in analyzers] if cache is not None else list(analyzers)
    )
    for analyzer in chosen:
        _load(analyzer, posts, run)
    prepare_images(posts, chosen, run)
    reused = {pid for a in chosen if isinstance(a, CachedAnalyzer) for pid in a.reused}
    if reused:
        run.note(f"Reused earlier analysis of {len(reused)} unchanged post(s) from the local cache.")
    findings: list[Finding] = []
    for i, post in enumerate(posts, 1):
        findings.extend(analyze_post(post, chosen, run))
        run.progress("analyse", i, len(posts))
    return findings


def prepare_images(posts: Sequence[Post], analyzers: Sequence[Analyzer], run: RunContext) -> None:
    """Run the image tasks the analyzers declare, for every post one of them will analyse
    (not those answered from the cache), in one worker pool: each file is decoded once and
    every task it needs runs there. Results go to ``run.image_results``."""
    from .image_work import ImageTask, TaskCache, WorkStats, resolve, run_image_work

    wanted: dict[tuple[str, str], list[str | ImageTask]] = {}
    for analyzer in analyzers:
        if not analyzer.image_tasks:
            continue
        for post in posts:
            if isinstance(analyzer, CachedAnalyzer) and not analyzer.needs_analysis(post):
                continue
            for media in post.media:
                if media.path not in run.image_results:
                    wanted.setdefault((media.path, media.kind), []).extend(analyzer.image_tasks)
    if not wanted:
        return
    try:
        files = {key: resolve(tasks) for key, tasks in wanted.items()}
    except ValueError as exc:
        raise BadInput(f"the analyzers' image tasks do not fit together: {exc}") from exc
    cache = TaskCache.default(run.options.data_dir) if run.options.use_cache else None
    stats = run.image_stats = WorkStats()
    run.image_results.update(
        run_image_work(
            files,
            workers=run.options.workers,
            cache=cache,
            progress=lambda done, total: run.progress("images", done, total),
            stats=stats,
        )
    )
    cpu = ", ".join(f"{k} {v:.1f} s" for k, v in sorted(stats.cpu.items()))
    log.info(
        "image work: %d file(s), %d from the cache; task runs %s; CPU %s",
        stats.files,
        stats.cached,
        dict(stats.runs),
        cpu or "none",
    )


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
    chosen = chosen_analyzers(analyzers)
    run.analyzers = tuple(chosen)
    if run.options.use_cache:
        run.cache = Cache.open(run.options.data_dir)
    try:
        posts, summaries = collect(sources, run, collectors)
        findings = dedupe(regrade(posts, analyze(posts, chosen, run)))
        facts = build_dossier(posts, findings, run)
        new_ids: tuple[str, ...] = ()
        if run.cache is not None:
            kept = {p.id for p in posts}
            new_ids = tuple(pid for pid in run.scan_log.new_post_ids if pid in kept)
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
    if new_ids:
        run.note(f"{len(new_ids)} post(s) are new since the last scan.")
    elif not run.scan_log.first_scans:
        run.note("Nothing new since the last scan.")
