"""Splitting a request into clauses."""

from __future__ import annotations

import re

ABBREV = re.compile(
    r"\b(?:mr|mrs|ms|dr|st|no|e\.g|i\.e|etc|ref|reg|s|para|sch|art|vs|approx|dob|tel|cllr|det|insp|sgt|"
    r"prof|rev|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|ltd|co|inc|fig|p|pp|v)\.$", re.I,
)
SENT_END = re.compile(r"[.!?]+[\"')\]]*\s+|;\s*|\n")
SOFT_SPLIT = re.compile(
    r"\s+\+\s+|\s+/\s+|\s(?=\(?\d{1,2}\)\s)|\s(?=\([a-hA-H]\)\s)|"
    r"(?:,\s*|\s+)(?=(?:and also|also|additionally|in addition|separately|secondly|thirdly|finally|"
    r"lastly|"
    r"furthermore|moreover|as well as|along with|together with|plus)\b)", re.I,
)
HARD_SPLIT = re.compile(r",\s*(?:and\s+|plus\s+|&\s+)?|\s+(?:and|&|plus|but|or)\s+", re.I)


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Clause spans: sentences, lines that start a list item, semicolons and "also"-type connectors."""
    cuts = [0]
    for m in SENT_END.finditer(text):
        head = text[cuts[-1]:m.start() + 1]
        if m.group(0).startswith("."):
            word = text[max(0, m.start() - 6):m.start() + 1].split()
            if word and ABBREV.search(word[-1]):
                continue
        if m.group(0).startswith("\n"):
            before = text[cuts[-1]:m.start()].rstrip()
            after = text[m.end():].lstrip()
            wrapped = (before and before[-1].isalnum() and len(before.split()) > 6 and after
                       and after[0].islower())
            if wrapped:
                continue
        if head.strip():
            cuts.append(m.end())
    spans = []
    bounds = cuts + [len(text)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        seg_cuts = [a] + [a + m.end() for m in SOFT_SPLIT.finditer(text[a:b]) if m.start() > 0] + [b]
        for x, y in zip(seg_cuts, seg_cuts[1:], strict=False):
            if text[x:y].strip(" \t\n,;."):
                spans.append((x, y))
    return spans
