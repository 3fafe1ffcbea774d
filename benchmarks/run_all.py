"""Run every benchmark script in this folder, one after the other, and print their figures.

Benchmarks are not tests: they print throughput and ratios against the reference tools an
issue names, and never fail a build on timing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(p for p in HERE.glob("*.py") if p.name not in ("run_all.py", "__init__.py"))
    failed = 0
    for script in scripts:
        print(f"== {script.name}", flush=True)
        rc = subprocess.run([sys.executable, str(script), *sys.argv[1:]], check=False).returncode
        if rc:
            failed += 1
            print(f"   {script.name} exited {rc}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
