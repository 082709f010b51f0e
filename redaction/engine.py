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
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date as _date
from typing import NamedTuple

from redaction.aliases import alias_names
from redaction.cast import describe_cast
from redaction.codes import code_for_regime
from redaction.columns import dob_column_dates
from redaction.context import RedactionContext
from redaction.detectors.ids import ID_ENTITIES
from redaction.detectors.uk import DATE, ENTITIES, POSTCODE, RELATIONSHIPS, STREET_WORDS, TITLES
from redaction.furniture import (
    cut_at_label_break,
    is_label_line,
    names_an_identifier,
    on_running_line,
    running_lines,
)
from redaction.lexicon import (
    ADULT_ONLY_TITLES,
    ALL_TITLES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    words,
)
from redaction.names import (
    DISCLOSED,
    NON_NAME,
    PROFESSIONAL,
    ROLE_AFTER,
    ROLE_PHRASE,
    SUBJECT,
    THIRD_PARTY,
    WORK_DOMAIN,
    Mention,
    PeopleIndex,
    Person,
    clean_mention,
    name_tokens,
)
from redaction.nlp import DEFAULT_MODEL, build_analyzer
from redaction.rules import Rule, Verdict, first_verdict
from redaction.sensitive import THIRD_PARTY_SENSITIVE, sensitive_sentences
from redaction.text import boxes_for_span, normalise, paragraph_bounds, sentence_bounds, to_original
from redaction.types import Box, ExtractedDocument, PageText, Proposal

CHUNK_PAGES = 8
# Never a nickname: words that are never names, and agency words ("<Name> (<Agency>)" is an affiliation).
ALIAS_NON_NAME = NON_NAME | frozenset(w.lower() for w in words("agency_words"))
"""Pages analysed together by spaCy; fixed so results do not depend on the number of workers."""


class Finding(NamedTuple):
    """A raw detection on the normalised text of one page."""

    entity: str
    start: int
    end: int
    score: float
    recognizer: str


@dataclass(frozen=True)
class DocumentPlan:
    """The proposals for one document, in page and reading order.

    :param name: the document's name, as given in :class:`ExtractedDocument`.
    :param proposals: proposed redactions; a reviewer accepts or edits them before burn-in.
    :param problems: things a reviewer must check by hand (pages without text, extraction issues).
    :param cast: the bundle's people as :func:`redaction.cast.describe_cast` gives them (the same
        for every document of a bundle): status, name forms, evidence, mentions; ``unresolved``
        people are proposed for redaction and need an officer's decision.
    """

    name: str
    proposals: tuple[Proposal, ...]
    problems: tuple[str, ...] = ()
    cast: tuple[dict, ...] = field(default=(), compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "proposals", tuple(self.proposals))
        object.__setattr__(self, "problems", tuple(self.problems))
        if not all(isinstance(p, Proposal) for p in self.proposals):
            raise ValueError("proposals must be Proposal objects")


# ---------------------------------------------------------------------------------------------
# Phase 1: detection


def analyse_texts(analyzer, texts: Sequence[str]) -> list[list[Finding]]:
    """Run the analyzer over ``texts`` (already normalised) and return findings per text.

    Besides Presidio's results, runs of two or three proper nouns (spaCy ``PROPN``) are returned as
    ``PERSON`` candidates with a low score: the small model misses names that its tagger still
    marks as proper nouns. The engine validates every candidate before using it.
    """
    out: list[list[Finding]] = []
    batch = analyzer.nlp_engine.process_batch(list(texts), language="en", batch_size=max(1, len(texts)))
    # The model barely recognises names in capitals ("MOTHER: JOANNA SMITH"); pages with capitalised
    # passages are analysed a second time with those words in Title case (same length, same offsets).
    english = _english_words(analyzer)
    titled = {i: _title_caps(t, english) for i, t in enumerate(texts)}
    titled = {i: t for i, t in titled.items() if t != texts[i]}
    caps_people: dict[int, list[Finding]] = {}
    if titled:
        order = sorted(titled)
        redo = analyzer.nlp_engine.process_batch([titled[i] for i in order], language="en", batch_size=len(order))
        for i, (text, artifacts) in zip(order, redo, strict=True):
            english = _english_words(analyzer)
            caps_people[i] = [
                Finding("PERSON", s, e, round(float(r.score), 4), "CapitalsSpacyRecognizer")
                for r in analyzer.analyze(text, language="en", nlp_artifacts=artifacts, entities=["PERSON"])
                if texts[i][r.start : r.end].isupper()
                for s, e in [_trim_english(texts[i], r.start, r.end, english)]
                if e > s
            ]
    for n, (text, artifacts) in enumerate(batch):
        found = [
            Finding(
                r.entity_type,
                r.start,
                r.end,
                round(float(r.score), 4),
                (r.recognition_metadata or {}).get("recognizer_name", "unknown"),
            )
            for r in analyzer.analyze(text, language="en", nlp_artifacts=artifacts, entities=list(ENTITIES))
        ]
        english = _english_words(analyzer)

        def is_word(w: str, english: frozenset[str] = english) -> bool:
            return _is_english(w, english)

        found = [
            f._replace(end=cut_at_label_break(text, f.start, f.end, is_word)) if f.entity == "PERSON" else f
            for f in found
        ]
        found.extend(
            f
            for f in _proper_noun_runs(artifacts.tokens)
            if not (f.entity == "PROPN_SINGLE" and is_label_line(text, f.start, f.end, is_word))
        )
        found.extend(caps_people.get(n, ()))
        found.extend(_unknown_capitals_runs(text, english))
        # A name span in capitals from any recognizer loses its English words ("SMITH ARRIVED").
        found = [_trimmed(f, text, english) for f in found]
        found = [f for f in found if f.end > f.start]
        out.append(sorted(set(found)))
    return out


_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'\-]{2,}\b")


def _title_caps(text: str, english: frozenset[str]) -> str:
    """``text`` with words in capitals written in Title case, if some of them could be names.

    Pages whose capitals are all English words (headings such as "CASE NOTE") are left alone, so
    the second NLP pass only runs where it can find something.
    """
    caps = _CAPS_WORD.findall(text)
    if len(caps) < 2 or all(_is_english(w, english) for w in caps):
        return text
    return _CAPS_WORD.sub(lambda m: m.group()[0] + m.group()[1:].lower(), text)


_ENGLISH: dict[int, frozenset[str]] = {}


def _english_words(analyzer) -> frozenset[str]:
    """Base forms the model's lemmatizer knows (WordNet nouns, verbs, adjectives, adverbs) + stop words."""
    key = id(analyzer)
    if key not in _ENGLISH:
        nlp = analyzer.nlp_engine.nlp["en"]
        words: set[str] = set(nlp.Defaults.stop_words)
        if "lemmatizer" in nlp.pipe_names:
            table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
            for pos in table.keys():
                words.update(table[pos])
        _ENGLISH[key] = frozenset(words)
    return _ENGLISH[key]


def _is_english(word: str, english: frozenset[str]) -> bool:
    w = word.lower().strip("'-")
    if w in english or w in NON_NAME:
        return True
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("'s", ""),
        ("ly", ""),
        ("er", ""),
        ("ers", ""),
    ):
        if w.endswith(suffix) and (w[: -len(suffix)] + repl) in english:
            return True
    return False


def _trimmed(f: Finding, text: str, english: frozenset[str]) -> Finding:
    if f.entity != "PERSON" or not text[f.start : f.end].isupper() or f.recognizer == "TitledNameRecognizer":
        return f
    start, end = _trim_english(text, f.start, f.end, english)
    return f._replace(start=start, end=end)


def _trim_english(text: str, start: int, end: int, english: frozenset[str]) -> tuple[int, int]:
    """Shrink a span in capitals to the words that are not English ("PIOTR NOWAK ARRIVED" -> name)."""
    words = [m for m in re.finditer(r"\S+", text[start:end]) if not _is_english(m.group().strip(".,;:'()"), english)]
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


_CAPS_TOKEN = re.compile(r"\b[A-Z][A-Z'\-]*[A-Z]\b")


def _unknown_capitals_runs(text: str, english: frozenset[str]) -> list[Finding]:
    """Runs of two or three words in capitals that are not English words: names in ALL-CAPS notes."""
    out: list[Finding] = []
    run: list[re.Match] = []

    def flush() -> None:
        if 2 <= len(run) <= 3:
            out.append(Finding("PERSON", run[0].start(), run[-1].end(), 0.4, "CapitalsNameHeuristic"))
        run.clear()

    for m in _CAPS_TOKEN.finditer(text):
        word = m.group()
        unknown = len(word) >= 3 and re.search(r"[AEIOUY]", word) and not _is_english(word, english)
        if run and (not unknown or text[run[-1].end() : m.start()].strip()):
            flush()
        if unknown:
            run.append(m)
    flush()
    return out


