"""Whose a name is: the English and Dutch phrasings that make a named person another family's
child (a classmate, a party's host, a sleepover guest), an adult (a role, a title, an adult's
age, grown-ups' outings) or nobody at all (a pet, a character, a brand). Read by
analyzers/name_words.py; the word lists that decide whether a word is a name at all are in
footprint_audit.lexicon."""

from __future__ import annotations

import re

_NAME = r"(?P<name>[A-Za-zÀ-ÖØ-Þß-öø-ÿ][a-zß-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-Þß-öø-ÿ][a-zß-öø-ÿ]+)?)"
#: Words that may stand before a name inside a list: "Ansel and niece Matilda", "Bo and baby Mae".
LIST_PREFIX = r"(?:(?:baby|little|kleine|niece|nephew|cousin)\s+)?"
_MORE = rf"(?P<more>(?:(?:\s*[,&]|\s+(?:and|en)\b)\s*{LIST_PREFIX}[A-Za-zÀ-ÖØ-Þß-öø-ÿ][a-zß-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-Þß-öø-ÿ][a-zß-öø-ÿ]+)?)*)"
#: "Isla's mum", "Chiamaka and Tolu's mums": a child named through a parent, another family's
#: unless a grandparent posts ("Grandma here, Nneka's mummy let me post this").
THROUGH_PARENT = re.compile(
    rf"\b{_NAME}{_MORE}(?:'s|’s)\s+(?:mum|mummy|mom|mommy|mama|dad|daddy|papa|parents|nan|nana|grandma|granny|"
    rf"mums|dads|mummies|daddies)\b",
    re.IGNORECASE,
)
#: A grandparent's voice: their grandchildren are the family's children.
GRANDPARENT_VOICE = re.compile(
    r"\b(?:grandma|grandad|grandpa|granny|nana|nanna|nan|gran|oma|opa)\s+here\b|"
    r"\b(?:our|my)\s+(?:grandchildren|grandkids|grandbabies|grandson|granddaughter|grandchild)s?\b|"
    r"\b(?:onze|mijn)\s+klein(?:kinderen|kind|zoon|dochter)\b",
    re.IGNORECASE,
)
#: A birth in another family: the poster congratulates, or is an aunt, an uncle, a godparent.
_ANOTHER_BIRTH = (
    r"\b(?:congrat\w*|so\s+happy\s+for\s+(?:you|them)|auntie|aunty|uncle|godmother|godfather|sister-in-law|"
    r"brother-in-law|my\s+(?:brother|sister|cousin|friend|bestie)|gefeliciteerd|tante|oom)\b"
)
#: The voice of someone who looks after other people's children (a coach, a childminder, a
#: volunteer reader): the children named are theirs to mind, not the poster's own.
CARER_VOICE = re.compile(
    r"\b(?:coaching|proud\s+coach|proud\s+to\s+coach|(?:i|we)\s+coach|coach\s*\(\s*me\s*\)|childminding|"
    r"childminder\s+life|my\s+mindees|(?:the\s+)?(?:little\s+ones|kids|children)\s+i\s+(?:mind|look\s+after|teach|coach)|"
    r"(?:reading|volunteering)\s+(?:to|with|at)\s+(?:reception|year\s+\d|the\s+class)|godmother\s+duties|"
    r"auntie\s+duties|gastouder|oppaskindjes?|ik\s+(?:train|coach)\b|(?:i['’]ve\s+been\s+|i\s+)teach(?:ing)?\s+(?:him|her|them)\b|"
    # "Coach here:", "Trainer van de F-jes hier", "(shared with parents' permission)", "love from Auntie Jo"
    r"coach\s+here\b|(?:coach|trainer|trainster|juf|meester|leider|leidster)\b[^.!?\n:]{0,25}\bhier\s*[:!,]|"
    r"with\s+(?:their\s+|the\s+)?parents['’]?\s+permission|met\s+toestemming\s+van\s+(?:de\s+)?ouders|"
    r"our\s+(?:juniors|under\s*\d+s|u\d+s)\b|(?:love|lots\s+of\s+love|liefs|x+)\s+(?:from\s+|van\s+)?(?:auntie|aunty|tante|uncle|oom)\b)",
    re.IGNORECASE,
)
#: Phrasings that name another family's child (English and Dutch); ``name`` and ``more``
#: hold the names.
OTHER_CHILD = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b(?:play\s?date|play\s?dates|sleepover|tea)\s+(?:with|at)\s+{_NAME}{_MORE}",
        rf"\b(?:(?:wee|little|baby|big)\s+)?(?:friends?|best\s+friends?|bestie|besties|best\s+mate|mates?|classmates?|cousins?|pals?|buddy|"
        rf"team-?mates?|band-?mates?|school\s?friends?|nieces?|nephews?|god-?sons?|god-?daughters?|god-?child)"
        rf"(?:\s+from\s+(?:(?:(?-i:[A-Z])[\w'’-]*\s+){{0,3}}(?:class|nursery|school|reception|preschool)\b|(?-i:[A-Z][a-z]+)))?"
        # "the cousins (harvey, elsie)", "with the cousins — Nancy, Ted and our two"
        rf"(?:\s*[,:(—–]\s*|\s+)(?:(?:especially|esp\.|including|incl?\.|like|namely)\s+)?(?:baby\s+|little\s+|wee\s+)?"
        rf"{_NAME}{_MORE}",
        # "she invited the whole class inc. Mateo and Priya"
        rf"\b(?:whole|entire)\s+(?:class|year|team|group|squad)\s*,?\s+(?:including|incl?\.?|inc\.?|especially)\s+{_NAME}{_MORE}",
        # "Tyler and Kayden, my little football crazy nephews": the kin word after the names
        rf"\b{_NAME}{_MORE}\s*,\s*(?:my|our)\s+(?:[a-z-]+\s+){{0,4}}?(?:nieces|nephews|cousins|god-?children|"
        rf"niece|nephew|cousin|god-?son|god-?daughter)\b",
        rf"\b{_NAME}{_MORE}\s+from\s+(?:[A-Za-z]+(?:'s|’s)\s+|(?:her|his|their|the|our)\s+)?(?:class|nursery|school|reception|preschool|"
        rf"football|swimming|ballet|rainbows|beavers|rugby|gymnastics|cubs|scouts|brownies|guides|karate|judo|dance|drama|"
        rf"netball|hockey|cricket|tennis|choir|[a-z]+\s+club|nct|next\s+door|down\s+the\s+road|across\s+the\s+road)\b",
        # "Dropped Zac at Harry's for a sleepover", "X is staying with us", "X stayed over"
        rf"\bat\s+{_NAME}(?:'s|’s)\s+(?:house|for\s+(?:a\s+)?(?:sleepover|play\s?date|tea|party))",
        rf"\b{_NAME}{_MORE}\s+(?:stayed|stays|is\s+staying|slept)\s+(?:over|the\s+night|with\s+us|at\s+ours)\b",
        rf"\b(?:had|having)\s+{_NAME}{_MORE}\s+(?:round|over)\b",
        rf"\b{_NAME}{_MORE}\s+(?:came|come|comes|coming)\s+(?:over|round|to\s+play|for\s+tea|for\s+a\s+(?:play\s?date|sleepover))",
        rf"\b{_NAME}{_MORE}\s+(?:from\s+)?(?:next\s+door|down\s+the\s+road|across\s+the\s+road|over\s+the\s+road)\b",
        # "Wishing Lily-Mae a very happy 6th birthday from all of us next door"
        rf"\bwishing\s+{_NAME}\b[^.!?\n]{{0,60}}\bfrom\s+(?:all\s+of\s+)?us\b",
        rf"\b(?:bumped\s+into|met\s+up\s+with)\s+{_NAME}",
        # a child's friends by what happens to them: "saying goodbye to Effie and Marcus" (a last day),
        # "made a friend at the park today, Sami", "Nell, Ada and Meera all coming"
        rf"\b(?:saying\s+|said\s+)?(?:goodbye|bye-?bye|farewell)\s+to\s+(?:(?:little|best\s+friends?|friends?)\s+)?{_NAME}{_MORE}",
        rf"\bmade\s+a\s+(?:new\s+)?(?:friend|mate|pal|bestie)\b[^.!?\n,]{{0,30}},\s*{_NAME}",
        rf"\b{_NAME}{_MORE}\s+(?:are\s+)?all\s+(?:coming|invited|came)\b",
        # another adult's child: "Becky and her new baby Hugo", "my sister and her kids, Logan ..."
        rf"\b(?:her|his|their)\s+(?:(?:new|little|baby|beautiful|gorgeous|lovely|precious|two|three)\s+){{0,3}}(?:little\s+ones?|baby|son|daughter|boys?|"
        rf"girls?|kids|children|twins|newborn|two|three|four|lot|youngest|eldest|oldest|littlest)\s*(?:[,.:]\s*|\(\s*|\s+)"
        rf"{_NAME}{_MORE}",
        # "Sophie's youngest, Reggie", "our neighbours' little boy Kai", "my friend's daughter Mila"
        rf"\b[A-Za-zÀ-ÖØ-Þß-öø-ÿ]+(?:'s|’s|s'|s’)\s+(?:(?:little|baby|new|two|three|eldest|youngest|oldest|wee)\s+)?(?:kids|children|boys?|"
        rf"girls?|lot|little\s+ones?|twins|son|daughter|baby|youngest|eldest|oldest|littlest|two|three|lads?|fella|"
        rf"wee\s+ones?)\s*,?\s+{_NAME}{_MORE}",
        # "Tadhg and Lorcan, my sister's lads": the names before another parent's children
        rf"\b{_NAME}{_MORE}\s*,\s*(?:my|our)\s+[a-z-]+(?:'s|’s)\s+(?:(?:little|two|three|wee)\s+)?(?:lads|boys|girls|kids|children|"
        rf"little\s+ones|twins|wee\s+ones|son|daughter|boy|girl|lad|fella)\b",
        # "a little boy called Idris", "a best friend called Marnie"
        rf"\b(?:a|new)\s+(?:[a-z]+\s+){{0,2}}?(?:boy|girl|friend|mate|pal|bestie)\s+(?:called|named)\s+{_NAME}",
        # two friends named together, ours first: "Theo and Arjun, best mates since nursery", "Albie and Sid,
        # thick as thieves"; and after: "Sinds de peuterspeelzaal al beste vriendjes, Fedde en Youssef"
        rf"\b(?-i:[A-ZÀ-ÖØ-Þ])[a-zß-öø-ÿ]+\s+(?:and|&|en)\s+{_NAME}\s*,\s*(?:(?:now\s+|still\s+)?best\s+(?:mates|friends|buddies|pals)|"
        rf"besties|thick\s+as\s+thieves|inseparable|(?:al\s+)?beste\s+(?:vriendjes|vriendinnetjes|vrienden|maatjes)|"
        rf"dikke\s+(?:maatjes|vriendjes)|hartsvriend(?:en|innen|innetjes))\b",
        rf"\b(?:best\s+(?:mates|friends|buddies|pals)|besties|beste\s+(?:vriendjes|vriendinnetjes|vrienden|maatjes))\s*,\s*"
        rf"(?-i:[A-ZÀ-ÖØ-Þ])[a-zß-öø-ÿ]+\s+(?:and|&|en)\s+{_NAME}\b",
        # the poster's child hosts: "our Cosima hosting Ione and Pia"; a child invited to others'
        # parties: "invited to FOUR parties this weekend: Chloe, Amara, Leo and Frankie"
        rf"\bhosting\s+(?:the\s+)?{_NAME}(?![\w'’]){_MORE}",
        rf"\bparties\b[^.!?\n:]{{0,30}}:\s*{_NAME}{_MORE}",
        # another family's newborn: "on the arrival of little Anaya", "Clara's new baby today. Little Casimir"
        rf"\b(?:arrival|birth)\s+of\s+(?:(?:little|baby|their|her|his)\s+)*{_NAME}",
        rf"\b[A-Za-zÀ-ÖØ-Þß-öø-ÿ]+(?:'s|’s)\s+new\s+baby\b[^.!?\n]{{0,15}}[.!]\s+(?:little\s+|baby\s+)?{_NAME}",
        # "her relay team (Mei, Orla-Jane, Tamsin)", "the boys from his class (Kyle, Shay, Malachy)",
        # "zijn teamgenoten: Daan, Sem en Luuk"
        rf"\b(?:his|her|their|zijn|haar|hun)\s+(?:[\w-]+\s+){{0,2}}?(?:team|class|patrol|squad|friends|mates|pals|gang|"
        rf"crew|classmates|teammates|group|klas|vriendjes|vriendinnetjes|teamgenoten|klasgenoten)\s*[(:]\s*{_NAME}{_MORE}",
        # "Jude and Raffy, his best friend from school": a friend named before the relation word
        rf"(?<=,|&|d)\s*{_NAME}\s*,\s*(?:his|her|their|zijn|haar)\s+(?:best\s+|beste\s+|little\s+)?(?:friend|mate|pal|buddy|"
        rf"classmate|cousin|vriend(?:je|in|innetje)?|vriendinnetje|klasgeno(?:ot|te|otje)|neef(?:je)?|nicht(?:je)?)\b",
        rf"\b{_NAME}\s*\(\s*(?:our|my|her|his|their)?\s*(?:niece|nephew|cousin|god-?son|god-?daughter|friend|classmate|"
        rf"klasgenootje|vriendinnetje|vriendje|buurmeisje|buurjongen|neefje|nichtje)\b",
        # "Molly (Sarah's girl)", "Marnie (our neighbours' girl)", "Kato (dochter van mijn collega)"
        rf"\b{_NAME}\s*\(\s*(?:(?:our|my|the)\s+)?(?:next\s+door|[A-Za-z]+)(?:'s|’s|s'|s’)\s+"
        rf"(?:(?:little|baby|eldest|youngest|middle|new|wee)\s+)?"
        rf"(?:girl|boy|daughter|son|little\s+one|wee\s+one|one|kid|child|baby|eldest|youngest|middle\s+one|lad|fella)\b",
        rf"\b{_NAME}\s*\(\s*(?:de\s+|het\s+)?(?:dochter(?:tje)?|zoon(?:tje)?|kind(?:je)?|baby|meisje|jongen|neefje|nichtje)\s+van\b",
        # a child named through their parent (and THROUGH_PARENT, last): "with Ava and her mum",
        # "de moeder van Saar", "buurmeisje Noor"
        rf"\b(?:with|see|saw|seeing|met|meet)\s+{_NAME}\s+(?:and|&)\s+(?:her|his|their)\s+(?:mum|mummy|mom|mama|dad|daddy|parents|nan|grandma)\b",
        rf"\b(?:de\s+)?(?:moeder|mama|vader|papa|ouders)\s+van\s+{_NAME}",
        rf"\b(?:buurjongens?|buurmeisjes?|buurkind|buurjongetjes?|buurkinderen|neighbours?'?\s+(?:kids?|boy|girl|son|daughter))\s*,?\s+{_NAME}{_MORE}",
        # a friend's newborn: "Baby Clara arrived safely ... Congratulations Hannah and Tom"
        # ... or an aunt's, a godmother's: "My sister-in-law just had twins!! Welcome to the world Isaac
        # and Levi", "a present for baby Arabella ... Congratulations"
        rf"(?s:^(?=.*{_ANOTHER_BIRTH}).*?)\bbaby\s+{_NAME}\s+(?:arrived|was\s+born|is\s+here|has\s+arrived)",
        rf"(?s:^(?=.*{_ANOTHER_BIRTH}).*?)\bwelcome\s+(?:to\s+the\s+world\s*,?\s+(?:(?:little|baby)\s+)*|(?:(?:little|baby)\s+)+)"
        rf"{_NAME}{_MORE}",
        rf"(?s:^(?=.*\b(?:congrat\w*|so\s+happy\s+for)\b).*?)\b(?:for|meet|met|cuddles?\s+with|hope)\s+(?:baby|little)\s+{_NAME}",
        rf"\bwelkom\s+(?:op\s+de\s+wereld\s*,?\s+)?(?:kleine\s+|lieve\s+)*{_NAME}"
        r"(?=[\s\S]*\b(?:gefeliciteerd|neefje|nichtje))",
        rf"\bkraam(?:visite|bezoek)\b[^.!?\n]{{0,60}}?\b(?:kleine|lieve)\s+{_NAME}",
        # "haar pasgeboren dochtertje Lieve", "jullie Liv", "your Mia": another parent's child ("papa
        # met zijn zoontje Sem" is ours, so only a newborn)
        rf"\b(?:haar|zijn|hun)\s+pasgeboren\s+(?:dochter(?:tje)?|zoon(?:tje)?|baby|kindje)\s*,?\s+{_NAME}",
        r"\b(?:jullie|your)\s+(?:kleine\s+|little\s+)?(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+))",
        # Dutch
        # "Maud en Benthe, de dochters van mijn beste vriendin", "Hidde, het zoontje van de buren"
        rf"\b{_NAME}{_MORE}\s*,\s*(?:de\s+|het\s+)?(?:dochters?|dochtertjes?|zoons?|zonen|zoontjes?|kinderen|kids|kindjes?|"
        rf"meisjes?|jongens?|kleintjes?)\s+van\s+(?:mijn|onze|de|een|haar|zijn|hun)\b",
        # "Teun en Femke-Jo, buurkinderen, ...", "Lisa, ons nichtje" (not "bij oma in Zottegem, neefjes ...")
        rf"(?<!\bin\s)(?<!\bbij\s)(?<!\bnaar\s)(?<!\buit\s)(?<!\bop\s)\b{_NAME}{_MORE}\s*,\s*(?:(?:ons|onze|mijn|haar|zijn|hun)\s+)?(?:buurkinderen|buurjongens|buurmeisjes|buurjongen|"
        rf"buurmeisje|neefjes|nichtjes|neefje|nichtje|vriendjes|vriendinnetjes|klasgenootjes|petekind(?:je)?)\b",
        # "drie vriendinnetjes meenemen naar de bioscoop: Romy, Yfke en Sanne"
        rf"\b(?:vriendjes|vriendinnetjes|klasgenootjes|friends|mates|classmates|pals)\b[^.!?\n:]{{0,60}}:\s*{_NAME}{_MORE}",
        # "Noor is het buurmeisje", "Ava is my niece"
        rf"\b{_NAME}\s+is\s+(?:het|de|een|mijn|ons|onze|haar|zijn)\s+(?:buurmeisje|buurjongen|buurkind|vriendinnetje|vriendje|"
        rf"nichtje|neefje|klasgenootje|petekind(?:je)?)\b",
        rf"\b{_NAME}\s+is\s+van\s+de\s+buren\b",
        rf"\b{_NAME}\s+is\s+(?:my|our|her|his|their)\s+(?:niece|nephew|cousin|god-?son|god-?daughter|god-?child)\b",
        # babysitting another family's child, a friend's new baby
        rf"\boppassen\s+op\s+{_NAME}",
        rf"\b(?:haar|zijn|hun)\s+nieuwe\s+(?:kleintje|baby|dochtertje|zoontje)\s*,?\s+{_NAME}",
        rf"\b(?:speelafspraak(?:je)?|logeerpartij(?:tje)?)\s*(?:met|:)?\s+{_NAME}{_MORE}",
        rf"\b(?:vriend(?:je|in|innetje)?|vriendinnetje|klasgeno(?:ot|te|otje)|neef(?:je|jes)?|nicht(?:je|jes)?|"
        rf"teamgeno(?:ot|te|otje)s?|neven|nichten|"
        rf"pe(?:e|)t(?:e)?(?:kind(?:je)?|dochter(?:tje)?|zoon(?:tje)?)|metekind(?:je)?)\s*:?\s+{_NAME}{_MORE}",
        # plurals and mates: "haar vriendinnetjes Evi en Isa", "zijn maatje Lander",
        # "alle vriendjes die kwamen: Mohamed, Sanne en Tijn"
        rf"\b(?:vriendjes|vriendinnetjes|maatjes?|klasgenootjes|klasgenoten)(?:\s+die\s+[a-z]+)?\s*:?\s+{_NAME}{_MORE}",
        rf"\b(?:kinder|verjaardags)?feest(?:je)?\s+(?:van|bij)\s+{_NAME}",
        rf"\b(?:logeetje|logee|logé|logeerkind)\s*,?\s+{_NAME}{_MORE}",
        # "de zoon van mijn vriendin, Jens", "Lotte en Ruben (de kinderen van mijn broer)"
        rf"\b(?:zoon(?:tje)?|dochter(?:tje)?|kind(?:eren)?|kids|baby|jongens|meiden)\s+van\s+(?:mijn|onze|de|een)\s+"
        rf"(?:[a-z]+\s+)?[a-z]+\s*,?\s+{_NAME}{_MORE}",
        rf"\b{_NAME}{_MORE}\s*\(\s*(?:de\s+|het\s+)?(?:kinderen|kids|neefjes|nichtjes)\s+van\b",
        rf"\b{_NAME}{_MORE}\s*\(\s*(?:my|our)\s+[a-z]+(?:'s|’s|s'|s’)\s+(?:kids|children|boys|girls|twins|little\s+ones)\b",
        rf"\b(?:haar|zijn|hun)\s+(?:zoon(?:tje)?|dochter(?:tje)?|kinderen|kids|baby)\s*,?\s+{_NAME}{_MORE}",
        rf"\b{_NAME}\s+(?:kwam|komt|bleef)\s+(?:spelen|logeren|slapen)",
        rf"\bbij\s+{_NAME}\s+(?:spelen|logeren|thuis|op\s+visite)\b",
        # "op bezoek bij Noor", "speelde vanmiddag bij Tygo", "Sam logeert vannacht bij ons"
        # ("Lotte kwam spelen bij Daan": Daan is the host, ours)
        rf"(?<!kwam\s)(?<!komt\s)(?<!komen\s)(?<!kwamen\s)\b(?:op\s+bezoek|op\s+visite|spelen|logeren|slapen|speelt|speelde|"
        rf"speelden|logeert|logeerde)\s+(?:[a-z]+\s+)?bij\s+{_NAME}",
        rf"\b{_NAME}{_MORE}\s+(?:logeert|logeerde|logeren|slaapt|sliep|blijft\s+slapen)\s+(?:[a-z]+\s+)?(?:bij\s+ons|hier)\b",
        rf"\bmet\s+{_NAME}\s+en\s+(?:haar|zijn)\s+(?:moeder|mama|vader|papa|ouders)\b",
        rf"\b{_NAME}{_MORE}\s+(?:van|uit)\s+(?:school|de\s+klas|(?:haar|zijn)\s+klas|groep\s+\d|de\s+opvang|de\s+bso|de\s+kdv|voetbal|hockey|zwemles|"
        rf"hiernaast|de\s+overkant|de\s+buren|naast\s+ons|om\s+de\s+hoek|verderop|de\s+straat)\b",
    )
) + (THROUGH_PARENT,)
#: Another family's event: its host is another family's child even when no child of ours is named.
GUEST_CUE = re.compile(
    r"\b(?:for\s+having\s+(?:us|me|him|her|them|(?-i:[A-Z])\w+)|invited\s+us|bedankt\s+voor\s+de\s+uitnodiging)\b",
    re.I,
)
#: Names these phrasings show to be adults: "thank you Sarah and Mark for having us", "Becky
#: and her new baby", "Congratulations Hannah and Tom" on a birth.
ADULT_NAMED = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b(?:thank\s+you|thanks|thx)\s+{_NAME}{_MORE}\s+for\s+having\b",
        # a reply to a commenter: "aw thanks Claire!", "cheers Dan,"
        rf"\b(?:thanks|thank\s+you|thx|cheers)\s+{_NAME}\s*(?:!|,|\.|\s+x+\b|\s*😘|\s*😊|\s*❤️)",
        rf"\b{_NAME}\s+(?:and|&|en)\s+(?:her|his|their|haar|zijn)\s+(?:new\s+|little\s+|nieuwe\s+|kleine\s+)?"
        r"(?:baby|little\s+one|kids|children|son|daughter|boys?|girls?|twins|newborn|zoon(?:tje)?|dochter(?:tje)?|kinderen)\b",
        rf"(?s:^(?=.*\b(?:baby|arrived|born|newborn|welcome\s+to\s+the\s+world)\b).*?)\bcongrat(?:ulation)?s\s+(?:to\s+)?{_NAME}{_MORE}",
        rf"\b(?:mum|mom|mama|dad|parents?|ouders)\s+{_NAME}\b",
        rf"\b(?:god-?parents|grand-?parents|parents|peetouders|grootouders)\s*,?\s+{_NAME}{_MORE}",
        # "so happy for you Hannah and Tom": the parents the post speaks to
        rf"\bso\s+(?:happy|pleased|thrilled)\s+for\s+you\s*,?\s+{_NAME}{_MORE}",
        # "so happy for Jess on the birth of her daughter": the new parents
        rf"\b{_NAME}{_MORE}\s+on\s+the\s+(?:birth|arrival)\s+of\b",
        rf"\b(?:childminder|child\s+minder|midwife|babysitter|baby\s+sitter|au\s+pair|health\s+visitor|nurse|doctor|"
        rf"vicar|rev|reverend|pastor|priest|godmother|godfather|teacher|teaching\s+assistant|oppas|verloskundige|"
        rf"kraamverzorgster|leidster|juf|meester|dokter|huisarts)\.?\s*,?\s+{_NAME}",
        rf"\b{_NAME}(?:'s|’s)\s+(?:(?:little|baby|new|two|three)\s+)?(?:youngest|eldest|oldest|littlest|kids|children|boys|girls|"
        rf"son|daughter|little\s+ones?|twins|lads?|fella|wee\s+ones?)\s*,?\s+(?-i:[A-Z])",
        # a new parent: "my cousin Jen's new baby", "Priya's bump"
        rf"\b{_NAME}(?:'s|’s)\s+(?:new\s+baby|baby\s+bump|bump|pregnancy|husband|wife|fianc[ée]e?)\b"
        r"(?!\s+(?:brother|sister|bro|sis|cousin))",
        # a parent named through their child: "Pippa (Jo's daughter)", "Molly (Sarah's girl)"
        rf"\b{_NAME}(?:'s|’s)\s+(?:(?:little|baby|new|eldest|youngest|oldest|middle)\s+)?(?:daughter|son)\b",
        rf"\(\s*{_NAME}(?:'s|’s)\s+(?:(?:little|baby|new|eldest|youngest|oldest|middle)\s+)?(?:girl|boy|little\s+one|kid|baby)\b",
        rf"\b{_NAME}{_MORE}\s+(?:from|van)\s+(?:work|the\s+office|uni|the\s+gym|het\s+werk|mijn\s+werk|kantoor|de\s+sportschool)\b",
        # grown-ups' outings: "coffee with Kate and Lucy", "koffie met Linda" (a child's is "tea with")
        rf"\b(?:coffee|brunch|drinks|cocktails|wine|koffie|borrel|borrelen|wijntje|etentje|terrasje)\s+(?:with|met)\s+{_NAME}{_MORE}",
        rf"\b(?:my|mijn|our|onze)\s+(?:husband|hubby|wife|man|vrouw|partner|vriend|vriendin|schoonzus|zwager|"
        rf"schoonmoeder|schoonvader|sister|brother|sister-in-law|brother-in-law|zus|broer|mum|mom|dad|moeder|"
        rf"vader|friend|bestie|colleague|collega|neighbour|buurvrouw|buurman)\s+{_NAME}\b",
        # "lunch with sarah and the kids", "thanks Amira for the coffee", "Mark's work do"
        rf"\b(?:with|met)\s+{_NAME}\s+(?:and|&|en)\s+(?:all\s+)?(?:the|our|my|her|his|their|de|onze|haar|zijn)\s+"
        rf"(?:kids|children|kinderen|kindjes|little\s+ones)\b",
        rf"\b(?:thanks|thank\s+you|thx|cheers)\s+{_NAME}\s+for\s+(?:the\s+)?(?:coffee|wine|drinks?|brunch|lunch|dinner|lift|"
        rf"cocktails|prosecco|bubbles)\b",
        rf"\b{_NAME}(?:'s|’s)\s+(?:work|office|leaving|retirement|hen|stag|engagement|christmas\s+work)\s+"
        rf"(?:do|party|drinks|night|doo)\b",
    )
)
#: An age of a grown-up with a name: "Tom is 35 today", "Sarah's 30th", "Happy 40th birthday
#: Kate", "Sanne wordt vandaag 30", "Gefeliciteerd Marco met je 40e verjaardag".
ADULT_AGE_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:(?:is|turns|turned|wordt|werd|met\s+(?:je|zijn|haar))\s+)?(?:now\s+|nu\s+|vandaag\s+|today\s+)?"
    r"(?P<n>\d{2,3})(?:st|nd|rd|th|e|ste)?\b(?!\s*(?:%|am|pm|:|months?|weeks?|maanden|weken|minutes|mins|min|km|miles|m\b))",
    re.IGNORECASE,
)
ADULT_AGE_BEFORE = re.compile(
    r"\b(?:happy|gefeliciteerd|congrats\s+on)\s+(?P<n>\d{2,3})(?:st|nd|rd|th|e|ste)?\s+(?:birthday|bday|verjaardag)?\s*,?\s*(?:to\s+)?$",
    re.IGNORECASE,
)
#: Names that are no person's: pets ("our dog Biscuit", "Luna the cat") and characters
#: ("dressed as Elsa", "Bo Peep costume").
_ADJ_PET = r"(?:little|old|new|rescue|family|crazy|lazy|fluffy|sweet|naughty)"
_PET = (
    r"(?:dog|doggy|doggo|puppy|pup|cat|kitty|kitten|bunny|rabbit|hamster|guinea\s+pig|pony|horse|tortoise|"
    r"goldfish|fish|budgie|parrot|hen|chicken|lamb|gerbil|lizard|snake|hond|hondje|kat|poes|konijn|cavia|"
    # dog breeds: "our cockapoo Teddy", "Bella the labrador"
    r"labrador|lab|cockapoo|cavapoo|labradoodle|spaniel|retriever|collie|terrier|dachshund|sausage\s+dog|pug|"
    r"frenchie|beagle|poodle|husky|whippet|greyhound|lurcher|schnauzer|chihuahua|jack\s+russell|staffy|"
    r"teckel|herder)"
)
_PETS = rf"(?:{_PET}(?:s|es))"  # "the guinea pigs, Salt and Pepper": a list of pets
NOT_A_PERSON = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b(?:(?:my|our|the|their|his|her|mijn|onze|new|nieuwe)\s+)?(?:{_ADJ_PET}\s+)?{_PET}\s*,?\s+(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+))",
        rf"\b{_PETS}\s*[,.!:]?\s+(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)){_MORE}",
        # "New puppy alert! Meet Luna", "our spaniel Marley", "Marley our spaniel"
        rf"\b{_PET}\b[^.!?\n]{{0,40}}[.!?\n]*\s*(?:meet|say\s+hello\s+to|welcome)\s+(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+))",
        rf"\b(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+))\s*,?\s+(?:our|my|the)\s+(?:{_ADJ_PET}\s+)?{_PET}\b",
        rf"\b{_NAME}\s*,?\s+(?:the|our|de|onze)\s+{_PET}\b",
        rf"\b{_NAME}\s*\(\s*(?:the|our)?\s*{_PET}\s*\)",
        # a named storm: "Storm Ciara is not letting us out"
        r"\b(?:storm|hurricane|typhoon)\s+(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+))\b(?!\s+(?:and|&|en)\b)",
        rf"\bdressed\s+(?:up\s+)?as\s+(?:a\s+|an\s+|the\s+|little\s+)?{_NAME}(?:\s+(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+))?{_MORE}",
        rf"\b{_NAME}(?:\s+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?\s+(?:costume|outfit|fancy\s+dress|vibes)\b",
    )
)
#: Children's characters that are nobody's name in a caption ("Peppa and George are on
#: again", "Piet heeft de cadeaus gebracht"): always, or when their story is named in the post.
CHARACTERS = frozenset(
    "peppa bluey bingo gruffalo paddington nijntje bumba pikachu elmo moana shrek pieten".split()
)
CHARACTER_STORIES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (
        re.compile(r"\bsinterklaas|\b(?:sint|pakjesavond|pepernoten|schoen\s+zetten)\b", re.I),
        frozenset({"piet", "sint"}),
    ),
    (re.compile(r"\bfrozen\b|\bdisney\b", re.I), frozenset({"elsa", "anna", "olaf", "kristoff", "sven"})),
    (re.compile(r"\bpeppa\b", re.I), frozenset({"george", "suzy", "danny", "rebecca", "pedro"})),
    # a nativity's parts: "Lola was Mary"
    (
        re.compile(r"\bnativity\b|\bkerstspel\b", re.I),
        frozenset({"mary", "joseph", "gabriel", "jesus", "maria", "jozef"}),
    ),
    (
        re.compile(r"\bpaw\s+patrol\b", re.I),
        frozenset({"chase", "marshall", "skye", "rocky", "rubble", "zuma", "ryder"}),
    ),
)
#: Shops, brands and stories whose names hold a given name ("Marks and Spencer", "Ben & Jerry's",
#: "John Lewis", "Postman Pat"), and Santa: no person of the post.
BRANDS = re.compile(
    r"\b(?:marks\s*(?:and|&)\s*spencer|ben\s*(?:and|&)\s*jerry|holland\s*(?:and|&)\s*barrett|frankie\s*(?:and|&)\s*benny|"
    r"john\s+lewis|jo\s+malone|ted\s+baker|charlotte\s+tilbury|harvey\s+nichols|dunelm|sainsbury|morrisons|waitrose|"
    r"hobbycraft|smyths|hamleys|mothercare|nando|wetherspoons?|mercedes(?:-benz)?|harry\s+potter|peter\s+rabbit|winnie\s+the\s+pooh|"
    r"thomas\s+the\s+tank(?:\s+engine)?|bob\s+the\s+builder|fireman\s+sam|postman\s+pat|santa(?:\s+claus)?|"
    r"father\s+christmas|sinterklaas|zwarte\s+piet|tooth\s+fairy|easter\s+bunny|"
    # children's books and television
    r"ben\s*(?:and|&)\s*holly|sarah\s*(?:and|&)\s*duck|hey\s+duggee|peter\s+pan|alice\s+in\s+wonderland|"
    r"charlie\s+and\s+the\s+chocolate\s+factory|james\s+and\s+the\s+giant\s+peach|horrid\s+henry|"
    r"wallace\s*(?:and|&)\s*gromit|colin\s+the\s+caterpillar|percy\s+pig|hairy\s+maclary|biff\s*,?\s*chip|"
    r"(?:peppa|george|daddy|mummy)\s+pig|mr\s+tumble|stick\s+man|"
    r"tom\s*,\s*dick\s*,?\s*(?:and|&)\s*harry|"
    # what a family's week runs on: screens, medicine, shops
    r"netflix|disney\+?|cbeebies|youtube|spotify|calpol|nurofen|tesco|asda|aldi|lidl|greggs|primark|costa|"
    r"lego|haribo|amazon|ikea|"
    # places that hold a given name
    r"milton\s+keynes|port\s+isaac|kings?\s+lynn|alton\s+towers|drayton\s+manor|paultons|chessington|"
    r"lake\s+district|peak\s+district|st\.?\s+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)(?:'s|’s)?\b",
    re.IGNORECASE,
)
#: "Matilda the Musical": a title, not a person.
TITLE_AFTER = re.compile(r"^\s+the\s+(?:musical|movie|film|show|book|series)\b", re.I)
#: "X's party", "party for X's 5th", "happy birthday X! thanks for having ...": X's own party.
#: That child is another family's when the post also names a child of the account.
PARTY_HOST = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # "Charlie's party bag" is no party
        rf"\b{_NAME}(?:'s|’s)\s+(?:[\w-]+\s+){{0,2}}(?:party(?!\s+bags?\b)|birthday|bday|do|christening|baptism|"
        rf"naming\s+day)\b",
        # a guest's way to name a party: "back from Reuben's 6th", "at Bea's 7th" ("a cake for Arlo's
        # 4th" may well be ours)
        rf"\b(?:at|from|to)\s+{_NAME}(?:'s|’s)\s+\d{{1,2}}(?:st|nd|rd|th)\b",
        rf"\bparty\s+for\s+{_NAME}(?:'s|’s)?",
        rf"\bhappy\s+birthday\s+{_NAME}\b(?=.*\b(?:thanks?|thank\s+you)\s+for\s+having\b)",
        # "bij Jasmijn haar verjaardag", "Femke haar communie"
        rf"\b{_NAME}\s+(?:haar|zijn|z'n|d'r)\s+(?:\w+\s+)?(?:verjaardag|verjaardagsfeest(?:je)?|feest(?:je)?|communie|"
        rf"lentefeest|doopfeest|kinderfeest(?:je)?)\b",
    )
)

# --- Japanese ----------------------------------------------------------------------------
