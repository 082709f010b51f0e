"""Staff views: each parses input, calls one ``sar`` use case, commits, and redirects or renders.

Reads of a case go through ``sar.intake.requests.get_request`` (audited). Role checks in the decorators
only shape the pages; the use cases enforce them again (an officer's forced POST to approve is
refused by ``sar.release.approvals.approve`` with 403).
"""

from __future__ import annotations

from flask import flash, jsonify, redirect, render_template, request, url_for

from sar.accounts import queries as account_queries
from sar.bundle import cast as bundle_cast
from sar.bundle import cast_parties, conversion, documents, duplicates, jobs, redactions
from sar.bundle import queries as bundle_queries
from sar.core import audit
from sar.core.db import LONDON, utcnow
from sar.core.errors import Conflict, ValidationError
from sar.intake import clock, parties, record_calls
from sar.intake import queries as intake_queries
from sar.intake import requests as req_uc
from sar.messaging import queries as messaging_queries
from sar.models import User
from sar.release import approvals
from sar.searching import searches
from sar.workflow import approval_state, manual
from sar.workflow.status import RequestStatus
from web.auth import current_user, role_required, staff_required
from web.db import get_session
from web.errors import sentence
from web.staff import bp
from web.staff.common import errors_or, form_errors, form_post, load, london_today, settings
from web.staff.forms import (
    ROLE_LABELS,
    AddPartyForm,
    AssignForm,
    CastCorrectionForm,
    ClockEventForm,
    EvidenceStatusForm,
    EvidenceUploadForm,
    LogRequestForm,
    OverrideForm,
    PartyDecisionForm,
    PartyNamesForm,
    TransitionForm,
)
from web.staff.sections import voice_context

PER_PAGE = 25


# --- dashboard -------------------------------------------------------------------------------------


@bp.route("/")
@staff_required
def dashboard():
    """Requests by tab, sorted and paginated in SQL, with counts by regime."""
    db = get_session()
    user = current_user()
    today = london_today()
    args = request.args
    page = intake_queries.dashboard_page(
        db,
        actor=user,
        today=today,
        settings=settings(),
        tab=args.get("tab", "open"),
        sort=args.get("sort", "due"),
        direction=args.get("dir", "asc"),
        page=args.get("page", 1, type=int),
        per_page=min(max(args.get("per_page", PER_PAGE, type=int), 5), 100),
        regime=args.get("regime") or None,
        query=args.get("q") or None,
    )
    if args.get("q"):
        # A search by name reads who is on which case: audited, with what was found.
        audit.record(db, "request.search", actor=user, now=utcnow(),
                     detail={"query": args.get("q"), "tab": page.tab, "matches": page.total,
                             "references": [r.reference for r in page.rows]})
        db.commit()
    counts = intake_queries.tab_counts(db, actor=user, today=today, settings=settings())
    by_regime = req_uc.counts_by_regime(db, user)
    states = {r.id: clock.deadline_state(r, today, settings()) for r in page.rows}
    officers = account_queries.users_by_id(db, {r.assigned_officer_id for r in page.rows})
    return render_template(
        "staff/dashboard.html",
        page=page,
        counts=counts,
        by_regime=by_regime,
        tabs=intake_queries.TABS,
        states=states,
        officers=officers,
        today=today,
        regime=args.get("regime") or "",
        q=args.get("q") or "",
    )


@bp.route("/requests/new", methods=["GET", "POST"])
@staff_required
def new_request():
    """Log a request that arrived by letter, e-mail, phone or in person."""
    form = LogRequestForm()
    if request.method == "GET":
        form.received_at.data = utcnow().astimezone(LONDON).replace(second=0, microsecond=0, tzinfo=None)
    if form.validate_on_submit():
        db = get_session()
        user = current_user()
        subject = None
        if (form.subject_name.data or "").strip():
            subject = req_uc.PersonIn(name=form.subject_name.data, dob=form.subject_dob.data)
        try:
            req = req_uc.open_request(
                db,
                actor=user,
                now=utcnow(),
                settings=settings(),
                description=form.description.data,
                requester=req_uc.PersonIn(
                    name=form.requester_name.data,
                    email=form.requester_email.data or None,
                    type=form.requester_type.data or None,
                ),
                subject=subject,
                received_at=form.received_at_utc(),
                channel=form.channel.data,
                regime=form.regime.data or None,
                assigned_officer=user if form.assign_to_me.data else None,
            )
        except ValidationError as exc:
            db.rollback()
            form.form_errors.append(sentence(exc))
        else:
            db.commit()
            extra = f" It was split into {len(req.parts) + 1} parts." if req.parts else ""
            flash(f"Request {req.reference} logged.{extra}", "success")
            return redirect(url_for("staff.request_page", reference=req.reference))
    return render_template("staff/new_request.html", form=form)


