"""The subject's own data on their own record: fields a front sheet labels as theirs.

A redactor reading a front sheet ("Patient: <SURNAME>, <Given>" then "Registered GP: <practice>",
"NI number: ...") or a field labelled "Child's address: ..." knows the detail is the subject's,
whoever else the page names nearby: the record says whose field it is. Ownership by the nearest
name (:meth:`redaction.decide._Decider._owner`) misreads such pages when a relative's name, a
misread word or a date sits between the name and the field, so these rules are asked first.

Rules (labels in lexicon/subject_fields.txt; tests in tests/redaction/test_subject_own_data.py):

* ``subject-labelled-field``: the detail's own label names the subject's role in the record
  ("Child's address", "Young person's NI number", "Address of child") and the page names the subject;
  the detail's line names nobody else.
* ``subject-front-sheet``: the detail's line is "<detail label>: <value>" and names nobody; walking up
  the run of label lines above it (at most ``redaction.forms.MAX_LINES``) reaches a person label ("Patient", "Child",
  "Name") whose first name on the line is the subject's, before any line naming someone who is neither
  the subject nor a professional (a relative's block is the relative's: fail closed).
* ``subject-stacked-field``: a form printed as label cells over value cells ("NHS number" on one line,
  the number on the next): the detail's line holds only the value and names nobody, the line above is
  a detail label alone; walking up the lines (at most ``STACKED_LINES``) reaches a person label alone
  on its line ("Child", "Name") whose value line below it is the subject's, before any line naming
  someone who is neither the subject nor a professional (fail closed), and before another person label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from redaction.detectors.uk import RELATIONSHIPS
from redaction.forms import subject_above
from redaction.lexicon import alternation, words

_OWNER = alternation(words("subject_fields", "owner"))
_DETAIL = alternation(words("subject_fields", "detail"))
# A person label, or the label of another name of theirs ("Preferred name: <Nick>"): both name whose
# record the fields below it are (redaction.subject_aliases declares such a name the subject's).
_PERSON_WORDS = words("subject_fields", "person") + words("subject_fields", "alias")
_PERSON = re.compile(r"^(?:the[ \t]+)?" + alternation(_PERSON_WORDS) + r"$", re.IGNORECASE)
# A label before its value: "Label: value", "Label ..... value", or a cell of a label column.
_LABEL = re.compile(r"^[ \t]*([A-Z][\w'\u2019()/\- ]{0,40}?)(?:[ \t]*\.{2,}[ \t]*|[ \t]*:[ \t]*|[ \t]{2,}|\t)(?=\S)")
_DETAIL_LABEL = re.compile(r"^(?:(?:the[ \t]+)?" + _OWNER + r"(?:['\u2019]s)?[ \t]+)?" + _DETAIL + r"$", re.IGNORECASE)
_OWNER_LABEL = re.compile(r"^(?:(?:the[ \t]+)?" + _OWNER + r"(?:['\u2019]s)?[ \t]+" + _DETAIL + r"|" + _DETAIL
                          + r"[ \t]+of[ \t]+(?:the[ \t]+)?" + _OWNER + r")$", re.IGNORECASE)


# A relative's block heading ("Mother", "Parent / carer", "Father's details"): the walk stops there.
_RELATIVE_LABEL = re.compile(r"^(?:" + alternation(tuple(r for r in RELATIONSHIPS if r not in {"child", "referrer"}))
                             + r"|carers?)(?:['\u2019]s)?\b", re.IGNORECASE)

#: Lines walked up from a stacked field to its person label (label and value lines, blank lines not counted).
STACKED_LINES = 24


def _lines_up(text: str, line_start: int):
    """``(start, line)`` of the non-blank lines above ``line_start``, nearest first."""
    start = line_start
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev : start - 1]
        start = prev
        if line.strip():
            yield prev, line


def _stacked_owner(text: str, line_start: int, line_end: int, names: Sequence[tuple[int, int, object]],
                   kind: Callable[[object], str]) -> object | None:
    """Rule subject-stacked-field: the subject, or ``None``.

    The subject when the value at ``line_start`` sits under a detail label cell of the subject's front sheet.
    """
    if any(s < line_end and line_start < e for s, e, _p in names):
        return None
    lines = _lines_up(text, line_start)
    first = next(lines, None)
    if first is None or not _DETAIL_LABEL.match(" ".join(first[1].strip(" \t:").split())):
        return None
    below: list[object] = []  # the people named on the line under the one being read
    for _n, (start, line) in zip(range(STACKED_LINES), lines, strict=False):
        on_line = [p for s, _e, p in names if start <= s < start + len(line)]
        if _PERSON.match(" ".join(line.strip(" \t:").split())):
            return below[0] if below and kind(below[0]) == "subject" else None
        if any(kind(p) not in ("subject", "professional") for p in on_line) or _RELATIVE_LABEL.match(line.strip()):
            return None
        below = on_line
    return None


def subject_field_owner(text: str, pos: int, names: Sequence[tuple[int, int, object]],
                        kind: Callable[[object], str]) -> object | None:
    """The subject's person when the detail at ``pos`` is in a field of the subject's own record.

    :param names: ``(start, end, person)`` of the names on the page, in order.
    :param kind: a person's status (``subject``, ``professional``, ``third_party`` ...).
    :returns: the subject's person, or ``None`` when no rule of this module applies.
    """
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    label = _LABEL.match(text[line_start:pos + 1])
    if label is None:
        return _stacked_owner(text, line_start, line_end, names, kind)
    words_ = " ".join(label.group(1).split())
    if not _DETAIL_LABEL.match(words_):
        return None
    if any(s < line_end and line_start < e for s, e, _p in names):
        return None  # a name on the detail's line: the engine's ownership rules decide
    subjects = [p for _s, _e, p in names if kind(p) == "subject"]
    if _OWNER_LABEL.match(words_):
        return subjects[0] if subjects else None  # rule subject-labelled-field
    # rule subject-front-sheet: the same walk up the label lines as a form's (redaction.forms)
    return subject_above(text, line_start, names, kind, _LABEL,
                         lambda label: bool(_PERSON.match(" ".join(label.split()))))
