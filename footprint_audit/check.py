"""The pre-post check of one photo: exactly the scan's analyzers and risk rule on one post.

``check_post`` is what ``footprint-audit check`` calls; it is usable as a library function.
A photo that could not be fully read is never green (an error lifts the post to at least
amber, see footprint_audit.risk).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .analyzer import Analyzer
from .context import AuditOptions, RunContext
from .models import SEVERITY_RANK, ErrorRecord, Finding, Media, Post, PostRisk, Visibility

Verdict = Literal["green", "amber", "red"]
VERDICTS: dict[str, Verdict] = {"low": "green", "medium": "amber", "high": "red"}


@dataclass(frozen=True)
class CheckResult:
    post: Post
    #: Most severe first.
    findings: tuple[Finding, ...]
    risk: PostRisk
    fixes: tuple[str, ...]
    errors: tuple[ErrorRecord, ...]

    @property
    def verdict(self) -> Verdict:
        return VERDICTS[self.risk.level]

    def to_json(self) -> dict[str, Any]:
        from .report import finding_dict

        return {
            "verdict": self.verdict,
            "score": self.risk.score,
            "findings": [finding_dict(f) for f in self.findings],
            "fixes": list(self.fixes),
            "errors": [{"where": e.where, "message": e.message} for e in self.errors],
        }


def check_post(
    photo: Path,
    caption: str = "",
    visibility: Visibility = "public",
    *,
    options: AuditOptions | None = None,
    analyzers: Sequence[Analyzer] | None = None,
) -> CheckResult:
    """Check one photo with its planned caption as the scan would check a post of it."""
    from .pipeline import analyze
    from .registry import chosen_analyzers
    from .remediation import fixes_for
    from .risk import assess, dedupe, regrade

    chosen = chosen_analyzers(analyzers)
    post = Post(
        id="check", source="check", caption=caption, media=(Media(str(photo)),), visibility=visibility
    )
    run = RunContext(options or AuditOptions(workers=1))
    run.analyzers = tuple(chosen)
    findings = dedupe(regrade([post], analyze([post], chosen, run)))
    findings.sort(key=lambda f: -SEVERITY_RANK[f.severity])
    # Every error of this one-post run is about this post: unread parts are never green.
    risk = assess(post, findings, run.errors)
    return CheckResult(post, tuple(findings), risk, tuple(fixes_for(post, findings)), tuple(run.errors))
