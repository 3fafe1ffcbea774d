"""School uniforms: the same outfit on the same child on school mornings tells a stranger where
the child is on weekdays, even when the caption says nothing.

No offline zero-shot image model ships in a package here, so a uniform is worked out from
signals that do run offline, and every finding says which fired:

- ``outfit_recurs``: the same outfit (colours and pattern of the torso below a child's face,
  :mod:`footprint_audit.engines.outfit`) under the same child on at least
  :data:`MIN_SCHOOL_POSTS` school days, on more than one weekday (a weekly activity's kit is
  not a uniform), and (almost) never at weekends or in the holidays; the child is the enrolled child the face matches, else a cluster of face encodings;
- ``school_hours``: posted on a weekday 07:00-09:30 or 14:45-16:30 local time, in term time;
- ``classmates``: another child in the same outfit in the same school-day post;
- ``crest``: a small badge-like blob of contrasting colour on the chest;
- ``school_text``: text in the photo naming a school (the OCR the text analyzer shares);
- ``caption_cue``: "new uniform", "school shoes", #firstdayofschool, 制服, eerste schooldag...

Outfit recurrence with school times is high (the risk rule grades a uniform seen recurring
high); a crest on a child photographed at school time, or with a school word, is medium (one
photo's badge may be a T-shirt logo); caption cues alone make a soft, low finding, since the
photo may not show the uniform at all.

Cost (benchmarks/outfit.py, quiet machine): the outfit image task is 2.9 ms per face on
../shared/data (32 faces in 71 photos: 1.3 ms per photo overall) and 4.2 ms per face on the
demo family (59 faces in 51 photos), whatever the photo's size (torsos are described at a
fixed scale). It runs in the worker pool on the photo the faces task decoded, cached by file
hash; school days and school words are in :mod:`analyzers.school_days`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from analyzers.school_days import caption_cues, is_off_school, is_school_time
from footprint_audit.analyzer import Analyzer
from footprint_audit.context import PostContext, RunContext
from footprint_audit.engines.faces import (
    MATCH_THRESHOLD,
    FaceRecord,
    MediaFaces,
    age_band,
    is_child_band,
    match,
)
from footprint_audit.engines.image_tasks import ocr_result
from footprint_audit.engines.outfit import describe_in_words, describe_media, outfit_distance
from footprint_audit.findings import LocationValue, UniformValue
from footprint_audit.localtime import local_time
from footprint_audit.models import Finding, Post

__all__ = ["SAME_OUTFIT", "UniformAnalyzer", "caption_cues", "is_off_school", "is_school_time"]

#: Two outfits closer than this are the same clothes. On generated scenes (tests/test_uniform.py:
#: the same drawn uniform on five mornings, face 85-135 px wide, light +-12%, other
#: backgrounds) the same outfit measured 0.03-0.05 and every other outfit 1.2-3.5; the same
#: uniform at 0.6x-1.3x exposure with a +-10% colour cast 0.06-0.33; a navy jumper instead of
#: bottle green 1.7. A similar dark green jumper (0.40) or a charcoal instead of a grey skirt
#: (0.34) counts as the same: colour alone cannot tell them apart.
SAME_OUTFIT = 0.7
#: A uniform is the same outfit on at least this many school days (distinct local dates, so a
#: photo posted twice counts once). Another child beside them in the same outfit strengthens
#: it but does not lower this: on the real photos with every face taken for a child's, adults
#: side by side in dark suits made "classmates" in 5 photos, which at two days flagged 7 more.
MIN_SCHOOL_POSTS = 3
#: ...on at least this many different weekdays: a uniform is worn every school day, while a
#: weekly activity's kit (the demo's Tuesday 16:30 swimming) recurs on one weekday only.
MIN_WEEKDAYS = 2
SUMMARY_SEEN = (
    "{who} the same outfit ({text}) on {n} weekday school mornings or pick-ups and not at "
    "weekends: a school uniform tells a stranger where to find {them} on weekdays."
)
SUMMARY_CREST = (
    "{who} clothes with a badge on the chest ({text}) {when}: if it is a school uniform's crest, "
    "it tells a stranger which school it is."
)
SUMMARY_WORDS = (
    "The {where} mentions “{cue}”: if the photo shows a school uniform or its badge, "
    "it tells a stranger which school your child goes to."
)

FacesOf = Callable[[Post, int, RunContext], Sequence[FaceRecord]]
AgeOf = Callable[[FaceRecord], float | None]


@dataclass
class _Seen:
    """One child's outfit in one photo."""

    post_id: str
    media_index: int
    #: Working-image pixels to original ones, for boxes in the evidence.
    scale: float
    child: str
    enrolled: bool
    desc: dict[str, Any]
    when: datetime | None

    @property
    def school(self) -> bool:
        return is_school_time(self.when)


