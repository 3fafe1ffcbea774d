"""One analysis pass over every text of every post, shared by the text analyzers.

Each text (caption, alt text, comment) becomes a :class:`TextDoc`: hashtags split into words,
the script it is written in, the spaCy tokens and entities (footprint_audit.engines.text)
and the rule layer's labelled spans (footprint_audit.text_rules). The first text analyzer's
``load`` analyses every post in one batch; the others find it done.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from . import lexicon
from .analyzer import Analyzer
from .context import PostContext, RunContext
from .engines import text as text_engine
from .models import Post
from .text_rules import (
    CHILD_WORDS_RE,
    CJK_RE,
    LETTER_RE,
    RULE_HINT,
    SCHOOL_RE_OTHER,
    SCHOOL_WORDS,
    matcher_for,
)

log = logging.getLogger(__name__)

# --- hashtags ---------------------------------------------------------------------------

#: Words a hashtag is split into ("#emmasfirstday" -> "emma's first day"); anything between
#: them is taken as a name. Small on purpose: it only needs the words parents tag with.
HASHTAG_WORDS = frozenset(
    """
    a an and at the of in on to for with my our is are was be it its so me we us
    first second third last new big little baby day days week weekend year years month months old
    happy birthday bday turns turned turn turning party cake today tonight morning night
    school primary nursery academy kindergarten preschool class lesson lessons club team
    swim swimming ballet dance football soccer gym gymnastics karate judo rugby tennis music piano
    sports sport back term holiday holidays summer winter spring autumn christmas easter half
    family love life mum mom dad mama papa sister brother son daughter girl boy girls boys kids kid
    proud blessed mummy daddy baby toddler twins reception nursery grad graduation uniform
    run park beach zoo trip fun time home every after before friday monday tuesday wednesday
    thursday saturday sunday sibling siblings mini me bestie besties best friend friends growing up
    one two three four five six seven eight nine ten eleven twelve milestone milestones
    """.split()
)
_HASHTAG_RE = re.compile(r"#([^\s#.,!?;:()\[\]{}\"'“”]+)")
_CAMEL_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+(?:st|nd|rd|th)?|[^\W\d_a-zA-Z]+")


def _segment(word: str) -> list[str]:
    """Split an all-lower-case run into known words, leaving unknown stretches as names."""
    n = len(word)
    none: list[str] = []
    best: list[tuple[float, list[str]]] = [(0.0, none)] + [(float("inf"), none)] * n
    for i in range(1, n + 1):
        for j in range(max(0, i - 20), i):
            piece = word[j:i]
            if piece in HASHTAG_WORDS:
                cost = 1.0 if len(piece) > 2 else 2.0
            else:
                cost = 3.0 + 0.5 * len(piece)
            total = best[j][0] + cost
            if total < best[i][0]:
                prev = best[j][1]
                # two unknown stretches side by side are one unknown stretch
                if prev and piece not in HASHTAG_WORDS and prev[-1] not in HASHTAG_WORDS:
                    continue
                best[i] = (total, prev + [piece])
    return best[n][1] or [word]


def split_hashtag(tag: str) -> str:
    """'MiaTurns5' -> 'Mia turns 5'; 'emmasfirstday' -> "Emma's first day"."""
    if CJK_RE.search(tag):
        return tag
    out: list[str] = []
    for part in _CAMEL_RE.findall(tag):
        if part.isdigit() or part[:1].isdigit():
            out.append(part)
            continue
        low = part.lower()
        pieces = [low] if low in HASHTAG_WORDS else _segment(low)
        for k, piece in enumerate(pieces):
            if piece in HASHTAG_WORDS:
                after_name = bool(out) and out[-1][:1].isupper() and out[-1] not in ("I",)
                # "#oakfieldprimary" -> "Oakfield Primary", so it reads as a school's name
                out.append(piece.capitalize() if after_name and piece in SCHOOL_WORDS else piece)
                continue
            following = pieces[k + 1] if k + 1 < len(pieces) else None
            if piece.endswith("s") and len(piece) > 3 and following in HASHTAG_WORDS:
                out.append(piece[:-1].capitalize() + "'s")
            else:
                out.append(piece.capitalize())
    return " ".join(out)


# --- analysed texts ---------------------------------------------------------------------


@dataclass(frozen=True)
class RuleSpan:
    label: str
    start: int  # in the analysed text
    end: int
    text: str


@dataclass
class TextDoc:
    """One text of one post, as analysed: hashtags spelled out, offsets mapped back."""

    post_id: str
    field: str
    text: str
    analysed: str
    #: (analysed_start, analysed_end, original_start, original_end, is_expansion)
    segments: list[tuple[int, int, int, int, bool]]
    script: str  # "latin" (English), "nl" (Dutch) or "cjk"
    doc: Any = None
    rules: list[RuleSpan] = dc_field(default_factory=list)
    #: Per-text results other modules compute once (e.g. linked child names).
    cache: dict[str, Any] = dc_field(default_factory=dict)

    def hashtag_spans(self) -> list[tuple[int, int]]:
        """(start, end) in the analysed text of every hashtag, as spelled out ("#Albie4" -> "Albie 4")."""
        return [(a_s, a_e) for a_s, a_e, _o_s, _o_e, expanded in self.segments if expanded]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the analysed text back to the text as posted.

        A span inside a spelled-out hashtag maps to the whole hashtag.
        """
        return self._map(start, True), self._map(end, False)

    def _map(self, pos: int, is_start: bool) -> int:
        for a_s, a_e, o_s, o_e, exp in self.segments:
            if a_s <= pos < a_e or (not is_start and a_s < pos <= a_e):
                if exp:
                    return o_s if is_start else o_e
                return o_s + (pos - a_s)
        return len(self.text) if pos >= len(self.analysed) else 0

    def evidence(self, start: int, end: int, **extra: Any) -> dict[str, Any]:
        o_s, o_e = self.to_original(start, end)
        return {"field": self.field, "start": o_s, "end": o_e, "text": self.text[o_s:o_e], **extra}

    def ents(self, *labels: str) -> list[tuple[str, int, int, str]]:
        """Statistical entities as (label, start, end, text) in the analysed text."""
        if self.doc is None:
            return []
        return [
            (e.label_, e.start_char, e.end_char, e.text)
            for e in self.doc.ents
            if not labels or e.label_ in labels
        ]

    def spans(self, label: str) -> list[RuleSpan]:
        return [r for r in self.rules if r.label == label]


