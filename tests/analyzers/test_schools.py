from __future__ import annotations

from analyzers.schools import SchoolsAnalyzer
from tests.analyzers.textkit import run_captions


def test_named_schools_in_many_spellings() -> None:
    out = run_captions(
        SchoolsAnalyzer(),
        "first day at oakfield primary!!",
        "Nativity at St Mary's Primary School",
        "#oakfieldprimary harvest festival",
        "Little Acorns Nursery graduation",
        "Eerste schooldag op basisschool De Regenboog",
        "さくら保育園の運動会",
    )
    assert [[f.value.text for f in found] for found in out] == [
        ["Oakfield Primary"],
        ["St Mary's Primary School"],
        ["Oakfield Primary"],
        ["Little Acorns Nursery"],
        ["Basisschool De Regenboog"],
        ["さくら保育園"],
    ]
    assert all(found[0].severity == "high" for found in out)
    assert out[2][0].evidence["text"] == "#oakfieldprimary"


def test_generic_words_are_not_schools() -> None:
    out = run_captions(
        SchoolsAnalyzer(), "After nursery treat", "Sophie's nursery graduation", "new school shoes"
    )
    assert out == [[], [], []]


def test_bare_keyword_in_other_languages_is_reported_lower() -> None:
    (found,) = run_captions(SchoolsAnalyzer(), "Lekker naar het kinderdagverblijf vanochtend")
    assert [(f.value.text, f.severity) for f in found] == [("Kinderdagverblijf", "medium")]


def test_whole_names_of_faith_welsh_and_dutch_schools() -> None:
    out = run_captions(
        SchoolsAnalyzer(),
        "First day at Our Lady of Lourdes Catholic Primary School 🎒",
        "Nia got the Headteacher's award at Ysgol Y Graig today",
        "Eerste schooldag van OBS De Vlinderboom 🦋",
        "Eerste dag op Montessorischool De Kleine Wereld voor Bente",
    )
    assert [[f.value.text for f in found] for found in out] == [
        ["Our Lady of Lourdes Catholic Primary School"],
        ["Ysgol Y Graig"],
        ["OBS De Vlinderboom"],
        ["Montessorischool De Kleine Wereld"],
    ]


def test_more_kinds_of_school() -> None:
    out = run_captions(
        SchoolsAnalyzer(),
        "Sports day at Little Stars Playgroup",
        "first day at Oakwood Pre-School",
        "Kerstviering op school De Eik vandaag",
        "ひかり学園の運動会",
        "Back to school tomorrow",
    )
    assert [[f.value.text.lower() for f in found] for found in out] == [
        ["little stars playgroup"],
        ["oakwood pre-school"],
        ["school de eik"],
        ["ひかり学園"],
        [],
    ]


def test_each_text_is_read_for_schools_once(monkeypatch) -> None:
    """The names and places analyzers block school names, the schools analyzer reports them: all
    three read one result per text, kept with the text."""
    import analyzers.schools as schools
    from analyzers.names import NamesAnalyzer
    from analyzers.places import PlacesAnalyzer
    from footprint_audit.context import AuditOptions, PostContext, RunContext
    from footprint_audit.models import Post

    caption = "Mia's nativity at St Mary's Primary School in Leeds"
    read: list[str] = []
    real = schools._find_schools
    monkeypatch.setattr(schools, "_find_schools", lambda td: read.append(td.analysed) or real(td))
    post = Post(id="p0", source="test", caption=caption)
    run = RunContext(AuditOptions())
    analyzers = [NamesAnalyzer(), PlacesAnalyzer(), SchoolsAnalyzer()]
    for analyzer in analyzers:
        analyzer.load([post], run)
    found = {f.value.text for a in analyzers for f in a.analyze(post, PostContext(post, run))}
    assert read == [caption]
    assert {"Mia", "St Mary's Primary School", "Leeds"} <= found
