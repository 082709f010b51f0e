"""Whose address: a described or foreign address is the subject's only when the record says so.

A redactor reads "<Subject> was found at a flat above a shop on <Street>" and does not take the flat
for the subject's home: the subject is the nearest name, but the sentence says where they were found,
not where they live. The subject's own address is disclosed when it is stated as theirs: a residence
word ("lives", "living", "resides", "home", "moved to", "staying with") or an address label
("Address:") before it, in the same sentence. Otherwise nobody is shown to own the place and
it is redacted (fail closed; rule ``address-stated-as-subjects`` in
:data:`redaction.identifier_rules.IDENTIFIER_RULES`, DPA 2018 Sch 2 para 16).

The other way round, rule ``subject-home-stated``: an address the sentence gives as where the subject
lives ("<Subject> lives with his father at <address>") is the subject's own home even though it names
who else lives there, and is disclosed to them (:func:`subject_lives_at`). A stay or a visit is not.

Only the addresses that carry no layout of their own are judged this way: places described in prose
and foreign or Irish addresses (the recognizers in :data:`DESCRIBED_ADDRESS_RECOGNIZERS`). A UK postal
address heading a letter or a label block keeps the ownership the engine gives it.
"""

from __future__ import annotations

import re

#: Recognizers whose addresses are judged by :func:`stated_as_subjects`.
DESCRIBED_ADDRESS_RECOGNIZERS = frozenset({
    "PlacePhraseRecognizer", "PlaceDescriptionRecognizer", "ForeignStreetRecognizer", "IrishAddressRecognizer",
    "LowerCaseStreetRecognizer", "DistrictOfTownRecognizer",
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


# "<Subject> lives with his father at", "<Subject> has lived at", "<Subject> now resides at", "<Subject>
# moved into": the subject is the one who lives there. A stay or a visit is not a home (the host's
# address stays theirs), and "'s" after the name makes someone else the one who lives there.
_SUBJECT_LIVES = re.compile(
    r"^(?![\'\u2019]s\b)[ \t]*(?:,[^,.;]{0,40},[ \t]*)?(?:(?:now|still|currently|has|have|had|always|"
    r"previously|then|also)\s+)*(?:lives?|lived|living|is\s+living|resides?|resided|residing|"
    r"moved|has\s+moved|moves)\b[^.;\n]{0,80}$",
    re.IGNORECASE,
)


def subject_lives_at(text: str, subject_ends: list[int], address_start: int, sentence_start: int) -> bool:
    """True when a mention of the subject ending at one of ``subject_ends`` is the one who lives at the address.

    The mention must stand in the address's sentence, before it, and be followed by a residence verb
    with nothing but its own clause up to the address ("<Subject> lives with his father at ...").
    """
    return any(sentence_start <= end <= address_start and _SUBJECT_LIVES.match(text[end:address_start])
               for end in subject_ends)
