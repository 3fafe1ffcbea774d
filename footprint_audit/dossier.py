"""What a stranger can learn: facts that no single post states, inferred across posts.

This is the health visitor's exercise, automated: a name from one caption, a birthday from
"turns 5 today" plus the post date, a school, a home area from photo GPS at evenings and
weekends, a routine from the same place on the same weekday and hour. Every fact names the
posts that prove it, is attached to a child where the posts make that clear, and carries a
plain sentence for the report. This module only joins findings; it never reads images or
captions itself.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from statistics import median

from .context import RunContext
from .localtime import LocalTime, local_times
from .models import Fact, Finding, Post
from .nlp import declared_children

#: A place must appear on at least this many posts before it is "frequent".
FREQUENT_MIN_POSTS = 2
#: A routine needs posts on this many different weeks (one or two could be chance).
ROUTINE_MIN_WEEKS = 3
#: ... within a window this wide on the same weekday.
ROUTINE_WINDOW_MIN = 120
#: Points within this distance are one place; phone GPS wanders 10-50 m indoors.
CLUSTER_RADIUS_M = 250.0
#: A home area needs this many evening/weekend photos there.
HOME_MIN_POSTS = 3
#: Rounding of the reported home area: 3 decimals is about 110 m north-south.
HOME_DECIMALS = 3

#: How much each kind of fact helps a stranger find the child; the report lists in this order.
KIND_RANK = {
    "home_area": 0,
    "school": 1,
    "routine": 2,
    "child_name": 3,
    "birthday": 4,
    "age": 5,
    "frequent_place": 6,
    "appearance": 7,
    "other_child": 8,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SCHOOL_WORDS = re.compile(
    r"\b(?:primary|academy|nursery|kindergarten|preschool|montessori|school|basisschool)\b|保育園|幼稚園|小学校|こども園",
    re.IGNORECASE,
)


# --- grammar ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Pron:
    """The words a sentence about one child needs."""

    subj: str  # "she", "he", "they", "your child"
    poss: str  # "her", "his", "their", "your child's"
    plural_verb: bool

    @classmethod
    def of(cls, word: str | None) -> Pron:
        if word == "she":
            return cls("she", "her", False)
        if word == "he":
            return cls("he", "his", False)
        if word == "child":
            return cls("your child", "your child's", False)
        return cls("they", "their", True)

    def verb(self, singular: str, plural: str) -> str:
        return plural if self.plural_verb else singular

    @staticmethod
    def cap(text: str) -> str:
        return text[:1].upper() + text[1:]


# --- who the children are ---------------------------------------------------------------


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


def _first(name: str) -> str:
    return name.split()[0].lower()


def _children(findings: Sequence[Finding], run: RunContext) -> tuple[list[Child], dict[str, Child]]:
    """The account's own children, and other children named in passing.

    A name is one of the account's children when it is enrolled (or given with --child), when
    a caption calls it "my/our son/daughter", or when it is tied to a child in two or more posts.
    """
    declared = declared_children(run)
    declared += [f.child for f in findings if f.category == "enrolled_child_face" and f.child]
    by_name: dict[str, Child] = {}
    strong: set[str] = set()
    direct: dict[str, set[str]] = defaultdict(set)
    for n in declared:
        by_name.setdefault(_first(n), Child(n.split()[0], confidence=0.95))
        strong.add(_first(n))
    for f in findings:
        if f.category != "child_name" or not isinstance(f.value, str):
            continue
        key = _first(f.value)
        child = by_name.setdefault(key, Child(f.value.split()[0]))
        child.posts.add(f.post_id)
        child.name_posts.setdefault(f.value, set()).add(f.post_id)
        pron = f.evidence.get("pronoun") if f.evidence else None
        if pron:
            child.pronouns[pron] += 1
        why = f.evidence.get("why") if f.evidence else None
        if why == "named as your child":
            strong.add(key)
        if why != "the name of your child":
            direct[key].add(f.post_id)
    own: list[Child] = []
    others: dict[str, Child] = {}
    for key, child in by_name.items():
        # A name seen once beside an age and then repeated is more likely a friend than ours.
        if key in strong or len(direct[key]) >= 2:
            child.confidence = max(child.confidence, min(0.95, 0.6 + 0.1 * len(child.posts)))
            own.append(child)
        else:
            others[key] = child
    if not own and others:
        # Nobody is called "my son" or named twice: the most-named child is most likely ours.
        key = max(others, key=lambda k: (len(others[k].posts), len(direct[k]), k))
        own.append(others.pop(key))
    own.sort(key=lambda c: (-len(c.posts), c.name or ""))
    return own, others


def _attribute(
    f: Finding, post_names: dict[str, list[Finding]], own: list[Child], others: dict[str, Child]
) -> tuple[Child | None, float]:
    """Which child a finding is about, and how sure (1.0 when the post names only that child)."""
    named = post_names.get(f.post_id, [])
    if named:
        field_name = f.evidence.get("field") if f.evidence else None
        start = f.evidence.get("start", 0) if f.evidence else 0

        def distance(n: Finding) -> float:
            same = n.evidence.get("field") == field_name
            return (0 if same else 10_000) + abs(int(n.evidence.get("start", 0)) - int(start))

        nearest = min(named, key=distance)
        key = _first(str(nearest.value))
        for c in own:
            if c.name and _first(c.name) == key:
                return c, 1.0
        if key in others:
            return None, 0.0  # about someone else's child: no fact about ours
    if len(own) == 1:
        return own[0], 0.85
    return None, 0.0


# --- geometry ---------------------------------------------------------------------------


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def _clusters(points: dict[str, tuple[float, float]], min_posts: int) -> list[tuple[list[str], float, float]]:
    """Greedy density clusters: (post ids, lat, lon), largest first."""
    left = dict(points)
    out: list[tuple[list[str], float, float]] = []
    while left:
        best_id, best = max(
            left.items(),
            key=lambda kv: (sum(1 for p in left.values() if _metres(kv[1], p) <= CLUSTER_RADIUS_M), kv[0]),
        )
        members = [pid for pid, p in left.items() if _metres(best, p) <= CLUSTER_RADIUS_M]
        if len(members) < min_posts:
            break
        lat = sum(left[m][0] for m in members) / len(members)
        lon = sum(left[m][1] for m in members) / len(members)
        out.append((sorted(members), lat, lon))
        for m in members:
            del left[m]
    return out


def _named_tag(f: Finding) -> bool:
    """A platform location with a name of its own (a venue), not just the town it is near."""
    v = f.value if isinstance(f.value, dict) else {}
    return bool(v.get("place")) and v.get("place") != v.get("near")


def _nearby_name(findings: Sequence[Finding], lat: float, lon: float) -> str | None:
    """The name of a platform-tagged venue within a cluster's radius, if any."""
    best: tuple[float, str] | None = None
    for f in findings:
        if f.category == "geotag" and _named_tag(f) and f.value.get("lat") is not None:
            d = _metres((lat, lon), (float(f.value["lat"]), float(f.value["lon"])))
            if d <= CLUSTER_RADIUS_M and (best is None or d < best[0]):
                best = (d, str(f.value["place"]))
    return best[1] if best else None


