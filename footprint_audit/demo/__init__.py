"""The offline demo: a fictional family (family.py), their drawn pictures with adult stand-in
faces (scenes.py, faces/NOTICE.md), the sources written to disk (sources.py), the private
enrolment of the demo children, and the presenter's slides and talking points (slides.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .family import (
    ACCOUNT,
    BIRTHDAY,
    BROTHER,
    BROTHER_BIRTHDAY,
    CAMERA_ROLL,
    CHILD,
    CLASSMATE,
    HOME,
    NURSERY,
    POOL,
    PUBLIC_POSTS,
    SCHOOL,
    UNIFORM_MORNINGS,
)
from .scenes import UNIFORM, UNIFORM_COLOURS, scene
from .sources import _exif, build_demo


def _scene(kind: str, seed: int) -> Image.Image:
    """A demo place with nobody in it (tests read its signs)."""
    return scene(kind, seed)


if TYPE_CHECKING:
    from PIL import Image

__all__ = [
    "ACCOUNT",
    "BIRTHDAY",
    "BROTHER",
    "BROTHER_BIRTHDAY",
    "CAMERA_ROLL",
    "CHILD",
    "CLASSMATE",
    "HOME",
    "NURSERY",
    "POOL",
    "PUBLIC_POSTS",
    "SCHOOL",
    "UNIFORM",
    "UNIFORM_COLOURS",
    "UNIFORM_MORNINGS",
    "_exif",
    "_scene",
    "build_demo",
    "scene",
]
