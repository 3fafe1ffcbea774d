"""Which words of a post are people's names: the given-name list read in context ("Poppy and
Alfie", a lower-case writer, word-names like "Rose" only in a person's slot). Whose they are
(another family's child, an adult, a pet) is analyzers/name_owners.py. The names analyzer
(analyzers/names.py) turns both into findings."""

from __future__ import annotations

import functools
import re

from analyzers.name_places import (
    PLACE_HEADS,
    all_towns,
    big_towns,
    in_run_after_the,
    named_thing_after,
    place_after,
)
from footprint_audit import lexicon
from footprint_audit.nlp import HASHTAG_WORDS, TextDoc
from footprint_audit.text_rules import CHILD_NOUNS

#: Words that look like names in the names analyzer's patterns but are not ("DD (7)", "our LO":
#: the forum shorthand of UK parents for their children is among the child nouns; "DH" is a husband).
NOT_NAMES = (
    frozenset(
        """
    mum mom mummy mommy mama dad daddy papa husband wife hubby partner friend bestie nan nana nanna
    granny grandma grandad grandpa grandad gran auntie aunt aunty uncle cousin boss sis bro everyone
    you all guys team love lovely darling sweetie baby babe boy girl man lady son daughter one kids
    best favourite favorite amazing gorgeous beautiful handsome clever today tomorrow yesterday
    finally officially just now very so really big little first last new old other week day year
    turns turned turning birthday bday party school nursery class swim swimming happy dear my our
    the and with from at to in on of for is was be it its this that these those we us me he she
    they him her his their them who what when where why how oma opa mama papa mijn onze lieve
    zoon dochter jarig vandaag jaar prinses mr mrs ms miss sir madam mister teacher coach
    eldest youngest oldest littlest middle lost got had has made went came loves loved
    january february march september october november december monday tuesday wednesday thursday
    friday saturday sunday headteacher head teachers nanny coach
    prince princess king queen duke duchess lord santa nain taid mamgu bampi mam mammy
    jesus christ god allah buddha villa
    dh dw dp dsd dss
    kleinzoon kleindochter kleinkind kleinkinderen neef nicht broer broertje zus zusje ouders
    grandson granddaughter grandchild grandchildren nephew niece godson goddaughter
    schat schatje lieverd kanjer dochterlief zoonlief nichtje neefje kleine meter petekind petekindje
    irish welsh scottish english british polish dutch flemish french german spanish italian
    portuguese nigerian ghanaian indian pakistani bangladeshi turkish moroccan japanese chinese
    african caribbean gaelic urdu punjabi hindi arabic somali romanian
    ramadan eid diwali christmas easter hanukkah vaisakhi holi passover halloween
    """.split()
    )
    | HASHTAG_WORDS
    | frozenset(CHILD_NOUNS)
)

#: Never a child's name, whatever follows: the days, and the months that are no given names
#: ("turned 5 on Sunday and ..."; April, May, June and August are names).
_NEVER_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march july september october "
    "november december".split()
)
#: Words a parent puts before a child's name that are also given names elsewhere ("Little").
_FONDLY = frozenset("little baby big young sweet dear wee lil".split())

_SHE = re.compile(r"\b(?:she|her|hers|daughter|girl|sister|princess|lady|dochter|meisje|zus)\b|娘", re.I)
_HE = re.compile(r"\b(?:he|him|his|son|boy|brother|lad|little man|zoon|jongen|broer)\b|息子", re.I)


@functools.cache
def _dutch_stop_words() -> frozenset[str]:
    from spacy.lang.nl.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@functools.cache
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def plausible_name(name: str, stop: frozenset[str]) -> bool:
    low = name.lower()
    if low.split("-")[-1] in NOT_NAMES:
        return False  # "Great-Grandma", "Step-Dad"
    if any(len(part) > 12 for part in low.split("-")):
        return False  # "Wizardingworld": a hashtag the splitter left whole, no given name
    return len(low) >= 2 and low not in NOT_NAMES and low not in stop and not low.isdigit()


def clean_name(name: str) -> str:
    """'mia' -> 'Mia', 'anne-marie' -> 'Anne-Marie'."""
    return "-".join(part[:1].upper() + part[1:] for part in name.split("-"))


