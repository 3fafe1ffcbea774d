"""Whole school names (issue 10): Japanese names with a particle inside them, Dutch names in
lower case or without a keyword, and school phrases that name no school."""

from __future__ import annotations

import pytest

from analyzers.places import PlacesAnalyzer
from analyzers.schools import SchoolsAnalyzer
from tests.analyzers.textkit import run_captions


def _named(found: list) -> list[str]:
    return sorted(f.value.text for f in found if f.severity == "high")


CASES = [
    ("娘はにじいろ保育園に通ってます", ["にじいろ保育園"]),
    ("息子がひがし幼稚園に入園", ["ひがし幼稚園"]),
    ("4月からみどりの森保育園", ["みどりの森保育園"]),
    ("星の子学園の発表会", ["星の子学園"]),
    ("ゆいちゃんはさくら保育園の年中さん", ["さくら保育園"]),
    ("かえで認定こども園の夏祭り", ["かえで認定こども園"]),
    ("娘の保育園の運動会", []),
    ("最後の幼稚園バス", []),
    ("Eerste week op basisschool de regenboog", ["Basisschool De Regenboog"]),
    ("Juf Marleen van De Wilgenhoek gaat met verlof", ["De Wilgenhoek"]),
    ("Eerste schooldag op Het Baken 🎒", ["Het Baken"]),
    ("Forest School today was muddy", []),
    ("Sunday School at church", []),
    ("Big School tomorrow!", []),
    ("Happy Last Day of Primary School", []),
    ("Nativity at Larchwood Primary", ["Larchwood Primary"]),
    ("Kerstviering op de Bonifatiusschool", ["Bonifatiusschool"]),
    ("Afscheid van de Koningin Wilhelminaschool", ["Koningin Wilhelminaschool"]),
    ("Eerste dag op RK Basisschool Sint Ludger", ["RK Basisschool Sint Ludger"]),
    ("Openbare Basisschool De Linde viert feest", ["Openbare Basisschool De Linde"]),
    ("Open dag bij de Vrije School Deventer", ["Vrije School Deventer"]),
    ("あさひ小の運動会", ["あさひ小"]),
    ("大小のボール", []),
    ("Back-to-school shoe shopping", []),
    ("Preschool graduation!", []),
    ("通うさくら保育園にも慣れた", ["さくら保育園"]),
    ("新しい保育園にも慣れてきた", []),
    ("娘が通っているみどり幼稚園", ["みどり幼稚園"]),
    ("ABCインターナショナルスクールに入学", ["ABCインターナショナルスクール"]),
    ("Eerste dag op VBS De Knipoog", ["VBS De Knipoog"]),
    ("De juf op de Regenboog is lief", ["De Regenboog"]),
    ("schoolreisje op de Veluwe", []),
    ("Harvest festival at St Anne and St Agnes CE Primary", ["St Anne and St Agnes CE Primary"]),
    ("Saints Peter and Paul Catholic Primary School", ["Saints Peter and Paul Catholic Primary School"]),
    ("近所で評判のさくら保育園", ["さくら保育園"]),
    ("森の子保育園の夏祭り", ["森の子保育園"]),
    ("Eerste schooldag naar De Regenboog", ["De Regenboog"]),
    ("de kinderen van groep 3 van De Klimop", ["De Klimop"]),
    ("met de klas naar Het Scheepvaartmuseum", []),
    ("First week at Ysgol y Wern for Gethin", ["Ysgol y Wern"]),
    ("Carol service at Ysgol Bryn y Mor tonight", ["Ysgol Bryn y Mor"]),
    ("Junior Infants at Scoil Bhríde today", ["Scoil Bhríde"]),
    ("Open evening at Gaelscoil na Mara", ["Gaelscoil na Mara"]),
    ("Year 7 at St Bede's Catholic College", ["St Bede's Catholic College"]),
    ("Eerste leerjaar in Vrije Basisschool De Linde", ["Vrije Basisschool De Linde"]),
    ("Jasper zit op Stedelijke Basisschool Het Anker", ["Stedelijke Basisschool Het Anker"]),
    ("Derde kleuterklas van GO! Basisschool De Toren", ["GO! Basisschool De Toren"]),
    ("Zit nu op Dalton Kindcentrum De Horizon", ["Dalton Kindcentrum De Horizon"]),
    ("Eerste dag op Kleuterschool De Speelberg", ["Kleuterschool De Speelberg"]),
    ("in het tweede leerjaar van Sint-Gertrudis", ["Sint-Gertrudis"]),
    ("Schoolfeest op het Sint-Pietersinstituut", ["Sint-Pietersinstituut"]),
    ("Fien zit in groep 5 van de Koningin Julianaschool", ["Koningin Julianaschool"]),
    ("The kids are obsessed with the new puppy", []),
    ("来年からはひかり小学校の1年生", ["ひかり小学校"]),
    ("ゆいなは毎日保育園で遊んでいます", []),
    ("毎日さくら保育園に通っています", ["さくら保育園"]),
    # Dutch and Flemish secondary schools, a qualifier before the kind
    ("Na de zomer naar het Christelijk Lyceum Delft", ["Christelijk Lyceum Delft"]),
    ("Lotte zit op GO! Atheneum Zonnebloem", ["GO! Atheneum Zonnebloem"]),
    ("Brugklas op het Stedelijk Gymnasium in Arnhem", ["Stedelijk Gymnasium"]),
    # a school named by a study day; a swimming pool after school is no school
    ("woensdag studiedag op De Klimop, dus thuis", ["De Klimop"]),
    ("Elke vrijdag na school naar het Zuiderbad", []),
]


@pytest.mark.parametrize(("caption", "want"), CASES)
def test_whole_school_names(caption: str, want: list[str]) -> None:
    (found,) = run_captions(SchoolsAnalyzer(), caption)
    assert _named(found) == want


def test_a_dutch_school_is_no_trip_and_no_place() -> None:
    schools, places = (
        run_captions(a, "Schoolreisje naar De Efteling", "Juf Marleen van De Wilgenhoek gaat met verlof")
        for a in (SchoolsAnalyzer(), PlacesAnalyzer())
    )
    assert [_named(f) for f in schools] == [[], ["De Wilgenhoek"]]
    assert "De Wilgenhoek" not in [f.value.text for f in places[1]]
