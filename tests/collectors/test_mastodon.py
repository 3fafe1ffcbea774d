from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from collectors.mastodon import MastodonCollector, parse_spec
from footprint_audit.context import RunContext
from footprint_audit.errors import AuthRequired, SourceNotFound
from footprint_audit.http import USER_AGENT
from footprint_audit.pipeline import audit
from tests.collectors.sources_support import FIXTURES, FakeServer, fast_options

SPEC = "mastodon:@sunnyfamily@social.example"
BASE = "/api/v1/accounts/109302000000000001/statuses"


def _load(name: str) -> Any:
    return json.loads((FIXTURES / "mastodon" / name).read_text())


def mastodon_server() -> FakeServer:
    server = FakeServer()
    server.routes["/api/v1/accounts/lookup"] = _load("account.json")
    page1, page2 = _load("statuses_page1.json"), _load("statuses_page2.json")

    def statuses(request: httpx.Request) -> httpx.Response:
        max_id = request.url.params.get("max_id")
        page = {None: page1, "112500000000000003": page2}.get(max_id, [])
        headers = {"x-ratelimit-limit": "300", "x-ratelimit-remaining": "299"}
        if page:
            nxt = f"https://social.example{BASE}?limit=40&exclude_reblogs=true&max_id={page[-1]['id']}"
            headers["link"] = (
                f'<{nxt}>; rel="next", <https://social.example{BASE}?min_id={page[0]["id"]}>; rel="prev"'
            )
        return httpx.Response(200, json=page, headers=headers)

    server.routes[BASE] = statuses
    return server


def _collect(tmp_path: Path, server: FakeServer) -> tuple[list, RunContext]:
    run = RunContext(fast_options(tmp_path, server.transport()))
    return list(MastodonCollector().collect(SPEC, run)), run


def test_spec_parsing() -> None:
    assert parse_spec("mastodon:@Sam@Social.Example") == ("Sam", "social.example")
    assert parse_spec("mastodon:sam@social.example") == ("sam", "social.example")
    with pytest.raises(SourceNotFound):
        parse_spec("mastodon:sam")


def test_pages_alt_text_media_and_profile(tmp_path: Path) -> None:
    server = mastodon_server()
    posts, run = _collect(tmp_path, server)
    ids = [p.id for p in posts]
    assert ids == [
        "mastodon:social.example:profile:sunnyfamily",
        "mastodon:social.example:112500000000000005",
        "mastodon:social.example:112500000000000003",
        "mastodon:social.example:112500000000000002",
        "mastodon:social.example:112500000000000001",
    ]  # the boost (…004) is someone else's post
    profile, first, park, bake, _hello = posts
    assert profile.caption.startswith("Parent, baker. Mum of Mia\nLeeds")
    assert "sunny.example" in profile.caption and len(profile.media) == 1
    assert first.caption == "First day at Oakfield Primary!"
    assert first.media[0].alt_text == "Mia, 5, in her red school jumper at the gate"
    assert Path(first.media[0].path).read_bytes()[:2] == b"\xff\xd8"
    assert first.taken_at is not None and first.taken_at.isoformat() == "2024-06-05T08:15:00+00:00"
    # a video is represented by its preview frame
    assert (
        park.media[0].kind == "image"
        and "/small/"
        in server.requests[[i for i, r in enumerate(server.requests) if "1125000000000000301" in r][0]]
    )
    assert park.tagged_users == ("gran",)
    assert bake.caption == "school\nBake sale\nSaturday" and bake.visibility == "public"
    assert run.errors == []
    assert server.user_agents == {USER_AGENT}
    assert server.count(BASE) == 3  # two pages and the empty end page


def test_media_downloaded_once(tmp_path: Path) -> None:
    server = mastodon_server()
    _collect(tmp_path, server)
    before = server.count("/media_attachments/")
    server2 = mastodon_server()
    _collect(tmp_path, server2)
    assert before == 3 and server2.count("/media_attachments/") == 0


def test_private_server_401(tmp_path: Path) -> None:
    server = mastodon_server()
    server.fail[("/api/v1/accounts/lookup", "")] = (
        401,
        {},
        b'{"error":"This API requires an authenticated user"}',
    )
    with pytest.raises(AuthRequired) as exc:
        _collect(tmp_path, server)
    assert "archive" in exc.value.hint


def test_unknown_account_404(tmp_path: Path) -> None:
    server = mastodon_server()
    server.routes.pop("/api/v1/accounts/lookup")
    with pytest.raises(SourceNotFound, match="no such account"):
        _collect(tmp_path, server)


def test_deleted_media_404_keeps_post(tmp_path: Path) -> None:
    server = mastodon_server()
    server.fail[("/media_attachments/files/1125000000000000501/original/1125000000000000501.jpg", "")] = (
        404,
        {},
        b"",
    )
    posts, run = _collect(tmp_path, server)
    first = next(p for p in posts if p.id.endswith("000005"))
    assert first.media == () and first.caption
    assert len(run.errors) == 1 and "kept without it" in run.errors[0].message


