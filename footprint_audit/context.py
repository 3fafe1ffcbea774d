"""Run-wide options and the per-post context that analyzers share.

Expensive per-post work (decoded image, EXIF, face boxes, spaCy docs) is computed once,
on first use, into a :class:`PostContext` and reused by every analyzer that asks for it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import BadInput
from .exif import ExifData, read_exif_from_image
from .images import LoadedImage, load_image, open_image, video_frames
from .models import ErrorRecord, Post

if TYPE_CHECKING:
    from .cache import Cache
    from .image_work import DecodedImage, FileResults, ImageTask, WorkStats

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class AuditOptions:
    """Everything a run can be told. Defaults are what a parent at a terminal wants."""

    #: IANA zone used for post times when neither GPS nor EXIF offset gives one.
    timezone: str | None = None
    #: Worker processes for the per-image work (faces, OCR, nudity; footprint_audit.image_work);
    #: default: the number of cores.
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    #: Share mode: blur faces in thumbnails, round coordinates in the report.
    share: bool = False
    #: Per-user data folder (enrolments, cache). None: platformdirs' user data dir.
    data_dir: Path | None = None
    #: Where collectors put media they download. None: a folder under the data dir.
    media_dir: Path | None = None
    #: "Today" for ages ("she is 6"); fixed in tests and the demo so reports are stable.
    now: datetime | None = None
    #: Use the local cache of collected posts and analysis results.
    use_cache: bool = True
    #: Instagram: log in as this user (password asked interactively by the CLI).
    login: str | None = None
    session_file: Path | None = None
    resume: bool = True
    #: Upper bound on posts fetched per network source (None: all).
    max_posts: int | None = None
    #: Extra per-collector settings (e.g. an httpx transport in tests).
    extra: dict[str, Any] = field(default_factory=dict)

    def today(self) -> datetime:
        return self.now or datetime.now(UTC)


ProgressFn = Callable[[str, int, int | None], None]


@dataclass
class ScanLog:
    """What the cache layer learnt about this run's scans, for the "since last scan" note."""

    #: Sources scanned for the first time.
    first_scans: list[str] = field(default_factory=list)
    #: Posts first seen after their source's last finished scan.
    new_post_ids: list[str] = field(default_factory=list)


class RunContext:
    """State of one audit run: options, the error list, progress reporting, shared memo."""

    def __init__(self, options: AuditOptions | None = None, progress: ProgressFn | None = None) -> None:
        self.options = options or AuditOptions()
        self.errors: list[ErrorRecord] = []
        self.notes: list[str] = []
        self._progress = progress
        self._memo: dict[str, Any] = {}
        #: The local cache (set by the pipeline unless --no-cache); collectors may ask it
        #: what they already have through the helpers in footprint_audit.cache.
        self.cache: Cache | None = None
        #: What the cache layer learnt about this run's scans (footprint_audit.cache_layer).
        self.scan_log = ScanLog()
        #: The analyzers of this run (set by the pipeline), for analyzers that share work.
        self.analyzers: tuple[Any, ...] = ()
        #: Image-task results by media path, filled by the pipeline before analysis
        #: (footprint_audit.image_work); read through PostContext.image_result.
        self.image_results: dict[str, FileResults] = {}
        #: What the image work of this run did (task runs, CPU seconds per stage).
        self.image_stats: WorkStats | None = None

    def error(self, where: str, message: str, hint: str = "") -> None:
        record = ErrorRecord(where=where, message=message, hint=hint)
        if record in self.errors:
            return  # the same problem seen by two analyzers is reported once
        log.warning("%s: %s", where, message)
        self.errors.append(record)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def progress(self, stage: str, done: int, total: int | None = None) -> None:
        if self._progress is not None:
            self._progress(stage, done, total)

    def memo(self, key: str, fn: Callable[[], T]) -> T:
        """Run-wide memo (a loaded model, the enrolled children): computed once per run."""
        if key not in self._memo:
            self._memo[key] = fn()
        return self._memo[key]


