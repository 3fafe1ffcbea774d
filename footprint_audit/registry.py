"""The analyzer and collector contracts, and the explicit list of built-ins.

Adding an analyzer touches its module, its test, and one line in ``BUILTIN_ANALYZERS``.
Third-party analyzers may come from the ``footprint_audit.analyzers`` entry-point group.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from .errors import ConfigError, SourceNotFound

if TYPE_CHECKING:
    from .context import PostContext, RunContext
    from .models import Finding, Post


@runtime_checkable
class Analyzer(Protocol):
    """Turns one post into findings. Cross-post logic belongs in the dossier."""

    name: str
    #: Bump when output changes, so cached results are recomputed.
    version: str
    categories: tuple[str, ...]

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]: ...


class BatchAnalyzer(Analyzer, Protocol):
    """An analyzer that wants to see all posts first (batch NLP, a process pool)."""

    def prepare(self, posts: Sequence[Post], run: RunContext) -> None: ...


@runtime_checkable
class Collector(Protocol):
    """Turns one source the user named into posts. Only collectors do network I/O.

    ``collect`` yields posts as it gets them, so a failure half-way keeps what came before.
    Per-item problems go to ``run.error``; a problem with the whole source raises a
    FootprintError child (SourceNotFound, AuthRequired, RateLimited, BadInput).
    """

    kind: str

    def matches(self, spec: str) -> bool: ...

    def collect(self, spec: str, run: RunContext) -> Iterator[Post]: ...


# module:Class, imported on first use so `--help` and `check` stay fast.
BUILTIN_ANALYZERS: tuple[str, ...] = (
    "analyzers.location:LocationAnalyzer",
    "analyzers.metadata:MetadataAnalyzer",
    "analyzers.tags:TagsAnalyzer",
    "analyzers.faces:FacesAnalyzer",
    "analyzers.names:NamesAnalyzer",
    "analyzers.schools:SchoolsAnalyzer",
    "analyzers.places:PlacesAnalyzer",
    "analyzers.ages:AgesAnalyzer",
    "analyzers.routines:RoutinesAnalyzer",
    "analyzers.text_in_image:TextInImageAnalyzer",
    "analyzers.sensitive:SensitiveImageAnalyzer",
    "analyzers.comments:CommentsAnalyzer",
)

# Order matters: the first collector whose `matches` accepts a spec takes it.
BUILTIN_COLLECTORS: tuple[str, ...] = (
    # Exports before the folder collectors: an unpacked export is also a folder of photos.
    "collectors.instagram_export:InstagramExportCollector",
    "collectors.facebook_export:FacebookExportCollector",
    "collectors.instagram:InstagramCollector",
    "collectors.mastodon:MastodonCollector",
    "collectors.bluesky:BlueskyCollector",
    "collectors.web_page:WebPageCollector",
    "collectors.instaloader_dir:InstaloaderDirCollector",
    "collectors.photo_folder:PhotoFolderCollector",
)


def _load(ref: str) -> object:
    module, _, attr = ref.partition(":")
    try:
        return getattr(importlib.import_module(module), attr)()
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"cannot load {ref}: {exc}") from exc


def builtin_analyzers() -> list[Analyzer]:
    return [a for a in (_load(ref) for ref in BUILTIN_ANALYZERS) if isinstance(a, Analyzer)]


def plugin_analyzers() -> list[Analyzer]:
    found: list[Analyzer] = []
    for ep in entry_points(group="footprint_audit.analyzers"):
        obj = ep.load()
        inst = obj() if isinstance(obj, type) else obj
        if not isinstance(inst, Analyzer):
            raise ConfigError(
                f"entry point {ep.name} is not an analyzer (needs name, version, categories, analyze)"
            )
        found.append(inst)
    return found


def default_analyzers() -> list[Analyzer]:
    return builtin_analyzers() + plugin_analyzers()


def collectors() -> list[Collector]:
    return [c for c in (_load(ref) for ref in BUILTIN_COLLECTORS) if isinstance(c, Collector)]


def find_collector(spec: str, available: Iterable[Collector] | None = None) -> Collector:
    for c in available if available is not None else collectors():
        if c.matches(spec):
            return c
    raise SourceNotFound(
        f"{spec}: not a source footprint-audit recognises.",
        hint="Give a folder of photos, an instaloader download, a .zip data export, "
        "instagram:USER, mastodon:@user@host, bluesky:HANDLE or an https:// page.",
    )
