"""JSON API for outcomes, letters, requester messages, notes, withdrawal, reopening and clock corrections.

Each view parses its input, calls one ``sar`` use case, commits and answers (see :mod:`web.api.routes`).
Reference: docs/api.md and ``GET /api/openapi.json``.
"""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, g, jsonify, request, url_for

from sar.bundle import jobs
from sar.core.errors import ValidationError
from sar.core.permissions import require_staff
from sar.core.settings import Settings
from sar.intake import clock, linked_cases, replies, stage_letters
from sar.intake import requests as requests_uc
from sar.models import CaseMessage, Letter, Outcome, Request
from sar.release import closure, correspondence, outcomes
from web.api import bp, now, schemas
from web.api.routes import _run_in_background as run_in_background  # the one way the API runs a job
from web.db import get_session


def _settings() -> Settings:
    return current_app.config["SAR_SETTINGS"]


def _load(reference: str) -> Request:
    return requests_uc.get_request(get_session(), reference, actor=g.api_user, now=now())


def _created(body: dict[str, Any], status: int = 201) -> Response:
    response = jsonify(body)
    response.status_code = status
    return response


def outcome_out(outcome: Outcome) -> dict[str, Any]:
    """An outcome (draft, submitted or issued) with its letter and closure fields."""
    return {**closure.as_record(outcome), "reasons": outcome.reasons, "advice": outcome.advice,
            "search": outcome.search, "exemption_reasoning": outcome.exemptions, "letter_text": outcome.letter_text,
            "art19_outstanding": outcomes.art19_outstanding(outcome)}


def letter_out(letter: Letter) -> dict[str, Any]:
    """A letter as sent."""
    return {"id": letter.id, "kind": letter.kind, "subject": letter.subject, "text": letter.body_text,
            "edited": letter.edited, "dispatch": letter.dispatch,
            "posted_on": letter.posted_on.isoformat() if letter.posted_on else None,
            "sent_at": letter.sent_at.isoformat(), "clock_event_id": letter.clock_event_id,
            "outcome_id": letter.outcome_id}


def message_out(message: CaseMessage) -> dict[str, Any]:
    """A requester's reply or a staff note."""
    return {"id": message.id, "body": message.body, "item_ids": message.item_ids,
            "clock_event_ids": message.clock_event_ids, "created_at": message.created_at.isoformat()}


@bp.post("/requests/<reference>/outcome")
def record_outcome(reference: str) -> Response:
    """Record the outcome (draft), optionally with an edited letter; ``"submit": true`` also submits it."""
    body = schemas.json_body()
    kind = schemas.text(body, "kind", required=True, max_len=40)
    rows = body.get("exemptions") or []
    if not isinstance(rows, list):
        raise ValidationError("exemptions must be a list of {key, reasoning, public_interest}")
    detail = schemas.obj(body, "detail") or {}
    req = _load(reference)
    session = get_session()
    outcome = outcomes.draft_outcome(session, req, kind, actor=g.api_user, now=now(), settings=_settings(),
                                     exemption_rows=rows, reasons=schemas.text(body, "reasons", max_len=20_000) or "",
                                     search=schemas.obj(body, "search"),
                                     advice=schemas.text(body, "advice", max_len=20_000) or "", detail=detail,
                                     letter_text=schemas.text(body, "letter_text", max_len=60_000))
    out: dict[str, Any] = {"outcome": outcome_out(outcome), "status": req.status}
    job = None
    if body.get("submit") is True:
        # The pack build runs as a background job, never inside this request (issue 15): 202 with the
        # job to poll, whose result holds approval_id, pack_sha256 and the request's status when done.
        job = jobs.start_pack_job(session, req, actor=g.api_user, now=now(), note=schemas.text(body, "note") or "",
                                  stale=jobs.stale_after(_settings()), outcome=True)
    session.commit()
    if job is None:
        return _created(out)
    run_in_background(job.id)
    url = url_for("api.get_job", job_id=job.id)
    response = _created({**out, "job": schemas.job_out(job, url)}, status=202)
    response.headers["Location"] = url
    return response


