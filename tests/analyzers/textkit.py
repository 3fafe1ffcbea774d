"""Run one text analyzer on a few captions (one spaCy pass, as in a real run)."""

from __future__ import annotations

from footprint_audit.context import AuditOptions, PostContext, RunContext
from footprint_audit.models import Finding, Post


def run_captions(analyzer: object, *captions: str, children: list[str] | None = None) -> list[list[Finding]]:
    posts = [Post(id=f"p{i}", source="test", caption=c) for i, c in enumerate(captions)]
    run = RunContext(AuditOptions(extra={"children": children or []}))
    analyzer.load(posts, run)
    return [analyzer.analyze(p, PostContext(p, run)) for p in posts]  # type: ignore[attr-defined]
