"""Children's names in Japanese text, by phrase rules.

No Japanese language model is shipped (GiNZA is about 280 MB and found 2 of 9 hiragana
names in our hand-written captions), so names are read where the phrasing marks them: a
relation word (娘の…), an honorific (…ちゃん, …くん), a wish or being spoken to, or going out
with someone (…と行ってきた). Whose a name is follows from the words around it (友達の息子の…,
…ちゃんのママ, うちの…). Word lists and phrasings are in footprint_audit/lexicon.py and
footprint_audit/lexicon_ja.py.
"""

from __future__ import annotations

import functools
import re

from analyzers.names_ja_checks import (
    after_particle,
    dropped_particle,
    not_a_name,
    okurigana,
    without_readings,
)
from analyzers.names_ja_owners import japanese_owners
from analyzers.names_ja_pairs import paired_names, sibling_lists
from analyzers.names_ja_romaji import romaji_names
from analyzers.names_ja_words import given_names, is_kanji, is_place, ja_boundary, plain_word
from footprint_audit import lexicon, lexicon_ja
from footprint_audit.nlp import TextDoc


def japanese_names(td: TextDoc) -> list[tuple[str, int, int, bool]]:
    """(name, start, end, other) of the children named in Japanese text."""
    text = td.analysed
    out: list[tuple[str, int, int]] = _romaji_names(text)
    if not _JAPANESE.search(text):
        return japanese_owners(text, out)  # most captions: no kana or kanji, nothing more to read
    out += [
        f
        for f in romaji_names(text, given_names().__contains__)
        if not any(s < f[2] and f[1] < e for _, s, e in out) and not _grown_up_pet_or_place(text, f[1], f[2])
    ]
    hashtags = {start for start, _end in td.hashtag_spans()}
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if pattern is lexicon_ja.JA_HASHTAG_NAME and m.start() not in hashtags:
                continue
            if (
                pattern in (_ACTIVITY, _ACTIVITY_OPENING)
                and m.start() in hashtags
                and _SCHOOL_TAG.match(text, m.end())
            ):
                continue  # "#ふじのこども園": a school's name, no child's
            found = _read_name(text, pattern, m)
            if found is None:
                continue
            name, start = found
            end = start + len(name)
            if any(s < end and start < e for _, s, e in out):
                continue
            if pattern is lexicon_ja.JA_SIBLING_NAMED:
                if not _siblings_are_children(text, pattern, end):
                    continue
            elif _grown_up_pet_or_place(text, start, end):
                continue
            out.append((name, start, end))
    out += _listed_names(text, out)
    out += paired_names(text, out)
    out += sibling_lists(text, out)
    return japanese_owners(text, without_readings(text, out))


