"""Reports and what they are built on, over the API.

``GET /api/reports/<name>``: a report as JSON, or as CSV with ``Accept: text/csv`` (managers and
admins). Filters are query parameters: ``from`` and ``to`` (YYYY-MM-DD, required), ``regime``
(comma-separated) and ``team``. A bad filter is a 400 with ``{"error": ...}``; another role is a 403.

``PUT /api/requests/<ref>/closure`` records how a finished request ended ({"outcome", "codes", "note"});
``POST /api/requests/<ref>/complaints`` opens an internal review or ICO complaint ({"kind", "opened_on"});
``POST /api/complaints/<id>/outcome`` decides one ({"outcome", "closed_on"}). Staff only.
"""

from __future__ import annotations

from datetime import date

from flask import Response, g, jsonify, request

from sar.core.errors import NotFound, ValidationError
from sar.intake import requests as requests_uc
from sar.models import ComplaintCase, Request
from sar.reports import closure, parse_filter, run_report
from sar.reports.render import to_csv
from web.api import bp, now
from web.db import get_session


@bp.get("/reports/<name>")
def report(name: str) -> Response:
    args = request.args
    f = parse_filter(args.get("from"), args.get("to"), args.get("regime"), args.get("team"))
    result = run_report(get_session(), name, f, actor=g.api_user, now=now())
    get_session().commit()  # the audit record of the run
    best = request.accept_mimetypes.best_match(["application/json", "text/csv"], default="application/json")
    if best == "text/csv" and request.accept_mimetypes["text/csv"] > request.accept_mimetypes["application/json"]:
        return Response(to_csv(result), mimetype="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    return jsonify(result.to_json())


def _body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ValidationError("send a JSON object")
    return body


def _day(body: dict, key: str) -> date:
    try:
        return date.fromisoformat(str(body.get(key) or ""))
    except ValueError:
        raise ValidationError(f"{key} must be a date (YYYY-MM-DD)") from None


@bp.put("/requests/<reference>/closure")
def record_closure(reference: str) -> Response:
    body = _body()
    codes = body.get("codes") or []
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise ValidationError("codes must be a list of strings")
    db = get_session()
    req = requests_uc.get_request(db, reference, actor=g.api_user, now=now())
    row = closure.record_closure(db, req, str(body.get("outcome") or ""), codes=codes, note=str(body.get("note") or ""),
                                 actor=g.api_user, now=now())
    db.commit()
    return jsonify(reference=req.reference, outcome=row.outcome, codes=row.codes, team=row.team)


@bp.post("/requests/<reference>/complaints")
def open_complaint(reference: str) -> Response:
    body = _body()
    db = get_session()
    req = requests_uc.get_request(db, reference, actor=g.api_user, now=now())
    case = closure.record_complaint(db, req, str(body.get("kind") or ""), opened_on=_day(body, "opened_on"),
                                    actor=g.api_user, now=now())
    db.commit()
    response = jsonify(id=case.id, kind=case.kind, opened_on=case.opened_on.isoformat(), outcome=case.outcome)
    response.status_code = 201
    return response


@bp.post("/complaints/<int:case_id>/outcome")
def decide_complaint(case_id: int) -> Response:
    body = _body()
    db = get_session()
    case = db.get(ComplaintCase, case_id)
    if case is None:
        raise NotFound("no such complaint")
    # Read through the use case so the access check and the audited read are the usual ones.
    requests_uc.get_request(db, db.get(Request, case.request_id).reference, actor=g.api_user, now=now())
    closure.decide_complaint(db, case, str(body.get("outcome") or ""), closed_on=_day(body, "closed_on"),
                             actor=g.api_user, now=now())
    db.commit()
    return jsonify(id=case.id, outcome=case.outcome, closed_on=case.closed_on.isoformat())