@dataclass
class _Uniform:
    """An outfit that recurs on school days under one child."""

    child: str
    enrolled: bool
    members: list[_Seen]
    school_posts: set[str] = field(default_factory=set)
    school_days: int = 0
    mornings: int = 0
    crest: int = 0
    classmates: set[str] = field(default_factory=set)


class UniformAnalyzer(Analyzer):
    name = "uniform"
    version = "1"
    categories = ("uniform",)
    # An outfit is a uniform only against the other posts; which child it is depends on the
    # enrolled faces; school hours depend on the time zone.
    cache_scope = "batch"
    depends_on = frozenset({"timezone", "enrolment"})

    def __init__(self, faces_of: FacesOf | None = None, age_of: AgeOf | None = None, ocr: Any = None) -> None:
        #: Face records of one photo (tests inject known boxes); default: the faces analyzer's
        #: results, or the face engine with its per-file cache.
        self._faces_of = faces_of
        #: How old a face looks (tests inject a fake: no photo of a real child may be used).
        self.age_of: AgeOf = age_of or (lambda face: face.age)
        #: An injected OCR engine (tests); default: RapidOCR, shared with the text analyzer.
        self._ocr = ocr
        self._seen: dict[str, list[_Seen]] = {}
        self._uniform_of: dict[str, _Uniform] = {}
        self._times: dict[str, datetime | None] = {}
        self._posts: list[Post] = []
        self._ready = False
        #: The image tasks the pipeline runs for this analyzer in the worker pool (none when a
        #: test injects the faces: the outfit step then runs here).
        self.image_tasks: tuple[str, ...] = () if faces_of is not None else ("faces", "outfit", "ocr")

    # ------------------------------------------------------------------ batch work

    def load(self, posts: Sequence[Post], run: RunContext) -> None:
        # The batch work waits for the first ``analyze``: the image tasks (faces, outfits, OCR)
        # run in the worker pool after every analyzer's load() and before the first analyze(),
        # and a run the cache answers needs none.
        self._posts, self._ready = list(posts), False

    def _prepare(self, posts: Sequence[Post], run: RunContext) -> None:
        """Every child's outfit in every post, and which outfits recur as a uniform."""
        self._seen, self._uniform_of, self._times = {}, {}, {}
        self._ready = True
        enrolled = _enrolled(run)
        clusters: list[tuple[str, list[float]]] = []
        for post in self._posts:
            ctx = PostContext(post, run)
            self._times[post.id] = _local(post, ctx, run)
            for i, media in enumerate(post.media):
                if media.kind != "image":
                    continue
                faces = self._faces(ctx, i)
                keyed: list[tuple[int, tuple[str, bool]]] = []
                for n, f in enumerate(faces):
                    who = _child_key(f, enrolled, clusters, self.age_of) if f.encoding is not None else None
                    if who is not None:
                        keyed.append((n, who))
                if not keyed:
                    continue
                described = self._describe(ctx, i, faces)
                if described is None:
                    continue
                outfits, scale = described
                for n, (key, is_enrolled) in keyed:
                    desc = outfits[n] if n < len(outfits) else None
                    if desc is not None:
                        seen = _Seen(post.id, i, scale, key, is_enrolled, desc, self._times[post.id])
                        self._seen.setdefault(post.id, []).append(seen)
        everyone = [s for items in self._seen.values() for s in items]
        for uniform in _uniforms(everyone):
            for m in uniform.members:
                if not is_off_school(m.when):
                    self._uniform_of.setdefault(m.post_id, uniform)

    def _faces(self, ctx: PostContext, index: int) -> Sequence[FaceRecord]:
        """The faces of one photo: the faces image task's result (run in the worker pool for
        every post), or the faces a test injects."""
        if self._faces_of is not None:
            return self._faces_of(ctx.post, index, ctx.run)
        data = ctx.image_result(index, "faces")
        return MediaFaces.from_json(data).faces if data else []

    def _describe(
        self, ctx: PostContext, index: int, faces: Sequence[FaceRecord]
    ) -> tuple[list[dict[str, Any] | None], float] | None:
        """One outfit descriptor per face of the photo (None for a face too small to encode),
        and the working-to-original scale: the outfit image task's result, worked out in the
        worker pool from the decoded photo the faces task used and cached by file hash. With
        injected faces (tests) the same pure function runs here on the decoded photo."""
        if self._faces_of is None:
            data = ctx.image_result(index, "outfit")
            if not data:
                return None
            return list(data.get("outfits") or []), self._scale(ctx, index)
        img = ctx.decoded(index)
        if img is None:
            return None
        view = img.at()
        records = [{"box": f.box, "encoding": f.encoding} for f in faces]
        return describe_media(view.array, records, view.scale)["outfits"], view.scale

    @staticmethod
    def _scale(ctx: PostContext, index: int) -> float:
        """Working-to-original pixels of the photo, as the outfit task saw it."""
        img = ctx.decoded(index)
        return float(img.scale) if img is not None else 1.0

    # ------------------------------------------------------------------ findings

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        if not self._ready or post.id not in self._times:
            # Not loaded (one post checked directly): the batch is the posts known so far.
            if post.id not in {p.id for p in self._posts}:
                self._posts.append(post)
            self._prepare(self._posts, ctx.run)
        cues = caption_cues(ctx.texts())
        seen = self._seen.get(post.id, [])
        when = self._times.get(post.id)
        school_text = self._school_text(ctx, {s.media_index for s in seen}) if seen else None
        evidence: dict[str, Any] = {}
        if when is not None:
            evidence["local_time"] = when.strftime("%A %H:%M")
        if cues:
            evidence["caption_cues"] = cues
        if school_text:
            evidence["school_text"] = school_text
        uniform = self._uniform_of.get(post.id)
        if uniform is not None:
            return [self._recurring(post, uniform, cues, school_text, evidence)]
        crested = [s for s in seen if s.desc.get("crest") and (s.school or cues or school_text)]
        if crested:
            return [self._crest(post, crested[0], cues, school_text, evidence)]
        if cues:
            return [self._words(post, cues, seen, evidence, when)]
        return []

    def _recurring(
        self,
        post: Post,
        u: _Uniform,
        cues: list[dict[str, Any]],
        school_text: str | None,
        evidence: dict[str, Any],
    ) -> Finding:
        mine = next(m for m in u.members if m.post_id == post.id)
        words, colours = describe_in_words(mine.desc)
        n = u.school_days
        times = f"{n} weekday mornings" if u.mornings == n else f"{n} school days"
        signals = ["outfit_recurs", "school_hours"]
        confidence = 0.6 + 0.05 * (n - MIN_SCHOOL_POSTS)
        if u.crest * 2 >= len(u.members):
            signals.append("crest")
            confidence += 0.1
        if u.classmates:
            signals.append("classmates")
            confidence += 0.1
        if school_text:
            signals.append("school_text")
            confidence += 0.05
        if cues:
            signals.append("caption_cue")
            confidence += 0.05
        who = f"{u.child} wears" if u.enrolled else "Your child wears"
        evidence.update(
            {
                "child": u.child if u.enrolled else "an unnamed child (same face in each post)",
                "same_outfit_posts": sorted({m.post_id for m in u.members}),
                "school_time_posts": sorted(u.school_posts),
                "torso_box": _original(mine.desc["box"], mine.scale),
            }
        )
        if mine.desc.get("crest"):
            evidence["crest"] = {
                **mine.desc["crest"],
                "box": _original(mine.desc["crest"]["box"], mine.scale),
            }
        return self.finding(
            post,
            "uniform",
            "high",
            round(min(0.95, confidence), 3),
            SUMMARY_SEEN.format(who=who, text=words, n=n, them="them"),
            media_index=mine.media_index,
            value=UniformValue(f"{words}, {times}", tuple(signals), colours),
            child=u.child if u.enrolled else None,
            evidence=evidence,
        )

    def _crest(
        self,
        post: Post,
        s: _Seen,
        cues: list[dict[str, Any]],
        school_text: str | None,
        evidence: dict[str, Any],
    ) -> Finding:
        words, colours = describe_in_words(s.desc)
        signals = ["crest"] + (["school_hours"] if s.school else [])
        signals += (["school_text"] if school_text else []) + (["caption_cue"] if cues else [])
        who = f"{s.child} wears" if s.enrolled else "Your child wears"
        evidence.update(
            {
                "crest": {**s.desc["crest"], "box": _original(s.desc["crest"]["box"], s.scale)},
                "torso_box": _original(s.desc["box"], s.scale),
            }
        )
        return self.finding(
            post,
            "uniform",
            "medium",
            round(min(0.8, 0.4 + 0.1 * len(signals)), 3),
            SUMMARY_CREST.format(
                who=who, text=words, when="at school time" if s.school else "in a post about school"
            ),
            media_index=s.media_index,
            value=UniformValue(words, tuple(signals), colours),
            child=s.child if s.enrolled else None,
            evidence=evidence,
        )

    def _words(
        self,
        post: Post,
        cues: list[dict[str, Any]],
        seen: list[_Seen],
        evidence: dict[str, Any],
        when: datetime | None,
    ) -> Finding:
        first = cues[0]
        where = "caption" if first["field"] == "caption" else "photo description"
        words, colours = describe_in_words(seen[0].desc) if seen else (first["text"], ())
        return self.finding(
            post,
            "uniform",
            "low",
            0.3,
            SUMMARY_WORDS.format(where=where, cue=first["text"]),
            media_index=seen[0].media_index if seen else None,
            value=UniformValue(
                words, ("caption_cue",) + (("school_hours",) if is_school_time(when) else ()), colours
            ),
            evidence=evidence,
        )

    def _school_text(self, ctx: PostContext, indexes: set[int]) -> str | None:
        """Text in the photo naming a school, from the OCR image task the text analyzer uses
        (an injected engine in tests)."""
        from analyzers.text_in_image import identifying_kind, respace

        for i in sorted(indexes):
            result = ocr_result(ctx, i, self._ocr)
            for _x0, _y0, _x1, _y1, raw, score in (result or {}).get("lines", ()):
                text = respace(str(raw))
                kind = identifying_kind(text)
                if float(score) >= 0.8 and kind is not None and kind[0] == "school":
                    return str(text)
        return None


# --------------------------------------------------------------------------- helpers


def _original(box: Sequence[int], scale: float) -> list[int]:
    """A working-image box in original-image pixels, as face boxes are reported."""
    return [round(v * scale) for v in box]


def _enrolled(run: RunContext) -> dict[str, list[list[float]]]:
    from footprint_audit.enrollment import load_enrolled

    try:
        return load_enrolled(run.options.data_dir)
    except Exception:  # an unreadable store is the faces analyzer's error to report
        return {}


def _local(post: Post, ctx: PostContext, run: RunContext) -> datetime | None:
    """The post's local time; the photo's own GPS decides the zone, as in the dossier."""
    if post.taken_at is None:
        return None
    gps: list[Finding] = []
    for i, m in enumerate(post.media):
        point = ctx.exif(i).gps if m.kind == "image" else None
        if point is not None:
            value = LocationValue(point.lat, point.lon)
            gps.append(Finding(post.id, i, "uniform", "gps_exif", "low", 1.0, "", value=value))
            break
    lt = local_time(post, gps, run)
    return lt.when if lt is not None else None


def _child_key(
    face: FaceRecord,
    enrolled: Mapping[str, Sequence[Sequence[float]]],
    clusters: list[tuple[str, list[float]]],
    age_of: AgeOf,
) -> tuple[str, bool] | None:
    """(who, enrolled?) for a child's face: the enrolled name, else a cluster of faces; None for an adult."""
    found = match(face.encoding, enrolled)
    if found is not None:
        return found.child, True
    if not is_child_band(age_band(age_of(face))) or face.encoding is None:
        return None
    from footprint_audit.engines.faces import distances

    for key, enc in clusters:
        if distances([enc], face.encoding)[0] <= MATCH_THRESHOLD:
            return key, False
    key = f"child-{len(clusters) + 1}"
    clusters.append((key, list(face.encoding)))
    return key, False


