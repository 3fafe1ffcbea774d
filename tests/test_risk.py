from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from footprint_audit.findings import AgeValue, FaceValue, LocationValue, NameValue
from footprint_audit.models import CATEGORIES, SEVERITY_RANK, ErrorRecord, Finding, Post
from footprint_audit.risk import assess, regrade, score_post, severity_of
from tests.fakes import make_post


def f(cat: str, sev: str = "medium") -> Finding:
    return Finding("p", None, "t", cat, sev, 1.0, "x")  # type: ignore[arg-type]


def test_face_plus_location_outweighs_either_alone() -> None:
    post = make_post("p")
    near = LocationValue(51.5, -0.1, "gps_exif", precision_m=500.0)  # neighbourhood: medium
    face = score_post(post, [f("other_child_face")])
    place = score_post(post, [Finding("p", 0, "t", "gps_exif", "medium", 1.0, "x", value=near)])
    both = score_post(
        post, [f("other_child_face"), Finding("p", 0, "t", "gps_exif", "medium", 1.0, "x", value=near)]
    )
    assert both.score == 15 + 15 + 25 > max(face.score, place.score)
    assert face.level == place.level == "medium" and both.level == "medium"


def test_each_category_counts_once_at_its_worst() -> None:
    post = make_post("p")
    many = score_post(post, [f("hashtag", "low")] * 10 + [f("hashtag", "low"), f("tagged_user", "low")])
    assert many.score == 10 and many.level == "low"


def test_visibility_scales_the_score() -> None:
    findings = [f("hashtag", "medium"), f("tagged_user", "medium"), f("comment_risk", "medium")]
    public = score_post(make_post("p", visibility="public"), findings)
    private = score_post(make_post("p", visibility="private"), findings)
    assert public.score == 45 and private.score == 30  # 45 x 0.3, raised to its medium floor
    assert public.level == private.level == "medium"


def test_score_is_capped_at_100() -> None:
    cats = ["child_face", "gps_exif", "child_name", "school", "age_or_birthday", "routine_hint"]
    assert score_post(make_post("p"), [f(c, "high") for c in cats]).score == 100


# --- one risk model (issue 9, observation 2) -------------------------------------------------


SEVERITIES = ("low", "medium", "high")
VISIBILITIES = ("public", "followers", "private", "unknown")


@st.composite
def findings(draw: st.DrawFn, post_id: str = "p") -> Finding:
    cat = draw(st.sampled_from(CATEGORIES))
    value: object = None
    if cat in ("gps_exif", "geotag"):
        precision = draw(st.sampled_from([5.0, 50.0, 500.0, 5000.0]))
        value = LocationValue(51.5, -0.1, cat, precision_m=precision)
    elif cat == "child_name":
        value = NameValue(draw(st.sampled_from(["Mia", "Mia Baker"])))
    elif cat == "age_or_birthday":
        value = AgeValue("5", years=5, birthday=draw(st.booleans()))
    return Finding(
        post_id,
        None,
        "t",
        cat,
        draw(st.sampled_from(SEVERITIES)),
        draw(st.floats(0, 1)),
        draw(st.text(max_size=5)),
        value=value,
        child=draw(st.sampled_from([None, "Sam"])),
    )


def _post(vis: str) -> Post:
    return make_post("p", visibility=vis)


@settings(max_examples=300, deadline=None)
@given(st.lists(findings(), max_size=8), st.sampled_from(VISIBILITIES))
def test_post_level_is_never_below_its_most_severe_finding(fs: list[Finding], vis: str) -> None:
    post = _post(vis)
    risk = assess(post, fs)
    for f in regrade([post], fs):
        assert SEVERITY_RANK[risk.level] >= SEVERITY_RANK[f.severity], (risk, f)
    # the score agrees with the level it is shown next to
    assert risk.level == ("high" if risk.score >= 60 else "medium" if risk.score >= 30 else "low")


@settings(max_examples=300, deadline=None)
@given(st.lists(findings(), max_size=8), findings(), st.sampled_from(VISIBILITIES))
def test_adding_a_finding_never_lowers_level_or_score(fs: list[Finding], extra: Finding, vis: str) -> None:
    post = _post(vis)
    before, after = assess(post, fs), assess(post, [*fs, extra])
    assert after.score >= before.score
    assert SEVERITY_RANK[after.level] >= SEVERITY_RANK[before.level]


@settings(max_examples=300, deadline=None)
@given(
    findings(),
    st.sampled_from(SEVERITIES),
    st.text(max_size=8),
    st.floats(0, 1),
    st.sampled_from(VISIBILITIES),
)
def test_equal_evidence_gives_equal_severity(
    f: Finding, other_grade: str, summary: str, conf: float, vis: str
) -> None:
    """Two findings of the same kind with the same evidence, on two posts of the same
    visibility, get the same severity whatever else (post, summary, confidence) differs."""
    twin = replace(f, post_id="q", summary=summary, confidence=conf)
    p, q = make_post("p", visibility=vis), make_post("q", visibility=vis)
    assert severity_of(f, p) == severity_of(twin, q)
    if f.category in ("enrolled_child_face", "child_face", "gps_exif", "geotag", "child_name", "school"):
        # graded by the rule itself: the analyzer's own grade does not matter
        assert severity_of(f, p) == severity_of(replace(f, severity=other_grade), p)  # type: ignore[arg-type]


def test_enrolled_childs_face_alone_makes_a_post_high() -> None:
    """Seen: "[high] Sam's face is recognisable" on a post shown as "low risk 27"."""
    face = Finding(
        "p", 0, "faces", "enrolled_child_face", "high", 0.9, "Sam's face is recognisable", child="Sam"
    )
    risk = assess(make_post("p", visibility="unknown"), [face])
    assert risk.level == "high" and risk.score >= 60


def test_exact_home_gps_alone_makes_a_post_high() -> None:
    """Seen: posts whose files hold the exact home GPS (high) shown as "medium 32"."""
    gps = Finding(
        "p",
        0,
        "location",
        "gps_exif",
        "high",
        0.98,
        "x",
        value=LocationValue(51.556, -0.14, precision_m=10.0),
    )
    risk = assess(make_post("p", visibility="unknown"), [gps])
    assert risk.level == "high"


def test_same_kind_about_the_same_child_is_graded_the_same_on_every_post() -> None:
    """Seen: the same finding kind about the same child medium on one post and high on the next."""
    a = Finding(
        "a",
        0,
        "faces",
        "enrolled_child_face",
        "medium",
        0.9,
        "x",
        value=FaceValue((0, 10, 10, 0), frontal=False),
        child="Sam",
    )
    b = Finding(
        "b",
        0,
        "faces",
        "enrolled_child_face",
        "high",
        0.9,
        "x",
        value=FaceValue((0, 10, 10, 0), frontal=True),
        child="Sam",
    )
    posts = [make_post("a"), make_post("b")]
    assert {f.severity for f in regrade(posts, [a, b])} == {"high"}


def test_a_post_that_could_not_be_fully_analysed_is_never_low() -> None:
    post = make_post("p", visibility="private")
    err = ErrorRecord("p", "faces could not analyse this post (ValueError: bad EXIF).")
    assert assess(post, []).level == "low"
    assert assess(post, [], [err]).level == "medium"
