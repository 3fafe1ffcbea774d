"""The one HTTP client every network collector uses: polite, patient, and testable.

Platforms are hostile to scrapers and generous to people who ask slowly. So every request
carries a User-Agent that says what this is, requests to one host are paced, and a 429/503
is met with a wait (the server's Retry-After or rate-limit reset when it gives one,
otherwise exponential backoff with jitter). When the wait would be long, the client stops
with :class:`RateLimited` instead of sleeping for an hour: what was collected is kept and
the next run resumes.

Tests inject an ``httpx`` transport through ``run.options.extra["transport"]`` and a fake
sleep through ``run.options.extra["sleep"]``, so nothing touches the network or the clock.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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

Sleep = Callable[[float], None]


class NotFound(SourceNotFound):
    """404/410: the thing asked for does not exist (any more)."""


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
    """A paced, retrying GET client. One per collector run; close it (or use ``with``)."""

    def __init__(
        self,
        run: RunContext,
        *,
        interval: float | None = None,
        retries: int = DEFAULT_RETRIES,
        max_wait: float = MAX_WAIT,
        timeout: float = 30.0,
    ) -> None:
        extra = run.options.extra
        self.run = run
        self.interval = float(extra.get("http_interval", DEFAULT_INTERVAL) if interval is None else interval)
        self.retries = retries
        self.max_wait = float(extra.get("http_max_wait", max_wait))
        self._sleep: Sleep = extra.get("sleep") or time.sleep
        self._clock: Callable[[], float] = extra.get("clock") or time.time
        self._rng = random.Random(extra.get("seed"))
        self._last: dict[str, float] = {}
        #: Per host, the earliest time the next request may go (from rate-limit headers).
        self._not_before: dict[str, float] = {}
        self.requests = 0
        self._client = httpx.Client(
            transport=extra.get("transport"),
            headers={"User-Agent": USER_AGENT},
            timeout=timeout,
            follow_redirects=True,
        )

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

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

    def get(self, url: str, params: dict[str, Any] | None = None, *, what: str = "") -> httpx.Response:
        """GET with pacing and retries; raises a FootprintError child for every failure.

        401/403 -> AuthRequired, 404/410 -> NotFound, 429/503 after retries -> RateLimited,
        network trouble after retries -> SourceNotFound.
        """
        host = urlsplit(url).netloc
        label = what or url
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
                resp = self._client.get(url, params=params)
            except httpx.TransportError as exc:
                if attempt >= self.retries and is_offline(exc):
                    raise no_network(label) from exc
                if attempt >= self.retries:
                    raise SourceNotFound(
                        f"{label}: could not reach {host} ({type(exc).__name__}).",
                        hint="Check your internet connection and run the same command again.",
                    ) from exc
                self._sleep(self._backoff(attempt))
                continue
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

    def download(self, url: str, dest: Path, *, max_bytes: int = MAX_DOWNLOAD) -> Path:
        """Fetch ``url`` into ``dest`` once: an existing non-empty file is reused.

        Written to a temporary name first, so an interrupted download never leaves half a
        photo that a later run would take for the real thing.
        """
        if dest.is_file() and dest.stat().st_size > 0:
            return dest
        private_dir(dest.parent)
        resp = self.get(url, what=dest.name)
        data = resp.content
        if len(data) > max_bytes:
            raise BadInput(f"{dest.name}: larger than {max_bytes // 1_000_000} MB; not downloaded.")
        from .paths import write_private

        write_private(dest, data)
        return dest


def safe_name(text: str, default: str = "file") -> str:
    """A file name from an id or URL tail: letters, digits, dot, dash, underscore only."""
    cleaned = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in text).strip("._")
    return cleaned[:120] or default
