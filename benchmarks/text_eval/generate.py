"""Labelled captions from templates, one list per half (``tune`` / ``held_out``).

Every template is a class of phrasing from issue 10 (names without a relation word, "X and
Y", lower case, twins, clubs, other people's children, indirect ages, whole school names,
capitalised ordinary words that are no names). Slots are filled only from the half asked for,
so a held-out caption never contains a tuned-on name, school or place. Labels:

- ``own``: the account's children, by first name as written;
- ``other``: other people's children named in the text;
- ``age``: every age or birthday statement about a child, as a key (``5y``, ``4m``, ``half``,
  ``birthday``; a school year gives the youngest age in it: Year 2 (6 to 7) -> ``6y``);
- ``school``: whole school names; ``place``: towns, areas and named venues;
- ``routine``: when a routine repeats, as a lower-case English weekday (``tuesday``),
  ``weekdays``, ``weekends`` or ``daily``; one-off days ("last Tuesday") are no routine.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from .lists import NAMES, PLACES, SCHOOLS, WORD_NAMES, Split

CATEGORIES = ("own", "other", "age", "school", "place", "routine")
LANGUAGES = ("en", "nl", "ja")
#: Adults (partners, friends): never children, in either half.
ADULTS = "Sarah Tom Claire Mark Helen James Rachel David Kate Steve Jo Nick".split()


@dataclass
class Caption:
    text: str
    lang: str
    split: str
    labels: dict[str, list[str]] = field(default_factory=dict)
    template: str = ""
    #: Categories the caption's author did not label (they are not scored on it).
    unlabelled: frozenset[str] = frozenset()


# (template, ages) - slots: {A} {B} own children, {a} {b} the same in lower case, {O} another
# child, {W} an own child whose name is also a word, {S} school, {s} school in lower case,
# {L} place, {X} an adult, {n} an age 1-11, {N} ordinal of n, {Y} a school year 1-6, {D} {D2}
# two weekdays ({nd} {nd2} in Dutch, {jd} {jd2} in Japanese).
# ages: "n" -> "{n}y", "nm" -> "{n}m", "Y" -> the age a school year implies, or a literal key.
# routine (third item, when present): "D"/"D2" -> that weekday, or a literal key.
Template = tuple[str, tuple[str, ...]] | tuple[str, tuple[str, ...], tuple[str, ...]]
EN: list[Template] = [
    ("{A} and {B} at the beach today ☀️🌊", ()),
    ("{A} loved the farm today 🐑 fed all the goats", ()),
    ("{a} and {b} at the park, so much fun today", ()),
    ("The twins {A} and {B} are {n} today!! 🎂🎂", ("n",)),
    ("{A} scored his first goal for the under 8s ⚽️ so proud", ()),
    ("{A} got her yellow belt at karate tonight 🥋", ()),
    ("So proud of {A} today, 25m swimming badge done 🏊‍♀️", ()),
    ("{A} is one! 🎉 where did that year go", ("1y",)),
    ("Our little {A} is {n} today 💕", ("n",)),
    ("Happy half birthday {A}! 🎈", ("half",)),
    ("{A} started Year {Y} this week ✏️ growing up too fast", ("Y",)),
    ("First day of Year {Y} for {A} at {S} 🎒", ("Y",)),
    ("Proud of {A}, star of the week at {S} ⭐", ()),
    ("Drop off at {S} then straight to work ☕", ()),
    ("first day at {s} today!! #proud", ()),
    ("Nativity at {S} - {A} was a sheep 🐑😂", ()),
    ("Playdate with {O} after school, {A} had the best time", ()),
    ("{A}'s friend {O} came over for tea 🍕", ()),
    ("Happy birthday {O}! Thanks for having {A} at the party 🎈", ("birthday",)),
    ("{A} and her classmate {O} at the school fair 🎡", ()),
    ("Soft play party for {O}'s {N} birthday, {A} loved it", ("n",)),
    ("{A} with {O} from class, best friends since reception", ()),
    ("{A} had {O} round for a sleepover 🙈 no sleep was had", ()),
    ("{W} had her first ballet lesson today 🩰", ()),
    ("Pancakes for breakfast and a lazy morning 🥞", ()),
    ("Sunshine and ice cream in {L} 🍦", ()),
    ("Rainy Sunday, puzzles and hot chocolate ☔", ()),
    ("Brilliant weekend in {L} with the kids", ()),
    ("Happy birthday to my mum, 60 today 🥂", ()),
    ("Dinner with {X} and {X2} tonight, lovely to catch up", ()),
    ("Swimming at {L} every Saturday morning 🏊", (), ("saturday",)),
    ("Day trip to {L} 🚂 #familytime", ()),
    ("Summer holidays start now ☀️ bring it on", ()),
    ("{A} is {n} months old today 💙", ("nm",)),
    ("Can't believe {A} and {B} are {n} today 🎂", ("n",)),
    ("{A} finished Reception today, onwards to Year 1", ("4y", "5y")),
    # routines, and one-off days that are none
    ("{A} has swimming every {D} after school 🏊", (), ("D",)),
    ("{D}s are for ballet 🩰 {A} loves it", (), ("D",)),
    ("{D} football with {A} as always ⚽️", (), ("D",)),
    ("Tennis on {D}s and {D2}s, {A} never misses it 🎾", (), ("D", "D2")),
    ("{A} does gymnastics every {D} and {D2} 🤸", (), ("D", "D2")),
    ("Every {D} morning {A} and I go to the market", (), ("D",)),
    ("Daily walk to the park with {A} 🌳", (), ("daily",)),
    ("{a} feeds the ducks with me every morning 🦆", (), ("daily",)),
    ("Weekends are for the allotment with {A} 🥕", (), ("weekends",)),
    ("Every weekend we cycle to {L} with the kids 🚲", (), ("weekends",)),
    ("School run done ✔️ {A} was first in the line", ()),  # a school run is no stated schedule
    ("Up at 7 every weekday, breakfast, then out the door 🏃", (), ("weekdays",)),
    ("Last {D} we went to the zoo 🦁", ()),
    ("On {D} we're off to {L}!", ()),
    ("Lazy {D} morning in pyjamas 😴", ()),
    ("Happy {D} everyone ☀️", ()),
    ("Roll on the weekend 🙌", ()),
    ("This {D} is {A}'s first swimming lesson, wish her luck", ()),
]
NL: list[Template] = [
    ("Mijn dochter {A} wordt vandaag {n} jaar! 🎉", ("n",)),
    ("{A} en {B} samen naar het strand 🌊", ()),
    ("{A} is vandaag {n} jaar geworden 🎂", ("n",)),
    ("Eerste schooldag op {S} voor {A} 🎒", ()),
    ("Speelafspraak met {O} vandaag, {A} vond het geweldig", ()),
    ("{A} met haar vriendinnetje {O} uit de klas", ()),
    ("Kinderfeestje van {O}, {A} had het reuze naar haar zin", ()),
    ("Weekendje {L} met de kinderen ☀️", ()),
    ("{A} ({n}) op zwemles 🏊", ("n",)),
    ("Lekker weer vandaag, wandeling in {L}", ()),
    ("Gefeliciteerd {A}! Alweer {n} jaar 🎈", ("n",)),
    ("de tweeling {a} en {b} is vandaag {n} jaar", ("n",)),
    ("Vandaag naar {S} gebracht, {A} vond het spannend", ()),
    ("Pannenkoeken als ontbijt, heerlijk 🥞", ()),
    ("{A} is jarig! {n} jaar al 🎂", ("n",)),
    ("{A} heeft vandaag zijn zwemdiploma A gehaald 🏊", ()),
    ("{O} kwam spelen bij {A} na school", ()),
    ("Zondag naar {L}, {A} en {B} vonden het top", ()),
    ("Elke {nd} zwemles met {A} 🏊", (), ("D",)),
    ("{A} heeft iedere {nd} voetbaltraining ⚽", (), ("D",)),
    ("Op {nd}middag altijd naar de bieb met {A} 📚", (), ("D",)),
    ("{nd}s en {nd2}s naar turnen 🤸", (), ("D", "D2")),
    ("Elke dag na school naar de speeltuin met {A}", (), ("daily",)),
    ("Iedere ochtend samen op de fiets 🚲", (), ("daily",)),
    ("Elk weekend naar opa en oma met {A} en {B}", (), ("weekends",)),
    ("Doordeweeks om 8 uur de deur uit, {A} vindt het prima", (), ("weekdays",)),
    ("Afgelopen {nd} naar de dierentuin geweest 🦁", ()),
    ("Volgende {nd} gaan we naar {L}!", ()),
    ("Fijne {nd} allemaal ☀️", ()),
    ("Dit weekend lekker thuis met {A}", ()),
]
JA: list[Template] = [
    ("{A}ちゃん{n}歳の誕生日おめでとう🎂", ("n",)),
    ("娘の{A}は今日で{n}歳になりました", ("n",)),
    ("{A}くんと{B}ちゃん、公園で遊んだよ", ()),
    ("{S}の入園式でした🌸 {A}ちゃんおめでとう", ()),
    ("今日から{S}に通います。{A}、がんばってね", ()),
    ("{A}ちゃんはお友達の{O}ちゃんと遊びました", ()),
    ("{O}くんのお誕生日会に{A}と行ってきた", ("birthday",)),
    ("{L}に家族旅行✈️", ()),
    ("週末は{L}へ。{A}くん大はしゃぎ", ()),
    ("今日は雨。おうちでパズル", ()),
    ("{A}ちゃん{n}歳になりました！", ("n",)),
    ("息子の{A}、{S}の運動会でがんばった", ()),
    ("{A}くん、クラスの{O}くんとすっかり仲良し", ()),
    ("毎週{jd}曜日は{A}ちゃんのスイミング🏊", (), ("D",)),
    ("{jd}曜日の習い事はピアノ🎹 {A}くんがんばってる", (), ("D",)),
    ("毎週{jd}・{jd2}曜日はサッカー⚽", (), ("D", "D2")),
    ("{jd}曜日はいつも{L}のおばあちゃんの家へ", (), ("D",)),
    ("毎朝{A}くんと保育園へ🚲", (), ("daily",)),
    ("毎日公園で遊んでいます☀️ {A}ちゃん元気いっぱい", (), ("daily",)),
    ("平日は毎朝7時半に登園", (), ("weekdays",)),
    ("毎週末は{L}へドライブ🚗", (), ("weekends",)),
    ("先週の{jd}曜日に動物園へ行きました🦁", ()),
    ("今度の{jd}曜日は{L}に行く予定", ()),
    ("今日は{jd}曜日、雨です☔", ()),
]
TEMPLATES = {"en": EN, "nl": NL, "ja": JA}
#: Share of captions per language (English is most of what parents post in the seeds).
WEIGHTS = {"en": 0.5, "nl": 0.25, "ja": 0.25}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NL_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
JA_WEEKDAYS = "月火水木金土日"


def _fill(
    template: str,
    ages: tuple[str, ...],
    routine: tuple[str, ...],
    lang: str,
    split: Split,
    rnd: random.Random,
) -> Caption:
    names = NAMES[lang][split]
    a, b, o = rnd.sample(names, 3)
    w = rnd.choice(WORD_NAMES[split])
    school = rnd.choice(SCHOOLS[lang][split])
    place = rnd.choice(PLACES[lang][split])
    x1, x2 = rnd.sample(ADULTS, 2)
    n = rnd.randint(2, 11)
    year = rnd.randint(1, 6)
    d1, d2 = sorted(rnd.sample(range(7), 2))
    slots = {
        "A": a,
        "B": b,
        "a": a.lower(),
        "b": b.lower(),
        "O": o,
        "W": w,
        "S": school,
        "s": school.lower(),
        "L": place,
        "X": x1,
        "X2": x2,
        "n": str(n),
        "N": _ordinal(n),
        "Y": str(year),
        "D": WEEKDAYS[d1].capitalize(),
        "D2": WEEKDAYS[d2].capitalize(),
        "nd": NL_WEEKDAYS[d1],
        "nd2": NL_WEEKDAYS[d2],
        "jd": JA_WEEKDAYS[d1],
        "jd2": JA_WEEKDAYS[d2],
    }
    used = set(re.findall(r"\{(\w+)\}", template))
    labels: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    for slot in ("A", "B", "a", "b", "W"):
        if slot in used:
            labels["own"].append(slots[slot.upper()] if slot != "W" else w)
    if "O" in used:
        labels["other"].append(o)
    if used & {"S", "s"}:
        labels["school"].append(school)
    if "L" in used:
        labels["place"].append(place)
    for key in ages:
        labels["age"].append({"n": f"{n}y", "nm": f"{n}m", "Y": f"{year + 4}y"}.get(key, key))
    for key in routine:
        labels["routine"].append({"D": WEEKDAYS[d1], "D2": WEEKDAYS[d2]}.get(key, key))
    labels["own"] = list(dict.fromkeys(labels["own"]))
    return Caption(template.format(**slots), lang, split, labels, template)


def generate(split: Split, n: int = 1200, seed: int = 7) -> list[Caption]:
    """``n`` labelled captions built only from the ``split`` half of every list."""
    rnd = random.Random(f"{seed}:{split}")
    out: list[Caption] = []
    for lang in LANGUAGES:
        templates = TEMPLATES[lang]
        count = round(n * WEIGHTS[lang])
        for i in range(count):
            template, ages, *routine = templates[i % len(templates)]  # every template, evenly
            out.append(_fill(template, ages, routine[0] if routine else (), lang, split, rnd))
    return out


def read_handwritten(path: str, split: str = "handwritten") -> list[Caption]:
    """The hand-written captions: ``lang<TAB>caption<TAB>labels`` with labels as
    ``own=Mia,Leo; other=Zoe; age=5y; school=...; place=...; routine=tuesday`` (``\\n`` in a
    caption is a line break). ``split`` names the set; routines are not scored on a file
    that labels none (the first table predates them)."""
    out: list[Caption] = []
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh.read().splitlines() if ln.strip() and not ln.startswith("#")]
    # routines came later: a file with no routine= label at all is not scored on them
    unlabelled = frozenset() if any("routine=" in ln for ln in lines) else frozenset({"routine"})
    for line in lines:
        lang, text, raw = (line.split("\t") + ["", ""])[:3]
        labels: dict[str, list[str]] = {c: [] for c in CATEGORIES}
        for part in raw.split(";"):
            if "=" not in part:
                continue
            key, values = part.split("=", 1)
            labels[key.strip()] = [v.strip() for v in values.split(",") if v.strip()]
        out.append(Caption(text.replace("\\n", "\n"), lang, split, labels, split, unlabelled))
    return out
