"""Self-service account views.

The account page, password change, forgotten passwords, address checks and two-factor enrolment.
They register on the sign-in blueprint (:data:`web.auth.bp`); the rules are in
:mod:`sar.accounts`, which audits every step.
"""

from __future__ import annotations

import base64

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from sar.accounts import admin, totp, users
from sar.accounts.passwords import minimum_length
from sar.core.db import utcnow
from sar.core.errors import SarError, ValidationError
from web.auth import bp, client_key, current_user, limiter, role_required, sign_in
from web.db import get_session
from web.errors import sentence

signed_in = role_required("requester", "officer", "manager", "admin")


def _settings():
    return current_app.config["SAR_SETTINGS"]


class ChangePasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired(), Length(max=500)])
    password = PasswordField("New password", validators=[DataRequired(), Length(max=500)])
    confirm = PasswordField("New password again",
                            validators=[DataRequired(), EqualTo("password", message="The passwords do not match.")])


class ForgotForm(FlaskForm):
    email = EmailField("E-mail address", validators=[DataRequired(), Length(max=320)])


class ResetForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(), Length(max=500)])
    confirm = PasswordField("New password again",
                            validators=[DataRequired(), EqualTo("password", message="The passwords do not match.")])


class EnrolForm(FlaskForm):
    code = StringField("The 6-digit code your app shows", validators=[DataRequired(), Length(max=10)])


class PlainForm(FlaskForm):
    """Empty form: a POST with a CSRF token."""


def _account_page(password_form=None, status=200):
    user = current_user()
    db = get_session()
    now = utcnow()
    tokens = admin.list_tokens(db, user, actor=user, now=now)
    left = totp.recovery_codes_left(db, user) if user.totp_enabled_at else 0
    db.commit()
    return render_template("auth/account.html", user=user, tokens=tokens, now=now, codes_left=left,
                           password_form=password_form or ChangePasswordForm(), plain_form=PlainForm(),
                           two_factor_required=users.must_enrol_second_factor(user, _settings())
                           or (user.is_staff and _settings().staff_two_factor_required),
                           min_length=_min_length(user.role)), status


def _min_length(role: str) -> int:
    return minimum_length(role, _settings())


@bp.route("/account")
@signed_in
def account():
    """The signed-in user's account: password, two-factor, API tokens."""
    return _account_page()


@bp.route("/account/password", methods=["POST"])
@signed_in
def change_password():
    """Change one's own password; every session and API token of the account ends, this one is renewed."""
    form = ChangePasswordForm()
    user = current_user()
    if form.validate_on_submit():
        db = get_session()
        now = utcnow()
        try:
            admin.change_password(db, user, form.current.data, form.password.data, settings=_settings(), now=now)
        except ValidationError as exc:
            db.commit()  # keep the audit event of a wrong current password
            target = form.current if "current password" in str(exc) else form.password
            target.errors = list(target.errors) + [sentence(exc)]
            return _account_page(form, 400)
        db.commit()
        sign_in(user, now)
        flash("Your password has been changed. Other sessions and your API tokens have been ended.", "success")
        return redirect(url_for("auth.account"))
    return _account_page(form, 400)


@bp.route("/account/tokens/<int:token_id>/revoke", methods=["POST"])
@signed_in
def revoke_own_token(token_id: int):
    """Revoke one of one's own API tokens."""
    if not PlainForm().validate_on_submit():
        abort(400)
    db = get_session()
    try:
        admin.revoke_token(db, token_id, actor=current_user(), now=utcnow())
    except SarError as exc:
        db.rollback()
        flash(sentence(exc), "error")
        return redirect(url_for("auth.account"))
    db.commit()
    flash("The API token has been revoked.", "success")
    return redirect(url_for("auth.account"))


