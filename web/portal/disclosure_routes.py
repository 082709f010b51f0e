"""The public FOI/EIR disclosure log: no sign-in, search and paging, only published entries."""

from __future__ import annotations

from flask import abort, render_template, request

from sar.core.errors import NotFound
from sar.disclosure import public_entries, public_entry
from web.db import get_session
from web.portal import bp

PER_PAGE = 20


@bp.route("/disclosure-log")
def disclosure_log():
    query = (request.args.get("q") or "").strip()[:200]
    page = public_entries(get_session(), query=query or None, page=request.args.get("page", 1, type=int),
                          per_page=PER_PAGE)
    return render_template("portal/disclosure_log.html", page=page, q=query)


@bp.route("/disclosure-log/<int:entry_id>")
def disclosure_entry(entry_id: int):
    try:
        entry = public_entry(get_session(), entry_id)
    except NotFound:
        abort(404)
    return render_template("portal/disclosure_entry.html", entry=entry)
