"""Files that broke EXIF readers before, damaged files, bombs and odd folders: clear errors, no crash."""

from __future__ import annotations

import io
import os
import struct
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image

from analyzers.location import LocationAnalyzer
from analyzers.metadata import MetadataAnalyzer
from analyzers.tags import TagsAnalyzer
from collectors.photo_folder import PhotoFolderCollector
from footprint_audit.context import PostContext, RunContext
from footprint_audit.models import Finding, Post
from footprint_audit.pipeline import analyze, collect
from tests.datasets import SHARED_DATA, TEST_DATA, corpora
from tests.exif_factory import make_jpeg

ANALYZERS = [LocationAnalyzer(), MetadataAnalyzer(), TagsAnalyzer()]


def _scan(sources: list[str], *, decode: bool = True) -> tuple[list[Post], list[Finding], RunContext]:
    run = RunContext()
    posts, _ = collect(sources, run, [PhotoFolderCollector()])
    findings = analyze(posts, ANALYZERS, run)
    if decode:
        # What the image analyzers will do: decode each photo once through the shared context.
        for post in posts:
            ctx = PostContext(post, run)
            for i in range(len(post.media)):
                ctx.image(i)
    return posts, findings, run


def _no_traceback(run: RunContext) -> None:
    for e in run.errors:
        assert e.message and "Traceback" not in e.message and "\n" not in e.message


def _files_that_broke_exif_readers(root: Path) -> list[Path]:
    jpg = root / "exif-samples" / "jpg"
    files = (
        sorted((jpg / "invalid").glob("*.jpg")) + sorted((jpg / "tests").iterdir()) + [jpg / "corrupted.jpg"]
    )
    return [f for f in files if f.is_file()]


#: Files per corpus: tests/data keeps the five small invalid files and three camera files
#: (tests/data/LICENSES.md); ../shared/data has all 7 invalid, 12 camera files and corrupted.jpg.
BAD_FILE_COUNTS = {TEST_DATA: 5 + 3, SHARED_DATA: 7 + 12 + 1}


@pytest.mark.parametrize("root", corpora())
def test_files_that_broke_exif_readers(root: Path) -> None:
    files = _files_that_broke_exif_readers(root)
    assert len(files) == BAD_FILE_COUNTS[root]
    posts, findings, run = _scan([str(f) for f in files])
    _no_traceback(run)
    assert len(posts) == len(files)  # every file is in the report, readable or not
    by_path = {p.media[0].path: p for p in posts}
    errored = {e.where for e in run.errors}
    assert errored <= set(by_path)  # every error names one of the files
    with_finding = {f.post_id for f in findings}
    for f in files:
        post = by_path[str(f)]
        if str(f) in errored:
            continue
        if f.parent.name == "invalid":
            # Broken EXIF, readable pixels: nothing to report, and the image still decodes.
            assert post.time_source == "file-mtime"
            assert PostContext(post, run).image(0) is not None
        else:
            # Camera files with damaged maker notes still give their device and time.
            assert post.id in with_finding, f.name
            assert post.time_source in ("exif", "exif-gps", "exif-local")
    gps_files = {Path(by_path[p].media[0].path).name for p in by_path if by_path[p].time_source == "exif-gps"}
    assert gps_files == {"67-0_length_string.jpg", "87_OSError.jpg"}


def _png_bomb(path: Path, width: int = 30000, height: int = 30000) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def test_damaged_files_and_a_bomb_become_error_records(tmp_path: Path) -> None:
    good = make_jpeg(tmp_path / "good.jpg", gps=(52.37, 4.89), Model="Pixel 7")
    (tmp_path / "garbage.jpg").write_bytes(os.urandom(2000))
    (tmp_path / "empty.jpg").write_bytes(b"")
    buf = io.BytesIO()
    Image.new("RGB", (400, 300), (10, 200, 30)).save(buf, "JPEG")
    (tmp_path / "truncated.jpg").write_bytes(buf.getvalue()[:700])
    _png_bomb(tmp_path / "bomb.png")  # 900 MP: Pillow's own bomb check stops it
    _png_bomb(tmp_path / "big.png", 12000, 10000)  # 120 MP: over our 100 MP limit, under Pillow's
    posts, findings, run = _scan([str(tmp_path)])
    _no_traceback(run)
    assert len(posts) == 6  # unreadable files stay in the report as posts
    reasons = {Path(e.where).name: e.message for e in run.errors}
    assert set(reasons) == {"garbage.jpg", "empty.jpg", "truncated.jpg", "bomb.png", "big.png"}
    assert "not an image this tool can read" in reasons["garbage.jpg"]
    assert "not an image this tool can read" in reasons["empty.jpg"]
    assert "too large to open safely" in reasons["bomb.png"]
    assert "too large to open safely" in reasons["big.png"] and "120000000 pixels" in reasons["big.png"]
    assert "damaged or truncated" in reasons["truncated.jpg"]
    good_id = next(p.id for p in posts if p.media[0].path == str(good))
    assert {f.category for f in findings if f.post_id == good_id} == {"gps_exif", "device_metadata"}


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("no photos here")
    run = RunContext()
    posts, summaries = collect([str(tmp_path / "nope"), str(tmp_path / "empty")], run)
    assert posts == []
    [missing, empty] = run.errors
    assert missing.where == str(tmp_path / "nope") and "no such file or folder" in missing.message
    assert empty.where == str(tmp_path / "empty")
    assert empty.message.startswith(f"no photos found in {tmp_path / 'empty'}; supported: ")
    assert [s.posts for s in summaries] == [0, 0]


