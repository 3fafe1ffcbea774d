"""Captions per second through the text analysis: one spaCy pass plus the five text analyzers.

A 5,000-caption corpus is generated from templates (names, schools, venues, emoji, hashtags,
lower case, Dutch and Japanese), so the figure does not depend on any data file. The model is
loaded before timing starts: a run loads it once, whatever its size.

    .venv/bin/python benchmarks/captions.py [--n 5000] [--workers 2]

With --workers 2 (the default, as in a run on 2 cores) half the entity recognition runs in a
forked worker that sends back only entity offsets.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analyzers.ages import AgesAnalyzer
from analyzers.names import NamesAnalyzer
from analyzers.places import PlacesAnalyzer
from analyzers.routines import RoutinesAnalyzer
from analyzers.schools import SchoolsAnalyzer
from footprint_audit.context import AuditOptions, PostContext, RunContext
from footprint_audit.engines import text as text_engine
from footprint_audit.models import Post

NAMES = ["Mia", "Leo", "Ava", "Noah", "Isla", "Oscar", "Hana", "Sanne", "Daan", "Freddie", "Evie", "Theo"]
SCHOOLS = ["Oakfield Primary", "Little Acorns Nursery", "St Mary's Primary School", "Greenfield Academy"]
VENUES = ["Kentish Town Sports Centre", "Pool Lane Leisure Centre", "Hackney Wick FC", "the Dance Studio"]
TOWNS = ["Brighton", "York", "London", "Cornwall", "Lisbon", "Bristol"]
EMOJI = ["🎂", "🎉", "⚽", "🏊", "💕", "😂", "🌈", "☀️", ""]
TEMPLATES = [
    "Our {name} turns {n} today!! {e} #{name}Turns{n}",
    "first day at {school_l}!! so proud of my girl {e}",
    "Swim class at {venue} every {day} {e}",
    "happy {n}th birthday to my son {name} {e}",
    "{name} ({n}) and her friends at the park {e}",
    "beach day in {town} {e} #family #summer",
    "lazy sunday pancakes {e}",
    "dinner with Sarah and Tom tonight, lovely to catch up",
    "Nativity at {school} - {name} was a sheep {e}",
    "{day} football with the boys {e} #grassroots",
    "mijn dochter {name} wordt vandaag {n} jaar! {e}",
    "今日から娘はひまわり幼稚園に入園しました {n}歳 {e}",
    "coffee first, then the school run ☕ #mumlife",
    "{n} months old today {e} where did the time go",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def corpus(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        school = rnd.choice(SCHOOLS)
        out.append(
            rnd.choice(TEMPLATES).format(
                name=rnd.choice(NAMES),
                n=rnd.randint(1, 11),
                e=rnd.choice(EMOJI),
                school=school,
                school_l=school.lower(),
                venue=rnd.choice(VENUES),
                day=rnd.choice(DAYS),
                town=rnd.choice(TOWNS),
            )
            + f" #{i}"  # every caption distinct
        )
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=2, help="processes for the entity recognizer (1 or 2)")
    args = ap.parse_args()
    captions = corpus(args.n)
    posts = [Post(id=f"b{i}", source="bench", caption=c) for i, c in enumerate(captions)]
    t0 = time.perf_counter()
    text_engine.pipeline()
    load = time.perf_counter() - t0

    run = RunContext(AuditOptions(workers=args.workers))
    analyzers = [NamesAnalyzer(), SchoolsAnalyzer(), PlacesAnalyzer(), AgesAnalyzer(), RoutinesAnalyzer()]
    from analyzers.places import geocode

    geocode("London")  # the gazetteer loads once per process, like the model
    t1 = time.perf_counter()
    c1 = time.process_time()
    for a in analyzers:
        a.load(posts, run)
    t2 = time.perf_counter()
    findings = 0
    for p in posts:
        ctx = PostContext(p, run)
        for a in analyzers:
            findings += len(a.analyze(p, ctx))
    t3 = time.perf_counter()
    cpu = time.process_time() - c1
    total = t3 - t1
    print(f"model load (once per run): {load:.2f} s")
    print(f"spaCy pass + rules: {len(posts) / (t2 - t1):,.0f} captions/s ({t2 - t1:.2f} s)")
    print(f"five text analyzers: {len(posts) / (t3 - t2):,.0f} captions/s ({t3 - t2:.2f} s)")
    print(
        f"captions/second, end to end: {len(posts) / total:,.0f} "
        f"({len(posts)} captions, {findings} findings, {total:.2f} s, workers={args.workers})"
    )
    # On a shared machine wall time includes waiting for a core; CPU time does not.
    print(f"captions per CPU-second of the main process: {len(posts) / cpu:,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
