"""Phase 1 of the redaction engine, detection: raw findings per page.

Holds :class:`Finding` (a raw detection on a page's normalised text), :func:`analyse_texts` (the
Presidio analyzer, whose registry holds every detector, and the bundle's ad-hoc recognizers) and
the entry points of the detection worker processes. Pure: no decisions about what to keep.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from redaction.detectors.bundle import BUNDLE_ENTITIES, bundle_recognizers
from redaction.detectors.uk import ENTITIES
from redaction.english import english_words, is_english, trim_english
from redaction.furniture import cut_at_label_break
from redaction.name_cues import NAME_CUE_ENTITIES, CapitalsSpacyRecognizer
from redaction.nlp import build_analyzer


class Finding(NamedTuple):
    """A raw detection on the normalised text of one page."""

    entity: str
    start: int
    end: int
    score: float
    recognizer: str



def analyse_texts(analyzer, texts: Sequence[str], ad_hoc: Sequence = ()) -> list[list[Finding]]:
    """Run the analyzer over ``texts`` (already normalised) and return findings per text.

    Every detector is a recognizer in the analyzer's registry (:func:`redaction.nlp.build_analyzer`),
    including the name cues of :mod:`redaction.name_cues` (proper-noun runs, lone proper
    nouns, names in capitals), whose internal entity types are mapped back here to ``PERSON`` and
    ``PROPN_SINGLE``; ``ad_hoc`` are the bundle's own recognizers (:mod:`redaction.detectors.bundle`),
    passed as presidio ``ad_hoc_recognizers``. spaCy runs once per batch of texts (``nlp.pipe``), plus
    once per batch for the pages whose capitals are re-read in Title case. The engine validates every
    candidate before using it.
    """
    texts = list(texts)
    out: list[list[Finding]] = []
    batch = analyzer.nlp_engine.process_batch(texts, language="en", batch_size=max(1, len(texts)))
    caps = _capitals_recognizer(analyzer)
    if caps is not None:
        caps.prime(texts)
    english = _english_words(analyzer)

    def is_word(w: str) -> bool:
        return _is_english(w, english)

    entities = [*ENTITIES, *NAME_CUE_ENTITIES, *(e for r in ad_hoc for e in r.supported_entities)]
    for text, artifacts in batch:
        found: list[Finding] = []
        ours: list[Finding] = []
        for r in analyzer.analyze(text, language="en", nlp_artifacts=artifacts, entities=entities,
                                  ad_hoc_recognizers=list(ad_hoc) or None):
            recognizer = (r.recognition_metadata or {}).get("recognizer_name", "unknown")
            f = Finding(r.entity_type, r.start, r.end, round(float(r.score), 4), recognizer)
            if r.entity_type in NAME_CUE_ENTITIES:
                found.append(f._replace(entity=NAME_CUE_ENTITIES[r.entity_type]))
            elif r.entity_type in BUNDLE_ENTITIES:
                ours.append(f._replace(entity=BUNDLE_ENTITIES[r.entity_type]))
            elif r.entity_type == "PERSON":
                found.append(f._replace(end=cut_at_label_break(text, f.start, f.end, is_word)))
            else:
                found.append(f)
        # A name span in capitals from any recognizer loses its English words ("SMITH ARRIVED").
        found = [_trimmed(f, text, english) for f in found]
        found = [f for f in found if f.end > f.start]
        # A known name (written exactly as the cast gives it) adds a mention only where no recognizer
        # found that span already, so what the model found is never replaced.
        seen = {(f.start, f.end) for f in found if f.entity == "PERSON"}
        found.extend(f for f in ours if (f.start, f.end) not in seen)
        out.append(sorted(set(found)))
    return out


def _capitals_recognizer(analyzer) -> CapitalsSpacyRecognizer | None:
    return next((r for r in analyzer.registry.recognizers if isinstance(r, CapitalsSpacyRecognizer)), None)


def _english_words(analyzer) -> frozenset[str]:
    """Base forms the model's lemmatizer knows + stop words (:func:`redaction.english.english_words`)."""
    return english_words(analyzer.nlp_engine)


def _is_english(word: str, english: frozenset[str]) -> bool:
    return is_english(word, english)


def _trimmed(f: Finding, text: str, english: frozenset[str]) -> Finding:
    if f.entity != "PERSON" or not text[f.start : f.end].isupper() or f.recognizer == "TitledNameRecognizer":
        return f
    start, end = trim_english(text, f.start, f.end, english)
    return f._replace(start=start, end=end)


_WORKER: dict[str, object] = {}


def _worker_init(model: str, threshold: float) -> None:
    if "analyzer" not in _WORKER:
        _WORKER["analyzer"] = build_analyzer(model, threshold)


def _worker_chunk(texts: list[str], names: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())) -> list[list[Finding]]:
    """Analyse one chunk in a detection process; ``names`` build the bundle's ad-hoc recognizers."""
    if _WORKER.get("names") != names:
        _WORKER["names"], _WORKER["ad_hoc"] = names, bundle_recognizers(*names)
    return analyse_texts(_WORKER["analyzer"], texts, _WORKER["ad_hoc"])
