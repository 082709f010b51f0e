"""Ordering a bundle by the documents' own dates or by type (issue 17); the order is saved like a hand order.

:func:`order_bundle` computes an order and stores it with ``sar.bundle.documents.reorder_bundle``
(audited, voids a standing approval), so a reviewer can still move documents by hand afterwards.
An e-mail's attachments always follow their e-mail. Dates are read from the document's first page
(the first date in one of :data:`DATE_PATTERNS`); an undated document keeps its place relative to
the other undated ones, after the dated ones, because guessing a date would misorder the record.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy.orm import Session

from sar.bundle import documents
from sar.core.errors import ValidationError
from sar.core.permissions import require_staff
from sar.core.settings import Settings
from sar.models import BundleItem, Request, User

ORDERS = ("date", "type")
_FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
#: Month names and their usual abbreviations ("Sept" included) → month number.
_MONTHS = {name: n for n, full in enumerate(_FULL_MONTHS, start=1) for name in (full, full[:3])} | {"sept": 9}
_MONTH_RE = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
#: How dates are written in UK case records, tried in this order on each match position (day first:
#: 03/04/2025 is 3 April). Named groups: d, m (number or month name), y.
DATE_PATTERNS = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>" + _MONTH_RE + r")\.?,?\s+(?P<y>(?:19|20)\d\d)\b",
               re.IGNORECASE),
)
#: Type order: e-mails, word-processed documents, PDFs, spreadsheets, images (by original media type).
TYPE_GROUPS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("e-mail", lambda t: t in ("message/rfc822", "application/vnd.ms-outlook")),
    ("document", lambda t: "word" in t or "opendocument.text" in t or t in ("application/msword", "application/rtf")),
    ("pdf", lambda t: t == "application/pdf"),
    ("spreadsheet", lambda t: "sheet" in t or t == "text/csv"),
    ("image", lambda t: t.startswith("image/")),
)


def first_date(text: str) -> date | None:
    """The first valid date written in ``text`` (see :data:`DATE_PATTERNS`), or None."""
    found: list[tuple[int, date]] = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = m.group("m")
            month_no = int(month) if month.isdigit() else _MONTHS[month.casefold()]
            try:
                found.append((m.start(), date(int(m.group("y")), month_no, int(m.group("d")))))
            except ValueError:
                continue
            break
    return min(found)[1] if found else None


def _type_rank(item: BundleItem) -> int:
    media = item.document.source_media_type or item.document.media_type or ""
    return next((i for i, (_, test) in enumerate(TYPE_GROUPS) if test(media)), len(TYPE_GROUPS))


def order_bundle(session: Session, request: Request, by: str, *, settings: Settings, actor: User,
                 now: datetime) -> list[BundleItem]:
    """Sort the bundle by ``by`` (``date`` or ``type``) and save that order; attachments follow their e-mail.

    :raises ValidationError: unknown order. :raises NotPermitted: not staff.
    :raises Conflict: the request can no longer change.
    """
    require_staff(actor)
    if by not in ORDERS:
        raise ValidationError(f"order by one of {', '.join(ORDERS)}")
    items = documents.list_bundle(session, request)
    ids = {item.id for item in items}
    top = [item for item in items if item.attached_to_id not in ids]
    children: dict[int, list[BundleItem]] = {}
    for item in items:
        if item.attached_to_id in ids:
            children.setdefault(item.attached_to_id, []).append(item)
    if by == "date":
        def key(pair: tuple[int, BundleItem]) -> tuple:
            pages = documents.extracted_text(settings, pair[1]).pages
            day = first_date(pages[0].text) if pages else None
            return (day is None, day or date.min, pair[0])
    else:
        def key(pair: tuple[int, BundleItem]) -> tuple:
            return (_type_rank(pair[1]), pair[0])
    ordered: list[int] = []

    def place(item: BundleItem) -> None:
        ordered.append(item.id)
        for child in children.get(item.id, []):
            place(child)

    for _, item in sorted(enumerate(top), key=key):
        place(item)
    return documents.reorder_bundle(session, request, ordered, actor=actor, now=now)