# --- the case page ---------------------------------------------------------------------------------


@bp.route("/requests/<reference>")
@staff_required
def request_page(reference: str):
    """Everything about one request, in sections."""
    db = get_session()
    user = current_user()
    req = load(reference)
    context = _case_context(db, req, user)
    db.commit()  # the audited read
    return render_template("staff/request.html", req=req, **context)


def _case_context(db, req, user: User) -> dict:
    override = OverrideForm(regime=req.regime)
    clock_form = ClockEventForm()
    clock_form.on.data = london_today()
    assign = AssignForm(officer_id=req.assigned_officer_id or 0)
    assign.officer_id.choices = [(0, "Nobody")] + [
        (u.id, f"{u.name} ({u.role})") for u in account_queries.staff_users(db, actor=user)
    ]
    moves = TransitionForm()
    # Only the moves staff may make by hand (sar.workflow.status.MANUAL_TRANSITIONS), and only for the roles
    # that may make them: approval and release have their own buttons and use cases.
    moves.to.choices = _manual_choices(req) if user.role in manual.MANUAL_ROLES else []
    items = documents.list_bundle(db, req, include_removed=True)
    standing = approval_state.standing_approval(db, req)
    search_log = searches.list_searches(db, req, actor=user)
    return {
        "override_form": override,
        "clock_form": clock_form,
        "assign_form": assign,
        "transition_form": moves,
        "items": items,
        "redaction_counts": bundle_queries.redaction_counts(db, [i.id for i in items]),
        # Totals over the documents still in the bundle (a removed document's proposals wait for nobody).
        "review_totals": redactions.review_counts(db, req),
        "job": _shown_job(db, req, user),
        "upload_accept": ",".join(conversion.ACCEPTED_EXTENSIONS),
        "search_log": search_log,
        "search_places": searches.PLACES,
        "duplicate_proposals": duplicates.list_duplicates(db, req),
        "record_calls": record_calls.list_calls(db, req, actor=user),
        "approvals": approvals.list_approvals(db, req),
        "standing": standing,
        "pack": approvals.current_pack(db, req),
        "events": audit.events_for_request(db, req.id, limit=300),
        "emails": messaging_queries.correspondence(db, req.id, actor=user),
        "users_by_id": account_queries.users_by_id(db, _people_ids(req, standing)
                                                   | {s.searched_by_id for s in search_log}),
        "today": london_today(),
        "deadline_state": clock.deadline_state(req, london_today(), settings()),
        **_party_context(db, req),
        # Issue 11: the cast of the bundle (an audited read), corrected and confirmed in cast_routes.
        "cast": bundle_cast.view_cast(db, req, actor=user, now=utcnow()),
        "cast_form": CastCorrectionForm(),
        "case_parties": [o for o in cast_parties.case_parties(db, req, actor=user) if not o["in_cast"]],
        "role_labels": {**ROLE_LABELS, "unresolved": "Unresolved"},
        # Issue 16: communication needs and the child's views, shown at the top of the page.
        **voice_context(db, req),
    }


def _shown_job(db, req, user: User):
    """The background job the case page shows: a running pack build, else the latest job of any kind.

    A queued or running pack build wins so the officer sees the submission's progress even if another
    job was started since.
    """
    pack = bundle_queries.latest_job(db, req.id, actor=user, kind=jobs.PACK_JOB)
    if pack is not None and pack.status in jobs.ACTIVE_STATUSES:
        return pack
    return bundle_queries.latest_job(db, req.id, actor=user)


