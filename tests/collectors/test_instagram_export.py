from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from analyzers.location import LocationAnalyzer
from analyzers.metadata import MetadataAnalyzer
from collectors.instagram_export import InstagramExportCollector
from footprint_audit.context import AuditOptions, PostContext, RunContext
from footprint_audit.errors import BadInput
from tests.collectors.sources_support import build_export, zip_folder


def _run(tmp_path: Path) -> RunContext:
    return RunContext(AuditOptions(media_dir=tmp_path / "media", use_cache=False))


def _by_id(posts: list) -> dict:
    return {p.id: p for p in posts}


@pytest.fixture
def export_dir(tmp_path: Path) -> Path:
    return build_export("instagram_export", tmp_path / "export")


def test_folder_export_posts_carousel_story_profile(export_dir: Path, tmp_path: Path) -> None:
    c = InstagramExportCollector()
    assert c.matches(str(export_dir))
    run = _run(tmp_path)
    posts = _by_id(list(c.collect(str(export_dir), run)))
    assert set(posts) == {
        "ig-export:post:17900000000000001",
        "ig-export:post:17900000000000002",
        "ig-export:story:17800000000000001",
        "ig-export:reel:17600000000000001",
        "ig-export:profile:sunny.family",
    }
    first = posts["ig-export:post:17900000000000001"]
    # mojibake repaired: the school-bag emoji and the accented e come back
    assert first.caption == "First day at Oakfield Primary! \U0001f392 Café after"
    assert first.taken_at == datetime(2024, 6, 2, 7, 15, tzinfo=UTC)
    assert first.geotag is not None and (first.geotag.lat, first.geotag.lon) == (51.5033, -0.1196)
    assert first.geotag.name is None and first.raw["geotag_source"] == "export-exif"
    assert first.raw["export_exif"][0]["device_id"] == "android-1a2b3c4d5e6f7a8b"
    carousel = posts["ig-export:post:17900000000000002"]
    assert carousel.caption == "Beach weekend #family"
    assert [m.kind for m in carousel.media] == ["image", "image", "video"]
    assert all(Path(m.path).is_file() for m in carousel.media)
    assert carousel.geotag is None
    reel = posts["ig-export:reel:17600000000000001"]
    assert reel.caption == "Mia's first swim \U0001f3ca" and reel.media[0].kind == "video"
    story = posts["ig-export:story:17800000000000001"]
    assert story.geotag is not None and story.geotag.lat == 53.4808
    profile = posts["ig-export:profile:sunny.family"]
    assert profile.caption == "Mum of Mia (5) • Leeds"
    # profile_photos.json and personal_information.json name the same photo: one post, not two
    assert profile.visibility == "public" and len(profile.media) == 1
    assert run.errors == []


def test_zip_export_gives_the_same_posts(export_dir: Path, tmp_path: Path) -> None:
    z = zip_folder(export_dir, tmp_path / "instagram-sunny.zip")
    c = InstagramExportCollector()
    assert c.matches(str(z))
    run = _run(tmp_path)
    posts = _by_id(list(c.collect(str(z), run)))
    assert len(posts) == 5
    media = posts["ig-export:post:17900000000000002"].media
    # media were extracted into the private media folder, not next to the zip
    assert all(Path(m.path).is_relative_to(tmp_path / "media") for m in media)
    assert Path(media[0].path).read_bytes()[:2] == b"\xff\xd8"


def test_missing_media_is_an_error_and_the_post_is_kept(tmp_path: Path) -> None:
    missing = "media/posts/202407/17900000000000003.jpg"
    export = build_export("instagram_export", tmp_path / "export", missing=[missing])
    run = _run(tmp_path)
    posts = _by_id(list(InstagramExportCollector().collect(str(export), run)))
    carousel = posts["ig-export:post:17900000000000002"]
    assert len(carousel.media) == 2
    assert [e.where for e in run.errors] == [missing]
    assert "kept without it" in run.errors[0].message


def test_html_export_is_refused_with_json_advice(tmp_path: Path) -> None:
    root = tmp_path / "html-export" / "your_instagram_activity" / "content"
    root.mkdir(parents=True)
    (root / "posts_1.html").write_text("<html><body>post</body></html>")
    c = InstagramExportCollector()
    assert c.matches(str(tmp_path / "html-export"))
    with pytest.raises(BadInput) as exc:
        list(c.collect(str(tmp_path / "html-export"), _run(tmp_path)))
    assert "JSON" in exc.value.hint


