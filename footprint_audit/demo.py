"""A fictional family for the offline demo, generated on the spot.

Everything here is made up: the Baker family, their posts, their photos (drawn with
Pillow, no real person in them). It mirrors what health visitors find by hand on real
public accounts: a name, a birthday, a school, a weekly routine, a home area from photo
GPS. Two sources, as a parent would have them: an instaloader download of the public
account (captions, geotags, comments, tags) and a camera-roll folder whose files still
carry GPS.
"""

from __future__ import annotations

import json
import lzma
import math
import random
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import ExifTags, Image, ImageDraw

LONDON = ZoneInfo("Europe/London")
ACCOUNT = "sophie.and.mia"
CHILD = "Mia"
BIRTHDAY = "2019-05-14"

# Fictional but plausible places. Home is a point in a residential street grid; posts
# taken there are jittered by up to ~40 m, as phone GPS is.
HOME = (51.55602, -0.14031)
SCHOOL = ("Oakfield Primary School", 51.55291, -0.14512)
POOL = ("Kentish Town Sports Centre", 51.54969, -0.14251)
PARK = ("Hampstead Heath", 51.56082, -0.16330)
BEACH = ("St Ives", 50.21167, -5.47989)


@dataclass(frozen=True)
class DemoPost:
    when: str  # local time, Europe/London
    caption: str
    scene: str
    place: tuple[str, float, float] | None = None  # platform geotag
    tagged: tuple[str, ...] = ()
    comments: tuple[tuple[str, str], ...] = ()


def _tuesdays(start: str, n: int, hh: int, mm: int) -> list[str]:
    d = datetime.fromisoformat(start)
    out = []
    for week in range(n):
        t = d + timedelta(weeks=week, minutes=(week * 7) % 20)
        out.append(t.replace(hour=hh, minute=mm).isoformat(sep=" "))
    return out


_SWIM_CAPTIONS = [
    "Swim class again 🏊‍♀️ she's getting so brave in the big pool!",
    "Tuesday = swimming. Every week she asks if it's swim day yet 😂 #swimkids",
    "Post-swim hot chocolate is the real reason we go ☕️",
    "Level 2 badge!!! 🏅 so proud of this little fish #swimming",
    "swim class with Lily, the two of them never stop giggling",
]

PUBLIC_POSTS: list[DemoPost] = [
    DemoPost(
        "2024-05-14 08:05",
        "Our Mia turns 5 today!! 🎂🎉 Where did the time go? #MiaTurns5 #birthdaygirl",
        "cake",
    ),
    DemoPost(
        "2024-05-18 14:20",
        "Birthday party at the park with all her friends 🎈 thanks everyone for coming!",
        "park",
        place=PARK,
        tagged=("lilys.mum.jo",),
        comments=(
            ("nana_jo_baker", "Happy birthday darling Mia! Love Nana xx"),
            ("stranger_danger_77", "so cute! where is this? 😍"),
        ),
    ),
    DemoPost(
        "2024-09-04 08:35",
        "First day of Year 1 at Oakfield Primary School! 🎒 My big girl 😭 #firstdayofschool #backtoschool",
        "school",
        place=SCHOOL,
    ),
    DemoPost(
        "2024-09-11 08:32", "School run in the rain ☔️ she insisted on the wellies", "school", place=SCHOOL
    ),
    DemoPost(
        "2024-10-18 15:40",
        "Mia (5) and Lily (5) showing off their autumn crafts from school 🍂",
        "craft",
        tagged=("lilys.mum.jo",),
    ),
    DemoPost(
        "2024-08-10 11:00", "Beach days in Cornwall 🌊 #beachbaby #bathtime fun after!", "beach", place=BEACH
    ),
    DemoPost("2024-11-14 19:10", "Half-birthday pancakes for my daughter because why not 🥞", "cake"),
    DemoPost("2024-12-20 10:15", "Nativity play! Mia was the star ⭐️ #proudmum", "stage", place=SCHOOL),
]
for i, when in enumerate(_tuesdays("2024-09-10", 5, 16, 30)):
    PUBLIC_POSTS.append(DemoPost(when, _SWIM_CAPTIONS[i % len(_SWIM_CAPTIONS)], "pool", place=POOL))

