"""Transcribed messages: which lines of a page are text or social-media messages.

Rule ``message-line`` (SCH2-P16-THIRD-PARTY applies to every name on it): people write their
messages in lower case, so on a message line a redactor reads a lower-case word that is a known third
party's name as that person even when the word is also ordinary vocabulary ("<name> u coming").
A line is a message line when it starts with

* a clock time ("21:14", "[09.05]", "(3:07 pm)", "[14/03/2025 21:04]") followed by a sender written
  in lower case or by a sender and a colon, or a line holding only the time with a lower-case sender
  and the message on the lines below it (a transcript table extracted cell by cell), or
* a sender written in lower case (a handle or contact name), optionally a bracketed note, then a colon, or
* a sender (one or two words) followed by a clock time, with or without the date before it, then the
  message on the same line or the line below ("<sender> 14/03/2025, 21:04 <message>"), as phone exports
  print it.

A capitalised label before a colon ("Date: ...", "Present: ...") is a form, not a message.
Function words (the model's stop words, :data:`FUNCTION_WORDS`) are never read as names, so a third
party called "Will" is not matched in "i will".
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

FUNCTION_WORDS = frozenset(STOP_WORDS)
"""English function words (spaCy's English stop-word list): never a name in lower case."""

_TIME = (r"[\[(]?(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+)?"
         r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]*[ap]\.?m\.?)?[\])]?")
_TIME_ONLY = re.compile(rf"^[ \t]*{_TIME}[ \t]*$", re.MULTILINE)
_LINE = re.compile(
    rf"^[ \t]*(?P<time>{_TIME}[ \t|,\-]*)?"
    r"(?P<sender>[\w@.\-]{1,25}(?:[ \t][\w@.\-]{1,25})?)"
    r"[ \t]*(?:\([^)\n]{0,60}\))?[ \t]*(?P<colon>:(?![\d/]))?",
    re.MULTILINE,
)


# "<sender> 14/03/2025, 21:04 <message>": a sender, then the date and clock time, then the message.
_SENDER_THEN_TIME = re.compile(
    r"^[ \t]*[\w@.\-]{1,25}(?:[ \t][\w@.\-]{1,25})?[ \t]+[\[(]?(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+)?"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[ap]\.?m\.?)?[\])]?[ \t]*(?:[:\-\u2013]?[ \t]+\S|(?P<below>\n))",
    re.MULTILINE,
)


def message_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every message line of ``text`` (see the module rule)."""
    out = []
    # A transcript extracted cell by cell: a line holding only the time, then the sender and the
    # message on the lines below it, up to a blank line.
    for m in _TIME_ONLY.finditer(text):
        end = text.find("\n\n", m.end())
        end = len(text) if end < 0 else end
        below = text[m.end() : end].split("\n")
        sender = below[1].strip() if len(below) > 1 else ""
        if re.fullmatch(r"[a-z@][\w@.\-]{0,24}", sender):
            out.append((m.start(), end))
    for m in _SENDER_THEN_TIME.finditer(text):
        # the message is on the same line, or on the line below a "<sender> <date>, <time>" header
        end = text.find("\n", m.end() if m.group("below") else m.start())
        out.append((m.start(), len(text) if end < 0 else end))
    for m in _LINE.finditer(text):
        sender = m.group("sender")
        lower = sender[0].islower() or sender[0] == "@"
        if (m.group("time") and (lower or m.group("colon"))) or (lower and m.group("colon")):
            end = text.find("\n", m.start())
            out.append((m.start(), len(text) if end < 0 else end))
    return out


def on_message_line(lines: list[tuple[int, int]], pos: int) -> bool:
    """Is ``pos`` inside one of ``lines`` (from :func:`message_lines`)."""
    return any(a <= pos < b for a, b in lines)
