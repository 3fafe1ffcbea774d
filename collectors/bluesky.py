"""A Bluesky account's public posts (``bluesky:HANDLE``), over the public AppView.

What a stranger sees, without logging in: ``com.atproto.identity.resolveHandle`` gives
the account's DID (stable when the handle changes), ``app.bsky.actor.getProfile`` the
bio and avatar, and ``app.bsky.feed.getAuthorFeed`` (``filter=posts_no_replies``,
paged with ``cursor``) the posts, newest first, on ``public.api.bsky.app``. Reposts are
other people's posts and are skipped. Images are downloaded in full size
(``embed.images[].fullsize``) with their alt text; for a video its thumbnail is the frame
a stranger sees first. ``ratelimit-*`` headers are honoured by the HTTP client.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from collectors._shared import boundary, incremental_pages, list_items
from footprint_audit.context import RunContext
from footprint_audit.errors import BadInput, SourceNotFound
from footprint_audit.http import HttpClient, NotFound, media_root, safe_name
from footprint_audit.models import Media, Post

KIND = "bluesky"
API = "https://public.api.bsky.app/xrpc"
PAGE_SIZE = 50
_HANDLE = re.compile(r"^(did:plc:[a-z0-9]+|did:web:[a-z0-9.-]+|[a-z0-9][a-z0-9.-]*\.[a-z]{2,})$")


def parse_spec(spec: str) -> str:
    handle = spec.strip().split(":", 1)[1].lstrip("@").lower() if ":" in spec else spec
    if not _HANDLE.match(handle):
        raise SourceNotFound(
            f"{spec}: not a Bluesky handle.",
            hint="Write it as bluesky:name.bsky.social (the handle on the profile).",
        )
    return handle


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _images(embed: Any) -> list[tuple[str, str | None]]:
    """(URL, alt) of every picture in an embed view, including quote-posts with media."""
    if not isinstance(embed, Mapping):
        return []
    kind = str(embed.get("$type") or "")
    if kind.startswith("app.bsky.embed.images"):
        return [
            (str(i.get("fullsize") or i.get("thumb")), i.get("alt") or None)
            for i in list_items(embed.get("images"))
            if isinstance(i, Mapping) and (i.get("fullsize") or i.get("thumb"))
        ]
    if kind.startswith("app.bsky.embed.video"):
        thumb = embed.get("thumbnail")
        return [(str(thumb), embed.get("alt") or None)] if thumb else []
    if kind.startswith("app.bsky.embed.recordWithMedia"):
        return _images(embed.get("media"))
    return []


class BlueskyCollector:
    kind = KIND
    incremental = True

    def matches(self, spec: str) -> bool:
        return spec.strip().lower().startswith(("bluesky:", "bsky:"))

    @boundary
    def collect(self, spec: str, run: RunContext) -> Iterator[Post]:
        handle = parse_spec(spec)
        media_dir = media_root(run) / KIND / safe_name(handle)
        with HttpClient(run) as http:
            did = handle
            if not handle.startswith("did:"):
                try:
                    found = http.get_json(
                        f"{API}/com.atproto.identity.resolveHandle", {"handle": handle}, what=handle
                    )
                except (BadInput, NotFound) as exc:
                    raise SourceNotFound(f"{spec}: no Bluesky account has the handle {handle}.") from exc
                did = str(found.get("did") or "") if isinstance(found, Mapping) else ""
                if not did.startswith("did:"):
                    raise BadInput(f"{spec}: Bluesky answered without an account id.")
            profile = http.get_json(f"{API}/app.bsky.actor.getProfile", {"actor": did}, what=handle)
            if isinstance(profile, Mapping):
                post = _profile_post(profile, http, media_dir, run)
                if post is not None:
                    yield post

            def fetch(cursor: str | None) -> tuple[list[Mapping[str, Any]], str | None]:
                params: dict[str, Any] = {"actor": did, "limit": PAGE_SIZE, "filter": "posts_no_replies"}
                if cursor:
                    params["cursor"] = cursor
                try:
                    page = http.get_json(
                        f"{API}/app.bsky.feed.getAuthorFeed", params, what=f"posts of {handle}"
                    )
                except BadInput as exc:
                    raise BadInput(
                        f"{spec}: Bluesky sent a page of posts that could not be read; stopped here ({exc}).",
                        hint="Run the same command again later; it continues where it stopped.",
                    ) from exc
                if not isinstance(page, Mapping) or not isinstance(page.get("feed"), list):
                    raise BadInput(f"{spec}: Bluesky sent an unexpected page of posts; stopped here.")
                items = [
                    i["post"]
                    for i in page["feed"]
                    if isinstance(i, Mapping)
                    and isinstance(i.get("post"), Mapping)
                    and "uri" in i["post"]
                    # a repost (reason) or someone else's post is not this account's own
                    and not i.get("reason")
                    and (i["post"].get("author") or {}).get("did") == did
                ]
                cursor_next = page.get("cursor")
                return items, str(cursor_next) if cursor_next and page["feed"] else None

            for view in incremental_pages(run, spec, fetch, _post_id):
                yield _post(view, http, media_dir, run)


def _post_id(view: Mapping[str, Any]) -> str:
    return "bluesky:" + str(view["uri"]).removeprefix("at://")


def _download(http: HttpClient, url: str, dest: Path, run: RunContext, where: str) -> Path | None:
    try:
        return http.download(url, dest)
    except (NotFound, BadInput) as exc:
        run.error(where, f"media could not be downloaded: {exc} The post is kept without it.")
        return None


def _post(view: Mapping[str, Any], http: HttpClient, media_dir: Path, run: RunContext) -> Post:
    pid = _post_id(view)
    record = view.get("record") if isinstance(view.get("record"), Mapping) else {}
    assert isinstance(record, Mapping)
    media: list[Media] = []
    for url, alt in _images(view.get("embed")):
        name = hashlib.sha256(url.encode()).hexdigest()[:16] + ".jpg"
        path = _download(http, url, media_dir / name, run, pid)
        if path is not None:
            media.append(Media(path=str(path), url=url, alt_text=alt))
    author = view.get("author") or {}
    handle = author.get("handle") if isinstance(author, Mapping) else None
    rkey = str(view["uri"]).rsplit("/", 1)[-1]
    mentions = []
    for facet in list_items(record.get("facets")):
        for feature in list_items(facet.get("features")) if isinstance(facet, Mapping) else ():
            if isinstance(feature, Mapping) and str(feature.get("$type", "")).endswith("#mention"):
                mentions.append(str(feature.get("did")))
    return Post(
        id=pid,
        source=KIND,
        url=f"https://bsky.app/profile/{handle}/post/{rkey}" if handle else None,
        taken_at=_parse_time(record.get("createdAt")) or _parse_time(view.get("indexedAt")),
        caption=str(record.get("text") or ""),
        media=tuple(media),
        tagged_users=tuple(mentions),
        visibility="public",
        raw=dict(view),
        author=handle,
    )


def _profile_post(
    profile: Mapping[str, Any], http: HttpClient, media_dir: Path, run: RunContext
) -> Post | None:
    pid = f"bluesky:{profile.get('did')}:profile"
    media: list[Media] = []
    avatar = profile.get("avatar")
    if isinstance(avatar, str) and avatar:
        name = "avatar-" + hashlib.sha256(avatar.encode()).hexdigest()[:12] + ".jpg"
        path = _download(http, avatar, media_dir / name, run, pid)
        if path is not None:
            media.append(Media(path=str(path), url=avatar))
    bio = "\n".join(str(x) for x in (profile.get("displayName"), profile.get("description")) if x)
    if not bio and not media:
        return None
    return Post(
        id=pid,
        source=KIND,
        url=f"https://bsky.app/profile/{profile.get('handle')}",
        caption=bio,
        media=tuple(media),
        visibility="public",
        raw=dict(profile),
        time_source="unknown",
        author=str(profile.get("handle") or "") or None,
    )
