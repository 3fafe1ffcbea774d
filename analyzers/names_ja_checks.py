"""More words the Japanese name readers must not take for a child's name (analyzers/names_ja.py): a kana run
cut before と in an adverb ("ずっと"), a word ending in も read as "name + also" ("さつまいも"), one kanji that
is part of a grown-up's word ("伯母として") or a time word after siblings ("兄弟の朝は")."""

from __future__ import annotations

import re

from analyzers.names_ja_words import given_names, is_kanji
from footprint_audit import lexicon_ja

#: Everyday words ending in も, which a reader of "Xも" (X also) would cut: "さつまいもスティック", "なんでもない".
_WORDS_ENDING_IN_MO = frozenset(
    """
    さつまいも じゃがいも さといも ながいも やまいも いも くも もも すもも こども ともども いつも なにも どれも
    だれも どこも なんでも なんにも いずれも どうも とても しかも もしも けれども それでも いまでも まだまだも
    """.split()
)
#: One kanji of a time of day or year after a word for siblings: "三兄弟の朝は", "姉妹の夏休み".
_TIME_KANJI = frozenset("朝昼夜晩夕春夏秋冬日週月年時間前後方")
_SIBLING_READERS = (lexicon_ja.JA_RELATION_MORE, lexicon_ja.JA_SIBLING_NAMED)


#: Creatures, characters and roles said with ちゃん or くん in a child's world: "おばけちゃんの絵本", "きょうりゅうくん".
_CHARACTER_WORDS = frozenset(
    """
    おばけ ひめ おひめ てんし ようせい こびと おに かいじゅう きょうりゅう ぱんだ ひよこ こぶた ぶた ねずみ りす
    きつね たぬき かえる カエル ペンギン ぺんぎん いるか イルカ くじら おさる さる ひつじ やぎ らいおん ライオン
    ぞう ぞうさん きりん キリン ごりら ゴリラ わに ワニ へび ヘビ かめ カメ とり ロボット ろぼっと にんじゃ
    """.split()
)


def not_a_name(text: str, pattern: re.Pattern[str], name: str, start: int) -> bool:
    """Is the name a pattern read part of an everyday word?"""
    end = start + len(name)
    if name in _CHARACTER_WORDS:
        return True
    if name in ("小", "中", "高") and re.match(r"[0-9０-９一二三四五六]", text[end : end + 1]):
        return True  # "長女(小2)": a school year in brackets, no name
    if re.fullmatch(r"[ぁ-ゖ]+っ", name) and text.startswith("と", end):
        return True  # "ずっと一緒に", "やっと": an adverb cut before と (not "いっちゃん", a nickname)
    if text.startswith("も", end) and name + "も" in _WORDS_ENDING_IN_MO:
        return True
    if (
        pattern is lexicon_ja.JA_SELF_PARENT
        and len(name) == 1
        and is_kanji(name)
        and name not in given_names()
    ):
        return True  # "伯母として", "祖父です": one kanji before 母/父 is a grown-up's word
    if pattern in _SIBLING_READERS and name in _TIME_KANJI:
        return True
    if pattern is lexicon_ja.JA_KIN_CHILD and (
        name in lexicon_ja.JA_YEAR_NOT_NAMES or (is_kanji(name[0]) and name not in given_names())
    ):
        return True  # "姪っ子の七五三", "甥のとき": a relative's child's day, not a name
    if pattern is lexicon_ja.JA_DIARY_NAME and given_names().get(name) is not False:
        return True  # "今日のはな": after a time word only a listed name that is no everyday word
    # "うちのももかの名前": after "ours", a name before の must be listed ("うちのリビングの" is a room)
    return pattern is lexicon_ja.JA_OURS and text.startswith("の", end) and name not in given_names()


def okurigana(text: str, start: int, glued_word_before: bool) -> bool:
    """A listed kana name right after a kanji is the end of a word ("取りながら", "今さら"), unless the kanji are
    a time or relation word the name is glued to ("長女りな")."""
    return start > 0 and is_kanji(text[start - 1]) and not glued_word_before and text[start - 1] not in "々"


def without_readings(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A name's reading in brackets ("要(かなめ)") is the same child, not a second one."""
    readings = {(e + 1, e + 1 + len(m.group(0)) - 2) for _, _, e in found if (m := _READING.match(text, e))}
    return [f for f in found if (f[1], f[2]) not in readings]


_READING = re.compile(r"[（(][ぁ-ゖ]{2,6}[)）]")


def dropped_particle(text: str, name: str, end: int, listed: dict[str, bool]) -> bool:
    """A listed kanji name of two kanji or more, no everyday word, right before hiragana: casual captions drop
    the particle ("颯太ずぶ濡れ", "結衣ごきげん"); such a name is rarely part of a longer word."""
    return (
        len(name) >= 2
        and is_kanji(name[0])
        and listed.get(name) is False
        and bool(re.match(r"[ぁ-ゖ]", text[end : end + 1]))
    )


def after_particle(text: str, s: int) -> bool:
    """A kana name right after a particle that follows a kanji word or a number: "6時にこうたと",
    "今日はこはるの", "朝からかんたが"."""
    if s >= 2 and text[s - 1] in "はにでともをへが" and re.match(r"[一-龯々0-9０-９]", text[s - 2]):
        return True
    return (
        s >= 3
        and text[s - 2 : s] in ("から", "まで", "より")
        and bool(re.match(r"[一-龯々0-9０-９]", text[s - 3]))
    )
