"""Schools and nurseries named in text: "Oakfield Primary", "Little Acorns Nursery",
"#oakfieldprimary", "basisschool De Regenboog", "さくら保育園".

A named school tells a stranger where the child is every weekday, so it is high severity.
A bare Dutch or Japanese keyword with no name (保育園, basisschool) is still reported, lower.
"""

from __future__ import annotations

import re

from footprint_audit.context import PostContext
from footprint_audit.findings import SchoolValue, TextSpan
from footprint_audit.lexicon import SCHOOL_WORD_CASE
from footprint_audit.models import Finding, Post
from footprint_audit.nlp import TextAnalyzerBase, TextDoc, docs_for

#: Bare keywords: the institution is mentioned, but not which one.
_BARE = re.compile(
    r"^(?:basisschool|kleuterschool|kinderdagverblijf|peuterspeelzaal|kinderopvang|kdv|bso|crèche|creche|"
    r"保育園|幼稚園|小学校|こども園|保育所)$",
    re.IGNORECASE,
)


_JA_KEYWORD = re.compile(
    r"(?:認定)?(?:保育園|幼稚園|小学校|中学校|こども園|保育所|学園|インターナショナルスクール|プリスクール|"
    r"ナーサリー|保育室|託児所|幼稚舎)$"
)
#: Japanese school kinds the rule layer does not look for: "ABCインターナショナルスクール", "ひよこ保育室".
_JA_MORE_KINDS = re.compile(r"(?:インターナショナルスクール|プリスクール|ナーサリー|保育室|託児所|幼稚舎)")
#: What cannot be inside a Japanese school's name: spaces, punctuation, brackets, emoji.
_JA_STOP = re.compile(r"[\s、。！？!?,.「」（）()『』【】・…〜~＊*#＃♪☆★\U0001F000-\U0001FAFF\u2600-\u27BF]")
#: Words that end before a school's name: "今日から", "4月から".
_JA_ALWAYS_BOUNDARY = re.compile(r"(?:から|まで|より|毎日|毎朝|毎週|平日)(?:は|も)?$")
#: Particles after a kanji or katakana word ("娘は", "区立に", "ママと"); の is not among them:
#: it is inside many names ("星の子学園", "みどりの森保育園").
_JA_AFTER_WORD = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ff\d０-９][はがをにでともへ]$")
#: Words before a name that a particle, の too, closes: "娘の", "ゆいちゃんは", "近所の".
_JA_SOFT_BOUNDARY = re.compile(
    r"(?:娘|息子|長男|長女|次男|次女|三男|三女|ちゃん|くん|君|さん|たち|今日|明日|昨日|今年|来年|今月|"
    r"近所|地元|うち|私|僕|妹|弟|兄|姉|友達|みんな|\d|[０-９])[はがをにでのともへ]$"
)


#: A verb or adjective closes the words before a name: "通うさくら保育園", "新しい保育園".
_JA_VERB_END = re.compile(
    r"[\u4e00-\u9fff](?:う|く|ぐ|す|つ|ぬ|ぶ|む|る|った|んだ|いた|いだ|した|てる|ている|ってる|っている|ます|ました)$"
)
_JA_ADJ_END = re.compile(
    r"(?:新しい|楽しい|大きい|小さい|近い|遠い|広い|狭い|かわいい|可愛い|大好きな|好きな|同じ|憧れの|念願の|"
    r"第一志望の|いつもの)$"
)


def _kanji_no_then_kana(run: str, i: int) -> bool:
    """ "評判のさくら保育園": a kanji word and の before a name written in kana closes the words
    before it; "星の子学園" (one kanji after の) is a name of its own."""
    after = run[i:]
    return (
        run[:i].endswith("の")
        and i >= 2
        and "\u4e00" <= run[i - 2] <= "\u9fff"
        and len(after) >= 2
        and "\u3040" <= after[0] <= "\u30ff"
    )