@bp.get("/requests/<reference>/outcome")
def get_outcomes(reference: str) -> Response:
    """The request's closure records (issued outcomes) and the outcome being prepared (staff)."""
    req = _load(reference)
    require_staff(g.api_user)
    session = get_session()
    pending = closure.pending_outcome(session, req)
    out = {"issued": [outcome_out(o) for o in closure.issued_outcomes(session, req)],
           "pending": outcome_out(pending) if pending else None}
    session.commit()
    return jsonify(out)


@bp.get("/requests/<reference>/letters")
def list_letters(reference: str) -> Response:
    """Every letter sent about the request (the requester sees their own)."""
    req = _load(reference)
    rows = correspondence.list_letters(get_session(), req, actor=g.api_user)
    get_session().commit()
    return jsonify(items=[letter_out(x) for x in rows])


@bp.post("/requests/<reference>/letters")
def send_letter(reference: str) -> Response:
    """Preview (``"send": false``, the default) or send a stage letter; the officer may pass edited ``text``."""
    body = schemas.json_body()
    kind = schemas.text(body, "kind", required=True, max_len=40)
    fields = schemas.obj(body, "fields") or {}
    req = _load(reference)
    session = get_session()
    if body.get("send") is not True:
        d = stage_letters.draft(session, req, kind, actor=g.api_user, now=now(), settings=_settings(), fields=fields)
        session.rollback()
        return jsonify(kind=d.kind, subject=d.subject, text=d.text, clock_event=d.clock_event)
    letter = stage_letters.send(session, req, kind, actor=g.api_user, now=now(), settings=_settings(), fields=fields,
                                text=schemas.text(body, "text", max_len=60_000),
                                dispatch=schemas.text(body, "dispatch", max_len=10) or "email",
                                posted_on=schemas.date_field(body, "posted_on"))
    out = {"letter": letter_out(letter), "status": req.status,
           "due_on": req.due_on.isoformat() if req.due_on else None}
    session.commit()
    return _created(out)


@bp.post("/requests/<reference>/messages")
def post_message(reference: str) -> Response:
    """A requester's reply: JSON ``{"body", "accept_fee"}`` or multipart ``body``, ``files``, ``evidence``."""
    if request.mimetype == "multipart/form-data":
        text, accept = request.form.get("body", ""), request.form.get("accept_fee") in ("1", "true", "on")
        evidence = request.form.get("evidence", "identity")
        uploads = [replies.Upload(f.filename or "evidence.pdf", f.read(), evidence)
                   for f in request.files.getlist("files")]
    else:
        body = schemas.json_body()
        text, accept, uploads = schemas.text(body, "body", max_len=10_000) or "", body.get("accept_fee") is True, []
    req = _load(reference)
    message = replies.reply(get_session(), req, actor=g.api_user, now=now(), settings=_settings(), body=text,
                            uploads=uploads, accept_fee=accept)
    out = {"message": message_out(message), "status": req.status,
           "due_on": req.due_on.isoformat() if req.due_on else None, "waiting_for": replies.waiting_for(req)}
    get_session().commit()
    return _created(out)


@bp.get("/requests/<reference>/messages")
def list_messages(reference: str) -> Response:
    """The requester's replies, and what the council is waiting for."""
    req = _load(reference)
    rows = replies.messages(get_session(), req, actor=g.api_user)
    get_session().commit()
    return jsonify(items=[message_out(m) for m in rows], waiting_for=replies.waiting_for(req))


@bp.post("/requests/<reference>/withdraw")
def withdraw(reference: str) -> Response:
    """Withdraw the request (the requester; staff must give a reason)."""
    body = schemas.json_body() if request.data else {}
    req = _load(reference)
    record = replies.withdraw(get_session(), req, actor=g.api_user, now=now(), settings=_settings(),
                              reason=schemas.text(body, "reason", max_len=10_000) or "")
    out = {"status": req.status, "closure": closure.as_record(record)}
    get_session().commit()
    return jsonify(out)


