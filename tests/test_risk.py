from footprint_audit.models import Finding
from footprint_audit.risk import score_post
from tests.fakes import make_post


def f(cat: str, sev: str = "medium") -> Finding:
    return Finding("p", None, "t", cat, sev, 1.0, "x")  # type: ignore[arg-type]


def test_face_plus_location_outweighs_either_alone() -> None:
    post = make_post("p")
    face = score_post(post, [f("child_face", "high")])
    place = score_post(post, [f("gps_exif", "high")])
    both = score_post(post, [f("child_face", "high"), f("gps_exif", "high")])
    assert both.score == face.score + place.score + 25
    assert both.level == "high" and face.level == "medium"


def test_each_category_counts_once_at_its_worst() -> None:
    post = make_post("p")
    many = score_post(post, [f("hashtag", "low")] * 10 + [f("hashtag", "medium")])
    assert many.score == 15 and many.level == "low"


def test_visibility_scales_the_score() -> None:
    findings = [f("child_face", "high"), f("gps_exif", "high")]
    public = score_post(make_post("p", visibility="public"), findings)
    private = score_post(make_post("p", visibility="private"), findings)
    assert private.score == round(public.score * 0.3, 1)
    assert private.level == "low" and public.level == "high"


def test_score_is_capped_at_100() -> None:
    cats = ["child_face", "gps_exif", "child_name", "school", "age_or_birthday", "routine_hint"]
    assert score_post(make_post("p"), [f(c, "high") for c in cats]).score == 100
