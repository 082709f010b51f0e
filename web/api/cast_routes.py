"""JSON API for the cast of a request's bundle and its unresolved mentions (issue 11).

``GET``/``PUT /api/requests/{ref}/cast``, ``POST /api/requests/{ref}/cast/parties/{party_id}`` (the people
recorded on the case, added in one call) and ``GET /api/requests/{ref}/unresolved``; each view parses its
input, calls ``sar.bundle.cast`` or ``sar.bundle.cast_parties``, commits and answers. Reference: docs/api.md
and ``GET /api/openapi.json``.
"""

from __future__ import annotations

from flask import Response, g, jsonify, url_for

from sar.bundle import cast, cast_parties
from sar.core.errors import ValidationError
from sar.intake import requests as requests_uc
from sar.models import Request
from web.api import bp, now, schemas
from web.api.routes import _run_in_background as run_in_background  # the one way the API runs a job
from web.db import get_session


def _load(reference: str) -> Request:
    return requests_uc.get_request(get_session(), reference, actor=g.api_user, now=now())


@bp.get("/requests/<reference>/cast")
def get_cast(reference: str) -> Response:
    """The cast (each person with role, aliases, mentions, evidence; confirmed or not) and ``case_parties``.

    ``case_parties``: the people recorded on the case that the officer may add to the cast in one call.
    """
    req = _load(reference)
    out = _cast_out(req)
    get_session().commit()
    return jsonify(out)


def _cast_out(req: Request) -> dict:
    """``view_cast`` (an audited read) with the case's recorded people and what adding each would do."""
    session = get_session()
    out = cast.view_cast(session, req, actor=g.api_user, now=now())
    out["case_parties"] = cast_parties.case_parties(session, req, actor=g.api_user)
    return out


@bp.put("/requests/<reference>/cast")
def put_cast(reference: str) -> Response:
    """Confirm the cast and recompute the proposals from it (hand decisions are kept).

    Body: ``{"people": [...], "corrections": [{"kind", ...}], "version": n}``. ``people`` replaces the
    cast (default: the current one); ``corrections`` (merge, split, role, alias, add, remove) are then
    applied in order; ``version`` (optional) refuses the change if someone else changed the cast since.
    """
    body = schemas.json_body()
    req = _load(reference)
    session = get_session()
    people = body.get("people")
    if people is not None and not isinstance(people, list):
        raise ValidationError("'people' must be a list")
    corrections = body.get("corrections") or []
    if not isinstance(corrections, list) or not all(isinstance(c, dict) for c in corrections):
        raise ValidationError("'corrections' must be a list of objects")
    version = body.get("version")
    if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
        raise ValidationError("'version' must be an integer")
    if people is None:
        people = cast.current_people(session, req)
    for c in corrections:
        people = cast.apply_correction(people, str(c.get("kind") or ""), {k: str(v) for k, v in c.items()
                                                                          if isinstance(v, str)})
    row, job = cast.confirm_cast(session, req, people, actor=g.api_user, now=now(), version=version)
    return _confirmed(req, job)


@bp.post("/requests/<reference>/cast/parties/<int:party_id>")
def add_case_party(reference: str, party_id: int) -> Response:
    """Put one person recorded on the case into the cast with the role the record gives them, and confirm it.

    Body (optional): ``{"version": n}``, the cast version the caller read; a stale one is a 409.
    """
    body = schemas.json_body(optional=True)
    version = body.get("version")
    if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
        raise ValidationError("'version' must be an integer")
    req = _load(reference)
    _, job = cast_parties.add_case_party(get_session(), req, party_id, actor=g.api_user, now=now(),
                                         version=version)
    return _confirmed(req, job)


def _confirmed(req: Request, job) -> Response:
    """Commit a confirmed cast, start its proposal run after the commit, answer with the cast and the job."""
    session = get_session()
    out = _cast_out(req)
    session.commit()
    if job is not None:
        run_in_background(job.id)
        out["job"] = schemas.job_out(job, url_for("api.get_job", job_id=job.id))
    return jsonify(out)


@bp.get("/requests/<reference>/unresolved")
def get_unresolved(reference: str) -> Response:
    """Every mention of a person nobody has placed, in bundle order, with the proposal to decide (paged)."""
    page, per_page = schemas.page_args(default_per_page=100, max_per_page=500)
    req = _load(reference)
    items = cast.unresolved_mentions(get_session(), req, actor=g.api_user, now=now())
    get_session().commit()
    start = (page - 1) * per_page
    return jsonify(items=items[start:start + per_page], total=len(items), page=page, per_page=per_page)
