"""Japanese ages: school years in short (小2, 中1), years and months (2歳4ヶ月), spans of time that are
no age (あと2ヶ月), pets' ages. Synthetic captions, none copied from a benchmark set."""

from __future__ import annotations

from analyzers.ages import AgesAnalyzer
from tests.analyzers.textkit import run_captions


def _vals(found):
    return [(f.value.years, f.value.months) for f in found]


def test_short_school_years_give_the_youngest_age_in_them() -> None:
    out = run_captions(
        AgesAnalyzer(),
        "小4の息子、今日は漢字テストで満点💯",
        "娘(小５)と二人でカフェ",
        "長女・みさき(中2)は部活で毎日おそい",
        "中学3年生の兄と小一の弟",
    )
    assert _vals(out[0]) == [(9, None)]
    assert out[0][0].value.school_year == "小学4年生"
    assert _vals(out[1]) == [(10, None)]
    assert _vals(out[2]) == [(13, None)]
    assert out[2][0].value.school_year == "中学2年生"
    assert sorted(_vals(out[3])) == [(6, None), (14, None)]


def test_short_school_year_lookalikes_are_no_age() -> None:
    out = run_captions(
        AgesAnalyzer(),
        "小一時間ほど並んでやっと入れた",
        "ドライブの途中1回休憩した",
        "年中無休のお店",
    )
    assert out == [[], [], []]


def test_years_and_months_are_one_age() -> None:
    """2歳4ヶ月 is two years and four months: one finding, the months past the years."""
    out = run_captions(AgesAnalyzer(), "こうへい2歳4ヶ月、最近はなんでも自分でやりたがる", "ゆな(3歳0か月)")
    assert _vals(out[0]) == [(2, 4)]
    assert _vals(out[1]) == [(3, 0)]


def test_spans_of_months_are_no_age() -> None:
    out = run_captions(
        AgesAnalyzer(),
        "引っ越しまで残り2ヶ月、段ボールだらけ",
        "3ヶ月ぶりに美容院へ行けた",
        "入園してから5ヶ月間、毎朝泣いてたのがうそみたい",
        "生後4ヶ月、首がすわってきた",
    )
    assert out[:3] == [[], [], []]
    assert _vals(out[3]) == [(None, 4)]


def test_a_pets_age_is_no_childs() -> None:
    out = run_captions(
        AgesAnalyzer(),
        "うちの看板猫🐈 むぎ、来月で12歳になります",
        "トイプーのワンちゃん、もう8歳",
        "犬が大好きな息子、3歳になりました",
    )
    assert out[:2] == [[], []]
    assert _vals(out[2]) == [(3, None)]


def test_kindergarten_year_in_a_hashtag_word() -> None:
    out = run_captions(AgesAnalyzer(), "今日のお弁当 #年長弁当", "年中無休のパン屋さん")
    assert _vals(out[0]) == [(5, None)]
    assert out[1] == []


def test_high_school_years_and_starting_middle_school() -> None:
    out = run_captions(
        AgesAnalyzer(), "高1の長女、部活三昧", "高校2年生の兄", "中学生になった長男", "最高1位をとった"
    )
    assert _vals(out[0]) == [(15, None)]
    assert _vals(out[1]) == [(16, None)]
    assert out[1][0].value.school_year == "高校2年生"
    assert _vals(out[2]) == [(12, None)]
    assert out[3] == []


def test_a_babys_age_in_days() -> None:
    (found,) = run_captions(AgesAnalyzer(), "生後61日、よく笑うようになった")
    assert _vals(found) == [(None, 2.0)]


def test_a_year_of_birth_is_no_school_year() -> None:
    out = run_captions(AgesAnalyzer(), "#令和3年生まれ #男の子ママ", "娘は小学3年生")
    assert out[0] == []
    assert _vals(out[1]) == [(8, None)]