def _party_context(db, req) -> dict:
    """The party forms and evidence notes for the case page (their views are in ``party_routes``)."""
    upload = EvidenceUploadForm()
    upload.party_id.choices = [(p.id, f"{p.name} ({p.role.replace('_', ' ')})") for p in req.parties]
    return {
        "add_party_form": AddPartyForm(),
        "decision_form": PartyDecisionForm(),
        "names_form": PartyNamesForm(),
        "evidence_form": EvidenceStatusForm(),
        "evidence_upload_form": upload,
        "evidence_notes": parties.evidence_notes(db, req),
    }


def _people_ids(req, standing) -> set[int]:
    ids = {req.assigned_officer_id, req.owner_id}
    ids.update(e.actor_id for e in req.clock_events)
    if standing is not None:
        ids.update({standing.submitted_by_id, standing.decided_by_id})
    return {i for i in ids if i}


@bp.route("/requests/<reference>/override", methods=["POST"])
@staff_required
def override(reference: str):
    """Override the triage's regime with a reason (audited)."""
    req = load(reference, audited=False)
    form = OverrideForm()
    return form_post(
        form,
        lambda db: req_uc.override_triage(db, req, form.regime.data, actor=current_user(), reason=form.reason.data,
                                          now=utcnow(), settings=settings()),
        req=req, anchor="triage", invalid=errors_or("Check the override form."),
        success=lambda _: f"Regime changed to {form.regime.data}. The due date has been recalculated.",
    )


@bp.route("/requests/<reference>/clock", methods=["POST"])
@staff_required
def clock_event(reference: str):
    """Record a clock event (ID requested, clarification received, extension ...)."""
    req = load(reference, audited=False)
    form = ClockEventForm()
    return form_post(
        form,
        lambda db: clock.record_clock_event(db, req, form.kind.data, form.on.data, actor=current_user(),
                                            reason=form.reason.data or "", now=utcnow(), settings=settings()),
        req=req, anchor="clock", invalid=errors_or("Check the clock form."),
        success="Clock event recorded; the due date has been recalculated.",
    )


@bp.route("/requests/<reference>/assign", methods=["POST"])
@staff_required
def assign(reference: str):
    """Assign the request to an officer."""
    req = load(reference, audited=False)
    officer = get_session().get(User, request.form.get("officer_id", type=int) or 0)
    return form_post(
        AssignForm(),
        lambda db: req_uc.assign(db, req, officer, actor=current_user(), now=utcnow()),
        req=req, anchor="details", invalid="Choose an officer to assign.",
        check=lambda _: None if officer is not None else "Choose an officer to assign.",
        success=lambda _: f"Assigned to {officer.name}.",
    )


def _manual_choices(req) -> list[tuple[str, str]]:
    return [(s.value, s.title) for s in manual.manual_choices(req)]


@bp.route("/requests/<reference>/status", methods=["POST"])
@role_required(*manual.MANUAL_ROLES)
def change_status(reference: str):
    """Move the request by hand to a status in ``sar.workflow.status.MANUAL_TRANSITIONS`` (checked again in sar)."""
    req = load(reference, audited=False)
    form = TransitionForm()
    form.to.choices = _manual_choices(req)

    def invalid(form) -> str:
        wanted = request.form.get("to", "")
        if "to" in form.errors and wanted in RequestStatus.__members__:
            return (f"{RequestStatus(wanted).title} cannot be set by hand from "
                    f"{RequestStatus(req.status).title.lower()}: "
                    "approval and release happen only through their own steps.")
        return form_errors(form) or "Give a reason for the change."

    return form_post(
        form,
        lambda db: manual.set_status_by_hand(db, req, form.to.data, actor=current_user(), reason=form.reason.data,
                                             now=utcnow()),
        req=req, anchor="details", invalid=invalid,
        catch=(ValidationError, Conflict),  # NotPermitted (an admin) becomes a 403 page
        success=lambda _: f"Status changed to {RequestStatus(form.to.data).title}.",
    )


@bp.route("/jobs/<int:job_id>")
@staff_required
def job_status(job_id: int):
    """Progress of a background job, polled by progress.js."""
    job = bundle_queries.job_for_request(get_session(), job_id, actor=current_user())
    if job is None:
        return jsonify({"error": "no such job"}), 404
    return jsonify(jobs.job_progress(job))

