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
                target.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(64))
            else:
                target.write_bytes(jpeg_bytes(n * 10 + i))
    return dest


def zip_folder(folder: Path, dest: Path) -> Path:
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                zf.write(p, p.relative_to(folder).as_posix())
    return dest
