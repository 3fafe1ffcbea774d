"""The faces analyzer on real photos (tests/data/faces: adults only) and on bad input.

Heavy: loads CenterFace, dlib and the age network once per session.
"""

from __future__ import annotations

import os
import stat
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from analyzers.faces import FacesAnalyzer
from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.engines import faces as faces_mod
from footprint_audit.engines.faces import MediaFaces, age_band, analyze_file
from footprint_audit.engines.image_tasks import FacesTask
from footprint_audit.enrollment import enroll
from footprint_audit.image_work import run_image_work
from footprint_audit.models import Finding, Media, Post
from footprint_audit.pipeline import analyze, analyze_post
from footprint_audit.schema import load_schema

pytestmark = pytest.mark.slow

SCANNED = ("knn_examples/test", "test_images")
OBAMA = {
    "knn_examples/test/obama1.jpg",
    "knn_examples/test/obama_and_biden.jpg",
    "test_images/obama.jpg",
    "test_images/obama2.jpg",
    "test_images/obama3.jpg",
    "test_images/obama_partial_face.jpg",
    "test_images/obama_partial_face2.jpg",
    "test_images/32bit.png",
    "two_people.jpg",  # also scanned: Obama left, Biden right
}
BIDEN = {"knn_examples/test/obama_and_biden.jpg", "test_images/biden.jpg", "two_people.jpg"}
#: Faces counted by eye (two_people: Obama, Biden; kit_with_rose: Rose Leslie, Kit
#: Harington; obama_and_biden: Biden, Obama and a girl looking down at the bottom right).
GROUP_FACES = {
    "two_people.jpg": 2,
    "knn_examples/test/kit_with_rose.jpg": 2,
    "knn_examples/test/obama_and_biden.jpg": 3,
}


def _post(root: Path, rel: str) -> Post:
    return Post(id=rel, source="test", media=(Media(path=str(root / rel)),))


@pytest.fixture(scope="session")
def faces_root(test_data: Path) -> Path:
    return test_data / "faces"


@pytest.fixture(scope="session")
def scanned(faces_root: Path) -> dict[str, MediaFaces]:
    """Face results for every scanned photo, computed once (no cache, in process)."""
    rels = sorted(
        str(p.relative_to(faces_root))
        for d in SCANNED
        for p in (faces_root / d).iterdir()
        if p.suffix.lower() in {".jpg", ".jpeg", ".png"}
    )
    rels.append("two_people.jpg")
    res = run_image_work({(str(faces_root / rel), "image"): [FacesTask()] for rel in rels}, workers=1)
    return {rel: MediaFaces.from_json(res[str(faces_root / rel)].results["faces"]) for rel in rels}


def _scan_with(faces_root: Path, scanned: dict[str, MediaFaces], profile: Path) -> dict[str, list[Finding]]:
    analyzer = FacesAnalyzer()
    analyzer._results = {(rel, 0): r for rel, r in scanned.items()}
    run = RunContext(AuditOptions(data_dir=profile))
    out: dict[str, list[Finding]] = {}
    for rel in scanned:
        out[rel] = analyze_post(_post(faces_root, rel), [analyzer], run)
    assert run.errors == []
    return out


@pytest.mark.parametrize(("name", "expected"), [("obama", OBAMA), ("biden", BIDEN)])
def test_enrolled_person_is_found_in_every_photo_and_nowhere_else(
    faces_root: Path, scanned: dict[str, MediaFaces], tmp_path: Path, name: str, expected: set[str]
) -> None:
    train = sorted((faces_root / "knn_examples/train" / name).iterdir())
    enroll(name, train, profile=tmp_path)
    findings = _scan_with(faces_root, scanned, tmp_path)
    hits = {
        rel
        for rel, fs in findings.items()
        for f in fs
        if f.category == "enrolled_child_face" and f.child == name
    }
    assert hits == expected
    wrong = [(rel, f.child) for rel, fs in findings.items() for f in fs if f.child not in (None, name)]
    assert wrong == []
    for rel in expected:  # exactly one face per photo is this person
        matched = [f for f in findings[rel] if f.child == name]
        assert len(matched) == 1
        assert 0.5 <= matched[0].confidence <= 1.0
    # Obama and Biden together: the other one is just a face, not the enrolled child.
    for rel in ("knn_examples/test/obama_and_biden.jpg", "two_people.jpg"):
        assert [f.category for f in findings[rel]].count("enrolled_child_face") == 1


