"""Sign-in, sign-out, the current user and role decorators for views.

The session cookie holds the user's id, when it was issued and a fingerprint of the password hash.
Changing the password changes the fingerprint and signing out records a ``logout`` audit event,
so either ends every session issued before it. Views may check roles with the decorators here,
but the checks that count are in the ``sar`` use cases.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField
from wtforms.validators import DataRequired, Length

from sar.accounts import queries as account_queries
from sar.accounts import users
from sar.core import audit
from sar.core.db import utcnow
from sar.models import Role, User
from web.db import get_session

bp = Blueprint("auth", __name__)

#: A session older than this is ended even if it was in use (the cookie also expires when idle).
ABSOLUTE_SESSION_HOURS = 12


# --- rate limiting by client address (the account lockout is in sar.accounts.users.authenticate) -------------


class RateLimiter:
    """Count events per key in a sliding window, in memory (one per process)."""

    def __init__(self, limit: int, window_seconds: int) -> None:
        self.limit = limit
        self.window = window_seconds
        self._events: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _trim(self, key: str, now: float) -> deque[float]:
        events = self._events[key]
        while events and events[0] <= now - self.window:
            events.popleft()
        return events

    def blocked(self, key: str) -> bool:
        """Return whether ``key`` has used up its allowance."""
        with self._lock:
            return len(self._trim(key, time.monotonic())) >= self.limit

    def hit(self, key: str) -> None:
        """Count one event for ``key``."""
        with self._lock:
            self._trim(key, time.monotonic()).append(time.monotonic())

    def reset(self, key: str) -> None:
        """Forget ``key``'s events."""
        with self._lock:
            self._events.pop(key, None)


def limiter(name: str) -> RateLimiter:
    """The app's rate limiter called ``name`` (``login`` or ``register``)."""
    return current_app.extensions["sar_rate_limiters"][name]


def client_key() -> str:
    """The address a request came from (the direct peer: proxies must be configured explicitly)."""
    return request.remote_addr or "unknown"


# --- the current user ------------------------------------------------------------------------------


def _fingerprint(user: User) -> str:
    return hashlib.sha256(("sar-session:" + user.password_hash).encode()).hexdigest()[:32]


def sign_in(user: User, now: datetime) -> None:
    """Start a fresh session for ``user`` (the old session's contents are dropped: no fixation)."""
    session.clear()
    session.permanent = True
    session["uid"] = user.id
    session["fp"] = _fingerprint(user)
    session["iat"] = now.isoformat()
    g.user = user


def _load_user() -> None:
    g.user = None
    uid = session.get("uid")
    if uid is None or request.endpoint == "static":
        return
    db = get_session()
    user = db.get(User, uid)
    try:
        issued = datetime.fromisoformat(session.get("iat", ""))
    except ValueError:
        issued = None
    now = utcnow()
    if (
        user is None
        or not user.is_active
        or issued is None
        or session.get("fp") != _fingerprint(user)
        or now - issued > timedelta(hours=ABSOLUTE_SESSION_HOURS)
        or account_queries.logged_out_since(db, user.id, issued)
    ):
        session.clear()
        return
    g.user = user


def current_user() -> User | None:
    """The signed-in user for this request, or None."""
    return g.get("user")


def _login_redirect():
    return redirect(url_for("auth.login", next=request.full_path if request.query_string else request.path))


def role_required(*roles: str) -> Callable[[Callable], Callable]:
    """Allow only users whose role is one of ``roles`` (others get 403)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any):
            user = current_user()
            if user is None:
                return _login_redirect()
            if user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


staff_required = role_required(Role.officer.value, Role.manager.value, Role.admin.value)
requester_required = role_required(Role.requester.value)


def home_for(user: User | None) -> str:
    """Where a user lands after signing in."""
    if user is None:
        return url_for("auth.index")
    return url_for("staff.dashboard") if user.is_staff else url_for("portal.my_requests")


def _safe_next(target: str | None) -> str | None:
    """Accept only a same-site path as a redirect target."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target


# --- forms and views -------------------------------------------------------------------------------


class LoginForm(FlaskForm):
    email = EmailField("E-mail address", validators=[DataRequired(), Length(max=320)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=500)])
    next = HiddenField()


class LogoutForm(FlaskForm):
    """Empty form: signing out is a POST with a CSRF token."""


@bp.route("/")
def index():
    """Landing page: send signed-in users to their home, show others the way in."""
    user = current_user()
    if user is not None:
        return redirect(home_for(user))
    return render_template("auth/index.html")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign in with e-mail and password (throttled per address and locked per account)."""
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if form.validate_on_submit():
        key = client_key()
        if limiter("login").blocked(key):
            abort(429)
        db = get_session()
        now = utcnow()
        user = users.authenticate(db, form.email.data, form.password.data, now=now)
        db.commit()  # failure counts, lockouts and the audit event are kept either way
        if user is None:
            limiter("login").hit(key)
            form.password.errors = list(form.password.errors) + [
                "The e-mail address or password is not right, or the account is locked for a while "
                "after too many attempts."
            ]
            return render_template("auth/login.html", form=form), 401
        sign_in(user, now)
        flash(f"Signed in as {user.name}.", "success")
        return redirect(_safe_next(form.next.data) or home_for(user))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    """Sign out everywhere: the audit event ends this and every older session of the user."""
    form = LogoutForm()
    user = current_user()
    if form.validate_on_submit() and user is not None:
        db = get_session()
        audit.record(db, "logout", actor=user, now=utcnow(), target=f"user:{user.id}")
        db.commit()
    session.clear()
    flash("You have signed out.", "success")
    return redirect(url_for("auth.login"))


def init_app(app: Flask) -> None:
    """Load the user before each request and register the sign-in views."""
    app.config.setdefault("LOGIN_IP_LIMIT", 20)
    app.config.setdefault("REGISTER_IP_LIMIT", 10)
    app.extensions["sar_rate_limiters"] = {
        "login": RateLimiter(app.config["LOGIN_IP_LIMIT"], 15 * 60),
        "register": RateLimiter(app.config["REGISTER_IP_LIMIT"], 60 * 60),
    }
    app.permanent_session_lifetime = timedelta(minutes=60)  # idle timeout; refreshed on each request
    app.before_request(_load_user)

    @app.context_processor
    def _inject_user() -> dict[str, Any]:
        return {"current_user": current_user(), "logout_form": LogoutForm(formdata=None), "Role": Role}

    app.register_blueprint(bp)
