"""Portal views.

Every page about a request is rendered from ``sar.intake.requester_view`` (an allow-list of what a
requester may see, built by its own queries), never from the request record itself: audited, and
NotFound for anyone else's request, so a requester cannot even learn that another reference exists.
"""

from __future__ import annotations

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for

from sar.accounts import admin as accounts_admin
from sar.accounts.passwords import minimum_length
from sar.core.db import utcnow
from sar.core.errors import SarError, ValidationError
from sar.intake import parties, replies, requester_view
from sar.intake import requests as req_uc
from sar.messaging import queries as messaging_queries
from sar.models import Request
from sar.release import approvals
from web.auth import LogoutForm, client_key, current_user, limiter, requester_required
from web.db import get_session
from web.errors import sentence
from web.portal import bp
from web.portal.forms import NewRequestForm, RegisterForm

PER_PAGE = 20


def settings():
    return current_app.config["SAR_SETTINGS"]


def _pdf_upload(field) -> tuple[bytes, str] | None:
    """The bytes and file name of an optional uploaded PDF, or None; a non-PDF adds an error to the field."""
    storage = field.data
    if storage is None or not getattr(storage, "filename", ""):
        return None
    data = storage.read()
    if b"%PDF-" not in data[:1024]:
        field.errors = list(field.errors) + [
            f"{storage.filename} is not a PDF. Save or scan your document as PDF and upload that."
        ]
        return None
    return data, storage.filename


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Create a requester account and sign in."""
    if current_user() is not None:
        return redirect(url_for("auth.index"))
    form = RegisterForm()
    if form.validate_on_submit():
        key = client_key()
        if limiter("register").blocked(key):
            abort(429)
        limiter("register").hit(key)
        db = get_session()
        try:
            # The same page follows whether or not the address already has an account (no enumeration):
            # a new address gets a confirmation link, a known one an e-mail saying it has an account.
            accounts_admin.register_requester(db, email=form.email.data, name=form.name.data,
                                              password=form.password.data, settings=settings(), now=utcnow())
        except ValidationError as exc:
            target = form.password if "password" in str(exc) else form.email
            target.errors = list(target.errors) + [sentence(exc)]
        else:
            db.commit()
            return render_template("auth/check_email.html", what="register")
    return render_template("portal/register.html", form=form, min_length=minimum_length("requester", settings()))


@bp.route("/portal/")
@requester_required
def my_requests():
    """The requester's own requests, newest first."""
    db = get_session()
    page = max(1, request.args.get("page", 1, type=int))
    own = requester_view.requester_list(db, actor=current_user(), page=page, per_page=PER_PAGE)
    pages = max(1, -(-own.total // PER_PAGE))
    return render_template("portal/my_requests.html", rows=own.items, page=page, pages=pages, total=own.total)


@bp.route("/portal/new", methods=["GET", "POST"])
@requester_required
def new_request():
    """Make a request, optionally attaching proof of identity and authority."""
    user = current_user()
    form = NewRequestForm()
    if user.email_verified_at is None:
        return render_template("portal/verify_first.html", resend_form=LogoutForm()), 403
    if form.validate_on_submit():
        identity = _pdf_upload(form.identity_document)
        authority = _pdf_upload(form.authority_document)
        if not form.identity_document.errors and not form.authority_document.errors:
            db = get_session()
            now = utcnow()
            subject = None
            if (form.subject_name.data or "").strip():
                subject = req_uc.PersonIn(name=form.subject_name.data, dob=form.subject_dob.data)
            elif form.requester_type.data == "data_subject":
                subject = req_uc.PersonIn(name=user.name, dob=form.subject_dob.data, email=user.email)
            try:
                created = req_uc.open_request(
                    db,
                    actor=user,
                    now=now,
                    settings=settings(),
                    description=form.description.data,
                    requester=req_uc.PersonIn(name=user.name, email=user.email, type=form.requester_type.data),
                    subject=subject,
                    channel="portal",
                )
            except ValidationError as exc:
                form.description.errors = list(form.description.errors) + [str(exc)]
            else:
                refused = _attach_evidence(db, created, user, now, {"identity": identity, "authority": authority})
                db.commit()
                for message in refused:
                    flash(message, "warning")
                return redirect(url_for("portal.submitted", reference=created.reference))
    return render_template("portal/new_request.html", form=form)


EVIDENCE_LABELS = {"identity": "proof of identity", "authority": "proof of authority"}


def _attach_evidence(db, created: Request, user, now, uploads: dict[str, tuple[bytes, str] | None]) -> list[str]:
    """Attach each uploaded proof on its own, so one refused file does not lose the other.

    :return: one message per refused file, naming it and saying why.
    """
    refused = []
    for kind, upload in uploads.items():
        if upload is None:
            continue
        data, filename = upload
        try:
            with db.begin_nested():
                parties.attach_evidence(db, created, data, filename, kind, actor=user, now=now, settings=settings())
        except SarError as exc:
            current_app.logger.warning("%s evidence for %s refused: %s", kind, created.reference, exc)
            refused.append(
                f"Your {EVIDENCE_LABELS[kind]} ({filename}) was not attached: {sentence(exc)} "
                "Your request was received; we will contact you about it."
            )
    return refused


@bp.route("/portal/requests/<reference>/submitted")
@requester_required
def submitted(reference: str):
    """Confirmation: the reference(s) and what happens next."""
    view = requester_view.requester_view(get_session(), reference, actor=current_user(), now=utcnow())
    get_session().commit()
    return render_template("portal/submitted.html", view=view)


@bp.route("/portal/requests/<reference>")
@requester_required
def request_detail(reference: str):
    """One of the requester's own requests."""
    db = get_session()
    view = requester_view.requester_view(db, reference, actor=current_user(), now=utcnow())
    # What we are waiting for from them (issue 13): derived from the clock events, nothing else.
    waiting = replies.waiting_for(req_uc.get_request(db, reference, actor=current_user(), now=utcnow(),
                                                     audit_read=False))
    db.commit()
    return render_template("portal/request.html", view=view, waiting=waiting)


@bp.route("/portal/requests/<reference>/download", methods=["POST"])
@requester_required
def download_own(reference: str):
    """Download the released response pack of one's own request (audited)."""
    db = get_session()
    now = utcnow()
    req = req_uc.get_request(db, reference, actor=current_user(), now=now, audit_read=False)
    filename, data = approvals.pack_for_download(db, req, actor=current_user(), now=now, settings=settings())
    db.commit()
    return _zip_response(filename, data)


@bp.route("/download/<token>")
def download(token: str):
    """Download a released pack through the expiring link from the release e-mail (audited)."""
    db = get_session()
    found = messaging_queries.download_link_target(db, token)
    if found is None:
        abort(404)
    req, link_user_id = found
    user = current_user()
    if link_user_id is not None and user is None:
        return redirect(url_for("auth.login", next=request.path))
    filename, data = approvals.pack_for_download(db, req, actor=user, now=utcnow(), settings=settings(), token=token)
    db.commit()
    return _zip_response(filename, data)


def _zip_response(filename: str, data: bytes) -> Response:
    response = Response(data, mimetype="application/zip")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Content-Length"] = str(len(data))
    return response
