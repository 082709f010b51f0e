"""Map domain errors and HTTP errors to plain, helpful pages (or JSON under /api)."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from sar.core.errors import Conflict, NotFound, NotPermitted, SarError, ValidationError

log = logging.getLogger(__name__)

#: Domain error → HTTP status (sar.core.errors documents the same mapping).
STATUS_FOR = {ValidationError: 400, NotPermitted: 403, NotFound: 404, Conflict: 409}

TITLES = {
    400: "There is a problem with what was sent",
    401: "Sign in needed",
    403: "You do not have permission to do this",
    404: "Page not found",
    405: "That action is not allowed here",
    409: "This cannot be done now",
    413: "The file is too large",
    429: "Too many attempts",
    500: "Sorry, there is a problem with the service",
}
DEFAULT_MESSAGES = {
    403: "Your account does not allow this. If you think it should, ask your manager or an administrator.",
    404: "The page or request you asked for does not exist, or you do not have access to it.",
    413: "Files must be smaller than the upload limit. Split large bundles into several PDFs and upload them "
    "one at a time.",
    429: "There have been too many attempts from your connection. Wait 15 minutes and try again.",
    500: "Something went wrong on our side. Nothing you sent has been lost; try again in a moment.",
}


def sentence(message: object) -> str:
    """A domain message as a sentence: capital first letter (unless it starts with a file name) and a stop."""
    text = str(message).strip()
    first = text.split(" ", 1)[0]
    if text and text[0].islower() and first.isalpha():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?":
        text += "."
    return text


def _status_for(exc: SarError) -> int:
    for cls, status in STATUS_FOR.items():
        if isinstance(exc, cls):
            return status
    return 400


def _wants_json() -> bool:
    # Staff endpoints called from the review page's script end in ".json" (web.staff.review_json_routes).
    return (request.path.startswith("/api/") or request.blueprint == "api" or request.path.startswith("/staff/jobs/")
            or request.path.endswith(".json"))


def render_error(status: int, message: str | None = None):
    """Render the error page (or a JSON body for API and polling clients) with ``status``."""
    title = TITLES.get(status, "Something went wrong")
    message = message or DEFAULT_MESSAGES.get(status, "")
    if _wants_json():
        return jsonify({"error": title, "message": message, "status": status}), status
    # A 404 page must not reveal whether a request exists, so the domain message is not shown.
    if status == 404:
        message = DEFAULT_MESSAGES[404]
    return render_template("errors/error.html", status=status, title=title, message=message), status


def init_app(app: Flask) -> None:
    """Register the handlers."""

    @app.errorhandler(SarError)
    def _sar_error(exc: SarError):
        return render_error(_status_for(exc), str(exc))

    @app.errorhandler(CSRFError)
    def _csrf_error(exc: CSRFError):
        return render_error(
            400,
            "The form had expired or did not come from this site. Go back, reload the page and try again.",
        )

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if exc.code is None or exc.code < 400:
            return exc
        message = DEFAULT_MESSAGES.get(exc.code) or (exc.description if exc.code < 500 else None)
        return render_error(exc.code, message)

    @app.errorhandler(InternalServerError)
    def _server_error(exc: InternalServerError):
        original = getattr(exc, "original_exception", None)
        if original is not None:
            log.error("unhandled error on %s %s", request.method, request.path, exc_info=original)
        return render_error(500)
