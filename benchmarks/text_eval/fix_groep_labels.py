"""Correct the age labels of Dutch school years in the independent caption files.

Dutch children start groep 1 at 4, so groep N is ages N + 3 to N + 4 and its youngest age is
N + 3 (groep 3 -> 6y). The first author of the independent files labelled most groep years
N + 2 (groep 3 -> 5y) and groep 1 as 4y. This rewrites only the age label of lines whose
caption says ``groep <N>``, and only labels equal to N + 2 become N + 3 (all at once, so
"groep 2 en groep 3" cannot chain). It prints counts, never a caption: one of the files is
held out and must not be read while rules are changed.

    .venv/bin/python benchmarks/text_eval/fix_groep_labels.py [--dry-run]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = (HERE / "independent_tune.tsv", HERE / "independent_heldout.tsv")
_GROEP = re.compile(r"\bgroep\s*(\d{1,2})\b", re.IGNORECASE)


def fix_line(line: str) -> str:
    """The line with its groep ages moved from N + 2 to N + 3; other lines unchanged."""
    if line.startswith("#") or "\t" not in line:
        return line
    parts = line.split("\t")
    if len(parts) < 3:
        return line
    years = {int(n) for n in _GROEP.findall(parts[1])}
    if not years:
        return line
    remap = {f"{n + 2}y": f"{n + 3}y" for n in years}
    labels = []
    for part in parts[2].split(";"):
        key, sep, values = part.partition("=")
        if sep and key.strip() == "age":
            new = [remap.get(v.strip(), v.strip()) for v in values.split(",")]
            part = f"{key}={','.join(new)}"
        labels.append(part)
    parts[2] = ";".join(labels)
    return "\t".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true", help="count, do not write")
    args = ap.parse_args()
    for path in FILES:
        lines = path.read_text(encoding="utf-8").split("\n")
        fixed = [fix_line(ln) for ln in lines]
        changed = sum(a != b for a, b in zip(lines, fixed, strict=True))
        groep = sum(bool(_GROEP.search(ln)) for ln in lines if not ln.startswith("#"))
        print(f"{path.name}: {groep} lines with groep, {changed} relabelled")
        if not args.dry_run and changed:
            path.write_text("\n".join(fixed), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
