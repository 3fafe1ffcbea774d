"""The word lists and token patterns of the text rule layer.

The statistical English model misses most of what matters in a parent's caption (lower-case
school names, "mijn dochter", 保育園); these lists and spaCy Matcher patterns add labelled spans
(SCHOOL, VENUE, CHILD_REL) for them. Data and patterns only: the model is loaded in
footprint_audit.engines.text, the spans are read in footprint_audit.nlp.
"""

from __future__ import annotations

import re
from typing import Any

SCHOOL_WORDS = (
    "primary",
    "academy",
    "nursery",
    "kindergarten",
    "kindy",
    "preschool",
    "pre-school",
    "montessori",
    "infants",
    "juniors",
    "elementary",
    "playgroup",
    "daycare",
    "creche",
    "crèche",
    "school",
)
#: Words that may follow the keyword and still belong to the name ("Oakfield Primary School").
SCHOOL_TAILS = ("school", "nursery", "academy", "kindergarten", "preschool")
VENUE_TAILS = (
    ("leisure", "centre"),
    ("leisure", "center"),
    ("sports", "centre"),
    ("sports", "center"),
    ("sports", "hall"),
    ("swimming", "pool"),
    ("swim", "school"),
    ("dance", "studio"),
    ("dance", "school"),
    ("ballet", "school"),
    ("football", "club"),
    ("rugby", "club"),
    ("tennis", "club"),
    ("cricket", "club"),
    ("gymnastics", "club"),
    ("gymnastics", "centre"),
    ("community", "centre"),
    ("community", "center"),
    ("soft", "play"),
    ("swimming", "baths"),
    ("scout", "hut"),
    ("church", "hall"),
    ("village", "hall"),
)
VENUE_SINGLE = ("gymnastics", "lido", "baths", "fc", "afc", "gym", "library", "playground")

CHILD_NOUNS = (
    "son",
    "daughter",
    "boy",
    "girl",
    "kid",
    "kids",
    "child",
    "children",
    "baby",
    "babe",
    "toddler",
    "twins",
    "sister",
    "brother",
    "man",
    "lady",
    "one",
    "ones",
    "princess",
    "monkey",
    "bean",
    "munchkin",
    "girls",
    "boys",
    "sons",
    "daughters",
    "kiddo",
    "kiddos",
    "lad",
    # the forum shorthand of UK parents: dear daughter, dear son, little one, darling child
    "dd",
    "ds",
    "lo",
    "dc",
)
CHILD_DETERMINERS = ("my", "our", "the", "little", "big", "baby", "eldest", "youngest", "middle", "oldest")
#: Dutch and Japanese words that mark a child, matched in the raw text.
CHILD_WORDS_RE = re.compile(
    r"\b(?:mijn|onze|ons)\s+(?:kleine\s+|grote\s+)?(?:dochter|dochtertje|zoon|zoontje|meisje|jongen|kind|kinderen|kids)\b"
    r"|\b(?:dochter|dochtertje|zoon|zoontje)\b|息子|娘|長男|長女|次男|次女|子ども|子供",
    re.IGNORECASE,
)
SCHOOL_RE_OTHER = re.compile(
    # Dutch compounds carry the keyword inside one word; a capitalised name may follow.
    r"\b(?:basisschool|kleuterschool|kinderdagverblijf|peuterspeelzaal|kinderopvang|kdv|bso|montessorischool|daltonschool|"
    r"jenaplanschool|vrije\s+school|kindcentrum|ikc|obs|cbs|rkbs|pcbs|kbs|vbs|gbs|sbs|gvbs|crèche|creche|"
    # Dutch and Flemish secondary schools: "Stedelijk Gymnasium Leiden", "GO! Atheneum Redingenhof"
    r"(?-i:Gymnasium|Lyceum|Atheneum)|"
    r"school(?=\s+(?-i:De|Het)\s+(?-i:[A-Z])))\b"  # "obs" is a school kind, "obsessed" no school
    r"(?:\s+(?:de\s+|het\s+|'t\s+)?(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,2})?"
    # Japanese: a name in kanji/kana before the keyword, stopping at particles and punctuation.
    r"|[^\s、。！？!?,.はがをにでのともへ「」（）()]{0,8}(?:保育園|幼稚園|小学校|中学校|こども園|保育所|学園)",
    re.IGNORECASE,
)

CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
LETTER_RE = re.compile(r"[^\W\d_]")


def add_rule_layer(nlp: Any) -> None:
    """Token patterns for school names, venues and words that mark a child."""
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    name_tok = {"IS_TITLE": True, "IS_STOP": False}
    name_any = {
        "IS_ALPHA": True,
        "IS_STOP": False,
        "LOWER": {"NOT_IN": list(SCHOOL_WORDS) + ["first", "day"]},
    }
    poss = {"ORTH": {"IN": ["'s", "’s", "'", "’"]}}
    saint = {"LOWER": {"IN": ["st", "st.", "saint"]}, "OP": "?"}
    school_kw = [w for w in SCHOOL_WORDS if w != "school"]
    keyword = {"LOWER": {"IN": school_kw}, "IS_TITLE": True}
    keyword_any = {"LOWER": {"IN": school_kw}}
    tail = {"LOWER": {"IN": list(SCHOOL_TAILS)}, "OP": "?"}
    prep = {"LOWER": {"IN": ["at", "@", "from", "to", "into"]}}
    # "Oakfield Primary (School)", "St Mary's Primary", "Little Acorns Nursery"
    matcher.add(
        "SCHOOL",
        [
            [saint, name_tok, {**name_tok, "OP": "?"}, keyword, tail],
            [saint, {"IS_TITLE": True}, poss, {**name_tok, "OP": "?"}, keyword, tail],
            [saint, name_tok, {**name_tok, "OP": "?"}, {"ORTH": "School"}],
            [{"IS_UPPER": True, "LENGTH": {">=": 2}}, keyword_any, tail],
            # lower case after a preposition: "first day at oakfield primary"
            [prep, name_any, name_any, keyword_any, tail],
            [prep, name_any, keyword_any, tail],
            [{"LOWER": "montessori"}, {"LOWER": {"IN": ["school", "nursery", "house"]}}],
        ],
    )
    venue_patterns: list[list[dict[str, Any]]] = []
    names_1_3 = {**name_tok, "OP": "{1,3}"}
    for a, b in VENUE_TAILS:
        venue_patterns.append([names_1_3, {"LOWER": a}, {"LOWER": b}])
        venue_patterns.append([{"LOWER": {"IN": ["at", "@"]}}, name_any, {"LOWER": a}, {"LOWER": b}])
    venue_patterns.append([{**name_tok, "OP": "{1,2}"}, {"LOWER": {"IN": list(VENUE_SINGLE)}}])
    matcher.add("VENUE", venue_patterns)
    matcher.add(
        "CHILD_REL",
        [
            [{"LOWER": {"IN": ["my", "our", "the", "his", "her"]}}, {"LOWER": {"IN": list(CHILD_NOUNS)}}],
            [
                {"LOWER": {"IN": ["my", "our", "the", "his", "her"]}},
                {"LOWER": {"IN": list(CHILD_DETERMINERS)}},
                {"LOWER": {"IN": list(CHILD_NOUNS)}},
            ],
            [
                {"LOWER": {"IN": ["big", "little", "baby", "twin"]}},
                {"LOWER": {"IN": ["sister", "brother", "sis", "bro", "one", "ones", "man", "lady"]}},
            ],
        ],
    )
    MATCHERS[id(nlp)] = matcher


MATCHERS: dict[int, Any] = {}
#: The matcher only runs on texts with one of its keywords (most captions have none).
RULE_HINT = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            {re.escape(w) for w in SCHOOL_WORDS}
            | {re.escape(w) for pair in VENUE_TAILS for w in pair}
            | {re.escape(w) for w in VENUE_SINGLE}
            | {re.escape(w) for w in CHILD_NOUNS}
            | {"sis", "bro", "st", "saint"}
        )
    )
    + r")\b",
    re.IGNORECASE,
)


def matcher_for(nlp: Any) -> Any:
    """The rule matcher added to this pipeline by :func:`add_rule_layer`."""
    return MATCHERS[id(nlp)]
