from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image

from collectors.photo_folder import PhotoFolderCollector
from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.errors import BadInput, SourceNotFound
from tests.exif_factory import make_jpeg


def _collect(spec: Path | str, run: RunContext | None = None) -> tuple[list, RunContext]:
    run = run or RunContext()
    return list(PhotoFolderCollector().collect(str(spec), run)), run


def test_time_from_exif_with_offset(tmp_path: Path) -> None:
    make_jpeg(tmp_path / "a.jpg", DateTimeOriginal="2024:05:14 16:30:00", OffsetTimeOriginal="+02:00")
    [post], run = _collect(tmp_path)
    assert post.time_source == "exif"
    assert post.taken_at == datetime(2024, 5, 14, 16, 30, tzinfo=timezone(timedelta(hours=2)))
    assert post.taken_at.utcoffset() == timedelta(hours=2)
    assert run.errors == []


def test_time_without_offset_takes_zone_from_gps(tmp_path: Path) -> None:
    # Wall clock 16:30 in Sydney (AEST, UTC+10 in May).
    make_jpeg(tmp_path / "a.jpg", gps=(-33.8568, 151.2153), DateTimeOriginal="2024:05:14 16:30:00")
    [post], _ = _collect(tmp_path)
    assert post.time_source == "exif-gps"
    assert post.taken_at.utcoffset() == timedelta(hours=10)
    assert post.taken_at.astimezone(UTC) == datetime(2024, 5, 14, 6, 30, tzinfo=UTC)


def test_time_without_offset_or_gps_is_naive_wall_clock(tmp_path: Path) -> None:
    make_jpeg(tmp_path / "a.jpg", DateTimeOriginal="2024:05:14 16:30:00")
    [post], _ = _collect(tmp_path)
    assert post.time_source == "exif-local"
    assert post.taken_at == datetime(2024, 5, 14, 16, 30)
    assert post.taken_at.tzinfo is None


def test_time_without_offset_uses_the_zone_the_user_gave(tmp_path: Path) -> None:
    make_jpeg(tmp_path / "a.jpg", DateTimeOriginal="2024:01:14 16:30:00")
    [post], _ = _collect(tmp_path, RunContext(AuditOptions(timezone="Europe/Amsterdam")))
    assert post.time_source == "exif-local"
    assert post.taken_at.utcoffset() == timedelta(hours=1)


def test_time_falls_back_to_file_mtime(tmp_path: Path) -> None:
    path = tmp_path / "plain.png"
    Image.new("RGB", (10, 10), "red").save(path)
    stamp = datetime(2023, 7, 1, 9, 15, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))
    [post], _ = _collect(tmp_path)
    assert post.time_source == "file-mtime"
    assert post.taken_at == datetime(2023, 7, 1, 9, 15, tzinfo=UTC)


def test_caption_sidecar_ids_and_kinds(tmp_path: Path) -> None:
    make_jpeg(tmp_path / "beach.jpg", color=(1, 2, 3))
    (tmp_path / "beach.txt").write_text("Day at the beach with Mia #beachbaby\n", encoding="utf-8")
    make_jpeg(tmp_path / "sub" / "deeper" / "park.jpeg", color=(200, 10, 10))
    (tmp_path / "sub" / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42not-a-real-video")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.jpg").write_bytes(b"junk")
    (tmp_path / ".thumbnails").mkdir()
    make_jpeg(tmp_path / ".thumbnails" / "t.jpg")
    posts, run = _collect(tmp_path)
    by_name = {Path(p.media[0].path).name: p for p in posts}
    assert sorted(by_name) == ["beach.jpg", "clip.mp4", "park.jpeg"]
    assert by_name["beach.jpg"].caption == "Day at the beach with Mia #beachbaby"
    assert by_name["park.jpeg"].caption == ""
    assert by_name["clip.mp4"].media[0].kind == "video"
    assert by_name["beach.jpg"].media[0].kind == "image"
    for p in posts:
        assert p.id.startswith("file-") and len(p.id) == 5 + 16
        assert p.source == str(tmp_path)
    assert run.errors == []