def pronoun(text: str) -> str | None:
    """'she' or 'he' when the text says so, else None (the report then says 'they')."""
    she, he = bool(_SHE.search(text)), bool(_HE.search(text))
    if she == he:
        return None
    return "she" if she else "he"


#: Words around a name that say the text is about a child (for names the model finds).
CHILD_CUES = re.compile(
    r"\b(?:first\s+day|nativity|sports\s+day|star\s+of\s+the\s+week|badge|first\s+tooth|"
    r"proud\s+(?:mummy|mum|mom|mama|daddy|dad|parents?)|nursery|reception|school|playground|"
    r"swim(?:ming)?\s+(?:class|lesson)|ballet|birthday|bday|turns\s+\d|years?\s+old|months?\s+old)\b",
    re.IGNORECASE,
)


#: A plural noun or a verb, then a preposition: after a word-name it is the noun ("Dawn chorus
#: at", "Lily pads at") as often as the verb ("Ruby swims at").
_NOUN_THEN_PLACE = re.compile(r"^\s+[a-z]{2,}s\s+(?:at|in|on|to|up|out|off|all|every)\b")


def uses_capitals(text: str) -> bool:
    """Does the writer capitalise words inside sentences? Then a lower-case word is no name."""
    plain = re.sub(r"[#@]\S+", "", text)
    for sentence in re.split(r"[.!?\n]+", plain):
        words = re.findall(r"[^\W\d_]+", sentence)
        if any(w[:1].isupper() and w != "I" for w in words[1:]):
            return True
    return False


def capitalises_sentences(text: str) -> bool:
    """Does the writer open two or more sentences, and every one, with a capital? Then a name
    would have its capital too: "Lasted till ham sandwiches" has no child in it."""
    plain = re.sub(r"[#@]\S+", "", text)
    firsts = [m.group(0) for s in re.split(r"[.!?\n]+", plain) if (m := re.search(r"[^\W\d_]", s))]
    return len(firsts) >= 2 and all(c.isupper() for c in firsts)


def child_context(td: TextDoc) -> bool:
    return bool(td.spans("SCHOOL") or td.spans("CHILD_REL") or CHILD_CUES.search(td.analysed))


#: A word on its own: not inside a user name or address ("sophie.and.mia", "@mia_b").
_WORD_RE = re.compile(r"(?<![\w#@'’./-])([^\W\d_][^\W\d_'’]{1,19}(?:-[^\W\d_]{2,19})?)(?![\w/-]|\.\w)")
SENTENCE_START = re.compile(r"(?:^|[.!?\n:]\s*|[^\w\s'’,&-]\s*)$")


