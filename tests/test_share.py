"""Share mode by construction (issue 9, observation 1): the bytes of both written share files
hold no precise coordinate, no local path, no raw EXIF or device value and no username."""

from __future__ import annotations

import json
import re
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import ExifTags, Image
from typer.testing import CliRunner

from footprint_audit.cli import app
from footprint_audit.context import AuditOptions
from footprint_audit.demo import _exif
from footprint_audit.models import Comment, Geotag, Media, Post
from footprint_audit.pipeline import audit
from footprint_audit.report import PRIVATE_NOTICE, write_report
from tests.fakes import ListCollector

runner = CliRunner()
DECIMAL = re.compile(r"-?\d+\.\d{3,}")
DATA_URI = re.compile(r"data:[^\"'\s)]+")
SERIAL, OWNER = "SN-88812345", "Sophie Smith"
PARENT, OTHERS = "sophie.smith", ("grandma.jo", "lilys.mum.jo", "creepy_guy77", "school.gate.mum")


def _text(path: Path) -> str:
    # base64 in data: URIs may spell anything; images are checked by the face routine, not here.
    return DATA_URI.sub("data:", path.read_bytes().decode("utf-8"))


def _assert_shareable(
    out: Path, coords: list[float], names: tuple[str, ...], secrets: tuple[str, ...], local: Path
) -> None:
    for name in ("report.json", "report.html"):
        text = _text(out / name)
        near = [tok for tok in DECIMAL.findall(text) if any(abs(float(tok) - c) < 0.0015 for c in coords)]
        assert not near, f"{name}: coordinates at 3+ decimals: {near[:5]}"
        assert str(local) not in text, f"{name}: holds a local path"
        assert not re.search(r"(?<![\w:/])/(?:tmp|home|work|root|Users)/", text), f"{name}: holds a path"
        for raw in ("GPSLatitude", "GPSLongitude", "BodySerialNumber", *secrets):
            assert raw not in text, f"{name}: holds {raw!r}"
        for user in names:
            assert user.lower() not in text.lower(), f"{name}: holds the username {user!r}"


def _photo(path: Path, when: datetime, lat: float, lon: float) -> Path:
    exif = _exif(when, lat, lon)
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[0xA431] = SERIAL  # BodySerialNumber
    sub[0xA430] = OWNER  # CameraOwnerName
    Image.new("RGB", (320, 240), (60, 120, 90)).save(path, exif=exif)
    return path


COORDS = [(51.55602, -0.14031), (51.55317, -0.14533), (51.54870, -0.14212)]


def _small_scan(tmp_path: Path) -> tuple[Path, list[float]]:
    photos = tmp_path / "camera"
    photos.mkdir()
    posts = []
    for i, (lat, lon) in enumerate(COORDS):
        when = datetime(2024, 5, 14 + i, 18, 30, tzinfo=UTC)
        img = _photo(photos / f"IMG_{i}.jpg", when, lat, lon)
        posts.append(
            Post(
                id=f"ig-{i}",
                source=f"list:{PARENT}",
                url=f"https://www.instagram.com/{PARENT}/p/X{i}/",
                taken_at=when,
                caption=f"Mia turns 5 today with @{OTHERS[0]} at Oakfield Primary School",
                media=(Media(str(img)),),
                geotag=Geotag(name="Hampstead Heath", lat=lat + 0.001, lon=lon - 0.001, id="1630542270"),
                tagged_users=(OTHERS[1],),
                comments=(
                    Comment(OTHERS[2], "so cute! where is this?"),
                    Comment(OTHERS[3], f"see you at pick up @{PARENT}"),
                ),
                visibility="public",
                author=PARENT,
                raw={"owner": {"username": PARENT}, "path": str(img)},
            )
        )
    coords = [c for lat, lon in COORDS for c in (lat, lon, lat + 0.001, lon - 0.001)]
    result = audit(
        [f"list:{PARENT}"],
        collectors=[ListCollector(posts, kind="instagram")],
        options=AuditOptions(data_dir=tmp_path / "profile", use_cache=False, workers=1),
    )
    assert any(f.category == "gps_exif" for f in result.findings)
    assert any(f.category == "tagged_user" for f in result.findings)
    assert any(f.category == "comment_risk" for f in result.findings)
    out = tmp_path / "share"
    write_report(result, out, share=True)
    full = tmp_path / "full"
    write_report(result, full)
    # the full report does hold what share mode removes: the checks below can fail
    full_text = _text(full / "report.json")
    assert SERIAL in full_text and PARENT in full_text and "55602" in full_text
    return out, coords


def test_share_files_of_a_small_scan_leak_nothing(tmp_path: Path) -> None:
    out, coords = _small_scan(tmp_path)
    _assert_shareable(out, coords, (PARENT, *OTHERS), (SERIAL, OWNER), tmp_path)
    data = json.loads((out / "report.json").read_text())
    for post in data["posts"]:
        assert all("/" not in m["path"] for m in post["media"])
        assert post["geotag"] is None or len(str(post["geotag"]["lat"]).split(".")[1]) <= 2


