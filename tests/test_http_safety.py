"""The HTTP client never reaches this computer or its network, and never waits forever."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpcore
import httpx
import pytest

from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.errors import BadInput, RateLimited, SourceNotFound
from footprint_audit.http import HttpClient, MediaUnavailable, TooSlow
from footprint_audit.net_guard import AddressGuard, Refused, address_refusal, pinned_transport

PUBLIC = "93.184.215.14"


def resolver(table: dict[str, list[str]]):
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        if host not in table:
            raise OSError(-2, "Name or service not known")
        return table[host]

    resolve.asked = asked  # type: ignore[attr-defined]
    return resolve


def client(handler, table: dict[str, list[str]] | None = None, **kw: object) -> tuple[HttpClient, list[str]]:
    seen: list[str] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return handler(request)

    clock = kw.pop("clock", lambda: 0.0)
    opts = AuditOptions(
        extra={
            "transport": httpx.MockTransport(record),
            "sleep": lambda s: None,
            "clock": clock,
            "http_interval": 0,
        }
    )
    table = table if table is not None else {"site.example": [PUBLIC], "cdn.example": [PUBLIC]}
    return HttpClient(RunContext(opts), resolver=resolver(table), **kw), seen  # type: ignore[arg-type]


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=b"hello")


@pytest.mark.parametrize(
    ("address", "word"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.1.10", "private"),
        ("172.16.0.5", "private"),
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("169.254.10.10", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "reserved"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not a public"),
        ("::ffff:127.0.0.1", "loopback"),
        ("64:ff9b::a00:1", "private"),
        ("2002:7f00:1::", "loopback"),
    ],
)
def test_non_public_addresses_are_refused(address: str, word: str) -> None:
    why = address_refusal(address)
    assert why is not None and word in why


@pytest.mark.parametrize("address", [PUBLIC, "2606:4700:4700::1111", "1.1.1.1"])
def test_public_addresses_pass(address: str) -> None:
    assert address_refusal(address) is None


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("file:///etc/passwd", "only http and https"),
        ("ftp://site.example/x", "only http and https"),
        ("gopher://site.example/", "only http and https"),
        ("http://127.0.0.1:6379/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://[fd00:ec2::254]/latest/", "metadata"),
        ("http://intranet.example/", "resolves to 10.0.0.7, a private network address"),
        ("http://mixed.example/", "127.0.0.1, a loopback"),  # one bad address of two is enough
        ("http://user:pw@site.example/", "user name or password"),
    ],
)
def test_refused_urls_never_reach_the_transport(url: str, why: str) -> None:
    http, seen = client(
        ok,
        {"site.example": [PUBLIC], "intranet.example": ["10.0.0.7"], "mixed.example": [PUBLIC, "127.0.0.1"]},
    )
    with pytest.raises(Refused) as exc:
        http.get(url)
    assert why in str(exc.value) and url in str(exc.value) and seen == []


def test_hosts_limit_and_redirects_are_checked_one_by_one() -> None:
    def redirecting(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "/new"})
        if request.url.path == "/away":
            return httpx.Response(302, headers={"location": "https://cdn.example/x"})
        if request.url.path == "/meta":
            return httpx.Response(302, headers={"location": "http://169.254.169.254/latest/meta-data/"})
        return ok(request)

    http, seen = client(redirecting)
    assert http.get("https://site.example/old", hosts={"site.example"}).content == b"hello"
    assert seen == ["https://site.example/old", "https://site.example/new"]
    with pytest.raises(Refused, match=r"site.example/away: .*redirects to https://cdn.example/x.*not a site"):
        http.get("https://site.example/away", hosts={"site.example"})
    with pytest.raises(Refused, match="metadata"):
        http.get("https://site.example/meta")  # no host limit: still never a metadata address
    assert not any("169.254" in u for u in seen)
    with pytest.raises(Refused, match="not a site"):
        http.get("https://cdn.example/x", hosts={"site.example"})


def test_redirect_loops_end() -> None:
    http, seen = client(lambda r: httpx.Response(302, headers={"location": "/loop"}))
    with pytest.raises(BadInput, match="more than 5 redirects"):
        http.get("https://site.example/loop")
    assert len(seen) == 6


def test_unresolvable_host_is_no_network_not_refused() -> None:
    http, seen = client(ok, {})
    with pytest.raises(SourceNotFound, match="no network"):
        http.get("https://gone.example/")
    assert seen == []


def test_private_addresses_only_with_an_explicit_parameter() -> None:
    http, seen = client(ok, {"localhost": ["127.0.0.1"]}, allow_private=True)
    assert http.get("http://localhost:8000/").content == b"hello"
    # The run options cannot switch it on by accident: only code sets extra, and it is off by default.
    assert HttpClient(RunContext(AuditOptions())).guard.allow_private is False


class Drip(httpx.SyncByteStream):
    """A body that arrives one byte every 5 s (on the fake clock) and never ends by itself."""

    def __init__(self, clock: list[float]) -> None:
        self.clock = clock
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        while True:
            self.clock[0] += 5.0
            self.sent += 1
            yield b"x"


def test_a_dripping_server_fails_at_the_deadline() -> None:
    now = [0.0]
    drip = Drip(now)
    http, seen = client(lambda r: httpx.Response(200, stream=drip), clock=lambda: now[0], deadline=60.0)
    with pytest.raises(TooSlow, match="within 60 s"):
        http.get("https://site.example/slow")
    assert drip.sent == 12 and len(seen) == 1  # stopped at the deadline, and not retried


def test_a_slow_download_is_one_media_error(tmp_path: Path) -> None:
    now = [0.0]
    http, _ = client(lambda r: httpx.Response(200, stream=Drip(now)), clock=lambda: now[0], deadline=30.0)
    with pytest.raises(MediaUnavailable, match="https://site.example/a.jpg: .*within 30 s"):
        http.download("https://site.example/a.jpg", tmp_path / "a.jpg")
    assert not (tmp_path / "a.jpg").exists()


class Counted(httpx.SyncByteStream):
    def __init__(self, chunks: int, size: int = 1024) -> None:
        self.chunks = chunks
        self.size = size
        self.read = 0

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(self.chunks):
            self.read += 1
            yield b"y" * self.size


def test_size_limit_is_checked_while_streaming(tmp_path: Path) -> None:
    body = Counted(10_000)  # 10 MB if read whole
    http, _ = client(lambda r: httpx.Response(200, stream=body))
    with pytest.raises(MediaUnavailable, match="https://site.example/big.jpg: larger than"):
        http.download("https://site.example/big.jpg", tmp_path / "big.jpg", max_bytes=4096)
    assert body.read == 5 and not (tmp_path / "big.jpg").exists()  # stopped just past the limit
    declared, seen = client(
        lambda r: httpx.Response(200, headers={"content-length": "999999"}, stream=Counted(1))
    )
    with pytest.raises(MediaUnavailable, match="larger than"):
        declared.download("https://site.example/d.jpg", tmp_path / "d.jpg", max_bytes=4096)


def test_media_failures_are_media_errors_naming_the_url(tmp_path: Path) -> None:
    for status in (403, 500, 404, 400):
        http, _ = client(lambda r, s=status: httpx.Response(s))
        with pytest.raises(MediaUnavailable) as exc:
            http.download("https://cdn.example/p/1.jpg", tmp_path / "h1.jpg")
        assert "https://cdn.example/p/1.jpg" in str(exc.value) and "--login" not in str(exc.value)
    http, _ = client(ok, {"cdn.example": ["10.9.9.9"]})
    with pytest.raises(MediaUnavailable, match="private network"):
        http.download("https://cdn.example/p/1.jpg", tmp_path / "h1.jpg")
    limited, _ = client(lambda r: httpx.Response(429, headers={"retry-after": "3600"}))
    with pytest.raises(RateLimited):  # a rate limit still stops the source politely
        limited.download("https://cdn.example/p/2.jpg", tmp_path / "h2.jpg")


def test_pinned_transport_connects_only_to_the_checked_address() -> None:
    # DNS rebinding: the name is public when checked and loopback a moment later. The real
    # transport resolves again at connect time and refuses before any socket is opened.
    answers = iter([[PUBLIC], ["127.0.0.1"]])
    guard = AddressGuard(lambda host, port: next(answers))
    guard.check("http://rebind.example/")
    with (
        httpx.Client(transport=pinned_transport(guard, lambda: None)) as raw,
        pytest.raises(httpx.ConnectError) as exc,
    ):
        raw.get("http://rebind.example/")
    assert "loopback" in str(exc.value)


def test_deadline_bounds_each_socket_read() -> None:
    from footprint_audit.net_guard import _DeadlineStream

    class Slow(httpcore.NetworkStream):
        timeouts: list[float | None] = []

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            self.timeouts.append(timeout)
            return b"H"

    left = [7.0]
    stream = _DeadlineStream(Slow(), lambda: left[0])
    stream.read(1, timeout=30.0)
    assert Slow.timeouts == [7.0]  # the read may not outlast the request's deadline
    left[0] = 0.0
    with pytest.raises(httpcore.ReadTimeout):
        stream.read(1, timeout=30.0)


def test_pinned_transport_sends_the_name_to_the_checked_address() -> None:
    # A local server stands in for a site (opted in by parameter): the socket goes to the
    # address the guard resolved, the Host header still names the site.
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    hosts: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hosts.append(self.headers["Host"])
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        opts = AuditOptions(extra={"http_interval": 0})
        table = {"family.test": ["127.0.0.1"]}
        with HttpClient(RunContext(opts), resolver=resolver(table), allow_private=True) as http:
            assert http.get(f"http://family.test:{port}/").content == b"ok"
        assert hosts == [f"family.test:{port}"]
        with HttpClient(RunContext(opts), resolver=resolver(table)) as http, pytest.raises(Refused):
            http.get(f"http://family.test:{port}/")
        assert len(hosts) == 1
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("url", ["http://[::1/", "http://site.example:99999/", "http://site.example/\x00"])
def test_malformed_urls_are_refused_not_raised(url: str) -> None:
    http, seen = client(ok)
    with pytest.raises(Refused, match="not a valid URL"):
        http.get(url)
    assert seen == []


def test_compressed_bodies_count_their_decoded_size(tmp_path: Path) -> None:
    import gzip

    bomb = gzip.compress(b"\0" * 2_000_000)  # about 2 KB on the wire
    chunks = [bomb[i : i + 256] for i in range(0, len(bomb), 256)]
    http, _ = client(
        lambda r: httpx.Response(
            200, headers={"content-encoding": "gzip"}, stream=httpx.ByteStream(b"".join(chunks))
        )
    )
    with pytest.raises(MediaUnavailable, match="larger than"):
        http.download("https://site.example/z.jpg", tmp_path / "z.jpg", max_bytes=100_000)
    broken, _ = client(
        lambda r: httpx.Response(200, headers={"content-encoding": "gzip"}, stream=httpx.ByteStream(b"no"))
    )
    with pytest.raises(BadInput, match="could not be decompressed"):
        broken.get("https://site.example/")


def test_a_name_that_turns_private_at_connect_is_refused_not_retried() -> None:
    answers = iter([[PUBLIC], ["10.0.0.3"], [PUBLIC]])
    opts = AuditOptions(extra={"http_interval": 0, "sleep": lambda s: None})
    with HttpClient(RunContext(opts), resolver=lambda host, port: next(answers)) as http:
        with pytest.raises(Refused, match="10.0.0.3, a private network address"):
            http.get("http://rebind.example/")