def gazetteer_names(td: TextDoc, stop: frozenset[str]) -> list[tuple[str, int, int]]:
    """First names from the name list in a family post: (name, start, end) in the analysed text.

    A word counts when it is a known given name, capitalised (or the writer never
    capitalises), not a common or stop word, not after a title or a place preposition, and,
    when it is also an ordinary word ("Rose", "Max"), when the sentence treats it as a person.
    """
    if td.script == "cjk":
        return []
    names = lexicon.given_names()
    words = lexicon.english_words()
    lower_writer = not uses_capitals(td.text) and not capitalises_sentences(td.text)
    text = td.analysed
    out: list[tuple[str, int, int]] = []
    for m in _WORD_RE.finditer(text):
        word = m.group(1)
        low = word.lower()
        after = text[m.end() :]
        if _CONTRACTION.match(after):
            continue  # "haven't", "didn't"
        nxt = lexicon.PERSON_NEXT_ANY_CASE if lower_writer else lexicon.PERSON_NEXT
        next_m = nxt.match(after)
        if (
            next_m is not None
            and next_m_is_loose(next_m)
            and lower_writer
            and not _verb_after(next_m, after, names, words)
        ):
            next_m = None  # "storm en regen": "and" joins it to no name
        person_slot = bool(next_m or lexicon.PERSON_BEFORE.search(text[: m.start()]))
        # an age or a child's first after the word: a person, whatever the word lists say
        strong = bool(lexicon.STRONG_PERSON_NEXT.match(after))
        # a word-name the list lacks ("Autumn had her first lesson") still counts in a person's slot
        listed = (
            low in names
            or (low in lexicon.WORD_NAMES and person_slot and word[:1].isupper())
            # "Lily-Mae", "isla-mae": every part a given name
            or ("-" in low and all(part in names for part in low.split("-")))
        )
        # a capitalised word in no dictionary and no list, where a person's name goes ("Ffion and
        # Cerys did ...", "Tomos plays rugby"): English text only, not a town
        unlisted = (
            not listed
            and td.script == "latin"
            and word[:1].isupper()
            and not word.isupper()
            and len(word) >= 3
            and bool(words)
            and not lexicon.in_dictionary(low)
            and low not in all_towns()
            and (
                strong
                or bool(_UNLISTED_SLOT.match(after))
                or _pair_in_slot(after)
                or _unlisted_pair(after, names)
            )
        )
        # Dutch has no dictionary here: an unlisted capitalised word counts only before what a
        # person's name is followed by ("Malak zit in groep 6", "Sofia haar 2e verjaardag")
        unlisted = (
            unlisted
            or (
                td.script in ("nl", "latin")  # a short Dutch caption may not be told from English
                and word[:1].isupper()
                and not word.isupper()
                and len(word) >= 3
                and low not in lexicon.DUTCH_COMMON
                and low not in _dutch_stop_words()
                and low not in big_towns()  # "Jasper", "Malak" are small towns somewhere too
                and bool(_NL_SLOT.match(after))
            )
        )
        # "Lyra is 7 now": an age or a child's first makes a capitalised word a name, listed or not
        aged = strong and word[:1].isupper() and not word.isupper() and low not in big_towns()
        if not (listed or unlisted or aged or (strong and low in lexicon.WORD_NAMES)):
            continue
        if (low in NOT_NAMES or low in stop) and not strong or low.rstrip("s") in _NEVER_NAMES:
            continue
        if re.search(r"\d\s*$", text[: m.start()]):
            continue  # "18 miles", "3 seasons": a count of things
        if low in lexicon.DUTCH_COMMON and not (strong and low in names and word[:1].isupper()):
            continue  # "lieve", "storm" are words, but "Lieve is 2 geworden" is a child
        if (
            td.script == "nl"
            and low in _dutch_stop_words()
            and (word.islower() or SENTENCE_START.search(text[: m.start()]))
        ):
            continue  # "dan", "ben", "nu" in Dutch text ("Ben" inside a sentence stays a name)
        if word.islower():
            # a writer who capitalises places may still write a child's name small: "ayesha's first
            # swimming lesson at Pond's Leisure Centre" (a listed name, no word, a child's first)
            if not lower_writer and not (strong and low in names and not lexicon.in_dictionary(low)):
                continue
            ambiguous = low in lexicon.WORD_NAMES or (low in words and low not in lexicon.core_names())
            if (
                ambiguous
                and not strong
                and not (_UNLISTED_SLOT.match(after) or _and_listed(after, names, words))
            ):
                continue  # "cora fed the lambs", "the village hall"
            if _DETERMINER_BEFORE.search(text[: m.start()]):
                continue  # "this lot", "the will"
            if low in words and re.search(r"\b(?:our|my|little|sweet|baby)\s+$", text[: m.start()]):
                continue  # "our little bee is one": a pet name, not a given name
        elif not word[:1].isupper() or (word.isupper() and len(word) > 1 and not lower_writer):
            continue
        before = text[: m.start()].rstrip().split()
        prev = before[-1].lower().strip(".,:;!?") if before else ""
        possessive = after.startswith(("'s", "’s"))
        if low in lexicon.PLACE_NOUNS and before and before[-1][:1].isupper():
            continue  # "Albert Dock", "Salts Mill": the second word of a place's name
        if before and before[-1][:1].isupper() and before[-1].lower() in PLACE_HEADS:
            continue  # "Parc Howard", "Mount Everest", "Loch Lomond": a place named after its kind
        # a preposition or compass word must touch the name ("de deur uit, Daan" is no place);
        # "to Harper's christening" is a person's
        joined = bool(before) and before[-1][-1:].isalpha()
        titled = prev.split("-")[-1] in lexicon.TITLES and (
            joined or before[-1].endswith(".")
        )  # "oma, Hidde" is no title
        if titled or (
            joined
            and (prev in lexicon.PLACE_PREPOSITIONS or prev in lexicon.PLACE_QUALIFIERS)
            and not (possessive and low not in big_towns())
            and not lexicon.PERSON_BEFORE.search(text[: m.start()])  # "good luck to Aria"
            and not _listed_pair(low, after, names)  # "breakfast in bed from Ruby and Ted"
        ):
            continue
        # "Mary Berry", "Jamie Oliver's": an English surname after a capitalised first name (a
        # child's full name is read by the relation patterns, "our son Harry Thompson")
        if (
            td.script == "latin"
            and not lower_writer
            and re.search(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+ $", text[: m.start()])
            and before[-1].lower() in names
            and before[-1].lower() not in _FONDLY  # "Little Henry and I": no first name before
        ):
            continue
        # "Maarten van der Weijden": a Dutch full name, a grown-up's
        if re.match(r"^\s+(?:van\s+(?:der|den|de|het)|van|de|ter|ten|te)\s+[A-Z]", after):
            continue
        town_pair = _PAIR_BEFORE.search(text[: m.start()])
        if low in big_towns() and town_pair and town_pair.group("w").lower() in big_towns() and not strong:
            continue  # "family from Lagos and London": a city joined to a city
        # "swimming at York": a town after "at" is a place ("tea at Phoebe's" stays a name)
        if prev == "at" and low in big_towns() and not possessive:
            continue
        # "Barry Island", "Trent Bridge", "St Luke's Church": part of a place's name
        if place_after(after):
            continue
        # "the Red Lion", "at the Great North Run", "Peggy's Kitchen", "Grove Rangers": a word of
        # a venue's or an event's name, not a person
        if not strong and (in_run_after_the(text[: m.start()]) or named_thing_after(after, NOT_NAMES)):
            continue
        # A word that is also an ordinary word, or one opening a sentence ("Drop off at ..."),
        # counts only when the sentence goes on as it would after a person's name.
        opening = bool(SENTENCE_START.search(text[: m.start()]))
        # a town's name ("London looking gorgeous") needs the same
        town = low in big_towns() and text[: m.start()].rstrip().endswith(",")
        # a common given name that is no English word ("Hamish fell asleep", "Arlo at nursery")
        # needs no verb after it to open a sentence
        plain_name = (
            opening
            and td.script != "nl"  # no Dutch dictionary here: "Roos in de vaas" is a rose
            and not town
            and low in lexicon.core_names()
            and low not in lexicon.WORD_NAMES
            and not lexicon.in_dictionary(low)
            and not re.match(r"^(?:'s|’s)?\s+[A-Z]", after)  # "Joe Wicks", "Beverley Minster"
        )
        if (low in lexicon.WORD_NAMES or opening or town) and not (
            person_slot or strong or unlisted or plain_name
        ):
            continue
        if low in lexicon.WORD_NAMES and opening and not strong and re.match(r"^\s+with\b", after):
            continue  # "Tea with Leo", "Sunshine with the kids": a word, not a person
        if (
            low in lexicon.WORD_NAMES
            and not strong
            and _NOUN_THEN_PLACE.match(after)
            and not lexicon.PERSON_BEFORE.search(text[: m.start()])
        ):
            continue  # "Dawn chorus at 4am", "April showers in full force": a word and a noun
        out.append((clean_name(word), m.start(), m.end()))
    # "Sem and Milan": a capitalised word joined by "and" to a name is a name too, even one
    # the list does not have.
    for _name, s, e in list(out):
        for pm in (_PAIR_BEFORE.search(text[:s]), _PAIR_AFTER.match(text[e:])):
            if pm is None:
                continue
            word = pm.group("w")
            low = word.lower()
            ws = pm.start("w") + (0 if pm.re is _PAIR_BEFORE else e)
            # "Will and Hattie", "Summer and Jude": a capitalised word-name joined to a name is one
            word_name = low in lexicon.WORD_NAMES and word[:1].isupper()
            if (
                ((low in NOT_NAMES or low in stop or low in lexicon.DUTCH_COMMON) and not word_name)
                or any(a == ws for _, a, _ in out)
                or after_title(text[:ws])
                or low in big_towns()  # "from Lagos and London"
            ):
                continue
            if word.islower() and (
                not lower_writer or (low in lexicon.english_words() and low not in lexicon.given_names())
            ):
                continue
            # what follows the pair: after the partner for "Hendrix and Ozzy are 3"
            after_pair = text[e:] if pm.re is _PAIR_BEFORE else text[ws + len(word) :]
            if (
                not word.islower()
                and low not in lexicon.given_names()
                and low in lexicon.english_words()
                # "Tilly and Wren did ...", "Faith and Blessing, my two angels": a person's slot after the pair
                and not (
                    _UNLISTED_SLOT.match(after_pair)
                    or re.match(r"^\s*,\s*(?:my|our)\s", after_pair)
                    # "Hendrix and Ozzy at their first rugby session": the pair are people
                    or re.match(r"^\s+(?:[a-z]+\s+){0,2}(?:their|they|both)\b", after_pair)
                )
            ):
                continue  # "Fish and Chips"
            out.append((clean_name(word), ws, ws + len(word)))
    return sorted(out, key=lambda t: t[1])


#: What follows an unknown capitalised word that makes it a person's name: a verb a person
#: does ("Tomos plays rugby", "Rafe at 11 months"), not "are for" or "with".
_UNLISTED_SLOT = re.compile(
    r"^\s+(?:(?:never|always|just|finally|really|also|still|already|even|usually|often|sometimes|absolutely|totally|now)\s+)?(?:is\s+(?:\d|one|two|three|four|five|so|such|now)|"
    r"are\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)|"
    r"was\s+(?:so|such|the|a)|has|had|got|gets|did|does|loves?|loved|made|makes|scored|started|finished|won|"
    r"lost|turned|turns|learn(?:ed|t)|said|says|wants|wanted|needs|[a-z]{3,}ed|"
    r"[a-z]{2,}s\s+(?:the|a|an|his|her|their|my|our|it|me|us|to|in|on|at|up|out|off|all|every|[a-z]+\s+every)|"
    r"(?:and|&)\s+I|at\s+\d{1,2}\s*(?:months?|weeks?|years?)|aged?\s+\d)\b"
)
#: After an unlisted word in Dutch text, what makes it a person's name: the possessive "haar" or
#: "zijn" ("Jasper zijn eerste wedstrijd"), "zit in groep", a school year in brackets, "en haar".
_NL_SLOT = re.compile(
    r"^\s+(?:(?:zit|zat)\s+(?:nu\s+|al\s+)?(?:in|op|bij)\b|heeft\s+(?:haar|zijn|vandaag|gisteren|al|net)\b|"
    r"(?:haar|zijn)\s+(?:eerste|\d{1,2}(?:e|ste|de)|verjaardag|zwemdiploma)\b|"
    r"(?:wordt|werd|is)\s+(?:vandaag\s+|morgen\s+)?\d{1,2}\b|vandaag\s+\d{1,2}\s+jaar\b|"
    r"slaapt|speelt|leest|fietst|zwemt|loopt|"
    r"zijn\s+(?:een\s+tweeling|allebei|samen|vandaag\s+\d)|(?:kan|mag|wil|moet)\s+(?:niet|al|nu|echt|eindelijk|zelf)\b|"
    r"op\s+(?:haar|zijn)\s+(?:eigen|eerste)\b|in\s+(?:groep\s*\d|(?:het|de)\s+\w+\s+(?:leerjaar|kleuterklas))|"
    r"en\s+(?:haar|zijn)\s+(?:beste\s+)?(?:vriend|vriendin|vriendje|vriendinnetje|klasgeno|broer|zus)|"
    r"\(\s*(?:groep\s*\d|\d(?:e|ste|de)\s+(?:kleuterklas|leerjaar)))"
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|these|those|some|any|every|each|no|de|het|een|deze|die|dit|dat)\s+$",
    re.IGNORECASE,
)


