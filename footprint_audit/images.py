"""Decoding images safely: every format we accept, EXIF orientation applied, bombs refused.

Everything that opens a user's image goes through :func:`load_image` so the same limits
and the same error messages apply everywhere.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from .errors import BadInput

# 100 megapixels: above any phone camera (48 MP sensors give 8064x6048 = 49 MP), far below
# what a decompression bomb asks for. Pillow only warns between 1x and 2x its limit; we
# refuse at 1x (see load_image).
MAX_PIXELS = 100_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

#: Analysis works on a copy whose longest side is at most this; boxes map back by `scale`.
WORKING_SIDE = 2048

IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".gif", ".tif", ".tiff", ".bmp"}
)
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".webm", ".avi", ".3gp"})

_heif_registered = False


def register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        from pillow_heif import register_heif_opener

        register_heif_opener()
        _heif_registered = True


def media_kind(path: str | Path) -> str | None:
    suffix = Path(path).suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return "image"
    if suffix in VIDEO_SUFFIXES:
        return "video"
    return None


@dataclass(frozen=True)
class LoadedImage:
    """An RGB image ready for analysis.

    ``image`` is upright (EXIF orientation applied) and at most WORKING_SIDE on its longest
    side; ``original_size`` is the upright full-resolution size, and ``scale`` multiplies a
    coordinate in ``image`` to get one in the original.
    """

    image: Image.Image
    original_size: tuple[int, int]
    scale: float
    mode: str
    format: str | None
    frames: int = 1


def open_image(path: str | Path) -> Image.Image:
    """Open (lazily) with our limits; raises BadInput with a plain reason."""
    register_heif()
    p = Path(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(p)
            # Opening reads only the header: check the size before anything decodes pixels.
            w, h = img.size
            if w * h > MAX_PIXELS:
                img.close()
                raise BadInput(
                    f"{p.name}: {w}x{h} pixels is larger than the {MAX_PIXELS // 1_000_000} megapixel limit; "
                    "it was not opened (this protects against decompression bombs).",
                    hint="Resize the image if it is a real photo.",
                )
            return img
    except BadInput:
        raise
    except FileNotFoundError as exc:
        raise BadInput(f"{p}: file not found.") from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise BadInput(f"{p.name}: image is too large to open safely ({exc}).") from exc
    except UnidentifiedImageError as exc:
        raise BadInput(f"{p.name}: not an image this tool can read (unknown or damaged format).") from exc
    except OSError as exc:
        raise BadInput(f"{p.name}: could not be read ({exc}).") from exc


def _to_rgb(img: Image.Image) -> Image.Image:
    if img.mode == "RGB":
        return img
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16/32-bit greyscale: scale to 8 bit instead of clipping to white.
        import numpy as np

        arr = np.asarray(img, dtype=np.float64)
        hi = float(arr.max()) or 1.0
        img = Image.fromarray((arr * (255.0 / hi)).clip(0, 255).astype("uint8"), mode="L")
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return img.convert("RGB")


#: Modes whose pixels can be averaged in blocks (Image.reduce); palette and 1-bit images are
#: thinned by nearest neighbour instead, since averaging palette indices makes other colours.
_AVERAGING_MODES = frozenset({"L", "LA", "RGB", "RGBA", "I", "F", "CMYK", "YCbCr"})
_THINNING_MODES = frozenset({"P", "1"})

#: EXIF orientation to the transpose that makes the image upright (as ImageOps.exif_transpose).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def reduce_factor(size: tuple[int, int], max_side: int) -> int:
    """The whole factor a decoded image can shrink by at once and still be at least twice
    ``max_side`` on its longest side, so the final resampling keeps its quality (the same
    margin Pillow's ``thumbnail`` leaves with its ``reducing_gap`` of 2)."""
    return max(1, max(size) // (2 * max_side))


def _shrink_decoded(img: Image.Image, max_side: int) -> Image.Image:
    """A much smaller copy of a freshly decoded image, made before any full-size copy is.

    Only JPEG decodes at a reduced scale (``draft``); PNG, WebP, TIFF and the rest decode at
    full size. Orientation, colour conversion and resampling would each make another full-size
    copy (four of them for a 10000x10000 RGBA PNG: about 1.6 GB), so the decoded pixels are
    reduced first and released by the caller.
    """
    factor = reduce_factor(img.size, max_side)
    if factor == 1:
        return img
    if img.mode in _AVERAGING_MODES:
        return img.reduce(factor)
    if img.mode in _THINNING_MODES:
        w, h = img.size
        return img.resize((max(1, w // factor), max(1, h // factor)), Image.Resampling.NEAREST)
    return img


def load_image(path: str | Path, *, max_side: int = WORKING_SIDE) -> LoadedImage:
    """Decode an image once: upright, RGB, at most ``max_side`` on its longest side.

    Animated images give their first frame. Raises BadInput for anything unreadable.
    """
    img = open_image(path)
    try:
        with img:
            fmt = img.format
            frames = getattr(img, "n_frames", 1)
            mode = img.mode
            orientation = img.getexif().get(0x0112, 1) if hasattr(img, "getexif") else 1
            w, h = img.size
            if orientation in (5, 6, 7, 8):
                w, h = h, w
            if fmt == "JPEG" and max(w, h) > max_side:
                # JPEG can decode at 1/2, 1/4, 1/8 scale: much faster than a full decode + resize.
                img.draft("RGB", (max_side, max_side))
            img.load()
            small = _shrink_decoded(img, max_side)
            if small is not img:
                # Free the full-size pixels now rather than when the ``with`` ends.
                img.close()
            transpose = _UPRIGHT.get(orientation) if isinstance(orientation, int) else None
            upright = small.transpose(transpose) if transpose is not None else small
            rgb = _to_rgb(upright)
            if max(rgb.size) > max_side:
                rgb.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
            scale = w / rgb.size[0] if rgb.size[0] else 1.0
            return LoadedImage(rgb.copy(), (w, h), scale, mode, fmt, frames)
    except BadInput:
        raise
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
        raise BadInput(f"{Path(path).name}: the image data is damaged or truncated ({exc}).") from exc


def video_frames(path: str | Path, count: int = 3, *, max_side: int = WORKING_SIDE) -> list[Image.Image]:
    """Sample up to ``count`` frames spread over a video; [] when none decodes."""
    import cv2

    cap = cv2.VideoCapture(str(path))
    try:
        if not cap.isOpened():
            raise BadInput(f"{Path(path).name}: video could not be opened (unsupported or damaged).")
        total = int(cap.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        positions = [int(total * (i + 1) / (count + 1)) for i in range(count)] if total > 0 else [0]
        frames: list[Image.Image] = []
        for pos in positions:
            cap.set(cv2.CAP_PROP_POS_FRAMES, pos)
            ok, frame = cap.read()
            if not ok or frame is None:
                continue
            img = Image.fromarray(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB))
            if max(img.size) > max_side:
                img.thumbnail((max_side, max_side))
            frames.append(img)
        return frames
    finally:
        cap.release()
