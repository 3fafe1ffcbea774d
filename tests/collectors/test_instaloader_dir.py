"""An instaloader download built in code: both node shapes, a carousel, comments, geotags, bad files."""

from __future__ import annotations

import json
import lzma
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from collectors.instaloader_dir import InstaloaderDirCollector
from collectors.instaloader_json import parse_location_txt
from collectors.photo_folder import PhotoFolderCollector
from footprint_audit.context import RunContext
from footprint_audit.errors import SourceNotFound
from footprint_audit.models import Post
from tests.exif_factory import make_jpeg

T1 = int(datetime(2024, 5, 14, 16, 30, tzinfo=UTC).timestamp())
T2 = int(datetime(2024, 6, 1, 8, 5, 12, tzinfo=UTC).timestamp())
T3 = int(datetime(2024, 7, 20, 10, 0, tzinfo=UTC).timestamp())


def _stamp(ts: int) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d_%H-%M-%S") + "_UTC"


def _write(path: Path, structure: dict[str, Any], *, xz: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if xz:
        with lzma.open(str(path) + ".json.xz", "wt", check=lzma.CHECK_NONE) as fh:
            json.dump(structure, fh, separators=(",", ":"))
    else:
        (path.parent / (path.name + ".json")).write_text(json.dumps(structure, indent=4))


def _post(node: dict[str, Any]) -> dict[str, Any]:
    return {"node": node, "instaloader": {"version": "4.14.1", "node_type": "Post"}}


def _jpg(path: Path) -> None:
    make_jpeg(path, color=(hash(path.name) % 255, 100, 100))


def build_download(root: Path) -> Path:
    prof = root / "mia_mum"
    _write(
        prof / "mia_mum_4242",
        {
            "node": {
                "username": "mia_mum",
                "id": "4242",
                "is_private": False,
                "full_name": "M",
                "biography": "Mum of Mia (6) | Leeds",
            },
            "instaloader": {"version": "4.14.1", "node_type": "Profile"},
        },
    )
    # 1. Anonymous GraphQL shape, single photo, location without coordinates in the node but a
    #    _location.txt with them, a tagged user, comments with an answer.
    s1 = _stamp(T1)
    _write(
        prof / s1,
        _post(
            {
                "__typename": "GraphImage",
                "id": "111",
                "shortcode": "C1sportsday",
                "is_video": False,
                "taken_at_timestamp": T1,
                "edge_media_to_caption": {
                    "edges": [{"node": {"text": "Sports day! Thanks @grandma_jo #firstdayofschool #子育て"}}]
                },
                "location": {
                    "id": "998877",
                    "has_public_page": True,
                    "name": "Oakfield Primary School",
                    "slug": "oakfield-primary-school",
                },
                "edge_media_to_tagged_user": {"edges": [{"node": {"user": {"username": "Dad_Tom"}}}]},
                "accessibility_caption": "Photo of a child running on grass.",
                "owner": {"id": "4242", "username": "mia_mum"},
            }
        ),
    )
    _jpg(prof / f"{s1}.jpg")
    (prof / f"{s1}_location.txt").write_text(
        "Oakfield Primary School\nhttps://maps.google.com/maps?q=51.501,-0.142&ll=51.501,-0.142\n"
    )
    comments = [
        {
            "id": "5001",
            "created_at": T1 + 600,
            "text": "So proud of her!",
            "owner": {"id": "9", "username": "grandma_jo"},
            "likes_count": 2,
            "answers": [
                {
                    "id": "5002",
                    "created_at": T1 + 900,
                    "text": "@grandma_jo she loved it",
                    "owner": {"id": "4242", "username": "mia_mum"},
                    "likes_count": 0,
                }
            ],
        }
    ]
    (prof / f"{s1}_comments.json").write_text(json.dumps(comments, indent=4))

    # 2. Anonymous GraphQL carousel: photo, video, photo; no location; plain .json metadata.
    s2 = _stamp(T2)
    _write(
        prof / s2,
        _post(
            {
                "__typename": "GraphSidecar",
                "id": "222",
                "shortcode": "C2carousel",
                "is_video": False,
                "taken_at_timestamp": T2,
                "edge_media_to_caption": {"edges": [{"node": {"text": "Weekend #zwemles"}}]},
                "location": None,
                "edge_sidecar_to_children": {
                    "edges": [
                        {
                            "node": {
                                "__typename": "GraphImage",
                                "is_video": False,
                                "accessibility_caption": "a pool",
                            }
                        },
                        {"node": {"__typename": "GraphVideo", "is_video": True}},
                        {
                            "node": {
                                "__typename": "GraphImage",
                                "is_video": False,
                                "edge_media_to_tagged_user": {
                                    "edges": [{"node": {"user": {"username": "swim_coach"}}}]
                                },
                            }
                        },
                    ]
                },
                "owner": {"id": "4242", "username": "mia_mum"},
            }
        ),
        xz=False,
    )
    _jpg(prof / f"{s2}_1.jpg")
    _jpg(prof / f"{s2}_2.jpg")
    (prof / f"{s2}_2.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    _jpg(prof / f"{s2}_3.jpg")

    # 3. Logged-in shape: everything in iphone_struct (as Post.from_iphone_struct saves it).
    s3 = _stamp(T3)
    _write(
        prof / s3,
        _post(
            {
                "shortcode": "C3iphone",
                "id": "333",
                "__typename": "GraphSidecar",
                "is_video": False,
                "date": T3,
                "iphone_struct": {
                    "code": "C3iphone",
                    "pk": "333",
                    "media_type": 8,
                    "taken_at": T3,
                    "caption": {"text": "Beach with @aunt.sara and cousins #beachbaby #holiday"},
                    "location": {
                        "pk": 555,
                        "name": "Sunny Cove Beach",
                        "short_name": "Sunny Cove",
                        "address": "1 Shore Road",
                        "lat": 50.1234567,
                        "lng": -5.5432109,
                    },
                    "usertags": {"in": [{"user": {"username": "aunt.sara"}, "position": [0.5, 0.5]}]},
                    "carousel_media": [
                        {"media_type": 1, "accessibility_caption": "two children on sand"},
                        {
                            "media_type": 1,
                            "usertags": {"in": [{"user": {"username": "cousin_ben"}}]},
                        },
                    ],
                    "user": {"username": "mia_mum", "pk": "4242", "is_private": False},
                },
            }
        ),
    )
    _jpg(prof / f"{s3}_1.jpg")
    _jpg(prof / f"{s3}_2.jpg")

    # 4. Location with a name and an id but no lat (anonymous download).
    s4 = _stamp(T3 + 3600)
    _write(
        prof / s4,
        _post(
            {
                "__typename": "GraphVideo",
                "shortcode": "C4video",
                "is_video": True,
                "taken_at_timestamp": T3 + 3600,
                "edge_media_to_caption": {"edges": []},
                "location": {"id": "777", "name": "Riverside Park", "slug": "riverside-park"},
                "owner": {"username": "mia_mum"},
            }
        ),
    )
    _jpg(prof / f"{s4}.jpg")
    (prof / f"{s4}.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    (prof / f"{s4}.txt").write_text("caption from the txt file\n")

    # 5. Location without id; its photo was never downloaded.
    s5 = _stamp(T3 + 7200)
    _write(
        prof / s5,
        _post(
            {
                "__typename": "GraphImage",
                "shortcode": "C5nophoto",
                "is_video": False,
                "taken_at_timestamp": T3 + 7200,
                "edge_media_to_caption": {"edges": [{"node": {"text": "Zwembad!"}}]},
                "location": {"name": "Zwembad De Vliet"},
            }
        ),
    )

    # 6. A truncated .json.xz.
    s6 = _stamp(T3 + 10800)
    _write(prof / s6, _post({"__typename": "GraphImage", "shortcode": "C6lost", "taken_at_timestamp": T3}))
    full = (prof / f"{s6}.json.xz").read_bytes()
    (prof / f"{s6}.json.xz").write_bytes(full[: len(full) // 2])
    _jpg(prof / f"{s6}.jpg")

    # A second, private profile in its own folder.
    priv = root / "private_pat"
    _write(
        priv / "private_pat_77",
        {
            "node": {"username": "private_pat", "id": "77", "is_private": True},
            "instaloader": {"version": "4.14.1", "node_type": "Profile"},
        },
    )
    sp = _stamp(T1 + 60)
    _write(
        priv / sp,
        _post(
            {
                "__typename": "GraphImage",
                "shortcode": "CPpriv",
                "is_video": False,
                "taken_at_timestamp": T1 + 60,
                "edge_media_to_caption": {"edges": [{"node": {"text": "private one"}}]},
                "owner": {"username": "private_pat"},
            }
        ),
    )
    _jpg(priv / f"{sp}.jpg")
    _jpg(prof / "2023-01-01_08-00-00_UTC_profile_pic.jpg")
    _jpg(prof / "2024-06-01_08-00-00_UTC_profile_pic.jpg")
    return root


@pytest.fixture
def download(tmp_path: Path) -> Path:
    return build_download(tmp_path / "download")


@pytest.fixture
def scanned(download: Path) -> tuple[dict[str, Post], RunContext]:
    run = RunContext()
    posts = list(InstaloaderDirCollector().collect(str(download), run))
    return {p.id: p for p in posts}, run


def test_recognised_by_content(download: Path, tmp_path: Path) -> None:
    c = InstaloaderDirCollector()
    assert c.matches(str(download))  # profiles in subfolders
    assert c.matches(str(download / "mia_mum"))
    assert not PhotoFolderCollector().matches(str(download))
    plain = tmp_path / "plain"
    make_jpeg(plain / "2024-05-14_16-30-00_UTC.jpg")
    assert not c.matches(str(plain))
    assert not c.matches(str(tmp_path / "missing"))


def test_every_post_is_listed(scanned: tuple[dict[str, Post], RunContext]) -> None:
    posts, _ = scanned
    assert sorted(posts) == [
        "ig-C1sportsday",
        "ig-C2carousel",
        "ig-C3iphone",
        "ig-C4video",
        "ig-C5nophoto",
        "ig-CPpriv",
        "ig-profile:4242",
    ]


def test_profile_picture_and_bio_are_a_profile_post(scanned: tuple[dict[str, Post], RunContext]) -> None:
    profile = scanned[0]["ig-profile:4242"]
    assert profile.caption == "M\nMum of Mia (6) | Leeds"
    assert profile.visibility == "public"
    # the newest of the profile pictures instaloader kept
    assert [Path(m.path).name for m in profile.media] == ["2024-06-01_08-00-00_UTC_profile_pic.jpg"]


def test_graphql_single_photo(scanned: tuple[dict[str, Post], RunContext], download: Path) -> None:
    p = scanned[0]["ig-C1sportsday"]
    assert p.url == "https://www.instagram.com/p/C1sportsday/"
    assert p.caption == "Sports day! Thanks @grandma_jo #firstdayofschool #子育て"
    assert p.taken_at == datetime(2024, 5, 14, 16, 30, tzinfo=UTC)
    assert p.time_source == "platform"
    assert p.author == "mia_mum"
    assert p.visibility == "public"
    assert p.tagged_users == ("Dad_Tom",)
    assert p.geotag is not None
    assert (p.geotag.name, p.geotag.id, p.geotag.slug) == (
        "Oakfield Primary School",
        "998877",
        "oakfield-primary-school",
    )
    assert (p.geotag.lat, p.geotag.lon) == (51.501, -0.142)  # from _location.txt
    [m] = p.media
    assert m.path == str(download / "mia_mum" / "2024-05-14_16-30-00_UTC.jpg")
    assert m.kind == "image" and m.alt_text == "Photo of a child running on grass."
    assert [(c.author, c.text) for c in p.comments] == [
        ("grandma_jo", "So proud of her!"),
        ("mia_mum", "@grandma_jo she loved it"),
    ]
    assert p.comments[0].created_at == datetime.fromtimestamp(T1 + 600, UTC)
    assert p.comments[0].id == "5001"


def test_graphql_carousel(scanned: tuple[dict[str, Post], RunContext]) -> None:
    p = scanned[0]["ig-C2carousel"]
    assert [(Path(m.path).name[-6:], m.kind) for m in p.media] == [
        ("_1.jpg", "image"),
        ("_2.mp4", "video"),
        ("_3.jpg", "image"),
    ]
    assert p.media[0].alt_text == "a pool"
    assert p.geotag is None
    assert p.tagged_users == ("swim_coach",)
    assert p.taken_at == datetime(2024, 6, 1, 8, 5, 12, tzinfo=UTC)


def test_logged_in_iphone_struct(scanned: tuple[dict[str, Post], RunContext]) -> None:
    p = scanned[0]["ig-C3iphone"]
    assert p.caption == "Beach with @aunt.sara and cousins #beachbaby #holiday"
    assert p.taken_at == datetime(2024, 7, 20, 10, 0, tzinfo=UTC)
    assert p.geotag is not None
    assert (p.geotag.name, p.geotag.id, p.geotag.address) == ("Sunny Cove Beach", "555", "1 Shore Road")
    assert (p.geotag.lat, p.geotag.lon) == (50.1234567, -5.5432109)
    assert p.tagged_users == ("aunt.sara", "cousin_ben")
    assert len(p.media) == 2 and p.media[0].alt_text == "two children on sand"
    assert p.author == "mia_mum"


def test_location_without_lat_and_without_id(scanned: tuple[dict[str, Post], RunContext]) -> None:
    posts, _ = scanned
    g4 = posts["ig-C4video"].geotag
    assert (
        g4 is not None
        and g4.name == "Riverside Park"
        and g4.id == "777"
        and g4.lat is None
        and g4.lon is None
    )
    g5 = posts["ig-C5nophoto"].geotag
    assert g5 is not None and g5.name == "Zwembad De Vliet" and g5.id is None


def test_video_post_and_txt_caption(scanned: tuple[dict[str, Post], RunContext]) -> None:
    p = scanned[0]["ig-C4video"]
    assert [m.kind for m in p.media] == ["video"]
    assert p.media[0].path.endswith(".mp4")
    assert p.caption == "caption from the txt file"


def test_private_profile_gives_followers_visibility(scanned: tuple[dict[str, Post], RunContext]) -> None:
    assert scanned[0]["ig-CPpriv"].visibility == "followers"
    assert scanned[0]["ig-CPpriv"].author == "private_pat"


def test_bad_files_become_error_records(scanned: tuple[dict[str, Post], RunContext], download: Path) -> None:
    posts, run = scanned
    errors = {e.where: e.message for e in run.errors}
    truncated = str(download / "mia_mum" / f"{_stamp(T3 + 10800)}.json.xz")
    assert "truncated or damaged" in errors[truncated]
    missing = str(download / "mia_mum" / _stamp(T3 + 7200))
    assert "not downloaded" in errors[missing]
    assert posts["ig-C5nophoto"].media == ()  # the post is kept without its photo
    assert len(run.errors) == 2


def test_damaged_comments_keep_the_post(download: Path) -> None:
    (download / "mia_mum" / f"{_stamp(T1)}_comments.json").write_text("[{broken")
    run = RunContext()
    posts = {p.id: p for p in InstaloaderDirCollector().collect(str(download), run)}
    assert posts["ig-C1sportsday"].comments == ()
    assert any("not valid JSON" in e.message for e in run.errors)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFound):
        list(InstaloaderDirCollector().collect(str(tmp_path / "nope"), RunContext()))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cafe\nhttps://maps.google.com/maps?q=-33.85,151.2&ll=-33.85,151.2\n", ("Cafe", -33.85, 151.2)),
        ("Just a name", ("Just a name", None, None)),
        ("Bad\nhttps://maps.google.com/maps?q=abc", ("Bad", None, None)),
    ],
)
def test_location_txt(text: str, expected: tuple[str, float | None, float | None]) -> None:
    g = parse_location_txt(text)
    assert g is not None and (g.name, g.lat, g.lon) == expected


def test_registry_picks_this_collector(download: Path, tmp_path: Path) -> None:
    from footprint_audit.registry import find_collector

    assert find_collector(str(download)).kind == "instaloader-dir"
    make_jpeg(tmp_path / "photos" / "a.jpg")
    assert find_collector(str(tmp_path / "photos")).kind == "photo-folder"


def test_photo_folder_beside_the_download_is_noted(download: Path) -> None:
    make_jpeg(download / "camera-roll" / "a.jpg")
    run = RunContext()
    posts = list(InstaloaderDirCollector().collect(str(download), run))
    assert len(posts) == 7  # six posts and the profile
    [note] = run.notes
    assert str(download / "camera-roll") in note and "scan that folder as its own source" in note


def test_newer_node_with_web_api_fields(tmp_path: Path) -> None:
    # instaloader >= 4.15 copies the web API item into the node (Post._normalize_post_data).
    stem = _stamp(T1)
    _write(
        tmp_path / stem,
        _post(
            {
                "__typename": "GraphImage",
                "shortcode": "C9new",
                "is_video": False,
                "taken_at_timestamp": T1,
                "edge_media_to_caption": {"edges": []},
                "caption": {"text": "from the api item"},
                "usertags": {"in": [{"user": {"username": "nan_pat"}}]},
                "location": {"pk": 42, "name": "Library", "lat": 51.5, "lng": -0.12},
                "user": {"username": "mum", "is_private": True},
            }
        ),
    )
    _jpg(tmp_path / f"{stem}.jpg")
    [post] = InstaloaderDirCollector().collect(str(tmp_path), RunContext())
    assert post.caption == "from the api item"
    assert post.tagged_users == ("nan_pat",)
    assert post.geotag is not None and (post.geotag.id, post.geotag.lat, post.geotag.lon) == (
        "42",
        51.5,
        -0.12,
    )
