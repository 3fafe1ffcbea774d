from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from collectors.bluesky import BlueskyCollector, parse_spec
from footprint_audit.context import RunContext
from footprint_audit.errors import SourceNotFound
from footprint_audit.pipeline import audit
from tests.collectors.sources_support import FIXTURES, FakeServer, fast_options

SPEC = "bluesky:sunnyfamily.bsky.social"
FEED = "/xrpc/app.bsky.feed.getAuthorFeed"


def _load(name: str) -> Any:
    return json.loads((FIXTURES / "bluesky" / name).read_text())


def bluesky_server() -> FakeServer:
    server = FakeServer()
    server.routes["/xrpc/com.atproto.identity.resolveHandle"] = _load("resolve_handle.json")
    server.routes["/xrpc/app.bsky.actor.getProfile"] = _load("profile.json")
    pages = {None: _load("feed_page1.json"), "2024-06-03T17:00:00.000Z": _load("feed_page2.json")}

    def feed(request: httpx.Request) -> httpx.Response:
        assert request.url.params["filter"] == "posts_no_replies"
        page = pages.get(request.url.params.get("cursor"), _load("feed_end.json"))
        return httpx.Response(
            200, json=page, headers={"ratelimit-limit": "3000", "ratelimit-remaining": "2999"}
        )

    server.routes[FEED] = feed
    return server


def test_spec() -> None:
    assert parse_spec("bluesky:@Sunny.bsky.social") == "sunny.bsky.social"
    with pytest.raises(SourceNotFound):
        parse_spec("bluesky:not a handle")


def test_feed_pages_images_alt_video_thumbnail(tmp_path: Path) -> None:
    server = bluesky_server()
    run = RunContext(fast_options(tmp_path, server.transport()))
    posts = list(BlueskyCollector().collect(SPEC, run))
    ids = [p.id for p in posts]
    did = "did:plc:z72i7hdynmk6r22z27h6tvur"
    assert ids == [
        f"bluesky:{did}:profile",
        f"bluesky:{did}/app.bsky.feed.post/3kq2aaaaaaa2c",
        f"bluesky:{did}/app.bsky.feed.post/3kq2ccccccc2c",
        f"bluesky:{did}/app.bsky.feed.post/3kq2ddddddd2c",
    ]  # the repost of someone else's post is skipped
    profile, sports, swim, cake = posts
    assert profile.caption == "Sam Sunny\nMum of two. Leeds. Mia's mum" and len(profile.media) == 1
    assert [m.alt_text for m in sports.media] == [
        "Mia crossing the finish line in her Oakfield Primary PE kit",
        None,
    ]
    assert sports.url == "https://bsky.app/profile/sunnyfamily.bsky.social/post/3kq2aaaaaaa2c"
    assert sports.taken_at is not None and sports.taken_at.hour == 15
    assert server.count("feed_fullsize") == 3 and server.count("feed_thumbnail") == 0
    assert swim.media[0].alt_text == "Mia in the pool" and swim.tagged_users == (
        "did:plc:granny000000000000000000",
    )
    assert cake.media[0].alt_text == "Chocolate cake"
    assert all(Path(m.path).is_file() for p in posts for m in p.media)
    assert run.errors == []


def test_unknown_handle(tmp_path: Path) -> None:
    server = bluesky_server()
    server.fail[("/xrpc/com.atproto.identity.resolveHandle", "")] = (
        400,
        {"content-type": "application/json"},
        b'{"error":"InvalidRequest","message":"Unable to resolve handle"}',
    )
    with pytest.raises(SourceNotFound, match="no Bluesky account"):
        list(BlueskyCollector().collect(SPEC, RunContext(fast_options(tmp_path, server.transport()))))


def test_ratelimit_reset_epoch_then_resume(tmp_path: Path) -> None:
    server = bluesky_server()
    server.fail[(FEED, "cursor=2024-06-03")] = (
        429,
        {"ratelimit-remaining": "0", "ratelimit-reset": "4102444800"},
        b"",
    )
    first = audit(
        [SPEC],
        analyzers=[],
        collectors=[BlueskyCollector()],
        options=fast_options(tmp_path, server.transport()),
    )
    assert len(first.posts) == 3 and first.errors[0].where == SPEC
    healthy = bluesky_server()
    second = audit(
        [SPEC],
        analyzers=[],
        collectors=[BlueskyCollector()],
        options=fast_options(tmp_path, healthy.transport()),
    )
    assert (
        sorted(p.id for p in second.posts) == sorted({p.id for p in second.posts}) and len(second.posts) == 4
    )
    # already-downloaded images are not fetched again
    assert healthy.count("feed_fullsize") == 1


def test_malformed_feed_page(tmp_path: Path) -> None:
    server = bluesky_server()
    server.fail[(FEED, "cursor=2024-06-03")] = (200, {"content-type": "application/json"}, b'{"feed": [')
    result = audit(
        [SPEC],
        analyzers=[],
        collectors=[BlueskyCollector()],
        options=fast_options(tmp_path, server.transport()),
    )
    assert len(result.posts) == 3
    assert "could not be read" in result.errors[0].message


def test_a_page_of_only_reposts_does_not_end_the_walk(tmp_path: Path) -> None:
    server = bluesky_server()
    feed = server.routes[FEED]
    reposts = _load("feed_page1.json")
    reposts["feed"] = [i for i in reposts["feed"] if i.get("reason")]
    reposts["cursor"] = "reposts-only"

    def with_repost_page(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("cursor") is None:
            return httpx.Response(200, json=reposts)
        if request.url.params.get("cursor") == "reposts-only":
            return feed(httpx.Request("GET", "https://public.api.bsky.app/xrpc/x?filter=posts_no_replies"))
        return feed(request)

    server.routes[FEED] = with_repost_page
    posts = list(BlueskyCollector().collect(SPEC, RunContext(fast_options(tmp_path, server.transport()))))
    assert len(posts) == 4  # profile + the three own posts behind the page of reposts
