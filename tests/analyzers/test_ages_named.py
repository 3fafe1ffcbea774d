"""Ages given beside a name or by a phrase the first rules missed (issue 10): a list of names each
with an age, months in brackets, a name's contracted "is", hashtags, Dutch "wordt onze jongste",
and spans of time that are no age. Synthetic captions, written for these tests."""

from __future__ import annotations

import pytest

from analyzers.ages import AgesAnalyzer
from tests.analyzers.test_ages_indirect import _keys
from tests.analyzers.textkit import run_captions

CASES = [
    # years and months: one age, its years (as 1歳6ヶ月); a half birthday's six months are its age
    ("Onze Jip is 3 jaar en 4 maanden en rent overal heen", ["3y"]),
    ("Nova, 1 year 5 months, climbing everything", ["1y"]),
    ("Half birthday cake for Esme, six months of chaos already", ["6m", "other"]),  # other: the half birthday
    ("Six months of lockdown baking, no birthday in sight", []),
    # names each with an age
    ("Rhian 8, Tomos 6 and baby Cerys 11 months on the beach", ["11m", "6y", "8y"]),
    ("cousins' day: Oisín 3, Fiadh 5, and our Cara 7", ["3y", "5y", "7y"]),
    # months in brackets or set off by commas
    ("Our Juno (7 months) met the sea today", ["7m"]),
    ("Harvey, 15 months, has found the stairs", ["15m"]),
    # a name's contracted "is"
    ("Pearl's 6 and already bossing her brother", ["6y"]),
    # brackets with "ook", an exclamation
    ("het feestje van ons nichtje Fenna (9!) in de speeltuin", ["9y"]),
    ("Noor en haar vriendinnetje Lis (ook 7) op het strand", ["7y"]),
    # Dutch: the child's word before or after "wordt"
    ("Morgen wordt onze oudste 12, waar blijft de tijd", ["12y"]),
    ("Vandaag wordt onze jongste 3!", ["3y"]),
    ("ons Wout die 4 werd, taart overal", ["4y"]),
    ("Ons Mila is een jaartje geworden!", ["1y"]),
    ("De tweeling worden vandaag 5!!", ["5y"]),
    # birthday counting
    ("Balloons everywhere for the big FIVE", ["5y"]),
    ("Kaarsje nummer 6 voor Jip", ["6y"]),
    ("They're 4. They already want a sleepover", ["4y"]),
    # a name and a number in one hashtag
    ("Muddy walk #Rosie5", ["5y"]),
    ("Lego everywhere #Finnis7", ["7y"]),
]


@pytest.mark.parametrize(("caption", "want"), CASES)
def test_ages_said_beside_a_name(caption: str, want: list[str]) -> None:
    (found,) = run_captions(AgesAnalyzer(), caption)
    assert _keys(found) == want


NO_AGE = [
    "Grandad here, I'm too old for the Big One",
    "12,5 jaar getrouwd vandaag!",
    "Na 4 maanden stof is de keuken klaar",
    "Nu nog 7 maanden wachten op de zomer",
    "Precies 10 jaar in dit huis",
    "It's 5 today in the kitchen",
    "Room 5 and Room 6 are both booked",
]


@pytest.mark.parametrize("caption", NO_AGE)
def test_numbers_that_are_no_childs_age(caption: str) -> None:
    (found,) = run_captions(AgesAnalyzer(), caption)
    assert _keys(found) == []


def test_dutch_school_years_and_the_verb_before_the_name() -> None:
    def ages(caption: str) -> list[tuple[int | None, str | None]]:
        (found,) = run_captions(AgesAnalyzer(), caption)
        return [(f.value.years, f.value.school_year) for f in found]

    assert ages("Spannend: Fien start na de zomer in de brugklas 🚲") == [(12, "brugklas")]
    assert ages("Lars en zijn maatje uit de 3de kleuter bouwden een hut") == [(5, "3de kleuter")]
    assert ages("Gisteren werd Mats 7 🎈") == [(7, None)]
