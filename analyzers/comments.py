"""Strangers' comments under the parent's posts: asking where the child is, how old, for more.

A comment is judged by what it asks and by who wrote it. Asks for a place, a time, contact
or more pictures are high; asks for age or school are medium; a comment from an account
that is otherwise never seen around this family is low. People the family clearly knows
(the post's author, tagged users, accounts mentioned in captions, regular commenters on
this account) get one level less, since "how old is she now?" from grandma is no alarm.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from footprint_audit.analyzer import Analyzer
from footprint_audit.context import PostContext, RunContext
from footprint_audit.findings import CommentRiskValue
from footprint_audit.models import Finding, Post, Severity

#: An account commenting on at least this many posts of an account is a regular, not a stranger.
#: Three: one comment can be anybody, two can be a passer-by who came back; three is a habit.
REGULAR_POSTS = 3

_MEMO_KEY = "comments:commenter-counts"


@dataclass(frozen=True)
class Ask:
    kind: str
    severity: Severity
    #: completes "A comment by X ..."
    phrase: str
    pattern: re.Pattern[str]


def _re(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.IGNORECASE)


# Order matters: the first kind that matches names the comment.
ASKS: tuple[Ask, ...] = (
    Ask(
        "link",
        "high",
        "contains a link",
        _re(
            r"https?://",
            r"\bwww\.",
            r"\b[\w-]+\.(?:com|net|org|io|me|ly|xyz|link|site|click)(?:/|\b)",
            r"\bt\.me/",
        ),
    ),
    Ask(
        "contact",
        "high",
        "asks to get in touch privately",
        _re(
            r"\b(?:dm|pm|inbox|message|text|email|e-mail|call|add|follow)\s+me\b",
            r"\bcheck\s+(?:your|ur)\s+(?:dms?|inbox)\b",
            r"\b(?:whats\s?app|telegram|snap(?:chat)?|kik|signal)\b",
            r"\bmy\s+(?:number|email|phone)\b",
            r"\bstuur\s+(?:me\s+)?(?:een\s+)?(?:bericht|dm|pb)\b",
            r"\bapp\s+me\b",
            r"\bDMして|連絡(?:して|ください)",
        ),
    ),
    Ask(
        "more_pictures",
        "high",
        "asks for more pictures",
        _re(
            r"\b(?:send|post|share|show)\s+(?:me\s+|us\s+)?(?:more|some|other|private)\b",
            r"\bmore\s+(?:pics?|pictures?|photos?|videos?)\b",
            r"\b(?:pics?|pictures?|photos?)\s+of\s+(?:her|him|them)\b",
            r"\bmeer\s+foto'?s\b",
            r"もっと.{0,4}(?:写真|画像)",
        ),
    ),
    Ask(
        "location",
        "high",
        "asks where the child is",
        _re(
            r"\bwhere\s+(?:is|was|are|'s)\s+(?:this|that|it|she|he|they)\b",
            r"\bwhere'?s\s+(?:this|that)\b",
            r"\bwhere\s+(?:do|does|did)\s+(?:you|she|he|they)\s+(?:live|go|play|swim|stay)\b",
            r"\bwhere\s+(?:abouts?|at)\b",
            r"\bwhereabouts\b",
            r"\b(?:which|what)\s+(?:park|beach|playground|pool|town|city|area|street|road|place|club|village|neighbou?rhood)\b",
            r"\bso\s+cute\s*[,!.]*\s*where\b",
            r"\bwhat'?s\s+(?:the|your)\s+(?:address|location)\b",
            r"\blocation\s*\?",
            r"\b(?:what\s+time|which\s+days?|when)\s+(?:do|does|are|is)\s+(?:you|she|he|they)\b",
            r"\bwaar\s+(?:is|was|zijn|wonen|woont)\s+(?:dit|dat|jullie|ze|hij|zij)\b",
            r"\b(?:welk|welke)\s+(?:park|strand|speeltuin|zwembad|plaats|stad|dorp)\b",
            r"どこ|住所",
        ),
    ),
    Ask(
        "school",
        "medium",
        "asks which school the child goes to",
        _re(
            r"\b(?:which|what)\s+(?:school|nursery|kindergarten|class|year|grade)\b",
            r"\bwhere\s+(?:does|do)\s+(?:she|he|they)\s+go\s+to\s+school\b",
            r"\bwelke\s+(?:school|klas|groep|crèche|creche)\b",
            r"学校|幼稚園|保育園",
        ),
    ),
    Ask(
        "age",
        "medium",
        "asks how old the child is",
        _re(
            r"\bhow\s+old\b",
            r"\bwhat\s+age\b",
            r"\bage\s*\?",
            r"\bhoe\s+oud\b",
            r"何歳|何才|いくつ",
        ),
    ),
)

_LOWER: dict[str, Severity] = {"high": "medium", "medium": "low", "low": "low"}
_MENTION_RE = re.compile(r"@([\w.]+)")


def _norm(user: str) -> str:
    return user.strip().lstrip("@").lower()


def _account(post: Post) -> str:
    return _norm(post.author) if post.author else post.source


def count_commenters(posts: Sequence[Post]) -> Counter[tuple[str, str]]:
    """How many posts of each account each commenter commented on: (account, commenter) -> posts."""
    counts: Counter[tuple[str, str]] = Counter()
    for post in posts:
        account = _account(post)
        for author in {_norm(c.author) for c in post.comments if c.author}:
            counts[(account, author)] += 1
    return counts


def classify_comment(text: str) -> tuple[Ask, re.Match[str]] | None:
    """The first ask a comment makes, with the matching span."""
    for ask in ASKS:
        m = ask.pattern.search(text)
        if m:
            return ask, m
    return None


class CommentsAnalyzer(Analyzer):
    name = "comments"
    version = "1"
    categories = ("comment_risk",)
    # Whether a commenter is a stranger depends on who comments on the other posts.
    cache_scope = "batch"

    def load(self, posts: Sequence[Post], run: RunContext) -> None:
        run.memo(_MEMO_KEY, lambda: count_commenters(posts))

    def _known(self, post: Post, run: RunContext) -> set[str]:
        """Accounts the family evidently knows, as seen from this post and the whole run."""
        # Without load (a one-photo check) only this post is known; not memoised, as it is partial.
        counts = run.memo(_MEMO_KEY, lambda: None) or count_commenters([post])
        account = _account(post)
        known = {_norm(u) for u in post.tagged_users}
        known.update(_norm(m) for m in _MENTION_RE.findall(post.caption))
        known.update(user for (acc, user), n in counts.items() if acc == account and n >= REGULAR_POSTS)
        return known

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        if not post.comments:
            return []
        known = self._known(post, ctx.run)
        me = _norm(post.author) if post.author else None
        out: list[Finding] = []
        strangers_noted: set[str] = set()
        for i, comment in enumerate(post.comments):
            author = _norm(comment.author)
            if not comment.text.strip() or (me is not None and author == me):
                continue  # the parent's own replies
            familiar = author in known
            hit = classify_comment(comment.text)
            who = f"@{comment.author.lstrip('@')}" if comment.author else "someone"
            quote = comment.text.strip()
            if len(quote) > 120:
                quote = quote[:117] + "…"
            evidence: dict[str, object] = {
                "field": f"comment:{i}",
                "author": comment.author,
                "text": comment.text,
                "known_account": familiar,
            }
            if comment.id:
                evidence["comment_id"] = comment.id
            if hit is not None:
                ask, m = hit
                severity = _LOWER[ask.severity] if familiar else ask.severity
                evidence.update({"ask": ask.kind, "start": m.start(), "end": m.end()})
                stranger = (
                    " (an account you know)" if familiar else " (an account not seen elsewhere on your posts)"
                )
                out.append(
                    self.finding(
                        post,
                        "comment_risk",
                        severity,
                        0.6 if familiar else 0.8,
                        f"A comment by {who}{stranger} {ask.phrase}: “{quote}”.",
                        value=CommentRiskValue(ask.kind),
                        evidence=evidence,
                    )
                )
            elif not familiar and author not in strangers_noted:
                strangers_noted.add(author)
                evidence["ask"] = None
                out.append(
                    self.finding(
                        post,
                        "comment_risk",
                        "low",
                        0.4,
                        f"{who}, an account not seen elsewhere on your posts, commented: “{quote}”.",
                        value=CommentRiskValue("unknown_commenter"),
                        evidence=evidence,
                    )
                )
        return out
