"""A made-up public account of 36 posts with known truth, for the dossier tests.

The family is fictional. Truth: the child is Isla, born 9 March 2019, at Brookfield Primary
School; every Wednesday around 17:00 she swims at Highgate Leisure Centre (platform geotag);
photos taken at home in the evenings and at weekends carry GPS near 51.5712, -0.1301.
Decoys: a friend's child's birthday, the mother's own birthday, an adult friend's name,
two weekend visits to a park (frequent, but not a routine), one Wednesday at a café.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from footprint_audit.analyzer import Analyzer
from footprint_audit.context import PostContext, RunContext
from footprint_audit.findings import LocationValue
from footprint_audit.models import Finding, Geotag, Post

LONDON = ZoneInfo("Europe/London")
HOME = (51.5712, -0.1301)
POOL = ("Highgate Leisure Centre", 51.5755, -0.1478)
PARK = ("Hampstead Heath", 51.5608, -0.1633)
CAFE = ("Gail's Bakery", 51.5521, -0.1420)


@dataclass(frozen=True)
class Truth:
    child: str = "Isla"
    birthday: str = "2019-03-09"
    school: str = "Brookfield Primary School"
    routine_weekday: str = "Wednesday"
    routine_time: str = "17:00"
    routine_place: str = POOL[0]
    home: tuple[float, float] = HOME
    name_posts: set[str] = field(default_factory=set)
    birthday_posts: set[str] = field(default_factory=set)
    school_posts: set[str] = field(default_factory=set)
    routine_posts: set[str] = field(default_factory=set)
    home_posts: set[str] = field(default_factory=set)
    decoy_posts: set[str] = field(default_factory=set)


def _utc(local: str) -> datetime:
    return datetime.fromisoformat(local).replace(tzinfo=LONDON).astimezone(UTC)


def build_account() -> tuple[list[Post], Truth]:
    truth = Truth()
    posts: list[Post] = []

    def add(
        local: str,
        caption: str,
        *,
        place: tuple[str, float, float] | None = None,
        gps: tuple[float, float] | None = None,
        role: set[str] | None = None,
    ) -> str:
        pid = f"isla-{len(posts) + 1:02d}"
        raw = {"gps": list(gps)} if gps else {}
        geotag = Geotag(name=place[0], lat=place[1], lon=place[2]) if place else None
        posts.append(
            Post(
                id=pid,
                source="list:isla",
                taken_at=_utc(local),
                caption=caption,
                geotag=geotag,
                visibility="public",
                raw=raw,
            )
        )
        if role is not None:
            role.add(pid)
        return pid

    # name + birthday (two years agree on 9 March 2019)
    p = add("2024-03-09 08:10", "Our Isla turns 5 today!! 🎂🎉 where did the time go #IslaTurns5")
    truth.name_posts.add(p)
    truth.birthday_posts.add(p)
    p = add("2025-03-09 09:30", "Happy 6th birthday to my daughter Isla ❤️ you make every day brighter")
    truth.name_posts.add(p)
    truth.birthday_posts.add(p)
    # school
    add("2024-09-04 08:40", "first day at Brookfield Primary! so proud of her 🎒✨", role=truth.school_posts)
    p = add("2024-12-18 14:00", "Nativity at brookfield primary school today, Isla was an angel 👼")
    truth.school_posts.add(p)
    truth.name_posts.add(p)
    # weekly routine: Wednesdays around 17:00 at the pool, six different weeks
    swim = [
        "Swim class again 🏊‍♀️ getting so brave!",
        "wednesday = swimming 💦",
        "post-swim hot chocolate is the real reason we go",
        "Level 2 badge!!! 🏅 so proud",
        "swimming lesson, she wants to be a mermaid 🧜‍♀️",
        "brr cold pool today",
    ]
    start = datetime(2024, 10, 2, 16, 50)
    for week, text in enumerate(swim):
        when = start + timedelta(weeks=week, minutes=(week * 7) % 25)
        add(when.isoformat(sep=" "), text, place=POOL, role=truth.routine_posts)
    # home: evenings and weekends, GPS in the photo, no names
    home_captions = [
        ("2024-10-05 19:20", "pizza night 🍕"),
        ("2024-10-12 10:05", "lazy saturday pancakes"),
        ("2024-10-20 18:45", "bath time bubbles 🛁"),
        ("2024-11-02 09:15", "rainy morning lego"),
        ("2024-11-16 20:10", "movie night with popcorn"),
        ("2024-11-24 11:30", "baking cookies"),
    ]
    for i, (when, text) in enumerate(home_captions):
        jitter = ((i % 3) - 1) * 0.0002
        add(when, text, gps=(HOME[0] + jitter, HOME[1] - jitter), role=truth.home_posts)
    # filler
    for when, text in [
        ("2024-07-20 12:00", "beach day in Cornwall ☀️"),
        ("2024-08-03 15:00", "ice cream o'clock"),
        ("2024-08-15 11:00", "rainy day crafts 🎨"),
        ("2024-09-14 13:00", "new shoes!"),
        ("2024-10-26 16:00", "pumpkin carving 🎃"),
        ("2024-11-05 19:30", "fireworks night 🎆"),
        ("2024-12-24 17:00", "christmas eve pjs"),
        ("2025-01-01 12:00", "happy new year everyone"),
        ("2025-02-14 18:00", "made cards for the grandparents"),
    ]:
        add(when, text)
    # decoys
    add("2024-06-08 14:00", "Happy birthday Leo! 🎈 such a fun party", role=truth.decoy_posts)
    add("2024-04-21 19:00", "happy birthday to my mum, 60 and fabulous 🥂", role=truth.decoy_posts)
    add("2024-05-10 20:00", "drinks with Sarah Jones tonight 🍸", role=truth.decoy_posts)
    add("2024-06-15 11:00", "picnic", place=PARK, role=truth.decoy_posts)
    add("2024-07-13 11:30", "kite flying", place=PARK, role=truth.decoy_posts)
    add("2024-10-09 10:00", "coffee stop ☕", place=CAFE, role=truth.decoy_posts)
    return posts, truth


class RawGpsAnalyzer(Analyzer):
    """Stands in for the location analyzer: GPS from ``post.raw['gps']``, geotag coordinates."""

    name = "location"
    version = "test"
    categories = ("gps_exif", "geotag")

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        out = []
        gps = post.raw.get("gps")
        if gps:
            out.append(
                Finding(
                    post_id=post.id,
                    media_index=0,
                    analyzer=self.name,
                    category="gps_exif",
                    severity="high",
                    confidence=0.95,
                    summary="The photo stores where it was taken.",
                    value=LocationValue(gps[0], gps[1], source="gps_exif", place="Kentish Town"),
                    evidence={"exif": "GPSInfo"},
                )
            )
        if post.geotag is not None:
            out.append(
                Finding(
                    post_id=post.id,
                    media_index=None,
                    analyzer=self.name,
                    category="geotag",
                    severity="medium",
                    confidence=0.9,
                    summary=f"The post is tagged with a place, {post.geotag.name}.",
                    value=LocationValue(
                        post.geotag.lat, post.geotag.lon, source="geotag", place=post.geotag.name
                    ),
                    evidence={"geotag": post.geotag.name},
                )
            )
        return out


def text_analyzers() -> list[object]:
    from analyzers.ages import AgesAnalyzer
    from analyzers.names import NamesAnalyzer
    from analyzers.places import PlacesAnalyzer
    from analyzers.routines import RoutinesAnalyzer
    from analyzers.schools import SchoolsAnalyzer

    return [NamesAnalyzer(), SchoolsAnalyzer(), PlacesAnalyzer(), AgesAnalyzer(), RoutinesAnalyzer()]


def analyse(posts: Sequence[Post], run: RunContext, analyzers: Sequence[object]) -> list[Finding]:
    from footprint_audit.pipeline import analyze

    return analyze(posts, analyzers, run)  # type: ignore[arg-type]
