"""Label/value forms: whose is a detail written on a form line ("Mobile ...... <number>")?

Rule ``form-subject-label``: on a form whose lines are "<Label> ..... <value>" or "<Label>: <value>", a
detail on a line labelled as a contact or reference detail ("Mobile", "Current address", "National
Insurance") that holds no name belongs to the person the form is
about: the name given under a person label ("Young person", "Name", "Child", "Pupil", "Client")
higher up in the same run of label lines, when that person is the data subject. The walk up stops at
a label line naming someone else who is not a professional (a relative's block: "Mother ..... <Name>"
then "Tel ..... <number>" is hers, and the engine's other ownership rules decide it); a professional
filled in under a role label ("Personal Adviser ..... <Name>") is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_LABEL = re.compile(r"^[ \t]*([A-Z][\w'()/\- ]{0,40}?)(?:[ \t]*\.{2,}[ \t]*|[ \t]*:[ \t]*)(?=\S)", re.MULTILINE)
_PERSON_LABEL = re.compile(
    r"^(?:young\s+person|child|name|full\s+name|child's\s+name|pupil|student|client|service\s+user|"
    r"subject|patient|care\s+leaver)$",
    re.IGNORECASE,
)
# Labels of a person's own contact and reference details (the detail's line must carry one).
_DETAIL_LABEL = re.compile(
    r"\b(?:address|mobile|phone|tel|telephone|landline|contact\s+number|e-?mail|national\s+insurance|"
    r"ni\s+(?:no|number)|nino|passport|postcode)\b",
    re.IGNORECASE,
)
MAX_LINES = 12


def form_owner(text: str, pos: int, names: Sequence[tuple[int, int, object]],
               kind: Callable[[object], str]) -> object | None:
    """The subject, when the detail at ``pos`` sits on a form line of the subject's form; else ``None``.

    :param names: ``(start, end, person)`` of the names on the page.
    :param kind: a person's status (``subject``, ``professional``, ``third_party`` ...).
    """
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    # Any name on the detail's own line (inside the detail too) decides elsewhere.
    label = _LABEL.match(text, line_start)
    if label is None or not _DETAIL_LABEL.search(label.group(1)):
        return None
    if any(s < line_end and line_start < e for s, e, _p in names):
        return None
    return subject_above(text, line_start, names, kind, _LABEL, lambda label: bool(_PERSON_LABEL.match(label.strip())))


def subject_above(text: str, line_start: int, names: Sequence[tuple[int, int, object]],
                  kind: Callable[[object], str], label: re.Pattern[str],
                  is_person_label: Callable[[str], bool]) -> object | None:
    """Walk up the run of label lines above ``line_start`` (at most ``MAX_LINES``) to the form's person.

    Returns the first person named on a line whose label ``is_person_label`` accepts, when that person is
    the subject; ``None`` at a line that is not a label line (``label`` does not match), at a line naming
    someone who is neither the subject nor a professional (fail closed), or at the top of the page.
    Shared by ``form_owner`` and ``redaction.subject_own``, which differ only in their label vocabularies.
    """
    start = line_start
    for _ in range(MAX_LINES):
        if start == 0:
            return None
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev : start - 1]
        start = prev
        m = label.match(line)
        if m is None:
            return None
        on_line = [p for s, _e, p in names if prev <= s < prev + len(line)]
        if not on_line:
            continue
        if is_person_label(m.group(1)):
            return on_line[0] if kind(on_line[0]) == "subject" else None
        if all(kind(p) == "professional" for p in on_line):
            continue
        return None
    return None
