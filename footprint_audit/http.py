"""The one HTTP client every network collector uses: polite, patient, and testable.

Platforms are hostile to scrapers and generous to people who ask slowly. So every request
carries a User-Agent that says what this is, requests to one host are paced, and a 429/503
is met with a wait (the server's Retry-After or rate-limit reset when it gives one,
otherwise exponential backoff with jitter). When the wait would be long, the client stops
with :class:`RateLimited` instead of sleeping for an hour: what was collected is kept and
the next run resumes.

Nothing a source names can point the client at this computer or its network: every URL must
be http(s), every host name is resolved and each address checked (no loopback, private,
link-local, multicast, reserved or cloud-metadata address), redirects are followed one at a
time and checked again, and the real transport connects to the address it checked (so a name
that resolves differently a moment later cannot slip through). Each request has an overall
deadline, and bodies are read in chunks with their size limit checked as they arrive.

Tests inject an ``httpx`` transport through ``run.options.extra["transport"]``, a fake
resolver through ``run.options.extra["resolver"]`` and a fake sleep and clock through
``run.options.extra["sleep"]`` and ``["clock"]``, so nothing touches the network or the clock.
Local test servers are reachable only when code passes ``allow_private=True`` (or sets
``extra["allow_private_addresses"]``); there is no environment variable for it.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Collection, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from . import __version__
from .context import RunContext
from .errors import (
    AuthRequired,
    BadInput,
    FootprintError,
    RateLimited,
    SourceNotFound,
    is_offline,
    no_network,
)
from .net_guard import AddressGuard, Refused, Resolver, pinned_transport
from .paths import data_dir, private_dir

log = logging.getLogger(__name__)

USER_AGENT = f"footprint-audit/{__version__} (+privacy audit of your own posts)"

#: Seconds between two requests to the same host. One a second is what a person clicking
#: through a profile does; public APIs (Mastodon: 300 per 5 min) allow more, we do not need it.
DEFAULT_INTERVAL = 1.0
#: Retries of one request after 429/503/network errors before giving up on it.
DEFAULT_RETRIES = 3
#: Waits longer than this are not slept through: the run stops and says "try again later".
MAX_WAIT = 120.0
#: Media larger than this are not downloaded (a 4K reel is ~100 MB; anything larger is not a post).
MAX_DOWNLOAD = 256 * 1024 * 1024
#: Pages and API answers larger than this are not read (the largest real blog page and Mastodon
#: page of 40 statuses we saw were under 2 MB).
MAX_PAGE = 20 * 1024 * 1024
#: Seconds one request may take from first byte sent to last byte read, whatever the server does.
#: The per-read timeout alone let a server dripping one byte every 5 s hold a scan forever.
DEFAULT_DEADLINE = 120.0
#: Redirects followed for one request (browsers allow 20; real sites use one or two).
MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)

Sleep = Callable[[float], None]


#: (host, port) -> the IP addresses the name resolves to, as strings.
class NotFound(SourceNotFound):
    """404/410: the thing asked for does not exist (any more)."""


class TooSlow(SourceNotFound):
    """The server did not finish answering within the request's overall deadline."""

    hint = "The site answered too slowly; try again later."


class MediaUnavailable(BadInput):
    """One photo or video could not be downloaded. Collectors record it and keep the post."""


def media_root(run: RunContext) -> Path:
    """Where collectors store downloaded media: ``--media-dir`` or <data dir>/media."""
    root = run.options.media_dir or data_dir(run.options.data_dir) / "media"
    return private_dir(Path(root))


def _retry_after(resp: httpx.Response, now: float) -> float | None:
    """Seconds the server asks us to wait, from Retry-After or a rate-limit reset header."""
    value = resp.headers.get("retry-after")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            try:
                return max(0.0, parsedate_to_datetime(value).timestamp() - now)
            except (TypeError, ValueError):
                pass
    return _reset_wait(resp, now)


