"""Use cases for a request's documents and their order in the bundle.

Originals are stored once, content-addressed (:class:`sar.core.storage.FileStore`), and never changed
or deleted: removing a document from a bundle only sets ``removed_at``. Every change to the
bundle voids a standing approval (:func:`sar.workflow.approval_state.prepare_change`).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redaction import pdf
from redaction.errors import EncryptedPdfError, NotAPdfError
from redaction.types import ExtractedDocument
from sar.accounts import quotas
from sar.core import audit, scanning
from sar.core.errors import Conflict, NotFound, NotPermitted, ValidationError
from sar.core.permissions import require_staff, require_view
from sar.core.plain_text import one_line
from sar.core.settings import Settings
from sar.core.storage import FileStore
from sar.models import BundleItem, Document, Request, Role, User
from sar.workflow import approval_state
from sar.workflow.status import FINISHED_STATUSES

#: What an uploaded document is for. Only ``case_record`` documents go into the response pack;
#: the others are internal evidence (rulebook §5.1 item 6).
PURPOSES = ("case_record", "identity_evidence", "authority_evidence", "request_letter")
#: Uploads larger than this are refused before parsing (a bundle is normally far smaller).
MAX_BYTES = 100 * 1024 * 1024
#: Longest document title (the column's size).
MAX_TITLE = 200


def clean_title(title: str | None) -> str | None:
    """A staff-entered title as stored: one line, trimmed; None (the default title) when blank.

    :raises ValidationError: longer than :data:`MAX_TITLE` characters.
    """
    cleaned = one_line(title or "").strip()
    if len(cleaned) > MAX_TITLE:
        raise ValidationError(f"a document title can be at most {MAX_TITLE} characters")
    return cleaned or None


def _check_pdf(data: bytes, filename: str) -> int:
    """Return the page count of ``data`` or raise a ValidationError naming the file and the problem."""
    if not data:
        raise ValidationError(f"{filename} is empty (0 bytes); choose the file again")
    if len(data) > MAX_BYTES:
        raise ValidationError(f"{filename} is larger than {MAX_BYTES // (1024 * 1024)} MB")
    # The header may follow some junk but must be within the first 1024 bytes (PDF 7.5.2).
    if b"%PDF-" not in data[:1024]:
        raise ValidationError(f"{filename} is not a PDF. Only PDF files are supported for now: "
                              "save or print the document as PDF and upload that")
    try:
        return pdf.page_count(data)
    except EncryptedPdfError:
        raise ValidationError(f"{filename} is password-protected; ask the sender for a copy without a "
                              "password") from None
    except NotAPdfError as exc:
        raise ValidationError(f"{filename} is damaged and cannot be read as a PDF ({exc})") from None


def clean_filename(filename: str) -> str:
    """The last path component of an uploaded file's name, trimmed (browsers and clients send anything)."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name[:255] or "document.pdf"


def add_document(session: Session, request: Request, data: bytes, filename: str, *, actor: User,
                 now: datetime,
                 settings: Settings, purpose: str = "case_record", title: str | None = None) -> BundleItem:
    """Store a PDF and append it to the end of ``request``'s bundle.

    The bytes are stored once by sha256: uploading the same file again (to any request) reuses the
    same :class:`~sar.models.Document` row and stored file.

    :param data: the file content. :param filename: the name it was uploaded under.
    A requester may add only evidence (identity, authority, their request letter) to their own
    request; case-record documents are added by staff.

    :param purpose: one of :data:`PURPOSES`; only ``case_record`` documents are released, and only
        adding one of those voids a standing approval.
    :param title: what the document is called in the released pack (see :func:`clean_title`); None
        or blank: "Document N" (``sar.release.packs.release_title``). The file name never leaves the council.
    :return: the new bundle item (``item.document.page_count`` is the page count).
    :raises ValidationError: empty, not a PDF (only PDF is supported for now), encrypted or damaged,
        unknown purpose, the same file is already in this bundle, or the account's upload quota is used
        up (``sar.accounts.quotas.QuotaExceeded``).
    :raises NotPermitted: a requester adding a case record. :raises NotFound: a requester adding
        to someone else's request.
    :raises Conflict: the request is released or closed.
    """
    if purpose not in PURPOSES:
        raise ValidationError(f"unknown document purpose {purpose!r}; choose one of {', '.join(PURPOSES)}")
    if actor is not None and actor.role == Role.requester:
        require_view(actor, request)
        if purpose == "case_record":
            raise NotPermitted("only council staff add case records; you can add identity or authority evidence")
    else:
        require_staff(actor)
    filename = clean_filename(filename)
    title = clean_title(title)
    # Scanned before it is parsed (PyMuPDF never opens malware), stored or recorded.
    scanning.scan_upload(settings.clamav_command, bytes(data), filename)
    pages = _check_pdf(bytes(data), filename)
    quotas.check_upload_quota(session, actor, len(data), settings=settings, now=now)
    sha = hashlib.sha256(data).hexdigest()
    doc = session.scalars(select(Document).where(Document.sha256 == sha)).first()
    _check_not_in_bundle(session, request, doc, filename)
    _prepare_for(session, request, purpose, actor=actor, now=now, filename=filename)
    FileStore.for_settings(settings).put(bytes(data))
    reused = doc is not None
    if doc is None:
        doc = Document(sha256=sha, size_bytes=len(data), media_type="application/pdf", page_count=pages,
                       created_at=now)
        session.add(doc)
        session.flush()
    return append_document(session, request, doc, filename, actor=actor, now=now, purpose=purpose, title=title,
                           reused=reused)


