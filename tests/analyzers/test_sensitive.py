from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PIL import Image

from analyzers.sensitive import (
    MIN_SCORE,
    PARTLY_SOMEONE_SUMMARY,
    PARTLY_SUMMARY,
    STRONG_SCORE,
    UNDRESSED_SOMEONE_SUMMARY,
    UNDRESSED_SUMMARY,
    SensitiveImageAnalyzer,
    caption_cues,
    classify,
)
from footprint_audit.context import PostContext, RunContext
from footprint_audit.models import Media, Post
from tests.datasets import corpora


class FakeDetector:
    """Stands in for NudeNet: fixed detections, and a record of what it was given."""

    def __init__(self, detections: list[dict[str, Any]]) -> None:
        self.detections = detections
        self.seen: list[Any] = []

    def detect(self, image: Any) -> list[dict[str, Any]]:
        self.seen.append(image)
        return self.detections


def _det(label: str, score: float = 0.8, box: tuple[int, int, int, int] = (10, 20, 30, 40)) -> dict[str, Any]:
    return {"class": label, "score": score, "box": list(box)}


def _post(tmp_path: Path, caption: str = "", n_images: int = 1) -> Post:
    media = []
    for i in range(n_images):
        path = tmp_path / f"img{i}.png"
        Image.new("RGB", (200, 100), (90, 120, 200)).save(path)
        media.append(Media(path=str(path)))
    return Post(id="p1", source="test", caption=caption, media=tuple(media))


def _run(analyzer: SensitiveImageAnalyzer, post: Post, child_face: bool = True) -> list:
    """Analyse one post; ``child_face``: the faces analyzer saw a 5-year-old's face in each photo."""
    run = RunContext()
    age = 5.0 if child_face else 40.0
    faces = {(post.id, i): SimpleNamespace(faces=[SimpleNamespace(age=age)]) for i in range(len(post.media))}
    run.memo("faces:results", lambda: faces)
    return analyzer.analyze(post, PostContext(post, run))


def test_no_child_face_never_says_child(tmp_path: Path) -> None:
    # An adult's face only (a swimmer, a man in a suit the detector misread): "someone", one step lower.
    fake = FakeDetector([_det("BUTTOCKS_EXPOSED", 0.9), _det("FACE_MALE", 0.9)])
    (f,) = _run(SensitiveImageAnalyzer(detector=fake), _post(tmp_path), child_face=False)
    assert (f.severity, f.summary) == ("medium", UNDRESSED_SOMEONE_SUMMARY)
    assert "child" not in f.summary.split(";")[0] and f.evidence["child_face"] is False
    fake = FakeDetector([_det("BUTTOCKS_COVERED", 0.7), _det("FEET_EXPOSED", 0.6)])
    (f,) = _run(SensitiveImageAnalyzer(detector=fake), _post(tmp_path), child_face=False)
    assert (f.severity, f.summary) == ("low", PARTLY_SOMEONE_SUMMARY)


def test_bath_word_stands_in_for_a_child_face(tmp_path: Path) -> None:
    # A baby in the bath often shows no detectable face; the parent's word says who it is.
    fake = FakeDetector([_det("BUTTOCKS_EXPOSED", 0.9)])
    (f,) = _run(SensitiveImageAnalyzer(detector=fake), _post(tmp_path, caption="bath time"), child_face=False)
    assert (f.severity, f.summary) == ("high", UNDRESSED_SUMMARY)


def test_weak_exposed_score_is_not_undressed(tmp_path: Path) -> None:
    fake = FakeDetector([_det("BUTTOCKS_EXPOSED", STRONG_SCORE - 0.05)])
    (f,) = _run(SensitiveImageAnalyzer(detector=fake), _post(tmp_path))
    assert (f.severity, f.summary, f.value.text) == ("medium", PARTLY_SUMMARY, "partly dressed")


