"""One photo a platform cannot serve costs that photo: the post is kept without it, the error
names the URL, and the account is read to the end. Media URLs come from the server's JSON, so
they get the same address check as everything else."""

from __future__ import annotations

from pathlib import Path

from collectors.bluesky import BlueskyCollector
from collectors.instagram import InstagramCollector
from collectors.mastodon import MastodonCollector
from footprint_audit.context import RunContext
from tests.collectors.sources_support import FakeServer, fast_options
from tests.collectors.test_bluesky import SPEC as BSKY
from tests.collectors.test_bluesky import bluesky_server
from tests.collectors.test_instagram import CDN, FakeBackend, six_posts
from tests.collectors.test_mastodon import SPEC as MASTO
from tests.collectors.test_mastodon import mastodon_server

FILES = "https://files.social.example/media_attachments/files"


def resolver(private: dict[str, str]):
    def resolve(host: str, port: int) -> list[str]:
        return [private.get(host, "93.184.215.14")]

    return resolve


def test_mastodon_media_500_and_private_media_host_keep_every_post(tmp_path: Path) -> None:
    server = mastodon_server()
    preview = "/media_attachments/files/1125000000000000301/small/1125000000000000301.jpg"
    server.fail[(preview, "")] = (500, {}, b"")
    opts = fast_options(tmp_path, server.transport(), resolver=resolver({}))
    run = RunContext(opts)
    posts = list(MastodonCollector().collect(MASTO, run))
    assert len(posts) == 5  # profile and all four own posts, the last ones after the failure
    park = next(p for p in posts if p.id.endswith("112500000000000003"))
    assert park.media == () and park.caption
    assert [e.where for e in run.errors] == [park.id]
    assert f"{FILES}/1125000000000000301/small/1125000000000000301.jpg" in run.errors[0].message
    assert "HTTP 500" in run.errors[0].message and "--login" not in str(run.errors[0])
    assert server.count(preview) == 4  # retried like any 5xx, then given up on


def test_mastodon_media_on_a_private_address_is_never_requested(tmp_path: Path) -> None:
    server = mastodon_server()
    opts = fast_options(tmp_path, server.transport(), resolver=resolver({"files.social.example": "10.0.0.8"}))
    run = RunContext(opts)
    posts = list(MastodonCollector().collect(MASTO, run))
    assert len(posts) == 5 and all(p.media == () for p in posts)  # avatar and photos alike
    assert server.count("files.social.example") == 0
    assert run.errors and all("private network" in e.message for e in run.errors)
    assert all("https://files.social.example/" in e.message for e in run.errors) and len(run.errors) == 4


def test_bluesky_media_403_and_loopback_thumbnail(tmp_path: Path) -> None:
    server = bluesky_server()
    server.fail[("/img/feed_fullsize/plain/did:plc:z72i7hdynmk6r22z27h6tvur/bafkreisports1@jpeg", "")] = (
        403,
        {},
        b"",
    )
    opts = fast_options(tmp_path, server.transport(), resolver=resolver({"video.bsky.app": "127.0.0.1"}))
    run = RunContext(opts)
    posts = list(BlueskyCollector().collect(BSKY, run))
    assert len(posts) == 4
    sports, swim = posts[1], posts[2]
    assert len(sports.media) == 1 and sports.media[0].url.endswith("bafkreisports2@jpeg")
    messages = " ".join(e.message for e in run.errors)
    assert "bafkreisports1@jpeg" in messages and "HTTP 403" in messages
    assert "video.bsky.app" in messages and "loopback" in messages
    assert server.count("video.bsky.app") == 0 and swim.caption
    assert "--login" not in " ".join(str(e) for e in run.errors)


def test_instagram_media_refused_and_unreachable(tmp_path: Path) -> None:
    server = FakeServer()
    server.fail[("/v/t51.2885-15/c5b.jpg", "")] = (500, {}, b"")
    opts = fast_options(
        tmp_path, server.transport(), resolver=resolver({}), instagram_backend=FakeBackend(six_posts())
    )
    run = RunContext(opts)
    posts = list(InstagramCollector().collect("instagram:sunny.family", run))
    assert len(posts) == 7
    beach = posts[2]
    assert [m.url for m in beach.media] == [f"{CDN}c5a.jpg", f"{CDN}c5c_cover.jpg"]
    assert len(run.errors) == 1 and f"{CDN}c5b.jpg" in run.errors[0].message
