"""The fix plan: one numbered list of actions for the whole account, ordered by how much of the
dossier each action takes away from a stranger.

An action is one kind of change (remove the location from photo files, edit captions to drop the
school's name, delete some posts ...) applied to a set of posts. Each fact of the dossier rests
on its evidence posts; a post stops supporting a fact when it is deleted, or when every finding
on it that can carry that fact is removed. An action removes a fact when, after it (and the
actions before it), no evidence post supports the fact any more. Actions are picked greedily:
most facts removed first, then the most risk removed. Actions that remove no whole fact still
come, after, by risk: they make each post safer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .models import SEVERITY_RANK, AuditResult, Fact, Finding

#: The finding categories through which a post can give away a fact of each kind. A post that
#: is evidence for a fact but has none of these findings only stops counting when it goes.
FACT_CHANNELS: dict[str, frozenset[str]] = {
    "home_area": frozenset({"gps_exif", "geotag"}),
    "frequent_place": frozenset({"gps_exif", "geotag", "place_mention"}),
    "routine": frozenset({"routine_hint", "gps_exif", "geotag", "place_mention"}),
    "school": frozenset({"school", "text_in_image", "uniform", "geotag", "place_mention", "hashtag"}),
    "child_name": frozenset({"child_name", "hashtag", "text_in_image", "person_name"}),
    "birthday": frozenset({"age_or_birthday"}),
    "age": frozenset({"age_or_birthday"}),
    "other_child": frozenset({"child_name", "person_name", "tagged_user", "other_child_face"}),
    "appearance": frozenset({"enrolled_child_face", "child_face"}),
}
# The uniform fact rests on the photos showing it and, joined to the school, on the posts that
# give the school away: the same channels as the school fact.
FACT_CHANNELS["uniform"] = FACT_CHANNELS["school"]


@dataclass(frozen=True)
class ActionKind:
    """One kind of change a parent can make; ``deletes`` means the posts go altogether."""

    key: str
    categories: frozenset[str]
    #: The instruction with {n} posts/photos, e.g. "Remove the location from {n} photo files".
    text: str
    how: str
    deletes: bool = False


ACTION_KINDS: tuple[ActionKind, ...] = (
    ActionKind(
        "delete",
        frozenset({"sensitive_image"}),
        "Delete or archive {these}",
        "Bath, nappy and swimwear photos are the images most often misused: take them down.",
        deletes=True,
    ),
    ActionKind(
        "gps",
        frozenset({"gps_exif", "device_metadata"}),
        "Remove the hidden location and camera details from {these}",
        "Re-post a copy without them: the command “footprint-audit fix PHOTO” writes one.",
    ),
    ActionKind("geotag", frozenset({"geotag"}), "Remove the location tag from {these}", "Edit the post."),
    ActionKind(
        "school",
        frozenset({"school", "uniform"}),
        "Leave the school's name and uniform out of {these}",
        "Edit the caption; crop the photo below the shoulders, or cover the badge and uniform.",
    ),
    ActionKind(
        "name",
        frozenset({"child_name", "person_name"}),
        "Leave the children's names out of {these}",
        "Edit the caption or bio; a nickname or an initial is safer.",
    ),
    ActionKind(
        "birthday",
        frozenset({"age_or_birthday"}),
        "Leave the exact age and birthday out of {these}",
        "With the post's date an age gives the date of birth.",
    ),
    ActionKind(
        "routine",
        frozenset({"routine_hint"}),
        "Leave the day and time of regular activities out of {these}",
        "Post about them afterwards, without the day they repeat.",
    ),
    ActionKind(
        "place",
        frozenset({"place_mention"}),
        "Leave named places near home and school out of {these}",
        "Edit the caption.",
    ),
    ActionKind(
        "text",
        frozenset({"text_in_image"}),
        "Crop or blur readable signs and name tags in {these}",
        "Signs, name tags and house numbers can be read in the photo.",
    ),
    ActionKind(
        "faces",
        frozenset({"enrolled_child_face", "child_face", "other_child_face"}),
        "Blur or cover the children's faces in {these}",
        "Face recognition links a face across posts; “footprint-audit fix” covers faces.",
    ),
    ActionKind(
        "hashtag", frozenset({"hashtag"}), "Remove identifying hashtags from {these}", "Edit the caption."
    ),
    ActionKind(
        "tags",
        frozenset({"tagged_user"}),
        "Untag other people in {these}",
        "Tagged accounts lead to family and friends; ask them first.",
    ),
    ActionKind(
        "comments",
        frozenset({"comment_risk"}),
        "Delete worrying comments under {these}",
        "Then limit who can comment.",
    ),
)


LAST_RESORT = ActionKind(
    "delete-rest",
    frozenset(),
    "Delete or archive {these}",
    "Nothing in them can be edited out to hide what they give away.",
    deletes=True,
)


@dataclass
class Action:
    """One step of the plan."""

    kind: ActionKind
    post_ids: list[str]
    facts_removed: list[Fact] = field(default_factory=list)
    risk_removed: int = 0

    @property
    def text(self) -> str:
        n = len(self.post_ids)
        photos = self.kind.key in ("gps", "text", "faces")
        noun = ("photo" if photos else "post") + ("" if n == 1 else "s")
        return self.kind.text.format(these=f"{'this' if n == 1 else 'these'} {n} {noun}".replace(" 1 ", " "))


def _fact_label(fact: Fact) -> str:
    """Short name of a fact for the plan's sentence ("the school", "the Tuesday routine")."""
    if fact.kind == "routine":
        if not fact.weekday:
            return "a routine"
        hour = int((fact.time_of_day or "12")[:2]) if (fact.time_of_day or "")[:2].isdigit() else 12
        part = "morning" if hour < 12 else "afternoon" if hour < 17 else "evening"
        return f"the {fact.weekday} {part} routine"
    if fact.kind == "child_name":
        return f"{fact.child or fact.value}'s name"
    if fact.kind == "other_child":
        return "another child's name"
    if fact.kind == "frequent_place":
        return "a place often visited"
    return {
        "home_area": "the home area",
        "school": "the school",
        "birthday": "the birthday",
        "age": "the age",
        "appearance": "what the child looks like",
        "uniform": "the school uniform",
    }.get(fact.kind, fact.kind.replace("_", " "))


