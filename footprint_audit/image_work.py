"""One pass per image on every core: every image task of a run, in worker processes, cached.

An :class:`ImageTask` is the heavy, per-file part of an analyzer (face detection, OCR, the
nudity detector): it gets a :class:`DecodedImage` and the results of the tasks it ``needs``
and returns a small JSON-able result. :func:`run_image_work` decodes each media file ONCE in
a worker, runs every task the file needs in dependency order there, and sends back only the
results. Results are cached per (file SHA-256, task name, task version) in the per-user data
folder (owner-only), so a re-scan, or a scan after adding posts, works on new files only.

Analyzers stay in the main process: they declare ``image_tasks`` (names of tasks, or task
objects of their own) and read results with ``ctx.image_result(index, name)``; the pipeline
runs the tasks for all posts before any ``analyze`` (footprint_audit.pipeline).

A plug-in adds a task by giving an ImageTask object in its analyzer's ``image_tasks`` (its
class must be importable by module path, since workers are spawned), e.g. a task with
``needs = ("faces",)`` gets ``earlier["faces"]`` (the faces task's result for the same file).
"""

from __future__ import annotations

import json
import logging
import os
import time
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BadInput
from .paths import data_dir, file_sha256, private_dir, write_private

if TYPE_CHECKING:
    from collections.abc import Iterator

    import numpy as np
    from PIL import Image

log = logging.getLogger(__name__)

#: Set in the environment of worker processes: engines then use one thread per session.
WORKER_ENV = "FOOTPRINT_AUDIT_IMAGE_WORKER"
#: Thread pools of native libraries, limited to one in workers (the pool is the parallelism).
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


def in_worker() -> bool:
    """True inside an image-work process: one intra-op and one inter-op thread per session."""
    return os.environ.get(WORKER_ENV) == "1"


def session_threads() -> int:
    """onnxruntime thread count for sessions made in this process (0: onnxruntime's default)."""
    return 1 if in_worker() else 0


# --------------------------------------------------------------------------- decoded image


@dataclass
class View:
    """An RGB uint8 array of the image at some size, and the factor back to original pixels."""

    array: np.ndarray
    scale: float


class DecodedImage:
    """One media file, decoded once (Pillow, EXIF-transposed, the limits of images.py).

    ``image`` is the upright RGB working copy (at most images.WORKING_SIDE); ``scale`` maps its
    pixels to the original's. A video has ``kind == "video"`` and its sampled ``frames``
    (``image`` is then the first, and ``scale`` is 1: boxes are in frame pixels).
    """

    def __init__(
        self,
        path: str,
        image: Image.Image,
        original_size: tuple[int, int],
        scale: float,
        kind: str = "image",
        frames: Sequence[Image.Image] = (),
    ) -> None:
        self.path = path
        self.kind = kind
        self.image = image
        self.original_size = original_size
        self.scale = scale
        self.frames: list[Image.Image] = list(frames) or [image]
        self._views: dict[int, View] = {}

    @classmethod
    def decode(cls, path: str, kind: str = "image") -> DecodedImage:
        """Decode ``path``; raises BadInput (with the file's name) when it cannot be read."""
        from .images import load_image, video_frames

        if kind == "video":
            frames = video_frames(path, 3)
            if not frames:
                raise BadInput(
                    f"{Path(path).name}: no frame of this video could be decoded, so it was not checked.",
                    hint="Play the video to check it yourself, or convert it to MP4.",
                )
            return cls(path, frames[0], frames[0].size, 1.0, "video", frames)
        loaded = load_image(path)
        return cls(path, loaded.image, loaded.original_size, loaded.scale)

    @property
    def size(self) -> tuple[int, int]:
        return self.image.size

    def at(self, max_side: int | None = None) -> View:
        """The picture as an RGB array with its longest side at most ``max_side`` (cached)."""
        import numpy as np
        from PIL import Image

        w, h = self.image.size
        side = max(w, h) if max_side is None or max_side >= max(w, h) else max_side
        if side not in self._views:
            if side == max(w, h):
                self._views[side] = View(np.asarray(self.image), self.scale)
            else:
                factor = max(w, h) / side
                small = self.image.resize(
                    (max(1, round(w / factor)), max(1, round(h / factor))), Image.Resampling.BILINEAR
                )
                self._views[side] = View(np.asarray(small), self.scale * w / small.size[0])
        return self._views[side]


