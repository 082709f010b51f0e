"""What every staff view module shares: loading a case, the form-post shape, redirects and PNG responses.

Kept apart from the view modules (one per page: ``routes`` for the dashboard and case page, ``party_routes``,
``document_routes``, ``review_routes``, ``approval_routes``) so that they import it and never each other.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from threading import Lock
from typing import Any

from flask import Response, current_app, flash, redirect, url_for

from sar.core.dates import london_date
from sar.core.db import utcnow
from sar.core.errors import SarError
from sar.intake import requests as req_uc
from web.auth import current_user
from web.db import get_session
from web.errors import sentence

#: PNGs rendered for the review and approval screens, by (kind, sha256, page, ...): documents and packs
#: never change once stored, so a rendered page stays valid; the oldest are dropped past PNG_CACHE_SIZE.
PNG_CACHE_SIZE = 96
_png_cache: OrderedDict[tuple, bytes] = OrderedDict()
_png_lock = Lock()


def settings():
    return current_app.config["SAR_SETTINGS"]


def london_today():
    return london_date(utcnow())


def load(reference: str, *, audited: bool = True):
    """The request, read through the audited use case (NotFound → 404)."""
    return req_uc.get_request(get_session(), reference, actor=current_user(), now=utcnow(), audit_read=audited)


def back_to(req, anchor: str = ""):
    return redirect(url_for("staff.request_page", reference=req.reference) + (f"#{anchor}" if anchor else ""))


def fail(exc: SarError | str, req=None, anchor: str = "", *, back: Callable[[], Response] | None = None):
    """Roll back, show the error at the top of the page and go back (to ``back()``, else the case page)."""
    get_session().rollback()
    flash(sentence(exc), "error")
    if back is not None:
        return back()
    if req is None:
        return redirect(url_for("staff.dashboard"))
    return back_to(req, anchor)


def form_errors(form) -> str:
    return "; ".join(f"{getattr(form, name).label.text}: {' '.join(errs)}" for name, errs in form.errors.items())


def errors_or(message: str) -> Callable[[Any], str]:
    """An ``invalid`` message for :func:`form_post`: the form's own errors, else ``message``."""
    return lambda form: form_errors(form) or message


def form_post(
    form,
    action: Callable[[Any], Any],
    *,
    req,
    anchor: str = "",
    invalid: str | Callable[[Any], str] = "The form had expired; try again.",
    check: Callable[[Any], str | None] | None = None,
    success: str | Callable[[Any], str | None] | None = None,
    back: Callable[[], Response] | None = None,
    then: Callable[[Any], Response] | None = None,
    catch: type[Exception] | tuple[type[Exception], ...] = SarError,
    category: str = "success",
):
    """The shape of every staff form post: validate → call the use case → commit and flash → redirect.

    :param action: called with the database session once the form is valid; it calls the use case(s) and
        returns what ``success`` and ``then`` receive.
    :param invalid: the message when the form does not validate (text, or a function of the form).
    :param check: a further rule on a valid form, returning a message to refuse it or None.
    :param success: the message flashed after the commit (text, or a function of ``action``'s result).
    :param back: where to go (on failure, and on success unless ``then``); default the case page at ``anchor``.
    :param then: the response after a success, from ``action``'s result.
    :param category: the flash category of the success message.
    :param catch: the errors shown as a message on the page (rolled back). Anything else, e.g. NotPermitted
        when it is left out, reaches the error handlers (a 403 page).
    """
    back = back or (lambda: back_to(req, anchor))
    if not form.validate_on_submit():
        return fail(invalid(form) if callable(invalid) else invalid, back=back)
    refusal = check(form) if check is not None else None
    if refusal:
        return fail(refusal, back=back)
    db = get_session()
    try:
        result = action(db)
    except catch as exc:
        return fail(exc, back=back)
    db.commit()
    message = success(result) if callable(success) else success
    if message:
        flash(message, category)
    return then(result) if then is not None else back()


def cached_png(key: tuple, render: Callable[[], bytes]) -> bytes:
    """``render()``'s PNG, remembered under ``key`` (which must name immutable content, e.g. its sha256)."""
    with _png_lock:
        if key in _png_cache:
            _png_cache.move_to_end(key)
            return _png_cache[key]
    data = render()
    with _png_lock:
        _png_cache[key] = data
        while len(_png_cache) > PNG_CACHE_SIZE:
            _png_cache.popitem(last=False)
    return data


def png_response(data: bytes) -> Response:
    response = Response(data, mimetype="image/png")
    response.headers["Content-Length"] = str(len(data))
    return response
