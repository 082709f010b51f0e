"""Staff views for the cast of a request's bundle (issue 11): correct it, confirm it, clear the unresolved queue.

The cast itself is shown on the case page (``templates/staff/_cast.html``, fed by ``routes._case_context``);
each correction and the confirmation is one ``sar.bundle.cast`` use case through :func:`form_post`.
Confirming queues a proposal run from the confirmed cast (decisions already taken by hand are kept).
"""

from __future__ import annotations

from flask import current_app, render_template

from sar.bundle import cast, cast_parties
from sar.core.db import utcnow
from web.auth import current_user, staff_required
from web.db import get_session, session_factory
from web.staff import bp
from web.staff.background import run_in_background
from web.staff.common import back_to, errors_or, form_post, load, settings
from web.staff.forms import CastCorrectionForm, NoteForm


@bp.route("/requests/<reference>/cast/correct", methods=["POST"])
@staff_required
def correct_cast(reference: str):
    """Apply one correction to the cast (kept as a draft until confirmed)."""
    req = load(reference, audited=False)
    form = CastCorrectionForm()
    fields = {k: getattr(form, k).data or "" for k in ("name", "other", "alias", "role", "relationship")}
    return form_post(
        form,
        lambda db: cast.correct_cast(db, req, form.kind.data, fields, actor=current_user(), now=utcnow()),
        req=req, anchor="cast", invalid=errors_or("Choose a correction and the person it applies to."),
        success="Cast corrected. Confirm it to recompute the proposals.",
    )


@bp.route("/requests/<reference>/cast/confirm", methods=["POST"])
@staff_required
def confirm_cast(reference: str):
    """Confirm the cast and queue proposals recomputed from it."""
    req = load(reference, audited=False)

    def confirm(db):
        _, job = cast.confirm_cast(db, req, actor=current_user(), now=utcnow())
        return job

    return form_post(NoteForm(), confirm, req=req, anchor="cast", then=_start(req),
                     success=lambda job: "Cast confirmed. The proposals are being recomputed; decisions taken by "
                                         "hand are kept." if job is not None else
                                         "Cast confirmed. It will be used when redactions are found.")


def _start(req):
    """After the commit: run the queued proposal job (its thread's own session sees it), back to the cast."""

    def run(job):
        if job is not None:
            run_in_background(current_app._get_current_object(), session_factory(), job.id, settings())
        return back_to(req, "cast")

    return run


@bp.route("/requests/<reference>/cast/parties/<int:party_id>", methods=["POST"])
@staff_required
def add_case_party(reference: str, party_id: int):
    """One click: put a person recorded on the case into the cast, confirm it and recompute the proposals."""
    req = load(reference, audited=False)

    def add(db):
        _, job = cast_parties.add_case_party(db, req, party_id, actor=current_user(), now=utcnow())
        return job

    return form_post(NoteForm(), add, req=req, anchor="cast", then=_start(req),
                     success="Added to the cast and the cast confirmed. The proposals are being recomputed; "
                             "decisions taken by hand are kept.")


@bp.route("/requests/<reference>/unresolved")
@staff_required
def unresolved_queue(reference: str):
    """Every mention nobody has placed, in bundle order; j/k to move, Enter to open (review_keys.js)."""
    db = get_session()
    req = load(reference)
    items = cast.unresolved_mentions(db, req, actor=current_user(), now=utcnow())
    db.commit()
    return render_template("staff/unresolved.html", req=req, items=items)