# --------------------------------------------------------------------------- tasks


class ImageTask(ABC):
    """The heavy per-file work of an analyzer, run in a worker process.

    ``name`` (unique), ``version`` (bump when the result changes: cached results are redone),
    ``needs`` (names of tasks whose results ``run`` gets in ``earlier``), ``kinds`` (media
    kinds it looks at; other files get None without running). ``setup()`` runs once per
    process before the first ``run``; ``run`` returns a JSON-able result and raises for a bug
    (recorded for that file and task, the rest go on).
    """

    name: str
    version: str
    needs: tuple[str, ...] = ()
    kinds: frozenset[str] = frozenset({"image", "video"})

    def setup(self) -> None:  # noqa: B027 - optional hook
        """Once per process: load models."""

    @abstractmethod
    def run(self, img: DecodedImage, earlier: Mapping[str, Any]) -> Any:
        """The JSON-able result for one file."""

    @property
    def key(self) -> str:
        return f"{self.name}@{self.version}"


def builtin_tasks() -> dict[str, ImageTask]:
    """The tasks of the built-in analyzers, by name (imported lazily: models load in workers)."""
    from .engines.image_tasks import FacesTask, NudityTask, OcrTask, OutfitTask

    return {t.name: t for t in (FacesTask(), OcrTask(), NudityTask(), OutfitTask())}


def resolve(
    wanted: Iterable[str | ImageTask], known: Mapping[str, ImageTask] | None = None
) -> list[ImageTask]:
    """The tasks named (with everything they need) in dependency order; refuses a need no
    task provides and a cycle, naming them."""
    table = dict(known if known is not None else builtin_tasks())
    roots: list[str] = []
    for item in wanted:
        if isinstance(item, ImageTask):
            table[item.name] = item
            roots.append(item.name)
        else:
            roots.append(item)
    roots = list(dict.fromkeys(roots))
    ordered: list[ImageTask] = []
    state: dict[str, str] = {}

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            raise ValueError(f"image tasks need each other in a cycle: {' -> '.join((*chain, name))}")
        task = table.get(name)
        if task is None:
            raise ValueError(f"no image task is called {name!r} (known: {', '.join(sorted(table))})")
        state[name] = "visiting"
        for need in task.needs:
            visit(need, (*chain, name))
        state[name] = "done"
        ordered.append(task)

    for name in roots:
        visit(name, ())
    return ordered


# --------------------------------------------------------------------------- cache


