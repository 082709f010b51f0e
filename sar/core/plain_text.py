r"""Render interpolated values as plain text in letters, schedules and e-mails (issue 8).

Letters and e-mails are plain-text Jinja templates, and the letter text is then laid out by
``redaction.pdf_compose.text_pdf``, for which a form feed starts a new page and a line starting
``"## "`` is a heading. A value a requester typed (their name, a child's name) is interpolated into
those templates, so without care ``"Sam\f## Decision: refused"`` would inject a page break and a
heading into the council's letter, and a newline would forge paragraphs of an e-mail.

Every ``{{ value }}`` of those templates passes through a Jinja ``finalize`` function from here, so
the templates cannot forget it:

* :func:`one_line` (e-mails, and the base of :func:`letter_value`): every control character
  (Unicode Cc: newline, carriage return, tab, form feed, vertical tab, NEL ...), line and paragraph
  separator (Zl, Zp) and bidirectional override (which can reorder what is printed) becomes a space
  (a run of them, with the spaces around it, one space).
* :func:`letter_value`: as :func:`one_line`, and a value starting with the heading marker's
  character is indented by one space, so it can never begin a heading line; it prints as written.
* :class:`MultilineText`: text a member of staff wrote as paragraphs (a free-text e-mail body, the
  reasoning of a decision letter) keeps its line breaks, and loses every other control character;
  in a letter no line of it can start a heading.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

#: Bidirectional embedding, override and isolate controls (Unicode category Cf, UAX #9).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
#: Unicode categories that break or reorder a line: controls, line and paragraph separators.
BREAKING_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})
#: The character that starts a heading line in the letter layout (``"## "``, ``text_pdf``).
HEADING_CHAR = "#"


class MultilineText(str):
    """Text written as paragraphs by staff: line breaks are kept when it is interpolated."""


def _breaking(ch: str) -> bool:
    return ch in BIDI_CONTROLS or unicodedata.category(ch) in BREAKING_CATEGORIES


def one_line(text: str) -> str:
    """``text`` as a single line of plain text (see the module docstring).

    Each run of breaking characters, with the spaces around it, becomes one space; other spacing is
    kept as written (a template's own ``{{ " pages were" }}`` keeps its leading space).
    """
    if not any(_breaking(ch) for ch in text):
        return text
    marked = "".join("\x00" if _breaking(ch) else ch for ch in text)
    return re.sub(r" *\x00[\x00 ]*", " ", marked)


def paragraphs(text: str) -> str:
    r"""``text`` with its line breaks (``\n``, ``\r\n``) kept and every other control character a space."""
    lines = text.replace("\r\n", "\n").split("\n")
    return "\n".join(re.sub(r"[ \t]+", " ", "".join(" " if _breaking(ch) else ch for ch in line)).rstrip()
                     for line in lines)


def email_value(value: Any) -> Any:
    """Jinja ``finalize`` for plain-text e-mails: strings become one line unless :class:`MultilineText`."""
    if isinstance(value, MultilineText):
        return paragraphs(value)
    if isinstance(value, str):
        return one_line(value)
    return value


def letter_value(value: Any) -> Any:
    """Jinja ``finalize`` for letters and schedules laid out by ``text_pdf``: one line, never a heading."""
    if not isinstance(value, str):
        return value
    if isinstance(value, MultilineText):
        # Staff-written reasoning keeps its paragraphs; no line of it may become a heading.
        return "\n".join(" " + ln if ln.startswith(HEADING_CHAR) else ln for ln in paragraphs(value).split("\n"))
    line = one_line(value)
    return " " + line if line.startswith(HEADING_CHAR) else line
