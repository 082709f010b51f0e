"""Staff administration for admins: accounts, roles, disabling leavers, resets, two-factor and API tokens.

Every action goes through :mod:`sar.accounts.admin` (which checks the admin role again and audits it). New
accounts are made with a random password nobody knows and a set-your-password link is e-mailed, so an admin
never handles anyone's password.
"""

from __future__ import annotations

import secrets

from flask import abort, flash, redirect, render_template, url_for
from flask_wtf import FlaskForm
from wtforms import EmailField, StringField
from wtforms.validators import DataRequired, Length, Optional

from sar.accounts import admin, totp, users
from sar.core.db import utcnow
from sar.core.errors import SarError
from sar.models import Role, User
from web.auth import current_user, role_required
from web.db import get_session
from web.errors import sentence
from web.portal.forms import Select
from web.staff import bp
from web.staff.common import settings

admin_required = role_required(Role.admin.value)
ROLE_CHOICES = [(r.value, r.value.capitalize()) for r in Role]


class CreateUserForm(FlaskForm):
    name = StringField("Full name", validators=[DataRequired(), Length(max=200)])
    email = EmailField("E-mail address", validators=[DataRequired(), Length(max=320)])
    role = Select("Role", choices=ROLE_CHOICES, default=Role.officer.value)
    job_title = StringField("Job title (shown in letters)", validators=[Optional(), Length(max=200)])


class RoleForm(FlaskForm):
    role = Select("Role", choices=ROLE_CHOICES)


class PlainForm(FlaskForm):
    """Empty form: a POST with a CSRF token."""


def _target(user_id: int) -> User:
    user = get_session().get(User, user_id)
    if user is None:
        abort(404)
    return user


def _done(user_id: int | None, message: str, category: str = "success"):
    flash(message, category)
    return redirect(url_for("staff.admin_user", user_id=user_id) if user_id else url_for("staff.admin_users"))


def _failed(exc: SarError, user_id: int | None = None):
    get_session().rollback()
    return _done(user_id, sentence(exc), "error")


@bp.route("/admin/users", methods=["GET", "POST"])
@admin_required
def admin_users():
    """Every account, and a form to create one (a set-your-password link is e-mailed)."""
    db = get_session()
    now = utcnow()
    form = CreateUserForm()
    if form.validate_on_submit():
        try:
            user = users.create_user(db, email=form.email.data, name=form.name.data, role=form.role.data,
                                     password=secrets.token_urlsafe(32), job_title=form.job_title.data or None,
                                     actor=current_user(), now=now, settings=settings())
            admin.request_password_reset(db, user.email, actor=current_user(), settings=settings(), now=now)
        except SarError as exc:
            db.rollback()
            form.email.errors = list(form.email.errors) + [sentence(exc)]
        else:
            db.commit()
            return _done(user.id, f"Account created for {user.email}; a link to set a password has been e-mailed.")
    people = admin.list_users(db, actor=current_user(), now=now)
    db.commit()
    return render_template("staff/admin_users.html", people=people, form=form), (400 if form.errors else 200)


@bp.route("/admin/users/<int:user_id>")
@admin_required
def admin_user(user_id: int):
    """One account: its state, role, two-factor and API tokens, with the actions an admin can take."""
    db = get_session()
    user = _target(user_id)
    now = utcnow()
    tokens = admin.list_tokens(db, user, actor=current_user(), now=now)
    db.commit()
    return render_template("staff/admin_user.html", person=user, tokens=tokens, now=now,
                           role_form=RoleForm(role=user.role), plain_form=PlainForm())


def _post(user_id: int, action, form: FlaskForm | None = None):
    """Validate ``form`` (a bad one is a 400), run ``action(db, user, now)`` and go back with its message."""
    if not (form or PlainForm()).validate_on_submit():
        abort(400)
    db = get_session()
    user = _target(user_id)
    try:
        message = action(db, user, utcnow())
    except SarError as exc:
        return _failed(exc, user_id)
    db.commit()
    return _done(user_id, message)


@bp.route("/admin/users/<int:user_id>/disable", methods=["POST"])
@admin_required
def admin_disable(user_id: int):
    """Disable an account: its sessions and API tokens stop working at once."""
    return _post(user_id, lambda db, user, now: (
        admin.set_active(db, user, False, actor=current_user(), now=now)
        and f"{user.email} is disabled; their sessions and API tokens no longer work."))


@bp.route("/admin/users/<int:user_id>/enable", methods=["POST"])
@admin_required
def admin_enable(user_id: int):
    """Enable a disabled account (its old tokens stay revoked)."""
    return _post(user_id, lambda db, user, now: (
        admin.set_active(db, user, True, actor=current_user(), now=now) and f"{user.email} is enabled again."))


@bp.route("/admin/users/<int:user_id>/role", methods=["POST"])
@admin_required
def admin_role(user_id: int):
    """Change an account's role (their sessions end; the new role applies at their next sign-in)."""
    form = RoleForm()

    def action(db, user, now):
        admin.set_role(db, user, form.role.data, actor=current_user(), now=now)
        return f"{user.email} is now {user.role}."
    return _post(user_id, action, form)


@bp.route("/admin/users/<int:user_id>/reset", methods=["POST"])
@admin_required
def admin_reset(user_id: int):
    """E-mail the account a single-use, expiring password-reset link."""
    return _post(user_id, lambda db, user, now: (
        admin.request_password_reset(db, user.email, actor=current_user(), settings=settings(), now=now)
        or f"A password reset link has been e-mailed to {user.email}."))


@bp.route("/admin/users/<int:user_id>/two-factor-off", methods=["POST"])
@admin_required
def admin_two_factor_off(user_id: int):
    """Turn two-factor off for someone who lost their phone and recovery codes (they enrol again)."""
    return _post(user_id, lambda db, user, now: (
        totp.disable(db, user, actor=current_user(), now=now)
        or f"Two-factor sign-in is off for {user.email}; they must set it up again."))


@bp.route("/admin/users/<int:user_id>/tokens/<int:token_id>/revoke", methods=["POST"])
@admin_required
def admin_revoke_token(user_id: int, token_id: int):
    """Revoke one API token."""
    return _post(user_id, lambda db, user, now: (
        admin.revoke_token(db, token_id, actor=current_user(), now=now) and f"API token {token_id} is revoked."))
