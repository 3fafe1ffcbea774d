from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.location import LocationAnalyzer, gps_precision_m
from collectors.photo_folder import PhotoFolderCollector
from footprint_audit.context import PostContext, RunContext
from footprint_audit.exif import GPS
from footprint_audit.models import Finding, Geotag, Media, Post
from footprint_audit.pipeline import analyze, collect
from tests.datasets import SHARED_DATA, TEST_DATA, corpora
from tests.exif_factory import make_jpeg

# Recorded once with `exiftool -n -GPSLatitude -GPSLongitude -json` (Image::ExifTool 12.57,
# Debian libimage-exiftool-perl) on ../shared/data/exif-samples/jpg/gps/; tests/data keeps two of them.
EXIFTOOL = {
    "DSCN0010.jpg": (43.4674483333333, 11.8851266666639),
    "DSCN0012.jpg": (43.4671566666639, 11.8853949999972),
    "DSCN0021.jpg": (43.4670816666639, 11.8845383333306),
    "DSCN0025.jpg": (43.468365, 11.8816349999722),
    "DSCN0027.jpg": (43.4684416666667, 11.881515),
    "DSCN0029.jpg": (43.4682433333306, 11.8801716666389),
    "DSCN0038.jpg": (43.4672549999972, 11.8792133333333),
    "DSCN0040.jpg": (43.4660116666389, 11.8791116666389),
    "DSCN0042.jpg": (43.464455, 11.8814783333333),
}


def _run_on(spec: Path) -> tuple[list[Post], list[Finding], RunContext]:
    run = RunContext()
    posts, _ = collect([str(spec)], run, [PhotoFolderCollector()])
    return posts, analyze(posts, [LocationAnalyzer()], run), run


GPS_FILES = {TEST_DATA: {"DSCN0010.jpg", "DSCN0025.jpg"}, SHARED_DATA: set(EXIFTOOL)}


@pytest.mark.parametrize("root", corpora())
def test_gps_photos_agree_with_exiftool(root: Path) -> None:
    posts, findings, run = _run_on(root / "exif-samples" / "jpg" / "gps")
    assert run.errors == []
    by_file = {Path(p.media[0].path).name: p.id for p in posts}
    assert set(by_file) == GPS_FILES[root]
    gps = {f.post_id: f for f in findings if f.category == "gps_exif"}
    for name in by_file:
        lat, lon = EXIFTOOL[name]
        f = gps[by_file[name]]
        assert f.value.lat == pytest.approx(lat, abs=1e-6), name
        assert f.value.lon == pytest.approx(lon, abs=1e-6), name
        assert f.value.place == "Arezzo, Italy"
        assert f.value.country == "Italy"
        assert f.severity == "high"  # seconds to 1/1000: a house-level fix
        assert f.value.precision_m == 10.0
        assert f.media_index == 0
        assert f.evidence["tags"]["GPSLatitudeRef"] == "N"
        assert "near Arezzo, Italy" in f.summary and "10 metres" in f.summary
    assert len(gps) == len(GPS_FILES[root])


def test_hemisphere_signs_altitude_and_accuracy(tmp_path: Path) -> None:
    make_jpeg(tmp_path / "sydney.jpg", gps=(-33.8568, 151.2153), altitude=-12.5, accuracy_m=4.0)
    make_jpeg(tmp_path / "lima.jpg", gps=(-12.0464, -77.0428), color=(1, 1, 1))
    posts, findings, _ = _run_on(tmp_path)
    by_file = {Path(p.media[0].path).name: p.id for p in posts}
    got = {f.post_id: f.value.to_json() for f in findings}
    sydney = got[by_file["sydney.jpg"]]
    assert sydney["lat"] == pytest.approx(-33.8568, abs=1e-6)
    assert sydney["lon"] == pytest.approx(151.2153, abs=1e-6)
    assert sydney["altitude"] == -12.5
    assert sydney["precision_m"] == 4.0
    assert sydney["country"] == "Australia"
    assert sydney["gps_time"] == "2024-05-14T14:30:00+00:00"
    lima = got[by_file["lima.jpg"]]
    assert (lima["lat"], lima["lon"]) == (
        pytest.approx(-12.0464, abs=1e-6),
        pytest.approx(-77.0428, abs=1e-6),
    )
    assert lima["country"] == "Peru"