@pytest.mark.parametrize(
    ("detections", "expected"),
    [
        ([_det("BUTTOCKS_EXPOSED")], "high"),
        ([_det("MALE_GENITALIA_EXPOSED"), _det("FACE_MALE")], "high"),
        # an exposed label with a weak score is never "undressed"
        ([_det("FEMALE_BREAST_EXPOSED", 0.55)], "medium"),
        ([_det("FEMALE_BREAST_EXPOSED", STRONG_SCORE)], "high"),
        ([_det("BELLY_EXPOSED")], "medium"),
        ([_det("MALE_BREAST_EXPOSED")], "medium"),
        ([_det("BUTTOCKS_COVERED"), _det("FEET_EXPOSED")], "medium"),
        ([_det("FEMALE_BREAST_COVERED"), _det("ARMPITS_EXPOSED")], "medium"),
        # What any dressed person shows: nothing to say.
        ([_det("FACE_FEMALE"), _det("BELLY_COVERED"), _det("FEET_COVERED")], None),
        ([_det("FEMALE_BREAST_COVERED")], None),
        ([_det("FEET_EXPOSED")], None),
        # Below the threshold, even an exposed label is not trusted.
        ([_det("BUTTOCKS_EXPOSED", MIN_SCORE - 0.01)], None),
        ([], None),
    ],
)
def test_classify_maps_labels(detections: list[dict[str, Any]], expected: str | None) -> None:
    verdict = classify(detections)
    assert (verdict[0] if verdict else None) == expected


def test_exposed_detection_is_high_with_box_in_original_pixels(tmp_path: Path) -> None:
    fake = FakeDetector([_det("BUTTOCKS_EXPOSED", 0.9, (10, 20, 30, 40)), _det("FACE_FEMALE", 0.9)])
    findings = _run(SensitiveImageAnalyzer(detector=fake), _post(tmp_path))
    assert len(findings) == 1
    f = findings[0]
    assert (f.severity, f.category, f.media_index, f.summary) == (
        "high",
        "sensitive_image",
        0,
        UNDRESSED_SUMMARY,
    )
    # NudeNet's [x, y, w, h] becomes [top, right, bottom, left], like face boxes.
    assert f.evidence["detections"] == [{"class": "BUTTOCKS_EXPOSED", "score": 0.9, "box": [20, 40, 60, 10]}]
    # The detector got a BGR array of the image: blue (200) first.
    (arr,) = fake.seen
    assert arr.shape == (100, 200, 3) and list(arr[0, 0]) == [200, 120, 90]


def test_covered_detection_is_medium(tmp_path: Path) -> None:
    fake = FakeDetector([_det("BUTTOCKS_COVERED", 0.7), _det("FEET_EXPOSED", 0.6)])
    (f,) = _run(SensitiveImageAnalyzer(detector=fake), _post(tmp_path))
    assert (f.severity, f.summary) == ("medium", PARTLY_SUMMARY)
    assert [d["class"] for d in f.evidence["detections"]] == ["BUTTOCKS_COVERED", "FEET_EXPOSED"]


def test_bare_torso_with_bath_caption_is_high(tmp_path: Path) -> None:
    fake = FakeDetector([_det("BELLY_EXPOSED", 0.7)])
    (f,) = _run(SensitiveImageAnalyzer(detector=fake), _post(tmp_path, caption="Splashy bath before bed"))
    assert f.severity == "high"
    assert f.evidence["caption_cues"][0]["text"] == "bath"


def test_caption_alone_is_medium_low_confidence(tmp_path: Path) -> None:
    caption = "bathtime fun 🛁"
    (f,) = _run(SensitiveImageAnalyzer(detector=FakeDetector([])), _post(tmp_path, caption=caption))
    assert (f.severity, f.media_index) == ("medium", None)
    assert f.confidence <= 0.4
    assert (f.evidence["field"], f.evidence["start"], f.evidence["end"]) == ("caption", 0, 8)
    assert caption[f.evidence["start"] : f.evidence["end"]] == "bathtime"
    assert "bathtime" in f.summary


def test_swim_caption_alone_is_low(tmp_path: Path) -> None:
    (f,) = _run(
        SensitiveImageAnalyzer(detector=FakeDetector([])), _post(tmp_path, caption="Swim class again!")
    )
    assert (f.severity, f.value.text, f.evidence["start"]) == ("low", "Swim", 0)


