"""Generated photos for the uniform tests: a stand-in adult face (tests/data/faces, MIT) pasted
above an outfit drawn with Pillow, on a varied background, under varied light.

No photo of a real child is used: the face is an adult's, and the tests either fake its age
or enrol it as the child.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageEnhance

from footprint_audit.models import Media, Post
from tests.datasets import TEST_DATA

#: Stand-in faces and their face boxes (top, right, bottom, left) as CenterFace finds them.
FACES: dict[str, tuple[Path, tuple[int, int, int, int]]] = {
    "obama": (TEST_DATA / "faces/test_images/obama.jpg", (46, 327, 226, 196)),
    "biden": (TEST_DATA / "faces/test_images/biden.jpg", (45, 195, 156, 117)),
}

SIZE = (600, 800)
#: The face's width in the photo, give or take 25 px (the child nearer or farther).
FACE_WIDTH = 110


@dataclass(frozen=True)
class Outfit:
    """A drawn outfit: jumper and skirt colours, stripes, and a crest colour (None: no crest)."""

    jumper: tuple[int, int, int]
    skirt: tuple[int, int, int]
    stripes: tuple[int, int, int] | None = None
    crest: tuple[int, int, int] | None = None
    dots: tuple[int, int, int] | None = None


UNIFORM = Outfit(jumper=(22, 88, 48), skirt=(120, 120, 124), crest=(235, 200, 40))
WEEKEND = (
    Outfit(jumper=(200, 40, 50), skirt=(40, 70, 150), stripes=(245, 245, 245)),
    Outfit(jumper=(240, 200, 60), skirt=(60, 60, 70)),
    Outfit(jumper=(235, 150, 190), skirt=(110, 170, 220)),
)
OTHER_CHILD = (
    Outfit(jumper=(120, 50, 140), skirt=(30, 30, 30)),
    Outfit(jumper=(240, 120, 40), skirt=(200, 190, 160)),
    Outfit(jumper=(250, 250, 250), skirt=(20, 40, 100)),
)


def draw_scene(face: str, outfit: Outfit, seed: int, path: Path) -> tuple[int, int, int, int]:
    """Write one photo to ``path``; returns the face box (top, right, bottom, left) in it."""
    rng = random.Random(seed)
    w, h = SIZE
    bg = tuple(rng.randrange(60, 220) for _ in range(3))
    img = Image.new("RGB", SIZE, bg)  # type: ignore[arg-type]
    d = ImageDraw.Draw(img)
    for _ in range(6):  # a busy background: doors, windows, hedges
        x, y = rng.randrange(0, w), rng.randrange(0, h)
        colour = tuple(rng.randrange(0, 256) for _ in range(3))
        d.rectangle([x, y, x + rng.randrange(30, 200), y + rng.randrange(30, 200)], fill=colour)  # type: ignore[arg-type]
    src_path, (ft, fr, fb, fl) = FACES[face]
    src = Image.open(src_path).convert("RGB")
    fw = FACE_WIDTH + rng.randrange(-25, 26)  # nearer or farther from the camera
    scale = fw / (fr - fl)
    fh = round((fb - ft) * scale)
    cx = w // 2 + rng.randrange(-40, 41)
    top = 90 + rng.randrange(-20, 21)
    chin = top + fh
    # neck, jumper (shoulders slope), skirt
    d.rectangle([cx - fw * 0.2, chin - 10, cx + fw * 0.2, chin + fh * 0.3], fill=(200, 160, 130))
    shoulder = fw * 1.1
    jumper_bottom = chin + fh * 0.25 + fh * 1.6
    d.polygon(
        [
            (cx - fw * 0.35, chin + fh * 0.2),
            (cx + fw * 0.35, chin + fh * 0.2),
            (cx + shoulder, chin + fh * 0.45),
            (cx + shoulder, jumper_bottom),
            (cx - shoulder, jumper_bottom),
            (cx - shoulder, chin + fh * 0.45),
        ],
        fill=outfit.jumper,
    )
    if outfit.stripes is not None:
        y = chin + fh * 0.5
        while y < jumper_bottom - 8:
            d.rectangle([cx - shoulder, y, cx + shoulder, y + 8], fill=outfit.stripes)
            y += 22
    if outfit.dots is not None:  # a polka-dot print
        for y in range(round(chin + fh * 0.5), round(jumper_bottom - 8), 20):
            for x in range(round(cx - shoulder + 8), round(cx + shoulder - 8), 20):
                d.ellipse([x, y, x + 8, y + 8], fill=outfit.dots)
    d.polygon(
        [
            (cx - shoulder, jumper_bottom),
            (cx + shoulder, jumper_bottom),
            (cx + shoulder * 1.2, min(h, jumper_bottom + fh * 1.6)),
            (cx - shoulder * 1.2, min(h, jumper_bottom + fh * 1.6)),
        ],
        fill=outfit.skirt,
    )
    if outfit.crest is not None:  # a shield on the wearer's left chest
        x0, y0 = cx + fw * 0.3, chin + fh * 0.55
        s = fw * 0.28
        d.polygon(
            [(x0, y0), (x0 + s, y0), (x0 + s, y0 + s * 0.8), (x0 + s / 2, y0 + s * 1.15), (x0, y0 + s * 0.8)],
            fill=outfit.crest,
        )
    # the face, with a little of its photo around it, on top
    m = 0.12
    crop = src.crop(
        (
            round(fl - m * (fr - fl)),
            round(ft - m * (fb - ft)),
            round(fr + m * (fr - fl)),
            round(fb + m * 0.3 * (fb - ft)),
        )
    )
    crop = crop.resize((round(crop.width * scale), round(crop.height * scale)))
    ox, oy = round(cx - fw / 2 - m * fw), round(top - m * fh)
    img.paste(crop, (ox, oy))
    img = ImageEnhance.Brightness(img).enhance(0.88 + rng.random() * 0.24)  # morning light varies
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, quality=90)
    return (top, round(cx + fw / 2), top + fh, round(cx - fw / 2))


# Mon 2026-09-07 .. : five weekday mornings at 08:10 local (UTC+1 in September: 07:10 UTC).
WEEKDAY_MORNINGS = [datetime(2026, 9, d, 7, 10, tzinfo=UTC) for d in (7, 8, 9, 10, 11)]
WEEKENDS = [datetime(2026, 9, d, 10, 30, tzinfo=UTC) for d in (12, 13, 19)]
OTHER_DAYS = [datetime(2026, 9, d, 15, 0, tzinfo=UTC) for d in (14, 16, 20)]


def series(root: Path) -> tuple[list[Post], dict[str, tuple[int, int, int, int]]]:
    """The acceptance series: Mia (obama stand-in) in the same uniform on five weekday
    mornings and in other clothes at weekends; another child (biden stand-in) in other
    outfits. Returns the posts and each photo's face box."""
    posts: list[Post] = []
    boxes: dict[str, tuple[int, int, int, int]] = {}

    def add(pid: str, face: str, outfit: Outfit, when: datetime, caption: str, seed: int) -> None:
        path = root / f"{pid}.jpg"
        boxes[pid] = draw_scene(face, outfit, seed, path)
        posts.append(
            Post(
                id=pid,
                source="test",
                caption=caption,
                taken_at=when,
                media=(Media(path=str(path)),),
                visibility="public",
            )
        )

    for n, when in enumerate(WEEKDAY_MORNINGS):
        add(f"school-{n}", "obama", UNIFORM, when, "Off we go!", 100 + n)
    for n, when in enumerate(WEEKENDS):
        add(f"weekend-{n}", "obama", WEEKEND[n], when, "Lazy Saturday", 200 + n)
    for n, when in enumerate(OTHER_DAYS):
        add(f"other-{n}", "biden", OTHER_CHILD[n], when, "Playdate", 300 + n)
    return posts, boxes