@pytest.mark.parametrize(
    ("accuracy", "severity", "words"),
    [
        (4.0, "high", "exact spot"),
        (350.0, "medium", "within about 350 metres"),
        (8000.0, "low", "about 8 km"),
    ],
)
def test_severity_follows_precision(tmp_path: Path, accuracy: float, severity: str, words: str) -> None:
    make_jpeg(tmp_path / "a.jpg", gps=(52.37, 4.89), accuracy_m=accuracy)
    _, [finding], _ = _run_on(tmp_path)
    assert finding.severity == severity
    assert words in finding.summary


def test_precision_from_coarse_coordinates() -> None:
    # Whole seconds: 1" of latitude is about 31 m; whole minutes about 1.9 km.
    fine = GPS(
        lat=1.0, lon=1.0, tags={"GPSLatitude": "(52.0, 22.0, 12.345)", "GPSLongitude": "(4.0, 53.0, 1.5)"}
    )
    seconds = GPS(
        lat=1.0, lon=1.0, tags={"GPSLatitude": "(52.0, 22.0, 12.0)", "GPSLongitude": "(4.0, 53.0, 1.0)"}
    )
    minutes = GPS(
        lat=1.0, lon=1.0, tags={"GPSLatitude": "(52.0, 22.0, 0.0)", "GPSLongitude": "(4.0, 53.0, 0.0)"}
    )
    dop = GPS(lat=1.0, lon=1.0, tags={"GPSDOP": "8.0"})
    assert gps_precision_m(fine) == 10.0
    assert gps_precision_m(seconds) == pytest.approx(30.9, abs=0.1)
    assert gps_precision_m(minutes) == pytest.approx(1855.3, abs=0.1)
    assert gps_precision_m(dop) == 40.0


def _geotag_finding(tag: Geotag) -> Finding:
    post = Post(id="p1", source="t", geotag=tag)
    [f] = LocationAnalyzer().analyze(post, PostContext(post, RunContext()))
    return f


def test_geotag_venue_with_coordinates_is_high() -> None:
    f = _geotag_finding(Geotag(name="Sunny Cove Beach", lat=50.1234567, lon=-5.5432109, id="555"))
    assert f.category == "geotag" and f.severity == "high"
    assert f.value.lat == 50.1234567 and f.value.lon == -5.5432109
    assert f.value.place == "Sunny Cove Beach"
    assert f.value.country == "United Kingdom"
    assert '"Sunny Cove Beach"' in f.summary and "map" in f.summary
    assert f.media_index is None


def test_geotag_town_with_coordinates_is_medium() -> None:
    f = _geotag_finding(Geotag(name="Arezzo, Italy", lat=43.4633, lon=11.8796))
    assert f.severity == "medium"
    assert "town" in f.summary


def test_geotag_name_only() -> None:
    with_id = _geotag_finding(Geotag(name="Riverside Park", id="777"))
    assert with_id.severity == "medium" and with_id.value.lat is None
    assert with_id.summary == 'The post is tagged with the place "Riverside Park", which anyone can look up.'
    bare = _geotag_finding(Geotag(name="Zwembad De Vliet"))
    assert bare.severity == "low" and bare.value.place == "Zwembad De Vliet"


def test_empty_geotag_and_videos_give_nothing(tmp_path: Path) -> None:
    post = Post(
        id="p", source="t", geotag=Geotag(), media=(Media(path=str(tmp_path / "v.mp4"), kind="video"),)
    )
    assert LocationAnalyzer().analyze(post, PostContext(post, RunContext())) == []


def test_reverse_geocoder_is_loaded_once_per_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_jpeg(tmp_path / "a.jpg", gps=(52.37, 4.89))
    make_jpeg(tmp_path / "b.jpg", gps=(52.38, 4.90), color=(0, 0, 0))
    run = RunContext()
    calls: list[str] = []
    original = run.memo

    def counting(key: str, fn):  # type: ignore[no-untyped-def]
        if key == "reverse_geocode" and key not in run._memo:
            calls.append(key)
        return original(key, fn)

    monkeypatch.setattr(run, "memo", counting)
    posts, _ = collect([str(tmp_path)], run, [PhotoFolderCollector()])
    findings = analyze(posts, [LocationAnalyzer()], run)
    assert [f.value.place for f in findings] == ["Amsterdam, Netherlands"] * 2
    assert calls == ["reverse_geocode"]
