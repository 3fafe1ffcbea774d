"""The image tasks of the built-in analyzers (footprint_audit.image_work): faces, OCR and the
nudity detector, each run once per file in a worker and cached by file hash."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..image_work import DecodedImage, ImageTask

if TYPE_CHECKING:
    from ..context import PostContext


class FacesTask(ImageTask):
    """Detection, encodings and age estimates (engines/faces.py): a MediaFaces as JSON."""

    name = "faces"

    def __init__(self) -> None:
        from . import faces

        self.version = faces.PIPELINE_VERSION

    def setup(self) -> None:
        from ..image_work import session_threads
        from . import faces

        faces.models(threads=session_threads())
        faces.encoder()

    def run(self, img: DecodedImage, earlier: Mapping[str, Any]) -> Any:
        from . import faces

        if img.kind == "video":
            result = faces.MediaFaces(size=img.frames[0].size, frames=len(img.frames))
            for n, frame in enumerate(img.frames):
                found, detected = faces.analyze_image(frame, 1.0, frame.size, frame=n)
                result.faces.extend(found)
                result.detected += detected
            return result.to_json()
        found, detected = faces.analyze_image(img.image, img.scale, img.original_size)
        return faces.MediaFaces(size=img.original_size, faces=found, detected=detected, frames=1).to_json()


class OcrTask(ImageTask):
    """Lines of text (RapidOCR, detector first): {"scale", "lines": [[x0, y0, x1, y1, text, score]]}
    with boxes in working-image pixels and ``scale`` to original pixels."""

    name = "ocr"
    kinds = frozenset({"image"})

    def __init__(self, engine: Any = None) -> None:
        from .ocr import DETECT_SIDE

        #: An injected engine (tests): a RapidOCR is used detector first, as the default one;
        #: anything else is called as RapidOCR is called, on the whole picture.
        self.engine = engine
        self.version = f"2-det{DETECT_SIDE}"

    def setup(self) -> None:
        if self.engine is None:
            from .ocr import ocr_engine

            ocr_engine()

    def run(self, img: DecodedImage, earlier: Mapping[str, Any]) -> Any:
        import numpy as np

        from .ocr import ocr_engine, read_text

        view = img.at()  # the working copy: the recogniser reads lines at full detail
        bgr = np.ascontiguousarray(view.array[:, :, ::-1])  # RapidOCR reads arrays as OpenCV's BGR
        engine = self.engine if self.engine is not None else ocr_engine()
        if hasattr(engine, "text_det") and hasattr(engine, "text_rec"):
            raw = read_text(engine, bgr)
        else:
            raw, _ = engine(bgr)
        lines = []
        for points, text, score in raw or ():
            xs = [float(p[0]) for p in points]
            ys = [float(p[1]) for p in points]
            lines.append([min(xs), min(ys), max(xs), max(ys), str(text).strip(), float(score)])
        return {"scale": view.scale, "lines": lines}


def ocr_result(ctx: PostContext, index: int, engine: Any = None) -> dict[str, Any] | None:
    """The OCR result of a post's photo ({"scale", "lines"}), None when it could not be read:
    the worker pool's "ocr" task, or with an injected ``engine`` (tests) read here, once per
    photo of the post whichever analyzer asks first."""
    if engine is None:
        result: dict[str, Any] | None = ctx.image_result(index, "ocr")
        return result
    img = ctx.decoded(index)
    if img is None:
        return None
    read: dict[str, Any] = ctx.memo(("ocr", index), lambda: OcrTask(engine).run(img, {}))
    return read


class NudityTask(ImageTask):
    """NudeNet detections over the photo or sampled video frames, boxes [top, right, bottom,
    left] in original pixels."""

    name = "nudity"
    version = "1"

    def __init__(self, detector: Any = None) -> None:
        #: An injected detector with NudeNet's ``detect(bgr_array)`` (tests).
        self.detector = detector

    def setup(self) -> None:
        if self.detector is None:
            from .nudity import nudity_detector

            nudity_detector()

    def run(self, img: DecodedImage, earlier: Mapping[str, Any]) -> Any:
        import numpy as np

        from .nudity import nudity_detector

        model = self.detector if self.detector is not None else nudity_detector()
        out: list[dict[str, Any]] = []
        for frame in img.frames:
            # NudeNet reads a path with cv2.imread (BGR); give it the same channel order.
            bgr = np.ascontiguousarray(np.asarray(frame.convert("RGB"))[:, :, ::-1])
            for d in model.detect(bgr):
                x, y, w, h = (float(v) * img.scale for v in d["box"])
                box = [round(y), round(x + w), round(y + h), round(x)]
                out.append({"class": str(d["class"]), "score": round(float(d["score"]), 3), "box": box})
        return out


class OutfitTask(ImageTask):
    """The torso below each face (engines/outfit.py): colours, texture and a chest crest, one
    descriptor per face of the faces task's result (None for a face too small to encode).
    No model: it costs a few milliseconds per face on the decoded image the worker holds."""

    name = "outfit"
    needs = ("faces",)
    kinds = frozenset({"image"})

    def __init__(self) -> None:
        from .outfit import OUTFIT_VERSION

        self.version = OUTFIT_VERSION

    def run(self, img: DecodedImage, earlier: Mapping[str, Any]) -> Any:
        from .outfit import describe_media

        faces = (earlier.get("faces") or {}).get("faces") or []
        if not faces:
            return {"outfits": []}
        view = img.at()
        return describe_media(view.array, faces, view.scale)
