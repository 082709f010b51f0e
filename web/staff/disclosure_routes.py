"""Staff side of the disclosure log: prepare an entry (PII re-scan), a second manager publishes, withdraw.

The analyzer the scan needs loads a spaCy model, so it is built once per process on first use.
"""

from __future__ import annotations

import functools
import threading

from flask import current_app, flash, redirect, render_template, request, url_for

from redaction.nlp import build_analyzer
from redaction.public_text import scan
from sar.core.db import utcnow
from sar.core.errors import NotFound, SarError
from sar.disclosure import prepare_entry, publish_entry, staff_entries, withdraw_entry
from sar.intake import requests as req_uc
from sar.models import DisclosureEntry
from web.auth import current_user, role_required, staff_required
from web.db import get_session
from web.errors import sentence
from web.staff import bp
from web.staff.common import settings

_LOCK = threading.Lock()


def _scanner():
    with _LOCK:
        scanner = current_app.extensions.get("sar_disclosure_scanner")
        if scanner is None:
            scanner = functools.partial(scan, analyzer=build_analyzer())
            current_app.extensions["sar_disclosure_scanner"] = scanner
    return scanner


def _back():
    return redirect(url_for("staff.disclosure_admin"))


def _failed(exc: SarError):
    get_session().rollback()
    flash(sentence(str(exc)), "error")
    return _back()


@bp.route("/disclosure-log")
@staff_required
def disclosure_admin():
    entries = staff_entries(get_session(), actor=current_user())
    return render_template("staff/disclosure_log.html", entries=entries)


@bp.route("/disclosure-log/prepare", methods=["POST"])
@staff_required
def disclosure_prepare():
    db, now = get_session(), utcnow()
    form = request.form
    try:
        req = req_uc.get_request(db, (form.get("reference") or "").strip(), actor=current_user(), now=now)
        entry = prepare_entry(db, req, title=form.get("title", ""), response_text=form.get("response_text", ""),
                              actor=current_user(), now=now, settings=settings(), scanner=_scanner())
    except SarError as exc:
        return _failed(exc)
    db.commit()
    flash(f"Entry prepared for {entry.reference}: {len(entry.removed)} item(s) of personal data replaced. "
          "A second manager must check and publish it.", "success")
    return _back()


def _entry(entry_id: int) -> DisclosureEntry:
    entry = get_session().get(DisclosureEntry, entry_id)
    if entry is None:
        raise NotFound("no such disclosure-log entry")
    return entry


@bp.route("/disclosure-log/<int:entry_id>/publish", methods=["POST"])
@role_required("manager")
def disclosure_publish(entry_id: int):
    try:
        publish_entry(get_session(), _entry(entry_id), actor=current_user(), now=utcnow())
    except SarError as exc:
        return _failed(exc)
    get_session().commit()
    flash("Published to the disclosure log.", "success")
    return _back()


@bp.route("/disclosure-log/<int:entry_id>/withdraw", methods=["POST"])
@role_required("manager", "admin")
def disclosure_withdraw(entry_id: int):
    try:
        withdraw_entry(get_session(), _entry(entry_id), request.form.get("reason", ""), actor=current_user(),
                       now=utcnow())
    except SarError as exc:
        return _failed(exc)
    get_session().commit()
    flash("Withdrawn from the disclosure log; the entry is kept on record.", "success")
    return _back()
