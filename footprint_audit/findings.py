"""What a finding found, typed: one small frozen value per finding family.

Analyzers build these; the dossier, the risk rule and the report read their fields. Each
type writes itself in the exact shape report.json has always used (``to_json``: location
objects with lat/lon, faces with a box, names, schools and places as the text as written)
and reads that shape back (``from_json``). A few fields are for the dossier only and have no
place in the report's shape (where in the text a name stood, why it is a child's name): they
travel separately as ``detail_json`` so that a cached finding comes back whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, ClassVar, Self


class NameReason(Enum):
    """Why the names analyzer holds a name to be a child's (shown to the parent as written)."""

    NAMED_AS_YOUR_CHILD = "named as your child"
    GIVEN_WITH_AN_AGE = "given with an age"
    NAMED_WITH_AN_AGE = "named with an age"
    NAMED_WITH_A_BIRTHDAY = "named with a birthday"
    NAMED_WITH_SCHOOL_OR_ACTIVITY = "named with a school or activity"
    NAMED_STARTING_SCHOOL = "named starting school"
    #: The name of an enrolled child, or of one named as a child in another post.
    KNOWN_CHILD = "the name of your child"
    #: Found by the language model next to a school, an age or an activity.
    BESIDE_CHILD_CONTEXT = "named beside a child's school, age or activity"
    #: A first name in a post about the family, with no sign that it is an adult's.
    NAMED_IN_A_FAMILY_POST = "a first name in a post about the family"
    #: A friend, classmate, cousin or party host: a child, but another family's.
    NAMED_AS_OTHER_CHILD = "named as another family's child"


@dataclass(frozen=True)
class TextSpan:
    """Where a piece of text stood: the field (``caption``, ``alt:0``, ``comment:2``) and
    offsets into that field's original text."""

    field: str
    start: int
    end: int

    def to_json(self) -> list[Any]:
        return [self.field, self.start, self.end]

    @classmethod
    def from_json(cls, data: Any) -> TextSpan | None:
        if not data:
            return None
        field, start, end = data
        return cls(str(field), int(start), int(end))


class _Value:
    """What every value type offers; subclasses are frozen dataclasses."""

    #: The finding categories this type belongs to.
    categories: ClassVar[tuple[str, ...]] = ()

    def to_json(self) -> Any:
        raise NotImplementedError

    def detail_json(self) -> dict[str, Any]:
        """Fields the report's shape has no room for; empty for most types."""
        return {}

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        raise NotImplementedError


def _span_detail(span: TextSpan | None) -> dict[str, Any]:
    return {"span": span.to_json()} if span is not None else {}


def _span_of(detail: Mapping[str, Any] | None) -> TextSpan | None:
    return TextSpan.from_json((detail or {}).get("span"))