def test_older_content_layout_and_malformed_file(tmp_path: Path) -> None:
    root = tmp_path / "old" / "content"
    root.mkdir(parents=True)
    (root / "posts_1.json").write_text(
        '[{"media": [{"uri": "media/posts/201901/1.jpg", "creation_timestamp": 1546300800, "title": "Old"}]}]'
    )
    (root / "posts_2.json").write_text("[{not json")
    (tmp_path / "old" / "media" / "posts" / "201901").mkdir(parents=True)
    (tmp_path / "old" / "media" / "posts" / "201901" / "1.jpg").write_bytes(b"\xff\xd8fake")
    run = _run(tmp_path)
    posts = list(InstagramExportCollector().collect(str(tmp_path / "old"), run))
    assert [p.caption for p in posts] == ["Old"]
    assert [e.where for e in run.errors] == ["content/posts_2.json"]


def test_plain_photo_folder_and_facebook_export_are_not_taken(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.jpg").write_bytes(b"x")
    fb = build_export("facebook_export", tmp_path / "fb")
    c = InstagramExportCollector()
    assert not c.matches(str(tmp_path / "photos"))
    assert not c.matches(str(fb))
    assert not c.matches("instagram:someone")


def test_path_traversal_zip_is_refused(tmp_path: Path) -> None:
    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("your_instagram_activity/content/posts_1.json", "[]")
        zf.writestr("../../evil", "boom")
    with pytest.raises(BadInput) as exc:
        list(InstagramExportCollector().collect(str(z), _run(tmp_path)))
    assert "path-traversal" in str(exc.value)
    assert not (tmp_path.parent / "evil").exists()


def _export(root: Path, posts: list[dict], media: dict[str, bytes], private: str | None = None) -> Path:
    content = root / "your_instagram_activity" / "content"
    content.mkdir(parents=True)
    (content / "posts_1.json").write_text(json.dumps(posts))
    for uri, data in media.items():
        (root / uri).parent.mkdir(parents=True, exist_ok=True)
        (root / uri).write_bytes(data)
    if private is not None:
        info = root / "personal_information" / "personal_information"
        info.mkdir(parents=True)
        user = {"string_map_data": {"Username": {"value": "sunny"}, "Private Account": {"value": private}}}
        (info / "personal_information.json").write_text(json.dumps({"profile_user": [user]}))
    return root


MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


def test_videos_without_extension_are_sniffed(tmp_path: Path) -> None:
    uri = "media/posts/202403/FQIoAbCdEf_18074751904427294"
    export = _export(tmp_path / "x", [{"media": [{"uri": uri, "title": "Swim"}]}], {uri: MP4})
    run = _run(tmp_path)
    [post] = list(InstagramExportCollector().collect(str(export), run))
    assert [m.kind for m in post.media] == ["video"]
    assert run.errors == []


@pytest.mark.parametrize(("flag", "expected"), [("False", "public"), ("True", "followers")])
def test_private_account_sets_visibility(tmp_path: Path, flag: str, expected: str) -> None:
    uri = "media/posts/202403/1.jpg"
    export = _export(tmp_path / "x", [{"media": [{"uri": uri, "title": "Hi"}]}], {uri: b"\xff\xd8\xff"}, flag)
    posts = _by_id(list(InstagramExportCollector().collect(str(export), _run(tmp_path))))
    assert posts["ig-export:post:1"].visibility == expected


def test_export_gps_is_described_as_kept_by_meta(export_dir: Path, tmp_path: Path) -> None:
    run = _run(tmp_path)
    posts = _by_id(list(InstagramExportCollector().collect(str(export_dir), run)))
    first = posts["ig-export:post:17900000000000001"]
    [finding] = [
        f for f in LocationAnalyzer().analyze(first, PostContext(first, run)) if f.category == "geotag"
    ]
    assert "shows anyone" not in finding.summary
    assert "Meta kept" in finding.summary


def test_export_device_id_reaches_a_device_finding(export_dir: Path, tmp_path: Path) -> None:
    run = _run(tmp_path)
    first = _by_id(list(InstagramExportCollector().collect(str(export_dir), run)))[
        "ig-export:post:17900000000000001"
    ]
    found = [
        f
        for f in MetadataAnalyzer().analyze(first, PostContext(first, run))
        if f.evidence["source"] == "export"
    ]
    assert [f.value.device_id for f in found] == ["android-1a2b3c4d5e6f7a8b"]
