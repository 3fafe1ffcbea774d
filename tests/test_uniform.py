"""School uniforms from outfit recurrence, crests, school times and caption cues.

Photos are generated (tests/uniform_scenes.py): an adult stand-in face pasted above a drawn
outfit. Most tests fake the face detector with the known boxes and a child's age; one runs
the real face pipeline with the stand-in enrolled as the child.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from analyzers.uniform import UniformAnalyzer, caption_cues, is_school_time
from footprint_audit.context import AuditOptions, PostContext, RunContext
from footprint_audit.dossier import build_dossier
from footprint_audit.engines.faces import FaceRecord
from footprint_audit.engines.outfit import (
    colour_name,
    describe_in_words,
    describe_outfits,
    outfit_distance,
    rgb_to_lab,
    torso_box,
)
from footprint_audit.findings import SchoolValue, UniformValue
from footprint_audit.models import Finding, Media, Post
from footprint_audit.pipeline import analyze
from footprint_audit.risk import regrade
from tests.uniform_scenes import UNIFORM, WEEKEND, draw_scene, series

#: Two fake face encodings far apart (distance 1.0 > the 0.55 match threshold).
ENCODINGS = {"obama": [1.0] + [0.0] * 127, "biden": [0.0, 1.0] + [0.0] * 126}


class NoText:
    """An OCR engine that reads nothing (RapidOCR's call shape)."""

    def __call__(self, bgr: object) -> tuple[list[object], None]:
        return [], None


def fake_faces(boxes: dict[str, tuple[int, int, int, int]], who: dict[str, str]):  # type: ignore[no-untyped-def]
    """The face detector, faked: the known box of each generated photo, with an encoding."""

    def faces_of(post: Post, index: int, run: RunContext) -> Sequence[FaceRecord]:
        if post.id not in boxes:
            return []
        return [FaceRecord(boxes[post.id], 0.9, True, 0.03, encoding=ENCODINGS[who[post.id]], age=8.0)]

    return faces_of


def _who(posts: Sequence[Post]) -> dict[str, str]:
    return {p.id: "biden" if p.id.startswith("other") else "obama" for p in posts}


def _run(posts: Sequence[Post], analyzer: UniformAnalyzer) -> tuple[list[Finding], RunContext]:
    run = RunContext(AuditOptions(timezone="Europe/London", use_cache=False, workers=1))
    analyzer.load(posts, run)
    found = [f for p in posts for f in analyzer.analyze(p, PostContext(p, run))]
    return found, run


@pytest.fixture(scope="module")
def scenes(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[Post], dict[str, tuple[int, int, int, int]]]:
    return series(tmp_path_factory.mktemp("uniform"))


# --------------------------------------------------------------------------- the engine


def test_colour_names_match_uniform_colours() -> None:
    names = {
        (22, 88, 48): "bottle green",
        (120, 120, 124): "grey",
        (25, 35, 90): "navy",
        (110, 20, 35): "maroon",
        (250, 250, 250): "white",
    }
    for rgb, name in names.items():
        assert colour_name(rgb_to_lab(np.array(rgb, dtype=np.uint8))) == name


def test_torso_is_below_the_face_and_clipped() -> None:
    assert torso_box((100, 260, 200, 160), 600, 800) == (215, 335, 515, 85)
    assert torso_box((100, 260, 200, 160), 300, 800) == (215, 300, 515, 85)  # clipped at the right
    assert torso_box((650, 260, 750, 160), 600, 800) is None  # face at the bottom: no torso
    assert torso_box((10, 30, 30, 10), 600, 800) is None  # too small to describe


def test_same_uniform_is_close_and_other_outfits_far(
    scenes: tuple[list[Post], dict[str, tuple[int, int, int, int]]],
) -> None:
    posts, boxes = scenes
    desc = {
        p.id: describe_outfits(np.asarray(Image.open(p.media[0].path).convert("RGB")), [boxes[p.id]])[0]
        for p in posts
    }
    school = [d for k, d in desc.items() if k.startswith("school")]
    others = [d for k, d in desc.items() if not k.startswith("school")]
    assert all(d is not None for d in desc.values())
    same = [outfit_distance(a, b) for i, a in enumerate(school) for b in school[i + 1 :]]  # type: ignore[arg-type]
    different = [outfit_distance(a, b) for a in school for b in others]  # type: ignore[arg-type]
    assert max(same) < 0.7 < min(different)
    words, colours = describe_in_words(school[0])  # type: ignore[arg-type]
    assert words == "bottle green jumper, grey skirt or trousers"
    assert colours == ("bottle green", "grey")
    # the drawn shield on the chest is found on every uniform photo, on no weekend outfit
    assert all(d["crest"] for d in school)  # type: ignore[index]
    assert not any(d["crest"] for k, d in desc.items() if k.startswith("weekend"))  # type: ignore[index]


def test_a_plain_photo_without_room_below_the_face_gives_no_outfit(tmp_path: Path) -> None:
    arr = np.full((200, 200, 3), 128, dtype=np.uint8)
    assert describe_outfits(arr, [(120, 140, 190, 60)]) == [None]


# --------------------------------------------------------------------------- the analyzer


def test_school_hours() -> None:
    assert is_school_time(datetime(2026, 9, 7, 8, 10))  # Monday morning
    assert is_school_time(datetime(2026, 9, 8, 15, 30))  # Tuesday pick-up
    assert not is_school_time(datetime(2026, 9, 7, 12, 0))  # Monday lunch
    assert not is_school_time(datetime(2026, 9, 12, 8, 10))  # Saturday
    assert not is_school_time(datetime(2026, 8, 10, 8, 10))  # August: summer holidays


def test_uniform_on_the_weekday_posts_only(
    scenes: tuple[list[Post], dict[str, tuple[int, int, int, int]]],
) -> None:
    posts, boxes = scenes
    found, _ = _run(posts, UniformAnalyzer(faces_of=fake_faces(boxes, _who(posts)), ocr=NoText()))
    assert sorted(f.post_id for f in found) == [f"school-{n}" for n in range(5)]
    f = found[0]
    assert f.category == "uniform" and f.severity == "high"
    assert isinstance(f.value, UniformValue)
    assert f.value.text == "bottle green jumper, grey skirt or trousers, 5 weekday mornings"
    assert f.value.colours == ("bottle green", "grey")
    assert {"outfit_recurs", "school_hours", "crest"} <= set(f.value.signals)
    assert "caption_cue" not in f.value.signals
    assert f.evidence["school_time_posts"] == [f"school-{n}" for n in range(5)]
    # boxes in image pixels: the crest sits on the chest, inside the torso, below the face
    ct, cr, cb, cl = f.evidence["crest"]["box"]
    tt, tr, tb, tl = f.evidence["torso_box"]
    assert tt <= ct < cb <= tb and tl <= cl < cr <= tr
    assert ct > boxes["school-0"][2]


def test_two_school_mornings_are_not_enough(
    scenes: tuple[list[Post], dict[str, tuple[int, int, int, int]]],
) -> None:
    """Two mornings do not make a recurrence; the badge on the chest at school time is a
    medium finding on each (it may be a T-shirt logo), and the risk rule keeps it medium."""
    posts, boxes = scenes
    few = [p for p in posts if p.id not in ("school-2", "school-3", "school-4")]
    found, _ = _run(few, UniformAnalyzer(faces_of=fake_faces(boxes, _who(few)), ocr=NoText()))
    assert sorted(f.post_id for f in found) == ["school-0", "school-1"]
    for f in found:
        assert isinstance(f.value, UniformValue)
        assert f.value.signals == ("crest", "school_hours") and f.severity == "medium"
        assert "badge on the chest" in f.summary and "at school time" in f.summary
    assert [f.severity for f in regrade(few, found)] == ["medium", "medium"]
    # without the badge, two mornings say nothing
    plain = replace(UNIFORM, crest=None)
    for p in few[:2]:
        draw_scene("obama", plain, 100 + int(p.id[-1]), Path(p.media[0].path).with_name(f"plain-{p.id}.jpg"))
    plain_posts = [
        replace(p, media=(Media(str(Path(p.media[0].path).with_name(f"plain-{p.id}.jpg"))),)) for p in few[:2]
    ]
    found, _ = _run(plain_posts, UniformAnalyzer(faces_of=fake_faces(boxes, _who(few)), ocr=NoText()))
    assert found == []


def test_the_same_outfit_at_weekends_too_is_not_a_uniform(tmp_path: Path) -> None:
    posts: list[Post] = []
    boxes: dict[str, tuple[int, int, int, int]] = {}
    outfit = replace(WEEKEND[1], crest=None)  # a favourite yellow jumper, worn every day
    days = [(7, 7), (8, 7), (9, 7), (12, 9), (13, 9), (19, 9)]  # three school mornings, three weekends
    for n, (day, hour) in enumerate(days):
        path = tmp_path / f"p{n}.jpg"
        boxes[f"p{n}"] = draw_scene("obama", outfit, 500 + n, path)
        posts.append(
            Post(
                f"p{n}",
                "test",
                taken_at=datetime(2026, 9, day, hour, 10, tzinfo=UTC),
                media=(Media(str(path)),),
            )
        )
    found, _ = _run(
        posts, UniformAnalyzer(faces_of=fake_faces(boxes, dict.fromkeys(boxes, "obama")), ocr=NoText())
    )
    assert found == []


def test_adults_are_not_in_uniform(scenes: tuple[list[Post], dict[str, tuple[int, int, int, int]]]) -> None:
    posts, boxes = scenes
    analyzer = UniformAnalyzer(
        faces_of=fake_faces(boxes, _who(posts)), age_of=lambda face: 45.0, ocr=NoText()
    )
    found, _ = _run(posts, analyzer)
    assert found == []


def test_caption_cue_alone_is_a_soft_finding(tmp_path: Path) -> None:
    post = Post("p", "test", caption="New uniform, big girl! #FirstDayOfSchool", media=())
    found, _ = _run([post], UniformAnalyzer(faces_of=lambda p, i, r: [], ocr=NoText()))
    assert len(found) == 1
    f = found[0]
    assert f.severity == "low" and f.confidence <= 0.3
    assert isinstance(f.value, UniformValue) and f.value.signals == ("caption_cue",)
    assert f.evidence["caption_cues"][0]["text"] == "New uniform"
    # the risk rule keeps words alone low; a uniform seen in photos is high
    assert regrade([post], found)[0].severity == "low"
    # a stranger's comment is not what the parent said about the photo
    assert {
        c["text"] for c in caption_cues([("caption", "入学式 と 制服"), ("comment:0", "new uniform")])
    } == {
        "制服",
        "入学式",
    }
    assert [c["text"] for c in caption_cues([("caption", "Eerste schooldag!")])] == ["Eerste schooldag"]
    assert caption_cues([("caption", "A lovely walk in the park")]) == []


def test_uniform_finding_and_school_give_a_dossier_fact(
    scenes: tuple[list[Post], dict[str, tuple[int, int, int, int]]],
) -> None:
    posts, boxes = scenes
    found, run = _run(posts, UniformAnalyzer(faces_of=fake_faces(boxes, _who(posts)), ocr=NoText()))
    school = Finding(
        "school-0", None, "schools", "school", "high", 0.9, "", value=SchoolValue("Oakfield Primary")
    )
    facts = build_dossier(posts, [*found, school], run)
    fact = next(f for f in facts if f.kind == "uniform")
    assert "bottle green" in fact.value
    assert "wear" in fact.sentence and "the school is probably Oakfield Primary" in fact.sentence
    assert set(fact.evidence_post_ids) == {f"school-{n}" for n in range(5)}
    # without a known school, the fact still says what the uniform looks like
    (alone,) = [f for f in build_dossier(posts, found, run) if f.kind == "uniform"]
    assert alone.sentence == (
        "Your child wears a bottle green school uniform (bottle green jumper, grey skirt or trousers) "
        "on school days."
    )
    # a caption alone makes no fact
    words = Finding(
        "p", None, "uniform", "uniform", "low", 0.3, "", value=UniformValue("new uniform", ("caption_cue",))
    )
    assert not [f for f in build_dossier(posts, [words], run) if f.kind == "uniform"]


# --------------------------------------------------------------------------- negatives on real photos


@pytest.mark.slow
@pytest.mark.parametrize("root", __import__("tests.datasets", fromlist=["corpora"]).corpora())
def test_no_uniform_on_real_photos(root: Path) -> None:
    """Adults in suits and scenery, with their real face records (ages estimated): nothing."""
    photos = sorted(p for p in root.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    weekday = datetime(2026, 9, 7, 7, 10, tzinfo=UTC)
    posts = [
        Post(f"r{n}", "test", taken_at=weekday.replace(day=7 + n % 5), media=(Media(str(p)),))
        for n, p in enumerate(photos)
    ]
    run = RunContext(AuditOptions(timezone="Europe/London", use_cache=False, workers=1))
    analyzer = UniformAnalyzer(ocr=NoText())
    analyzer.load(posts, run)
    found = [f for p in posts for f in analyzer.analyze(p, PostContext(p, run))]
    assert found == []


@pytest.mark.slow
def test_real_pipeline_on_a_small_series(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Real face detection and encodings; the stand-in face enrolled as Mia."""
    from analyzers.faces import FacesAnalyzer
    from footprint_audit.enrollment import enroll
    from tests.uniform_scenes import FACES

    enroll("Mia", [FACES["obama"][0]])
    posts: list[Post] = []
    for n, day in enumerate((7, 8, 9)):
        path = tmp_path / f"s{n}.jpg"
        draw_scene("obama", UNIFORM, 700 + n, path)
        posts.append(
            Post(
                f"s{n}", "test", taken_at=datetime(2026, 9, day, 7, 5, tzinfo=UTC), media=(Media(str(path)),)
            )
        )
    path = tmp_path / "w.jpg"
    draw_scene("obama", WEEKEND[0], 800, path)
    posts.append(
        Post("w", "test", taken_at=datetime(2026, 9, 12, 10, 0, tzinfo=UTC), media=(Media(str(path)),))
    )
    run = RunContext(AuditOptions(timezone="Europe/London", use_cache=False, workers=1))
    found = analyze(posts, [FacesAnalyzer(), UniformAnalyzer(ocr=NoText())], run)
    uniform = [f for f in found if f.category == "uniform"]
    assert sorted(f.post_id for f in uniform) == ["s0", "s1", "s2"], run.errors
    assert all(f.child == "Mia" for f in uniform)
    assert uniform[0].summary.startswith("Mia wears the same outfit (bottle green jumper")
    (fact,) = [f for f in build_dossier(posts, found, run) if f.kind == "uniform"]
    assert fact.child == "Mia" and fact.evidence_post_ids == ("s0", "s1", "s2")


def test_two_children_in_the_same_outfit_on_school_days(tmp_path: Path) -> None:
    """Classmates side by side in the same uniform strengthen it and it says so; two days are
    still not a recurrence (adults side by side in dark suits would be "classmates" too)."""
    posts: list[Post] = []
    boxes: dict[str, list[tuple[int, int, int, int]]] = {}
    for n, day in enumerate((7, 9, 10)):
        left, right = tmp_path / f"l{n}.jpg", tmp_path / f"r{n}.jpg"
        lb = draw_scene("obama", UNIFORM, 900 + n, left)
        t, r, b, lft = draw_scene("biden", UNIFORM, 950 + n, right)
        both = Image.new("RGB", (1200, 800))
        both.paste(Image.open(left), (0, 0))
        both.paste(Image.open(right), (600, 0))
        path = tmp_path / f"pair{n}.jpg"
        both.save(path, quality=90)
        boxes[f"pair{n}"] = [lb, (t, r + 600, b, lft + 600)]
        posts.append(
            Post(
                f"pair{n}",
                "test",
                taken_at=datetime(2026, 9, day, 14, 30, tzinfo=UTC),
                media=(Media(str(path)),),
            )
        )

    def faces_of(post: Post, index: int, run: RunContext) -> Sequence[FaceRecord]:
        return [
            FaceRecord(box, 0.9, True, 0.02, encoding=ENCODINGS[who], age=8.0)
            for box, who in zip(boxes[post.id], ("obama", "biden"), strict=True)
        ]

    found, _ = _run(posts, UniformAnalyzer(faces_of=faces_of, ocr=NoText()))
    assert sorted(f.post_id for f in found) == ["pair0", "pair1", "pair2"]
    assert all("classmates" in f.value.signals for f in found)  # type: ignore[union-attr]
    assert found[0].value.text.endswith("3 school days")  # type: ignore[union-attr]

    def left_only(post: Post, index: int, run: RunContext) -> Sequence[FaceRecord]:
        return list(faces_of(post, index, run))[:1]

    alone, _ = _run(posts, UniformAnalyzer(faces_of=left_only, ocr=NoText()))
    assert all("classmates" not in f.value.signals for f in alone)  # type: ignore[union-attr]
    assert min(f.confidence for f in found) > max(f.confidence for f in alone)
    two, _ = _run(posts[:2], UniformAnalyzer(faces_of=faces_of, ocr=NoText()))
    assert all(f.severity == "medium" and "outfit_recurs" not in f.value.signals for f in two)  # type: ignore[union-attr]


def test_a_school_sign_in_the_photo_is_a_signal(
    scenes: tuple[list[Post], dict[str, tuple[int, int, int, int]]],
) -> None:
    posts, boxes = scenes

    class Sign:
        """RapidOCR's call shape, reading a school sign in every photo."""

        def __call__(self, bgr: object) -> tuple[list[object], None]:
            return [[[[10, 10], [200, 10], [200, 40], [10, 40]], "OAKFIELD PRIMARY SCHOOL", 0.97]], None

    found, _ = _run(posts, UniformAnalyzer(faces_of=fake_faces(boxes, _who(posts)), ocr=Sign()))
    school = [f for f in found if f.post_id.startswith("school")]
    assert school and all("school_text" in f.value.signals for f in school)  # type: ignore[union-attr]
    assert school[0].evidence["school_text"] == "OAKFIELD PRIMARY SCHOOL"
    # the sign is not a uniform: weekend and other-child posts stay clean
    assert {f.post_id for f in found} == {f.post_id for f in school}


@pytest.mark.parametrize("light", [0.6, 1.3])
@pytest.mark.parametrize("cast", [(1.0, 1.0, 1.0), (1.1, 1.0, 0.9), (0.9, 1.0, 1.1)])
def test_the_same_uniform_under_other_light_is_the_same_outfit(
    tmp_path: Path, light: float, cast: tuple[float, float, float]
) -> None:
    """Dimmer or brighter mornings, warmer or cooler light: the face's lightness corrects it."""

    def described(outfit: object, seed: int, k: float, c: tuple[float, float, float]) -> dict:  # type: ignore[type-arg]
        path = tmp_path / f"{seed}.jpg"
        box = draw_scene("obama", outfit, seed, path)  # type: ignore[arg-type]
        arr = np.asarray(Image.open(path).convert("RGB")).astype(np.float32) * k * np.array(c)
        desc = describe_outfits(np.clip(arr, 0, 255).astype(np.uint8), [box])[0]
        assert desc is not None
        return desc

    from analyzers.uniform import SAME_OUTFIT

    base = described(UNIFORM, 1, 1.0, (1.0, 1.0, 1.0))
    other_light = described(UNIFORM, 2, light, cast)
    assert outfit_distance(base, other_light) < SAME_OUTFIT
    assert outfit_distance(base, other_light) == outfit_distance(other_light, base)
    navy = described(replace(UNIFORM, jumper=(25, 35, 90)), 3, light, cast)
    assert outfit_distance(base, navy) > SAME_OUTFIT


def test_audit_with_the_cache_equals_without_and_the_report_keeps_it(
    scenes: tuple[list[Post], dict[str, tuple[int, int, int, int]]], tmp_path: Path
) -> None:
    """Batch scope: the second (cached) run answers the same; after a post is removed the
    uniform is worked out again (three school days remain: still a uniform)."""
    import json

    import jsonschema

    from footprint_audit.pipeline import audit
    from footprint_audit.report import write_report
    from footprint_audit.schema import load_schema
    from tests.fakes import ListCollector

    posts, boxes = scenes
    written = iter(range(100))

    def run(chosen: Sequence[Post], cache: bool) -> list[tuple[str, str, str]]:
        options = AuditOptions(
            data_dir=tmp_path / "profile", workers=1, timezone="Europe/London", use_cache=cache
        )
        analyzer = UniformAnalyzer(faces_of=fake_faces(boxes, _who(posts)), ocr=NoText())
        result = audit(["list:x"], analyzers=[analyzer], collectors=[ListCollector(chosen)], options=options)
        # the files the user gets: report.json against its schema, and the page
        paths = write_report(result, tmp_path / f"out{next(written)}")
        data = json.loads(paths.json.read_text(encoding="utf-8"))
        jsonschema.validate(data, load_schema())
        facts = [f for f in data["dossier"]["facts"] if f["kind"] == "uniform"]
        assert len(facts) == 1 and facts[0]["evidence"]
        assert paths.html is not None
        html = paths.html.read_text(encoding="utf-8")
        assert "wears a bottle green school uniform" in html and "crop the photo below the shoulders" in html
        assert "the school uniform from what a stranger can learn" in html
        return sorted(
            (f["post_id"], f["severity"], f["value"]["text"])
            for f in data["findings"]
            if f["category"] == "uniform"
        )

    first = run(posts, cache=True)
    assert len(first) == 5 and all(sev == "high" for _, sev, _ in first)
    assert run(posts, cache=True) == first == run(posts, cache=False)
    fewer = [p for p in posts if p.id not in ("school-3", "school-4")]
    again = run(fewer, cache=True)
    assert again == run(fewer, cache=False)
    assert [t for _, _, t in again] == ["bottle green jumper, grey skirt or trousers, 3 weekday mornings"] * 3


def test_no_badge_is_looked_for_on_a_busy_pattern(tmp_path: Path) -> None:
    """On a patterned top (or a painting behind a face) every blob contrasts with something."""
    import random

    path = tmp_path / "busy.jpg"
    box = draw_scene("obama", UNIFORM, 1, path)
    plain = describe_outfits(np.asarray(Image.open(path).convert("RGB")), [box])[0]
    assert plain is not None and plain["crest"] is not None
    img = Image.open(path).convert("RGB")
    draw = __import__("PIL.ImageDraw", fromlist=["Draw"]).Draw(img)
    t, r, b, lft = plain["box"]
    rng = random.Random(3)
    for _ in range(900):  # confetti print
        x, y = rng.randrange(lft, r), rng.randrange(t, b)
        draw.rectangle([x, y, x + 5, y + 5], fill=tuple(rng.randrange(256) for _ in range(3)))
    busy = describe_outfits(np.asarray(img), [box])[0]
    assert busy is not None and busy["crest"] is None


def test_caption_cues_in_other_words() -> None:
    def cues(text: str) -> list[str]:
        return [c["text"] for c in caption_cues([("caption", text)])]

    assert cues("Einschulung heute, mit Schultüte!") == ["Einschulung", "Schultüte"]
    assert cues("Uniform shopping done ✅ and new school shoes") == ["Uniform shopping", "school shoes"]
    assert cues("C'est la rentrée scolaire") == ["rentrée scolaire"]
    # other uniforms are not school ones
    assert cues("Dressed up in a police uniform for World Book Day") == []
    assert cues("Uniformly grey sky at the beach") == []


def test_a_caption_cue_at_school_time_says_so() -> None:
    post = Post(
        "p", "test", caption="#backtoschool", taken_at=datetime(2026, 9, 7, 7, 30, tzinfo=UTC), media=()
    )
    (f,) = _run([post], UniformAnalyzer(faces_of=lambda p, i, r: [], ocr=NoText()))[0]
    assert f.severity == "low" and f.value.signals == ("caption_cue", "school_hours")  # type: ignore[union-attr]
    assert f.evidence["local_time"] == "Monday 08:30"


def test_a_polka_dot_print_is_not_a_badge(tmp_path: Path) -> None:
    path = tmp_path / "dots.jpg"
    box = draw_scene("obama", replace(WEEKEND[2], dots=(240, 210, 60)), 4, path)
    desc = describe_outfits(np.asarray(Image.open(path).convert("RGB")), [box])[0]
    assert desc is not None and desc["crest"] is None


def test_a_weekly_activity_kit_is_not_a_uniform(tmp_path: Path) -> None:
    """The same outfit every Tuesday at 16:00 (swimming) recurs on one weekday only."""
    posts: list[Post] = []
    boxes: dict[str, tuple[int, int, int, int]] = {}
    for n, day in enumerate((8, 15, 22, 29)):  # Tuesdays in September
        path = tmp_path / f"swim{n}.jpg"
        boxes[f"swim{n}"] = draw_scene("obama", replace(WEEKEND[1], crest=None), 600 + n, path)
        posts.append(
            Post(
                f"swim{n}",
                "test",
                taken_at=datetime(2026, 9, day, 15, 0, tzinfo=UTC),
                media=(Media(str(path)),),
            )
        )
    found, _ = _run(
        posts, UniformAnalyzer(faces_of=fake_faces(boxes, dict.fromkeys(boxes, "obama")), ocr=NoText())
    )
    assert found == []


def test_one_post_checked_without_load() -> None:
    """`check` and direct calls: the batch is the posts seen so far."""
    post = Post("p", "test", caption="Ready in her new uniform!", media=())
    run = RunContext(AuditOptions(timezone="Europe/London", use_cache=False, workers=1))
    (f,) = UniformAnalyzer(faces_of=lambda p, i, r: [], ocr=NoText()).analyze(post, PostContext(post, run))
    assert f.severity == "low" and f.evidence["caption_cues"][0]["text"] == "new uniform"


def test_school_time_is_term_time_on_weekdays_at_drop_off_and_pick_up() -> None:
    """The holidays every school year of the seeds shares are not school days; a weekday in
    term at drop-off is, and a weekday at noon is not."""
    from datetime import datetime

    from analyzers.uniform import is_off_school, is_school_time

    assert is_school_time(datetime(2024, 9, 4, 8, 15))  # a Wednesday in term
    assert is_school_time(datetime(2024, 7, 17, 15, 30))  # UK summer term, pick-up
    assert not is_school_time(datetime(2024, 9, 4, 12, 0))  # not at drop-off or pick-up
    assert not is_school_time(datetime(2024, 8, 7, 8, 15))  # summer holidays
    assert not is_school_time(datetime(2024, 12, 27, 8, 15))  # Christmas
    assert is_off_school(datetime(2025, 1, 2, 9, 0)) and not is_off_school(datetime(2025, 1, 6, 8, 0))
    assert is_off_school(datetime(2024, 9, 7, 8, 15))  # a Saturday
