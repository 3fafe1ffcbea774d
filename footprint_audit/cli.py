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
from rich.console import Console

from . import __version__

EXIT_OK, EXIT_ITEM_ERRORS, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="See what a stranger can learn about your child from your own posts, and fix it. Runs locally.",
    rich_markup_mode=None,
)
err = Console(stderr=True)
out = Console()


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


class _Progress:
    """Rich progress bar on stderr, one task per pipeline stage."""

    LABELS = {"collect": "Collecting posts", "analyse": "Analysing posts"}

    def __init__(self, enabled: bool) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = (
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            )
            if enabled
            else None
        )
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> _Progress:
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress:
            self.progress.stop()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if not self.progress:
            return
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(self.LABELS.get(stage, stage), total=total)
        self.progress.update(self.tasks[stage], completed=done, total=total)


def _summarise(result: Any, paths: Any, quiet: bool) -> None:
    from .report import CATEGORY_LABELS, verdict

    if quiet:
        return
    v = verdict(result)
    out.print(f"[bold]{v['text']}[/bold]", highlight=False)
    counts: dict[str, int] = {}
    for f in result.findings:
        counts[f.category] = counts.get(f.category, 0) + 1
    for cat, n in sorted(counts.items(), key=lambda kv: -kv[1])[:8]:
        out.print(f"  {n:4d}  {CATEGORY_LABELS.get(cat, cat)}", highlight=False)
    for fact in result.facts[:6]:
        out.print(f"  - {fact.sentence or fact.value}", highlight=False)
    if result.errors:
        out.print(
            f"{len(result.errors)} item(s) could not be read; see the report's last section.", highlight=False
        )
    if paths.html:
        out.print(f"Report: {paths.html}", highlight=False)
    out.print(f"Data:   {paths.json}", highlight=False)


def run_scan(
    sources: list[str], out_dir: Path, options: Any, *, share: bool, json_only: bool, quiet: bool
) -> int:
    from .errors import FootprintError
    from .pipeline import audit
    from .report import write_report

    try:
        with _Progress(enabled=not quiet and err.is_terminal) as progress:
            result = audit(sources, options=options, progress=progress)
    except FootprintError as exc:
        err.print(f"footprint-audit: {exc}", highlight=False)
        return EXIT_USAGE
    paths = write_report(result, out_dir, share=share, json_only=json_only)
    _summarise(result, paths, quiet)
    if not result.posts and result.errors:
        return EXIT_USAGE  # nothing usable was scanned
    return EXIT_ITEM_ERRORS if result.errors else EXIT_OK


@app.command()
def scan(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Folders, .zip exports, instagram:USER, mastodon:@u@host, bluesky:HANDLE, https:// pages."
        ),
    ],
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for report.html and report.json.")
    ] = Path("footprint-report"),
    json_only: Annotated[bool, typer.Option("--json-only", help="Write report.json only.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    share: Annotated[
        bool, typer.Option("--share", help="Blur faces and round places, for a report you pass on.")
    ] = False,
    timezone: Annotated[
        str | None,
        typer.Option("--timezone", help="IANA zone for times with no known zone, e.g. Europe/London."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Worker processes for face work (default: cores).")
    ] = None,
    profile: Annotated[
        Path | None,
        typer.Option("--profile", help="Data folder (enrolments, cache) instead of the per-user default."),
    ] = None,
) -> None:
    """Audit posts and write DIR/report.html and DIR/report.json."""
    from .context import AuditOptions

    options = AuditOptions(timezone=timezone, share=share, data_dir=profile)
    if workers:
        options.workers = workers
    raise typer.Exit(run_scan(sources, out_dir, options, share=share, json_only=json_only, quiet=quiet))


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for the demo report.")] = Path(
        "demo-report"
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
    share: Annotated[
        bool, typer.Option("--share", help="The shareable variant: faces blurred, places rounded.")
    ] = False,
) -> None:
    """The whole audit on a bundled fictional family, offline."""
    from .context import AuditOptions
    from .demo import build_demo

    data = build_demo(out_dir / "demo-data")
    options = AuditOptions(timezone="Europe/London", share=share, data_dir=out_dir / "demo-profile")
    if not quiet:
        err.print(
            f"Demo family written to {data} (fictional: generated images and captions).", highlight=False
        )
    sources = [str(p) for p in sorted(data.iterdir()) if p.is_dir()]
    raise typer.Exit(run_scan(sources, out_dir, options, share=share, json_only=False, quiet=quiet))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("Interrupted. Nothing collected so far is lost; run the same command again to continue.")
        sys.exit(130)


