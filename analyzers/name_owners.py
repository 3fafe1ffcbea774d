"""Whose a name is: children another family's phrasing names (playdates, classmates, party
hosts, "her little sister X"), and names that are no child's (pets, characters, brands,
adults). The phrasings are in footprint_audit.lexicon_people; which words are names at all is
decided in analyzers/name_words.py. The names analyzer (analyzers/names.py) reads both."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet

from analyzers.name_words import NOT_NAMES, SIBLING, clean_name
from footprint_audit import lexicon, lexicon_people
from footprint_audit.nlp import TextDoc

#: A capitalised word, the unit of the name lists below; with a hyphenated second part, a name.
_CAP = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+"
_CAP_NAME = rf"{_CAP}(?:-{_CAP})?"


def _other_child_matches(td: TextDoc) -> list[re.Match[str]]:
    """Every match of the other-child phrasings in one text, read once (two readers use them)."""
    cached = td.cache.get("names.other_matches")
    if cached is None:
        cached = td.cache["names.other_matches"] = [
            m for pattern in lexicon_people.OTHER_CHILD for m in pattern.finditer(td.analysed)
        ]
    return list(cached)


def cued_children(td: TextDoc, stop: frozenset[str]) -> list[tuple[str, int, int]]:
    """Capitalised words in a phrase that only a child's name fills ("playdate with Saar")."""
    out: list[tuple[str, int, int]] = []
    text = td.analysed
    for m in _other_child_matches(td):
        starts = [m.start("name")]
        starts += more_starts(m)  # "his cousins Wilfred and Juno": every name of the list
        for start in starts:
            word = _WORD.match(text, start)
            if word is None:
                continue
            name = word.group(0)
            low = name.lower()
            # "dochtertje Lieve" is a name, "vriendin lieve" a word: a capitalised Dutch word that
            # is also a given name counts after the cue
            named = name[:1].isupper() and low in lexicon.DUTCH_COMMON and low in lexicon.given_names()
            if (low in NOT_NAMES or low in stop or low in lexicon.DUTCH_COMMON) and not named:
                continue
            # the phrase says a child's name comes; a lower-case one must be a listed name
            if not name[:1].isupper() and (low not in lexicon.given_names() or lexicon.in_dictionary(low)):
                continue
            out.append((clean_name(name), start, start + len(name)))
    return out


#: "my gorgeous girls ☀️ Summer, Rosie and Bella", "our twins, Noah and Isla": every name of the
#: list is the family's child.
_OUR_LIST = re.compile(
    r"\b(?:my|our|mijn|onze)\s+(?:[a-z]+\s+){0,2}?(?:girls|boys|kids|twins|children|babies|three|two|four|"
    r"grandchildren|grandkids|grandsons|granddaughters|grandbabies|kleinkinderen|"
    r"meiden|jongens|kinderen|tweeling)\b[^\w\n]{0,8}?"
    # "all five of our grandchildren: Zach, Mollie, Ava-Rose, Corey and baby Dotty"
    rf"(?P<name>(?-i:{_CAP_NAME}))"
    r"(?P<more>(?:(?:\s*[,&]|\s+(?:and|en)\b)\s*(?:(?:baby|little|kleine)\s+)?"
    rf"(?-i:{_CAP_NAME}))*)",
    re.IGNORECASE,
)


def our_listed_children(td: TextDoc, stop: frozenset[str]) -> list[tuple[str, int, int]]:
    """The names a list of "my girls", "our twins" gives: the family's children."""
    out: list[tuple[str, int, int]] = []
    for m in _OUR_LIST.finditer(td.analysed):
        starts = [m.start("name"), *more_starts(m)]
        for start in starts:
            name = re.match(r"[^\W\d_]+", td.analysed[start:])
            low = name.group(0).lower() if name else ""
            # a word-name the lists call a word ("Summer") is a name in the list
            if name and low not in stop and (low not in NOT_NAMES or low in lexicon.WORD_NAMES):
                out.append((clean_name(name.group(0)), start, start + len(name.group(0))))
    return out


