"""A public web page (``https://...``): a family blog, a school newsletter, a club's gallery.

Each image on the page (``img`` with its largest ``srcset`` candidate, ``picture``
sources, the ``og:image`` preview) becomes a post whose caption is the text a reader sees
with it: the ``figcaption``, else the surrounding paragraph; its alt text is kept as the
media's alt text. The page's own text becomes one more post, so names and places in the
article are read too. Same-site pagination ("next", "older posts", ``/page/2``) is
followed to a bounded depth (``run.options.extra["web_depth"]``, default 2).
``robots.txt`` is honoured: a page the site asks tools not to read is not read.

Only the site the user named is read: pages, pagination and redirects stay on its host (or
its ``www.`` twin). Images may come from another host only when the page's own markup names
them, and every fetch goes to a public address (footprint_audit.http checks each one after
DNS and on every redirect); a refused or failed image is one error record naming its URL, and
the rest of the page is still read.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from bs4 import BeautifulSoup, Tag

from collectors._shared import boundary
from footprint_audit.context import RunContext
from footprint_audit.errors import BadInput, FootprintError, RateLimited, SourceNotFound
from footprint_audit.http import HttpClient, MediaUnavailable, NotFound, media_root, safe_name
from footprint_audit.models import Media, Post

KIND = "web-page"
DEFAULT_DEPTH = 2
#: The product token robots.txt rules are matched against.
ROBOTS_AGENT = "footprint-audit"
MAX_PAGE_TEXT = 5000
#: Icons, spacers and tracking pixels are not photos of anyone.
MIN_SIDE = 48
_NEXT_WORDS = re.compile(r"^\s*(next|older|more|›|»|→|next page|older posts|older entries)\b", re.I)
_PAGE_URL = re.compile(r"(/page/\d+/?$)|([?&](page|paged|p)=\d+)", re.I)
_BLOCKS = ("p", "li", "figure", "article", "section", "div", "td")


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment with line breaks kept (for Mastodon content too)."""
    if not html:
        return ""
    soup = BeautifulSoup(html, "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for p in soup.find_all("p"):
        p.insert_after("\n")
    text = soup.get_text()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _largest_srcset(srcset: str) -> str | None:
    best = _srcset_best(srcset)
    return best[1] if best else None


def _srcset_best(srcset: str) -> tuple[float, str] | None:
    """(size, URL) of the largest candidate; widths count as is, densities as 1000 per x."""
    best: tuple[float, str] | None = None
    for candidate in srcset.split(","):
        parts = candidate.strip().split()
        if not parts:
            continue
        size = 1.0
        if len(parts) > 1:
            m = re.fullmatch(r"([\d.]+)([wx])", parts[1])
            if m:
                size = float(m.group(1)) * (1 if m.group(2) == "w" else 1000)
        if best is None or size > best[0]:
            best = (size, parts[0])
    return best


#: Class names and URL fragments sites use for the dark-theme copy of an image shown next to
#: the light one (GitHub's ``#gh-dark-mode-only``, Tailwind's ``dark:block``, "dark-only").
_DARK_MARKS = ("gh-dark-mode-only", "dark-mode-only", "dark-only", "only-dark", "dark:block", "dark:inline")


def _dark_variant(tag: Tag) -> bool:
    """Whether ``tag`` is the dark-theme twin of an image the page also shows in light."""
    media = str(tag.get("media") or "").lower().replace(" ", "")
    if "prefers-color-scheme:dark" in media:
        return True
    classes = " ".join(tag.get("class") or []).lower()
    src = str(tag.get("src") or tag.get("srcset") or "").lower()
    return any(mark in classes or src.endswith("#" + mark) for mark in _DARK_MARKS)


def _too_small(img: Tag) -> bool:
    for attr in ("width", "height"):
        value = str(img.get(attr) or "")
        if value.isdigit() and int(value) < MIN_SIDE:
            return True
    return False


def _nearby_text(img: Tag) -> str:
    figure = img.find_parent("figure")
    if figure is not None:
        cap = figure.find("figcaption")
        if cap is not None and cap.get_text(strip=True):
            return " ".join(cap.get_text(" ", strip=True).split())
    for parent in img.parents:
        if getattr(parent, "name", None) in _BLOCKS:
            text = " ".join(parent.get_text(" ", strip=True).split())
            if text:
                return text[:500]
    return ""


def _page_time(soup: BeautifulSoup) -> datetime | None:
    candidates: list[str] = []
    for prop in ("article:published_time", "og:updated_time", "article:modified_time"):
        meta = soup.find("meta", attrs={"property": prop})
        if isinstance(meta, Tag) and meta.get("content"):
            candidates.append(str(meta["content"]))
    t = soup.find("time", attrs={"datetime": True})
    if isinstance(t, Tag):
        candidates.append(str(t["datetime"]))
    for value in candidates:
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            continue
    return None


def _site_hosts(url: str) -> frozenset[str]:
    """The host the user named and its ``www.`` twin: sites redirect between the two."""
    host = (urlsplit(url).hostname or "").lower()
    twin = host[4:] if host.startswith("www.") else f"www.{host}"
    return frozenset({host, twin})


def _canonical(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", parts.query, ""))


class WebPageCollector:
    kind = KIND

    def matches(self, spec: str) -> bool:
        return spec.strip().lower().startswith(("https://", "http://"))

    @boundary
    def collect(self, spec: str, run: RunContext) -> Iterator[Post]:
        start = _canonical(spec.strip())
        host = urlsplit(start).netloc
        site = _site_hosts(start)
        depth = int(run.options.extra.get("web_depth", DEFAULT_DEPTH))
        media_dir = media_root(run) / "web" / safe_name(host)
        seen_images: set[str] = set()
        with HttpClient(run) as http:
            robots = self._robots(http, start)
            queue: list[tuple[str, int]] = [(start, 0)]
            visited: set[str] = set()
            while queue:
                url, level = queue.pop(0)
                if url in visited:
                    continue
                visited.add(url)
                if robots is not None and not robots.can_fetch(ROBOTS_AGENT, url):
                    if url == start:
                        raise SourceNotFound(
                            f"{url}: the site's robots.txt asks tools like this one not to read this page; "
                            "it was not read.",
                            hint="Save the page from your browser (File > Save page as) and scan the saved folder.",
                        )
                    continue
                try:
                    resp = http.get(url, what=url, hosts=site)
                except NotFound as exc:
                    if url == start:
                        raise SourceNotFound(
                            f"{url}: the page was not found (it may have been removed)."
                        ) from exc
                    run.error(url, f"{exc}")
                    continue
                except RateLimited:
                    raise
                except FootprintError as exc:
                    if url == start:
                        raise
                    # A later page that fails costs that page, not the pages already read.
                    run.error(url, f"{exc}")
                    continue
                ctype = resp.headers.get("content-type", "text/html")
                if "html" not in ctype:
                    if url == start:
                        raise BadInput(f"{url}: not a web page ({ctype}).")
                    continue
                soup = BeautifulSoup(resp.text, "html.parser")
                # Links first: the page text drops <nav>, where most themes put "older posts".
                links = self._next_links(soup, url, host) if level < depth else []
                yield from self._page_posts(soup, url, http, media_dir, seen_images, run, site)
                for link in links:
                    if link not in visited:
                        queue.append((link, level + 1))

    def _robots(self, http: HttpClient, start: str) -> RobotFileParser | None:
        parts = urlsplit(start)
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        parser = RobotFileParser(robots_url)
        try:
            resp = http.get(robots_url, what="robots.txt", hosts=_site_hosts(start))
        except NotFound:
            return None  # no robots.txt: everything may be read
        except BadInput:
            return None  # other 4xx: treated like a missing file (as search engines do)
        parser.parse(resp.text.splitlines())
        return parser

    def _next_links(self, soup: BeautifulSoup, url: str, host: str) -> list[str]:
        out: list[str] = []
        for a in soup.find_all(["a", "link"], href=True):
            rel = " ".join(a.get("rel") or []).lower()
            text = a.get_text(" ", strip=True) if a.name == "a" else ""
            href = str(a["href"])
            target = _canonical(urljoin(url, href))
            if urlsplit(target).netloc != host or not target.startswith(("http://", "https://")):
                continue
            if "next" in rel or _NEXT_WORDS.match(text) or (a.name == "a" and _PAGE_URL.search(target)):
                if target != url and target not in out:
                    out.append(target)
        return out

    def _images(self, soup: BeautifulSoup, url: str) -> list[tuple[str, str | None, str, Tag | None]]:
        """(absolute image URL, alt text, nearby text, tag) for each image on the page."""
        found: list[tuple[str, str | None, str, Tag | None]] = []
        for img in soup.find_all("img"):
            if _too_small(img) or _dark_variant(img):
                continue
            candidates: list[tuple[float, str]] = []
            srcset = img.get("srcset") or img.get("data-srcset")
            if srcset and (best := _srcset_best(str(srcset))):
                candidates.append(best)
            picture = img.find_parent("picture")
            if picture is not None:
                # One picture is one photo: its sources are sizes, formats and the dark-theme
                # copy of it. The largest light one is what a stranger can save.
                for source in picture.find_all("source", srcset=True):
                    if not _dark_variant(source) and (best := _srcset_best(str(source["srcset"]))):
                        candidates.append(best)
            src = max(candidates, key=lambda c: c[0])[1] if candidates else None
            if src is None:
                plain = img.get("src") or img.get("data-src")
                src = str(plain) if plain else None
            if not src or src.startswith("data:"):
                continue
            src = src.split("#", 1)[0] or src
            alt = str(img.get("alt")).strip() if img.get("alt") else None
            found.append((urljoin(url, str(src)), alt or None, _nearby_text(img), img))
        og = soup.find("meta", attrs={"property": "og:image"})
        if isinstance(og, Tag) and og.get("content"):
            alt_meta = soup.find("meta", attrs={"property": "og:image:alt"})
            alt = str(alt_meta["content"]) if isinstance(alt_meta, Tag) and alt_meta.get("content") else None
            found.append((urljoin(url, str(og["content"])), alt, "", None))
        return found

    def _page_posts(
        self,
        soup: BeautifulSoup,
        url: str,
        http: HttpClient,
        media_dir: Path,
        seen_images: set[str],
        run: RunContext,
        site: frozenset[str],
    ) -> Iterator[Post]:
        when = _page_time(soup)
        title = soup.title.get_text(strip=True) if soup.title else ""
        for img_url, alt, nearby, _tag in self._images(soup, url):
            if img_url in seen_images or img_url.lower().split("?")[0].endswith(".svg"):
                continue
            seen_images.add(img_url)
            digest = hashlib.sha256(img_url.encode()).hexdigest()[:16]
            suffix = Path(urlsplit(img_url).path).suffix.lower()
            suffix = suffix if re.fullmatch(r"\.[a-z0-9]{2,5}", suffix) else ".jpg"
            pid = f"web:{digest}"
            # The page named this image, so its host may serve it (a CDN); a redirect from there
            # may go only to that host or the site, and never to a private address.
            image_host = (urlsplit(img_url).hostname or "").lower()
            try:
                path = http.download(img_url, media_dir / f"{digest}{suffix}", hosts=site | {image_host})
            except MediaUnavailable as exc:
                # The page's text post still carries the words around it; an image post
                # without its image would only repeat them.
                run.error(img_url, f"image not read: {exc}")
                continue
            yield Post(
                id=pid,
                source=KIND,
                url=url,
                taken_at=when,
                caption=nearby,
                media=(Media(path=str(path), url=img_url, alt_text=alt),),
                visibility="public",
                raw={"page": url, "image": img_url, "page_title": title},
                time_source="platform" if when else "unknown",
            )
        yield self._text_post(soup, url, title, when)

    def _text_post(self, soup: BeautifulSoup, url: str, title: str, when: datetime | None) -> Post:
        for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "form"]):
            tag.decompose()
        main: Any = soup.find("main") or soup.find("article") or soup.body or soup
        text = "\n".join(line.strip() for line in main.get_text("\n").splitlines() if line.strip())
        caption = "\n".join(x for x in (title, text[:MAX_PAGE_TEXT]) if x)
        return Post(
            id="web:page:" + hashlib.sha256(url.encode()).hexdigest()[:16],
            source=KIND,
            url=url,
            taken_at=when,
            caption=caption,
            visibility="public",
            raw={"page": url, "page_title": title},
            time_source="platform" if when else "unknown",
        )
