"""Exposed-skin detection: NudeNet's detector (its ONNX model ships inside the package).
Loaded once per process, on the first photo checked."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def nudity_detector() -> Any:
    from nudenet import NudeDetector  # onnxruntime + OpenCV: only when a photo is analysed

    return NudeDetector()
