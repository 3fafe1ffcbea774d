"""The analyzer contract: the registry refuses what does not fit, and a cached result is
never stale (issue 9, observation 4: scan, enrol, scan again with the cache gave ``face``
where ``--no-cache`` gave ``enrolled_child_face``)."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from footprint_audit import registry
from footprint_audit.analyzer import DEPENDENCIES, Analyzer, contract_problems
from footprint_audit.context import AuditOptions, PostContext
from footprint_audit.enrollment import enroll
from footprint_audit.errors import ConfigError
from footprint_audit.findings import value_to_json
from footprint_audit.models import Finding, Media, Post
from footprint_audit.pipeline import audit
from tests.fakes import CaptionWordAnalyzer, ListCollector, make_post


class _Good(Analyzer):
    name = "good"
    version = "1"
    categories = ("child_name",)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        return []


class _NoName(_Good):
    name = ""


class _BadCategory(_Good):
    name = "bad-category"
    categories = ("child_nmae",)


class _BadScope(_Good):
    name = "bad-scope"
    cache_scope = "forever"  # type: ignore[assignment]


class _BadDependency(_Good):
    name = "bad-dependency"
    depends_on = frozenset({"weather"})


class _DuckTyped:
    """Has every attribute, but is not an Analyzer: the old contract let it in."""

    name = "duck"
    version = "1"
    categories = ("child_name",)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        return []


@pytest.mark.parametrize(
    ("candidate", "message"),
    [
        (_DuckTyped(), "not a subclass of footprint_audit.analyzer.Analyzer"),
        (_NoName(), "it has no name"),
        (_BadCategory(), "unknown categories ['child_nmae']"),
        (_BadScope(), "cache_scope is 'forever'"),
        (_BadDependency(), "depends_on names ['weather']"),
    ],
)
def test_registry_refuses_a_malformed_analyzer_with_a_clear_message(candidate: object, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        registry.checked_analyzers([("plug-in analyzer x (pkg:X)", candidate)])
    assert "plug-in analyzer x (pkg:X) is not a usable analyzer" in str(info.value)
    assert message in str(info.value)
    # The pipeline refuses it too: it is never silently left out of a scan.
    with pytest.raises(ConfigError, match="not a usable analyzer"):
        audit(["list:x"], analyzers=[candidate], collectors=[ListCollector([make_post("a")])])  # type: ignore[list-item]


def test_two_analyzers_with_one_name_are_refused() -> None:
    with pytest.raises(ConfigError, match="analyzer names must be unique"):
        registry.checked_analyzers([("a", _Good()), ("b", _Good())])


class _EntryPoint:
    def __init__(self, name: str, obj: Any) -> None:
        self.name, self.value, self._obj = name, f"pkg:{name}", obj

    def load(self) -> Any:
        if isinstance(self._obj, Exception):
            raise self._obj
        return self._obj


def test_plug_ins_from_entry_points_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    class Extra(_Good):
        name = "extra"

    monkeypatch.setattr(registry, "entry_points", lambda group: [_EntryPoint("extra", Extra)])
    assert [a.name for a in registry.default_analyzers()][-1] == "extra"
    monkeypatch.setattr(registry, "entry_points", lambda group: [_EntryPoint("duck", _DuckTyped)])
    with pytest.raises(ConfigError, match=r"plug-in analyzer duck \(pkg:duck\) is not a usable analyzer"):
        registry.default_analyzers()
    monkeypatch.setattr(
        registry, "entry_points", lambda group: [_EntryPoint("boom", ImportError("no numpy"))]
    )
    with pytest.raises(ConfigError, match="plug-in analyzer boom .* failed to load: no numpy"):
        registry.default_analyzers()


def test_every_builtin_analyzer_fits_the_contract() -> None:
    for ref in registry.BUILTIN_ANALYZERS:
        assert contract_problems(registry._load(ref)) == [], ref


def test_finding_helper_names_the_analyzer() -> None:
    f = _Good().finding(make_post("p"), "child_name", "high", 0.9, "x", media_index=None)
    assert (f.post_id, f.analyzer, f.category) == ("p", "good", "child_name")


# --- cache equivalence ---------------------------------------------------------------------


def _findings(result: Any) -> list[str]:
    return sorted(
        json.dumps(
            [
                f.post_id,
                f.media_index,
                f.analyzer,
                f.category,
                f.severity,
                f.summary,
                value_to_json(f.category, f.value),
            ],
            sort_keys=True,
            default=str,
        )
        for f in result.findings
    )


def _corpus(test_data: Path, tmp: Path) -> list[Post]:
    """Posts on which every declared dependency changes some finding: a face that becomes
    the enrolled child's, a name that becomes a known child's, times read in a zone."""
    photos = tmp / "photos"
    photos.mkdir()
    for name in ("obama.jpg", "obama2.jpg", "biden.jpg"):
        shutil.copy(test_data / "faces/test_images" / name, photos / name)
    when = datetime(2024, 5, 14, 23, 30, tzinfo=UTC)  # Tuesday in London, Wednesday in Tokyo
    return [
        make_post("p1", "Park day", media=(Media(str(photos / "obama.jpg")),), taken_at=when),
        make_post("p2", "Swimming with Barack every Tuesday", media=(Media(str(photos / "obama2.jpg")),)),
        make_post(
            "p3", "Barack and Joe after school", media=(Media(str(photos / "biden.jpg")),), taken_at=when
        ),
        make_post("p4", "Our daughter Mia turns 5 today! Swimming lesson at 5pm", taken_at=when),
    ]


CHANGES = {
    "enrolment": lambda o, test_data: enroll(
        "Barack", [test_data / "faces/test_images/obama3.jpg"], profile=o.data_dir
    ),
    "timezone": lambda o, test_data: None,
    "children": lambda o, test_data: None,
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_cached_results_equal_uncached_after_a_change(change: str, test_data: Path, tmp_path: Path) -> None:
    posts = _corpus(test_data, tmp_path)
    options = AuditOptions(data_dir=tmp_path / "profile", workers=1, timezone="Europe/London")
    collectors = [ListCollector(posts)]
    audit(["list:x"], collectors=collectors, options=options)  # fills the cache
    CHANGES[change](options, test_data)
    if change == "timezone":
        options = replace(options, timezone="Asia/Tokyo")
    if change == "children":
        options = replace(options, extra={"children": ["Joe"]})
    cached = audit(["list:x"], collectors=collectors, options=options)
    fresh = audit(["list:x"], collectors=collectors, options=replace(options, use_cache=False))
    assert _findings(cached) == _findings(fresh)
    if change == "enrolment":
        # The observation itself: the enrolled child's face is recognised with the cache too.
        assert any(f.category == "enrolled_child_face" for f in cached.findings)


def test_every_declared_dependency_is_in_the_cache_key(tmp_path: Path) -> None:
    """Changing one dependency changes the token of an analyzer that declares it, and only of those."""

    class Declares(CaptionWordAnalyzer):
        pass

    a = Declares("Mia")
    a.depends_on = frozenset(DEPENDENCIES)
    b = Declares("Mia")
    b.depends_on = frozenset()
    from footprint_audit.context import RunContext

    base = AuditOptions(data_dir=tmp_path, timezone="Europe/London")
    tokens = {
        "base": RunContext(base),
        "timezone": RunContext(replace(base, timezone="Asia/Tokyo")),
        "enrolment": RunContext(replace(base, extra={"children": ["Joe"]})),
    }
    seen = {k: (a.dependency_token(r), b.dependency_token(r)) for k, r in tokens.items()}
    assert len({t for t, _ in seen.values()}) == 3
    assert len({t for _, t in seen.values()}) == 1
