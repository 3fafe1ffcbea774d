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


def _reasons(found):
    return [(f.category, f.value.text, getattr(f.value.reason, "name", None)) for f in found]


def test_other_families_children_and_adults_by_phrasing() -> None:
    out = run_captions(
        NamesAnalyzer(),
        "Met up with Becky and her new baby Hugo, absolutely tiny",
        "Spent the day with my sister and her kids, Logan was too short for everything",
        "Lovely afternoon at Harriet's christening, thank you Sarah and Mark for having us",
        "Mijn man Koen is 40 geworden, proost!",
        "Fab day out with my sister's kids, Caleb and Lexi",
        "Tomos plays rugby every Saturday with the mini section. Thank you coach Gareth!",
    )
    assert _reasons(out[0]) == [
        ("person_name", "Becky", None),
        ("child_name", "Hugo", "NAMED_AS_OTHER_CHILD"),
    ]
    assert _reasons(out[1]) == [("child_name", "Logan", "NAMED_AS_OTHER_CHILD")]
    assert ("child_name", "Harriet", "NAMED_AS_OTHER_CHILD") in _reasons(out[2])
    assert [t for c, t, _ in _reasons(out[2]) if c == "child_name"] == ["Harriet"]
    assert _values(out[3], "child_name") == []
    assert [r for r in _reasons(out[4]) if r[0] == "child_name"] == [
        ("child_name", "Caleb", "NAMED_AS_OTHER_CHILD"),
        ("child_name", "Lexi", "NAMED_AS_OTHER_CHILD"),
    ]
    # a name in no list and no dictionary, where a person's name goes; the coach is an adult
    assert _values(out[5], "child_name") == ["Tomos"]


def test_lower_case_words_that_are_also_names() -> None:
    out = run_captions(
        NamesAnalyzer(),
        "grateful for this lot ❤️",
        "ruby is four!!! party at the village hall was chaos",
        "cora fed the lambs",
        "jacob and amelia at the park",
    )
    assert [_values(f, "child_name") for f in out] == [[], ["Ruby"], ["Cora"], ["Jacob", "Amelia"]]


def test_japanese_names_by_occasion_and_also() -> None:
    out = run_captions(
        NamesAnalyzer(),
        "今日は結衣の七五三👘",
        "毎週火曜日はスイミング🏊 蓮もだいぶ泳げるようになってきた",
        "上野動物園でパンダ見てきたよ🐼 蒼と樹は大興奮",
        "ママ友のりさちゃんと久しぶりにランチ",
        "夫の誕生日、ケーキ作りました",
        "4歳の誕生日おめでとう",
        "今日も雨。",
    )
    assert [_values(f, "child_name") for f in out] == [["結衣"], ["蓮"], ["蒼", "樹"], [], [], [], []]


def test_a_child_named_through_their_parent_is_another_familys() -> None:
    out = run_captions(
        NamesAnalyzer(),
        "Huge thanks to Isla's mum for hosting, Mia loved it",
        "Koffie met de moeder van Saar, Noor speelde mee",
        "近所のゆいちゃんと公園",
    )
    assert [_reasons(f) for f in out] == [
        [("child_name", "Isla", "NAMED_AS_OTHER_CHILD"), ("child_name", "Mia", "NAMED_IN_A_FAMILY_POST")],
        [("child_name", "Saar", "NAMED_AS_OTHER_CHILD"), ("child_name", "Noor", "NAMED_IN_A_FAMILY_POST")],
        [("child_name", "ゆい", "NAMED_AS_OTHER_CHILD")],
    ]


def test_pets_and_characters_are_nobody() -> None:
    out = run_captions(
        NamesAnalyzer(),
        "Our dog Max and Mia at the beach",
        "Luna the cat loves Leo",
        "Little Bo Peep costume sorted for World Book Day",
        "Full Mia Wallace vibes with this new fringe",
        "dressed as Elsa for the party, Isla was so happy",
    )
    assert [_values(f, "child_name") + _values(f, "person_name") for f in out] == [
        ["Mia"],
        ["Leo"],
        [],
        [],
        ["Isla"],
    ]


def test_japanese_names_with_an_age_or_a_glued_relation_word() -> None:
    out = run_captions(
        NamesAnalyzer(),
        "ゆい(3)と公園へ",
        "今日は陽翔（5歳）の運動会",
        "長女ゆいは今日から小学生",
        "ゆいの初めての自転車",
        "ケーキ(2個)を買った",
        "月曜日の習い事はピアノ",
    )
    assert [_values(f, "child_name") for f in out] == [["ゆい"], ["陽翔"], ["ゆい"], ["ゆい"], [], []]


def test_dutch_function_words_that_are_names() -> None:
    out = run_captions(
        NamesAnalyzer(),
        "Dan gaan we naar het strand met de kinderen",
        "Vandaag met Ben en Sanne naar de speeltuin",
    )
    assert [_values(f, "child_name") for f in out] == [[], ["Ben", "Sanne"]]


def test_more_ways_to_name_another_familys_child() -> None:
    out = run_captions(
        NamesAnalyzer(),
        "Isla came for a playdate, Mia loved it",
        "Tea with Leo from next door",
        "Noor ging bij Saar spelen",
        "Naar het park met Lotte en haar moeder, Bram had het naar zijn zin",
        "Fenna van school kwam mee, Daan ook",
    )
    # the order of findings within a post does not matter
    assert [sorted(_reasons(f)) for f in out] == [
        [("child_name", "Isla", "NAMED_AS_OTHER_CHILD"), ("child_name", "Mia", "NAMED_IN_A_FAMILY_POST")],
        [("child_name", "Leo", "NAMED_AS_OTHER_CHILD")],
        [("child_name", "Noor", "NAMED_IN_A_FAMILY_POST"), ("child_name", "Saar", "NAMED_AS_OTHER_CHILD")],
        [("child_name", "Bram", "NAMED_IN_A_FAMILY_POST"), ("child_name", "Lotte", "NAMED_AS_OTHER_CHILD")],
        [("child_name", "Daan", "NAMED_IN_A_FAMILY_POST"), ("child_name", "Fenna", "NAMED_AS_OTHER_CHILD")],
    ]
