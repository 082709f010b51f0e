"""Use cases for the people connected with a request after intake: add, correct, evidence.

The parties decide what is redacted (:func:`sar.bundle.jobs.proposal_context` turns the data subject
into the engine's subject, with aliases and identifiers, and third parties into known parties
with the caseworker's disclose/redact decision), so adding or changing a party goes through
:func:`sar.workflow.approval_state.prepare_change` first: a standing approval is voided and a finished request
refuses.

Identity and authority evidence (rulebook §2 T-4, §1.3 G-2) has its own status per party. These
use cases never record clock events: receiving proof of identity or authority may move the
relevant time (G-2), and the officer records that in the clock panel.

Use cases take ``session``, ``actor`` and ``now``; they flush and never commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.bundle import documents
from sar.core import audit
from sar.core.errors import Conflict, NotFound, ValidationError
from sar.core.permissions import require_role, require_staff, require_view
from sar.core.settings import Settings
from sar.core.storage import FileStore
from sar.intake.requests import received_on_for
from sar.models import CASEWORK_ROLES, AuditEvent, BundleItem, Party, Request, Role, User
from sar.workflow import approval_state
from sar.workflow.status import FINISHED_STATUSES

#: Roles staff may add after intake (the requester is fixed at intake).
ADDABLE_ROLES = ("third_party", "representative", "data_subject")
EVIDENCE_KINDS = ("identity", "authority")
EVIDENCE_STATUSES = ("not_required", "requested", "received", "verified", "rejected")
#: Allowed evidence status moves. Verified and rejected are staff decisions; a rejected or
#: verified status can go back to requested (new doubts, or new evidence asked for).
EVIDENCE_MOVES: Mapping[str, frozenset[str]] = {
    "not_required": frozenset({"requested", "received"}),
    "requested": frozenset({"received", "not_required"}),
    "received": frozenset({"verified", "rejected", "requested"}),
    "verified": frozenset({"requested"}),
    "rejected": frozenset({"requested", "received"}),
}
#: Evidence statuses only staff may set.
STAFF_ONLY_STATUSES = frozenset({"not_required", "requested", "verified", "rejected"})
#: The fields :func:`update_party` may change (the role and evidence have their own use cases).
EDITABLE_FIELDS = ("name", "relationship", "disclose", "email", "phone", "address", "dob", "aliases",
                   "identifiers", "capacity", "age", "looked_after")
#: Oldest age accepted as a recorded age (``age`` is stored as ``age_years``).
MAX_AGE = 130
_PURPOSE = {"identity": "identity_evidence", "authority": "authority_evidence"}
_MAX_LIST = 20


def _text(value: object, what: str, max_len: int, *, required: bool = False) -> str | None:
    if value is None:
        text = ""
    elif isinstance(value, str):
        text = " ".join(value.split())
    else:
        raise ValidationError(f"{what} must be text")
    if not text:
        if required:
            raise ValidationError(f"{what} is required")
        return None
    if len(text) > max_len:
        raise ValidationError(f"{what} is too long (at most {max_len} characters)")
    return text


def _email(value: object) -> str | None:
    email = _text(value, "the e-mail address", 320)
    if email is not None and ("@" not in email or " " in email or email.startswith("@") or email.endswith("@")):
        raise ValidationError(f"{email!r} is not an e-mail address")
    return email


def _dob(value: object, now: datetime) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError("the date of birth must be a date")
    if value > received_on_for(now):
        raise ValidationError("the date of birth cannot be in the future")
    return value


def _age(value: object) -> int | None:
    """A recorded age in whole years (None clears it): what the person or their parent stated."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValidationError("the age must be a whole number of years")
    try:
        age = int(value)
    except ValueError:
        raise ValidationError("the age must be a whole number of years") from None
    if not 0 <= age <= MAX_AGE:
        raise ValidationError(f"the age must be between 0 and {MAX_AGE}")
    return age