class TaskCache:
    """Image-task results per file hash: one small owner-only JSON file per file, keyed by
    task name and version. No pixels are stored: boxes, encodings, ages, read text."""

    def __init__(self, root: Path) -> None:
        self.root = private_dir(root)

    @classmethod
    def default(cls, override: Path | None = None) -> TaskCache:
        return cls(data_dir(override) / "image-cache")

    def _path(self, sha: str) -> Path:
        return self.root / sha[:2] / f"{sha}.json"

    def get(self, sha: str) -> dict[str, Any]:
        """Cached results of this file, by task key (``name@version``); {} when none."""
        try:
            data = json.loads(self._path(sha).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def put(self, sha: str, results: Mapping[str, Any]) -> None:
        merged = {**self.get(sha), **results}
        try:
            write_private(self._path(sha), json.dumps(merged, separators=(",", ":")).encode())
        except OSError as exc:  # a full disk must not stop the scan
            log.warning("could not write the image cache: %s", exc)


# --------------------------------------------------------------------------- running


@dataclass
class FileResults:
    """What the image tasks found in one file. ``error``: the file could not be decoded (no
    task ran); ``task_errors``: a task that failed on it, by name."""

    results: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    hint: str = ""
    task_errors: dict[str, str] = field(default_factory=dict)


@dataclass
class WorkStats:
    """What a run of image work did: task runs and CPU seconds per stage (for benchmarks)."""

    runs: Counter[str] = field(default_factory=Counter)
    cpu: Counter[str] = field(default_factory=Counter)
    files: int = 0
    cached: int = 0

    def add(self, other: Mapping[str, Any]) -> None:
        self.runs.update(other.get("runs", {}))
        self.cpu.update(other.get("cpu", {}))


#: Every task run of this process's image work, by task name; tests count runs with it.
TASK_RUNS: Counter[str] = Counter()

_READY: set[str] = set()


def run_tasks(
    img: DecodedImage,
    tasks: Sequence[ImageTask],
    earlier: Mapping[str, Any],
    stats: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Run ``tasks`` (dependency order) on a decoded file: (results, errors), by task name."""
    stats = stats if stats is not None else {"runs": {}, "cpu": {}}
    results: dict[str, Any] = {}
    errors: dict[str, str] = {}
    seen: dict[str, Any] = dict(earlier)
    for task in tasks:
        if any(need in errors for need in task.needs):
            errors[task.name] = "a task it needs failed"
            continue
        if img.kind not in task.kinds:
            results[task.name] = seen[task.name] = None
            continue
        try:
            if task.key not in _READY:
                t0 = time.process_time()
                task.setup()
                _READY.add(task.key)
                stats["cpu"]["setup"] = stats["cpu"].get("setup", 0.0) + time.process_time() - t0
            t0 = time.process_time()
            out = task.run(img, {n: seen.get(n) for n in task.needs})
        except BadInput as exc:
            errors[task.name] = str(exc)
        except Exception as exc:  # one task's bug must not lose the others' results
            log.debug("image task %s failed on %s", task.name, img.path, exc_info=True)
            errors[task.name] = f"{type(exc).__name__}: {exc}"
        else:
            results[task.name] = seen[task.name] = out
        stats["runs"][task.name] = stats["runs"].get(task.name, 0) + 1
        stats["cpu"][task.name] = stats["cpu"].get(task.name, 0.0) + time.process_time() - t0
    return results, errors


def _work(path: str, kind: str, tasks: Sequence[ImageTask], earlier: Mapping[str, Any]) -> dict[str, Any]:
    """Decode one file and run ``tasks`` on it, in order (runs in a worker, or inline)."""
    stats: dict[str, Any] = {"runs": {}, "cpu": {}}
    t0 = time.process_time()
    try:
        img = DecodedImage.decode(path, kind)
    except BadInput as exc:
        return {"error": str(exc), "hint": exc.hint, "stats": stats}
    stats["cpu"]["decode"] = time.process_time() - t0
    results, errors = run_tasks(img, tasks, earlier, stats)
    return {"results": results, "task_errors": errors, "stats": stats}


def _init_worker() -> None:
    os.environ[WORKER_ENV] = "1"
    for var in _THREAD_VARS:
        os.environ[var] = "1"
    try:
        import cv2

        cv2.setNumThreads(1)
    except ImportError:  # pragma: no cover - OpenCV ships with the face and OCR packages
        pass


@contextmanager
def _worker_environment() -> Iterator[None]:
    """Spawned workers inherit the environment: one thread per native pool from their start
    (before numpy or onnxruntime load); the main process's own value is put back after."""
    values = {n: "1" for n in (WORKER_ENV, *_THREAD_VARS)}
    before = {n: os.environ.get(n) for n in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for n, v in before.items():
            if v is None:
                os.environ.pop(n, None)
            else:
                os.environ[n] = v


@dataclass(frozen=True)
class _Job:
    path: str
    kind: str
    sha: str | None
    tasks: tuple[ImageTask, ...]
    earlier: dict[str, Any]


def run_image_work(
    files: Mapping[tuple[str, str], Sequence[ImageTask]],
    *,
    workers: int = 1,
    cache: TaskCache | None = None,
    progress: Callable[[int, int], None] | None = None,
    stats: WorkStats | None = None,
) -> dict[str, FileResults]:
    """Results of the given tasks for each (path, kind), by path: cached ones read back, the
    rest computed in one process pool (``workers`` > 1) or inline. The same file under two
    paths is worked on once. A worker that crashes is reported on the files it left undone."""
    stats = stats if stats is not None else WorkStats()
    out: dict[str, FileResults] = {}
    jobs: list[_Job] = []
    same: dict[str, list[str]] = {}
    for (path, kind), wanted in files.items():
        tasks = list(wanted)  # resolved by the caller: dependency order
        sha = file_sha256(path) if cache is not None else None
        stats.files += 1
        if sha is not None and sha in same:
            same[sha].append(path)
            continue
        if sha is not None:
            same[sha] = [path]
        hits = cache.get(sha) if (cache is not None and sha is not None) else {}
        done = {t.name: hits[t.key] for t in tasks if t.key in hits}
        todo = tuple(t for t in tasks if t.name not in done)
        if not todo:
            stats.cached += 1
            out[path] = FileResults(results=done)
            continue
        jobs.append(_Job(path, kind, sha, todo, done))

    def store(job: _Job, res: Mapping[str, Any]) -> None:
        stats.add(res.get("stats", {}))
        TASK_RUNS.update(res.get("stats", {}).get("runs", {}))
        fr = FileResults(
            results={**job.earlier, **res.get("results", {})},
            error=res.get("error"),
            hint=res.get("hint", ""),
            task_errors=dict(res.get("task_errors", {})),
        )
        out[job.path] = fr
        if cache is not None and job.sha is not None and fr.error is None:
            fresh = {t.key: fr.results[t.name] for t in job.tasks if t.name in fr.results}
            if fresh:
                cache.put(job.sha, fresh)  # only clean results: a failed task is retried next run

    total = len(jobs)
    n = max(1, min(workers, total))
    if n <= 1:
        for done_count, job in enumerate(jobs, 1):
            store(job, _work(job.path, job.kind, job.tasks, job.earlier))
            if progress:
                progress(done_count, total)
    else:
        _run_pool(jobs, n, store, progress)
    for paths in same.values():
        first = out.get(paths[0])
        for other in paths[1:]:
            if first is not None:
                out[other] = first
    return out


def _run_pool(
    jobs: Sequence[_Job],
    n: int,
    store: Callable[[_Job, Mapping[str, Any]], None],
    progress: Callable[[int, int], None] | None,
) -> None:
    """The jobs in a pool of ``n`` spawned workers. When a worker dies (out of memory, a
    crash in native code) the pool breaks: the jobs it lost are tried again one by one, and a
    file that kills a worker again is reported as an error for that file, never waited on."""
    import multiprocessing

    # spawn, not fork: forking a process that already runs OpenCV/ONNX threads can deadlock.
    mp = multiprocessing.get_context("spawn")
    total, finished = len(jobs), 0

    def pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=n, mp_context=mp, initializer=_init_worker)

    broken: list[_Job] = []
    with _worker_environment():
        with pool() as executor:
            pending: dict[Future[dict[str, Any]], _Job] = {
                executor.submit(_work, j.path, j.kind, j.tasks, j.earlier): j for j in jobs
            }
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    job = pending.pop(fut)
                    res = _outcome(fut, job)
                    if res is None:
                        broken.append(job)
                        continue
                    store(job, res)
                    finished += 1
                    if progress:
                        progress(finished, total)
        if broken:
            # The files in flight when the pool broke: one at a time in a fresh one-worker
            # pool, so the file that kills its worker is named and the others still get done.
            log.warning("an image worker stopped unexpectedly; retrying %d file(s) one by one", len(broken))
            n = 1
            executor = pool()
            try:
                for job in broken:
                    res = _outcome(executor.submit(_work, job.path, job.kind, job.tasks, job.earlier), job)
                    if res is None:
                        executor.shutdown(wait=True, cancel_futures=True)
                        executor = pool()
                        res = {
                            "error": f"{Path(job.path).name}: image analysis crashed on this file.",
                            "hint": "The file may be damaged; open it in an image viewer to check.",
                        }
                    store(job, res)
                    finished += 1
                    if progress:
                        progress(finished, total)
            finally:
                executor.shutdown(wait=True, cancel_futures=True)


def _outcome(fut: Future[dict[str, Any]], job: _Job) -> dict[str, Any] | None:
    """The worker's answer for ``job``; None when the pool broke under it."""
    try:
        return fut.result()
    except BrokenProcessPool:
        return None
    except Exception as exc:  # an unpicklable result, a task object that will not load
        return {"task_errors": {t.name: f"{type(exc).__name__}: {exc}" for t in job.tasks}}