def _reset_wait(resp: httpx.Response, now: float) -> float | None:
    """Seconds until the rate-limit window resets (Mastodon: ISO time; Bluesky/others: epoch)."""
    for name in ("x-ratelimit-reset", "ratelimit-reset"):
        value = resp.headers.get(name)
        if not value:
            continue
        try:
            number = float(value)
        except ValueError:
            try:
                when = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return max(0.0, when.timestamp() - now)
        # Epoch seconds are large; small numbers are "seconds from now" (IETF draft style).
        return max(0.0, number - now) if number > 1_000_000_000 else max(0.0, number)
    return None


def _remaining(resp: httpx.Response) -> int | None:
    for name in ("x-ratelimit-remaining", "ratelimit-remaining"):
        value = resp.headers.get(name)
        if value is not None:
            try:
                return int(float(value))
            except ValueError:
                return None
    return None


class HttpClient:
    """A paced, retrying, address-checked GET client. One per collector run; close it (or use ``with``)."""

    def __init__(
        self,
        run: RunContext,
        *,
        interval: float | None = None,
        retries: int = DEFAULT_RETRIES,
        max_wait: float = MAX_WAIT,
        timeout: float = 30.0,
        deadline: float | None = None,
        allow_private: bool | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        extra = run.options.extra
        self.run = run
        self.interval = float(extra.get("http_interval", DEFAULT_INTERVAL) if interval is None else interval)
        self.retries = retries
        self.max_wait = float(extra.get("http_max_wait", max_wait))
        self.deadline = float(extra.get("http_deadline", DEFAULT_DEADLINE) if deadline is None else deadline)
        self._sleep: Sleep = extra.get("sleep") or time.sleep
        self._clock: Callable[[], float] = extra.get("clock") or time.time
        self._rng = random.Random(extra.get("seed"))
        self._last: dict[str, float] = {}
        #: Per host, the earliest time the next request may go (from rate-limit headers).
        self._not_before: dict[str, float] = {}
        #: When the request under way must be finished by (our clock), None between requests.
        self._due: float | None = None
        self.requests = 0
        private = (
            bool(extra.get("allow_private_addresses", False)) if allow_private is None else allow_private
        )
        self.guard = AddressGuard(resolver or extra.get("resolver"), allow_private=private)
        transport = extra.get("transport") or pinned_transport(self.guard, self._left)
        self._client = httpx.Client(
            transport=transport,
            headers={"User-Agent": USER_AGENT},
            timeout=timeout,
            follow_redirects=False,
        )

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _left(self) -> float | None:
        return None if self._due is None else self._due - self._clock()

    def _wait_turn(self, host: str) -> None:
        now = self._clock()
        due = max(self._last.get(host, 0.0) + self.interval, self._not_before.get(host, 0.0))
        if due > now:
            self._sleep(due - now)
        self._last[host] = self._clock()

    def _backoff(self, attempt: int) -> float:
        # Full jitter (AWS architecture blog): spreads retries of many clients apart.
        base = min(self.max_wait, 2.0 * (2**attempt))
        return base / 2 + self._rng.uniform(0, base / 2)

    def get(
        self,
        url: str,
        params: dict[str, Any] | None = None,
        *,
        what: str = "",
        hosts: Collection[str] | None = None,
        max_bytes: int = MAX_PAGE,
    ) -> httpx.Response:
        """GET with pacing and retries; raises a FootprintError child for every failure.

        401/403 -> AuthRequired, 404/410 -> NotFound, 429/503 after retries -> RateLimited,
        network trouble after retries -> SourceNotFound, a URL (or redirect) that is not http(s),
        not on ``hosts`` (when given) or not a public address -> Refused, the deadline passed ->
        TooSlow, a body over ``max_bytes`` -> BadInput. The body is read before returning.
        """
        label = what or url
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            resp = self._get_once(url, current, hosts, params, label, max_bytes)
            location = resp.headers.get("location")
            if resp.status_code not in _REDIRECTS or not location:
                return resp
            current = urljoin(current, location)
            params = None  # the redirect's URL is complete
        raise BadInput(f"{label}: more than {MAX_REDIRECTS} redirects; not followed.")

    def _check(self, url: str, target: str, hosts: Collection[str] | None, *, resolve: bool = True) -> None:
        """Refuse ``target`` (``url`` or where it redirected) before anything is sent to it."""
        if target == url:
            self.guard.check(url, hosts, resolve=resolve)
            return
        try:
            self.guard.check(target, hosts, resolve=resolve)
        except Refused as exc:
            raise Refused(url, f"it redirects to {target}, and {exc.why}") from exc

    def _get_once(
        self,
        original: str,
        url: str,
        hosts: Collection[str] | None,
        params: dict[str, Any] | None,
        label: str,
        max_bytes: int,
    ) -> httpx.Response:
        # The URL's form first (before anything reads it); its addresses on every attempt below.
        self._check(original, url, hosts, resolve=False)
        host = urlsplit(url).netloc
        pending = self._not_before.get(host, 0.0) - self._clock()
        if pending > self.max_wait:
            raise RateLimited(
                f"{host}: the rate limit is used up for now; stopped politely and kept everything fetched so far.",
                retry_after=pending,
            )
        for attempt in range(self.retries + 1):
            self._wait_turn(host)
            self.requests += 1
            try:
                # Checked on every attempt: a name resolved a minute ago may point elsewhere now.
                self._check(original, url, hosts)
                resp = self._fetch(url, params, label, max_bytes)
            except httpx.TransportError as exc:
                refused = _refusal_in(exc)
                if refused is not None:
                    raise refused from exc  # the name changed its address between check and connect
                left = self._left()
                if isinstance(exc, httpx.TimeoutException) and left is not None and left <= 0:
                    raise TooSlow(
                        f"{label}: {host} did not finish answering within {self.deadline:.0f} s."
                    ) from exc
                if attempt >= self.retries and is_offline(exc):
                    raise no_network(label) from exc
                if attempt >= self.retries:
                    raise SourceNotFound(
                        f"{label}: could not reach {host} ({type(exc).__name__}).",
                        hint="Check your internet connection and run the same command again.",
                    ) from exc
                self._sleep(self._backoff(attempt))
                continue
            finally:
                self._due = None
            now = self._clock()
            status = resp.status_code
            if status in (429, 503):
                wait = _retry_after(resp, now)
                if wait is None:
                    wait = self._backoff(attempt)
                if attempt >= self.retries or wait > self.max_wait:
                    raise RateLimited(
                        f"{host} asked us to slow down (HTTP {status}); stopped politely and kept "
                        "everything fetched so far.",
                        retry_after=wait,
                    )
                log.info("%s: HTTP %s, waiting %.0f s", host, status, wait)
                self._sleep(wait + self._rng.uniform(0, 1.0))
                continue
            if status in (401, 403):
                raise AuthRequired(f"{label}: {host} wants a login to show this (HTTP {status}).")
            if status in (404, 410):
                raise NotFound(f"{label}: not found on {host} (HTTP {status}); it may have been deleted.")
            if status >= 500:
                if attempt >= self.retries:
                    raise SourceNotFound(
                        f"{label}: {host} is having trouble (HTTP {status}).",
                        hint="Try again later.",
                    )
                self._sleep(self._backoff(attempt))
                continue
            if status >= 400:
                raise BadInput(f"{label}: {host} refused the request (HTTP {status}).")
            self._note_limits(host, resp, now)
            return resp
        raise FootprintError(f"{label}: gave up after {self.retries + 1} attempts.")  # pragma: no cover

    def _fetch(self, url: str, params: dict[str, Any] | None, label: str, max_bytes: int) -> httpx.Response:
        """One request, its body read in chunks against the deadline and ``max_bytes``."""
        self._due = self._clock() + self.deadline
        try:
            request = self._client.build_request("GET", url, params=params)
        except httpx.InvalidURL as exc:
            raise Refused(url, f"not a valid URL ({exc})") from exc
        resp = self._client.send(request, stream=True)
        try:
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise BadInput(f"{label}: larger than {_mb(max_bytes)}; not downloaded.")
            body = bytearray()
            for chunk in self._decoded(resp, label):
                body += chunk
                if len(body) > max_bytes:
                    raise BadInput(f"{label}: larger than {_mb(max_bytes)}; not downloaded.")
                left = self._left()
                if left is not None and left <= 0:
                    raise TooSlow(
                        f"{label}: {urlsplit(url).netloc} did not finish answering within {self.deadline:.0f} s."
                    )
        finally:
            resp.close()
        # The body is already decoded (gzip, br): the new response must not decode it again.
        headers = [
            (k, v)
            for k, v in resp.headers.multi_items()
            if k.lower() not in ("content-encoding", "content-length")
        ]
        return httpx.Response(resp.status_code, headers=headers, content=bytes(body), request=request)

    @staticmethod
    def _decoded(resp: httpx.Response, label: str) -> Iterator[bytes]:
        try:
            yield from resp.iter_bytes()
        except httpx.DecodingError as exc:
            raise BadInput(f"{label}: the server sent a body that could not be decompressed.") from exc

    def _note_limits(self, host: str, resp: httpx.Response, now: float) -> None:
        """When the window is used up, hold the next request to this host until it resets."""
        remaining = _remaining(resp)
        if remaining is None or remaining > 0:
            return
        wait = _reset_wait(resp, now)
        if wait is None:
            return
        # Not raised now: this response is good. A long wait stops the next request (get_json).
        self._not_before[host] = now + wait

    def get_json(self, url: str, params: dict[str, Any] | None = None, *, what: str = "") -> Any:
        host = urlsplit(url).netloc
        resp = self.get(url, params, what=what)
        try:
            return resp.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BadInput(
                f"{what or url}: {host} sent a page that is not valid JSON.",
                hint="The platform may have changed; try again later.",
            ) from exc

    def download(
        self, url: str, dest: Path, *, max_bytes: int = MAX_DOWNLOAD, hosts: Collection[str] | None = None
    ) -> Path:
        """Fetch ``url`` into ``dest`` once: an existing non-empty file is reused.

        Any failure but a rate limit is :class:`MediaUnavailable` naming the URL, so the caller
        records it and keeps the post: one missing photo must not end a source. A rate limit
        still stops the source politely. The size limit is checked while the body streams in,
        and it is written to a temporary name first, so an interrupted download never leaves
        half a photo that a later run would take for the real thing.
        """
        if dest.is_file() and dest.stat().st_size > 0:
            return dest
        private_dir(dest.parent)
        try:
            resp = self.get(url, what=url, hosts=hosts, max_bytes=max_bytes)
        except RateLimited:
            raise
        except Refused as exc:
            raise MediaUnavailable(str(exc.args[0]), hint=exc.hint) from exc
        except FootprintError as exc:
            # The message, not the hint: "log in" or "check your connection" is wrong advice
            # for one photo on a page that was read.
            raise MediaUnavailable(str(exc.args[0]) if exc.args else str(exc), hint="") from exc
        from .paths import write_private

        write_private(dest, resp.content)
        return dest


def _refusal_in(exc: BaseException) -> Refused | None:
    """The Refused the pinned transport raised at connect, under httpx's own error, if any."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, Refused):
            return cur
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return None


def _mb(n: int) -> str:
    return f"{n // 1_000_000} MB" if n >= 1_000_000 else f"{n} bytes"


def safe_name(text: str, default: str = "file") -> str:
    """A file name from an id or URL tail: letters, digits, dot, dash, underscore only."""
    cleaned = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in text).strip("._")
    return cleaned[:120] or default
