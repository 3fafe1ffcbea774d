"""Is a capitalised word part of a place's, venue's or team's name rather than a person's:
"the Red Lion", "Peggy's Kitchen", "Parc Howard", "Barry Island". The names analyzer's word
reading (analyzers/name_words.py) asks before it takes a word for a name."""

from __future__ import annotations

import functools
import re

from footprint_audit import lexicon

_NEXT_CAPITALISED = re.compile(r"^(?:'s|’s)?\s+([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)\b")
_CAPITALISED_RUN_AFTER_THE = re.compile(r"(?<![\w'’])(?:the|The)\s+(?:[A-ZÀ-ÖØ-Þ][\wß-ÿ'’-]*\s+){0,3}$")


#: Words that open a place's name ("Parc Howard", "Loch Ness"): the word after is no person.
PLACE_HEADS = frozenset(
    "parc park mount mt port fort lake loch llyn castell cape glen ben isle lough".split()
)


def in_run_after_the(before: str) -> bool:
    """Is the word in a capitalised run right after "the" ("the Theatre Royal", "the Glen Café")?"""
    return bool(_CAPITALISED_RUN_AFTER_THE.search(before))


def named_thing_after(after: str, not_names: frozenset[str]) -> bool:
    """Is the next word a capitalised ordinary noun that is no name ("Peggy's Kitchen", "Arthur's
    Seat", "Grove Rangers", "Sherman Theatre")? Then the two words name a place or a team."""
    m = _NEXT_CAPITALISED.match(after)
    if m is None or after[m.end() :].startswith(("'", "’")):
        return False
    low = m.group(1).lower()
    if after.startswith(("'s", "’s")) and re.match(r"\s+[a-z]", after[m.end() :]):
        rest = after[m.end() :].split()[0].strip(".,!?:;")
        if rest not in lexicon.PLACE_PREPOSITIONS and rest not in ("and", "with", "for", "this", "today"):
            return False  # "Bethan's Welsh dancing", "Mia's Christmas play": the child's thing
    if low in lexicon.given_names() or low in not_names:
        return False
    # "Bishop's Cleeve": after a possessive, a capitalised word that is no name names a place
    return lexicon.in_dictionary(low) or after.startswith(("'s", "’s"))


def place_after(after: str) -> bool:
    """Is the word part of a place's name: "Barry Island", "Trent Bridge", "St Luke's Church"?"""
    m = _NEXT_CAPITALISED.match(after)
    return bool(m and m.group(1).lower() in lexicon.PLACE_NOUNS)


@functools.cache
def all_towns() -> frozenset[str]:
    from analyzers.places import _gazetteer

    return frozenset(_gazetteer())


@functools.cache
def big_towns() -> frozenset[str]:
    from analyzers.places import _gazetteer

    return frozenset(k for k, row in _gazetteer().items() if int(row.get("population", 0) or 0) >= 100_000)
