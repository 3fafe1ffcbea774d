"""Whose child a name is in Dutch and Flemish captions: one synthetic caption per case (each its
own account), written for these tests, not taken from the evaluation files."""

from __future__ import annotations

from tests.analyzers.test_names_classes import _children


def test_dutch_phrasings_of_another_familys_child() -> None:
    cases = {
        "Fleur en Jikke, de dochters van mijn buurvrouw, kwamen spelen. Onze Tess vond het top": [
            ("Fleur", "other"),
            ("Jikke", "other"),
            ("Tess", "own"),
        ],
        "Vandaag oppassen op Mats, het zoontje van mijn collega": [("Mats", "other")],
        "Jelte en Froukje, buurkinderen, bouwden een hut met onze Sietse": [
            ("Froukje", "other"),
            ("Jelte", "other"),
            ("Sietse", "own"),
        ],
        "Onze Liv is 8 geworden en nam drie vriendinnetjes mee naar de film: Esmee, Jinte en Floor": [
            ("Esmee", "other"),
            ("Floor", "other"),
            ("Jinte", "other"),
            ("Liv", "own"),
        ],
        "Pien en Saar in de zandbak. Saar is het buurmeisje": [
            ("Pien", "own"),
            ("Saar", "other"),
            ("Saar", "other"),
        ],
        "Kraamvisite bij mijn zus en haar nieuwe kleintje Wessel": [("Wessel", "other")],
        "Wat een feest bij Lieke haar verjaardag, onze Daan mocht blijven slapen": [
            ("Daan", "own"),
            ("Lieke", "other"),
        ],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption


def test_dutch_words_for_our_children_and_kin_are_no_names() -> None:
    assert _children("Dochterlief Merel (14) heeft haar eerste bijbaantje") == [("Merel", "own")]
    assert _children("Mijn bonuszoon Jesse en ik gingen vissen") == [("Jesse", "own")]
    assert sorted(_children("Nichtje Ilse werd 4 en Wout hielp met de slingers")) == [
        ("Ilse", "other"),
        ("Wout", "own"),
    ]
    assert _children("Kleine Fenne is 2 jaar!") == [("Fenne", "own")]


def test_dutch_neighbours_classmates_and_carers() -> None:
    cases = {
        "Lieke speelt met de buurjongens Joep en Mees in de tuin": [
            ("Joep", "other"),
            ("Lieke", "own"),
            ("Mees", "other"),
        ],
        "Wende en Rosalie aan het knutselen (Rosalie is van de buren)": [
            ("Rosalie", "other"),
            ("Rosalie", "other"),
            ("Wende", "own"),
        ],
        "Speelmiddag bij Tamar (klasgenootje), Jorn vond het geweldig": [("Jorn", "own"), ("Tamar", "other")],
        "Trainer van de mini's hier! Topwedstrijd, speciale vermelding voor Ilse": [("Ilse", "other")],
        "Van harte lieve Maartje, alweer 9 jaar! Liefs van tante Ria": [("Maartje", "other")],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption


def test_a_dictionary_word_name_before_a_dutch_possessive_or_a_friend_is_a_child() -> None:
    # "Julian" and "Senna" are English dictionary words; what follows makes them children
    cases = {
        "Julian zijn vriendje Gijs kwam vandaag spelen": [("Gijs", "other"), ("Julian", "own")],
        "Senna en vriendinnetje Pleun in de speeltuin": [("Pleun", "other"), ("Senna", "own")],
        "Julian zijn eerste zwemles, wat een held": [("Julian", "own")],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption
