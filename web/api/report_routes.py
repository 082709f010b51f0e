"""``GET /api/reports/<name>``: a report as JSON, or as CSV with ``Accept: text/csv`` (managers and admins).

Filters are query parameters: ``from`` and ``to`` (YYYY-MM-DD, required), ``regime`` (comma-separated)
and ``team``. A bad filter is a 400 with ``{"error": ...}``; another role is a 403.
"""

from __future__ import annotations

from flask import Response, g, jsonify, request

from sar.reports import parse_filter, run_report
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
