from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from analyzers.text_in_image import (
    TextInImageAnalyzer,
    TextLine,
    group_lines,
    identifying_kind,
    respace,
)
from footprint_audit.context import PostContext, RunContext
from footprint_audit.models import Media, Post

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)


def _font(size: int = 48) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONT_CANDIDATES:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)  # Pillow >= 10.1 has a scalable built-in font


def _sign(tmp_path: Path, lines: list[str], name: str = "sign.png") -> Path:
    img = Image.new("RGB", (1100, 200 + 80 * len(lines)), (25, 70, 40))
    draw = ImageDraw.Draw(img)
    for i, text in enumerate(lines):
        draw.text((60, 90 + 80 * i), text, font=_font(), fill=(250, 250, 250))
    path = tmp_path / name
    img.save(path)
    return path


def _post(*paths: Path) -> Post:
    return Post(id="p1", source="test", media=tuple(Media(path=str(p)) for p in paths))


@pytest.fixture(scope="session")
def analyzer() -> TextInImageAnalyzer:
    from footprint_audit.engines.ocr import ocr_engine

    # One RapidOCR for the whole session: loading it takes about a second.
    return TextInImageAnalyzer(engine=ocr_engine())


def _run(analyzer: TextInImageAnalyzer, post: Post) -> list:
    return analyzer.analyze(post, PostContext(post, RunContext()))


def test_school_sign_is_read_and_flagged_high(analyzer: TextInImageAnalyzer, tmp_path: Path) -> None:
    findings = _run(analyzer, _post(_sign(tmp_path, ["OAKFIELD PRIMARY SCHOOL"])))
    assert len(findings) == 1
    f = findings[0]
    assert f.category == "text_in_image"
    assert f.severity == "high"
    assert f.value.text == "OAKFIELD PRIMARY SCHOOL"
    assert f.summary == "Readable text in the photo: “OAKFIELD PRIMARY SCHOOL” (a school name)."
    assert f.evidence["ocr_text"] == "OAKFIELD PRIMARY SCHOOL"
    assert f.evidence["kind"] == "school"
    assert f.evidence["score"] >= 0.9
    top, right, bottom, left = f.evidence["box"]
    # The text was drawn from x=60, y=90 at 48 px: the box must sit around it.
    assert 40 <= left <= 80 and 80 <= top <= 110 and bottom - top < 80 and right > 600


def test_two_line_sign_is_one_block(analyzer: TextInImageAnalyzer, tmp_path: Path) -> None:
    findings = _run(analyzer, _post(_sign(tmp_path, ["OAKFIELD", "NURSERY"])))
    assert [f.value.text for f in findings] == ["OAKFIELD NURSERY"]
    assert findings[0].severity == "high"


def test_postcode_and_plate_are_high(analyzer: TextInImageAnalyzer, tmp_path: Path) -> None:
    findings = _run(
        analyzer,
        _post(_sign(tmp_path, ["NW5 1AB"], "pc.png"), _sign(tmp_path, ["AB12 CDE"], "plate.png")),
    )
    kinds = {(f.media_index, f.evidence["kind"]) for f in findings}
    assert kinds == {(0, "postcode"), (1, "number_plate")}
    assert all(f.severity == "high" for f in findings)


def test_ordinary_text_is_low(analyzer: TextInImageAnalyzer, tmp_path: Path) -> None:
    findings = _run(analyzer, _post(_sign(tmp_path, ["HAPPY BIRTHDAY"])))
    assert [(f.severity, f.value.text) for f in findings] == [("low", "HAPPY BIRTHDAY")]


def test_plain_image_gives_nothing(analyzer: TextInImageAnalyzer, tmp_path: Path) -> None:
    path = tmp_path / "plain.png"
    Image.new("RGB", (800, 600), (200, 180, 150)).save(path)
    assert _run(analyzer, _post(path)) == []


def test_real_portraits_give_no_identifying_text(analyzer: TextInImageAnalyzer, test_data: Path) -> None:
    faces = test_data / "faces" / "knn_examples" / "train"
    paths = [
        faces / "obama" / "obama.jpg",
        faces / "biden" / "biden2.jpg",
        test_data / "faces" / "two_people.jpg",
    ]
    findings = _run(analyzer, _post(*paths))
    assert [f for f in findings if f.severity == "high"] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("OAKFIELD PRIMARY SCHOOL", "school"),
        ("St Mary's Academy", "school"),
        ("Little Stars Montessori", "school"),
        ("OAKFIELDSCHOOL", "school"),
        ("Basisschool De Regenboog", "school"),
        ("さくら保育園", "school"),
        ("ひまわり幼稚園", "school"),
        ("HELLO my name is", "name_tag"),
        ("Naam: Sophie", "name_tag"),
        ("NW5 1AB", "postcode"),
        ("SW1A 2AA", "postcode"),
        ("1234 AB", "postcode"),
        ("〒150-0001", "postcode"),
        ("Acacia Avenue", "street"),
        ("12 Oak Street", "street"),
        ("Kerkstraat 12", "street"),
        ("No. 27", "street"),
        ("AB12 CDE", "number_plate"),
        ("KENTISH TOWN SPORTS CENTRE", "place"),
        ("KENTISHTOWNSPORTSCENTRE", "place"),
        ("12-ABC-3", "number_plate"),
        ("HAPPY BIRTHDAY", None),
        ("HBO", None),
        ("GAME OF THRONES", None),
        ("Coca-Cola", None),
        ("2024", None),
    ],
)
def test_identifying_patterns(text: str, kind: str | None) -> None:
    got = identifying_kind(text)
    assert (got[0] if got else None) == kind


