"""Page furniture and labels: text that a producer puts on pages, which is never evidence of a person.

A human redactor skims past running headers and footers ("Page 2", "Printed from <system> on ...",
"OFFICIAL - SENSITIVE") and form labels ("Order", "Parent / carer") without wondering whose name they
are. The engine's weakest name evidence, a lone proper noun that recurs, must do the same, otherwise a
footer word recurring on every page becomes a "person" and is redacted bundle-wide. Three rules:

* a **label line** is short (up to four words) and made only of dictionary words, numbers and
  punctuation ("Page 3", "Order", "Outcome:", "<System> ref", "Pathway Plan - <System>"): a
  dictionary word on it is not name evidence;
* a **running line** (digits folded) recurs on two pages of one document, or anywhere in the bundle
  on two pages (four words or more) or three pages (two or three words): lone proper nouns on it are
  not name evidence;
* a dictionary word right before "ID", "ref" or "no." and a number names a record system;
* a name that already has two words on one line does not continue across a line break into a
  dictionary word ("<Given> <Surname>" then "Parent / carer" on the next line).

Stronger evidence (the model calling a span a person, a title, a role, the staff directory) is not
affected: a third party named in a running header is still found wherever the model finds them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

_WORDS = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_DIGITS = re.compile(r"\d+")

IsWord = Callable[[str], bool]


def line_at(text: str, pos: int) -> tuple[int, int]:
    """Start and end offsets of the line holding ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def is_label_line(text: str, start: int, end: int, is_word: IsWord) -> bool:
    """The word at ``start..end`` is on a short line of dictionary words: a label, heading or page number.

    ``is_word`` says whether a word is ordinary vocabulary; a lone first name on its own line (an
    e-mail sign-off) is not a label, nor is a line with any word that is not vocabulary.
    """
    ls, le = line_at(text, start)
    words = _WORDS.findall(text[ls:le])
    return 1 <= len(words) <= 4 and all(is_word(w) for w in words)


_ID_LABEL_AFTER = re.compile(
    r"[ \t]+(?:ID|Id|ref|Ref|REF|No|no|number|Number|reference|Reference)\.?:?[ \t]*[A-Z]{0,4}[ \t]?\d"
)


def names_an_identifier(text: str, end: int) -> bool:
    """The word ending at ``end`` qualifies a reference number: a record system, not a person.

    "<System> ID 1234", "<Register> ref AB12".
    """
    return bool(_ID_LABEL_AFTER.match(text, end))


def _line_key(line: str) -> str:
    return " ".join(_DIGITS.sub("#", line).casefold().split())


def running_lines(pages: Iterable[tuple[int, str]]) -> set[str]:
    """Keys of the lines that recur as page furniture in a bundle.

    :param pages: ``(document number, page text)`` for every page of the bundle.
    :returns: digit-folded, case-folded lines of two words or more that occur on two pages of one
        document, or on two pages of the bundle (four words or more) or three (two or three words).
        Test membership with :func:`on_running_line`.
    """
    per_doc: dict[tuple[int, str], int] = defaultdict(int)
    overall: dict[str, int] = defaultdict(int)
    for doc, text in pages:
        for key in {_line_key(ln) for ln in text.split("\n")}:
            if len(key.split()) < 2:
                continue
            per_doc[(doc, key)] += 1
            overall[key] += 1
    out = {key for key, n in overall.items() if n >= (2 if len(key.split()) >= 4 else 3)}
    out.update(key for (_doc, key), n in per_doc.items() if n >= 2)
    return out


def on_running_line(text: str, pos: int, running: set[str]) -> bool:
    """The character at ``pos`` is on a line that :func:`running_lines` found to recur."""
    ls, le = line_at(text, pos)
    return _line_key(text[ls:le]) in running


def cut_at_label_break(text: str, start: int, end: int, is_word: IsWord) -> int:
    """End of a name span that must not run across a line break into a label word.

    When the part of ``text[start:end]`` before its first line break already has two words and every
    word after the break is ordinary vocabulary, the span ends at the break.
    """
    span = text[start:end]
    nl = span.find("\n")
    if nl < 0:
        return end
    head, tail = span[:nl].split(), re.findall(r"[A-Za-z][\w'\-]*", span[nl:])
    if len(head) >= 2 and tail and all(is_word(w) for w in tail):
        return start + len(span[:nl].rstrip())
    return end
