"""The last stage of the redaction engine: from candidates to per-document plans.

Holds :class:`DocumentPlan` (the proposals of one document, the engine's output), overlap
resolution between candidates, and the closure that covers every other occurrence of a proposed
string in the same document.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from redaction.candidates import (
    _PRIORITY,
    _Candidate,
    _Page,
)
from redaction.substrings import PrefixIndex
from redaction.types import Proposal


@dataclass(frozen=True)
class DocumentPlan:
    """The proposals for one document, in page and reading order.

    :param name: the document's name, as given in :class:`ExtractedDocument`.
    :param proposals: proposed redactions; a reviewer accepts or edits them before burn-in.
    :param problems: things a reviewer must check by hand (pages without text, extraction issues).
    :param cast: the bundle's people as :func:`redaction.cast.describe_cast` gives them (the same
        for every document of a bundle): status, name forms, evidence, mentions; ``unresolved``
        people are proposed for redaction and need an officer's decision.
    """

    name: str
    proposals: tuple[Proposal, ...]
    problems: tuple[str, ...] = ()
    cast: tuple[dict, ...] = field(default=(), compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "proposals", tuple(self.proposals))
        object.__setattr__(self, "problems", tuple(self.problems))
        if not all(isinstance(p, Proposal) for p in self.proposals):
            raise ValueError("proposals must be Proposal objects")




def _resolve_overlaps(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop candidates contained in another on the same page (the container is more specific)."""
    by_page: dict[tuple[int, int], list[_Candidate]] = defaultdict(list)
    for c in cands:
        by_page[c.page.key].append(c)
    out = []
    for items in by_page.values():
        items.sort(key=lambda c: (c.start, -(c.end - c.start), _PRIORITY.get(c.entity, 9)))
        kept: list[_Candidate] = []
        for c in items:
            if any(k.start <= c.start and c.end <= k.end for k in kept):
                continue
            kept.append(c)
        out.extend(kept)
    return out


def _close_over_documents(cands: list[_Candidate], pages: list[_Page]) -> list[_Candidate]:
    """Cover every other occurrence, in the same document, of a string already proposed.

    The burn-in verifier checks that no proposed string survives anywhere in the output, so an
    occurrence the detectors missed (a number in a table cell, a name in a footer) is added here.
    Matching is exact, word-bounded, and treats a line break like a space.
    """
    by_doc: dict[int, list[_Candidate]] = defaultdict(list)
    for c in cands:
        by_doc[c.page.doc].append(c)
    out = list(cands)
    on_page: dict[int, list[tuple[int, int]]] = defaultdict(list)  # spans proposed per page (id of the page)
    for c in out:
        on_page[id(c.page)].append((c.start, c.end))
    for doc, items in by_doc.items():
        seen: dict[str, _Candidate] = {}
        for c in items:
            if c.entity == "LEGAL_ADVICE":
                continue
            text = " ".join(c.page.text[c.start : c.end].split())
            if len(text) >= 3 and text not in seen:
                seen[text] = c
        if not seen:
            continue
        # Per page, only the strings whose first characters occur on it are searched for, and the
        # spans already proposed come from a per-page list: both were pages x strings (issue 11).
        needles = list(seen.items())
        index = PrefixIndex([needle for needle, _ in needles])
        for page in (p for p in pages if p.doc == doc):
            flat = page.text.replace("\n", " ")
            covered = on_page[id(page)]
            for needle, proto in (needles[i] for i in index.candidates(flat)):
                pos = flat.find(needle)
                while pos >= 0:
                    end = pos + len(needle)
                    bounded = (pos == 0 or not flat[pos - 1].isalnum()) and (
                        end == len(flat) or not flat[end].isalnum()
                    )
                    if bounded and not any(s <= pos and end <= e for s, e in covered):
                        out.append(
                            _Candidate(
                                page,
                                pos,
                                end,
                                proto.entity,
                                proto.code,
                                proto.reason,
                                proto.score,
                                proto.recognizer,
                            )
                        )
                        covered.append((pos, end))
                    pos = flat.find(needle, pos + 1)
    return _resolve_overlaps(out)
