"""Whose a child named in Japanese text is: the poster's, or another family's.

analyzers/names_ja.py finds the names; the words around each name decide here (a friend's son,
"…ちゃんのママ", "うちの…"), and children named together share what is said of one of them.
The phrasings are in footprint_audit/lexicon.py and footprint_audit/lexicon_ja.py.
"""

from __future__ import annotations

import re

from footprint_audit import lexicon, lexicon_ja

_COMMA_JOIN = re.compile(r"(?:ちゃん|くん|君)\s*[、,]\s*")
_AGE_CLASS_BEFORE = re.compile(r"(?:[0-9０-９]\s*歳児|年少|年中|年長)(?:クラス|組)の$")
_ANY_COMMA_JOIN = re.compile(r"(?:ちゃん|くん|君)?\s*[、,]\s*")
_OURS_BEFORE = re.compile(r"(?:うちの|ウチの|我が家の|わが家の)$")
_SIBLING_OF = re.compile(
    r"(?:ちゃん|くん|君)?の(?:弟|妹|兄|姉|お兄ちゃん|お姉ちゃん|おにいちゃん|おねえちゃん|赤ちゃん|双子の[^\s、。]{1,3})"
    r"(?:くん|ちゃん)?(?:の|、|,)?\s*"
)
_HONORIFIC_AFTER = re.compile(r"^(?:ちゃん|くん|君)")


def japanese_owners(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int, bool]]:
    """Whose each name is. A cue before the name decides (another family's, then the poster's:
    "友達の息子の翔太" is another's); else a cue after it ("あかりちゃんのママ"). Names joined by と
    or ・ share the cue of the first ("いとこのりおちゃんとあかねちゃん"); two children with
    honorifics share the second's ("ゆうきくんとじゅんくんが遊びに来た")."""
    found = sorted(found, key=lambda f: f[1])
    cues: list[str | None] = []
    other: list[bool] = []
    # "ひまりちゃんとあおいちゃんと、うちの紬で": a child set apart as "ours" makes the others with an
    # honorific someone else's, as does a child thanked for playing with ours
    ours = any(_OURS_BEFORE.search(text[max(0, s - 5) : s]) for _, s, _ in found)
    thanked = ours or bool(
        lexicon_ja.JA_THANKED_FRIEND.search(text) or lexicon_ja.JA_CARER_VOICE.search(text)
    )
    friends = bool(lexicon_ja.JA_FRIENDS_WORD.search(text))
    for _name, s, e in found:
        before = text[max(0, s - 8) : s]
        if _AGE_CLASS_BEFORE.search(before):
            cues.append(None)  # "2歳児クラスのゆうひ": the child's own class, no classmate's
            other.append(False)
        elif lexicon.JA_OTHER_BEFORE.search(before) or lexicon_ja.JA_OTHER_BEFORE_LONG.search(
            text[max(0, s - 16) : s]
        ):
            cues.append("other")
            other.append(True)
        elif lexicon_ja.JA_OWN_BEFORE.search(before) or lexicon_ja.JA_SELF_PARENT_AFTER.match(text[e:]):
            cues.append("own")
            other.append(False)
        else:
            cues.append(None)
            after = text[e:]
            other.append(
                bool(
                    lexicon.JA_OTHER_AFTER.match(after)
                    or lexicon_ja.JA_OTHER_AFTER_MORE.match(after)
                    or lexicon_ja.JA_GIFT_FROM.match(after)
                    or lexicon_ja.JA_VISITOR_AFTER.match(after)
                    or (friends and lexicon_ja.JA_THANKED_AFTER.match(after))
                    or (
                        _HONORIFIC_AFTER.match(after)
                        and (thanked or lexicon_ja.JA_OWN_CHILD_AND.search(text[max(0, s - 8) : s]))
                    )
                )
            )
    honored = [bool(_HONORIFIC_AFTER.match(text[e:])) for _, _, e in found]
    for i in range(len(found) - 1):  # the first name's cue carries along a list
        (_, _, a_end), (_, b_start, _) = found[i], found[i + 1]
        between = text[a_end:b_start]
        if (
            cues[i]
            and cues[i + 1] is None
            # "いとこのはるとくんと大地": a bare name after a friend with an honorific is no friend;
            # "うちの凪とあやねちゃん": nor is a child with one after ours
            and honored[i] == honored[i + 1]
            and (
                lexicon_ja.JA_JOIN.fullmatch(between)
                or (honored[i] and cues[i] == "other" and _COMMA_JOIN.fullmatch(between))
            )
        ):
            cues[i + 1], other[i + 1] = cues[i], other[i]
        elif other[i] and cues[i + 1] != "own" and _SIBLING_OF.fullmatch(text[a_end:b_start]):
            other[i + 1] = True  # "ゆいちゃんの弟のそうたくん": another family's child's brother
    for i in range(len(found) - 2, -1, -1):  # two children with honorifics come as one party
        (_, _, a_end), (_, b_start, b_end) = found[i], found[i + 1]
        if (
            cues[i] is None
            and other[i + 1]
            and _HONORIFIC_AFTER.match(text[a_end:])
            and _HONORIFIC_AFTER.match(text[b_end:])
            and (
                lexicon_ja.JA_JOIN.fullmatch(text[a_end:b_start])
                or _COMMA_JOIN.fullmatch(text[a_end:b_start])
            )
        ):
            other[i] = True
    if lexicon_ja.JA_PEERS_WORD.search(text):
        # "ひなたとりこちゃん", "つむぎ、ことちゃんと同じクラス": where a child named bare and one with an
        # honorific are joined among friends, classmates or cousins, the bare name is the poster's and
        # the honorific marks another family's child
        for i in range(len(found) - 1):
            (_, _, a_end), (_, b_start, _) = found[i], found[i + 1]
            between = text[a_end:b_start]
            if honored[i] == honored[i + 1] or not (
                lexicon_ja.JA_JOIN.fullmatch(between) or _ANY_COMMA_JOIN.fullmatch(between)
            ):
                continue
            bare, honor = (i, i + 1) if honored[i + 1] else (i + 1, i)
            if cues[honor] is None and cues[bare] != "other" and not other[bare]:
                other[honor] = True
    return [(n, s, e, o) for (n, s, e), o in zip(found, other, strict=True)]