def test_group_photo_recall_is_complete(faces_root: Path, scanned: dict[str, MediaFaces]) -> None:
    for rel, count in GROUP_FACES.items():
        assert len(scanned[rel].faces) == count, rel
    # Boxes are in original pixels: two_people.jpg is 1126x661, Obama left, Biden right.
    left, right = scanned["two_people.jpg"].faces
    assert scanned["two_people.jpg"].size == (1126, 661)
    assert left.box[3] < 400 < right.box[3]
    assert all(0 <= f.box[0] < f.box[2] <= 661 and 0 <= f.box[3] < f.box[1] <= 1126 for f in (left, right))


def test_adults_are_estimated_as_adults(scanned: dict[str, MediaFaces]) -> None:
    ages = [f.age for r in scanned.values() for f in r.faces if f.age is not None]
    assert len(ages) == sum(len(r.faces) for r in scanned.values()) >= 15
    # obama_and_biden.jpg: Biden, Obama, and a girl looking down (the one child in the set).
    biden, obama, girl = scanned["knn_examples/test/obama_and_biden.jpg"].faces
    assert girl.age is not None and girl.age < 18
    adults = [f.age for r in scanned.values() for f in r.faces if f.age is not None and f is not girl]
    assert min(adults) >= 18, sorted(adults)
    assert age_band(biden.age) == age_band(obama.age) == "adult"


def test_findings_without_enrolment_are_faces_with_evidence(
    faces_root: Path, scanned: dict[str, MediaFaces], tmp_path: Path
) -> None:
    findings = _scan_with(faces_root, scanned, tmp_path)
    two = findings["two_people.jpg"]
    assert [f.category for f in two] == ["face", "face"]
    for f in two:
        assert f.value.frontal is True
        assert f.value.age_band == "adult"
        assert 0.03 < f.value.relative_size < 0.06
        assert f.value.crop_id.startswith("c-")
        assert f.evidence["face_box"] == list(f.value.box)
        assert f.severity == "medium"


def _write_gray16(path: Path, face: Image.Image) -> None:
    arr = (np.asarray(face.convert("L"), dtype=np.uint16) * 257).astype(np.uint16)
    Image.fromarray(arr).save(path)


@pytest.fixture(scope="session")
def obama_face(faces_root: Path) -> Image.Image:
    img = Image.open(faces_root / "test_images/obama.jpg").convert("RGB")
    img.thumbnail((500, 500))
    return img


@pytest.mark.parametrize("mode", ["L", "I;16", "RGBA", "CMYK", "GIF"])
def test_unusual_pixel_formats_still_find_the_face(
    obama_face: Image.Image, tmp_path: Path, mode: str
) -> None:
    if mode == "I;16":
        path = tmp_path / "face16.png"
        _write_gray16(path, obama_face)
        assert Image.open(path).mode.startswith("I")
    elif mode == "CMYK":
        path = tmp_path / "face_cmyk.jpg"
        obama_face.convert("CMYK").save(path)
    elif mode == "GIF":
        path = tmp_path / "anim.gif"
        blanks = [Image.new("RGB", obama_face.size, (c, c, c)) for c in (40, 200)]
        obama_face.save(path, save_all=True, append_images=blanks, duration=100, loop=0)
        assert Image.open(path).n_frames == 3
    else:
        path = tmp_path / f"face_{mode}.png"
        obama_face.convert(mode).save(path)
    result = analyze_file(str(path))
    assert result.error is None
    assert len(result.faces) == 1
    assert result.faces[0].encoding is not None


