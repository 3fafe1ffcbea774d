"""Builders shared by the source tests: exports made from hand-written JSON plus generated images."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PIL import Image

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def jpeg_bytes(seed: int = 0, size: tuple[int, int] = (64, 48)) -> bytes:
    img = Image.new("RGB", size, ((seed * 53) % 256, (seed * 97) % 256, (seed * 31) % 256))
    for x in range(0, size[0], 8):
        img.putpixel((x, x % size[1]), (255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, "JPEG")
    return buf.getvalue()


def write_video(path: Path, frames: int = 10) -> None:
    """A real (tiny) MP4, so video analysis has frames to read."""
    import cv2
    import numpy as np

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 5, (64, 48))
    for i in range(frames):
        writer.write(np.full((48, 64, 3), i * 20, np.uint8))
    writer.release()


def _uris(value: Any) -> Iterable[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "uri" and isinstance(v, str) and not v.startswith("http"):
                yield v
            else:
                yield from _uris(v)
    elif isinstance(value, list):
        for v in value:
            yield from _uris(v)


def build_export(name: str, dest: Path, *, missing: Iterable[str] = ()) -> Path:
    """Copy fixture ``name`` to ``dest`` and create every media file its JSON names (but ``missing``)."""
    src = FIXTURES / name
    shutil.copytree(src, dest)
    skip = set(missing)
    for n, js in enumerate(sorted(src.rglob("*.json"))):
        for i, uri in enumerate(_uris(json.loads(js.read_text()))):
            if uri in skip:
                continue
            target = dest / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            if uri.endswith(".mp4"):
                write_video(target)
            else:
                target.write_bytes(jpeg_bytes(n * 10 + i))
    return dest


def zip_folder(folder: Path, dest: Path) -> Path:
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                zf.write(p, p.relative_to(folder).as_posix())
    return dest


class FakeServer:
    """An httpx.MockTransport handler: routes by path, serves JSON fixtures and generated
    JPEGs, counts requests, and fails on demand (``fail[(path, query-substring)] = status``)."""

    def __init__(self) -> None:
        self.routes: dict[str, Any] = {}
        self.fail: dict[tuple[str, str], tuple[int, dict[str, str], bytes]] = {}
        self.fail_once: set[tuple[str, str]] = set()
        self.requests: list[str] = []
        self.user_agents: set[str] = set()

    def transport(self) -> Any:
        import httpx

        return httpx.MockTransport(self.handle)

    def count(self, fragment: str) -> int:
        return sum(1 for r in self.requests if fragment in r)

    def handle(self, request: Any) -> Any:
        import httpx

        url = str(request.url)
        path = request.url.path
        query = request.url.query.decode()
        self.requests.append(url)
        self.user_agents.add(request.headers.get("user-agent", ""))
        for (fpath, fquery), (status, headers, body) in list(self.fail.items()):
            if fpath == path and fquery in query:
                if (fpath, fquery) in self.fail_once:
                    del self.fail[(fpath, fquery)]
                return httpx.Response(status, headers=headers, content=body)
        route = self.routes.get(path)
        if callable(route):
            route = route(request)
        if route is None:
            if path.endswith((".jpg", ".png", ".jpeg", ".webp")) or "/img/" in path:
                return httpx.Response(
                    200, headers={"content-type": "image/jpeg"}, content=jpeg_bytes(len(path))
                )
            return httpx.Response(404, json={"error": "Record not found"})
        if isinstance(route, httpx.Response):
            return route
        return httpx.Response(200, json=route)


def fast_options(tmp_path: Path, transport: Any, **extra: Any) -> Any:
    """AuditOptions for network tests: private folders in tmp, no pacing, sleeps recorded."""
    from footprint_audit.context import AuditOptions

    sleeps: list[float] = []
    return AuditOptions(
        data_dir=tmp_path / "data",
        media_dir=tmp_path / "media",
        extra={
            "transport": transport,
            "resolver": public_resolver,
            "sleep": sleeps.append,
            "http_interval": 0,
            "sleeps": sleeps,
            **extra,
        },
    )


def public_resolver(host: str, port: int) -> list[str]:
    """Every test host name is a public address (example.com's), so the address check passes
    without asking real DNS; tests of the check itself pass their own resolver."""
    return ["93.184.215.14"]