# --- where ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LocationValue(_Value):
    """A position: GPS written into a photo file (``source="gps_exif"``) or the platform's
    place tag (``source="geotag"``). ``place`` is the venue's own name for a tag, the nearest
    town for GPS; ``near`` (tags only) is the town near the tagged point."""

    categories: ClassVar[tuple[str, ...]] = ("gps_exif", "geotag")

    lat: float | None
    lon: float | None
    source: str = "gps_exif"
    place: str | None = None
    country: str | None = None
    precision_m: float | None = None
    # photo GPS only
    altitude: float | None = None
    gps_time: str | None = None
    distance_to_place_km: float | None = None
    # platform tags only
    near: str | None = None
    location_id: str | None = None
    address: str | None = None

    def __post_init__(self) -> None:
        if self.source not in self.categories:
            raise ValueError(f"a location's source is one of {self.categories}, not {self.source!r}")

    @property
    def point(self) -> tuple[float, float] | None:
        if self.lat is None or self.lon is None:
            return None
        return float(self.lat), float(self.lon)

    @property
    def named_venue(self) -> bool:
        """A platform location with a name of its own (a venue), not just the town it is near."""
        return self.source == "geotag" and bool(self.place) and self.place != self.near

    def to_json(self) -> dict[str, Any]:
        if self.source == "gps_exif":
            return {
                "lat": self.lat,
                "lon": self.lon,
                "altitude": self.altitude,
                "place": self.place,
                "country": self.country,
                "precision_m": self.precision_m,
                "gps_time": self.gps_time,
                "distance_to_place_km": self.distance_to_place_km,
            }
        return {
            "lat": self.lat,
            "lon": self.lon,
            "place": self.place,
            "near": self.near,
            "country": self.country,
            "precision_m": self.precision_m,
            "location_id": self.location_id,
            "address": self.address,
        }

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        geotag = "near" in data or "location_id" in data
        return cls(
            lat=data.get("lat"),
            lon=data.get("lon"),
            source="geotag" if geotag else "gps_exif",
            place=data.get("place"),
            country=data.get("country"),
            precision_m=data.get("precision_m"),
            altitude=data.get("altitude"),
            gps_time=data.get("gps_time"),
            distance_to_place_km=data.get("distance_to_place_km"),
            near=data.get("near"),
            location_id=data.get("location_id"),
            address=data.get("address"),
        )


@dataclass(frozen=True)
class _TextValue(_Value):
    """A piece of text as written, and where it stood."""

    text: str
    span: TextSpan | None = None

    def to_json(self) -> str:
        return self.text

    def detail_json(self) -> dict[str, Any]:
        return _span_detail(self.span)

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        return cls(str(data), _span_of(detail))


@dataclass(frozen=True)
class PlaceValue(_TextValue):
    """A place named in text ("Hampstead Heath", "Kentish Town Sports Centre")."""

    categories: ClassVar[tuple[str, ...]] = ("place_mention",)


@dataclass(frozen=True)
class SchoolValue(_TextValue):
    """A school or nursery named in text, in one normalised spelling."""

    categories: ClassVar[tuple[str, ...]] = ("school",)


@dataclass(frozen=True)
class TextInImageValue(_TextValue):
    """Text read in a photo; several blocks are joined with " / "."""

    categories: ClassVar[tuple[str, ...]] = ("text_in_image",)


# --- who --------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameValue(_Value):
    """A name as written; for a child's name, why it is a child's and the pronoun the text uses."""

    categories: ClassVar[tuple[str, ...]] = ("child_name", "person_name")

    text: str
    reason: NameReason | None = None
    pronoun: str | None = None
    span: TextSpan | None = None

    def to_json(self) -> str:
        return self.text

    def detail_json(self) -> dict[str, Any]:
        out = _span_detail(self.span)
        if self.reason is not None:
            out["reason"] = self.reason.value
        if self.pronoun is not None:
            out["pronoun"] = self.pronoun
        return out

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        d = detail or {}
        reason = d.get("reason")
        return cls(str(data), NameReason(reason) if reason else None, d.get("pronoun"), _span_of(d))


@dataclass(frozen=True)
class FaceValue(_Value):
    """One face: ``box`` is [top, right, bottom, left] in original pixels (video: frame pixels)."""

    categories: ClassVar[tuple[str, ...]] = ("face", "child_face", "enrolled_child_face", "other_child_face")

    box: tuple[int, int, int, int]
    relative_size: float = 0.0
    frontal: bool = True
    age_band: str | None = None
    crop_id: str | None = None
    #: The sampled frame, for videos only.
    frame: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "box": list(self.box),
            "relative_size": self.relative_size,
            "frontal": self.frontal,
            "age_band": self.age_band,
            "crop_id": self.crop_id,
        }
        if self.frame is not None:
            out["frame"] = self.frame
        return out

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        top, right, bottom, left = data["box"]
        return cls(
            box=(top, right, bottom, left),
            relative_size=data.get("relative_size", 0.0),
            frontal=data.get("frontal", True),
            age_band=data.get("age_band"),
            crop_id=data.get("crop_id"),
            frame=data.get("frame"),
        )


