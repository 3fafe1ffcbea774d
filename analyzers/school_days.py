"""School days and school words, for the uniform analyzer: when a child is on the way to or
from school (weekday drop-off and pick-up, in term time), and the words in a post that say it
is about school clothes or a school day."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, time
from typing import Any

#: School hours, local time: the morning drop-off and the afternoon pick-up.
SCHOOL_HOURS = ((time(7, 0), time(9, 30)), (time(14, 45), time(16, 30)))
#: School holidays every school year shares in the countries of the seeds (UK, Netherlands,
#: Japan; northern hemisphere): the heart of the summer break (the UK's starts about 22 July,
#: the Dutch regions' between early and late July, Japan's about 20 July; all end about 1
#: September) and Christmas to New Year. A date in them is not a school day; half terms and
#: spring breaks differ by region and are not guessed.
HOLIDAYS: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = (
    ((7, 25), (8, 31)),
    ((12, 24), (12, 31)),
    ((1, 1), (1, 2)),
)


def in_holidays(when: datetime) -> bool:
    """Is this date inside :data:`HOLIDAYS`?"""
    day = (when.month, when.day)
    return any(start <= day <= end for start, end in HOLIDAYS)


# Words that say the photo is about school clothes or a school day.
_CUE_RE = re.compile(
    r"\b(?:new\s+uniform|school\s+uniform|uniform\s+(?:shopping|fitting)|(?:her|his|their)\s+uniform|"
    r"school\s+shoes|school\s+jumper|book\s*bag|first\s+day\s+(?:of|at)\s+school|"
    r"first\s+day\s+of\s+(?:reception|nursery|year\s+\d+)|back\s+to\s+school|schooluniform|"
    r"eerste\s+schooldag|schooltas|einschulung|schult[üu]te|rentr[ée]e\s+scolaire|uniforme\s+scolaire)\b|"
    r"#(?:firstdayofschool|backtoschool|schooluniform|firstday|eersteschooldag|schoolrun|einschulung)\b",
    re.IGNORECASE,
)
_CJK_CUES = ("制服", "入学式", "ランドセル", "始業式")


def caption_cues(texts: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
    """Uniform and school-day cues in the post's own words (caption and photo descriptions)."""
    found: list[dict[str, Any]] = []
    for field_name, text in texts:
        if not (field_name == "caption" or field_name.startswith("alt:")):
            continue
        for m in _CUE_RE.finditer(text):
            found.append({"field": field_name, "start": m.start(), "end": m.end(), "text": m.group(0)})
        for word in _CJK_CUES:
            start = text.find(word)
            if start >= 0:
                found.append({"field": field_name, "start": start, "end": start + len(word), "text": word})
    return found


def is_school_time(when: datetime | None) -> bool:
    """A weekday drop-off or pick-up time, in term time (outside :data:`HOLIDAYS`)."""
    if when is None or when.weekday() >= 5 or in_holidays(when):
        return False
    t = when.time()
    return any(start <= t <= end for start, end in SCHOOL_HOURS)


def is_off_school(when: datetime | None) -> bool:
    """A day with no school: a weekend or a school holiday."""
    return when is not None and (when.weekday() >= 5 or in_holidays(when))