def _lone_org(doc, tok) -> bool:
    """A one-word ORG entity: the small model often labels a first name at a sentence start as ORG."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.ent_type_ == "ORG" and tok.ent_iob_ == "B" and (nxt is None or nxt.ent_iob_ != "I")


def _proper_noun_runs(doc) -> list[Finding]:
    runs: list[Finding] = []
    run: list = []

    def flush() -> None:
        if 2 <= len(run) <= 3:
            runs.append(Finding("PERSON", run[0].idx, run[-1].idx + len(run[-1].text), 0.4, "ProperNounRecognizer"))
        run.clear()

    for tok in doc:
        if (
            tok.pos_ == "PROPN"
            and tok.is_title
            and len(tok.text) > 2
            and tok.text.lower() not in NON_NAME
            and (tok.ent_type_ in ("", "PERSON") or _lone_org(doc, tok))
        ):
            runs.append(Finding("PROPN_SINGLE", tok.idx, tok.idx + len(tok.text), 0.3, "RecurringProperNoun"))
        if tok.is_space and "\n" in tok.text and run:
            continue  # a name split over a line break stays one run
        if tok.pos_ == "PROPN" and tok.is_title and tok.text.lower() not in NON_NAME:
            run.append(tok)
        else:
            flush()
    flush()
    return runs


_WORKER: dict[str, object] = {}


def _worker_init(model: str, threshold: float) -> None:
    if "analyzer" not in _WORKER:
        _WORKER["analyzer"] = build_analyzer(model, threshold)


def _worker_chunk(texts: list[str]) -> list[list[Finding]]:
    return analyse_texts(_WORKER["analyzer"], texts)


# ---------------------------------------------------------------------------------------------
# Phase 2: decisions

_LOCATING = {"UK_ADDRESS", "UK_POSTCODE", "PHONE_NUMBER", "SCHOOL", "GP_PRACTICE", "EMAIL_ADDRESS"}
_IDENTIFIERS = {
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "UK_NHS",
    "UK_NINO",
    "UK_ADDRESS",
    "UK_POSTCODE",
    "UK_PASSPORT",
    "UK_DRIVING_LICENCE",
    "UK_VEHICLE_REGISTRATION",
    "DATE_OF_BIRTH",
    "CASE_REFERENCE",
    "SCHOOL",
    "GP_PRACTICE",
    "CREDIT_CARD",
    "IBAN_CODE",
    *ID_ENTITIES,
}
# Details that are about the subject's case unless shown to be someone else's.
_KEEP_UNLESS_THIRD = {"CASE_REFERENCE", "SCHOOL", "GP_PRACTICE"}
# Overlap priority: a longer, more specific entity wins over what it contains.
_PRIORITY = {
    "LEGAL_ADVICE": 0,
    "UK_ADDRESS": 1,
    "EMAIL_ADDRESS": 2,
    "UK_NHS": 3,
    "UK_NINO": 3,
    "DATE_OF_BIRTH": 3,
    # A nine-digit passport or an account number also parses as a phone number.
    "UK_PASSPORT": 3,
    "UK_BANK_DETAILS": 3,
    "UK_PNC": 3,
    "PRISON_NUMBER": 3,
    "SOCIAL_HANDLE": 2,
    "PHONE_NUMBER": 4,
    "UK_POSTCODE": 5,
    "SCHOOL": 5,
    "GP_PRACTICE": 5,
    "PERSON": 6,
}
_WHAT = {
    "PERSON": "Name",
    "PHONE_NUMBER": "Telephone number",
    "EMAIL_ADDRESS": "E-mail address",
    "UK_NHS": "NHS number",
    "UK_NINO": "National Insurance number",
    "UK_ADDRESS": "Address",
    "UK_POSTCODE": "Postcode",
    "DATE_OF_BIRTH": "Date of birth",
    "SCHOOL": "School",
    "GP_PRACTICE": "GP practice",
    "CASE_REFERENCE": "Reference number",
    "UK_PASSPORT": "Passport number",
    "UK_DRIVING_LICENCE": "Driving licence number",
    "UK_VEHICLE_REGISTRATION": "Vehicle registration",
    "CREDIT_CARD": "Card number",
    "IBAN_CODE": "Bank account",
    **ID_ENTITIES,
}

# Words that make a locating detail in the same sentence a possible placement locator. "Carer"
# counts only as a carer of the child: not a "young carer" (the child cares for a parent), not a
# "parent/carer" form field and not a "carer's assessment".
_SERIOUS_HARM_CUE = re.compile(
    r"foster|(?<!young\s)(?<!parent/)(?<!parents/)(?<!parent\s)\bcarers?\b(?!'?s?\s+assessment)|"
    r"placement\s+address|placed\s+with|adopt|refuge|safe\s+house|"
    r"special\s+guardian|must\s+not\s+be\s+shared|not\s+to\s+be\s+(?:disclosed|shared)|do\s+not\s+disclose|"
    r"\bplacement\b|children's\s+home|residential\s+(?:home|unit)|supported\s+lodgings|semi-independent",
    re.IGNORECASE,
)
_LPP_HEADING = re.compile(
    r"legal\s+advice|legal\s+gateway|legal\s+planning\s+meeting|legally\s+privileged|\bprivileged\b|"
    r"legal\s+professional\s+privilege|counsel's\s+(?:advice|opinion)|advice\s+(?:from|of)\s+(?:legal|counsel)|"
    r"without\s+prejudice|instructions\s+to\s+counsel",
    re.IGNORECASE,
)
_LPP_PASSAGE = re.compile(
    r"legal\s+services?\s+(?:advise[ds]?|advice|said|view|consider|recommend)|legal\s+advice\s+(?:is|was|given|"
    r"received|from)|(?:counsel|the\s+solicitor|our\s+solicitor|the\s+local\s+authority(?:'s)?\s+solicitor|"
    r"legal(?:\s+adviser)?)(?:'s)?\s+(?:advised?|advice|view|opinion|recommend)|advice\s+from\s+legal|"
    r"legal\s+gateway\s+(?:meeting\s+)?(?:advised|agreed|decided|concluded)|"
    r"legal\s+planning\s+meeting\s+(?:advised|agreed|decided|concluded)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")
_LPP_SECTION = re.compile(
    r"^\s*(?:legal\s+advice|advice\s+from\s+legal(?:\s+services)?|legal\s+gateway(?:\s+\w+)?|"
    r"legal\s+planning\s+meeting|counsel's\s+(?:advice|opinion)|legally\s+privileged|privileged(?:\s+and\s+confidential)?)"
    r"\b[^.]*$",
    re.IGNORECASE,
)
_ORG_WORD_AFTER = re.compile(
    r"[ \t]+(?:Police|Constabulary|School|Academy|College|Primary|Nursery|Surgery|Practice|Trust|Council|Team|"
    r"Services?|Hospital|Centre|Center|Clinic|University|Foundation|Partnership|Unit|Ward|Court|Road|Street|"
    # and the services named after the place they serve ("<Town> CAMHS"; lexicon/agency_words.txt)
    + "|".join(sorted({f(w) for w in words("agency_words", "after-place") for f in (str.title, str.upper)},
                      key=len, reverse=True))
    + r")\b"
)
_FAMILY = r"(?:" + "|".join(
    sorted((re.escape(r) for r in RELATIONSHIPS if r not in {"child", "baby", "son", "daughter", "friend"}),
           key=len, reverse=True)
) + r")"
# Any relationship word at all, for "<Subject>'s friend's mobile is ...": the detail is not the subject's.
_FAMILY_WORD = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(r) for r in RELATIONSHIPS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:he|she|his|her|hers|him|they|their|them)\b", re.IGNORECASE)
_TITLE_RX = r"(?:(?:" + "|".join(TITLES) + r")\.?[ \n]+)"
_PROF_TITLE_NAME = re.compile(
    r"\b(?:PC|DC|DS|DI|Sgt|Dr|Detective\s+Constable|Police\s+Constable|"
    r"Detective\s+Sergeant)\.?[ \n]+(?:\d{2,6}[ \n]+)?([A-Z][\w'\-]+(?:[ \n]+[A-Z][\w'\-]+)?)"
)


@dataclass
class _Page:
    doc: int
    page: PageText
    text: str
    index: list[int]
    findings: list[Finding]
    sentences: list[tuple[int, int]]
    _wide: int | None = None

    @property
    def key(self) -> tuple[int, int]:
        return (self.doc, self.page.page_index)

    @property
    def wide(self) -> int:
        """Length of the page's longest line: lines much shorter are cells, labels or headings."""
        if self._wide is None:
            self._wide = max((len(ln.strip()) for ln in self.text.split("\n")), default=0)
        return self._wide


@dataclass
class _Candidate:
    page: _Page
    start: int
    end: int
    entity: str
    code: str
    reason: str
    score: float
    recognizer: str


