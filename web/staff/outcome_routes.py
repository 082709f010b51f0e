"""Staff views for a request's outcome and correspondence (issue 13).

One page per request (``/requests/<ref>/outcome``): record the outcome with its grounds and reasons,
preview and edit its letter, submit it for approval; preview, edit and send stage letters (each
recording its clock event); read the requester's replies; keep internal notes; reopen; withdraw a
mistaken clock event; track Art 19 notices. Each POST calls one ``sar`` use case, commits, and comes
back to the page (errors shown at the top, nothing saved).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from flask import Response, current_app, flash, redirect, render_template, request, url_for

from sar.bundle import jobs
from sar.core.db import utcnow
from sar.core.errors import SarError, ValidationError
from sar.intake import clock, linked_cases, replies, stage_letters
from sar.models import Outcome, Role
from sar.release import closure, correspondence, exemptions, outcomes
from sar.release.outcome_kinds import OUTCOME_KINDS, kinds_for
from web.auth import current_user, role_required, staff_required
from web.db import get_session, session_factory
from web.errors import sentence
from web.staff import background, bp
from web.staff.common import form_post, load, london_today, settings
from web.staff.forms import PostForm

#: Rows of the exemption table on the form (more can be cited through the API).
EXEMPTION_ROWS = 4
FINISHED = ("released", "closed", "withdrawn", "refused")
_officer_or_manager = role_required(Role.officer.value, Role.manager.value)


def _page(req, *, letter_draft=None, outcome_form=None, status: int = 200):
    db = get_session()
    actor = current_user()
    fam = correspondence.family(req.regime)
    context = {
        "req": req, "kinds": kinds_for(req.regime), "all_kinds": OUTCOME_KINDS,
        "exemption_choices": list((exemptions.EIR_EXCEPTIONS if fam == "eir" else exemptions.FOIA_EXEMPTIONS).values()),
        "exemption_rows": EXEMPTION_ROWS, "pending": closure.pending_outcome(db, req),
        "issued": closure.issued_outcomes(db, req), "letters": correspondence.list_letters(db, req, actor=actor),
        "replies": replies.messages(db, req, actor=actor), "notes": replies.messages(db, req, actor=actor, notes=True),
        "waiting": replies.waiting_for(req), "stage_kinds": [k for k, s in stage_letters.STAGE_LETTERS.items()
                                                           if fam in s.families],
        "events": [e for e in req.clock_events], "letter_draft": letter_draft, "outcome_form": outcome_form or {},
        "art19_outstanding": outcomes.art19_outstanding, "reopenable": req.status in ("released", "refused", "closed"),
        "links": (links := linked_cases.links_for(db, req, actor=actor)),
        "link_kinds": {k: v for k, v in linked_cases.LINK_KINDS.items() if req.regime in v.originals},
        "all_link_kinds": linked_cases.LINK_KINDS, "references": linked_cases.references(db, links, actor=actor),
        "pit_cap": _pit_cap(db, req),
    }
    db.commit()
    return render_template("staff/outcome.html", **context), status


def _pit_cap(db, req):
    """The latest estimate a FOIA public-interest extension sent today could give (F-3), shown on the form."""
    if correspondence.family(req.regime) != "foi" or req.extended or req.status in FINISHED:
        return None
    try:
        return clock.pit_cap(db, req, london_today(), settings())
    except SarError:
        return None


def _fail(req, exc: SarError | str, **kw):
    get_session().rollback()
    flash(sentence(str(exc)), "error")
    req = load(req.reference, audited=False)
    return _page(req, status=400 if isinstance(exc, ValidationError) else 409, **kw)


def _back(req, anchor: str):
    return redirect(url_for("staff.outcome_page", reference=req.reference) + f"#{anchor}")


@bp.route("/requests/<reference>/outcome")
@staff_required
def outcome_page(reference: str):
    """The outcome and correspondence page."""
    return _page(load(reference))


def _outcome_fields(form) -> dict:
    rows = []
    for n in range(EXEMPTION_ROWS):
        key = (form.get(f"ex_key_{n}") or "").strip()
        if key:
            rows.append({"key": key, "reasoning": form.get(f"ex_reasoning_{n}", ""),
                         "public_interest": form.get(f"ex_pi_{n}", "")})
    search = {k: form.get(f"search_{k}", "") for k in ("systems", "terms", "date_range", "result")}
    detail = {k: form.get(k, "") for k in ("transfer_to", "legal_basis", "public_interest", "statement")}
    detail["held_here"] = form.get("held_here") == "on"
    detail["recipients"] = [r.strip() for r in (form.get("recipients") or "").splitlines() if r.strip()]
    return {"exemption_rows": rows, "search": search if any(search.values()) else None, "detail": detail,
            "reasons": form.get("reasons", ""), "advice": form.get("advice", "")}


def _post(req, action, *, anchor: str, success: str | None = None, then=None, **page):
    """:func:`form_post` for this page: back at ``anchor`` on success, else the page again with the message.

    A refusal answers 400 for bad input and 409 for a state conflict (``page`` are :func:`_page`'s keywords).
    """
    refused: list[SarError] = []

    def act(db):
        try:
            return action(db)
        except SarError as exc:
            refused.append(exc)
            raise

    def back():
        status = 409 if refused and not isinstance(refused[0], ValidationError) else 400
        return _page(load(req.reference, audited=False), status=status, **page)
    return form_post(PostForm(), act, req=req, back=back, success=success,
                     then=then or (lambda _: _back(req, anchor)))


@bp.route("/requests/<reference>/outcome", methods=["POST"])
@_officer_or_manager
def outcome_record(reference: str):
    """Record (or replace) the outcome; with ``letter_text`` the officer's edit of the letter is kept."""
    req = load(reference, audited=False)
    form = request.form
    letter_text = form.get("letter_text") if form.get("keep_letter") == "on" else None
    return _post(req, lambda db: outcomes.draft_outcome(db, req, form.get("kind", ""), actor=current_user(),
                                                       now=utcnow(), settings=settings(), letter_text=letter_text,
                                                       **_outcome_fields(form)),
                 anchor="outcome", outcome_form=form,
                 success="Outcome recorded. Check the letter, edit it if needed, then submit it for approval.")


@bp.route("/requests/<reference>/outcome/letter", methods=["POST"])
@_officer_or_manager
def outcome_letter_edit(reference: str):
    """Save the officer's edit of the draft outcome's letter."""
    req = load(reference, audited=False)

    def action(db):
        pending = closure.pending_outcome(db, req)
        if pending is None:
            raise ValidationError("record the outcome first")
        return outcomes.edit_letter(db, pending, request.form.get("letter_text", ""), actor=current_user(),
                                    now=utcnow())
    return _post(req, action, anchor="outcome", success="Letter saved.")


@bp.route("/requests/<reference>/outcome/submit", methods=["POST"])
@_officer_or_manager
def outcome_submit(reference: str):
    """Queue the submission of the drafted outcome for a manager's approval (the same four-eyes path as a pack).

    The quick checks refuse at once (``sar.release.outcomes.check_outcome_submittable``); the pack build,
    long for an outcome that releases a large bundle, runs as a background job
    (``sar.bundle.jobs.start_pack_job`` with ``outcome=True``), never inside this HTTP request. The case
    page shows its progress under "Approval".
    """
    req = load(reference, audited=False)

    def start(db):
        return jobs.start_pack_job(db, req, actor=current_user(), now=utcnow(), note=request.form.get("note", ""),
                                   stale=jobs.stale_after(settings()), outcome=True)

    def run(job):
        # After the commit, so the thread's own session sees the queued job.
        background.run_in_background(current_app._get_current_object(), session_factory(), job.id, settings())
        return redirect(url_for("staff.request_page", reference=req.reference) + "#approval")

    return _post(req, start, anchor="outcome", then=run,
                 success="Building the decision pack. It is submitted for approval when the build finishes "
                         "(the case page shows the progress); a manager who did not prepare it must approve it.")


def _stage_fields(form) -> dict:
    return {k: form.get(k, "") for k in ("question", "what_we_need", "amount", "fee_basis", "reasons", "exemption",
                                         "new_due", "transfer_to")}


@bp.route("/requests/<reference>/stage-letter", methods=["POST"])
@_officer_or_manager
def stage_letter(reference: str):
    """Preview a stage letter (``action=preview``) or send it (``action=send``, with the edited text)."""
    req = load(reference, audited=False)
    form = request.form
    kind, fields = form.get("kind", ""), _stage_fields(form)
    if form.get("action") != "send":
        db = get_session()
        try:
            draft = stage_letters.draft(db, req, kind, actor=current_user(), now=utcnow(), settings=settings(),
                                        fields=fields)
        except SarError as exc:
            return _fail(req, exc)
        db.rollback()  # a preview saves nothing
        return _page(load(reference, audited=False), letter_draft={"kind": kind, "fields": fields,
                                                                   "text": draft.text, "subject": draft.subject})

    def action(db):
        posted = form.get("posted_on") or None
        try:
            posted_on = date.fromisoformat(posted) if posted else None
        except ValueError:
            raise ValidationError("the posting date must be a date") from None
        return stage_letters.send(db, req, kind, actor=current_user(), now=utcnow(), settings=settings(),
                                  fields=fields, text=form.get("text"), dispatch=form.get("dispatch", "email"),
                                  posted_on=posted_on)
    return _post(req, action, anchor="letters",
                 success="Letter sent and logged; any clock event it needs has been recorded.")


@bp.route("/requests/<reference>/notes", methods=["POST"])
@staff_required
def note_add(reference: str):
    """Add an internal case note."""
    req = load(reference, audited=False)
    return _post(req, lambda db: replies.add_note(db, req, actor=current_user(), body=request.form.get("body", ""),
                                                 now=utcnow()),
                 anchor="notes")


@bp.route("/requests/<reference>/reopen", methods=["POST"])
@_officer_or_manager
def request_reopen(reference: str):
    """Reopen a released, refused or closed request with a reason."""
    req = load(reference, audited=False)
    return _post(req, lambda db: outcomes.reopen(db, req, actor=current_user(), now=utcnow(),
                                                reason=request.form.get("reason", "")),
                 anchor="outcome", success="Reopened. Record the supplementary outcome when ready.")


@bp.route("/requests/<reference>/events/<int:event_id>/void", methods=["POST"])
@_officer_or_manager
def clock_event_void(reference: str, event_id: int):
    """Withdraw a mistaken clock event with a reason (the due date is recomputed)."""
    req = load(reference, audited=False)
    return _post(req, lambda db: clock.void_clock_event(db, req, event_id, actor=current_user(), now=utcnow(),
                                                       settings=settings(),
                                                       reason=request.form.get("void_reason", "")),
                 anchor="clock-events", success="Clock event withdrawn; the due date has been recomputed.")


@bp.route("/requests/<reference>/outcomes/<int:outcome_id>/art19", methods=["POST"])
@_officer_or_manager
def art19_sent(reference: str, outcome_id: int):
    """Record that an Art 19 notice went to one recipient."""
    req = load(reference, audited=False)

    def action(db):
        outcome = db.get(Outcome, outcome_id)
        if outcome is None or outcome.request_id != req.id:
            raise ValidationError("no such outcome on this request")
        return outcomes.mark_art19_sent(db, outcome, request.form.get("recipient", ""), actor=current_user(),
                                        now=utcnow())
    return _post(req, action, anchor="outcome")


@bp.route("/requests/<reference>/links", methods=["POST"])
@_officer_or_manager
def linked_case_add(reference: str):
    """Log an internal review, reconsideration or complaint linked to this request."""
    req = load(reference, audited=False)
    form = request.form

    def action(db):
        try:
            received = datetime.combine(date.fromisoformat(form.get("received_on") or ""), time(12), tzinfo=UTC)
            due = date.fromisoformat(form["due_on"]) if form.get("due_on") else None
        except ValueError:
            raise ValidationError("give the dates as dates") from None
        return linked_cases.open_linked_case(db, req, form.get("kind", ""), actor=current_user(), now=utcnow(),
                                             settings=settings(), received_at=min(received, utcnow()),
                                             description=form.get("description", ""), due_on=due,
                                             external_reference=form.get("external_reference", ""))
    return _post(req, action, anchor="linked", success="Linked case logged.")


@bp.route("/requests/<reference>/letters/<int:letter_id>.pdf")
@staff_required
def letter_pdf_view(reference: str, letter_id: int):
    """A letter as sent (PDF)."""
    req = load(reference, audited=False)
    data = correspondence.letter_pdf(get_session(), req, letter_id, actor=current_user(), settings=settings())
    get_session().commit()
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{req.reference}-letter-{letter_id}.pdf"'
    return response
