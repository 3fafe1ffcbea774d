"""What reaches the terminal: text from posts, file names and places is shown as written,
never interpreted.

Two things in untrusted text can act on a terminal. Rich markup (``[/bold]`` in a place name)
is read by rich's console as a tag, and an unbalanced closing tag raises an error that used to
end a scan after all its work was done. Control characters (ESC sequences, C1 codes, bidi
overrides) are obeyed by the terminal itself: they can recolour, move the cursor, retitle the
window or make a path read backwards. The consoles here never parse markup, and ``clean``
replaces every control character with a visible placeholder.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.text import Text

#: C0 controls other than tab and newline, DEL, C1 controls, the Unicode bidi controls
#: (embeddings, overrides, isolates, marks) that reorder what the reader sees, and lone
#: surrogates, which cannot be encoded at all.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: What a removed character becomes, so the reader sees that something was there.
PLACEHOLDER = "\N{REPLACEMENT CHARACTER}"


def clean(text: object) -> str:
    """``text`` as a string with every control character replaced by a placeholder.

    Lone surrogates (a truncated emoji in platform JSON) become placeholders too, so that
    printing never raises UnicodeEncodeError."""
    return _CONTROL.sub(PLACEHOLDER, str(text))


def styled(text: object, style: str) -> Text:
    """Cleaned text in one style (the only way output here is bold or coloured)."""
    return Text(clean(text), style=style)


class SafeConsole(Console):
    """A console that never reads markup and cleans every string it prints."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("markup", False)
        kwargs.setdefault("highlight", False)
        kwargs.setdefault("emoji", False)
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def print(self, *objects: object, **kwargs: object) -> None:
        kwargs["markup"] = False
        kwargs.setdefault("highlight", False)
        super().print(*(clean(o) if isinstance(o, str) else o for o in objects), **kwargs)  # type: ignore[arg-type]


# Untrusted text (places, captions, paths) is printed as written: never read as markup, and
# control characters replaced.
err = SafeConsole(stderr=True, soft_wrap=True)
out = SafeConsole(soft_wrap=True)  # paths and handles must never be wrapped mid-word
