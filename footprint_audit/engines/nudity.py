"""Exposed-skin detection: NudeNet's detector (its ONNX model ships inside the package).
Loaded once per process, on the first photo checked."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def nudity_detector() -> Any:
    import os

    import nudenet
    import onnxruntime
    from nudenet import NudeDetector  # onnxruntime + OpenCV: only when a photo is analysed

    from ..image_work import session_threads

    detector = NudeDetector()
    threads = session_threads()
    if threads:
        # NudeNet makes its session with default options (a thread per core); in a worker,
        # one intra-op and one inter-op thread, so workers do not fight over the cores.
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = threads
        options.enable_cpu_mem_arena = False  # measured alike with it (38 vs 40 ms a photo), 9 MB more
        path = os.path.join(os.path.dirname(nudenet.__file__), "320n.onnx")  # as NudeDetector()
        detector.onnx_session = onnxruntime.InferenceSession(
            path, options, providers=["CPUExecutionProvider"]
        )
    return detector
