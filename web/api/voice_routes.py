"""API for communication needs and the child's voice (issue 16), staff only (the use cases enforce roles).

``PATCH /api/requests/{ref}/parties/{id}`` sets a party's communication needs;
``GET``/``POST /api/requests/{ref}/child-views`` read and record the child's competence and views
(rulebook T-4). Reads and changes are audited by the use cases.
"""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, g, jsonify

from sar.confidentiality import parent_contact
from sar.core.errors import ValidationError
from sar.intake import parties, voice
from sar.intake import requests as requests_uc
from sar.models import Party, Request
from web.api import bp, now, schemas
from web.db import get_session


def _load(reference: str) -> Request:
    return requests_uc.get_request(get_session(), reference, actor=g.api_user, now=now(), audit_read=False)


def party_out(party: Party) -> dict[str, Any]:
    """A party with its communication needs (the same fields ``GET /api/requests/{ref}`` lists)."""
    return schemas.party_out(party)


def _flag(body: dict[str, Any], key: str) -> bool:
    value = body.get(key, False)
    if not isinstance(value, bool):
        raise ValidationError(f"'{key}' must be true or false")
    return value


#: Party fields the PATCH passes to :func:`sar.intake.parties.update_party` (evidence of a child's age).
CHILD_EVIDENCE_FIELDS = ("age", "looked_after")


@bp.patch("/requests/<reference>/parties/<int:party_id>")
def patch_party(reference: str, party_id: int) -> Response:
    """Set a party's communication needs.

    Any of ``preferred_language``, ``interpreter_needed``, ``interpreter_language``, ``preferred_format``,
    ``preferred_channel``, ``advocate_name``, ``advocate_contact``, ``advocate_email``, ``advocate_copy``,
    and the evidence that a data subject is a child: ``age`` and ``looked_after`` (rulebook T-4);
    the others are unchanged.
    """
    body = schemas.json_body()
    req = _load(reference)
    party = parties.get_party(get_session(), req, party_id, actor=g.api_user)
    for key in ("interpreter_needed", "advocate_copy", "looked_after"):
        if key in body:
            body[key] = _flag(body, key)
    evidence = {key: body.pop(key) for key in CHILD_EVIDENCE_FIELDS if key in body}
    if evidence:
        parties.update_party(get_session(), party, actor=g.api_user, now=now(), **evidence)
    voice.set_communication(get_session(), party, actor=g.api_user, now=now(), **body)
    out = party_out(party)
    get_session().commit()
    return jsonify(out)


@bp.get("/requests/<reference>/child-views")
def get_child_views(reference: str) -> Response:
    """The child's standing competence assessment and views, and what they still stop (an audited read)."""
    req = _load(reference)
    out = voice.child_views(get_session(), req, actor=g.api_user, now=now(),
                           settings=current_app.config["SAR_SETTINGS"])
    get_session().commit()
    return jsonify(out)


@bp.post("/requests/<reference>/child-views")
def post_child_views(reference: str) -> Response:
    """Record a new assessment of the child's competence and views (rulebook T-4).

    ``competent`` (bool), ``views``, ``views_text``, and as needed ``age``, ``understanding``,
    ``not_to_share``, ``no_parent_contact`` (bool), ``best_interests``.
    """
    body = schemas.json_body()
    req = _load(reference)
    age = body.get("age")
    if age is not None and (not isinstance(age, int) or isinstance(age, bool)):
        raise ValidationError("'age' must be a whole number")
    if "competent" not in body:
        raise ValidationError("'competent' is required (true or false)")
    voice.assess_child(
        get_session(), req, actor=g.api_user, now=now(), settings=current_app.config["SAR_SETTINGS"],
        competent=_flag(body, "competent"), views=schemas.text(body, "views", required=True, max_len=20) or "",
        age=age, understanding=schemas.text(body, "understanding", max_len=4000) or "",
        views_text=schemas.text(body, "views_text", max_len=4000) or "",
        not_to_share=schemas.text(body, "not_to_share", max_len=4000) or "",
        no_parent_contact=_flag(body, "no_parent_contact"),
        best_interests=schemas.text(body, "best_interests", max_len=4000) or "")
    out = voice.child_views(get_session(), req, actor=g.api_user, now=now(),
                           settings=current_app.config["SAR_SETTINGS"])
    get_session().commit()
    return jsonify(out), 201


@bp.post("/requests/<reference>/child-views/parent-contact-override")
def post_parent_contact_override(reference: str) -> Response:
    """A manager decides the parents may be consulted after all (exceptional circumstances; audited).

    ``ground`` (``safeguarding``, ``best_interests``, ``court_order``, ``other``) and ``reason``.
    """
    body = schemas.json_body()
    req = _load(reference)
    settings = current_app.config["SAR_SETTINGS"]
    parent_contact.override(get_session(), req, ground=schemas.text(body, "ground", required=True, max_len=20) or "",
                            reason=schemas.text(body, "reason", required=True, max_len=4000) or "",
                            actor=g.api_user, now=now(), settings=settings)
    out = voice.child_views(get_session(), req, actor=g.api_user, now=now(), settings=settings)
    get_session().commit()
    return jsonify(out), 201
