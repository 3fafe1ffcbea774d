"""Rebuild the demo's face crops from ../shared/data/faces (run by hand, never at demo time).

The demo family's children must have faces that a detector finds and recognition links, yet no
photo of a real child may be used. The stand-ins are adult portraits from the face_recognition
project's examples (MIT, see faces/NOTICE.md): each face is cut out with a margin, scaled to at
most 256 px and saved into the package, with its face box, so the demo runs from a plain
``pip install``. Run: ``python -m footprint_audit.demo.make_faces ../shared/data/faces``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FACES_DIR = Path(__file__).resolve().parent / "faces"

#: (crop name, source photo under the faces corpus, which face: 0 = leftmost). The "ref" crops
#: are only enrolled, never posted: recognition then has to link photos it was not given.
#: two_people.jpg is left out: its faces are cut from obama3.jpg and biden.jpg, the same photos.
SOURCES: tuple[tuple[str, str, int], ...] = (
    ("mia_ref", "knn_examples/train/obama/obama2.jpg", 0),
    ("mia_a", "knn_examples/train/obama/obama.jpg", 0),
    ("mia_b", "knn_examples/test/obama1.jpg", 0),
    ("mia_c", "test_images/obama3.jpg", 0),
    ("leo_ref", "knn_examples/train/biden/biden.jpg", 0),
    ("leo_a", "knn_examples/train/biden/biden2.jpg", 0),
    ("leo_b", "knn_examples/test/obama_and_biden.jpg", 0),
    ("lily", "knn_examples/train/rose_leslie/img2.jpg", 0),
)
#: Largest side of a crop, and the margin around the face box (share of the box's side).
CROP_SIDE = 256
MARGIN = 0.6


def build(corpus: Path) -> dict[str, list[int]]:
    """Cut every crop; returns each crop's face box (left, top, right, bottom) in crop pixels."""
    from PIL import Image, ImageOps

    from footprint_audit.engines.faces import analyze_file

    FACES_DIR.mkdir(exist_ok=True)
    boxes: dict[str, list[int]] = {}
    for name, rel, which in SOURCES:
        path = corpus / rel
        found = analyze_file(str(path))
        if len(found.faces) <= which:
            raise SystemExit(f"{rel}: face {which} not found ({len(found.faces)} faces)")
        top, right, bottom, left = found.faces[which].box
        side = max(right - left, bottom - top)
        cx, cy = (left + right) / 2, (top + bottom) / 2
        half = side * (0.5 + MARGIN)
        img = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
        region = (int(cx - half), int(cy - half), int(cx + half), int(cy + half))
        inside = (max(0, region[0]), max(0, region[1]), min(img.width, region[2]), min(img.height, region[3]))
        part = img.crop(inside)
        # Where the margin runs off the photo, fill with the photo's own edge colour, not black.
        edge = part.crop((0, 0, part.width, 1)).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
        crop = Image.new("RGB", (region[2] - region[0], region[3] - region[1]), edge)
        crop.paste(part, (inside[0] - region[0], inside[1] - region[1]))
        scale = min(1.0, CROP_SIDE / crop.width)
        crop = crop.resize((round(crop.width * scale), round(crop.height * scale)), Image.Resampling.LANCZOS)
        crop.save(FACES_DIR / f"{name}.jpg", quality=88)
        boxes[name] = [
            round((v - o) * scale) for v, o in zip((left, top, right, bottom), region[:2] * 2, strict=True)
        ]
    (FACES_DIR / "boxes.json").write_text(json.dumps(boxes, indent=1, sort_keys=True) + "\n")
    return boxes


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/faces")))