def test_bad_files_become_clear_per_item_results(tmp_path: Path, test_data: Path) -> None:
    tiny = tmp_path / "one.png"
    Image.new("RGB", (1, 1)).save(tiny)
    r = analyze_file(str(tiny))
    assert (r.error, r.faces, r.size) == (None, [], (1, 1))

    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    r = analyze_file(str(broken))
    assert r.error is not None and "broken.jpg" in r.error

    # Broken EXIF in front of readable pixels: the face engine still reads the image.
    invalid = sorted((test_data / "exif-samples/jpg/invalid").glob("*.jpg"))
    assert len(invalid) == 5
    for path in invalid:
        r = analyze_file(str(path))
        assert r.error is None and r.size == Image.open(path).size, path.name

    huge = tmp_path / "huge.png"
    ihdr = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    chunks = [(b"IHDR", ihdr), (b"IDAT", zlib.compress(b"\0" * 64)), (b"IEND", b"")]
    huge.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + b"".join(
            struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d)) for t, d in chunks
        )
    )
    r = analyze_file(str(huge))
    assert r.error is not None and "huge.png" in r.error and "too large" in r.error

    video = tmp_path / "clip.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + os.urandom(2000))
    r = analyze_file(str(video), "video")
    assert r.error is not None and "clip.mp4" in r.error


