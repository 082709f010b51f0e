"""Staff views for a request's parties: add a party, disclose/redact decision, aliases, evidence.

Each view parses the form, calls one ``sar.intake.parties`` use case, commits and goes back to the
"Details and parties" section of the case page (:func:`web.staff.common.form_post`). The case page builds
these forms itself (``routes._party_context``).
"""

from __future__ import annotations

from flask import Response

from sar.core.db import utcnow
from sar.intake import parties
from sar.models import CASEWORK_ROLES
from web.auth import current_user, role_required, staff_required
from web.db import get_session
from web.staff import bp
from web.staff.common import errors_or, form_post, load, settings
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


def _received_hint(kind: str) -> str:
    return CLOCK_HINT.format(kind=kind, event=CLOCK_EVENT[kind])


@bp.route("/requests/<reference>/parties", methods=["POST"])
@staff_required
def add_party(reference: str):
    """Add a third party, representative or (if none yet) data subject."""
    req = load(reference, audited=False)
    form = AddPartyForm()
    return form_post(
        form,
        lambda db: parties.add_party(
            db,
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
        ),
        req=req, anchor=ANCHOR, invalid=errors_or("Check the party form."),
        success=lambda party: f"{party.name} added as {party.role.replace('_', ' ')}.",
    )


def _update(req, party_id: int, **changes):
    """An ``action`` for :func:`form_post`: change one of the request's parties and return it."""
    def action(db):
        party = parties.get_party(db, req, party_id, actor=current_user())
        parties.update_party(db, party, actor=current_user(), now=utcnow(), **changes)
        return party
    return action


@bp.route("/requests/<reference>/parties/<int:party_id>/decision", methods=["POST"])
@staff_required
def party_decision(reference: str, party_id: int):
    """Change a third party's disclose/redact decision (voids a standing approval)."""
    req = load(reference, audited=False)
    form = PartyDecisionForm()
    return form_post(
        form, _update(req, party_id, disclose=form.decision.data == "disclose"),
        req=req, anchor=ANCHOR, invalid=errors_or("Choose disclose or redact."),
        success=lambda party: f"{party.name} will be {'disclosed' if party.disclose else 'redacted'}. Run "
                              "\u201cFind redactions\u201d again for the change to reach the proposals.",
    )


@bp.route("/requests/<reference>/parties/<int:party_id>/names", methods=["POST"])
@staff_required
def party_names(reference: str, party_id: int):
    """Replace a party's aliases and reference numbers."""
    req = load(reference, audited=False)
    form = PartyNamesForm()
    return form_post(
        form,
        _update(req, party_id, aliases=split_list(form.aliases.data), identifiers=split_list(form.identifiers.data)),
        req=req, anchor=ANCHOR, invalid=errors_or("Check the aliases."),
        success=lambda party: f"Other names and reference numbers of {party.name} saved.",
    )


@bp.route("/requests/<reference>/parties/<int:party_id>/evidence", methods=["POST"])
@staff_required
def party_evidence(reference: str, party_id: int):
    """Record the status of a party's identity or authority evidence, with a note."""
    req = load(reference, audited=False)
    form = EvidenceStatusForm()
    kind, status = form.kind.data, form.status.data

    def record(db):
        party = parties.get_party(db, req, party_id, actor=current_user())
        parties.record_evidence(db, party, kind, status, note=form.note.data or "", actor=current_user(),
                                now=utcnow())
        return party

    def recorded(party) -> str:
        message = f"{party.name}: {kind} evidence {status.replace('_', ' ')}."
        return message + " " + _received_hint(kind) if status == "received" else message

    return form_post(form, record, req=req, anchor=ANCHOR, invalid=errors_or("Check the evidence form."),
                     success=recorded)


@bp.route("/requests/<reference>/parties/evidence-upload", methods=["POST"])
@staff_required
def party_evidence_upload(reference: str):
    """Store a proof of identity or authority for a party and mark it received."""
    req = load(reference, audited=False)
    form = EvidenceUploadForm()

    def attach(db):
        storage = form.file.data
        party = parties.get_party(db, req, form.party_id.data, actor=current_user())
        item = parties.attach_evidence(db, req, storage.read(), storage.filename or "evidence.pdf", form.kind.data,
                                       actor=current_user(), now=utcnow(), settings=settings(), party=party)
        return party, item

    return form_post(
        form, attach, req=req, anchor=ANCHOR, invalid=errors_or("Choose a PDF file to upload."),
        success=lambda done: f"{done[1].filename} added as {form.kind.data} evidence for {done[0].name}. "
                             + _received_hint(form.kind.data),
    )


@bp.route("/requests/<reference>/parties/<int:party_id>/evidence/<kind>.pdf")
@role_required(*CASEWORK_ROLES)
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
