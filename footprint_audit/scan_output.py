"""What a scan shows on the terminal: progress, the summary, errors, and the exit code.

The library never prints; the CLI's scan and demo commands run the audit through
:func:`run_scan`, which shows progress on stderr, prints what could not be read (also with
-q), writes the report and returns the exit code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .terminal import err, out, styled

EXIT_OK, EXIT_ITEM_ERRORS, EXIT_USAGE = 0, 1, 2
#: The shell's code for a command stopped by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130


class _Progress:
    """Rich progress bar on stderr, one task per pipeline stage."""

    LABELS = {
        "collect": "Collecting posts",
        "images": "Reading photos (faces, text, skin)",
        "analyse": "Analysing posts",
    }

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


#: The summary's width: a standard terminal, whatever the real one is (a wider one
#: reads it the same, a log file keeps its lines short).
SUMMARY_WIDTH = 80


def _wrapped(text: str, indent: str = "", hanging: str | None = None) -> list[str]:
    """``text`` wrapped by words to :data:`SUMMARY_WIDTH` columns; words longer than a line
    (a path, a web address) are kept whole rather than cut."""
    import textwrap

    return textwrap.wrap(
        text,
        width=SUMMARY_WIDTH,
        initial_indent=indent,
        subsequent_indent=indent if hanging is None else hanging,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def summary_lines(result: Any) -> list[tuple[str, str]]:
    """The scan summary as (line, style) pairs, each line at most 80 columns unless one word
    is longer: the verdict, the counts under a heading, then what a stranger can learn."""
    from .report import CATEGORY_LABELS, verdict

    lines: list[tuple[str, str]] = [(line, "bold") for line in _wrapped(verdict(result)["text"])]
    counts: dict[str, int] = {}
    for f in result.findings:
        counts[f.category] = counts.get(f.category, 0) + 1
    if counts:
        lines += [("", ""), ("What the posts show (findings)", "bold")]
        for cat, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
            lines += [
                (line, "") for line in _wrapped(f"{n:6d}  {CATEGORY_LABELS.get(cat, cat)}", "", " " * 8)
            ]
    if result.facts:
        shown = result.facts[:6]
        lines += [("", ""), ("What a stranger can learn", "bold")]
        for fact in shown:
            lines += [(line, "") for line in _wrapped(str(fact.sentence or fact.value), "  - ", "    ")]
        if len(result.facts) > len(shown):
            lines.append((f"  and {len(result.facts) - len(shown)} more in the report.", ""))
    if result.errors:
        lines += [("", "")] + [
            (line, "")
            for line in _wrapped(
                f"{len(result.errors)} item(s) could not be read; see the report's last section."
            )
        ]
    return lines


def _summarise(result: Any, paths: Any, quiet: bool) -> None:
    if quiet:
        return
    for line, style in summary_lines(result):
        out.print(styled(line, style) if style else line)
    out.print("")
    if paths.html:
        out.print(f"Report: {paths.html}")
    out.print(f"Data:   {paths.json}")


#: Error records printed on the terminal (all of them are in the report).
MAX_ERRORS_SHOWN = 10


def _print_errors(errors: Any) -> None:
    """Every run prints what could not be read on stderr, with -q too."""
    for e in list(errors)[:MAX_ERRORS_SHOWN]:
        err.print(f"footprint-audit: {e.where}: {e.message}")
    if len(errors) > MAX_ERRORS_SHOWN:
        err.print(f"footprint-audit: and {len(errors) - MAX_ERRORS_SHOWN} more; see the report.")


DEFAULT_REPORT_FOLDER = "footprint-report"


def _new_report_folder(base: Path) -> Path:
    """``base``, or ``base-2``, ``base-3`` ... when an earlier report is there: a scan without
    --out never overwrites one (with --out the user chose the folder)."""
    folder, n = base, 2
    while (folder / "report.json").exists() or (folder / "report.html").exists():
        folder = base.with_name(f"{base.name}-{n}")
        n += 1
    if folder != base:
        err.print(f"footprint-audit: an earlier report is in {base}; this one goes to {folder}.")
    return folder


def run_scan(
    sources: list[str],
    out_dir: Path,
    options: Any,
    *,
    share: bool,
    json_only: bool,
    quiet: bool,
    pdf: bool = False,
    notes: Sequence[str] = (),
) -> int:
    """Audit, print and write the report; ``notes`` go first in the report's notes (the demo's
    word that its faces are stand-ins)."""
    from dataclasses import replace

    from .errors import FootprintError
    from .pipeline import audit
    from .report import write_report

    try:
        with _Progress(enabled=not quiet and err.is_terminal) as progress:
            result = audit(sources, options=options, progress=progress)
    except FootprintError as exc:
        err.print(f"footprint-audit: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        again = (
            "run the same command again to continue where it stopped"
            if options.use_cache
            else "run the same command again to start it again (--no-cache keeps nothing)"
        )
        err.print(f"footprint-audit: the scan stopped (interrupted); {again}.")
        return EXIT_INTERRUPTED
    if notes:
        result = replace(result, notes=(*notes, *result.notes))
    _print_errors(result.errors)
    if not result.posts:
        # A report here would open with a clean bill ("nothing identifying was found") for a
        # scan that read nothing: write none, and say why.
        reason = "every source failed" if result.errors else "the sources held no posts"
        err.print(
            f"footprint-audit: nothing was read ({reason}); no report was written.",
        )
        return EXIT_USAGE
    since = None
    if options.use_cache:
        from .history import since_last_scan

        since = since_last_scan(result, options.data_dir)
    paths = write_report(
        result, out_dir, share=share, json_only=json_only, timezone=options.timezone, since=since
    )
    _summarise(result, paths, quiet)
    if pdf and paths.html is not None:
        from .report_pdf import PdfUnavailable, write_pdf

        try:
            written = write_pdf(paths.html)
            if not quiet:
                out.print(f"PDF:    {written}")
        except PdfUnavailable as exc:
            err.print(f"footprint-audit: {exc}")
    return EXIT_ITEM_ERRORS if result.errors else EXIT_OK