@dataclass(frozen=True)
class TaggedUsersValue(_Value):
    """Accounts linked to a post: tagged in the photo, or @mentioned in its text."""

    categories: ClassVar[tuple[str, ...]] = ("tagged_user",)

    accounts: tuple[str, ...]
    tagged: tuple[str, ...] = ()
    mentioned: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "accounts": list(self.accounts),
            "tagged": list(self.tagged),
            "mentioned": list(self.mentioned),
        }

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        return cls(tuple(data["accounts"]), tuple(data.get("tagged", ())), tuple(data.get("mentioned", ())))


@dataclass(frozen=True)
class CommentRiskValue(_Value):
    """What a comment asks for (``location``, ``age``, ``link`` ...), or ``unknown_commenter``."""

    categories: ClassVar[tuple[str, ...]] = ("comment_risk",)

    ask: str

    def to_json(self) -> str:
        return self.ask

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        return cls(str(data))


# --- when -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgeValue(_Value):
    """An age or birthday statement: ``text`` as written, ``years``/``months`` when stated,
    ``birthday`` (the post marks the birthday itself), ``half`` (a half-birthday),
    ``school_year`` ("reception", "year 1")."""

    categories: ClassVar[tuple[str, ...]] = ("age_or_birthday",)

    text: str
    years: int | None = None
    #: Weeks are turned into months, so this may have one decimal.
    months: float | None = None
    birthday: bool = False
    half: bool = False
    school_year: str | None = None
    span: TextSpan | None = None

    @property
    def dated(self) -> bool:
        """Does the post mark a birthday (so its date gives the day of birth away)?"""
        return self.birthday or self.half

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "years": self.years,
            "months": self.months,
            "birthday": self.birthday,
        }
        if self.half:
            out["half"] = True
        if self.school_year is not None:
            out["school_year"] = self.school_year
        return out

    def detail_json(self) -> dict[str, Any]:
        return _span_detail(self.span)

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        return cls(
            text=str(data.get("text", "")),
            years=data.get("years"),
            months=data.get("months"),
            birthday=bool(data.get("birthday")),
            half=bool(data.get("half")),
            school_year=data.get("school_year"),
            span=_span_of(detail),
        )


@dataclass(frozen=True)
class RoutineValue(_Value):
    """A hint of a routine: ``text`` as written, ``weekday`` ("Tuesday") and ``activity`` when named."""

    categories: ClassVar[tuple[str, ...]] = ("routine_hint",)

    text: str
    weekday: str | None = None
    activity: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "weekday": self.weekday, "activity": self.activity}

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        return cls(str(data["text"]), data.get("weekday"), data.get("activity"))


# --- what -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SensitiveValue(_Value):
    """``undressed`` or ``partly dressed`` from the image, or the caption's own word."""

    categories: ClassVar[tuple[str, ...]] = ("sensitive_image",)

    text: str

    def to_json(self) -> str:
        return self.text

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        return cls(str(data))


@dataclass(frozen=True)
class HashtagValue(_Value):
    """One risky hashtag with its reason, or the post's ordinary hashtags together."""

    categories: ClassVar[tuple[str, ...]] = ("hashtag",)

    tags: tuple[str, ...]
    risky: bool = False
    reason: str | None = None

    def __post_init__(self) -> None:
        if self.risky and len(self.tags) != 1:
            raise ValueError("a risky hashtag value holds exactly one tag")

    def to_json(self) -> dict[str, Any]:
        if self.risky:
            return {"tag": self.tags[0], "reason": self.reason, "risky": True}
        return {"tags": list(self.tags), "risky": False}

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        if data.get("risky"):
            return cls((str(data["tag"]),), True, data.get("reason"))
        return cls(tuple(data["tags"]), False)


