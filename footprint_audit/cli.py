"""The command line: a thin layer over the library API. Progress and messages go to stderr;
the short summary goes to stdout. Exit codes: 0 ran clean, 1 ran with per-item errors,
2 bad usage or nothing usable to scan.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Any, cast

import typer

from . import __version__
from .engines.cover import DEFAULT_STYLE, STYLES
from .scan_output import (
    DEFAULT_REPORT_FOLDER,
    EXIT_INTERRUPTED,
    EXIT_ITEM_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    _new_report_folder,
    run_scan,
)
from .terminal import err, out, styled

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="See what a stranger can learn about your child from your own posts, and fix it. Runs locally.",
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"footprint-audit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens, to stderr.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR, format="%(levelname)s %(name)s: %(message)s"
    )
    _quiet_library_warnings()


def _verbose(value: bool) -> None:
    """-v after the subcommand (``footprint-audit scan -v ...``) means the same as before it."""
    if value:
        logging.getLogger().setLevel(logging.INFO)


#: Every subcommand takes -v too, so it works wherever the user puts it.
Verbose = Annotated[
    bool, typer.Option("--verbose", "-v", callback=_verbose, help="Log what happens, to stderr.")
]


def _quiet_library_warnings() -> None:
    """Library warnings (pkg_resources deprecation and the like) go to the log, shown with -v
    only, never raw on the terminal; worker processes inherit the filter."""
    import os
    import warnings

    logging.captureWarnings(True)
    warnings.simplefilter("default")
    os.environ.setdefault("PYTHONWARNINGS", "ignore")


@app.command()
def scan(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Folders, .zip exports, instagram:USER, mastodon:@u@host, bluesky:HANDLE, https:// pages."
        ),
    ],
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder for report.html and report.json (default: a new footprint-report folder).",
        ),
    ] = None,
    json_only: Annotated[bool, typer.Option("--json-only", help="Write report.json only.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    share: Annotated[
        bool, typer.Option("--share", help="Cover faces and round places, for a report you pass on.")
    ] = False,
    timezone: Annotated[
        str | None,
        typer.Option("--timezone", help="IANA zone for times with no known zone, e.g. Europe/London."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Worker processes for the photo work: faces, text, nudity (default: cores).",
        ),
    ] = None,
    profile: Annotated[
        Path | None,
        typer.Option("--profile", help="Data folder (enrolments, cache) instead of the per-user default."),
    ] = None,
    login: Annotated[
        str | None,
        typer.Option("--login", help="Instagram: log in as USER (the password is asked, never stored)."),
    ] = None,
    session_file: Annotated[
        Path | None, typer.Option("--session-file", help="Instagram: an instaloader session file to use.")
    ] = None,
    resume: Annotated[
        bool,
        typer.Option("--resume/--no-resume", help="Continue a scan that stopped (default) or start afresh."),
    ] = True,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do not read or write the local cache.")
    ] = False,
    max_posts: Annotated[
        int | None, typer.Option("--max-posts", min=1, help="At most this many new posts per online source.")
    ] = None,
    pdf: Annotated[
        bool,
        typer.Option("--pdf", help="Also write report.pdf (needs Chromium; prints the card and the plan)."),
    ] = False,
    verbose: Verbose = False,
) -> None:
    """Audit posts and write DIR/report.html and DIR/report.json."""
    from .context import AuditOptions

    options = AuditOptions(
        timezone=timezone,
        share=share,
        data_dir=profile,
        login=login,
        session_file=session_file,
        resume=resume,
        use_cache=not no_cache,
        max_posts=max_posts,
    )
    if workers:
        options.workers = workers
    if login and any(s.strip().lower().startswith(("instagram:", "ig:")) for s in sources):
        code = _ensure_instagram_session(login, session_file, profile)
        if code:
            raise typer.Exit(code)
    if out_dir is None:
        out_dir = _new_report_folder(Path(DEFAULT_REPORT_FOLDER))
    raise typer.Exit(
        run_scan(sources, out_dir, options, share=share, json_only=json_only, quiet=quiet, pdf=pdf)
    )


def _ensure_instagram_session(login: str, session_file: Path | None, profile: Path | None) -> int:
    """Log in once when there is no saved session: the password is read with getpass, used
    for this one login and dropped; only instaloader's session file is kept (owner-only)."""
    import getpass

    from collectors.instagram import default_session_file, login_and_save_session

    from .errors import FootprintError

    target = session_file or default_session_file(profile, login)
    if target.is_file():
        return EXIT_OK
    if not sys.stdin.isatty():
        err.print(
            f"footprint-audit: no saved Instagram login for {login}; run this command in a terminal "
            "so it can ask for the password once.",
        )
        return EXIT_USAGE
    password = getpass.getpass(f"Instagram password for {login} (not shown, not stored): ")
    try:
        login_and_save_session(
            login, password, target, two_factor_code=lambda: input("Instagram two-factor code: ").strip()
        )
    except FootprintError as exc:
        err.print(f"footprint-audit: {exc}")
        return EXIT_USAGE
    finally:
        del password
    err.print(f"Logged in; session saved to {target} (owner-only).")
    return EXIT_OK


