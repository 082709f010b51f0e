"""Sign-in (password, then TOTP where enrolled), sign-out, the current user and role decorators for views.

The session cookie holds the user's id, when it was issued and the account's security stamp. A password
change, disabling, a role change or a two-factor change replaces the stamp, and signing out records a
``logout`` audit event, so each ends every session issued before it. Views may check roles with the decorators here,
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
from itsdangerous import BadSignature, URLSafeTimedSerializer
from wtforms import EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from sar.accounts import queries as account_queries
from sar.accounts import throttle, totp, users
from sar.core import audit
from sar.core.db import utcnow
from sar.models import Role, User
from web.db import get_session

bp = Blueprint("auth", __name__)

#: A session older than this is ended even if it was in use (the cookie also expires when idle).
ABSOLUTE_SESSION_HOURS = 12


# --- rate limiting of registrations by client address (sign-in throttling: sar.accounts.throttle) -----------


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
    """The app's rate limiter called ``name`` (``register`` or ``password_reset``)."""
    return current_app.extensions["sar_rate_limiters"][name]


def client_key() -> str:
    """The address a request came from (the direct peer: proxies must be configured explicitly)."""
    return request.remote_addr or "unknown"


# --- the current user ------------------------------------------------------------------------------

#: Endpoints a staff member who must still enrol in two-factor may use (issue 15: required in production).
ENROL_ENDPOINTS = frozenset({"auth.two_factor", "auth.logout", "auth.login", "auth.index", "static"})
#: A password-checked sign-in must give its second factor within this time.
SECOND_FACTOR_MINUTES = 5
DEVICE_COOKIE = "sardesk_device"
#: How long a browser stays "known" for an account (exempt from the per-address sign-in throttle).
DEVICE_DAYS = 180


def _settings():
    return current_app.config["SAR_SETTINGS"]


def _fingerprint(user: User) -> str:
    # Also end sessions when the hash changes by any route that forgot to replace the stamp.
    return hashlib.sha256(("sar-session:" + user.password_hash).encode()).hexdigest()[:32]


def sign_in(user: User, now: datetime) -> None:
    """Start a fresh session for ``user`` (the old session's contents are dropped: no fixation).

    The session carries the account's security stamp: when an admin disables the account, changes its
    role or a password or two-factor change replaces the stamp, the session ends at its next request.
    """
    session.clear()
    session.permanent = True
    session["uid"] = user.id
    session["st"] = user.security_stamp
    session["fp"] = _fingerprint(user)
    session["iat"] = now.isoformat()
    g.user = user
    g.known_device_email = user.email


def _load_user():
    g.user = None
    uid = session.get("uid")
    if uid is None or request.endpoint == "static":
        return None
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
        or session.get("st") != user.security_stamp
        or session.get("fp") != _fingerprint(user)
        or now - issued > timedelta(hours=ABSOLUTE_SESSION_HOURS)
        or account_queries.logged_out_since(db, user.id, issued)
    ):
        session.clear()
        return None
    g.user = user
    if users.must_enrol_second_factor(user, _settings()) and request.endpoint not in ENROL_ENDPOINTS:
        if request.blueprint == "api":
            return None  # the API authenticates by token, which refuses such accounts itself
        flash("Set up two-factor sign-in before you continue: it is required for staff accounts.", "info")
        return redirect(url_for("auth.two_factor"))
    return None


def _device_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="sar-known-device")


def known_device(email: str) -> bool:
    """Whether this browser has signed in to ``email``'s account before (a signed cookie it was given)."""
    raw = request.cookies.get(DEVICE_COOKIE)
    if not raw:
        return False
    try:
        value = _device_serializer().loads(raw, max_age=DEVICE_DAYS * 86400)
    except BadSignature:
        return False
    return value == hashlib.sha256((email or "").strip().lower().encode()).hexdigest()


def _set_device_cookie(response):
    email = g.pop("known_device_email", None)
    if email:
        value = _device_serializer().dumps(hashlib.sha256(email.strip().lower().encode()).hexdigest())
        response.set_cookie(DEVICE_COOKIE, value, max_age=DEVICE_DAYS * 86400, httponly=True, samesite="Lax",
                            secure=current_app.config.get("SESSION_COOKIE_SECURE", False))
    return response


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


class SecondFactorForm(FlaskForm):
    code = StringField("Code from your authenticator app, or a recovery code",
                       validators=[DataRequired(), Length(max=40)])


class LogoutForm(FlaskForm):
    """Empty form: signing out is a POST with a CSRF token."""


@bp.route("/")
def index():
    """Landing page: send signed-in users to their home, show others the way in."""
    user = current_user()
    if user is not None:
        return redirect(home_for(user))
    return render_template("auth/index.html")


