"""Fuzzing the readers of untrusted input (issue 14): whatever arrives, a reader returns data or
raises one of the tool's own errors (an error record, never a traceback that ends the scan).

Bounded here (``FUZZ_EXAMPLES`` examples per reader, 30 by default, so ``make test`` stays
quick); ``make fuzz`` runs the same properties with thousands of examples.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from analyzers.ages import AgesAnalyzer
from analyzers.names import NamesAnalyzer
from analyzers.places import PlacesAnalyzer
from analyzers.routines import RoutinesAnalyzer
from analyzers.schools import SchoolsAnalyzer
from collectors.facebook_export import FacebookExportCollector
from collectors.instagram_export import InstagramExportCollector
from collectors.instaloader_dir import InstaloaderDirCollector
from footprint_audit.archives import open_tree
from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.errors import FootprintError
from footprint_audit.exif import read_exif_from_image
from footprint_audit.models import Post
from tests.analyzers.textkit import run_captions

FIXTURES = Path(__file__).parent / "fixtures"
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=40,
)
#: Keys the export readers look for, so random records reach their inner branches.
EXPORT_KEYS = st.sampled_from(
    [
        "media",
        "uri",
        "title",
        "creation_timestamp",
        "timestamp",
        "media_metadata",
        "photo_metadata",
        "exif_data",
        "latitude",
        "longitude",
        "data",
        "post",
        "attachments",
        "tags",
        "place",
        "string_map_data",
        "Private Account",
        "value",
    ]
)
export_records = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(EXPORT_KEYS | st.text(max_size=8), inner, max_size=6)
    ),
    max_leaves=50,
)


def _collect(collector: Any, spec: str, tmp: Path) -> list[Post]:
    run = RunContext(AuditOptions(data_dir=tmp / "profile", media_dir=tmp / "media", use_cache=False))
    try:
        posts = list(collector.collect(spec, run))
    except FootprintError:
        return []
    for p in posts:
        assert isinstance(p, Post)
        json.dumps(p.caption)  # encodable
    return posts


#: Each Meta export: its collector, its fixture, and the JSON file the fuzzer replaces.
EXPORTS = {
    "instagram": (
        InstagramExportCollector,
        "instagram_export",
        "your_instagram_activity/content/posts_1.json",
    ),
    "facebook": (
        FacebookExportCollector,
        "facebook_export",
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
    ),
}


@pytest.mark.parametrize("export", sorted(EXPORTS))
@FUZZ
@given(data=export_records)
def test_export_reader_survives_any_json(export: str, data: Any, tmp_path_factory: Any) -> None:
    collector, fixture, posts_file = EXPORTS[export]
    tmp = tmp_path_factory.mktemp(export)
    root = tmp / "export"
    shutil.copytree(FIXTURES / fixture, root)
    (root / posts_file).write_text(json.dumps(data), encoding="utf-8")
    _collect(collector(), str(root), tmp)


@FUZZ
@given(data=json_values, node=export_records)
def test_instaloader_reader_survives_any_json(data: Any, node: Any, tmp_path_factory: Any) -> None:
    tmp = tmp_path_factory.mktemp("il")
    root = tmp / "someaccount"
    root.mkdir()
    Image.new("RGB", (8, 8)).save(root / "2024-05-14_15-30-00_UTC.jpg")
    (root / "2024-05-14_15-30-00_UTC.json").write_text(
        json.dumps({"node": node, "extra": data}), encoding="utf-8"
    )
    (root / "2024-05-15_15-30-00_UTC.json").write_text(json.dumps(data), encoding="utf-8")
    _collect(InstaloaderDirCollector(), str(root), tmp)


exif_values = (
    st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.binary(max_size=20)
    | st.tuples(st.integers(0, 2**32), st.integers(0, 2**32), st.integers(0, 2**32))
)


@FUZZ
@given(
    gps=st.dictionaries(st.integers(0, 31), exif_values, max_size=10),
    main=st.dictionaries(
        st.sampled_from([0x0132, 0x9003, 0x9011, 0x010F, 0x0110, 0xA431, 0x0112]), exif_values, max_size=6
    ),
)
def test_exif_reader_survives_any_tags(gps: dict[int, Any], main: dict[int, Any]) -> None:
    img = Image.new("RGB", (16, 16))
    exif = Image.Exif()
    for tag, value in main.items():
        exif[tag] = value
    exif[0x8825] = gps
    buf = io.BytesIO()
    try:
        img.save(buf, format="JPEG", exif=exif.tobytes())
    except Exception:
        return
    try:
        read_exif_from_image(Image.open(io.BytesIO(buf.getvalue())))
    except FootprintError:
        pass


@FUZZ
@given(blob=st.binary(max_size=2000), prefix=st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06"]))
def test_archive_reader_refuses_garbage_cleanly(blob: bytes, prefix: bytes, tmp_path_factory: Any) -> None:
    tmp = tmp_path_factory.mktemp("zip")
    path = tmp / "export.zip"
    path.write_bytes(prefix + blob)
    try:
        tree = open_tree(path, tmp / "x")
    except FootprintError:
        return
    assert tree is not None


@FUZZ
@given(names=st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=6))
def test_archive_reader_survives_any_member_names(names: list[str], tmp_path_factory: Any) -> None:
    tmp = tmp_path_factory.mktemp("zipnames")
    path = tmp / "export.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for i, name in enumerate(names):
            try:
                zf.writestr(name, b"{}" if i % 2 else b"\xff\xd8")
            except Exception:
                continue
    _collect(InstagramExportCollector(), str(path), tmp)


captions = st.text(max_size=300) | st.lists(
    st.sampled_from(
        [
            "Mia",
            "mia",
            "turns",
            "5",
            "today",
            "at",
            "St",
            "Mary's",
            "Primary",
            "#MiaTurns5",
            "保育園",
            "ちゃん",
            "jaar",
            "groep",
            "Year",
            "2",
            "and",
            "Leo",
            "every",
            "Tuesday",
            "16:30",
            "🎂",
            "\n",
            "@",
            ".",
            ",",
            "'s",
        ]
    ),
    max_size=30,
).map(" ".join)


@FUZZ
@given(texts=st.lists(captions, min_size=1, max_size=4))
def test_caption_analyzers_survive_any_text(texts: list[str]) -> None:
    for analyzer in (
        NamesAnalyzer(),
        AgesAnalyzer(),
        SchoolsAnalyzer(),
        PlacesAnalyzer(),
        RoutinesAnalyzer(),
    ):
        for found in run_captions(analyzer, *texts):
            for f in found:
                assert f.category in analyzer.categories
