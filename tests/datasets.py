"""Where the tests find real photos: the licensed subset in tests/data, and ../shared/data when present.

tests/data (see tests/data/LICENSES.md) holds every photo a test names, so a fresh clone runs
every test. A few tests sweep a whole corpus of camera files; they also run over the full
../shared/data corpus when it is beside the checkout, as an extra parameter (never a skip).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_DATA = ROOT / "tests" / "data"
FACES = TEST_DATA / "faces"
SHARED_DATA = (ROOT / ".." / "shared" / "data").resolve()


def corpora() -> list[object]:
    """pytest parameters: tests/data always, ../shared/data only when it is there."""
    params: list[object] = [pytest.param(TEST_DATA, id="tests-data")]
    if SHARED_DATA.is_dir():
        params.append(pytest.param(SHARED_DATA, id="shared"))
    return params