def test_short_retry_after_is_waited_out(tmp_path: Path) -> None:
    server = mastodon_server()
    server.fail[(BASE, "max_id=112500000000000003")] = (429, {"retry-after": "7"}, b"")
    server.fail_once.add((BASE, "max_id=112500000000000003"))
    run = RunContext(fast_options(tmp_path, server.transport()))
    posts = list(MastodonCollector().collect(SPEC, run))
    assert len(posts) == 5 and run.errors == []
    assert any(7 <= s <= 8 for s in run.options.extra["sleeps"])


def test_429_mid_run_then_resume_without_loss(tmp_path: Path) -> None:
    server = mastodon_server()
    server.fail[(BASE, "max_id=112500000000000003")] = (429, {"retry-after": "3600"}, b"")
    first = audit(
        [SPEC],
        analyzers=[],
        collectors=[MastodonCollector()],
        options=fast_options(tmp_path, server.transport()),
    )
    assert len(first.posts) == 3  # profile + page 1 (without the boost)
    assert "slow down" in first.errors[0].message and "Wait" in first.errors[0].hint
    healthy = mastodon_server()
    second = audit(
        [SPEC],
        analyzers=[],
        collectors=[MastodonCollector()],
        options=fast_options(tmp_path, healthy.transport()),
    )
    ids = [p.id for p in second.posts]
    assert len(ids) == len(set(ids)) == 5
    assert second.errors == ()
    # resumed at page 2 after checking the head: page 1, page 2, end page
    assert [r for r in healthy.requests if BASE in r and "max_id" in r] != []
    third_server = mastodon_server()
    third = audit(
        [SPEC],
        analyzers=[],
        collectors=[MastodonCollector()],
        options=fast_options(tmp_path, third_server.transport()),
    )
    assert len(third.posts) == 5 and third.new_post_ids == ()
    assert third_server.count(BASE) == 1  # history complete: only the newest page is checked
    assert "Nothing new since the last scan." in third.notes


def test_new_posts_since_last_scan(tmp_path: Path) -> None:
    server = mastodon_server()
    audit(
        [SPEC],
        analyzers=[],
        collectors=[MastodonCollector()],
        options=fast_options(tmp_path, server.transport()),
    )
    newer = mastodon_server()
    page1 = _load("statuses_page1.json")
    fresh = dict(
        page1[0], id="112500000000000009", content="<p>Swimming on Tuesdays</p>", media_attachments=[]
    )
    original = newer.routes[BASE]

    def with_new(request: httpx.Request) -> httpx.Response:
        resp = original(request)
        if request.url.params.get("max_id") is None:
            return httpx.Response(200, json=[fresh, *resp.json()], headers=resp.headers)
        return resp

    newer.routes[BASE] = with_new
    result = audit(
        [SPEC],
        analyzers=[],
        collectors=[MastodonCollector()],
        options=fast_options(tmp_path, newer.transport()),
    )
    assert result.new_post_ids == ("mastodon:social.example:112500000000000009",)
    assert len(result.posts) == 6
    assert "1 post(s) are new since the last scan." in result.notes


def test_malformed_json_page_stops_and_resumes(tmp_path: Path) -> None:
    server = mastodon_server()
    server.fail[(BASE, "max_id=112500000000000003")] = (200, {"content-type": "application/json"}, b"[{oops")
    first = audit(
        [SPEC],
        analyzers=[],
        collectors=[MastodonCollector()],
        options=fast_options(tmp_path, server.transport()),
    )
    assert len(first.posts) == 3 and "not valid JSON" in first.errors[0].message
    second = audit(
        [SPEC],
        analyzers=[],
        collectors=[MastodonCollector()],
        options=fast_options(tmp_path, mastodon_server().transport()),
    )
    assert len({p.id for p in second.posts}) == len(second.posts) == 5


def test_rate_limit_headers_hold_the_next_request(tmp_path: Path) -> None:
    server = mastodon_server()
    original = server.routes[BASE]

    def exhausted(request: httpx.Request) -> httpx.Response:
        resp = original(request)
        headers = dict(resp.headers)
        headers["x-ratelimit-remaining"] = "0"
        headers["x-ratelimit-reset"] = "2100-01-01T00:00:00.000Z"
        return httpx.Response(200, json=resp.json(), headers=headers)

    server.routes[BASE] = exhausted
    result = audit(
        [SPEC],
        analyzers=[],
        collectors=[MastodonCollector()],
        options=fast_options(tmp_path, server.transport()),
    )
    assert len(result.posts) == 3  # the limit is used up after page 1: stop, do not hammer
    assert "rate limit is used up" in result.errors[0].message
    assert server.count(BASE) == 1
