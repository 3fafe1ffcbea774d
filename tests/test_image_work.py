"""The image-work layer: one decode per file in a worker pool, results cached per file hash."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from footprint_audit import image_work
from footprint_audit.cache import Cache
from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.image_work import resolve
from footprint_audit.models import Finding, Media, Post
from footprint_audit.pipeline import analyze
from tests.image_fakes import ColourTask, ShadeAnalyzer, ShadeTask


def _photos(folder: Path, n: int, start: int = 0) -> list[Post]:
    folder.mkdir(exist_ok=True)
    posts = []
    for i in range(start, start + n):
        path = folder / f"p{i}.jpg"
        Image.new("RGB", (120 + i, 90), ((i * 37) % 256, (i * 91) % 256, 200)).save(path)
        posts.append(Post(id=f"p{i}", source="test", media=(Media(str(path)),)))
    return posts


def _scan(posts: list[Post], tmp_path: Path, workers: int = 1) -> tuple[list[Finding], RunContext]:
    run = RunContext(AuditOptions(data_dir=tmp_path / "profile", workers=workers))
    run.cache = Cache.open(run.options.data_dir)
    try:
        return analyze(posts, [ShadeAnalyzer()], run), run
    finally:
        run.cache.close()


def _runs() -> int:
    return image_work.TASK_RUNS["colour"] + image_work.TASK_RUNS["shade"]


def test_rescan_runs_no_image_task_and_new_posts_only_their_own(tmp_path: Path) -> None:
    posts = _photos(tmp_path / "photos", 4)
    before = _runs()
    first, run = _scan(posts, tmp_path)
    assert _runs() - before == 8 and run.errors == []  # two tasks on each of four files
    assert len(first) == 4

    before = _runs()
    again, _ = _scan(posts, tmp_path)
    assert _runs() == before
    assert [f.summary for f in again] == [f.summary for f in first]

    more = posts + _photos(tmp_path / "photos", 2, start=4)
    before = _runs()
    third, _ = _scan(more, tmp_path)
    assert _runs() - before == 4  # the two new files only
    assert len(third) == 6


def test_results_are_cached_by_file_hash_not_only_per_post(tmp_path: Path) -> None:
    # A new analyzer version redoes the findings, but the image results are the same files'.
    posts = _photos(tmp_path / "photos", 3)
    _scan(posts, tmp_path)
    before = _runs()
    run = RunContext(AuditOptions(data_dir=tmp_path / "profile", workers=1))
    found = analyze(posts, [ShadeAnalyzer()], run)  # no post cache: only the image cache
    assert len(found) == 3 and _runs() == before
    files = list((tmp_path / "profile" / "image-cache").rglob("*.json"))
    assert len(files) == 3


def test_same_results_with_one_and_two_workers(tmp_path: Path) -> None:
    posts = _photos(tmp_path / "photos", 5)
    one = RunContext(AuditOptions(use_cache=False, workers=1))
    two = RunContext(AuditOptions(use_cache=False, workers=2))
    a = analyze(posts, [ShadeAnalyzer()], one)
    b = analyze(posts, [ShadeAnalyzer()], two)
    assert [(f.post_id, f.summary) for f in a] == [(f.post_id, f.summary) for f in b]
    assert len(a) == 5 and one.image_results.keys() == two.image_results.keys()
    assert {p: r.results for p, r in one.image_results.items()} == {
        p: r.results for p, r in two.image_results.items()
    }


def test_corrupt_image_is_an_error_of_its_post_and_the_rest_go_on(tmp_path: Path) -> None:
    posts = _photos(tmp_path / "photos", 3)
    bad = tmp_path / "photos" / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    posts.insert(1, Post(id="bad", source="test", media=(Media(str(bad)),)))
    found, run = _scan(posts, tmp_path, workers=2)
    assert sorted(f.post_id for f in found) == ["p0", "p1", "p2"]
    assert [e.where for e in run.errors] == [str(bad)]
    assert "broken.jpg" in run.errors[0].message
    # The error is not cached: the next scan tries the file again.
    before = _runs()
    _, again = _scan(posts, tmp_path, workers=2)
    assert [e.where for e in again.errors] == [str(bad)] and _runs() == before


def test_a_crashing_worker_is_reported_not_waited_on(tmp_path: Path) -> None:
    posts = _photos(tmp_path / "photos", 3)
    crash = tmp_path / "photos" / "crash.jpg"
    Image.new("RGB", (50, 50)).save(crash)
    posts.append(Post(id="crash", source="test", media=(Media(str(crash)),)))
    run = RunContext(AuditOptions(use_cache=False, workers=2))
    found = analyze(posts, [ShadeAnalyzer()], run)
    assert sorted(f.post_id for f in found) == ["p0", "p1", "p2"]
    assert [e.where for e in run.errors] == [str(crash)]
    assert "crashed" in run.errors[0].message


def test_tasks_run_after_what_they_need_and_bad_needs_are_refused() -> None:
    assert [t.name for t in resolve([ShadeTask()], {"colour": ColourTask()})] == ["colour", "shade"]
    with pytest.raises(ValueError, match="no image task is called 'colour'"):
        resolve([ShadeTask()], {})

    class Loop(ShadeTask):
        name = "colour"
        needs = ("shade",)

    with pytest.raises(ValueError, match="cycle"):
        resolve([ShadeTask()], {"colour": Loop()})


def test_one_post_without_the_pipeline_runs_its_tasks_in_process(tmp_path: Path) -> None:
    from footprint_audit.context import PostContext

    (post,) = _photos(tmp_path / "photos", 1)
    before = _runs()
    analyzer = ShadeAnalyzer()
    run = RunContext(AuditOptions(use_cache=False))
    run.analyzers = (analyzer,)  # where the context finds the plug-in's own tasks by name
    (finding,) = analyzer.analyze(post, PostContext(post, run))
    assert finding.value.text in {"dark", "light"} and _runs() - before == 2


@pytest.mark.slow
def test_real_tasks_give_the_same_results_in_one_and_two_workers(tmp_path: Path, test_data: Path) -> None:
    """Faces, OCR and NudeNet in spawned workers give what they give in process."""
    from PIL import ImageDraw

    from footprint_audit.engines.image_tasks import FacesTask, NudityTask, OcrTask
    from footprint_audit.image_work import run_image_work

    sign = tmp_path / "sign.png"
    img = Image.new("RGB", (900, 300), (25, 70, 40))
    ImageDraw.Draw(img).text((40, 120), "OAKFIELD PRIMARY SCHOOL", fill=(250, 250, 250), font_size=48)
    img.save(sign)
    files = {
        (str(p), "image"): [FacesTask(), OcrTask(), NudityTask()]
        for p in (sign, test_data / "faces" / "two_people.jpg")
    }
    one = run_image_work(files, workers=1)
    two = run_image_work(files, workers=2)
    assert {k: v.results for k, v in one.items()} == {k: v.results for k, v in two.items()}
    assert len(one[str(test_data / "faces" / "two_people.jpg")].results["faces"]["faces"]) == 2
    assert any("OAKFIELD" in line[4] for line in one[str(sign)].results["ocr"]["lines"])