def test_post_id_is_stable_and_follows_content(tmp_path: Path) -> None:
    a = make_jpeg(tmp_path / "one" / "a.jpg")
    (tmp_path / "two").mkdir()
    shutil.copy(a, tmp_path / "two" / "renamed.jpg")
    make_jpeg(tmp_path / "three" / "a.jpg", color=(9, 9, 9))
    [p1], _ = _collect(tmp_path / "one")
    [p1_again], _ = _collect(tmp_path / "one")
    [p2], _ = _collect(tmp_path / "two")
    [p3], _ = _collect(tmp_path / "three")
    assert p1.id == p1_again.id == p2.id
    assert p3.id != p1.id


def test_single_file_spec(tmp_path: Path) -> None:
    path = make_jpeg(tmp_path / "one.jpg", Model="X")
    assert PhotoFolderCollector().matches(str(path))
    [post], _ = _collect(path)
    assert post.media[0].path == str(path)


def test_symlink_loop_is_reported_not_followed(tmp_path: Path) -> None:
    make_jpeg(tmp_path / "a" / "photo.jpg")
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    os.symlink(tmp_path / "self", tmp_path / "self")  # a link to itself
    posts, run = _collect(tmp_path)
    assert [Path(p.media[0].path).name for p in posts] == ["photo.jpg"]
    wheres = {e.where: e.message for e in run.errors}
    assert "symlink loop" in wheres[str(tmp_path / "a" / "loop")]
    assert "broken link" in wheres[str(tmp_path / "self")]


def test_links_that_leave_the_folder_are_not_followed(tmp_path: Path) -> None:
    make_jpeg(tmp_path / "elsewhere" / "x.jpg")
    make_jpeg(tmp_path / "root" / "inside" / "y.jpg")
    os.symlink(tmp_path / "elsewhere", tmp_path / "root" / "link")
    os.symlink(tmp_path / "elsewhere" / "x.jpg", tmp_path / "root" / "x.jpg")
    os.symlink(tmp_path / "root" / "inside", tmp_path / "root" / "alias")  # stays inside: followed
    posts, run = _collect(tmp_path / "root")
    assert [Path(p.media[0].path).name for p in posts] == ["y.jpg"]
    assert sorted(e.where for e in run.errors) == [str(tmp_path / "root" / n) for n in ("link", "x.jpg")]
    assert all("outside the scanned folder; not followed" in e.message for e in run.errors)


def test_missing_path_raises_source_not_found(tmp_path: Path) -> None:
    collector = PhotoFolderCollector()
    missing = tmp_path / "nope"
    assert collector.matches(str(missing))  # so the user hears "no such folder" from us
    with pytest.raises(SourceNotFound, match="no such file or folder"):
        list(collector.collect(str(missing), RunContext()))


def test_folder_without_photos_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("hello")
    with pytest.raises(BadInput, match=r"no photos found in .*; supported: .*\.heic"):
        list(PhotoFolderCollector().collect(str(tmp_path), RunContext()))


def test_matches_leaves_other_sources_alone(tmp_path: Path) -> None:
    collector = PhotoFolderCollector()
    assert not collector.matches("instagram:someone")
    assert not collector.matches("https://example.org/page")
    (tmp_path / "2024-05-14_16-30-00_UTC.json").write_text("{}")
    assert not collector.matches(str(tmp_path))  # an instaloader download
    (tmp_path / "doc.pdf").write_bytes(b"%PDF")
    assert not collector.matches(str(tmp_path / "doc.pdf"))


def test_unreadable_image_is_still_a_post_with_an_error(tmp_path: Path) -> None:
    (tmp_path / "broken.jpg").write_bytes(b"this is not a jpeg at all")
    stamp = datetime(2022, 2, 2, tzinfo=UTC).timestamp()
    os.utime(tmp_path / "broken.jpg", (stamp, stamp))
    [post], run = _collect(tmp_path)
    assert post.time_source == "file-mtime"
    assert post.taken_at == datetime(2022, 2, 2, tzinfo=UTC)
    [err] = run.errors
    assert err.where == str(tmp_path / "broken.jpg")
    assert "not an image this tool can read" in err.message
