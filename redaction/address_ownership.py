"""Whose address: a described or foreign address is the subject's only when the record says so.

A redactor reads "<Subject> was found at a flat above a shop on <Street>" and does not take the flat
for the subject's home: the subject is the nearest name, but the sentence says where they were found,
not where they live. The subject's own address is disclosed when it is stated as theirs: a residence
word ("lives", "living", "resides", "home", "moved to", "staying with") or an address label
("Address:") before it, in the same sentence. Otherwise nobody is shown to own the place and
it is redacted (fail closed; rule ``address-stated-as-subjects`` in
:data:`redaction.identifier_rules.IDENTIFIER_RULES`, DPA 2018 Sch 2 para 16).

Only the addresses that carry no layout of their own are judged this way: places described in prose
and foreign or Irish addresses (the recognizers in :data:`DESCRIBED_ADDRESS_RECOGNIZERS`). A UK postal
address heading a letter or a label block keeps the ownership the engine gives it.
"""

from __future__ import annotations

import re

#: Recognizers whose addresses are judged by :func:`stated_as_subjects`.
DESCRIBED_ADDRESS_RECOGNIZERS = frozenset({
    "PlacePhraseRecognizer", "PlaceDescriptionRecognizer", "ForeignStreetRecognizer", "IrishAddressRecognizer",
})

_RESIDENCE = re.compile(
    r"\b(?:lives?|living|lived|resides?|residing|resident|home|address|moved|moving|staying|stays|stayed|"
    r"rents?|renting|housed|rehoused|tenancy|tenant|placed|placement|accommodated|accommodation)\b",
    re.IGNORECASE,
)


def needs_statement(entity: str, recognizer: str) -> bool:
    """True for an address whose owner must be stated (a described, foreign or Irish address)."""
    return entity == "UK_ADDRESS" and recognizer in DESCRIBED_ADDRESS_RECOGNIZERS


def stated_as_subjects(text: str, start: int, sentence_start: int) -> bool:
    """True when a residence word or address label stands before ``start`` in its sentence (160 characters)."""
    return bool(_RESIDENCE.search(text, max(sentence_start, start - 160), start))
