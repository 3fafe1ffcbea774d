"""Post identity (issue 9, observation 5): a post is never dropped silently, and the same post
from two sources is reported once, listing both."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema

from analyzers.faces import FacesAnalyzer
from collectors.photo_folder import PhotoFolderCollector
from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.identity import PostIndex, merge_sources
from footprint_audit.models import Geotag, Media
from footprint_audit.pipeline import audit
from footprint_audit.report import write_report
from footprint_audit.schema import load_schema
from tests.fakes import CaptionWordAnalyzer, ListCollector, make_post

WHEN = datetime(2024, 5, 14, 15, 30, tzinfo=UTC)


def _folder_with_copies(test_data: Path, root: Path) -> Path:
    """Three byte-identical photos: two with different captions, one with no caption."""
    root.mkdir()
    for name, caption in (("a.jpg", "Mia at the park"), ("b.jpg", "Sam at the pool"), ("c.jpg", None)):
        shutil.copy(test_data / "faces/test_images/obama.jpg", root / name)
        if caption:
            (root / f"{Path(name).stem}.txt").write_text(caption, encoding="utf-8")
    shutil.copy(test_data / "faces/test_images/obama.jpg", root / "d.jpg")  # another copy, no caption
    return root


def test_identical_photos_with_different_captions_are_separate_posts(test_data: Path, tmp_path: Path) -> None:
    folder = _folder_with_copies(test_data, tmp_path / "photos")
    options = AuditOptions(data_dir=tmp_path / "profile", workers=1)
    result = audit(
        [str(folder)],
        analyzers=[CaptionWordAnalyzer("Mia"), CaptionWordAnalyzer("Sam", name="sam")],
        collectors=[PhotoFolderCollector()],
        options=options,
    )
    captions = sorted(p.caption for p in result.posts)
    # Before: the second caption's post vanished with no note. c.jpg and d.jpg are the same
    # photo with the same (no) caption: one post, and a note says a copy was folded in.
    assert captions == ["", "Mia at the park", "Sam at the pool"]
    assert len({p.id for p in result.posts}) == 3
    assert {f.analyzer for f in result.findings} == {"caption-word", "sam"}
    assert any("different caption" in n for n in result.notes)
    assert any("exact copies" in n for n in result.notes)
    # Stable: the same folder gives the same ids next time.
    again = audit([str(folder)], analyzers=[], collectors=[PhotoFolderCollector()], options=options)
    assert {p.id for p in again.posts} == {p.id for p in result.posts}


def test_identical_media_in_two_posts_is_analysed_once_and_reported_in_both(
    test_data: Path, tmp_path: Path
) -> None:
    from footprint_audit import image_work

    folder = _folder_with_copies(test_data, tmp_path / "photos")
    before = image_work.TASK_RUNS["faces"]
    result = audit(
        [str(folder)],
        analyzers=[FacesAnalyzer()],
        collectors=[PhotoFolderCollector()],
        options=AuditOptions(data_dir=tmp_path / "profile", workers=1),
    )
    assert image_work.TASK_RUNS["faces"] - before == 1
    assert len({f.post_id for f in result.findings if f.category == "face"}) == 3


def _export_and_download() -> tuple[ListCollector, ListCollector]:
    shared = [
        make_post("ig-ABC", "Mia turns 5", url="https://www.instagram.com/p/ABC/", taken_at=WHEN),
        make_post("ig-DEF", "Beach day", taken_at=WHEN + timedelta(days=1)),
        make_post("ig-GHI", "", taken_at=WHEN + timedelta(days=2)),
    ]
    download = ListCollector([replace(p, source="instaloader-dir") for p in shared], kind="instaloader-dir")
    export_posts = [
        # Same link: the same post, whatever the export says about it.
        make_post("ig-export:1", "Mia turns 5 🎂", url="https://instagram.com/p/ABC", taken_at=WHEN),
        # No link: the same time (the export rounds to the second) and the same caption.
        make_post(
            "ig-export:2",
            "beach  day",
            taken_at=WHEN + timedelta(days=1, seconds=20),
            geotag=Geotag(name="Brighton Beach"),
        ),
        # Same time, no caption, different photos: not the same post.
        make_post("ig-export:3", "", taken_at=WHEN + timedelta(days=2), media=(Media("x.jpg"),)),
        make_post("ig-export:4", "Only in the export", taken_at=WHEN + timedelta(days=3)),
    ]
    export = ListCollector(
        [replace(p, source="instagram-export") for p in export_posts],
        kind="instagram-export",
    )
    return download, export


def test_the_same_post_from_two_sources_is_merged_and_lists_both(tmp_path: Path) -> None:
    download, export = _export_and_download()
    download.matches = lambda spec: spec == "list:download"  # type: ignore[method-assign]
    export.matches = lambda spec: spec == "list:export"  # type: ignore[method-assign]
    result = audit(
        ["list:download", "list:export"],
        analyzers=[CaptionWordAnalyzer("Mia")],
        collectors=[download, export],
        options=AuditOptions(data_dir=tmp_path, use_cache=False),
    )
    by_caption = {p.caption: p for p in result.posts}
    # Before: every post listed twice ("34 of 60 posts").
    assert sorted(p.caption for p in result.posts) == [
        "",
        "",
        "Beach day",
        "Mia turns 5",
        "Only in the export",
    ]
    assert by_caption["Mia turns 5"].also_in == ("instagram-export",)
    beach = by_caption["Beach day"]
    assert beach.also_in == ("instagram-export",) and beach.geotag == Geotag(name="Brighton Beach")
    assert by_caption["Only in the export"].also_in == ()
    assert [f.post_id for f in result.findings] == ["ig-ABC"]  # analysed once
    assert any("found in two sources" in n and n.startswith("2 post(s)") for n in result.notes)
    # The written report lists both sources on the merged posts and stays schema-valid.
    paths = write_report(result, tmp_path / "out", json_only=True)
    report = json.loads(paths.json.read_text())
    jsonschema.validate(report, load_schema())
    merged = {p["id"]: p["also_in"] for p in report["posts"]}
    assert merged["ig-ABC"] == ["instagram-export"] and merged["ig-export:4"] == []


def test_posts_of_one_source_are_never_merged() -> None:
    a = make_post("a", "Good morning", taken_at=WHEN)
    b = make_post("b", "Good morning", taken_at=WHEN + timedelta(seconds=5))
    assert merge_sources([a, b], RunContext()) == [a, b]


def test_index_keeps_a_second_post_with_the_same_id_under_a_stable_id() -> None:
    index = PostIndex()
    first = make_post("file-1", "Mia", media=(Media("/x/a.jpg"),))
    second = make_post("file-1", "Sam", media=(Media("/x/b.jpg"),))
    assert index.add(first) and index.add(second)
    assert index.add(replace(first)) is False  # the same post again (from the cache)
    assert index.add(second) is False
    ids = [p.id for p in index.posts]
    assert ids[0] == "file-1" and ids[1].startswith("file-1~") and len(set(ids)) == 2
    again = PostIndex()
    again.add(first)
    again.add(second)
    assert [p.id for p in again.posts] == ids
