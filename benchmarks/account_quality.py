"""Whose child a name is, read the way a stranger reads it: a whole account at a time.

``text_quality.py`` scores every caption as its own one-post account. A stranger scrolls the
account: the children who recur with "my"/"our" are the family's, a name seen once at a party
is a guest. The dossier does that reading (``footprint_audit/dossier/context.py``) and the
report makes every post card agree with it (``report.one_story``). This benchmark scores what
the report says, from the report's own JSON:

- per caption, own and other children's names as the post cards of ``report.json`` call them
  ("Your child's name ..." or "Another ... child"), beside the same captions read one by one;
- per account, the dossier's ``child_name`` facts against the names the author labelled as the
  family's children, and its ``other_child`` facts against the other children.

The files hold family accounts (``# account: id`` lines, a posting date as a fourth field).
Tune accounts may be looked at while changing rules; held-out accounts (blind authors') print
only with ``--held-out`` and their misses never.

    .venv/bin/python benchmarks/account_quality.py [--held-out] [--show-misses N] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analyzers.ages import AgesAnalyzer
from analyzers.names import NamesAnalyzer
from analyzers.places import PlacesAnalyzer
from analyzers.routines import RoutinesAnalyzer
from analyzers.schools import SchoolsAnalyzer
from benchmarks.text_eval.generate import LANGUAGES, Caption, read_handwritten
from benchmarks.text_quality import EVAL_DIR, analyse, norm, predict, row, truth
from footprint_audit.analyzer import Analyzer
from footprint_audit.context import AuditOptions, RunContext
from footprint_audit.dossier import build_dossier
from footprint_audit.models import AuditResult, Post
from footprint_audit.pipeline import analyze
from footprint_audit.report import one_story, report_dict
from footprint_audit.risk import dedupe, regrade

#: Family accounts, each set either tuned on or held out, never both. ``accounts_tune`` was
#: written by the project (the rules' authors) to find what the dossier gets wrong: it measures
#: the rules, like ``handwritten.tsv``. Blind authors' accounts go in as held-out sets (none yet:
#: see benchmarks/README.md).
ACCOUNT_SETS: dict[str, Path] = {
    "accounts_tune": EVAL_DIR / "accounts_tune.tsv",
}
TUNE_ACCOUNTS = ("accounts_tune",)
HELD_OUT_ACCOUNTS = tuple(s for s in ACCOUNT_SETS if s not in TUNE_ACCOUNTS)
WHO = ("own", "other")
#: The post card of another family's child: the analyzer's wording, or the report's when the
#: dossier says so ("Another child's name").
_OTHER_CARD = ("Another family's child", "Another child's")


@dataclass
class Account:
    split: str
    id: str
    captions: list[Caption] = field(default_factory=list)
    dates: list[datetime | None] = field(default_factory=list)


def read_accounts(path: Path, split: str) -> list[Account]:
    """The accounts of one file, posts in the order written; the labels as text_quality reads them."""
    accounts: list[Account] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    captions = iter(read_handwritten(str(path), split))
    for line in lines:
        if line.startswith("# account:"):
            accounts.append(Account(split, line.split(":", 1)[1].strip()))
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if not accounts:
            accounts.append(Account(split, "-"))
        fields = line.split("\t")
        when = _date(fields[3]) if len(fields) > 3 else None
        accounts[-1].captions.append(next(captions))
        accounts[-1].dates.append(when)
    return [a for a in accounts if a.captions]


def _date(text: str) -> datetime | None:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d").replace(hour=12, tzinfo=UTC)
    except ValueError:
        return None


def _analyzers() -> list[Analyzer]:
    return [NamesAnalyzer(), AgesAnalyzer(), SchoolsAnalyzer(), PlacesAnalyzer(), RoutinesAnalyzer()]


def audit_account(account: Account) -> dict[str, Any]:
    """The account's report.json, as the report writer builds it (text analyzers only)."""
    posts = [
        Post(id=f"{account.id}-{i}", source="eval", caption=c.text, taken_at=d)
        for i, (c, d) in enumerate(zip(account.captions, account.dates, strict=True))
    ]
    dated = [d for d in account.dates if d is not None]
    now = max(dated) if dated else None
    run = RunContext(AuditOptions(workers=1, use_cache=False, now=now))
    findings = dedupe(regrade(posts, analyze(posts, _analyzers(), run)))
    facts = build_dossier(posts, findings, run)
    result = AuditResult(
        sources=(), posts=tuple(posts), findings=tuple(findings), facts=tuple(facts), errors=tuple(run.errors)
    )
    return report_dict(one_story(result))