def test_caption_without_cue_and_clean_image_gives_nothing(tmp_path: Path) -> None:
    fake = FakeDetector([_det("FACE_FEMALE", 0.9)])
    assert (
        _run(SensitiveImageAnalyzer(detector=fake), _post(tmp_path, caption="Lovely walk in the park")) == []
    )


def test_comment_words_are_not_caption_cues() -> None:
    assert caption_cues([("comment:0", "nice beach!")]) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("bathtime fun 🛁", "bathtime"),
        ("Bath time!", "Bath time"),
        ("First time at the beach", "beach"),
        ("new swimsuit", "swimsuit"),
        ("paddling pool weather", "paddling pool"),
        ("potty training day 3", "potty"),
        ("nappy change chaos", "nappy"),
        ("lekker in bad", "in bad"),
        ("in het badje", "badje"),
        ("naar het zwembad", "zwembad"),
        ("今日はお風呂で遊んだ", "お風呂"),
        ("プール楽しかった", "プール"),
        ("🛁", "🛁"),
    ],
)
def test_caption_cues_found(text: str, cue: str) -> None:
    assert cue in [c["text"] for c in caption_cues([("caption", text)])]


@pytest.mark.parametrize("text", ["Our new bathroom tiles", "Walking down Bathurst Street", "Lovely day"])
def test_caption_cue_false_friends(text: str) -> None:
    assert caption_cues([("caption", text)]) == []


@pytest.fixture(scope="session")
def nudenet() -> Any:
    from footprint_audit.engines.nudity import nudity_detector

    return nudity_detector()


def test_real_dressed_portraits_are_not_flagged(nudenet: Any, test_data: Path) -> None:
    faces = test_data / "faces"
    paths = sorted(p for p in faces.rglob("*") if p.suffix.lower() in {".jpg", ".jpeg", ".png"})
    assert len(paths) >= 15
    post = Post(id="faces", source="test", media=tuple(Media(path=str(p)) for p in paths))
    ctx = PostContext(post, RunContext())
    analyzer = SensitiveImageAnalyzer(detector=nudenet)
    assert analyzer.analyze(post, ctx) == []
    # The model did run and see the people: it labels their faces.
    assert any(d["class"].startswith("FACE_") for d in analyzer._detect(ctx, 0))


def _clothed_and_scenery(root: Path) -> list[Path]:
    """Every portrait (clothed adults) and camera sample (scenery, objects) in a corpus."""
    suffixes = {".jpg", ".jpeg", ".png", ".heic"}
    return sorted(
        p
        for folder in (root / "faces", root / "exif-samples")
        if folder.is_dir()
        for p in folder.rglob("*")
        if p.suffix.lower() in suffixes
    )


class _Recording:
    """The real detector, recording the highest score it gave each label."""

    def __init__(self, detector: Any) -> None:
        self.detector = detector
        self.calls = 0
        self.best: dict[str, float] = {}

    def detect(self, image: Any) -> list[dict[str, Any]]:
        self.calls += 1
        found: list[dict[str, Any]] = self.detector.detect(image)
        for d in found:
            self.best[d["class"]] = max(self.best.get(d["class"], 0.0), float(d["score"]))
        return found


@pytest.mark.parametrize("root", corpora())
def test_no_clothed_adult_or_scenery_photo_is_undressed(nudenet: Any, root: Path) -> None:
    """The real detector on every clothed-adult and scenery photo: never "undressed", even
    with a child's face assumed in each photo (so the strongest wording is possible)."""
    paths = _clothed_and_scenery(root)
    assert len(paths) >= 20
    post = Post(id="corpus", source="test", media=tuple(Media(path=str(p)) for p in paths))
    recording = _Recording(nudenet)
    findings = _run(SensitiveImageAnalyzer(detector=recording), post, child_face=True)
    words = [str(f.value.to_json()) for f in findings if f.category == "sensitive_image"]
    assert not any("undressed" in w for w in words), (root, words)
    assert all(f.severity != "high" for f in findings), [(f.summary, f.evidence) for f in findings]
    # the detector did see the photos (the unreadable test files aside) and their faces
    assert recording.calls >= len(paths) // 2 and any(k.startswith("FACE_") for k in recording.best)
