"""Write the demo family's two sources to disk: an instaloader download of the public
account (captions, geotags, comments, tags) and a camera-roll folder whose files still carry
GPS, as a parent would have them. The pictures are drawn (scenes.py) with adult stand-in faces.
"""

from __future__ import annotations

import json
import lzma
import math
import random
import zlib
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path

from PIL import ExifTags, Image

from .family import ACCOUNT, CAMERA_ROLL, HOME, LONDON, PUBLIC_POSTS, DemoPost
from .scenes import scene


def _dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
    value = abs(value)
    deg = math.floor(value)
    minutes = math.floor((value - deg) * 60)
    seconds = Fraction((value - deg - minutes / 60) * 3600).limit_denominator(100000)
    return Fraction(deg), Fraction(minutes), seconds


def _exif(when: datetime, lat: float, lon: float) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Google"
    exif[ExifTags.Base.Model] = "Pixel 7"
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[ExifTags.Base.DateTimeOriginal] = when.strftime("%Y:%m:%d %H:%M:%S")
    sub[ExifTags.Base.OffsetTimeOriginal] = when.strftime("%z")[:3] + ":" + when.strftime("%z")[3:]
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N" if lat >= 0 else "S"
    gps[ExifTags.GPS.GPSLatitude] = _dms(lat)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E" if lon >= 0 else "W"
    gps[ExifTags.GPS.GPSLongitude] = _dms(lon)
    return exif


def _node(i: int, post: DemoPost, taken: datetime) -> dict[str, object]:
    shortcode = f"DEMO{i:04d}x"
    node: dict[str, object] = {
        "__typename": "GraphImage",
        "id": str(3_100_000_000_000_000 + i),
        "shortcode": shortcode,
        "taken_at_timestamp": int(taken.timestamp()),
        "is_video": False,
        "owner": {"id": "4242", "username": ACCOUNT},
        "edge_media_to_caption": {"edges": [{"node": {"text": post.caption}}]},
        "edge_media_to_tagged_user": {
            "edges": [{"node": {"user": {"username": u, "full_name": ""}}} for u in post.tagged]
        },
        "accessibility_caption": f"Photo by {ACCOUNT}. May be an image of outdoors.",
        "location": None,
    }
    if post.place:
        name, _, _ = post.place
        node["location"] = {
            "id": str(zlib.crc32(name.encode())),
            "has_public_page": True,
            "name": name,
            "slug": name.lower().replace(" ", "-"),
        }
    return node


def build_demo(target: Path) -> Path:
    """Write the demo family's two sources under ``target``; returns ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    account = target / ACCOUNT
    account.mkdir(exist_ok=True)
    profile = {
        "node": {
            "id": "4242",
            "username": ACCOUNT,
            "full_name": "Sophie Baker",
            "is_private": False,
            "biography": "Mum to Mia & Leo 🌈 | North London | coffee & chaos",
        },
        "instaloader": {"version": "4.14", "node_type": "Profile"},
    }
    (account / f"{ACCOUNT}_4242.json").write_text(json.dumps(profile), encoding="utf-8")
    for i, post in enumerate(PUBLIC_POSTS):
        taken = datetime.fromisoformat(post.when).replace(tzinfo=LONDON)
        stem = taken.astimezone(UTC).strftime("%Y-%m-%d_%H-%M-%S_UTC")
        meta = {"node": _node(i, post, taken), "instaloader": {"version": "4.14", "node_type": "Post"}}
        (account / f"{stem}.json.xz").write_bytes(lzma.compress(json.dumps(meta).encode()))
        scene(post.scene, i, post.people).save(account / f"{stem}.jpg", quality=85)
        (account / f"{stem}.txt").write_text(post.caption, encoding="utf-8")
        if post.place:
            name, lat, lon = post.place
            (account / f"{stem}_location.txt").write_text(
                f"{name}\nhttps://maps.google.com/maps?q={lat},{lon}&ll={lat},{lon}\n", encoding="utf-8"
            )
        if post.comments:
            comments = [
                {
                    "id": str(900 + k),
                    "created_at": int(taken.timestamp()) + 600 * (k + 1),
                    "text": text,
                    "owner": {"id": str(77 + k), "username": who},
                    "likes_count": 0,
                    "answers": [],
                }
                for k, (who, text) in enumerate(post.comments)
            ]
            (account / f"{stem}_comments.json").write_text(json.dumps(comments), encoding="utf-8")
    roll = target / "camera-roll"
    roll.mkdir(exist_ok=True)
    rng = random.Random(7)
    for i, (when, caption, (lat, lon), people) in enumerate(CAMERA_ROLL):
        taken = datetime.fromisoformat(when).replace(tzinfo=LONDON)
        jitter_lat = lat + rng.uniform(-0.0003, 0.0003)
        jitter_lon = lon + rng.uniform(-0.0004, 0.0004)
        name = f"PXL_{taken.strftime('%Y%m%d_%H%M%S')}.jpg"
        scene("home" if (lat, lon) == HOME else "school", 100 + i, people).save(
            roll / name, quality=85, exif=_exif(taken, jitter_lat, jitter_lon)
        )
        if caption:
            (roll / name).with_suffix(".txt").write_text(caption, encoding="utf-8")
    return target
