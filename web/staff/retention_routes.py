"""The retention page: the dry-run list of files due for disposal, and a manager's approval to dispose.

Viewing is for managers and admins; approving is for managers (``sar.retention.disposal.APPROVER_ROLES``).
Nothing is disposed of unless the manager ticks it in the list and confirms.
"""

from __future__ import annotations

from flask import redirect, render_template, request, url_for

from sar.core import audit
from sar.core.db import LONDON, utcnow
from sar.retention import dispose_due, review
from web.auth import current_user, role_required
from web.db import get_session
from web.staff import bp
from web.staff.common import form_post, settings
from web.staff.forms import PostForm


@bp.route("/retention")
@role_required("manager", "admin")
def retention():
    db, now = get_session(), utcnow()
    items = review(db, settings=settings(), today=now.astimezone(LONDON).date(), actor=current_user())
    audit.record(db, "retention.review", actor=current_user(), now=now,
                 detail={"due": len(items), "blocked": sum(1 for i in items if not i.disposable)})
    db.commit()
    return render_template("staff/retention.html", items=items)


@bp.route("/retention/dispose", methods=["POST"])
@role_required("manager")
def retention_dispose():
    references = request.form.getlist("reference")

    def check(_):
        if not references:
            return "tick the request files to dispose of"
        if request.form.get("confirm") != "yes":
            return "confirm that the ticked files are to be disposed of"
        return None
    return form_post(PostForm(), lambda db: dispose_due(db, approved_by=current_user(), settings=settings(),
                                                        now=utcnow(), references=references),
                     req=None, back=lambda: redirect(url_for("staff.retention")), check=check,
                     success=lambda certs: f"Disposed of {len(certs)} request file(s): certificates "
                                           f"{', '.join(str(c.id) for c in certs)}.")
