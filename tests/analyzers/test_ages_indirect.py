"""Ages said indirectly (issue 10): number words in Dutch and Japanese, months without "old",
a word for the child and a bare number, school years written short, and what is no age."""

from __future__ import annotations

import pytest

from analyzers.ages import AgesAnalyzer
from tests.analyzers.textkit import run_captions


def _keys(found: list) -> list[str]:
    out = set()
    for f in found:
        v = f.value
        out.add(f"{v.years}y" if v.years is not None else f"{v.months}m" if v.months is not None else "other")
    return sorted(out)


CASES = [
    ("Bram wordt vandaag vijf!", ["5y"]),
    ("Zes jaar vandaag, lieve Ties", ["6y"]),
    ("ze is bijna vier", ["4y"]),
    ("Eerste verjaardag van Lotje", ["1y"]),
    ("ons meisje van 2 rent al overal", ["2y"]),
    ("onze 7-jarige wil een telefoon", ["7y"]),
    ("Otis is 14 months and into everything", ["14m"]),
    ("she's 9 months now, where did it go", ["9m"]),
    ("baby is 6 weken", ["1.4m"]),
    ("our son is 9 and thinks he knows it all", ["9y"]),
    ("Arlo, 3, has opinions about socks", ["3y"]),
    ("the three-year-olds took over the party", ["3y"]),
    ("Seven today! 🎉", ["7y"]),
    ("our little man 5 today", ["5y"]),
    ("she's a year old and walking", ["1y"]),
    ("Happy 1st to our sweet pea", ["1y"]),
    ("I'm 4! shouted Finn", ["4y"]),
    ("Ada is 3 ½ and very sure of it", ["3y"]),
    ("She's in Y3 now", ["7y"]),
    ("Year R sports day", ["4y"]),
    ("first day of 2nd grade", ["7y"]),
    ("四歳になりました", ["4y"]),
    ("十一歳になった", ["11y"]),
    ("Year Two starts tomorrow", ["6y"]),
    ("groep acht, het laatste jaar", ["11y"]),
    ("Jip is 3,5 jaar en weet alles beter", ["3y"]),
    ("Noa (2,5) zingt de hele dag", ["2y"]),
    ("Rory is 4 1/2 and counting", ["4y"]),
    ("5 years ago today you made me a mum", ["5y"]),
    ("Double digits today!", ["10y"]),
    ("Dog walk with Leo, who is 4 now", ["4y"]),
    ("Pim en Fenna, 3 en 8 jaar", ["3y", "8y"]),
    ("the boys, aged 2 and 6, at the lido", ["2y", "6y"]),
    ("Ivy (3yrs) and her wellies", ["3y"]),
    ("he's 5.5yo and says so", ["5y"]),
    ("Nell is 6.5!", ["6y"]),
    ("a whole year old today", ["1y"]),
    ("Ada and Bea, both two today!", ["2y"]),
    ("Reception class assembly", ["4y"]),
    ("onze kleine meid van 3", ["3y"]),
    ("7 years since you made me a mum", ["7y"]),
    ("Eva is 3 and Sam is 1", ["1y", "3y"]),
    ("three-and-a-half today", ["3y"]),
    ("our 5 y.o. says no", ["5y"]),
    ("A year ago today you were born", ["1y"]),
    ("she is finally 5!", ["5y"]),
    ("Kit, 4 going on 14", ["4y"]),
    ("my babies are 2 today", ["2y"]),
    ("my 7 & 4 year olds", ["4y", "7y"]),
    ("my seven and four year olds", ["4y", "7y"]),
    ("Noah is eighteen months old", ["18m"]),
    ("twenty-two months today", ["22m"]),
    ("Mees is achttien maanden", ["18m"]),
    ("DD1 (6) and DS (3) at the panto", ["3y", "6y"]),
    ("Corin (DS, 12) passed his exams", ["12y"]),
    ("Wyn and Tegid, they're 8 and 5 and never stop", ["5y", "8y"]),
    ("Pim en Joep, allebei 6 en altijd samen", ["6y"]),
    ("my Ivy is now officially 4", ["4y"]),
    ("best cake ever for arlo's 4th 🦖", ["4y"]),
    ("his 2nd attempt at the climbing wall", []),
    ("swimming every week since she was 7 months", ["7m"]),
    ("footy every Sunday since he was 5", ["5y"]),
    ("凛、2歳半になりました", ["30m"]),
    ("今日から小学生🎒", ["6y"]),
    ("Merit in her Grade 3 piano exam", []),
    ("He passed his Grade 2 trumpet", []),
    ("Gefeliciteerd met je 50ste verjaardag, mam", []),
    ("Happy birthday to my brother, 35 and still can't cook", []),
    ("shout out to my Ivy who is now officially 4 and off to big school", ["4y"]),
    ("Groep 8 musical van De Vuurvogel, onze Tygo was de ster", ["11y"]),
    ("ちひろ（小学1年生）とまなと（年中）", ["4y", "6y"]),
    ("2歳差育児、毎日がジェットコースター", []),
    ("三歳差の姉妹", []),
    ("Noah and his little mate Zayn from Reception, inseparable", ["4y"]),
    ("First day at Holy Cross Primary School. Reception, how?!", ["4y"]),
    ("Reception drinks on the terrace, then dancing", []),
    ("Reception was lovely, the speeches less so", []),
    ("Playdate with her best friend from class, inseparable since Reception", []),
]

