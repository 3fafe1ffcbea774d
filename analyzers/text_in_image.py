"""Text a stranger can read inside a photo: a school sign, a name tag, a street sign, a plate.

OCR is RapidOCR (``rapidocr-onnxruntime``), whose detection and recognition models ship in
the package, so nothing is downloaded. Lines the OCR finds are joined into blocks (a sign's
two lines belong together), then each block is checked against patterns that identify a
place or a child. Boxes are ``[top, right, bottom, left]`` in original-image pixels, the
same convention as face boxes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from footprint_audit.analyzer import Analyzer
from footprint_audit.context import PostContext
from footprint_audit.engines.image_tasks import ocr_result
from footprint_audit.findings import TextInImageValue
from footprint_audit.image_work import ImageTask
from footprint_audit.models import Finding, Post

# Measured on 31 real photos (../shared/data/faces and exif-samples/jpg/gps) and on
# generated signs: text drawn in the image reads at 0.97-1.00, while the OCR's noise on
# faces, clothes and backgrounds ("D" 0.80, "★" 0.75, "福" 0.54-0.90, "ah" 0.55) is either
# below 0.80 or shorter than 3 letters. Both filters together drop all of that noise and
# keep every generated sign; real but meaningless text ("HBO" on a backdrop) stays, as low.
MIN_SCORE = 0.80
MIN_CHARS = 3

# Words that name a school or childcare place; CJK terms match inside words (no spaces there).
_SCHOOL_WORDS = (
    r"school|primary|academy|nursery|kindergarten|pre-?school|montessori|basisschool|"
    r"daycare|day\s+care|cr[eè]che|kinderdagverblijf|peuterspeelzaal|grundschule|kita|"
    r"infants?|junior|playgroup|[ée]cole"
)
_SCHOOL_RE = re.compile(rf"\b(?:{_SCHOOL_WORDS})\b|保育園|幼稚園|小学校|こども園|学園", re.IGNORECASE)
# OCR often drops the spaces between words ("OAKFIELDSCHOOL"): these words are long and
# distinctive enough to find inside a run of letters.
_SCHOOL_GLUED_RE = re.compile(
    r"school|primary|academy|nursery|kindergarten|montessori|daycare|cr[eè]che|kinderdagverblijf|grundschule",
    re.IGNORECASE,
)
# A named venue: where the child swims, plays or prays is a place a stranger can wait at.
_PLACE_RE = re.compile(
    r"\b(?:centre|center|leisure|library|church|mosque|temple|synagogue|hospital|surgery|clinic|"
    r"station|stadium|pool|baths|playground|park|club|gym|sports?|swimming|zwembad|speeltuin|"
    r"sporthal|bibliotheek|kerk)\b|公園|プール|図書館|駅",
    re.IGNORECASE,
)
_PLACE_GLUED_RE = re.compile(
    r"centre|center|leisure|library|playground|stadium|swimming|hospital|sporthal|bibliotheek", re.IGNORECASE
)
# Words around which a glued OCR line is split again for display ("OAKFIELDPRIMARYSCHOOL").
_RESPACE_RE = re.compile(
    r"(schools?|primary|academy|nursery|kindergarten|montessori|daycare|sports|centre|center|leisure|"
    r"library|playground|swimming|street|road|avenue|lane)",
    re.IGNORECASE,
)
_NAME_TAG_RE = re.compile(
    r"\bmy\s+name\s+is\b|\bhello,?\s+i\s*'?\s*a?m\b|\bname\s*:|\bnaam\s*:|\bik\s+heet\b|なまえ|名前",
    re.IGNORECASE,
)
_STREET_WORDS = (
    r"street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|crescent|court|ct|place|pl|"
    r"gardens|terrace|grove|mews|boulevard|blvd"
)
_STREET_RE = re.compile(
    rf"\b[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?\s+(?:{_STREET_WORDS})\b\.?"
    r"|\b[A-Z][a-z]+(?:straat|laan|weg|plein|gracht|singel|kade|dijk|steeg|straße|strasse)\b"
    r"(?:\s+\d{1,4}[a-zA-Z]?)?"
    r"|\d+丁目|\d+番地?",
    re.IGNORECASE,
)
# A house number on its own sign: "No. 27", "Nr 14", or a short number with a letter ("14b").
_HOUSE_NUMBER_RE = re.compile(r"^\s*(?:no\.?|nr\.?|number)\s*\d{1,4}[a-z]?\s*$|^\s*\d{1,4}[a-z]\s*$", re.I)
_POSTCODE_RES = (
    # UK: outward code (NW5, SW1A, B33) then inward code (1AB).
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"),
    # Netherlands: four digits, not starting with 0, then two letters.
    re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b"),
    # Japan, with the postal mark.
    re.compile(r"〒\s*\d{3}-?\d{4}"),
)
_PLATE_RES = (
    # UK since 2001: two letters, two digits, three letters ("AB12 CDE").
    re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b"),
    # Dutch side codes: three dash-separated groups mixing letters and digits ("12-ABC-3").
    re.compile(r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,3}\b"),
)

_KINDS: tuple[tuple[str, str, Callable[[str], bool]], ...] = (
    # Order matters: the first kind that matches names the text.
    ("school", "a school name", lambda t: bool(_SCHOOL_RE.search(t) or _SCHOOL_GLUED_RE.search(t))),
    ("name_tag", "a name tag", lambda t: bool(_NAME_TAG_RE.search(t))),
    ("postcode", "a postcode", lambda t: any(r.search(t) for r in _POSTCODE_RES)),
    (
        "street",
        "a street name or house number",
        lambda t: bool(_STREET_RE.search(t) or _HOUSE_NUMBER_RE.match(t)),
    ),
    ("number_plate", "a car number plate", lambda t: any(r.search(t) for r in _PLATE_RES)),
    ("place", "the name of a place", lambda t: bool(_PLACE_RE.search(t) or _PLACE_GLUED_RE.search(t))),
)
#: A named venue is worth a look but is not, alone, where the child lives or learns.
_MEDIUM_KINDS = frozenset({"place"})


def respace(text: str) -> str:
    """Put back spaces the OCR dropped around sign words; other text is left as read."""
    words = []
    for word in text.split():
        if len(word) >= 10 and word.isalpha():
            word = " ".join(_RESPACE_RE.sub(r" \1 ", word).split())
        words.append(word)
    return " ".join(words)


def identifying_kind(text: str) -> tuple[str, str] | None:
    """(kind, plain description) when ``text`` can point a stranger to a place or a child."""
    for kind, words, test in _KINDS:
        if test(text):
            return kind, words
    return None


@dataclass
class TextLine:
    text: str
    score: float
    #: left, top, right, bottom in working-image pixels
    x0: float
    y0: float
    x1: float
    y1: float


def _is_noise(line: TextLine) -> bool:
    letters = sum(ch.isalnum() for ch in line.text)
    return line.score < MIN_SCORE or letters < MIN_CHARS


def group_lines(lines: Sequence[TextLine]) -> list[list[TextLine]]:
    """Join lines that sit under each other and overlap sideways: one sign, one block."""
    blocks: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.y0, ln.x0)):
        height = line.y1 - line.y0
        for block in blocks:
            last = block[-1]
            gap = line.y0 - last.y1
            overlap = min(line.x1, last.x1) - max(line.x0, last.x0)
            # Signs space lines at up to about twice the letter height; beyond that it is other text.
            if -height / 2 <= gap <= 1.5 * max(height, last.y1 - last.y0) and overlap > 0:
                block.append(line)
                break
        else:
            blocks.append([line])
    return blocks


def read_lines(engine: Any, array: Any) -> list[TextLine]:
    """OCR one RGB array; RapidOCR returns ``([box4points, text, score], ...)`` or None."""
    import numpy as np

    # RapidOCR treats a 3-channel ndarray as OpenCV's BGR, like an image it read itself.
    result, _ = engine(np.ascontiguousarray(array[:, :, ::-1]))
    lines: list[TextLine] = []
    for points, text, score in result or ():
        xs = [float(p[0]) for p in points]
        ys = [float(p[1]) for p in points]
        lines.append(TextLine(str(text).strip(), float(score), min(xs), min(ys), max(xs), max(ys)))
    return lines


def _box(lines: Sequence[TextLine], scale: float) -> list[int]:
    x0 = min(ln.x0 for ln in lines) * scale
    y0 = min(ln.y0 for ln in lines) * scale
    x1 = max(ln.x1 for ln in lines) * scale
    y1 = max(ln.y1 for ln in lines) * scale
    return [round(y0), round(x1), round(y1), round(x0)]


class TextInImageAnalyzer(Analyzer):
    name = "text_in_image"
    version = "1"
    categories = ("text_in_image",)

    def __init__(self, engine: Any = None) -> None:
        #: An injected OCR engine (tests): run here, in this process, instead of the "ocr"
        #: image task of the worker pool.
        self._engine = engine
        self.image_tasks: tuple[str | ImageTask, ...] = () if engine is not None else ("ocr",)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        out: list[Finding] = []
        for i, media in enumerate(post.media):
            if media.kind != "image":
                continue
            result = ocr_result(ctx, i, self._engine)
            if not result:
                continue
            lines = [TextLine(str(t), float(sc), x0, y0, x1, y1) for x0, y0, x1, y1, t, sc in result["lines"]]
            out.extend(self._findings(post, i, lines, float(result["scale"])))
        return out

    def _findings(self, post: Post, index: int, lines: Sequence[TextLine], scale: float) -> list[Finding]:
        kept = [ln for ln in lines if ln.text and not _is_noise(ln)]
        # An identifying line (a plate, "14b") may be short: check every confident line.
        for ln in lines:
            if ln not in kept and ln.score >= MIN_SCORE and identifying_kind(ln.text):
                kept.append(ln)
        out: list[Finding] = []
        plain: list[list[TextLine]] = []
        for block in group_lines(kept):
            raw = " ".join(ln.text for ln in block)
            text = respace(raw)
            kind = identifying_kind(text)
            if kind is None:
                plain.append(block)
                continue
            score = min(ln.score for ln in block)
            out.append(
                self.finding(
                    post,
                    "text_in_image",
                    "medium" if kind[0] in _MEDIUM_KINDS else "high",
                    round(min(0.95, score), 3),
                    f"Readable text in the photo: “{text}” ({kind[1]}).",
                    media_index=index,
                    value=TextInImageValue(text),
                    evidence={
                        "ocr_text": raw,
                        "box": _box(block, scale),
                        "score": round(score, 3),
                        "kind": kind[0],
                    },
                )
            )
        if plain:
            # Other readable text is reported once per photo, so a busy backdrop is one line.
            flat = [ln for block in plain for ln in block]
            texts = [respace(" ".join(ln.text for ln in block)) for block in plain]
            score = min(ln.score for ln in flat)
            shown = "”, “".join(texts[:3]) + ("”, …" if len(texts) > 3 else "”")
            out.append(
                self.finding(
                    post,
                    "text_in_image",
                    "low",
                    round(min(0.9, score), 3),
                    f"Readable text in the photo: “{shown}; check it says nothing about where you are.",
                    media_index=index,
                    value=TextInImageValue(" / ".join(texts)),
                    evidence={
                        "ocr_text": " / ".join(texts),
                        "box": _box(flat, scale),
                        "score": round(score, 3),
                        "blocks": [
                            {"text": t, "box": _box(b, scale)} for t, b in zip(texts, plain, strict=True)
                        ],
                    },
                )
            )
        return out
