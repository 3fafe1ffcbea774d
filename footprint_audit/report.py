"""Render an AuditResult: report.json (the schema's contract) and one self-contained report.html.

The HTML loads nothing from the network: CSS is inline, images are small data: URIs, there is
no script, and a Content-Security-Policy meta tag forbids anything else. Captions, comments and
usernames are untrusted; Jinja autoescaping is on for every template.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from . import __version__
from .findings import FaceValue, NameValue, value_to_json
from .models import SEVERITY_RANK, AuditResult, Fact, Finding, Post, PostRisk
from .plan import build_plan, plan_dict
from .remediation import fixes_for
from .report_thumbs import thumbnails
from .report_words import headline, human_date, plain, source_words, sure, thumb_labels
from .risk import RULE_TEXT

SCHEMA_ID = "footprint-audit/report/v1"
TEMPLATES = Path(__file__).resolve().parent.parent / "report_templates"
#: Share mode rounds coordinates to 2 decimals: about 1 km, a district rather than a street.
SHARE_DECIMALS = 2

CATEGORY_LABELS: dict[str, str] = {
    "enrolled_child_face": "Your child's face",
    "child_face": "Children's faces",
    "other_child_face": "Other children's faces",
    "face": "Faces",
    "gps_exif": "Exact location in photo files",
    "geotag": "Location tags",
    "place_mention": "Places named",
    "child_name": "Children's names",
    "person_name": "Other people's names",
    "school": "Schools and nurseries",
    "uniform": "School uniforms",
    "age_or_birthday": "Ages and birthdays",
    "routine_hint": "Routines",
    "sensitive_image": "Sensitive images",
    "text_in_image": "Readable text in photos",
    "hashtag": "Hashtags",
    "tagged_user": "Tagged people",
    "comment_risk": "Risky comments",
    "device_metadata": "Camera and phone details",
}
FACE_CATEGORIES = frozenset({"face", "child_face", "enrolled_child_face", "other_child_face"})


@dataclass(frozen=True)
class ReportPaths:
    json: Path
    html: Path | None


def _iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        # Camera wall-clock time with no offset: read it as this machine's local time.
        dt = dt.astimezone()
    return dt.isoformat()


def _jsonable(value: Any) -> Any:
    """Make analyzer values safe for JSON: no NaN, no tuples-as-keys, datetimes as ISO."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)