NOT_AGES = [
    "she's one of a kind",
    "He's one in a million",
    "hij is een echte held",
    "2 jaar geleden waren we hier",
    "we wonen hier 5 jaar",
    "al 3 jaar getrouwd",
    "6 months ago we moved",
    "Table for 4 today",
    "It's 5 today in the kitchen",
    "the kids are 2 streets away",
    "Happy 1st day of school",
    "she's 2 weeks late with everything",
    "Our puppy is 1 today",
    "our dog Max turns 5 today",
    "Happy 3rd birthday to our fur baby",
    "the blog turns 5 this week",
    "Bump is 20 weeks today",
    "夫の誕生日、ケーキ作りました",
    "ママのお誕生日",
    "Opa is jarig!",
    "verjaardag van mijn moeder",
    "Mum's birthday lunch",
    "wedding reception was lovely",
    "ran 4.5 miles today",
    "It is 5 and sunny",
]


def test_a_childs_bare_birthday_is_still_read() -> None:
    out = run_captions(
        AgesAnalyzer(), "Sem is jarig!", "はなちゃんの誕生日", "Leo's birthday party was chaos"
    )
    assert [[f.value.birthday for f in found] for found in out] == [[True], [True], [True]]


@pytest.mark.parametrize(("caption", "want"), CASES)
def test_indirect_ages_are_read(caption: str, want: list[str]) -> None:
    (found,) = run_captions(AgesAnalyzer(), caption)
    assert _keys(found) == want


def test_numbers_that_are_no_age_are_left_alone() -> None:
    out = run_captions(AgesAnalyzer(), *NOT_AGES)
    assert {cap: _keys(f) for cap, f in zip(NOT_AGES, out, strict=True)} == {cap: [] for cap in NOT_AGES}


def test_only_a_birth_on_the_post_date_is_a_birthday() -> None:
    """The dossier dates a birth from a birthday finding: "N years since" and "born N years ago"
    give an age, not today's date."""
    out = run_captions(
        AgesAnalyzer(),
        "A year ago today you were born",
        "3 years ago today you made me a mum",
        "7 years since you made me a mum",
        "born 4 years ago",
    )
    assert [[(f.value.years, f.value.birthday) for f in found] for found in out] == [
        [(1, True)],
        [(3, True)],
        [(7, False)],
        [(4, False)],
    ]


@pytest.mark.parametrize(
    ("caption", "want"),
    [
        ("Eerste leerjaar voor Jens, de boekentas is groter dan hij", ["6y"]),
        ("Noor zit al in het 3de leerjaar", ["8y"]),
        ("De eerste kleuterklas: wat een grote stap", ["3y"]),
        ("Morgen start Febe in de derde kleuterklas", ["5y"]),
        ("De eerste les zwemmen was koud", []),
    ],
)
def test_flemish_school_years_give_the_youngest_age_of_the_year(caption: str, want: list[str]) -> None:
    """Flanders counts kleuterklas from 3 (eerste) and leerjaar from 6 (eerste)."""
    (found,) = run_captions(AgesAnalyzer(), caption)
    assert _keys(found) == want
