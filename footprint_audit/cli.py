"""The command line: a thin layer over the library API. Progress and messages go to stderr;
the short summary goes to stdout. Exit codes: 0 ran clean, 1 ran with per-item errors,
2 bad usage or nothing usable to scan.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Any

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
    if not result.posts and len(result.errors) and len(result.sources) == 0:
        return EXIT_USAGE
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
