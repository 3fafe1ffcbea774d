"""Label a grandparent's grandchildren ``own`` in benchmarks/text_eval/independent3.tsv.

The second author labelled a grandparent's grandchild as the family's own child (it is: the
post exposes the family's child); the third author labelled grandchildren ``other``. For one
convention across the sets, this moves a name from ``other`` to ``own`` on lines whose caption
has a grandchild word (grandson, granddaughter, grandchild(ren), grandkids, kleinzoon,
kleindochter, kleinkind(eren), 孫). It prints counts, never a caption: the file is held out.

    .venv/bin/python benchmarks/text_eval/grandchildren_own.py [--dry-run]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

FILE = Path(__file__).resolve().parent / "independent3.tsv"
_GRAND = re.compile(
    r"grand(?:son|daughter|child|children|kids?|baby|babies)|kleinzoon|kleindochter|kleinkind|孫",
    re.IGNORECASE,
)


def fix_line(line: str) -> tuple[str, int]:
    """The line with its ``other`` names moved to ``own`` when the caption speaks of grandchildren."""
    parts = line.split("\t")
    if line.startswith("#") or len(parts) < 3 or not _GRAND.search(parts[1]):
        return line, 0
    labels: dict[str, list[str]] = {}
    for part in parts[2].split(";"):
        if "=" in part:
            key, values = part.split("=", 1)
            labels[key.strip()] = [v.strip() for v in values.split(",") if v.strip()]
    moved = labels.pop("other", [])
    if not moved:
        return line, 0
    labels["own"] = [*labels.get("own", []), *moved]
    parts[2] = "; ".join(f"{k}={','.join(v)}" for k, v in labels.items())
    return "\t".join(parts), len(moved)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    lines = FILE.read_text(encoding="utf-8").split("\n")
    fixed = [fix_line(ln) for ln in lines]
    names = sum(n for _, n in fixed)
    changed = sum(1 for (new, _), old in zip(fixed, lines, strict=True) if new != old)
    print(f"{FILE.name}: {names} name(s) moved from other to own on {changed} line(s)")
    if not args.dry_run:
        FILE.write_text("\n".join(new for new, _ in fixed), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
