"""The whole scan on generated accounts: first scan, re-scan, and re-scan after 10 new posts.

    .venv/bin/python benchmarks/account.py [--sizes 100,300,1000] [--workers N] [--runs 3] [--keep DIR]

Each account is an instaloader-style folder (what ``footprint-audit scan`` reads from a real
download), generated deterministically: per post a 1080 px JPEG of a drawn scene (sky, ground,
shapes), in some an adult portrait from tests/data/faces pasted in as a person in the scene,
in some a drawn sign (a school, a street, a sports centre, a postcode), GPS in the EXIF of
some, a caption for each, a location file for some. Post i is the same picture every time.

The CLI runs as a whole process, as a user runs it. For each run the table gives wall-clock
seconds, CPU seconds of the process and all its workers (resource.getrusage of the children:
what the work costs, fair on a busy machine where wall-clock time is inflated), and peak
memory summed over the process tree (RSS of the CLI and every descendant, sampled from /proc
every 50 ms). With -v the CLI logs the image work's CPU per stage, printed under the table.
Not a test: nothing here fails on timing.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACES = ROOT / "tests" / "data" / "faces"
ACCOUNT = "bench.family"
START = datetime(2023, 1, 7, 10, 0, tzinfo=UTC)

CAPTIONS = (
    "Lovely walk in the park today",
    "Sunday pancakes again!",
    "First day back after the holidays",
    "Swimming lesson done, so proud",
    "Rainy afternoon with crayons",
    "Beach day with the cousins",
    "Look who lost a tooth",
    "Birthday party prep",
    "Football practice in the mud",
    "Quiet morning with a book",
)
SIGNS = (
    "OAKFIELD PRIMARY SCHOOL",
    "KENTISH TOWN SPORTS CENTRE",
    "ELM ROAD NW5",
    "ST MARY'S NURSERY",
    "HIGHGATE LIBRARY",
    "MAPLE CLOSE",
)
PLACES = (
    ("Hampstead Heath", 51.5608, -0.1629),
    ("Kentish Town", 51.5502, -0.1404),
    ("Regent's Park", 51.5313, -0.1570),
)


def _font(size: int):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ):
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def _portraits() -> list[Path]:
    return sorted(p for p in FACES.rglob("*.jpg") if p.stat().st_size < 2_000_000)


def _dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
    value = abs(value)
    deg = int(value)
    minutes = int((value - deg) * 60)
    seconds = Fraction((value - deg - minutes / 60) * 3600).limit_denominator(1000)
    return Fraction(deg), Fraction(minutes), seconds


def picture(i: int, portraits: list[Path]):  # type: ignore[no-untyped-def]
    """Post i's photo: 1080 px wide, drawn, sometimes with a person and a sign."""
    from PIL import Image, ImageDraw

    rng = random.Random(1000 + i)
    w, h = 1080, rng.choice((1080, 1350, 810))
    img = Image.new("RGB", (w, h), (150 + rng.randint(0, 60), 190 + rng.randint(0, 40), 230))
    d = ImageDraw.Draw(img)
    horizon = int(h * rng.uniform(0.5, 0.7))
    d.rectangle((0, horizon, w, h), fill=(rng.randint(60, 200), rng.randint(120, 200), rng.randint(60, 160)))
    for _ in range(rng.randint(4, 12)):
        x, y = rng.randint(0, w), rng.randint(0, h)
        s = rng.randint(20, 200)
        colour = (rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255))
        if rng.random() < 0.5:
            d.ellipse((x, y, x + s, y + s), fill=colour)
        else:
            d.rectangle((x, y, x + s, y + int(s * 0.6)), fill=colour)
    if portraits and rng.random() < 0.45:
        src = Image.open(portraits[rng.randrange(len(portraits))]).convert("RGB")
        side = rng.randint(260, 520)
        src.thumbnail((side, side))
        img.paste(src, (rng.randint(0, w - src.size[0]), rng.randint(0, h - src.size[1])))
    if rng.random() < 0.3:
        text = SIGNS[rng.randrange(len(SIGNS))]
        size = rng.choice((22, 28, 36, 48))
        font = _font(size)
        tw = int(d.textlength(text, font=font))
        x, y = rng.randint(10, max(11, w - tw - 40)), rng.randint(20, max(21, horizon - 3 * size))
        d.rectangle((x - 14, y - 12, x + tw + 14, y + size + 16), fill=(250, 250, 245))
        d.text((x, y), text, font=font, fill=(20, 40, 110))
    return img


def write_post(account: Path, i: int, portraits: list[Path]) -> None:
    from PIL import ExifTags, Image

    rng = random.Random(i)
    taken = START + timedelta(days=i, hours=rng.randint(0, 9), minutes=rng.randint(0, 59))
    stem = taken.strftime("%Y-%m-%d_%H-%M-%S_UTC")
    caption = CAPTIONS[rng.randrange(len(CAPTIONS))] + ("" if rng.random() < 0.7 else " #family #weekend")
    place = PLACES[rng.randrange(len(PLACES))] if rng.random() < 0.25 else None
    node = {
        "__typename": "GraphImage",
        "id": str(3_200_000_000_000_000 + i),
        "shortcode": f"BENCH{i:05d}",
        "taken_at_timestamp": int(taken.timestamp()),
        "is_video": False,
        "owner": {"id": "5151", "username": ACCOUNT},
        "edge_media_to_caption": {"edges": [{"node": {"text": caption}}]},
        "edge_media_to_tagged_user": {"edges": []},
        "location": {"id": str(abs(hash(place[0])) % 10**9), "name": place[0]} if place else None,
    }
    meta = {"node": node, "instaloader": {"version": "4.14", "node_type": "Post"}}
    (account / f"{stem}.json.xz").write_bytes(lzma.compress(json.dumps(meta).encode()))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Google"
    exif[ExifTags.Base.Model] = "Pixel 7"
    if rng.random() < 0.3:
        lat, lon = 51.55 + rng.uniform(-0.02, 0.02), -0.14 + rng.uniform(-0.03, 0.03)
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps[ExifTags.GPS.GPSLatitude] = _dms(lat)
        gps[ExifTags.GPS.GPSLongitudeRef] = "W"
        gps[ExifTags.GPS.GPSLongitude] = _dms(lon)
    picture(i, portraits).save(account / f"{stem}.jpg", quality=85, exif=exif)
    (account / f"{stem}.txt").write_text(caption, encoding="utf-8")
    if place:
        name, lat, lon = place
        (account / f"{stem}_location.txt").write_text(
            f"{name}\nhttps://maps.google.com/maps?q={lat},{lon}&ll={lat},{lon}\n", encoding="utf-8"
        )