#: Which facts a parent hears about first in the plan's sentence.
IMPORTANCE = (
    "home_area",
    "school",
    "uniform",
    "routine",
    "birthday",
    "appearance",
    "child_name",
    "age",
    "other_child",
)


def fact_labels(facts: Iterable[Fact]) -> list[str]:
    """Labels, most telling first, each once; repeated ones counted ("3 places often visited")."""
    counts: dict[str, int] = {}
    rank = {k: i for i, k in enumerate(IMPORTANCE)}
    for fact in sorted(facts, key=lambda f: rank.get(f.kind, len(rank))):
        label = _fact_label(fact)
        counts[label] = counts.get(label, 0) + 1
    out = []
    for label, n in counts.items():
        if n > 1 and label.startswith("a place"):
            out.append(f"{n} places often visited")
        elif n > 1 and label.startswith("a routine"):
            out.append(f"{n} routines")
        else:
            out.append(label)
    return out


def join_words(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _supported(
    fact: Fact, current: Mapping[str, set[str]], original: Mapping[str, set[str]], deleted: set[str]
) -> bool:
    """Whether some evidence post still gives the fact away."""
    channels = FACT_CHANNELS.get(fact.kind, frozenset())
    for pid in fact.evidence_post_ids:
        if pid in deleted:
            continue
        # A post with no finding that can carry the fact gives it away until it is deleted.
        if not original.get(pid, set()) & channels or current.get(pid, set()) & channels:
            return True
    return False


def build_plan(result: AuditResult) -> list[Action]:
    """The plan, in order. Pure: the same result gives the same plan."""
    original: dict[str, set[str]] = {}
    weight: dict[tuple[str, str], int] = {}
    for f in result.findings:
        original.setdefault(f.post_id, set()).add(f.category)
        key = (f.post_id, f.category)
        weight[key] = max(weight.get(key, 0), SEVERITY_RANK[f.severity])
    return _greedy(result.facts, result.findings, original, weight)


def _greedy(
    facts: Sequence[Fact],
    findings: Sequence[Finding],
    original: dict[str, set[str]],
    weight: Mapping[tuple[str, str], int],
) -> list[Action]:
    order = list(dict.fromkeys(f.post_id for f in findings))
    current = {pid: set(cats) for pid, cats in original.items()}
    deleted: set[str] = set()
    alive = [f for f in facts if _supported(f, current, original, deleted)]
    candidates = {
        k.key: [pid for pid in order if k.categories & original.get(pid, set())] for k in ACTION_KINDS
    }
    kinds = {k.key: k for k in ACTION_KINDS}
    plan: list[Action] = []
    while True:
        best: tuple[int, int, int, int] | None = None
        best_action: Action | None = None
        for i, kind in enumerate(ACTION_KINDS):
            posts = [p for p in candidates[kind.key] if p not in deleted]
            if not posts or any(a.kind.key == kind.key for a in plan):
                continue
            after = {pid: set(c) for pid, c in current.items()}
            gone = set(deleted)
            risk = 0
            for pid in posts:
                removed = after[pid] if kind.deletes else (after[pid] & kind.categories)
                risk += sum(weight.get((pid, c), 0) for c in removed)
                if kind.deletes:
                    gone.add(pid)
                    after[pid] = set()
                else:
                    after[pid] -= kind.categories
            removed_facts = [f for f in alive if not _supported(f, after, original, gone)]
            # Equal facts removed: an edit before a deletion, then the most risk removed.
            score = (len(removed_facts), 0 if kind.deletes else 1, risk, -i)
            if risk and (best is None or score > best):
                best, best_action = score, Action(kinds[kind.key], posts, removed_facts, risk)
        if best_action is None:
            break
        plan.append(best_action)
        for pid in best_action.post_ids:
            if best_action.kind.deletes:
                deleted.add(pid)
                current[pid] = set()
            else:
                current[pid] -= best_action.kind.categories
        alive = [f for f in alive if f not in best_action.facts_removed]
    if alive:
        # What no edit can hide (a fact resting on a post with no finding that carries it, such
        # as a profile record): the last step takes those posts down.
        posts = [
            pid
            for pid in dict.fromkeys(p for f in alive for p in f.evidence_post_ids)
            if pid not in deleted and not (original.get(pid, set()) & _channels_of(alive, pid))
        ]
        if posts:
            plan.append(Action(LAST_RESORT, posts, list(alive), 0))
    return plan


def _channels_of(facts: Sequence[Fact], pid: str) -> frozenset[str]:
    out: frozenset[str] = frozenset()
    for f in facts:
        if pid in f.evidence_post_ids:
            out |= FACT_CHANNELS.get(f.kind, frozenset())
    return out


def plan_dict(plan: Sequence[Action], facts: Sequence[Fact]) -> dict[str, object]:
    """The plan for report.json and the template: steps and the sentence that sums them up."""
    index = {id(f): i for i, f in enumerate(facts)}
    removed = [f for a in plan for f in a.facts_removed]
    # The steps up to the last one that takes a fact away: fact-removing steps come first, but a
    # fact can also go with a later step that removes the last of its evidence.
    n = max((i + 1 for i, a in enumerate(plan) if a.facts_removed), default=0)
    if n:
        change = "This change removes" if n == 1 else f"These {n} changes remove"
        labels = fact_labels(removed)
        if len(removed) == len(facts) and len(facts) > 1:
            headline = (
                f"{change} all {len(facts)} things a stranger can learn, among them {join_words(labels[:3])}."
            )
        else:
            if len(labels) > 4:
                rest = len(removed) - sum(1 for f in removed if _fact_label(f) in labels[:3])
                labels = [*labels[:3], f"{rest} other thing{'' if rest == 1 else 's'}"]
            headline = f"{change} {join_words(labels)} from what a stranger can learn."
    elif plan:
        headline = "These changes make each post safer."
    else:
        headline = "Nothing to change."
    return {
        "headline": headline,
        "facts_removed": len(removed),
        "first_steps": n,
        "steps": [
            {
                "number": i + 1,
                "action": a.kind.key,
                "text": a.text,
                "how": a.kind.how,
                "posts": list(a.post_ids),
                "removes": [s for s in (f.sentence for f in a.facts_removed) if s],
                "removes_labels": fact_labels(a.facts_removed),
                "removes_facts": [index[id(f)] for f in a.facts_removed if id(f) in index],
                "risk_removed": a.risk_removed,
            }
            for i, a in enumerate(plan)
        ],
    }
