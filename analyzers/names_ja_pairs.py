"""Japanese children named together: a second name joined by と, ・ or a comma ("蒼と樹は",
"かんた・しょうま・ももか"), a first name before a pair ("樹と結菜、"), and children listed before
a word for brothers and sisters ("そら、うみ、りくの三兄弟"). Read by analyzers/names_ja.py."""

from __future__ import annotations

import re

from analyzers.names_ja_words import given_names, plain_word
from footprint_audit import lexicon_ja

_SECOND = re.compile(
    r"(?:ちゃん|くん|君)?(?:\s*[（(][^)）]{1,12}[)）])?(?P<join>と|・|、|,)(?P<name>[一-龯々]{1,3}|[ぁ-ゖ]{2,4})(?:ちゃん|くん|君)?"
    r"(?P<tail>は|が|も|、|,|（|\(|[。！!？?\s]|$)"
)
_FIRST_OF_PAIR = re.compile(
    r"(?:^|(?<=[\s。！!？?】]))(?P<name>[一-龯々]{1,3}|[ぁ-ゖ]{2,4})(?:ちゃん|くん|君)?と$"
)


#: Two names joined by と opening a sentence: "あおいとひまり、今日から年少さん", "湊と結衣は".
_START_PAIR = re.compile(
    r"(?:^|(?<=[\s。！!？?】]))(?P<a>[一-龯々]{1,3}|[ぁ-ゖ]{2,5}?)と(?P<b>[一-龯々]{1,3}|[ぁ-ゖ]{2,5}?)(?:ちゃん|くん|君)?"
    r"(?=[、,]|は|が|も|で)"
)


def _start_pair(text: str, taken: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Two listed names joined by と opening a sentence, one of them no everyday word ("そらとうみ、" is sky and sea)."""
    out: list[tuple[str, int, int]] = []
    listed = given_names()
    for m in _START_PAIR.finditer(text):
        a, b = m.group("a"), m.group("b")
        if a not in listed or b not in listed or (listed[a] and listed[b]):
            continue
        for group in ("a", "b"):
            s, e = m.start(group), m.end(group)
            if not any(x < e and s < y for _, x, y in taken + out):
                out.append((m.group(group), s, e))
    return out


def paired_names(text: str, taken: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Names joined by と to a name found: "蒼と樹は" (the second), "樹と結菜、" and "みおとめい、姉妹で"
    (a listed name before or after a name opening a sentence)."""
    out: list[tuple[str, int, int]] = _start_pair(text, taken)
    work = list(taken) + out
    while work:  # a name found here may be followed by a third: "かんた・しょうま・ももか"
        _name, start, end = work.pop(0)
        second = _SECOND.match(text, end)
        if second:
            name, s2, e2 = second.group("name"), second.start("name"), second.end("name")
            comma = second.group("tail") not in ("は", "が", "も")
            if (
                not plain_word(name)
                and (not comma or name in given_names() or lexicon_ja.JA_SIBLING_WORDS.match(text[e2:]))
                and (second.group("join") not in "、," or name in given_names())
                and not any(s < e2 and s2 < e for _, s, e in taken + out)
            ):
                out.append((name, s2, e2))
                work.append((name, s2, e2))
        first = _FIRST_OF_PAIR.search(text[:start])
        if first and lexicon_ja.JA_PAIR_TAIL.match(text[end:]):
            name, s1 = first.group("name"), first.start("name")
            e1 = s1 + len(name)
            if name in given_names() and not any(s < e1 and s1 < e for _, s, e in taken + out):
                out.append((name, s1, e1))
    return out


def sibling_lists(text: str, taken: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Children listed before a word for brothers and sisters: "そら、うみ、りくの三兄弟"."""
    out: list[tuple[str, int, int]] = []
    for m in lexicon_ja.JA_SIBLING_LIST.finditer(text):
        pos, listed = m.start("list"), m.group("list")
        if listed.endswith("の") and m.end() == m.end("list"):
            listed = listed[:-1]  # "うみの姉妹": the kana run took the の
        for part in re.split(r"((?:ちゃん|くん|君)?[、,・])", listed):
            if not re.fullmatch(r"(?:ちゃん|くん|君)?[、,・]", part):
                for name, offset in _split_on_and(part):
                    name = re.sub(r"(?:ちゃん|くん|君)$", "", name)
                    s, e = pos + offset, pos + offset + len(name)
                    if plain_word(name) or any(a < e and s < b for _, a, b in taken + out):
                        continue
                    out.append((name, s, e))
            pos += len(part)
    return out


def _split_on_and(part: str) -> list[tuple[str, int]]:
    """ "そらとうみ" is two names: split at a と that leaves two kana or more each side, a listed name
    first ("はるとゆい" is "はると" and "ゆい")."""
    cuts = [i for i, ch in enumerate(part) if ch == "と" and i >= 1 and len(part) - i - 1 >= 1]
    cuts = [i for i in cuts if re.sub(r"(?:ちゃん|くん|君)$", "", part[:i]) and len(part[i + 1 :]) >= 1]
    if not cuts:
        return [(part, 0)]
    listed = [i for i in cuts if part[:i] in given_names() or part[i + 1 :] in given_names()]
    i = (listed or cuts)[0]
    left = re.sub(r"(?:ちゃん|くん|君)$", "", part[:i])
    return [(left, 0), (part[i + 1 :], i + 1)]
