from __future__ import annotations

import pytest

from footprint_audit import nlp
from footprint_audit.context import RunContext
from footprint_audit.engines import text as text_engine
from footprint_audit.errors import ConfigError
from footprint_audit.models import Comment, Media, Post


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        ("MiaTurns5", "Mia turns 5"),
        ("emmasfirstday", "Emma's first day"),
        ("oakfieldprimary", "Oakfield Primary"),
        ("FirstDayOfSchool", "first day of school"),
        ("保育園", "保育園"),
    ],
)
def test_split_hashtag(tag: str, words: str) -> None:
    assert nlp.split_hashtag(tag) == words


def test_offsets_map_back_to_the_posted_text() -> None:
    text = "Party time #MiaTurns5 at home"
    analysed, segments = nlp.expand(text)
    assert analysed == "Party time Mia turns 5 at home"
    td = nlp.TextDoc("p", "caption", text, analysed, segments, "latin")
    s = analysed.index("Mia")
    assert td.evidence(s, s + 3)["text"] == "#MiaTurns5"
    s = analysed.index("home")
    assert td.evidence(s, s + 4) == {"field": "caption", "start": 25, "end": 29, "text": "home"}
    # the hashtag's span in the analysed text, and nothing else
    assert td.hashtag_spans() == [(analysed.index("Mia"), analysed.index(" at home"))]


def test_scripts() -> None:
    assert nlp.script_of("今日から娘は幼稚園に入園しました") == "cjk"
    assert nlp.script_of("Hana's first day at さくら保育園") == "latin"
    assert nlp.script_of("mijn dochter is vandaag jarig") == "nl"
    assert nlp.script_of("Volgende dinsdag gaan we naar Tilburg!") == "nl"  # short: verbs and weekdays
    assert nlp.script_of("Mia had so much fun at the park") == "latin"
    assert nlp.script_of("my daughter is 5 today") == "latin"


def test_one_pass_over_captions_alt_texts_and_comments() -> None:
    post = Post(
        id="p1",
        source="t",
        caption="Swim day",
        media=(Media(path="x.jpg", alt_text="Mia at the pool"),),
        comments=(Comment(author="nan", text="Happy birthday Mia!"),),
    )
    jp = Post(id="p2", source="t", caption="今日から娘は幼稚園に入園しました")
    run = RunContext()
    store = nlp.ensure_docs([post, jp], run)
    assert [td.field for td in store["p1"]] == ["caption", "alt:0", "comment:0"]
    assert store["p1"][1].doc is not None
    # text the English model cannot read is reported, not passed over silently
    assert any("p2" in n and "cannot read" in n and "word lists and phrase rules" in n for n in run.notes)


def test_no_model_is_a_clear_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_engine, "MODEL_NAMES", ("no_such_model_xyz",))
    monkeypatch.setattr(text_engine, "_PIPELINE", None)
    with pytest.raises(ConfigError, match="No English spaCy model"):
        text_engine.get_nlp(RunContext())


def test_two_process_entities_match_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        "dinner with Sarah Jones in London",
        "Beach day in Brighton with Tom",
        "Swim class at Kentish Town Sports Centre",
        "Paris trip with Emma and Leo",
    ]
    items = [("p", "caption", t) for t in texts]
    model = text_engine.pipeline()
    one = nlp.analyse_texts(items, model, n_process=1)
    monkeypatch.setattr(nlp, "_PARALLEL_MIN", 2)
    two = nlp.analyse_texts(items, model, n_process=2)
    assert [td.ents() for td in two] == [td.ents() for td in one]
    assert any(label == "PERSON" for td in two[2:] for label, *_ in td.ents())


def test_a_silent_worker_falls_back_to_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def silent(conn: object, texts: list[str]) -> None:
        conn.close()  # type: ignore[attr-defined]

    items = [
        ("p", "caption", t) for t in ("dinner with Sarah Jones", "tea with Tom Smith", "Paris with Emma")
    ]
    model = text_engine.pipeline()
    monkeypatch.setattr(nlp, "_PARALLEL_MIN", 2)
    monkeypatch.setattr(text_engine, "_ner_worker", silent)
    got = nlp.analyse_texts(items, model, n_process=2)
    assert [td.ents() for td in got] == [td.ents() for td in nlp.analyse_texts(items, model, n_process=1)]
    assert all(td.ents("PERSON") for td in got[:2])
