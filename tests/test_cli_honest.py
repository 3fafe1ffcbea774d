"""An honest terminal (issue 9, observation 7): nothing read is exit 2 with the reason on
stderr and no clean-looking report; -q still prints errors; no network is called no network;
Ctrl-C says how to continue; no library warning reaches the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from PIL import Image
from typer.testing import CliRunner

from footprint_audit import pipeline
from footprint_audit.cli import app
from footprint_audit.pipeline import audit
from tests.collectors.sources_support import fast_options

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("quiet", [[], ["-q"]])
def test_a_scan_that_read_nothing_exits_2_with_the_reason_and_no_report(
    tmp_path: Path, quiet: list[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "report"
    res = runner.invoke(app, ["scan", str(empty), str(tmp_path / "missing"), "--out", str(out), *quiet])
    assert res.exit_code == 2
    assert (
        "nothing was read" in res.stderr and "no photos found" in res.stderr and "no such file" in res.stderr
    )
    assert not (out / "report.html").exists() and not (out / "report.json").exists()


def test_quiet_still_prints_per_item_errors(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    Image.new("RGB", (64, 48), (10, 90, 30)).save(folder / "good.jpg")
    (folder / "broken.jpg").write_bytes(b"not a jpeg at all")
    res = runner.invoke(app, ["scan", str(folder), "--out", str(tmp_path / "r"), "-q", "--no-cache"])
    assert res.exit_code == 1
    assert res.stdout == "" and "broken.jpg" in res.stderr


def _offline(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno -3] Temporary failure in name resolution", request=request)


@pytest.mark.parametrize(
    "spec",
    ["mastodon:@mia.mum@social.example", "bluesky:mia-mum.bsky.social", "https://blog.example/family/"],
)
def test_no_network_is_called_no_network(tmp_path: Path, spec: str) -> None:
    result = audit([spec], analyzers=[], options=fast_options(tmp_path, httpx.MockTransport(_offline)))
    assert not result.posts and result.errors
    message = " ".join(f"{e.message} {e.hint}" for e in result.errors)
    assert "no network connection" in message, message
    assert "ConnectError" not in message and "asked us to" not in message


def test_instagram_without_network_is_called_no_network() -> None:
    import requests
    from instaloader.exceptions import ConnectionException

    from collectors.instagram import translate

    try:
        try:
            raise requests.exceptions.ConnectionError(
                "HTTPSConnectionPool(host='www.instagram.com', port=443): Max retries exceeded "
                "(Caused by NameResolutionError: Failed to resolve 'www.instagram.com')"
            )
        except requests.exceptions.ConnectionError as inner:
            raise ConnectionException("JSON Query to graphql/query: HTTPSConnectionPool ...") from inner
    except ConnectionException as exc:
        err = translate(exc, "instagram:mia.mum")
    text = f"{err}"
    assert "no network connection" in text and "30 minutes" not in text and "ConnectionException" not in text


def test_ctrl_c_says_the_scan_stopped_and_how_to_continue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "audit", interrupted)
    res = runner.invoke(app, ["scan", str(tmp_path), "--out", str(tmp_path / "r"), "-q"])
    assert res.exit_code == 130
    assert "scan stopped" in res.stderr and "run the same command again to continue" in res.stderr


def test_ctrl_c_on_a_real_scan_process(tmp_path: Path) -> None:
    """SIGINT to a running scan of a slow source: the message and exit 130."""
    import signal
    import time

    script = (
        "import signal, sys, time\n"
        # a worker of the test runner may ignore SIGINT, and children inherit that: a terminal does not
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "from footprint_audit import pipeline\n"
        "from tests.fakes import ListCollector\n"
        "class Slow(ListCollector):\n"
        "    def collect(self, spec, run):\n"
        "        print('READY', flush=True); time.sleep(60); yield from ()\n"
        "pipeline.builtin_collectors = lambda: [Slow([])]\n"
        "from footprint_audit.cli import main\n"
        f"sys.argv = ['footprint-audit', 'scan', 'list:slow', '--out', {str(tmp_path / 'r')!r}, '-q']\n"
        "main()\n"
    )
    env = {**os.environ, "FOOTPRINT_AUDIT_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    try:
        assert proc.stdout.readline().strip() == "READY"
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    assert "scan stopped" in err and "run the same command again to continue" in err
    assert "Traceback" not in err


def test_no_library_warning_reaches_the_terminal(test_data: Path) -> None:
    """face_recognition_models imports pkg_resources, which warns on every start."""
    photo = test_data / "faces" / "test_images" / "obama.jpg"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    res = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "footprint-audit"), "check", str(photo)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert res.returncode in (0, 1, 2) and res.stdout
    assert "Warning" not in res.stderr and "pkg_resources" not in res.stderr, res.stderr


def test_a_scan_without_out_never_overwrites_an_earlier_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import Image
    from typer.testing import CliRunner

    from footprint_audit.cli import app

    photos = tmp_path / "photos"
    photos.mkdir()
    Image.new("RGB", (32, 24), (90, 120, 200)).save(photos / "a.jpg")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    first = runner.invoke(app, ["scan", str(photos), "--no-cache", "-q"])
    assert first.exit_code == 0, first.output
    before = (tmp_path / "footprint-report" / "report.json").read_bytes()
    second = runner.invoke(app, ["scan", str(photos), "--no-cache", "-q"])
    assert second.exit_code == 0, second.output
    assert "this one goes to footprint-report-2" in second.output
    assert (tmp_path / "footprint-report-2" / "report.json").is_file()
    assert (tmp_path / "footprint-report" / "report.json").read_bytes() == before
