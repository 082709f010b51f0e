"""JSON API for confidentiality (issue 14): consultations, the agency checklist, levels, team and restriction.

Each view parses its input, calls one ``sar.confidentiality`` use case, commits and answers; errors are raised
and mapped by :mod:`web.api` (a request the caller has no need to know about is 404, like an unknown one).
"""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, g, jsonify, request

from sar.confidentiality import access, agency, consultations, gate, levels, register
from sar.core.errors import NotFound, ValidationError
from sar.intake import requests as requests_uc
from sar.models import Request, Team
from web.api import bp, now, schemas
from web.db import get_session


def _load(reference: str) -> Request:
    return requests_uc.get_request(get_session(), reference, actor=g.api_user, now=now(), audit_read=False)


def _ids(body: dict[str, Any], key: str) -> list[int]:
    value = body.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        raise ValidationError(f"{key} must be a list of ids")
    return value


def _consultation(c) -> dict[str, Any]:
    return {"id": c.id, "consultee_name": c.consultee_name, "consultee_kind": c.consultee_kind,
            "about_items": c.about_items, "about_marks": c.about_marks, "about_text": c.about_text,
            "means": c.means, "sent_at": c.sent_at.isoformat(), "due_on": c.due_on.isoformat(),
            "reply": c.reply, "reply_text": c.reply_text, "taken_into_account": c.taken_into_account,
            "override_reason": c.override_reason, "open": consultations.is_open(c)}


def _checklist(req: Request, state: agency.Checklist) -> dict[str, Any]:
    return {"applies": state.applies, "missing": state.missing, "manager_approval_needed": state.manager_needed,
            "checks": [{"id": c.id, "item": c.item, "how": c.how, "doubt": c.doubt,
                        "evidence_document_id": c.evidence_document_id, "confirmed_by": c.confirmed_by_id,
                        "confirmed_at": c.confirmed_at.isoformat()} for c in state.checks],
            "blockers": {step: gate.blockers(get_session(), req, step=step) for step in gate.STEPS}}


def _mark(m) -> dict[str, Any]:
    return {"id": m.id, "bundle_item_id": m.bundle_item_id, "page": m.page, "start": m.start, "end": m.end,
            "excerpt": m.excerpt, "proposed_level": m.proposed_level, "cues": m.cues, "level": m.level,
            "note": m.note}


@bp.get("/requests/<reference>/consultations")
def list_consultations(reference: str) -> Response:
    """The request's consultations (the read is audited)."""
    req = _load(reference)
    rows = consultations.list_consultations(get_session(), req, actor=g.api_user, now=now())
    get_session().commit()
    return jsonify({"items": [_consultation(c) for c in rows]})


@bp.post("/requests/<reference>/consultations")
def open_consultation(reference: str) -> Response:
    """Record a consultation sent to an originator, third party or agency."""
    body = schemas.json_body()
    req = _load(reference)
    c = consultations.open_consultation(
        get_session(), req, consultee_name=schemas.text(body, "consultee_name", required=True, max_len=200),
        consultee_kind=schemas.text(body, "consultee_kind", required=True, max_len=20),
        means=schemas.text(body, "means", required=True, max_len=40),
        due_on=schemas.date_field(body, "due_on", required=True),
        consultee_contact=schemas.text(body, "consultee_contact", max_len=320) or "",
        about_items=_ids(body, "about_items"), about_marks=_ids(body, "about_marks"),
        about_text=schemas.text(body, "about_text", max_len=5000) or "", actor=g.api_user, now=now(),
        settings=current_app.config["SAR_SETTINGS"])
    out = _consultation(c)
    get_session().commit()
    response = jsonify(out)
    response.status_code = 201
    return response


@bp.post("/requests/<reference>/consultations/<int:consultation_id>/reply")
def consultation_reply(reference: str, consultation_id: int) -> Response:
    """Record the reply and how it was taken into account."""
    body = schemas.json_body()
    req = _load(reference)
    c = consultations.record_reply(get_session(), req, consultation_id,
                                   reply=schemas.text(body, "reply", required=True, max_len=20),
                                   reply_text=schemas.text(body, "reply_text", max_len=5000) or "",
                                   taken_into_account=schemas.text(body, "taken_into_account", max_len=5000) or "",
                                   actor=g.api_user, now=now())
    out = _consultation(c)
    get_session().commit()
    return jsonify(out)


@bp.post("/requests/<reference>/consultations/<int:consultation_id>/override")
def consultation_override(reference: str, consultation_id: int) -> Response:
    """A manager lets the pack go on without a reply, with reasons."""
    body = schemas.json_body()
    req = _load(reference)
    c = consultations.override(get_session(), req, consultation_id,
                               reason=schemas.text(body, "reason", max_len=5000) or "", actor=g.api_user, now=now())
    out = _consultation(c)
    get_session().commit()
    return jsonify(out)