_LIST_ITEM = re.compile(
    rf"(?:\s*(?P<sep>,|&)|\s+(?P<word>and|en)\b)\s*{lexicon_people.LIST_PREFIX}(?P<w>[A-Za-zÀ-ÖØ-Þß-öø-ÿ][a-zß-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-Þß-öø-ÿ][a-zß-öø-ÿ]+)?)",
    re.IGNORECASE,
)


def list_words(more: str, closed: bool = False) -> list[int]:
    """Offsets in ``more`` (the words after a name: ", Ivy and Mae") of the names that belong to
    its list. A list ends with its "and" item, and commas alone make no list: in "tea with Nanna
    and Grandad, Rosie showed ..." or "speelafspraakje met Tess, Julia vond ...", the name after
    the comma opens a new clause. A ``closed`` list (a bracket ends it: "his patrol (Dylan, Samir,
    Callum)") needs no "and"."""
    items = [((m.group("sep") or m.group("word")).lower(), m.start("w")) for m in _LIST_ITEM.finditer(more)]
    out: list[int] = []
    for sep, start in items:
        out.append(start)
        if sep != ",":
            return out
    return out if closed else []


def more_starts(m: re.Match[str]) -> list[int]:
    """Start offsets of the names of a match's ``more`` group (none when it has no such group)."""
    more = m.group("more") if "more" in m.re.groupindex else None
    if not more:
        return []
    closed = m.string[m.end("more") :].lstrip().startswith(")")
    return [m.start("more") + o for o in list_words(more, closed)]


def _named(td: TextDoc, patterns: Sequence[re.Pattern[str]]) -> Iterator[tuple[re.Match[str], set[int]]]:
    """Each match of ``patterns`` with the start offsets of the names it covers: its ``name``
    group and every word of its ``more`` group ("Sarah and Mark") but the joining words."""
    for pattern in patterns:
        for m in pattern.finditer(td.analysed):
            yield m, {m.start("name"), *more_starts(m)}


def no_person(td: TextDoc) -> set[int]:
    """Start offsets of names that are a pet's or a character's ("our dog Biscuit", "dressed as
    Elsa", "Mia Wallace vibes"): no finding at all."""
    out: set[int] = set()
    for m, starts in _named(td, lexicon_people.NOT_A_PERSON):
        out |= starts
        # the second word of a character's name ("Bo Peep", "Mia Wallace")
        tail = re.match(r"\s+([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)", td.analysed[m.end("name") :])
        if tail and re.search(r"costume|outfit|fancy|vibes|dressed", m.group(0), re.IGNORECASE):
            out.add(m.end("name") + tail.start(1))
    # shops, brands and stories: every word of "Marks and Spencer", "Ben & Jerry's"
    for b in lexicon_people.BRANDS.finditer(td.analysed):
        out |= {b.start() + w.start() for w in re.finditer(r"[A-Za-z]+", b.group(0))}
    # characters: "Peppa and George", "Sint en Piet", "Elsa" in a Frozen post, "Matilda the Musical"
    stories = frozenset().union(
        *(names for cue, names in lexicon_people.CHARACTER_STORIES if cue.search(td.analysed))
    )
    for w in re.finditer(r"(?<![\w@#])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+", td.analysed):
        low = w.group(0).lower()
        if (
            low in lexicon_people.CHARACTERS
            or low in stories
            or lexicon_people.TITLE_AFTER.match(td.analysed[w.end() :])
        ):
            out.add(w.start())
    return out


def adult_age(td: TextDoc, start: int, end: int) -> bool:
    """Does the text give the name a grown-up's age (18 or more): "Tom is 35 today", "Sarah's
    30th", "Happy 40th birthday Kate"?"""
    for m in (
        lexicon_people.ADULT_AGE_AFTER.match(td.analysed[end:]),
        lexicon_people.ADULT_AGE_BEFORE.search(td.analysed[max(0, start - 40) : start]),
    ):
        if m and 18 <= int(m.group("n")) <= 120:
            return True
    return False


def adult_names(td: TextDoc) -> set[int]:
    """Start offsets of names the phrasing shows to be adults ("thank you Sarah and Mark for
    having us", "Becky and her new baby", "mijn man Koen")."""
    out: set[int] = set()
    for _m, starts in _named(td, lexicon_people.ADULT_NAMED):
        out |= starts
    return out


