"""The web collector reads only the named site and public hosts its markup names, and one bad
image costs that image, not the page."""

from __future__ import annotations

from pathlib import Path

import httpx

from collectors.web_page import WebPageCollector
from footprint_audit.context import RunContext
from tests.collectors.sources_support import FIXTURES, FakeServer, fast_options

PUBLIC = "93.184.215.14"
DNS = {
    "blog.example": [PUBLIC],
    "www.blog.example": [PUBLIC],
    "cdn.example": [PUBLIC],
    "elsewhere.example": [PUBLIC],
    "intranet.example": ["10.0.0.9"],
}


def resolve(host: str, port: int) -> list[str]:
    if host not in DNS:
        raise OSError(-2, "Name or service not known")
    return DNS[host]


def _html(name: str) -> httpx.Response:
    return httpx.Response(
        200, headers={"content-type": "text/html; charset=utf-8"}, text=(FIXTURES / "web" / name).read_text()
    )


def _collect(
    tmp_path: Path, server: FakeServer, start: str = "https://blog.example/"
) -> tuple[list, RunContext]:
    run = RunContext(fast_options(tmp_path, server.transport(), resolver=resolve))
    return list(WebPageCollector().collect(start, run)), run


def hostile_server() -> FakeServer:
    server = FakeServer()
    server.routes["/"] = _html("hostile.html")
    server.routes["/robots.txt"] = httpx.Response(404)
    server.routes["/images/moved.jpg"] = httpx.Response(
        302, headers={"location": "https://elsewhere.example/x.jpg"}
    )
    server.routes["/images/to-metadata.jpg"] = httpx.Response(
        302, headers={"location": "http://169.254.169.254/latest/meta-data/"}
    )
    server.fail[("/images/forbidden.jpg", "")] = (403, {}, b"")
    server.fail[("/images/broken.jpg", "")] = (500, {}, b"")
    return server


def test_hostile_page_refuses_each_bad_url_and_keeps_the_good_ones(tmp_path: Path) -> None:
    server = hostile_server()
    posts, run = _collect(tmp_path, server)
    images = sorted(p.raw["image"] for p in posts if "image" in p.raw)
    assert images == [
        "https://blog.example/images/beach.jpg",
        "https://blog.example/images/sunset.jpg",  # after every bad image, still read
        "https://cdn.example/photos/album.jpg",  # another public host, named by the page
    ]
    assert any(p.id.startswith("web:page:") and "Beach day" in p.caption for p in posts)
    # Nothing was ever sent to a refused host, nor to a redirect's refused target.
    hosts = {httpx.URL(u).host for u in server.requests}
    assert hosts == {"blog.example", "cdn.example"}
    why = {e.where: e.message for e in run.errors}
    expected = {
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/role": "metadata",
        "http://127.0.0.1:6379/flush.jpg": "loopback",
        "http://10.0.0.5/router.jpg": "private network",
        "http://[fd00:ec2::254]/latest/meta-data.jpg": "metadata",
        "file:///etc/passwd": "only http and https",
        "https://intranet.example/admin.jpg": "intranet.example resolves to 10.0.0.9",
        "https://blog.example/images/moved.jpg": "redirects to https://elsewhere.example/x.jpg",
        "https://blog.example/images/to-metadata.jpg": "metadata",
        "https://blog.example/images/forbidden.jpg": "HTTP 403",
        "https://blog.example/images/broken.jpg": "HTTP 500",
        "https://gone.example/lost.jpg": "could not reach",
    }
    assert set(why) == set(expected)  # one record per bad URL, named by its URL
    for url, word in expected.items():
        assert word in why[url], (url, why[url])
        assert url in why[url] or url.replace("[", "").replace("]", "") in why[url]
    hints = " ".join(e.hint + e.message for e in run.errors)
    assert "--login" not in hints and "internet connection" not in hints


def test_start_page_redirecting_off_site_is_refused(tmp_path: Path) -> None:
    server = FakeServer()
    server.routes["/robots.txt"] = httpx.Response(404)
    server.routes["/"] = httpx.Response(301, headers={"location": "http://10.1.1.1/"})
    import pytest

    from footprint_audit.http import Refused

    with pytest.raises(Refused, match="redirects to http://10.1.1.1/"):
        _collect(tmp_path, server)
    assert not any("10.1.1.1" in u for u in server.requests)


def test_www_twin_redirect_is_followed(tmp_path: Path) -> None:
    server = FakeServer()
    server.routes["/robots.txt"] = httpx.Response(404)
    pages = {"blog.example": httpx.Response(301, headers={"location": "https://www.blog.example/"})}

    def home(request: httpx.Request) -> httpx.Response:
        return pages.get(request.url.host) or _html("page3.html")

    server.routes["/"] = home
    posts, run = _collect(tmp_path, server)
    assert run.errors == [] and any(p.id.startswith("web:page:") for p in posts)


def test_pagination_inside_nav_and_picture_sources(tmp_path: Path) -> None:
    server = FakeServer()
    server.routes["/robots.txt"] = httpx.Response(404)
    server.routes["/"] = _html("nav.html")
    server.routes["/news/page/2/"] = _html("page3.html")
    posts, run = _collect(tmp_path, server)
    assert server.count("/news/page/2/") == 1  # the "older posts" link sits inside <nav>
    assert server.count("/about/") == 0  # nav links that are not pagination are not followed
    images = sorted(p.raw["image"] for p in posts if "image" in p.raw)
    assert images == [
        "https://blog.example/images/deep.jpg",  # from page 2
        "https://blog.example/img/crest-light.png",
        "https://blog.example/img/race-1600.webp",  # the largest light source of the picture
    ]
    race = next(p for p in posts if p.raw.get("image", "").endswith("race-1600.webp"))
    assert race.caption == "Egg and spoon race on the big field"
    assert not any("dark" in u for u in server.requests)  # dark copies are the same photo
    assert run.errors == []