def _check_not_in_bundle(session: Session, request: Request, doc: Document | None, filename: str) -> None:
    if doc is None:
        return
    existing = session.scalars(select(BundleItem).where(
        BundleItem.request_id == request.id, BundleItem.document_id == doc.id,
        BundleItem.removed_at.is_(None))).first()
    if existing is not None:
        raise ValidationError(f"{filename} is already in this bundle (as {existing.filename})")


def _prepare_for(session: Session, request: Request, purpose: str, *, actor: User, now: datetime,
                 filename: str) -> None:
    # Adding a case record voids a standing approval; evidence can be added until the request is finished.
    if purpose == "case_record":
        approval_state.prepare_change(session, request, actor=actor, now=now, what=f"document {filename} added")
    elif request.status in FINISHED_STATUSES:
        raise Conflict(f"request {request.reference} is {request.status}; documents can no longer be added")


def append_document(session: Session, request: Request, doc: Document, filename: str, *, actor: User,
                    now: datetime, purpose: str, title: str | None, reused: bool,
                    attached_to: BundleItem | None = None) -> BundleItem:
    """Append an already stored document to the end of ``request``'s bundle; audited.

    The caller has checked the actor, the purpose and that the request may change (for a converted
    document, :mod:`sar.bundle.conversion` does, through :func:`add_converted`).

    :param attached_to: the e-mail this document was attached to, if any.
    """
    last = session.scalar(select(func.max(BundleItem.position)).where(BundleItem.request_id == request.id))
    item = BundleItem(request_id=request.id, document_id=doc.id, filename=filename, title=title,
                      position=(last or 0) + 1, purpose=purpose, uploaded_by_id=actor.id if actor else None,
                      uploaded_at=now, attached_to_id=attached_to.id if attached_to is not None else None)
    item.document = doc
    session.add(item)
    request.updated_at = now
    session.flush()
    detail = {"filename": filename, "title": title, "sha256": doc.sha256, "pages": doc.page_count,
              "purpose": purpose, "reused": reused}
    if doc.source_sha256:
        detail |= {"original_sha256": doc.source_sha256, "original_media_type": doc.source_media_type}
    if attached_to is not None:
        detail["attached_to"] = f"item:{attached_to.id}"
    audit.record(session, "document.add", actor=actor, now=now, request_id=request.id,
                 target=f"item:{item.id}", detail=detail)
    return item