#: "ひまりの保育園", "こはるの3歳のお誕生日": a listed name before a child's school, lesson or day.
_ACTIVITY = re.compile(
    rf"(?P<name>{lexicon_ja.KANA_NAME}|{lexicon_ja.KANJI_NAME})(?={lexicon_ja.JA_ACTIVITY_AFTER_NAME.pattern})"
)
#: "かなでのピアノ発表会": a name opening a sentence before a child's school, lesson or day.
_ACTIVITY_OPENING = re.compile(
    rf"(?:^|(?<=[\s。！!？?】、,]))(?P<name>[ぁ-ゖ]{{2,5}}?)(?={lexicon_ja.JA_ACTIVITY_AFTER_NAME.pattern})"
)
_SCHOOL_TAG = re.compile(r"の(?:保育園|幼稚園|こども園|小学校)")
_PATTERNS = (
    lexicon.JA_RELATION,
    lexicon_ja.JA_RELATION_MORE,
    lexicon_ja.JA_SIBLING_NAMED,
    lexicon_ja.JA_OURS,
    lexicon_ja.JA_YEAR_RELATION,
    lexicon_ja.JA_NAME_READING,
    lexicon_ja.JA_KIN_CHILD,
    lexicon_ja.JA_DIARY_NAME,
    lexicon.JA_HONORIFIC,
    lexicon.JA_WISH,
    lexicon.JA_VOCATIVE,
    lexicon_ja.JA_VOCATIVE_YEAR,
    lexicon.JA_WENT_WITH,
    lexicon.JA_OCCASION,
    lexicon.JA_WITH_AGE,
    lexicon_ja.JA_WITH_YEAR,
    lexicon.JA_RELATION_GLUED,
    lexicon.JA_ALSO,
    lexicon.JA_ACHIEVED,
    lexicon_ja.JA_NAME_AGE,
    _ACTIVITY,
    lexicon_ja.JA_NICKNAME,
    lexicon_ja.JA_GREW,
    lexicon_ja.JA_VOCATIVE_PRAISE,
    lexicon_ja.JA_WITH_PARENT,
    lexicon_ja.JA_SELF_PARENT,
    lexicon_ja.JA_FIRST_TIME,
    lexicon_ja.JA_AGE_TOPIC,
    lexicon_ja.JA_ACHIEVED_MORE,
    lexicon_ja.JA_OUT_WITH,
    _ACTIVITY_OPENING,
    lexicon_ja.JA_HASHTAG_NAME,
    lexicon_ja.JA_LETTER_TO,
)
#: Patterns that read a name opening a sentence or a clause, where common openers ("とうとう、") are no names.
_OPENING = (
    lexicon.JA_VOCATIVE,
    lexicon_ja.JA_VOCATIVE_YEAR,
    lexicon_ja.JA_GREW,
    lexicon_ja.JA_VOCATIVE_PRAISE,
    lexicon_ja.JA_WITH_PARENT,
    lexicon_ja.JA_SELF_PARENT,
    lexicon_ja.JA_AGE_TOPIC,
    lexicon_ja.JA_ACHIEVED_MORE,
    lexicon_ja.JA_OUT_WITH,
    _ACTIVITY_OPENING,
    lexicon_ja.JA_LETTER_TO,
)
#: Patterns that read a name after a relation word: the name is the first word of the kana run.
_RELATIONS = (
    lexicon.JA_RELATION,
    lexicon_ja.JA_RELATION_MORE,
    lexicon_ja.JA_SIBLING_NAMED,
    lexicon_ja.JA_OURS,
    lexicon_ja.JA_YEAR_RELATION,
    lexicon_ja.JA_KIN_CHILD,
)
#: Patterns whose name is glued to the words before it: a particle the kana run starts with is dropped.
_GLUED = (
    lexicon.JA_HONORIFIC,
    lexicon.JA_OCCASION,
    lexicon.JA_WITH_AGE,
    lexicon_ja.JA_WITH_YEAR,
    _ACTIVITY,
)
#: Patterns that read a name only where it is in the name list ("ゆな3歳", "ひまりの保育園").
_LISTED_ONLY = (lexicon_ja.JA_NAME_AGE, _ACTIVITY, lexicon_ja.JA_FIRST_TIME, lexicon_ja.JA_OUT_WITH)


def _romaji_names(text: str) -> list[tuple[str, int, int]]:
    """Names in Japanese written in the Latin alphabet: "Yui-chan", "Papa to Sora no Sunday cooking"."""
    out: list[tuple[str, int, int]] = []
    if "chan" not in text and "kun" not in text and " to " not in text:
        return out
    for m in lexicon_ja.JA_ROMAJI_NAME.finditer(text):
        group = next(g for g in ("name", "after", "before") if m.group(g))
        out.append((m.group(group), m.start(group), m.end(group)))
    return out


