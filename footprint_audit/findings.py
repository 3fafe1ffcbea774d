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
from dataclasses import dataclass, fields, replace
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


class _RecordValue(_Value):
    """Written as an object with one key per field, in field order (tuples as lists). A
    ``span`` field travels in the detail, and the fields named in ``omit_when_default`` are
    left out while they hold their default (the shapes report.json has always had)."""

    omit_when_default: ClassVar[frozenset[str]] = frozenset()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if f.name == "span" or (f.name in self.omit_when_default and value == f.default):
                continue
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    def detail_json(self) -> dict[str, Any]:
        return _span_detail(getattr(self, "span", None))

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        kw: dict[str, Any] = {}
        for f in fields(cls):  # type: ignore[arg-type]
            if f.name == "span":
                kw["span"] = _span_of(detail)
            elif f.name in data:
                value = data[f.name]
                kw[f.name] = tuple(value) if isinstance(value, list) else value
        return cls(**kw)


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

    #: The keys of each kind of location in report.json, in order.
    GPS_KEYS: ClassVar[tuple[str, ...]] = (
        "lat", "lon", "altitude", "place", "country", "precision_m", "gps_time", "distance_to_place_km"
    )  # fmt: skip
    TAG_KEYS: ClassVar[tuple[str, ...]] = (
        "lat", "lon", "place", "near", "country", "precision_m", "location_id", "address"
    )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in (self.GPS_KEYS if self.source == "gps_exif" else self.TAG_KEYS)}

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        geotag = "near" in data or "location_id" in data
        keys = set(cls.GPS_KEYS) | set(cls.TAG_KEYS)
        return cls(source="geotag" if geotag else "gps_exif", **{k: data.get(k) for k in keys})


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
class FaceValue(_RecordValue):
    """One face: ``box`` is [top, right, bottom, left] in original pixels (video: frame pixels)."""

    categories: ClassVar[tuple[str, ...]] = ("face", "child_face", "enrolled_child_face", "other_child_face")
    omit_when_default: ClassVar[frozenset[str]] = frozenset({"frame"})

    box: tuple[int, int, int, int]
    relative_size: float = 0.0
    frontal: bool = True
    age_band: str | None = None
    crop_id: str | None = None
    #: The sampled frame, for videos only.
    frame: int | None = None


@dataclass(frozen=True)
class TaggedUsersValue(_RecordValue):
    """Accounts linked to a post: tagged in the photo, or @mentioned in its text."""

    categories: ClassVar[tuple[str, ...]] = ("tagged_user",)

    accounts: tuple[str, ...]
    tagged: tuple[str, ...] = ()
    mentioned: tuple[str, ...] = ()


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
class AgeValue(_RecordValue):
    """An age or birthday statement: ``text`` as written, ``years``/``months`` when stated,
    ``birthday`` (the post marks the birthday itself), ``half`` (a half-birthday),
    ``school_year`` ("reception", "year 1")."""

    categories: ClassVar[tuple[str, ...]] = ("age_or_birthday",)
    omit_when_default: ClassVar[frozenset[str]] = frozenset({"half", "school_year"})

    text: str = ""
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


@dataclass(frozen=True)
class RoutineValue(_RecordValue):
    """A hint of a routine: ``text`` as written, ``weekday`` ("Tuesday") and ``activity`` when
    named, ``every`` ("daily", "weekdays", "weekends") when the text repeats on no one weekday."""

    categories: ClassVar[tuple[str, ...]] = ("routine_hint",)
    omit_when_default: ClassVar[frozenset[str]] = frozenset({"every"})

    text: str
    weekday: str | None = None
    activity: str | None = None
    every: str | None = None


# --- what -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SensitiveValue(_TextValue):
    """``undressed`` or ``partly dressed`` from the image, or the caption's own word."""

    categories: ClassVar[tuple[str, ...]] = ("sensitive_image",)


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
class DeviceValue(_RecordValue):
    """Camera and person details in a photo file. ``serials`` keeps the EXIF tag names."""

    categories: ClassVar[tuple[str, ...]] = ("device_metadata",)
    # Only when known: photo files never hold them, and their reports keep their shape.
    omit_when_default: ClassVar[frozenset[str]] = frozenset({"upload_ip", "device_id"})

    make: str | None = None
    model: str | None = None
    software: str | None = None
    serials: tuple[tuple[str, str], ...] = ()
    owner: str | None = None
    copyright: str | None = None
    lens: str | None = None
    taken_at: str | None = None
    #: From a Meta export's record of the upload (not in the file): the internet address
    #: it was uploaded from, and the phone's identifier.
    upload_ip: str | None = None
    device_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {**super().to_json(), "serials": dict(self.serials)}  # by tag name, as EXIF has them

    @classmethod
    def from_json(cls, data: Any, detail: Mapping[str, Any] | None = None) -> Self:
        serials = [(str(k), str(v)) for k, v in (data.get("serials") or {}).items()]
        return super().from_json({**data, "serials": serials}, detail)


@dataclass(frozen=True)
class UniformValue(_RecordValue):
    """A school uniform: what it looks like ("green jumper, grey skirt"), the signals that
    fired (outfit recurrence, crest, caption, time) and the colours seen."""

    categories: ClassVar[tuple[str, ...]] = ("uniform",)

    text: str
    signals: tuple[str, ...] = ()
    colours: tuple[str, ...] = ()


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
