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

#: The detector's input, longest side (a multiple of 32). It only has to find where text is;
#: the recogniser reads each line from the full working image. Measured on the test and demo
#: signs (benchmarks/README.md): 960 found every line the full pipeline found.
DETECT_SIDE = 960

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
    a copy at most ``detect_side`` on its longest side, recognition on crops of ``bgr``."""
    import numpy as np

    det = engine.text_det
    # "max": shrink so the longest side is at most detect_side (RapidOCR's "min" enlarges).
    det.limit_type, det.limit_side_len = "max", detect_side
    boxes, _ = det(bgr)
    if boxes is None or len(boxes) == 0:
        return []
    boxes = engine.sorted_boxes(np.asarray(boxes))
    crops = engine.get_crop_img_list(bgr, [np.asarray(b, dtype=np.float32) for b in boxes])
    recs, _ = engine.text_rec(crops)
    out: list[tuple[list[list[float]], str, float]] = []
    for box, rec in zip(boxes, recs, strict=False):
        text, score = str(rec[0]), float(rec[1])
        if score >= TEXT_SCORE:
            out.append(([[float(x), float(y)] for x, y in np.asarray(box).tolist()], text, score))
    return out
