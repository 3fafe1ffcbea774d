"""collect -> analyse -> infer -> (render, in report.py). The library API lives here.

The library never prints or exits: it logs, records per-item errors and returns data.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from .context import AuditOptions, PostContext, ProgressFn, RunContext
from .errors import BadInput, FootprintError
from .models import AuditResult, Finding, Post, SourceSummary
from .registry import Analyzer, Collector, default_analyzers, find_collector
from .registry import collectors as builtin_collectors

log = logging.getLogger(__name__)


def collect(
    sources: Sequence[str], run: RunContext, available: Iterable[Collector] | None = None
) -> tuple[list[Post], list[SourceSummary]]:
    """Run the collector of each source. A failing source keeps every post it yielded."""
    pool = list(available) if available is not None else builtin_collectors()
    posts: list[Post] = []
    seen: set[str] = set()
    summaries: list[SourceSummary] = []
    for spec in sources:
        try:
            collector = find_collector(spec, pool)
        except FootprintError as exc:
            run.error(spec, str(exc), exc.hint)
            continue
        count = 0
        try:
            for post in collector.collect(spec, run):
                if post.id in seen:
                    continue
                seen.add(post.id)
                posts.append(post)
                count += 1
                run.progress("collect", len(posts), None)
        except FootprintError as exc:
            run.error(spec, str(exc), exc.hint)
        summaries.append(SourceSummary(kind=collector.kind, location=spec, posts=count))
    return posts, summaries


def analyze_post(post: Post, analyzers: Sequence[Analyzer], run: RunContext) -> list[Finding]:
    """All findings for one post; an analyzer that fails becomes an error record."""
    ctx = PostContext(post, run)
    out: list[Finding] = []
    for analyzer in analyzers:
        try:
            out.extend(analyzer.analyze(post, ctx))
        except BadInput as exc:
            run.error(post.id, f"{analyzer.name}: {exc}", exc.hint)
        except Exception as exc:  # one analyzer's bug must not lose the rest of the run
            log.debug("analyzer %s failed on %s", analyzer.name, post.id, exc_info=True)
            run.error(post.id, f"{analyzer.name} could not analyse this post ({type(exc).__name__}: {exc}).")
    return out


def analyze(posts: Sequence[Post], analyzers: Sequence[Analyzer], run: RunContext) -> list[Finding]:
    for analyzer in analyzers:
        prepare = getattr(analyzer, "prepare", None)
        if prepare is None:
            continue
        try:
            prepare(posts, run)
        except FootprintError:
            raise  # configuration problems (a model that will not load) stop the run
        except Exception as exc:
            log.debug("prepare of %s failed", analyzer.name, exc_info=True)
            run.error(analyzer.name, f"{analyzer.name} could not prepare ({type(exc).__name__}: {exc}).")
    findings: list[Finding] = []
    for i, post in enumerate(posts, 1):
        findings.extend(analyze_post(post, analyzers, run))
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
    from .risk import score_posts

    run = RunContext(options, progress)
    chosen = list(analyzers) if analyzers is not None else default_analyzers()
    posts, summaries = collect(sources, run, collectors)
    findings = analyze(posts, chosen, run)
    facts = build_dossier(posts, findings, run)
    return AuditResult(
        sources=tuple(summaries),
        posts=tuple(posts),
        findings=tuple(findings),
        facts=tuple(facts),
        errors=tuple(run.errors),
        risks=score_posts(posts, findings),
        generated_at=datetime.now(UTC),
        notes=tuple(run.notes),
    )