@dataclass(frozen=True)
class DeviceValue(_Value):
    """Camera and person details in a photo file. ``serials`` keeps the EXIF tag names."""

    categories: ClassVar[tuple[str, ...]] = ("device_metadata",)

    make: str | None = None
    model: str | None = None
    software: str | None = None
    serials: tuple[tuple[str, str], ...] = ()
    owner: str | None = None
    copyright: str | None = None
    lens: str | None = None
    taken_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "make": self.make,
            "model": self.model,
            "software": self.software,
            "serials": dict(self.serials),
            "owner": self.owner,
            "copyright": self.copyright,
            "lens": self.lens,
            "taken_at": self.taken_at,
        }

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        return cls(
            make=data.get("make"),
            model=data.get("model"),
            software=data.get("software"),
            serials=tuple((str(k), str(v)) for k, v in (data.get("serials") or {}).items()),
            owner=data.get("owner"),
            copyright=data.get("copyright"),
            lens=data.get("lens"),
            taken_at=data.get("taken_at"),
        )


@dataclass(frozen=True)
class UniformValue(_Value):
    """A school uniform: what it looks like ("green jumper, grey skirt"), the signals that
    fired (outfit recurrence, crest, caption, time) and the colours seen."""

    categories: ClassVar[tuple[str, ...]] = ("uniform",)

    text: str
    signals: tuple[str, ...] = ()
    colours: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "signals": list(self.signals), "colours": list(self.colours)}

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        return cls(str(data["text"]), tuple(data.get("signals", ())), tuple(data.get("colours", ())))


FindingValue = (
    LocationValue
    | PlaceValue
    | SchoolValue
    | TextInImageValue
    | NameValue
    | FaceValue
    | TaggedUsersValue
    | CommentRiskValue
    | AgeValue
    | RoutineValue
    | SensitiveValue
    | HashtagValue
    | DeviceValue
    | UniformValue
)

#: The one value type of each finding category.
VALUE_TYPES: dict[str, type[_Value]] = {
    category: cls
    for cls in (
        FaceValue,
        LocationValue,
        PlaceValue,
        TextInImageValue,
        NameValue,
        SchoolValue,
        UniformValue,
        AgeValue,
        RoutineValue,
        SensitiveValue,
        HashtagValue,
        TaggedUsersValue,
        CommentRiskValue,
        DeviceValue,
    )
    for category in cls.categories
}


def check_value(category: str, value: object) -> None:
    """Raise ValueError unless ``value`` is None or of the category's value type."""
    if value is None:
        return
    expected = VALUE_TYPES.get(category)
    if expected is None:
        raise ValueError(f"no value type for finding category {category!r}")
    if type(value) is not expected:
        raise ValueError(
            f"a {category!r} finding takes a {expected.__name__} value, not {type(value).__name__}"
        )
    if isinstance(value, LocationValue) and value.source != category:
        raise ValueError(f"a {category!r} finding got a location from {value.source!r}")


def value_to_json(category: str, value: FindingValue | None) -> Any:
    """The value in report.json's shape (None stays None)."""
    check_value(category, value)
    return None if value is None else value.to_json()


def value_detail(value: FindingValue | None) -> dict[str, Any]:
    """The fields the report's shape leaves out, for a lossless copy (the cache)."""
    return {} if value is None else value.detail_json()


def value_from_json(category: str, data: Any, detail: Mapping[str, Any] | None = None) -> FindingValue | None:
    """Read a value back from report.json's shape (plus ``detail`` when it was kept)."""
    if data is None:
        return None
    cls = VALUE_TYPES.get(category)
    if cls is None:
        raise ValueError(f"no value type for finding category {category!r}")
    value = cls.from_json(data, detail)
    if isinstance(value, LocationValue) and value.source != category:
        # A location's JSON says whether it came from a file or a tag only by its keys; the
        # category is the authority.
        value = replace(value, source=category)
    return value  # type: ignore[return-value]
