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

from analyzers.age_phrases import (
    ADULTS,
    FLEMISH_ORDINALS,
    KANJI_DIGITS,
    NUMBER_WORDS,
    ONE_OK_NEXT,
    ORDINAL_WORDS,
    PATTERNS,
    number_of,
)
from footprint_audit.context import PostContext
from footprint_audit.findings import AgeValue, TextSpan
from footprint_audit.lexicon import JA_NUMERALS, SCHOOL_YEAR_AGE
from footprint_audit.models import Finding, Post
from footprint_audit.nlp import TextAnalyzerBase, TextDoc, docs_for


def find_ages(td: TextDoc) -> list[tuple[int, int, AgeValue]]:
    """(start, end, value) of every age or birthday statement in one analysed text."""
    out: list[tuple[int, int, AgeValue]] = []
    text = td.analysed
    if td.script != "cjk" and not _MAY_STATE_AN_AGE.search(text):
        return out  # most captions: no number, no birthday, no school year, nothing to try
    for pattern, kind in PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in out):
                continue
            n = number_of(m)
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
            elif kind == "reception_in_school_post" and not _SCHOOL_POST.search(text):
                continue  # "Reception drinks", a wedding's: no school in the post
            elif kind in ("reception", "reception_in_school_post"):
                value["school_year"] = "reception"
                value["years"] = SCHOOL_YEAR_AGE["reception"]
            elif kind == "flemish":
                # the youngest age of that year: eerste leerjaar from 6, eerste kleuterklas from 3
                first = FLEMISH_ORDINALS.get(m.group("fl_n").lower()) or int(m.group("fl_n")[0])
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
            elif kind == "name_ages":
                # every name's age in the list; the first is this match's value
                ages = list(_NAME_AGE.finditer(m.group(0)))
                for item in ages[1:]:
                    months = bool(item.group("unit"))
                    num = int(item.group("n"))
                    if num <= 17 or months:
                        s = m.start() + item.start("n")
                        e = m.start() + item.end()
                        out.append(
                            (
                                s,
                                e,
                                AgeValue(
                                    item.group(0).strip(),
                                    years=None if months else num,
                                    months=num if months else None,
                                ),
                            )
                        )
                head = ages[0]
                value["years" if not head.group("unit") else "months"] = int(head.group("n"))
            elif kind == "hashtag_age" and not any(a <= m.start() < b for a, b in td.hashtag_spans()):
                continue
            elif kind == "hashtag_age":
                value["years"] = n
            elif kind == "years_and_half":
                value["months"] = (n or 0) * 12 + 6
            elif kind == "ja_school_start":
                value["school_year"] = "小学1年生"
                value["years"] = 6
            elif kind == "ja_grade":
                grade = JA_NUMERALS.get(m.group("n"), None) or int(
                    unicodedata.normalize("NFKC", m.group("n"))
                )
                value["school_year"] = f"小学{grade}年生"
                value["years"] = grade + 5
            elif kind == "years_months":
                # the dossier adds the months to the years: 1歳6ヶ月 is 1 year and 6 months
                value["years"], value["months"] = n, int(unicodedata.normalize("NFKC", m.group("mo")))
            elif kind == "ja_grade_short":
                # the youngest age in the year: 小N from N + 5, 中N from N + 11, 高N from N + 14
                groups = m.groupdict()
                school, raw, first = next(
                    (name, groups[key], add)
                    for key, name, add in (("n_h", "高校", 14), ("n_m", "中学", 11), ("n", "小学", 5))
                    if groups.get(key)
                )
                grade = JA_NUMERALS.get(raw, None) or int(unicodedata.normalize("NFKC", raw))
                value["school_year"] = f"{school}{grade}年生"
                value["years"] = grade + first
            elif kind == "brugklas":
                value["school_year"], value["years"] = "brugklas", 12
            elif kind == "ja_middle_start":
                value["school_year"], value["years"] = "中学1年生", 12
            elif kind == "ja_days":
                value["months"] = round(int(m.group("n_d")) / 30.4, 1)
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
    if any(v.half for *_, v in out):
        # "Half birthday 🎈 6 months of gummy grins": the six months are the child's age
        for m in _SIX_MONTHS.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, _ in out):
                out.append((m.start(), m.end(), AgeValue(text=m.group(0), months=6)))
    out.sort(key=lambda t: t[0])
    return out


_SIX_MONTHS = re.compile(r"\b(?:6|six|zes)\s+(?:months|maanden)\b", re.IGNORECASE)


#: Every English or Dutch age phrasing has one of these (a digit, a number or ordinal word, a
#: birthday, a school year or a unit): a text without any is not read pattern by pattern.
_MAY_STATE_AN_AGE = re.compile(
    r"\d|½|\b(?:"
    + "|".join(sorted(map(re.escape, {*NUMBER_WORDS, *ORDINAL_WORDS}), key=len, reverse=True))
    + r"|half|halve|halfje|birthday\w*|bday|b-day|verjaardag\w*|jarig\w*|reception|digits|figures|years?|yrs?|"
    r"jaar\w*|leerjaar|kleuter\w*|brugklas|groep|grade|months?|mo|mths?|weeks?|weken|maanden|mnd|y/o|yo|"
    r"aged?|ages|born|kindergarten|preschool|nursery|school|kindy|pre-k|jarige)\b",
    re.IGNORECASE,
)
#: One name and its age in a list of them: "Clodagh 5", "baby Niamh 10 months".
_NAME_AGE = re.compile(r"(?P<n>\d{1,2})(?P<unit>\s*(?:months?|maanden))?")


