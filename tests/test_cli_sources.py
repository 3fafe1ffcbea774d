from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from collectors import instagram as ig
from footprint_audit import cli
from footprint_audit.errors import AuthRequired

runner = CliRunner()


def test_login_without_a_terminal_does_not_prompt(tmp_path: Path) -> None:
    res = runner.invoke(
        cli.app,
        [
            "scan",
            "instagram:sunny.family",
            "--login",
            "sunny.family",
            "--profile",
            str(tmp_path),
            "--out",
            str(tmp_path / "o"),
        ],
    )
    assert res.exit_code == 2
    assert "in a terminal" in " ".join(res.output.split())
    assert not (tmp_path / "o").exists()


def test_login_asks_password_once_and_keeps_only_the_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str, Path]] = []

    def fake_login(login: str, password: str, target: Path, two_factor_code: Any = None) -> Path:
        calls.append((login, password, target))
        target.write_bytes(b"session")
        return target

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "s3cret")
    monkeypatch.setattr(ig, "login_and_save_session", fake_login)
    assert cli._ensure_instagram_session("sunny.family", None, tmp_path) == cli.EXIT_OK
    target = ig.default_session_file(tmp_path, "sunny.family")
    assert calls == [("sunny.family", "s3cret", target)]
    # a second run reuses the session and asks nothing
    monkeypatch.setattr("getpass.getpass", lambda prompt: pytest.fail("asked again"))
    assert cli._ensure_instagram_session("sunny.family", None, tmp_path) == cli.EXIT_OK
    assert b"s3cret" not in target.read_bytes()


def test_wrong_password_is_a_plain_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import instaloader
    from instaloader import exceptions as ie

    class FakeLoader:
        def __init__(self, **kw: Any) -> None:
            pass

        def login(self, user: str, password: str) -> None:
            raise ie.BadCredentialsException("Wrong password.")

    monkeypatch.setattr(instaloader, "Instaloader", FakeLoader)
    with pytest.raises(AuthRequired) as exc:
        ig.login_and_save_session("sunny.family", "s3cret", tmp_path / "s")
    assert "did not accept the password" in str(exc.value)
    assert "s3cret" not in str(exc.value) and exc.value.__cause__ is None
    assert not (tmp_path / "s").exists()
