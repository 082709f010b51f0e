"""Helpers for the engine tests: one engine per test session and synthetic pages without PDFs."""

from __future__ import annotations

from functools import lru_cache

from redaction.context import RedactionContext, StaffMember, Subject
from redaction.engine import RedactionEngine
from redaction.types import Box, ExtractedDocument, PageText


@lru_cache(maxsize=1)
def shared_engine() -> RedactionEngine:
    """The engine every test uses, so the spaCy model loads once per session (~1-2 s)."""
    engine = RedactionEngine()
    engine.analyzer  # noqa: B018 - build it now
    return engine


def make_page(text: str, index: int = 0) -> PageText:
    """A page whose characters sit on a fixed grid: 6 pt wide, lines 14 pt apart; separators have no box."""
    boxes: list[Box | None] = []
    line = col = 0
    for ch in text:
        if ch == "\n":
            boxes.append(None)
            line += 1
            col = 0
            continue
        x, y = 40 + 6 * col, 40 + 14 * line
        boxes.append(Box(x, y, x + 6, y + 11))
        col += 1
    return PageText(page_index=index, text=text, char_boxes=tuple(boxes), width=595, height=842)


def make_doc(name: str, *pages: str) -> ExtractedDocument:
    """An extracted document made of synthetic pages."""
    return ExtractedDocument(name=name, pages=tuple(make_page(t, i) for i, t in enumerate(pages)))


def context(
    subject: str = "Lorcan Halloran",
    dob: str | None = "09/09/2009",
    staff: tuple[tuple[str, str], ...] = (("Tamsin Baptiste", "Social Worker"),),
    **kw,
) -> RedactionContext:
    """A SAR context with a subject and a small staff directory."""
    return RedactionContext(
        subject=Subject(subject, dob=dob), staff=tuple(StaffMember(n, r) for n, r in staff), **kw
    )


def propose(*docs: ExtractedDocument, ctx: RedactionContext | None = None, workers: int = 1):
    """Run the shared engine over ``docs``; return the plans."""
    return shared_engine().propose(list(docs), ctx or context(), workers=workers)


def redacted_texts(plan) -> list[str]:
    """The whitespace-folded texts of a plan's proposals."""
    return [" ".join(p.text.split()) for p in plan.proposals]


def surviving(doc: ExtractedDocument, plan) -> str:
    """The text of ``doc`` with every proposed span blanked out, whitespace folded."""
    parts = []
    for page in doc.pages:
        chars = list(page.text)
        for p in plan.proposals:
            if p.page == page.page_index:
                for i in range(p.start, p.end):
                    chars[i] = "#"
        parts.append("".join(chars))
    return " ".join(" ".join(parts).split())
