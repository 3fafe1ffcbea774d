"""The account benchmark reads what the report says, and its parts read what the files hold."""

from __future__ import annotations

from pathlib import Path

from benchmarks.account_quality import Account, audit_account, cards, evaluate, read_accounts
from benchmarks.text_eval.generate import Caption

ACCOUNTS = (
    "# independent_x — a test file\n"
    "# account: a1\n"
    "# family: Mia (2020)\n"
    "en\tMia turns 5 today!\town=Mia; age=5y\t2025-07-03\n"
    "en\tsunset again\t\t2025-07-04\n"
    "\n"
    "# account: a2\n"
    "nl\tDaan en Noor in de tuin\town=Daan,Noor\t2025-02-01\n"
    "nl\tgeen datum\t\tnot a date\n"
)


def test_accounts_are_read_in_order_with_their_dates(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text(ACCOUNTS, encoding="utf-8")
    a1, a2 = read_accounts(path, "x")
    assert (a1.id, a2.id) == ("a1", "a2")
    assert [c.text for c in a1.captions] == ["Mia turns 5 today!", "sunset again"]
    assert a1.captions[0].labels["own"] == ["Mia"] and a1.captions[0].labels["age"] == ["5y"]
    assert [d.date().isoformat() if d else None for d in a1.dates] == ["2025-07-03", "2025-07-04"]
    assert a2.captions[0].lang == "nl" and a2.dates == [a2.dates[0], None]


def _account(*captions: tuple[str, str, dict[str, list[str]]]) -> Account:
    from datetime import UTC, datetime

    acc = Account("t", "t1")
    for i, (text, lang, labels) in enumerate(captions):
        acc.captions.append(Caption(text, lang, "t", labels))
        acc.dates.append(datetime(2025, 5, 1 + i, 12, tzinfo=UTC))
    return acc


def test_the_cards_are_read_from_the_report() -> None:
    # The dossier holds Lily to be a friend (named with Mia's friend, then at swim class "with"
    # her): the report's post card calls her another child even where the caption alone reads
    # her as the family's.
    acc = _account(
        ("my daughter Mia and her best friend", "en", {"own": ["Mia"]}),
        ("Mia (5) and Lily (5) showing off their crafts", "en", {"own": ["Mia"], "other": ["Lily"]}),
        ("swim class with Lily again", "en", {"other": ["Lily"]}),
    )
    read = cards(audit_account(acc))
    assert dict(read["t1-1"]["own"]) == {"mia": 1} and dict(read["t1-1"]["other"]) == {"lily": 1}
    rows = {(r["category"], r["reading"]): (r["tp"], r["fp"], r["fn"]) for r in evaluate([acc])}
    assert rows[("other", "account")] == (2, 0, 0) and rows[("other", "caption")] == (0, 0, 2)
    assert rows[("own", "dossier")] == (1, 0, 0) and rows[("other", "dossier")] == (1, 0, 0)


def test_the_account_files_exist_and_the_tune_accounts_read_better_whole() -> None:
    from benchmarks.account_quality import ACCOUNT_SETS, TUNE_ACCOUNTS

    assert all(path.exists() for path in ACCOUNT_SETS.values())
    accounts = [a for s in TUNE_ACCOUNTS for a in read_accounts(ACCOUNT_SETS[s], s)]
    assert len(accounts) >= 2 and sum(len(a.captions) for a in accounts) >= 30
    rows = {(r["lang"], r["category"], r["reading"]): r for r in evaluate(accounts)}
    # measured 2026-11-24 (the rules' own accounts: a floor, not a figure to quote)
    assert (
        rows[("nl", "own", "account")]["recall"] >= 0.88
        and rows[("nl", "own", "account")]["precision"] >= 1.0
    )
    assert (
        rows[("nl", "other", "account")]["precision"] >= 1.0
        and rows[("nl", "other", "account")]["recall"] >= 1.0
    )
    assert rows[("en", "own", "account")]["recall"] >= 1.0 and rows[("en", "own", "dossier")]["recall"] >= 1.0
