"""Japanese words and names for the name readers: the list of given names, and the words that are
no child's name wherever they stand (analyzers/names_ja.py and analyzers/names_ja_pairs.py)."""

from __future__ import annotations

import functools
import re
from importlib import resources

from footprint_audit import lexicon, lexicon_ja


@functools.cache
def given_names() -> dict[str, bool]:
    """Common Japanese given names (kanji and hiragana) -> is it also an everyday word?"""
    text = (resources.files("analyzers") / "data" / "ja_given_names.txt").read_text(encoding="utf-8")
    out: dict[str, bool] = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out[line.rstrip(" *")] = line.endswith("*")
    return out


def plain_word(name: str) -> bool:
    """A word that is no child's name wherever it stands."""
    return (
        len(name) < 1
        or (len(name) < 2 and not is_kanji(name))
        or name in lexicon.JA_NOT_NAMES
        or name in lexicon.JA_COMMON_OPENERS
        or name in lexicon_ja.JA_MORE_NOT_NAMES
        or name in lexicon_ja.JA_THING_WORDS
        or name in lexicon_ja.JA_KANA_OPENERS
    )


def is_kanji(ch: str) -> bool:
    return bool(re.match(r"[一-龯々]", ch))


def ja_boundary(ch: str) -> bool:
    return not re.match(r"[ぁ-ゖァ-ヺー一-龯々]", ch)


def is_place(word: str) -> bool:
    return bool(lexicon.JA_PLACE_RE.fullmatch(word))