def _face_finder() -> Any:
    """The face detector for `fix`; None while no detector is installed."""
    try:
        from .faces import find_face_boxes
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
        bool, typer.Option("--cover", help="Cover faces with a grey patch instead of blurring.")
    ] = False,
    keep_faces: Annotated[
        bool, typer.Option("--keep-faces", help="Only remove metadata; leave faces as they are.")
    ] = False,
) -> None:
    """Safe copies: location and device details removed, faces blurred."""
    from .fix import fix_photo

    finder = None if keep_faces else _face_finder()
    failed = 0
    for photo in photos:
        res = fix_photo(photo, out_dir, find_faces=finder, cover=cover, blur_faces=not keep_faces)
        if res.error:
            failed += 1
            err.print(f"[red]✗[/red] {res.error}", highlight=False)
            continue
        done = list(res.removed)
        if res.faces_hidden:
            done.append(f"{res.faces_hidden} face(s) {'covered' if cover else 'blurred'}")
        out.print(
            f"✓ {photo} -> {res.output}" + (f"  ({'; '.join(done)})" if done else "  (nothing to remove)"),
            highlight=False,
        )
    raise typer.Exit(EXIT_ITEM_ERRORS if failed else EXIT_OK)


CHECK_LEVELS = {"low": ("green", 0), "medium": ("amber", 1), "high": ("red", 2)}


@app.command()
def check(
    photo: Annotated[Path, typer.Argument(help="The photo you are about to post.")],
    caption: Annotated[str, typer.Option("--caption", "-c", help="The caption you plan to use.")] = "",
    visibility: Annotated[str, typer.Option("--visibility", help="public, followers or private.")] = "public",
    profile: Annotated[
        Path | None, typer.Option("--profile", help="Data folder with enrolled children.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Pre-post check of one photo: green (exit 0), amber (1) or red (2)."""
    import json

    from .context import AuditOptions, RunContext
    from .models import Media, Post, Visibility
    from .pipeline import analyze
    from .registry import default_analyzers
    from .remediation import fixes_for
    from .report import finding_dict
    from .risk import score_post

    if not photo.is_file():
        err.print(f"footprint-audit: {photo}: no such file.", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    if visibility not in ("public", "followers", "private"):
        err.print("footprint-audit: --visibility must be public, followers or private.", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    vis = cast(Visibility, visibility)
    post = Post(id="check", source="check", caption=caption, media=(Media(str(photo)),), visibility=vis)
    run = RunContext(AuditOptions(data_dir=profile, workers=1))
    findings = analyze([post], default_analyzers(), run)
    risk = score_post(post, findings)
    colour, code = CHECK_LEVELS[risk.level]
    fixes = fixes_for(post, findings)
    if as_json:
        print(
            json.dumps(
                {
                    "verdict": colour,
                    "score": risk.score,
                    "findings": [finding_dict(f) for f in findings],
                    "fixes": fixes,
                    "errors": [{"where": e.where, "message": e.message} for e in run.errors],
                },
                ensure_ascii=False,
                indent=2,
                default=str,
            )
        )
        raise typer.Exit(code)
    style = {"green": "green", "amber": "yellow", "red": "red"}[colour]
    out.print(
        f"[bold {style}]{colour.upper()}[/bold {style}]  risk {risk.score:g}/100 for {photo.name}",
        highlight=False,
    )
    for f in sorted(findings, key=lambda f: f.severity != "high"):
        out.print(f"  [{f.severity}] {f.summary}", highlight=False, markup=False)
    for e in run.errors:
        out.print(f"  could not read: {e.message}", highlight=False, markup=False)
    if fixes:
        out.print("Before posting:", highlight=False)
        for fx in fixes:
            out.print(f"  - {fx}", highlight=False, markup=False)
    raise typer.Exit(code)
