"""The words and dates of a fact's sentence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..localtime import LocalTime

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Pron:
    """The words a sentence about one child needs."""

    subj: str  # "she", "he", "they", "your child"
    poss: str  # "her", "his", "their", "your child's"
    plural_verb: bool

    @classmethod
    def of(cls, word: str | None) -> Pron:
        if word == "she":
            return cls("she", "her", False)
        if word == "he":
            return cls("he", "his", False)
        if word == "child":
            return cls("your child", "your child's", False)
        return cls("they", "their", True)

    def verb(self, singular: str, plural: str) -> str:
        return plural if self.plural_verb else singular

    @staticmethod
    def cap(text: str) -> str:
        return text[:1].upper() + text[1:]


def fmt_date(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def fmt_day(d: date) -> str:
    return f"{d.day} {d.strftime('%B')}"


def safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February in a year without one
        return date(year, month, 28)


def zones_used(post_ids: Iterable[str], times: dict[str, LocalTime]) -> str:
    """'local time from ... (Europe/London)', or several of them, for a fact's detail."""
    used = Counter(times[pid].explanation for pid in post_ids if pid in times)
    if len(used) == 1:
        return next(iter(used))
    return "local time (" + "; ".join(f"{n} posts: {why}" for why, n in used.most_common()) + ")"