@bp.get("/requests/<reference>/checks")
def list_checks(reference: str) -> Response:
    """The agency checklist and what still blocks the pack (the read is audited)."""
    req = _load(reference)
    state = agency.read_checklist(get_session(), req, actor=g.api_user, now=now())
    out = _checklist(req, state)
    get_session().commit()
    return jsonify(out)


@bp.post("/requests/<reference>/checks")
def record_check(reference: str) -> Response:
    """Record one checklist item with how it was confirmed."""
    body = schemas.json_body()
    req = _load(reference)
    evidence = body.get("evidence_item_id")
    if evidence is not None and (not isinstance(evidence, int) or isinstance(evidence, bool)):
        raise ValidationError("evidence_item_id must be a bundle item id")
    agency.record_check(get_session(), req, schemas.text(body, "item", required=True, max_len=30),
                        how=schemas.text(body, "how", max_len=5000) or "", evidence_item_id=evidence,
                        doubt=body.get("doubt") is True, actor=g.api_user, now=now())
    out = _checklist(req, agency.checklist(get_session(), req))
    get_session().commit()
    response = jsonify(out)
    response.status_code = 201
    return response


@bp.get("/requests/<reference>/levels")
def list_levels(reference: str) -> Response:
    """Each document's level and every live document or passage mark (the read is audited)."""
    req = _load(reference)
    marks = levels.request_marks(get_session(), req, actor=g.api_user, now=now())
    out = {"documents": {str(k): v for k, v in levels.document_levels(get_session(), req).items()},
           "marks": [_mark(m) for m in marks]}
    get_session().commit()
    return jsonify(out)


@bp.patch("/requests/<reference>/levels/<int:mark_id>")
def confirm_level(reference: str, mark_id: int) -> Response:
    """Confirm or change one mark's level (``{"level": ..., "note": ...}``)."""
    body = schemas.json_body()
    req = _load(reference)
    m = levels.confirm_level(get_session(), req, mark_id, schemas.text(body, "level", required=True, max_len=20),
                             note=schemas.text(body, "note", max_len=5000) or "", actor=g.api_user, now=now())
    out = _mark(m)
    get_session().commit()
    return jsonify(out)


@bp.patch("/requests/<reference>")
def patch_request(reference: str) -> Response:
    """Set ``team`` (a team id or null) and ``restricted_to`` (staff ids, with ``reason``); managers only."""
    body = schemas.json_body()
    unknown = set(body) - {"team", "restricted_to", "reason"}
    if unknown:
        raise ValidationError(f"these fields cannot be changed here: {', '.join(sorted(unknown))}")
    db, req = get_session(), _load(reference)
    if "team" in body:
        team_id = body["team"]
        if team_id is not None and (not isinstance(team_id, int) or isinstance(team_id, bool)):
            raise ValidationError("team must be a team id or null")
        team = db.get(Team, team_id) if team_id is not None else None
        if team_id is not None and team is None:
            raise NotFound("no such team")
        access.set_team(db, req, team, actor=g.api_user, now=now())
    if "restricted_to" in body:
        access.set_restriction(db, req, _ids(body, "restricted_to"), actor=g.api_user,
                               reason=schemas.text(body, "reason", max_len=5000) or "", now=now())
    out = {"reference": req.reference, "team": req.team_id, "restricted_to": access.restricted_to(db, req)}
    db.commit()
    return jsonify(out)


@bp.get("/disclosures")
def list_disclosures() -> Response:
    """The disclosure register, newest first; ``?person=``, ``?agency=``, ``?requester_type=`` filter it."""
    args = request.args
    rows = register.search(get_session(), actor=g.api_user, now=now(), person=args.get("person", "")[:200],
                           agency_name=args.get("agency", "")[:200],
                           requester_type=args.get("requester_type", "")[:30])
    out = {"items": [{"id": r.id, "request_id": r.request_id, "recipient": r.recipient,
                      "requester_type": r.requester_type, "subject_name": r.subject_name, "power": r.power,
                      "what": r.what, "pack_sha256": r.pack_sha256, "disclosed_at": r.disclosed_at.isoformat(),
                      "disclosed_by": r.disclosed_by_id, "confirmation_text": r.confirmation_text} for r in rows]}
    get_session().commit()  # the audited search
    return jsonify(out)


@bp.post("/requests/<reference>/harm-review")
def harm_review(reference: str) -> Response:
    """A manager records the serious-harm review of HIGHLY SENSITIVE material (``serious_harm``, ``reasons``)."""
    body = schemas.json_body()
    if not isinstance(body.get("serious_harm"), bool):
        raise ValidationError("serious_harm must be true or false")
    req = _load(reference)
    review = levels.record_harm_review(get_session(), req, serious_harm=body["serious_harm"],
                                       reasons=schemas.text(body, "reasons", max_len=5000) or "", actor=g.api_user,
                                       now=now())
    out = {"id": review.id, "serious_harm": review.serious_harm, "reasons": review.reasons,
           "at": review.at.isoformat(), "reviewer": review.reviewer_id}
    get_session().commit()
    response = jsonify(out)
    response.status_code = 201
    return response
