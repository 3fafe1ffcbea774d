"""Ages and birthdays: "turns 5", "5th birthday", "4 months old", "first day of Year 1",
"half-birthday", "6 jaar", "5歳".

Together with the post's date these give away a date of birth, which the dossier works out.
``value`` is an :class:`~footprint_audit.findings.AgeValue`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Any

from footprint_audit.context import PostContext
from footprint_audit.findings import AgeValue, TextSpan
from footprint_audit.lexicon import JA_NUMERALS, SCHOOL_YEAR_AGE
from footprint_audit.models import Finding, Post
from footprint_audit.nlp import TextAnalyzerBase, TextDoc, docs_for

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen".split()
    )
}
#: Months run past sixteen: "eighteen months old", "twenty-two months".
NUMBER_WORDS.update({"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20})
NUMBER_WORDS.update({f"twenty-{w}": 20 + i for i, w in enumerate("one two three four".split(), start=1)})
#: Dutch number words; "een" (also "a") is left out, "één" is the number.
NUMBER_WORDS.update(
    {w: i for i, w in enumerate("nul één twee drie vier vijf zes zeven acht negen tien elf twaalf".split())}
)
NUMBER_WORDS.update(
    {
        w: i
        for i, w in enumerate(
            "dertien veertien vijftien zestien zeventien achttien negentien twintig".split(), 13
        )
    }
)
ORDINAL_WORDS = {
    w: i
    for i, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
    )
}
ORDINAL_WORDS.update(
    {
        w: i + 1
        for i, w in enumerate(
            "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde".split()
        )
    }
)
_NUM = r"(?P<n>\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_ORD = r"(?P<n>\d{1,2})(?:st|nd|rd|th|ste|de|e)|(?P<o>" + "|".join(ORDINAL_WORDS) + r")"
#: Japanese numerals before 歳: 三歳, 十二歳.
_KANJI_DIGITS = "一二三四五六七八九"
#: Words that name a child, before "is 6" or "van 4".
_CHILD = (
    r"(?:son|sons|daughter|daughters|boy|boys|girl|girls|baby|babies|babe|bubba|twins|kid|kids|kiddo|kiddos|"
    r"toddler|littles|little\s+one|little\s+man|little\s+lady|eldest|youngest|oldest|middle\s+one|"
    r"dochter|dochtertje|zoon|zoontje|jongen|meisje|kindje|tweeling|jongste|oudste|middelste|broertje|zusje|"
    r"meid|meidje|mannetje|ventje|vent|kereltje|kleintje|prinses|lieverd|ukkie|dreumes|peuter|kleuter|"
    r"jongens|meiden|kinderen)"
)
#: Words after "3 years ago today" that make it a birth: "you were born", "we brought you home".
_BORN_AFTER = (
    r"[^.!?\n]{0,30}\b(?:born|arrived|made\s+me|came|entered|joined|welcomed|became|brought|met|held)"
)
#: What may follow a bare age ("is 6"): the end of a clause, not a unit ("is 6 streets away").
_AGE_END = (
    r"(?=\s*(?:$|[^\w\s]|(?:and|en|but|maar|so|today|now|vandaag|nu|already|al|tomorrow|morgen|"
    r"going\s+on|this|next|years?|jaar|½)\b|½))"
)
#: Words before "5 jaar" that make it a span of time, not an age ("hier 5 jaar", "sinds 2 jaar").
_JAAR_SPAN = r"(?<!hier )(?<!sinds )(?<!over )(?<!voor )(?<!na )(?<!afgelopen )(?<!laatste )(?<!ruim )"
#: Words after "one" that make it no age: "she's one of a kind", "one in a million".
_ONE_OK_NEXT = frozenset(
    "today now already and tomorrow on this next at but so year years month months en vandaag nu".split()
)
_BDAY = r"(?:birthday|bday|b-day|birthdayparty|verjaardag)"
#: Adults whose birthdays are not about the child.
_ADULT = (
    r"(?:mum|mom|mummy|mommy|mama|dad|daddy|papa|husband|wife|hubby|partner|friend|bestie|nan|nana|"
    r"granny|grandma|grandad|grandpa|gran|auntie|aunt|aunty|uncle|boss|oma|opa|me|myself|hubs|"
    r"fianc[ée]e?|boyfriend|girlfriend|love\s+of\s+my\s+life|other\s+half|grandmother|grandfather|"
    r"godmother|godfather|mother-in-law|father-in-law|teacher|colleague|mother|father|"
    r"manlief|mijn\s+man|vrouw|moeder|vader|schoonmoeder|schoonvader|tante|oom|collega|vriendin|vriend)"
)

#: (pattern, kind) in the order they are tried; an earlier, longer match wins an overlap.
_FLEMISH_ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6}

PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), kind)
    for p, kind in (
        (r"\bhalf[- ]?(?:birthday|bday|b-day)\b", "half"),
        # "4 en 6 jaar", "aged 3 and 5", "ages 2 & 4"
        (
            rf"\b{_NUM}\s+(?:en|and|&)\s+{_NUM.replace('?P<n>', '?P<n2>')}"
            r"[\s-]*(?=jaar\b|years?[\s-]+olds?\b|yo\b|y/o\b)"
            r"|\b(?:aged?|ages)\s+(?P<n_>\d{1,2})\s*(?:,|and|&|en)\s*(?P<n2_>\d{1,2})\b",
            "pair",
        ),
        (rf"\b(?:{_ORD})\s+{_BDAY}\b", "ordinal_birthday"),
        (
            rf"\b(?:turns?|turned|turning|wordt|werd)\s+(?:vandaag\s+|today\s+|officially\s+)?{_NUM}\b(?:\s+(?:today|vandaag))?",
            "turns",
        ),
        (rf"\bis\s+{_NUM}\s+today\b", "turns"),
        (rf"\b{_NUM}[\s-]*(?:years?|yrs?)[\s-]*(?:olds?|young)\b", "years"),
        (r"\ba\s+year[\s-]+old\b", "one_year"),
        (rf"\b{_NUM}[\s-]+and[\s-]+a[\s-]+half\b", "years"),
        # "2,5 jaar", "Sem (2,5)", "4 1/2": the whole years
        (
            r"(?<![\d,.])(?P<n>\d{1,2})(?:[,.]5|\s+1/2|½)(?:\s*(?:jaar|years?|yrs?)(?:\s+old|\s+oud)?\b|(?=\s*\)))",
            "years",
        ),
        # "3 years ago today you made me a mum": a birthday counted from the birth
        (
            rf"\b{_NUM}\s+years?\s+ago\s+today\b(?={_BORN_AFTER})",
            "turns",
        ),
        (rf"\ba\s+year\s+ago\s+today\b(?={_BORN_AFTER})", "one_year_today"),
        # "born 3 years ago": an age, but not a birthday on the post's date
        (rf"\bborn\s+{_NUM}\s+years?\s+ago\b", "years"),
        (r"\bdouble\s+(?:digits|figures)\b", "double_digits"),
        (
            rf"\b(?:nearly|almost|bijna)\s+{_NUM}\b(?!\s*(?:%|am|pm|:|minutes?|mins?|hours?|weeks?|days?|uur|o'clock))",
            "years",
        ),
        (rf"\b{_NUM}\s*(?:y/o|yo|y\.o\.?)(?!\w)", "years"),
        (rf"\b{_NUM}[\s-]*(?:months?|mo)[\s-]*(?:old|today)\b", "months"),
        (rf"\b(?:aged?|at)\s+{_NUM}\s*(?:months?|mo|maanden)\b", "months"),
        # "Noah is 18 months", "she's 10 months now": a child's age, not "18 months ago"
        (
            rf"\b(?:is|are|zijn|turns?|turned|wordt|werd)\s+(?:now\s+|nu\s+|already\s+|al\s+|just\s+|"
            rf"bijna\s+|almost\s+|nearly\s+)?{_NUM}\s*(?:months?|mo|maanden|mnd)\b"
            r"(?!\s+(?:ago|later|since|geleden|before|after|of|pregnant|zwanger))",
            "months",
        ),
        (
            rf"(?:['’]s)\s+(?:now\s+|just\s+|nearly\s+|almost\s+)?{_NUM}\s*(?:months?|mo)\b"
            r"(?!\s+(?:ago|later|since|before|after|of|pregnant))",
            "months",
        ),
        (
            rf"\b(?:is|are|zijn|['’]s)\s+(?:now\s+|nu\s+|al\s+|just\s+)?{_NUM}\s*(?:weeks?|weken)\b"
            rf"(?:\s*(?:old|oud))?{_AGE_END}",
            "weeks",
        ),
        # "eight years of you", "5 jaar geworden", "Jurre 7 is geworden"
        (rf"\b{_NUM}\s+years?\s+of\s+(?:you|her|him|them|(?-i:[A-Z][a-z]+))\b", "turns"),
        (rf"\b{_NUM}\s+(?:jaar\s+)?(?:is\s+|zijn\s+)?geworden\b", "turns"),
        # "she's 2", "hij is 8": a pronoun and a bare number
        (
            rf"\b(?:she|he)(?:'s|’s|\s+is)\s+(?:now\s+|only\s+|just\s+|nearly\s+|almost\s+|finally\s+|"
            rf"officially\s+|already\s+)?{_NUM}\b"
            r"(?!\s*(?:%|am|pm|:|minutes?|mins?|hours?|hrs?|o'clock|weeks?|days?|months?|x|times|cm|kg|feet|ft))",
            "years",
        ),
        (
            rf"\b(?:hij|zij|ze)\s+is\s+(?:nu\s+|al\s+|pas\s+|bijna\s+)?{_NUM}\b"
            r"(?!\s*(?:uur|minuten|keer|weken|dagen|maanden|cm|kilo|%))",
            "years",
        ),
        # "Femke en Jasper, 7 en 5," : two ages for two children named just before
        (r"(?<=,\s)(?P<n>\d{1,2})\s+(?:en|and|&)\s+(?P<n2>\d{1,2})(?=\s*[,.!]|$)", "pair"),
        # "Leo (2yrs)", "3.5yo"
        (r"\(\s*(?P<n>\d{1,2})\s*(?:yrs?|years?|y|jr)\s*\)", "years"),
        (r"\b(?P<n>\d{1,2})[,.]5\s*(?:yo|y/o|yrs?)\b", "years"),
        (
            r"(?:\b(?:is|are|zijn)|['’]s)\s+(?:now\s+|nu\s+|al\s+)?(?P<n>\d{1,2})[.,]5\b"
            r"(?!\s*(?:km|miles?|kg|kilo|cm|%|m\b|uur|hours?|hrs?|stars?|sterren))",
            "years",
        ),
        # "a whole year old", "both four today"
        (r"\ba\s+whole\s+year(?:\s+old)?\b", "one_year"),
        (rf"\bboth\s+{_NUM}\b{_AGE_END}", "years"),
        # Reception as a school year, not a wedding's
        (
            r"(?<!wedding\s)\b(?P<r>reception)\s+(?:class|year|graduation|nativity|teacher|assembly|leavers?)\b"
            r"|\b(?:end|last\s+day|first\s+day|start)\s+of\s+(?P<r2>reception)\b",
            "reception",
        ),
        (r"\bhalve\s+verjaardag\b|\bhalf[- ]?jaar[- ]?feestje\b", "half"),
        # Japanese kindergarten years: 年少 (3 to 4), 年中 (4 to 5), 年長 (5 to 6)
        (r"(?P<ja_k>年少|年中|年長)(?:さん|組|クラス|の|に|で|、|$)", "ja_kinder"),
        # Flemish school years: "eerste leerjaar" (primary, from 6), "derde kleuterklas" (from 3)
        (
            r"\b(?P<fl_n>eerste|tweede|derde|vierde|vijfde|zesde|1ste|[2-6]de|[1-6]e)\s+"
            r"(?P<fl_kind>leerjaar|kleuterklas|kleuterklasje)\b",
            "flemish",
        ),
        (rf"\b{_NUM}\s*(?:maanden|mnd)\b", "months"),
        (rf"\b{_NUM}\s*(?:weeks?|weken)[\s-]*(?:old|oud|today|vandaag)\b", "weeks"),
        (
            rf"{_JAAR_SPAN}(?<!\d[,.])\b{_NUM}\s*jaar(?:\s+oud)?\b"
            r"(?!\s+(?:geleden|getrouwd|samen|lang|terug|later|verder|gewerkt|gewoond|bij\s+elkaar))",
            "years",
        ),
        # "4-jarige Sem", "onze 6-jarige"
        (rf"\b{_NUM}[\s-]*jarige?\b", "years"),
        # "mijn dochter van 4", "ons meisje van 2 (jaar)"
        (rf"\b{_CHILD}\s+van\s+{_NUM}(?:\s*jaar)?\b(?!\s*(?:maanden|weken|mnd|keer|uur|minuten))", "years"),
        # "our daughter is 6 and", "de tweeling is 3": a word for a child and a bare number
        (
            rf"\b{_CHILD}\s+(?:is|are|zijn|['’]s)\s+(?:now\s+|nu\s+|al\s+|already\s+|only\s+|just\s+|pas\s+)?"
            rf"{_NUM}\b{_AGE_END}",
            "years",
        ),
        # "Eva is 3 and Sam is 1": a capitalised name and a bare number
        (
            r"(?-i:\b(?!(?:It|This|That|There|What|Today|Tomorrow|Score|Chapter|Page|Number|Table|Room|Bus)\b)"
            rf"[A-Z][a-z]+)\s+(?:is|zijn|turned|turns)\s+(?:now\s+|nu\s+|al\s+|already\s+|only\s+|just\s+)?"
            rf"{_NUM}\b{_AGE_END}",
            "years",
        ),
        # "Leo, 4, loves trains": a name and an age set off by commas
        (
            r"(?-i:\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
            r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Year|Page|Day|Week|Room|Table)\b)"
            r"[A-Z][a-z]+),\s*(?P<n>\d{1,2})\s*(?=,|\)|\s+(?:and|en|&)\s|\s+going\s+on\b)",
            "years",
        ),
        # "I'm 4!" in a child's words
        (rf"\bI(?:['’]m|\s+am)\s+{_NUM}\b(?=\s*(?:!|🎂|🎉|today|now|$))", "years"),
        (rf"(?P<n>[{_KANJI_DIGITS}十]{{1,3}})\s*(?:歳|才)", "ja_kanji"),
        (r"(?<=[^\W\d_])\s*\(\s*(?P<n>\d{1,2})\s*\)", "years"),
        (r"(?P<n>\d{1,2})\s*(?:歳|才)", "years"),
        (r"(?P<n>\d{1,2})\s*(?:ヶ月|か月|カ月|ケ月)", "months"),
        (r"ハーフバースデー|\b(?:een\s+)?half\s+jaar\b", "half"),
        (r"(?:小学校?|小学)?(?P<n>[1-6１-６一二三四五六])年生", "ja_grade"),
        (r"(?P<n>\d{1,2})\s*さい", "years"),
        (r"(?:お)?誕生日|バースデー", "birthday"),
        (
            r"\bfirst\s+day\s+(?:of|at|in)\s+(?:year|yr|grade|groep|p)\s*(?P<n>\d{1,2})\b"
            r"|\bfirst\s+day\s+(?:of|at|in)\s+(?P<r>reception|kindergarten|preschool|pre-k|nursery|big\s+school|kindy)\b",
            "school_year",
        ),
        (r"\b(?:jarig|verjaardag)\b", "birthday"),
        (
            r"\b(?P<kind>year|yr|groep|grade)\s*(?P<n>[1-9]|1[0-3]|one|two|three|four|five|six|seven|eight|"
            r"nine|ten|eleven|twelve|thirteen|één|twee|drie|vier|vijf|zes|zeven|acht)s?\b"
            r"(?!\s*(?:old|years?|months?|jaar|of\s+(?:the|lockdown|covid)))",
            "school_year_n",
        ),
        (r"\b(?:started|starts|starting|start|finished|finishes|in|into)\s+(?P<r>reception)\b", "reception"),
        # "Y2", "Year R" (reception), "1st grade"
        (r"(?-i:\bY(?P<n>[1-9]|1[0-3])\b)(?!\s*(?:old|years?|months?))", "uk_y"),
        (r"\b(?:year|yr)\s*(?-i:R)\b", "reception"),
        (rf"\b(?:{_ORD})\s+grade\b", "us_grade"),
        # "Zuzia Year 1, Antek Reception": a name and the school year
        (r"(?-i:\b[A-Z][a-z]+\s+(?P<r>Reception))\b(?!\s+(?:desk|area|room|venue|drinks))", "reception"),
        (
            rf"\b(?:is|are)\s+(?:now\s+|officially\s+|already\s+)?{_NUM}\b"
            r"(?=\s*(?:today|now|already|!|🎂|🎉|\.|,|$|½|1/2|and\s+a\s+half))",
            "turns",
        ),
        (r"(?<![\w.,])(?P<n>\d{1,2})\s+today\b", "turns"),
        (rf"\b(?:age|aged)\s+{_NUM}\b", "years"),
        (
            rf"\bhappy\s+{_BDAY}\b(?!\s*,?\s*(?:to\s+)?(?:[^\W\d_]+\s+){{0,3}}{_ADULT}\b)",
            "birthday",
        ),
        (r"\bbirthday\s+(?:girl|boy|princess|prince)\b", "birthday"),
        (r"(?-i:\b[A-Z][a-z]+)['’]s\s+(?:birthday|bday|b-day)\b", "birthday"),
        # "Happy 1st to our girl": an ordinal after "happy" is a birthday unless it says what else
        (
            rf"\bhappy\s+(?:{_ORD})\b(?!\s+(?:day|week|month|year|anniversary|wedding|mother|mothers|"
            r"mother's|father|fathers|father's|christmas|xmas|easter|halloween|term|holiday|diwali|eid|"
            r"valentine|valentines|valentine's|mothersday|fathersday|of))",
            "ordinal_birthday",
        ),
        # "Six today!" at the start of a sentence
        (rf"(?:^|(?<=[.!?\n,]))\s*{_NUM}\s+today\b", "turns"),
        (rf"\b{_NUM}\s+years?\s+since\s+(?:you|she|he|they|we)\s+(?:were|was|arrived|came|made)\b", "years"),
    )
)


def _number(m: re.Match[str]) -> int | None:
    groups = m.groupdict()
    for key in ("n",):
        raw = groups.get(key)
        if raw:
            raw = raw.lower()
            return int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)
    raw = groups.get("o")
    if raw:
        return ORDINAL_WORDS.get(raw.lower())
    return None


def find_ages(td: TextDoc) -> list[tuple[int, int, AgeValue]]:
    """(start, end, value) of every age or birthday statement in one analysed text."""
    out: list[tuple[int, int, AgeValue]] = []
    text = td.analysed
    for pattern, kind in PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in out):
                continue
            n = _number(m)
            value: dict[str, Any] = {
                "text": m.group(0).strip(),
                "years": None,
                "months": None,
                "birthday": False,
            }
            if kind in ("ordinal_birthday", "turns", "birthday"):
                value["birthday"] = True
                value["years"] = n
            elif kind == "half":
                value["half"] = True
            elif kind == "years":
                value["years"] = n
            elif kind == "double_digits":
                value["birthday"] = True
                value["years"] = 10
            elif kind in ("one_year", "one_year_today"):
                value["years"] = 1
                value["birthday"] = kind == "one_year_today"
            elif kind == "ja_kanji":
                value["years"] = _kanji_number(m.group("n"))
            elif kind == "months":
                value["months"] = n
            elif kind == "weeks":
                value["months"] = round((n or 0) / 4.35, 1)
            elif kind == "school_year":
                value["school_year"] = (m.group("r") or f"year {n}").lower()
                if n is not None and not m.group("r"):
                    value["years"] = n + SCHOOL_YEAR_AGE["year"]
            elif kind == "school_year_n":
                # the youngest age in that school year: UK Year 2 is 6 to 7, Dutch groep 3 is 6 to 7
                school = m.group("kind").lower().replace("yr", "year")
                value["school_year"] = f"{school} {n}"
                value["years"] = (n or 0) + SCHOOL_YEAR_AGE[school]
            elif kind in ("uk_y", "us_grade"):
                school = "year" if kind == "uk_y" else "grade"
                value["school_year"] = f"{school} {n}"
                value["years"] = (n or 0) + SCHOOL_YEAR_AGE[school]
            elif kind == "reception":
                value["school_year"] = "reception"
                value["years"] = SCHOOL_YEAR_AGE["reception"]
            elif kind == "flemish":
                # the youngest age of that year: eerste leerjaar from 6, eerste kleuterklas from 3
                first = _FLEMISH_ORDINALS.get(m.group("fl_n").lower()) or int(m.group("fl_n")[0])
                kind_fl = m.group("fl_kind").lower()
                value["school_year"] = f"{m.group('fl_n').lower()} {kind_fl}"
                value["years"] = first + (5 if kind_fl == "leerjaar" else 2)
            elif kind == "ja_kinder":
                value["school_year"] = m.group("ja_k")
                value["years"] = {"年少": 3, "年中": 4, "年長": 5}[m.group("ja_k")]
            elif kind == "pair":
                n = n if n is not None else int(m.group("n_"))
                value["years"] = n
                n2_group = "n2" if m.groupdict().get("n2") else "n2_"
                raw2 = m.group(n2_group).lower()
                second = int(raw2) if raw2.isdigit() else NUMBER_WORDS.get(raw2, 99)
                if second <= 17 and n is not None and n <= 17:
                    out.append(
                        (m.start(n2_group), m.end(n2_group), AgeValue(m.group(n2_group), years=second))
                    )
            elif kind == "ja_grade":
                grade = JA_NUMERALS.get(m.group("n"), None) or int(
                    unicodedata.normalize("NFKC", m.group("n"))
                )
                value["school_year"] = f"小学{grade}年生"
                value["years"] = grade + 5
            if kind in ("ordinal_birthday", "turns") and _adult_nearby(text, m.start()):
                continue
            if kind == "birthday" and _adults_birthday(text, m):
                continue
            if _not_an_age(text, m) or _not_a_child(text, m, kind):
                continue
            # Adults' ages and "turns 40" are not about a child.
            if value["years"] is not None and value["years"] > 17:
                continue
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            out.append((start, m.end(), AgeValue(**value)))
    out.sort(key=lambda t: t[0])
    return out


def _kanji_number(raw: str) -> int | None:
    """三 -> 3, 十二 -> 12; None for anything else."""
    if raw == "十":
        return 10
    tens, sep, ones = raw.partition("十")
    if not sep:
        return _KANJI_DIGITS.index(raw) + 1 if len(raw) == 1 else None
    high = (_KANJI_DIGITS.index(tens) + 1) if tens else 1
    low = (_KANJI_DIGITS.index(ones) + 1) if ones else 0
    return high * 10 + low


#: Words before a bare "5 today" that make the number something else: "table for 4 today".
_NOT_BEFORE_TODAY = frozenset(
    "it it's its that that's there there's what what's this for at of to by from with in on than about "
    "around only over under bus route table room page gate platform level number no score vs x".split()
)


def _not_an_age(text: str, m: re.Match[str]) -> bool:
    """Readings of a pattern that are no age: "she's one of a kind", "table for 4 today"."""
    raw = (m.groupdict().get("n") or "").lower()
    if raw.isdigit():
        # a piece of a decimal ("3.5yo", "2,5 jaar"), which the half-year pattern reads whole
        if re.match(r"\d[.,]$", text[max(0, m.start("n") - 2) : m.start("n")]):
            return True
        if m.end() <= m.end("n") + 1 and re.match(r"[.,]5\b", text[m.end("n") :]):
            return True
    if raw in ("one", "één") and not re.match(
        r"(?:turn|wordt|werd|year|yr|groep|grade)", m.group(0), re.IGNORECASE
    ):
        nxt = re.match(r"\s+([^\W\d_]+)", text[m.end("n") :])
        if nxt and nxt.group(1).lower() not in _ONE_OK_NEXT:
            return True
    if re.fullmatch(r"\d{1,2}\s+today", m.group(0).strip(), re.IGNORECASE):
        before = text[: m.start()].split()
        if before and before[-1].lower().replace("’", "'") in _NOT_BEFORE_TODAY:
            return True
    return False


#: Pets and things with birthdays: "our puppy is 1 today", "the blog turns 5".
_NOT_CHILD = re.compile(
    r"\b(?:dog|doggy|doggo|pup|puppy|pups|pooch|cat|kitty|kitten|bunny|rabbit|hamster|guinea\s+pig|pony|"
    r"horse|tortoise|goldfish|fur\s*baby|hond|hondje|kat|katje|konijn|blog|channel|shop|business|company|"
    r"bakery|cafe|café|podcast)s?\b"
    r"(?:\s+(?-i:[A-Z])\w+)?(?:['’]s)?\s*(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
#: "Happy 3rd birthday to our fur baby": the pet named after the birthday.
_PET_AFTER = re.compile(
    r"\s*(?:birthday|bday)?\s*,?\s*(?:to\s+)?(?:our|my|the)?\s*(?:little\s+|beautiful\s+|old\s+)?"
    r"(?:dog|doggy|doggo|pup|puppy|pooch|cat|kitty|kitten|bunny|rabbit|hamster|pony|horse|fur\s*baby|"
    r"hond|hondje|kat|katje|konijn)\b",
    re.IGNORECASE,
)
#: A pregnancy counted in weeks or months is no child's age: "bump is 20 weeks today".
_PREGNANT = re.compile(
    r"\b(?:bump|pregnan\w*|zwanger\w*|expecting|trimester|due\s+date)\b|妊娠|マタニティ", re.I
)


def _not_a_child(text: str, m: re.Match[str], kind: str) -> bool:
    """An age that belongs to a pet, a business, or a pregnancy."""
    before = text[max(0, m.start() - 40) : m.start()]
    if _NOT_CHILD.search(before) or _PET_AFTER.match(text[m.end() : m.end() + 40]):
        return True
    if kind in ("weeks", "months"):
        sentence = re.search(r"[^.!?\n]*$", text[: m.start()])
        rest = re.match(r"[^.!?\n]*", text[m.end() :])
        around = (sentence.group(0) if sentence else "") + (rest.group(0) if rest else "")
        return bool(_PREGNANT.search(around))
    return False


#: Japanese words for adults before の誕生日: "夫の誕生日", "ママのお誕生日".
_JA_ADULT_BEFORE = re.compile(
    r"(?:夫|旦那|主人|妻|嫁|母|父|ママ|パパ|義母|義父|祖母|祖父|じいじ|ばあば|おじいちゃん|おばあちゃん|"
    r"友達|彼氏|彼女|私|自分|僕|俺|母親|父親|姉|兄)(?:さん|ちゃん|様)?の?(?:お)?$"
)


def _adults_birthday(text: str, m: re.Match[str]) -> bool:
    """A bare birthday word about an adult: "夫の誕生日", "Opa is jarig", "verjaardag van mijn moeder"."""
    if _JA_ADULT_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
        return True
    if re.match(rf"{_ADULT}['’]s\b", m.group(0), re.IGNORECASE):
        return True  # "Mum's birthday"
    if _adult_nearby(text, m.start()) and re.search(r"\b(?:is|zijn|was)\s*$", text[: m.start()]):
        return True
    after = text[m.end() : m.end() + 40]
    if re.search(rf"\b{_ADULT}(?:'s|’s)\s*(?:\w+\s+)?$", text[max(0, m.start() - 30) : m.start()], re.I):
        return True
    return bool(
        re.match(
            rf"(?:\s+\w+)?\s+(?:van|of|for|to)\s+(?:mijn|m'n|onze|my|our)?\s*(?:lieve\s+|dear\s+)?{_ADULT}\b",
            after,
            re.I,
        )
    )


def _adult_nearby(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]
    # the word boundary after the adult word: "Nancy" is no "nan"
    return bool(re.search(rf"\b{_ADULT}\b(?:'s|’s)?\s*(?:\w+\s+){{0,2}}$", before, re.IGNORECASE))


def _summary(value: AgeValue) -> str:
    if value.half:
        return "A half-birthday is mentioned; with the post date it gives away your child's birthday."
    if value.birthday and value.years is not None:
        return (
            f"Says your child turns {value.years}; with the post date a stranger can work out "
            "their date of birth."
        )
    if value.birthday:
        return "A birthday is celebrated in this post; with the post date it gives away a date of birth."
    if value.school_year:
        return f"Says your child started {value.school_year}, which tells a stranger how old they are."
    if value.months is not None:
        return f"Gives your child's age as {value.months} months."
    return f"Gives your child's age as {value.years}."


class AgesAnalyzer(TextAnalyzerBase):
    name = "ages"
    version = "3"
    categories = ("age_or_birthday",)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        findings: list[Finding] = []
        for td in docs_for(post, ctx.run):
            for s, e, found in find_ages(td):
                evidence = td.evidence(s, e)
                value = replace(found, span=TextSpan(evidence["field"], evidence["start"], evidence["end"]))
                dated = value.dated
                findings.append(
                    self.finding(
                        post,
                        "age_or_birthday",
                        "high" if dated else "medium",
                        0.85 if dated else 0.75,
                        _summary(value),
                        value=value,
                        evidence=evidence,
                    )
                )
        return findings
