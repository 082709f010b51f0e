"""The Reports page (managers and admins): charts drawn server-side with a table beside each, CSV and PDF.

The charts are SVG images in ``data:`` URLs (the CSP allows ``img-src data:`` and nothing inline),
each with a short alt text pointing at the table beside it, which carries every number.
"""

from __future__ import annotations

import base64
from datetime import date, timedelta

from flask import Response, flash, render_template, request

from sar.core.db import utcnow
from sar.core.errors import ValidationError
from sar.models import Role
from sar.reports import REPORTS, parse_filter, run_report
from sar.reports.render import chart_svg, fmt, to_csv, to_pdf
from web.auth import current_user, role_required
from web.db import get_session
from web.errors import sentence
from web.staff import bp
from web.staff.common import london_today, settings

_MANAGERS = (Role.manager.value, Role.admin.value)


def last_quarter(today: date) -> tuple[date, date]:
    """The last complete calendar quarter before ``today`` (the quarterly SIRO report's default)."""
    first_this = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    last = first_this - timedelta(days=1)
    return date(last.year, 3 * ((last.month - 1) // 3) + 1, 1), last


def _filter_args() -> dict[str, str]:
    start, end = last_quarter(london_today())
    args = request.args
    return {"from": args.get("from") or start.isoformat(), "to": args.get("to") or end.isoformat(),
            "regime": args.get("regime", ""), "team": args.get("team", "")}


def _run(names):
    args = _filter_args()
    f = parse_filter(args["from"], args["to"], args["regime"], args["team"])
    now = utcnow()
    db = get_session()
    reports = [run_report(db, n, f, actor=current_user(), now=now) for n in names]
    db.commit()  # the audit records of the runs
    return args, reports


def _query(args: dict[str, str]) -> dict[str, str]:
    """The filter as URL parameters for the tabs and download links (empty ones left out)."""
    return {k: v for k, v in args.items() if v}


def _chart_src(table) -> str | None:
    svg = chart_svg(table)
    return None if svg is None else "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@bp.route("/reports")
@role_required(*_MANAGERS)
def reports():
    name = request.args.get("report", "timeliness")
    if name not in REPORTS:
        name = "timeliness"
    try:
        args, (report,) = _run([name])
    except ValidationError as exc:
        get_session().rollback()
        flash(sentence(str(exc)), "error")
        return render_template("staff/reports.html", report=None, names=list(REPORTS), name=name,
                               args=_filter_args() | {k: request.args.get(k, "") for k in ("from", "to")},
                               charts={}, fmt=fmt, q={}), 400
    charts = {t.key: _chart_src(t) for t in report.tables}
    return render_template("staff/reports.html", report=report, names=list(REPORTS), name=name, args=args,
                           charts=charts, fmt=fmt, q=_query(args))


def _bad(exc: ValidationError) -> Response:
    get_session().rollback()
    return Response(sentence(str(exc)) + "\n", status=400, mimetype="text/plain")


@bp.route("/reports/<name>.csv")
@role_required(*_MANAGERS)
def report_csv(name: str):
    if name not in REPORTS:
        return Response("no such report\n", status=404, mimetype="text/plain")
    try:
        args, (report,) = _run([name])
    except ValidationError as exc:
        return _bad(exc)
    filename = f"{name}-{args['from']}-to-{args['to']}.csv"
    return Response(to_csv(report), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/reports/pack.pdf")
@role_required(*_MANAGERS)
def report_pack():
    try:
        args, reports_ = _run(list(REPORTS))
    except ValidationError as exc:
        return _bad(exc)
    filename = f"report-pack-{args['from']}-to-{args['to']}.pdf"
    return Response(to_pdf(reports_, council_name=settings().council_name), mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
