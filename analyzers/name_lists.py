"""Names in a list: in "Posy, Barnaby and Ottilie" two listed names make the third a name too,
even one that is also a word. Read by the names analyzer after the word-by-word reading of
analyzers/name_words.py."""

from __future__ import annotations

import re

from analyzers.name_places import big_towns
from analyzers.name_words import NOT_NAMES, after_title, clean_name
from footprint_audit import lexicon

#: "Posy, Barnaby and Ottilie", "Lachlan, Callum, Skye and baby Innes": a list of three or more.
_NAME_LIST = re.compile(
    r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:\s*,\s*[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)+\s*,?\s*(?:and|&|en)\s+"
    r"(?:(?:baby|little|our|kleine)\s+)?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+"
)


def rest_of_list(
    text: str, found: list[tuple[str, int, int]], stop: frozenset[str]
) -> list[tuple[str, int, int]]:
    """In a list of three or more capitalised words of which two are names, the others are names
    too ("Posy, Barnaby and Ottilie": "Posy" is a word as well)."""
    starts = {s for _, s, _ in found}
    out: list[tuple[str, int, int]] = []
    for m in _NAME_LIST.finditer(text):
        before = text[: m.start()].rstrip().split()
        if before and (
            before[-1].lower() in lexicon.PLACE_PREPOSITIONS | {"at", "the", "de", "het", "op", "bij"}
            or before[-1][:1].isupper()
        ):
            continue  # "at Bamburgh, Ollie and Ruben", "het Amsterdamse Bos, Vince en Hidde": a place first
        words = [
            (m.start() + w.start(), w.group(0)) for w in re.finditer(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+", m.group(0))
        ]
        if sum(1 for s, _ in words if s in starts) < 2:
            continue
        for s, word in words:
            low = word.lower()
            if s in starts or low in NOT_NAMES or low in stop or low in big_towns() or after_title(text[:s]):
                continue
            out.append((clean_name(word), s, s + len(word)))
    return out
