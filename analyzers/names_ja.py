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
    ):
        for m in pattern.finditer(text):
            name, start = m.group("name"), m.start("name")
            lead = lexicon.JA_LEADING_PARTICLE.match(name)
            if lead and pattern is lexicon.JA_HONORIFIC and start > 0 and not _ja_boundary(text[start - 1]):
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
            other = bool(
                lexicon.JA_OTHER_BEFORE.search(text[max(0, start - 8) : start])
                or lexicon.JA_OTHER_AFTER.match(text[end:])
            )
            out.append((name, start, end, other))
    return out


def _ja_boundary(ch: str) -> bool:
    return not re.match(r"[ぁ-ゖァ-ヺー一-龯々]", ch)
