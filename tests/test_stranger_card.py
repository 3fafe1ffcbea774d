"""The "What a stranger can learn" card in report.html, and the dossier in report.json."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import jsonschema
import pytest

from footprint_audit.context import AuditOptions
from footprint_audit.models import AuditResult, Fact, Post
from footprint_audit.pipeline import audit
from footprint_audit.report import render_html, report_dict, write_report
from footprint_audit.schema import load_schema
from tests.fakes import ListCollector
from tests.text_account import RawGpsAnalyzer, build_account, text_analyzers


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    posts, _ = build_account()
    result = audit(
        ["list:isla"],
        analyzers=[RawGpsAnalyzer(), *text_analyzers()],
        collectors=[ListCollector(posts)],
        options=AuditOptions(timezone="Europe/London", now=datetime(2025, 6, 1, tzinfo=UTC)),
    )
    out = tmp_path_factory.mktemp("report")
    paths = write_report(result, out)
    assert paths.html is not None
    return paths.html.read_text(encoding="utf-8"), json.loads(paths.json.read_text(encoding="utf-8"))


def test_card_per_child_with_sentences_linking_to_posts(written: tuple[str, dict]) -> None:
    html, _ = written
    card = html[html.index('<section id="stranger">') : html.index("</section>", html.index('id="stranger"'))]
    assert "About Isla" in card
    line = card[card.index("On Wednesdays around 17:00 she is at Highgate Leisure Centre.") :].split("</li>")[
        0
    ]
    assert [f'href="#post-isla-{n:02d}"' in line for n in range(5, 11)] == [True] * 6
    assert ">2 Oct 2024</a>" in line  # links are labelled with the post's date, in words
    # most useful to a stranger first
    assert (
        card.index("she probably lives") < card.index("She goes to Brookfield") < card.index("On Wednesdays")
    )
    assert card.index("On Wednesdays") < card.index("Her name is Isla.")
    # and every linked anchor exists in the page
    for pid in ("isla-01", "isla-03", "isla-11"):
        assert f'id="post-{pid}"' in html


def test_report_json_carries_the_dossier(written: tuple[str, dict]) -> None:
    _, data = written
    kinds = {f["kind"]: f for f in data["dossier"]["facts"]}
    assert kinds["birthday"]["value"] == "2019-03-09"
    assert kinds["routine"]["weekday"] == "Wednesday" and kinds["routine"]["time_of_day"] == "17:00"
    assert kinds["home_area"]["lat"] == pytest.approx(51.571, abs=0.001)
    jsonschema.Draft202012Validator(load_schema(), format_checker=jsonschema.FormatChecker()).validate(data)


def test_card_escapes_what_captions_put_in_sentences() -> None:
    post = Post(id="p1", source="t", caption="x")
    fact = Fact(
        "school",
        "<script>alert(1)</script>",
        "Mia",
        0.9,
        ("p1",),
        sentence="She goes to <script>alert(1)</script>.",
    )
    result = AuditResult(sources=(), posts=(post,), findings=(), facts=(fact,), errors=())
    html = render_html(result, report_dict(result))
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
