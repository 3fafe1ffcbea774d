"""Face pipeline vs face_recognition's own commands: one flattened folder, one process each,
the same --cpus, measured in the same run.

    .venv/bin/python benchmarks/faces.py [FOLDER] [--cpus N] [--runs R]

FOLDER defaults to ../shared/data/faces (searched recursively; else tests/data/faces). Every
photo is linked into one flat folder, so each side starts exactly one process per run:

- ``face_detection --cpus N FLAT`` (dlib HOG, detection only);
- ``face_recognition --cpus N KNOWN FLAT`` (detection, 128-d encoding, matching against one
  reference photo per person in KNOWN);
- ours, ``python -m`` this file's ``--ours`` mode in a fresh process: CenterFace detection,
  encodings, age estimates and matching against the same KNOWN photos, no cache.

Each side runs ``--runs`` times; medians are printed with the ratio, the faces each found and
the photos each matched, so a faster side that finds or matches less is visible. What each
side does that the other does not: ours also estimates ages and finds small and turned faces
HOG misses; face_recognition's matching uses its 0.6 threshold, ours 0.55. Not a test:
nothing here fails on timing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png"}  # what face_recognition's commands read


def flatten(images: list[Path], dest: Path) -> Path:
    dest.mkdir()
    for i, p in enumerate(images):
        (dest / f"{i:03d}_{p.name}").symlink_to(p)
    return dest


def known_folder(root: Path, dest: Path) -> Path:
    """One reference photo per person: the first of each knn_examples/train/PERSON folder."""
    dest.mkdir()
    for person in sorted((root / "knn_examples" / "train").glob("*")):
        photos = sorted(p for p in person.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        if photos:
            (dest / f"{person.name}{photos[0].suffix}").symlink_to(photos[0].resolve())
    return dest


def timed(cmd: list[str]) -> tuple[float, str]:
    # Installed tools run from compiled bytecode: without it every run (and every spawned
    # worker) would compile its libraries again, whichever side it is.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    return time.perf_counter() - start, proc.stdout


def ours(flat: Path, known: Path, cpus: int) -> None:
    """The measured side of ours, run in its own process: prints one JSON line."""
    from footprint_audit.engines.faces import MediaFaces, match
    from footprint_audit.engines.image_tasks import FacesTask
    from footprint_audit.image_work import run_image_work

    known_photos = sorted(known.iterdir())
    images = sorted(flat.iterdir())
    # The scan's own path: one spawned worker pool for the known photos and the folder, each
    # photo decoded once, no cache.
    work = run_image_work(
        {(str(p), "image"): [FacesTask()] for p in [*known_photos, *images]}, workers=cpus, cache=None
    )
    faces_of = {k: MediaFaces.from_json(v.results.get("faces") or {}) for k, v in work.items()}
    refs = {
        p.stem: [f.encoding for f in faces_of[str(p)].faces if f.encoding is not None][:1]
        for p in known_photos
    }
    results = {str(p): faces_of[str(p)] for p in images}
    faces = sum(len(r.faces) for r in results.values())
    matched = sum(
        1
        for r in results.values()
        if any(f.encoding is not None and match(f.encoding, refs) for f in r.faces)
    )
    print(json.dumps({"faces": faces, "matched_photos": matched}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = ROOT / ".." / "shared" / "data" / "faces"
    parser.add_argument(
        "folder", nargs="?", default=str(shared if shared.is_dir() else ROOT / "tests/data/faces")
    )
    parser.add_argument("--cpus", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--ours", nargs=2, metavar=("FLAT", "KNOWN"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ours:
        ours(Path(args.ours[0]), Path(args.ours[1]), args.cpus)
        return 0
    root = Path(args.folder).resolve()
    images = sorted(p.resolve() for p in root.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
    if not images:
        print(f"no images under {root}")
        return 2
    bindir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        flat = flatten(images, Path(tmp) / "flat")
        known = known_folder(root, Path(tmp) / "known")
        people = len(list(known.iterdir()))
        sides = {
            "face_detection (HOG, detect)": [str(bindir / "face_detection"), "--cpus", str(args.cpus), str(flat)],
            "face_recognition (detect+encode+match)": [
                str(bindir / "face_recognition"), "--cpus", str(args.cpus), str(known), str(flat)
            ],
            "footprint-audit (detect+encode+age+match)": [
                sys.executable, __file__, "--cpus", str(args.cpus), "--ours", str(flat), str(known)
            ],
        }  # fmt: skip
        times: dict[str, list[float]] = {k: [] for k in sides}
        outputs: dict[str, str] = {}
        for cmd in sides.values():
            timed(cmd)  # once, unmeasured: bytecode written, files in the page cache
        for _ in range(args.runs):
            for name, cmd in sides.items():  # interleaved, so load changes hit every side alike
                seconds, stdout = timed(cmd)
                times[name].append(seconds)
                outputs[name] = stdout
    det = [ln for ln in outputs["face_detection (HOG, detect)"].splitlines() if ln.count(",") >= 4]
    rec = [ln for ln in outputs["face_recognition (detect+encode+match)"].splitlines() if "," in ln]
    rec_matched = len(
        {ln.split(",")[0] for ln in rec if not ln.rstrip().endswith(("unknown_person", "no_persons_found"))}
    )
    mine = json.loads(outputs["footprint-audit (detect+encode+age+match)"].strip().splitlines()[-1])
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    )
    print(f"corpus: {len(images)} photos from {root}, flattened; known: one photo of each of {people} people")
    print(
        f"--cpus {args.cpus}, {args.runs} runs each, interleaved; whole processes (start-up and model loading included)"
    )
    ours_median = statistics.median(times["footprint-audit (detect+encode+age+match)"])
    for name, ts in times.items():
        med = statistics.median(ts)
        print(
            f"  {name:44s} median {med:6.2f} s  (min {min(ts):.2f}, max {max(ts):.2f})  {med / ours_median:.2f}x the time of ours"
        )
    print(f"faces found: face_detection {len(det)}, footprint-audit {mine['faces']}")
    print(
        f"photos matched to a known person: face_recognition {rec_matched}, footprint-audit {mine['matched_photos']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
