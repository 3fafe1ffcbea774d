from __future__ import annotations

import shutil
from datetime import UTC
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms, PngImagePlugin

from footprint_audit.demo import _exif
from footprint_audit.engines.cover import SOLID_COLOUR
from footprint_audit.exif import read_exif
from footprint_audit.fix import fix_photo, hide_faces


def _photo(tmp_path: Path, orientation: int | None = 6) -> Path:
    from datetime import datetime

    rng = np.random.default_rng(1)
    img = Image.fromarray(rng.integers(0, 255, (120, 160, 3), dtype=np.uint8))
    exif = _exif(datetime(2024, 5, 14, 16, 30, tzinfo=UTC), 51.5, -0.14)
    exif[0x9286] = "user comment"
    if orientation:
        exif[0x0112] = orientation
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = tmp_path / "in.jpg"
    img.save(path, exif=exif, icc_profile=icc, quality=95)
    return path


def test_fix_removes_gps_device_and_time_but_keeps_orientation_and_profile(tmp_path: Path) -> None:
    src = _photo(tmp_path)
    before = src.read_bytes()
    res = fix_photo(src, tmp_path / "out")
    assert res.error is None and res.output is not None
    assert src.read_bytes() == before, "the original is never touched"
    exif = read_exif(res.output)
    assert exif.gps is None and exif.device == {} and exif.datetime_original is None
    with Image.open(res.output) as out:
        assert out.getexif().get(0x0112) == 6
        assert out.info.get("icc_profile")
        assert set(out.getexif()) == {0x0112}
    assert "GPS location" in res.removed and any("Pixel 7" in r or "Model" in r for r in res.removed)


def test_fix_blurs_only_the_face_boxes(tmp_path: Path) -> None:
    src = _photo(tmp_path, orientation=None)
    box = [20, 80, 60, 40]  # top, right, bottom, left
    res = fix_photo(src, tmp_path / "out", find_faces=lambda img: [box])
    assert res.faces_hidden == 1 and res.output is not None
    a = np.asarray(Image.open(src).convert("RGB"), dtype=np.int16)
    b = np.asarray(Image.open(res.output).convert("RGB"), dtype=np.int16)
    face_change = np.abs(a[25:55, 45:75] - b[25:55, 45:75]).mean()
    far_change = np.abs(a[90:, 120:] - b[90:, 120:]).mean()
    assert face_change > 30 > far_change * 3


def test_solid_cover_paints_the_face_and_its_margin() -> None:
    img = Image.new("RGB", (100, 100), (255, 0, 0))
    out = hide_faces(img, [[40, 60, 60, 40]], "solid")
    assert out.getpixel((50, 50)) == SOLID_COLOUR
    assert out.getpixel((50, 32)) == SOLID_COLOUR  # the forehead above the box too
    assert out.getpixel((5, 5)) == (255, 0, 0)


def test_fix_drops_comments_and_never_overwrites(tmp_path: Path) -> None:
    """Issue 14: a JPEG comment ("home: 12 Acacia Avenue") survived in the safe copy; an
    existing output was overwritten; two inputs with one name gave one output."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for folder in (a, b):
        Image.new("RGB", (64, 48), (10, 200, 30)).save(
            folder / "IMG_1.jpg", comment=b"home: 12 Acacia Avenue"
        )
    out = tmp_path / "out"
    first = fix_photo(a / "IMG_1.jpg", out)
    second = fix_photo(b / "IMG_1.jpg", out)
    assert first.output == out / "IMG_1-safe.jpg" and second.output == out / "IMG_1-safe-2.jpg"
    for written in (first.output, second.output):
        assert b"Acacia" not in written.read_bytes()
        assert "comment" not in Image.open(written).info
    before = first.output.read_bytes()
    third = fix_photo(a / "IMG_1.jpg", out)
    assert third.output == out / "IMG_1-safe-3.jpg" and first.output.read_bytes() == before


def test_fix_reports_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    res = fix_photo(bad, tmp_path / "out")
    assert res.output is None and res.error and "bad.jpg" in res.error


def test_fix_heic_becomes_jpeg_without_metadata(tmp_path: Path, test_data: Path) -> None:
    src = tmp_path / "phone.HEIC"
    shutil.copy(test_data / "exif-samples/heic/mobile/iphone_13_pro_max.HEIC", src)
    res = fix_photo(src, tmp_path / "out")
    assert res.output is not None and res.output.suffix == ".jpg"
    assert read_exif(res.output).device == {}


def _with_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    """``jpeg`` with an APPn segment inserted right after the start-of-image marker."""
    return jpeg[:2] + bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload + jpeg[2:]


def test_fix_drops_xmp_iptc_and_png_text(tmp_path: Path) -> None:
    """Issue 14: the safe copy keeps no text of the original, whatever block it sits in."""
    secret = b"home: 12 Acacia Avenue"
    buf = tmp_path / "plain.jpg"
    Image.new("RGB", (64, 48), (10, 200, 30)).save(buf)
    xmp = (
        b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><rdf:Description>"
        + secret
        + b"</rdf:Description></x:xmpmeta>"
    )
    # IPTC caption (record 2, dataset 120) inside a Photoshop resource block.
    iptc = b"\x1c\x02\x78" + len(secret).to_bytes(2, "big") + secret
    resource = b"8BIM\x04\x04\x00\x00" + len(iptc).to_bytes(4, "big") + iptc
    photoshop = b"Photoshop 3.0\x00" + resource
    jpeg = tmp_path / "tagged.jpg"
    jpeg.write_bytes(_with_segment(_with_segment(buf.read_bytes(), 0xE1, xmp), 0xED, photoshop))
    with Image.open(jpeg) as check:  # the fixture really carries both blocks
        assert "xmp" in check.info and "photoshop" in check.info
    meta = PngImagePlugin.PngInfo()
    meta.add_text("Comment", secret.decode())
    meta.add_itxt("Description", secret.decode())
    png = tmp_path / "tagged.png"
    Image.new("RGB", (64, 48), (10, 200, 30)).save(png, pnginfo=meta)
    for src in (jpeg, png):
        assert secret in src.read_bytes()
        res = fix_photo(src, tmp_path / "out")
        assert res.output is not None, res.error
        written = res.output.read_bytes()
        assert secret not in written and b"Acacia" not in written
        with Image.open(res.output) as out:
            assert not {"xmp", "photoshop", "comment", "Comment", "Description"} & set(out.info)
