"""What every fact rule starts from, worked out once: posts, findings by category, local
times, who the account's children are, and which child each age, birthday and school
mention is about."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..context import RunContext
from ..enrollment import declared_children
from ..findings import AgeValue, NameReason, NameValue, SchoolValue, TextInImageValue
from ..localtime import LocalTime, local_times
from ..models import Finding, Post
from .geo import venue
from .grammar import Pron

_SCHOOL_WORDS = re.compile(
    r"\b(?:primary|academy|nursery|kindergarten|preschool|montessori|school|basisschool)\b|保育園|幼稚園|小学校|こども園",
    re.IGNORECASE,
)


@dataclass
class Child:
    name: str | None
    posts: set[str] = field(default_factory=set)
    name_posts: dict[str, set[str]] = field(default_factory=dict)  # spelling -> posts
    pronouns: Counter[str] = field(default_factory=Counter)
    confidence: float = 0.6

    @property
    def pron(self) -> Pron:
        if self.name is None:
            return Pron.of("child")
        if self.pronouns:
            (word, n), *rest = self.pronouns.most_common()
            if not rest or n > rest[0][1]:
                return Pron.of(word)
        return Pron.of(None)


def first_name(name: str) -> str:
    return name.split()[0].lower()


@dataclass(frozen=True)
class AgeMention:
    """An age or birthday finding, attributed: ``weight`` is how sure it is about that child."""

    finding: Finding
    value: AgeValue
    weight: float


@dataclass(frozen=True)
class SchoolMention:
    """A school named in a caption, read in a photo, or tagged as the post's location."""

    post_id: str
    text: str
    confidence: float
    weight: float


@dataclass
class DossierContext:
    posts: Sequence[Post]
    findings: Sequence[Finding]
    run: RunContext
    today: date
    times: dict[str, LocalTime]
    #: The account's own children, most-named first, and other children named in passing.
    own: list[Child]
    others: dict[str, Child]
    #: Per child name (None: a child we cannot name), their age/birthday and school mentions.
    ages: dict[str | None, list[AgeMention]]
    schools: dict[str | None, list[SchoolMention]]

    @property
    def family_child(self) -> Child | None:
        """The one child of the account, when there is exactly one."""
        return self.own[0] if len(self.own) == 1 else None

    def child(self, name: str | None) -> Child | None:
        return next((c for c in self.own if c.name == name), None) if name is not None else None

    @property
    def child_names(self) -> list[str | None]:
        """Every child some age, birthday or school mention is about."""
        return list(dict.fromkeys([*self.ages, *self.schools]))

    @classmethod
    def build(cls, posts: Sequence[Post], findings: Sequence[Finding], run: RunContext) -> DossierContext:
        own, others = _children(findings, run)
        post_names: dict[str, list[tuple[Finding, NameValue]]] = defaultdict(list)
        for f in findings:
            if f.category == "child_name" and isinstance(f.value, NameValue):
                post_names[f.post_id].append((f, f.value))
        ages: dict[str | None, list[AgeMention]] = defaultdict(list)
        schools: dict[str | None, list[SchoolMention]] = defaultdict(list)
        for f in findings:
            school = _school_text(f)
            if f.category not in ("age_or_birthday", "school") and school is None:
                continue
            child, weight = _attribute(f, post_names, own, others)
            if child is None and (weight == 0.0 and (own or post_names.get(f.post_id))):
                continue  # about another child, or about nobody we can name
            key, weight = (child.name, weight) if child else (None, 0.7)
            if isinstance(f.value, AgeValue):
                ages[key].append(AgeMention(f, f.value, weight))
            elif school is not None:
                # the school's own location tag is surer than its name in a caption
                confidence = 0.8 if f.category == "geotag" else f.confidence
                schools[key].append(SchoolMention(f.post_id, school, confidence, weight))
        return cls(
            posts=posts,
            findings=findings,
            run=run,
            today=run.options.today().date(),
            times=local_times(posts, findings, run),
            own=own,
            others=others,
            ages=dict(ages),
            schools=dict(schools),
        )