def _wait_page(form, template: str, wait: int):
    minutes, seconds = divmod(wait, 60)
    when = f"{minutes} minute{'s' if minutes != 1 else ''}" if minutes else f"{seconds} seconds"
    target = form.password if hasattr(form, "password") else form.code
    target.errors = list(target.errors) + [
        f"Too many wrong attempts. Wait {when} before trying again; this slows guessing and ends by itself."]
    return render_template(template, form=form), 429


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign in with e-mail and password, then a second factor where the account has one.

    Throttled by progressive delays per account+address and per address (``sar.accounts.throttle``); a
    browser that signed in to the account before is exempt from the per-address delay.
    """
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if form.validate_on_submit():
        db = get_session()
        now = utcnow()
        email, ip = form.email.data, client_key()
        wait = throttle.wait_seconds(db, email, ip, now=now, trusted_device=known_device(email))
        if wait:
            audit.record(db, "login.throttled", actor=None, now=now, detail={"email": email[:320], "ip": ip})
            db.commit()
            return _wait_page(form, "auth/login.html", wait)
        user = users.authenticate(db, email, form.password.data, now=now)
        if user is None:
            throttle.record_failure(db, email, ip, now=now)
            db.commit()  # failure counts and the audit event are kept either way
            form.password.errors = list(form.password.errors) + [
                "The e-mail address or password is not right. After a few wrong tries you will be asked to "
                "wait a little longer before each next one."
            ]
            return render_template("auth/login.html", form=form), 401
        target = _safe_next(form.next.data)
        if users.needs_second_factor(user):
            db.commit()
            session.clear()
            session["2fa_uid"] = user.id
            session["2fa_st"] = user.security_stamp
            session["2fa_at"] = now.isoformat()
            session["2fa_next"] = target or ""
            return redirect(url_for("auth.second_factor"))
        throttle.record_success(db, email, ip)
        audit.record(db, "login.ok", actor=user, now=now, target=f"user:{user.id}", detail={"ip": ip})
        db.commit()
        sign_in(user, now)
        flash(f"Signed in as {user.name}.", "success")
        return redirect(target or home_for(user))
    return render_template("auth/login.html", form=form)


def _pending_user(now: datetime) -> User | None:
    uid = session.get("2fa_uid")
    try:
        started = datetime.fromisoformat(session.get("2fa_at", ""))
    except ValueError:
        return None
    if uid is None or now - started > timedelta(minutes=SECOND_FACTOR_MINUTES):
        return None
    user = get_session().get(User, uid)
    if user is None or not user.is_active or user.security_stamp != session.get("2fa_st"):
        return None
    return user


@bp.route("/login/two-factor", methods=["GET", "POST"])
def second_factor():
    """The second sign-in step: a TOTP code or a recovery code (throttled like passwords)."""
    db = get_session()
    now = utcnow()
    user = _pending_user(now)
    if user is None:
        session.clear()
        flash("Sign in again: the sign-in took too long or was not started.", "error")
        return redirect(url_for("auth.login"))
    form = SecondFactorForm()
    if form.validate_on_submit():
        ip = client_key()
        wait = throttle.wait_seconds(db, user.email, ip, now=now, trusted_device=known_device(user.email))
        if wait:
            return _wait_page(form, "auth/second_factor.html", wait)
        if not totp.verify_second_factor(db, user, form.code.data, now=now):
            throttle.record_failure(db, user.email, ip, now=now)
            db.commit()
            form.code.errors = list(form.code.errors) + ["That code is not right, or has been used already."]
            return render_template("auth/second_factor.html", form=form), 401
        throttle.record_success(db, user.email, ip)
        audit.record(db, "login.ok", actor=user, now=now, target=f"user:{user.id}", detail={"ip": ip})
        db.commit()
        target = session.get("2fa_next") or ""
        sign_in(user, now)
        flash(f"Signed in as {user.name}.", "success")
        return redirect(_safe_next(target) or home_for(user))
    return render_template("auth/second_factor.html", form=form)


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
    app.config.setdefault("REGISTER_IP_LIMIT", 10)
    app.config.setdefault("PASSWORD_RESET_IP_LIMIT", 10)
    app.extensions["sar_rate_limiters"] = {
        "register": RateLimiter(app.config["REGISTER_IP_LIMIT"], 60 * 60),
        "password_reset": RateLimiter(app.config["PASSWORD_RESET_IP_LIMIT"], 60 * 60),
    }
    app.permanent_session_lifetime = timedelta(minutes=60)  # idle timeout; refreshed on each request
    app.before_request(_load_user)
    app.after_request(_set_device_cookie)

    @app.context_processor
    def _inject_user() -> dict[str, Any]:
        return {"current_user": current_user(), "logout_form": LogoutForm(formdata=None), "Role": Role}

    app.register_blueprint(bp)