def test_crowd_is_capped_and_said(obama_face: Image.Image, tmp_path: Path) -> None:
    cell = obama_face.resize((120, 120))
    n = 7
    grid = Image.new("RGB", (120 * n, 120 * n))
    for i in range(n * n):
        grid.paste(cell, ((i % n) * 120, (i // n) * 120))
    path = tmp_path / "crowd.jpg"
    grid.save(path)
    post = Post(id="crowd", source="test", media=(Media(path=str(path)),))
    run = RunContext(AuditOptions(data_dir=tmp_path, workers=1))
    found = analyze([post], [FacesAnalyzer()], run)
    assert len(found) == faces_mod.MAX_FACES
    assert any("only the 40 largest" in n for n in run.notes)


def test_video_frames_are_checked(obama_face: Image.Image, tmp_path: Path) -> None:
    import cv2

    path = tmp_path / "clip.avi"
    frame = cv2.cvtColor(np.asarray(obama_face.resize((320, 320))), cv2.COLOR_RGB2BGR)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 5, (320, 320))
    for _ in range(10):
        writer.write(frame)
    writer.release()
    post = Post(id="v", source="test", media=(Media(path=str(path), kind="video"),))
    run = RunContext(AuditOptions(data_dir=tmp_path, workers=1))
    found = analyze([post], [FacesAnalyzer()], run)
    assert run.errors == []
    assert len(found) == 1  # the same face in three sampled frames is reported once
    assert found[0].summary.endswith("in this video.")


def test_pool_and_cache_second_scan_does_no_face_work(faces_root: Path, tmp_path: Path) -> None:
    from footprint_audit import image_work

    posts = [
        _post(faces_root, rel)
        for rel in ("two_people.jpg", "test_images/biden.jpg", "test_images/obama3.jpg")
    ]
    run = RunContext(AuditOptions(data_dir=tmp_path, workers=2))
    first = analyze(posts, [FacesAnalyzer()], run)
    assert len(first) == 4 and run.errors == []
    cache_dir = tmp_path / "image-cache"
    files = list(cache_dir.rglob("*.json"))
    assert len(files) == 3
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)

    before = image_work.TASK_RUNS["faces"]
    run2 = RunContext(AuditOptions(data_dir=tmp_path, workers=2))
    second = analyze(posts, [FacesAnalyzer()], run2)
    assert image_work.TASK_RUNS["faces"] == before
    assert [(f.post_id, f.value.box) for f in second] == [(f.post_id, f.value.box) for f in first]


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_find_face_boxes_for_fix_are_in_stored_pixels(
    obama_face: Image.Image, tmp_path: Path, orientation: int
) -> None:
    from footprint_audit.engines.faces import find_face_boxes

    (expected,) = (f.box for f in analyze_file_image(obama_face))
    # Store the picture rotated, with the EXIF tag that turns it upright again.
    undo = {
        1: None,
        3: Image.Transpose.ROTATE_180,
        6: Image.Transpose.ROTATE_90,
        8: Image.Transpose.ROTATE_270,
    }
    stored = obama_face.transpose(undo[orientation]) if undo[orientation] is not None else obama_face.copy()
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = tmp_path / "o.jpg"
    stored.save(path, exif=exif.tobytes(), quality=95)
    img = Image.open(path)
    (box,) = find_face_boxes(img)
    top, right, bottom, left = box
    # The stored box covers the same pixels as the upright box, turned back.
    region = np.zeros((obama_face.height, obama_face.width), np.uint8)
    t, r, b, l_ = expected
    region[t:b, l_:r] = 255
    mask = Image.fromarray(region)
    if undo[orientation] is not None:
        mask = mask.transpose(undo[orientation])
    ys, xs = np.nonzero(np.asarray(mask))
    assert abs(top - ys.min()) < 8 and abs(bottom - ys.max()) < 8
    assert abs(left - xs.min()) < 8 and abs(right - xs.max()) < 8


def analyze_file_image(img: Image.Image) -> list:
    from footprint_audit.engines.faces import analyze_image

    return analyze_image(img)[0]


def test_report_faces_section_and_contact_sheet(
    faces_root: Path, scanned: dict[str, MediaFaces], tmp_path: Path
) -> None:
    from footprint_audit.models import AuditResult
    from footprint_audit.report import write_report
    from footprint_audit.report_faces import report_section

    enroll("obama", sorted((faces_root / "knn_examples/train/obama").iterdir()), profile=tmp_path)
    rels = ["two_people.jpg", "knn_examples/test/obama1.jpg", "test_images/biden.jpg"]
    findings = _scan_with(faces_root, {r: scanned[r] for r in rels}, tmp_path)
    posts = tuple(
        Post(id=r, source="test", media=(Media(path=str(faces_root / r)),), visibility="public") for r in rels
    )
    result = AuditResult(
        sources=(), posts=posts, findings=tuple(f for r in rels for f in findings[r]), facts=(), errors=()
    )
    section = report_section(result)
    assert section["children"] == [
        {"name": "obama", "posts": ["two_people.jpg", "knn_examples/test/obama1.jpg"], "public": 2}
    ]
    assert section["faces"] == 4 and len(section["crops"]) == 4
    assert section["crops"][0]["category"] == "enrolled_child_face"
    ids = {f.value.crop_id for f in result.findings}
    assert {c["crop_id"] for c in section["crops"]} == ids
    blurred = report_section(result, share=True)
    assert [c["crop_id"] for c in blurred["crops"]] == [c["crop_id"] for c in section["crops"]]
    assert all(a["uri"] != b["uri"] for a, b in zip(section["crops"], blurred["crops"], strict=True))

    for share in (False, True):
        paths = write_report(result, tmp_path / f"out{share}", share=share)
        assert paths.html is not None
        html = paths.html.read_text()
        assert 'id="faces"' in html
        assert "recognisable in 2 posts, 2 of them public" in html
        assert html.count('<li class="enrolled_child_face"') == 2
        assert "http://" not in html and "https://" not in html
        assert section["crops"][0]["uri"] in html if not share else blurred["crops"][0]["uri"] in html


def test_end_to_end_audit_report_validates(faces_root: Path, tmp_path: Path) -> None:
    import json

    import jsonschema

    from footprint_audit.pipeline import audit
    from footprint_audit.report import write_report
    from tests.fakes import ListCollector

    enroll("biden", [faces_root / "knn_examples/train/biden/biden.jpg"], profile=tmp_path)
    posts = [
        Post(id=rel, source="list", media=(Media(path=str(faces_root / rel)),), visibility="public")
        for rel in ("two_people.jpg", "knn_examples/test/kit_with_rose.jpg")
    ]
    result = audit(
        ["list:family"],
        analyzers=[FacesAnalyzer()],
        collectors=[ListCollector(posts)],
        options=AuditOptions(data_dir=tmp_path, workers=1),
    )
    assert result.errors == ()
    cats = sorted((f.post_id, f.category, f.child or "") for f in result.findings)
    assert cats == [
        ("knn_examples/test/kit_with_rose.jpg", "face", ""),
        ("knn_examples/test/kit_with_rose.jpg", "face", ""),
        ("two_people.jpg", "enrolled_child_face", "biden"),
        ("two_people.jpg", "face", ""),
    ]
    paths = write_report(result, tmp_path / "out")
    data = json.loads(paths.json.read_text())
    jsonschema.Draft202012Validator(load_schema(), format_checker=jsonschema.FormatChecker()).validate(data)
    assert paths.html is not None and "recognisable in 1 post, 1 of them public" in paths.html.read_text()
