"""Cost of the outfit step (school uniforms): describing the torso below each face.

Usage: python benchmarks/outfit.py [FOLDER ...]
Default folder: ../shared/data (tests/data when it is absent). Faces come from the face
engine (its per-file cache when warm); every face is described, as if each were a child's,
so the figure is the worst case (the analyzer only describes children's faces). Images are
decoded beforehand: the pipeline shares the decoded copy, so this is the step's own cost.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from footprint_audit.engines.face_batch import FaceCache, WorkItem, analyze_many  # noqa: E402
from footprint_audit.engines.outfit import describe_outfits  # noqa: E402
from footprint_audit.errors import BadInput  # noqa: E402
from footprint_audit.images import IMAGE_SUFFIXES, load_image  # noqa: E402

DEFAULTS = (ROOT / ".." / "shared" / "data", ROOT / "tests" / "data")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args, _ = parser.parse_known_args()
    folders = [f for f in (args.folders or DEFAULTS[:1]) if f.is_dir()] or [DEFAULTS[1]]
    import numpy as np

    paths = [p for f in folders for p in sorted(f.rglob("*")) if p.suffix.lower() in IMAGE_SUFFIXES]
    faces = analyze_many([WorkItem(str(p), str(p)) for p in paths], workers=1, cache=FaceCache.default())
    work = []
    for p in paths:
        try:
            loaded = load_image(p)
        except BadInput:
            continue
        s = loaded.scale
        boxes = [tuple(round(v / s) for v in f.box) for f in faces[str(p)].faces]
        work.append((np.asarray(loaded.image), boxes))
    n_faces = sum(len(b) for _, b in work)
    described = sum(d is not None for a, b in work for d in describe_outfits(a, b))
    runs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for array, boxes in work:
            describe_outfits(array, boxes)
        runs.append(time.perf_counter() - start)
    best = min(runs)
    with_faces = sum(1 for _, b in work if b)
    print(
        f"{len(work)} images ({with_faces} with faces), {n_faces} faces, {described} with a torso in frame; "
        f"outfit step: {best / max(1, n_faces) * 1000:.1f} ms/face, "
        f"{best / max(1, with_faces) * 1000:.1f} ms per image with faces, "
        f"{best / max(1, len(work)) * 1000:.1f} ms per image overall "
        f"(best of {args.repeat}; median {statistics.median(runs) * 1000:.0f} ms total)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
