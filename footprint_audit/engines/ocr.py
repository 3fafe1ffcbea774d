"""Text in photos: RapidOCR (``rapidocr-onnxruntime``), whose detection and recognition models
ship inside the package. Loaded once per process, on the first photo read."""

from __future__ import annotations

from functools import cache
from typing import Any

#: RapidOCR shrinks images to this longest side before reading. Its default, 2000, is 1.6x
#: slower on our photos and, measured on 12-18 px text in a 2048 px image, read no more:
#: at 1280 every line was read (spaces too), at 1024 12 px "NW5" became "NWS".
OCR_SIDE = 1280


@cache
def ocr_engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR  # about 1 s: only when a photo is analysed

    # The angle classifier only turns upside-down lines; photos arrive upright (EXIF applied),
    # and skipping it saved about 20% per photo here.
    return RapidOCR(max_side_len=OCR_SIDE, use_cls=False)
