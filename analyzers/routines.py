"""Hints of a routine in text: "every Tuesday", "after nursery", "swim class",
"Saturday football", "school run", "elke woensdag", "毎週".

One hint says little; several posts at the same place and hour say a lot - the dossier
joins them. ``value`` is a :class:`~footprint_audit.findings.RoutineValue`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from footprint_audit.context import PostContext
from footprint_audit.findings import RoutineValue
from footprint_audit.models import Finding, Post
from footprint_audit.nlp import TextAnalyzerBase, TextDoc, docs_for

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DUTCH_DAYS = dict(
    zip(
        ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
        WEEKDAYS,
        strict=True,
    )
)
JAPANESE_DAYS = dict(zip("月火水木金土日", WEEKDAYS, strict=True))
ACTIVITIES = (
    r"(?:swim(?:ming)?|ballet|dance|football|soccer|rugby|cricket|tennis|gymnastics|gym|karate|judo|"
    r"taekwondo|piano|music|drama|choir|art|coding|chess|brownies|rainbows|beavers|cubs|scouts|"
    r"guides|tumble\s*tots|forest\s+school|sunday\s+school|hockey|netball|athletics|climbing|parkrun|"
    r"playgroup|toddler\s+group|rhyme\s*time|story\s*time|baby\s+sensory|sensory|baby\s+yoga|yoga|"
    r"trampolining|riding|horse\s+riding|cheer(?:leading)?|badminton|fencing|kickboxing|jiu[- ]?jitsu|"
    r"swim\s+school|mini\s+rugby|tag\s+rugby|church|mass|training|practice|squirrels|kumon|tutoring|"
    r"tuition|violin|guitar|drums|theatre|stagecoach|pottery|bouldering|skating|ice\s+skating|surf(?:ing)?|"
    r"boxing|little\s+kickers|kickers|water\s*babies|jo\s+jingles|monkey\s+music|sing\s+and\s+sign|"
    r"messy\s+play|soft\s+play|lessons?|club|nursery|childminder|forest\s+club|brigade|"
    r"sunday\s+league|junior\s+parkrun|cadets|ninja\s+warrior)"
)
NL_ACTIVITIES = (
    r"(?:voetbal|hockey|zwemmen|zwemles|turnen|turnles|ballet|balletles|dansen|dansles|judo|tennis|"
    r"muziekles|pianoles|gitaarles|scouting|training|voetbaltraining|hockeytraining|korfbal|atletiek|chiro)"
)
_DAY = r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
#: Short forms, only after "every" ("every Tues", "each Weds"): "sat", "sun", "wed" are words.
_SHORT_DAY = r"(?P<short>mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)"
SHORT_DAYS = {
    "mon": "monday",
    "tu": "tuesday",
    "we": "wednesday",
    "th": "thursday",
    "fr": "friday",
    "sa": "saturday",
    "su": "sunday",
}
#: The later items of a list of short day names ("Mon, Wed and Fri").
_SHORT_LIST_DAY = r"(?:mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)"
_NLDAY = r"(?P<nlday>maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"

_DAYS_EN = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DAYS_NL = r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
_PARTS = r"(?:morning|afternoon|evening|night)"
_NL_PARTS = r"(?:voormiddag|namiddag|ochtend|middag|avond|morgen)"

#: (pattern, every): ``every`` is "daily", "weekdays" or "weekends" for a hint that repeats on
#: no one weekday. Earlier patterns win where two overlap.
PATTERNS: tuple[tuple[re.Pattern[str], str | None], ...] = tuple(
    (re.compile(p, re.IGNORECASE), every)
    for p, every in (
        # every day / morning: "every morning", "each day", "daily", "elke ochtend", "毎朝"
        # "every day this week" is a holiday, not a routine
        (
            rf"\b(?:every|each)\s+(?:single\s+)?(?:day|{_PARTS})\b"
            r"(?!\s+(?:this|last|next|if|of\s+(?:the\s+)?(?:holiday|holidays|half\s+term|trip))\b)|\bdaily\b",
            "daily",
        ),
        (
            r"\b(?:every|each)\s+(?:single\s+)?(?:lunch\s*time|tea\s*time|nap\s*time|breakfast|school\s+pick[- ]?up)\b",
            "daily",
        ),
        (rf"\b(?:elke|iedere)\s+(?:dag|{_NL_PARTS})\b|\bdagelijks\b", "daily"),
        # 毎日 as a noun ("毎日がジェットコースター", "育児の毎日です") says no routine
        (r"(?<!の)毎日(?!が|です|だ|でした|バタバタ|ばたばた|大変|忙しい|楽しい)|毎朝|毎晩|毎夕", "daily"),
        # weekends: "every weekend", "weekends are for", "elk weekend", "毎週末", "毎週土日"
        (
            r"\b(?:every|each)\s+(?:other\s+|single\s+)?weekend\b|(?<!\d\s)(?<!two\s)(?<!three\s)(?<!four\s)(?<!few\s)"
            r"(?<!several\s)(?<!many\s)(?<!some\s)\bweekends\b|\bat\s+the\s+weekend\b(?=.*\balways\b)",
            "weekends",
        ),
        (r"\b(?:elk|ieder)\s+weekend\b|\bin\s+het\s+weekend\s+altijd\b", "weekends"),
        (r"毎週末|毎週土日|週末はいつも", "weekends"),
        # weekdays: "every weekday", "Monday to Friday", "the school run", "doordeweeks", "平日"
        (
            r"\b(?:every|each)\s+(?:single\s+)?weekday\b|\bweekdays\b|\bmon(?:day)?s?\s*(?:-|–|to|until|till)\s*fri(?:day)?s?\b"
            r"|\bschool\s+(?:mornings|nights)\b|\b(?:every\s+)?week[\s-]?nights?\b",
            "weekdays",
        ),
        (r"\bevery\.?\s+single\.?\s+day\b", "daily"),
        # "every school day", "on school days", "weekday mornings", "every week day"
        (
            r"\b(?:every|each)\s+(?:school|week)[\s-]?day\b|\b(?:on|most|all)\s+(?:school|week)[\s-]?days\b"
            r"|\bweek[\s-]days\b"
            rf"|\bweekday\s+{_PARTS}s\b|\b(?:op\s+)?schooldagen\b",
            "weekdays",
        ),
        (rf"\bweekend\s+{_PARTS}s\b|\bweekenden\b|\bin\s+de\s+weekenden\b", "weekends"),
        (
            r"\bnightly\b|\bmost\s+(?:days|mornings|evenings|nights)\b|\bevery\s+(?:bed|bath)\s*time\b"
            r"|\beveryday\b(?=\s*(?:$|[^\w\s]|after|before|at|since|without|and|but|so|for|this|now|again))",
            "daily",
        ),
        (r"\bevery\s+school\s+(?:morning|night|run)\b|\b(?:5|five)\s+days\s+a\s+week\b", "weekdays"),
        (r"\b(?:7|seven)\s+days\s+a\s+week\b|\bday\s+in,?\s+day\s+out\b", "daily"),
        # the school run says a routine exists, not that this post is about one: no "when"
        (
            r"\b(?:school|nursery)\s+(?:run|pick[- ]?up|drop[- ]?off)\b|\b(?:pick[- ]?up|drop[- ]?off)\s+at\s+(?:school|nursery)\b",
            None,
        ),
        (r"\bdoordeweeks\b|\b(?:elke|iedere)\s+doordeweekse\s+dag\b", "weekdays"),
        (r"平日", "weekdays"),
        # one weekday
        (rf"\b(?:every|each)\s+{_DAY}s?\b(?:\s+(?:{_PARTS}|after\s+school))?", None),
        (rf"\b(?:on\s+)?{_DAY}s\b", None),
        (rf"\b(?:every|each)\s+(?:other\s+|single\s+)?{_SHORT_DAY}\b\.?", None),
        # "Mon, Wed and Fri": a list of short day names says which days, not one
        (rf"\b{_SHORT_DAY}\b\.?(?=(?:\s*(?:,|/|&|and|\+)\s*{_SHORT_LIST_DAY}\b\.?)+)", None),
        # "nursery days are Monday and Friday", "PE days are Tuesday and Thursday"
        (rf"\b[a-z]+\s+days?\s*(?:are|is|=|:)\s*(?:on\s+)?{_DAY}s?\b", None),
        # "Thursday evening is Scouts", "Saturdays are for football"
        (
            rf"\b{_DAY}s?(?:\s+{_PARTS}s?|\s+(?:after|before)\s+school)?\s+(?:is|are|=|means)\s+(?:for\s+)?(?:always\s+)?"
            rf"(?P<act>{ACTIVITIES})\b",
            None,
        ),
        # "Tuesday club", "our Saturday tradition", "Sunday morning routine"
        (rf"\b{_DAY}(?:\s+{_PARTS})?\s+(?:[a-z-]+\s+)?(?:tradition|routine|ritual|club)\b", None),
        # "Saturday mornings are for parkrun", "on a Wednesday", "every other Friday",
        # "Friday night is pizza night"
        (rf"\b{_DAY}\s+(?:mornings|afternoons|evenings|nights)\b", None),
        (rf"\b{_SHORT_DAY}\.?\s+(?:mornings|afternoons|evenings|nights)\b", None),
        # "Thursday's are for swimming" (a plural written with an apostrophe), "our usual Tuesday"
        (rf"\b{_DAY}['’]s\s+(?:are|=|mean)\b", None),
        (rf"\b(?:usual|regular|weekly)\s+{_DAY}\b", None),
        # "Sunday = roast", "a Saturday must", "Tues swim, Thurs gym"
        (rf"\b{_DAY}s?\s*=\s*\w", None),
        (rf"\ba\s+{_DAY}\s+(?:must|thing|staple|tradition|ritual|regular)\b", None),
        # ("sat" and "sun" are words: "we sat swimming")
        (rf"(?-i:\b(?P<short>Mon|Tues?|Weds?|Thu(?:rs?)?|Fri))\.?\s+(?P<act>{ACTIVITIES})\b", None),
        # "Wednesday is always swimming", "always on a Friday", "Saturdays we usually"
        (rf"\b{_DAY}s?\s+(?:is|are|we|she|he|they)\s+(?:always|usually)\b", None),
        (rf"\b(?:always|usually)\s+(?:on\s+)?(?:a\s+)?{_DAY}\b(?!\s+(?:in|this|last|next))", None),
        (rf"\b{_DAY}\s+(?:morning|afternoon|evening|night)\s+(?:[a-z]+\s+)?(?P<act>{ACTIVITIES})\b", None),
        (rf"\bon\s+a\s+{_DAY}\b(?!\s+(?:in|this|last|next))", None),
        (rf"\b(?:every|each)\s+other\s+{_DAY}\b", None),
        (
            rf"\b{_DAY}(?:\s+(?:night|morning|afternoon|evening))?\s+(?:is|=|means)\s+[a-z]+\s+(?:night|day|time)\b",
            None,
        ),
        (
            rf"\b{_DAY}\s+(?P<act>{ACTIVITIES})\b(?:\s+(?:class|lesson|club|practice|training|session))?",
            None,
        ),
        (
            rf"\b(?P<act>{ACTIVITIES})\s+(?:class|classes|lesson|lessons|club|practice|training|session|day)\b",
            None,
        ),
        (r"\b(?:every|each)\s+(?:week|saturday\s+morning|morning\s+before\s+school)\b", None),
        (r"\b(?:after|before)\s+(?:school|nursery|daycare|preschool|kindy|kindergarten)\b", None),
        (rf"\b(?:elke|iedere)\s+{_NLDAY}(?:{_NL_PARTS})?\b", None),
        (rf"\b(?:op\s+)?{_NLDAY}(?:middag(?:en)?|s|en|ochtenden|avonden)\b", None),
        (rf"\b{_NLDAY}{_NL_PARTS}?\s+(?:altijd|steeds|vast|standaard)\b", None),
        # "Hockey op zaterdag bij HC Tilburg": a club activity on its weekday
        (rf"\b(?P<act>{NL_ACTIVITIES})\s+op\s+{_NLDAY}\b", None),
        # "Zaterdag voetbal, zondag hockey": a Dutch weekday and a club activity
        (rf"\b{_NLDAY}\s+(?P<act>{NL_ACTIVITIES})\b", None),
        (r"\b(?P<act>zwemles|turnles|balletles|voetbaltraining|dansles)\b", None),
        (r"\bna\s+(?:school|de\s+opvang|het\s+kinderdagverblijf)\b", None),
        (
            r"毎週(?:(?P<jpday>[月火水木金土日])(?=(?:[・と、][月火水木金土日])*曜)(?:曜日?)?)?|(?P<jpday2>[月火水木金土日])曜日?の?(?:習い事|スイミング|プール|レッスン|教室)|"
            r"(?P<jpday3>[月火水木金土日])曜日?の?(?:朝|夜|夕方|午前|午後)?は(?:いつも|毎回|決まって)|"
            r"(?P<jpday4>[月火水木金土日])曜(?:日)?(?:恒例|の恒例|の定番)|習い事|お迎え",
            None,
        ),
    )
)
#: "every Monday and Wednesday", "Tuesdays & Thursdays", "maandag en woensdag": the days after the first.
_MORE_DAYS = re.compile(
    # "elke woensdag- en zaterdagochtend": a Dutch compound's shared part after the hyphen
    rf"^(?:-?\s*(?:,|and|&|or|en|of)\s*(?P<more>{_DAYS_EN}|{_DAYS_NL})(?:s|{_NL_PARTS})?\b)",
    re.IGNORECASE,
)
_MORE_SHORT_DAYS = re.compile(
    rf"^(?:\.?\s*(?:,|/|&|and|\+)\s*(?P<more>{_SHORT_LIST_DAY}|{_DAYS_EN})s?\b\.?)", re.IGNORECASE
)
#: "Tuesday and Thursday mornings": the days of a list before the one a pattern found.
_DAYS_BEFORE = re.compile(rf"(?P<before>{_DAYS_EN}|{_DAYS_NL})s?\s*(?:,|and|&|en)\s*$", re.IGNORECASE)
_MORE_JA_DAYS = re.compile(r"^[・と、](?P<more>[月火水木金土日])(?:曜日?)?")


#: Words that say a sentence's weekday comes round every week.
_REPEATS = re.compile(
    r"\b(?:every\s+week|each\s+week|weekly|as\s+usual|as\s+always|like\s+every\s+week|without\s+fail|"
    r"elke\s+week|iedere\s+week|wekelijks|zoals\s+altijd|zoals\s+elke\s+week|vaste\s+prik|"
    r"every\s+single\s+week|we\s+always|altijd|traditie|tradition|highlight\s+of\s+(?:the|their|our|my|his|her)\s+week)\b",
    re.IGNORECASE,
)
_ANY_DAY = re.compile(rf"\b(?:{_DAYS_EN}|{_DAYS_NL}|weekend)(?:s|{_NL_PARTS})?\b", re.IGNORECASE)
_ONE_OFF_BEFORE = re.compile(
    r"\b(?:last|next|this|afgelopen|volgende|vorige|deze|komende)\s+$", re.IGNORECASE
)
_JA_DAY = re.compile(r"(?<![先来今])(?P<d>[月火水木金土日])曜日?")


_FEELING = re.compile(
    r"\b(?:proud|grateful|thankful|blessed|love\s+you|miss\s+you|amaze[sd]?\s+(?:me|us)|inspires?\s+(?:me|us)|"
    r"fall\s+in\s+love|make\s+(?:us|me)\s+(?:smile|laugh))\b",
    re.IGNORECASE,
)


def _sentence_of(text: str, pos: int) -> str:
    start = max(text.rfind(c, 0, pos) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, pos) for c in ".!?\n") if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def _weekday(g: dict[str, str | None]) -> str | None:
    day = (g.get("day") or "").lower() or DUTCH_DAYS.get((g.get("nlday") or "").lower())
    if g.get("short"):
        day = SHORT_DAYS.get((g.get("short") or "")[:2].lower()) or SHORT_DAYS.get(
            (g.get("short") or "")[:3].lower()
        )
    jp = g.get("jpday") or g.get("jpday2") or g.get("jpday3") or g.get("jpday4")
    if jp:
        day = JAPANESE_DAYS[jp]
    return day.capitalize() if day else None


def find_routines(td: TextDoc) -> list[tuple[int, int, RoutineValue]]:
    text = td.analysed
    out: list[tuple[int, int, RoutineValue]] = []
    for pattern, every in PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in out):
                continue
            g = m.groupdict()
            day = _weekday(g)
            activity = (g.get("act") or "").lower() or None
            out.append((m.start(), m.end(), RoutineValue(m.group(0), day, activity, every)))
            if day is None:
                continue
            # the other days of a list share the first one's routine
            end = m.end()
            japanese = any(g.get(k) for k in ("jpday", "jpday2", "jpday3", "jpday4"))
            more_re = _MORE_JA_DAYS if japanese else _MORE_SHORT_DAYS if g.get("short") else _MORE_DAYS
            start = m.start()
            while not japanese and (prev := _DAYS_BEFORE.search(text[:start])) is not None:
                word = prev.group("before").lower()
                other = DUTCH_DAYS.get(word) or word
                start = prev.start()
                if _ONE_OFF_BEFORE.search(text[:start]):
                    break
                if not any(a < prev.end() and start < b for a, b, _ in out):
                    out.append((start, prev.end(), RoutineValue(prev.group(0), other.capitalize(), activity)))
            while (more := more_re.match(text[end:])) is not None:
                word = more.group("more")
                other = (
                    JAPANESE_DAYS.get(word)
                    or DUTCH_DAYS.get(word.lower())
                    or _weekday({"short": word})
                    or word.lower()
                )
                s = end + more.start("more")
                end += more.end()
                if not any(a < end and s < b for a, b, _ in out):
                    out.append((s, end, RoutineValue(text[s:end], other.capitalize(), activity)))
    # "Sunday lunch at Nana's, every week without fail": a weekday in a sentence that says it
    # repeats, or in the sentence just before ("Woensdag is opa-dag. Altijd.")
    sentences = list(re.finditer(r"[^.!?\n]+", text))
    for i, sentence in enumerate(sentences):
        if not _REPEATS.search(sentence.group(0)):
            continue
        for m in (
            m
            for near in sentences[max(0, i - 1) : i + 1]
            for m in _ANY_DAY.finditer(text, near.start(), near.end())
        ):
            s0, e0 = m.start(), m.end()
            if any(a < e0 and s0 < b for a, b, _ in out) or _ONE_OFF_BEFORE.search(text[:s0]):
                continue
            word = re.sub(rf"(?:s|{_NL_PARTS})$", "", m.group(0).lower())
            if word == "weekend":  # "Weekend football and Sunday dance every week"
                out.append((s0, e0, RoutineValue(m.group(0), every="weekends")))
                continue
            day = DUTCH_DAYS.get(word) or (word if word in WEEKDAYS else None)
            if day:
                out.append((s0, e0, RoutineValue(m.group(0), day.capitalize())))
    # "金曜日の夜はピザの日🍕 毎週楽しみ": a weekday in a post that says 毎週 is weekly
    if any(v.text == "毎週" for _, _, v in out):
        for m in _JA_DAY.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b, _ in out):
                out.append(
                    (m.start(), m.end(), RoutineValue(m.group(0), JAPANESE_DAYS[m.group("d")].capitalize()))
                )
    # "you make us proud every single day": a way of speaking, no day's routine
    out = [
        (s, e, v)
        for s, e, v in out
        if not (
            v.every == "daily" and re.match(r"(?i)every", v.text) and _FEELING.search(_sentence_of(text, s))
        )
    ]
    # "平日は毎朝": every morning of the weekdays, not every day
    narrower = {v.every for _, _, v in out} & {"weekdays", "weekends"}
    if len(narrower) == 1:
        out = [(s, e, replace(v, every=next(iter(narrower))) if v.every == "daily" else v) for s, e, v in out]
    out.sort(key=lambda t: t[0])
    return out


_EVERY = {"daily": " every day", "weekdays": " on weekdays", "weekends": " at weekends"}


class RoutinesAnalyzer(TextAnalyzerBase):
    name = "routines"
    version = "5"
    categories = ("routine_hint",)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        findings: list[Finding] = []
        for td in docs_for(post, ctx.run):
            for s, e, value in find_routines(td):
                when = f" on {value.weekday}s" if value.weekday else _EVERY.get(value.every or "", "")
                findings.append(
                    self.finding(
                        post,
                        "routine_hint",
                        "medium",
                        0.7,
                        summary=(
                            f"Hints at a regular routine (“{value.text}”){when}: strangers can learn "
                            "when and where your child will be."
                        ),
                        value=value,
                        evidence=td.evidence(s, e),
                    )
                )
        return findings