def phrased_as_other_child(td: TextDoc) -> frozenset[int]:
    """Start offsets of the words another family's child's phrasing names ("my nephew Alfie",
    "vriendje Stan"), found or not: the phrase outweighs adult cues elsewhere in the post."""
    cached = td.cache.get("names.other_phrased")
    if cached is None:
        out: set[int] = set()
        grandparent = bool(lexicon_people.GRANDPARENT_VOICE.search(td.analysed))
        for m in _other_child_matches(td):
            if grandparent and m.re is lexicon_people.THROUGH_PARENT:
                continue  # "Grandma here, Nneka's mummy let me post": the grandmother's daughter
            if _FAMILY_BEFORE.search(td.analysed[: m.start()]) and re.match(
                r"(?i)(?:his|her|their|zijn|haar|hun)\b", m.group(0)
            ):
                continue  # "Papa met zijn zoontje Sem", "Daddy and his little girl": ours
            out.add(m.start("name"))
            out |= set(more_starts(m))
        cached = td.cache["names.other_phrased"] = frozenset(out)
    return cached


def other_children(td: TextDoc, found: Sequence[tuple[str, int, int]]) -> set[int]:
    """Start offsets of the names in ``found`` that are another family's child."""
    text = td.analysed
    starts = {s for _, s, _ in found}
    other = _same_name(text, phrased_as_other_child(td), starts)
    hosts: set[int] = set()
    for pattern in lexicon_people.PARTY_HOST:
        for m in pattern.finditer(text):
            hosts.add(m.start("name"))
    # "Femi and Temi's christening", "Macsen and Efa's party": a joint host
    for h in list(hosts):
        joint = re.search(r"([^\W\d_]+)\s+(?:and|&|en)\s+$", text[:h])
        if joint and joint.start(1) in starts:
            hosts.add(joint.start(1))
    hosts = _same_name(text, hosts, starts)
    # The party's host is another family's child when the post thanks the hosts for having us,
    # or names one of ours as well (unless it thanks its own guests).
    ours = starts - other - hosts
    if lexicon_people.GUEST_CUE.search(text):
        other |= hosts & starts
    elif ours and not _HOSTING.search(text):
        # "Leo at Max's party": one of ours is a guest; "Tilly's 7th birthday party ... thanks to
        # everyone who came, special mention to Aarav": the poster hosted, the host is ours
        other |= hosts & starts
    # a coach's, a childminder's post: the children named are other families' ("our Reece" stays ours)
    if lexicon_people.CARER_VOICE.search(text):
        other |= starts
    # "Special mention to Harrison, Leon and our Alfie": in a list where one is ours, the others are not
    for m in _LIST_WITH_OURS.finditer(text):
        other |= _list_starts(m) & starts
    # the guests the poster thanks at a party or a match: "special mention to Aarav and Lexi"
    bday = _BIRTHDAY_CHILD.search(text)
    if (hosts & starts) - other or _TEAM.search(text) or bday:
        for m in _MENTIONED.finditer(text):
            other |= _list_starts(m, "list" if m.group("list") else "guests") & starts
    # "Elliot is 9 today!! Laser tag with Mason, Dexter and Kai": the birthday child's guests
    if bday is not None:
        for m in _WITH_LIST.finditer(text, bday.end()):
            other |= (_list_starts(m) & starts) - _same_name(text, {bday.start("name")}, starts)
    other |= siblings_of(td, other)
    # "my niece Maisie on her christening and happy birthday to her big brother Alfie": the
    # brother of the child named last before him
    for m in _THEIR_SIBLING.finditer(text):
        before = [s for s in starts if s < m.start()]
        if before and max(before) in other:
            other.add(m.start("sib"))
    return _same_name(text, other, starts) & starts


def _same_name(text: str, offsets: AbstractSet[int], starts: set[int]) -> set[int]:
    """The offsets, and every start in ``starts`` where the same name is written again: "Bo and
    Wilf at Wilf's birthday" names one guest twice, and both are another family's child."""
    words = {w.group(0).lower() for o in offsets if (w := _WORD.match(text, o))}
    return set(offsets) | {s for s in starts if (w := _WORD.match(text, s)) and w.group(0).lower() in words}


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