@bp.route("/password/forgot", methods=["GET", "POST"])
def forgot_password():
    """Ask for a reset link; the answer is the same whether or not the address has an account."""
    form = ForgotForm()
    if form.validate_on_submit():
        key = client_key()
        if limiter("password_reset").blocked(key):
            abort(429)
        limiter("password_reset").hit(key)
        db = get_session()
        admin.request_password_reset(db, form.email.data, actor=None, settings=_settings(), now=utcnow())
        db.commit()
        return render_template("auth/check_email.html", what="reset")
    return render_template("auth/forgot.html", form=form)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    """Choose a new password with a single-use, expiring link from an e-mail."""
    db = get_session()
    now = utcnow()
    try:
        user = admin.check_reset_token(db, token, now=now)
    except ValidationError as exc:
        return render_template("auth/link_problem.html", message=sentence(exc)), 410
    form = ResetForm()
    if form.validate_on_submit():
        try:
            admin.reset_password(db, token, form.password.data, settings=_settings(), now=now)
        except ValidationError as exc:
            db.rollback()
            form.password.errors = list(form.password.errors) + [sentence(exc)]
        else:
            db.commit()
            session.clear()
            flash("Your password has been changed. Sign in with the new one.", "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/reset.html", form=form, token=token,
                           min_length=_min_length(user.role)), (400 if form.errors else 200)


@bp.route("/verify/<token>")
def verify_email(token: str):
    """Confirm an e-mail address with the link sent at registration."""
    db = get_session()
    try:
        admin.verify_email(db, token, now=utcnow())
    except ValidationError as exc:
        db.rollback()
        return render_template("auth/link_problem.html", message=sentence(exc)), 410
    db.commit()
    flash("Thank you: your e-mail address is confirmed.", "success")
    return redirect(url_for("portal.new_request") if current_user() is not None else url_for("auth.login"))


@bp.route("/verify/resend", methods=["POST"])
@signed_in
def resend_verification():
    """Send a new address-check link to the signed-in user."""
    if not PlainForm().validate_on_submit():
        abort(400)
    key = client_key()
    if limiter("password_reset").blocked(key):
        abort(429)
    limiter("password_reset").hit(key)
    db = get_session()
    admin.send_verification(db, current_user(), settings=_settings(), now=utcnow())
    db.commit()
    flash("We have sent you a new link. Check your e-mail.", "success")
    return redirect(request.referrer if request.referrer and request.referrer.startswith(request.host_url)
                    else url_for("auth.index"))


@bp.route("/account/two-factor", methods=["GET", "POST"])
@signed_in
def two_factor():
    """Set up two-factor sign-in: scan the QR code, type one code, note the recovery codes."""
    user = current_user()
    db = get_session()
    now = utcnow()
    form = EnrolForm()
    if user.totp_enabled_at is not None:
        return redirect(url_for("auth.account"))
    if form.validate_on_submit():
        try:
            codes = totp.confirm_enrolment(db, user, form.code.data, now=now)
        except ValidationError as exc:
            db.commit()
            form.code.errors = list(form.code.errors) + [sentence(exc)]
        else:
            db.commit()
            sign_in(user, now)  # the stamp changed: keep this session, end the others
            return render_template("auth/recovery_codes.html", codes=codes)
    elif not user.totp_secret:
        totp.begin_enrolment(db, user, now=now)
        db.commit()
    uri = totp.provisioning_uri(user)
    qr = "data:image/svg+xml;base64," + base64.b64encode(totp.qr_svg(uri).encode()).decode()
    return render_template("auth/two_factor.html", form=form, qr=qr, secret=totp.secret_of(user),
                           required=users.must_enrol_second_factor(user, _settings())), (400 if form.errors else 200)


@bp.route("/account/two-factor/off", methods=["POST"])
@signed_in
def two_factor_off():
    """Turn one's own two-factor off, where it is not required for the account."""
    if not PlainForm().validate_on_submit():
        abort(400)
    user = current_user()
    if user.is_staff and _settings().staff_two_factor_required:
        flash("Two-factor sign-in is required for staff accounts and cannot be turned off.", "error")
        return redirect(url_for("auth.account"))
    db = get_session()
    now = utcnow()
    totp.disable(db, user, actor=user, now=now)
    db.commit()
    sign_in(user, now)
    flash("Two-factor sign-in is off.", "success")
    return redirect(url_for("auth.account"))
