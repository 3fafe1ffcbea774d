"""Photos of a child undressed or in swimwear: the images most often copied and misused.

The image signal is NudeNet 3.4.2's bundled 320n ONNX detector, which finds body parts
labelled exposed or covered (it has no swimwear label: covered intimate parts seen together
with bare skin stand in for swimwear). The weak second signal is the post's own words:
"bath time", "paddling pool", "zwembad", "お風呂". Words alone never make a finding high.
Boxes are ``[top, right, bottom, left]`` in original-image pixels, as for faces.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from footprint_audit.analyzer import Analyzer
from footprint_audit.context import PostContext
from footprint_audit.engines.image_tasks import NudityTask
from footprint_audit.findings import SensitiveValue
from footprint_audit.image_work import ImageTask
from footprint_audit.models import Finding, Post, Severity

# NudeNet keeps candidates from 0.2 and suppresses boxes under 0.25 (its _postprocess).
# On 31 dressed adult photos (../shared/data/faces, exif-samples/jpg/gps) the highest
# body-part score was 0.41 (FEMALE_BREAST_COVERED on a portrait), so twice NudeNet's own
# 0.25 floor, 0.50, keeps every dressed portrait unflagged.
MIN_SCORE = 0.50

#: Intimate parts shown bare: the child is undressed.
UNDRESSED = frozenset(
    {
        "FEMALE_BREAST_EXPOSED",
        "FEMALE_GENITALIA_EXPOSED",
        "MALE_GENITALIA_EXPOSED",
        "BUTTOCKS_EXPOSED",
        "ANUS_EXPOSED",
    }
)
#: Bare torso: on a child, a bare chest or belly is swimwear or partly dressed.
BARE_TORSO = frozenset({"MALE_BREAST_EXPOSED", "BELLY_EXPOSED"})
#: Intimate parts covered: with bare skin elsewhere, that is swimwear or underwear.
COVERED_INTIMATE = frozenset(
    {"FEMALE_BREAST_COVERED", "FEMALE_GENITALIA_COVERED", "BUTTOCKS_COVERED", "ANUS_COVERED"}
)
#: Bare skin that ordinary clothes also show; only counts next to covered intimate parts.
BARE_LIMBS = frozenset({"ARMPITS_EXPOSED", "FEET_EXPOSED"})
# FACE_*, BELLY_COVERED, FEET_COVERED and ARMPITS_COVERED are what any dressed person shows.

#: "Undressed" needs an intimate part seen bare at this score or more; a weaker one is said
#: as "partly dressed". On all 70 photos in ../shared/data (dressed adults, scenery) NudeNet
#: gave no exposed label at all and no body-part score above 0.41; no undressed photo may be
#: used to calibrate the upper side, so 0.70 keeps the word for detections well clear of both
#: the 0.50 floor and anything a dressed photo produced.
STRONG_SCORE = 0.70

UNDRESSED_SUMMARY = (
    "This photo shows a child undressed (e.g. bath time); these are the images most often misused."
)
PARTLY_SUMMARY = (
    "This photo shows a child in swimwear or partly dressed; such photos are often copied and misused."
)
#: The same without a child's face in the photo or a bath or nappy word in the post: the
#: detector cannot tell a child's body from an adult's, so the report does not say "child".
UNDRESSED_SOMEONE_SUMMARY = (
    "This photo may show someone undressed; if it is your child, it is the kind of image most often misused."
)
PARTLY_SOMEONE_SUMMARY = (
    "This photo may show someone in swimwear or partly dressed; if it is your child, such photos are "
    "often copied and misused."
)

# Words that say a photo was taken undressed or in swimwear. Each entry: (pattern, undressed?).
# "Undressed" cues (bath, naked, nappy) together with a bare torso in the image make it high.
_CUES: tuple[tuple[str, bool], ...] = (
    (r"bath\s?time|bath|bubble\s?bath|in\s+the\s+tub|bathing", True),
    (r"nappy|nappies|diapers?|potty", True),
    (r"naked|nude|nudie|undressed|no\s+clothes|skinny\s?dip\w*|birthday\s+suit", True),
    (r"swim\w*|bikini|trunks|paddling\s+pool|splash\s+pool|kiddie\s+pool|pool\s+day", False),
    (r"beach|seaside|sprinklers?", False),
    # Dutch
    (r"badje|in\s+bad|in\s+het\s+bad|naakt|bloot|blootje|luiers?|potje", True),
    (r"zwembad|zwemmen|zwembroek|badpak|strand|badjes", False),
)
_CUE_RE = re.compile(
    "|".join(f"(?P<c{i}>\\b(?:{p})\\b)" for i, (p, _) in enumerate(_CUES)),
    re.IGNORECASE,
)
# Japanese and emoji have no word boundaries.
_CJK_CUES: tuple[tuple[str, bool], ...] = (
    ("お風呂", True),
    ("風呂", True),
    ("裸", True),
    ("おむつ", True),
    ("🛁", True),
    ("プール", False),
    ("水着", False),
    ("海水浴", False),
    ("👙", False),
    ("🩱", False),
    ("🏖", False),
)


def caption_cues(texts: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
    """Every cue in the post's own words, as evidence: field, span, text, and whether it means undressed."""
    found: list[dict[str, Any]] = []
    for field_name, text in texts:
        if not (field_name == "caption" or field_name.startswith("alt:")):
            continue  # strangers' comments are not what the parent said about the photo
        for m in _CUE_RE.finditer(text):
            group = m.lastgroup or "c0"
            undressed = _CUES[int(group[1:])][1]
            found.append(_cue(field_name, m.start(), m.end(), text, undressed))
        for word, undressed in _CJK_CUES:
            start = text.find(word)
            if start >= 0 and not any(
                c["field"] == field_name and c["start"] <= start < c["end"] for c in found
            ):
                found.append(_cue(field_name, start, start + len(word), text, undressed))
    return found


