from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from instaloader import exceptions as ie

from collectors.instagram import (
    CHECKPOINT_HINT,
    LOGIN_HINT,
    WAIT_HINT,
    InstagramCollector,
    InstaloaderBackend,
    _StopPolitely,
    default_session_file,
    parse_spec,
)
from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.errors import AuthRequired, ConfigError, RateLimited, SourceNotFound
from footprint_audit.pipeline import audit
from tests.collectors.sources_support import FakeServer, fast_options

CDN = "https://scontent.cdninstagram.com/v/t51.2885-15/"
Frozen = namedtuple("Frozen", ["index"])


@dataclass
class FakeNode:
    display_url: str
    is_video: bool = False


@dataclass
class FakeLocation:
    id: int = 213385402
    name: str = "Roundhay Park"
    slug: str = "roundhay-park"
    lat: float = 53.8382
    lng: float = -1.4981


@dataclass
class FakeCommentOwner:
    username: str


@dataclass
class FakeComment:
    id: int
    text: str
    owner: FakeCommentOwner
    created_at_utc: datetime


@dataclass
class FakePost:
    """The attributes of instaloader.Post the collector reads."""

    shortcode: str
    caption: str
    date_utc: datetime  # naive UTC, like instaloader's
    typename: str = "GraphImage"
    is_video: bool = False
    nodes: list[FakeNode] = field(default_factory=list)
    accessibility_caption: str | None = None
    tagged_users: list[str] = field(default_factory=list)
    caption_mentions: list[str] = field(default_factory=list)
    owner_username: str = "sunny.family"
    logged_in: bool = False

    @property
    def url(self) -> str:
        return f"{CDN}{self.shortcode}_cover.jpg"

    @property
    def _node(self) -> dict[str, Any]:
        return {"shortcode": self.shortcode, "__typename": self.typename}

    @property
    def location(self) -> FakeLocation | None:
        if not self.logged_in:
            raise ie.LoginRequiredException("Login required to access post location.")
        return FakeLocation()

    def get_sidecar_nodes(self) -> list[FakeNode]:
        return self.nodes

    def get_comments(self) -> list[FakeComment]:
        return [
            FakeComment(1, "What school is that?", FakeCommentOwner("stranger_1"), datetime(2024, 6, 2, 9))
        ]


class FakeIterator:
    """Like instaloader's NodeIterator: newest first, freeze()/thaw(), may fail part-way."""

    def __init__(self, backend: FakeBackend, items: list[FakePost]) -> None:
        self.backend = backend
        self.items = items
        self.index = 0
        self.started = False

    def __iter__(self) -> FakeIterator:
        return self

    def __next__(self) -> FakePost:
        self.started = True
        failure = self.backend.fail_at.pop(self.index, None)
        if failure is not None:
            raise failure
        if self.index >= len(self.items):
            raise StopIteration
        item = self.items[self.index]
        self.index += 1
        self.backend.served.append(item.shortcode)
        return item

    def freeze(self) -> Frozen:
        return Frozen(self.index)


class FakeProfile:
    def __init__(self, backend: FakeBackend) -> None:
        self.backend = backend
        self.username = "sunny.family"
        self.full_name = "Sam Sunny"
        self.biography = "Mum of Mia (5) | Leeds"
        self.profile_pic_url = f"{CDN}profile_pic.jpg"
        self.is_private = backend.private
        self.followed_by_viewer = False

    def get_posts(self) -> FakeIterator:
        return FakeIterator(self.backend, self.backend.posts)

    def get_tagged_posts(self) -> list[FakePost]:
        return [
            FakePost(
                "TAGGED1", "Great party with @sunny.family", datetime(2024, 5, 1), owner_username="friend"
            )
        ]


class FakeBackend:
    def __init__(self, posts: list[FakePost], *, private: bool = False) -> None:
        self.posts = posts
        self.private = private
        self.fail_at: dict[int, BaseException] = {}
        self.profile_error: BaseException | None = None
        self.served: list[str] = []
        self.sessions: list[tuple[str, Path]] = []
        self.thawed: list[int] = []

    def load_session(self, login: str, session_file: Path) -> None:
        self.sessions.append((login, session_file))
        for p in self.posts:
            p.logged_in = True

    def profile(self, user: str) -> FakeProfile:
        if self.profile_error is not None:
            raise self.profile_error
        assert user == "sunny.family"
        return FakeProfile(self)

    def thaw(self, iterator: FakeIterator, frozen: dict[str, Any]) -> None:
        if iterator.started:
            raise ie.InvalidArgumentException("thaw() called on already-used iterator.")
        iterator.index = frozen["index"]
        self.thawed.append(frozen["index"])


