"""Cheap image tasks and an analyzer that reads them, for tests of the image-work layer.

They live in an importable module (not a test file) because worker processes are spawned
and unpickle the task objects by module path.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from footprint_audit.analyzer import Analyzer
from footprint_audit.context import PostContext
from footprint_audit.findings import TextInImageValue
from footprint_audit.image_work import DecodedImage, ImageTask
from footprint_audit.models import Finding, Post


class ColourTask(ImageTask):
    """The mean colour of a small view; a file named ``crash*`` kills its worker process."""

    name = "colour"
    version = "1"

    def run(self, img: DecodedImage, earlier: Mapping[str, Any]) -> Any:
        if Path(img.path).name.startswith("crash"):
            os._exit(3)  # as a segfault in native code would end the worker
        view = img.at(32)
        return [round(float(c), 1) for c in view.array.reshape(-1, 3).mean(axis=0)]


class ShadeTask(ImageTask):
    """Needs the colour task, as the outfit task would need the faces task."""

    name = "shade"
    version = "1"
    needs = ("colour",)

    def run(self, img: DecodedImage, earlier: Mapping[str, Any]) -> Any:
        return "dark" if sum(earlier["colour"]) / 3 < 128 else "light"


class ShadeAnalyzer(Analyzer):
    name = "shade"
    version = "1"
    categories = ("text_in_image",)
    image_tasks = (ColourTask(), ShadeTask())

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        out = []
        for i in range(len(post.media)):
            shade = ctx.image_result(i, "shade")
            colour = ctx.image_result(i, "colour")
            if shade is None:
                continue
            out.append(
                self.finding(
                    post,
                    "text_in_image",
                    "low",
                    0.5,
                    f"{shade} {colour}",
                    media_index=i,
                    value=TextInImageValue(str(shade)),
                )
            )
        return out
