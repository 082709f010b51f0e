"""Staff views for the search on record, near-duplicate proposals and bundle ordering (issue 17).

Each view calls one use case (``sar.searching.searches``, ``sar.bundle.duplicates``), commits and
goes back to the "Search and duplicates" section of the case page. Finding duplicates reads every
page (OCR for scans), so it runs as a background job like redaction proposals.
"""

from __future__ import annotations

from datetime import date

from flask import current_app, request

from sar.bundle import duplicates, ordering
from sar.core.db import utcnow
from sar.core.errors import ValidationError
from sar.intake import record_calls
from sar.searching import searches
from web.auth import current_user, staff_required
from web.db import session_factory
from web.staff import background, bp
from web.staff.common import back_to, form_post, load, settings
from web.staff.forms import PostForm

ANCHOR = "search-log"


def _count(value: str | None) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValidationError("the number of records found must be a whole number")
    return int(value)


def _day(value: str | None) -> date:
    try:
        return date.fromisoformat((value or "").strip())
    except ValueError:
        raise ValidationError("give the internal due date (YYYY-MM-DD)") from None


@bp.route("/requests/<reference>/searches", methods=["POST"])
@staff_required
def record_search(reference: str):
    """Log one search of a system or place for this request's records."""
    req = load(reference, audited=False)
    form = request.form
    return form_post(PostForm(), lambda db: searches.record_search(
        db, req, actor=current_user(), now=utcnow(), place=form.get("place", ""), result=form.get("result", ""),
        place_detail=form.get("place_detail", ""), terms=form.get("terms", ""), notes=form.get("notes", ""),
        date_from=form.get("date_from") or None, date_to=form.get("date_to") or None,
        searched_on=form.get("searched_on") or None, found_count=_count(form.get("found_count"))),
        req=req, anchor=ANCHOR, success="Search recorded.")


@bp.route("/requests/<reference>/duplicates/find", methods=["POST"])
@staff_required
def find_duplicates(reference: str):
    """Start looking for near-duplicate pages and quoted e-mails (a background job)."""
    req = load(reference, audited=False)

    def then(job):
        background.run_in_background(current_app._get_current_object(), session_factory(), job.id, settings())
        return back_to(req, ANCHOR)
    return form_post(PostForm(), lambda db: duplicates.start_duplicate_job(db, req, actor=current_user(), now=utcnow()),
                     req=req, anchor=ANCHOR, then=then, category="info",
                     success="Looking for duplicates. You can keep working; this page shows the progress.")


@bp.route("/requests/<reference>/duplicates/<int:proposal_id>", methods=["POST"])
@staff_required
def decide_duplicate(reference: str, proposal_id: int):
    """Confirm (leave the page out as a duplicate) or reject a proposal."""
    req = load(reference, audited=False)
    return form_post(PostForm(), lambda db: duplicates.decide_duplicate(
        db, req, proposal_id, request.form.get("decision", ""), actor=current_user(), now=utcnow()),
        req=req, anchor=ANCHOR, success="Duplicate decision saved.")


@bp.route("/requests/<reference>/documents/order", methods=["POST"])
@staff_required
def order_documents(reference: str):
    """Order the bundle by the documents' dates or by type; the order is saved (and can be changed by hand)."""
    req = load(reference, audited=False)
    return form_post(PostForm(), lambda db: ordering.order_bundle(
        db, req, request.form.get("by", ""), settings=settings(), actor=current_user(), now=utcnow()),
        req=req, anchor="documents", success="Bundle reordered.")


@bp.route("/requests/<reference>/record-calls", methods=["POST"])
@staff_required
def create_record_call(reference: str):
    """Ask another team or service for this request's records by an internal date."""
    req = load(reference, audited=False)
    form = request.form

    def action(db):
        due = _day(form.get("due_on"))
        return record_calls.create_call(db, req, team=form.get("team", ""), what=form.get("what", ""), due_on=due,
                                        contact_email=form.get("contact_email", ""), actor=current_user(),
                                        now=utcnow(), settings=settings())
    return form_post(PostForm(), action, req=req, anchor=ANCHOR, success="Call for records sent.")


@bp.route("/requests/<reference>/record-calls/<int:call_id>/answer", methods=["POST"])
@staff_required
def answer_record_call(reference: str, call_id: int):
    """Record a team's answer (upload the records themselves with the ordinary upload)."""
    req = load(reference, audited=False)
    return form_post(PostForm(), lambda db: record_calls.answer_call(
        db, req, call_id, found_count=_count(request.form.get("found_count")) or 0,
        note=request.form.get("note", ""), actor=current_user(), now=utcnow()),
        req=req, anchor=ANCHOR, success="Answer recorded in the search log.")
