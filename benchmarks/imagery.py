"""Throughput of the image models: RapidOCR (text in photos) and NudeNet (sensitive images).

Usage: python benchmarks/imagery.py [FOLDER ...]
Default folders: ../shared/data/faces and ../shared/data/exif-samples/jpg/gps. Images are
decoded once beforehand (the pipeline shares the decoded copy between analyzers), so the
figures are the models' own cost per image at the working size (longest side <= 2048).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzers.text_in_image import read_lines  # noqa: E402
from footprint_audit.engines.nudity import nudity_detector  # noqa: E402
from footprint_audit.engines.ocr import ocr_engine  # noqa: E402
from footprint_audit.errors import BadInput  # noqa: E402
from footprint_audit.images import IMAGE_SUFFIXES, load_image  # noqa: E402

DEFAULTS = (
    ROOT / ".." / "shared" / "data" / "faces",
    ROOT / ".." / "shared" / "data" / "exif-samples" / "jpg" / "gps",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="*", type=Path)
    args, _ = parser.parse_known_args()
    folders = [f for f in (args.folders or DEFAULTS) if f.is_dir()]
    if not folders:
        print("imagery: no image folder found (../shared/data is not beside this checkout); nothing measured")
        return 0
    import numpy as np

    arrays = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in IMAGE_SUFFIXES:
                try:
                    arrays.append(np.asarray(load_image(path).image))
                except BadInput:
                    continue
    megapixels = sum(a.shape[0] * a.shape[1] for a in arrays) / 1e6
    print(f"{len(arrays)} images, {megapixels:.1f} MP at working size, from {', '.join(map(str, folders))}")

    t = time.perf_counter()
    ocr = ocr_engine()
    load_ocr = time.perf_counter() - t
    t = time.perf_counter()
    lines = sum(len(read_lines(ocr, a)) for a in arrays)
    ocr_s = time.perf_counter() - t
    print(
        f"RapidOCR: load {load_ocr:.2f} s; {len(arrays) / ocr_s:.2f} images/s "
        f"({1000 * ocr_s / len(arrays):.0f} ms/image, {megapixels / ocr_s:.2f} MP/s); {lines} text lines"
    )

    t = time.perf_counter()
    nude = nudity_detector()
    load_nude = time.perf_counter() - t
    t = time.perf_counter()
    found = [nude.detect(np.ascontiguousarray(a[:, :, ::-1])) for a in arrays]
    nude_s = time.perf_counter() - t
    dets = sum(len(f) for f in found)
    print(
        f"NudeNet 320n: load {load_nude:.2f} s; {len(arrays) / nude_s:.2f} images/s "
        f"({1000 * nude_s / len(arrays):.0f} ms/image); {dets} detections (all labels, score >= 0.25)"
    )
    _print_max_scores(found)
    return 0


def _print_max_scores(found: list[list[dict[str, object]]]) -> None:
    """The highest score per label group over these (clothed, everyday) photos, against the
    analyzer's thresholds: an "undressed" finding needs an exposed label at STRONG_SCORE."""
    from analyzers.sensitive import BARE_TORSO, COVERED_INTIMATE, MIN_SCORE, STRONG_SCORE, UNDRESSED

    groups = {"undressed": UNDRESSED, "bare torso": BARE_TORSO, "covered intimate": COVERED_INTIMATE}
    for name, labels in groups.items():
        scores = [float(str(d["score"])) for f in found for d in f if d["class"] in labels]
        best = max(scores, default=0.0)
        over = sum(1 for s in scores if s >= MIN_SCORE)
        strong = sum(1 for s in scores if s >= STRONG_SCORE)
        print(
            f"  max {name} score {best:.2f} ({len(scores)} detections, {over} >= {MIN_SCORE:.2f}, "
            f"{strong} >= {STRONG_SCORE:.2f})"
        )


if __name__ == "__main__":
    sys.exit(main())