@app.command()
def cache(
    where: Annotated[bool, typer.Option("--where", help="Print where the cache file is.")] = False,
    clear_: Annotated[
        bool,
        typer.Option(
            "--clear",
            help="Delete the cache: collected posts, analysis results, face results and downloaded "
            "or extracted photos. Enrolled children are kept (see --all).",
        ),
    ] = False,
    everything: Annotated[
        bool, typer.Option("--all", help="With --clear: also forget every enrolled child's face encodings.")
    ] = False,
    profile: Annotated[
        Path | None, typer.Option("--profile", help="Data folder instead of the per-user default.")
    ] = None,
    verbose: Verbose = False,
) -> None:
    """The local cache of collected posts and analysis results: where it is, or clear it."""
    from .cache import Cache, cache_path, clear

    path = cache_path(profile)
    if clear_:
        removed = clear(profile, everything=everything)
        out.print(f"Cache cleared: {len(removed)} item(s) removed from {path.parent}.")
        for p in removed:
            out.print(f"  - {p.name}")
        if not everything:
            out.print(
                "Enrolled children were kept (forget one with enroll --forget NAME, or all with --all)."
            )
        raise typer.Exit(EXIT_OK)
    out.print(str(path))
    if path.exists() and not where:
        c = Cache(path)
        try:
            stats = c.stats()
        finally:
            c.close()
        out.print(", ".join(f"{n} {k}" for k, n in stats.items()))
    raise typer.Exit(EXIT_OK)


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for the demo report.")] = Path(
        "demo-report"
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
    share: Annotated[
        bool, typer.Option("--share", help="The shareable variant: faces covered, places rounded.")
    ] = False,
    pdf: Annotated[
        bool,
        typer.Option("--pdf", help="Also write report.pdf (needs Chromium; prints the card and the plan)."),
    ] = False,
    present: Annotated[
        bool, typer.Option("--present", help="Also write slides.html: one fact per slide, for presenting.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Print the talking points, in slide order.")
    ] = False,
    no_open: Annotated[
        bool, typer.Option("--no-open", help="Do not open the report in the browser.")
    ] = False,
    verbose: Verbose = False,
) -> None:
    """The whole audit on a bundled fictional family, offline."""
    import json

    from .context import AuditOptions
    from .demo.run import STAND_IN_NOTE, prepare
    from .report import private_dir

    private_dir(out_dir)  # the report written into it is a dossier, even of a made-up family
    data, profile = prepare(out_dir)
    options = AuditOptions(timezone="Europe/London", share=share, data_dir=profile)
    if not quiet:
        err.print(f"Demo family written to {data} (fictional: drawn pictures and invented captions).")
        err.print("Its children's faces are adult stand-ins from openly licensed photos, not children.")
    sources = [str(p) for p in sorted(data.iterdir()) if p.is_dir()]
    code = run_scan(
        sources, out_dir, options, share=share, json_only=False, quiet=quiet, pdf=pdf, notes=[STAND_IN_NOTE]
    )
    if code not in (EXIT_OK, EXIT_ITEM_ERRORS):
        raise typer.Exit(code)
    if present or explain:
        from .demo.slides import talking_points, write_slides

        report = json.loads((out_dir / "report.json").read_text(encoding="utf-8"))
        if present:
            slides = write_slides(report, out_dir, media_root=data)
            if not quiet:
                out.print(f"Slides: {slides}")
        if explain:
            out.print("")
            for line in talking_points(report):
                out.print(line)
    if not no_open:
        _open_in_browser(out_dir / "report.html")
    raise typer.Exit(code)


def _open_in_browser(path: Path) -> bool:
    """Open ``path`` in the user's browser when one is there and we are at a terminal; never in
    tests or CI (stdout not a terminal, or $CI set). True when a browser was asked to open it."""
    import os
    import webbrowser

    if not sys.stdout.isatty() or os.environ.get("CI"):
        return False
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    return bool(browser.open(path.resolve().as_uri()))