@dataclass(frozen=True)
class _Owner:
    kind: str | None  # SUBJECT, PROFESSIONAL, THIRD_PARTY or None (no one found)
    strong: bool
    person: Person | None


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
        pages: list[_Page] = []
        for d, doc in enumerate(documents):
            for page in doc.pages:
                norm, index = normalise(page.text)
                pages.append(_Page(d, page, norm, index, [], sentence_bounds(norm)))
        self._detect(pages, progress, max(1, int(workers)))
        for page in pages:
            _add_dob_column_dates(page)
        english = _english_words(self.analyzer)
        decider = _Decider(pages, context, lambda w: _is_english(w, english))
        candidates = decider.decide()
        cast = tuple(describe_cast(decider.people, {p.key: p.text for p in pages}, [d.name for d in documents]))
        return self._plans(documents, pages, candidates, context, cast)

    # -- phase 1 ----------------------------------------------------------------------------------

    def _detect(self, pages: list[_Page], progress, workers: int) -> None:
        total = len(pages)
        chunks = [pages[i : i + CHUNK_PAGES] for i in range(0, total, CHUNK_PAGES)]
        texts = [[p.text for p in chunk] for chunk in chunks]
        done = 0
        if progress:
            progress(0, total)
        if workers > 1 and len(chunks) > 1:
            results = self._pool(workers).map(_worker_chunk, texts)
            for chunk, found in zip(chunks, results, strict=True):
                for page, f in zip(chunk, found, strict=True):
                    page.findings = f
                done += len(chunk)
                if progress:
                    progress(done, total)
            return
        analyzer = self.analyzer
        for chunk, chunk_texts in zip(chunks, texts, strict=True):
            for page, f in zip(chunk, analyse_texts(analyzer, chunk_texts), strict=True):
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
            proposals = sorted(by_doc.get(d, []), key=lambda p: (p.page, p.start, p.end, p.entity_type))
            plans.append(DocumentPlan(doc.name, tuple(proposals), tuple(problems), cast))
        return plans


class _Occurrence(NamedTuple):
    """One occurrence of an identifier, as the identifier rules see it."""

    decider: _Decider
    page: _Page
    f: Finding
    owner: _Owner
    harm: bool
    subject_ids: set
    value: str


def _dob_verdict(o: _Occurrence) -> Verdict:
    dob = o.decider.context.subject.dob
    if dob is not None:
        return Verdict.KEEP_STRONG if _same_date(o.value, dob) else Verdict.REDACT_STRONG
    return Verdict.KEEP if o.owner.kind == SUBJECT and o.owner.strong else Verdict.REDACT


#: Who an identifier belongs to decides whether it is disclosed (rulebook: a SAR discloses the
#: subject's own data, DPA 2018 Sch 2 para 16 protects third parties, para 17 covers professionals in
#: role, Sch 3 serious harm). First rule that applies wins; with none, the detail is redacted (fail
#: closed: nobody was shown to own it).
IDENTIFIER_RULES: tuple[Rule, ...] = (
    Rule("subject-identifier", "A value the case record gives as the subject's own identifier is disclosed "
         "wherever it appears.",
         lambda o: Verdict.KEEP_STRONG if _id_key(o.value) in o.subject_ids else None),
    Rule("service-line-phone", "A phone labelled as a service line (duty line, switchboard, helpline, office) "
         "is the organisation's, unless a third party is named before it in the same sentence.",
         lambda o: Verdict.KEEP_STRONG if o.f.entity == "PHONE_NUMBER" and _service_line(o.page.text, o.f.start)
         and not o.decider._third_party_in_sentence(o.page, o.f.start) else None),
    Rule("subject-school", "The school named with the subject is the subject's own and disclosed everywhere, "
         "never a serious-harm locator for someone else.",
         lambda o: Verdict.KEEP_OWN if o.f.entity == "SCHOOL" and o.owner.kind == SUBJECT and o.owner.strong
         else None),
    Rule("serious-harm-locator", "A locating detail in a placement, refuge or adoption context is proposed under "
         "serious harm (Sch 3) for a manager's decision, unless a professional owns it.",
         lambda o: Verdict.HARM if o.harm and o.owner.kind != PROFESSIONAL else None),
    Rule("organisation-contact-line", "A letterhead or an organisation's address line is the organisation's "
         "contact detail, unless a third party is shown to own it.",
         lambda o: Verdict.KEEP if o.f.entity in _CONTACT and _organisation_line(o.page, o.f.start, o.f.end)
         and not (o.owner.kind == THIRD_PARTY and o.owner.strong) else None),
    Rule("subject-owns-detail", "A detail next to the subject's name (same line, heading, label block or table "
         "row) is the subject's own and kept wherever it appears.",
         lambda o: Verdict.KEEP_SUBJECT if o.owner.kind == SUBJECT and o.owner.strong
         and o.f.entity != "DATE_OF_BIRTH" else None),
    Rule("email-by-name", "An e-mail address on a work domain, or whose local part is a kept person's name, is "
         "kept; one with a third party's name is redacted.",
         lambda o: o.decider._email_verdict(o.value) if o.f.entity == "EMAIL_ADDRESS" else None),
    Rule("date-of-birth", "A date of birth is kept only when it is the subject's.",
         lambda o: _dob_verdict(o) if o.f.entity == "DATE_OF_BIRTH" else None),
    Rule("third-party-owns-detail", "A detail a third party owns is redacted, everywhere it occurs.",
         lambda o: (Verdict.REDACT_STRONG if o.owner.strong else Verdict.REDACT)
         if o.owner.kind == THIRD_PARTY else None),
    Rule("subject-case-detail", "Case references, schools and GP practices are about the subject's case unless "
         "shown to be someone else's.",
         lambda o: Verdict.KEEP if o.f.entity in _KEEP_UNLESS_THIRD else None),
    Rule("kept-person-owns-detail", "A detail the subject or a professional strongly owns is kept.",
         lambda o: Verdict.KEEP if o.owner.kind in (SUBJECT, PROFESSIONAL) and o.owner.strong else None),
)