_DUTCH = frozenset(
    "de het een en van ik je jij we wij mijn onze ons met naar op niet is zijn was vandaag lekker "
    "weer nog ook maar voor bij dag jaar heel wat dit deze die er al alweer "
    # short captions: verbs, time words and the weekdays, so "Volgende dinsdag gaan we naar X" is Dutch
    "gaan gaat ga gingen ging komt kwam heeft hebben wordt werd vindt vond mag kan wil "
    "geweest gedaan samen elke iedere elk ieder altijd nooit volgende afgelopen vorige morgen gisteren "
    "vanochtend vanmiddag vanavond straks allemaal fijne fijn uur naar uit mee toch echt zo nu "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag weekendje doordeweeks".split()
)
_ENGLISH = frozenset(
    "the a an and of i you we my our with to on not is are was today so again for at day year very "
    "what this these that there all".split()
)


def script_of(text: str) -> str:
    """'latin' (English), 'nl' (Dutch) or 'cjk': which the English model can read is 'latin'."""
    letters = LETTER_RE.findall(text)
    if not letters:
        return "latin"
    cjk = sum(1 for ch in letters if CJK_RE.match(ch))
    # The English model is meaningless on text that is mostly Japanese/Chinese/Korean.
    if cjk / len(letters) > 0.3:
        return "cjk"
    words = re.findall(r"[a-z]+", text.lower())
    dutch = sum(1 for w in words if w in _DUTCH and w not in _ENGLISH)
    english = sum(1 for w in words if w in _ENGLISH and w not in _DUTCH)
    return "nl" if dutch >= 2 and dutch > english else "latin"


