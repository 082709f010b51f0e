"""Staff views for the documents section of a case: upload, order, remove, retitle, and finding redactions."""

from __future__ import annotations

from flask import current_app

from sar.bundle import documents, jobs
from sar.core.db import utcnow
from sar.core.errors import ValidationError
from web.auth import current_user, staff_required
from web.db import session_factory
from web.staff import background, bp
from web.staff.common import back_to, errors_or, form_post, load, settings
from web.staff.forms import MoveForm, NoteForm, RemoveForm, TitleForm, UploadForm

ANCHOR = "documents"


@bp.route("/requests/<reference>/documents", methods=["POST"])
@staff_required
def upload(reference: str):
    """Add a PDF to the bundle (other formats are refused with a clear message)."""
    req = load(reference, audited=False)
    form = UploadForm()

    def add(db):
        storage = form.file.data
        return documents.add_document(db, req, storage.read(), storage.filename or "document.pdf",
                                      actor=current_user(), now=utcnow(), settings=settings(),
                                      purpose=form.purpose.data, title=form.title.data)

    def added(item) -> str:
        pages = item.document.page_count
        return f"{item.filename} added ({pages} page{'s' if pages != 1 else ''})."

    return form_post(form, add, req=req, anchor=ANCHOR, invalid=errors_or("Choose a PDF file to upload."),
                     success=added)


@bp.route("/requests/<reference>/documents/move", methods=["POST"])
@staff_required
def move_document(reference: str):
    """Move a document one place up or down in the bundle."""
    req = load(reference, audited=False)
    form = MoveForm()

    def move(db) -> None:
        order = [i.id for i in documents.list_bundle(db, req)]
        try:
            index = order.index(int(form.item_id.data))
        except ValueError:
            raise ValidationError("That document is not in the bundle.") from None
        swap = index - 1 if form.direction.data == "up" else index + 1
        if 0 <= swap < len(order):
            order[index], order[swap] = order[swap], order[index]
            documents.reorder_bundle(db, req, order, actor=current_user(), now=utcnow())

    return form_post(form, move, req=req, anchor=ANCHOR, invalid="Choose a document to move.")


@bp.route("/requests/<reference>/documents/<int:item_id>/remove", methods=["POST"])
@staff_required
def remove_document(reference: str, item_id: int):
    """Take a document out of the bundle, with a reason (nothing is deleted)."""
    req = load(reference, audited=False)
    form = RemoveForm()

    def remove(db):
        item = documents.get_bundle_item(db, req, item_id)
        documents.remove_from_bundle(db, item, actor=current_user(), now=utcnow(), reason=form.reason.data)
        return item

    return form_post(form, remove, req=req, anchor=ANCHOR, invalid="Give a reason for removing the document.",
                     success=lambda item: f"{item.filename} removed from the bundle.")


@bp.route("/requests/<reference>/documents/<int:item_id>/title", methods=["POST"])
@staff_required
def retitle_document(reference: str, item_id: int):
    """Set the title a document is released under (blank: "Document N"); voids a standing approval."""
    req = load(reference, audited=False)
    form = TitleForm()

    def retitle(db):
        item = documents.get_bundle_item(db, req, item_id)
        documents.set_title(db, item, form.title.data, actor=current_user(), now=utcnow())
        return item

    return form_post(form, retitle, req=req, anchor=ANCHOR, invalid=errors_or("The form had expired; try again."),
                     success=lambda item: f"{item.filename} will be released as “{item.title or 'Document N'}”.")


@bp.route("/requests/<reference>/proposals", methods=["POST"])
@staff_required
def start_proposals(reference: str):
    """Queue a proposal job and run it in a background thread; the page polls its progress."""
    req = load(reference, audited=False)

    def start(db):
        return jobs.start_proposal_job(db, req, actor=current_user(), now=utcnow(),
                                       stale=jobs.stale_after(settings()))

    def run(job):
        # After the commit, so the thread's own session sees the queued job.
        background.run_in_background(current_app._get_current_object(), session_factory(), job.id, settings())
        return back_to(req, "redactions")

    return form_post(NoteForm(), start, req=req, anchor="redactions", then=run, category="info",
                     success="Finding redactions. You can keep working; this page shows the progress.")