def add_converted(session: Session, request: Request, *, original: bytes, original_media_type: str,
                  converted_pdf: bytes, page_count: int, filename: str, actor: User, now: datetime,
                  settings: Settings, purpose: str = "case_record", title: str | None = None,
                  attached_to: BundleItem | None = None) -> BundleItem:
    """Store a document converted to PDF (issue 17) beside its unchanged original and append it.

    The same original uploaded again (to any request) reuses the first conversion, so a document has
    one PDF and its redaction boxes stay valid. Same checks as :func:`add_document`.

    :raises ValidationError: unknown purpose, or the same original is already in this bundle.
    :raises NotPermitted: the actor is not staff. :raises Conflict: the request can no longer change.
    """
    if purpose not in PURPOSES:
        raise ValidationError(f"unknown document purpose {purpose!r}; choose one of {', '.join(PURPOSES)}")
    require_staff(actor)
    filename = clean_filename(filename)
    title = clean_title(title)
    # A PDF found in a zip or attached to an e-mail is its own original: no separate source is recorded.
    source_sha = None if original == converted_pdf else hashlib.sha256(original).hexdigest()
    doc = None if source_sha is None else session.scalars(
        select(Document).where(Document.source_sha256 == source_sha).order_by(Document.id)).first()
    pdf_sha = hashlib.sha256(converted_pdf).hexdigest()
    if doc is None:
        doc = session.scalars(select(Document).where(Document.sha256 == pdf_sha)).first()
    _check_not_in_bundle(session, request, doc, filename)
    _prepare_for(session, request, purpose, actor=actor, now=now, filename=filename)
    store = FileStore(settings.storage_dir)
    if source_sha is not None:
        store.put(original)
    reused = doc is not None
    if doc is None:
        store.put(converted_pdf)
        doc = Document(sha256=pdf_sha, size_bytes=len(converted_pdf), media_type="application/pdf",
                       page_count=page_count, created_at=now, source_sha256=source_sha,
                       source_media_type=original_media_type if source_sha else None)
        session.add(doc)
        session.flush()
    return append_document(session, request, doc, filename, actor=actor, now=now, purpose=purpose, title=title,
                           reused=reused, attached_to=attached_to)


def original_bytes(settings: Settings, item: BundleItem) -> tuple[bytes, str]:
    """The bytes and media type of the file as it arrived (the PDF itself when it arrived as PDF)."""
    doc = item.document
    if doc.source_sha256:
        return FileStore(settings.storage_dir).get(doc.source_sha256), doc.source_media_type or ""
    return FileStore(settings.storage_dir).get(doc.sha256), doc.media_type


def set_title(session: Session, item: BundleItem, title: str | None, *, actor: User, now: datetime) -> BundleItem:
    """Set the title ``item`` is released under (blank: back to "Document N"); audited.

    The title is printed in the released cover letter and schedule, so changing it voids a standing
    approval like any change to the bundle.

    :raises ValidationError: too long, or the document was removed from the bundle.
    :raises NotPermitted: the actor is not staff. :raises Conflict: the request can no longer change.
    """
    require_staff(actor)
    new = clean_title(title)
    if item.removed_at is not None:
        raise ValidationError(f"{item.filename} has been removed from the bundle")
    if new == item.title:
        return item
    request = require_view(actor, session.get(Request, item.request_id))  # need to know (issue 14)
    approval_state.prepare_change(session, request, actor=actor, now=now,
                                  what=f"title of document {item.filename} changed")
    old, item.title = item.title, new
    request.updated_at = now
    session.flush()
    audit.record(session, "document.retitle", actor=actor, now=now, request_id=request.id, target=f"item:{item.id}",
                 detail={"filename": item.filename, "from": old, "to": new})
    return item


def list_bundle(session: Session, request: Request, *, purpose: str | None = None,
                include_removed: bool = False) -> list[BundleItem]:
    """The request's bundle items in bundle order.

    :param purpose: only items with this purpose (e.g. ``"case_record"`` for what is released).
    :param include_removed: also list removed items (for the record).
    """
    query = select(BundleItem).where(BundleItem.request_id == request.id)
    if purpose is not None:
        query = query.where(BundleItem.purpose == purpose)
    if not include_removed:
        query = query.where(BundleItem.removed_at.is_(None))
    return list(session.scalars(query.order_by(BundleItem.position, BundleItem.id)))


def get_bundle_item(session: Session, request: Request, item_id: int) -> BundleItem:
    """Return one of ``request``'s bundle items by id.

    :raises NotFound: no such item on this request.
    """
    item = session.get(BundleItem, item_id)
    if item is None or item.request_id != request.id:
        raise NotFound("no such document in this bundle")
    return item


