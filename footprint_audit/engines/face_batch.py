"""Face work for many files: a per-file-hash cache of results and a process pool.

The expensive part (:func:`footprint_audit.engines.faces.analyze_file`) runs in worker
processes; results are cached per file hash (:class:`FaceCache`), so a re-scan of unchanged
photos does no face work at all, and the same file in two posts is analysed once.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..paths import data_dir, file_sha256, private_dir, write_private
from . import faces
from .faces import MediaFaces

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- cache


class FaceCache:
    """Face results per file hash, one small owner-only JSON file each, under the data folder.

    No photo or crop is stored: boxes, encodings and age estimates only.
    """

    def __init__(self, root: Path) -> None:
        self.root = private_dir(root)

    @classmethod
    def default(cls, override: Path | None = None) -> FaceCache:
        return cls(data_dir(override) / "faces-cache")

    def _path(self, sha: str) -> Path:
        return self.root / sha[:2] / f"{sha}.json"

    def get(self, sha: str) -> MediaFaces | None:
        p = self._path(sha)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("version") != faces.PIPELINE_VERSION:
            return None
        try:
            return MediaFaces.from_json(data["result"])
        except (KeyError, TypeError, ValueError, IndexError):
            return None

    def put(self, sha: str, result: MediaFaces) -> None:
        payload = {"version": faces.PIPELINE_VERSION, "result": result.to_json()}
        try:
            write_private(self._path(sha), json.dumps(payload, separators=(",", ":")).encode())
        except OSError as exc:  # a full disk must not stop the scan
            log.warning("could not write face cache: %s", exc)


# --------------------------------------------------------------------------- batch


@dataclass(frozen=True)
class WorkItem:
    key: Any
    path: str
    kind: str = "image"


def analyze_many(
    items: Sequence[WorkItem],
    *,
    workers: int = 1,
    cache: FaceCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[Any, MediaFaces]:
    """Face results for many files: cached ones read back, the rest computed in a process pool."""
    results: dict[Any, MediaFaces] = {}
    todo: dict[str, list[WorkItem]] = {}
    unhashed: list[WorkItem] = []
    for item in items:
        sha = file_sha256(item.path) if cache is not None else None
        cached = cache.get(sha) if (cache is not None and sha) else None
        if cached is not None:
            results[item.key] = cached
        elif sha:
            todo.setdefault(sha, []).append(item)  # the same file twice is analysed once
        else:
            unhashed.append(item)
    jobs: list[tuple[str | None, WorkItem]] = [(sha, group[0]) for sha, group in todo.items()]
    jobs += [(None, item) for item in unhashed]
    total = len(jobs)

    def store(sha: str | None, item: WorkItem, res: MediaFaces) -> None:
        if sha is not None:
            for other in todo[sha]:
                results[other.key] = res
            if cache is not None and res.error is None:
                cache.put(sha, res)
        else:
            results[item.key] = res

    n = max(1, min(workers, total))
    if n <= 1:
        for done, (sha, item) in enumerate(jobs, 1):
            store(sha, item, faces.analyze_file(item.path, item.kind))
            if progress:
                progress(done, total)
        return results

    import multiprocessing

    # spawn, not fork: forking a process that already runs OpenCV/ONNX threads can deadlock.
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=faces.init_worker) as pool:
        futures: list[tuple[str | None, WorkItem, Future[MediaFaces]]] = [
            (sha, item, pool.submit(faces.analyze_file, item.path, item.kind)) for sha, item in jobs
        ]
        for done, (sha, item, fut) in enumerate(futures, 1):
            try:
                res = fut.result()
            except BrokenProcessPool:
                res = MediaFaces(
                    error=f"{Path(item.path).name}: face analysis crashed on this file.",
                    hint="The file may be damaged; open it in an image viewer to check.",
                )
            store(sha, item, res)
            if progress:
                progress(done, total)
    return results
