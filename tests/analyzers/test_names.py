from __future__ import annotations

from analyzers.names import NamesAnalyzer, pronoun
from tests.analyzers.textkit import run_captions


def _values(findings, category):
    return [f.value.text for f in findings if f.category == category]


def test_child_linked_by_relation_age_and_birthday() -> None:
    out = run_captions(
        NamesAnalyzer(),
        "my daughter Mia is the best",
        "Hana (4) on her new bike",
        "Leo turned three!!",
        "happy birthday evie 💜",
        "#emmasfirstday",
    )
    assert [_values(f, "child_name") for f in out] == [["Mia"], ["Hana"], ["Leo"], ["Evie"], ["Emma"]]
    assert out[0][0].evidence["pronoun"] == "she"
    assert out[0][0].child == "Mia"
    # the hashtag is the evidence, exactly as posted
    assert out[4][0].evidence == {
        "field": "caption",
        "start": 0,
        "end": 14,
        "text": "#emmasfirstday",
        "why": "named with a school or activity",
    }


def test_full_name_is_high_severity() -> None:
    (found,) = run_captions(NamesAnalyzer(), "our son Harry Thompson got star of the week")
    (f,) = [f for f in found if f.category == "child_name"]
    assert f.value.text == "Harry Thompson" and f.severity == "high"
    assert "full name" in f.summary


def test_adults_are_person_names_not_children() -> None:
    (found,) = run_captions(NamesAnalyzer(), "dinner with Sarah and Tom tonight, lovely to catch up")
    assert _values(found, "child_name") == []
    assert sorted(_values(found, "person_name")) == ["Sarah", "Tom"]
    (mum,) = run_captions(NamesAnalyzer(), "happy birthday to my mum, love you x")
    assert mum == []


def test_a_known_child_is_found_in_every_post() -> None:
    out = run_captions(NamesAnalyzer(), "Mia turns 5 today", "park with mia", children=["Ava"])
    assert _values(out[1], "child_name") == ["Mia"]  # learnt from the other post of the account
    (ava,) = run_captions(NamesAnalyzer(), "ice cream with ava", children=["Ava"])
    assert _values(ava, "child_name") == ["Ava"]


def test_pronoun() -> None:
    assert pronoun("our son and his bike") == "he"
    assert pronoun("a lovely day") is None


def test_a_place_after_a_compass_word_is_not_a_child() -> None:
    """Seen in the demo's profile bio: "Mum to Mia | North London" named a child "London"."""
    from analyzers.names import NamesAnalyzer
    from tests.analyzers.textkit import run_captions

    found = run_captions(
        NamesAnalyzer(),
        "Sophie Baker\nMum to Mia 🌈 | North London | coffee & chaos",
        "Mia turns 6 today!",
    )
    names = {f.value.text for post in found for f in post if f.category == "child_name"}  # type: ignore[union-attr]
    assert "Mia" in names and "London" not in names


def test_the_name_table_is_the_permissive_one() -> None:
    from footprint_audit import lexicon

    names = lexicon.given_names()
    # census (names), Faker en_GB/en_NZ and Faker nl_NL each contribute
    assert {"james", "isla", "sanne", "daan"} <= names
    assert len(names) > 5000


def test_a_season_that_is_a_name_needs_a_person_after_it() -> None:
    out = run_captions(
        NamesAnalyzer(),
        "Summer had her first ballet lesson today 🩰",
        "Summer is here ☀️ bring it on",
    )
    assert [_values(f, "child_name") for f in out] == [["Summer"], []]


def test_a_town_after_at_is_a_place_not_a_child() -> None:
    out = run_captions(NamesAnalyzer(), "Swimming at York every Saturday morning", "Tea at Phoebe's tonight")
    assert _values(out[0], "child_name") == []
    assert _values(out[1], "child_name") == ["Phoebe"]


def test_names_in_routine_posts() -> None:
    out = run_captions(
        NamesAnalyzer(),
        "Doordeweeks om 8 uur de deur uit, Daan vindt het prima",  # "uit," does not make Daan a place
        "Tennis on Mondays and Fridays, Nancy never misses it",  # a town's name, used as a person's
        "Weekend in Nancy with the girls",
        "毎朝陽翔くんと保育園へ",  # the time word glued to the kanji name is not part of it
        "毎朝凛くんと保育園へ",
        "朝陽くんと公園",  # a name that starts like a time word keeps its first kanji
    )
    got = [_values(f, "child_name") for f in out]
    assert got == [["Daan"], ["Nancy"], [], ["陽翔"], ["凛"], ["朝陽"]]
