"""One SQLAlchemy session per HTTP request; the view commits at the boundary (architecture §7)."""

from __future__ import annotations

from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.db import engine_for, make_session_factory


def init_app(app: Flask) -> None:
    """Create the engine and session factory for ``app`` and close sessions after each request."""
    engine = engine_for(app.config["SAR_SETTINGS"])
    app.extensions["sar_engine"] = engine
    app.extensions["sar_session_factory"] = make_session_factory(engine)
    app.teardown_appcontext(_close_session)


def get_session() -> Session:
    """The session for the current request (created on first use).

    Every audit event recorded through it carries the client's IP address and user agent. The IP
    is the peer address as the WSGI server reports it: behind a reverse proxy, run the server with
    the proxy's forwarding applied (e.g. werkzeug's ProxyFix) so this is the browser's address.
    """
    if "db_session" not in g:
        g.db_session = current_app.extensions["sar_session_factory"]()
        if has_request_context():
            audit.set_client(g.db_session, request.remote_addr, request.user_agent.string)
    return g.db_session


def session_factory():
    """The app's session factory, for background threads that need their own sessions."""
    return current_app.extensions["sar_session_factory"]


def _close_session(exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        if exc is not None:
            session.rollback()
        session.close()
