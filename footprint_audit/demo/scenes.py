"""The demo's pictures: drawn places with drawn bodies, and a real adult face as each head.

No photo of a child is used. The heads are adult portraits (face_recognition's MIT-licensed
examples, see faces/NOTICE.md) composited above a drawn body, so the face detector finds them
and recognition links the same person across posts, as it would a child on a real account.

The body is drawn where the uniform analyzer (issue 12) looks: the torso sits directly below
the face box, about 2.5 face widths wide and 3 face heights tall.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image, ImageDraw

FACES_DIR = Path(__file__).resolve().parent / "faces"

#: The demo pictures' size: large enough for the detector, small enough for a quick demo.
SIZE = (800, 600)
#: Face widths (Person.face_w) are given for a picture this tall and scaled to SIZE.
_DESIGN_HEIGHT = 720

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Outfit:
    """What a drawn child wears: a top (with an optional collar and crest), a bottom, a pattern."""

    name: str
    top: RGB
    bottom: RGB
    collar: RGB | None = None
    crest: RGB | None = None
    pattern: str = "plain"  # "plain", "stripes" or "dots"
    accent: RGB = (255, 255, 255)


#: Mia's school uniform: a bottle-green jumper with a small yellow crest on the chest, a white
#: collar and a grey skirt. Worn on school-day mornings only; the uniform analyzer and its
#: tests refer to these colours.
UNIFORM = Outfit(
    "school uniform", top=(22, 84, 52), bottom=(128, 128, 132), collar=(250, 250, 250), crest=(242, 196, 36)
)
#: The uniform's colours by garment, as plain RGB for code that does not import Outfit.
UNIFORM_COLOURS: dict[str, RGB] = {
    "jumper": UNIFORM.top,
    "crest": (242, 196, 36),
    "skirt": UNIFORM.bottom,
    "collar": (250, 250, 250),
}

#: Weekend, holiday and party clothes: no two alike, none bottle green with a crest.
CASUAL: dict[str, Outfit] = {
    o.name: o
    for o in (
        Outfit("red t-shirt, jeans", (206, 40, 48), (52, 82, 150)),
        Outfit("yellow dress", (250, 208, 64), (250, 208, 64), pattern="dots", accent=(255, 255, 255)),
        Outfit("pink hoodie, leggings", (240, 128, 176), (60, 60, 70)),
        Outfit("striped top, shorts", (30, 60, 130), (200, 170, 120), pattern="stripes"),
        Outfit("purple swimsuit", (128, 64, 170), (128, 64, 170)),
        Outfit("orange jumper, cords", (236, 120, 40), (110, 80, 50)),
        Outfit("party dress", (200, 60, 140), (200, 60, 140), pattern="dots", accent=(250, 220, 90)),
        Outfit("pyjamas", (150, 200, 240), (150, 200, 240), pattern="stripes", accent=(255, 255, 255)),
        Outfit("raincoat", (250, 220, 40), (40, 40, 60)),
        Outfit("dinosaur t-shirt", (90, 160, 70), (70, 90, 120), pattern="dots", accent=(30, 80, 30)),
        Outfit("blue dungarees", (240, 240, 230), (60, 100, 190)),
        Outfit("star costume", (255, 230, 90), (255, 230, 90), pattern="dots", accent=(255, 255, 255)),
        Outfit("christmas jumper", (180, 30, 40), (40, 40, 50), pattern="dots", accent=(255, 255, 255)),
        Outfit("sun suit", (100, 200, 210), (100, 200, 210), pattern="stripes"),
        Outfit("book-day costume", (40, 40, 40), (90, 20, 20), pattern="stripes", accent=(200, 40, 40)),
    )
}


@dataclass(frozen=True)
class Person:
    """Someone in a picture: whose face crop, what they wear, where (share of the width)."""

    face: str
    outfit: Outfit
    x: float = 0.5
    #: Face width in pixels: children of different heights, photos from different distances.
    face_w: int = 78


@cache
def _boxes() -> dict[str, list[int]]:
    data: dict[str, list[int]] = json.loads((FACES_DIR / "boxes.json").read_text(encoding="utf-8"))
    return data


@cache
def _crop(name: str) -> Image.Image:
    from PIL import Image

    with Image.open(FACES_DIR / f"{name}.jpg") as img:
        return img.convert("RGB")


def face_crop_path(name: str) -> Path:
    return FACES_DIR / f"{name}.jpg"


def _head(name: str, face_w: int) -> tuple[Image.Image, Image.Image, tuple[int, int, int, int]]:
    """The crop scaled so its face box is ``face_w`` wide, an oval head mask, and the scaled box."""
    from PIL import Image, ImageDraw, ImageFilter

    crop = _crop(name)
    left, top, right, bottom = _boxes()[name]
    s = face_w / (right - left)
    img = crop.resize((round(crop.width * s), round(crop.height * s)), Image.Resampling.LANCZOS)
    box = (round(left * s), round(top * s), round(right * s), round(bottom * s))
    fw, fh = box[2] - box[0], box[3] - box[1]
    mask = Image.new("L", img.size, 0)
    # Hair and forehead above the box, ears at the sides, the chin just below it.
    ImageDraw.Draw(mask).ellipse(
        (box[0] - 0.28 * fw, box[1] - 0.45 * fh, box[2] + 0.28 * fw, box[3] + 0.12 * fh), fill=255
    )
    return img, mask.filter(ImageFilter.GaussianBlur(max(1, fw // 30))), box


def _pattern(d: ImageDraw.ImageDraw, area: tuple[float, float, float, float], o: Outfit) -> None:
    x0, y0, x1, y1 = area
    step = max(8, int((x1 - x0) / 8))
    if o.pattern == "stripes":
        y = y0 + step / 2
        while y < y1:
            d.rectangle((x0, y, x1, y + step / 3), fill=o.accent)
            y += step
    elif o.pattern == "dots":
        r = step / 5
        for j, y in enumerate(range(int(y0 + step / 2), int(y1), step)):
            for x in range(int(x0 + step / 2 + (j % 2) * step / 2), int(x1), step):
                d.ellipse((x - r, y - r, x + r, y + r), fill=o.accent)


def draw_person(img: Image.Image, p: Person) -> tuple[int, int, int, int]:
    """Composite ``p`` into ``img``: head, then the torso below the face box. Returns the torso box."""
    from PIL import ImageDraw

    head, mask, box = _head(p.face, round(p.face_w * img.height / _DESIGN_HEIGHT))
    fw, fh = box[2] - box[0], box[3] - box[1]
    cx = int(p.x * img.width)
    # Feet near the bottom of the picture: the face sits about 4.3 face heights above them.
    face_top = int(img.height - 4.6 * fh - 0.04 * img.height)
    ox, oy = cx - (box[0] + box[2]) // 2, face_top - box[1]
    face_bottom = oy + box[3]
    d = ImageDraw.Draw(img)
    o = p.outfit
    torso_w, torso_h = 2.5 * fw, 3.0 * fh
    tx0, ty0 = cx - torso_w / 2, face_bottom + 0.02 * fh
    tx1, ty1 = cx + torso_w / 2, ty0 + torso_h
    split = ty0 + 0.62 * torso_h  # jumper above, skirt or trousers below
    skin = (226, 184, 150)
    # Legs, then the bottom garment, then the top (rounded shoulders), then the head over the neck.
    d.rectangle((cx - 0.55 * fw, ty1 - 2, cx - 0.15 * fw, ty1 + 1.2 * fh), fill=skin)
    d.rectangle((cx + 0.15 * fw, ty1 - 2, cx + 0.55 * fw, ty1 + 1.2 * fh), fill=skin)
    d.rectangle((tx0 + 0.12 * torso_w, split, tx1 - 0.12 * torso_w, ty1), fill=o.bottom)
    d.rounded_rectangle((tx0, ty0, tx1, split), radius=int(0.45 * fw), fill=o.top)
    if o.pattern != "plain":
        _pattern(d, (tx0 + 0.1 * fw, ty0 + 0.35 * fh, tx1 - 0.1 * fw, split - 4), o)
        if o.bottom == o.top:
            _pattern(d, (tx0 + 0.12 * torso_w, split, tx1 - 0.12 * torso_w, ty1), o)
    if o.collar:
        d.polygon(
            [
                (cx - 0.5 * fw, ty0),
                (cx + 0.5 * fw, ty0),
                (cx + 0.3 * fw, ty0 + 0.35 * fh),
                (cx, ty0 + 0.12 * fh),
                (cx - 0.3 * fw, ty0 + 0.35 * fh),
            ],
            fill=o.collar,
        )
    if o.crest:
        # A small shield on the left of the chest (the child's left, our right).
        sx, sy, sw = cx + 0.45 * fw, ty0 + 0.6 * fh, 0.34 * fw
        d.polygon(
            [(sx, sy), (sx + sw, sy), (sx + sw, sy + 0.6 * sw), (sx + sw / 2, sy + sw), (sx, sy + 0.6 * sw)],
            fill=o.crest,
        )
    img.paste(head, (ox, oy), mask)
    return int(tx0), int(ty0), int(tx1), int(ty1)


_GROUND = {
    "beach": (236, 214, 160),
    "pool": (90, 170, 220),
    "park": (110, 170, 90),
    "garden": (100, 160, 80),
    "school": (150, 150, 150),
    "nursery": (160, 150, 140),
}
_SIGNS = {
    "school": ("OAKFIELD PRIMARY SCHOOL", (20, 60, 120), (255, 255, 255)),
    "pool": ("KENTISH TOWN SPORTS CENTRE", (255, 255, 255), (0, 60, 140)),
}


def scene(kind: str, seed: int, people: tuple[Person, ...] = ()) -> Image.Image:
    """A drawn picture of a place, with ``people`` in it (their faces are adult stand-ins)."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    w, h = SIZE
    indoor = kind in ("home", "cake", "craft", "stage")
    sky = (236, 226, 206) if indoor else (190 + rng.randint(0, 40), 215, 240)
    img = Image.new("RGB", SIZE, sky)
    d = ImageDraw.Draw(img)
    horizon = int(h * 0.58)
    d.rectangle((0, horizon, w, h), fill=_GROUND.get(kind, (170, 150, 130) if indoor else (170, 160, 150)))
    if kind == "beach":
        d.rectangle((0, horizon - 60, w, horizon), fill=(60, 130, 190))
    for _ in range(6):
        x, y = rng.randint(0, w - 60), rng.randint(10, horizon - 80)
        colour = (rng.randint(100, 255), rng.randint(100, 255), rng.randint(100, 255))
        if indoor:
            d.rectangle((x, y, x + 70, y + 50), fill=colour)  # pictures on the wall
        else:
            d.ellipse((x, y, x + 60, y + 60), fill=colour)  # balloons, trees, clouds
    if kind in _SIGNS:
        text, bg, fg = _SIGNS[kind]
        d.rectangle((w * 0.2, 16, w * 0.8, 76), fill=bg)
        d.text((w * 0.5, 46), text, fill=fg, anchor="mm", font_size=28)
    elif kind == "cake":
        cx, top = w * 0.76, horizon - 40.0
        d.rectangle((cx - 130, top, cx + 130, top + 100), fill=(250, 200, 220))
        for k in range(3):  # strawberries on top, no candles (OCR reads a row of them as "iiiii")
            px = cx - 80 + 80 * k
            d.ellipse((px - 14, top - 24, px + 14, top + 4), fill=(210, 30, 50))
    elif kind == "nursery":
        # A painted door and an acorn, no lettering: the caption names the nursery, and text read
        # off a sign would be put down to the family's first child.
        d.rectangle((w * 0.42, horizon - 220, w * 0.58, horizon), fill=(120, 70, 30))
        d.ellipse((w * 0.47, 40, w * 0.53, 110), fill=(150, 100, 40))
    elif kind == "stage":
        d.rectangle((0, 0, w * 0.12, h), fill=(150, 20, 30))
        d.rectangle((w * 0.88, 0, w, h), fill=(150, 20, 30))
    for p in people:
        draw_person(img, p)
    return img
