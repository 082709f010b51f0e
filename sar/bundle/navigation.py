"""Moving through a review at keyboard speed: the next undecided proposal, and searching the bundle (issue 11).

A reviewer of a bundle of hundreds of pages jumps from one undecided proposal to the next (in bundle,
page and reading order, wrapping round at the end) and searches the bundle's text for a string to
redact everywhere (``sar.bundle.redactions.decide_entity`` then does it). Both are reads; the search
quotes case data, so it is audited like opening a page.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from sar.bundle import documents
from sar.core import audit
from sar.core.errors import ValidationError
from sar.core.permissions import require_staff, require_view
from sar.core.settings import Settings
from sar.models import BundleItem, Redaction, Request, User
from sar.release import packs

#: Hits a search returns at most (the reviewer narrows the text rather than page through thousands).
SEARCH_LIMIT = 200
#: Characters of context either side of a search hit.
SNIPPET = 40


def next_undecided(session: Session, request: Request, *, actor: User, item_id: int | None = None,
                   page: int | None = None, redaction_id: int | None = None) -> Redaction | None:
    """The first undecided (``proposed``) live redaction after the given position, wrapping round.

    The position is (bundle item, page, redaction id); with none, the first undecided one of the bundle.
    Only case-record documents still in the bundle count (what goes into the pack).
    """
    require_staff(actor)
    require_view(actor, request)
    # One indexed query per key press, however large the bundle (never the whole list of proposals).
    query = (select(Redaction).join(BundleItem, BundleItem.id == Redaction.bundle_item_id)
             .where(BundleItem.request_id == request.id, BundleItem.removed_at.is_(None),
                    BundleItem.purpose == "case_record", Redaction.status == "proposed",
                    Redaction.superseded_at.is_(None))
             .order_by(BundleItem.position, BundleItem.id, Redaction.page, Redaction.id).limit(1))
    here = session.get(BundleItem, item_id) if item_id is not None else None
    if here is not None and here.request_id == request.id:
        after = session.scalars(query.where(tuple_(BundleItem.position, BundleItem.id, Redaction.page, Redaction.id)
                                            > tuple_(here.position, here.id, page if page is not None else -1,
                                                     redaction_id or 0))).first()
        if after is not None:
            return after
    return session.scalars(query).first()  # from the start (wrapping round)


def search_bundle(session: Session, request: Request, text: str, *, actor: User, now: datetime,
                  settings: Settings) -> dict[str, Any]:
    """Every occurrence of ``text`` (any case, any spacing) in the bundle's text layer (audited).

    :returns: ``{"text", "total", "truncated", "hits": [{"item_id", "document", "page" (0-based),
        "snippet", "redacted"}]}``; ``redacted`` says whether an accepted redaction already covers
        that text on that page. Scanned pages without a text layer are not searched.
    :raises ValidationError: fewer than two characters to look for.
    """
    require_staff(actor)
    require_view(actor, request)
    words = (text or "").split()
    if len("".join(words)) < 2:
        raise ValidationError("give at least two characters to search for")
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)
    folded = " ".join(words).casefold()
    items = packs.release_items(session, request)
    accepted = {(r.bundle_item_id, r.page) for r in session.scalars(
        select(Redaction).join(BundleItem, BundleItem.id == Redaction.bundle_item_id)
        .where(BundleItem.request_id == request.id, Redaction.status == "accepted",
               Redaction.superseded_at.is_(None))) if " ".join(r.text.split()).casefold() == folded}
    hits: list[dict[str, Any]] = []
    total = 0
    for item in items:
        for pg in documents.extracted_text(settings, item).pages:
            for m in pattern.finditer(pg.text):
                total += 1
                if len(hits) < SEARCH_LIMIT:
                    snippet = pg.text[max(0, m.start() - SNIPPET): m.end() + SNIPPET]
                    hits.append({"item_id": item.id, "document": item.filename, "page": pg.page_index,
                                 "snippet": " ".join(snippet.split()),
                                 "redacted": (item.id, pg.page_index) in accepted})
    audit.record(session, "bundle.search", actor=actor, now=now, request_id=request.id, target="bundle",
                 detail={"text": " ".join(words), "hits": total})
    return {"text": " ".join(words), "total": total, "truncated": total > len(hits), "hits": hits}