def test_demo_share_leaks_nothing(tmp_path: Path) -> None:
    full = tmp_path / "full"
    assert runner.invoke(app, ["demo", "--out", str(full), "-q"]).exit_code == 0
    data = json.loads((full / "report.json").read_text())
    coords = [
        float(v)
        for f in data["findings"]
        if isinstance(f["value"], dict)
        for k, v in f["value"].items()
        if k in ("lat", "lon") and v is not None
    ]
    assert coords and "51.556" in (full / "report.html").read_text()  # the leak the test guards
    share = tmp_path / "share"
    res = runner.invoke(app, ["demo", "--share", "--out", str(share), "-q"])
    assert res.exit_code == 0, res.output
    _assert_shareable(share, coords, ("sophie.and.mia", "lilys.mum.jo", "nana_jo_baker"), (), tmp_path)
    html = _text(share / "report.html")
    assert "give it to a few metres" not in html and "about 1 km" in html


@pytest.mark.parametrize("share", [False, True])
def test_reports_are_owner_only(tmp_path: Path, share: bool) -> None:
    out = tmp_path / "new" / "report"
    res = runner.invoke(app, ["demo", "--out", str(out), "-q", *(["--share"] if share else [])])
    assert res.exit_code == 0, res.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for name in ("report.json", "report.html"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600, name


def test_full_report_says_first_that_it_is_a_dossier(tmp_path: Path) -> None:
    res = runner.invoke(app, ["demo", "--out", str(tmp_path / "r"), "-q"])
    assert res.exit_code == 0
    data = json.loads((tmp_path / "r" / "report.json").read_text())
    assert next(iter(data)) == "notice" and data["notice"] == PRIVATE_NOTICE
    html = (tmp_path / "r" / "report.html").read_text()
    body = html[html.index("<body>") :]
    first_text = re.sub(r"<[^>]+>", " ", body).split("\n")
    first = next(line.strip() for line in first_text if line.strip())
    assert first.startswith("Private: this report is itself a dossier")


def test_share_copy_drops_the_upload_address_and_phone_id() -> None:
    """A Meta export's upload IP and device id (issue 14) are identifying: the share copy
    keeps neither, in the value or in any sentence."""
    from footprint_audit.findings import DeviceValue
    from footprint_audit.models import AuditResult, Finding, SourceSummary
    from footprint_audit.redact import redact
    from tests.fakes import make_post

    value = DeviceValue(model="Pixel 7", upload_ip="81.2.69.160", device_id="android-5f3c2a")
    f = Finding(
        "p", None, "metadata", "device_metadata", "medium", 0.9,
        "Uploaded from 81.2.69.160 with phone android-5f3c2a.", value=value,
    )  # fmt: skip
    result = AuditResult((SourceSummary("facebook-export", "fb.zip", 1),), (make_post("p"),), (f,), (), ())
    shared = redact(result).findings[0]
    assert isinstance(shared.value, DeviceValue)
    assert (
        shared.value.upload_ip is None and shared.value.device_id is None and shared.value.model == "Pixel 7"
    )
    assert "81.2.69.160" not in shared.summary and "android-5f3c2a" not in shared.summary


def test_no_face_is_found_or_matched_in_any_image_the_share_report_embeds(
    tmp_path: Path, test_data: Path
) -> None:
    """Issue 9.1/9.3: every image embedded in the share report has its faces covered: this
    tool's detector and face_recognition find no face in the written HTML's images, and none
    matches a person in the scanned photos."""
    import base64
    import io
    import re
    import shutil

    import face_recognition
    import numpy as np
    from PIL import Image
    from typer.testing import CliRunner

    from footprint_audit.cli import app
    from footprint_audit.engines.faces import MATCH_THRESHOLD, detect

    folder = tmp_path / "photos"
    folder.mkdir()
    for name in ("test_images/obama.jpg", "test_images/biden.jpg", "two_people.jpg"):
        shutil.copy(test_data / "faces" / name, folder / Path(name).name)
    known = []
    for photo in folder.iterdir():
        known += face_recognition.face_encodings(face_recognition.load_image_file(photo))
    assert len(known) >= 3
    out = tmp_path / "share"
    res = CliRunner().invoke(
        app,
        ["scan", str(folder), "--share", "--out", str(out), "--no-cache", "--profile", str(tmp_path / "p")],
    )
    assert res.exit_code == 0, res.output
    html = (out / "report.html").read_text(encoding="utf-8")
    uris = re.findall(r"data:image/(?:jpeg|png|webp);base64,([A-Za-z0-9+/=]+)", html)
    assert len(uris) >= 3  # the thumbnails at least
    for data in uris:
        img = Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")
        arr = np.asarray(img)
        assert detect(img) == []
        assert face_recognition.face_locations(arr) == []
        for enc in face_recognition.face_encodings(arr, [(0, img.width, img.height, 0)]):
            assert min(float(np.linalg.norm(enc - k)) for k in known) > MATCH_THRESHOLD
