from __future__ import annotations

from datetime import UTC, datetime

import pytest

from analyzers.tags import TagsAnalyzer, find_hashtags, find_mentions, risky_hashtags
from footprint_audit.context import PostContext, RunContext
from footprint_audit.models import Comment, Finding, Media, Post


def _analyze(post: Post) -> list[Finding]:
    return TagsAnalyzer().analyze(post, PostContext(post, RunContext()))


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Zwemles! #zwemles #Zomer2024", ["zwemles", "Zomer2024"]),
        ("毎日の#子育て と #育児", ["子育て", "育児"]),
        ("#नमस्ते दोस्त", ["नमस्ते"]),  # Devanagari vowel signs are combining marks
        ("#café#crème", ["café", "crème"]),
        ("#abc#def but x#no", ["abc", "def"]),
        ("page.html#section and #1 and #2024", []),  # URL fragments and bare numbers are not tags
        ("fullwidth ＃ハーフ", ["ハーフ"]),
    ],
)
def test_find_hashtags_is_unicode_aware(text: str, tags: list[str]) -> None:
    found = find_hashtags(text)
    assert [t for t, _, _ in found] == tags
    for tag, start, end in found:
        assert text[start + 1 : end] == tag


def test_find_mentions_skips_email_addresses() -> None:
    text = "With @aunt.sara, @dad_tom. Mail me at jane@example.org"
    assert [m for m, _, _ in find_mentions(text)] == ["aunt.sara", "dad_tom"]


def test_risky_list_is_data_with_reasons() -> None:
    risky = risky_hashtags()
    assert len(risky) >= 30
    for tag in ("hafu", "bathtime", "beachbaby", "firstdayofschool"):
        assert risky[tag].severity in ("medium", "high") and risky[tag].reason
    assert risky["bathtime"].severity == "high"


def test_risky_hashtags_one_by_one_ordinary_ones_together() -> None:
    post = Post(
        id="p1",
        source="t",
        caption="Bath time fun #BathTime #sunday #family #子育て #firstdayofschool #family",
    )
    findings = [f for f in _analyze(post) if f.category == "hashtag"]
    assert [(f.severity, f.value.tags, f.value.risky) for f in findings] == [
        ("high", ("BathTime",), True),
        ("medium", ("firstdayofschool",), True),
        ("low", ("sunday", "family", "子育て"), False),
    ]
    assert findings[0].summary.startswith(
        "The hashtag #BathTime is risky: bath-time photos show a child undressed"
    )
    assert findings[0].evidence["spans"] == [
        {"field": "caption", "start": 14, "end": 23, "text": "#BathTime"}
    ]
    assert findings[2].value.to_json() == {"tags": ["sunday", "family", "子育て"], "risky": False}
    assert (
        findings[2].summary
        == "The hashtags #sunday, #family, #子育て make this post easy for strangers to find."
    )


def test_tagged_users_and_mentions_are_one_finding() -> None:
    post = Post(
        id="p1",
        source="t",
        author="mia_mum",
        caption="Park with @Grandma_Jo and @mia_mum",
        tagged_users=("dad_tom", "grandma_jo"),
        media=(Media(path="x.jpg", alt_text="Photo with @cousin_ben"),),
        comments=(
            Comment(
                author="friend", text="cute! @neighbour_liz look", created_at=datetime(2024, 1, 1, tzinfo=UTC)
            ),
        ),
    )
    [f] = [f for f in _analyze(post) if f.category == "tagged_user"]
    assert f.severity == "medium"
    assert f.value.to_json() == {
        "accounts": ["dad_tom", "grandma_jo", "cousin_ben", "neighbour_liz"],
        "tagged": ["dad_tom", "grandma_jo"],
        "mentioned": ["cousin_ben", "neighbour_liz"],
    }
    assert f.summary == (
        "This post tags @dad_tom and @grandma_jo in the photo and mentions @cousin_ben and @neighbour_liz, "
        "so anyone can see which 4 accounts are linked to it and to your child."
    )
    fields = [s["field"] for s in f.evidence["mentions"]]
    assert fields == ["caption", "alt:0", "comment:0"]


def test_mentions_only_in_comments_are_low() -> None:
    post = Post(id="p1", source="t", comments=(Comment(author="a", text="@b see this"),))
    [f] = _analyze(post)
    assert f.severity == "low" and f.value.accounts == ("b",)
    assert "which account is linked" in f.summary


def test_authors_own_hashtag_comment_counts_strangers_do_not() -> None:
    post = Post(
        id="p1",
        source="t",
        author="mia_mum",
        comments=(
            Comment(author="mia_mum", text="#beachbaby #summer"),
            Comment(author="x", text="#nakedbaby"),
        ),
    )
    tags = [(f.value.tags, f.value.risky) for f in _analyze(post) if f.category == "hashtag"]
    assert tags == [(("beachbaby",), True), (("summer",), False)]


def test_nothing_to_say() -> None:
    assert _analyze(Post(id="p", source="t", caption="A quiet day.")) == []


@pytest.mark.parametrize(
    ("tag", "severity"),
    [
        ("ハーフ", "medium"),
        ("ﾊｰﾌ", "medium"),  # half-width katakana, folded by NFKC
        ("ハーフキッズ", "medium"),
        ("ハーフモデル", "high"),
        ("キッズモデル", "high"),
        ("お風呂", "high"),
        ("水着", "high"),
        ("入学式", "medium"),
        ("運動会", "medium"),
        ("保育園児", "medium"),
        ("3歳", "medium"),
        ("３歳児", "medium"),  # full-width digit
        ("三歳", "medium"),
        ("1歳3ヶ月", "medium"),
        ("女の子ママ", "medium"),
        ("peuter", "medium"),
        ("Kleuter", "medium"),
        ("badtijd", "high"),
        ("eersteschooldag", "medium"),
        ("basisschool", "medium"),
        ("zoon5jaar", "medium"),
        ("dochtertje3", "medium"),
        ("groep2", "medium"),
        ("kinderfeestje", "medium"),
    ],
)
def test_japanese_and_dutch_risky_tags(tag: str, severity: str) -> None:
    post = Post(id="p", source="t", caption=f"今日 #{tag} #sunday")
    risky = [f for f in _analyze(post) if f.category == "hashtag" and f.value.risky]
    assert [(f.value.tags, f.severity) for f in risky] == [((tag,), severity)]
    assert risky[0].value.reason


@pytest.mark.parametrize(
    "tag",
    # a half marathon, a half-up hairstyle, a parent's own age, an adult's 50th, plain parenting
    ["ハーフマラソン", "ハーフアップ", "30歳", "50jarige", "子育て", "zomer", "groep9"],
)
def test_lookalike_tags_are_ordinary(tag: str) -> None:
    post = Post(id="p", source="t", caption=f"#{tag}")
    assert [f.value.risky for f in _analyze(post) if f.category == "hashtag"] == [False]


def test_every_risky_entry_has_a_reason_and_patterns_compile() -> None:
    from analyzers.tags import risky_patterns

    patterns = risky_patterns()
    assert len(patterns) >= 5
    for pattern, entry in patterns:
        assert pattern.pattern and entry.reason and entry.severity in ("medium", "high")
