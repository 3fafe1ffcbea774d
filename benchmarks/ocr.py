"""OCR where it pays: the full RapidOCR pipeline against detection first at reduced size and
recognition only on the boxes found (footprint_audit.engines.ocr.read_text).

Usage: python benchmarks/ocr.py
Corpus: the demo's drawn scenes (signs in Pillow's small bitmap font), the test suite's signs
(48 px text: school, postcode, plate, name tag, street), a 1080 px photo-sized sign, and the
real photos in ../shared/data/faces (no text: what a photo without text costs). Prints per
variant the lines found (recall against the full pipeline on the images with text, spaces
ignored, a line read whole where the full pipeline split it counted as found) and the CPU time
per image (time.process_time: fair on a busy machine, unlike wall-clock time).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "FOOTPRINT_AUDIT_IMAGE_WORKER"):
    os.environ[_var] = "1"  # as in an image worker: one thread, so CPU time is the work's own

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from footprint_audit.demo import _scene  # noqa: E402
from footprint_audit.engines.ocr import ocr_engine, read_text  # noqa: E402
from footprint_audit.images import IMAGE_SUFFIXES, load_image  # noqa: E402

FACES = ROOT / ".." / "shared" / "data" / "faces"
SIGNS = (
    ["OAKFIELD PRIMARY SCHOOL"],
    ["HELLO MY NAME IS", "MIA"],
    ["London NW5 1AB"],
    ["AB12 CDE"],
    ["27 Elm Road"],
)


def _font(size: int):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",):
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def corpus() -> list[tuple[str, object]]:
    from PIL import Image, ImageDraw

    out: list[tuple[str, object]] = []
    for kind in ("school", "pool", "cake", "beach", "park"):
        for seed in (1, 2, 3):
            out.append((f"demo-{kind}-{seed}", _scene(kind, seed)))
    for i, lines in enumerate(SIGNS):
        img = Image.new("RGB", (1100, 200 + 80 * len(lines)), (25, 70, 40))
        d = ImageDraw.Draw(img)
        for k, text in enumerate(lines):
            d.text((60, 90 + 80 * k), text, font=_font(48), fill=(250, 250, 250))
        out.append((f"sign-{i}", img))
    photo = Image.new("RGB", (1080, 1080), (120, 160, 200))
    d = ImageDraw.Draw(photo)
    d.rectangle((600, 700, 1000, 790), fill=(20, 60, 140))
    d.text((615, 725), "ST MARY'S SCHOOL", font=_font(30), fill=(255, 255, 255))
    out.append(("photo-1080-sign", photo))
    for size in (14, 18, 24):
        small = Image.new("RGB", (1080, 1350), (170, 190, 160))
        d = ImageDraw.Draw(small)
        d.rectangle((100, 1000, 100 + 14 * size, 1000 + 3 * size), fill=(250, 250, 240))
        d.text((110, 1000 + size), "NW5 1AB Elm Road", font=_font(size), fill=(20, 20, 20))
        out.append((f"photo-1080-text-{size}px", small))
    if FACES.is_dir():
        for path in sorted(FACES.rglob("*")):
            if path.suffix.lower() in IMAGE_SUFFIXES:
                out.append((f"faces/{path.name}", load_image(path).image))
    return out


def main() -> int:
    import numpy as np

    images = [(name, np.ascontiguousarray(np.asarray(img)[:, :, ::-1])) for name, img in corpus()]
    engine = ocr_engine()
    engine(images[0][1])  # warm up both models
    variants: dict[str, object] = {"full pipeline (1280)": lambda bgr: engine(bgr)[0] or []}
    for side in (640, 736, 960):
        variants[f"detect {side}, recognise boxes"] = lambda bgr, side=side: read_text(engine, bgr, side)
    found: dict[str, dict[str, set[str]]] = {}
    print(
        f"{len(images)} images ({sum(n.startswith(('demo', 'sign', 'photo')) for n, _ in images)} with text)"
    )
    print(
        f"{'variant':32} {'texts':>5} {'recall':>7} {'CPU ms/image':>13} {'text images':>12} {'no-text':>8}"
    )
    for label, fn in variants.items():
        texts: dict[str, set[str]] = {}
        cpu_text = cpu_plain = 0.0
        n_text = n_plain = 0
        for name, bgr in images:
            t = time.process_time()
            res = fn(bgr)  # type: ignore[operator]
            dt = time.process_time() - t
            got = {
                str(r[1]).replace(" ", "").upper() for r in res if float(r[2]) >= 0.8 and len(str(r[1])) >= 3
            }
            texts[name] = got
            if name.startswith("faces/"):
                cpu_plain, n_plain = cpu_plain + dt, n_plain + 1
            else:
                cpu_text, n_text = cpu_text + dt, n_text + 1
        found[label] = texts
        joined = {k: "".join(sorted(v)) for k, v in texts.items()}
        base = found["full pipeline (1280)"]
        want = [(k, t) for k, v in base.items() if not k.startswith("faces/") for t in v]
        # A line read as one box where the full pipeline made two ("LONDON", "NW51AB") still counts.
        hit = sum(1 for k, t in want if t in texts.get(k, set()) or t in joined.get(k, ""))
        total = cpu_text + cpu_plain
        print(
            f"{label:32} {sum(len(v) for v in texts.values()):5d} {hit / max(1, len(want)):7.0%} "
            f"{1000 * total / len(images):13.0f} {1000 * cpu_text / max(1, n_text):12.0f} "
            f"{1000 * cpu_plain / max(1, n_plain):8.0f}"
        )
        missed = sorted(
            (k, t) for k, t in want if t not in texts.get(k, set()) and t not in joined.get(k, "")
        )
        if missed:
            print(f"  missed: {missed[:8]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