def _read_name(text: str, pattern: re.Pattern[str], m: re.Match[str]) -> tuple[str, int] | None:
    """The name a pattern matched and where it starts, cleaned of the kana or kanji around it,
    or None when the words matched are no name."""
    name, start = m.group("name"), m.start("name")
    name = re.sub(r"(?:ちゃん|くん)$", "", name)  # a greedy kana run took the honorific: "ゆなちゃん"
    if (
        pattern is lexicon.JA_HONORIFIC
        and text.startswith("君", m.end("name"))
        and re.match(r"[ぁ-ゖ]", name)
        and name not in given_names()
    ):
        return None  # "大好きな君へ", "そんな君が": 君 is "you" after a kana word
    if (
        pattern is lexicon.JA_HONORIFIC
        and lexicon_ja.JA_NOT_HONORIFIC_AFTER.match(text[m.end("name") :])
        and (name not in given_names() or not text.startswith("ちゃんと", m.end("name")))
    ):
        return None  # "長崎ちゃんぽん", "はみがきちゃんとできた": no honorific
    split = False
    if re.match(r"[一-龯々]", name):
        name, start = _without_time_word(text, name, start)
        if pattern is lexicon.JA_HONORIFIC and start > 0 and is_kanji(text[start - 1]):
            return None  # "横浜流星くん": the end of a longer kanji run is a full name or a compound
    else:
        name, start, split = _without_kin_prefix(name, start)
        if not split and (pattern in _GLUED or pattern in _RELATIONS):
            name, start, split = _after_and(text, name, start, left=pattern in _RELATIONS)
        if not split and pattern in _GLUED:
            name, start, split = _listed_tail(text, name, start)
    if (
        pattern is lexicon.JA_OCCASION
        and start > 0
        and re.match(r"[ぁ-ゖ]", name)
        and is_kanji(text[start - 1])
    ):
        if not (lexicon.JA_LEADING_PARTICLE.match(name) and len(name) >= 3):
            return None  # "初めての運動会": kana after a kanji is the word's ending, no name
        name, start = name[1:], start + 1  # "今日はみことの誕生日": a particle, then the name
    lead = lexicon.JA_LEADING_PARTICLE.match(name)
    listed = name in given_names()  # "はるき" starts with は but is a name, not "は" + "るき"
    if lead and pattern in _GLUED and not split and not listed and start > 0:
        if not ja_boundary(text[start - 1]) or (name[0] in "とや" and text[start - 1] in ")）"):
            name, start = name[lead.end() :], start + lead.end()
    if pattern in _RELATIONS:
        name = _without_trailing_particle(text, name, start)
    if (
        len(name) < 1
        or name in lexicon.JA_NOT_NAMES
        or name in lexicon_ja.JA_MORE_NOT_NAMES
        or name in lexicon_ja.JA_THING_WORDS
        or name in lexicon_ja.JA_KANA_OPENERS
        or name in lexicon_ja.JA_OURS_NOT_NAMES
        or lexicon_ja.JA_NOT_NAME_TAIL.search(name)
        or name.startswith(("うちの", "ウチの"))  # "うちのももちゃん" read from the sentence's start
        or (re.match(r"[ぁ-ゖ]", name) and name[-1] in "へを")  # "みんなへ、": a particle, no name's end
        or (_KIN_END.search(name) and name not in given_names())  # "休みでおばあちゃん": a grandmother
        or (len(name) < 2 and not re.match(r"[一-龯]", name))
    ):
        return None
    if pattern is lexicon.JA_ALSO and _MO_WORD.match(text, start + len(name)):
        return None  # "こどもの日", "ここなはもう5歳": も starts a word (もう, もの), not "also"
    if (
        pattern is lexicon.JA_ALSO
        and name[-1] in "はがのとに"
        and name not in given_names()
        and name[:-1] in given_names()
    ):
        return None  # "ひなたはもう5歳": the name and は, then もう
    if pattern in (lexicon.JA_ALSO, lexicon.JA_ACHIEVED) and (
        name in lexicon.JA_COMMON_OPENERS or is_place(name) or (len(name) == 1 and name not in given_names())
    ):
        return None  # "鯛も": one kanji opening a sentence with も is a name only when listed
    if pattern is lexicon_ja.JA_OURS and (
        name in lexicon_ja.JA_OURS_NOT_NAMES or name in lexicon.JA_COMMON_OPENERS
    ):
        return None  # "うちの子は", "うちの中が"
    if pattern is lexicon_ja.JA_YEAR_RELATION and (
        name in lexicon_ja.JA_YEAR_NOT_NAMES
        or plain_word(name)
        or (
            is_kanji(name[0])
            and name not in given_names()
            and (len(name) < 2 or not _NAME_MARK.match(text, start + len(name)))
        )
    ):
        return None  # "2年生のとき"; "年少さんの劇、": a kanji word is a name when listed or marked as one
    if (
        pattern is lexicon_ja.JA_NAME_READING
        and name not in given_names()
        and m.group("reading") not in given_names()
    ):
        return None  # "お餅(もち)": a reading given for a word; a name or its reading is listed
    if pattern in _LISTED_ONLY and name not in given_names():
        return None
    if pattern is lexicon_ja.JA_NICKNAME and name in lexicon_ja.JA_NOT_NICKNAMES:
        return None  # "ねーちゃん": a sister
    if pattern in _OPENING and not _may_open_with_name(name, pattern):
        return None
    if (pattern in _OPENING or pattern is lexicon.JA_ALSO) and plain_word(
        name + text[start + len(name) : start + len(name) + 1]
    ):
        return None  # "こども2歳": the particle read after the name ends a word
    if pattern is lexicon.JA_WISH and name.endswith("より"):
        return None  # "おめでとう！ばあばより": who the wish is from
    if not_a_name(text, pattern, name, start):
        return None
    return name, start


