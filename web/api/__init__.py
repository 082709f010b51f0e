"""The JSON API: bearer-token authentication, JSON errors, and the routes in :mod:`web.api.routes`.

``web.setup`` registers :data:`bp` (url prefix ``/api``) and exempts it from CSRF: API clients
authenticate with ``Authorization: Bearer <token>`` on every call, never with a cookie.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from flask import Blueprint, Response, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException

from redaction.errors import EncryptedPdfError, NotAPdfError, VerificationError
from sar.accounts.users import user_for_token
from sar.core.errors import Conflict, NotFound, NotPermitted, SarError, ValidationError
from web.db import get_session

log = logging.getLogger(__name__)

bp = Blueprint("api", __name__, url_prefix="/api")

#: Endpoints anyone may call without a token.
PUBLIC_ENDPOINTS = frozenset({"api.openapi", "api.health"})
_STATUS = {ValidationError: 400, NotPermitted: 403, NotFound: 404, Conflict: 409}


def now() -> datetime:
    """The current time (aware UTC) handed to every use case."""
    return datetime.now(UTC)


def error_response(status: int, message: str) -> Response:
    """``{"error": message}`` with ``status``; 401s carry ``WWW-Authenticate: Bearer``."""
    response = jsonify(error=message)
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="sar-desk"'
    return response


def _is_api_path() -> bool:
    return request.path == bp.url_prefix or request.path.startswith(bp.url_prefix + "/")


@bp.before_app_request
def _routing_errors_as_json() -> Response | None:
    # Unknown /api paths and wrong methods fail in routing, before Flask knows the blueprint, so
    # the blueprint's own error handlers never see them: answer them here, for /api only.
    exc = request.routing_exception
    if exc is not None and _is_api_path() and isinstance(exc, HTTPException) and exc.code in (404, 405):
        response = error_response(exc.code, "no such API endpoint" if exc.code == 404 else
                                  f"method {request.method} is not allowed here")
        if exc.code == 405:
            response.headers["Allow"] = ", ".join(sorted(exc.valid_methods or []))
        return response
    return None


@bp.before_request
def _authenticate() -> Response | None:
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return error_response(401, "send an API token: Authorization: Bearer <token> (sar user token EMAIL)")
    user = user_for_token(get_session(), token.strip(), now=now(), settings=current_app.config["SAR_SETTINGS"])
    if user is None:
        get_session().rollback()
        return error_response(401, "the API token is not valid (unknown, expired, revoked or the account is disabled)")
    g.api_user = user
    return None


@bp.errorhandler(SarError)
def _sar_error(exc: SarError) -> Response:
    get_session().rollback()
    status = next((code for cls, code in _STATUS.items() if isinstance(exc, cls)), 400)
    return error_response(status, str(exc) or "the request could not be completed")


@bp.errorhandler(NotAPdfError)
@bp.errorhandler(EncryptedPdfError)
def _bad_pdf(exc: Exception) -> Response:
    get_session().rollback()
    return error_response(400, str(exc) or "the file is not a usable PDF")


@bp.errorhandler(VerificationError)
def _leak_check_failed(exc: VerificationError) -> Response:
    # The problems may quote text that was meant to be removed: log them, never return them.
    get_session().rollback()
    log.warning("pack failed the leak check on %s: %d problem(s)", request.path, len(exc.problems))
    return error_response(409, "the redacted bundle failed the independent leak check and cannot be "
                               "submitted; review the redactions and try again")


@bp.errorhandler(HTTPException)
def _http_error(exc: HTTPException) -> Response:
    get_session().rollback()
    message = "the upload is too large" if exc.code == 413 else (exc.description or exc.name)
    response = error_response(exc.code or 500, message)
    if exc.code == 405 and getattr(exc, "valid_methods", None):
        response.headers["Allow"] = ", ".join(sorted(exc.valid_methods))
    return response


@bp.errorhandler(Exception)
def _unexpected(exc: Exception) -> Response:
    get_session().rollback()
    log.exception("unhandled error in %s %s", request.method, request.path)
    return error_response(500, "internal error; the change was not saved")