def reorder_bundle(session: Session, request: Request, ordered_item_ids: Sequence[int], *, actor: User,
                   now: datetime) -> list[BundleItem]:
    """Put the bundle's current items in the given order.

    :param ordered_item_ids: every current (not removed) item id exactly once.
    :return: the items in their new order.
    :raises ValidationError: the ids are not a permutation of the current items.
    :raises NotPermitted: the actor is not staff. :raises Conflict: the request can no longer change.
    """
    require_staff(actor)
    items = list_bundle(session, request)
    try:
        wanted = [int(i) for i in ordered_item_ids]
    except (TypeError, ValueError):
        raise ValidationError("the new order must list document ids") from None
    current = {item.id: item for item in items}
    if sorted(wanted) != sorted(current):
        raise ValidationError("the new order must list every document in the bundle exactly once")
    if wanted == [item.id for item in items]:
        return items
    approval_state.prepare_change(session, request, actor=actor, now=now, what="bundle reordered")
    for position, item_id in enumerate(wanted, start=1):
        current[item_id].position = position
    request.updated_at = now
    session.flush()
    audit.record(session, "bundle.reorder", actor=actor, now=now, request_id=request.id, target="bundle",
                 detail={"order": wanted})
    return [current[i] for i in wanted]


def remove_from_bundle(session: Session, item: BundleItem, *, actor: User, now: datetime,
                       reason: str) -> BundleItem:
    """Take a document out of the bundle (soft: ``removed_at`` and a reason; nothing is deleted).

    Its redactions and page marks are kept for the record but no longer used.

    :raises ValidationError: no reason, or already removed.
    :raises NotPermitted: the actor is not staff. :raises Conflict: the request can no longer change.
    """
    require_staff(actor)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("give a reason for removing the document")
    if item.removed_at is not None:
        raise ValidationError(f"{item.filename} has already been removed")
    request = require_view(actor, session.get(Request, item.request_id))  # need to know (issue 14)
    approval_state.prepare_change(session, request, actor=actor, now=now, what=f"document {item.filename} removed")
    item.removed_at = now
    item.removed_reason = reason
    request.updated_at = now
    session.flush()
    audit.record(session, "document.remove", actor=actor, now=now, request_id=request.id,
                 target=f"item:{item.id}",
                 detail={"filename": item.filename, "reason": reason})
    return item


def document_bytes(settings: Settings, item: BundleItem) -> bytes:
    """The original bytes of a bundle item's document (checked against its hash).

    :raises FileNotFoundError: the stored file is missing. :raises OSError: it is corrupt.
    """
    return FileStore.for_settings(settings).get(item.document.sha256)


#: Extracted text by (document sha256, ocr): documents never change, so extraction is cached.
_EXTRACTED: OrderedDict[tuple[str, bool], ExtractedDocument] = OrderedDict()
_EXTRACTED_MAX = 32
_EXTRACTED_LOCK = threading.Lock()


def extracted_text(settings: Settings, item: BundleItem, *, ocr: bool = False) -> ExtractedDocument:
    """The text and character boxes of a bundle item's document (cached per document and process).

    Without OCR this is fast and matches the engine's offsets on every page that has a text
    layer; scanned pages come back empty (``source == "none"``).

    :raises NotAPdfError, EncryptedPdfError: the stored document cannot be read (should not happen:
        it was checked at upload).
    """
    key = (item.document.sha256, ocr)
    with _EXTRACTED_LOCK:
        hit = _EXTRACTED.get(key)
        if hit is not None:
            _EXTRACTED.move_to_end(key)
            return hit
    doc = pdf.extract(document_bytes(settings, item), item.filename, ocr=ocr)
    with _EXTRACTED_LOCK:
        _EXTRACTED[key] = doc
        while len(_EXTRACTED) > _EXTRACTED_MAX:
            _EXTRACTED.popitem(last=False)
    return doc


def _check_page(item: BundleItem, page: int) -> None:
    if not isinstance(page, int) or not 0 <= page < item.document.page_count:
        raise NotFound(f"{item.filename} has no page {page}")


def page_png(settings: Settings, item: BundleItem, page: int, *, zoom: float = 1.5) -> bytes:
    """A PNG of one page of the original, for the review screen (boxes overlay it at ``zoom`` scale).

    :param page: 0-based page index. :raises NotFound: no such page.
    """
    _check_page(item, page)
    return pdf.render_page_png(document_bytes(settings, item), page, zoom)


def page_size(settings: Settings, item: BundleItem, page: int) -> tuple[float, float]:
    """Width and height in points of one unrotated page (the space redaction boxes use).

    :param page: 0-based page index. :raises NotFound: no such page.
    """
    _check_page(item, page)
    return pdf.page_size(document_bytes(settings, item), page)
