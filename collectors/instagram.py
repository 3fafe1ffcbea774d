"""An Instagram profile, live (``instagram:USER``), through instaloader.

The public view comes first, because that is the point of the audit: what a stranger
sees. With ``--login USER`` (the password is asked once, interactively, by the CLI and
only instaloader's session file is kept, owner-only, in the data folder) the view
widens to geotags, comments and tagged posts.

Posts, carousels (every slide), reels and videos (their cover frame: the picture a
stranger sees first), the bio and the profile picture (public even on a private account)
each become a post. Media are downloaded once into the media folder.

Instagram is hostile to tools: 401 "please wait a few minutes", 429, checkpoints and
login walls. Short waits are slept through with jitter; a long one, or a wall, stops the
run politely: every post fetched so far is already in the cache, the iterator's position
is saved, and the next run resumes from there. The error says, in one sentence, what to
do: wait, log in, or use the data export.

Tests replace instaloader with a fake through ``run.options.extra["instagram_backend"]``.
"""

from __future__ import annotations

import logging
import os
import random
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from collectors._shared import COMPLETE, PageState, boundary, get_state, known_ids, set_state
from footprint_audit.context import RunContext
from footprint_audit.errors import (
    AuthRequired,
    BadInput,
    ConfigError,
    FootprintError,
    RateLimited,
    SourceNotFound,
    is_offline,
    no_network,
)
from footprint_audit.http import MAX_WAIT, HttpClient, NotFound, media_root, safe_name
from footprint_audit.models import Comment, Geotag, Media, Post
from footprint_audit.paths import data_dir, private_dir

log = logging.getLogger(__name__)

KIND = "instagram"
_USER = re.compile(r"^[A-Za-z0-9._]{1,30}$")
#: Comments read per post when logged in: enough to see who talks to the family.
MAX_COMMENTS = 50
MAX_TAGGED = 50

WAIT_HINT = (
    "Instagram asked us to wait. Run the same command again in 30 minutes (it continues where it "
    "stopped), log in with --login USER, or request your data export and scan the ZIP instead."
)
LOGIN_HINT = (
    "Instagram wants a login to show more. Run again with --login USER (your password is asked once "
    "and never stored), or request your data export and scan the ZIP instead."
)
CHECKPOINT_HINT = (
    "Instagram wants to confirm it is you. Open Instagram in your browser or app, confirm, then run "
    "the same command again; or request your data export and scan the ZIP instead."
)


class _StopPolitely(Exception):
    def __init__(self, wait: float) -> None:
        super().__init__(f"asked to wait {wait:.0f} s")
        self.wait = wait


def parse_spec(spec: str) -> str:
    user = spec.strip().split(":", 1)[1].lstrip("@") if ":" in spec else spec
    if not _USER.match(user):
        raise SourceNotFound(f"{spec}: not an Instagram username.", hint="Write it as instagram:username.")
    return user.lower()


def default_session_file(run_data_dir: Path | None, login: str) -> Path:
    return private_dir(data_dir(run_data_dir) / "instagram") / f"session-{safe_name(login.lower())}"


def translate(exc: BaseException, where: str) -> FootprintError:
    """An instaloader exception as one of ours, with the sentence that says what to do."""
    from instaloader import exceptions as ie

    text = str(exc)
    low = text.lower()
    if is_offline(exc):
        return no_network(where)
    if isinstance(exc, _StopPolitely):
        return RateLimited(
            f"{where}: Instagram asked us to slow down; stopped politely and kept everything fetched so far.",
            retry_after=exc.wait,
            hint=WAIT_HINT,
        )
    if isinstance(exc, ie.TooManyRequestsException) or "429" in text or "wait a few minutes" in low:
        return RateLimited(
            f"{where}: Instagram asked us to wait a few minutes; stopped and kept everything fetched so far.",
            hint=WAIT_HINT,
        )
    if "checkpoint" in low or "challenge" in low:
        return AuthRequired(
            f"{where}: Instagram asks for a security check (checkpoint).", hint=CHECKPOINT_HINT
        )
    if isinstance(exc, ie.TwoFactorAuthRequiredException):
        return AuthRequired(f"{where}: this login needs a two-factor code.", hint=LOGIN_HINT)
    if isinstance(exc, ie.BadCredentialsException):
        return AuthRequired(f"{where}: Instagram did not accept the password.", hint=LOGIN_HINT)
    if isinstance(exc, (ie.LoginRequiredException, ie.LoginException)) or "401" in text or "login" in low:
        return AuthRequired(f"{where}: Instagram shows this only to logged-in users.", hint=LOGIN_HINT)
    if isinstance(exc, (ie.ProfileNotExistsException, ie.QueryReturnedNotFoundException)):
        return SourceNotFound(f"{where}: no such profile or post (it may have been deleted or renamed).")
    if isinstance(exc, ie.BadResponseException):
        return BadInput(f"{where}: Instagram sent an answer that could not be read.", hint=WAIT_HINT)
    return SourceNotFound(
        f"{where}: Instagram could not be read ({type(exc).__name__}: {text}).", hint=WAIT_HINT
    )