def six_posts() -> list[FakePost]:
    return [
        FakePost(
            "C6", "Sports day!", datetime(2024, 6, 6, 15), accessibility_caption="Photo of a child running"
        ),
        FakePost(
            "C5",
            "Beach weekend",
            datetime(2024, 6, 5, 10),
            typename="GraphSidecar",
            nodes=[
                FakeNode(f"{CDN}c5a.jpg"),
                FakeNode(f"{CDN}c5b.jpg"),
                FakeNode(f"{CDN}c5c_cover.jpg", True),
            ],
        ),
        FakePost("C4", "Reel: first swim", datetime(2024, 6, 4, 17), typename="GraphVideo", is_video=True),
        FakePost("C3", "Bake sale with @gran", datetime(2024, 6, 3, 12), caption_mentions=["gran"]),
        FakePost("C2", "Garden", datetime(2024, 6, 2, 9), tagged_users=["alex.sunny"]),
        FakePost("C1", "Hello", datetime(2024, 6, 1, 8)),
    ]


SPEC = "instagram:sunny.family"


def _opts(tmp_path: Path, backend: FakeBackend, server: FakeServer | None = None, **kw: Any) -> AuditOptions:
    opts = fast_options(tmp_path, (server or FakeServer()).transport(), instagram_backend=backend)
    for k, v in kw.items():
        setattr(opts, k, v)
    return opts


def test_spec() -> None:
    assert parse_spec("instagram:@Sunny.Family") == "sunny.family"
    with pytest.raises(SourceNotFound):
        parse_spec("instagram:no spaces please")


def test_public_view_posts_carousel_reel_profile(tmp_path: Path) -> None:
    backend = FakeBackend(six_posts())
    server = FakeServer()
    run = RunContext(_opts(tmp_path, backend, server))
    posts = list(InstagramCollector().collect(SPEC, run))
    assert [p.id for p in posts] == ["instagram:sunny.family:profile"] + [
        f"instagram:C{i}" for i in range(6, 0, -1)
    ]
    profile, sports, beach, reel, bake, garden, _ = posts
    assert profile.caption == "Sam Sunny\nMum of Mia (5) | Leeds" and profile.visibility == "public"
    assert len(profile.media) == 1
    assert sports.media[0].alt_text == "Photo of a child running"
    assert sports.taken_at is not None and sports.taken_at.tzinfo is not None
    assert len(beach.media) == 3 and beach.media[2].url == f"{CDN}c5c_cover.jpg"
    assert reel.media[0].url == f"{CDN}C4_cover.jpg"  # a reel is seen by its cover frame
    assert bake.tagged_users == ("gran",) and garden.tagged_users == ("alex.sunny",)
    assert sports.geotag is None and sports.comments == ()  # the public view has neither
    assert all(p.visibility == "public" for p in posts)
    assert all(Path(m.path).is_file() for p in posts for m in p.media)
    assert run.errors == []
    assert backend.sessions == []


def test_login_uses_the_session_file_and_adds_geotags_comments_tagged(tmp_path: Path) -> None:
    backend = FakeBackend(six_posts())
    missing = RunContext(_opts(tmp_path, backend, login="sunny.family"))
    with pytest.raises(AuthRequired) as exc:
        list(InstagramCollector().collect(SPEC, missing))
    assert "--login sunny.family" in exc.value.hint
    session = default_session_file(tmp_path / "data", "sunny.family")
    session.write_bytes(b"cookie jar")
    run = RunContext(_opts(tmp_path, backend, login="sunny.family"))
    posts = {p.id: p for p in InstagramCollector().collect(SPEC, run)}
    assert backend.sessions == [("sunny.family", session)]
    sports = posts["instagram:C6"]
    assert sports.geotag is not None and (sports.geotag.name, sports.geotag.lat) == ("Roundhay Park", 53.8382)
    assert sports.comments[0].author == "stranger_1" and sports.comments[0].text == "What school is that?"
    assert "instagram:TAGGED1" in posts and posts["instagram:TAGGED1"].author == "friend"


def test_private_profile_gives_bio_and_picture_only(tmp_path: Path) -> None:
    backend = FakeBackend(six_posts(), private=True)
    result = audit([SPEC], analyzers=[], collectors=[InstagramCollector()], options=_opts(tmp_path, backend))
    assert [p.id for p in result.posts] == ["instagram:sunny.family:profile"]
    assert backend.served == []
    assert any("private account" in n for n in result.notes)


