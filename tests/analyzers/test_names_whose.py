"""Whose child a name is, when a caption names ours and another family's together: one synthetic
caption per case (each its own account), written for these tests, not taken from the
evaluation files."""

from __future__ import annotations

from tests.analyzers.test_names_classes import _children


def test_a_guest_named_twice_is_another_familys_child_both_times() -> None:
    # the second "Rafe" (the host of the party) decides the first
    assert sorted(
        _children("Tabitha and Rafe at Rafe's party at the soft play, Tabitha ate all the cake")
    ) == [
        ("Rafe", "other"),
        ("Rafe", "other"),
        ("Tabitha", "own"),
        ("Tabitha", "own"),
    ]


def test_a_party_named_by_its_ordinal_is_the_hosts() -> None:
    assert sorted(_children("Back from Hattie's 6th, Milo is fast asleep in the car")) == [
        ("Hattie", "other"),
        ("Milo", "own"),
    ]
    # a party bag is no party, and "for Arlo's 4th" may be ours
    assert sorted(_children("Fergus's party bag haul from Ines's 5th, all sweets")) == [
        ("Fergus", "own"),
        ("Ines", "other"),
    ]
    assert _children("A dinosaur cake for Arlo's 4th 🦕") == [("Arlo", "own")]


def test_a_list_ending_in_one_of_ours_names_other_families_children_first() -> None:
    cases = {
        "Farah, Idris and our little Noor at the Eid fair": [
            ("Farah", "other"),
            ("Idris", "other"),
            ("Noor", "own"),
        ],
        "Cousins day: Rory 3, Aoife 5, and our Ciarán 7": [
            ("Aoife", "other"),
            ("Ciarán", "own"),
            ("Rory", "other"),
        ],
        "Storytime marathon with Ada and Esme (plus our Rosa)": [
            ("Ada", "other"),
            ("Esme", "other"),
            ("Rosa", "own"),
        ],
        "Daan, Lieke en onze Sem bij de kerstman": [("Daan", "other"), ("Lieke", "other"), ("Sem", "own")],
        "Straatfeest! Noa en ons Wout op het springkasteel": [("Noa", "other"), ("Wout", "own")],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption
    # the family's own list stays ours
    assert sorted(_children("Isla, Jack and Rose on the beach at last")) == [
        ("Isla", "own"),
        ("Jack", "own"),
        ("Rose", "own"),
    ]


def test_dutch_cousins_and_team_mates_in_the_plural_are_other_families_children() -> None:
    assert sorted(_children("Kasper en zijn neefjes Mees en Gijs bouwden een hut")) == [
        ("Gijs", "other"),
        ("Kasper", "own"),
        ("Mees", "other"),
    ]
    assert sorted(_children("Korfbal op zaterdag, Lynn en teamgenootje Isa wonnen")) == [
        ("Isa", "other"),
        ("Lynn", "own"),
    ]
    assert sorted(_children("Fenne met haar nichtjes Roos en Jet op de fiets")) == [
        ("Fenne", "own"),
        ("Jet", "other"),
        ("Roos", "other"),
    ]


def test_a_child_named_with_their_parent_in_brackets_is_another_familys() -> None:
    cases = {
        "Beach day, Ottilie and Bryony (Kate's girl) built a fort": [("Bryony", "other"), ("Ottilie", "own")],
        "Swimming gala: Seren and Nia (our neighbours' youngest) both got medals": [
            ("Nia", "other"),
            ("Seren", "own"),
        ],
        "Sinterklaas op school, Lotte en Fiene (dochter van mijn zus) zongen samen": [
            ("Fiene", "other"),
            ("Lotte", "own"),
        ],
        # the children of a friend named as a list keep the whole list
        "Bas en Teun (de kinderen van mijn vriendin) logeren hier": [("Bas", "other"), ("Teun", "other")],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption
    # the parent is no child
    assert sorted(_children("Ballet, Maisie and Ffion (Jo's daughter) in matching tutus")) == [
        ("Ffion", "other"),
        ("Maisie", "own"),
    ]


def test_grandchildren_listed_by_their_grandparents_are_the_familys_children() -> None:
    # a grown-ups' occasion (a wedding anniversary) does not make the listed grandchildren adults
    assert sorted(
        _children("Ruby wedding anniversary with all our grandchildren: Alfie, Lenny and baby Reuben")
    ) == [
        ("Alfie", "own"),
        ("Lenny", "own"),
        ("Reuben", "own"),
    ]


def test_a_childs_team_or_class_in_brackets_names_other_families_children() -> None:
    assert sorted(_children("Cubs camp for Rory and his patrol (Idris, Callum, Joel). Pray for us")) == [
        ("Callum", "other"),
        ("Idris", "other"),
        ("Joel", "other"),
        ("Rory", "own"),
    ]
    assert sorted(_children("Gala day: our Martha swam and her relay team (Priya, Lola-Rose, Iris) won")) == [
        ("Iris", "other"),
        ("Lola-Rose", "other"),
        ("Martha", "own"),
        ("Priya", "other"),
    ]
    # a comma alone outside brackets still opens a new clause
    assert sorted(_children("Tea with Nanna and Grandad, Rosie showed them her medal")) == [("Rosie", "own")]


def test_the_guests_a_party_post_thanks_are_other_families_children() -> None:
    assert sorted(_children("Arthur's 5th birthday party! Thank you to Edie, Ralph and Bea for coming")) == [
        ("Arthur", "own"),
        ("Bea", "other"),
        ("Edie", "other"),
        ("Ralph", "other"),
    ]
    assert sorted(
        _children(
            "Everyone who came to Mabel's 6th, thank you! Special shout out to Jasper, Nell and little Ada"
        )
    ) == [("Ada", "other"), ("Jasper", "other"), ("Mabel", "own"), ("Nell", "other")]


def test_a_coach_or_childminder_names_other_families_children() -> None:
    cases = {
        "Proud coach moment at the under 9s: Kit scored twice and Bodhi saved a penalty": [
            ("Bodhi", "other"),
            ("Kit", "other"),
        ],
        "Childminding life: Orla, Sami and baby Ines painted the fence today": [
            ("Ines", "other"),
            ("Orla", "other"),
            ("Sami", "other"),
        ],
        "The kids I mind made pizzas today, Ruben ate his in one go": [("Ruben", "other")],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption
    # the coach's own child, marked as ours, stays ours
    assert ("Jude", "own") in _children("Coaching the under 8s with our Jude in goal, Ravi scored")


def test_a_newborn_in_another_family_is_theirs_and_its_parents_are_adults() -> None:
    cases = {
        "My brother-in-law and his wife had a girl! Welcome to the world Clementine 💕 Auntie is smitten": [
            ("Clementine", "other")
        ],
        "Baby Teddy arrived at 3am, 8lb exactly. So happy for you Gemma and Rob xx": [("Teddy", "other")],
        "Congratulations Priya on the new baby! Hope little Zain lets you sleep tonight": [("Zain", "other")],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption
    # the family's own newborn: no congratulations, no aunt
    assert _children("Welcome to the world baby Wilfred, our hearts are full") == [("Wilfred", "own")]


def test_more_phrasings_of_another_familys_child() -> None:
    cases = {
        # another parent's children after a full stop, or as "lads", "little fella"
        "Zoo day with my cousin and her kids. Fintan and Orla loved the penguins": [
            ("Fintan", "other"),
            ("Orla", "other"),
        ],
        "Cathal and Rory, my brother's lads, on the quad bike": [("Cathal", "other"), ("Rory", "other")],
        "Heard Aoife's little fella Senan is crawling already!": [("Senan", "other")],
        # a friend introduced by what they are called
        "Rosie came home from nursery with a new friend called Thea": [("Rosie", "own"), ("Thea", "other")],
        # children from a club, a group, next door
        "Lyla and Amara from dance club came round, Elsie taught them the splits": [
            ("Amara", "other"),
            ("Elsie", "own"),
            ("Lyla", "other"),
        ],
        "Hamza and Yusuf from next door helped with the leaves, our Idris supervised": [
            ("Hamza", "other"),
            ("Idris", "own"),
            ("Yusuf", "other"),
        ],
        # a child seen with their parent
        "Lovely to see Cora and her mum at the fair": [("Cora", "other")],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption
    # a child with the family's own parent is ours
    assert _children("Ella and her dad built the best snowman") == [("Ella", "own")]


def test_friends_guests_and_newborns_named_by_their_situation() -> None:
    cases = {
        # two friends, ours first
        "Rex and Omar, best mates since Reception, still inseparable": [("Omar", "other"), ("Rex", "own")],
        "Sinds de crèche al beste vriendjes, Teun en Mats": [("Mats", "other"), ("Teun", "own")],
        # guests of ours, hosts of parties we go to
        "Party season: Otto was invited to three parties: Nova, Kit and Amos": [
            ("Amos", "other"),
            ("Kit", "other"),
            ("Nova", "other"),
            ("Otto", "own"),
        ],
        "Our Juno hosting Bea and Lark tonight, wish me luck": [
            ("Bea", "other"),
            ("Juno", "own"),
            ("Lark", "other"),
        ],
        # another family's newborn, another adult's children in brackets
        "So happy for our friends on the arrival of little Otis": [("Otis", "other")],
        "Met my cousin Jen's new baby today. Little Wren is perfect": [("Wren", "other")],
        "Lunch at my brother's. His three (Ada, Rufus and baby Nell) ran riot": [
            ("Ada", "other"),
            ("Nell", "other"),
            ("Rufus", "other"),
        ],
        # a teacher's post
        "So proud of Ishan passing his grade 2 violin, I've been teaching him for a year": [
            ("Ishan", "other")
        ],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption
    # hosting a child's party names the child ours
    assert ("Poppy", "own") in _children("Hosting Poppy's whole class tomorrow for her party")


def test_names_from_the_recent_rankings_are_read() -> None:
    assert sorted(_children("Dafydd and Catrin on the beach at Tenby")) == [
        ("Catrin", "own"),
        ("Dafydd", "own"),
    ]
    assert _children("Sadhbh turned 6 today!") == [("Sadhbh", "own")]
    assert sorted(_children("Staf en Fons in de zandbak")) == [("Fons", "own"), ("Staf", "own")]
    # and a neighbour's child in brackets, Scots style
    assert sorted(_children("Mairi and Ruaridh (next door's wee one) built a snowman")) == [
        ("Mairi", "own"),
        ("Ruaridh", "other"),
    ]


def test_neighbours_wishes_and_the_siblings_of_other_families_children() -> None:
    cases = {
        "Kit and Bea next door came round for a water fight, our Nell won": [
            ("Bea", "other"),
            ("Kit", "other"),
            ("Nell", "own"),
        ],
        "Wishing Rosa a very happy 7th birthday from all of us at number 12": [("Rosa", "other")],
        "Here she is with her best friend from Little Owls Nursery, little Tariq": [("Tariq", "other")],
        "Well done to my nephew Rory on his swim badge, and to his little sister Ada on her first dive": [
            ("Ada", "other"),
            ("Rory", "other"),
        ],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption
    # the sister of one of ours is ours
    assert sorted(_children("Proud of our Rory on his swim badge, and of his little sister Ada")) == [
        ("Ada", "own"),
        ("Rory", "own"),
    ]


def test_a_birthday_childs_guests_are_other_families_children() -> None:
    assert sorted(_children("Rufus is 7 today!! Bowling with Jonah, Idris and Kit")) == [
        ("Idris", "other"),
        ("Jonah", "other"),
        ("Kit", "other"),
        ("Rufus", "own"),
    ]
    assert sorted(
        _children("Sleepover for Edie's 8th. Special shout out to Nell and Ada for the dance show")
    ) == [
        ("Ada", "other"),
        ("Edie", "own"),
        ("Nell", "other"),
    ]
    # no birthday: a day out with two children names no guests
    assert sorted(_children("Beach day with Jonah and Idris")) == [("Idris", "own"), ("Jonah", "own")]


def test_friends_picked_out_of_a_group_and_carers_voices() -> None:
    cases = {
        # friends picked out of a group: "especially", "including", "the whole class inc."
        "Cake everywhere after the party, thanks to his school friends especially Kit and Oona": [
            ("Kit", "other"),
            ("Oona", "other"),
        ],
        "Bea invited the whole class including Tobias and Mirren to the pool party": [
            ("Bea", "own"),
            ("Mirren", "other"),
            ("Tobias", "other"),
        ],
        # a kin word after "and" keeps the list going
        "Uncle Dev took his nephew Ansel and niece Matilda to the aquarium": [
            ("Ansel", "other"),
            ("Matilda", "other"),
        ],
        # a coach, a childminder, a club and an aunt speak of children they do not parent
        "Coach here: what a match from the U9s, star of the day Nova": [("Nova", "other")],
        "Den building in the garden with Ottilie and Rufus today (photos shared with parents' permission)": [
            ("Ottilie", "other"),
            ("Rufus", "other"),
        ],
        "Proud of our under 10s today, Freddie scored twice": [("Freddie", "other")],
        "Happy birthday gorgeous Inez, 8 already! love from Auntie Pam": [("Inez", "other")],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption


def test_kin_named_in_brackets_or_after_a_dash() -> None:
    cases = {
        "Sunday roast at nana's with the cousins (Orla, Finn) and our Maisie": [
            ("Finn", "other"),
            ("Maisie", "own"),
            ("Orla", "other"),
        ],
        "Beach day with the cousins — Hamish and Isla — sand everywhere": [
            ("Hamish", "other"),
            ("Isla", "other"),
        ],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption


def test_friends_by_what_happens_to_them() -> None:
    cases = {
        "Last day at Acorn Pre-school for Wilbur, saying goodbye to Nell and Ezra was hard": [
            ("Ezra", "other"),
            ("Nell", "other"),
            ("Wilbur", "own"),
        ],
        "Jonah made a new friend on the beach today, Idris, and they built a moat": [
            ("Idris", "other"),
            ("Jonah", "own"),
        ],
        "Sleepover prep for Poppy's 8th: Iris, Maya and Zoe all coming at 5": [
            ("Iris", "other"),
            ("Maya", "other"),
            ("Poppy", "own"),
            ("Zoe", "other"),
        ],
    }
    for caption, want in cases.items():
        assert sorted(_children(caption)) == want, caption