class InstaloaderBackend:
    """The real thing: a quiet instaloader that stops instead of sleeping for long."""

    def __init__(self, run: RunContext) -> None:
        import instaloader

        max_wait = float(run.options.extra.get("http_max_wait", MAX_WAIT))
        rng = random.Random()

        class PoliteRateController(instaloader.RateController):
            def sleep(self, secs: float) -> None:
                if secs > max_wait:
                    raise _StopPolitely(secs)
                # Jitter: many clients waking at once look like a bot.
                super().sleep(secs + rng.uniform(0, max(1.0, secs * 0.1)))

        self.loader = instaloader.Instaloader(
            quiet=True,
            download_pictures=False,
            download_videos=False,
            download_video_thumbnails=False,
            download_geotags=False,
            download_comments=False,
            save_metadata=False,
            compress_json=False,
            max_connection_attempts=1,
            request_timeout=30.0,
            rate_controller=lambda ctx: PoliteRateController(ctx),
        )
        self._instaloader = instaloader

    def load_session(self, login: str, session_file: Path) -> None:
        self.loader.load_session_from_file(login, str(session_file))

    def profile(self, user: str) -> Any:
        return self._instaloader.Profile.from_username(self.loader.context, user)

    def thaw(self, iterator: Any, frozen: Mapping[str, Any]) -> None:
        from instaloader.nodeiterator import FrozenNodeIterator

        iterator.thaw(FrozenNodeIterator(**frozen))


def login_and_save_session(
    login: str,
    password: str,
    session_file: Path,
    two_factor_code: Callable[[], str] | None = None,
) -> Path:
    """Log in once (the CLI asks the password with getpass) and keep only the session file."""
    import instaloader
    from instaloader import exceptions as ie

    loader = instaloader.Instaloader(quiet=True, max_connection_attempts=1)
    try:
        try:
            loader.login(login, password)
        except ie.TwoFactorAuthRequiredException:
            if two_factor_code is None:
                raise
            loader.two_factor_login(two_factor_code())
    except ie.InstaloaderException as exc:
        raise translate(exc, f"instagram:{login}") from None  # never chain: the password is in the frame
    private_dir(session_file.parent)
    loader.save_session_to_file(str(session_file))
    os.chmod(session_file, 0o600)
    return session_file


def _aware(value: Any) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