def _round_coords(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {
            k: (
                round(v, SHARE_DECIMALS) if k in ("lat", "lon") and isinstance(v, float) else _round_coords(v)
            )
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_round_coords(v) for v in value]
    return value


def finding_dict(f: Finding, *, share: bool = False) -> dict[str, Any]:
    value = _jsonable(value_to_json(f.category, f.value))
    evidence = _jsonable(dict(f.evidence))
    if share:
        value, evidence = _round_coords(value), _round_coords(evidence)
    return {
        "id": f.id,
        "post_id": f.post_id,
        "media_index": f.media_index,
        "analyzer": f.analyzer,
        "category": f.category,
        "severity": f.severity,
        "confidence": round(float(f.confidence), 3),
        "summary": f.summary,
        "value": value,
        "child": f.child,
        "evidence": evidence,
    }


def fact_dict(fact: Fact, *, share: bool = False) -> dict[str, Any]:
    lat, lon = fact.lat, fact.lon
    if share and lat is not None and lon is not None:
        lat, lon = round(lat, SHARE_DECIMALS), round(lon, SHARE_DECIMALS)
    return {
        "kind": fact.kind,
        "value": fact.value,
        "child": fact.child,
        "confidence": round(float(fact.confidence), 3),
        "evidence": list(fact.evidence_post_ids),
        "lat": lat,
        "lon": lon,
        "weekday": fact.weekday,
        "time_of_day": fact.time_of_day,
        "sentence": fact.sentence,
        "detail": fact.detail,
    }


def post_dict(post: Post, risk: PostRisk, fixes: list[str]) -> dict[str, Any]:
    geotag = None
    if post.geotag is not None:
        geotag = {k: v for k, v in vars(post.geotag).items() if v is not None}
    return {
        "id": post.id,
        "source": post.source,
        "also_in": list(post.also_in),
        "url": post.url,
        "taken_at": _iso(post.taken_at),
        "time_source": post.time_source,
        "author": post.author,
        "caption": post.caption,
        "media": [{"path": m.path, "kind": m.kind, "url": m.url, "alt_text": m.alt_text} for m in post.media],
        "visibility": post.visibility,
        "geotag": geotag,
        "tagged_users": list(post.tagged_users),
        "comments": len(post.comments),
        "risk": {"score": risk.score, "level": risk.level, "reasons": list(risk.reasons)},
        "fixes": fixes,
    }


def verdict(result: AuditResult) -> dict[str, Any]:
    """The headline: how bad is it overall, in one sentence. Its fact count is the number of
    facts the report lists under "What a stranger can learn"."""
    levels = Counter(r.level for r in result.risks.values())
    total = len(result.posts)
    facts = len(result.facts)
    key_facts = [
        f
        for f in result.facts
        if f.kind in ("home_area", "school", "uniform", "routine", "birthday", "child_name")
    ]
    learn = f", and a stranger can piece together {facts} fact{'' if facts == 1 else 's'} across posts."
    if levels["high"] or len(key_facts) >= 2:
        level = "high"
        text = f"A stranger could learn a lot: {levels['high']} of {total} posts are high risk" + (
            learn if facts else "."
        )
    elif levels["medium"] or key_facts:
        level = "medium"
        text = f"Some details are exposed: {levels['medium']} of {total} posts are medium risk" + (
            learn if facts else "."
        )
    elif total:
        level = "low"
        text = f"Little is exposed: none of the {total} posts scanned is more than low risk."
    else:
        level = "low"
        text = "No posts were found to audit."
    return {"level": level, "text": text, "levels": dict(levels), "posts": total, "facts": facts}


#: Fact kinds whose evidence posts also count in a tile, so the tile and the fact count the
#: same thing (posts): a school read from a sign in a photo is a school named in that post.
FACT_TILES = {"school": "school"}
_YOUR_CHILDS_NAME = re.compile(r"^Your child's (full )?name")
_ANOTHER_FAMILYS = re.compile(r"^Another family's child, “(?P<name>[^”]*)”, is named (?P<where>[^;]*);")


def _child_of(finding: Finding) -> str | None:
    """The child a name finding is about."""
    return finding.child or (finding.value.text if isinstance(finding.value, NameValue) else None)


def _first(name: str) -> str:
    return name.strip().split()[0].lower() if name.strip() else ""


def one_story(result: AuditResult) -> AuditResult:
    """Make the post cards agree with the dossier, one name one child through the account: a
    child the dossier lists as not one of yours is never "your child" on a post, and a child it
    lists as yours is never "another family's child" on one."""
    others = {f.value.strip().lower() for f in result.facts if f.kind == "other_child"}
    ours = {_first(f.child or f.value) for f in result.facts if f.kind == "child_name"}
    if not others and not ours:
        return result
    findings = []
    for f in result.findings:
        who = _child_of(f)
        if f.category == "child_name" and who and who.strip().lower() in others:
            summary = _YOUR_CHILDS_NAME.sub(lambda m: f"Another child's {m.group(1) or ''}name", f.summary)
            summary = summary.replace("call your child by name", "call that child by name")
            f = replace(f, summary=summary)
        elif f.category == "child_name" and who and _first(who) in ours:
            told = _ANOTHER_FAMILYS.match(f.summary)
            if told:
                full = told.group("name")
                summary = (
                    f"Your child's {'full ' if ' ' in full.strip() else ''}name “{full}” is written "
                    f"{told.group('where')}; with it a stranger can call your child by name."
                )
                f = replace(f, summary=summary, child=f.child or full.split()[0])
        findings.append(f)
    return replace(result, findings=tuple(findings))


def tiles(result: AuditResult) -> list[tuple[str, int]]:
    """Per category, how many posts expose it: the tiles of "What was found", most first."""
    posts: dict[str, set[str]] = {}
    for f in result.findings:
        posts.setdefault(f.category, set()).add(f.post_id)
    for fact in result.facts:
        if fact.kind in FACT_TILES:
            posts.setdefault(FACT_TILES[fact.kind], set()).update(fact.evidence_post_ids)
    return sorted(((cat, len(ids)) for cat, ids in posts.items()), key=lambda kv: (-kv[1], kv[0]))


def report_dict(
    result: AuditResult, *, share: bool = False, since: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    by_post: dict[str, list[Finding]] = {p.id: [] for p in result.posts}
    for f in result.findings:
        by_post.setdefault(f.post_id, []).append(f)
    default_risk = PostRisk(score=0.0, level="low")
    generated = result.generated_at or datetime.now(UTC)
    return {
        "notice": SHARE_NOTICE if share else PRIVATE_NOTICE,
        "schema": SCHEMA_ID,
        "generated_at": generated.isoformat(),
        "tool_version": __version__,
        "share_mode": share,
        "verdict": verdict(result),
        "sources": [{"kind": s.kind, "location": s.location, "posts": s.posts} for s in result.sources],
        "posts": [
            post_dict(p, result.risks.get(p.id, default_risk), fixes_for(p, by_post[p.id]))
            for p in result.posts
        ],
        "findings": [finding_dict(f, share=share) for f in result.findings],
        "counts": dict(Counter(f.category for f in result.findings)),
        "dossier": {"facts": [fact_dict(f, share=share) for f in result.facts]},
        "errors": [{"where": e.where, "message": e.message, "hint": e.hint} for e in result.errors],
        "notes": list(result.notes),
        "risk_rule": RULE_TEXT,
        "plan": plan_dict(build_plan(result), result.facts),
        **({"since_last_scan": dict(since)} if since is not None else {}),
    }


def anchor(post_id: str) -> str:
    return "post-" + re.sub(r"[^A-Za-z0-9_-]+", "-", post_id)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "j2", "xml"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["anchor"] = anchor
    env.filters["label"] = lambda c: CATEGORY_LABELS.get(c, c.replace("_", " "))
    env.filters["when"] = lambda iso: (iso or "")[:16].replace("T", " ") if iso else "date unknown"
    env.filters["plain"] = plain
    env.filters["sure"] = sure
    env.filters["where"] = lambda w: PurePath(w).name if "/" in w or "\\" in w else w
    return env


def render_html(
    result: AuditResult,
    data: Mapping[str, Any],
    *,
    share: bool = False,
    files: Mapping[tuple[str, int], str] | None = None,
    pixels: AuditResult | None = None,
    timezone: str | None = None,
) -> str:
    """``files`` says where each media item's pixels are when ``result`` is a redacted copy
    (whose media carry bare names); ``pixels`` is the result the face crops are cut from."""
    face_boxes: dict[tuple[str, int | None], list[list[float]]] = {}
    for f in result.findings:
        if isinstance(f.value, FaceValue):
            face_boxes.setdefault((f.post_id, f.media_index), []).append(list(f.value.box))
    faces_known = any(f.category in FACE_CATEGORIES for f in result.findings)
    thumbs = thumbnails(result, files, face_boxes if share else {}, blur_all=share and not faces_known)
    findings_by_post: dict[str, list[dict[str, Any]]] = {}
    for fd in data["findings"]:
        findings_by_post.setdefault(fd["post_id"], []).append(fd)
    for items in findings_by_post.values():
        items.sort(key=lambda fd: -SEVERITY_RANK[fd["severity"]])
    posts = sorted(data["posts"], key=lambda p: (-p["risk"]["score"], p["taken_at"] or ""))
    counts = tiles(result)
    facts = [dict(f, idx=i) for i, f in enumerate(data["dossier"]["facts"])]
    facts_by_child: dict[str, list[dict[str, Any]]] = {}
    for fact in facts:
        facts_by_child.setdefault(fact["child"] or "", []).append(fact)
    from .report_faces import report_section
    from .report_svg import heatmap, map_section, timeline

    # a post is named by its date; a record with neither date nor photo is the profile or bio
    dates = {
        p["id"]: human_date(p["taken_at"]) or ("profile or bio" if not p["media"] else "undated post")
        for p in data["posts"]
    }
    taken = {p["id"]: p["taken_at"] for p in data["posts"]}
    faces = report_section(pixels or result, share=share)
    faces_by_child = {
        c["name"]: dict(c, crops=[x for x in faces["crops"] if x["child"] == c["name"]][:6])
        for c in faces["children"]
    }
    plan = data.get("plan") or {"steps": []}
    steps_by_post: dict[str, list[int]] = {}
    fact_steps: dict[int, int] = {}
    for step in plan["steps"]:
        for pid in step["posts"]:
            steps_by_post.setdefault(pid, []).append(step["number"])
        for i in step["removes_facts"]:
            fact_steps.setdefault(i, step["number"])
    kinds = {s.location: s.kind for s in result.sources}
    template = _environment().get_template("report.html.j2")
    return template.render(
        faces=faces,
        faces_by_child=faces_by_child,
        r=data,
        posts=posts,
        findings_by_post=findings_by_post,
        thumbs=thumbs,
        thumb_labels=thumb_labels(result),
        counts=counts,
        facts=facts,
        facts_by_child=facts_by_child,
        share=share,
        post_ids={p["id"] for p in data["posts"]},
        result=result,
        dates=dates,
        by_date=lambda ids: sorted(ids, key=lambda pid: taken.get(pid) or "9999"),
        plan=plan,
        fact_steps=fact_steps,
        steps_by_post=steps_by_post,
        urls={p["id"]: p["url"] for p in data["posts"] if p["url"] and not share},
        any_public=any(p["visibility"] == "public" for p in data["posts"]),
        since=data.get("since_last_scan"),
        headline=headline(result),
        sources=[source_words(s.kind, s.location, share) for s in result.sources],
        post_sources={p.id: source_words(kinds.get(p.source, ""), p.source, share) for p in result.posts},
        geo=map_section(result, share=share, dates=dates),
        heat=heatmap(_local_times(result, timezone), result.facts),
        timeline=timeline(data["posts"]),
    )


def _local_times(result: AuditResult, timezone: str | None) -> dict[str, datetime]:
    """Each post's local time, as the dossier reads it (footprint_audit.localtime)."""
    from .context import AuditOptions, RunContext
    from .localtime import local_time

    run = RunContext(AuditOptions(timezone=timezone))
    by_post: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_post.setdefault(f.post_id, []).append(f)
    out = {}
    for post in result.posts:
        lt = local_time(post, by_post.get(post.id, []), run)
        if lt is not None:
            out[post.id] = lt.when
    return out


#: First line of a full report: it is itself the dossier it describes.
PRIVATE_NOTICE = (
    "Private: this report is itself a dossier about your child (photos, places, names). "
    "Keep it to yourself; use --share for a copy to pass on."
)
SHARE_NOTICE = (
    "Shareable copy: faces covered, places rounded to about 1 km, no usernames, paths or file metadata."
)


def _write_private(path: Path, text: str) -> None:
    """Write a file readable by its owner only (0600), whatever the umask."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(path, 0o600)  # an existing file keeps its old mode through O_CREAT


def private_dir(out_dir: Path) -> None:
    """Create ``out_dir`` owner-only (0700) when it does not exist; a folder the user made stays as it is."""
    if not out_dir.exists():
        out_dir.mkdir(parents=True, mode=0o700)
        os.chmod(out_dir, 0o700)  # mkdir's mode is masked by the umask


def write_report(
    result: AuditResult,
    out_dir: Path,
    *,
    share: bool = False,
    json_only: bool = False,
    timezone: str | None = None,
    since: Mapping[str, Any] | None = None,
) -> ReportPaths:
    """Write report.json (and report.html unless json_only) into out_dir; returns the paths.

    With ``share`` everything written comes from :func:`footprint_audit.redact.redact`; only the
    pixels of the embedded images are read from the original files (faces covered).
    """
    from .redact import media_files, redact

    private_dir(out_dir)
    result = one_story(result)
    shown = redact(result) if share else result
    data = report_dict(shown, share=share, since=since)
    json_path = out_dir / "report.json"
    _write_private(json_path, json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
    if json_only:
        return ReportPaths(json=json_path, html=None)
    html_path = out_dir / "report.html"
    html = render_html(
        shown,
        data,
        share=share,
        files=media_files(result) if share else None,
        pixels=replace(shown, posts=result.posts) if share else None,
        timezone=timezone,
    )
    _write_private(html_path, html)
    return ReportPaths(json=json_path, html=html_path)