class _Decider:
    """Bundle-wide decisions over detected pages (phase 2)."""

    def __init__(self, pages: list[_Page], context: RedactionContext, is_word: Callable[[str], bool]) -> None:
        self.pages = pages
        self.context = context
        #: Is a word ordinary vocabulary (the model's lemma tables)? Used to tell furniture from names.
        self.is_word = is_word
        self.people = PeopleIndex(context)
        self.by_key = {p.key: p for p in pages}
        # Per page: (start, end, person) of every name occurrence, kept or not.
        self.names: dict[tuple[int, int], list[tuple[int, int, Person]]] = defaultdict(list)
        self._doc_dates: dict[int, _date] = {}
        self._namesakes: set[tuple[str, str]] | None = None
        self._namesake_people: dict[str, Person] = {}
        self._surnames: set[str] | None = None

    # -- orchestration ----------------------------------------------------------------------------

    def decide(self) -> list[_Candidate]:
        """Return every candidate redaction in the bundle, overlaps resolved."""
        withheld = self._legal_pages()
        live = [p for p in self.pages if p.key not in withheld]
        blocked = self._blocked_spans(self.pages)
        # People are learnt from every page, withheld ones included: a role stated only in a legal
        # meeting note ("<Given> <Surname> (Team Manager)") still makes her a professional elsewhere.
        mentions = self._mentions(self.pages, blocked)
        self.people.add_mentions(mentions, {p.key: p.text for p in self.pages})
        self._scan_names(live, blocked)
        self._alias_names(live)
        self._vocatives(live)
        self._short_and_coordinated_names(live, blocked)
        out: list[_Candidate] = []
        for page in self.pages:
            if page.key in withheld:
                out.append(
                    _Candidate(
                        page,
                        0,
                        len(page.text),
                        "LEGAL_ADVICE",
                        "SCH2-P19-LPP",
                        "Legal advice to the council, withheld in full (legal professional privilege).",
                        1.0,
                        "LegalAdviceDetector",
                    )
                )
        out.extend(self._legal_passages(live))
        out.extend(self._name_candidates(live))
        out.extend(self._sensitive_candidates(live))
        out.extend(self._identifier_candidates(live))
        out = _resolve_overlaps(out)
        return _close_over_documents(out, live)

    # -- legal professional privilege -------------------------------------------------------------

    def _legal_pages(self) -> set[tuple[int, int]]:
        """Pages headed as legal advice; if a document's first page is, the whole document."""
        out: set[tuple[int, int]] = set()
        by_doc: dict[int, list[_Page]] = defaultdict(list)
        for p in self.pages:
            by_doc[p.doc].append(p)
        for doc_pages in by_doc.values():
            headed = [p for p in doc_pages if _LPP_HEADING.search(_heading(p.text))]
            if headed and headed[0] is doc_pages[0]:
                out.update(p.key for p in doc_pages)
            else:
                out.update(p.key for p in headed)
        return out

    def _legal_passages(self, pages: list[_Page]) -> list[_Candidate]:
        out = []
        for page in pages:
            out.extend(self._legal_sections(page))
            paragraphs = paragraph_bounds(page.text)
            for m in _LPP_PASSAGE.finditer(page.text):
                para = next(((s, e) for s, e in paragraphs if s <= m.start() < e), (m.start(), len(page.text)))
                # The cue may start on a heading line ("Legal" / "Advice from ..."): the passage runs to
                # the end of the paragraph where the cue ends, not of the heading.
                last = next((e for s, e in paragraphs if s <= m.end() - 1 < e), para[1])
                sent = next((s for s, e in page.sentences if s <= m.start() < e), para[0])
                start = max(para[0], sent)
                while start < para[1] and page.text[start].isspace():
                    start += 1
                end = max(para[1], last)
                while end > start and page.text[end - 1].isspace():
                    end -= 1
                out.append(
                    _Candidate(
                        page,
                        start,
                        end,
                        "LEGAL_ADVICE",
                        "SCH2-P19-LPP",
                        "Legal advice to the council (legal professional privilege).",
                        0.8,
                        "LegalAdviceDetector",
                    )
                )
        return out

    def _legal_sections(self, page: _Page) -> list[_Candidate]:
        """Text under a "Legal advice" style heading inside another document, up to the next heading."""
        out = []
        lines = page.text.split("\n")
        offsets = [0]
        for ln in lines:
            offsets.append(offsets[-1] + len(ln) + 1)
        for i, ln in enumerate(lines[:-1]):
            if not (_LPP_SECTION.match(ln) and len(ln.split()) <= 8):
                continue
            start = offsets[i + 1]
            k = i + 1
            while k < len(lines) and not (k > i + 1 and _looks_like_heading(lines[k])):
                k += 1
            end = offsets[k] - 1 if k < len(lines) else len(page.text)
            while end > start and page.text[end - 1].isspace():
                end -= 1
            while start < end and page.text[start].isspace():
                start += 1
            if end > start:
                out.append(
                    _Candidate(
                        page,
                        start,
                        end,
                        "LEGAL_ADVICE",
                        "SCH2-P19-LPP",
                        "Legal advice to the council (legal professional privilege).",
                        0.8,
                        "LegalAdviceDetector",
                    )
                )
        return out

    # -- people -----------------------------------------------------------------------------------

    def _blocked_spans(self, pages: list[_Page]) -> dict[tuple[int, int], list[tuple[int, int]]]:
        """Spans where a name cannot be: inside addresses, e-mail addresses and school/practice names."""
        out: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for page in pages:
            for f in page.findings:
                if f.entity in ("UK_ADDRESS", "EMAIL_ADDRESS", "SCHOOL", "GP_PRACTICE", "URL"):
                    out[page.key].append((f.start, f.end))
        return out

    def _mentions(self, pages: list[_Page], blocked) -> list[Mention]:
        out: list[Mention] = []
        # A lone proper noun the model did not call a person counts once it recurs in the bundle
        # (first names in notes: "Caspar has...", "Caspar attends...").
        # Running headers and footers are page furniture, not evidence (redaction.furniture).
        running = running_lines((p.doc, p.text) for p in pages)
        singles: dict[str, int] = defaultdict(int)
        for page in pages:
            page.findings = [
                f
                for f in page.findings
                if not (f.entity == "PROPN_SINGLE" and on_running_line(page.text, f.start, running))
            ]
            for f in page.findings:
                if f.entity == "PROPN_SINGLE" and not _inside(f.start, f.end, blocked.get(page.key, ())):
                    singles[page.text[f.start : f.end].lower()] += 1
        for page in pages:
            spans = [(f.start, f.end, f.recognizer) for f in page.findings if f.entity == "PERSON"]
            spans += [
                (f.start, f.end, f.recognizer)
                for f in page.findings
                if f.entity == "PROPN_SINGLE" and singles[page.text[f.start : f.end].lower()] >= 2
            ]
            spans += [(m.start(1), m.end(1), "ProfessionalTitle") for m in _PROF_TITLE_NAME.finditer(page.text)]
            for start, end, source in spans:
                if _inside(start, end, blocked.get(page.key, ())):
                    continue
                for m in _split_mention(page, start, end, source):
                    if len(m.tokens) == 1 and self.is_word(m.tokens[0]) and (
                        on_running_line(page.text, m.start, running)
                        or is_label_line(page.text, m.start, m.end, self.is_word)
                        or names_an_identifier(page.text, m.end)
                    ):
                        continue  # a dictionary word in a header, footer or label: furniture
                    out.append(m)
        out.sort(key=lambda m: (m.doc, m.page, m.start, -m.end))
        return out

    def _scan_names(self, pages: list[_Page], blocked) -> None:
        """Find every written form of every known person on every page (bundle-wide tracking).

        Matching is case-insensitive (ALL CAPS forms count) but every word must start with a capital,
        so "read" the verb is not "Read" the surname. A variant may be split over a line break, may
        carry a title before it ("Mrs <Surname>") and a possessive after it ("<Given>'s").
        """
        by_first: dict[str, list[tuple[tuple[str, ...], Person]]] = defaultdict(list)
        for person in self.people.persons.values():
            for variant in self.people.variants(person) if person.tokens else ():
                low = tuple(t.lower() for t in variant)
                by_first[low[0]].append((low, person))
        # Longest first so "<Given> <Surname>" wins over "<Given>"; kept persons before third parties on ties.
        for items in by_first.values():
            items.sort(key=lambda x: (-len(x[0]), x[1].kind == THIRD_PARTY, x[1].key))
        titles = ALL_TITLES
        surname_relatives = {
            p.key[-1]: p
            for p in self.people.third_parties()
            if len(p.key) > 1 and p.key[-1] in self.people.subject_tokens
        }
        for page in pages:
            text = page.text
            words = [(m.start(), m.end(), _strip_possessive(text, m.start(), m.end())) for m in _WORD.finditer(text)]
            spans = blocked.get(page.key, ())
            i = 0
            while i < len(words):
                ws, we, wn = words[i]
                lower = text[ws].islower()
                items = by_first.get(text[ws:wn].lower())
                hit = None
                for low, person in items or ():
                    k = len(low)
                    if i + k > len(words):
                        continue
                    if lower and not self._lower_case_form(person, low):
                        continue
                    seq = words[i : i + k]
                    if not all(
                        text[s0:n0].lower() == tok and (text[s0].islower() if lower else text[s0].isupper())
                        for (s0, _e0, n0), tok in zip(seq, low, strict=True)
                    ):
                        continue
                    # Only white space between the words, and no possessive inside the name.
                    if any(text[seq[j][1] : seq[j + 1][0]].strip() or seq[j][2] != seq[j][1] for j in range(k - 1)):
                        continue
                    hit = (seq[-1][2], seq[-1][1], person, k)
                    break
                if hit is None:
                    hit = self._family_plural(text, ws, we, by_first)
                if hit is None:
                    i += 1
                    continue
                end, word_end, person, k = hit
                if (
                    (ws > 0 and (text[ws - 1].isalnum() or text[ws - 1] in "@.-'"))
                    or re.match(r"[\w@\-]|\.\w", text[word_end : word_end + 2])
                    or _inside(ws, end, spans)
                    or _month_in_date(text, ws, end)
                    or ROLE_PHRASE.match(text, ws)
                ):
                    i += k
                    continue
                start, title, initial = _title_before(text, words, i, titles)
                if k == 1 and person.kind == SUBJECT and text[ws:end].lower() in self._subject_surnames():
                    other = self._other_with_subject_surname(page, start, end, title, initial)
                    if other:
                        person = surname_relatives.get(text[ws:end].lower()) or self._namesake(text[start:end])
                self.names[page.key].append((start, end, person))
                i += k
            self.names[page.key].sort(key=lambda x: (x[0], -x[1]))

    def _alias_names(self, pages: list[_Page]) -> None:
        """Short forms a document defines for a third party (rules alias-initials, alias-nickname)."""
        extra = alias_names(
            [(p.key, p.text) for p in pages], self.names, lambda person: person.kind == THIRD_PARTY,
            self.is_word, ALIAS_NON_NAME,
        )
        for key, spans in extra.items():
            self.names[key].extend(spans)
            self.names[key].sort(key=lambda x: (x[0], -x[1]))

    def _lower_case_form(self, person: Person, low: tuple[str, ...]) -> bool:
        """May this third-party name be matched in lower case ("went to see <name>")?

        Only when none of its words is ordinary vocabulary, so "read" the verb is never "Read" the surname.
        """
        return person.kind == THIRD_PARTY and all(len(t) >= 3 and not self.is_word(t) for t in low)

    @staticmethod
    def _family_plural(text: str, ws: int, we: int, by_first) -> tuple[int, int, Person, int] | None:
        """A third party's surname in the plural for their household ("the Rourkes", "at the Rourkes'").

        Only after "the" or before a plural possessive apostrophe, and only for a surname already
        known to be a third party's, so ordinary plurals are untouched.
        """
        word = text[ws:we]
        if not (word[0].isupper() and word.lower().endswith("s") and len(word) > 3):
            return None
        if not (re.search(r"\bthe\s+$", text[max(0, ws - 5) : ws], re.IGNORECASE) or text[we : we + 1] == "'"):
            return None
        for low, person in by_first.get(word[:-1].lower(), ()):
            if len(low) == 1 and person.kind == THIRD_PARTY:
                return (we + (text[we : we + 1] == "'"), we, person, 1)
        return None

    def _subject_surnames(self) -> set[str]:
        if self._surnames is None:
            self._surnames = set()
            for name in self.context.subject.names:
                toks = [t.lower() for t in name_tokens(name)]
                if len(toks) > 1:
                    self._surnames.add(toks[-1])
        return self._surnames

    def _subject_initials(self) -> set[str]:
        return {name_tokens(n)[0][0].upper() for n in self.context.subject.names if name_tokens(n)}

    def _other_with_subject_surname(self, page: _Page, start: int, end: int, title, initial) -> str | None:
        """Why ``title? initial? Surname`` (the subject's surname) names someone else, or ``None``.

        A redactor reads "Mr S. <Surname>" as not <Subject> <Surname> when the initial is not hers,
        when the title is an adult's and she is a child on the document's date ("Dear Mr
        <Surname>"), or when a relationship word sits next to the name ("her father, Mr
        <Surname>"). A title and surname shown to be someone else once are someone else throughout
        the bundle.
        """
        if title is None and initial is None:
            return None
        if initial is not None and initial.upper() not in self._subject_initials():
            return "initial"
        text = page.text
        key = (title, text[start:end].split()[-1].lower()) if title else None
        if key is not None and key in self._namesake_titles():
            return "named as someone else elsewhere"
        child = self._subject_is_child(page.doc)
        if title in ADULT_ONLY_TITLES and child:
            return "adult title"
        if _relationship_next_to(text, start, end, child, self._subject_first_names()):
            return "relationship"
        return None

    def _subject_first_names(self) -> set[str]:
        return {name_tokens(n)[0].lower() for n in self.context.subject.names if name_tokens(n)}

    def _subject_is_child(self, doc: int) -> bool:
        """The subject is under 18 on the document's date (its latest date; today if it has none)."""
        dob = _parse_date(self.context.subject.dob or "")
        if dob is None:
            return False
        if doc not in self._doc_dates:
            dates = [
                d
                for p in self.pages
                if p.doc == doc
                for m in re.finditer(DATE, p.text)
                if (d := _parse_date(m.group())) is not None and dob < d <= _date.today()
            ]
            self._doc_dates[doc] = max(dates, default=_date.today())
        on = self._doc_dates[doc]
        return (on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))) < 18

    def _namesake_titles(self) -> set[tuple[str, str]]:
        """``(title, surname)`` pairs next to a relationship word anywhere in the bundle."""
        if self._namesakes is None:
            self._namesakes = set()
            surnames = self._subject_surnames()
            child_docs = {p.doc for p in self.pages if self._subject_is_child(p.doc)}
            for page in self.pages:
                for m in _TITLE_SURNAME.finditer(page.text):
                    surname = m.group(2).lower()
                    if surname in surnames and _relationship_next_to(
                        page.text, m.start(), m.end(), page.doc in child_docs, self._subject_first_names()
                    ):
                        self._namesakes.add((m.group(1).lower().rstrip("."), surname))
        return self._namesakes

    def _namesake(self, written: str) -> Person:
        """A third party who shares the subject's surname and is known only as ``written``."""
        key = " ".join(written.split()).lower()
        if key not in self._namesake_people:
            person = Person(tokens=tuple(written.split()))
            person.evidence.append("title, initial or relationship shows this is not the subject")
            self._namesake_people[key] = person
        return self._namesake_people[key]

    def _short_and_coordinated_names(self, pages: list[_Page], blocked) -> None:
        """Names the detectors missed that a redactor still reads as a known third party's.

        * A short form of a third party's first name: the start of the first name (3+ letters),
          or such a start plus a pet-name ending (-ie, -y, -i, -ee).
        * A capitalised word joined by "and"/"&" to a third party's name ("living with <Given> and
          <Given>"): another person of the same household.

        Only capitalised words that do not start a sentence or a line, are not ordinary record words
        and are not part of the subject's or a professional's name; a short form must fit one third
        party only, and no kept person's first name.
        """
        kept = self.people.protected_tokens()
        kept_first = {p.key[0] for p in self.people.kept() if len(p.key) > 1} | self._subject_first_names()
        firsts: dict[str, list[Person]] = defaultdict(list)
        for person in self.people.third_parties():
            if len(person.key) > 1 and len(person.key[0]) >= 4 and person.key[0] not in kept:
                firsts[person.key[0]].append(person)

        def short_form(word: str) -> Person | None:
            low = word.lower()
            stems = [low] + [low[: -len(e)] for e in ("ie", "ee", "y", "i") if low.endswith(e)]
            stems = [t for t in stems if len(t) >= 3]

            def fits(first: str) -> bool:
                return first != low and any(first.startswith(t) for t in stems)

            if any(fits(f) for f in kept_first):
                return None
            found = {id(p): p for f, ps in firsts.items() if fits(f) for p in ps}
            return next(iter(found.values())) if len(found) == 1 else None

        for page in pages:
            text = page.text
            names = self.names.get(page.key, [])
            taken = [(s, e) for s, e, _p in names] + list(blocked.get(page.key, ()))
            added = []
            for m in re.finditer(r"\b[A-Z][a-z]{2,}\b", text):
                s, e = m.start(), m.end()
                word = m.group()
                low = word.lower()
                if low in kept or low in NON_NAME or _inside(s, e, taken):
                    continue
                before = text[:s].rstrip(" \t")
                if not before or before[-1] in ".!?:\n\"'-(|" or re.match(r"[\w'\-]|[ \t]*\d", text[e : e + 2]):
                    continue  # starts a sentence, line or cell; or part of a longer word or a date
                person = short_form(word)
                if person is None:
                    near = [
                        p
                        for a, b, p in names
                        if p.kind == THIRD_PARTY
                        and (
                            re.fullmatch(r"[ \t]+(?:and|&)[ \t]+", text[e:a])
                            or re.fullmatch(r"[ \t]+(?:and|&)[ \t]+", text[b:s])
                        )
                    ]
                    if not near or re.match(r"[ \t]+[A-Z]", text[e:]):
                        continue
                    person = self.people._person((word,))
                    if person.kind != THIRD_PARTY:
                        continue
                added.append((s, e, person))
            if added:
                names.extend(added)
                names.sort(key=lambda x: (x[0], -x[1]))
                self.names[page.key] = names

    def _vocatives(self, pages: list[_Page]) -> None:
        """A lone first name addressing the reader of a letter to a third party is that third party.

        In a letter opening "Dear Mr <Surname>," whose addressee is a third party, a proper noun that
        starts a sentence and is followed by a comma and "you"/"your"/"please" ("Shaun, please do
        not ...") names the addressee. It must not be a kept person's name, and when the recipient
        block gives an initial ("Mr S. <Surname>") it must start with that initial.
        """
        kept = self.people.protected_tokens()
        for page in pages:
            text = page.text
            salute = _SALUTATION.search(text)
            if salute is None:
                continue
            named = [n for n in self.names.get(page.key, ()) if n[0] <= salute.start(2) < n[1]]
            if not named or named[0][2].kind != THIRD_PARTY:
                continue
            addressee = named[0][2]
            title, surname = salute.group(1), salute.group(2)
            initial = re.search(r"\b" + title + r"\.?\s+([A-Z])\.?\s+" + re.escape(surname) + r"\b", text)
            taken = [(s, e) for s, e, _p in self.names.get(page.key, ())]
            for f in page.findings:
                if f.entity != "PROPN_SINGLE" or f.start < salute.end() or _inside(f.start, f.end, taken):
                    continue
                word = text[f.start : f.end]
                if word.lower() in kept or (initial and word[0] != initial.group(1)):
                    continue
                sent = next(((a, b) for a, b in page.sentences if a <= f.start < b), (f.start, len(text)))
                if text[sent[0] : f.start].strip() or not _VOCATIVE_AFTER.match(text[f.end : sent[1]]):
                    continue
                self.names[page.key].append((f.start, f.end, addressee))
            self.names[page.key].sort(key=lambda x: (x[0], -x[1]))

    def _name_candidates(self, pages: list[_Page]) -> list[_Candidate]:
        out = []
        for page in pages:
            for start, end, person in self.names.get(page.key, ()):
                if person.kind != THIRD_PARTY:
                    continue
                if person.foster:
                    reason = "Name of a foster carer or other carer (third party)."
                else:
                    reason = "Name of another person (third party)."
                out.append(
                    _Candidate(page, start, end, "PERSON", "SCH2-P16-THIRD-PARTY", reason, 0.85, "PersonTracker")
                )
        return out

    def _sensitive_candidates(self, pages: list[_Page]) -> list[_Candidate]:
        """Whole sentences carrying a third party's sensitive information (rule tp-sensitive-sentence)."""
        given = {name_tokens(n)[0] for n in self.context.subject.names if name_tokens(n)}
        out = []
        for page in pages:
            names = self.names.get(page.key, ())
            for start, end, kind in sensitive_sentences(
                page.text,
                page.sentences,
                [(s, e) for s, e, p in names if p.kind == THIRD_PARTY],
                [(s, e) for s, e, p in names if p.kind == SUBJECT],
                given,
                [(s, e) for s, e, p in names if p.kind in (PROFESSIONAL, DISCLOSED)],
            ):
                reason = (
                    f"Another person's sensitive information ({kind}), withheld as a whole sentence "
                    "(third-party information)."
                )
                out.append(
                    _Candidate(page, start, end, THIRD_PARTY_SENSITIVE, "SCH2-P16-THIRD-PARTY", reason, 0.7,
                               "ThirdPartySensitiveRule")
                )
        return out

    # -- identifiers ------------------------------------------------------------------------------

    def _identifier_candidates(self, pages: list[_Page]) -> list[_Candidate]:
        subject_ids = {_id_key(v) for v in self.context.subject.identifiers}
        occurrences: list[tuple[_Page, Finding, _Owner, bool]] = []
        for page in pages:
            for f in _dedupe_identifiers(page.findings):
                if f.entity not in _IDENTIFIERS:
                    continue
                if f.entity == "PHONE_NUMBER" and len(re.sub(r"\D", "", page.text[f.start : f.end])) < 10:
                    continue
                owner = self._owner(page, f.start, f.end)
                harm = f.entity in _LOCATING and self._serious_harm_context(page, f.start)
                occurrences.append((page, f, owner, harm))
        # Bundle-wide decision per value: a third party's number is redacted everywhere.
        verdicts: dict[tuple[str, str], Verdict] = {}
        for page, f, owner, harm in occurrences:
            key = _value_key(f.entity, page.text[f.start : f.end])
            verdict = self._verdict(page, f, owner, harm, subject_ids)
            verdicts[key] = max(verdicts.get(key, verdict), verdict)
        out = []
        for page, f, owner, harm in occurrences:
            key = _value_key(f.entity, page.text[f.start : f.end])
            verdict = verdicts[key]
            if verdict.keeps:
                continue
            what = _WHAT.get(f.entity, "Detail")
            if verdict is Verdict.HARM or harm or (owner.person is not None and owner.person.foster):
                code = "SCH3-SERIOUS-HARM"
                reason = (
                    f"{what} that could locate a child's placement, carers or adoptive family; proposed "
                    "under the serious-harm exemption for a manager's decision."
                )
            else:
                # Reasons go into the requester's schedule: they never name the third party.
                code = "SCH2-P16-THIRD-PARTY"
                reason = f"{what} of another person (third-party information)."
            out.append(_Candidate(page, f.start, f.end, f.entity, code, reason, f.score, f.recognizer))
        return out

    def _verdict(self, page: _Page, f: Finding, owner: _Owner, harm: bool, subject_ids: set) -> Verdict:
        """The verdict of the first rule of :data:`IDENTIFIER_RULES` that applies to one occurrence."""
        occ = _Occurrence(self, page, f, owner, harm, subject_ids, page.text[f.start : f.end])
        return first_verdict(IDENTIFIER_RULES, occ, Verdict.REDACT)[0]

    def _third_party_in_sentence(self, page: _Page, pos: int) -> bool:
        sent = next(((s, e) for s, e in page.sentences if s <= pos < e), (0, len(page.text)))
        return any(
            p.kind == THIRD_PARTY for s, e, p in self.names.get(page.key, ()) if s >= sent[0] and e <= pos
        )

    def _email_verdict(self, value: str) -> Verdict | None:
        if WORK_DOMAIN.search(value):
            return Verdict.KEEP
        local = re.split(r"[._\-+\d]+", value.split("@")[0].lower())
        kept = self.people.protected_tokens()
        third = {t for p in self.people.third_parties() for t in p.key if t not in kept}
        if any(t in third for t in local if len(t) > 1):
            return Verdict.REDACT_STRONG
        hits = [t for t in local if len(t) > 2 and t in kept]
        # A surname that a third party shares with the subject says nothing about whose address it
        # is: ownership (the names around it) decides, and with no owner it is redacted (fail closed).
        shared = {p.key[-1] for p in self.people.third_parties() if len(p.key) > 1}
        if hits and all(t in shared for t in hits):
            return None
        if hits:
            return Verdict.KEEP
        return Verdict.REDACT

    def _owner(self, page: _Page, start: int, end: int) -> _Owner:
        """The person a detail at ``start..end`` belongs to: nearest name in the same sentence.

        A possessive right before the detail ("X's mobile is") or the nearest name before it in the
        sentence is a strong owner, unless a relationship word stands between them ("X's mother's
        mobile"). With no name before it in the sentence, the name at the top of its label block,
        table row or signature block is a strong owner (:meth:`_block_owner`). Otherwise a name
        after it, or one found in the previous sentences when the sentence only has a pronoun, is a
        weak owner.
        """
        sent = next(((s, e) for s, e in page.sentences if s <= start < e), (0, len(page.text)))
        names = [n for n in self.names.get(page.key, ()) if n[1] <= start and n[0] >= sent[0]]
        if names:
            s, e, person = max(names, key=lambda n: n[1])
            between = page.text[e:start]
            if _FAMILY_WORD.search(between):
                # "<Subject>'s mother's mobile is ...": the detail is the relative's, not the subject's.
                return _Owner(THIRD_PARTY, False, None)
            others = _PRONOUN.search(between) and not re.match(r"\s*'s\b", page.text[e : e + 3])
            return _Owner(person.kind if person.kind != "disclosed" else SUBJECT, not others, person)
        block = self._block_owner(page, start)
        if block is not None:
            return block
        after = [n for n in self.names.get(page.key, ()) if n[0] >= end and n[1] <= sent[1]]
        if after:
            person = min(after, key=lambda n: n[0])[2]
            return _Owner(person.kind, False, person)
        # Pronoun only: the nearest non-professional name in the three sentences before.
        prior = [
            n
            for n in self.names.get(page.key, ())
            if n[1] <= sent[0] and n[2].kind != PROFESSIONAL and n[0] >= _back_sentences(page, sent[0], 3)
        ]
        if prior:
            person = max(prior, key=lambda n: n[1])[2]
            # A "Label: value" line in a block of such lines ("Name: X / NHS No: 123") belongs to the
            # name at the top of the block; a pronoun sentence does not.
            line_start = page.text.rfind("\n", 0, start) + 1
            block_start = _back_lines(page.text, line_start, 3)
            strong = bool(_LABEL_AT.match(page.text, line_start)) and max(prior, key=lambda n: n[1])[0] >= block_start
            return _Owner(person.kind, strong, person)
        return _Owner(None, False, None)

    def _block_owner(self, page: _Page, pos: int) -> _Owner | None:
        """The owner of a detail in a block of short lines: the nearest name above it in the block.

        Label/value blocks ("Young person:" / "Ruby Ellington" / "NHS number:" / "903 ..."), table
        rows with one cell per line and signature blocks (name / role / "Tel: ...") give each
        detail to the person the block is about. The block ends at a line of running prose; blank
        lines inside it are allowed, up to eight lines of it are read.
        """
        text = page.text
        wide = page.wide
        line_start = text.rfind("\n", 0, pos) + 1
        line_end = text.find("\n", pos)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if len(line.strip()) >= 0.6 * wide:
            return None
        block_start, seen = line_start, 0
        while block_start > 0 and seen < 8:
            prev_start = text.rfind("\n", 0, block_start - 1) + 1
            prev = text[prev_start : block_start - 1].strip()
            if len(prev) >= 0.6 * wide:
                break
            block_start = prev_start
            seen += bool(prev)
        names = [n for n in self.names.get(page.key, ()) if n[0] >= block_start and n[1] <= pos]
        if not names:
            return None
        s, e, person = max(names, key=lambda n: n[1])
        kind = person.kind if person.kind != DISCLOSED else SUBJECT
        if kind == SUBJECT and (_FAMILY_WORD.search(text[e:pos]) or _PRONOUN.search(text[e:pos])):
            return _Owner(SUBJECT, False, person)
        return _Owner(kind, True, person)

    def _serious_harm_context(self, page: _Page, pos: int) -> bool:
        sent = next(((s, e) for s, e in page.sentences if s <= pos < e), (0, len(page.text)))
        return bool(_SERIOUS_HARM_CUE.search(page.text[sent[0] : sent[1]]))