def _uniforms(seen: Sequence[_Seen]) -> list[_Uniform]:
    """Outfits that recur under one child on school days and not on days off."""
    by_child: dict[str, list[_Seen]] = {}
    for s in seen:
        by_child.setdefault(s.child, []).append(s)
    out: list[_Uniform] = []
    for child, items in by_child.items():
        groups: list[list[_Seen]] = []
        # Complete linkage: an outfit joins a group only if it is close to every member, so a
        # chain of similar outfits never becomes one.
        for s in sorted(items, key=lambda s: (s.when or datetime.min, s.post_id)):
            for g in groups:
                if all(outfit_distance(s.desc, m.desc) < SAME_OUTFIT for m in g):
                    g.append(s)
                    break
            else:
                groups.append([s])
        for g in groups:
            u = _Uniform(child, g[0].enrolled, g)
            school = [m for m in g if m.school and m.when is not None]
            u.school_posts = {m.post_id for m in school}
            u.school_days = len({m.when.date() for m in school if m.when is not None})
            u.mornings = len({m.when.date() for m in school if m.when is not None and m.when.hour < 12})
            u.crest = sum(1 for m in g if m.desc.get("crest"))
            u.classmates = {
                o.post_id
                for o in seen
                if o.child != child
                and o.post_id in u.school_posts
                and any(
                    outfit_distance(o.desc, m.desc, same_person=False) < SAME_OUTFIT
                    for m in g
                    if m.post_id == o.post_id
                )
            }
            off = len({m.when.date() for m in g if m.when is not None and is_off_school(m.when)})
            # "Not at weekends": one Saturday in the jumper among five school days is allowed.
            weekdays = len({m.when.weekday() for m in school if m.when is not None})
            if u.school_days >= MIN_SCHOOL_POSTS and weekdays >= MIN_WEEKDAYS and off * 4 < u.school_days:
                out.append(u)
    return out
