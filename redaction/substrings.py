"""Which of many strings may occur in a text, at a cost that grows with the text, not the strings (issue 11).

Verification looks for every removed string and person variant of a document on every page and in
every object. Testing each string against each page costs pages x strings, and a bundle's strings
grow with its pages: quadratic in the bundle's size. A string can only occur in a text if its first
few characters do, so indexing the strings by those characters and looking up the text's own slices
narrows the strings to test to the few that may occur. The caller still tests each candidate exactly
as before, so what is found is unchanged; the index only skips strings that cannot occur.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Characters of a string's start used as its key (shorter strings: the whole string).
KEY_CHARS = 4
#: Below this many strings, testing each one is cheaper than slicing the text: no index.
INDEX_MIN = 64


class PrefixIndex:
    """Candidate filter over ``needles``: those whose first ``min(len, KEY_CHARS)`` characters occur in a text."""

    def __init__(self, needles: Sequence[str], *, index_min: int | None = None) -> None:
        self._count = len(needles)
        self._by_key: dict[str, list[int]] | None = None
        if self._count >= (INDEX_MIN if index_min is None else index_min):
            self._by_key = {}
            for i, needle in enumerate(needles):
                self._by_key.setdefault(needle[:KEY_CHARS], []).append(i)
            self._lengths = sorted({len(k) for k in self._by_key})

    def candidates(self, text: str) -> Sequence[int]:
        """Ascending indices of the needles that may occur in ``text`` (every one that does, at least)."""
        if self._by_key is None:
            return range(self._count)
        keys = self._by_key
        out: list[int] = []
        for k in self._lengths:
            grams = {text[i:i + k] for i in range(len(text) - k + 1)}
            for key in grams & keys.keys():
                out.extend(keys[key])
        out.sort()
        return out
