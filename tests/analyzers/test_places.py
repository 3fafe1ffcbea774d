from __future__ import annotations

import pytest

from analyzers.places import PlacesAnalyzer, geocode
from tests.analyzers.textkit import run_captions


def test_venues_and_towns() -> None:
    out = run_captions(
        PlacesAnalyzer(),
        "Swim class at Kentish Town Sports Centre",
        "Beach day in Brighton",
        "first day at Oakfield Primary",
    )
    venue, town, school = out
    assert [(f.value.text, f.severity) for f in venue] == [("Kentish Town Sports Centre", "medium")]
    assert [f.value.text for f in town] == ["Brighton"]
    geo = town[0].evidence["geocode"]
    assert geo["lat"] == pytest.approx(50.83, abs=0.05) and geo["precision"] == "town"
    assert school == []  # schools are the schools analyzer's


def test_geocode_unknown_is_none() -> None:
    assert geocode("Nowhereville-upon-Nothing") is None
    york = geocode("York")
    assert york is not None and york["place"].endswith("GB")


def test_a_time_word_is_not_part_of_a_place() -> None:
    from analyzers.places import PlacesAnalyzer
    from tests.analyzers.textkit import run_captions

    out = run_captions(
        PlacesAnalyzer(),
        "So proud of Henry today, 25m swimming badge done",
        "Volgende dinsdag gaan we naar Tilburg!",
    )
    places = [[f.value.text for f in found] for found in out]
    assert places[0] == [] and places[1] == ["Tilburg"]


def test_named_venues_are_read_whole() -> None:
    from analyzers.places import PlacesAnalyzer
    from tests.analyzers.textkit import run_captions

    out = run_captions(
        PlacesAnalyzer(),
        "Fab day at Flamingo Land with the kids",
        "Sunny afternoon at Hampton Court, the maze was a disaster",
        "Kids' choir every Monday at St Luke's Church",
        "Autumn walk at Westonbirt Arboretum 🍂",
        "Bo en Jip in de speeltuin in het Vondelpark",
    )
    assert [[f.value.text for f in found] for found in out] == [
        ["Flamingo Land"],
        ["Hampton Court"],
        ["St Luke's Church"],
        ["Westonbirt Arboretum"],
        ["Vondelpark"],
    ]