def _and_listed(after: str, names: frozenset[str], words: frozenset[str]) -> bool:
    partner = re.match(r"^\s*(?:,|and|&|en)\s*([a-z]+)", after)
    return bool(
        partner
        and partner.group(1) in names
        and (partner.group(1) in lexicon.core_names() or partner.group(1) not in words)
    )


def _listed_pair(low: str, after: str, names: frozenset[str]) -> bool:
    """Is the word a listed name joined by "and" to another listed name, neither a big town?
    Two names are people, even after "from" or "to"."""
    partner = re.match(r"^\s+(?:and|&|en)\s+([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)\b", after)
    return bool(
        partner
        and low in names
        and partner.group(1).lower() in names
        and low not in big_towns()
        and partner.group(1).lower() not in big_towns()
    )


def _unlisted_pair(after: str, names: frozenset[str]) -> bool:
    """ "Eilidh and Ruaridh ...": joined by "and" to a capitalised word that is a listed name or,
    like this one, in no dictionary and no town: two children's names, whatever follows."""
    m = re.match(r"^\s+(?:and|&)\s+([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,})(?![\w-])", after)
    if m is None:
        return False
    low = m.group(1).lower()
    if low in NOT_NAMES or low in all_towns():
        return False
    return low in names or not lexicon.in_dictionary(low)


