"""The audit viewer (managers and admins): filter the audit log by person, request, action and date; CSV export.

``sar.core.audit_search`` enforces the role and records each search and export in the log itself.
"""

from __future__ import annotations

from flask import Response, flash, render_template, request

from sar.core import audit_search
from sar.core.db import utcnow
from sar.core.errors import ValidationError
from sar.models import Role
from web.auth import current_user, role_required
from web.db import get_session
from web.errors import sentence
from web.staff import bp

PER_PAGE = 50


@bp.route("/audit")
@role_required(Role.manager.value, Role.admin.value)
def audit_log():
    """Search the audit log; ``?format=csv`` downloads every matching event as CSV."""
    db = get_session()
    args = request.args
    try:
        filters = audit_search.parse_filter(args)
    except ValidationError as exc:
        flash(sentence(str(exc)), "error")
        filters = audit_search.AuditFilter()
    if args.get("format") == "csv":
        try:
            body = audit_search.export_csv(db, filters, actor=current_user(), now=utcnow())
        except ValidationError as exc:
            db.rollback()
            flash(sentence(str(exc)), "error")
        else:
            db.commit()
            response = Response(body, mimetype="text/csv")
            response.headers["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
            return response
    page = audit_search.search(db, filters, actor=current_user(), now=utcnow(),
                               page=args.get("page", 1, type=int), per_page=PER_PAGE)
    db.commit()
    pages = max((page.total + page.per_page - 1) // page.per_page, 1)
    return render_template("staff/audit.html", page=page, pages=pages, filters=filters,
                           query=filters.as_dict())