# ---------------------------------------------------------------------------------------------
# helpers


def _heading(text: str) -> str:
    """The first two non-empty lines of a page (title and markings), plus an e-mail subject line."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    # An e-mail's subject line is its title ("Subject: Legal advice re ...").
    subject = [ln for ln in lines[:8] if re.match(r"\s*(?:subject|re)\s*:", ln, re.IGNORECASE)]
    return "\n".join(lines[:2] + subject[:1])


def _looks_like_heading(line: str) -> bool:
    """A short line without closing punctuation, in Title case or capitals: a section heading."""
    words = line.split()
    if not words or len(words) > 6 or line.rstrip()[-1:] in ".,;!?":
        return False
    return line.strip().isupper() or sum(w[0].isupper() for w in words) >= max(1, len(words) - 1)


_SALUTATION = re.compile(r"^[ \t]*Dear[ \t]+(Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+([A-Z][\w'\-]+)[ \t]*,?[ \t]*$", re.MULTILINE)
_VOCATIVE_AFTER = re.compile(r",[ \t\n]+(?:[^.!?]*\b(?:you|your)\b|please\b)", re.IGNORECASE)
_CONTACT = frozenset({"UK_ADDRESS", "UK_POSTCODE", "PHONE_NUMBER"})
# An organisation's name in an address or contact line ("County Hall", "<Town> Surgery"), not a
# street or building named after one ("School Lane", "Academy House").
_ORG_CONTACT = re.compile(
    r"\b(?:County\s+Hall|Town\s+Hall|Civic\s+Cent(?:re|er)|(?:County|City|District|Borough)\s+Council|Council|"
    r"Surgery|Medical\s+(?:Centre|Practice|Group)|Health\s+Cent(?:re|er)|NHS(?:\s+[A-Z]\w*)*\s+Trust|"
    r"School|Academy|College|Police\s+Station|Hospital|Clinic|CAMHS|Children's\s+Services|Social\s+Care|"
    r"[A-Z]\w*\s+Team)\b(?![ \t]+(?:House|Court|Lodge|Cottages?|Flats|Apartments|Farm|"
    + "|".join(STREET_WORDS)
    + r")\b)"
)


_SERVICE_LABEL = re.compile(
    r"\b(?:duty\s+(?:line|team|desk|number|phone)|switchboard|help\s*line|advice\s+line|main\s+(?:line|number|office)|"
    r"office|team|service\s+line|reception|out[ \-]of[ \-]hours(?:\s+service)?)"
    r"(?:[ \t]+(?:line|number|tel(?:ephone)?|phone|no\.?))?[ \t]*[:\-]?[ \t]*$",
    re.IGNORECASE,
)


def _service_line(text: str, start: int) -> bool:
    """A phone number labelled as a service's line ("Fostering duty line:", "Switchboard:", "Team:").

    The label must be on the same line, right before the number, and must not name a person or a
    relative ("Mum's office:", "Dad - team line").
    """
    label = text[max(0, start - 50) : start].replace("\n", " ")  # the label may end the line above
    if not _SERVICE_LABEL.search(label):
        return False
    return not (_FAMILY_WORD.search(label) or re.search(r"'s\b", label))


def _organisation_line(page: _Page, start: int, end: int) -> bool:
    """True when a contact detail sits on a line naming an organisation (or right under one).

    Letterheads ("Children's Services, County Hall, ...") and practice address blocks
    ("<Town> Surgery" / "Town AB1 2CD") give the organisation's details, which are disclosed.
    """
    text = page.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    lines = text[line_start : line_end if line_end >= 0 else len(text)]
    if len(lines.strip()) < 0.6 * page.wide and line_start > 0:
        lines = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start] + lines
    return bool(_ORG_CONTACT.search(lines))


def _title_before(text: str, words, i: int, titles) -> tuple[int, str | None, str | None]:
    """Start of the name at ``words[i]`` with a title and one initial before it ("Mr S. <Surname>").

    Returns ``(start, title, initial)``; title and initial are ``None`` when absent.
    """
    start, title, initial = words[i][0], None, None
    j = i - 1

    def joined(a: int, b: int) -> bool:
        gap = text[words[a][1] : words[b][0]]
        return gap.strip() in ("", ".") and "\n\n" not in gap

    if j >= 0 and words[j][1] - words[j][0] == 1 and text[words[j][0]].isupper() and joined(j, i):
        start, initial = words[j][0], text[words[j][0]]
        j -= 1
    if j >= 0 and text[words[j][0] : words[j][1]].lower() in titles and joined(j, j + 1):
        start, title = words[j][0], text[words[j][0] : words[j][1]].lower()
    return start, title, initial


_REL_BEFORE_NAME = re.compile(r"(?:\b([A-Z][\w\-]*)'s\s+)?\b" + _FAMILY + r"\s*(?:,|:|-|is|was|\()?\s*$", re.I)
_REL_AFTER_NAME = re.compile(
    r"^\s*(?:,|\(|-)?\s*(?:the\s+|her\s+|his\s+|their\s+|([A-Z][\w\-]*)'s\s+)?(?:maternal\s+|paternal\s+|birth\s+)?"
    + _FAMILY + r"\b",
    re.I,
)
_TITLE_SURNAME = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mx|MR|MRS|MS|MISS)\.?[ \t]+(?:[A-Z]\.?[ \t]+)?([A-Z][\w'\-]+)")


def _relationship_next_to(text: str, start: int, end: int, child: bool, subject_first: set[str]) -> bool:
    """A family relationship word right before or after a name ("her father, Mr X", "Mr X (uncle)").

    For a child subject any such word means the name is a relative; for an adult subject only one
    stated relative to the subject ("<Subject>'s father") does, as the subject may be a parent.
    """
    line_start = text.rfind("\n", 0, start) + 1
    before = _REL_BEFORE_NAME.search(text[max(line_start, start - 40) : start])
    after = _REL_AFTER_NAME.match(text[end : end + 40])
    for m in (before, after):
        if m and (child or (m.group(1) or "").lower() in subject_first):
            return True
    return False


def _parse_date(value: str) -> _date | None:
    key = _date_key(value)
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", key)
    if not m:
        return None
    try:
        return _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _add_dob_column_dates(page: _Page) -> None:
    """Dates under a date-of-birth column header become date-of-birth findings (rule dob-column)."""
    have = {(f.start, f.end) for f in page.findings if f.entity == "DATE_OF_BIRTH"}
    for start, end in dob_column_dates(page.text, page.index, page.page.char_boxes):
        if (start, end) not in have:
            page.findings.append(Finding("DATE_OF_BIRTH", start, end, 0.8, "DobColumnRule"))


def _inside(start: int, end: int, spans) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _split_mention(page: _Page, start: int, end: int, source: str) -> list[Mention]:
    """Turn a raw PERSON span into clean mentions ("<Given> and <Given> <Surname>" gives two)."""
    raw = page.text[start:end]
    # A line break that ends a sentence or a table cell separates two names ("Author: A B\nC's ...").
    cuts = {e for _s, e in page.sentences}
    raw = "".join("|" if ch == "\n" and start + i in cuts else ch for i, ch in enumerate(raw))
    # A run of spaces or tabs separates two fields ("Signed: A B    Dated: ..."), and a word right
    # before a colon is the next field's label, not part of a name.
    raw = re.sub(r"[ \t]{2,}", lambda m: "|" * len(m.group()), raw)
    raw = re.sub(r"\b[A-Z][a-z]+(?=:)", lambda m: "|" * len(m.group()), raw)
    if page.text[end : end + 1] == ":":
        raw = re.sub(r"[^\s|]+$", lambda m: "|" * len(m.group()), raw)
    out = []
    for part in re.finditer(r"[^,;/&()|]+", raw):
        chunk = part.group()
        for piece in re.split(r"\s+(?:and|or)\s+", chunk):
            offset = start + part.start() + chunk.find(piece)
            words = [(m.start(), m.group()) for m in re.finditer(r"\S+", piece)]
            title = None
            while words and words[0][1].lower().rstrip(".") in ALL_TITLES:
                title = words[0][1]
                words.pop(0)
            tokens = name_tokens(" ".join(w for _, w in words))
            # After a title the next words are a name even if they are also ordinary words
            # ("Mrs Foster", "Mr Read"); otherwise non-name words are trimmed off.
            cleaned = clean_mention(tokens, strict=title is None)
            if source == "ProperNounRecognizer" and len(cleaned) < 2:
                continue  # a lone proper noun from the tagger is too weak to track bundle-wide
            if not cleaned or not words:
                continue
            # Locate the cleaned tokens inside the piece.
            first = next(i for i, (_, w) in enumerate(words) if w.startswith(cleaned[0]))
            last = first + len(cleaned) - 1
            if last >= len(words):
                continue
            s = offset + words[first][0]
            e = offset + words[last][0] + len(words[last][1])
            e = _strip_possessive(page.text, s, e)
            if ROLE_PHRASE.match(page.text, s):
                continue  # "Foster carers": a role, not a person called Foster
            if _place_or_body(page.text, s, e) and not ROLE_AFTER.match(page.text[e : e + 60]):
                continue  # "<County> Police", "<Name> View Primary": a place or body, not a person
            out.append(Mention(page.doc, page.page.page_index, s, e, cleaned, title, source))
    return out


# Buildings and offices ("<Name> House", "<Town> County Offices") and street words that are not
# also common surnames ("Busher Walk"; "Hill" or "Green" are left out).
_AMBIGUOUS_AFTER_NAME = frozenset(words("street_words", "ambiguous-after-name"))
_BUILDING_AFTER = re.compile(
    r"[ \t]+(?:(?:County|City|Borough|District|Civic)[ \t]+(?:Council|Offices|Hall|Buildings|Centre)|House|Offices|"
    r"Hall|Chambers|Buildings|" + "|".join(w for w in STREET_WORDS if w not in _AMBIGUOUS_AFTER_NAME)
    + r")\b"
)
_STREET_BEFORE = re.compile(
    r"\b[A-Z][\w'\-]+[ \t]+(?:" + "|".join(STREET_WORDS) + r")\.?,[ \t]*$"
)
_POSTCODE_AFTER = re.compile(r",?[ \t]+" + POSTCODE + r"(?![A-Za-z0-9])")


def _place_or_body(text: str, start: int, end: int) -> bool:
    """A capitalised word run that names a body, building, street or town, not a person.

    Before an organisation word ("Cornwall Police"), or joined by "and" to one ("Devon and Cornwall
    Police"); before a building or office word ("<Name> House", "<Town> County Offices") or a street
    word that is not a common surname ("Busher Walk"); or the town of an address line, right after
    "<Name> <street word>," or right before a postcode.
    """
    after = text[end : end + 80].replace("\n", " ")  # the body's name may wrap onto the next line
    if _ORG_WORD_AFTER.match(after) or _BUILDING_AFTER.match(after):
        return True
    if re.search(r"[ \t]+(?:House|Offices|Chambers|Buildings)$", text[start:end]):
        return True
    joined = re.match(r"[ \t]+(?:and|&)[ \t]+[A-Z][\w'\-]+", after)
    if joined and _ORG_WORD_AFTER.match(after, joined.end()):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_STREET_BEFORE.search(text[line_start:start]) or _POSTCODE_AFTER.match(text, end))


def _strip_possessive(text: str, start: int, end: int) -> int:
    word = text[start:end]
    for suffix in ("'s", "'S", "s'", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            if suffix == "s'":
                return end - 1
            return end - len(suffix)
    return end


def _month_in_date(text: str, start: int, end: int) -> bool:
    """True when a name that is also a month ("June") sits next to a day or year number."""
    word = text[start:end].lower()
    if word not in {m.lower() for m in MONTHS}:
        return False
    return bool(
        re.search(r"\d\s*(?:st|nd|rd|th)?\s*$", text[max(0, start - 6) : start])
        or re.match(r"\s*\d", text[end : end + 4])
    )


_LABEL_AT = re.compile(r"[ \t]*[A-Z][A-Za-z.' /()\-]{1,30}:[ \t]")


def _back_lines(text: str, pos: int, n: int) -> int:
    """Offset of the start of the line ``n`` lines above the line starting at ``pos``."""
    for _ in range(n):
        if pos <= 0:
            return 0
        pos = text.rfind("\n", 0, pos - 1) + 1
    return pos


def _back_sentences(page: _Page, pos: int, n: int) -> int:
    starts = [s for s, e in page.sentences if s < pos]
    return starts[-n] if len(starts) >= n else 0


def _id_key(value: str) -> str:
    """An identifier without its separators, case-folded: "401 023 2137" is "4010232137"."""
    return re.sub(r"[\s\-./]+", "", value).casefold()


def _value_key(entity: str, value: str) -> tuple[str, str]:
    """Identity of a detail across the bundle: digits for numbers, folded text otherwise."""
    if entity in ("PHONE_NUMBER", "UK_NHS"):
        digits = re.sub(r"\D", "", value)
        return ("NUM", digits[-10:])
    if entity == "DATE_OF_BIRTH":
        return ("DATE", _date_key(value))
    return (
        entity if entity in ("SCHOOL", "GP_PRACTICE", "CASE_REFERENCE") else "TEXT",
        re.sub(r"[\s,]+", " ", value).strip().lower(),
    )


def _date_key(value: str) -> str:
    iso = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)", value)
    if iso:
        y, mo, d = iso.groups()
        return f"{int(d):02d}/{int(mo):02d}/{y}"
    m = re.match(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})", value)
    if m:
        d, mo, y = m.groups()
        if len(y) == 2:
            y = ("19" if int(y) > 30 else "20") + y
        return f"{int(d):02d}/{int(mo):02d}/{y}"
    # "11 March 2005", "11th Mar 2005", "March 11, 2005"
    words = re.findall(r"[a-z]+|\d+", value.lower())
    month = next((i + 1 for w in words for i, name in enumerate(_MONTH_NAMES) if w[:3] == name), None)
    nums = [w for w in words if w.isdigit()]
    if month and len(nums) == 2:
        day, year = (nums[1], nums[0]) if len(nums[0]) == 4 else (nums[0], nums[1])
        if len(year) == 2:  # "5th Jan 87"
            year = ("19" if int(year) > 30 else "20") + year
        return f"{int(day):02d}/{month:02d}/{year}"
    return " ".join(value.lower().replace(",", " ").split())


_MONTH_NAMES = MONTH_ABBREVIATIONS


def _same_date(value: str, dob: str) -> bool:
    return _date_key(value) == _date_key(dob)


def _dedupe_identifiers(findings: list[Finding]) -> list[Finding]:
    """Keep one finding per span, preferring the most specific entity (an NHS number over a phone).

    Phone matches shorter than a UK number (``phonenumbers`` at leniency 0 accepts fragments such
    as the digits of a case reference) and identifiers inside a case reference are dropped.
    """
    refs = [(f.start, f.end) for f in findings if f.entity == "CASE_REFERENCE"]
    best: dict[tuple[int, int], Finding] = {}
    for f in findings:
        if f.entity != "CASE_REFERENCE" and any(s <= f.start and f.end <= e for s, e in refs):
            continue
        k = (f.start, f.end)
        if k not in best or _PRIORITY.get(f.entity, 9) < _PRIORITY.get(best[k].entity, 9):
            best[k] = f
    return sorted(best.values())


def _resolve_overlaps(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop candidates contained in another on the same page (the container is more specific)."""
    by_page: dict[tuple[int, int], list[_Candidate]] = defaultdict(list)
    for c in cands:
        by_page[c.page.key].append(c)
    out = []
    for items in by_page.values():
        items.sort(key=lambda c: (c.start, -(c.end - c.start), _PRIORITY.get(c.entity, 9)))
        kept: list[_Candidate] = []
        for c in items:
            if any(k.start <= c.start and c.end <= k.end for k in kept):
                continue
            kept.append(c)
        out.extend(kept)
    return out


def _close_over_documents(cands: list[_Candidate], pages: list[_Page]) -> list[_Candidate]:
    """Cover every other occurrence, in the same document, of a string already proposed.

    The burn-in verifier checks that no proposed string survives anywhere in the output, so an
    occurrence the detectors missed (a number in a table cell, a name in a footer) is added here.
    Matching is exact, word-bounded, and treats a line break like a space.
    """
    by_doc: dict[int, list[_Candidate]] = defaultdict(list)
    for c in cands:
        by_doc[c.page.doc].append(c)
    out = list(cands)
    for doc, items in by_doc.items():
        seen: dict[str, _Candidate] = {}
        for c in items:
            if c.entity == "LEGAL_ADVICE":
                continue
            text = " ".join(c.page.text[c.start : c.end].split())
            if len(text) >= 3 and text not in seen:
                seen[text] = c
        if not seen:
            continue
        for page in (p for p in pages if p.doc == doc):
            flat = page.text.replace("\n", " ")
            covered = [(c.start, c.end) for c in out if c.page is page]
            for needle, proto in seen.items():
                pos = flat.find(needle)
                while pos >= 0:
                    end = pos + len(needle)
                    bounded = (pos == 0 or not flat[pos - 1].isalnum()) and (
                        end == len(flat) or not flat[end].isalnum()
                    )
                    if bounded and not any(s <= pos and end <= e for s, e in covered):
                        out.append(
                            _Candidate(
                                page,
                                pos,
                                end,
                                proto.entity,
                                proto.code,
                                proto.reason,
                                proto.score,
                                proto.recognizer,
                            )
                        )
                        covered.append((pos, end))
                    pos = flat.find(needle, pos + 1)
    return _resolve_overlaps(out)


__all__ = ["CHUNK_PAGES", "DATE", "DocumentPlan", "Finding", "RedactionEngine", "analyse_texts"]
