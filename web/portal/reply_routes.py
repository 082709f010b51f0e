"""Portal views for the requester's side of the conversation (issue 13).

The requester sees every letter sent to them (as sent), what the council is waiting for, and can
reply (a message, identity or authority documents, accepting a fee) or withdraw the request. Each
POST calls one ``sar.intake.replies`` use case, which checks that the request is theirs (404 for
anyone else's) and records the clock events the reply settles.
"""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for

from sar.core.db import utcnow
from sar.core.errors import SarError, ValidationError
from sar.intake import replies
from sar.intake import requests as req_uc
from sar.release import correspondence
from web.auth import current_user, requester_required
from web.db import get_session
from web.errors import sentence
from web.portal import bp
from web.portal.routes import settings

EVIDENCE_CHOICES = (("identity", "Proof of my identity"), ("authority", "Evidence of my authority to act"))


def _load(reference: str):
    return req_uc.get_request(get_session(), reference, actor=current_user(), now=utcnow(), audit_read=True)


def _page(req, status: int = 200):
    db = get_session()
    context = {"req": req, "waiting": replies.waiting_for(req),
               "letters": correspondence.list_letters(db, req, actor=current_user()),
               "sent": replies.messages(db, req, actor=current_user()), "evidence_choices": EVIDENCE_CHOICES,
               "finished": req.status in ("released", "closed", "withdrawn", "refused")}
    db.commit()
    return render_template("portal/reply.html", **context), status


@bp.route("/portal/requests/<reference>/correspondence")
@requester_required
def correspondence_page(reference: str):
    """Letters we sent, what we are waiting for, and the reply form."""
    return _page(_load(reference))


@bp.route("/portal/requests/<reference>/reply", methods=["POST"])
@requester_required
def reply(reference: str):
    """Send a reply: a message, evidence files and/or acceptance of a fee notice."""
    req = _load(reference)
    evidence = request.form.get("evidence", "identity")
    uploads = []
    for storage in request.files.getlist("files"):
        if storage is None or not storage.filename:
            continue
        uploads.append(replies.Upload(storage.filename, storage.read(), evidence))
    try:
        replies.reply(get_session(), req, actor=current_user(), now=utcnow(), settings=settings(),
                      body=request.form.get("body", ""), uploads=uploads,
                      accept_fee=request.form.get("accept_fee") == "on")
    except SarError as exc:
        get_session().rollback()
        flash(sentence(str(exc)), "error")
        return _page(_load(reference), status=400 if isinstance(exc, ValidationError) else 409)
    get_session().commit()
    flash("Thank you: we have received your reply.", "success")
    return redirect(url_for("portal.correspondence_page", reference=req.reference))


@bp.route("/portal/requests/<reference>/withdraw", methods=["POST"])
@requester_required
def withdraw(reference: str):
    """Withdraw the request (the form asks the requester to confirm)."""
    req = _load(reference)
    try:
        if request.form.get("confirm") != "on":
            raise ValidationError("tick the box to confirm that you want to withdraw your request")
        replies.withdraw(get_session(), req, actor=current_user(), now=utcnow(), settings=settings(),
                         reason=request.form.get("reason", ""))
    except SarError as exc:
        get_session().rollback()
        flash(sentence(str(exc)), "error")
        return _page(_load(reference), status=400 if isinstance(exc, ValidationError) else 409)
    get_session().commit()
    flash("Your request has been withdrawn.", "success")
    return redirect(url_for("portal.request_detail", reference=req.reference))


@bp.route("/portal/requests/<reference>/letters/<int:letter_id>.pdf")
@requester_required
def letter_pdf(reference: str, letter_id: int):
    """One of the letters sent to the requester, as a PDF."""
    req = _load(reference)
    data = correspondence.letter_pdf(get_session(), req, letter_id, actor=current_user(), settings=settings())
    get_session().commit()
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{req.reference}-letter-{letter_id}.pdf"'
    return response
