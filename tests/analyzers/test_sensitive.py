from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from analyzers.sensitive import (
    MIN_SCORE,
    PARTLY_SUMMARY,
    UNDRESSED_SUMMARY,
    SensitiveImageAnalyzer,
    caption_cues,
    classify,
)
from footprint_audit.context import PostContext, RunContext
from footprint_audit.models import Media, Post


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


def _run(analyzer: SensitiveImageAnalyzer, post: Post) -> list:
    return analyzer.analyze(post, PostContext(post, RunContext()))


@pytest.mark.parametrize(
    ("detections", "expected"),
    [
        ([_det("BUTTOCKS_EXPOSED")], "high"),
        ([_det("MALE_GENITALIA_EXPOSED"), _det("FACE_MALE")], "high"),
        ([_det("FEMALE_BREAST_EXPOSED", 0.55)], "high"),
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
