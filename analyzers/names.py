"""Names in captions, alt texts and comments: a child's name, or someone else's.

A name counts as a child's when the text ties it to a child: "my daughter Mia", "Hana (4)",
"Mia turns 5", "happy birthday Leo", "Emma's first day", "#MiaTurns5", or it is the name of
an enrolled child (or of a child named that way in another post of the same account).
Other people the language model finds are ``person_name``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from analyzers.name_lists import rest_of_list
from analyzers.name_owners import (
    adult_age,
    adult_names,
    cued_children,
    no_person,
    other_children,
    our_listed_children,
    phrased_as_other_child,
    siblings_of,
)
from analyzers.name_places import in_run_after_the, named_thing_after, place_after
from analyzers.name_words import (
    NOT_NAMES,
    SENTENCE_START,
    after_title,
    child_context,
    clean_name,
    gazetteer_names,
    plausible_name,
    pronoun,
    stop_words,
    uses_capitals,
)
from analyzers.names_ja import japanese_names
from analyzers.places import named_venues
from analyzers.schools import find_schools
from footprint_audit import lexicon
from footprint_audit.context import PostContext, RunContext
from footprint_audit.enrollment import declared_children
from footprint_audit.findings import NameReason, NameValue, TextSpan
from footprint_audit.models import Finding, Post
from footprint_audit.nlp import TextAnalyzerBase, TextDoc, docs_for, ensure_docs, note_scripts_of

_ADJ = (
    r"(?:little|big|baby|eldest|youngest|oldest|middle|sweet|beautiful|gorgeous|darling|precious|"
    r"favourite|favorite|lovely|clever|brave|cheeky|amazing|wonderful|funny|crazy|rainbow|kleine|grote|lieve)"
)
_NOUN = (
    r"(?:son|daughter|boy|girl|kid|child|baby|babe|toddler|one|princess|"
    r"monkey|bean|munchkin|kiddo|lad|eldest|youngest|oldest|littlest|dochter|dochtertje|zoon|"
    r"zoontje|meisje|jongen|meid|vent|step-?son|step-?daughter|bonus-?(?:dochter|zoon|kind)|stief(?:dochter|zoon))"
)
REL = (
    rf"(?:(?:my|our|the|mijn|onze|ons)\s+(?:(?:{_ADJ}\s+){{0,2}}{_NOUN}|(?:{_ADJ}\s+){{1,2}}(?:man|lady))|"
    r"(?:big|little|baby|twin)\s+(?:sister|brother|sis|bro)|dochterlief|zoonlief)"
)
#: A first name (any case; filtered against common words) and an optional capitalised surname.
#: A capitalised first name only ("our Freddie"), for contexts too loose for lower case.
NAME_CAP = r"(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,19}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,19})?))(?P<surname>\s+(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,19}))?"
NAME = (
    r"(?P<name>[^\W\d_][^\W\d_]{1,19}(?:-[^\W\d_]{2,19})?)(?P<surname>\s+(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,19}))?"
)
_NUM = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_POSS = r"(?:'s|’s|')"

#: (pattern, why it marks a child) - the reason goes into the finding's value and evidence.
LINKS: tuple[tuple[re.Pattern[str], NameReason], ...] = tuple(
    (re.compile(p, re.IGNORECASE), why)
    for p, why in (
        (rf"\b{REL}[\s,:-]+{NAME}", NameReason.NAMED_AS_YOUR_CHILD),
        (rf"\b{NAME}\s*,\s*{REL}\b", NameReason.NAMED_AS_YOUR_CHILD),
        (
            rf"\b(?:my|our|mijn|onze|ons)\s+(?:little\s+|baby\s+|lieve\s+)?{NAME_CAP}\b",
            NameReason.NAMED_AS_YOUR_CHILD,
        ),
        (
            rf"\b{NAME}\s*\(\s*\d{{1,2}}(?:[.,]\d)?\s*(?:y|yo|yrs?|m|mo|jaar|歳)?\s*\)",
            NameReason.GIVEN_WITH_AN_AGE,
        ),
        (
            rf"\b{NAME}\s+(?:is\s+|just\s+|has\s+)?(?:turns?|turned|turning|wordt|werd)\s+(?:vandaag\s+|today\s+|officially\s+)?{_NUM}\b",
            NameReason.NAMED_WITH_AN_AGE,
        ),
        (rf"\b{NAME}\s+is\s+(?:now\s+)?{_NUM}\s+(?:today|years?|months?)\b", NameReason.NAMED_WITH_AN_AGE),
        (rf"\b{NAME}\s+is\s+(?:vandaag\s+)?jarig\b", NameReason.NAMED_WITH_A_BIRTHDAY),
        (rf"\b{NAME_CAP}\s+is\s+(?:vandaag\s+)?{_NUM}\s+jaar\b", NameReason.NAMED_WITH_AN_AGE),
        (
            rf"\b{NAME}{_POSS}\s+(?:{_ORD}\s+|half[- ]|big\s+|last\s+)?(?:birthday|bday|b-day|verjaardag)",
            NameReason.NAMED_WITH_A_BIRTHDAY,
        ),
        (
            rf"\b{NAME}{_POSS}\s+(?:first|last|1st)\s+(?:\w+\s+)?(?:day|week|term|swim|lesson|class|school|tooth|steps|word|haircut|match|game|show|recital)",
            NameReason.NAMED_WITH_SCHOOL_OR_ACTIVITY,
        ),
        (
            rf"\b{NAME}{_POSS}\s+(?:nursery|school|class|teacher|swim(?:ming)?\s+(?:class|lesson)|ballet|football\s+(?:match|training)|sports\s+day|nativity|school\s+run)",
            NameReason.NAMED_WITH_SCHOOL_OR_ACTIVITY,
        ),
        (
            rf"\b{NAME}\s+(?:started|starts|starting|begins|began|starts\s+at)\s+(?:at\s+)?(?:school|nursery|reception|kindergarten|preschool|year|big\s+school)",
            NameReason.NAMED_STARTING_SCHOOL,
        ),
        (
            rf"\bhappy\s+(?:{_ORD}\s+|half[- ])?(?:birthday|bday|b-day)\s*,?\s*(?:to\s+)?(?:(?:my|our|the)\s+)?(?:{_ADJ}\s+)*(?:{_NOUN}\s*,?\s+)?{NAME}",
            NameReason.NAMED_WITH_A_BIRTHDAY,
        ),
        (rf"\bgefeliciteerd\s+(?!met\b)(?:lieve\s+)?{NAME}", NameReason.NAMED_WITH_A_BIRTHDAY),
        # a newborn welcomed: "Welkom op de wereld, kleine Lev", "Welcome to the world baby Wren"
        (
            rf"\b(?:welkom\s+(?:op\s+de\s+wereld\s*,?\s*)?(?:kleine|lieve)|welcome\s+(?:to\s+the\s+world\s*,?\s*)?"
            rf"(?:little|baby))\s+{NAME_CAP}",
            NameReason.NAMED_WITH_A_BIRTHDAY,
        ),
        # a birth announced with the weight: "Meet Hope 💕 7lb 2oz of perfection", "Meet baby Otis, 3.4 kg"
        (
            rf"\bmeet\s+(?:(?:baby|little)\s+)?{NAME_CAP}(?=[^.!?\n]{{0,40}}?\b\d{{1,2}}(?:[.,]\d{{1,3}})?\s*(?:lbs?|oz|kg|kilo|gram)\b)",
            NameReason.NAMED_WITH_A_BIRTHDAY,
        ),
        # "Bilal (groep 4)", "Mathis (2de kleuterklas)", "Priya (Year 4)": a school year in brackets
        (
            rf"\b{NAME}\s*\(\s*(?:(?:groep|year|yr|klas)\s*\d{{1,2}}|\d(?:e|ste|de)\s+(?:kleuterklas|leerjaar))\s*\)",
            NameReason.GIVEN_WITH_AN_AGE,
        ),
    )
)


#: Reasons that hold even inside a school's or venue's name span ("our son Kings").
_SURE = frozenset({NameReason.NAMED_AS_YOUR_CHILD, NameReason.GIVEN_WITH_AN_AGE})
#: A possessive right before "little sister X": the sibling is someone else's, not "our" child.
_SOMEONE_ELSES = re.compile(
    r"(?:\b(?:her|his|their|haar|zijn)|['’]s)(?:\s+(?:new|newborn|nieuwe))?\s+$", re.IGNORECASE
)


def linked_names(td: TextDoc, stop: frozenset[str]) -> list[tuple[str, int, int, NameReason]]:
    """Child names in one text: (name, start, end, why), offsets in the analysed text."""
    cached = td.cache.get("names.linked")
    if cached is None:
        cached = td.cache["names.linked"] = _linked_names(td, stop)
    return list(cached)


def _linked_names(td: TextDoc, stop: frozenset[str]) -> list[tuple[str, int, int, NameReason]]:
    if td.script != "latin" and not re.search(r"[A-Za-z]", td.analysed):
        return []
    out: list[tuple[str, int, int, NameReason]] = []
    for pattern, why in LINKS:
        for m in pattern.finditer(td.analysed):
            name = m.group("name")
            start, end = m.start("name"), m.end("name")
            surname = m.group("surname")
            if surname and (not plausible_name(name, stop) or name.islower()):
                # "with Leo (4)", "party prep Evie turns 4": the word before the name was taken
                # for a first name (a lower-case one before a capitalised one is no first name)
                name, surname = surname.strip(), None
                end = m.end("surname")
                start = end - len(name)
            if not plausible_name(name, stop) or (name.islower() and uses_capitals(td.text)):
                continue
            if why is NameReason.NAMED_AS_YOUR_CHILD and _SOMEONE_ELSES.search(td.analysed[: m.start()]):
                continue  # "Zainab and her little sister Hafsa": a sibling of someone else's
            if why is not NameReason.NAMED_AS_YOUR_CHILD and after_title(td.analysed[:start]):
                continue  # "Great-Grandpa Norman's 90th birthday": a grown-up's
            full = clean_name(name)
            if surname and plausible_name(surname.strip(), stop):
                full = f"{full} {surname.strip()}"
                end = m.end("surname")
            if any(s < end and start < e for _, s, e, _ in out):
                continue
            out.append((full, start, end, why))
    return out


class NamesAnalyzer(TextAnalyzerBase):
    name = "names"
    version = "26"
    categories = ("child_name", "person_name")
    # A name tied to a child in one post is a child's name in every post, and the enrolled
    # children's names are children's names.
    cache_scope = "batch"
    depends_on = frozenset({"enrolment"})

    def explained_spans(self, td: TextDoc) -> list[tuple[int, int]]:
        # Names the patterns tie to a child need no statistical model to be found.
        return [(s, e) for _, s, e, _ in linked_names(td, stop_words())]

    def load(self, posts: Sequence[Post], run: RunContext) -> None:
        store = ensure_docs(posts, run, (self,))
        stop = run.memo("names.stop", stop_words)
        known = _known_children(run)
        # A name tied to a child in one post is a child's name in every post of the account.
        for tds in store.values():
            for td in tds:
                for full, *_ in linked_names(td, stop):
                    known.setdefault(full.split()[0].lower(), full.split()[0])

    def load_cached(self, posts: Sequence[Post], run: RunContext) -> None:
        note_scripts_of(posts, run)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        run = ctx.run
        stop = run.memo("names.stop", stop_words)
        known = _known_children(run)
        findings: list[Finding] = []
        for td in docs_for(post, run):
            taken: list[tuple[int, int]] = []
            blocked = [(r.start, r.end) for r in td.rules if r.label in ("SCHOOL", "VENUE")]
            blocked += [(a, b) for a, b, _ in find_schools(td)]  # "Dalton Kindcentrum De Boomgaard"
            # "the Corn Exchange", "Soft Play Planet": a listed word that ends a venue's name
            blocked += [(a, b) for _, a, b, _ in named_venues(td)]
            # "Kings Norton Boys' School": a word of a school's name is no child, whatever follows
            found: list[tuple[str, int, int, NameReason]] = [
                f for f in linked_names(td, stop) if f[3] in _SURE or not _overlaps(f[1], f[2], blocked)
            ]
            taken += [(s, e) for _, s, e, _ in found]
            if known:
                for m in _names_regex(frozenset(known)).finditer(td.analysed):
                    first_low = m.group(0).lower()
                    if _overlaps(m.start(), m.end(), taken + blocked):
                        continue
                    if m.group(0).islower() and (first_low in stop or uses_capitals(td.text)):
                        continue
                    found.append((known[first_low], m.start(), m.end(), NameReason.KNOWN_CHILD))
                    taken.append((m.start(), m.end()))
            ja_other: set[int] = set()
            for name, s, e, other in japanese_names(td):
                if not _overlaps(s, e, taken + blocked):
                    found.append((name, s, e, NameReason.NAMED_IN_A_FAMILY_POST))
                    taken.append((s, e))
                    if other:
                        ja_other.add(s)
            adults = bool(lexicon.ADULT_CUES.search(td.analysed)) and not child_context(td)
            named_adults = adult_names(td)
            not_people = no_person(td)
            found = [f for f in found if f[1] not in not_people]
            listed = gazetteer_names(td, stop)
            listed += rest_of_list(td.analysed, listed, stop)  # "Posy, Barnaby and Ottilie"
            # "50 years married ... our grandchildren: Zach, Mollie": children, whatever the adult cues
            ours_listed = our_listed_children(td, stop)
            children_named = phrased_as_other_child(td) | {s for _, s, _ in ours_listed}
            for name, s, e in listed:
                if _overlaps(s, e, taken + blocked) or s in not_people:
                    continue
                taken.append((s, e))
                if (adults and s not in children_named) or s in named_adults:
                    findings.append(self._person(post, td, name, s, e))
                else:
                    found.append((name, s, e, NameReason.NAMED_IN_A_FAMILY_POST))
            # "my girls Summer, Rosie and Bella": a list the family owns
            for name, s, e in ours_listed:
                if not _overlaps(s, e, taken + blocked):
                    taken.append((s, e))
                    found.append((name, s, e, NameReason.NAMED_AS_YOUR_CHILD))
            # "playdate with X", "vriendinnetje X": the phrase says X is a child, listed or not
            for name, s, e in cued_children(td, stop):
                if not _overlaps(s, e, taken + blocked):
                    taken.append((s, e))
                    found.append((name, s, e, NameReason.NAMED_IN_A_FAMILY_POST))
            others = ja_other | other_children(td, [(n, s, e) for n, s, e, _ in found])
            for full, s, e, why in found:
                if why is not NameReason.NAMED_AS_YOUR_CHILD and adult_age(td, s, e):
                    findings.append(self._person(post, td, full, s, e))
                    continue
                if s in others and why is not NameReason.NAMED_AS_YOUR_CHILD:
                    findings.append(self._child(post, td, full, s, e, NameReason.NAMED_AS_OTHER_CHILD))
                    continue
                if why is not NameReason.NAMED_IN_A_FAMILY_POST:
                    known.setdefault(full.split()[0].lower(), full.split()[0])
                findings.append(self._child(post, td, full, s, e, why))
            for _label, s, e, text in td.ents("PERSON"):
                text = re.sub(rf"{_POSS}$", "", text).strip()
                # "Frozen with Lyra": the model's span ran over a joining word; the name is its tail
                joined = re.search(r"^.*\s[a-z][\w'’-]*\s+(?=[A-Z])", text)
                if joined:
                    s, text = s + joined.end(), text[joined.end() :]
                e = s + len(text)
                if _overlaps(s, e, taken + blocked) or not plausible_name(text.split()[0], stop):
                    continue
                if s in not_people or any(s <= n < e for n in not_people):
                    continue
                before = td.analysed[:s].split()
                if before and before[-1].lower() in lexicon.PLACE_PREPOSITIONS:
                    continue  # "a weekend in Devon": a place the model took for a person
                if " " not in text and (
                    in_run_after_the(td.analysed[:s])
                    or named_thing_after(td.analysed[e:], NOT_NAMES)
                    or place_after(td.analysed[e:])
                ):
                    continue  # "the Etihad", "Arthur's Seat": a word of a place's name
                opening = bool(SENTENCE_START.search(td.analysed[:s]))
                if opening and " " not in text and not lexicon.PERSON_NEXT.match(td.analysed[e:]):
                    continue  # "Drop off at ...": a sentence's first word the model took for a name
                if any(ch.isdigit() for ch in text):
                    continue
                taken.append((s, e))
                if s in siblings_of(td, others):
                    findings.append(self._child(post, td, text, s, e, NameReason.NAMED_AS_OTHER_CHILD))
                    continue
                grown_up = (
                    after_title(td.analysed[:s])  # "Ms Okafor" read as "Okafor"
                    or s in named_adults
                    or adult_age(td, s, e)
                    or " "
                    in text  # "David Attenborough", "Julia Donaldson": a child's full name comes with a relation word
                )
                if not grown_up and child_context(td):
                    findings.append(self._child(post, td, text, s, e, NameReason.BESIDE_CHILD_CONTEXT))
                    continue
                findings.append(self._person(post, td, text, s, e))
        return findings

    def _person(self, post: Post, td: TextDoc, text: str, s: int, e: int) -> Finding:
        ev = td.evidence(s, e)
        return self.finding(
            post,
            "person_name",
            "low",
            0.6,
            f"The name “{text}” is written {_where(td.field)}.",
            value=NameValue(text, span=_span(ev)),
            evidence=ev,
        )

    def _child(self, post: Post, td: TextDoc, full: str, s: int, e: int, why: NameReason) -> Finding:
        is_full = " " in full
        if why is NameReason.NAMED_AS_OTHER_CHILD:
            ev_o: dict[str, Any] = td.evidence(s, e, why=why.value)
            return self.finding(
                post,
                "child_name",
                "medium",
                0.7,
                summary=(
                    f"Another family's child, “{full}”, is named {_where(td.field)}; their parents "
                    "may not want their child's name online."
                ),
                value=NameValue(full, reason=why, span=_span(ev_o)),
                evidence=ev_o,
            )
        ev: dict[str, Any] = td.evidence(s, e, why=why.value)
        he_she = pronoun(td.analysed)  # spelled-out hashtags count: "#birthdaygirl"
        if he_she:
            ev["pronoun"] = he_she
        return self.finding(
            post,
            "child_name",
            "high" if is_full else "medium",
            0.9 if why in (NameReason.NAMED_AS_YOUR_CHILD, NameReason.GIVEN_WITH_AN_AGE) else 0.75,
            summary=(
                f"Your child's {'full ' if is_full else ''}name “{full}” is written {_where(td.field)}; "
                "with it a stranger can call your child by name."
            ),
            value=NameValue(full, reason=why, pronoun=he_she, span=_span(ev)),
            child=full.split()[0],
            evidence=ev,
        )


@functools.lru_cache(maxsize=32)
def _names_regex(names: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w#])(?:{alternatives})(?!\w)", re.IGNORECASE)


def _span(evidence: dict[str, Any]) -> TextSpan:
    return TextSpan(evidence["field"], evidence["start"], evidence["end"])


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


def _where(fld: str) -> str:
    if fld == "caption":
        return "in the caption"
    if fld.startswith("alt:"):
        return "in the photo's description (alt text)"
    if fld.startswith("comment:"):
        return "in a comment"
    return "in the post"


def _known_children(run: RunContext) -> dict[str, str]:
    """Lower-case first name -> name, seeded with enrolled children and --child names."""

    def seed() -> dict[str, str]:
        return {n.split()[0].lower(): n.split()[0] for n in declared_children(run)}

    return run.memo("names.children", seed)