def test_symlink_loop_does_not_hang_or_lose_photos(tmp_path: Path) -> None:
    make_jpeg(tmp_path / "a" / "b" / "photo.jpg", Model="X")
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "up")
    posts, findings, run = _scan([str(tmp_path)])
    assert len(posts) == 1 and len(findings) == 1
    [err] = run.errors
    assert err.where == str(tmp_path / "a" / "b" / "up") and "symlink loop" in err.message


def test_heic_decodes_and_gives_its_time(test_data: Path) -> None:
    heic = test_data / "exif-samples" / "heic" / "mobile" / "iphone_13_pro_max.HEIC"
    posts, findings, run = _scan([str(heic)], decode=False)
    [post] = posts
    assert run.errors == []
    assert post.time_source == "exif"
    assert post.taken_at == datetime(2022, 2, 16, 12, 55, 41, tzinfo=timezone(timedelta(hours=1)))
    img = PostContext(post, run).image(0)
    assert img is not None and img.mode == "RGB" and min(img.size) > 100
    [meta] = [f for f in findings if f.category == "device_metadata"]
    assert meta.value.model == "iPhone 13 Pro Max"


@pytest.mark.parametrize("name", ["photo.webp", "photo.gif", "photo.png"])
def test_other_formats_are_read(tmp_path: Path, name: str) -> None:
    Image.new("RGB", (20, 20), "blue").save(tmp_path / name)
    posts, _, run = _scan([str(tmp_path)])
    assert [Path(p.media[0].path).name for p in posts] == [name]
    assert run.errors == []


def test_gps_time_of_4294967295_hours_keeps_the_position(tmp_path: Path) -> None:
    from PIL import TiffImagePlugin

    from footprint_audit.exif import read_exif

    img = Image.new("RGB", (8, 8))
    exif = Image.Exif()
    g = exif.get_ifd(0x8825)
    g[1], g[2] = "N", (TiffImagePlugin.IFDRational(52, 1),) * 3
    g[3], g[4] = "E", (TiffImagePlugin.IFDRational(4, 1),) * 3
    g[29] = "2024:05:14"
    g[7] = tuple(TiffImagePlugin.IFDRational(v, 1) for v in (4294967295, 0, 0))
    img.save(tmp_path / "x.jpg", exif=exif)
    gps = read_exif(tmp_path / "x.jpg").gps
    assert gps is not None and gps.timestamp is None and int(gps.lat) == 52


@pytest.mark.parametrize("use_cache", [True, False])
def test_a_collector_bug_ends_its_source_not_the_scan(tmp_path: Path, use_cache: bool) -> None:
    """One failure is one error record: a collector that crashes half-way keeps what it had
    yielded, and the other sources are read."""
    from footprint_audit.context import AuditOptions
    from footprint_audit.pipeline import audit
    from tests.fakes import ListCollector, make_post

    class Buggy(ListCollector):
        def collect(self, spec, run):  # type: ignore[no-untyped-def]
            yield self.posts[0]
            raise RuntimeError("bug")

    buggy = Buggy([make_post("a", "first")])
    buggy.matches = lambda spec: spec == "list:buggy"  # type: ignore[method-assign]
    good = ListCollector([make_post("b", "second")])
    good.matches = lambda spec: spec == "list:good"  # type: ignore[method-assign]
    result = audit(
        ["list:buggy", "list:good"],
        analyzers=[],
        collectors=[buggy, good],
        options=AuditOptions(data_dir=tmp_path, use_cache=use_cache),
    )
    assert sorted(p.id for p in result.posts) == ["a", "b"]
    assert [e.where for e in result.errors] == ["list:buggy"]
    assert "RuntimeError: bug" in result.errors[0].message
