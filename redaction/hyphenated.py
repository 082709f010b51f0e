"""Rule ``hyphenated-name``: a hyphenated given name or surname is one name ("<Given>-<Given>", "<Sur>-<Sur>").

The tagger often splits such a name at the hyphen and reports only one half as a person
("<Second-half> <Surname>" for "<First-half>-<Second-half> <Surname>"). A redactor reads the whole
hyphenated word as the name: the other half is as identifying as the half that was found, and the
given name alone ("<First-half>-<Second-half>") is then a variant tracked across the bundle.
"""

from __future__ import annotations

import re

# A capitalised word of letters (any script) joined by a hyphen, with nothing else in between.
_PART_BEFORE = re.compile(r"(?<![\w'\-])[^\W\d_][^\W\d_']*(?:'[^\W\d_]+)?-$")
_PART_AFTER = re.compile(r"-[^\W\d_][^\W\d_']*(?:'[^\W\d_]+)?(?![\w\-])")


def whole_hyphenated(text: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` widened so it neither starts nor ends inside a hyphenated capitalised word."""
    m = _PART_BEFORE.search(text, max(0, start - 40), start)
    if m is not None and m.end() == start and text[m.start()].isupper() and text[start : start + 1].isupper():
        start = m.start()
    m = _PART_AFTER.match(text, end)
    if m is not None and text[end - 1 : end].isalpha() and text[end + 1 : end + 2].isupper():
        end = m.end()
    return start, end
