"""How captions state an age (analyzers/ages.py reads them): number words in English and Dutch,
ordinals, and the table of phrasings tried in order ("turns 5", "is 6", "3 years old", "5 jaar",
"3歳", "Year 2", "groep 3", "eerste leerjaar", half birthdays), each with the kind of age it gives."""

from __future__ import annotations

import re

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
KANJI_DIGITS = "一二三四五六七八九"
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
_JAAR_SPAN = (
    r"(?<!hier )(?<!sinds )(?<!over )(?<!voor )(?<!na )(?<!afgelopen )(?<!laatste )(?<!ruim )(?<!precies )"
    r"(?<!nog )"
)
#: Words after "5 jaar" or "4 maanden" that make it a span of time: "12,5 jaar getrouwd", "7 maanden wachten".
_SPAN_AFTER = (
    r"(?!\s+(?:geleden|getrouwd|samen|lang|terug|later|verder|gewerkt|gewoond|bij\s+elkaar|wachten|"
    r"stof|verbouwen|in\s+(?:dit|ons|deze|het)\b))"
)
#: Words after "one" that make it no age: "she's one of a kind", "one in a million".
ONE_OK_NEXT = frozenset(
    "today now already and tomorrow on this next at but so year years month months en vandaag nu".split()
)
_BDAY = r"(?:birthday|bday|b-day|birthdayparty|verjaardag)"
#: Adults whose birthdays are not about the child.
ADULTS = (
    r"(?:mum|mom|mummy|mommy|mama|dad|daddy|papa|husband|wife|hubby|partner|friend|bestie|nan|nana|"
    r"granny|grandma|grandad|grandpa|gran|auntie|aunt|aunty|uncle|boss|oma|opa|me|myself|hubs|"
    r"fianc[ée]e?|boyfriend|girlfriend|love\s+of\s+my\s+life|other\s+half|grandmother|grandfather|"
    r"godmother|godfather|mother-in-law|father-in-law|teacher|colleague|mother|father|"
    r"manlief|mijn\s+man|vrouw|moeder|vader|schoonmoeder|schoonvader|tante|oom|collega|vriendin|vriend)"
)

