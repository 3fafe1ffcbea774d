"""Text in photos: RapidOCR (``rapidocr-onnxruntime``), whose detection and recognition models
ship inside the package. Loaded once per process, on the first photo read.

:func:`read_text` runs the text detector alone on a reduced copy and the recogniser only on
the boxes it finds (cut from the full working image); a photo with no text costs one small
detection and no recognition.
"""

from __future__ import annotations

from functools import cache
from typing import Any

#: RapidOCR shrinks images to this longest side before reading. Its default, 2000, is 1.6x
#: slower on our photos and, measured on 12-18 px text in a 2048 px image, read no more:
#: at 1280 every line was read (spaces too), at 1024 12 px "NW5" became "NWS".
OCR_SIDE = 1280

#: The detector's input, longest side. It only has to find where text is; the recogniser
#: reads each line from the full working image. Measured with benchmarks/ocr.py on the demo's
#: scenes, the test signs and 1080 px photos with 14-24 px text: at 640 every line the full
#: pipeline read was read (1 line came whole where it came in two), at 736 and 960 "Elm"
#: was read "EIm" in one or two of them; CPU per image 101 ms at 640, 116 at 736, 162 at
#: 960, 563 for the full pipeline. A photo larger than twice this is detected at half its
#: size, so small text in a big photo is never shrunk more than 2x.
DETECT_SIDE = 640

#: Lines the recogniser reads below this score are dropped, as RapidOCR does (its text_score).
TEXT_SCORE = 0.5


@cache
def ocr_engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR  # about 1 s: only when a photo is analysed

    from ..image_work import session_threads

    threads = session_threads() or -1
    # The angle classifier only turns upside-down lines; photos arrive upright (EXIF applied),
    # and skipping it saved about 20% per photo here.
    return RapidOCR(
        max_side_len=OCR_SIDE, use_cls=False, intra_op_num_threads=threads, inter_op_num_threads=threads
    )


def read_text(
    engine: Any, bgr: Any, detect_side: int = DETECT_SIDE
) -> list[tuple[list[list[float]], str, float]]:
    """(four corner points, text, score) per line of a BGR array, in its pixels: detection on
    a copy at most ``detect_side`` (or half the array's size) on its longest side, recognition
    on crops of ``bgr``; no recognition at all when no text is found."""
    import cv2
    import numpy as np

    det = engine.text_det
    h, w = bgr.shape[:2]
    side = max(detect_side, max(h, w) // 2)
    factor = max(h, w) / side if max(h, w) > side else 1.0
    small = bgr
    if factor > 1.0:
        small = cv2.resize(
            bgr, (max(1, round(w / factor)), max(1, round(h / factor))), interpolation=cv2.INTER_AREA
        )
    # "max" never enlarges; RapidOCR picks the limit itself (960 below 960 px, 1500 below
    # 1500), so a copy at most detect_side goes in as it is, only rounded to 32 px.
    det.limit_type = "max"
    boxes, _ = det(small)
    if boxes is None or len(boxes) == 0:
        return []
    boxes = np.asarray(boxes, dtype=np.float32) * np.float32(factor)
    boxes[..., 0] = np.clip(boxes[..., 0], 0, w - 1)
    boxes[..., 1] = np.clip(boxes[..., 1], 0, h - 1)
    boxes = engine.sorted_boxes(np.asarray(boxes))
    crops = engine.get_crop_img_list(bgr, [np.asarray(b, dtype=np.float32) for b in boxes])
    recs, _ = engine.text_rec(crops)
    out: list[tuple[list[list[float]], str, float]] = []
    for box, rec in zip(boxes, recs, strict=False):
        text, score = str(rec[0]), float(rec[1])
        if score >= TEXT_SCORE:
            out.append(([[float(x), float(y)] for x, y in np.asarray(box).tolist()], text, score))
    return out
