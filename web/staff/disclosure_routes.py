"""Staff side of the disclosure log: prepare an entry (PII re-scan), a second manager publishes, withdraw.

The analyzer the scan needs loads a spaCy model, so it is built once per process on first use.
"""

from __future__ import annotations

import functools
import threading

from flask import current_app, redirect, render_template, request, url_for

from redaction.nlp import build_analyzer
from redaction.public_text import scan
from sar.core.db import utcnow
from sar.core.errors import NotFound
from sar.disclosure import prepare_entry, publish_entry, staff_entries, withdraw_entry
from sar.intake import requests as req_uc
from sar.models import DisclosureEntry
from web.auth import current_user, role_required, staff_required
from web.db import get_session
from web.staff import bp
from web.staff.common import form_post, settings
from web.staff.forms import PostForm

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


@bp.route("/disclosure-log")
@staff_required
def disclosure_admin():
    entries = staff_entries(get_session(), actor=current_user())
    return render_template("staff/disclosure_log.html", entries=entries)


@bp.route("/disclosure-log/prepare", methods=["POST"])
@staff_required
def disclosure_prepare():
    now = utcnow()
    form = request.form

    def action(db):
        req = req_uc.get_request(db, (form.get("reference") or "").strip(), actor=current_user(), now=now)
        return prepare_entry(db, req, title=form.get("title", ""), response_text=form.get("response_text", ""),
                             actor=current_user(), now=now, settings=settings(), scanner=_scanner())
    return form_post(PostForm(), action, req=None, back=_back,
                     success=lambda entry: f"Entry prepared for {entry.reference}: {len(entry.removed)} item(s) of "
                     "personal data replaced. A second manager must check and publish it.")


def _entry(entry_id: int) -> DisclosureEntry:
    entry = get_session().get(DisclosureEntry, entry_id)
    if entry is None:
        raise NotFound("no such disclosure-log entry")
    return entry


@bp.route("/disclosure-log/<int:entry_id>/publish", methods=["POST"])
@role_required("manager")
def disclosure_publish(entry_id: int):
    return form_post(PostForm(), lambda db: publish_entry(db, _entry(entry_id), actor=current_user(), now=utcnow()),
                     req=None, back=_back, success="Published to the disclosure log.")


@bp.route("/disclosure-log/<int:entry_id>/withdraw", methods=["POST"])
@role_required("manager", "admin")
def disclosure_withdraw(entry_id: int):
    return form_post(PostForm(), lambda db: withdraw_entry(db, _entry(entry_id), request.form.get("reason", ""),
                                                           actor=current_user(), now=utcnow()),
                     req=None, back=_back, success="Withdrawn from the disclosure log; the entry is kept on record.")
