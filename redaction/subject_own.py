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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from redaction.forms import subject_above
from redaction.lexicon import alternation, words

_OWNER = alternation(words("subject_fields", "owner"))
_DETAIL = alternation(words("subject_fields", "detail"))
_PERSON = re.compile(r"^(?:the[ \t]+)?" + alternation(words("subject_fields", "person")) + r"$", re.IGNORECASE)
# A label before its value: "Label: value", "Label ..... value", or a cell of a label column.
_LABEL = re.compile(r"^[ \t]*([A-Z][\w'\u2019()/\- ]{0,40}?)(?:[ \t]*\.{2,}[ \t]*|[ \t]*:[ \t]*|[ \t]{2,}|\t)(?=\S)")
_DETAIL_LABEL = re.compile(r"^(?:(?:the[ \t]+)?" + _OWNER + r"(?:['\u2019]s)?[ \t]+)?" + _DETAIL + r"$", re.IGNORECASE)
_OWNER_LABEL = re.compile(r"^(?:(?:the[ \t]+)?" + _OWNER + r"(?:['\u2019]s)?[ \t]+" + _DETAIL + r"|" + _DETAIL
                          + r"[ \t]+of[ \t]+(?:the[ \t]+)?" + _OWNER + r")$", re.IGNORECASE)


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
        return None
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
