"""The collectors' shared module: resume state, safe text, the boundary every post passes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from collectors._shared import MAX_TEXT_CHARS, PageState, boundary, clean_text, leaves
from footprint_audit.cache import Cache
from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.models import Comment, Geotag, Post


def test_page_state_round_trip_and_old_or_damaged_records() -> None:
    for state in (PageState(), PageState(complete=True), PageState(cursor="109", base_complete=True)):
        assert PageState.from_json(state.to_json()) == state
    frozen = PageState(frozen={"data": [1, 2], "total_index": 12})
    assert PageState.from_json(frozen.to_json()) == frozen
    # What the cache held before the state was typed reads the same.
    assert PageState.from_json({"complete": False, "cursor": "5", "base_complete": True}) == PageState(
        cursor="5", base_complete=True
    )
    for junk in (None, [], "x", {"complete": "yes", "cursor": {"a": 1}}):
        assert PageState.from_json(junk) == PageState()


def test_clean_text_replaces_only_lone_surrogates() -> None:
    assert clean_text("Beach \ud83d") == "Beach \ufffd"
    assert clean_text("caf\udce9.jpg") == "caf\ufffd.jpg"
    assert clean_text("Beach \U0001f600") == "Beach \U0001f600"


class _Hostile:
    kind = "hostile"

    @boundary
    def collect(self, spec: str, run: RunContext) -> Iterator[Post]:
        yield Post(
            id="p\ud83d",
            source=spec,
            caption="x" * (MAX_TEXT_CHARS + 10) + "\ud83d",
            geotag=Geotag(name="Park \udce9"),
            tagged_users=("jo\ud800",),
            comments=(Comment(author="a\ud83d", text="nice \ud83d"),),
            raw={"k\ud83d": ["v\ud83d", {"deep": "\udce9"}]},
        )


def test_boundary_makes_every_post_storable(tmp_path: Path) -> None:
    run = RunContext(AuditOptions(data_dir=tmp_path))
    [post] = list(_Hostile().collect("s", run))
    cache = Cache.open(tmp_path)
    assert cache.put_post("s", post, cache.begin_scan("s", "hostile"))
    [back] = cache.posts("s")
    cache.close()
    assert back.caption == "x" * MAX_TEXT_CHARS
    assert back.comments[0].text == "nice \ufffd" and back.tagged_users == ("jo\ufffd",)
    assert back.raw == {"k\ufffd": ["v\ufffd", {"deep": "\ufffd"}]}
    [error] = run.errors
    assert error.where == "p\ufffd" and f"only the first {MAX_TEXT_CHARS:,}" in error.message


def test_leaves(tmp_path: Path) -> None:
    (tmp_path / "root" / "in").mkdir(parents=True)
    (tmp_path / "out").mkdir()
    (tmp_path / "root" / "to-out").symlink_to(tmp_path / "out")
    (tmp_path / "root" / "to-in").symlink_to(tmp_path / "root" / "in")
    assert leaves(tmp_path / "root" / "to-out", tmp_path / "root")
    assert not leaves(tmp_path / "root" / "to-in", tmp_path / "root")
    assert not leaves(tmp_path / "root" / "in", tmp_path / "root")
