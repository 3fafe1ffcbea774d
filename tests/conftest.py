from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = (ROOT / ".." / "shared" / "data").resolve()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data beside the checkout (CI always has it; a user's clone may not)."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not beside this checkout (real camera files and faces live there)")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never touch the real per-user data folder."""
    home = tmp_path_factory.mktemp("fa-home")
    monkeypatch.setenv("FOOTPRINT_AUDIT_HOME", str(home))
    return home