#: What marks a kanji word after a school year as a name: an honorific, a comma or a bracket ("小2の虎太朗、").
_NAME_MARK = re.compile(r"ちゃん|くん|君|[、,（(]")
#: A kana run ending in a family word said with ちゃん: "(小3)はおばあちゃん", "休みでおにいちゃん".
_KIN_END = re.compile(r"(?:おばあ|おじい|おねえ|おにい|おかあ|おとう|ばあ|じい|ばぁ|じぃ)$")
_MO_WORD = re.compile(r"も(?:の|う|っと|し|ちろん|らっ|らい|らえ|らう|ったいない|じもじ|ぐもぐ|りもり)")


def _grown_up_pet_or_place(text: str, start: int, end: int) -> bool:
    """The name is a grown-up's ("ママ友のりさちゃん", "ゆみちゃんの結婚式"), a pet's ("トイプーのマロン",
    "もも（トイプードル）") or part of a place's ("ひなたが丘")."""
    return bool(
        _adult_or_pet_before(text, start)
        or lexicon_ja.JA_PET_AFTER.match(text[end:])
        or lexicon_ja.JA_PLACE_AFTER.match(text[end:])
        or lexicon_ja.JA_ADULT_AFTER.match(text[end:])
    )


#: "ゆいちゃんの弟の": a child's brother or sister, not the poster's.
_A_CHILDS_SIBLING = re.compile(r"(?:ちゃん|くん|君)の(?:弟|妹|兄|姉)(?:くん|ちゃん)?の$")


def _adult_or_pet_before(text: str, start: int) -> bool:
    """A grown-up ("ママ友の", "妹の", "推しの") or a pet ("愛犬の", "トイプーの") before the name; a word for the
    poster's children as a group ("兄弟の") is neither, though it ends like "弟の"."""
    before = text[max(0, start - 8) : start]
    if lexicon_ja.JA_CHILD_KIN_BEFORE.search(before) or _A_CHILDS_SIBLING.search(before):
        return False
    return bool(
        lexicon.JA_ADULT_BEFORE.search(before)
        or lexicon_ja.JA_PET_BEFORE.search(before)
        or lexicon_ja.JA_CELEBRITY_BEFORE.search(before)
    )


def _siblings_are_children(text: str, pattern: re.Pattern[str], end: int) -> bool:
    """ "兄の蓮と妹の結衣", "姉のゆいは8歳": a brother or sister named beside a second one, or with a
    child's age or school year, is one of the poster's children, not the poster's own sibling."""
    age = lexicon_ja.JA_CHILD_AGE_AFTER.match(text[end:])
    if age:
        years = re.match(r"\D*([0-9０-９]{1,2})\s*(?:歳|さい|才)", age.group(0))
        return years is None or int(years.group(1)) < 18
    # "お兄ちゃんの大雅は…、弟の慶は": an older sibling named as ours counts as the second
    return len(pattern.findall(text)) >= 2 or bool(lexicon_ja.JA_RELATION_MORE.search(text))


def _may_open_with_name(name: str, pattern: re.Pattern[str]) -> bool:
    """A word opening a sentence is a name there unless it is a common opener, a family or time
    word; a kanji word spoken to and praised must be a listed name ("大会、優勝" is no child)."""
    if (
        name in lexicon.JA_COMMON_OPENERS
        or name in lexicon_ja.JA_KANA_OPENERS
        or name in lexicon_ja.JA_OURS_NOT_NAMES
        or is_place(name)
    ):
        return False
    listed_kanji_only = (lexicon_ja.JA_VOCATIVE_PRAISE, lexicon_ja.JA_ACHIEVED_MORE, lexicon_ja.JA_LETTER_TO)
    return not (pattern in listed_kanji_only and is_kanji(name[0]) and name not in given_names())


