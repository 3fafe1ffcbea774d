from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from collectors.web_page import WebPageCollector, _largest_srcset, html_to_text
from footprint_audit.context import RunContext
from footprint_audit.errors import SourceNotFound
from footprint_audit.http import USER_AGENT
from tests.collectors.sources_support import FIXTURES, FakeServer, fast_options

START = "https://blog.example/"


def _html(name: str) -> httpx.Response:
    return httpx.Response(
        200, headers={"content-type": "text/html; charset=utf-8"}, text=(FIXTURES / "web" / name).read_text()
    )


def blog_server() -> FakeServer:
    server = FakeServer()
    server.routes["/"] = _html("index.html")
    server.routes["/page/2/"] = _html("page2.html")
    server.routes["/page/3/"] = _html("page3.html")
    server.routes["/drafts/page/4/"] = _html("page3.html")
    server.routes["/robots.txt"] = httpx.Response(200, text=(FIXTURES / "web" / "robots.txt").read_text())
    return server


def _collect(tmp_path: Path, server: FakeServer, **extra: object) -> tuple[list, RunContext]:
    run = RunContext(fast_options(tmp_path, server.transport(), **extra))
    return list(WebPageCollector().collect(START, run)), run


def test_srcset_and_text_helpers() -> None:
    assert _largest_srcset("a.jpg 480w, b.jpg 1200w, c.jpg 800w") == "b.jpg"
    assert _largest_srcset("a.jpg 1x, b.jpg 2x") == "b.jpg"
    assert html_to_text("<p>One<br>Two</p><p>Three</p>") == "One\nTwo\nThree"


def test_images_captions_pagination_robots(tmp_path: Path) -> None:
    server = blog_server()
    posts, run = _collect(tmp_path, server)
    images = {p.raw["image"]: p for p in posts if "image" in p.raw}
    assert set(images) == {
        "https://blog.example/images/first-day-1200.jpg",  # the largest srcset candidate
        "https://blog.example/images/elm-road.jpg",
        "https://blog.example/images/park@2x.webp",
        "https://blog.example/images/cover.jpg",  # og:image
        "https://blog.example/images/cake.jpg",  # page 2 (depth 1)
        "https://blog.example/images/deep.jpg",  # page 3 (depth 2)
    }
    first = images["https://blog.example/images/first-day-1200.jpg"]
    assert first.caption == "Mia, 5, ready for Oakfield Primary"
    assert first.media[0].alt_text == "Mia at the school gate"
    assert first.taken_at is not None and first.taken_at.isoformat() == "2024-06-02T09:30:00+01:00"
    assert "Elm Road" in images["https://blog.example/images/elm-road.jpg"].caption
    assert images["https://blog.example/images/cover.jpg"].media[0].alt_text == "The three of us on the beach"
    pages = [p for p in posts if p.id.startswith("web:page:")]
    assert len(pages) == 3
    assert "First day at school" in pages[0].caption and "A friend's blog" not in pages[0].caption
    # robots.txt: our group disallows /drafts/; other hosts are never visited
    assert server.count("/drafts/") == 0
    assert not any("elsewhere.example" in r for r in server.requests)
    assert server.requests[0] == "https://blog.example/robots.txt"
    assert server.user_agents == {USER_AGENT}
    assert all(Path(m.path).is_file() for p in posts for m in p.media)
    assert run.errors == []


def test_depth_bound(tmp_path: Path) -> None:
    server = blog_server()
    posts, _ = _collect(tmp_path, server, web_depth=0)
    assert server.count("/page/") == 0
    assert len([p for p in posts if p.id.startswith("web:page:")]) == 1


def test_robots_disallowing_the_page(tmp_path: Path) -> None:
    server = blog_server()
    server.routes["/robots.txt"] = httpx.Response(200, text="User-agent: *\nDisallow: /\n")
    with pytest.raises(SourceNotFound, match="robots.txt"):
        _collect(tmp_path, server)
    assert server.count("blog.example/") == 1  # only robots.txt was read


def test_missing_page_and_missing_image(tmp_path: Path) -> None:
    server = blog_server()
    server.fail[("/images/elm-road.jpg", "")] = (404, {}, b"")
    posts, run = _collect(tmp_path, server)
    assert not any(p.raw.get("image", "").endswith("elm-road.jpg") for p in posts)
    assert [e.where for e in run.errors] == ["https://blog.example/images/elm-road.jpg"]
    server2 = blog_server()
    server2.routes.pop("/")
    with pytest.raises(SourceNotFound, match="not found"):
        _collect(tmp_path / "b", server2)