#: Capitalised words before a number that are no child: "Year 2, Year 4", "Room 5 and Room 6".
_NOT_A_NAME = (
    r"(?:Year|Yr|Groep|Grade|Room|Page|Chapter|Bus|Route|Platform|Gate|Table|Level|Day|Week|Size|Number|No|"
    r"Score|Under|Age|Aged|Ages|Class|Team|Stage|Step|Part|Series|Season|Episode|Round|Lane|Court|Pitch|Hole)"
)
FLEMISH_ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6}
#: (pattern, kind) in the order they are tried; an earlier, longer match wins an overlap.

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
        # "2 jaar en 3 maanden", "2 years 3 months": one age, its years and months (as 1歳6ヶ月)
        (
            rf"{_JAAR_SPAN}\b{_NUM}\s*(?:jaar|years?|yrs?)\s*(?:,|en|and|&)?\s*(?P<mo>\d{{1,2}})\s*(?:maanden|months?|mnd|mths?)\b"
            + _SPAN_AFTER,
            "years_months",
        ),
        (rf"\b{_NUM}[\s-]*(?:years?|yrs?)[\s-]*(?:olds?|young)\b", "years"),
        (r"\ba\s+year[\s-]+old\b", "one_year"),
        (rf"\b{_NUM}[\s-]+and[\s-]+a[\s-]+half\b", "years"),
        # "2,5 jaar", "Sem (2,5)", "4 1/2": the whole years
        (
            r"(?<![\d,.])(?P<n>\d{1,2})(?:[,.]5|\s+1/2|½)(?:\s*(?:jaar|years?|yrs?)(?:\s+old|\s+oud)?\b|(?=\s*\)))"
            + _SPAN_AFTER,
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
        # "DD1 (7) and DD2 (4)", "Amelia (DD, 14)": the forum shorthand with an age
        (r"\b(?:DD|DS|LO|DC|dd|ds)\d?\s*\(\s*(?P<n>\d{1,2})\s*\)", "years"),
        (r"\(\s*(?:DD|DS|DC|dd|ds)\d?\s*,\s*(?P<n>\d{1,2})\s*\)", "years"),
        # "they're 6 and 3", "ze zijn 7 en 5": two ages for the children just named
        (
            r"\b(?:they['’]re|they\s+are|ze\s+zijn|zij\s+zijn)\s+(?:now\s+|nu\s+)?(?P<n>\d{1,2})\s+"
            r"(?:and|en|&)\s+(?P<n2>\d{1,2})\b(?!\s*(?:%|am|pm|minutes?|hours?|uur))",
            "pair",
        ),
        (rf"\b(?:allebei|beiden|beide|both\s+aged)\s+{_NUM}\b{_AGE_END}", "years"),
        # "arlo's 4th", "Mia's 6th": an ordinal after a name is a birthday unless it says what else
        (
            r"(?<![\w@])[^\W\d_]{2,}['’]s\s+(?P<n>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:anniversary|wedding|place|"
            r"attempt|time|go|try|lap|game|goal|match|week|day|month|year|grade|belt|book|tooth|birthday|bday))",
            "ordinal_birthday",
        ),
        # "since he was 5", "since she was 6 months": the age the child was then
        (rf"\bsince\s+(?:he|she)\s+was\s+{_NUM}\s*(?:months?|mo)\b", "months"),
        (rf"\bsince\s+(?:he|she)\s+was\s+(?:just\s+|only\s+)?{_NUM}\b(?!\s*(?:weeks?|days?))", "years"),
        # 1歳6ヶ月: the years and the months past them, one statement of age (not 1 year and 6 months)
        (r"(?P<n>\d{1,2})\s*(?:歳|才)\s*(?P<mo>\d{1,2})\s*(?:ヶ月|か月|カ月|ケ月|ヵ月)", "years_months"),
        # 小1, (小2), 中1: a school year in short; not "小一時間" (nearly an hour) nor a word's end ("途中1回")
        (
            r"(?<![一-龯々])(?:(?P<ja_s>小)(?P<n>[1-6１-６一二三四五六])|(?P<ja_m>中)(?P<n_m>[1-3１-３一二三])"
            r"|(?P<ja_h>高)(?P<n_h>[1-3１-３一二三]))"
            r"(?![0-9０-９]|時|日|回|個|本|点|枚|位|杯|名|人|件|分|つ)",
            "ja_grade_short",
        ),
        # 中学2年生, 高校1年生: a middle- or high-school year (before the 年生 of a primary year reads it)
        (r"(?:中学校?(?P<n_m>[1-3１-３一二三])|高校(?P<n_h>[1-3１-３一二三]))年生?", "ja_grade_short"),
        # 中学生になった, 中学入学: starting middle school, from 12
        (r"中学校?入学|中学生に(?:なり|なっ)", "ja_middle_start"),
        # "de brugklas": the first year of Dutch secondary school, from 12
        (r"\bbrugklas(?:ser|sers)?\b", "brugklas"),
        # "Vandaag werd Eva 3", "morgen wordt Sem 6": the verb before the name
        (
            rf"\b(?:werd|wordt)\s+(?-i:[A-Z])[a-zë]+\s+{_NUM}\b(?!\s*(?:%|jaar\s+geleden|maanden|weken))",
            "turns",
        ),
        # 生後100日: a baby's age in days, as months
        (r"生後\s*(?P<n_d>\d{1,3})\s*日", "ja_days"),
        # 1歳半: a year and a half, in months
        (r"(?P<n>\d{1,2})\s*(?:歳|才)半", "years_and_half"),
        # 小学校入学, 今日から小学生: starting primary school, from 6
        (
            r"小学校?入学|(?:今日から|明日から|春から|4月から|４月から)(?:ピカピカの)?(?:小学生|一年生|1年生)|小学生に(?:なり|なっ)",
            "ja_school_start",
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
        (rf"\b{_NUM}\s+years?\s+of\s+(?:you|her|him|them|(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+))\b", "turns"),
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
        # Japanese kindergarten years: 年少 (3 to 4), 年中 (4 to 5), 年長 (5 to 6); "#年中弁当", not 年中無休
        (r"(?P<ja_k>年少|年中|年長)(?:さん|組|クラス|児|弁当|の|に|で|、|）|\)|$)", "ja_kinder"),
        # Flemish school years: "eerste leerjaar" (primary, from 6), "derde kleuterklas" (from 3)
        (
            r"\b(?P<fl_n>eerste|tweede|derde|vierde|vijfde|zesde|1ste|[2-6]de|[1-6]e)\s+"
            r"(?P<fl_kind>leerjaar|kleuterklas|kleuterklasje|kleuter)\b",
            "flemish",
        ),
        (rf"{_JAAR_SPAN}\b{_NUM}\s*(?:maanden|mnd)\b{_SPAN_AFTER}", "months"),
        (rf"\b{_NUM}\s*(?:weeks?|weken)[\s-]*(?:old|oud|today|vandaag)\b", "weeks"),
        (
            rf"{_JAAR_SPAN}(?<!\d[,.])\b{_NUM}\s*jaar(?:\s+oud)?\b{_SPAN_AFTER}",
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
            rf"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)\s+(?:who\s+)?(?:is|zijn|turned|turns)\s+"
            rf"(?:(?:now|nu|al|already|only|just|officially)\s+){{0,2}}"
            rf"{_NUM}\b{_AGE_END}",
            "years",
        ),
        # "Leo, 4, loves trains": a name and an age set off by commas
        (
            r"(?-i:\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
            r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Year|Page|Day|Week|Room|Table)\b)"
            r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+),\s*(?P<n>\d{1,2})\s*(?=,|\)|\s+(?:and|en|&)\s|\s+going\s+on\b)",
            "years",
        ),
        # "Evelyn (9 months)", "Penny, 3 months, has ...": a name and an age in months set off
        (rf"(?<=[^\W\d_])\s*\(\s*{_NUM}\s*(?:months?|mo|mths?|maanden|mnd)\s*\)", "months"),
        (
            rf"(?-i:\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+),\s*{_NUM}\s*(?:months?|mths?|maanden)\s*(?=,|\)|\s+(?:old|oud)\b)",
            "months",
        ),
        # "Cillian 2, Saoirse 4, and our Méabh 6", "Patrick 7, Clodagh 5 and baby Niamh 10 months":
        # names each with an age, two or more (ages.py reads every one)
        (
            rf"(?-i:\b(?!{_NOT_A_NAME}\b)[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)\s+\d{{1,2}}(?:\s*(?:months?|maanden))?"
            rf"(?:\s*,?\s*(?:,|and|&|en)\s*(?:(?:our|baby|little|onze|ons|kleine)\s+)?"
            rf"(?-i:(?!{_NOT_A_NAME}\b)[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)\s+\d{{1,2}}(?:\s*(?:months?|maanden))?)+\b"
            r"(?!\s*(?:%|am|pm|:|minutes?|mins?|hours?|km|miles?|goals?|points?))",
            "name_ages",
        ),
        # "Hebe's 11 so it was mostly toast", "Mia's 4 and not": a name's contracted "is"
        (
            r"(?-i:\b(?!(?:It|That|There|What|Here|Who|Where|He|She|Let|This|Today|Tomorrow)\b)[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)"
            rf"['’]s\s+(?:now\s+|only\s+|just\s+|nearly\s+|almost\s+)?{_NUM}\b"
            r"(?=\s*(?:and|so|now|already|today|but|!|,|\.|$))",
            "years",
        ),
        # "Floor (8!)", "Roos (ook 8)", "Milan (ook al 6!)"
        (r"(?<=[^\W\d_])\s*\(\s*(?:(?:ook|also|too)\s+(?:al\s+)?)?(?P<n>\d{1,2})\s*!*\s*\)", "years"),
        # "onze jongste wordt volgende week 10", "Vandaag wordt onze jongste 2", "ons Olivia die 5 werd"
        (
            rf"\b(?:onze|ons|mijn|our|my)\s+{_CHILD}\s+(?:wordt|werd|turns|turned)\s+(?:\w+\s+){{0,2}}?{_NUM}\b{_AGE_END}",
            "turns",
        ),
        (rf"\b(?:wordt|werd)\s+(?:onze|ons|mijn)\s+{_CHILD}\s+{_NUM}\b{_AGE_END}", "turns"),
        (rf"\bdie\s+{_NUM}\s+(?:werd|wordt|is\s+geworden)\b", "turns"),
        (rf"\b(?:worden|werden)\s+(?:vandaag\s+|morgen\s+)?{_NUM}\b{_AGE_END}", "turns"),
        # "een jaartje geworden", "the big FOUR", "kaarsje nummer 4", "they're 5."
        (r"\b(?:een|één)\s+jaar(?:tje)?\s+(?:oud\s+)?geworden\b", "one_year_today"),
        # ("the Big One" is a rollercoaster: a number in capitals or digits only)
        (
            r"\bthe\s+big\s+(?-i:(?P<n>\d{1,2}|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE))\b",
            "turns",
        ),
        (rf"\b(?:kaarsje|candle)\s+(?:nummer\s+|number\s+|no\.?\s*)?{_NUM}\b", "turns"),
        (rf"\bthey['’]re\s+(?:now\s+|only\s+|just\s+)?{_NUM}\b(?=\s*[.!]|\s*$)", "years"),
        (rf"\b(?:turned|turn)\s+{_NUM}\s+(?:and|&)\s+{_NUM.replace('?P<n>', '?P<n2>')}\b{_AGE_END}", "pair"),
        (r"\been\s+halfje\b", "half"),
        # "#Albie4", "#Ivyis6": a name and a number in one hashtag (ages.py checks the hashtag)
        (
            rf"(?-i:\b(?!{_NOT_A_NAME}\b)[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)\s+(?P<n>\d{{1,2}})\b(?!\s*(?:%|:))",
            "hashtag_age",
        ),
        # "I'm 4!" in a child's words
        (rf"\bI(?:['’]m|\s+am)\s+{_NUM}\b(?=\s*(?:!|🎂|🎉|today|now|$))", "years"),
        (rf"(?P<n>[{KANJI_DIGITS}十]{{1,3}})\s*(?:歳|才)(?!差)", "ja_kanji"),
        (r"(?<=[^\W\d_])\s*\(\s*(?P<n>\d{1,2})\s*\)", "years"),
        (r"(?P<n>\d{1,2})\s*(?:歳|才)(?!差)", "years"),  # 2歳差: an age gap, no age
        (r"(?P<n>\d{1,2})\s*(?:ヶ月|か月|カ月|ケ月)", "months"),
        (r"ハーフバースデー|\b(?:een\s+)?half\s+jaar\b", "half"),
        # "2年生", not a year of birth ("令和3年生まれ")
        (r"(?:小学校?|小学)?(?P<n>[1-6１-６一二三四五六])年生(?!まれ)", "ja_grade"),
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
            r"(?!\s*(?:old|years?|months?|jaar|of\s+(?:the|lockdown|covid)))"
            # "Grade 2 trumpet", "her Grade 1 piano exam": a music or dance grade, no school year
            r"(?!\s+(?:piano|violin|viola|cello|guitar|drums?|trumpet|trombone|flute|clarinet|sax(?:ophone)?|"
            r"recorder|harp|singing|voice|ballet|tap|modern|dance|music|theory|exam|merit|distinction)\b)"
            r"(?<!\b(?:his|her)\s(?-i:Grade)\s\d)",
            "school_year_n",
        ),
        (r"\b(?:started|starts|starting|start|finished|finishes|in|into)\s+(?P<r>reception)\b", "reception"),
        # "Y2", "Year R" (reception), "1st grade"
        (r"(?-i:\bY(?P<n>[1-9]|1[0-3])\b)(?!\s*(?:old|years?|months?))", "uk_y"),
        (r"\b(?:year|yr)\s*(?-i:R)\b", "reception"),
        (rf"\b(?:{_ORD})\s+grade\b", "us_grade"),
        # "Zuzia Year 1, Antek Reception": a name and the school year
        (
            r"(?-i:\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+\s+(?P<r>Reception))\b(?!\s+(?:desk|area|room|venue|drinks))",
            "reception",
        ),
        # "his mate Zayn from Reception", "Reception, how?!": the school year by its capital, in a
        # post about school (ages.py checks the post); "friends since Reception" is a past year
        (
            r"(?-i:(?<!wedding\s)(?<!since\s)\b(?P<r>Reception)\b)(?!\s+(?:desk|area|room|venue|drinks|party|was|at\s+the))",
            "reception_in_school_post",
        ),
        (
            rf"\b(?:is|are)\s+(?:(?:now|officially|already)\s+){{0,2}}{_NUM}\b"
            r"(?=\s*(?:today|now|already|!|🎂|🎉|\.|,|$|½|1/2|and\s+a\s+half))",
            "turns",
        ),
        (r"(?<![\w.,])(?P<n>\d{1,2})\s+today\b", "turns"),
        (rf"\b(?:age|aged)\s+{_NUM}\b", "years"),
        (
            rf"\bhappy\s+{_BDAY}\b(?!\s*,?\s*(?:to\s+)?(?:[^\W\d_]+\s+){{0,3}}{ADULTS}\b)",
            "birthday",
        ),
        (r"\bbirthday\s+(?:girl|boy|princess|prince)\b", "birthday"),
        (r"(?-i:\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)['’]s\s+(?:birthday|bday|b-day)\b", "birthday"),
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


def number_of(m: re.Match[str]) -> int | None:
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
