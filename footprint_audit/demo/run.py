"""Setting up a demo run: the family's sources, the children enrolled in a data folder private to
the demo (never the user's own enrolment store), and the note every demo report carries."""

from __future__ import annotations

from pathlib import Path

from .family import REFERENCE_FACES
from .scenes import face_crop_path
from .sources import build_demo

#: Said in the report (its notes), on the slides and by --explain: the faces are not children's.
STAND_IN_NOTE = (
    "Demo only: the Baker family is made up. The children's faces are adult stand-ins cut from "
    "openly licensed photos (the face_recognition project's MIT-licensed examples); no photo of "
    "a child is used. Mia and Leo are enrolled from reference photos that are not among the posts."
)


def enrol_demo_children(data_dir: Path) -> dict[str, int]:
    """Enrol Mia and Leo from their reference crops into ``data_dir``; returns encodings per child.

    Forgets them first, so running the demo again does not pile up copies of the same encoding.
    """
    from ..enrollment import enroll, forget

    enrolled = {}
    for name, crop in REFERENCE_FACES.items():
        forget(name, data_dir)
        enrolled[name] = enroll(name, [face_crop_path(crop)], profile=data_dir).encodings
    return enrolled


def prepare(out_dir: Path) -> tuple[Path, Path]:
    """Write the demo sources and enrol the children; returns (sources folder, data folder)."""
    data = build_demo(out_dir / "demo-data")
    profile = out_dir / "demo-profile"
    enrol_demo_children(profile)
    return data, profile