def cards(report: dict[str, Any]) -> dict[str, dict[str, Counter[str]]]:
    """Per post, the children's names its cards call the family's and another family's."""
    out: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: {w: Counter() for w in WHO})
    for f in report["findings"]:
        if f["category"] != "child_name":
            continue
        who = "other" if f["summary"].startswith(_OTHER_CARD) else "own"
        out[f["post_id"]][who][norm(str(f["value"])).split(" ")[0]] = 1
    return out


Cell = list[int]  # [tp, fp, fn]


def _add(cell: Cell, pred: Counter[str], want: Counter[str]) -> tuple[int, int]:
    fp, fn = sum((pred - want).values()), sum((want - pred).values())
    cell[0] += sum((pred & want).values())
    cell[1] += fp
    cell[2] += fn
    return fp, fn


def evaluate(accounts: Sequence[Account], misses: list[str] | None = None) -> list[dict[str, object]]:
    """Rows per (set, language, who, reading): ``caption`` (each alone), ``account`` (the
    report's cards) and, per account, ``dossier`` (the facts against the account's labels)."""
    score: dict[tuple[str, str, str, str], Cell] = defaultdict(lambda: [0, 0, 0])
    alone = _analyzers()
    for acc in accounts:
        report = audit_account(acc)
        read = cards(report)
        langs: Counter[str] = Counter()
        labelled: dict[str, Counter[str]] = {w: Counter() for w in WHO}
        for i, cap in enumerate(acc.captions):
            langs[cap.lang] += 1
            want = truth(cap)
            single = predict(analyse(cap, alone))
            for who in WHO:
                labelled[who] |= want[who]
                _add(score[(acc.split, cap.lang, who, "caption")], single[who], want[who])
                got = read[f"{acc.id}-{i}"][who]
                fp, fn = _add(score[(acc.split, cap.lang, who, "account")], got, want[who])
                if misses is not None and acc.split in TUNE_ACCOUNTS and (fp or fn):
                    misses.append(
                        f"[{acc.id} {cap.lang} {who}] {cap.text!r}: want {sorted(want[who])} got {sorted(got)}"
                    )
        # the account's language is its most written one
        lang = langs.most_common(1)[0][0]
        facts = report["dossier"]["facts"]
        found = {
            "own": Counter({norm(f["value"]).split(" ")[0]: 1 for f in facts if f["kind"] == "child_name"}),
            "other": Counter(
                {
                    norm(f["value"]).split(" ")[0]: 1
                    for f in facts
                    if f["kind"] == "other_child" and f["child"] is None
                }
            ),
        }
        found["other"] = Counter({k: 1 for k in found["other"] if not k.startswith("other children")})
        labelled["other"] -= labelled["own"]  # a name the author calls ours anywhere is ours
        for who in WHO:
            fp, fn = _add(score[(acc.split, lang, who, "dossier")], found[who], labelled[who])
            if misses is not None and acc.split in TUNE_ACCOUNTS and (fp or fn):
                misses.append(
                    f"[{acc.id} dossier {who}] want {sorted(labelled[who])} got {sorted(found[who])}"
                )
    rows: list[dict[str, object]] = []
    for (split, lang, who, reading), cell in sorted(
        score.items(), key=lambda kv: (kv[0][0], LANGUAGES.index(kv[0][1]), kv[0][2], kv[0][3])
    ):
        rows.append(row(split, lang, who, cell, reading=reading))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", help="also write the table as JSON here")
    ap.add_argument("--show-misses", type=int, default=0, help="print this many misses (tune accounts only)")
    ap.add_argument("--held-out", action="store_true", help="also read the held-out accounts: once a round")
    ap.add_argument("--file", type=Path, help="read only this file of accounts (its misses are not shown)")
    args = ap.parse_args()
    chosen = [s for s in ACCOUNT_SETS if args.held_out or s in TUNE_ACCOUNTS]
    if args.file:
        accounts = read_accounts(args.file, args.file.stem)
    else:
        accounts = [a for s in chosen if ACCOUNT_SETS[s].exists() for a in read_accounts(ACCOUNT_SETS[s], s)]
    misses: list[str] = []
    rows = evaluate(accounts, misses)
    print(f"{len(accounts)} accounts, {sum(len(a.captions) for a in accounts)} captions")
    print(
        f"{'set':<15} {'lang':<4} {'who':<6} {'reading':<8} {'prec':>6} {'recall':>6} {'tp':>4} {'fp':>4} {'fn':>4}"
    )
    for r in rows:
        print(
            f"{r['split']:<15} {r['lang']:<4} {r['category']:<6} {r['reading']:<8} {r['precision']:>6.3f} "
            f"{r['recall']:>6.3f} {r['tp']:>4} {r['fp']:>4} {r['fn']:>4}"
        )
    for line in misses[: args.show_misses]:
        print(line)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
