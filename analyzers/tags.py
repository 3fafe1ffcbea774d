"""Who else a post exposes (tagged accounts, @mentions) and what its hashtags give away.

Risky hashtags are data, not code: ``analyzers/data/risky_hashtags.txt``, one per line with a
severity and a reason a parent understands; ``re:`` lines are patterns for tag families ("#3歳",
"#zoon5jaar"). Tags are compared after NFKC and case folding, so full-width and half-width
katakana ("#ﾊｰﾌ") and full-width digits ("#３歳") match the list.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from footprint_audit.analyzer import Analyzer
from footprint_audit.context import PostContext
from footprint_audit.findings import HashtagValue, TaggedUsersValue
from footprint_audit.models import SEVERITY_RANK, Finding, Post, Severity

# Instagram-style handles: letters, digits, "_" and single dots, at most 30 characters. The
# look-behind keeps e-mail addresses (name@host) out.
MENTION = re.compile(r"(?<![\w.@])@([A-Za-z0-9_](?:[A-Za-z0-9_]|\.(?!\.)){0,29})")
MAX_TAG_LEN = 150  # Instagram's own limit


@dataclass(frozen=True)
class RiskyTag:
    tag: str
    severity: Severity
    reason: str


def _fold(tag: str) -> str:
    return unicodedata.normalize("NFKC", tag).casefold()


def _read_list() -> tuple[dict[str, RiskyTag], list[tuple[re.Pattern[str], RiskyTag]]]:
    text = resources.files("analyzers").joinpath("data/risky_hashtags.txt").read_text(encoding="utf-8")
    exact: dict[str, RiskyTag] = {}
    patterns: list[tuple[re.Pattern[str], RiskyTag]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        tag, severity, reason = (p.strip() for p in line.rsplit("|", 2))  # patterns hold "|"
        if severity not in ("medium", "high"):
            raise ValueError(f"risky_hashtags.txt: bad severity {severity!r} for {tag!r}")
        if tag.startswith("re:"):
            patterns.append((re.compile(_fold(tag[3:])), RiskyTag(tag[3:], severity, reason)))  # type: ignore[arg-type]
        else:
            exact[_fold(tag.lstrip("#"))] = RiskyTag(tag.lstrip("#"), severity, reason)  # type: ignore[arg-type]
    return exact, patterns


@cache
def risky_hashtags() -> dict[str, RiskyTag]:
    """The built-in list of exact tags, keyed by folded tag."""
    return _read_list()[0]


@cache
def risky_patterns() -> tuple[tuple[re.Pattern[str], RiskyTag], ...]:
    """The built-in patterns for families of tags ("#3歳", "#groep2")."""
    return tuple(_read_list()[1])


def risky_tag(tag: str) -> RiskyTag | None:
    """The list's entry for a hashtag (without "#"), or None when it is an ordinary tag."""
    key = _fold(tag)
    found = risky_hashtags().get(key)
    if found is not None:
        return found
    for pattern, entry in risky_patterns():
        if pattern.fullmatch(key):
            return entry
    return None


def _tag_char(ch: str) -> bool:
    # Letters and digits of any script, "_", and combining marks (Devanagari, Thai vowel signs),
    # plus the zero-width joiners some scripts need inside a word.
    return ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M") or ch in "\u200c\u200d"


def find_hashtags(text: str) -> list[tuple[str, int, int]]:
    """(tag without '#', start, end) for each hashtag; unicode aware (#子育て, #zwemles)."""
    out: list[tuple[str, int, int]] = []
    i = 0
    n = len(text)
    last_end = -1
    while i < n:
        # "page#anchor" and "&#39;" are not tags, but CJK captions put tags right after a word
        # ("毎日の#子育て") and "#a#b" is two tags.
        prev = text[i - 1] if i else " "
        glued = prev.isascii() and (prev.isalnum() or prev in "&/_")
        if text[i] in "#＃" and (not glued or i == last_end):
            j = i + 1
            while j < n and j - i <= MAX_TAG_LEN and _tag_char(text[j]):
                j += 1
            tag = text[i + 1 : j]
            # A tag of digits only ("#1", "#2024") is not a hashtag on Instagram.
            if tag and not tag.isdigit():
                out.append((tag, i, j))
                last_end = j
            i = j
        else:
            i += 1
    return out