def _without_trailing_particle(text: str, name: str, start: int) -> str:
    """A kana run after a relation word that took the particle after the name: "長男のはやとが、"
    is "はやと", "次女のあんなの1歳" is "あんな"; a listed name ending so ("いろは") stays."""
    after = text[start + len(name) : start + len(name) + 1] or " "
    if (
        len(name) >= 3
        and name[-1] in "のがはも"
        and re.match(r"[ぁ-ゖ]", name)
        and name not in given_names()
        and re.match(r"[、,\s0-9０-９]", after)
    ):
        return name[:-1]
    if len(name) >= 3 and name[-1] == "と" and name[:-1] in given_names() and name not in given_names():
        return name[:-1] if re.match(r"[、,\s]", after) else name  # "長男のはやとと、お友達の": "and"
    return name


def _after_and(text: str, name: str, start: int, left: bool) -> tuple[str, int, bool]:
    """A kana run read from inside a word that holds "と": "しゅんとめいちゃん" gives "めい"; after a
    relation word the name is the first ("姉妹のゆいとめい" gives "ゆい", the second is read as a pair)."""
    i = name.rfind("と")
    if start > 0 and re.match(r"[ぁ-ゖ]", text[start - 1]) and 1 <= i and len(name) - i - 1 >= 2:
        if left and i >= 2:
            return name[:i], start, True
        return name[i + 1 :], start + i + 1, True
    if re.match(r"[ぁぃぅぇぉっゃゅょゎゕゖ]", name):
        return "", start, True  # a small kana opens no name
    return name, start, False


def _listed_tail(text: str, name: str, start: int) -> tuple[str, int, bool]:
    """A kana run read from inside a word ("通うゆい", "大好きなゆい"): where the run is no listed name
    but ends in one, the name is that ending."""
    if (
        start == 0
        or ja_boundary(text[start - 1])
        or name in given_names()
        or not re.match(r"[ぁ-ゖ]", name)
        or lexicon.JA_LEADING_PARTICLE.match(name)  # "とまさき": the particle is dropped later
    ):
        return name, start, False
    for i in range(1, len(name) - 1):
        if name[i:] in given_names():
            return name[i:], start + i, True
    return name, start, False


_JAPANESE = re.compile(r"[ぁ-ゖァ-ヺ一-龯]")


def _without_kin_prefix(name: str, start: int) -> tuple[str, int, bool]:
    """A kana run that swallowed "の" and the word before it: "いとこのはると" is read from
    "このはると"; the name is what follows の when two kana or more are left ("ひなの",
    "このみ" stay whole)."""
    i = name.find("の", 1)
    if name[:1] in ("と", "や") and name[1:] in given_names():
        return name, start, False  # "(3歳)とのぞむくん": と, then a listed name holding の
    if i > 0 and len(name) - i - 1 >= 2:
        return name[i + 1 :], start + i + 1, True
    return name, start, False


