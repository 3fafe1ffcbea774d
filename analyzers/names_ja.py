"""Children's names in Japanese text, by phrase rules.

No Japanese language model is shipped (GiNZA is about 280 MB and found 2 of 9 hiragana
names in our hand-written captions), so names are read where the phrasing marks them: a
relation word (娘の…), an honorific (…ちゃん, …くん), a wish or being spoken to, or going out
with someone (…と行ってきた). Word lists are in footprint_audit/lexicon.py.
"""

from __future__ import annotations

import re

from footprint_audit import lexicon
from footprint_audit.nlp import TextDoc


def japanese_names(td: TextDoc) -> list[tuple[str, int, int, bool]]:
    """(name, start, end, other) of the children named in Japanese text."""
    text = td.analysed
    out: list[tuple[str, int, int, bool]] = []
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
    ):
        for m in pattern.finditer(text):
            name, start = m.group("name"), m.start("name")
            if re.match(r"[一-龯々]", name):
                name, start = _without_time_word(text, name, start)
            lead = lexicon.JA_LEADING_PARTICLE.match(name)
            glued = pattern in (lexicon.JA_HONORIFIC, lexicon.JA_OCCASION, lexicon.JA_WITH_AGE)
            if lead and glued and start > 0 and not _ja_boundary(text[start - 1]):
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
            if pattern is lexicon.JA_ALSO and (name in lexicon.JA_COMMON_OPENERS or _is_place(name)):
                continue
            if lexicon.JA_ADULT_BEFORE.search(text[max(0, start - 8) : start]):
                continue  # "ママ友のりさちゃん": a friend of the parent
            other = bool(
                lexicon.JA_OTHER_BEFORE.search(text[max(0, start - 8) : start])
                or lexicon.JA_OTHER_AFTER.match(text[end:])
            )
            out.append((name, start, end, other))
    # "蒼と樹は": the second of two names joined by と
    for _name, _start, end, other in list(out):
        second = _SECOND.match(text, end)
        if second and second.group("name") not in lexicon.JA_COMMON_OPENERS:
            s2, e2 = second.start("name"), second.end("name")
            if not any(s < e2 and s2 < e for _, s, e, _ in out):
                out.append((second.group("name"), s2, e2, other))
    return out


_SECOND = re.compile(r"と(?P<name>[一-龯々]{1,3}|[ぁ-ゖ]{2,4})(?:ちゃん|くん|君)?(?:は|が|も)")


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
