"""Children's names in Japanese text, by phrase rules.

No Japanese language model is shipped (GiNZA is about 280 MB and found 2 of 9 hiragana
names in our hand-written captions), so names are read where the phrasing marks them: a
relation word (娘の…), an honorific (…ちゃん, …くん), a wish or being spoken to, or going out
with someone (…と行ってきた). Word lists are in footprint_audit/lexicon.py.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from footprint_audit import lexicon
from footprint_audit.nlp import TextDoc


def japanese_names(td: TextDoc) -> list[tuple[str, int, int, bool]]:
    """(name, start, end, other) of the children named in Japanese text."""
    text = td.analysed
    out: list[tuple[str, int, int, bool]] = []
    if not _JAPANESE.search(text):
        return out  # most captions: no kana or kanji, nothing to read
    for pattern in (
        lexicon.JA_RELATION,
        lexicon.JA_HONORIFIC,
        lexicon.JA_WISH,
        lexicon.JA_VOCATIVE,
        lexicon.JA_WENT_WITH,
        lexicon.JA_OCCASION,
        lexicon.JA_WITH_AGE,
        lexicon.JA_RELATION_GLUED,
        lexicon.JA_ALSO,
        lexicon.JA_ACHIEVED,
    ):
        for m in pattern.finditer(text):
            name, start = m.group("name"), m.start("name")
            name = re.sub(r"(?:ちゃん|くん)$", "", name)  # a greedy kana run took the honorific: "ゆなちゃん"
            split = False
            if re.match(r"[一-龯々]", name):
                name, start = _without_time_word(text, name, start)
            else:
                name, start, split = _without_kin_prefix(name, start)
            if (
                pattern is lexicon.JA_OCCASION
                and start > 0
                and re.match(r"[ぁ-ゖ]", name)
                and _is_kanji(text[start - 1])
            ):
                continue  # "初めての運動会": kana after a kanji is the word's ending, no name
            lead = lexicon.JA_LEADING_PARTICLE.match(name)
            glued = pattern in (lexicon.JA_HONORIFIC, lexicon.JA_OCCASION, lexicon.JA_WITH_AGE)
            listed = name in given_names()  # "はるき" starts with は but is a name, not "は" + "るき"
            if (
                lead
                and glued
                and not split
                and not listed
                and start > 0
                and not _ja_boundary(text[start - 1])
            ):
                name, start = name[lead.end() :], start + lead.end()
            if (
                len(name) < 1
                or name in lexicon.JA_NOT_NAMES
                or (len(name) < 2 and not re.match(r"[一-龯]", name))
            ):
                continue
            end = start + len(name)
            if any(s < end and start < e for _, s, e, _ in out):
                continue
            if pattern in (lexicon.JA_ALSO, lexicon.JA_ACHIEVED) and (
                name in lexicon.JA_COMMON_OPENERS or _is_place(name)
            ):
                continue
            if lexicon.JA_ADULT_BEFORE.search(text[max(0, start - 8) : start]):
                continue  # "ママ友のりさちゃん": a friend of the parent
            other = bool(
                lexicon.JA_OTHER_BEFORE.search(text[max(0, start - 8) : start])
                or lexicon.JA_OTHER_AFTER.match(text[end:])
            )
            out.append((name, start, end, other))
    out += _listed_names(text, out)
    # "蒼と樹は": the second of two names joined by と
    for _name, _start, end, other in list(out):
        second = _SECOND.match(text, end)
        if second and second.group("name") not in lexicon.JA_COMMON_OPENERS:
            s2, e2 = second.start("name"), second.end("name")
            if not any(s < e2 and s2 < e for _, s, e, _ in out):
                out.append((second.group("name"), s2, e2, other))
    return out


_JAPANESE = re.compile(r"[ぁ-ゖァ-ヺ一-龯]")
_SECOND = re.compile(r"と(?P<name>[一-龯々]{1,3}|[ぁ-ゖ]{2,4})(?:ちゃん|くん|君)?(?:は|が|も)")


def _without_kin_prefix(name: str, start: int) -> tuple[str, int, bool]:
    """A kana run that swallowed "の" and the word before it: "いとこのはると" is read from
    "このはると"; the name is what follows の when two kana or more are left ("ひなの",
    "このみ" stay whole)."""
    i = name.find("の", 1)
    if i > 0 and len(name) - i - 1 >= 2:
        return name[i + 1 :], start + i + 1, True
    return name, start, False


@functools.cache
def given_names() -> dict[str, bool]:
    """Common Japanese given names (kanji and hiragana) -> is it also an everyday word?"""
    text = (resources.files("analyzers") / "data" / "ja_given_names.txt").read_text(encoding="utf-8")
    out: dict[str, bool] = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out[line.rstrip(" *")] = line.endswith("*")
    return out


@functools.cache
def _listed_re() -> re.Pattern[str]:
    names = sorted((n for n, word in given_names().items() if not word), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


#: What may follow a listed name: an honorific, a particle, punctuation, a space or the end.
_AFTER_NAME = re.compile(r"(?:ちゃん|くん|君|は|が|も|と|の|を|に|へ|で|や|、|,|。|！|!|？|\?|\s|$|[^\w])")
_AFTER_KANA_NAME = re.compile(r"(?:ちゃん|くん|君|は|が|も|と|の|、|,|。|！|!|？|\?|\s|$|[^\w])")


def _listed_names(text: str, taken: list[tuple[str, int, int, bool]]) -> list[tuple[str, int, int, bool]]:
    """Names from the list, standing alone: not inside a longer kanji compound or kana word,
    followed by a particle, an honorific or punctuation ("ひかりと公園へ", "湊斗は今日から").
    Names that are everyday words too (さくら, 海) are left to the phrase rules."""
    out: list[tuple[str, int, int, bool]] = []
    for m in _listed_re().finditer(text):
        name, s, e = m.group(0), m.start(), m.end()
        kanji = _is_kanji(name[0])
        prev = text[s - 1] if s else ""
        if kanji and (prev and _is_kanji(prev) or (e < len(text) and _is_kanji(text[e]))):
            continue  # part of a compound: "大和田", "陽太郎"
        if not kanji and prev and re.match(r"[ぁ-ゖァ-ヺー]", prev):
            continue  # inside a kana word
        if not (_AFTER_NAME if kanji else _AFTER_KANA_NAME).match(text, e) or text.startswith("とし", e):
            continue  # "凛とした朝": an adverb, not "with 凛"
        if any(a < e and s < b for _, a, b, _ in taken + out):
            continue
        if lexicon.JA_ADULT_BEFORE.search(text[max(0, s - 8) : s]) or text.startswith(("さん", "先生"), e):
            continue
        other = bool(
            lexicon.JA_OTHER_BEFORE.search(text[max(0, s - 8) : s]) or lexicon.JA_OTHER_AFTER.match(text[e:])
        )
        out.append((name, s, e, other))
    return out


def _is_kanji(ch: str) -> bool:
    return bool(re.match(r"[一-龯々]", ch))


def _ja_boundary(ch: str) -> bool:
    return not re.match(r"[ぁ-ゖァ-ヺー一-龯々]", ch)


#: Kanji time words a name written in kanji may be glued to ("毎朝陽翔くん", "今日凛ちゃん").
_JA_TIME_WORDS = re.compile(
    r"^(?:毎朝|毎日|毎晩|毎週|毎年|今日|昨日|明日|今朝|今夜|今週|先週|来週|週末|平日|土日|本日|先日|去年|今年|来年)+"
)


def _without_time_word(text: str, name: str, start: int) -> tuple[str, int]:
    """The name without a time word the kanji run starts with: the whole run before the
    honorific is read, so "毎朝陽翔" gives "陽翔", not its last three kanji "朝陽翔"."""
    end = start + len(name)
    run_start = start
    while run_start > 0 and re.match(r"[一-龯々]", text[run_start - 1]):
        run_start -= 1
    run = text[run_start:end]
    lead = _JA_TIME_WORDS.match(run)
    if lead is None or lead.end() == len(run) or len(run) - lead.end() > 3:
        return name, start
    return run[lead.end() :], run_start + lead.end()


def _is_place(word: str) -> bool:
    return bool(lexicon.JA_PLACE_RE.fullmatch(word))
