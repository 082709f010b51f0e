"""What every staff view module shares: loading a case, and the error and redirect shapes.

Kept apart from the view modules so that they import it and never each other (no import cycles).
"""

from __future__ import annotations

from flask import current_app, flash, redirect, url_for

from sar.core.db import utcnow
from sar.core.errors import SarError
from sar.intake import requests as req_uc
from web.auth import current_user
from web.db import get_session
from web.errors import sentence


def settings():
    return current_app.config["SAR_SETTINGS"]


def london_today():
    return req_uc.received_on_for(utcnow())


def load(reference: str, *, audited: bool = True):
    """The request, read through the audited use case (NotFound → 404)."""
    return req_uc.get_request(get_session(), reference, actor=current_user(), now=utcnow(), audit_read=audited)


def back_to(req, anchor: str = ""):
    return redirect(url_for("staff.request_page", reference=req.reference) + (f"#{anchor}" if anchor else ""))


def fail(exc: SarError | str, req=None, anchor: str = ""):
    """Roll back, show the error at the top of the case page and go back to it."""
    get_session().rollback()
    message = str(exc)
    flash(sentence(message), "error")
    if req is None:
        return redirect(url_for("staff.dashboard"))
    return back_to(req, anchor)


def form_errors(form) -> str:
    return "; ".join(f"{getattr(form, name).label.text}: {' '.join(errs)}" for name, errs in form.errors.items())