class InstagramCollector:
    kind = KIND
    incremental = True

    def matches(self, spec: str) -> bool:
        return spec.strip().lower().startswith(("instagram:", "ig:"))

    def _backend(self, run: RunContext) -> Any:
        backend = run.options.extra.get("instagram_backend")
        if backend is None:
            backend = InstaloaderBackend(run)
        opts = run.options
        if opts.session_file and not opts.login:
            raise ConfigError("--session-file needs --login USER (the account the session belongs to).")
        if opts.login:
            session = (
                Path(opts.session_file)
                if opts.session_file
                else default_session_file(opts.data_dir, opts.login)
            )
            if not session.is_file():
                raise AuthRequired(
                    f"no saved Instagram login for {opts.login}.",
                    hint=f"Run the scan with --login {opts.login} in a terminal; it asks for the password once.",
                )
            try:
                backend.load_session(opts.login, session)
            except Exception as exc:
                raise AuthRequired(
                    f"the saved Instagram login for {opts.login} could not be read ({type(exc).__name__}).",
                    hint=f"Run the scan with --login {opts.login} again to log in afresh.",
                ) from None
        return backend

    @boundary
    def collect(self, spec: str, run: RunContext) -> Iterator[Post]:
        user = parse_spec(spec)
        instaloader_errors = _instaloader_errors()
        backend = self._backend(run)
        media_dir = media_root(run) / KIND / safe_name(user)
        logged_in = bool(run.options.login)
        with HttpClient(run) as http:
            try:
                profile = backend.profile(user)
            except instaloader_errors as exc:
                raise translate(exc, spec) from None
            yield self._profile_post(profile, http, media_dir, run)
            own = bool(run.options.login) and str(run.options.login).lower() == str(profile.username).lower()
            if profile.is_private and not own and not getattr(profile, "followed_by_viewer", False):
                run.note(
                    f"instagram:{user} is a private account: a stranger sees only its bio and profile "
                    "picture, which were checked. To audit the posts, request your data export and scan the ZIP."
                )
                return
            visibility = "followers" if profile.is_private else "public"
            yield from self._posts(spec, profile, backend, http, media_dir, run, visibility, logged_in)
            if logged_in:
                yield from self._tagged(spec, profile, http, media_dir, run)

    def _posts(
        self,
        spec: str,
        profile: Any,
        backend: Any,
        http: HttpClient,
        media_dir: Path,
        run: RunContext,
        visibility: str,
        logged_in: bool,
    ) -> Iterator[Post]:
        instaloader_errors = _instaloader_errors()
        known = known_ids(run, spec)
        state = get_state(run, spec)
        complete = state.complete
        frozen = state.frozen
        base_complete = state.base_complete
        # A stopped run left a position: read the new head first, then jump there.
        head_walk = not complete and frozen is not None
        limit = run.options.max_posts
        iterator = profile.get_posts()
        jumped = False
        fetched = 0
        try:
            while True:
                try:
                    item = next(iterator)
                except StopIteration:
                    set_state(run, spec, COMPLETE)
                    return
                pid = f"instagram:{item.shortcode}"
                if pid in known:
                    if complete or (jumped and base_complete):
                        set_state(run, spec, COMPLETE)
                        return  # newest first: everything older is in the cache already
                    if head_walk and not jumped:
                        jumped = True
                        try:
                            iterator = profile.get_posts()
                            backend.thaw(iterator, frozen)
                        except Exception as exc:
                            log.info("could not resume the saved position (%s); reading on", exc)
                            iterator = profile.get_posts()
                    continue
                if limit is not None and fetched >= limit:
                    run.note(
                        f"{spec}: stopped after {limit} new posts (--max-posts); the next run continues."
                    )
                    return
                post = self._post(item, http, media_dir, run, visibility, logged_in)
                fetched += 1
                yield post
                if not (head_walk and not jumped):  # keep the deeper position until the head is read
                    self._save_position(run, spec, iterator, base_complete=complete or base_complete)
        except instaloader_errors as exc:
            raise translate(exc, spec) from None

    @staticmethod
    def _save_position(run: RunContext, spec: str, iterator: Any, *, base_complete: bool) -> None:
        freeze = getattr(iterator, "freeze", None)
        frozen = None
        if callable(freeze):
            try:
                frozen = freeze()._asdict()
            except Exception:
                log.debug("could not save the iterator position", exc_info=True)
        set_state(run, spec, PageState(frozen=frozen, base_complete=base_complete))

    def _download(self, http: HttpClient, url: str, dest: Path, run: RunContext, where: str) -> Path | None:
        try:
            return http.download(url, dest)
        except (NotFound, BadInput, AuthRequired) as exc:
            run.error(where, f"media could not be downloaded ({exc}); the post is kept without it.")
            return None

    def _profile_post(self, profile: Any, http: HttpClient, media_dir: Path, run: RunContext) -> Post:
        pid = f"instagram:{profile.username}:profile"
        media: list[Media] = []
        url = getattr(profile, "profile_pic_url", None)
        if url:
            path = self._download(http, str(url), media_dir / "profile-picture.jpg", run, pid)
            if path is not None:
                media.append(Media(path=str(path), url=str(url)))
        bio = "\n".join(x for x in (getattr(profile, "full_name", ""), profile.biography or "") if x)
        return Post(
            id=pid,
            source=KIND,
            url=f"https://www.instagram.com/{profile.username}/",
            caption=bio,
            media=tuple(media),
            visibility="public",  # bio and picture are public even on a private account
            raw={
                "username": profile.username,
                "biography": profile.biography,
                "is_private": profile.is_private,
            },
            time_source="unknown",
            author=profile.username,
        )

    def _post(
        self,
        item: Any,
        http: HttpClient,
        media_dir: Path,
        run: RunContext,
        visibility: str,
        logged_in: bool,
    ) -> Post:
        pid = f"instagram:{item.shortcode}"
        alt = getattr(item, "accessibility_caption", None)
        slides: list[tuple[str, bool]] = []
        if item.typename == "GraphSidecar":
            for node in item.get_sidecar_nodes():
                slides.append((str(node.display_url), bool(node.is_video)))
        else:
            # For a video or reel, ``url`` is its cover frame.
            slides.append((str(item.url), bool(item.is_video)))
        media: list[Media] = []
        for i, (url, _is_video) in enumerate(slides):
            path = self._download(http, url, media_dir / f"{safe_name(item.shortcode)}_{i + 1}.jpg", run, pid)
            if path is not None:
                media.append(Media(path=str(path), url=url, alt_text=alt if i == 0 else None))
        geotag = None
        try:
            loc = item.location
        except Exception:  # the location needs a login on most posts; absence is not an error
            loc = None
        if loc is not None:
            geotag = Geotag(
                name=getattr(loc, "name", None),
                lat=getattr(loc, "lat", None),
                lon=getattr(loc, "lng", None),
                id=str(getattr(loc, "id", "") or "") or None,
                slug=getattr(loc, "slug", None),
            )
        comments: list[Comment] = []
        if logged_in:
            try:
                for n, c in enumerate(item.get_comments()):
                    if n >= MAX_COMMENTS:
                        break
                    comments.append(
                        Comment(
                            author=str(c.owner.username),
                            text=str(c.text),
                            created_at=_aware(c.created_at_utc),
                            id=str(c.id),
                        )
                    )
            except Exception as exc:  # comments are a bonus: a failure keeps the post
                run.error(pid, f"comments could not be read ({type(exc).__name__}).")
        tagged = tuple(
            dict.fromkeys([*getattr(item, "tagged_users", []), *getattr(item, "caption_mentions", [])])
        )
        raw = getattr(item, "_node", None)
        return Post(
            id=pid,
            source=KIND,
            url=f"https://www.instagram.com/p/{item.shortcode}/",
            taken_at=_aware(item.date_utc),
            caption=item.caption or "",
            media=tuple(media),
            geotag=geotag,
            tagged_users=tagged,
            comments=tuple(comments),
            visibility=visibility,  # type: ignore[arg-type]
            raw=dict(raw) if isinstance(raw, dict) else {"shortcode": item.shortcode},
            author=getattr(item, "owner_username", None),
        )

    def _tagged(
        self, spec: str, profile: Any, http: HttpClient, media_dir: Path, run: RunContext
    ) -> Iterator[Post]:
        """Other people's posts the family is tagged in: reachable only when logged in."""
        try:
            for n, item in enumerate(profile.get_tagged_posts()):
                if n >= MAX_TAGGED:
                    break
                yield self._post(item, http, media_dir / "tagged", run, "unknown", True)
        except FootprintError:
            raise
        except Exception as exc:
            run.note(f"{spec}: tagged posts could not be read ({type(exc).__name__}); the rest is complete.")


def _instaloader_errors() -> tuple[type[BaseException], ...]:
    from instaloader import exceptions as ie

    return (ie.InstaloaderException, _StopPolitely)
