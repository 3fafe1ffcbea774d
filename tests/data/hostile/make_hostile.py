"""Write the hostile-input corpus (issue 14) into a folder; every case is generated, none is stored.

Each case once crashed or hung a whole scan. ``build(root)`` returns one source path per
case, named by what it holds, plus the good posts each source also carries (a scan must keep
all of them). Large cases (deep JSON, bombs, a 1.1 MB caption) are made here rather than
kept in the repository. Run as a script to look at them: ``python make_hostile.py OUT``.
"""

from __future__ import annotations

import io
import json
import lzma
import os
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PIL import Image, TiffImagePlugin

#: A truncated emoji: the high half of U+1F600 without its low half.
LONE_SURROGATE = "\ud83d"
BIG_CAPTION = "Sports day at Oakfield! " * 46_000  # 1.1 MB
DEEP = 100_000


def _jpeg(color: tuple[int, int, int], gps_hours: int | None = None) -> bytes:
    img = Image.new("RGB", (32, 24), color)
    exif = Image.Exif()
    if gps_hours is not None:
        g = exif.get_ifd(0x8825)
        g[1], g[2] = "N", (TiffImagePlugin.IFDRational(52, 1),) * 3
        g[3], g[4] = "E", (TiffImagePlugin.IFDRational(4, 1),) * 3
        g[29] = "2024:05:14"
        g[7] = (
            TiffImagePlugin.IFDRational(gps_hours, 1),
            TiffImagePlugin.IFDRational(0, 1),
            TiffImagePlugin.IFDRational(0, 1),
        )
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    return buf.getvalue()


def _deep_json() -> str:
    return "[" * DEEP + "]" * DEEP


def _stamp(day: int) -> str:
    return datetime(2024, 5, day, 16, 30, tzinfo=UTC).strftime("%Y-%m-%d_%H-%M-%S") + "_UTC"


def _loader_post(shortcode: str, caption: str, day: int) -> dict[str, Any]:
    node = {
        "__typename": "GraphImage",
        "id": shortcode,
        "shortcode": shortcode,
        "is_video": False,
        "taken_at_timestamp": int(datetime(2024, 5, day, 16, 30, tzinfo=UTC).timestamp()),
        "edge_media_to_caption": {"edges": [{"node": {"text": caption}}]},
    }
    return {"node": node, "instaloader": {"version": "4.14.1", "node_type": "Post"}}


def _instaloader(root: Path) -> list[str]:
    """An instaloader folder: good posts next to deep, bomb and huge-caption metadata."""
    folder = root / "instaloader" / "mia_mum"
    folder.mkdir(parents=True)
    good = [("GOOD1", "Beach day " + LONE_SURROGATE, 1), ("GOOD2", "Park", 2), ("HUGE", BIG_CAPTION, 5)]
    for code, caption, day in good:
        (folder / f"{_stamp(day)}.json").write_text(json.dumps(_loader_post(code, caption, day)))
        (folder / f"{_stamp(day)}.jpg").write_bytes(_jpeg((day * 40, 90, 90)))
    (folder / f"{_stamp(3)}.json").write_text(_deep_json())
    # 1 GiB of spaces in about 160 KB: 16 concatenated xz streams of 64 MB each.
    block = lzma.compress(b" " * (64 << 20))
    (folder / f"{_stamp(4)}.json.xz").write_bytes(block * 16)
    return [f"ig-{code}" for code, _, _ in good]


def _ig_posts(entries: list[tuple[str, str]]) -> str:
    return json.dumps(
        [
            {"media": [{"uri": uri, "creation_timestamp": 1715700000 + i, "title": title}]}
            for i, (uri, title) in enumerate(entries)
        ]
    )


def _ig_export_folder(root: Path) -> list[str]:
    """An Instagram export folder with a lone surrogate, a huge caption and a deep posts file."""
    base = root / "ig-export"
    content = base / "your_instagram_activity" / "content"
    content.mkdir(parents=True)
    media = base / "media" / "posts" / "202405"
    media.mkdir(parents=True)
    (media / "good1.jpg").write_bytes(_jpeg((200, 10, 10)))
    (media / "huge.jpg").write_bytes(_jpeg((10, 200, 10)))
    (content / "posts_1.json").write_text(
        _ig_posts(
            [
                ("media/posts/202405/good1.jpg", "Swim class " + LONE_SURROGATE),
                ("media/posts/202405/huge.jpg", BIG_CAPTION),
            ]
        )
    )
    (content / "posts_2.json").write_text(_deep_json())
    return ["ig-export:post:good1", "ig-export:post:huge"]


def _zip_clash(root: Path) -> list[str]:
    """An Instagram export ZIP holding both ``a.jpg`` and ``a.jpg/b.jpg``."""
    path = root / "clash.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "your_instagram_activity/content/posts_1.json",
            _ig_posts([("media/a.jpg", "first"), ("media/a.jpg/b.jpg", "second"), ("media/c.jpg", "good")]),
        )
        zf.writestr("media/a.jpg", _jpeg((1, 2, 3)))
        zf.writestr("media/a.jpg/b.jpg", _jpeg((3, 2, 1)))
        zf.writestr("media/c.jpg", _jpeg((9, 9, 9)))
    return ["ig-export:post:a", "ig-export:post:c"]


def _zip_spread_bomb(root: Path) -> list[str]:
    """500 members just under 1 MB of zeros each: 500 MB from a few hundred KB."""
    path = root / "spread-bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("your_instagram_activity/content/posts_1.json", _ig_posts([("media/p0.jpg", "x")]))
        zeros = b"\0" * (1024 * 1024 - 1)
        for i in range(500):
            zf.writestr(f"media/p{i}.jpg", zeros)
    return []


def _photos(root: Path) -> list[str]:
    """A photo folder: a GPS time of 4294967295 hours, a non-UTF-8 name, links leaving it."""
    folder = root / "photos"
    folder.mkdir()
    (folder / "good.jpg").write_bytes(_jpeg((50, 60, 70)))
    (folder / "gps-hours.jpg").write_bytes(_jpeg((70, 60, 50), gps_hours=4294967295))
    (folder / os.fsdecode(b"caf\xe9.jpg")).write_bytes(_jpeg((90, 60, 50)))
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.jpg").write_bytes(_jpeg((1, 1, 1)))
    os.symlink(outside / "secret.jpg", folder / "linked.jpg")
    os.symlink(outside, folder / "linked-folder")
    return ["good.jpg", "gps-hours.jpg", os.fsdecode(b"caf\xe9.jpg")]


def build(root: Path) -> dict[str, tuple[Path, list[str]]]:
    """Every hostile source under ``root``: {case: (source path, what its good posts are)}."""
    root.mkdir(parents=True, exist_ok=True)
    return {
        "instaloader": (root / "instaloader", _instaloader(root)),
        "instagram-export": (root / "ig-export", _ig_export_folder(root)),
        "zip-clash": (root / "clash.zip", _zip_clash(root)),
        "zip-spread-bomb": (root / "spread-bomb.zip", _zip_spread_bomb(root)),
        "photos": (root / "photos", _photos(root)),
    }


if __name__ == "__main__":
    for case, (path, good) in build(Path(sys.argv[1])).items():
        print(f"{case}: {path} ({len(good)} good posts)")
