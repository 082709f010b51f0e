"""Flask adapter: HTTP in, ``sar`` use cases out. The only package that imports Flask."""

from __future__ import annotations

from flask import Flask

from sar.accounts import sealed_secrets
from sar.core import audit
from sar.core.settings import Settings


def create_app(settings: Settings | None = None) -> Flask:
    """Build the web app. Nothing touches the database at startup (architecture §8.3).

    :param settings: configuration; defaults to ``Settings.from_env()``.
    :raises ConfigError: the secret key is missing or the published demo key outside
        ``SAR_ENV=demo``/``test`` (sessions signed with a known key can be forged); likewise the
        audit key (``SAR_AUDIT_KEY``), and ``SAR_STORAGE_KEY`` where staff two-factor is required.
    """
    settings = settings or Settings.from_env()
    settings.check_secret_key()
    settings.check_audit_key()
    audit.use_keys(settings.audit_keys)
    sealed_secrets.use_keys(settings.storage_keys, environment=settings.environment)
    settings.check_storage_key()  # now, rather than at the first staff member's enrolment
    app = Flask(__name__, template_folder=str(settings.templates_dir), static_folder="static")
    app.config.update(
        SAR_SETTINGS=settings,
        SECRET_KEY=settings.secret_key,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        MAX_CONTENT_LENGTH=200 * 1024 * 1024,
    )
    from web import db

    db.init_app(app)  # engine + per-request session; must come before blueprints that query
    # Blueprints and security (CSRF, headers, auth) are registered by web.setup (UI engineer) and
    # web.api (API engineer).
    from web import setup

    setup.configure(app)
    return app
