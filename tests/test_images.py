"""Decoding at reduced size (issue 14: a 10000x10000 PNG at the pixel limit took 2 GB).

Only JPEG decodes at a reduced scale; every other format decodes at full size, and the steps
after it (orientation, colour conversion, resampling) used to copy the full-size pixels again.
These tests check the path: what reaches those steps is already small, and the result is the
same picture the long way would give.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageOps

from footprint_audit import images
from footprint_audit.images import load_image, reduce_factor


@pytest.fixture
def seen_by_conversion(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[int, int]]]:
    """The mode and size of every image handed to the colour conversion step."""
    seen: list[tuple[str, tuple[int, int]]] = []
    real = images._to_rgb

    def spy(img: Image.Image) -> Image.Image:
        seen.append((img.mode, img.size))
        return real(img)

    monkeypatch.setattr(images, "_to_rgb", spy)
    return seen


def _halves(size: tuple[int, int], mode: str = "RGBA") -> Image.Image:
    """Left half red, right half blue: orientation mistakes show as swapped colours."""
    w, h = size
    img = Image.new(mode, size, (0, 0, 255, 255) if mode == "RGBA" else (0, 0, 255))
    img.paste((255, 0, 0, 255) if mode == "RGBA" else (255, 0, 0), (0, 0, w // 2, h))
    return img


def test_a_large_png_is_reduced_before_any_full_size_copy(
    tmp_path: Path, seen_by_conversion: list[tuple[str, tuple[int, int]]]
) -> None:
    path = tmp_path / "wide.png"
    _halves((3000, 1000)).save(path, compress_level=1)
    loaded = load_image(path, max_side=256)
    assert seen_by_conversion == [("RGBA", (600, 200))]  # 3000 // (2 * 256) = 5 times smaller
    assert loaded.image.size == (256, 85)
    assert loaded.original_size == (3000, 1000)
    assert loaded.scale == pytest.approx(3000 / 256)
    assert loaded.image.getpixel((10, 40)) == (255, 0, 0)
    assert loaded.image.getpixel((245, 40)) == (0, 0, 255)


def test_a_small_png_is_not_reduced(
    tmp_path: Path, seen_by_conversion: list[tuple[str, tuple[int, int]]]
) -> None:
    path = tmp_path / "small.png"
    _halves((400, 300)).save(path)
    loaded = load_image(path, max_side=256)
    assert seen_by_conversion == [("RGBA", (400, 300))]
    assert loaded.image.size == (256, 192)


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_orientation_is_applied_to_the_reduced_pixels(tmp_path: Path, orientation: int) -> None:
    path = tmp_path / f"turned-{orientation}.png"
    img = _halves((2400, 1200), "RGB")
    exif = Image.Exif()
    exif[0x0112] = orientation
    img.save(path, exif=exif.tobytes())
    loaded = load_image(path, max_side=200)
    # The long way: full decode, Pillow's own transpose, then the resize.
    with Image.open(path) as full:
        expected = ImageOps.exif_transpose(full)
        assert expected is not None
        expected.thumbnail((200, 200), Image.Resampling.LANCZOS)
    assert loaded.image.size == expected.size
    assert loaded.original_size == (expected.size[0] * 12, expected.size[1] * 12)
    w, h = expected.size
    for point in [(2, 2), (w - 3, h - 3), (2, h - 3), (w - 3, 2)]:
        assert loaded.image.getpixel(point) == expected.convert("RGB").getpixel(point), point


def test_palette_images_are_thinned_not_averaged(
    tmp_path: Path, seen_by_conversion: list[tuple[str, tuple[int, int]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Averaging palette indices would invent colours: index 0 and 2 average to 1 (green)."""
    path = tmp_path / "palette.png"
    img = Image.new("P", (2000, 1000))
    img.putpalette([255, 0, 0, 0, 255, 0, 0, 0, 255] + [0] * 759)
    img.putdata([0 if x % 2 == 0 else 2 for x in range(2000)] * 1000)
    img.save(path)
    seen_inputs: list[list[int]] = []
    real = images._shrink_decoded

    def spy(decoded: Image.Image, max_side: int) -> Image.Image:
        small = real(decoded, max_side)
        seen_inputs.append(sorted(c for _, c in small.getcolors() or []))
        return small

    monkeypatch.setattr(images, "_shrink_decoded", spy)
    load_image(path, max_side=250)
    assert seen_by_conversion == [("P", (500, 250))]
    assert seen_inputs and set(seen_inputs[0]) <= {0, 2}


@pytest.mark.parametrize(
    ("size", "max_side", "factor"),
    [((10000, 10000), 2048, 2), ((10000, 10000), 512, 9), ((4096, 100), 2048, 1), ((100, 50), 2048, 1)],
)
def test_reduce_factor_keeps_twice_the_working_size(
    size: tuple[int, int], max_side: int, factor: int
) -> None:
    assert reduce_factor(size, max_side) == factor
    assert max(size) // factor >= min(max(size), 2 * max_side)
