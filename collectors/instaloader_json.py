"""Fields of instaloader's post metadata: the GraphQL ``node`` and the iPhone API record.

instaloader writes one JSON per post, in one of two shapes depending on how it fetched it;
these helpers read each field from whichever shape is there, and never raise on a missing
or wrongly typed value (a field that is not what the format says is treated as absent).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlparse

from footprint_audit.models import Geotag

_COORDS = re.compile(r"(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)")


def _dig(obj: Any, *keys: Any) -> Any:
    for key in keys:
        if isinstance(obj, Mapping):
            obj = obj.get(key)
        elif isinstance(obj, list) and isinstance(key, int) and -len(obj) <= key < len(obj):
            obj = obj[key]
        else:
            return None
    return obj


def _edges(obj: Any, *keys: str) -> list[dict[str, Any]]:
    edges = _dig(obj, *keys, "edges")
    if not isinstance(edges, list):
        return []
    return [e["node"] for e in edges if isinstance(e, Mapping) and isinstance(e.get("node"), Mapping)]


def _float(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if -180.0 <= f <= 180.0 else None


def _str(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    s = str(value).strip()
    return s or None


def _timestamp(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(float(value), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def parse_location_txt(text: str) -> Geotag | None:
    """instaloader's ``_location.txt``: the place name, then (when known) a maps link with lat,lng."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return None
    name = lines[0]
    lat = lon = None
    for line in lines[1:]:
        query = parse_qs(urlparse(line).query)
        for key in ("q", "ll", "query"):
            m = _COORDS.search(query.get(key, [""])[0])
            if m:
                lat, lon = _float(m.group(1)), _float(m.group(2))
                break
        if lat is not None:
            break
    if lat is not None and not -90.0 <= lat <= 90.0:
        lat = lon = None
    return Geotag(name=name, lat=lat, lon=lon if lat is not None else None)


def _geotag(node: Mapping[str, Any], iphone: Mapping[str, Any], txt: Geotag | None) -> Geotag | None:
    """Merge the node's location, the iphone_struct's and ``_location.txt``: keep what each knows."""
    locs = [loc for loc in (node.get("location"), iphone.get("location")) if isinstance(loc, Mapping)]
    if not locs and txt is None:
        return None
    name = lat = lon = lid = slug = address = None
    for loc in locs:
        name = name or _str(loc.get("name")) or _str(loc.get("short_name"))
        lid = lid or _str(loc.get("id")) or _str(loc.get("pk"))
        slug = slug or _str(loc.get("slug"))
        address = address or _str(loc.get("address"))
        la, lo = _float(loc.get("lat")), _float(loc.get("lng", loc.get("lon")))
        if lat is None and la is not None and lo is not None and -90 <= la <= 90:
            lat, lon = la, lo
    if txt is not None:
        name = name or txt.name
        if lat is None and txt.lat is not None:
            lat, lon = txt.lat, txt.lon
    if not any((name, lat, lid)):
        return None
    return Geotag(name=name, lat=lat, lon=lon, id=lid, slug=slug, address=address)


def _tagged(node: Mapping[str, Any], iphone: Mapping[str, Any]) -> tuple[str, ...]:
    names: list[str] = []
    graph_nodes = [node, *_edges(node, "edge_sidecar_to_children")]
    for n in graph_nodes:
        for e in _edges(n, "edge_media_to_tagged_user"):
            names.append(_str(_dig(e, "user", "username")) or "")
    iphone_items = [
        item
        for src in (node, iphone)
        for item in (src, *(src.get("carousel_media") or []))
        if isinstance(item, Mapping)
    ]
    for item in iphone_items:
        for t in _dig(item, "usertags", "in") or []:
            names.append(_str(_dig(t, "user", "username")) or "")
    unique: dict[str, str] = {}
    for name in names:
        if name and name.lower() not in unique:
            unique[name.lower()] = name
    return tuple(unique.values())


def _caption(node: Mapping[str, Any], iphone: Mapping[str, Any]) -> str | None:
    edges = _edges(node, "edge_media_to_caption")
    if edges and isinstance(edges[0].get("text"), str):
        return str(edges[0]["text"])
    if isinstance(node.get("caption"), str):
        return str(node["caption"])
    # Newer instaloader keeps the web API's own item (caption as {"text": ...}) in the node.
    for text in (_dig(node, "caption", "text"), _dig(iphone, "caption", "text")):
        if isinstance(text, str):
            return text
    return None


def _children(node: Mapping[str, Any], iphone: Mapping[str, Any]) -> list[tuple[bool, str | None]]:
    """(is_video, alt text) per carousel item; [] for a single photo or video."""
    graph = _edges(node, "edge_sidecar_to_children")
    carousel = [c for c in (iphone.get("carousel_media") or []) if isinstance(c, Mapping)]
    out: list[tuple[bool, str | None]] = []
    for i in range(max(len(graph), len(carousel))):
        g = graph[i] if i < len(graph) else {}
        c = carousel[i] if i < len(carousel) else {}
        is_video = bool(g.get("is_video")) if "is_video" in g else c.get("media_type") == 2
        alt = _str(g.get("accessibility_caption")) or _str(c.get("accessibility_caption"))
        out.append((is_video, alt))
    return out
