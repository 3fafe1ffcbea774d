"""Since the last scan: what is new, what was fixed and what is still exposed.

Each scan stores what it found in the per-user cache, keyed stably: a fact by its kind, child
and value; a finding by its post id (a platform id or a hash of the photo's bytes), category and
value. Nothing is keyed by a file path, so moving the folder changes nothing. The labels shown
are plain and safe for a share copy: a fact's short name ("the home area", "the school: Oak
School") and a finding's category with the post's date, never a coordinate or a path.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any

from .findings import value_to_json
from .models import AuditResult, Fact, Finding, Post


def _hash(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _date(post: Post | None) -> str:
    if post is None or post.taken_at is None:
        return "a post without a date"
    return f"the post of {post.taken_at.day} {post.taken_at:%b %Y}"


def fact_key(fact: Fact) -> str:
    return f"fact|{fact.kind}|{(fact.child or '').lower()}|{_hash(fact.value.strip().lower())}"


def finding_key(f: Finding) -> str:
    return f"finding|{f.post_id}|{f.category}|{_hash(value_to_json(f.category, f.value))}"


def fact_label(fact: Fact) -> str:
    from .plan import fact_labels

    label = fact_labels([fact])[0]
    named = fact.kind in ("school", "frequent_place", "child_name", "other_child")
    return f"{label[0].upper()}{label[1:]}" + (f": {fact.value}" if named and fact.value else "")


def exposure(result: AuditResult) -> dict[str, str]:
    """Every fact and finding of a result, stable key -> plain label."""
    from .report import CATEGORY_LABELS

    posts = {p.id: p for p in result.posts}
    out = {fact_key(f): fact_label(f) for f in result.facts}
    for f in result.findings:
        out[finding_key(f)] = (
            f"{CATEGORY_LABELS.get(f.category, f.category)} in {_date(posts.get(f.post_id))}"
        )
    return out


def compare(previous: dict[str, Any], current: dict[str, str]) -> dict[str, Any]:
    """New, fixed and still exposed; facts first, each label once."""
    before: dict[str, str] = previous.get("items", {})

    def labels(keys: set[str]) -> list[str]:
        ordered = sorted(keys, key=lambda k: (not k.startswith("fact|"), k))
        src = {**before, **current}
        return list(dict.fromkeys(src[k] for k in ordered))

    return {
        "previous": previous.get("taken"),
        "new": labels(set(current) - set(before)),
        "fixed": labels(set(before) - set(current)),
        "still": len(set(current) & set(before)),
        "still_facts": sum(1 for k in set(current) & set(before) if k.startswith("fact|")),
    }


def scope_of(result: AuditResult) -> str:
    """Which earlier scan to compare with: the one of the same sources, by kind and folder or
    account name, so a folder that moved is still the same source."""
    return _hash(sorted(f"{s.kind}:{PurePath(s.location.rstrip('/')).name}" for s in result.sources))


def since_last_scan(result: AuditResult, data_dir: Path | None) -> dict[str, Any] | None:
    """Compare with the last scan of the same sources in the cache, then store this one.
    None on a first scan."""
    from .cache import Cache

    current = exposure(result)
    cache = Cache.open(data_dir)
    try:
        scope = scope_of(result)
        previous = cache.get_exposure(scope)
        cache.put_exposure(scope, {"taken": datetime.now(UTC).isoformat(), "items": current})
    finally:
        cache.close()
    return compare(previous, current) if previous is not None else None