def expand(text: str) -> tuple[str, list[tuple[int, int, int, int, bool]]]:
    """The text with hashtags spelled out, and the segment map back to the original."""
    text_n = unicodedata.normalize("NFKC", text)
    if len(text_n) != len(text):
        text_n = text  # keep offsets exact when normalisation would change the length
    out: list[str] = []
    segments: list[tuple[int, int, int, int, bool]] = []
    pos = 0
    a_pos = 0
    for m in _HASHTAG_RE.finditer(text_n):
        if m.start() > pos:
            chunk = text_n[pos : m.start()]
            out.append(chunk)
            segments.append((a_pos, a_pos + len(chunk), pos, m.start(), False))
            a_pos += len(chunk)
        words = split_hashtag(m.group(1))
        out.append(words)
        segments.append((a_pos, a_pos + len(words), m.start(), m.end(), True))
        a_pos += len(words)
        pos = m.end()
    if pos < len(text_n):
        chunk = text_n[pos:]
        out.append(chunk)
        segments.append((a_pos, a_pos + len(chunk), pos, len(text_n), False))
    return "".join(out), segments


def post_texts(post: Post) -> list[tuple[str, str]]:
    """(field, text) of every text on the post, the same list analyzers cite."""
    return PostContext(post, _NO_RUN).texts()


_NO_RUN = RunContext()

#: Below this many texts a second process costs more than it saves.
_PARALLEL_MIN = 1000


def analyse_texts(
    items: Sequence[tuple[str, str, str]],
    nlp: Any,
    n_process: int = 1,
    batch_size: int = 512,
    explainers: Sequence[Explainer] = (),
) -> list[TextDoc]:
    """Analyse (post_id, field, text) items in one batched pass."""
    prepared: list[TextDoc] = []
    for post_id, fld, text in items:
        analysed, segments = expand(text)
        prepared.append(TextDoc(post_id, fld, text, analysed, segments, script_of(analysed)))
    matcher = matcher_for(nlp)
    for td, doc in zip(
        prepared, nlp.tokenizer.pipe((td.analysed for td in prepared), batch_size=1000), strict=True
    ):
        td.doc = doc
        td.rules = _rule_spans(td, matcher)
    # The entity recognizer is by far the slowest step, so it only runs where it can find
    # something the rules did not: English text with a capitalised word that is not a common
    # word and not inside a school or venue name the rules already found.
    need_ner = [td for td in prepared if td.script == "latin" and _needs_ner(td, explainers)]
    if n_process > 1 and len(need_ner) >= _PARALLEL_MIN and text_engine.is_process_pipeline(nlp):
        try:
            text_engine.ner_two_processes(need_ner, nlp, batch_size)
            return prepared
        except (OSError, RuntimeError, ValueError) as exc:  # no fork here, or a worker died
            log.debug("parallel entity recognition failed, doing it in one process: %s", exc)
    if need_ner:
        for td, doc in zip(
            need_ner, nlp.pipe((td.doc for td in need_ner), batch_size=batch_size), strict=True
        ):
            td.doc = doc
    return prepared


_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


#: A function returning spans of a text the rules already explain (a child's name tied to an
#: age, say). A text whose capitalised words are all explained skips the entity recognizer.
Explainer = Callable[["TextDoc"], list[tuple[int, int]]]


def _needs_ner(td: TextDoc, explainers: Sequence[Explainer] = ()) -> bool:
    covered = [(r.start, r.end) for r in td.rules if r.label in ("SCHOOL", "VENUE")]
    for explain in explainers:
        covered.extend(explain(td))
    for tok in td.doc:
        if not (tok.is_title or tok.is_upper) or len(tok) < 2 or tok.is_stop:
            continue
        low = tok.lower_
        if low in HASHTAG_WORDS or low in _MONTHS or low in _COMMON_TITLE:
            continue
        if any(a <= tok.idx < b for a, b in covered):
            continue
        return True
    return False


#: Capitalised words that start captions and are never names or places.
_COMMON_TITLE = frozenset(
    "proud lazy beach lovely amazing best so much thank thanks can cant can't cannot where what when "
    "why how who omg lol xx xxx rainy sunny snow nativity sports swim swimming".split()
)


