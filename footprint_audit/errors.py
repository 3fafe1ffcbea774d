"""One exception root with a few meaningful children.

Fatal configuration problems raise at start; bad data in one post or file becomes an
:class:`~footprint_audit.models.ErrorRecord` in the report and the run goes on.
Every message says what happened and what the user can do about it.
"""

from __future__ import annotations


class FootprintError(Exception):
    """Root of every error the library raises on purpose."""

    #: One plain sentence telling the user what to do next.
    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base} {self.hint}".strip() if self.hint and self.hint not in base else base


class BadInput(FootprintError):
    """A file, export or record that cannot be read as what it claims to be."""


class SourceNotFound(FootprintError):
    """The source the user named does not exist or cannot be recognised."""

    hint = "Check the path, handle or URL and try again."


class AuthRequired(FootprintError):
    """The platform wants a login (or a checkpoint) before it shows more."""

    hint = "Log in with --login USER, or request your data export and scan the ZIP instead."


class RateLimited(FootprintError):
    """The platform asked us to slow down. What was collected so far is kept."""

    hint = "Wait a few minutes and run the same command again; it resumes where it stopped."

    def __init__(self, message: str, *, retry_after: float | None = None, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.retry_after = retry_after


class ConfigError(FootprintError):
    """Bad configuration: fails at start with a message that says how to fix it."""


class NoNetwork(SourceNotFound):
    """The machine could not reach the platform at all: no connection, no DNS."""

    hint = "Check your internet connection and run the same command again; it continues where it stopped."


# Words the network libraries (httpx, requests/urllib3, the socket module) use when there is no
# connection or no name resolution, as opposed to a server that answered with an error.
_OFFLINE_WORDS = (
    "name or service not known",
    "temporary failure in name resolution",
    "nodename nor servname",
    "getaddrinfo failed",
    "no address associated",
    "failed to resolve",
    "nameresolutionerror",
    "failed to establish a new connection",
    "network is unreachable",
    "no route to host",
    "connection refused",
    "connecttimeout",
    "connect timeout",
)


def is_offline(exc: BaseException) -> bool:
    """Whether ``exc`` (or anything it was raised from) means the network could not be reached."""
    import socket

    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        names = {t.__name__ for t in type(cur).__mro__}
        if names & {"ConnectError", "ConnectTimeout", "NameResolutionError", "NewConnectionError"}:
            return True
        if isinstance(cur, (socket.gaierror, ConnectionRefusedError)):
            return True
        text = f"{type(cur).__name__} {cur}".lower()
        if any(w in text for w in _OFFLINE_WORDS):
            return True
        cur = cur.__cause__ or cur.__context__
    return False


def no_network(where: str) -> NoNetwork:
    return NoNetwork(f"{where}: no network connection (could not reach the site).")