@pytest.mark.parametrize(
    ("error", "expected", "hint"),
    [
        (
            ie.ConnectionException(
                'JSON Query to graphql/query: 401 Unauthorized - "fail" status, message '
                '"Please wait a few minutes before you try again." when accessing https://www.instagram.com/graphql/query'
            ),
            RateLimited,
            WAIT_HINT,
        ),
        (ie.TooManyRequestsException("429 Too Many Requests"), RateLimited, WAIT_HINT),
        (_StopPolitely(1800), RateLimited, WAIT_HINT),
        (ie.ConnectionException("Redirected to checkpoint_required"), AuthRequired, CHECKPOINT_HINT),
        (ie.LoginRequiredException("Redirected to login page. Use --login."), AuthRequired, LOGIN_HINT),
    ],
)
def test_hostile_answers_mid_run_then_resume(
    tmp_path: Path, error: Exception, expected: type, hint: str
) -> None:
    backend = FakeBackend(six_posts())
    backend.fail_at[3] = error
    first = audit([SPEC], analyzers=[], collectors=[InstagramCollector()], options=_opts(tmp_path, backend))
    assert [p.id for p in first.posts] == [
        "instagram:sunny.family:profile",
        "instagram:C6",
        "instagram:C5",
        "instagram:C4",
    ]
    (err,) = first.errors
    assert err.hint == hint and err.where == SPEC
    assert isinstance(error, BaseException) and expected in (RateLimited, AuthRequired)
    backend2 = FakeBackend(six_posts())
    second = audit([SPEC], analyzers=[], collectors=[InstagramCollector()], options=_opts(tmp_path, backend2))
    ids = [p.id for p in second.posts]
    assert len(ids) == len(set(ids)) == 7
    assert second.errors == ()
    # It read the head, saw a known post, and jumped to where the stopped run was.
    assert backend2.thawed == [3]
    assert backend2.served == ["C6", "C3", "C2", "C1"]
    backend3 = FakeBackend(six_posts())
    third = audit([SPEC], analyzers=[], collectors=[InstagramCollector()], options=_opts(tmp_path, backend3))
    assert len(third.posts) == 7 and backend3.served == [
        "C6"
    ]  # complete history: stop at the first known post


def test_profile_errors(tmp_path: Path) -> None:
    backend = FakeBackend([])
    backend.profile_error = ie.ProfileNotExistsException("Profile sunny.family does not exist.")
    with pytest.raises(SourceNotFound, match="deleted or renamed"):
        list(InstagramCollector().collect(SPEC, RunContext(_opts(tmp_path, backend))))
    backend.profile_error = ie.LoginRequiredException("Redirected to login page.")
    with pytest.raises(AuthRequired) as exc:
        list(InstagramCollector().collect(SPEC, RunContext(_opts(tmp_path, backend))))
    assert exc.value.hint == LOGIN_HINT


def test_deleted_media_keeps_post(tmp_path: Path) -> None:
    backend = FakeBackend(six_posts()[:1])
    server = FakeServer()
    server.fail[("/v/t51.2885-15/C6_cover.jpg", "")] = (404, {}, b"")
    run = RunContext(_opts(tmp_path, backend, server))
    posts = list(InstagramCollector().collect(SPEC, run))
    assert posts[1].id == "instagram:C6" and posts[1].media == ()
    assert run.errors[0].where == "instagram:C6"


def test_real_backend_stops_instead_of_sleeping_long(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr("time.sleep", slept.append)
    backend = InstaloaderBackend(RunContext(AuditOptions(extra={"http_max_wait": 60})))
    controller = backend.loader.context._rate_controller
    controller.sleep(10)
    assert len(slept) == 1 and 10 <= slept[0] <= 11
    with pytest.raises(_StopPolitely):
        controller.sleep(600)


def test_own_private_account_with_login_reads_posts(tmp_path: Path) -> None:
    backend = FakeBackend(six_posts(), private=True)
    default_session_file(tmp_path / "data", "sunny.family").write_bytes(b"cookie jar")
    run = RunContext(_opts(tmp_path, backend, login="sunny.family"))
    posts = list(InstagramCollector().collect(SPEC, run))
    assert len([p for p in posts if p.id.startswith("instagram:C")]) == 6
    assert {p.visibility for p in posts if p.id.startswith("instagram:C")} == {"followers"}


def test_session_file_needs_login(tmp_path: Path) -> None:
    backend = FakeBackend(six_posts())
    run = RunContext(_opts(tmp_path, backend, session_file=tmp_path / "s"))
    with pytest.raises(ConfigError):
        list(InstagramCollector().collect(SPEC, run))


def test_interrupted_head_walk_over_complete_history(tmp_path: Path) -> None:
    backend = FakeBackend(six_posts())
    audit([SPEC], analyzers=[], collectors=[InstagramCollector()], options=_opts(tmp_path, backend))
    newer = [FakePost(f"N{i}", f"new {i}", datetime(2024, 7, i)) for i in range(4, 0, -1)]
    backend2 = FakeBackend(newer + six_posts())
    backend2.fail_at[2] = ie.TooManyRequestsException("429")
    second = audit([SPEC], analyzers=[], collectors=[InstagramCollector()], options=_opts(tmp_path, backend2))
    assert len(second.posts) == 9 and backend2.served == ["N4", "N3"]
    backend3 = FakeBackend(newer + six_posts())
    third = audit([SPEC], analyzers=[], collectors=[InstagramCollector()], options=_opts(tmp_path, backend3))
    assert len(third.posts) == 11 and len({p.id for p in third.posts}) == 11
    # head (known N4), jump to where it stopped, the rest of the gap, stop at the old history
    assert backend3.served == ["N4", "N2", "N1", "C6"]
    assert backend3.thawed == [2]
