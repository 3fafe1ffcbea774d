"""Schools and nurseries named in text: "Oakfield Primary", "Little Acorns Nursery",
"#oakfieldprimary", "basisschool De Regenboog", "さくら保育園".

A named school tells a stranger where the child is every weekday, so it is high severity.
A bare Dutch or Japanese keyword with no name (保育園, basisschool) is still reported, lower.
"""

from __future__ import annotations

import re

from footprint_audit.context import PostContext
from footprint_audit.findings import SchoolValue, TextSpan
from footprint_audit.lexicon import SCHOOL_WORD_CASE
from footprint_audit.models import Finding, Post
from footprint_audit.nlp import TextAnalyzerBase, docs_for

#: Bare keywords: the institution is mentioned, but not which one.
_BARE = re.compile(
    r"^(?:basisschool|kinderdagverblijf|peuterspeelzaal|kinderopvang|kdv|bso|保育園|幼稚園|小学校|こども園|保育所)$",
    re.IGNORECASE,
)


def normalise_school(text: str) -> str:
    """Collapse spacing and capitalise word starts, so one school has one spelling."""
    words = re.sub(r"\s+", " ", text).strip(" .,!?#@").split(" ")
    out = []
    for w in words:
        if w.lower() in SCHOOL_WORD_CASE and w.islower():
            out.append(SCHOOL_WORD_CASE[w.lower()])  # "c of e" -> "C of E", "rc" -> "RC"
        else:
            out.append(w[:1].upper() + w[1:] if w.isascii() and w.islower() else w)
    return " ".join(out)


class SchoolsAnalyzer(TextAnalyzerBase):
    name = "schools"
    version = "1"
    categories = ("school",)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        findings: list[Finding] = []
        for td in docs_for(post, ctx.run):
            for span in td.spans("SCHOOL"):
                bare = bool(_BARE.match(span.text.strip()))
                name = normalise_school(span.text)
                evidence = td.evidence(span.start, span.end)
                where = TextSpan(evidence["field"], evidence["start"], evidence["end"])
                findings.append(
                    self.finding(
                        post,
                        "school",
                        "medium" if bare else "high",
                        0.5 if bare else 0.85,
                        summary=(
                            f"Mentions a school or nursery (“{span.text}”) but not which one."
                            if bare
                            else f"Names your child's school or nursery, “{name}”: a stranger would know "
                            "where to find your child on weekdays."
                        ),
                        value=SchoolValue(name, where),
                        evidence=evidence,
                    )
                )
        return findings
