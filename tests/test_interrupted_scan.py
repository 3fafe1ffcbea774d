"""A scan killed half-way (SIGKILL, or Ctrl-C as SIGINT) loses nothing: the next run
completes with every post exactly once in report.json."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from collectors.mastodon import MastodonCollector
from footprint_audit.cache import Cache
from footprint_audit.pipeline import audit
from footprint_audit.report import write_report
from tests.collectors.sources_support import fast_options
from tests.collectors.test_mastodon import SPEC, mastodon_server
from tests.fakes import CaptionWordAnalyzer

ROOT = Path(__file__).resolve().parents[1]

# The child scans the fake Mastodon server; asked for page 2 it says READY and blocks
# forever, so the parent kills it at a known point without any timing guesswork.
CHILD = r"""
import signal, sys, threading
# A test runner's worker may ignore SIGINT, and the child would inherit that: Ctrl-C must act.
signal.signal(signal.SIGINT, signal.default_int_handler)
from pathlib import Path
from collectors.mastodon import MastodonCollector
from footprint_audit.pipeline import audit
from tests.collectors.sources_support import fast_options
from tests.collectors.test_mastodon import BASE, SPEC, mastodon_server
from tests.fakes import CaptionWordAnalyzer

server = mastodon_server()
serve = server.routes[BASE]

def blocking(request):
    if request.url.params.get("max_id"):
        print("READY", flush=True)
        threading.Event().wait()
    return serve(request)

server.routes[BASE] = blocking
audit([SPEC], analyzers=[CaptionWordAnalyzer("Oakfield")], collectors=[MastodonCollector()],
      options=fast_options(Path(sys.argv[1]), server.transport()))
print("FINISHED", flush=True)
"""


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_scan_resumes_with_every_post_once(tmp_path: Path, sig: signal.Signals) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "READY", child.stderr.read() if child.stderr else ""
        child.send_signal(sig)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode != 0
    # What the killed run had fetched is in the cache, consistent and readable.
    cache = Cache.open(tmp_path / "data")
    try:
        kept = cache.known_ids("mastodon:@sunnyfamily@social.example")
    finally:
        cache.close()
    assert kept == {
        "mastodon:social.example:profile:sunnyfamily",
        "mastodon:social.example:112500000000000005",
        "mastodon:social.example:112500000000000003",
    }
    server = mastodon_server()
    result = audit(
        [SPEC],
        analyzers=[CaptionWordAnalyzer("Oakfield")],
        collectors=[MastodonCollector()],
        options=fast_options(tmp_path, server.transport()),
    )
    paths = write_report(result, tmp_path / "out", json_only=True)
    report = json.loads(paths.json.read_text())
    ids = [p["id"] for p in report["posts"]]
    assert sorted(ids) == sorted(set(ids))
    assert set(ids) == kept | {
        "mastodon:social.example:112500000000000002",
        "mastodon:social.example:112500000000000001",
    }
    assert [f["post_id"] for f in report["findings"]] == ["mastodon:social.example:112500000000000005"]
    assert report["errors"] == []
