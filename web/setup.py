"""Registers security (CSRF, headers, sessions), sign-in, error pages and every blueprint.

Order matters: the error handlers and the user loader come before the blueprints that rely on them,
and the API blueprint is exempted from CSRF (it authenticates with bearer tokens, not cookies).
"""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask, request
from flask_wtf.csrf import CSRFProtect

from sar.core.db import LONDON
from sar.workflow.status import RequestStatus

csrf = CSRFProtect()

#: Same-origin everything; no inline script or style (the review page positions boxes from JS).
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def _security_headers(response):
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if request.endpoint != "static":
        # Case data must not linger in browser or proxy caches, signed in or not.
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return response


def _date(value: date | datetime | str | None) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        try:
            # An ISO timestamp (JSON-shaped use-case results carry them) or a plain date.
            value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        value = value.astimezone(LONDON)
    return f"{value.day} {value:%b %Y}"


def _datetime(value: datetime | None) -> str:
    if value is None:
        return "—"
    value = value.astimezone(LONDON)
    return f"{value.day} {value:%b %Y %H:%M}"


def _status_title(value: str | None) -> str:
    try:
        return RequestStatus(value).title
    except ValueError:
        return (value or "").replace("_", " ").capitalize()


def _regime_label(regime: str | None) -> str:
    from deadlines.rules import REGIME_LABELS

    return REGIME_LABELS.get(regime or "", regime or "")


def _humanise(value: str | None) -> str:
    return (value or "").replace("_", " ").replace("-", " ")


def configure(app: Flask) -> None:
    """Attach everything the app serves."""
    settings = app.config["SAR_SETTINGS"]
    app.config.setdefault("MAX_UPLOAD_MB", 100)  # sar.bundle.documents refuses files over 100 MB too
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_UPLOAD_MB"] * 1024 * 1024
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", 8 * 3600)
    app.config["SESSION_COOKIE_NAME"] = "sardesk_session"
    app.config["SESSION_COOKIE_SECURE"] = settings.secure_cookies
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    csrf.init_app(app)
    app.after_request(_security_headers)
    app.jinja_env.filters.update(date=_date, datetime=_datetime, status_title=_status_title, humanise=_humanise)
    app.jinja_env.globals.update(council_name=settings.council_name, regime_label=_regime_label)

    from web import account_routes, auth, errors  # noqa: F401  (account_routes registers on auth.bp)

    errors.init_app(app)
    auth.init_app(app)

    # Importing the view modules registers their views on the blueprints (the packages hold only bp,
    # so the views may import their package without an import cycle).
    from web.portal import bp as portal_bp
    from web.portal import disclosure_routes as _disclosure_log  # noqa: F401
    from web.portal import reply_routes as _portal_reply_views  # noqa: F401
    from web.portal import routes as _portal_views  # noqa: F401
    from web.staff import (  # noqa: F401
        admin_routes,
        approval_routes,
        audit_routes,
        cast_routes,
        closure_routes,
        confidentiality_routes,  # noqa: F401
        disclosure_routes,
        document_routes,
        job_routes,
        outcome_routes,
        party_routes,
        records_routes,
        report_routes,
        retention_routes,
        review_json_routes,
        review_routes,
        voice_routes,
    )
    from web.staff import bp as staff_bp
    from web.staff import routes as _staff_views  # noqa: F401
    from web.staff import team_routes as _team_views  # noqa: F401

    app.register_blueprint(portal_bp)
    app.register_blueprint(staff_bp)
    _register_api(app)


def _register_api(app: Flask) -> None:
    from web.api import bp as api_bp
    from web.api import cast_routes as _cast_api_views  # noqa: F401
    from web.api import confidentiality_routes as _confidentiality_api  # noqa: F401
    from web.api import job_routes as _job_api_views  # noqa: F401
    from web.api import outcome_routes as _outcome_api_views  # noqa: F401
    from web.api import report_routes as _api_report_views  # noqa: F401
    from web.api import routes as _api_views  # noqa: F401  (registers the views on bp)
    from web.api import voice_routes as _api_voice_views  # noqa: F401

    csrf.exempt(api_bp)  # bearer tokens, never cookies: CSRF does not apply
    app.register_blueprint(api_bp)