# Camera roll: photos still carrying GPS, as the phone saved them. Evenings and weekends
# at home give the home area away; weekday mornings at the gate give the school.
CAMERA_ROLL: list[tuple[str, str, tuple[float, float]]] = [
    ("2024-06-01 18:40", "Garden picnic tea", HOME),
    ("2024-06-08 19:15", "Bath and bed, finally", HOME),
    ("2024-06-15 10:30", "Saturday pancakes", HOME),
    ("2024-06-22 20:05", "Story time", HOME),
    ("2024-07-06 09:45", "Lego morning", HOME),
    ("2024-07-13 19:30", "Movie night in pyjamas", HOME),
    ("2024-09-17 08:31", "", SCHOOL[1:]),
    ("2024-09-24 08:29", "", SCHOOL[1:]),
    ("2024-10-01 08:33", "", SCHOOL[1:]),
]


def _scene(kind: str, seed: int) -> Image.Image:
    """A drawn picture: shapes and signs, never a person's likeness."""
    rng = random.Random(seed)
    img = Image.new("RGB", (640, 480), (200 + rng.randint(0, 40), 220, 240))
    d = ImageDraw.Draw(img)
    ground = {"beach": (236, 214, 160), "pool": (90, 170, 220), "park": (110, 170, 90)}.get(
        kind, (170, 160, 150)
    )
    d.rectangle((0, 300, 640, 480), fill=ground)
    for _ in range(6):
        x, y = rng.randint(0, 600), rng.randint(20, 260)
        d.ellipse(
            (x, y, x + 40, y + 40), fill=(rng.randint(100, 255), rng.randint(100, 255), rng.randint(100, 255))
        )
    if kind == "school":
        d.rectangle((120, 90, 520, 170), fill=(20, 60, 120))
        d.text((140, 115), "OAKFIELD PRIMARY SCHOOL", fill=(255, 255, 255))
    elif kind == "pool":
        d.rectangle((150, 60, 490, 120), fill=(255, 255, 255))
        d.text((165, 80), "KENTISH TOWN SPORTS CENTRE", fill=(0, 60, 140))
    elif kind == "cake":
        d.rectangle((220, 250, 420, 340), fill=(250, 200, 220))
        d.text((305, 280), "5", fill=(120, 0, 60))
    return img


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
            "biography": "Mum to Mia 🌈 | North London | coffee & chaos",
        },
        "instaloader": {"version": "4.14", "node_type": "Profile"},
    }
    (account / f"{ACCOUNT}_4242.json").write_text(json.dumps(profile), encoding="utf-8")
    for i, post in enumerate(PUBLIC_POSTS):
        taken = datetime.fromisoformat(post.when).replace(tzinfo=LONDON)
        stem = taken.astimezone(UTC).strftime("%Y-%m-%d_%H-%M-%S_UTC")
        meta = {"node": _node(i, post, taken), "instaloader": {"version": "4.14", "node_type": "Post"}}
        (account / f"{stem}.json.xz").write_bytes(lzma.compress(json.dumps(meta).encode()))
        _scene(post.scene, i).save(account / f"{stem}.jpg", quality=85)
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
    for i, (when, caption, (lat, lon)) in enumerate(CAMERA_ROLL):
        taken = datetime.fromisoformat(when).replace(tzinfo=LONDON)
        jitter_lat = lat + rng.uniform(-0.0003, 0.0003)
        jitter_lon = lon + rng.uniform(-0.0004, 0.0004)
        name = f"PXL_{taken.strftime('%Y%m%d_%H%M%S')}.jpg"
        _scene("home" if (lat, lon) == HOME else "school", 100 + i).save(
            roll / name, quality=85, exif=_exif(taken, jitter_lat, jitter_lon)
        )
        if caption:
            (roll / name).with_suffix(".txt").write_text(caption, encoding="utf-8")
    return target
