"""Typed finding values: report.json's shapes, lossless round trips, and type checks."""

from __future__ import annotations

import json
from typing import Any

import pytest

from footprint_audit.cache import finding_from_dict, finding_to_dict
from footprint_audit.findings import (
    VALUE_TYPES,
    AgeValue,
    CommentRiskValue,
    DeviceValue,
    FaceValue,
    HashtagValue,
    LocationValue,
    NameReason,
    NameValue,
    PlaceValue,
    RoutineValue,
    SchoolValue,
    SensitiveValue,
    TaggedUsersValue,
    TextInImageValue,
    TextSpan,
    UniformValue,
    value_detail,
    value_from_json,
    value_to_json,
)
from footprint_audit.models import CATEGORIES, Finding

SPAN = TextSpan("caption", 4, 8)

#: One value per category, each with the fields that make its shape, and the shape expected.
EXAMPLES: dict[str, tuple[Any, Any]] = {
    "gps_exif": (
        LocationValue(
            51.5, -0.14, "gps_exif", "London", "United Kingdom", 10.0, 35.2, "2024-06-01T18:40:00", 1.2
        ),
        {
            "lat": 51.5,
            "lon": -0.14,
            "altitude": 35.2,
            "place": "London",
            "country": "United Kingdom",
            "precision_m": 10.0,
            "gps_time": "2024-06-01T18:40:00",
            "distance_to_place_km": 1.2,
        },
    ),
    "geotag": (
        LocationValue(51.5, -0.14, "geotag", "Oakfield Park", None, 50.0, near="London", location_id="42"),
        {
            "lat": 51.5,
            "lon": -0.14,
            "place": "Oakfield Park",
            "near": "London",
            "country": None,
            "precision_m": 50.0,
            "location_id": "42",
            "address": None,
        },
    ),
    "face": (
        FaceValue((10, 60, 70, 5), 0.02, True, "adult", "c-1"),
        {
            "box": [10, 60, 70, 5],
            "relative_size": 0.02,
            "frontal": True,
            "age_band": "adult",
            "crop_id": "c-1",
        },
    ),
    "child_face": (
        FaceValue((1, 2, 3, 4), 0.1, False, "3-6", "c-2", frame=2),
        {
            "box": [1, 2, 3, 4],
            "relative_size": 0.1,
            "frontal": False,
            "age_band": "3-6",
            "crop_id": "c-2",
            "frame": 2,
        },
    ),
    "child_name": (NameValue("Mia Smith", NameReason.NAMED_AS_YOUR_CHILD, "she", SPAN), "Mia Smith"),
    "person_name": (NameValue("Jane", span=SPAN), "Jane"),
    "school": (SchoolValue("Oakfield Primary", SPAN), "Oakfield Primary"),
    "place_mention": (PlaceValue("Brighton", SPAN), "Brighton"),
    "text_in_image": (TextInImageValue("OAKFIELD / NW5"), "OAKFIELD / NW5"),
    "age_or_birthday": (
        AgeValue("turns 5 today", 5, None, True, span=SPAN),
        {"text": "turns 5 today", "years": 5, "months": None, "birthday": True},
    ),
    "routine_hint": (
        RoutineValue("every Tuesday swim class", "Tuesday", "swim"),
        {"text": "every Tuesday swim class", "weekday": "Tuesday", "activity": "swim"},
    ),
    "sensitive_image": (SensitiveValue("undressed"), "undressed"),
    "hashtag": (
        HashtagValue(("BathTime",), True, "used to find children"),
        {"tag": "BathTime", "reason": "used to find children", "risky": True},
    ),
    "tagged_user": (
        TaggedUsersValue(("a", "b"), ("a",), ("b",)),
        {"accounts": ["a", "b"], "tagged": ["a"], "mentioned": ["b"]},
    ),
    "comment_risk": (CommentRiskValue("location"), "location"),
    "device_metadata": (
        DeviceValue(
            "Canon", "Canon EOS 40D", None, (("BodySerialNumber", "0820507239"),), "Jane", None, None, None
        ),
        {
            "make": "Canon",
            "model": "Canon EOS 40D",
            "software": None,
            "serials": {"BodySerialNumber": "0820507239"},
            "owner": "Jane",
            "copyright": None,
            "lens": None,
            "taken_at": None,
        },
    ),
    "uniform": (
        UniformValue("green jumper, grey skirt", ("outfit", "time"), ("green", "grey")),
        {"text": "green jumper, grey skirt", "signals": ["outfit", "time"], "colours": ["green", "grey"]},
    ),
}
MORE: list[tuple[str, Any, Any]] = [
    (
        "age_or_birthday",
        AgeValue("half birthday", half=True),
        {"text": "half birthday", "years": None, "months": None, "birthday": False, "half": True},
    ),
    (
        "age_or_birthday",
        AgeValue("first day of year 1", school_year="year 1"),
        {
            "text": "first day of year 1",
            "years": None,
            "months": None,
            "birthday": False,
            "school_year": "year 1",
        },
    ),
    ("hashtag", HashtagValue(("sunday", "子育て")), {"tags": ["sunday", "子育て"], "risky": False}),
]
CASES = [(c, v, j) for c, (v, j) in EXAMPLES.items()] + MORE


