"""UK recognizers for names the spaCy model misses: after a title, next to a relationship word.

Presidio ``EntityRecognizer``s built on ``redaction.detectors.uk_patterns._RegexRecognizer``;
they know nothing about who the data subject is.
"""

from __future__ import annotations

from redaction.detectors.uk_patterns import (
    _NAME_TOKEN,
    _NAMES,
    _REL,
    _REL_BEFORE,
    _TITLE,
    _RegexRecognizer,
)


class TitledNameRecognizer(_RegexRecognizer):
    """Names after a title: Mr/Mrs/Ms/Miss/Dr + (first name) + surname, ALL CAPS and line breaks too."""

    ENTITY = "PERSON"
    RULES = ((r"\b(" + _TITLE + r"[ \t\n]+" + _NAME_TOKEN + r"(?:[ \t\n]+" + _NAME_TOKEN + r")?)(?![\w])", 1, 0.7),)


class RelationshipNameRecognizer(_RegexRecognizer):
    """Names next to a family or social relationship: "mother, <Given> <Surname>", "<Given> (half-sibling)".

    The small spaCy model misses many names; a relationship word beside a capitalised word is a strong
    cue that the word is a third party's name.
    """

    ENTITY = "PERSON"
    RULES = (
        (
            r"(?i:\b" + _REL_BEFORE + r"(?:'s)?\s*(?:,|:|-|is|was|called|named)?\s*)(" + _NAMES + r")",
            1,
            0.6,
        ),
        (
            r"(" + _NAMES + r")(?:\s*,\s*(?:the\s+|a\s+|his\s+|her\s+|their\s+)?|\s*\(\s*|[ \t]*\n[ \t]*|[ \t]{2,}|"
            r"\s+-\s+|\s+is\s+(?:the\s+|his\s+|her\s+|their\s+)?)"
            r"(?i:(?:child's\s+|subject's\s+|maternal\s+|paternal\s+)?" + _REL + r")\b",
            1,
            0.6,
        ),
    )