#: A post about school: a capitalised "Reception" in it is the school year.
_SCHOOL_POST = re.compile(
    r"\b(?:school|nursery|teacher|class|classmates?|uniform|first\s+day|primary|academy|infants?|term|"
    r"mate|friend|playground)\b",
    re.IGNORECASE,
)


def _kanji_number(raw: str) -> int | None:
    """三 -> 3, 十二 -> 12; None for anything else."""
    if raw == "十":
        return 10
    tens, sep, ones = raw.partition("十")
    if not sep:
        return KANJI_DIGITS.index(raw) + 1 if len(raw) == 1 else None
    high = (KANJI_DIGITS.index(tens) + 1) if tens else 1
    low = (KANJI_DIGITS.index(ones) + 1) if ones else 0
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
        if nxt and nxt.group(1).lower() not in ONE_OK_NEXT:
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


#: A pet in the Japanese sentence before an age: "実家の柴犬、今日で15歳", "うちの猫🐈 もう3歳".
_JA_PET = re.compile(
    r"犬|猫|ねこ|いぬ|わんこ|ワンコ|にゃんこ|ニャンコ|ワンちゃん|プードル|トイプー|チワワ|ダックス|柴|ポメ|コーギー|"
    r"ハムスター|うさぎ|ウサギ|インコ|文鳥|金魚|🐕|🐶|🐈|🐱|🐩|🐇|🐹"
)
#: A child in that sentence, which makes the age the child's: "犬と遊ぶ息子、3歳".
_JA_CHILD_WORD = re.compile(
    r"息子|娘|長男|長女|次男|次女|三男|三女|末っ子|兄|姉|弟|妹|孫|赤ちゃん|子ども|子供|こども|うちの子|"
    r"(?<!ワン)(?<!猫)(?<!ねこ)(?<!ネコ)ちゃん|くん"
)
#: A span of time, not an age, around "Nヶ月": "あと1ヶ月", "3ヶ月ぶり", "2ヶ月前", "1ヶ月ちょっと".
_JA_SPAN_BEFORE = re.compile(r"(?:あと|残り|のこり|約|およそ)\s*$")
_JA_SPAN_AFTER = re.compile(
    r"\s*(?:前|後|ぶり|振り|間|以上|以内|ちょっと|ほど|くらい|ぐらい|近く|経|たっ|たち|先|毎|ごと|分)"
)
_JA_AGE_UNIT = re.compile(r"歳|才|さい|ヶ月|か月|カ月|ケ月|ヵ月")


def _ja_not_a_child(text: str, m: re.Match[str], kind: str) -> bool:
    """A Japanese age that is a pet's ("柴犬、今日で15歳") or a span of months ("あと1ヶ月")."""
    if not _JA_AGE_UNIT.search(m.group(0)):
        return False
    if kind == "months" and (
        _JA_SPAN_BEFORE.search(text[max(0, m.start() - 4) : m.start()]) or _JA_SPAN_AFTER.match(text, m.end())
    ):
        return True
    sentence = re.search(r"[^。！!？?\n]{0,30}$", text[: m.start()])
    before = sentence.group(0) if sentence else ""
    return bool(_JA_PET.search(before) and not _JA_CHILD_WORD.search(before))


def _not_a_child(text: str, m: re.Match[str], kind: str) -> bool:
    """An age that belongs to a pet, a business, or a pregnancy."""
    before = text[max(0, m.start() - 40) : m.start()]
    if _NOT_CHILD.search(before) or _PET_AFTER.match(text[m.end() : m.end() + 40]):
        return True
    if _ja_not_a_child(text, m, kind):
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
    if re.match(rf"{ADULTS}['’]s\b", m.group(0), re.IGNORECASE):
        return True  # "Mum's birthday"
    if _adult_nearby(text, m.start()) and re.search(r"\b(?:is|zijn|was)\s*$", text[: m.start()]):
        return True
    after = text[m.end() : m.end() + 40]
    # "je 50ste verjaardag", "Happy birthday to my brother, 35 and still ...": a grown-up's number
    # as the birthday's ordinal or set off by a comma in the same sentence
    sentence = re.search(r"[^.!?\n]*$", text[: m.start()])
    rest = re.match(r"[^.!?\n]*", text[m.end() :])
    ordinal = re.search(r"\b(\d{2,3})(?:st|nd|rd|th|ste|de|e)\s+(?:\w+\s+)?$", text[: m.start()])
    aside = re.search(
        r",\s*(\d{2,3})\s*(?:and|en|&|today|vandaag|years?|jaar|!|🎉|🎂|$)",
        (sentence.group(0) if sentence else "") + m.group(0) + (rest.group(0) if rest else ""),
    )
    if any(found and 18 <= int(found.group(1)) <= 110 for found in (ordinal, aside)):
        return True
    if re.search(rf"\b{ADULTS}(?:'s|’s)\s*(?:\w+\s+)?$", text[max(0, m.start() - 30) : m.start()], re.I):
        return True
    return bool(
        re.match(
            rf"(?:\s+\w+)?\s+(?:van|of|for|to)\s+(?:mijn|m'n|onze|my|our)?\s*(?:lieve\s+|dear\s+)?{ADULTS}\b",
            after,
            re.I,
        )
    )


def _adult_nearby(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]
    # the word boundary after the adult word: "Nancy" is no "nan"
    return bool(re.search(rf"\b{ADULTS}\b(?:'s|’s)?\s*(?:\w+\s+){{0,2}}$", before, re.IGNORECASE))


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
    version = "11"
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