def _pair_in_slot(after: str) -> bool:
    """ "Tilly and Wren did ...": the word is joined by "and" to a capitalised word in a person's slot."""
    m = re.match(r"^\s+(?:and|&)\s+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+", after)
    return bool(m and _UNLISTED_SLOT.match(after[m.end() :]))


SIBLING = re.compile(
    r"\b(?P<name>[A-Za-zÀ-ÖØ-Þß-öø-ÿ][a-zß-öø-ÿ]+)(?:\s+(?:and|&|en)\s+(?:her|his|haar|zijn)|['’]s)\s+"
    r"(?:new\s+)?(?:little\s+|big\s+|baby\s+|kleine\s+|grote\s+)?"
    r"(?:brother|sister|broer(?:tje)?|zus(?:je)?)\s+(?P<sib>[A-Za-zÀ-ÖØ-Þß-öø-ÿ][a-zß-öø-ÿ]+)",
    re.IGNORECASE,
)
_CONTRACTION = re.compile(r"^['’](?:t|ve|ll|re|d)\b")


def after_title(before: str) -> bool:
    """Is the word right after a title or a kin word ("Nanny Jean", "Mrs Patel", "oma Truus",
    "Great-Grandpa Norman")?"""
    words = before.rstrip().split()
    return (
        bool(words)
        and before[-1:].isspace()
        and words[-1].lower().strip(".").split("-")[-1] in lexicon.TITLES
    )


