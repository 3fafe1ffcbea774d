"""A Mastodon account's public posts (``mastodon:@user@host``), over the public REST API.

What a stranger sees: ``GET /api/v1/accounts/lookup?acct=user`` then
``GET /api/v1/accounts/:id/statuses`` newest first, 40 a page, paged with ``max_id``
(the ``Link: <...>; rel="next"`` header), boosts excluded because they are other
people's posts. The bio and avatar become one post too. Media are downloaded once into
the media folder; their alt text (``description``) is kept, since parents often describe
the child there. The server's ``X-RateLimit-*`` headers are honoured by the HTTP client.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from collectors._shared import boundary, incremental_pages, list_items
from footprint_audit.context import RunContext
from footprint_audit.errors import AuthRequired, BadInput, SourceNotFound
from footprint_audit.http import HttpClient, NotFound, media_root, safe_name
from footprint_audit.models import Media, Post, Visibility

from .web_page import html_to_text

KIND = "mastodon"
PAGE_SIZE = 40  # the API's maximum for statuses
_SPEC = re.compile(r"^mastodon:@?([A-Za-z0-9_.-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?)$")
_VISIBILITY: dict[str, Visibility] = {
    "public": "public",
    "unlisted": "public",
    "private": "followers",
    "direct": "private",
}


def parse_spec(spec: str) -> tuple[str, str]:
    m = _SPEC.match(spec.strip())
    if not m:
        raise SourceNotFound(
            f"{spec}: not a Mastodon account.",
            hint="Write it as mastodon:@user@server, e.g. mastodon:@sam@mastodon.social.",
        )
    return m.group(1), m.group(2).lower()


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


class MastodonCollector:
    kind = KIND
    #: Fetches only what is new; the pipeline adds the cached rest.
    incremental = True

    def matches(self, spec: str) -> bool:
        return spec.strip().lower().startswith("mastodon:")

    @boundary
    def collect(self, spec: str, run: RunContext) -> Iterator[Post]:
        user, host = parse_spec(spec)
        base = f"https://{host}"
        media_dir = media_root(run) / KIND / safe_name(host) / safe_name(user)
        with HttpClient(run) as http:
            try:
                account = http.get_json(
                    f"{base}/api/v1/accounts/lookup", {"acct": user}, what=f"@{user}@{host}"
                )
            except NotFound as exc:
                raise SourceNotFound(f"{spec}: no such account on {host}.") from exc
            except AuthRequired as exc:
                raise AuthRequired(
                    f"{spec}: {host} only shows accounts to logged-in users.",
                    hint="Open the profile in your browser while logged in to see what others see, "
                    "or request your archive (Preferences > Import and export > Request your archive).",
                ) from exc
            if not isinstance(account, Mapping) or "id" not in account:
                raise BadInput(f"{spec}: {host} answered with something that is not an account.")
            profile = _profile_post(account, host, http, media_dir, run)
            if profile is not None:
                yield profile
            account_id = str(account["id"])
            url = f"{base}/api/v1/accounts/{account_id}/statuses"

            def fetch(cursor: str | None) -> tuple[list[Mapping[str, Any]], str | None]:
                params: dict[str, Any] = {"limit": PAGE_SIZE, "exclude_reblogs": "true"}
                if cursor:
                    params["max_id"] = cursor
                resp = http.get(url, params, what=f"posts of @{user}@{host}")
                try:
                    page = resp.json()
                except ValueError as exc:
                    raise BadInput(
                        f"{spec}: {host} sent a page of posts that is not valid JSON; stopped here.",
                        hint="Run the same command again later; it continues where it stopped.",
                    ) from exc
                if not isinstance(page, list):
                    raise BadInput(f"{spec}: {host} sent an unexpected page of posts; stopped here.")
                statuses = [s for s in page if isinstance(s, Mapping) and "id" in s]
                if not statuses:
                    return [], None
                # The Link header says where the next page starts; without one, after the oldest here.
                return statuses, _next_max_id(resp.links.get("next", {}).get("url")) or str(
                    statuses[-1]["id"]
                )

            for status in incremental_pages(run, spec, fetch, lambda s: _post_id(host, s)):
                if status.get("reblog"):
                    continue
                yield _status_post(status, host, http, media_dir, run)
            if account.get("locked"):
                run.note(
                    f"@{user}@{host} is a locked account: only its public posts were read, as a stranger sees them."
                )


def _next_max_id(url: str | None) -> str | None:
    if not url:
        return None
    values = parse_qs(urlsplit(url).query).get("max_id")
    return values[0] if values else None


def _post_id(host: str, status: Mapping[str, Any]) -> str:
    return f"mastodon:{host}:{status['id']}"


def _download(http: HttpClient, url: str, dest: Path, run: RunContext, where: str) -> Path | None:
    try:
        return http.download(url, dest)
    except (NotFound, BadInput, AuthRequired) as exc:
        run.error(where, f"media could not be downloaded: {exc} The post is kept without it.")
        return None


def _suffix(url: str, default: str) -> str:
    suffix = Path(urlsplit(url).path).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{2,5}", suffix) else default


def _status_post(
    status: Mapping[str, Any], host: str, http: HttpClient, media_dir: Path, run: RunContext
) -> Post:
    pid = _post_id(host, status)
    media: list[Media] = []
    for att in list_items(status.get("media_attachments")):
        if not isinstance(att, Mapping):
            continue
        kind = att.get("type")
        # Videos are not downloaded whole: their preview is the frame a stranger sees first.
        url = att.get("url") if kind == "image" else att.get("preview_url")
        if kind not in ("image", "video", "gifv") or not url:
            continue
        dest = media_dir / f"{safe_name(str(att.get('id') or len(media)))}{_suffix(str(url), '.jpg')}"
        path = _download(http, str(url), dest, run, pid)
        if path is None:
            continue
        media.append(
            Media(
                path=str(path), kind="image", url=str(att.get("url") or url), alt_text=att.get("description")
            )
        )
    text = html_to_text(str(status.get("content") or ""))
    spoiler = str(status.get("spoiler_text") or "").strip()
    caption = f"{spoiler}\n{text}".strip() if spoiler else text
    mentions = tuple(str(m.get("acct")) for m in list_items(status.get("mentions")) if isinstance(m, Mapping))
    account = status.get("account") or {}
    return Post(
        id=pid,
        source=KIND,
        url=status.get("url") or status.get("uri"),
        taken_at=_parse_time(status.get("created_at")),
        caption=caption,
        media=tuple(media),
        tagged_users=mentions,
        visibility=_VISIBILITY.get(str(status.get("visibility")), "unknown"),
        raw=dict(status),
        author=account.get("acct") if isinstance(account, Mapping) else None,
    )


def _profile_post(
    account: Mapping[str, Any], host: str, http: HttpClient, media_dir: Path, run: RunContext
) -> Post | None:
    pid = f"mastodon:{host}:profile:{account.get('username')}"
    media: list[Media] = []
    avatar = account.get("avatar")
    if isinstance(avatar, str) and avatar and "/missing." not in avatar:
        name = f"avatar-{hashlib.sha256(avatar.encode()).hexdigest()[:12]}{_suffix(avatar, '.jpg')}"
        path = _download(http, avatar, media_dir / name, run, pid)
        if path is not None:
            media.append(Media(path=str(path), url=avatar))
    fields = " ".join(
        f"{f.get('name')}: {html_to_text(str(f.get('value') or ''))}"
        for f in list_items(account.get("fields"))
        if isinstance(f, Mapping)
    )
    bio = "\n".join(x for x in (html_to_text(str(account.get("note") or "")), fields) if x)
    if not bio and not media:
        return None
    return Post(
        id=pid,
        source=KIND,
        url=account.get("url"),
        caption=bio,
        media=tuple(media),
        visibility="public",
        raw=dict(account),
        time_source="unknown",
        author=account.get("acct"),
    )
