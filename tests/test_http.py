from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest

from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.errors import AuthRequired, BadInput, RateLimited, SourceNotFound
from footprint_audit.http import USER_AGENT, HttpClient, NotFound, safe_name
from tests.collectors.sources_support import public_resolver

NOW = 1_700_000_000.0


def client(handler, **extra: object) -> tuple[HttpClient, list[float]]:
    sleeps: list[float] = []
    opts = AuditOptions(
        extra={
            "transport": httpx.MockTransport(handler),
            "resolver": public_resolver,
            "sleep": sleeps.append,
            "clock": lambda: NOW,
            "seed": 1,
            **extra,
        }
    )
    return HttpClient(RunContext(opts)), sleeps


def test_user_agent_and_pacing() -> None:
    seen: list[str] = []

    def ok(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return httpx.Response(200, json={})

    http, sleeps = client(ok)
    http.get("https://a.example/1")
    http.get("https://a.example/2")
    http.get("https://b.example/1")
    assert seen == [USER_AGENT] * 3 and USER_AGENT.startswith("footprint-audit/")
    assert sleeps == [1.0]  # the second request to a.example waits; b.example is another host


def test_retry_after_http_date_and_backoff_with_jitter() -> None:
    answers = iter(
        [
            httpx.Response(
                429,
                headers={
                    "retry-after": format_datetime(
                        datetime.fromtimestamp(NOW, UTC) + timedelta(seconds=30), usegmt=True
                    )
                },
            ),
            httpx.Response(503),
            httpx.Response(200, json={"ok": True}),
        ]
    )
    http, sleeps = client(lambda r: next(answers), http_interval=0)
    assert http.get_json("https://a.example/x") == {"ok": True}
    assert 30 <= sleeps[0] <= 31  # the server's date, plus up to a second of jitter
    assert 2 <= sleeps[1] <= 5  # no Retry-After: 2nd attempt backs off 4 s, half of it jittered, plus <1 s


def test_long_wait_stops_politely() -> None:
    http, sleeps = client(lambda r: httpx.Response(429, headers={"retry-after": "3600"}), http_interval=0)
    with pytest.raises(RateLimited) as exc:
        http.get("https://a.example/x")
    assert exc.value.retry_after == 3600 and sleeps == []


@pytest.mark.parametrize(
    ("status", "error"),
    [(401, AuthRequired), (403, AuthRequired), (404, NotFound), (410, NotFound), (400, BadInput)],
)
def test_status_mapping(status: int, error: type) -> None:
    http, _ = client(lambda r: httpx.Response(status), http_interval=0)
    with pytest.raises(error):
        http.get("https://a.example/x")


def test_network_errors_retry_then_explain() -> None:
    calls = []

    def down(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        raise httpx.ConnectError("no route")

    http, sleeps = client(down, http_interval=0)
    with pytest.raises(SourceNotFound, match="could not reach") as exc:
        http.get("https://a.example/x")
    assert len(calls) == 4 and len(sleeps) == 3 and "connection" in exc.value.hint


def test_malformed_json() -> None:
    http, _ = client(lambda r: httpx.Response(200, content=b"<html>"), http_interval=0)
    with pytest.raises(BadInput, match="not valid JSON"):
        http.get_json("https://a.example/x")


def test_download_once_and_size_limit(tmp_path: Path) -> None:
    calls = []

    def img(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(200, content=b"\xff\xd8" + b"x" * 100)

    http, _ = client(img, http_interval=0)
    dest = tmp_path / "m" / "a.jpg"
    assert http.download("https://cdn.example/a.jpg", dest) == dest
    http.download("https://cdn.example/a.jpg", dest)
    assert len(calls) == 1 and dest.stat().st_mode & 0o077 == 0
    with pytest.raises(BadInput, match="not downloaded"):
        http.download("https://cdn.example/b.jpg", tmp_path / "b.jpg", max_bytes=10)
    assert not (tmp_path / "b.jpg").exists()


def test_safe_name() -> None:
    assert "/" not in safe_name("../../etc/passwd") and not safe_name("../x").startswith(".")
    assert safe_name("") == "file"
