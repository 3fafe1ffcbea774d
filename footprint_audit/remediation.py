"""What to change, per post: one plain instruction per kind of finding.

Shared by the report's fix list and (later) the pre-post check, so the advice a parent reads
is the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import SEVERITY_RANK, Finding, Post

#: Advice per finding category, in the order a parent should act on it.
ADVICE: dict[str, str] = {
    "gps_exif": "Remove the location data from the photo file before posting (`footprint-audit fix` does this).",
    "geotag": "Remove the location tag from the post.",
    "enrolled_child_face": "Crop, cover or blur your child's face, or share this photo privately.",
    "child_face": "Crop, cover or blur the child's face, or share this photo privately.",
    "other_child_face": "Another family's child is visible: blur their face or ask their parents first.",
    "child_name": "Edit the caption to leave out your child's name (a nickname or an initial is safer).",
    "school": "Leave out the name of the school or nursery.",
    "uniform": "Crop the photo below the shoulders, or cover the school badge and uniform, before posting.",
    "age_or_birthday": "Avoid giving an exact age or birthday; together with the post date it gives the date of birth.",
    "routine_hint": "Post about regular activities afterwards, without the day and time they repeat.",
    "sensitive_image": "Take down bath, nappy or swimwear photos; they are the images most often misused.",
    "text_in_image": "Crop or blur readable signs, name tags and house numbers in the photo.",
    "place_mention": "Leave out named places close to home, school or regular activities.",
    "hashtag": "Remove hashtags that help strangers find photos of children.",
    "tagged_user": "Untag other people (especially other children's parents) or ask them first.",
    "person_name": "Leave out other people's full names.",
    "comment_risk": "Delete comments from people you do not know and restrict who can comment.",
    "device_metadata": "Remove camera and phone details from the file (`footprint-audit fix` does this).",
    "face": "Consider whether everyone shown agreed to be posted.",
}
ORDER = list(ADVICE)


def fixes_for(post: Post, findings: Iterable[Finding]) -> list[str]:
    """The fix list for one post, most important first, each instruction once."""
    worst: dict[str, int] = {}
    for f in findings:
        worst[f.category] = max(worst.get(f.category, 0), SEVERITY_RANK[f.severity])
    cats = sorted(worst, key=lambda c: (-worst[c], ORDER.index(c) if c in ORDER else len(ORDER)))
    out = [ADVICE[c] for c in cats if c in ADVICE]
    if out and post.visibility == "public":
        out.append(
            "This post is public: consider making the account private or limiting this post's audience."
        )
    return out
