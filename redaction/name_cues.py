"""Name recognizers that work from the spaCy analysis: what the small model misses as PERSON.

Four presidio ``EntityRecognizer`` subclasses, registered in the analyzer's ``RecognizerRegistry``
(:func:`redaction.nlp.build_analyzer`) like every other detector:

* :class:`ProperNounRecognizer`: runs of two or three Title-case proper nouns (spaCy ``PROPN``);
* :class:`RecurringProperNoun`: a lone Title-case proper noun; it counts as a name only once it
  recurs in the bundle (decided by :mod:`redaction.people`, not here);
* :class:`CapitalsNameRecognizer`: runs of two or three words in capitals that are not English;
* :class:`CapitalsSpacyRecognizer`: names in capitals found by analysing the page again with those
  words in Title case (the model barely recognises "MOTHER: <GIVEN> <SURNAME>").

Each returns its own entity type (:data:`NAME_CUE_ENTITIES`) so that presidio's de-duplication
(which drops a result contained in a higher-scoring one of the same type) never merges a weak cue
into the model's PERSON result: the engine sees every cue, as it always has.
:func:`redaction.detect.analyse_texts` maps them back to ``PERSON`` / ``PROPN_SINGLE``. They know
nothing about who the data subject is.

They live beside :mod:`redaction.names` rather than in :mod:`redaction.detectors` because they read
its vocabulary of words that are never names (``NON_NAME``), which is itself built on the detectors'
word lists; inside ``detectors`` that would be an import cycle.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from redaction.english import english_words, is_english, trim_english
from redaction.furniture import is_label_line
from redaction.names import NON_NAME

#: Internal entity type -> the entity the engine reads (see the module docstring).
NAME_CUE_ENTITIES = {
    "PROPN_RUN": "PERSON",
    "PROPN_SINGLE": "PROPN_SINGLE",
    "CAPS_RUN": "PERSON",
    "CAPS_PERSON": "PERSON",
}

_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'\-]{2,}\b")
_CAPS_TOKEN = re.compile(r"\b[A-Z][A-Z'\-]*[A-Z]\b")


class _NameCue(EntityRecognizer):
    """Base: one internal entity type, the NLP engine for the English word list, nothing to load."""

    ENTITY = ""
    SCORE = 0.4
    #: The recognizer name findings carry (defaults to the class name).
    NAME = ""

    def __init__(self, nlp_engine) -> None:
        super().__init__(supported_entities=[self.ENTITY], name=self.NAME or type(self).__name__,
                         supported_language="en")
        self._nlp_engine = nlp_engine

    def load(self) -> None:
        """Nothing to load: the model is the analyzer's."""

    @property
    def english(self) -> frozenset[str]:
        """The model's English words (:func:`redaction.english.english_words`)."""
        return english_words(self._nlp_engine)

    def _result(self, start: int, end: int, score: float | None = None) -> RecognizerResult:
        return RecognizerResult(self.ENTITY, start, end, self.SCORE if score is None else score)


