"""The analyzer contract: a base class every analyzer (built-in or plug-in) derives from.

An analyzer turns one post into findings. It declares, as class attributes, everything the
pipeline and the cache need to know about it, so nothing is discovered by probing:

- ``name``, ``version`` (bump when output changes), ``categories`` it may emit;
- ``cache_scope``: ``"post"`` when a post's findings depend on that post alone, ``"batch"``
  when they may depend on the other posts too ("Mia" named as a child in one post makes
  "Mia" a child's name in all), so that a cached result is reused only for the same set;
- ``depends_on``: the outside state its findings depend on, from :data:`DEPENDENCIES`
  (the enrolled children, the time zone). The cached result's key includes each one, so a
  scan after ``enroll`` or with another ``--timezone`` never answers from a stale result.

- ``image_tasks``: the per-file image work it reads (footprint_audit.image_work): names of
  tasks (``"faces"``, ``"ocr"``, ``"nudity"``) or ImageTask objects of its own. The pipeline
  runs them for every post it analyses, in the worker pool, before the first ``analyze``;
  ``ctx.image_result(index, name)`` gives the result.

``load(posts, run)`` is called once per run before the first ``analyze`` with the posts it
will see (batch work, model loading); ``analyze(post, ctx)`` returns the post's findings.

A minimal analyzer::

    class BikeAnalyzer(Analyzer):
        name = "bikes"
        version = "1"
        categories = ("routine_hint",)

        def analyze(self, post, ctx):
            if "bike" not in post.caption.lower():
                return []
            return [self.finding(post, "routine_hint", "low", 0.6, "A bike ride is mentioned.",
                                 value=RoutineValue("bike"))]
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from .models import CATEGORIES, Finding, Severity

if TYPE_CHECKING:
    from .context import PostContext, RunContext
    from .findings import FindingValue
    from .image_work import ImageTask
    from .models import Post

CacheScope = Literal["post", "batch"]
CACHE_SCOPES: tuple[CacheScope, ...] = ("post", "batch")


def _enrolment(run: RunContext) -> str:
    """The enrolled children (names and face encodings) and the names given with --child."""
    from .enrollment import load_enrolled

    try:
        enrolled: Mapping[str, Any] = load_enrolled(run.options.data_dir)
    except Exception as exc:  # an unreadable store is the faces analyzer's error to report
        enrolled = {"unreadable": str(exc)}
    declared = sorted(str(n) for n in run.options.extra.get("children", []) or [])
    blob = json.dumps([enrolled, declared], sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


#: The outside state an analyzer may depend on, and how to name its current value.
DEPENDENCIES: dict[str, Callable[[RunContext], str]] = {
    "enrolment": _enrolment,
    "timezone": lambda run: run.options.timezone or "",
}


class Analyzer(ABC):
    """Base class of every analyzer; see the module docstring for the contract."""

    # Plain attributes, usually set on the class; an instance may set them (a test fake,
    # a plug-in configured at start-up).
    name: str
    version: str
    categories: tuple[str, ...]
    cache_scope: CacheScope = "post"
    #: Outside state the findings depend on: keys of :data:`DEPENDENCIES`. Today no built-in
    #: analyzer reads local time (the dossier does, and it is never cached); one that does
    #: declares "timezone".
    depends_on: frozenset[str] = frozenset()
    #: Image tasks whose results ``analyze`` reads (footprint_audit.image_work).
    image_tasks: tuple[str | ImageTask, ...] = ()

    def load(self, posts: Sequence[Post], run: RunContext) -> None:  # noqa: B027 - optional hook
        """Once per run, before any ``analyze``: batch work and model loading."""

    def load_cached(self, posts: Sequence[Post], run: RunContext) -> None:  # noqa: B027 - optional hook
        """Instead of ``load`` when the cache answers every post of a batch-scoped analyzer:
        what ``load`` says besides its findings (run notes), without the work."""

    @abstractmethod
    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        """The findings of one post; raise BadInput for a problem with this post only."""

    def dependency_token(self, run: RunContext) -> str:
        """The current value of everything in ``depends_on``, for the cache key."""
        return "|".join(f"{dep}={DEPENDENCIES[dep](run)}" for dep in sorted(self.depends_on))

    def finding(
        self,
        post: Post,
        category: str,
        severity: Severity,
        confidence: float,
        summary: str,
        *,
        value: FindingValue | None = None,
        media_index: int | None = None,
        **more: Any,
    ) -> Finding:
        """A finding of this analyzer about ``post``."""
        return Finding(
            post.id, media_index, self.name, category, severity, confidence, summary, value=value, **more
        )


def contract_problems(obj: object) -> list[str]:
    """What keeps ``obj`` from being an analyzer (empty when it fits)."""
    if not isinstance(obj, Analyzer):
        return [f"it is a {type(obj).__name__}, not a subclass of footprint_audit.analyzer.Analyzer"]
    problems = []
    name = getattr(obj, "name", None)
    if not isinstance(name, str) or not name.strip():
        problems.append("it has no name")
    if not isinstance(getattr(obj, "version", None), str):
        problems.append("it has no version string")
    cats = getattr(obj, "categories", None)
    if not isinstance(cats, tuple) or not cats:
        problems.append("it declares no categories")
    else:
        unknown = [c for c in cats if c not in CATEGORIES]
        if unknown:
            problems.append(f"unknown categories {unknown} (known: {', '.join(CATEGORIES)})")
    if obj.cache_scope not in CACHE_SCOPES:
        problems.append(f"cache_scope is {obj.cache_scope!r}, not one of {CACHE_SCOPES}")
    unknown_deps = sorted(set(obj.depends_on) - set(DEPENDENCIES))
    if unknown_deps:
        problems.append(f"depends_on names {unknown_deps} (known: {sorted(DEPENDENCIES)})")
    return problems