def _rule_spans(td: TextDoc, matcher: Any) -> list[RuleSpan]:
    out: list[RuleSpan] = []
    doc = td.doc
    if doc is not None and td.script != "cjk" and RULE_HINT.search(td.analysed):
        matches = matcher(doc)
        # longest match per label wins where they overlap
        matches.sort(key=lambda m: (m[1], -(m[2] - m[1])))
        taken: dict[str, list[tuple[int, int]]] = {}
        for match_id, s, e in matches:
            label = doc.vocab.strings[match_id]
            span = doc[s:e]
            if span[0].lower_ in ("at", "@", "from", "to", "into"):
                span = doc[s + 1 : e]
            if any(a < span.end_char and span.start_char < b for a, b in taken.get(label, [])):
                continue
            taken.setdefault(label, []).append((span.start_char, span.end_char))
            out.append(RuleSpan(label, span.start_char, span.end_char, span.text))
    for m in SCHOOL_RE_OTHER.finditer(td.analysed):
        if not any(r.start < m.end() and m.start() < r.end for r in out if r.label == "SCHOOL"):
            out.append(RuleSpan("SCHOOL", m.start(), m.end(), m.group(0).strip()))
    for start, end in lexicon.school_spans(td.analysed):
        # whole names ("St Mary's C of E Primary School") replace the fragments found above
        out = [r for r in out if not (r.label == "SCHOOL" and r.start < end and start < r.end)]
        out.append(RuleSpan("SCHOOL", start, end, td.analysed[start:end]))
    for m in CHILD_WORDS_RE.finditer(td.analysed):
        out.append(RuleSpan("CHILD_REL", m.start(), m.end(), m.group(0)))
    return out


_MEMO_KEY = "nlp.docs"


def ensure_docs(
    posts: Iterable[Post], run: RunContext, asking: Iterable[object] = ()
) -> dict[str, list[TextDoc]]:
    """Analyse every text of every post not analysed yet in this run, in one batch.

    The first text analyzer's ``load`` does the work; the others find it done. What the text
    analyzers of the run (and ``asking``) already explain skips the entity recognizer.
    """
    store: dict[str, list[TextDoc]] = run.memo(_MEMO_KEY, dict)
    todo = [p for p in posts if p.id not in store]
    if not todo:
        return store
    items = [(p.id, fld, text) for p in todo for fld, text in post_texts(p)]
    nlp = text_engine.get_nlp(run)
    text_analyzers = {id(a): a for a in [*run.analyzers, *asking] if isinstance(a, TextAnalyzerBase)}
    explainers = [a.explained_spans for a in text_analyzers.values()]
    docs = analyse_texts(items, nlp, n_process=min(2, run.options.workers), explainers=explainers)
    for p in todo:
        store[p.id] = []
    for td in docs:
        store[td.post_id].append(td)
    note_scripts([(td.post_id, td.script) for td in docs], run)
    return store


def note_scripts(scripts: Iterable[tuple[str, str]], run: RunContext) -> None:
    """The run note on (post id, script) pairs the English model cannot read."""
    unreadable: dict[str, list[str]] = {"cjk": [], "nl": []}
    for post_id, script in scripts:
        if script in unreadable and post_id not in unreadable[script]:
            unreadable[script].append(post_id)
    for script, ids in unreadable.items():
        if not ids:
            continue
        what = "in Japanese, Chinese or Korean script" if script == "cjk" else "in Dutch"
        shown = ", ".join(ids[:10]) + (" ..." if len(ids) > 10 else "")
        run.note(
            f"Text in {len(ids)} post(s) is {what}, which the English language model cannot read: "
            "names, ages, schools and places there were read with word lists and phrase rules "
            f"only, which miss more than the model does ({shown})."
        )


def note_scripts_of(posts: Iterable[Post], run: RunContext) -> None:
    """The same note, from the posts' texts alone (no model): for a run the cache answers."""
    note_scripts(((p.id, script_of(expand(text)[0])) for p in posts for _fld, text in post_texts(p)), run)


def docs_for(post: Post, run: RunContext) -> list[TextDoc]:
    """The analysed texts of one post (analysing it now if load did not run)."""
    store = ensure_docs([post], run)
    return store[post.id]


class TextAnalyzerBase(Analyzer):
    """Shared ``load``: one spaCy pass over all posts before any per-post analysis."""

    def load(self, posts: Sequence[Post], run: RunContext) -> None:
        ensure_docs(posts, run, (self,))

    def explained_spans(self, td: TextDoc) -> list[tuple[int, int]]:
        """Spans of ``td`` this analyzer's rules explain (they need no entity recognizer)."""
        return []