@app.command()
def enroll(
    name: Annotated[str | None, typer.Argument(help="The child's name, as reports should show it.")] = None,
    photos: Annotated[
        list[Path] | None, typer.Argument(help="Reference photos of the child (only encodings are kept).")
    ] = None,
    profile: Annotated[
        Path | None, typer.Option("--profile", help="Data folder instead of the per-user default.")
    ] = None,
    face: Annotated[
        int | None, typer.Option("--face", min=1, help="Which face to use in a group photo (1 = leftmost).")
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the enrolled children.")] = False,
    forget_name: Annotated[
        str | None, typer.Option("--forget", metavar="NAME", help="Delete a child's face encodings.")
    ] = None,
    verbose: Verbose = False,
) -> None:
    """Store a child's face encodings locally, so scans can say where the child appears."""
    from .enrollment import enroll as enroll_child
    from .enrollment import forget, list_enrolled, store_path
    from .errors import FootprintError

    try:
        if list_:
            children = list_enrolled(profile)
            for c in children:
                out.print(f"{c.name}: {c.encodings} face encoding(s) from {c.photos} photo(s)")
            if not children:
                out.print("Nobody is enrolled.")
            raise typer.Exit(EXIT_OK)
        if forget_name:
            if forget(forget_name, profile):
                out.print(f"Forgot {forget_name}: their face encodings were deleted.")
                raise typer.Exit(EXIT_OK)
            err.print(f"footprint-audit: nobody called {forget_name} is enrolled.")
            raise typer.Exit(EXIT_USAGE)
        if not name or not photos:
            err.print("footprint-audit: give a name and at least one photo: enroll NAME PHOTO...")
            raise typer.Exit(EXIT_USAGE)
        child = enroll_child(name, photos, profile=profile, face=face)
    except FootprintError as exc:
        err.print(f"footprint-audit: {exc}")
        raise typer.Exit(EXIT_USAGE) from exc
    out.print(
        f"Enrolled {child.name}: {child.encodings} face encoding(s) stored in {store_path(profile)} "
        "(the photos themselves were not copied).",
    )


@app.command()
def schema(verbose: Verbose = False) -> None:
    """Print the JSON Schema that report.json follows (footprint-audit/report/v1)."""
    from .schema import schema_text

    sys.stdout.write(schema_text())
    raise typer.Exit(EXIT_OK)


def main() -> None:
    _quiet_library_warnings()
    try:
        app()
    except KeyboardInterrupt:
        err.print(
            "footprint-audit: stopped (interrupted); run the same command again to continue.",
        )
        sys.exit(EXIT_INTERRUPTED)


def _face_finder() -> Any:
    """The face detector for `fix`; None while no detector is installed."""
    try:
        from .engines.faces import find_face_boxes
    except ImportError:
        return None
    return find_face_boxes


@app.command()
def fix(
    photos: Annotated[
        list[Path], typer.Argument(help="Photos to make safe copies of (originals are not changed).")
    ],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for the safe copies.")] = Path(
        "safe-copies"
    ),
    cover: Annotated[
        str,
        typer.Option(
            "--cover",
            help="How faces are hidden: solid (default), pixelate, emoji or blur. "
            "Every style defeats face detection and recognition.",
        ),
    ] = DEFAULT_STYLE,
    keep_faces: Annotated[
        bool, typer.Option("--keep-faces", help="Only remove metadata; leave faces as they are.")
    ] = False,
    verbose: Verbose = False,
) -> None:
    """Safe copies: location and device details removed, faces covered."""
    from .fix import fix_photo

    if cover not in STYLES:
        err.print(f"footprint-audit: --cover must be one of {', '.join(STYLES)}.")
        raise typer.Exit(EXIT_USAGE)

    finder = None if keep_faces else _face_finder()
    failed = 0
    for photo in photos:
        res = fix_photo(photo, out_dir, find_faces=finder, style=None if keep_faces else cover)
        if res.error:
            failed += 1
            err.print(styled("✗", "red"), f" {res.error}")
            continue
        done = list(res.removed)
        if res.faces_hidden:
            done.append(f"{res.faces_hidden} face(s) covered ({cover})")
        out.print(
            f"✓ {photo} -> {res.output}" + (f"  ({'; '.join(done)})" if done else "  (nothing to remove)"),
        )
    raise typer.Exit(EXIT_ITEM_ERRORS if failed else EXIT_OK)


CHECK_EXIT = {"green": 0, "amber": 1, "red": 2}


@app.command()
def check(
    photo: Annotated[Path, typer.Argument(help="The photo you are about to post.")],
    caption: Annotated[str, typer.Option("--caption", "-c", help="The caption you plan to use.")] = "",
    visibility: Annotated[str, typer.Option("--visibility", help="public, followers or private.")] = "public",
    profile: Annotated[
        Path | None, typer.Option("--profile", help="Data folder with enrolled children.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    verbose: Verbose = False,
) -> None:
    """Pre-post check of one photo: green (exit 0), amber (1) or red (2)."""
    import json

    from .check import check_post
    from .context import AuditOptions

    if not photo.is_file():
        err.print(f"footprint-audit: {photo}: no such file.")
        raise typer.Exit(EXIT_USAGE)
    if visibility not in ("public", "followers", "private"):
        err.print("footprint-audit: --visibility must be public, followers or private.")
        raise typer.Exit(EXIT_USAGE)
    res = check_post(photo, caption, cast(Any, visibility), options=AuditOptions(data_dir=profile, workers=1))
    code = CHECK_EXIT[res.verdict]
    if as_json:
        print(json.dumps(res.to_json(), ensure_ascii=False, indent=2, default=str))
        raise typer.Exit(code)
    style = {"green": "bold green", "amber": "bold yellow", "red": "bold red"}[res.verdict]
    out.print(styled(res.verdict.upper(), style), f" risk {res.risk.score:g}/100 for {photo.name}")
    for f in res.findings:
        out.print(f"  [{f.severity}] {f.summary}")
    for e in res.errors:
        out.print(f"  could not read: {e.message}")
    if res.fixes:
        out.print("Before posting:")
        for fx in res.fixes:
            out.print(f"  - {fx}")
    raise typer.Exit(code)


if __name__ == "__main__":
    main()