@functools.cache
def _listed_re() -> re.Pattern[str]:
    names = sorted((n for n, word in given_names().items() if not word), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


#: What may follow a listed name: an honorific, a particle, punctuation, a space or the end.
_AGE = r"[0-9０-９]{1,2}\s*(?:歳|さい|才|ヶ月|か月)"  # "悠真8歳になりました"
_AFTER_NAME = re.compile(
    rf"(?:ちゃん|くん|君|は|が|も|と|の|を|に|へ|で|や|、|,|。|！|!|？|\?|\s|$|[^\w]|{_AGE})"
)
_AFTER_KANA_NAME = re.compile(rf"(?:ちゃん|くん|君|は|が|も|と|の|、|,|。|！|!|？|\?|\s|$|[^\w]|{_AGE})")


def _listed_names(text: str, taken: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Names from the list, standing alone: not inside a longer kanji compound or kana word,
    followed by a particle, an honorific or punctuation ("ひかりと公園へ", "湊斗は今日から").
    Names that are everyday words too (さくら, 海) are left to the phrase rules."""
    out: list[tuple[str, int, int]] = []
    for m in _listed_re().finditer(text):
        name, s, e = m.group(0), m.start(), m.end()
        kanji = is_kanji(name[0])
        prev = text[s - 1] if s else ""
        if kanji and prev and is_kanji(prev) and not _glued_word_before(text, s):
            continue  # part of a compound: "新大和"; not after a time or relation word ("長女結衣")
        if kanji and e < len(text) and is_kanji(text[e]) and not _KANJI_EVENT_AFTER.match(text, e):
            continue  # part of a compound: "陽太郎"; not before a child's day ("結衣誕生日おめでとう")
        if not kanji and prev and re.match(r"[ぁ-ゖァ-ヺー]", prev) and not after_particle(text, s):
            continue  # inside a kana word
        if not kanji and prev and is_kanji(prev) and lexicon.JA_LEADING_PARTICLE.match(name):
            continue  # "学童のあと": a particle after a kanji word, then a kana word
        if not kanji and okurigana(text, s, _glued_word_before(text, s)):
            continue  # "取りながら", "今さら"
        after = _AFTER_NAME if kanji or not prev or ja_boundary(prev) else _AFTER_KANA_NAME
        object_after_particle = after_particle(text, s) and text.startswith("を", e)  # "今日はゆいなを迎えに"
        event = bool(kanji and _KANJI_EVENT_AFTER.match(text, e)) or dropped_particle(
            text, name, e, given_names()
        )  # "結衣誕生日", "颯太ずぶ濡れ"
        if not (after.match(text, e) or object_after_particle or event) or text.startswith("とし", e):
            continue  # "凛とした朝": an adverb, not "with 凛"; "ゆいなをお迎え" opens with the name
        if any(a < e and s < b for _, a, b in taken + out):
            continue
        if _grown_up_pet_or_place(text, s, e):
            continue
        if text.startswith(("さん", "先生"), e):
            continue
        out.append((name, s, e))
    return out


#: A child's day or milestone glued after a listed kanji name: "結衣誕生日", "陽翔入学おめでとう".
_KANJI_EVENT_AFTER = re.compile(
    r"(?:誕生日|入学|入園|卒園|卒業|初節句|七五三|運動会|発表会|成長記録|お宮参り|生誕|満[0-9０-９一二三四五六七八九十]|"
    r"[0-9０-９]{1,2}\s*(?:歳|才|ヶ月|か月))"
)


#: Kanji time words a name written in kanji may be glued to ("毎朝陽翔くん", "今日凛ちゃん").
_JA_TIME_WORDS = re.compile(
    r"^(?:毎朝|毎日|毎晩|毎週|毎年|今日|昨日|明日|今朝|今夜|今週|先週|来週|週末|平日|土日|本日|先日|去年|今年|来年"
    # a relation word or a year group glued to the name: "長男煌大の入学式", "長女結衣、", "年長陽翔くん"
    r"|長男|長女|次男|次女|三男|三女|末っ子|息子|娘|孫|年長|年中|年少)+"
)


def _kanji_run_start(text: str, start: int) -> int | None:
    """Where the kanji run that ``start`` is in begins, or None when it is longer than any time or
    relation words and a name could be (a long run is read no further: untrusted text)."""
    run_start = start
    while run_start > 0 and re.match(r"[一-龯々]", text[run_start - 1]):
        if start - run_start >= 12:
            return None
        run_start -= 1
    return run_start


def _glued_word_before(text: str, start: int) -> bool:
    """The kanji before ``start`` are time or relation words only ("今日", "長女")."""
    run_start = _kanji_run_start(text, start)
    if run_start is None:
        return False
    lead = _JA_TIME_WORDS.match(text[run_start:start])
    return lead is not None and lead.end() == start - run_start


def _without_time_word(text: str, name: str, start: int) -> tuple[str, int]:
    """The name without a time or relation word the kanji run starts with: the whole run before
    the honorific is read, so "毎朝陽翔" gives "陽翔", not its last three kanji "朝陽翔", and
    "長男煌大" gives "煌大"."""
    end = start + len(name)
    run_start = _kanji_run_start(text, start)
    if run_start is None:
        return name, start
    run = text[run_start:end]
    lead = _JA_TIME_WORDS.match(run)
    if lead is None or lead.end() == len(run) or len(run) - lead.end() > 3:
        return name, start
    return run[lead.end() :], run_start + lead.end()