def build(target: Path, first: int, count: int) -> Path:
    """Posts first..first+count-1 of the benchmark account in ``target`` (an instaloader folder)."""
    account = target / ACCOUNT
    account.mkdir(parents=True, exist_ok=True)
    profile = {"node": {"id": "5151", "username": ACCOUNT, "full_name": "Bench Family", "is_private": False}}
    (account / f"{ACCOUNT}_5151.json").write_text(json.dumps(profile), encoding="utf-8")
    portraits = _portraits()
    for i in range(first, first + count):
        write_post(account, i, portraits)
    return account


def _tree_rss(root: int) -> int:
    """RSS in bytes of ``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages * page
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run_cli(args: list[str]) -> dict[str, float | str]:
    """Run the CLI; wall seconds, CPU seconds of it and its workers, peak summed RSS, stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = dict(os.environ)
    # An installed tool runs from compiled bytecode; with PYTHONDONTWRITEBYTECODE (set on some
    # CI machines) every run and every worker would compile spaCy, onnxruntime & co. again
    # (measured: 13.6 s of a 33 s re-scan). The first run writes the bytecode.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1, 2):  # 1/2: the scan found something (exit codes by risk)
        print(err[-3000:], file=sys.stderr)
        raise SystemExit(f"the scan failed with exit code {proc.returncode}")
    return {"wall": wall, "cpu": cpu, "peak_mb": peak / 2**20, "stderr": err}


def _stages(stderr: str) -> str:
    m = re.search(r"image work: (.*)", stderr)
    return m.group(1) if m else "no image work"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,1000")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="build the accounts here and keep them")
    parser.add_argument("--runs", type=int, default=3, help="repeats per size; medians are printed")
    args, _ = parser.parse_known_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    cli = str(Path(sys.executable).parent / "footprint-audit")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()}; load average {os.getloadavg()[0]:.1f}; {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )
    print(f"workers: {args.workers}; accounts: {', '.join(map(str, sizes))} photo posts (1080 px JPEG)")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for n in sizes:
            samples: list[tuple[dict[str, float | str], ...]] = []
            for run in range(max(1, args.runs)):
                # Each run on a fresh copy of the account and a fresh profile: nothing cached.
                folder = base / f"account-{n}-run{run + 1}"
                t = time.perf_counter()
                account = build(folder, 0, n)
                built = time.perf_counter() - t
                profile = folder / "profile"
                if n == sizes[0] and run == 0:  # compile the tool's bytecode once, outside the figures
                    run_cli([cli, "scan", str(build(base / "warm", 0, 2)), "--profile", str(base / "warm-profile"),
                             "--out", str(base / "warm-report"), "--quiet", "--workers", str(args.workers)])  # fmt: skip
                scan = [cli, "scan", str(account), "--profile", str(profile), "--out", str(folder / "report"),
                        "--quiet", "--workers", str(args.workers), "--timezone", "Europe/London", "-v"]  # fmt: skip
                first = run_cli(scan)
                again = run_cli(scan)
                build(folder, n, 10)
                more = run_cli(scan)
                samples.append((first, again, more))
                print(
                    f"  {n} posts, run {run + 1}: built in {built:.0f} s; first scan image work: "
                    f"{_stages(str(first['stderr']))}"
                )
                print(f"  +10 posts image work: {_stages(str(more['stderr']))}")
                cells = [
                    f"{r['wall']:.1f} s wall, {r['cpu']:.1f} s CPU, {r['peak_mb']:.0f} MB"
                    for r in (first, again, more)
                ]
                print(
                    f"  {n} posts: first scan {cells[0]}; re-scan {cells[1]}; +10 posts {cells[2]}",
                    flush=True,
                )
            medians = tuple(
                {k: statistics.median(float(s[i][k]) for s in samples) for k in ("wall", "cpu", "peak_mb")}
                for i in range(3)
            )
            rows.append((n, len(samples), *medians))
    print()
    print(f"{'posts':>5} | {'first scan':>26} | {'re-scan':>26} | {'+10 posts':>26}")
    print(
        f"{'':>5} | {'wall s   CPU s   peak MB':>26} | {'wall s   CPU s   peak MB':>26} | {'wall s   CPU s   peak MB':>26}"
    )
    for n, count, *runs in rows:
        cells = [f"{r['wall']:6.1f} {r['cpu']:7.1f} {r['peak_mb']:9.0f}" for r in runs]
        print(f"{n:5d} | {cells[0]:>26} | {cells[1]:>26} | {cells[2]:>26}   (medians of {count} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
