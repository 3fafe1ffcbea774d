from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from footprint_audit.archives import FolderTree, ZipTree, fix_mojibake, merged_exif
from footprint_audit.errors import BadInput


def test_traversal_member_refuses_the_archive(tmp_path: Path) -> None:
    z = tmp_path / "a.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("ok.json", "{}")
        zf.writestr("../../evil", "x")
    with pytest.raises(BadInput, match="path-traversal"):
        ZipTree(z, tmp_path / "out")


@pytest.mark.parametrize("name", ["/etc/passwd", "C:/windows/x", "a/../../b", "a\\..\\..\\b"])
def test_other_unsafe_names(tmp_path: Path, name: str) -> None:
    z = tmp_path / "a.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr(name, "x")
    with pytest.raises(BadInput):
        ZipTree(z, tmp_path / "out")


def test_zip_bomb_refused_by_ratio(tmp_path: Path) -> None:
    z = tmp_path / "bomb.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("media/posts/huge.jpg", b"\0" * (20 * 1024 * 1024))
    assert z.stat().st_size < 100_000
    with pytest.raises(BadInput, match="ZIP bomb"):
        ZipTree(z, tmp_path / "out")


def test_zip_refused_by_total_size(tmp_path: Path) -> None:
    z = tmp_path / "big.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_STORED) as zf:
        for i in range(3):
            zf.writestr(f"m{i}.bin", bytes(range(256)) * 400)
    with pytest.raises(BadInput, match="limit"):
        ZipTree(z, tmp_path / "out", max_total=200_000)
    assert ZipTree(z, tmp_path / "out", max_total=400_000).files() == ["m0.bin", "m1.bin", "m2.bin"]


def test_lying_header_is_caught_while_extracting(tmp_path: Path) -> None:
    z = tmp_path / "liar.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.jpg", b"y" * 1000)
    tree = ZipTree(z, tmp_path / "out")
    tree._members["a.jpg"].file_size = 10  # what a forged header would say
    with pytest.raises(BadInput, match="larger than its ZIP entry|cannot be read"):
        tree.local_path("a.jpg")
    assert not list((tmp_path / "out").rglob("a.jpg"))


def test_extraction_is_owner_only_and_done_once(tmp_path: Path) -> None:
    z = tmp_path / "e.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("media/a.jpg", b"abc")
    tree = ZipTree(z, tmp_path / "out")
    p = tree.local_path("media/a.jpg")
    assert p.read_bytes() == b"abc" and p.stat().st_mode & 0o077 == 0
    mtime = p.stat().st_mtime_ns
    assert tree.local_path("media/a.jpg").stat().st_mtime_ns == mtime
    with pytest.raises(BadInput, match="missing"):
        tree.local_path("media/b.jpg")


def test_folder_tree_refuses_escape(tmp_path: Path) -> None:
    (tmp_path / "exp").mkdir()
    (tmp_path / "secret").write_text("s")
    tree = FolderTree(tmp_path / "exp")
    with pytest.raises(BadInput):
        tree.local_path("../secret")
    assert not tree.exists("../secret")


def test_mojibake_fix_only_touches_double_encoded_text() -> None:
    assert fix_mojibake({"t": "Caf\u00c3\u00a9", "k": ["na\u00efve"]}) == {"t": "Café", "k": ["naïve"]}
    assert fix_mojibake("日本") == "日本"


def test_merged_exif_reads_list_of_dicts() -> None:
    media = {"media_metadata": {"photo_metadata": {"exif_data": [{"latitude": 1.5}, {"longitude": 2.5}]}}}
    assert merged_exif(media) == {"latitude": 1.5, "longitude": 2.5}


def test_many_small_members_are_judged_in_all(tmp_path: Path) -> None:
    # Each member is under the size at which one member's ratio is judged; together they
    # would write 120 MB from a few hundred KB.
    z = tmp_path / "spread.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(120):
            zf.writestr(f"media/{i}.jpg", b"\0" * (1024 * 1024 - 1))
    with pytest.raises(BadInput, match="in all .*ZIP bomb"):
        ZipTree(z, tmp_path / "out")


def test_a_file_and_a_folder_of_the_same_name_is_one_error(tmp_path: Path) -> None:
    z = tmp_path / "clash.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.jpg", b"first")
        zf.writestr("a.jpg/b.jpg", b"second")
        zf.writestr("c.jpg", b"third")
    for order in (["a.jpg", "a.jpg/b.jpg"], ["a.jpg/b.jpg", "a.jpg"]):
        tree = ZipTree(z, tmp_path / f"out-{order[0].replace('/', '_')}")
        assert tree.local_path(order[0]).read_bytes() in (b"first", b"second")
        with pytest.raises(BadInput, match="cannot be extracted"):
            tree.local_path(order[1])
        assert tree.local_path("c.jpg").read_bytes() == b"third"
        assert not [p for p in tree.extract_root.rglob("*") if p.name.endswith(".part")]


def test_json_nested_too_deep_is_bad_input(tmp_path: Path) -> None:
    from footprint_audit.archives import load_json

    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(BadInput, match="nested too deeply"):
        load_json(FolderTree(tmp_path), "deep.json")
