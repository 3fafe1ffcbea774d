from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.findings import LocationValue
from footprint_audit.localtime import local_time, local_times
from footprint_audit.models import Finding, Geotag, Post

SUMMER_UTC = datetime(2024, 7, 2, 15, 30, tzinfo=UTC)


def _gps(post_id: str, lat: float, lon: float) -> Finding:
    return Finding(
        post_id, 0, "location", "gps_exif", "high", 0.9, "GPS.", LocationValue(lat, lon, place="x")
    )


def test_zone_from_gps_wins() -> None:
    post = Post(id="a", source="t", taken_at=SUMMER_UTC, time_source="platform")
    lt = local_time(post, [_gps("a", 35.68, 139.69)], RunContext(AuditOptions(timezone="Europe/London")))
    assert lt is not None and lt.source == "gps" and lt.zone == "Asia/Tokyo"
    assert lt.when.hour == 0 and lt.when.day == 3  # 15:30 UTC is 00:30 next day in Tokyo


def test_zone_from_geotag() -> None:
    post = Post(id="a", source="t", taken_at=SUMMER_UTC, geotag=Geotag(name="Pool", lat=52.37, lon=4.89))
    lt = local_time(post, [], RunContext())
    assert lt is not None and (lt.source, lt.zone, lt.when.hour) == ("geotag", "Europe/Amsterdam", 17)


def test_exif_offset_then_option_then_system() -> None:
    plus2 = timezone(timedelta(hours=2))
    exif = Post(id="a", source="t", taken_at=datetime(2024, 7, 2, 17, 30, tzinfo=plus2), time_source="exif")
    lt = local_time(exif, [], RunContext(AuditOptions(timezone="Asia/Tokyo")))
    assert lt is not None and (lt.source, lt.zone, lt.when.hour) == ("exif-offset", "UTC+02:00", 17)
    plat = Post(id="b", source="t", taken_at=SUMMER_UTC)
    lt = local_time(plat, [], RunContext(AuditOptions(timezone="Europe/London")))
    assert lt is not None and (lt.source, lt.when.hour) == ("option", 16)
    lt = local_time(plat, [], RunContext())
    assert lt is not None and lt.source == "system"


def test_camera_clock_without_offset_is_already_local() -> None:
    post = Post(id="a", source="t", taken_at=datetime(2024, 7, 2, 9, 15), time_source="exif-local")
    lt = local_time(post, [_gps("a", 35.68, 139.69)], RunContext())
    assert lt is not None and lt.source == "camera-local" and lt.when.hour == 9


def test_bad_timezone_option_is_an_error_record_and_falls_back() -> None:
    run = RunContext(AuditOptions(timezone="Mars/Olympus"))
    lt = local_time(Post(id="a", source="t", taken_at=SUMMER_UTC), [], run)
    assert lt is not None and lt.source == "system"
    assert run.errors and "Mars/Olympus" in run.errors[0].message


def test_note_says_which_zones_were_used() -> None:
    posts = [
        Post(id="a", source="t", taken_at=SUMMER_UTC),
        Post(id="b", source="t", taken_at=SUMMER_UTC),
        Post(id="c", source="t"),
    ]
    run = RunContext(AuditOptions(timezone="Europe/London"))
    times = local_times(posts, [_gps("a", 51.5, -0.1)], run)
    assert set(times) == {"a", "b"}
    assert run.notes == [
        "Post times were read in local time: 1 by the time zone at the photo's GPS position; "
        "1 by the time zone given with --timezone."
    ]
