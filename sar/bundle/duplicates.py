"""Near-duplicate pages and quoted e-mails in a bundle: proposed by text shingles, confirmed by a reviewer.

Issue 17. :func:`propose_duplicates` compares the text of every page of the case records
(``redaction.duplicates``) and stores a :class:`~sar.models.DuplicateProposal` for each page that
nearly repeats an earlier one ("duplicate of page X") and each document that is almost wholly
quoted in a longer one (an e-mail and the reply that quotes it). Nothing is left out until a
reviewer confirms: :func:`decide_duplicate` then marks the page(s) ``duplicate`` through
``sar.bundle.redactions.mark_page`` (audited, voids a standing approval like any page decision),
with the reason naming the page it repeats. A rejected proposal is kept and not proposed again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from redaction import duplicates as shingling
from redaction import pdf, pdf_hash
from sar.bundle import documents, redactions
from sar.core import audit
from sar.core.errors import Conflict, NotFound, ValidationError
from sar.core.permissions import require_staff
from sar.core.settings import Settings
from sar.core.storage import FileStore
from sar.models import BundleItem, DuplicateProposal, Job, Request, User
from sar.release import packs

DUPLICATE_JOB = "duplicates"
DECISIONS = ("confirmed", "rejected")
_ACTIONS = {"confirmed": "duplicate.confirm", "rejected": "duplicate.reject"}


def _page_label(item: BundleItem, page: int) -> str:
    return f"{item.filename} page {page + 1}"


def propose_duplicates(session: Session, request: Request, *, settings: Settings, actor: User | None,
                       now: datetime, page_texts: dict[int, list[str]] | None = None,
                       page_pictures: dict[int, list[int | None]] | None = None) -> list[DuplicateProposal]:
    """Find near-duplicate pages and quoted documents among the case records and store new proposals.

    Uses each page's text layer, or its OCR text where the page was scanned (OCR results are cached
    per document). A pair already proposed, confirmed or rejected is not proposed again.

    :param page_texts: each item's page texts, already read (by :func:`run_duplicate_job`, outside
        any transaction); read here when None. :param actor: None when run by the worker for the
        job's creator (checked when the job was started).
    :return: the proposals added by this run. :raises NotPermitted: the actor is not staff.
    """
    if actor is not None:
        require_staff(actor)
    items = packs.release_items(session, request)
    if page_texts is None:
        page_texts = read_page_texts(settings, items)
    if page_pictures is None:
        page_pictures = read_page_pictures(settings, [(i.id, i.document.sha256) for i in items])
    pages: list[tuple[tuple[int, int], str]] = []
    texts: list[tuple[int, str]] = []
    by_id = {item.id: item for item in items}
    positions = {(item.id, n): (rank, n) for rank, item in enumerate(items)
                 for n in range(item.document.page_count)}
    for item in items:
        item_pages = page_texts.get(item.id, [])
        pages.extend(((item.id, n), text) for n, text in enumerate(item_pages))
        texts.append((item.id, "\n".join(item_pages)))
    known = {(p.kind, p.bundle_item_id, p.page, p.of_item_id, p.of_page) for p in session.scalars(
        select(DuplicateProposal).where(DuplicateProposal.request_id == request.id))}
    found = [("page", m.page[0], m.page[1], m.of_page[0], m.of_page[1], m.score)
             for m in shingling.duplicate_pages(pages)]
    # Pages with too little text to compare (handwriting, photos) are compared as pictures instead.
    text_poor = [((item_id, n), value) for item_id, values in page_pictures.items() for n, value in enumerate(values)
                 if len(shingling.shingles(page_texts.get(item_id, [""] * (n + 1))[n])) < shingling.MIN_SHINGLES]
    text_poor.sort(key=lambda pair: positions.get(pair[0], (0, 0)))
    found += [("page", m.page[0], m.page[1], m.of_page[0], m.of_page[1], m.score)
              for m in shingling.duplicate_pictures(text_poor, max_distance=pdf_hash.MAX_DISTANCE)]
    # A document already paired page by page with another is a copy, not a quotation: one proposal is enough.
    paired = {frozenset((f[1], f[3])) for f in found}
    found += [("quoted", c.document, 0, c.within, 0, c.share) for c in shingling.contained_documents(texts)
              if frozenset((c.document, c.within)) not in paired]
    added = []
    for kind, item_id, page, of_item, of_page, score in found:
        if (kind, item_id, page, of_item, of_page) in known:
            continue
        row = DuplicateProposal(request_id=request.id, kind=kind, bundle_item_id=item_id, page=page,
                                of_item_id=of_item, of_page=of_page, score=score, status="proposed",
                                created_at=now)
        session.add(row)
        added.append(row)
    session.flush()
    audit.record(session, "duplicate.propose", actor=actor, now=now, request_id=request.id, target="bundle",
                 detail={"proposed": len(added), "pages": len(pages), "documents": len(by_id)})
    return added


def read_page_texts(settings: Settings, items: list[BundleItem]) -> dict[int, list[str]]:
    """Each item's page texts (text layer, or OCR for scanned pages; slow for scans, cached per document)."""
    return {item.id: [p.text for p in documents.extracted_text(settings, item, ocr=True).pages] for item in items}


def read_page_pictures(settings: Settings, refs: list[tuple[int, str]]) -> dict[int, list[int | None]]:
    """Each document's page hashes (``redaction.pdf_hash``), by item id; ``refs`` are (item id, sha256)."""
    store = FileStore(settings.storage_dir)
    return {item_id: pdf_hash.page_hashes(store.get(sha)) for item_id, sha in refs}


