"""Places named whole (issue 10): Japanese parks and zoos by their kind, Dutch places by the word
before them, venues after "at The", a town before a trip word; and what is no place."""

from __future__ import annotations

import pytest

from analyzers.places import PlacesAnalyzer
from tests.analyzers.textkit import run_captions

CASES = [
    ("上野動物園でパンダ見てきたよ", ["上野動物園"]),
    ("葛西臨海公園で観覧車", ["葛西臨海公園"]),
    ("東京ディズニーランドへ", ["東京ディズニーランド"]),
    ("桜山公園でお花見", ["桜山公園"]),
    ("今日公園行った", []),
    ("近所の公園で遊んだ", []),
    ("Weekendje Vlieland met de kids", ["Vlieland"]),
    ("Elke vrijdag zwemles in De Wetering, Noor kan het al", ["De Wetering"]),
    ("Vandaag met de kinderen naar oma en opa", []),
    ("Lowie gaat met de klas naar de Dierentuin van Emmen", ["Dierentuin van Emmen"]),
    ("Tea at The Wheatsheaf near Bristol", ["Bristol", "The Wheatsheaf"]),
    ("Edinburgh for the weekend with the kids", ["Edinburgh"]),
    ("Brilliant weekend with the kids", []),
    ("Twins Noah and Isla are 3 today", []),
    ("Lunch at Pizza Express in Bath", ["Bath"]),
    ("Camping in the Peak District", ["Peak District"]),
    ("Holiday in Mallorca", ["Mallorca"]),
    ("Our week in Pictures", []),
    ("Stratford-upon-Avon for the day", ["Stratford-upon-Avon"]),
    ("more yoghurt on the floor than in Matilda", []),
    ("Half term in Florence", ["Florence"]),
    ("parkrun at Sutton Hill Park with Jo", ["Sutton Hill Park"]),
    ("Panto at the Grand Opera House 🎭", ["Grand Opera House"]),
    ("Swimming lessons at Woking Spectrum every Friday", ["Woking Spectrum"]),
    ("Eilidh and Hamish building sandcastles, freezing but happy", []),
    ("First sleepover at her friend's house 📱", []),
    ("Dad and lad day at Blundell 🔴 first ever match", ["Blundell"]),
    ("Beach hut life at Mudeford, kids in the sea", ["Mudeford"]),
    ("Tea at Harper's after school", []),
    ("Nativity at Christmas with Nell", []),
    ("Speeltuin Oosterhout met Kees, de hele middag in de zandbak", ["Speeltuin Oosterhout"]),
    ("Diploma A gehaald in zwembad De Kikker!", ["zwembad De Kikker"]),
    ("Naar het Dierenpark Emmen geweest", ["Dierenpark Emmen"]),
    ("Regenachtige dag, dus naar het Natuurmuseum 🦕", ["Natuurmuseum"]),
    ("Elke zaterdag voetbal in Krimpen aan den IJssel", ["Krimpen aan den IJssel"]),
    ("井の頭公園でボートに乗りました", ["井の頭公園"]),
    ("美ら海水族館でジンベエザメ", ["美ら海水族館"]),
    ("休日は家族で江の島へ", ["江の島"]),
    ("京都の嵐山まで足をのばしました", ["京都", "嵐山"]),
    ("東京の実家へ帰省中", ["東京"]),
    ("年中の息子と公園へ", []),
    ("Crowded beach but worth it 🌊 #pembrokeshire #familyholiday", ["Pembrokeshire"]),
    ("Heerlijk gewandeld op de Veluwe vandaag", ["Veluwe"]),
    ("Devon is 5 today 🎂", []),
    ("Sandcastles in Weston-super-Mare with the cousins", ["Weston-super-Mare"]),
    ("Party at Hartley Farm Café with her friends", ["Hartley Farm Café"]),
    ("Training at Loughborough University every weekend", ["Loughborough University"]),
    ("Boat trip on Loch Ness, nobody saw the monster", ["Loch Ness"]),
    ("Christmas with the cousins in Kraków 🎄", ["Kraków"]),
    # Dutch writes no noun with a capital: one unknown capitalised word after "naar de", "in het"
    ("Vandaag met de kinderen naar de Toverland, wat een dag", ["Toverland"]),
    ("Picknick in het Vondelpark met de buren", ["Vondelpark"]),
    ("Elke woensdag naar de Chiro, ze vindt het top", []),
    # landscape and venue words name a place whole
    ("Boxing Day walk round Grafham Water", ["Grafham Water"]),
    ("Rain again so we went to Gordale Scar and then Malham Cove", ["Malham Cove"]),
    ("Party at Wacky Warehouse, utter chaos", ["Wacky Warehouse"]),
    ("Nativity rehearsal at St Luke's Church Hall", ["St Luke's Church Hall"]),
    ("Muddy boots after a morning on Wendover Chase", ["Wendover Chase"]),
    ("Birthday tea at Bounce Planet, 14 kids", ["Bounce Planet"]),
]


@pytest.mark.parametrize(("caption", "want"), CASES)
def test_named_places(caption: str, want: list[str]) -> None:
    (found,) = run_captions(PlacesAnalyzer(), caption)
    assert sorted(f.value.text for f in found) == want
