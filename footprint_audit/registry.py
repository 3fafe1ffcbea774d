"""The collector contract, and the explicit lists of built-in analyzers and collectors.

Adding an analyzer touches its module (a subclass of :class:`footprint_audit.analyzer.Analyzer`),
its test, and one line in ``BUILTIN_ANALYZERS``. Third-party analyzers may come from the
``footprint_audit.analyzers`` entry-point group. Anything that does not fit the contract is
refused with a message saying what is wrong, never silently left out.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from .analyzer import Analyzer, contract_problems
from .errors import ConfigError, SourceNotFound

if TYPE_CHECKING:
    from .context import RunContext
    from .models import Post


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
    "analyzers.uniform:UniformAnalyzer",
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


def checked_analyzers(found: Iterable[tuple[str, object]]) -> list[Analyzer]:
    """The analyzers, each checked against the contract, names unique; ``found`` pairs each
    candidate with where it came from, for the message."""
    out: list[Analyzer] = []
    seen: dict[str, str] = {}
    for origin, obj in found:
        problems = contract_problems(obj)
        if problems:
            raise ConfigError(
                f"{origin} is not a usable analyzer: {'; '.join(problems)}.",
                hint="Derive it from footprint_audit.analyzer.Analyzer (see docs/architecture.md).",
            )
        assert isinstance(obj, Analyzer)
        if obj.name in seen:
            raise ConfigError(
                f"{origin} is called {obj.name!r}, like {seen[obj.name]}: analyzer names must be unique.",
                hint="Rename one of them.",
            )
        seen[obj.name] = origin
        out.append(obj)
    return out


def _plugin_candidates() -> Iterator[tuple[str, object]]:
    for ep in entry_points(group="footprint_audit.analyzers"):
        try:
            obj = ep.load()
            inst = obj() if isinstance(obj, type) else obj
        except Exception as exc:
            raise ConfigError(f"plug-in analyzer {ep.name} ({ep.value}) failed to load: {exc}") from exc
        yield f"plug-in analyzer {ep.name} ({ep.value})", inst


def chosen_analyzers(given: Iterable[object] | None) -> list[Analyzer]:
    """The analyzers a caller passed in, checked like plug-ins; the defaults when None."""
    if given is None:
        return default_analyzers()
    return checked_analyzers((f"analyzer {getattr(a, 'name', type(a).__name__)}", a) for a in given)


def default_analyzers() -> list[Analyzer]:
    return checked_analyzers([*((ref, _load(ref)) for ref in BUILTIN_ANALYZERS), *_plugin_candidates()])


def collectors() -> list[Collector]:
    found: list[Collector] = []
    for ref in BUILTIN_COLLECTORS:
        obj = _load(ref)
        if not isinstance(obj, Collector):
            raise ConfigError(f"{ref} is not a collector (needs kind, matches and collect).")
        found.append(obj)
    return found


def find_collector(spec: str, available: Iterable[Collector] | None = None) -> Collector:
    for c in available if available is not None else collectors():
        if c.matches(spec):
            return c
    raise SourceNotFound(
        f"{spec}: not a source footprint-audit recognises.",
        hint="Give a folder of photos, an instaloader download, a .zip data export, "
        "instagram:USER, mastodon:@user@host, bluesky:HANDLE or an https:// page.",
    )
