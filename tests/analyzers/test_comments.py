from __future__ import annotations

import pytest

from analyzers.comments import REGULAR_POSTS, CommentsAnalyzer, classify_comment, count_commenters
from footprint_audit.context import PostContext, RunContext
from footprint_audit.models import Comment, Finding, Post
from footprint_audit.pipeline import analyze


def _post(pid: str, *comments: tuple[str, str], **kw: object) -> Post:
    kw.setdefault("author", "mum_of_two")
    return Post(
        id=pid,
        source="test",
        comments=tuple(Comment(author=a, text=t) for a, t in comments),
        **kw,  # type: ignore[arg-type]
    )


def _one(post: Post, run: RunContext | None = None) -> list[Finding]:
    run = run or RunContext()
    return CommentsAnalyzer().analyze(post, PostContext(post, run))


# (comment text, expected ask kind or None, expected severity from a stranger or None)
TABLE = [
    ("where is this?? 😍", "location", "high"),
    ("Where's this park?", "location", "high"),
    ("so cute where", "location", "high"),
    ("what park is that", "location", "high"),
    ("Which beach is this?", "location", "high"),
    ("where do you live hun", "location", "high"),
    ("what time are you there usually", "location", "high"),
    ("waar is dit?", "location", "high"),
    ("お子さん可愛い！どこの公園ですか", "location", "high"),
    ("dm me", "contact", "high"),
    ("cute! check your DMs", "contact", "high"),
    ("add me on snapchat", "contact", "high"),
    ("send more pics", "more_pictures", "high"),
    ("more photos of her please", "more_pictures", "high"),
    ("stuur me meer foto's", "more_pictures", "high"),
    ("free followers at www.example-boost.com", "link", "high"),
    ("look https://bit.ly/abc", "link", "high"),
    ("which school does she go to?", "school", "medium"),
    ("what year is he in now", "school", "medium"),
    ("welke school is dit", "school", "medium"),
    ("how old is she?", "age", "medium"),
    ("hoe oud is ze nu?", "age", "medium"),
    ("何歳ですか？", "age", "medium"),
    ("Gorgeous 😍", None, "low"),
    ("Happy birthday little one!", None, "low"),
    ("lovely family", None, "low"),
]


@pytest.mark.parametrize(("text", "kind", "severity"), TABLE)
def test_comment_from_stranger(text: str, kind: str | None, severity: str) -> None:
    hit = classify_comment(text)
    assert (hit[0].kind if hit else None) == kind
    (f,) = _one(_post("p1", ("stranger_42", text)))
    assert (f.category, f.severity, f.value.ask) == ("comment_risk", severity, kind or "unknown_commenter")
    assert "@stranger_42" in f.summary
    assert f.evidence["field"] == "comment:0" and f.evidence["author"] == "stranger_42"
    if kind:
        assert text[f.evidence["start"] : f.evidence["end"]] != ""


def test_summary_wording() -> None:
    (f,) = _one(_post("p1", ("nosy.neighbour", "where is this?")))
    assert f.summary == (
        "A comment by @nosy.neighbour (an account not seen elsewhere on your posts) asks where the child is: "
        "“where is this?”."
    )


def test_tagged_and_mentioned_users_are_known() -> None:
    post = _post(
        "p1",
        ("grandma_jo", "how old is she now?"),
        ("uncle.rob", "lovely"),
        tagged_users=("grandma_jo",),
        caption="Day out with @Uncle.Rob",
    )
    findings = _one(post)
    # Grandma's age question is one level lower; uncle's plain comment is nothing.
    assert [(f.evidence["author"], f.severity) for f in findings] == [("grandma_jo", "low")]


def test_own_replies_are_ignored() -> None:
    assert _one(_post("p1", ("mum_of_two", "thanks! where is this? the park by us"))) == []


def test_regular_commenters_across_posts_are_known() -> None:
    posts = [_post(f"p{i}", ("auntie_sue", "so sweet"), ("rando", "nice")) for i in range(REGULAR_POSTS)]
    posts.append(_post("last", ("auntie_sue", "where is this?"), ("rando", "where is this?")))
    counts = count_commenters(posts)
    assert counts[("mum_of_two", "auntie_sue")] == REGULAR_POSTS + 1
    findings = analyze(posts, [CommentsAnalyzer()], RunContext())
    last = {f.evidence["author"]: f.severity for f in findings if f.post_id == "last"}
    # Both commented on every post, so both are regulars: one level lower than a stranger.
    assert last == {"auntie_sue": "medium", "rando": "medium"}
    # Regulars' plain comments produce nothing.
    assert [f for f in findings if f.post_id != "last"] == []


def test_occasional_commenter_stays_a_stranger() -> None:
    posts = [_post("a", ("passer_by", "nice")), _post("b", ("passer_by", "dm me"))]
    findings = analyze(posts, [CommentsAnalyzer()], RunContext())
    assert [(f.post_id, f.severity, f.value.ask) for f in findings] == [
        ("a", "low", "unknown_commenter"),
        ("b", "high", "contact"),
    ]


def test_one_low_finding_per_stranger_per_post() -> None:
    findings = _one(_post("p1", ("fan1", "cute"), ("fan1", "so cute"), ("fan2", "aww")))
    assert [f.evidence["author"] for f in findings] == ["fan1", "fan2"]


def test_no_comments_no_findings() -> None:
    assert _one(_post("p1")) == []