def _points(
    findings: Sequence[Finding], *, named_geotags: bool
) -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    """Post id -> (lat, lon) and post id -> place name. Photo GPS wins over a geotag."""
    pts: dict[str, tuple[float, float]] = {}
    names: dict[str, str] = {}
    for category in ("gps_exif", "geotag"):
        for f in findings:
            if f.category != category or not isinstance(f.value, dict) or f.post_id in pts:
                continue
            lat, lon = f.value.get("lat"), f.value.get("lon")
            if lat is None or lon is None:
                continue
            if category == "geotag" and _named_tag(f) and not named_geotags:
                continue  # a named platform location is a venue, not where a photo was taken at home
            pts[f.post_id] = (float(lat), float(lon))
            if f.value.get("place"):
                names[f.post_id] = str(f.value["place"])
    return pts, names


def _fmt_date(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _fmt_day(d: date) -> str:
    return f"{d.day} {d.strftime('%B')}"


# --- the facts --------------------------------------------------------------------------


def _name_facts(own: list[Child]) -> list[Fact]:
    facts = []
    for c in own:
        if not c.name or not c.posts:
            continue
        spelling = max(c.name_posts, key=lambda s: (len(s.split()), len(c.name_posts[s]), s))
        p = c.pron
        full = " " in spelling
        facts.append(
            Fact(
                kind="child_name",
                value=spelling,
                child=c.name,
                confidence=round(c.confidence, 2),
                evidence_post_ids=tuple(sorted(c.posts)),
                sentence=f"{Pron.cap(p.poss)} {'full ' if full else ''}name is {spelling}.",
                detail=f"Written in {len(c.posts)} post(s).",
            )
        )
    return facts


@dataclass
class _BirthdayClue:
    post_id: str
    day: date  # a date in the birthday's month/day; its year is the birth year when known
    year_known: bool
    exact: bool
    text: str
    posted: date
    weight: float


def _birthday_clues(
    findings: Sequence[Finding],
    times: dict[str, LocalTime],
    attribution: dict[str, tuple[Child | None, float]],
) -> dict[str | None, list[_BirthdayClue]]:
    clues: dict[str | None, list[_BirthdayClue]] = defaultdict(list)
    for f in findings:
        if f.category != "age_or_birthday" or not isinstance(f.value, dict) or f.post_id not in times:
            continue
        child, weight = attribution.get(f.id, (None, 0.0))
        if child is None and weight == 0.0:
            continue
        posted = times[f.post_id].when.date()
        v = f.value
        text = str(v.get("text", ""))
        exact = bool(re.search(r"today|vandaag|今日", text, re.I))
        if v.get("half"):
            day = _shift_months(posted, -6)
            clues[child.name if child else None].append(
                _BirthdayClue(f.post_id, day, False, False, text, posted, 0.5 * weight)
            )
        elif v.get("birthday"):
            years = v.get("years")
            year = posted.year - int(years) if isinstance(years, int) else posted.year
            day = _safe_date(year, posted.month, posted.day)
            # "birthday party" with no age and no "today" is often days later: a weak clue
            strength = weight if (exact or isinstance(years, int)) else 0.5 * weight
            clues[child.name if child else None].append(
                _BirthdayClue(f.post_id, day, isinstance(years, int), exact, text, posted, strength)
            )
    return clues


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February in a year without one
        return date(year, month, 28)


def _shift_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    return _safe_date(d.year + m // 12, m % 12 + 1, d.day)


def _day_distance(a: date, b: date) -> int:
    da = _safe_date(2000, a.month, a.day).timetuple().tm_yday
    db = _safe_date(2000, b.month, b.day).timetuple().tm_yday
    diff = abs(da - db)
    return min(diff, 366 - diff)


def _birthday_facts(child: Child | None, clues: list[_BirthdayClue], today: date) -> list[Fact]:
    """One fact per group of agreeing clues; disagreeing groups are kept, less sure."""
    groups: list[list[_BirthdayClue]] = []
    for clue in sorted(clues, key=lambda c: (-c.weight, c.posted)):
        for g in groups:
            # exact clues agree within 3 days; a party or a post without "today" within a week
            if _day_distance(g[0].day, clue.day) <= (3 if clue.exact and g[0].exact else 7):
                g.append(clue)
                break
        else:
            groups.append([clue])
    groups.sort(key=lambda g: -sum(c.weight for c in g))
    pron = child.pron if child else Pron.of("child")
    name = child.name if child else None
    facts: list[Fact] = []
    for rank, g in enumerate(groups[:3]):
        # the most common month/day among the strongest clues
        exact = [c for c in g if c.exact] or g
        md = Counter((c.day.month, c.day.day) for c in exact).most_common(1)[0][0]
        years = Counter(c.day.year for c in g if c.year_known)
        year = years.most_common(1)[0][0] if years else None
        support = sum(c.weight for c in g)
        confidence = min(0.95, 0.45 + 0.15 * support + (0.1 if any(c.exact for c in g) else 0.0))
        if rank > 0:
            confidence *= 0.7
        ids = tuple(sorted({c.post_id for c in g}))
        best = max(g, key=lambda c: (c.exact, c.year_known, c.weight))
        born = _safe_date(year, *md) if year else None
        if born:
            value = born.isoformat()
            if best.year_known:
                age_then = best.posted.year - born.year - ((best.posted.month, best.posted.day) < md)
                age_then = max(age_then, best.posted.year - born.year)
                sentence = (
                    f"{Pron.cap(pron.subj)} turned {age_then} on {_fmt_date(best.posted)}, "
                    f"so {pron.subj} {pron.verb('was', 'were')} born on {_fmt_date(born)}."
                )
            else:
                sentence = f"{Pron.cap(pron.poss)} birthday is {_fmt_date(born)}."
        else:
            value = f"--{md[0]:02d}-{md[1]:02d}"
            sentence = f"{Pron.cap(pron.poss)} birthday is around {_fmt_day(_safe_date(2000, *md))}."
        how = (
            "the post says it is the day itself"
            if best.exact
            else "if the post was not made on the day itself, the date may be off by a few days"
        )
        detail = f"Worked out from “{best.text}” in a post dated {_fmt_date(best.posted)}; {how}."
        if rank > 0:
            detail += " Other posts point to a different date, so both are shown."
        facts.append(
            Fact(
                kind="birthday",
                value=value,
                child=name,
                confidence=round(confidence, 2),
                evidence_post_ids=ids,
                sentence=sentence,
                detail=detail,
            )
        )
    return facts


def _age_fact(
    child: Child | None,
    birthdays: list[Fact],
    age_findings: list[tuple[Finding, float]],
    times: dict[str, LocalTime],
    today: date,
) -> list[Fact]:
    pron = child.pron if child else Pron.of("child")
    name = child.name if child else None
    for b in birthdays:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", b.value):
            born = date.fromisoformat(b.value)
            years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
            if years < 0:
                continue
            return [
                Fact(
                    kind="age",
                    value=str(years),
                    child=name,
                    confidence=round(b.confidence * 0.95, 2),
                    evidence_post_ids=b.evidence_post_ids,
                    sentence=f"{Pron.cap(pron.subj)} {pron.verb('is', 'are')} {years} now.",
                    detail=f"From the birthday worked out above, as of {_fmt_date(today)}.",
                )
            ]
    # No birthday: the latest stated age, moved on by the time since that post.
    stated = [
        (f, w)
        for f, w in age_findings
        if isinstance(f.value, dict)
        and (f.value.get("years") is not None or f.value.get("months") is not None)
        and f.post_id in times
    ]
    if not stated:
        return []
    f, w = max(stated, key=lambda fw: times[fw[0].post_id].when.replace(tzinfo=None))
    posted = times[f.post_id].when.date()
    months = (f.value.get("years") or 0) * 12 + (f.value.get("months") or 0)
    months += (today.year - posted.year) * 12 + (today.month - posted.month)
    years = months // 12
    value = f"about {years}" if years >= 1 else f"about {months} months"
    return [
        Fact(
            kind="age",
            value=value,
            child=name,
            confidence=round(0.6 * w, 2),
            evidence_post_ids=(f.post_id,),
            sentence=f"{Pron.cap(pron.subj)} {pron.verb('is', 'are')} {value} now.",
            detail=(
                f"“{f.value.get('text')}” in a post dated {_fmt_date(posted)}, moved on to "
                f"{_fmt_date(today)}; accurate to about a year."
            ),
        )
    ]


def _school_key(name: str) -> str:
    key = re.sub(r"[^\w\s]", "", name.lower())
    key = re.sub(r"\b(?:school|the)\b", "", key)
    return re.sub(r"\s+", " ", key).strip()


def _school_facts(child: Child | None, found: list[tuple[Finding, float]]) -> list[Fact]:
    groups: dict[str, list[tuple[Finding, float]]] = defaultdict(list)
    for f, w in found:
        groups[_school_key(str(f.value))].append((f, w))
    pron = child.pron if child else Pron.of("child")
    facts = []
    for items in groups.values():
        spelling = Counter(str(f.value) for f, _ in items).most_common()
        value = max((s for s, _ in spelling), key=lambda s: (len(s), s))
        ids = tuple(sorted({f.post_id for f, _ in items}))
        base = max(f.confidence * w for f, w in items)
        confidence = min(0.95, base + 0.05 * (len(ids) - 1))
        facts.append(
            Fact(
                kind="school",
                value=value,
                child=child.name if child else None,
                confidence=round(confidence, 2),
                evidence_post_ids=ids,
                sentence=f"{Pron.cap(pron.subj)} {pron.verb('goes', 'go')} to {value}.",
                detail=f"Named in {len(ids)} post(s).",
            )
        )
    facts.sort(key=lambda fa: (-len(fa.evidence_post_ids), -fa.confidence))
    return facts


def _zones_used(post_ids: Iterable[str], times: dict[str, LocalTime]) -> str:
    """'local time from ... (Europe/London)', or several of them, for a fact's detail."""
    used = Counter(times[pid].explanation for pid in post_ids if pid in times)
    if len(used) == 1:
        return next(iter(used))
    return "local time (" + "; ".join(f"{n} posts: {why}" for why, n in used.most_common()) + ")"


def _is_home_time(lt: LocalTime) -> bool:
    h = lt.when.hour
    return lt.when.weekday() >= 5 or h >= 18 or h < 8


def _home_facts(
    posts: Sequence[Post], findings: Sequence[Finding], times: dict[str, LocalTime], child: Child | None
) -> list[Fact]:
    pts, names = _points(findings, named_geotags=False)
    home_pts = {pid: p for pid, p in pts.items() if pid in times and _is_home_time(times[pid])}
    clusters = _clusters(home_pts, HOME_MIN_POSTS)
    if not clusters:
        return []
    ids, lat, lon = clusters[0]
    pron = child.pron if child else Pron.of("child")
    rlat, rlon = round(lat, HOME_DECIMALS), round(lon, HOME_DECIMALS)
    spread = max(_metres((lat, lon), home_pts[i]) for i in ids)
    near = Counter(names[i] for i in ids if i in names).most_common(1)
    where = f" near {near[0][0]}" if near else ""
    share = len(ids) / max(1, len(home_pts))
    return [
        Fact(
            kind="home_area",
            value=f"around {rlat:.3f}, {rlon:.3f}{where}",
            child=child.name if child else None,
            confidence=round(min(0.95, 0.5 + 0.08 * len(ids) + 0.2 * share), 2),
            evidence_post_ids=tuple(ids),
            lat=rlat,
            lon=rlon,
            sentence=(
                f"{len(ids)} photos taken in the evening or at the weekend were taken within "
                f"{int(max(spread, 50)):d} m of one spot: {pron.subj} probably {pron.verb('lives', 'live')} "
                f"around {rlat:.3f}, {rlon:.3f}{where}."
            ),
            detail=(
                "From the GPS position stored in the photos; the position shown is rounded to about "
                "110 m, but the photos themselves give it to a few metres. Evenings and weekends in "
                f"{_zones_used(ids, times)}."
            ),
        )
    ]


@dataclass
class _Visit:
    post_id: str
    when: datetime


def _routine_facts(
    findings: Sequence[Finding],
    times: dict[str, LocalTime],
    child: Child | None,
    home: tuple[float, float] | None = None,
) -> list[Fact]:
    """Same place, same weekday, same two hours, on three or more different weeks."""
    places: dict[str, tuple[str, float | None, float | None, int]] = {}  # key -> label, lat, lon, priority
    visits: dict[str, list[_Visit]] = defaultdict(list)

    def add(key: str, label: str, post_id: str, lat: float | None, lon: float | None, priority: int) -> None:
        if post_id not in times:
            return
        if key not in places or places[key][3] > priority:
            places[key] = (label, lat, lon, priority)
        if all(v.post_id != post_id for v in visits[key]):
            visits[key].append(_Visit(post_id, times[post_id].when))

    for f in findings:
        v = f.value
        if f.category == "geotag" and isinstance(v, dict) and _named_tag(f):
            add("tag:" + str(v["place"]).lower(), str(v["place"]), f.post_id, v.get("lat"), v.get("lon"), 0)
        elif f.category in ("place_mention", "school") and isinstance(v, str) and f.severity != "low":
            add("name:" + _school_key(v), v, f.post_id, None, None, 1)
        elif f.category == "routine_hint" and isinstance(v, dict) and v.get("activity"):
            act = str(v["activity"])
            add("act:" + act, f"{act} class", f.post_id, None, None, 3)
    pts, names = _points(findings, named_geotags=True)
    for ids, clat, clon in _clusters(pts, ROUTINE_MIN_WEEKS):
        if home is not None and _metres(home, (clat, clon)) <= CLUSTER_RADIUS_M:
            continue  # being at home on Saturday evenings is not a routine a stranger can use
        common = Counter(names[i] for i in ids if i in names).most_common(1)
        text = _nearby_name(findings, clat, clon) or (
            common[0][0] if common else f"the spot at {clat:.3f}, {clon:.3f}"
        )
        for pid in ids:
            add(f"gps:{clat:.4f},{clon:.4f}", text, pid, clat, clon, 2)

    found: list[tuple[int, Fact]] = []
    pron = child.pron if child else Pron.of("child")
    for key, vs in visits.items():
        label, lat, lon, priority = places[key]
        by_day: dict[int, list[_Visit]] = defaultdict(list)
        for v in vs:
            by_day[v.when.weekday()].append(v)
        for wd, day_visits in by_day.items():
            day_visits.sort(key=lambda v: v.when.hour * 60 + v.when.minute)
            best: list[_Visit] = []
            for i, first in enumerate(day_visits):
                start = first.when.hour * 60 + first.when.minute
                window = [
                    v
                    for v in day_visits[i:]
                    if v.when.hour * 60 + v.when.minute - start <= ROUTINE_WINDOW_MIN
                ]
                weeks = {v.when.isocalendar()[:2] for v in window}
                if len(weeks) > len({v.when.isocalendar()[:2] for v in best}):
                    best = window
            weeks = {v.when.isocalendar()[:2] for v in best}
            if len(weeks) < ROUTINE_MIN_WEEKS:
                continue
            minutes = [v.when.hour * 60 + v.when.minute for v in best]
            mid = int(round(median(minutes) / 15.0) * 15) % (24 * 60)
            hhmm = f"{mid // 60:02d}:{mid % 60:02d}"
            day = WEEKDAYS[wd]
            if key.startswith("act:"):
                sentence = f"On {day}s around {hhmm} {pron.subj} {pron.verb('goes', 'go')} to {label}."
            else:
                sentence = f"On {day}s around {hhmm} {pron.subj} {pron.verb('is', 'are')} at {label}."
            lo, hi = min(minutes), max(minutes)
            found.append(
                (
                    priority,
                    Fact(
                        kind="routine",
                        value=f"{day}s around {hhmm} at {label}",
                        child=child.name if child else None,
                        confidence=round(min(0.95, 0.5 + 0.1 * len(weeks)), 2),
                        evidence_post_ids=tuple(sorted({v.post_id for v in best})),
                        lat=round(lat, HOME_DECIMALS) if lat is not None else None,
                        lon=round(lon, HOME_DECIMALS) if lon is not None else None,
                        weekday=day,
                        time_of_day=hhmm,
                        sentence=sentence,
                        detail=(
                            f"Posts on {len(weeks)} different weeks, all on a {day} between "
                            f"{lo // 60:02d}:{lo % 60:02d} and {hi // 60:02d}:{hi % 60:02d} "
                            f"{_zones_used([v.post_id for v in best], times)}."
                        ),
                    ),
                )
            )
    # One routine seen through several lenses (geotag, GPS, caption) is reported once.
    found.sort(key=lambda pf: (pf[0], -len(pf[1].evidence_post_ids)))
    kept: list[Fact] = []
    for _, fact in found:
        id_set = set(fact.evidence_post_ids)
        if any(
            k.weekday == fact.weekday and len(id_set & set(k.evidence_post_ids)) * 2 >= len(id_set)
            for k in kept
        ):
            continue
        kept.append(fact)
    return kept


def _is_school_run(lt: LocalTime) -> bool:
    minutes = lt.when.hour * 60 + lt.when.minute
    return lt.when.weekday() < 5 and (
        7 * 60 + 30 <= minutes <= 9 * 60 + 30 or 14 * 60 + 45 <= minutes <= 15 * 60 + 45
    )


def _school_run_facts(
    findings: Sequence[Finding],
    times: dict[str, LocalTime],
    child: Child | None,
    home: tuple[float, float] | None,
) -> list[Fact]:
    """GPS clustered at drop-off and pick-up times on weekdays: probably a school or nursery."""
    pts, names = _points(findings, named_geotags=True)
    run_pts = {pid: p for pid, p in pts.items() if pid in times and _is_school_run(times[pid])}
    facts = []
    pron = child.pron if child else Pron.of("child")
    for ids, lat, lon in _clusters(run_pts, ROUTINE_MIN_WEEKS):
        if home is not None and _metres(home, (lat, lon)) <= CLUSTER_RADIUS_M:
            continue
        near = Counter(names[i] for i in ids if i in names).most_common(1)
        venue = _nearby_name(findings, lat, lon)
        where = f" near {venue}" if venue else f" near {near[0][0]}" if near else ""
        rlat, rlon = round(lat, HOME_DECIMALS), round(lon, HOME_DECIMALS)
        facts.append(
            Fact(
                kind="frequent_place",
                value=f"probably a school or nursery at {rlat:.3f}, {rlon:.3f}{where}",
                child=child.name if child else None,
                confidence=round(min(0.85, 0.4 + 0.1 * len(ids)), 2),
                evidence_post_ids=tuple(ids),
                lat=rlat,
                lon=rlon,
                sentence=(
                    f"{len(ids)} photos taken on weekday mornings or afternoons at school times come from "
                    f"one spot{where}: probably {pron.poss} school or nursery."
                ),
                detail="From photo GPS at drop-off (07:30-09:30) and pick-up (14:45-15:45) times on weekdays.",
            )
        )
    return facts


def _frequent_places(findings: Sequence[Finding]) -> list[Fact]:
    """Named places (platform geotags, reverse-geocoded GPS) seen on several posts."""
    posts_by_place: dict[str, set[str]] = defaultdict(set)
    coords: dict[str, tuple[float, float]] = {}
    for f in findings:
        if f.category not in ("geotag", "gps_exif") or not isinstance(f.value, dict):
            continue
        name = f.value.get("place")
        if not name:
            continue
        posts_by_place[name].add(f.post_id)
        if f.value.get("lat") is not None and name not in coords:
            coords[name] = (float(f.value["lat"]), float(f.value["lon"]))
    facts = []
    for name, ids in posts_by_place.items():
        if len(ids) < FREQUENT_MIN_POSTS:
            continue
        lat, lon = coords.get(name, (None, None))
        facts.append(
            Fact(
                kind="frequent_place",
                value=name,
                child=None,
                confidence=min(0.95, 0.5 + 0.1 * len(ids)),
                evidence_post_ids=tuple(sorted(ids)),
                lat=round(lat, 3) if lat is not None else None,
                lon=round(lon, 3) if lon is not None else None,
                sentence=f"Posts were made at or near {name} {len(ids)} times.",
            )
        )
    facts.sort(key=lambda f: (-len(f.evidence_post_ids), f.value))
    return facts


def _appearance_facts(findings: Sequence[Finding], own: list[Child]) -> list[Fact]:
    facts = []
    by_child: dict[str, set[str]] = defaultdict(set)
    anon: set[str] = set()
    for f in findings:
        if f.category == "enrolled_child_face" and f.child:
            by_child[f.child].add(f.post_id)
        elif f.category == "child_face":
            anon.add(f.post_id)
    for name, ids in by_child.items():
        child = next((c for c in own if c.name and _first(c.name) == _first(name)), None)
        pron = child.pron if child else Pron.of(None)
        facts.append(
            Fact(
                kind="appearance",
                value=f"face visible in {len(ids)} posts",
                child=child.name if child else name,
                confidence=0.9,
                evidence_post_ids=tuple(sorted(ids)),
                sentence=f"{Pron.cap(pron.poss)} face can be seen in {len(ids)} post(s): a stranger would recognise {'her' if pron.subj == 'she' else 'him' if pron.subj == 'he' else 'them'}.",
                detail="From face matching against the enrolled photos.",
            )
        )
    anon -= {pid for ids in by_child.values() for pid in ids}
    if anon:
        child = own[0] if len(own) == 1 else None
        facts.append(
            Fact(
                kind="appearance",
                value=f"a child's face visible in {len(anon)} posts",
                child=child.name if child else None,
                confidence=0.6 if child else 0.5,
                evidence_post_ids=tuple(sorted(anon)),
                sentence=f"A child's face can be seen in {len(anon)} post(s).",
                detail="A face that looks like a child's; no child is enrolled to say whose.",
            )
        )
    return facts


def _other_child_facts(findings: Sequence[Finding], others: dict[str, Child]) -> list[Fact]:
    facts = []
    for c in others.values():
        if not c.name:
            continue
        facts.append(
            Fact(
                kind="other_child",
                value=c.name,
                child=None,
                confidence=0.6,
                evidence_post_ids=tuple(sorted(c.posts)),
                sentence=f"Another child, {c.name}, is named too.",
                detail="Named once with a child's age, birthday or activity; not one of yours as far as the posts show.",
            )
        )
    faces = sorted({f.post_id for f in findings if f.category == "other_child_face"})
    if faces:
        facts.append(
            Fact(
                kind="other_child",
                value=f"other children's faces in {len(faces)} posts",
                child=None,
                confidence=0.7,
                evidence_post_ids=tuple(faces),
                sentence=f"Other children's faces can be seen in {len(faces)} post(s); their parents may not know.",
            )
        )
    return facts


def build_dossier(posts: Sequence[Post], findings: Sequence[Finding], run: RunContext) -> list[Fact]:
    """Every fact a stranger could piece together, most useful for finding the child first."""
    times = local_times(posts, findings, run)
    today = run.options.today().date()
    own, others = _children(findings, run)

    post_names: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.category == "child_name" and isinstance(f.value, str):
            post_names[f.post_id].append(f)
    attribution: dict[str, tuple[Child | None, float]] = {}
    by_child: dict[str | None, dict[str, list[tuple[Finding, float]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for f in findings:
        school_text = (
            f.category == "text_in_image" and isinstance(f.value, str) and bool(_SCHOOL_WORDS.search(f.value))
        ) or (f.category == "geotag" and _named_tag(f) and bool(_SCHOOL_WORDS.search(str(f.value["place"]))))
        if f.category not in ("age_or_birthday", "school") and not school_text:
            continue
        child, weight = _attribute(f, post_names, own, others)
        if child is None and (weight == 0.0 and (own or post_names.get(f.post_id))):
            continue  # about another child, or about nobody we can name
        attribution[f.id] = (child, weight if child else 0.7)
        kind = "school" if school_text else f.category
        if school_text and f.category == "geotag":
            # the school's own location tag: the name is the tag's
            f = replace(f, value=str(f.value["place"]), confidence=0.8)
        by_child[child.name if child else None][kind].append((f, weight if child else 0.7))

    facts: list[Fact] = list(_name_facts(own))
    clues = _birthday_clues(findings, times, attribution)
    lookup: dict[str | None, Child | None] = {c.name: c for c in own}
    lookup.setdefault(None, None)
    for name in set(by_child) | set(clues):
        child = lookup.get(name)
        bdays = _birthday_facts(child, clues.get(name, []), today)
        facts += bdays
        facts += _age_fact(child, bdays, by_child[name]["age_or_birthday"], times, today)
        facts += _school_facts(child, by_child[name]["school"])

    family_child = own[0] if len(own) == 1 else None
    home_facts = _home_facts(posts, findings, times, family_child)
    facts += home_facts
    home: tuple[float, float] | None = None
    if home_facts and home_facts[0].lat is not None and home_facts[0].lon is not None:
        home = (home_facts[0].lat, home_facts[0].lon)
    facts += _routine_facts(findings, times, family_child, home)
    facts += _school_run_facts(findings, times, family_child, home)
    facts += _frequent_places(findings)
    facts += _appearance_facts(findings, own)
    facts += _other_child_facts(findings, others)

    order = {c.name: i for i, c in enumerate(own)}
    facts.sort(key=lambda f: (order.get(f.child, len(order)), KIND_RANK[f.kind], -f.confidence))
    if facts:
        run.note(f"The dossier joined findings from {len(posts)} posts into {len(facts)} facts.")
    return facts


def facts_for(facts: Iterable[Fact], child: str | None) -> list[Fact]:
    return [f for f in facts if f.child == child]