def _cue(field_name: str, start: int, end: int, text: str, undressed: bool) -> dict[str, Any]:
    return {"field": field_name, "start": start, "end": end, "text": text[start:end], "undressed": undressed}


def classify(detections: Sequence[Mapping[str, Any]]) -> tuple[Severity, list[Mapping[str, Any]]] | None:
    """Severity of NudeNet detections for one image, and the detections that decided it."""
    strong = [d for d in detections if float(d.get("score", 0.0)) >= MIN_SCORE]
    undressed = [d for d in strong if d.get("class") in UNDRESSED]
    if any(float(d.get("score", 0.0)) >= STRONG_SCORE for d in undressed):
        return "high", undressed
    if undressed:
        # a weak score is never enough to say "undressed"
        return "medium", undressed
    torso = [d for d in strong if d.get("class") in BARE_TORSO]
    covered = [d for d in strong if d.get("class") in COVERED_INTIMATE]
    limbs = [d for d in strong if d.get("class") in BARE_LIMBS]
    if torso:
        return "medium", torso + covered
    if covered and limbs:
        return "medium", covered + limbs
    return None


_UNDRESSED = (UNDRESSED_SUMMARY, UNDRESSED_SOMEONE_SUMMARY)


def _child_face(ctx: PostContext, index: int) -> bool:
    """Did the faces analyzer see a child's face in this photo? Its results when it ran (or a
    test put them in), else the faces image task's result when the pipeline ran it."""
    results: Any = ctx.run.memo("faces:results", dict)
    media = results.get((ctx.post.id, index)) if isinstance(results, dict) else None
    from footprint_audit.engines.faces import age_band, is_child_band

    if media is not None:
        ages = [getattr(face, "age", None) for face in getattr(media, "faces", ())]
    else:
        data = ctx.image_result(index, "faces", compute=False)
        ages = [face.get("age") for face in data.get("faces", ())] if isinstance(data, dict) else []
    return any(is_child_band(age_band(age)) for age in ages)


class SensitiveImageAnalyzer(Analyzer):
    name = "sensitive"
    version = "1"
    categories = ("sensitive_image",)

    def __init__(self, detector: Any = None) -> None:
        #: An injected detector with NudeNet's ``detect(bgr_array)`` (tests): run here, in this
        #: process, instead of the "nudity" image task of the worker pool.
        self._detector = detector
        # The faces task tells whether the photo shows a child's face (cached per file).
        self.image_tasks: tuple[str | ImageTask, ...] = () if detector is not None else ("nudity", "faces")

    def _detect(self, ctx: PostContext, index: int) -> list[Mapping[str, Any]]:
        """Detections over the photo (or sampled video frames), boxes in original pixels."""
        if self._detector is None:
            found = ctx.image_result(index, "nudity")
            return list(found or ())
        img = ctx.decoded(index)
        if img is None:
            return []
        detections: list[Mapping[str, Any]] = NudityTask(self._detector).run(img, {})
        return detections

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        cues = caption_cues(ctx.texts())
        undressed_words = [c for c in cues if c["undressed"]]
        out: list[Finding] = []
        for i in range(len(post.media)):
            verdict = classify(self._detect(ctx, i))
            if verdict is None:
                continue
            severity, hits = verdict
            confidence = max(float(d["score"]) for d in hits)
            evidence: dict[str, Any] = {"detections": [dict(d) for d in hits]}
            if cues:
                evidence["caption_cues"] = cues
                confidence = min(0.95, confidence + 0.1)
            # A bare torso in a photo captioned "bath time" is a child undressed, not swimwear.
            if severity == "medium" and undressed_words:
                severity = "high"
            child = bool(undressed_words) or _child_face(ctx, i)
            evidence["child_face"] = _child_face(ctx, i)
            if child:
                summary = UNDRESSED_SUMMARY if severity == "high" else PARTLY_SUMMARY
            else:
                summary = UNDRESSED_SOMEONE_SUMMARY if severity == "high" else PARTLY_SOMEONE_SUMMARY
                # nothing says it is a child: one step less severe
                severity = "medium" if severity == "high" else "low"
            out.append(
                self.finding(
                    post,
                    "sensitive_image",
                    severity,
                    round(confidence, 3),
                    summary,
                    media_index=i,
                    value=SensitiveValue("undressed" if summary in _UNDRESSED else "partly dressed"),
                    evidence=evidence,
                )
            )
        if out or not cues:
            return out
        first = undressed_words[0] if undressed_words else cues[0]
        where = "caption" if first["field"] == "caption" else "photo description"
        return [
            Finding(
                post_id=post.id,
                media_index=None,
                analyzer=self.name,
                category="sensitive_image",
                # Bath and nappy posts mostly show the child undressed; pool and beach posts
                # often show them dressed at the side, so those words alone stay low.
                severity="medium" if undressed_words else "low",
                # Words alone: the photo may well show a dressed child by the pool.
                confidence=0.3,
                summary=(
                    f"The {where} mentions “{first['text']}”: if the photo shows your child "
                    "undressed or in swimwear, it is the kind of image most often misused."
                ),
                value=SensitiveValue(first["text"]),
                evidence={
                    "field": first["field"],
                    "start": first["start"],
                    "end": first["end"],
                    "caption_cues": cues,
                },
            )
        ]