def next_m_is_loose(m: re.Match[str] | None) -> bool:
    """Is what follows only "and X" or "(" - too loose to make an unknown word a name? An age
    after the comma or in the bracket ("Penny, 3 months,", "Alfie (4)") is not loose."""
    return m is not None and bool(
        re.match(r"^\s*(?:,(?!\s*(?:age|aged|\d))|and|&|en|\((?!\s*\d))(?!\s*(?:I|me|ik)\b)", m.group(0))
    )


def _verb_after(m: re.Match[str] | None, after: str, names: frozenset[str], words: frozenset[str]) -> bool:
    """A person's slot for a lower-case dictionary word: a verb follows, or "and" joins it to a
    listed name that is no dictionary word ("oliver and leo" counts, "fed and watered" not)."""
    if m is None:
        return False
    if not next_m_is_loose(m):
        return True
    partner = re.match(r"^\s*(?:,|and|&|en)\s*([a-z]+)", after)
    return bool(
        partner
        and partner.group(1) in names
        and (partner.group(1) in lexicon.core_names() or partner.group(1) not in words)
    )


_PAIR_BEFORE = re.compile(r"(?<![\w'’./@-])(?P<w>[^\W\d_]{2,19})(?:\s+(?:and|en)|\s*&)\s*$")
_PAIR_AFTER = re.compile(r"^\s*(?:and|&|en)\s+(?P<w>[^\W\d_]{2,19})(?![\w/-]|\.\w|['’](?!s\b))")
