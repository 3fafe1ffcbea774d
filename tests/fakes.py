"""Small in-memory collectors and analyzers for tests of the pipeline and the report."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from footprint_audit.analyzer import Analyzer
from footprint_audit.context import PostContext, RunContext
from footprint_audit.errors import RateLimited
from footprint_audit.findings import TextSpan, value_from_json
from footprint_audit.models import Finding, Post


@dataclass
class ListCollector:
    """Yields the given posts for the spec ``list:NAME``; can fail half-way."""

    posts: Sequence[Post]
    kind: str = "photo-folder"
    fail_after: int | None = None

    def matches(self, spec: str) -> bool:
        return spec.startswith("list:")

    def collect(self, spec: str, run: RunContext) -> Iterator[Post]:
        for i, post in enumerate(self.posts):
            if self.fail_after is not None and i == self.fail_after:
                raise RateLimited("the platform asked us to slow down")
            yield post


@dataclass
class CaptionWordAnalyzer(Analyzer):
    """Flags a word in the caption with a chosen category and severity."""

    word: str
    category: str = "child_name"
    severity: str = "high"
    name: str = "caption-word"
    version: str = "1"
    categories: tuple[str, ...] = field(default_factory=lambda: ("child_name",))

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        start = post.caption.find(self.word)
        if start < 0:
            return []
        return [
            Finding(
                post_id=post.id,
                media_index=None,
                analyzer=self.name,
                category=self.category,
                severity=self.severity,  # type: ignore[arg-type]
                confidence=0.9,
                summary=f"The caption names {self.word}.",
                # the category's value type, read from the word as the report would show it
                value=value_from_json(
                    self.category,
                    self.word,
                    {"span": TextSpan("caption", start, start + len(self.word)).to_json()},
                ),
                evidence={"field": "caption", "start": start, "end": start + len(self.word)},
            )
        ]


class BrokenAnalyzer(Analyzer):
    name = "broken"
    version = "1"
    categories = ("child_name",)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        raise RuntimeError("bug in analyzer")


def make_post(pid: str, caption: str = "", **kw: object) -> Post:
    kw.setdefault("taken_at", datetime(2024, 5, 14, 15, 30, tzinfo=UTC))
    kw.setdefault("visibility", "public")
    return Post(id=pid, source="test", caption=caption, **kw)  # type: ignore[arg-type]
