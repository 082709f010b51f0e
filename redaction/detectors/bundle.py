"""Per-bundle presidio recognizers: the people the case record already names (ad-hoc recognizers).

A confirmed cast (:mod:`redaction.cast`) tells the engine who the subject is called (name and
aliases) and who the known parties are. Their names are searched for as presidio deny lists
(``PatternRecognizer(deny_list=...)``), passed to ``AnalyzerEngine.analyze`` as
``ad_hoc_recognizers`` for that bundle only, so every written mention is found even where the model
misses it ("kaz" in a transcribed message).

* :class:`KnownPartyRecognizer`: known parties' names (third parties and disclosed parties). The
  decision layer still decides; a finding only makes sure the mention is seen.
* :class:`SubjectNameRecognizer`: the subject's name and aliases. This is the allow list of the
  bundle, applied in the decision layer rather than through ``analyze(allow_list=...)``: presidio's
  allow list deletes the finding, but a mention of the subject is evidence (a phone number beside the
  subject's alias is the subject's own, rule subject-owns-detail), so it must reach the decider, which
  keeps every name it resolves to the subject.

Both return an internal entity type (:data:`BUNDLE_ENTITIES`), mapped to ``PERSON`` by
:func:`redaction.detect.analyse_texts`, so presidio's de-duplication never replaces the model's own
finding with ours. Pure: built from names only, no database.
"""

from __future__ import annotations

from collections.abc import Iterable

from presidio_analyzer import PatternRecognizer

#: Internal entity type -> the entity the engine reads.
BUNDLE_ENTITIES = {"KNOWN_PARTY": "PERSON", "SUBJECT_NAME": "PERSON"}

#: A name shorter than this is not searched for on its own (initials and two-letter forms match
#: inside too many words and codes; the decision layer handles them from the cast).
MIN_NAME_LEN = 3


def _names(values: Iterable[str]) -> list[str]:
    out = {" ".join(v.split()) for v in values if v and len(" ".join(v.split())) >= MIN_NAME_LEN}
    # longest first, so "Name Surname" wins over "Name" in the alternation
    return sorted(out, key=lambda n: (-len(n), n))


class _DenyList(PatternRecognizer):
    ENTITY = ""

    def __init__(self, names: Iterable[str]) -> None:
        super().__init__(supported_entity=self.ENTITY, deny_list=_names(names), name=type(self).__name__,
                         supported_language="en", deny_list_score=1.0)


class KnownPartyRecognizer(_DenyList):
    """Known parties' names as written in the case record (a presidio deny list)."""

    ENTITY = "KNOWN_PARTY"


class SubjectNameRecognizer(_DenyList):
    """The subject's name and aliases (see the module docstring for why not ``allow_list``)."""

    ENTITY = "SUBJECT_NAME"


def bundle_recognizers(subject_names: Iterable[str], party_names: Iterable[str]) -> list[PatternRecognizer]:
    """Ad-hoc recognizers for one bundle; an empty list of names gives no recognizer."""
    out: list[PatternRecognizer] = []
    if _names(subject_names):
        out.append(SubjectNameRecognizer(subject_names))
    if _names(party_names):
        out.append(KnownPartyRecognizer(party_names))
    return out


def bundle_names(context) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(subject names, known party names)`` of a :class:`redaction.context.RedactionContext`.

    Plain tuples, so they travel to the detection processes cheaply.
    """
    return tuple(context.subject.names), tuple(p.name for p in context.parties)

