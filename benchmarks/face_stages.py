"""What each step of the face pipeline costs, in CPU time per photo (time.process_time, one
thread per library, as in a worker): detection, 128-d encodings, and the age estimate with
three framings per face against one framing unless the estimate is near the child/adult edge
(engines/faces.py ``_ages``). Also prints the faces and the age bands each variant gives, so
a cheaper step that changes an answer is visible.

Detection is compared two ways: the single pass at 800 px used before against the pass at 640
px with a second look at unsure boxes (engines/faces.py ``detect``): faces found and CPU per
photo on the folder, and the smallest faces each finds when 12 of the folder's faces are shrunk
to 10-24 px on a 1080 px canvas and 19-46 px on a 2048 px one (the working-copy size).

Usage: python benchmarks/face_stages.py [FOLDER]   (default ../shared/data/faces)
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


def main() -> int:
    import numpy as np

    from footprint_audit.engines import faces
    from footprint_audit.images import load_image

    # run_all.py passes every script the same arguments: only a folder is taken here.
    given = [Path(a) for a in sys.argv[1:] if Path(a).is_dir()]
    folder = given[0] if given else ROOT / ".." / "shared" / "data" / "faces"
    if not folder.is_dir():
        folder = ROOT / "tests" / "data" / "faces"
    paths = sorted(p for p in folder.rglob("*") if p.suffix.lower() in {".jpg", ".jpeg", ".png"})
    faces.init_worker()
    faces.encoder()
    faces.models().age_model().predict(np.zeros((64, 64, 3), dtype=np.uint8), [(8, 56, 56, 8)])  # load it
    cpu: dict[str, float] = {k: 0.0 for k in ("decode", "detect", "encode", "age x3", "age x1+edge")}
    n_faces = n_encoded = 0
    bands3: list[str | None] = []
    bands1: list[str | None] = []
    extra_runs = 0
    for path in paths:
        t = time.process_time()
        loaded = load_image(path)
        cpu["decode"] += time.process_time() - t
        t = time.process_time()
        found = faces.detect(loaded.image)
        cpu["detect"] += time.process_time() - t
        n_faces += len(found)
        array = np.ascontiguousarray(np.asarray(loaded.image))
        boxes = [b for b, _, _ in found if min(b[1] - b[3], b[2] - b[0]) >= faces.MIN_ENCODE_SIDE]
        if not boxes:
            continue
        n_encoded += len(boxes)
        t = time.process_time()
        faces._encode(array, boxes)
        cpu["encode"] += time.process_time() - t
        t = time.process_time()
        three = faces._ages(array, boxes, always_three=True)
        cpu["age x3"] += time.process_time() - t
        t = time.process_time()
        one = faces._ages(array, boxes)
        cpu["age x1+edge"] += time.process_time() - t
        firsts = faces._ages(array, boxes, first_only=True)
        extra_runs += sum(1 for a in firsts if a is not None and a < faces.AGE_CLEAR)
        bands3 += [faces.age_band(a) for a in three]
        bands1 += [faces.age_band(a) for a in one]
    print(f"{len(paths)} photos from {folder}; {n_faces} faces, {n_encoded} large enough to encode and age")
    for stage, seconds in cpu.items():
        print(f"  {stage:12s} {1000 * seconds / max(1, len(paths)):7.0f} ms CPU/photo  ({seconds:.2f} s)")
    print(f"  faces re-framed (first estimate under {faces.AGE_CLEAR}): {extra_runs} of {n_encoded}")
    same = sum(a == b for a, b in zip(bands3, bands1, strict=True))
    print(f"  age bands: three framings {sorted(map(str, bands3))}")
    print(f"  same band with one framing + edge rule: {same} of {len(bands3)}")
    detection(paths)
    return 0


def _single_800(image):  # type: ignore[no-untyped-def]
    """Detection as it was: one pass at 800 px, nothing under the threshold looked at again."""
    from footprint_audit.engines import face_detection as fd

    kept = fd.CANDIDATE_THRESHOLD
    fd.CANDIDATE_THRESHOLD = fd.DETECT_THRESHOLD
    try:
        return fd.detect(image, side=800)
    finally:
        fd.CANDIDATE_THRESHOLD = kept


def detection(paths: list[Path]) -> None:
    from PIL import Image

    from footprint_audit.engines import faces
    from footprint_audit.images import load_image

    images = [load_image(p).image for p in paths]
    variants = {"single pass 800": _single_800, f"{faces.DETECT_SIDE} + second look": faces.detect}
    print("detection:")
    for label, fn in variants.items():
        t = time.process_time()
        found = sum(len(fn(img)) for img in images)
        print(
            f"  {label:22s} {found:4d} faces, {1000 * (time.process_time() - t) / len(images):5.0f} ms CPU/photo"
        )
    crops = []
    for img in images:
        for (top, right, bottom, left), _s, _f in _single_800(img)[:1]:
            w = right - left
            crops.append(
                img.crop((max(0, left - w // 2), max(0, top - w // 2), right + w // 2, bottom + w // 2))
            )
    crops = crops[:12]
    print(f"  small faces ({len(crops)} faces pasted on one canvas per size; found by each variant):")
    for canvas_side, widths in ((1080, (10, 12, 14, 16, 18, 24)), (2048, (19, 23, 27, 30, 34, 46))):
        for width in widths:
            canvas = Image.new("RGB", (canvas_side, canvas_side), (120, 140, 160))
            step = canvas_side / 1080
            for i, crop in enumerate(crops):
                k = 2 * width / crop.size[0]
                small = crop.resize((max(1, round(crop.size[0] * k)), max(1, round(crop.size[1] * k))))
                canvas.paste(small, (round((60 + (i % 4) * 250) * step), round((60 + (i // 4) * 300) * step)))
            counts = " ".join(f"{label} {len(fn(canvas)):2d}" for label, fn in variants.items())
            print(f"    {canvas_side} px photo, faces {width:2d} px: {counts}")


if __name__ == "__main__":
    sys.exit(main())
