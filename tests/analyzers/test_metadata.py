from __future__ import annotations

from pathlib import Path

from PIL import Image

from analyzers.metadata import MetadataAnalyzer
from footprint_audit.context import PostContext, RunContext
from footprint_audit.models import Finding, Media, Post
from tests.exif_factory import make_jpeg


def _analyze(*paths: Path, kinds: tuple[str, ...] = ()) -> tuple[list[Finding], RunContext]:
    media = tuple(
        Media(path=str(p), kind=kinds[i] if i < len(kinds) else "image")  # type: ignore[arg-type]
        for i, p in enumerate(paths)
    )
    post = Post(id="p1", source="test", media=media)
    run = RunContext()
    return MetadataAnalyzer().analyze(post, PostContext(post, run)), run


def test_serial_and_owner_are_medium(tmp_path: Path) -> None:
    path = make_jpeg(
        tmp_path / "a.jpg",
        Make="Canon",
        Model="Canon EOS 40D",
        Software="Firmware 1.0.3",
        BodySerialNumber="0820507239",
        CameraOwnerName="Jane Example",
        DateTimeOriginal="2024:05:14 16:30:00",
        OffsetTimeOriginal="+01:00",
    )
    [f], run = _analyze(path)
    assert run.errors == []
    assert f.category == "device_metadata" and f.severity == "medium" and f.media_index == 0
    assert f.value.make == "Canon" and f.value.model == "Canon EOS 40D"
    assert dict(f.value.serials) == {"BodySerialNumber": "0820507239"}
    assert f.value.owner == "Jane Example"
    assert f.value.taken_at == "2024-05-14T16:30:00+01:00"
    assert f.evidence["tags"]["BodySerialNumber"] == "0820507239"
    assert f.evidence["tags"]["DateTimeOriginal"] == "2024:05:14 16:30:00"
    assert f.summary == (
        "This photo's file records the Canon EOS 40D it was taken with, the device's serial number, "
        'a person\'s name ("Jane Example"), the software used (Firmware 1.0.3) and the exact time it '
        "was taken, which can link it to other photos from the same camera."
    )


def test_make_and_model_only_is_low(tmp_path: Path) -> None:
    path = make_jpeg(tmp_path / "a.jpg", Make="Apple", Model="iPhone 12")
    [f], _ = _analyze(path)
    assert f.severity == "low"
    assert f.summary == "This photo's file records the Apple iPhone 12 it was taken with."
    assert dict(f.value.serials) == {} and f.value.owner is None


def test_company_copyright_is_not_a_person(tmp_path: Path) -> None:
    company = make_jpeg(tmp_path / "a.jpg", Model="X", Copyright="(C) 2010 Sony Computer Entertainment Inc.")
    person = make_jpeg(tmp_path / "b.jpg", Model="X", Copyright="(c) Jane Example 2024", color=(0, 0, 0))
    [fc], _ = _analyze(company)
    [fp], _ = _analyze(person)
    assert fc.severity == "low" and "copyright notice" in fc.summary
    assert fp.severity == "medium" and fp.value.owner == "(c) Jane Example 2024"


def test_one_finding_per_photo_none_for_bare_files_or_video(tmp_path: Path) -> None:
    bare = tmp_path / "bare.png"
    Image.new("RGB", (8, 8)).save(bare)
    a = make_jpeg(tmp_path / "a.jpg", Model="Pixel 7")
    b = make_jpeg(tmp_path / "b.jpg", DateTimeOriginal="2020:01:01 10:00:00", color=(5, 5, 5))
    findings, run = _analyze(bare, a, tmp_path / "v.mp4", b, kinds=("image", "image", "video", "image"))
    assert [(f.media_index, f.severity) for f in findings] == [(1, "low"), (3, "low")]
    assert findings[1].summary == "This photo's file records the exact time it was taken."
    assert run.errors == []


def test_real_camera_file(test_data: Path) -> None:
    [f], _ = _analyze(test_data / "exif-samples" / "jpg" / "tests" / "87_OSError.jpg")
    # exiftool: Make NIKON CORPORATION, Camera Model Name NIKON D70s.
    assert f.value.model == "NIKON D70s"
    assert dict(f.value.serials) == {"BodySerialNumber": "-1000f46"}  # exiftool: Serial Number -1000f46
    assert f.severity == "medium"
