"""Face pipeline vs face_recognition's own `face_detection` command, on the same photos.

    .venv/bin/python benchmarks/faces.py [FOLDER] [--cpus N]

FOLDER defaults to ../shared/data/faces (searched recursively). Prints images per second
for both, the faces each found, how many of the reference's faces ours also found (box
overlap), and the throughput ratio. Ours does more per image (detection, 128-d encoding,
age estimate) and runs cold: no cache, process pool started inside the timing. Not a test:
nothing here fails on timing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from footprint_audit.engines.face_batch import WorkItem, analyze_many  # noqa: E402

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png"}  # what face_detection itself reads


def _iou(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    top, right = max(a[0], b[0]), min(a[1], b[1])
    bottom, left = min(a[2], b[2]), max(a[3], b[3])
    inter = max(0, right - left) * max(0, bottom - top)
    area = (a[1] - a[3]) * (a[2] - a[0]) + (b[1] - b[3]) * (b[2] - b[0]) - inter
    return inter / area if area > 0 else 0.0


def _covers(ours: tuple[int, ...], ref: tuple[int, ...]) -> bool:
    # dlib's HOG boxes are tighter than CenterFace's (no forehead): count a reference face
    # as found when our box contains most of it.
    top, right = max(ours[0], ref[0]), min(ours[1], ref[1])
    bottom, left = min(ours[2], ref[2]), max(ours[3], ref[3])
    inter = max(0, right - left) * max(0, bottom - top)
    ref_area = (ref[1] - ref[3]) * (ref[2] - ref[0])
    return ref_area > 0 and inter / ref_area >= 0.5


def run_reference(folders: list[Path], cpus: int) -> tuple[float, dict[str, list[tuple[int, ...]]]]:
    exe = Path(sys.executable).with_name("face_detection")
    found: dict[str, list[tuple[int, ...]]] = {}
    start = time.perf_counter()
    for folder in folders:
        proc = subprocess.run(
            [str(exe), "--cpus", str(cpus), str(folder)], capture_output=True, text=True, check=False
        )
        for line in proc.stdout.splitlines():
            parts = line.rsplit(",", 4)
            if len(parts) == 5:
                found.setdefault(str(Path(parts[0]).resolve()), []).append(tuple(int(v) for v in parts[1:]))
    return time.perf_counter() - start, found


def run_ours(images: list[Path], cpus: int) -> tuple[float, dict[str, list[tuple[int, ...]]], int]:
    start = time.perf_counter()
    results = analyze_many([WorkItem(str(p), str(p)) for p in images], workers=cpus, cache=None)
    elapsed = time.perf_counter() - start
    encoded = sum(1 for r in results.values() for f in r.faces if f.encoding is not None)
    return elapsed, {k: [tuple(f.box) for f in r.faces] for k, r in results.items()}, encoded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / ".." / "shared" / "data" / "faces"))
    parser.add_argument("--cpus", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    root = Path(args.folder).resolve()
    images = sorted(p.resolve() for p in root.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
    if not images:
        print(f"no images under {root}")
        return 2
    folders = sorted({p.parent for p in images})
    with tempfile.TemporaryDirectory():
        ours_s, ours, encoded = run_ours(images, args.cpus)
        ref_s, ref = run_reference(folders, args.cpus)
    n = len(images)
    ref_total = sum(len(v) for v in ref.values())
    ours_total = sum(len(v) for v in ours.values())
    ref_hit = sum(
        1 for path, boxes in ref.items() for b in boxes if any(_covers(o, b) for o in ours.get(path, []))
    )
    only_ours = sum(
        1 for path, boxes in ours.items() for o in boxes if not any(_covers(o, b) for b in ref.get(path, []))
    )
    print(f"images: {n} in {len(folders)} folder(s) under {root}; --cpus {args.cpus}")
    print(f"reference face_detection (HOG): {ref_s:6.1f} s  {n / ref_s:5.2f} images/s  faces {ref_total}")
    print(
        f"footprint-audit faces:          {ours_s:6.1f} s  {n / ours_s:5.2f} images/s  faces {ours_total} "
        f"({encoded} encoded + age-estimated)"
    )
    print(f"throughput ratio (ours / reference): {ref_s / ours_s:.2f}x")
    print(f"reference faces also found by ours: {ref_hit}/{ref_total}; faces only ours found: {only_ours}")
    for path in map(str, images):
        a, b = len(ours.get(path, [])), len(ref.get(path, []))
        if a != b:
            print(f"  {Path(path).relative_to(root)}: ours {a}, reference {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
