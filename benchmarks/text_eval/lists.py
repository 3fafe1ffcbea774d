"""Names, schools and places for the caption templates, split once into tune and held-out.

The split is by a fixed seed, so it never moves: rules and thresholds may be checked against
captions built from the ``tune`` half only; the ``held_out`` half is the score. The lists are
common first names and made-up school names; no list is taken from the rules' own word lists.
"""

from __future__ import annotations

import random
from typing import Literal

Split = Literal["tune", "held_out"]
SEED = 20261123

EN_NAMES = """
Mia Leo Ava Noah Isla Oscar Freddie Evie Theo Lily Jack Emily Harry Sophie George Olivia Arthur
Amelia Alfie Poppy Charlie Ella Henry Ruby Jacob Chloe Oliver Isabella Archie Daisy Finley Phoebe
Logan Millie Reggie Matilda Teddy Florence Rory Ivy Albert Willow Hugo Elsie Louis Esme Ethan
Harriet Jasper Nancy Felix Maisie Toby Martha Stanley Edie Rupert Orla Milo Beatrice
""".split()
#: First names that are also ordinary English words: they need context to count.
EN_WORD_NAMES = "Rose Grace Max Hope Poppy Summer Autumn Honey Bear River Sky".split()
NL_NAMES = """
Sanne Daan Lotte Sem Tess Finn Julia Lucas Fenna Levi Noor Bram Saar Jesse Eva Thijs Lieke Ruben
Femke Jens Floor Luuk Isa Milan Roos Stijn Anouk Gijs Evi Teun Nina Siem Maud Hidde Jasmijn Koen
""".split()
JA_NAMES = """
さくら ゆい はると そうた ひなた あおい りこ ゆうと めい こはる れん いつき ゆな はるき ひまり
みお たくみ ことね そら あかり ゆうき りん かいと ゆず 陽翔 結衣 蓮 葵 湊 凛 大和 紬 悠真 陽菜
""".split()

EN_SCHOOL_STEMS = (
    "Oakfield Brookfield Greenfield Riverside Hillside Meadowbank Ashgrove Elmwood Fairfield Westbrook "
    "Kingsmead Highcroft Larkrise Willowbrook Northgate Southfields Beechwood Hollymount Parkside "
    "Ravenswood Thornbury Castlebar Millbrook Woodlands Foxhill Rosehill Langley"
).split() + ["Cherry Tree", "Marsh Lane", "Church Road", "Queen's Park"]
EN_SAINTS = "Mary Joseph Peter Anne John Michael Paul Andrew Bede Francis Teresa Patrick Luke Mark".split()
EN_SCHOOL_KINDS = (
    "{stem} Primary School",
    "{stem} Primary",
    "{stem} Infant School",
    "{stem} Junior School",
    "{stem} Academy",
    "{stem} Montessori",
    "{stem} Kindergarten",
    "{stem} Nursery",
    "St {saint}'s C of E Primary School",
    "St {saint}'s RC Primary School",
    "St {saint}'s Catholic Primary",
    "St {saint}'s Infants",
    "Holy Trinity C of E Junior School",
)
NL_SCHOOL_STEMS = """
Regenboog Kompas Wereldwijzer Zonnebloem Vlinder Klimop Meander Wilgenhoek Sterrenwacht Boomgaard
Springplank Toermalijn Kameleon Horizon Octopus Linde Eikenhorst Fontein Tweemaster Vuurtoren
""".split()
NL_SCHOOL_KINDS = (
    "basisschool De {stem}",
    "Basisschool De {stem}",
    "kinderdagverblijf De {stem}",
    "basisschool Het {stem}",
)
JA_SCHOOL_STEMS = """
さくら ひまわり みどり あおば 青葉台 若葉 桜ヶ丘 緑町 中央 東 西山 北野 南台 ひかり つくし 白鳥 若竹 朝日
""".split()
JA_SCHOOL_KINDS = ("{stem}小学校", "{stem}保育園", "{stem}幼稚園", "{stem}こども園")

EN_PLACES = """
Brighton York Bristol Cambridge Oxford Manchester Leeds Bath Norwich Exeter Cardiff Edinburgh Glasgow
Liverpool Sheffield Nottingham Leicester Southampton Plymouth Reading Cornwall Devon Whitby Margate
""".split()
EN_VENUES = """
Highgate Leisure Centre|Pool Lane Leisure Centre|Kentish Town Sports Centre|Parkside Community Centre
|Hackney Wick FC|Millfield Tennis Club|Riverside Swimming Pool|Elm Road Village Hall|Oakwood Gymnastics Club
|Hillside Rugby Club|Westfield Dance Studio|Brookside Cricket Club
""".replace("\n", "").split("|")
NL_PLACES = """
Utrecht Haarlem Leiden Delft Groningen Zwolle Amersfoort Nijmegen Arnhem Maastricht Breda Tilburg
Eindhoven Alkmaar Hoorn Gouda Zandvoort Texel Amsterdam Rotterdam
""".split()
JA_PLACES = "東京 横浜 京都 大阪 名古屋 札幌 福岡 神戸 仙台 広島 奈良 鎌倉 沖縄 金沢 箱根 熱海".split()


def _halves(items: list[str], salt: str) -> dict[Split, list[str]]:
    items = sorted(dict.fromkeys(i.strip() for i in items if i.strip()))
    rnd = random.Random(f"{SEED}:{salt}")
    shuffled = items[:]
    rnd.shuffle(shuffled)
    half = len(shuffled) // 2
    return {"tune": sorted(shuffled[:half]), "held_out": sorted(shuffled[half:])}


def _schools(
    stems: list[str], kinds: tuple[str, ...], salt: str, saints: list[str] | None = None
) -> dict[Split, list[str]]:
    """Whole school names; the stems (and saints) are split, so no held-out stem is ever tuned on."""
    stem_halves = _halves(stems, salt)
    saint_halves = _halves(saints or ["-", "+"], salt + ":saints")
    out: dict[Split, list[str]] = {}
    for split in ("tune", "held_out"):
        names: list[str] = []
        for i, kind in enumerate(kinds):
            for j, stem in enumerate(stem_halves[split]):
                saint = saint_halves[split][(i + j) % len(saint_halves[split])]
                names.append(kind.format(stem=stem, saint=saint))
        # a name with no stem in it ("Holy Trinity ...") stays in the tune half only
        out[split] = sorted(n for n in dict.fromkeys(names) if n not in out.get("tune", []))
    return out


NAMES: dict[str, dict[Split, list[str]]] = {
    "en": _halves(EN_NAMES, "en-names"),
    "nl": _halves(NL_NAMES, "nl-names"),
    "ja": _halves(JA_NAMES, "ja-names"),
}
WORD_NAMES: dict[Split, list[str]] = _halves(EN_WORD_NAMES, "en-word-names")
SCHOOLS: dict[str, dict[Split, list[str]]] = {
    "en": _schools(EN_SCHOOL_STEMS, EN_SCHOOL_KINDS, "en-schools", EN_SAINTS),
    "nl": _schools(NL_SCHOOL_STEMS, NL_SCHOOL_KINDS, "nl-schools"),
    "ja": _schools(JA_SCHOOL_STEMS, JA_SCHOOL_KINDS, "ja-schools"),
}
PLACES: dict[str, dict[Split, list[str]]] = {
    "en": _halves(EN_PLACES + EN_VENUES, "en-places"),
    "nl": _halves(NL_PLACES, "nl-places"),
    "ja": _halves(JA_PLACES, "ja-places"),
}