@bp.get("/requests/<reference>/notes")
def list_notes(reference: str) -> Response:
    """Internal case notes (staff only)."""
    req = _load(reference)
    rows = replies.messages(get_session(), req, actor=g.api_user, notes=True)
    get_session().commit()
    return jsonify(items=[message_out(m) for m in rows])


@bp.post("/requests/<reference>/notes")
def add_note(reference: str) -> Response:
    """Add an internal case note (staff only)."""
    body = schemas.json_body()
    req = _load(reference)
    note = replies.add_note(get_session(), req, actor=g.api_user, now=now(),
                            body=schemas.text(body, "body", required=True, max_len=10_000))
    out = message_out(note)
    get_session().commit()
    return _created(out)


@bp.post("/requests/<reference>/reopen")
def reopen(reference: str) -> Response:
    """Reopen a released, refused or closed request with a reason (for a supplementary release)."""
    body = schemas.json_body()
    req = _load(reference)
    outcomes.reopen(get_session(), req, actor=g.api_user, now=now(),
                    reason=schemas.text(body, "reason", required=True, max_len=10_000))
    out = {"status": req.status}
    get_session().commit()
    return jsonify(out)


@bp.delete("/requests/<reference>/events/<int:event_id>")
def void_event(reference: str, event_id: int) -> Response:
    """Withdraw a mistaken clock event or extension (reason in the JSON body); the due date is recomputed."""
    body = schemas.json_body()
    req = _load(reference)
    event = clock.void_clock_event(get_session(), req, event_id, actor=g.api_user, now=now(), settings=_settings(),
                                   reason=schemas.text(body, "reason", required=True, max_len=5000))
    out = {"event": {"id": event.id, "kind": event.kind, "voided_at": event.voided_at.isoformat(),
                     "void_reason": event.void_reason},
           "due_on": req.due_on.isoformat() if req.due_on else None}
    get_session().commit()
    return jsonify(out)


def link_out(link, refs: dict[int, str]) -> dict[str, Any]:
    """A linked case, with the references of both sides (``refs`` from ``linked_cases.references``)."""
    return {"id": link.id, "kind": link.kind, "label": linked_cases.LINK_KINDS[link.kind].label,
            "original": refs[link.request_id], "linked_request": refs.get(link.linked_request_id),
            "received_on": link.received_on.isoformat(), "due_on": link.due_on.isoformat() if link.due_on else None,
            "external_reference": link.external_reference}


@bp.get("/requests/<reference>/links")
def list_links(reference: str) -> Response:
    """Cases linked to or from the request (internal review, reconsideration, complaints)."""
    req = _load(reference)
    rows = linked_cases.links_for(get_session(), req, actor=g.api_user)
    refs = linked_cases.references(get_session(), rows, actor=g.api_user)
    out = [link_out(x, refs) for x in rows]
    get_session().commit()
    return jsonify(items=out)


@bp.post("/requests/<reference>/links")
def add_link(reference: str) -> Response:
    """Log an internal review, EIR reconsideration, SAR complaint or ICO case linked to the request."""
    body = schemas.json_body()
    kind = schemas.text(body, "kind", required=True, max_len=30)
    received = schemas.date_field(body, "received", required=True)
    req = _load(reference)
    link = linked_cases.open_linked_case(
        get_session(), req, kind, actor=g.api_user, now=now(), settings=_settings(),
        received_at=schemas.received_at_for(received, now()),
        description=schemas.text(body, "description", required=True, max_len=20_000),
        due_on=schemas.date_field(body, "due_on"),
        external_reference=schemas.text(body, "external_reference", max_len=100) or "")
    out = link_out(link, linked_cases.references(get_session(), [link], actor=g.api_user))
    get_session().commit()
    return _created(out)
