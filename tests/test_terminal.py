"""Untrusted text on the terminal is shown, never obeyed (issue 14: rich markup and escape
sequences in a place name or a path)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footprint_audit.terminal import PLACEHOLDER, SafeConsole, clean, styled

HOSTILE = [
    "Caf\u00e9 [/bold] on the corner",
    "[link=https://evil.example]click[/link]",
    "\x1b]0;owned\x07 title",
    "\x1b[2J\x1b[31mred",
    "\x9b31m C1 CSI",
    "photo\u202egpj.exe",
    "half an emoji \ud83d",
]


def _printed(*objects: object) -> str:
    buf = io.StringIO()
    SafeConsole(file=buf, width=200, color_system=None).print(*objects)
    return buf.getvalue()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_prints_without_error_or_control_characters(text: str) -> None:
    shown = _printed(f"Place: {text}")
    assert not any(ord(c) < 32 and c != "\n" for c in shown)
    assert "\x9b" not in shown and "\u202e" not in shown
    shown.encode("utf-8")  # no lone surrogate reaches the terminal


def test_markup_is_shown_as_written() -> None:
    assert _printed("Caf\u00e9 [/bold] x").strip() == "Caf\u00e9 [/bold] x"
    assert _printed(styled("[b]not bold tag[/b]", "bold")).strip() == "[b]not bold tag[/b]"


def test_clean_keeps_ordinary_text_and_marks_what_it_removed() -> None:
    assert clean("Mia's 5th \U0001f382 Tuesday\tpool\nnext") == "Mia's 5th \U0001f382 Tuesday\tpool\nnext"
    assert clean("a\x1bb") == f"a{PLACEHOLDER}b"


@given(st.text())
def test_clean_output_is_always_printable_and_encodable(text: str) -> None:
    out = clean(text)
    out.encode("utf-8")
    assert all(c in "\t\n" or not (ord(c) < 32 or 0x7F <= ord(c) <= 0x9F) for c in out)


def test_scan_and_fix_print_hostile_paths_as_written(tmp_path: Path) -> None:
    """Issue 14: rich markup such as ``[/bold]`` in a path gave a traceback in the summary
    or in `fix`; escape sequences reached the terminal raw."""
    from PIL import Image
    from typer.testing import CliRunner

    from footprint_audit.cli import app

    runner = CliRunner()
    photos = tmp_path / "photos [/bold]"  # a folder "photos [" holding "bold]"
    photos.mkdir(parents=True)
    photo = photos / "[red]beach\x1b[2J.jpg"
    Image.new("RGB", (64, 48), (200, 180, 150)).save(photo)
    (photos / "[red]beach\x1b[2J.txt").write_text("Beach day in Brighton", encoding="utf-8")
    out = tmp_path / "out [/dim]"
    res = runner.invoke(app, ["scan", str(photos), "--out", str(out), "--no-cache", "--json-only"])
    assert res.exit_code == 0, res.output
    assert "[/dim]" in res.output and "\x1b" not in res.output
    fixed = runner.invoke(app, ["fix", str(photo), "--out", str(tmp_path / "safe [/b]"), "--keep-faces"])
    assert fixed.exit_code == 0, fixed.output
    assert "[red]beach" in fixed.output and "\x1b" not in fixed.output


def test_the_scan_summary_fits_80_columns_with_headings_for_the_counts() -> None:
    """Long fact sentences wrap by words under a heading; nothing but an over-long single word
    (a path) may pass 80 columns, and no word is cut."""
    from footprint_audit.models import AuditResult, Fact, Finding
    from footprint_audit.scan_output import SUMMARY_WIDTH, summary_lines

    long = (
        "Mia goes to St Columba's Church of England Voluntary Aided Primary School and Nursery, "
        "named in 4 posts and on a sign in 2 photos, most recently on 3 September 2025"
    )
    facts = tuple(Fact("school", "x", "Mia", 0.9, ("p1",), sentence=f"{long} ({i})") for i in range(8)) + (
        Fact("home_area", "y", "Mia", 0.8, ("p1",), sentence="/" + "a" * 120),
    )
    findings = tuple(Finding("p1", None, "schools", "school", "high", 0.9, "school named") for _ in range(3))
    result = AuditResult(sources=(), posts=(), findings=findings, facts=facts, errors=())
    lines = [text for text, _ in summary_lines(result)]
    text = "\n".join(lines)
    assert "What the posts show (findings)" in lines and "What a stranger can learn" in lines
    for line in lines:
        assert len(line) <= SUMMARY_WIDTH or " " not in line.strip(" -"), line
    assert "Nursery," in text and "(0)" in text  # wrapped, not truncated
    assert "and 3 more in the report." in text
    assert all(word in text.split() for word in long.split())