def _lone_org(doc, tok) -> bool:
    """A one-word ORG entity: the small model often labels a first name at a sentence start as ORG."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.ent_type_ == "ORG" and tok.ent_iob_ == "B" and (nxt is None or nxt.ent_iob_ != "I")


class ProperNounRecognizer(_NameCue):
    """Runs of two or three Title-case proper nouns; a run may continue over a line break."""

    ENTITY = "PROPN_RUN"

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        out: list[RecognizerResult] = []
        run: list = []

        def flush() -> None:
            if 2 <= len(run) <= 3:
                out.append(self._result(run[0].idx, run[-1].idx + len(run[-1].text)))
            run.clear()

        for tok in nlp_artifacts.tokens:
            if tok.is_space and "\n" in tok.text and run:
                continue  # a name split over a line break stays one run
            if tok.pos_ == "PROPN" and tok.is_title and tok.text.lower() not in NON_NAME:
                run.append(tok)
            else:
                flush()
        flush()
        return out


class RecurringProperNoun(_NameCue):
    """A lone Title-case proper noun the model did not call anything but (perhaps) a person.

    Not on a label line ("Outcome: ..."): labels are form furniture, not names.
    """

    ENTITY = "PROPN_SINGLE"
    SCORE = 0.3

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        doc = nlp_artifacts.tokens
        english = self.english

        def is_word(w: str) -> bool:
            return is_english(w, english)

        return [
            self._result(tok.idx, tok.idx + len(tok.text))
            for tok in doc
            if tok.pos_ == "PROPN"
            and tok.is_title
            and len(tok.text) > 2
            and tok.text.lower() not in NON_NAME
            and (tok.ent_type_ in ("", "PERSON") or _lone_org(doc, tok))
            and not is_label_line(text, tok.idx, tok.idx + len(tok.text), is_word)
        ]


class CapitalsNameRecognizer(_NameCue):
    """Runs of two or three words in capitals that are not English words: names in ALL-CAPS notes."""

    ENTITY = "CAPS_RUN"
    NAME = "CapitalsNameHeuristic"  # the name schedules and tests have always shown

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102
        english = self.english
        out: list[RecognizerResult] = []
        run: list[re.Match] = []

        def flush() -> None:
            if 2 <= len(run) <= 3:
                out.append(self._result(run[0].start(), run[-1].end()))
            run.clear()

        for m in _CAPS_TOKEN.finditer(text):
            word = m.group()
            unknown = len(word) >= 3 and re.search(r"[AEIOUY]", word) and not is_english(word, english)
            if run and (not unknown or text[run[-1].end() : m.start()].strip()):
                flush()
            if unknown:
                run.append(m)
        flush()
        return out


def title_caps(text: str, english: frozenset[str]) -> str:
    """``text`` with words in capitals written in Title case, if some of them could be names.

    Same length, same offsets. Pages whose capitals are all English words (headings such as
    "CASE NOTE") are returned unchanged, so the second NLP pass only runs where it can find something.
    """
    caps = _CAPS_WORD.findall(text)
    if len(caps) < 2 or all(is_english(w, english) for w in caps):
        return text
    return _CAPS_WORD.sub(lambda m: m.group()[0] + m.group()[1:].lower(), text)


class CapitalsSpacyRecognizer(_NameCue):
    """Names in capitals: the page analysed again with its capitals in Title case.

    Runs the analyzer's own PERSON recognizers (spaCy and ours) over the Title-case text and keeps
    the spans that are in capitals in the original, trimmed of English words. Needs the analyzer it
    is registered in (:meth:`bind`). :meth:`prime` lets a caller analyse many Title-case pages in one
    ``nlp.pipe`` batch before the per-page analysis asks for them.
    """

    ENTITY = "CAPS_PERSON"

    def __init__(self, nlp_engine) -> None:
        super().__init__(nlp_engine)
        self._analyzer = None
        self._primed: dict[str, object] = {}

    def bind(self, analyzer) -> None:
        """The ``AnalyzerEngine`` whose PERSON recognizers run on the Title-case text."""
        self._analyzer = analyzer

    def prime(self, texts) -> None:
        """Analyse the Title-case form of every page in ``texts`` that has one, in one batch."""
        english = self.english
        todo = list(dict.fromkeys(t for t, x in ((title_caps(x, english), x) for x in texts) if t != x))
        self._primed = {}  # the previous batch's leftovers are dropped, so memory stays bounded
        if todo:
            for text, artifacts in self._nlp_engine.process_batch(todo, language="en", batch_size=len(todo)):
                self._primed[text] = artifacts

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102
        if self._analyzer is None:
            return []
        english = self.english
        titled = title_caps(text, english)
        if titled == text:
            return []
        artifacts = self._primed.get(titled) or self._nlp_engine.process_text(titled, "en")
        out = []
        for r in self._analyzer.analyze(titled, language="en", nlp_artifacts=artifacts, entities=["PERSON"]):
            if not text[r.start : r.end].isupper():
                continue
            start, end = trim_english(text, r.start, r.end, english)
            if end > start:
                out.append(self._result(start, end, round(float(r.score), 4)))
        return out


def name_cue_recognizers(nlp_engine) -> list[EntityRecognizer]:
    """Fresh instances of the four recognizers (bind the last one to its analyzer)."""
    return [
        ProperNounRecognizer(nlp_engine),
        RecurringProperNoun(nlp_engine),
        CapitalsNameRecognizer(nlp_engine),
        CapitalsSpacyRecognizer(nlp_engine),
    ]
