"""Where the HTTP client may connect: public addresses only, checked after DNS and pinned.

A page, a redirect or a platform's JSON may name any URL; fetching it blindly would let a
source reach this computer, its network or a cloud metadata service (SSRF). The
:class:`AddressGuard` refuses every URL that is not http(s), whose host the source may not
send us to, or whose name resolves to a loopback, private, link-local, multicast, reserved
or metadata address; :func:`pinned_transport` then connects to the very address that was
checked (closing the DNS-rebinding gap), with TLS and the Host header still using the name,
and an overall deadline on every read.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Collection, Sequence
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from .errors import BadInput

Resolver = Callable[[str, int], Sequence[str]]

#: Cloud instance-metadata endpoints (AWS, Azure, GCP; AWS over IPv6; Alibaba; AWS ECS tasks).
#: Most are link-local and refused anyway; named so the error says what they are.
_METADATA = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200", "169.254.170.2")
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class Refused(BadInput):
    """A URL this tool will not fetch: not http(s), a host the source may not send us to, or an
    address on this computer or its network. ``url`` is the URL refused, ``why`` the reason."""

    hint = "Only public web addresses are fetched; nothing on your own computer or network."

    def __init__(self, url: str, why: str) -> None:
        super().__init__(f"{url}: not fetched: {why}.")
        self.url = url
        self.why = why


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6), in the resolver's order."""
    out: list[str] = []
    for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        addr = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        if addr not in out:
            out.append(addr)
    return out


def address_refusal(address: str) -> str | None:
    """Why ``address`` must not be fetched from ("10.0.0.8 is a private network address"), or
    None when it is a public address."""
    kind = _address_kind(address)
    return f"{address} is {kind}" if kind else None


def _address_kind(address: str) -> str | None:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "not an IP address"
    if ip in _METADATA:
        return "a cloud metadata address"
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4 addresses wrapped in IPv6 reach the IPv4 host: judge the host.
        embedded = ip.ipv4_mapped or (ip.teredo[1] if ip.teredo else None) or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            inner = _address_kind(str(embedded))
            return f"a wrapper of {embedded}, {inner}" if inner else None
    if ip.is_loopback:
        return "a loopback address (this computer)"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified or ip.is_reserved:
        return "a reserved address"
    if ip.is_private:
        return "a private network address"
    if not ip.is_global:
        return "not a public address"
    return None


class AddressGuard:
    """Resolves host names and refuses any that lead to a non-public address.

    One guard is shared by the pre-flight check of each URL and by the transport's connect, so
    the address checked is the address connected to.
    """

    def __init__(self, resolver: Resolver | None = None, *, allow_private: bool = False) -> None:
        self.resolver: Resolver = resolver or system_resolver
        self.allow_private = allow_private

    def addresses(self, url: str, host: str, port: int) -> list[str]:
        """The checked addresses of ``host``; Refused if any is not public.

        All addresses must pass, not just one: the connection may go to any of them.
        Name-resolution failures surface as ``httpx.ConnectError`` (no network / no such host).
        """
        try:
            literal = ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            literal = None
        if literal is not None:
            found = [str(literal)]
        else:
            try:
                found = [str(a) for a in self.resolver(host, port)]
            except (OSError, UnicodeError) as exc:
                raise httpx.ConnectError(f"failed to resolve {host}: {exc}") from exc
            if not found:
                raise httpx.ConnectError(f"failed to resolve {host}: no address")
        if not self.allow_private:
            for address in found:
                kind = _address_kind(address)
                if kind:
                    raise Refused(
                        url,
                        f"{host} resolves to {address}, {kind}"
                        if literal is None
                        else f"{address} is {kind}",
                    )
        return found

    def check(self, url: str, hosts: Collection[str] | None = None, *, resolve: bool = True) -> None:
        """Refuse ``url`` unless it is http(s), on one of ``hosts`` (when given), and public
        (``resolve=False``: everything but the address, which needs DNS)."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise Refused(url, f"not a valid URL ({exc})") from exc
        if parts.scheme.lower() not in ("http", "https"):
            raise Refused(url, f"only http and https are fetched, not {parts.scheme or 'a bare path'}")
        host = (parts.hostname or "").lower()
        if not host:
            raise Refused(url, "it names no host")
        if parts.username or parts.password:
            raise Refused(url, "it carries a user name or password")
        if hosts is not None and host not in {h.lower() for h in hosts}:
            raise Refused(url, f"{host} is not a site this source may send us to")
        if resolve:
            self.addresses(url, host, port or (443 if parts.scheme.lower() == "https" else 80))


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose reads and writes stop at the client's current deadline.

    ``left()`` gives the seconds left of the request under way (None: no request). This is what
    bounds a server that drips its headers: httpx's own timeouts are per read.
    """

    def __init__(self, inner: httpcore.NetworkStream, left: Callable[[], float | None]) -> None:
        self._inner = inner
        self._deadline = left

    def _timeout(self, timeout: float | None) -> float | None:
        left = self._deadline()
        if left is None:
            return timeout
        if left <= 0:
            raise httpcore.ReadTimeout("the request's overall deadline has passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._timeout(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._timeout(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> Any:
        # server_hostname is the URL's host (httpcore passes the origin, not our IP): SNI and
        # certificate checks stay those of the name, while the socket goes to the checked address.
        tls = self._inner.start_tls(ssl_context, server_hostname, self._timeout(timeout))
        return _DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _PinnedBackend(httpcore.NetworkBackend):
    """Connects to an address the guard checked, never to a fresh lookup of the name."""

    def __init__(self, guard: AddressGuard, left: Callable[[], float | None]) -> None:
        self._guard = guard
        self._deadline = left
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = self._guard.addresses(f"//{host}:{port}", host, port)
        except Refused as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        except httpx.ConnectError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        last: Exception | None = None
        for address in addresses:
            try:
                stream = self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
                continue
            return _DeadlineStream(stream, self._deadline)
        raise last if last else httpcore.ConnectError(f"could not connect to {host}")

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None) -> Any:
        raise httpcore.ConnectError("unix sockets are never used")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def pinned_transport(guard: AddressGuard, left: Callable[[], float | None]) -> httpx.HTTPTransport:
    """httpx's own transport, connecting through :class:`_PinnedBackend`.

    No proxy from the environment is used: a proxy resolves names itself, out of our sight.
    """
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(),  # SSL_CERT_FILE still honoured
        # httpx's own defaults (httpx.Client uses the same numbers).
        max_connections=100,
        max_keepalive_connections=20,
        keepalive_expiry=5.0,
        network_backend=_PinnedBackend(guard, left),
    )
    return transport