def find_mentions(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in MENTION.finditer(text):
        handle = m.group(1).rstrip(".")
        out.append((handle, m.start(), m.start() + 1 + len(handle)))
    return out


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class TagsAnalyzer(Analyzer):
    """``tagged_user``: accounts tagged or @mentioned; ``hashtag``: risky tags one by one, the rest together."""

    name = "tags"
    version = "1"
    categories = ("tagged_user", "hashtag")

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        return self._people(post, ctx) + self._hashtags(post, ctx)

    def _people(self, post: Post, ctx: PostContext) -> list[Finding]:
        own = (post.author or "").casefold()
        tagged = [u for u in post.tagged_users if u.casefold() != own]
        mentioned: dict[str, str] = {}
        spans: list[dict[str, object]] = []
        severity: Severity = "medium" if tagged else "low"
        for field, text in ctx.texts():
            for handle, start, end in find_mentions(text):
                key = handle.casefold()
                if key == own:
                    continue
                spans.append({"field": field, "start": start, "end": end, "text": text[start:end]})
                mentioned.setdefault(key, handle)
                # The author naming an account in the caption or photo description links that
                # person to the post; a commenter replying to a friend mostly does not.
                if not field.startswith("comment:"):
                    severity = "medium"
        tagged_keys = {u.casefold() for u in tagged}
        others = [h for k, h in mentioned.items() if k not in tagged_keys]
        accounts = tagged + others
        if not accounts:
            return []
        pieces = []
        if tagged:
            pieces.append(f"tags {_join(['@' + u for u in tagged])} in the photo")
        if others:
            pieces.append(f"mentions {_join(['@' + u for u in others])}")
        who = "account" if len(accounts) == 1 else f"{len(accounts)} accounts"
        summary = (
            f"This post {' and '.join(pieces)}, so anyone can see which {who} "
            f"{'is' if len(accounts) == 1 else 'are'} linked to it and to your child."
        )
        return [
            self.finding(
                post,
                "tagged_user",
                severity,
                0.95,
                summary,
                value=TaggedUsersValue(tuple(accounts), tuple(tagged), tuple(others)),
                evidence={"tagged_users": tagged, "mentions": spans},
            )
        ]

    def _hashtags(self, post: Post, ctx: PostContext) -> list[Finding]:
        own = (post.author or "").casefold()
        found_risky: dict[str, tuple[RiskyTag, str, list[dict[str, object]]]] = {}
        ordinary: dict[str, str] = {}
        ordinary_spans: list[dict[str, object]] = []
        for field, text in ctx.texts():
            if field.startswith("comment:"):
                # Many accounts put their hashtag block in their own first comment.
                idx = int(field.split(":", 1)[1])
                if not own or post.comments[idx].author.casefold() != own:
                    continue
            for tag, start, end in find_hashtags(text):
                key = _fold(tag)
                span = {"field": field, "start": start, "end": end, "text": text[start:end]}
                entry = risky_tag(tag)
                if entry is not None:
                    found_risky.setdefault(key, (entry, tag, []))[2].append(span)
                else:
                    ordinary.setdefault(key, tag)
                    ordinary_spans.append(span)
        out: list[Finding] = []
        for rt, written, spans in found_risky.values():
            out.append(
                self.finding(
                    post,
                    "hashtag",
                    rt.severity,
                    0.9,
                    f"The hashtag #{written} is risky: {rt.reason}.",
                    value=HashtagValue((written,), risky=True, reason=rt.reason),
                    evidence={"spans": spans, "list": "analyzers/data/risky_hashtags.txt"},
                )
            )
        if ordinary:
            tags = list(ordinary.values())
            shown = ", ".join("#" + t for t in tags[:8]) + (
                f" and {len(tags) - 8} more" if len(tags) > 8 else ""
            )
            out.append(
                self.finding(
                    post,
                    "hashtag",
                    "low",
                    0.9,
                    f"The hashtag{'s' if len(tags) > 1 else ''} {shown} make{'' if len(tags) > 1 else 's'} this post easy for strangers to find.",
                    value=HashtagValue(tuple(tags), risky=False),
                    evidence={"spans": ordinary_spans},
                )
            )
        out.sort(key=lambda f: -SEVERITY_RANK[f.severity])
        return out
