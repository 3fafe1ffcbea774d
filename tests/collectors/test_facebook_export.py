from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from analyzers.metadata import MetadataAnalyzer
from collectors.facebook_export import FacebookExportCollector
from footprint_audit.context import AuditOptions, PostContext, RunContext
from footprint_audit.errors import BadInput
from footprint_audit.findings import DeviceValue, value_to_json
from tests.collectors.sources_support import build_export, zip_folder


def _run(tmp_path: Path) -> RunContext:
    return RunContext(AuditOptions(media_dir=tmp_path / "media", use_cache=False))


def test_current_layout_posts_checkins_exif(tmp_path: Path) -> None:
    export = build_export("facebook_export", tmp_path / "fb")
    c = FacebookExportCollector()
    assert c.matches(str(export))
    run = _run(tmp_path)
    posts = list(c.collect(str(export), run))
    assert len(posts) == 3  # the cover-photo line without content is skipped
    sports, picnic, garden = posts
    assert sports.caption == "So proud of Mia today\nSports day at St Mary’s"
    assert sports.tagged_users == ("Alex Sunny",)
    assert sports.taken_at == datetime.fromtimestamp(1717315200, UTC)
    assert len(sports.media) == 1 and Path(sports.media[0].path).is_file()
    assert sports.raw["upload_ip"] == ["203.0.113.45"]
    assert sports.raw["device_metadata"][0]["taken_timestamp"] == 1717312000
    assert sports.geotag is None
    assert picnic.geotag is not None
    assert (picnic.geotag.name, picnic.geotag.lat, picnic.geotag.lon) == ("Roundhay Park", 53.8382, -1.4981)
    assert picnic.geotag.address == "Leeds, United Kingdom"
    assert picnic.media == ()
    # EXIF coordinates in the export become the geotag when there is no place
    assert garden.geotag is not None and (garden.geotag.lat, garden.geotag.lon) == (53.80, -1.55)
    assert (picnic.raw["geotag_source"], garden.raw["geotag_source"]) == ("platform-place", "export-exif")
    assert run.errors == []
    assert len({p.id for p in posts}) == 3
    assert any("1 entry without text, photo or place" in n for n in run.notes)


def test_older_layout_in_a_zip(tmp_path: Path) -> None:
    export = build_export("facebook_export_old", tmp_path / "fb-old")
    z = zip_folder(export, tmp_path / "facebook-sam.zip")
    c = FacebookExportCollector()
    assert c.matches(str(z))
    (post,) = list(c.collect(str(z), _run(tmp_path)))
    assert post.caption == "Happy new year from the three of us"
    assert post.tagged_users == ("Alex Sunny",)
    assert post.raw["upload_ip"] == ["198.51.100.7"]
    assert Path(post.media[0].path).read_bytes()[:2] == b"\xff\xd8"


def test_ids_are_stable_between_runs(tmp_path: Path) -> None:
    export = build_export("facebook_export", tmp_path / "fb")
    c = FacebookExportCollector()
    first = [p.id for p in c.collect(str(export), _run(tmp_path))]
    second = [p.id for p in c.collect(str(export), _run(tmp_path))]
    assert first == second


def test_missing_photo_keeps_the_post(tmp_path: Path) -> None:
    uri = "your_facebook_activity/posts/media/Mobileuploads_abc/448000000000001.jpg"
    export = build_export("facebook_export", tmp_path / "fb", missing=[uri])
    run = _run(tmp_path)
    posts = list(FacebookExportCollector().collect(str(export), run))
    assert posts[0].caption.startswith("So proud") and posts[0].media == ()
    assert [e.where for e in run.errors] == [uri]


def test_html_export_gets_json_advice(tmp_path: Path) -> None:
    root = tmp_path / "fbhtml" / "your_facebook_activity" / "posts"
    root.mkdir(parents=True)
    (root / "your_posts__check_ins__photos_and_videos_1.html").write_text("<html></html>")
    with pytest.raises(BadInput) as exc:
        list(FacebookExportCollector().collect(str(tmp_path / "fbhtml"), _run(tmp_path)))
    assert "choose the JSON format" in exc.value.hint


def test_mentions_become_names_and_tagged_users(tmp_path: Path) -> None:
    folder = tmp_path / "fb" / "your_facebook_activity" / "posts"
    folder.mkdir(parents=True)
    entry = {
        "timestamp": 1717315200,
        "data": [{"post": "Cake with @[100006074014882:2048:Alex Sunny] and @[100006074014883:2048:Jo]!"}],
    }
    (folder / "your_posts__check_ins__photos_and_videos_1.json").write_text(json.dumps([entry]))
    [post] = list(FacebookExportCollector().collect(str(tmp_path / "fb"), _run(tmp_path)))
    assert post.caption == "Cake with @Alex Sunny and @Jo!"
    assert post.tagged_users == ("Alex Sunny", "Jo")
    assert "100006074014882" not in post.caption


def test_upload_ip_reaches_a_device_finding(tmp_path: Path) -> None:
    export = build_export("facebook_export", tmp_path / "fb")
    run = _run(tmp_path)
    sports = next(iter(FacebookExportCollector().collect(str(export), run)))
    [finding] = [
        f
        for f in MetadataAnalyzer().analyze(sports, PostContext(sports, run))
        if f.evidence["source"] == "export"
    ]
    assert isinstance(finding.value, DeviceValue) and finding.value.upload_ip == "203.0.113.45"
    assert finding.media_index == 0 and finding.severity == "medium"
    assert "203.0.113.45" in finding.summary and "internet address" in finding.summary
    assert value_to_json("device_metadata", finding.value)["upload_ip"] == "203.0.113.45"
