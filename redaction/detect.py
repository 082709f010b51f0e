"""Phase 1 of the redaction engine, detection: raw findings per page.

Holds :class:`Finding` (a raw detection on a page's normalised text), :func:`analyse_texts` (the
Presidio analyzer plus the capitals and proper-noun passes that recover names spaCy misses) and
the entry points of the detection worker processes. Pure: no decisions about what to keep.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from redaction.detectors.uk import ENTITIES
from redaction.furniture import (
    cut_at_label_break,
    is_label_line,
)
from redaction.names import (
    NON_NAME,
)
from redaction.nlp import build_analyzer


class Finding(NamedTuple):
    """A raw detection on the normalised text of one page."""

    entity: str
    start: int
    end: int
    score: float
    recognizer: str



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