def _school_text(f: Finding) -> str | None:
    """The school a finding names: a school finding, school words in a photo or a venue tag."""
    if isinstance(f.value, SchoolValue):
        return f.value.text
    if isinstance(f.value, TextInImageValue) and _SCHOOL_WORDS.search(f.value.text):
        return f.value.text
    tag = venue(f)
    if tag is not None and _SCHOOL_WORDS.search(str(tag.place)):
        return str(tag.place)
    return None


#: Posts a child's name must recur in, with no sign of another family's, to be taken for the
#: family's own child without "my son" or two posts tied to a child.
RECURRING_POSTS = 3


def _children(findings: Sequence[Finding], run: RunContext) -> tuple[list[Child], dict[str, Child]]:
    """The account's own children, and other children named in passing.

    A name is one of the account's children when it is enrolled (or given with --child), when
    a caption calls it "my/our son/daughter", when it is tied to a child in two or more posts, or
    when it recurs in three or more posts and no caption calls it another family's child.
    """
    declared = declared_children(run)
    declared += [f.child for f in findings if f.category == "enrolled_child_face" and f.child]
    by_name: dict[str, Child] = {}
    strong: set[str] = set()
    direct: dict[str, set[str]] = defaultdict(set)
    named_other: set[str] = set()
    for n in declared:
        by_name.setdefault(first_name(n), Child(n.split()[0], confidence=0.95))
        strong.add(first_name(n))
    for f in findings:
        if f.category != "child_name" or not isinstance(f.value, NameValue):
            continue
        name = f.value
        key = first_name(name.text)
        child = by_name.setdefault(key, Child(name.text.split()[0]))
        child.posts.add(f.post_id)
        child.name_posts.setdefault(name.text, set()).add(f.post_id)
        if name.pronoun:
            child.pronouns[name.pronoun] += 1
        if name.reason is NameReason.NAMED_AS_YOUR_CHILD:
            strong.add(key)
        if name.reason is NameReason.NAMED_AS_OTHER_CHILD:
            named_other.add(key)
        elif name.reason is not NameReason.KNOWN_CHILD:
            direct[key].add(f.post_id)
    own: list[Child] = []
    others: dict[str, Child] = {}
    for key, child in by_name.items():
        # A friend, classmate or party host is never taken for one of the account's children.
        if key in named_other and key not in strong and not direct[key]:
            others[key] = child
            continue
        # A name seen once beside an age and then repeated is more likely a friend than ours; a
        # name that recurs through the account (three posts or more) and is never called another
        # family's child is the family's ("Sem in de sneeuw", "Sem is 2!", "Sem naar de opvang").
        recurring = key not in named_other and len(child.posts) >= RECURRING_POSTS
        if key in strong or len(direct[key]) >= 2 or recurring:
            child.confidence = max(child.confidence, min(0.95, 0.6 + 0.1 * len(child.posts)))
            own.append(child)
        else:
            others[key] = child
    candidates = [k for k in others if k not in named_other]
    if not own and candidates:
        # Nobody is called "my son" or named twice: the most-named child is most likely ours.
        key = max(candidates, key=lambda k: (len(others[k].posts), len(direct[k]), k))
        own.append(others.pop(key))
    own.sort(key=lambda c: (-len(c.posts), c.name or ""))
    return own, others


def _attribute(
    f: Finding,
    post_names: dict[str, list[tuple[Finding, NameValue]]],
    own: list[Child],
    others: dict[str, Child],
) -> tuple[Child | None, float]:
    """Which child a finding is about, and how sure (1.0 when the post names only that child)."""
    named = post_names.get(f.post_id, [])
    if named:
        span = f.value.span if isinstance(f.value, (AgeValue, SchoolValue, TextInImageValue)) else None
        field_name = span.field if span is not None else None
        start = span.start if span is not None else 0

        def distance(item: tuple[Finding, NameValue]) -> float:
            where = item[1].span
            same = (where.field if where is not None else None) == field_name
            return (0 if same else 10_000) + abs((where.start if where is not None else 0) - start)

        key = first_name(min(named, key=distance)[1].text)
        for c in own:
            if c.name and first_name(c.name) == key:
                return c, 1.0
        if key in others:
            return None, 0.0  # about someone else's child: no fact about ours
    if len(own) == 1:
        return own[0], 0.85
    return None, 0.0
