"""Children's names written in the Latin alphabet inside Japanese text ("Yuiと公園", "Renくん").

Many Japanese parents write a child's name in romaji. A capitalised Latin word in a Japanese
sentence is read as a name where a Japanese honorific, particle or relation word marks its slot
and its reading, turned into hiragana, is a listed Japanese given name ("Yui" -> ゆい; "Yuto" and
"Sota" drop a long vowel: ゆうと, そうた). With ちゃん/くん any such word counts ("Emmaちゃん").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

_SYLLABLES = {
    "kya": "きゃ", "kyu": "きゅ", "kyo": "きょ", "sha": "しゃ", "shu": "しゅ", "sho": "しょ", "cha": "ちゃ",
    "chu": "ちゅ", "cho": "ちょ", "nya": "にゃ", "nyu": "にゅ", "nyo": "にょ", "hya": "ひゃ", "hyu": "ひゅ",
    "hyo": "ひょ", "mya": "みゃ", "myu": "みゅ", "myo": "みょ", "rya": "りゃ", "ryu": "りゅ", "ryo": "りょ",
    "gya": "ぎゃ", "gyu": "ぎゅ", "gyo": "ぎょ", "bya": "びゃ", "byu": "びゅ", "byo": "びょ", "pya": "ぴゃ",
    "pyu": "ぴゅ", "pyo": "ぴょ", "shi": "し", "chi": "ち", "tsu": "つ",
    "ja": "じゃ", "ju": "じゅ", "jo": "じょ", "ji": "じ",
    "ka": "か", "ki": "き", "ku": "く", "ke": "け", "ko": "こ", "sa": "さ", "su": "す", "se": "せ", "so": "そ",
    "ta": "た", "te": "て", "to": "と", "na": "な", "ni": "に", "nu": "ぬ", "ne": "ね", "no": "の",
    "ha": "は", "hi": "ひ", "fu": "ふ", "he": "へ", "ho": "ほ", "ma": "ま", "mi": "み", "mu": "む", "me": "め",
    "mo": "も", "ya": "や", "yu": "ゆ", "yo": "よ", "ra": "ら", "ri": "り", "ru": "る", "re": "れ", "ro": "ろ",
    "wa": "わ", "wo": "を", "ga": "が", "gi": "ぎ", "gu": "ぐ", "ge": "げ", "go": "ご", "za": "ざ", "zu": "ず",
    "ze": "ぜ", "zo": "ぞ", "da": "だ", "de": "で", "do": "ど", "ba": "ば", "bi": "び", "bu": "ぶ", "be": "べ",
    "bo": "ぼ", "pa": "ぱ", "pi": "ぴ", "pu": "ぷ", "pe": "ぺ", "po": "ぽ",
    "a": "あ", "i": "い", "u": "う", "e": "え", "o": "お",
}  # fmt: skip

#: A capitalised Latin word in a name's slot: before an honorific or a particle, or after a
#: relation word ("長男Kenta", "うちのRiku").
ROMAJI_IN_JAPANESE = re.compile(
    r"(?:(?<=[長次三][男女])|(?<=末っ子)|(?<=娘|孫)|(?<=息子)|(?<=[のと・、\s。！!]))?"
    r"(?<![A-Za-z])(?P<name>[A-Z][a-z]{1,11})(?![A-Za-z])"
    r"(?P<after>\s?(?:ちゃん|くん|君)|(?=\s?(?:と|の|が|は|も|、|,|を|に|[（(]|[0-9０-９]{1,2}\s*(?:歳|才|さい))))"
)


def to_hiragana(word: str) -> str | None:
    """The hiragana of a romaji word, or None where it is no Japanese reading ("Happy", "Costco")."""
    word = (
        word.lower()
        .replace("ā", "aa")
        .replace("ī", "ii")
        .replace("ū", "uu")
        .replace("ē", "ee")
        .replace("ō", "ou")
    )
    out, i = "", 0
    while i < len(word):
        if i + 1 < len(word) and word[i] == word[i + 1] and word[i] not in "aeioun":
            out, i = out + "っ", i + 1  # "Kotta": a doubled consonant
            continue
        for size in (3, 2, 1):
            kana = _SYLLABLES.get(word[i : i + size])
            if kana:
                out, i = out + kana, i + size
                break
        else:
            if word[i] == "n":  # "Ren", "Kenta": the syllabic n
                out, i = out + "ん", i + 1
                continue
            return None
    return out


def readings(word: str) -> list[str]:
    """The hiragana readings of a romaji name, with the long vowels romaji drops ("Yuto" -> ゆうと)."""
    base = to_hiragana(word)
    if base is None:
        return []
    spots = [
        i + 1
        for i, ch in enumerate(base)
        if ch in "おこそとのほもよろごぞどぼぽょうくすつぬふむゆるぐずぶぷゅ"
    ]
    out = [base]
    for n in (1, 2):
        for combo in itertools.combinations(spots, n):
            kana = base
            for pos in reversed(combo):
                vowel = "う"
                kana = kana[:pos] + vowel + kana[pos:]
            out.append(kana)
    return out


def romaji_names(text: str, is_name: Callable[[str], bool]) -> list[tuple[str, int, int]]:
    """(name, start, end) of the romaji names in a Japanese text."""
    out: list[tuple[str, int, int]] = []
    for m in ROMAJI_IN_JAPANESE.finditer(text):
        name = m.group("name")
        honorific = bool(m.group("after"))
        if honorific or any(is_name(kana) for kana in readings(name)):
            out.append((name, m.start("name"), m.end("name")))
    return out
