"""Untrusted text on the terminal is shown, never obeyed (issue 14: rich markup and escape
sequences in a place name or a path)."""

from __future__ import annotations

import io

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
