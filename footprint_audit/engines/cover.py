"""The one routine that hides faces: used by `fix`, by share-mode thumbnails and by the
report's face crops.

A cover must defeat a face detector and face recognition, not only a person's eye. Measured
on every face in tests/data/faces (and ../shared/data/faces): a Gaussian blur of the face box
alone left the outline, hair and skin tones, and both this tool's detector and
face_recognition still found and matched faces. What works is covering more than the box
(forehead, hair and chin: the detector's box is tight) and keeping no detail inside:

- ``solid`` (default): an opaque rounded patch in a neutral colour;
- ``pixelate``: the padded region reduced to a handful of blocks (at most ``BLOCKS`` across);
- ``emoji``: a heart sticker (drawn here, nothing to download) over the padded region;
- ``blur``: pixelate to a few blocks, then a strong blur, for those who prefer its look.

tests/test_cover.py covers every face with every style and asserts that neither detector
finds a face there and that face_recognition's encoding at the old box no longer matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from PIL import Image

# Pillow is imported inside the functions: the CLI reads STYLES at start-up, and drawing
# support (ImageDraw pulls in the font engine) costs about 0.15 s that --help need not pay.

CoverStyle = Literal["solid", "pixelate", "emoji", "blur"]
STYLES: tuple[CoverStyle, ...] = ("solid", "pixelate", "emoji", "blur")
DEFAULT_STYLE: CoverStyle = "solid"

#: How far beyond the detector's box a cover reaches, as a share of the box's size: hair and
#: forehead above, ears at the sides, chin below.
PAD_SIDE, PAD_TOP, PAD_BOTTOM = 0.30, 0.55, 0.30
#: Pixelate: blocks across the padded region; 4 keeps no feature a matcher can use.
BLOCKS = 4
SOLID_COLOUR = (176, 168, 158)

#: (left, top, right, bottom) in the image's pixels.
Box = tuple[float, float, float, float]


def padded(box: Box, size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """The region a cover hides for a face box, clipped to the image (None when empty)."""
    left, top, right, bottom = box
    bw, bh = right - left, bottom - top
    region = (
        max(0, int(left - PAD_SIDE * bw)),
        max(0, int(top - PAD_TOP * bh)),
        min(size[0], int(round(right + PAD_SIDE * bw))),
        min(size[1], int(round(bottom + PAD_BOTTOM * bh))),
    )
    if region[2] <= region[0] or region[3] <= region[1]:
        return None
    return region


def _blocks(region: Image.Image, blocks: int) -> Image.Image:
    from PIL import Image

    w, h = region.size
    across = max(1, min(blocks, w))
    down = max(1, min(blocks, round(blocks * h / max(w, 1))))
    small = region.resize((across, down), Image.Resampling.BOX)
    return small.resize((w, h), Image.Resampling.NEAREST)


def _sticker(size: tuple[int, int], mode: str) -> tuple[Image.Image, Image.Image]:
    """A heart sticker on a round pale badge, and its mask. A heart, not a smiley: a drawn
    smiley (two eyes and a mouth in a circle) is found as a face by face_recognition's
    detector, which the tests caught."""
    from PIL import Image, ImageDraw

    w, h = size
    art = Image.new("RGB", size, (253, 226, 236))
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).ellipse((0, 0, w - 1, h - 1), fill=255)
    d = ImageDraw.Draw(art)
    red = (225, 29, 72)
    r = w * 0.17
    for cx in (0.36, 0.64):
        d.ellipse((w * cx - r, h * 0.40 - r, w * cx + r, h * 0.40 + r), fill=red)
    d.polygon([(w * 0.20, h * 0.46), (w * 0.80, h * 0.46), (w * 0.50, h * 0.80)], fill=red)
    return art.convert(mode) if mode != "RGB" else art, mask


def cover(image: Image.Image, boxes: Sequence[Box], style: CoverStyle = DEFAULT_STYLE) -> Image.Image:
    """A copy of ``image`` with each face box hidden in ``style``."""
    from PIL import Image, ImageDraw, ImageFilter

    if style not in STYLES:
        raise ValueError(f"unknown cover style {style!r}; choose one of {', '.join(STYLES)}")
    out = image.copy()
    for box in boxes:
        region = padded(box, out.size)
        if region is None:
            continue
        w, h = region[2] - region[0], region[3] - region[1]
        if style == "solid":
            colour = SOLID_COLOUR if out.mode in ("RGB", "RGBA") else 160
            patch = Image.new(out.mode, (w, h), colour)
            mask = Image.new("L", (w, h), 0)
            ImageDraw.Draw(mask).rounded_rectangle((0, 0, w - 1, h - 1), radius=min(w, h) // 5, fill=255)
            # The rounded corners keep a sliver of background; the face is well inside.
            out.paste(patch, region[:2], mask)
        elif style == "pixelate":
            out.paste(_blocks(out.crop(region), BLOCKS), region[:2])
        elif style == "blur":
            blocky = _blocks(out.crop(region), BLOCKS + 2)
            out.paste(blocky.filter(ImageFilter.GaussianBlur(max(4, w / 6))), region[:2])
        else:
            art, mask = _sticker((w, h), out.mode)
            out.paste(_blocks(out.crop(region), 2), region[:2])  # nothing of the face at the corners
            out.paste(art, region[:2], mask)
    return out
