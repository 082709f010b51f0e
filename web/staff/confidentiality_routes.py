"""Staff views for confidentiality (issue 14): levels, harm review, consultations, agency checklist, need to know.

Each POST parses the form, calls one ``sar.confidentiality`` use case, commits and goes back to the
request's confidentiality page; every rule (roles, need to know, reasons) is enforced in ``sar``.
"""

from __future__ import annotations

from datetime import date

from flask import flash, redirect, render_template, request, url_for

from sar.accounts import queries as account_queries
from sar.confidentiality import access, agency, consultations, gate, levels, register
from sar.core.db import utcnow
from sar.core.errors import NotFound, SarError, ValidationError
from sar.core.permissions import can_view
from sar.models import AGENCY_CHECK_ITEMS, CONSULTATION_REPLIES, CONSULTEE_KINDS, LEVELS, Team
from web.auth import current_user, staff_required
from web.db import get_session
from web.errors import sentence
from web.staff import bp
from web.staff.common import form_post, load, settings
from web.staff.forms import PostForm


def _page(req):
    return redirect(url_for("staff.confidentiality_page", reference=req.reference))


def _int(name: str) -> int | None:
    value = (request.form.get(name) or "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise ValidationError(f"{name.replace('_', ' ')} must be a number") from None


def _ints(name: str) -> list[int]:
    try:
        return [int(v) for v in request.form.getlist(name) if v.strip()]
    except ValueError:
        raise ValidationError(f"{name.replace('_', ' ')} must be numbers") from None


def _date(name: str) -> date:
    try:
        return date.fromisoformat((request.form.get(name) or "").strip())
    except ValueError:
        raise ValidationError(f"{name.replace('_', ' ')} must be a date (YYYY-MM-DD)") from None


@bp.route("/requests/<reference>/confidentiality")
@staff_required
def confidentiality_page(reference: str):
    """Levels, harm review, consultations, agency checklist and who may see the request."""
    db, user, now = get_session(), current_user(), utcnow()
    req = load(reference)
    marks = levels.request_marks(db, req, actor=user, now=now)
    context = {
        "marks": marks,
        "doc_levels": levels.document_levels(db, req),
        "level_titles": levels.LEVEL_TITLES,
        "levels": LEVELS,
        "harm_review": levels.last_harm_review(db, req),
        "consultations": consultations.list_consultations(db, req, actor=user, now=now),
        "is_open": consultations.is_open,
        "kinds": CONSULTEE_KINDS,
        "means": consultations.MEANS,
        "replies": CONSULTATION_REPLIES,
        "checklist": agency.read_checklist(db, req, actor=user, now=now),
        "check_items": AGENCY_CHECK_ITEMS,
        "item_titles": agency.ITEM_TITLES,
        "blockers": {step: gate.blockers(db, req, step=step) for step in gate.STEPS},
        "teams": access.teams(db, actor=user),
        "restricted_to": access.restricted_to(db, req),
        "grants": access.access_grants(db, req, actor=user),
        "staff": account_queries.staff_users(db, actor=user),
        "today": now.date(),
    }
    db.commit()  # the audited reads
    return render_template("staff/confidentiality.html", req=req, **context)


def _post(reference: str, action, success: str):
    """:func:`form_post` for this page: ``action(db, req)`` calls the use case; back to the page either way."""
    req = load(reference, audited=False)
    return form_post(PostForm(), lambda db: action(db, req), req=req, back=lambda: _page(req), success=success)


@bp.route("/requests/<reference>/confidentiality/marks/<int:mark_id>", methods=["POST"])
@staff_required
def confirm_level(reference: str, mark_id: int):
    """The officer confirms or changes the level of a document or passage."""
    form = request.form
    return _post(reference, lambda db, req: levels.confirm_level(
        db, req, mark_id, form.get("level", ""), actor=current_user(), now=utcnow(), note=form.get("note", "")),
        "Level confirmed.")


@bp.route("/requests/<reference>/confidentiality/harm-review", methods=["POST"])
@staff_required
def harm_review(reference: str):
    """A manager records the serious-harm review of HIGHLY SENSITIVE material."""
    form = request.form
    return _post(reference, lambda db, req: levels.record_harm_review(
        db, req, serious_harm=form.get("serious_harm") == "yes", reasons=form.get("reasons", ""),
        actor=current_user(), now=utcnow()),
        "Harm review recorded.")


@bp.route("/requests/<reference>/consultations", methods=["POST"])
@staff_required
def open_consultation(reference: str):
    """Record a consultation sent to an originator, third party or agency."""
    form = request.form
    return _post(reference, lambda db, req: consultations.open_consultation(
        db, req, consultee_name=form.get("consultee_name", ""), consultee_kind=form.get("consultee_kind", ""),
        means=form.get("means", ""), due_on=_date("due_on"), consultee_contact=form.get("consultee_contact", ""),
        about_items=_ints("about_items"), about_marks=_ints("about_marks"), about_text=form.get("about_text", ""),
        actor=current_user(), now=utcnow(), settings=settings()),
        "Consultation recorded.")


@bp.route("/requests/<reference>/consultations/<int:consultation_id>/reply", methods=["POST"])
@staff_required
def consultation_reply(reference: str, consultation_id: int):
    """Record the consultee's reply and how it was taken into account."""
    form = request.form
    return _post(reference, lambda db, req: consultations.record_reply(
        db, req, consultation_id, reply=form.get("reply", ""), reply_text=form.get("reply_text", ""),
        taken_into_account=form.get("taken_into_account", ""), actor=current_user(), now=utcnow()),
        "Reply recorded.")


@bp.route("/requests/<reference>/consultations/<int:consultation_id>/override", methods=["POST"])
@staff_required
def consultation_override(reference: str, consultation_id: int):
    """A manager lets the pack go on without a reply, with reasons."""
    return _post(reference, lambda db, req: consultations.override(
        db, req, consultation_id, reason=request.form.get("reason", ""), actor=current_user(), now=utcnow()),
        "Consultation overridden.")


@bp.route("/requests/<reference>/checks", methods=["POST"])
@staff_required
def record_check(reference: str):
    """Record one item of the agency checklist."""
    form = request.form
    return _post(reference, lambda db, req: agency.record_check(
        db, req, form.get("item", ""), how=form.get("how", ""), evidence_item_id=_int("evidence_item_id"),
        doubt=form.get("doubt") == "y", actor=current_user(), now=utcnow()),
        "Check recorded.")


@bp.route("/requests/<reference>/access", methods=["POST"])
@staff_required
def set_access(reference: str):
    """A manager sets the request's team and who it is restricted to."""
    user, now = current_user(), utcnow()
    req = load(reference, audited=False)

    def action(db):
        team_id = _int("team_id")
        team = db.get(Team, team_id) if team_id else None
        if team_id and team is None:
            raise NotFound("no such team")
        if team_id != req.team_id:
            access.set_team(db, req, team, actor=user, now=now)
        wanted = _ints("restricted_to")
        if wanted != access.restricted_to(db, req):
            access.set_restriction(db, req, wanted, actor=user, reason=request.form.get("reason", ""), now=now)

    def then(_):
        return _page(req) if can_view(user, req) else redirect(url_for("staff.dashboard"))

    return form_post(PostForm(), action, req=req, back=lambda: _page(req), success="Access updated.", then=then)


@bp.route("/open", methods=["GET", "POST"])
@staff_required
def open_other():
    """Open a request outside one's team, recording why (need to know)."""
    if request.method == "GET":
        return render_template("staff/open_other.html")
    db = get_session()
    try:
        req = access.open_with_reason(db, request.form.get("reference", ""), actor=current_user(),
                                      reason=request.form.get("reason", ""), now=utcnow())
    except SarError as exc:
        if isinstance(exc, NotFound):
            db.commit()  # the refusal is audited too
        else:
            db.rollback()
        flash(sentence(str(exc)), "error")
        return render_template("staff/open_other.html"), 404 if isinstance(exc, NotFound) else 400
    db.commit()
    return redirect(url_for("staff.request_page", reference=req.reference))


@bp.route("/disclosures")
@staff_required
def disclosures():
    """The disclosure register, searchable by person and by agency (need to know applies)."""
    db = get_session()
    person, agency_name = request.args.get("person", "")[:200], request.args.get("agency", "")[:200]
    rows = register.search(db, actor=current_user(), now=utcnow(), person=person, agency_name=agency_name)
    db.commit()  # the audited search
    return render_template("staff/disclosures.html", rows=rows, person=person, agency=agency_name)