def _ja_name_start(text: str, kw_start: int) -> int:
    """Where a Japanese school's name begins, reading back from its keyword: over kana and
    kanji, stopping at punctuation and at particles that close the words before the name."""
    start = kw_start
    while start > 0 and kw_start - start < 14 and not _JA_STOP.match(text[start - 1]):
        start -= 1
    run = text[start:kw_start]
    if run.endswith("の"):
        return kw_start  # "最後の保育園", "初めての幼稚園": which one is not said
    cut = 0
    for i in range(2, len(run) + 1):
        before = run[:i]
        if (
            _JA_ALWAYS_BOUNDARY.search(before)
            or _JA_AFTER_WORD.search(before)
            or _JA_SOFT_BOUNDARY.search(before)
            or _JA_VERB_END.search(before)
            or _JA_ADJ_END.search(before)
            or _kanji_no_then_kana(run, i)
        ):
            cut = i
    return start + cut


def _ja_whole_name(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole name of a Japanese school found at ``start:end`` (the words before it cut off,
    a name with a particle inside kept whole: "にじいろ保育園", "かえで認定こども園")."""
    span = text[start:end]
    kw = _JA_KEYWORD.search(span)
    if not kw:
        return start, end
    kw_start = start + kw.start()
    # 認定こども園 is one keyword
    if text[max(0, kw_start - 2) : kw_start] == "認定":
        kw_start -= 2
    return _ja_name_start(text, kw_start), end


#: A Dutch school keyword, then a lower-case name after an article: "basisschool de regenboog".
_NL_LOWER_NAME = re.compile(r"^\s+(?P<name>(?:de|het|'t)\s+[a-z][a-z'-]{2,})\b")
_NL_NOT_NAME = frozenset(
    "hele eerste laatste juf meester kinderen klas groep school dag week ochtend middag deur poort "
    "leukste beste ouders opvang kleuters".split()
)
#: A named Dutch school without a keyword, in a sentence about school: "40 jaar op De Zonnewijzer",
#: "juf Anja van De Zonnewijzer".
_NL_SCHOOL_CUE = re.compile(
    r"\b(?:juf|juffrouw|meester|school|schooldag|klas|klasgenoot|groep\s*\d|kleuterklas|leerjaar|"
    r"ouderavond|rapport|leerkracht|directeur|schoolplein|schooljaar|studiedag)\b(?!\s*(?:reisje|kamp))",
    re.IGNORECASE,
)
#: A school trip names where the class goes, not the school: "met de klas naar Het Scheepvaartmuseum".
_NL_TRIP = re.compile(r"(?:reisje|uitje|excursie|schoolreis|kamp)\b", re.IGNORECASE)
_NL_NOT_SCHOOL_NAME = re.compile(
    r"(?:museum|dierentuin|zoo|park|bos|strand|bibliotheek|theater|bioscoop|zwembad|efteling|kerk|markt|bad\b|"
    r"sporthal|speeltuin|kinderboerderij|stadion|manege|ijsbaan)",
    re.IGNORECASE,
)
_NL_CONTEXT_NAME = re.compile(
    r"(?:\b(?:op|naar|van|bij)|\b(?:juf|meester)\s+(?-i:[A-Z])\w+\s+van)\s+"
    r"(?P<name>(?:de|het|'t)\s+(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?"
    # Flemish schools named after a saint, no article: "het eerste leerjaar van Sint-Victor"
    r"|(?-i:Sint-[A-Z])[\w'-]+)",
    re.IGNORECASE,
)


#: Words that make a school phrase without a name: "Forest School", "Sunday School", "Big School",
#: "High School", "of Primary School". A name needs one word that is none of these.
_GENERIC_SCHOOL_WORDS = frozenset(
    """
    forest sunday swim swimming summer holiday high big little new old last first back to of the a an
    day primary secondary infant infants junior juniors nursery school academy kindergarten kindy preschool
    pre-school pre school montessori playgroup daycare creche crèche elementary middle dance ballet drama
    music art driving language saturday after before breakfast club local village our my his her their
    """.split()
)


def _generic(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", text.lower())
    return bool(words) and all(w.strip("'’") in _GENERIC_SCHOOL_WORDS for w in words)


#: Dutch schools named in one word ending in -school: "Sint-Jozefschool", "Prinses Julianaschool".
_NL_COMPOUND = re.compile(
    r"(?<![\w-])(?:(?-i:[A-Z])[a-z]+\s+)?(?P<stem>(?-i:[A-Z])[\w-]*?)-?(?:school|instituut|college)\b",
    re.IGNORECASE,
)
_NL_KIND_STEMS = frozenset(
    "basis montessori dalton jenaplan kleuter muziek zwem dans ballet rij middelbare vrije lagere "
    "zondags voetbal hockey zomer pre home high after un out old boarding grammar middle elementary public "
    "private sunday summer forest swim dance driving primary secondary infant junior nursery art drama "
    "the my our".split()
)
#: Words before a Dutch keyword that belong to the name: "RK Basisschool Sint Jozef".
_NL_QUALIFIER = re.compile(
    r"(?:\b(?:rk|r\.k\.|openbare|christelijke|katholieke|protestants-christelijke|"
    r"gereformeerde|islamitische|algemene|obs|cbs|pcbs|"
    # Flemish networks and Dutch school kinds: "Vrije Basisschool", "GO! Basisschool", "Dalton Kindcentrum"
    r"vrije|gemeentelijke|stedelijke|stedelijk|provinciale|gesubsidieerde|go!|dalton|montessori|jenaplan|"
    r"christelijk|katholiek|openbaar|koninklijk)\s+)$",
    re.IGNORECASE,
)
#: "Vrije School Zutphen": the town after a Dutch school kind.
_NL_TOWN_AFTER = re.compile(r"^\s+(?-i:[A-Z])[a-z]+(?:\s+(?:aan|op|bij)\s+(?-i:[A-Z])[a-z]+)?\b")
#: "さくら小の運動会": a primary school by its short name. Not 大小, 最小.
_JA_SHORT_PRIMARY = re.compile(
    r"(?<![大最極縮弱狭微過])(?P<name>[ぁ-んァ-ヶ一-龥ー]{2,8})小(?=[のにでへとは、。！!\s]|$|[1-6１-６]年)"
)


#: The first of two saints a school is named after: "St Mary and St John CE Primary",
#: "Saints Peter and Paul Catholic Primary".
_FIRST_SAINT = re.compile(
    r"(?:\b(?:St\.?|Saint|Saints|Sts\.?)\s+[A-Z][\w’'-]*\s+(?:and|&)\s+(?:(?:St\.?|Saint)\s+)?)$"
)


def find_schools(td: TextDoc) -> list[tuple[int, int, str]]:
    """(start, end, text) of every school or nursery in one analysed text, whole names: the
    rule layer's spans, a Japanese name read back to its first word, a lower-case Dutch name,
    and a Dutch school named without a keyword in a sentence about school. Read once per text
    (the names and places analyzers block these spans, the schools analyzer reports them)."""
    cached = td.cache.get("schools.found")
    if cached is None:
        cached = td.cache["schools.found"] = tuple(_find_schools(td))
    return list(cached)


def _find_schools(td: TextDoc) -> list[tuple[int, int, str]]:
    text = td.analysed
    out: list[tuple[int, int]] = []
    for span in td.spans("SCHOOL"):
        start, end = span.start, span.end
        if _JA_KEYWORD.search(text[start:end]):
            start, end = _ja_whole_name(text, start, end)
        elif (saint := _FIRST_SAINT.search(text[:start])) is not None:
            start = saint.start()
        else:
            if _BARE.match(text[start:end].strip()):
                lower = _NL_LOWER_NAME.match(text[end:])
                if lower and lower.group("name").split()[-1] not in _NL_NOT_NAME:
                    end += lower.end()
            qualifier = _NL_QUALIFIER.search(text[:start])
            if qualifier and re.match(
                r"(?i)basisschool|school|kindcentrum|gymnasium|lyceum|atheneum", text[start:end]
            ):
                start = qualifier.start()
            if re.search(r"(?i)vrije\s+school$", text[start:end]) and (
                town := _NL_TOWN_AFTER.match(text[end:])
            ):
                end += town.end()
        if td.script == "cjk" or _BARE.match(text[start:end].strip()) or not _generic(text[start:end]):
            out.append((start, end))
    for sentence in re.finditer(r"[^.!?\n]+", text):
        if not _NL_SCHOOL_CUE.search(sentence.group(0)) or _NL_TRIP.search(sentence.group(0)):
            continue
        for m in _NL_CONTEXT_NAME.finditer(sentence.group(0)):
            if _NL_NOT_SCHOOL_NAME.search(m.group("name")):
                continue
            s, e = sentence.start() + m.start("name"), sentence.start() + m.end("name")
            article = re.match(r"(?:de|het|'t)\s+(?=.*(?:school|instituut|college)$)", m.group("name"))
            if article:  # "van de Sint-Jozefschool": the compound is the name, the article is the sentence's
                s += article.end()
            if not any(a < e and s < b for a, b in out):
                out.append((s, e))
    for m in _NL_COMPOUND.finditer(text):
        parts = [w for w in m.group("stem").lower().split("-") if w]
        if not parts or any(w in _NL_KIND_STEMS or w == "to" for w in parts):
            continue
        first = m.group(0).split()[0]
        start = (
            m.start()
            if len(m.group(0).split()) == 1 or first.lower() not in ("de", "het", "op", "van")
            else m.start("stem")
        )
        if not any(a < m.end() and start < b for a, b in out):
            out.append((start, m.end()))
    if td.script == "cjk":
        for m in _JA_MORE_KINDS.finditer(text):
            start = _ja_name_start(text, m.start())
            if m.start() - start >= 1 and not any(a < m.end() and start < b for a, b in out):
                out.append((start, m.end()))
        for m in _JA_SHORT_PRIMARY.finditer(text):
            start = _ja_name_start(text, m.end() - 1)
            if m.end() - 1 - start >= 2 and not any(a < m.end() and start < b for a, b in out):
                out.append((start, m.end()))
    whole: list[tuple[int, int]] = []
    for s, e in sorted(set(out), key=lambda t: (t[0], -(t[1] - t[0]))):
        if not any(a <= s and e <= b for a, b in whole):
            whole.append((s, e))
    return [(s, e, text[s:e]) for s, e in whole]


def normalise_school(text: str) -> str:
    """Collapse spacing and capitalise word starts, so one school has one spelling."""
    words = re.sub(r"\s+", " ", text).strip(" .,!?#@").split(" ")
    out = []
    for w in words:
        if w in ("and", "en"):
            out.append(w)  # "St Anne and St Agnes"
        elif w.lower() in SCHOOL_WORD_CASE and w.islower():
            out.append(SCHOOL_WORD_CASE[w.lower()])  # "c of e" -> "C of E", "rc" -> "RC"
        else:
            out.append(w[:1].upper() + w[1:] if w.isascii() and w.islower() else w)
    return " ".join(out)


class SchoolsAnalyzer(TextAnalyzerBase):
    name = "schools"
    version = "6"
    categories = ("school",)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        findings: list[Finding] = []
        for td in docs_for(post, ctx.run):
            for start, end, found in find_schools(td):
                bare = bool(_BARE.match(found.strip()))
                name = normalise_school(found)
                evidence = td.evidence(start, end)
                where = TextSpan(evidence["field"], evidence["start"], evidence["end"])
                findings.append(
                    self.finding(
                        post,
                        "school",
                        "medium" if bare else "high",
                        0.5 if bare else 0.85,
                        summary=(
                            f"Mentions a school or nursery (“{found}”) but not which one."
                            if bare
                            else f"Names your child's school or nursery, “{name}”: a stranger would know "
                            "where to find your child on weekdays."
                        ),
                        value=SchoolValue(name, where),
                        evidence=evidence,
                    )
                )
        return findings
