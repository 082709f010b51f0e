"""The case page's "Outcome, complaints and retention" panel: record the outcome, complaints and legal holds.

The panel's data comes from :func:`sar.reports.closure.closure_summary` through a template helper, so
the case page view itself is unchanged.
"""

from __future__ import annotations

from datetime import date

from flask import request

from sar.core.db import utcnow
from sar.core.errors import NotFound, ValidationError
from sar.models import ComplaintCase, LegalHold, Request
from sar.reports import closure
from sar.retention import lift_hold, place_hold
from web.auth import current_user, role_required, staff_required
from web.db import get_session
from web.staff import bp
from web.staff.common import fail, form_post, load
from web.staff.forms import PostForm

ANCHOR = "outcome"


@bp.context_processor
def _closure_helper():
    return {"closure_panel": lambda req: closure.closure_summary(get_session(), req)}


def _day(name: str) -> date:
    try:
        return date.fromisoformat(request.form.get(name, "").strip())
    except ValueError:
        raise ValidationError(f"{name.replace('_', ' ')} must be a date") from None


def _post(req, action, success: str):
    """Run ``action`` through :func:`form_post` and go back to the panel (fields are read from ``request.form``)."""
    return form_post(PostForm(), action, req=req, anchor=ANCHOR, success=success)


@bp.route("/requests/<reference>/closure", methods=["POST"])
@staff_required
def record_closure(reference: str):
    req = load(reference, audited=False)

    def action(db):
        codes = [c for c in request.form.get("codes", "").replace(";", ",").split(",") if c.strip()]
        closure.record_closure(db, req, request.form.get("outcome", ""), codes=codes,
                               note=request.form.get("note", ""), actor=current_user(), now=utcnow())
    return _post(req, action, "Outcome recorded.")


@bp.route("/requests/<reference>/complaints", methods=["POST"])
@staff_required
def open_complaint(reference: str):
    req = load(reference, audited=False)
    return _post(req, lambda db: closure.record_complaint(db, req, request.form.get("kind", ""),
                                                         opened_on=_day("opened_on"), actor=current_user(),
                                                         now=utcnow()),
                 "Complaint recorded.")


@bp.route("/complaints/<int:case_id>/outcome", methods=["POST"])
@staff_required
def decide_complaint(case_id: int):
    db = get_session()
    case = db.get(ComplaintCase, case_id)
    if case is None:
        return fail(NotFound("no such complaint"))
    req = load(db.get(Request, case.request_id).reference, audited=False)
    return _post(req, lambda db: closure.decide_complaint(db, case, request.form.get("outcome", ""),
                                                         closed_on=_day("closed_on"), actor=current_user(),
                                                         now=utcnow()),
                 "Complaint outcome recorded.")


@bp.route("/requests/<reference>/hold", methods=["POST"])
@role_required("manager", "admin")
def place_legal_hold(reference: str):
    req = load(reference, audited=False)
    return _post(req, lambda db: place_hold(db, req, request.form.get("reason", ""), actor=current_user(),
                                            now=utcnow()),
                 "Legal hold placed: this file will not be disposed of until it is lifted.")


@bp.route("/holds/<int:hold_id>/lift", methods=["POST"])
@role_required("manager", "admin")
def lift_legal_hold(hold_id: int):
    db = get_session()
    hold = db.get(LegalHold, hold_id)
    if hold is None:
        return fail(NotFound("no such hold"))
    req = load(db.get(Request, hold.request_id).reference, audited=False)
    return _post(req, lambda db: lift_hold(db, hold, request.form.get("reason", ""), actor=current_user(),
                                           now=utcnow()),
                 "Legal hold lifted.")
