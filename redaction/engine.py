"""The redaction engine: from extracted pages and a request context to proposed redactions.

``RedactionEngine.propose`` works on a whole bundle at once, in two phases:

1. **Detection** (per page, parallelisable): the Presidio analyzer (spaCy NER plus our UK
   recognizers, :mod:`redaction.nlp`) finds candidate entities. Pages are analysed in fixed-size
   chunks, so the result is the same whether one process or many run them.
2. **Decision** (whole bundle, one process): people are grouped and classified as subject,
   professional or third party (:mod:`redaction.names`); every way a third party's name is written
   is found across every document; identifiers are attributed to their owner (nearest name in
   the sentence, or the name heading their label block or table row), and one shown to be the
   subject's is kept bundle-wide; legal advice and serious-harm locating details are flagged.
   Recall comes first: when the owner of a detail is unclear, the detail is proposed for redaction.

The engine never imports PyMuPDF: it reads :class:`~redaction.types.PageText` and computes boxes
from the character boxes it carries, so it is testable with synthetic pages.

This module keeps :class:`RedactionEngine` and the public entry points; the stages live in sibling
modules: :mod:`redaction.detect` (phase 1), :mod:`redaction.people` (who is named where),
:mod:`redaction.decide` (identifier rules and the bundle-wide decider), :mod:`redaction.plan`
(overlaps, closure over documents, :class:`DocumentPlan`), with the shared records and cue tables in
:mod:`redaction.candidates` and text-position helpers in :mod:`redaction.spans`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from redaction.candidates import _Candidate, _Page
from redaction.cast import describe_cast
from redaction.codes import code_for_regime
from redaction.context import RedactionContext
from redaction.decide import IDENTIFIER_RULES, _Decider
from redaction.detect import (
    _WORKER,
    Finding,
    _english_words,
    _is_english,
    _worker_chunk,
    _worker_init,
    analyse_texts,
)
from redaction.detectors.bundle import bundle_names, bundle_recognizers
from redaction.detectors.uk import DATE
from redaction.nlp import DEFAULT_MODEL, build_analyzer
from redaction.plan import DocumentPlan
from redaction.spans import _add_dob_column_dates, _split_mention
from redaction.text import boxes_for_span, normalise, sentence_bounds, to_original
from redaction.types import Box, ExtractedDocument, Proposal
from redaction.unread import unread_page_proposals

CHUNK_PAGES = 8
"""Pages analysed together by spaCy; fixed so results do not depend on the number of workers."""


class RedactionEngine:
    """Propose redactions for a bundle of documents released under one request.

    :param model: spaCy model package or directory (never downloaded).
    :param score_threshold: Presidio score below which findings are ignored.

    The analyzer is built lazily on first use and then reused, and so is the pool of detection
    processes (``workers > 1``): keep one engine for the life of a worker process or a CLI call so
    neither the model nor the pool is loaded twice. :meth:`close` stops the pool.
    """

    def __init__(self, *, model: str = DEFAULT_MODEL, score_threshold: float = 0.3) -> None:
        self.model = model
        self.score_threshold = score_threshold
        self._analyzer = None
        self._executor: ProcessPoolExecutor | None = None
        self._executor_workers = 0

    def close(self) -> None:
        """Stop the detection pool, if one was started (the engine stays usable)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor, self._executor_workers = None, 0

    def _pool(self, workers: int) -> ProcessPoolExecutor:
        """The warm pool of ``workers`` detection processes, started on first use.

        Processes are forked from this one after the analyzer is loaded, so they share it instead of
        loading the model again.
        """
        if self._executor is None or self._executor_workers != workers:
            self.close()
            import multiprocessing

            _WORKER["analyzer"] = self.analyzer
            self._executor = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_worker_init,
                initargs=(self.model, self.score_threshold),
            )
            self._executor_workers = workers
        return self._executor

    @property
    def analyzer(self):
        """The configured Presidio ``AnalyzerEngine`` (built on first access)."""
        if self._analyzer is None:
            self._analyzer = build_analyzer(self.model, self.score_threshold)
        return self._analyzer

    # -- public API -------------------------------------------------------------------------------

    def propose(
        self,
        documents: Sequence[ExtractedDocument],
        context: RedactionContext,
        *,
        progress: Callable[[int, int], None] | None = None,
        workers: int = 1,
    ) -> list[DocumentPlan]:
        """Return one :class:`DocumentPlan` per document, in the order given.

        All documents are treated as one bundle: a third party found in one document is redacted
        in every document, and professional status found anywhere applies everywhere.

        :param documents: extracted documents of one request.
        :param context: the subject, known parties and staff directory.
        :param progress: called as ``progress(pages_done, pages_total)`` during detection.
        :param workers: processes for detection; results are identical for any value.
        :raises redaction.nlp.ModelMissingError: if the spaCy model is not installed.
        """
        pages = _pages(documents)
        self._detect(pages, progress, max(1, int(workers)), bundle_names(context))
        return self._decide(documents, pages, context)

    def detect_document(
        self, document: ExtractedDocument, names: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    ) -> list[list[Finding]]:
        """Phase 1 for one document on its own: the raw findings of each of its pages, in order.

        The per-document step of a bundle split into jobs (``sar.bundle.steps``); its results go to
        :meth:`decide` with those of every other document of the bundle.

        :param names: the bundle's ``(subject names, known party names)`` from
            :func:`redaction.detectors.bundle.bundle_names`, for its ad-hoc recognizers.
        """
        pages = _pages([document])
        self._detect(pages, None, 1, names)
        return [page.findings for page in pages]

    def decide(
        self,
        documents: Sequence[ExtractedDocument],
        findings: Sequence[Sequence[Sequence[Finding]]],
        context: RedactionContext,
    ) -> list[DocumentPlan]:
        """Phase 2 for the whole bundle: the cast is resolved once, then one plan per document.

        :param findings: per document, per page, what :meth:`detect_document` returned.
        """
        pages = _pages(documents)
        flat = [f for per_doc in findings for f in per_doc]
        if len(flat) != len(pages):
            raise ValueError(f"findings for {len(flat)} pages but the documents have {len(pages)}")
        for page, found in zip(pages, flat, strict=True):
            page.findings = [Finding(*f) for f in found]
        return self._decide(documents, pages, context)

    def _decide(self, documents, pages: list[_Page], context: RedactionContext) -> list[DocumentPlan]:
        for page in pages:
            _add_dob_column_dates(page)
        english = _english_words(self.analyzer)
        decider = _Decider(pages, context, lambda w: _is_english(w, english))
        candidates = decider.decide()
        cast = tuple(describe_cast(decider.people, {p.key: p.text for p in pages}, [d.name for d in documents]))
        return self._plans(documents, pages, candidates, context, cast)

    # -- phase 1 ----------------------------------------------------------------------------------

    def _detect(self, pages: list[_Page], progress, workers: int, names=((), ())) -> None:
        """Findings for every page; ``names`` (subject names, known parties) become ad-hoc recognizers."""
        total = len(pages)
        chunks = [pages[i : i + CHUNK_PAGES] for i in range(0, total, CHUNK_PAGES)]
        texts = [[p.text for p in chunk] for chunk in chunks]
        done = 0
        if progress:
            progress(0, total)
        if workers > 1 and len(chunks) > 1:
            results = self._pool(workers).map(partial(_worker_chunk, names=names), texts)
            for chunk, found in zip(chunks, results, strict=True):
                for page, f in zip(chunk, found, strict=True):
                    page.findings = f
                done += len(chunk)
                if progress:
                    progress(done, total)
            return
        analyzer = self.analyzer
        ad_hoc = bundle_recognizers(*names)
        for chunk, chunk_texts in zip(chunks, texts, strict=True):
            for page, f in zip(chunk, analyse_texts(analyzer, chunk_texts, ad_hoc), strict=True):
                page.findings = f
            done += len(chunk)
            if progress:
                progress(done, total)

    # -- phase 3 ----------------------------------------------------------------------------------

    def _plans(
        self, documents, pages: list[_Page], candidates: list[_Candidate], context: RedactionContext, cast
    ) -> list[DocumentPlan]:
        by_doc: dict[int, list[Proposal]] = defaultdict(list)
        for c in candidates:
            page = c.page.page
            if c.entity == "LEGAL_ADVICE" and c.start == 0 and c.end == len(c.page.text):
                start, end = 0, len(page.text)
                boxes: tuple[Box, ...] = (Box(0.0, 0.0, max(page.width, 0.0), max(page.height, 0.0)),)
            else:
                start, end = to_original(c.page.index, c.start, c.end)
                boxes = boxes_for_span(page, start, end)
            by_doc[c.page.doc].append(
                Proposal(
                    page=page.page_index,
                    start=start,
                    end=end,
                    text=page.text[start:end],
                    entity_type=c.entity,
                    code=code_for_regime(c.code, context.regime),
                    reason=c.reason,
                    score=min(1.0, max(0.0, c.score)),
                    recognizer=c.recognizer,
                    boxes=boxes,
                )
            )
        plans = []
        for d, doc in enumerate(documents):
            problems = list(doc.problems)
            for page in doc.pages:
                already = any(p.startswith(f"page {page.page_index + 1} ") for p in problems)
                if page.source == "none" and not already:
                    problems.append(f"page {page.page_index + 1} has no text layer; review it by eye")
            proposals = sorted([*by_doc.get(d, []), *unread_page_proposals(doc, context.regime)],
                               key=lambda p: (p.page, p.start, p.end, p.entity_type))
            plans.append(DocumentPlan(doc.name, tuple(proposals), tuple(problems), cast))
        return plans


def _pages(documents: Sequence[ExtractedDocument]) -> list[_Page]:
    pages: list[_Page] = []
    for d, doc in enumerate(documents):
        for page in doc.pages:
            norm, index = normalise(page.text)
            pages.append(_Page(d, page, norm, index, [], sentence_bounds(norm)))
    return pages


# Re-exported: callers and tests import these from here (the stage modules are the definitions).
__all__ = [
    "CHUNK_PAGES",
    "DATE",
    "IDENTIFIER_RULES",
    "DocumentPlan",
    "Finding",
    "RedactionEngine",
    "_Decider",
    "_Page",
    "_english_words",
    "_is_english",
    "_split_mention",
    "analyse_texts",
]
