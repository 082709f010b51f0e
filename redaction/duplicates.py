"""Near-duplicate pages and documents by word shingles (issue 17). Pure: text in, pairs out.

Case records hold the same letter scanned twice, a document printed and scanned back, an e-mail
quoted in full in its reply. Byte-identical files are caught at upload; these are not. Two pages
are near-duplicates when the Jaccard similarity of their sets of word 5-grams ("shingles", Broder
1997) reaches a threshold; a document is *contained* in another when most of its shingles occur in
it (an e-mail quoted in a later reply). Text is normalised first (case, punctuation, e-mail quote
markers ``>``, whitespace), so OCR'd and born-digital copies of the same page compare equal except
for recognition errors, which the threshold absorbs.

Nothing here decides: the caller proposes, a reviewer confirms (``sar.bundle.duplicates``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

#: Words per shingle: 5 is long enough that common phrases ("please do not hesitate to") rarely make
#: two different letters look alike, short enough that an OCR error spoils only 5 shingles.
SHINGLE_WORDS = 5
#: Pages with fewer shingles than this (a signature page, a blank form) are never compared: too
#: little text to tell a copy from a coincidence.
MIN_SHINGLES = 12
#: Jaccard similarity from which two pages are proposed as duplicates.
PAGE_THRESHOLD = 0.8
#: Share of a document's shingles found in another from which it is proposed as contained in it. Below
#: 1 because a reply quotes the body but seldom every header line of the message it answers.
CONTAINMENT_THRESHOLD = 0.7

_QUOTE_MARKERS = re.compile(r"(?m)^[ \t]*(?:>[ \t]*)+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def shingles(text: str, k: int = SHINGLE_WORDS) -> frozenset[int]:
    """The hashed word ``k``-grams of ``text`` after normalisation (case, punctuation, quote markers)."""
    words = [w.casefold() for w in _WORD.findall(_QUOTE_MARKERS.sub("", text))]
    if len(words) < k:
        return frozenset()
    return frozenset(hash(tuple(words[i:i + k])) for i in range(len(words) - k + 1))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


@dataclass(frozen=True)
class PageMatch:
    """``page`` is a near-duplicate of the earlier ``of_page`` (keys as given), with its similarity."""

    page: Hashable
    of_page: Hashable
    score: float


def duplicate_pages(pages: Sequence[tuple[Hashable, str]], *, threshold: float = PAGE_THRESHOLD,
                    min_shingles: int = MIN_SHINGLES) -> list[PageMatch]:
    """Each page that nearly repeats an earlier one, matched to the most similar earlier page.

    :param pages: ``(key, text)`` in bundle order; the first of a group is the one kept.
    :return: one match per repeated page, in input order. A page matched to an earlier one is not
        itself a target (so a group of three copies points at the first copy).
    """
    sets = [shingles(text) for _, text in pages]
    index: dict[int, list[int]] = defaultdict(list)  # shingle -> earlier kept pages that have it
    out: list[PageMatch] = []
    for i, ((key, _), mine) in enumerate(zip(pages, sets, strict=True)):
        if len(mine) < min_shingles:
            continue
        shared: dict[int, int] = defaultdict(int)
        for s in mine:
            for j in index.get(s, ()):
                shared[j] += 1
        best, best_score = None, 0.0
        for j, n in shared.items():
            score = n / (len(mine) + len(sets[j]) - n)
            if score > best_score:
                best, best_score = j, score
        if best is not None and best_score >= threshold:
            out.append(PageMatch(key, pages[best][0], round(best_score, 3)))
            continue
        for s in mine:
            index[s].append(i)
    return out


@dataclass(frozen=True)
class Containment:
    """Document ``document`` is (almost) wholly contained in ``within``: ``share`` of its shingles occur there."""

    document: Hashable
    within: Hashable
    share: float


def contained_documents(documents: Sequence[tuple[Hashable, str]], *, threshold: float = CONTAINMENT_THRESHOLD,
                        min_shingles: int = MIN_SHINGLES) -> list[Containment]:
    """Documents whose text is almost all found inside a longer one (an e-mail quoted in its reply).

    :param documents: ``(key, full text)``. Only a strictly longer document can contain another, so
        two equal copies are left to :func:`duplicate_pages`.
    :return: at most one containment per document (the smallest container), in input order.
    """
    sets = [shingles(text) for _, text in documents]
    out = []
    for i, (key, _) in enumerate(documents):
        mine = sets[i]
        if len(mine) < min_shingles:
            continue
        best = None
        for j, other in enumerate(sets):
            if j == i or len(other) <= len(mine):
                continue
            share = len(mine & other) / len(mine)
            if share >= threshold and (best is None or len(other) < len(sets[best[0]])):
                best = (j, share)
        if best is not None:
            out.append(Containment(key, documents[best[0]][0], round(best[1], 3)))
    return out


def duplicate_pictures(pages: Sequence[tuple[Hashable, int | None]], *, max_distance: int) -> list[PageMatch]:
    """Pages whose perceptual hashes (``redaction.pdf_hash``) are within ``max_distance`` bits of an earlier one.

    For pages with too little text for :func:`duplicate_pages` (handwriting, photos, forms). Pages
    hashed None (blank) are skipped. Score: 1 - distance / 64.
    """
    kept: list[tuple[Hashable, int]] = []
    out = []
    for key, value in pages:
        if value is None:
            continue
        best = min(((bin(value ^ other).count("1"), of) for of, other in kept), default=None,
                   key=lambda pair: pair[0])
        if best is not None and best[0] <= max_distance:
            out.append(PageMatch(key, best[1], round(1 - best[0] / 64, 3)))
            continue
        kept.append((key, value))
    return out