def _names(values: object, what: str, max_len: int) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        raise ValidationError(f"give {what} as a list, one per entry")
    out: list[str] = []
    seen: set[str] = set()
    for value in values if isinstance(values, Iterable) else ():
        text = _text(value, f"each of {what}", max_len)
        if text is None or text.casefold() in seen:
            continue
        seen.add(text.casefold())
        out.append(text)
    if len(out) > _MAX_LIST:
        raise ValidationError(f"at most {_MAX_LIST} {what}")
    return out


def _serial(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _party_label(party: Party) -> str:
    return f"{party.role.replace('_', ' ')} {party.name}"


def _check_third_party(request: Request, name: str, *, exclude: Party | None = None) -> None:
    """A third party must not repeat another party's name (the engine would get two decisions)."""
    for other in request.parties:
        if other is exclude or other.role not in ("third_party", "data_subject"):
            continue
        if other.name.casefold() == name.casefold():
            if other.role == "data_subject":
                raise ValidationError(f"{name} is the data subject, not a third party")
            raise ValidationError(f"{name} is already a third party on this request")


def add_party(session: Session, request: Request, *, role: str, name: str, relationship: str | None = None,
              disclose: bool = False, email: str | None = None, phone: str | None = None,
              dob: date | None = None, aliases: Iterable[str] = (), identifiers: Iterable[str] = (),
              capacity: str | None = None, actor: User, now: datetime) -> Party:
    """Add a person to ``request`` after intake (staff only).

    * ``third_party``: someone in the records; ``relationship`` to the subject is required and
      ``disclose`` is the caseworker's decision (False = redact), which the redaction engine uses.
    * ``representative``: someone acting for the subject (solicitor, parent ...); ``capacity`` is
      required and their authority evidence starts as requested (rulebook T-4).
    * ``data_subject``: only when the request has none yet.

    :return: the new party (flushed).
    :raises ValidationError: unknown role, missing or too long name, relationship or capacity,
        a second data subject, a third party named like the subject or another third party, a
        disclose decision for anyone but a third party, a malformed e-mail, a future date of birth.
    :raises NotPermitted: the actor is not staff.
    :raises Conflict: the request is released, closed, withdrawn or refused.
    """
    require_staff(actor)
    if role not in ADDABLE_ROLES:
        raise ValidationError(f"a party added after intake must be one of: {', '.join(ADDABLE_ROLES)}")
    clean_name = _text(name, "the name", 200, required=True)
    clean_relationship = _text(relationship, "the relationship to the subject", 100)
    clean_capacity = _text(capacity, "the capacity", 50)
    if role == "data_subject" and request.party("data_subject") is not None:
        raise ValidationError("this request already has a data subject; correct that party instead")
    if role == "third_party":
        if clean_relationship is None:
            raise ValidationError("say how the third party is related to the subject (e.g. neighbour, "
                                  "mother's partner)")
        _check_third_party(request, clean_name)
    elif disclose:
        raise ValidationError("only a third party has a disclose or redact decision")
    if role == "representative" and clean_capacity is None:
        raise ValidationError("say in what capacity the representative acts (e.g. solicitor, parent)")
    party = Party(
        role=role, name=clean_name, email=_email(email), phone=_text(phone, "the phone number", 50),
        dob=_dob(dob, now), aliases=_names(aliases, "aliases", 200) or None,
        identifiers=_names(identifiers, "identifiers", 100) or None,
        relationship_to_subject=clean_relationship, disclose=bool(disclose) if role == "third_party" else False,
        capacity=clean_capacity, identity_status="not_required",
        authority_status="requested" if role == "representative" else "not_required",
        authority_note="authority evidence needed (rulebook T-4, G-2)" if role == "representative" else None,
    )
    approval_state.prepare_change(session, request, actor=actor, now=now, what=f"{_party_label(party)} added")
    request.parties.append(party)
    request.updated_at = now
    session.flush()
    audit.record(session, "party.add", actor=actor, now=now, request_id=request.id, target=f"party:{party.id}",
                 detail={"role": role, "name": party.name, "relationship": party.relationship_to_subject,
                         "disclose": party.disclose, "capacity": party.capacity,
                         "aliases": party.aliases or [], "identifiers": party.identifiers or []})
    return party


def update_party(session: Session, party: Party, *, actor: User, now: datetime, **changes: Any) -> Party:
    """Correct a party: name, relationship, disclose decision, contact details, DOB, aliases, identifiers.

    ``age`` (stored as ``age_years``) and ``looked_after`` record the other evidence that a data subject
    is a child (rulebook T-4, :func:`sar.release.entitlement.child_evidence`).

    ``relationship`` is stored as ``relationship_to_subject``. Fields left out are unchanged; a
    change to the same value is not a change. Nothing at all changing is not an error and records
    nothing.

    :return: the party.
    :raises ValidationError: an unknown field, or a value :func:`add_party` would refuse (a
        disclose decision or an emptied relationship on a third party ...).
    :raises NotPermitted: the actor is not staff.
    :raises Conflict: the request is released, closed, withdrawn or refused.
    """
    require_staff(actor)
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise ValidationError(f"cannot change {', '.join(unknown)} here; a party's "
                              f"{', '.join(EDITABLE_FIELDS)} can be changed")
    request = party.request
    clean: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "name":
            clean["name"] = _text(value, "the name", 200, required=True)
        elif key == "relationship":
            clean["relationship_to_subject"] = _text(value, "the relationship to the subject", 100,
                                                     required=party.role == "third_party")
        elif key == "disclose":
            if party.role != "third_party":
                raise ValidationError("only a third party has a disclose or redact decision")
            if not isinstance(value, bool):
                raise ValidationError("the disclose decision must be yes or no")
            clean["disclose"] = value
        elif key == "email":
            clean["email"] = _email(value)
        elif key == "phone":
            clean["phone"] = _text(value, "the phone number", 50)
        elif key == "address":
            clean["address"] = _text(value, "the address", 2000)
        elif key == "dob":
            clean["dob"] = _dob(value, now)
        elif key == "aliases":
            clean["aliases"] = _names(value, "aliases", 200) or None
        elif key == "identifiers":
            clean["identifiers"] = _names(value, "identifiers", 100) or None
        elif key == "age":
            clean["age_years"] = _age(value)
        elif key == "looked_after":
            if not isinstance(value, bool):
                raise ValidationError("looked-after status must be yes or no")
            clean["looked_after"] = value
        elif key == "capacity":
            clean["capacity"] = _text(value, "the capacity", 50, required=party.role == "representative")
    diff = {k: [_serial(getattr(party, k)), _serial(v)] for k, v in clean.items() if getattr(party, k) != v}
    if not diff:
        return party
    if party.role == "third_party" and "name" in diff:
        _check_third_party(request, clean["name"], exclude=party)
    approval_state.prepare_change(session, request, actor=actor, now=now,
                             what=f"{_party_label(party)} changed ({', '.join(sorted(diff))})")
    for key in diff:
        setattr(party, key, clean[key])
    request.updated_at = now
    session.flush()
    audit.record(session, "party.update", actor=actor, now=now, request_id=request.id, target=f"party:{party.id}",
                 detail={"role": party.role, "changes": diff})
    return party


def get_party(session: Session, request: Request, party_id: int, *, actor: User | None) -> Party:
    """Return one of ``request``'s parties by id, if ``actor`` may see the request.

    :raises NotFound: no such party on this request, or the request is not visible.
    """
    require_view(actor, request)
    party = session.get(Party, party_id)
    if party is None or party.request_id != request.id:
        raise NotFound("no such party on this request")
    return party


def record_evidence(session: Session, party: Party, kind: str, status: str, *, note: str = "",
                    document_id: int | None = None, actor: User, now: datetime) -> Party:
    """Record the status of a party's identity or authority evidence (rulebook T-4, G-2).

    Allowed moves are in :data:`EVIDENCE_MOVES`; ``received`` to ``received`` is allowed only with a
    new document. Only staff may set anything but ``received``; a requester may record only
    their own request's evidence as received. Rejecting needs a note, which for authority is kept
    on the party (``authority_note``); identity notes are kept in the audit trail
    (:func:`evidence_notes`).

    A rejection, or any move away from verified, voids a standing approval
    (:func:`sar.workflow.approval_state.prepare_change`): the pack must not go out on evidence found wanting or
    no longer accepted (:mod:`sar.release.entitlement`). Other moves do not void it.
    No clock event is recorded: the officer records ID or authority received in the clock panel.

    :param document_id: the document that is the evidence (must be in this request's bundle).
    :return: the party.
    :raises ValidationError: unknown kind or status, a move not in the table, a rejection without
        a note, a document not in this request's bundle.
    :raises NotPermitted: a requester setting a staff-only status.
    :raises NotFound: a requester and someone else's request.
    :raises Conflict: the request is released, closed, withdrawn or refused.
    """
    request = party.request
    if kind not in EVIDENCE_KINDS:
        raise ValidationError(f"unknown evidence kind {kind!r}; choose identity or authority")
    if status not in EVIDENCE_STATUSES:
        raise ValidationError(f"unknown evidence status {status!r}; choose one of {', '.join(EVIDENCE_STATUSES)}")
    if actor is not None and actor.role == Role.requester:
        require_view(actor, request)
        if status in STAFF_ONLY_STATUSES:
            require_staff(actor)
    else:
        require_staff(actor)
    note = (note or "").strip()
    if len(note) > 2000:
        raise ValidationError("the note is too long (at most 2000 characters)")
    current = getattr(party, f"{kind}_status")
    if status == current and not (status == "received" and document_id is not None):
        raise ValidationError(f"{party.name}'s {kind} evidence is already {status.replace('_', ' ')}")
    if status != current and status not in EVIDENCE_MOVES[current]:
        allowed = ", ".join(sorted(s.replace("_", " ") for s in EVIDENCE_MOVES[current]))
        raise ValidationError(f"{party.name}'s {kind} evidence is {current.replace('_', ' ')}; it can "
                              f"move only to: {allowed}")
    if status == "rejected" and not note:
        raise ValidationError("say why the evidence is rejected (the note is required)")
    if document_id is not None:
        item = session.scalars(select(BundleItem).where(
            BundleItem.request_id == request.id, BundleItem.document_id == document_id,
            BundleItem.removed_at.is_(None))).first()
        if item is None:
            raise ValidationError("that document is not in this request's bundle")
    if status == "rejected" or current == "verified":
        # The pack went to the manager on this verification (sar.release.entitlement): once it no longer
        # stands, neither does the approval.
        approval_state.prepare_change(session, request, actor=actor, now=now,
                                      what=f"{kind} evidence of {party.name} {status.replace('_', ' ')}")
    elif request.status in FINISHED_STATUSES:
        raise Conflict(f"request {request.reference} is {request.status}; its evidence can no longer change")
    setattr(party, f"{kind}_status", status)
    if document_id is not None:
        setattr(party, f"{kind}_document_id", document_id)
    if kind == "authority" and note:
        party.authority_note = note
    request.updated_at = now
    session.flush()
    audit.record(session, "party.evidence", actor=actor, now=now, request_id=request.id,
                 target=f"party:{party.id}",
                 detail={"kind": kind, "from": current, "to": status, "note": note, "document_id": document_id,
                         "party": party.name, "role": party.role})
    return party


def evidence_party(request: Request, kind: str) -> Party | None:
    """The party whose ``kind`` evidence an upload without a chosen party is for.

    Authority is the representative's (else the requester's); identity is the requester's, the
    person who asked (Art 12(6)), else the data subject's.
    """
    if kind == "authority":
        return request.party("representative") or request.party("requester")
    return request.party("requester") or request.party("data_subject")


def attach_evidence(session: Session, request: Request, data: bytes, filename: str, kind: str, *, actor: User,
                    now: datetime, settings: Settings, party: Party | None = None) -> BundleItem:
    """Store an identity or authority document and mark the party's evidence as received.

    The document goes into the bundle as internal evidence (``identity_evidence`` or
    ``authority_evidence``, never released) through :func:`sar.bundle.documents.add_document`, which
    refuses a requester's upload to someone else's request. The party's status becomes
    ``received`` and the document is linked to it, unless the evidence is already verified (the
    document is then kept and the verified status stands).

    :param party: whose evidence it is; by default :func:`evidence_party`.
    :return: the new bundle item.
    :raises ValidationError: unknown kind, the file is refused (empty, not a PDF, damaged,
        password-protected, already in the bundle), no party to attach it to.
    :raises NotFound: a requester and someone else's request, or a party of another request.
    :raises NotPermitted: an actor who is neither staff nor the request's requester.
    :raises Conflict: the request is released, closed, withdrawn or refused.
    """
    if kind not in EVIDENCE_KINDS:
        raise ValidationError(f"unknown evidence kind {kind!r}; choose identity or authority")
    if party is None:
        party = evidence_party(request, kind)
        if party is None:
            raise ValidationError("this request has no party to attach the evidence to")
    elif party.request_id != request.id:
        raise NotFound("no such party on this request")
    item = documents.add_document(session, request, data, filename, actor=actor, now=now, settings=settings,
                                  purpose=_PURPOSE[kind])
    if getattr(party, f"{kind}_status") == "verified":
        audit.record(session, "party.evidence", actor=actor, now=now, request_id=request.id,
                     target=f"party:{party.id}",
                     detail={"kind": kind, "from": "verified", "to": "verified", "note": "further evidence added",
                             "document_id": item.document_id, "party": party.name, "role": party.role})
        return item
    record_evidence(session, party, kind, "received", document_id=item.document_id, actor=actor, now=now)
    return item


def evidence_notes(session: Session, request: Request) -> dict[tuple[int, str], str]:
    """The latest evidence note per ``(party id, kind)`` from the audit trail (for the case page)."""
    rows = session.scalars(select(AuditEvent).where(AuditEvent.request_id == request.id,
                                                    AuditEvent.action == "party.evidence")
                           .order_by(AuditEvent.seq))
    out: dict[tuple[int, str], str] = {}
    for row in rows:
        detail = row.detail or {}
        if not detail.get("note") or not (row.target or "").startswith("party:"):
            continue
        try:
            out[(int(row.target.split(":", 1)[1]), detail.get("kind", ""))] = detail["note"]
        except ValueError:
            continue
    return out


def open_evidence(session: Session, request: Request, party: Party, kind: str, *, actor: User, now: datetime,
                  settings: Settings) -> tuple[BundleItem, bytes]:
    """Return the identity or authority document recorded for ``party`` and audit the read.

    Need to know: only the caseworkers (officers, and managers who approve on this evidence) may
    open proof of identity or authority; administrators and requesters may not.

    :return: the bundle item (internal evidence, never released) and the document's bytes.
    :raises NotPermitted: the actor is not an officer or manager.
    :raises ValidationError: unknown kind.
    :raises NotFound: the party is not on this request, or no such document is recorded for it.
    """
    require_role(actor, *CASEWORK_ROLES)
    if kind not in EVIDENCE_KINDS:
        raise ValidationError(f"unknown evidence kind {kind!r}; choose identity or authority")
    if party.request_id != request.id:
        raise NotFound("no such party on this request")
    document_id = getattr(party, f"{kind}_document_id")
    item = None
    if document_id is not None:
        item = session.scalars(select(BundleItem).where(
            BundleItem.request_id == request.id, BundleItem.document_id == document_id,
            BundleItem.purpose == _PURPOSE[kind]).order_by(BundleItem.id.desc())).first()
    if item is None:
        raise NotFound(f"no {kind} document is recorded for {party.name}")
    data = FileStore.for_settings(settings).get(item.document.sha256)
    audit.record(session, "evidence.view", actor=actor, now=now, request_id=request.id, target=f"party:{party.id}",
                 detail={"kind": kind, "document_id": document_id, "party": party.name, "role": party.role})
    return item, data
