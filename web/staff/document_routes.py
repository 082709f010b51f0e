"""Staff view for a document's release title (the name the requester sees instead of the file name)."""

from __future__ import annotations

from flask import flash

from sar.bundle import documents
from sar.core.db import utcnow
from sar.core.errors import SarError
from web.auth import current_user, staff_required
from web.db import get_session
from web.staff import bp
from web.staff.common import back_to, fail, form_errors, load
from web.staff.forms import TitleForm


@bp.route("/requests/<reference>/documents/<int:item_id>/title", methods=["POST"])
@staff_required
def retitle_document(reference: str, item_id: int):
    """Set the title a document is released under (blank: "Document N"); voids a standing approval."""
    req = load(reference, audited=False)
    form = TitleForm()
    if not form.validate_on_submit():
        return fail(form_errors(form) or "The form had expired; try again.", req, "documents")
    db = get_session()
    try:
        item = documents.get_bundle_item(db, req, item_id)
        documents.set_title(db, item, form.title.data, actor=current_user(), now=utcnow())
    except SarError as exc:
        return fail(exc, req, "documents")
    db.commit()
    flash(f"{item.filename} will be released as “{item.title or 'Document N'}”.", "success")
    return back_to(req, "documents")