class PostContext:
    """Per-post shared work. Failures are recorded once and later asks get None."""

    def __init__(self, post: Post, run: RunContext) -> None:
        self.post = post
        self.run = run
        self._memo: dict[Any, Any] = {}
        self._failed: set[Any] = set()

    def memo(self, key: Any, fn: Callable[[], T]) -> T:
        if key not in self._memo:
            self._memo[key] = fn()
        return self._memo[key]

    def _guard(self, key: Any, where: str, fn: Callable[[], T]) -> T | None:
        if key in self._failed:
            return None
        if key in self._memo:
            return self._memo[key]
        try:
            value = fn()
        except BadInput as exc:
            self._failed.add(key)
            self.run.error(where, str(exc), exc.hint)
            return None
        self._memo[key] = value
        return value

    def media_path(self, index: int) -> Path:
        return Path(self.post.media[index].path)

    def loaded(self, index: int) -> LoadedImage | None:
        """The decoded, upright, RGB working copy of media ``index`` (None for video/unreadable)."""
        media = self.post.media[index]
        if media.kind != "image":
            return None
        return self._guard(("image", index), media.path, lambda: load_image(media.path))

    def image(self, index: int) -> Any:
        """PIL image of media ``index`` (RGB, upright, working size) or None."""
        li = self.loaded(index)
        return li.image if li else None

    def array(self, index: int) -> Any:
        """numpy RGB uint8 array of media ``index`` or None."""
        li = self.loaded(index)
        if li is None:
            return None
        import numpy as np

        return self.memo(("array", index), lambda: np.asarray(li.image))

    def frames(self, index: int, count: int = 3) -> list[Any]:
        """Images to look at for media ``index``: the photo itself, or sampled video frames."""
        media = self.post.media[index]
        if media.kind == "image":
            img = self.image(index)
            return [img] if img is not None else []
        return (
            self._guard(("frames", index, count), media.path, lambda: video_frames(media.path, count)) or []
        )

    def decoded(self, index: int) -> DecodedImage | None:
        """Media ``index`` as image tasks see it (photo or sampled video frames); None when it
        cannot be decoded (the reason is recorded once)."""
        from .image_work import DecodedImage

        media = self.post.media[index]
        if media.kind == "image":
            li = self.loaded(index)
            if li is None:
                return None
            return self.memo(
                ("decoded", index),
                lambda: DecodedImage(media.path, li.image, li.original_size, li.scale),
            )
        frames = self.frames(index)
        if not frames:
            return None
        return self.memo(
            ("decoded", index),
            lambda: DecodedImage(media.path, frames[0], frames[0].size, 1.0, "video", frames),
        )

    def image_result(self, index: int, task: str | ImageTask, *, compute: bool = True) -> Any:
        """The result of image task ``task`` for media ``index``; None when the file or the
        task failed (recorded as an error of this file) or the task does not look at this kind.

        The pipeline runs every declared task for all posts first, in the worker pool; when it
        did not (one post checked directly, a test), the task runs here, unless ``compute`` is
        False (a reader that only uses a result another analyzer asked for). Names are looked
        up among the built-in tasks and the task objects the run's analyzers declare.
        """
        from .image_work import TASK_RUNS, FileResults, builtin_tasks, resolve, run_tasks

        name = task if isinstance(task, str) else task.name
        media = self.post.media[index]
        fr = self.run.image_results.get(media.path)
        known = fr is not None and (fr.error is not None or name in fr.results or name in fr.task_errors)
        if not known:
            if not compute:
                return None
            img = self.decoded(index)
            if img is None:
                return None
            stats: dict[str, Any] = {"runs": {}, "cpu": {}}
            done = dict(fr.results) if fr is not None else {}
            # Names are looked up among the built-in tasks and those the run's analyzers declare.
            table = builtin_tasks()
            for analyzer in self.run.analyzers:
                table.update({t.name: t for t in analyzer.image_tasks if not isinstance(t, str)})
            todo = [t for t in resolve([task], table) if t.name not in done]
            results, errors = run_tasks(img, todo, done, stats)
            TASK_RUNS.update(stats["runs"])
            fr = self.run.image_results.setdefault(media.path, FileResults())
            fr.results.update(results)
            fr.task_errors.update(errors)
        assert fr is not None
        if fr.error is not None:
            self.run.error(media.path, fr.error, fr.hint)
            return None
        if name in fr.task_errors:
            self.run.error(
                media.path, f"{media.path}: {name} could not analyse this file ({fr.task_errors[name]})."
            )
            return None
        return fr.results.get(name)

    def exif(self, index: int) -> ExifData:
        """EXIF of media ``index`` as in the file (ExifData() for video or none)."""
        media = self.post.media[index]
        if media.kind != "image":
            return ExifData()

        def read() -> ExifData:
            img = open_image(media.path)
            with img:
                return read_exif_from_image(img)

        return self._guard(("exif", index), media.path, read) or ExifData()

    def texts(self) -> list[tuple[str, str]]:
        """Every piece of text a stranger can read on this post, as (field, text).

        Fields: ``caption``, ``alt:N`` (media alt text), ``comment:N``. Analyzers cite the
        field in their evidence.
        """
        out: list[tuple[str, str]] = []
        if self.post.caption:
            out.append(("caption", self.post.caption))
        for i, m in enumerate(self.post.media):
            if m.alt_text:
                out.append((f"alt:{i}", m.alt_text))
        for i, c in enumerate(self.post.comments):
            if c.text:
                out.append((f"comment:{i}", c.text))
        return out