def test_every_category_has_a_value_type_and_an_example() -> None:
    assert set(VALUE_TYPES) == set(CATEGORIES)
    assert set(EXAMPLES) >= set(CATEGORIES) - {"enrolled_child_face", "other_child_face"}


@pytest.mark.parametrize(
    ("category", "value", "shape"), CASES, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(CASES)]
)
def test_shape_and_round_trip(category: str, value: Any, shape: Any) -> None:
    data = value_to_json(category, value)
    # exactly report.json's shape, key order included (finding ids and the file depend on it)
    assert json.dumps(data, ensure_ascii=False) == json.dumps(shape, ensure_ascii=False)
    back = value_from_json(
        category, json.loads(json.dumps(data)), json.loads(json.dumps(value_detail(value)))
    )
    assert back == value and type(back) is type(value)


@pytest.mark.parametrize(
    ("category", "value", "shape"), CASES, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(CASES)]
)
def test_round_trip_through_the_cache(category: str, value: Any, shape: Any) -> None:
    finding = Finding(
        "p1", 0, "t", category, "high", 0.9, "Found.", value, "Mia", {"field": "caption", "start": 4}
    )
    stored = json.loads(json.dumps(finding_to_dict(finding), sort_keys=True, default=str))
    back = finding_from_dict(stored)
    assert back == finding and back.id == finding.id


def test_only_the_report_shape_reaches_the_finding_id() -> None:
    # Where a name stood and why it is a child's are the dossier's, not what was found: the
    # id stays what it was before values were typed.
    def make(value: NameValue) -> Finding:
        return Finding("p1", None, "names", "child_name", "high", 0.9, "x", value)

    assert make(NameValue("Mia")).id == make(NameValue("Mia", NameReason.GIVEN_WITH_AN_AGE, "she", SPAN)).id
    assert make(NameValue("Mia")).id != make(NameValue("Leo")).id


def test_a_finding_refuses_a_value_of_the_wrong_type() -> None:
    with pytest.raises(ValueError, match="'child_name' finding takes a NameValue value, not str"):
        Finding("p", None, "t", "child_name", "high", 0.9, "x", "Mia")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="takes a LocationValue value, not dict"):
        Finding("p", 0, "t", "gps_exif", "high", 0.9, "x", {"lat": 1.0, "lon": 2.0})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="takes a SchoolValue value, not PlaceValue"):
        Finding("p", None, "t", "school", "high", 0.9, "x", PlaceValue("Oakfield"))
    with pytest.raises(ValueError, match="got a location from 'gps_exif'"):
        Finding("p", None, "t", "geotag", "high", 0.9, "x", LocationValue(1.0, 2.0))
    # no value at all is allowed: some findings have nothing beyond their summary
    assert Finding("p", None, "t", "school", "high", 0.9, "x").value is None


def test_a_cached_finding_from_before_typed_values_is_refused() -> None:
    old = {
        "post_id": "p",
        "media_index": None,
        "analyzer": "names",
        "category": "child_name",
        "severity": "high",
        "confidence": 0.9,
        "summary": "x",
        "value": "Mia",
        "child": "Mia",
        "evidence": {"why": "named as your child"},
    }
    with pytest.raises(ValueError):
        finding_from_dict(old)


def test_value_types_check_their_own_invariants() -> None:
    with pytest.raises(ValueError):
        HashtagValue(("a", "b"), risky=True)
    with pytest.raises(ValueError):
        LocationValue(1.0, 2.0, source="exif")