def _list_starts(m: re.Match[str], group: str = "list") -> set[int]:
    """Start offsets of the words of a match's ``list`` group (a hyphenated name is one word)."""
    return {m.start(group) + w.start() for w in _WORD.finditer(m.group(group))}


_NAME_RUN = rf"{_CAP}(?:\s*(?:,|and|&)\s*(?:(?:little|baby)\s+)?{_CAP})*"
#: A list item: a name, perhaps hyphenated, perhaps with an age ("Saoirse 4", "Noud (6)").
_ITEM = rf"{_CAP_NAME}(?:\s+\(?\d{{1,2}}\)?)?"
#: "Harrison, Leon and our Alfie", "Yusuf, Hamza and our little Safa", "Mila, Priya and Hannah
#: (plus our Niamh)", "Lucas, Noud en onze Pim": the names before the one marked ours are not.
_LIST_WITH_OURS = re.compile(
    rf"(?-i:(?P<list>{_ITEM}(?:\s*(?:,|and|&|en)\s*{_ITEM})*))\s*(?:,\s*)?(?:,|and|&|en|\(\s*plus|plus)\s*"
    r"(?:our|my|onze|ons|mijn)\s+(?:(?:little|kleine)\s+)?(?-i:[A-ZÀ-ÖØ-Þ])",
    re.IGNORECASE,
)
_MENTIONED = re.compile(
    rf"\b(?:special\s+mention|shout[\s-]?outs?)\s+to\s+(?-i:(?P<list>{_NAME_RUN}))|"
    rf"\b(?:thank\s+you|thanks)\s+(?:so\s+much\s+)?to\s+(?-i:(?P<guests>{_NAME_RUN}))\s+for\s+coming\b",
    re.IGNORECASE,
)
#: A child's birthday: "Elliot is 9 today", "Freya's 9th", "Kasper is 12 geworden".
_BIRTHDAY_CHILD = re.compile(
    rf"(?-i:\b(?P<name>{_CAP}))"
    r"(?:\s+(?:is|turns|turned|wordt|werd|is\s+vandaag)\s+(?:\d{1,2}|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:today|vandaag|geworden|jaar|!)|['’]s\s+\d{1,2}(?:st|nd|rd|th)\b"
    r"(?:\s+birthday)?)",
    re.IGNORECASE,
)
#: Two or more names after "with", none of them marked ours: "with Mason, Dexter and Kai".
_WITH_LIST = re.compile(
    rf"\b(?:with|met)\s+(?-i:(?P<list>{_CAP}(?:\s*,\s*{_CAP})*\s*(?:,|and|&|en)\s*{_CAP}))\b",
    re.IGNORECASE,
)
_THEIR_SIBLING = re.compile(
    r"\b(?:her|his|haar|zijn)\s+(?:new\s+)?(?:(?:little|big|baby|older|younger|kleine|grote)\s+)?"
    r"(?:brother|sister|broer(?:tje)?|zus(?:je)?)\s+(?P<sib>(?-i:[A-ZÀ-ÖØ-Þ])[a-zß-öø-ÿ]+)",
    re.IGNORECASE,
)
_TEAM = re.compile(r"\b(?:team|league|match|tournament|squad|teammates?)\b", re.IGNORECASE)
#: The other parent or a grandparent before "his/her son X": the family's child.
_FAMILY_BEFORE = re.compile(
    r"\b(?:papa|mama|opa|oma|manlief|mijn\s+man|mijn\s+vrouw|daddy|mummy|dad|mum|hubby|husband|wife|grandad|"
    r"grandma|grandpa|nana|nanna|granny)\s+(?:[^\W\d_]+\s+){0,2}$",
    re.IGNORECASE,
)
#: The poster hosted: thanks to the guests.
_HOSTING = re.compile(
    r"\b(?:(?:everyone|all(?:\s+the\s+\w+)?|every\w*)\s+who\s+came|for\s+coming|who\s+came\s+and|"
    r"special\s+mention\s+to|all\s+our\s+guests|bedankt\s+voor\s+het\s+komen)\b",
    re.IGNORECASE,
)


def siblings_of(td: TextDoc, other: set[int]) -> set[int]:
    """ "millie and her little brother finn": the sibling of another family's child is one too."""
    return {m.start("sib") for m in SIBLING.finditer(td.analysed) if m.start("name") in other}
