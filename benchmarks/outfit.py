"""Cost of the outfit step (school uniforms): describing the torso below each face.

Usage: python benchmarks/outfit.py [FOLDER ...]
Default folder: ../shared/data (tests/data when it is absent). Faces come from the faces
image task (run once beforehand, not timed); every face is described, as if each were a child's,
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

from footprint_audit.engines.image_tasks import FacesTask, OutfitTask  # noqa: E402
from footprint_audit.errors import BadInput  # noqa: E402
from footprint_audit.image_work import DecodedImage  # noqa: E402
from footprint_audit.images import IMAGE_SUFFIXES  # noqa: E402

DEFAULTS = (ROOT / ".." / "shared" / "data", ROOT / "tests" / "data")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args, _ = parser.parse_known_args()
    folders = [f for f in (args.folders or DEFAULTS[:1]) if f.is_dir()] or [DEFAULTS[1]]
    paths = [p for f in folders for p in sorted(f.rglob("*")) if p.suffix.lower() in IMAGE_SUFFIXES]
    faces_task, outfit_task = FacesTask(), OutfitTask()
    work = []
    for p in paths:
        try:
            img = DecodedImage.decode(str(p))
        except BadInput:
            continue
        work.append((img, {"faces": faces_task.run(img, {})}))
    n_faces = sum(len(e["faces"]["faces"]) for _, e in work)
    described = sum(d is not None for img, e in work for d in outfit_task.run(img, e).get("outfits", []))
    runs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for img, earlier in work:
            outfit_task.run(img, earlier)
        runs.append(time.perf_counter() - start)
    best = min(runs)
    with_faces = sum(1 for _, e in work if e["faces"]["faces"])
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