def start_duplicate_job(session: Session, request: Request, *, actor: User, now: datetime) -> Job:
    """Queue a background job that runs :func:`propose_duplicates` (OCR of scans can take minutes).

    :raises NotPermitted: not staff. :raises Conflict: one is already queued or running.
    :raises ValidationError: no case records to compare.
    """
    require_staff(actor)
    active = session.scalars(select(Job).where(Job.request_id == request.id, Job.kind == DUPLICATE_JOB,
                                               Job.status.in_(("queued", "running")))).first()
    if active is not None:
        raise Conflict("duplicates are already being looked for in this bundle")
    if len(packs.release_items(session, request)) == 0:
        raise ValidationError("add the case-record documents before looking for duplicates")
    job = Job(kind=DUPLICATE_JOB, request_id=request.id, status="queued", progress_done=0, progress_total=2,
              message="waiting for the worker", created_by_id=actor.id, created_at=now)
    session.add(job)
    session.flush()
    audit.record(session, "job.start", actor=actor, now=now, request_id=request.id, target=f"job:{job.id}",
                 detail={"kind": DUPLICATE_JOB})
    return job


def run_duplicate_job(session_factory: sessionmaker, job_id: int, *, settings: Settings,
                      now_fn: Callable[[], datetime], progress: Callable[[int, int, str], None]) -> tuple[bool, str]:
    """Read every page (outside any transaction), then store the new proposals and finish the job."""
    with session_factory.begin() as session:
        job = session.get(Job, job_id)
        if job is None or job.kind != DUPLICATE_JOB:
            raise NotFound(f"duplicate job {job_id} does not exist")
        request = session.get(Request, job.request_id)
        refs = [(item.id, item.filename, item.document.sha256) for item in packs.release_items(session, request)]
    progress(0, 2, "reading the pages")
    store = FileStore(settings.storage_dir)
    page_texts = {item_id: [p.text for p in pdf.extract(store.get(sha), name, ocr=True).pages]
                  for item_id, name, sha in refs}
    page_pictures = read_page_pictures(settings, [(item_id, sha) for item_id, _, sha in refs])
    progress(1, 2, "comparing the pages")
    with session_factory.begin() as session:
        job = session.get(Job, job_id, with_for_update=True)
        if job.status != "running":
            raise Conflict("this job was stopped before it finished")
        request = session.get(Request, job.request_id)
        now = now_fn()
        added = propose_duplicates(session, request, settings=settings, actor=None, now=now, page_texts=page_texts,
                                   page_pictures=page_pictures)
        message = f"{len(added)} possible duplicate{'s' if len(added) != 1 else ''} to check"
        job.status, job.finished_at, job.message = "done", now, message
        job.progress_done = job.progress_total = 2
        job.result = {"proposed": len(added)}
    return True, message


def list_duplicates(session: Session, request: Request, *, status: str | None = None) -> list[DuplicateProposal]:
    """The request's duplicate proposals (optionally of one status), in bundle order."""
    query = select(DuplicateProposal).where(DuplicateProposal.request_id == request.id)
    if status is not None:
        query = query.where(DuplicateProposal.status == status)
    return list(session.scalars(query.order_by(DuplicateProposal.id)))


def decide_duplicate(session: Session, request: Request, proposal_id: int, decision: str, *, actor: User,
                     now: datetime) -> DuplicateProposal:
    """Confirm (mark the page, or every page of a quoted document, ``duplicate``) or reject a proposal.

    :raises NotFound: no such proposal on this request. :raises ValidationError: unknown decision,
        or already decided. :raises NotPermitted: not staff. :raises Conflict: the request can no
        longer change (from ``mark_page``).
    """
    require_staff(actor)
    row = session.get(DuplicateProposal, proposal_id)
    if row is None or row.request_id != request.id:
        raise NotFound("no such duplicate proposal on this request")
    if decision not in DECISIONS:
        raise ValidationError("decide 'confirmed' or 'rejected'")
    if row.status != "proposed":
        raise ValidationError(f"this proposal was already {row.status}")
    item, of_item = session.get(BundleItem, row.bundle_item_id), session.get(BundleItem, row.of_item_id)
    if decision == "confirmed":
        if row.kind == "page":
            redactions.mark_page(session, item, row.page, "duplicate", actor=actor, now=now,
                                 reason=f"duplicate of {_page_label(of_item, row.of_page)}")
        else:
            for page in range(item.document.page_count):
                redactions.mark_page(session, item, page, "duplicate", actor=actor, now=now,
                                     reason=f"quoted in full in {of_item.filename}")
    row.status, row.decided_by_id, row.decided_at = decision, actor.id, now
    session.flush()
    audit.record(session, _ACTIONS[decision], actor=actor, now=now, request_id=request.id, target=f"duplicate:{row.id}",
                 detail={"kind": row.kind, "item": row.bundle_item_id, "page": row.page + 1,
                         "of_item": row.of_item_id, "of_page": row.of_page + 1, "score": row.score})
    return row


def duplicate_out(row: DuplicateProposal) -> dict[str, Any]:
    """A JSON-ready view of one proposal (staff only)."""
    return {"id": row.id, "kind": row.kind, "item_id": row.bundle_item_id, "page": row.page,
            "of_item_id": row.of_item_id, "of_page": row.of_page, "score": row.score, "status": row.status}
