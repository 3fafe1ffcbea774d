"""A web page with pictures that cannot be read still gives a report of everything else."""

from __future__ import annotations

from pathlib import Path

from collectors.web_page import WebPageCollector
from footprint_audit.pipeline import audit
from tests.collectors.sources_support import fast_options
from tests.collectors.test_web_page import START, blog_server


def test_refused_and_failing_images_cost_only_themselves(tmp_path: Path) -> None:
    server = blog_server()
    server.fail[("/images/elm-road.jpg", "")] = (403, {}, b"")
    server.fail[("/images/cake.jpg", "")] = (500, {}, b"")

    def resolve(host: str, port: int) -> list[str]:
        return ["93.184.215.14"]

    options = fast_options(tmp_path, server.transport(), resolver=resolve)
    result = audit([START], analyzers=[], collectors=[WebPageCollector()], options=options)
    # 9 posts from the three pages, less the two pictures that could not be read
    assert len(result.posts) == 7
    assert sorted(e.where for e in result.errors) == [
        "https://blog.example/images/cake.jpg",
        "https://blog.example/images/elm-road.jpg",
    ]
    text = " ".join(f"{e.message} {e.hint}" for e in result.errors)
    assert "HTTP 403" in text and "HTTP 500" in text
    assert "--login" not in text and "internet connection" not in text
    assert "Elm Road" in next(p.caption for p in result.posts if p.id.startswith("web:page:"))