def test_group_lines_keeps_separate_signs_apart() -> None:
    a = TextLine("OAKFIELD", 0.99, 10, 10, 200, 50)
    b = TextLine("PRIMARY", 0.99, 12, 60, 190, 100)
    far = TextLine("EXIT", 0.99, 600, 400, 700, 440)
    blocks = group_lines([far, b, a])
    assert [[ln.text for ln in blk] for blk in blocks] == [["OAKFIELD", "PRIMARY"], ["EXIT"]]


class _FakeOCR:
    """Returns fixed OCR output, like RapidOCR's ``(result, elapsed)``."""

    def __init__(self, result: list) -> None:
        self.result = result

    def __call__(self, array: object) -> tuple[list | None, object]:
        return (self.result or None), None


def test_noise_below_threshold_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "x.png"
    Image.new("RGB", (400, 300)).save(path)
    box = [[0, 0], [50, 0], [50, 20], [0, 20]]
    fake = _FakeOCR([[box, "福", 0.9], [box, "D", 0.8], [box, "blurry words", 0.6]])
    assert _run(TextInImageAnalyzer(engine=fake), _post(path)) == []


@pytest.mark.parametrize(
    ("scene", "expected"),
    [
        ("school", [("high", "school", "OAKFIELD PRIMARY SCHOOL")]),
        ("pool", [("medium", "place", "KENTISH TOWN SPORTS CENTRE")]),
        ("cake", []),  # a lone "5" on the cake is too short to report
        ("beach", []),
    ],
)
def test_demo_scenes_small_bitmap_font(
    analyzer: TextInImageAnalyzer, tmp_path: Path, scene: str, expected: list[tuple[str, str, str]]
) -> None:
    """The demo's signs use Pillow's tiny default font; the OCR reads them, often without spaces."""
    from footprint_audit.demo import _scene

    path = tmp_path / f"{scene}.jpg"
    _scene(scene, 3).save(path, quality=90)
    findings = _run(analyzer, _post(path))
    got = [(f.severity, f.evidence.get("kind"), f.value.text) for f in findings]
    # "KENTISH TOWN" may come back glued as "KENTISHTOWN": compare without spaces.
    assert [(s, k, v.replace(" ", "")) for s, k, v in got] == [
        (s, k, v.replace(" ", "")) for s, k, v in expected
    ]
    if scene == "school":
        assert findings[0].value.text == "OAKFIELD PRIMARY SCHOOL"


@pytest.mark.parametrize(
    ("read", "shown"),
    [
        ("OAKFIELDPRIMARYSCHOOL", "OAKFIELD PRIMARY SCHOOL"),
        ("KENTISHTOWNSPORTSCENTRE", "KENTISHTOWN SPORTS CENTRE"),
        ("Oakfield Schools", "Oakfield Schools"),
        ("NesterosVIP", "NesterosVIP"),
        ("NW51AB", "NW51AB"),
    ],
)
def test_respace(read: str, shown: str) -> None:
    assert respace(read) == shown


def test_default_analyzer_reads_signs_through_the_ocr_task(tmp_path: Path) -> None:
    """No injected engine: the "ocr" image task, detector first at reduced size."""
    findings = _run(TextInImageAnalyzer(), _post(_sign(tmp_path, ["OAKFIELD PRIMARY SCHOOL"])))
    assert [(f.severity, f.value.text) for f in findings] == [("high", "OAKFIELD PRIMARY SCHOOL")]


def test_detector_first_never_recognises_when_nothing_is_found() -> None:
    import numpy as np

    from footprint_audit.engines.ocr import read_text

    seen: list[tuple[int, ...]] = []

    class Det:
        limit_type = "min"

        def __call__(self, img: np.ndarray) -> tuple[None, float]:
            seen.append(img.shape)
            return None, 0.0

    class Engine:
        text_det = Det()

        def text_rec(self, crops: object) -> None:
            raise AssertionError("recognition ran on a photo without text")

    assert read_text(Engine(), np.zeros((1080, 1920, 3), dtype=np.uint8), 640) == []
    assert seen == [(540, 960, 3)]  # half the photo (never shrunk more than 2x), not 1920 wide
    seen.clear()
    assert read_text(Engine(), np.zeros((1080, 1080, 3), dtype=np.uint8), 640) == []
    assert seen == [(640, 640, 3)]
