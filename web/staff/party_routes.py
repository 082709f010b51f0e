"""Staff views for a request's parties: add a party, disclose/redact decision, aliases, evidence.

Each view parses the form, calls one ``sar.intake.parties`` use case, commits and goes back to the
"Details and parties" section of the case page.
"""

from __future__ import annotations

from flask import Response, flash

from sar.core.db import utcnow
from sar.core.errors import SarError
from sar.intake import parties
from sar.models import Role
from web.auth import current_user, role_required, staff_required
from web.db import get_session
from web.errors import sentence
from web.staff import bp
from web.staff.common import back_to, fail, form_errors, load, settings
from web.staff.forms import (
    AddPartyForm,
    EvidenceStatusForm,
    EvidenceUploadForm,
    PartyDecisionForm,
    PartyNamesForm,
)

ANCHOR = "details"
#: What to tell the officer after evidence arrives: the clock is theirs to move (rulebook G-2).
CLOCK_HINT = ("If this is the proof of {kind} you asked for, record \u201c{event}\u201d in the clock panel: "
              "the time limit may run from its receipt (rulebook G-2).")
CLOCK_EVENT = {"identity": "Proof of identity received", "authority": "Authority received"}


def split_list(text: str | None) -> list[str]:
    """Comma- or line-separated entries, blanks dropped."""
    return [part.strip() for part in (text or "").replace("\n", ",").split(",") if part.strip()]


def party_context(db, req) -> dict:
    """The party forms and evidence notes for the case page."""
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


def _received_hint(kind: str) -> str:
    return CLOCK_HINT.format(kind=kind, event=CLOCK_EVENT[kind])


@bp.route("/requests/<reference>/parties", methods=["POST"])
@staff_required
def add_party(reference: str):
    """Add a third party, representative or (if none yet) data subject."""
    req = load(reference, audited=False)
    form = AddPartyForm()
    if not form.validate_on_submit():
        return fail(form_errors(form) or "Check the party form.", req, ANCHOR)
    try:
        party = parties.add_party(
            get_session(),
            req,
            role=form.role.data,
            name=form.name.data,
            relationship=form.relationship.data,
            disclose=form.role.data == "third_party" and form.decision.data == "disclose",
            email=form.email.data or None,
            phone=form.phone.data,
            dob=form.dob.data,
            aliases=split_list(form.aliases.data),
            identifiers=split_list(form.identifiers.data),
            capacity=form.capacity.data,
            actor=current_user(),
            now=utcnow(),
        )
    except SarError as exc:
        return fail(exc, req, ANCHOR)
    get_session().commit()
    flash(f"{party.name} added as {party.role.replace('_', ' ')}.", "success")
    return back_to(req, ANCHOR)


@bp.route("/requests/<reference>/parties/<int:party_id>/decision", methods=["POST"])
@staff_required
def party_decision(reference: str, party_id: int):
    """Change a third party's disclose/redact decision (voids a standing approval)."""
    req = load(reference, audited=False)
    form = PartyDecisionForm()
    if not form.validate_on_submit():
        return fail(form_errors(form) or "Choose disclose or redact.", req, ANCHOR)
    db = get_session()
    try:
        party = parties.get_party(db, req, party_id, actor=current_user())
        parties.update_party(db, party, actor=current_user(), now=utcnow(), disclose=form.decision.data == "disclose")
    except SarError as exc:
        return fail(exc, req, ANCHOR)
    db.commit()
    flash(f"{party.name} will be {'disclosed' if party.disclose else 'redacted'}. Run \u201cFind redactions\u201d "
          "again for the change to reach the proposals.", "success")
    return back_to(req, ANCHOR)


@bp.route("/requests/<reference>/parties/<int:party_id>/names", methods=["POST"])
@staff_required
def party_names(reference: str, party_id: int):
    """Replace a party's aliases and reference numbers."""
    req = load(reference, audited=False)
    form = PartyNamesForm()
    if not form.validate_on_submit():
        return fail(form_errors(form) or "Check the aliases.", req, ANCHOR)
    db = get_session()
    try:
        party = parties.get_party(db, req, party_id, actor=current_user())
        parties.update_party(db, party, actor=current_user(), now=utcnow(), aliases=split_list(form.aliases.data),
                             identifiers=split_list(form.identifiers.data))
    except SarError as exc:
        return fail(exc, req, ANCHOR)
    db.commit()
    flash(f"Other names and reference numbers of {party.name} saved.", "success")
    return back_to(req, ANCHOR)


@bp.route("/requests/<reference>/parties/<int:party_id>/evidence", methods=["POST"])
@staff_required
def party_evidence(reference: str, party_id: int):
    """Record the status of a party's identity or authority evidence, with a note."""
    req = load(reference, audited=False)
    form = EvidenceStatusForm()
    if not form.validate_on_submit():
        return fail(form_errors(form) or "Check the evidence form.", req, ANCHOR)
    db = get_session()
    kind, status = form.kind.data, form.status.data
    try:
        party = parties.get_party(db, req, party_id, actor=current_user())
        parties.record_evidence(db, party, kind, status, note=form.note.data or "", actor=current_user(),
                                now=utcnow())
    except SarError as exc:
        return fail(exc, req, ANCHOR)
    db.commit()
    message = f"{party.name}: {kind} evidence {status.replace('_', ' ')}."
    if status == "received":
        message += " " + _received_hint(kind)
    flash(message, "success")
    return back_to(req, ANCHOR)


@bp.route("/requests/<reference>/parties/evidence-upload", methods=["POST"])
@staff_required
def party_evidence_upload(reference: str):
    """Store a proof of identity or authority for a party and mark it received."""
    req = load(reference, audited=False)
    form = EvidenceUploadForm()
    if not form.validate_on_submit():
        return fail(form_errors(form) or "Choose a PDF file to upload.", req, ANCHOR)
    db = get_session()
    storage = form.file.data
    try:
        party = parties.get_party(db, req, form.party_id.data, actor=current_user())
        item = parties.attach_evidence(db, req, storage.read(), storage.filename or "evidence.pdf", form.kind.data,
                                       actor=current_user(), now=utcnow(), settings=settings(), party=party)
    except SarError as exc:
        db.rollback()
        flash(sentence(exc), "error")
        return back_to(req, ANCHOR)
    db.commit()
    flash(f"{item.filename} added as {form.kind.data} evidence for {party.name}. "
          + _received_hint(form.kind.data), "success")
    return back_to(req, ANCHOR)


@bp.route("/requests/<reference>/parties/<int:party_id>/evidence/<kind>.pdf")
@role_required(Role.officer.value, Role.manager.value)
def party_evidence_document(reference: str, party_id: int, kind: str):
    """Open a party's identity or authority document (officers and managers; the read is audited)."""
    req = load(reference, audited=False)
    db = get_session()
    party = parties.get_party(db, req, party_id, actor=current_user())
    _, data = parties.open_evidence(db, req, party, kind, actor=current_user(), now=utcnow(), settings=settings())
    db.commit()
    response = Response(data, mimetype="application/pdf")
    # A generic name: the uploaded file name is the sender's and may carry anything.
    response.headers["Content-Disposition"] = f'inline; filename="{req.reference}-{party.id}-{kind}-evidence.pdf"'
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
