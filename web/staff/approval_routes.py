"""Staff views for four-eyes approval: submit the pack, the manager's review of it, approve or return, release.

Who may approve is decided in ``sar.release.approvals`` (``may_decide`` for the buttons, ``approve`` and
``return_pack`` enforce it again: an officer's or the submitter's forced POST becomes a 403 page).
"""

from __future__ import annotations

from flask import Response, abort, current_app, flash, render_template

from sar.accounts import queries as account_queries
from sar.bundle import jobs, redactions
from sar.core import audit
from sar.core.db import utcnow
from sar.core.errors import NotFound
from sar.intake import voice
from sar.models import CASEWORK_ROLES
from sar.release import approvals, entitlement, packs
from sar.searching import searches
from sar.workflow import approval_state
from web.auth import current_user, role_required, staff_required
from web.db import get_session, session_factory
from web.staff import background, bp
from web.staff.common import back_to, cached_png, form_post, load, png_response, settings
from web.staff.forms import ApproveForm, NoteForm, ReturnForm
from web.staff.sections import VIEW_LABELS

ANCHOR = "approval"


@bp.route("/requests/<reference>/submit", methods=["POST"])
@role_required(*CASEWORK_ROLES)
def submit(reference: str):
    """Queue the pack build and submission for a manager's approval; the case page shows its progress.

    The quick checks (role, state, entitlement, documents, undecided proposals) refuse at once with a
    message (``sar.release.approvals.check_submittable``); the long build runs as a background job
    (``sar.bundle.jobs.start_pack_job``), never inside this HTTP request. A build that fails (for
    example a verification failure) ends the job as failed with its reason and leaves the request as it was.
    """
    req = load(reference, audited=False)
    form = NoteForm()

    def start(db):
        return jobs.start_pack_job(db, req, actor=current_user(), now=utcnow(), note=form.note.data or "",
                                   stale=jobs.stale_after(settings()))

    def run(job):
        # After the commit, so the thread's own session sees the queued job.
        background.run_in_background(current_app._get_current_object(), session_factory(), job.id, settings())
        return back_to(req, ANCHOR)

    return form_post(form, start, req=req, anchor=ANCHOR, then=run, category="info",
                     success="Building the response pack. It is submitted for approval when the build "
                             "finishes; this page shows the progress.")


@bp.route("/requests/<reference>/pack")
@staff_required
def pack_view(reference: str):
    """The exact pack awaiting approval: page images, schedule, letter and its sha256."""
    db = get_session()
    user = current_user()
    req = load(reference)
    pack = approvals.current_pack(db, req)
    standing = approval_state.standing_approval(db, req)
    flagged = redactions.flagged_for_manager(db, req)
    can_decide = approvals.may_decide(db, req, user)
    # What entitles the requester to this pack, and who checked it (rulebook G-2, T-4; §1.4).
    verified = entitlement.verifications(db, req)
    unverified = entitlement.problems(req)
    search_log = searches.list_searches(db, req, actor=user)  # the manager sees the search on approval (G-6)
    # The child's competence and views (rulebook T-4, issue 16): the manager sees them before deciding.
    child = (voice.child_views(db, req, actor=user, now=utcnow(), settings=settings())
             if entitlement.child_rule_applies(req) and user.role in CASEWORK_ROLES else None)
    db.commit()
    if pack is None:
        flash("No pack has been built for this request yet.", "info")
        return back_to(req, ANCHOR)
    preview = packs.pack_preview(settings(), pack, req)
    people = (({standing.submitted_by_id} if standing else set()) | {v.by_id for v in verified if v.by_id}
              | {s.searched_by_id for s in search_log})
    return render_template(
        "staff/pack.html",
        req=req,
        pack=pack,
        standing=standing,
        files=preview.files,
        bundle_pages=preview.bundle_pages,
        letter_pages=preview.letter_pages,
        schedule_rows=preview.schedule_rows,
        can_decide=can_decide,
        approve_form=ApproveForm(pack_sha256=pack.sha256),
        return_form=ReturnForm(),
        flagged=flagged,
        verified=verified,
        unverified=unverified,
        search_log=search_log,
        search_places=searches.PLACES,
        child=child,
        child_view_labels=VIEW_LABELS,
        users_by_id=account_queries.users_by_id(db, people),
    )


@bp.route("/requests/<reference>/pack/<int:pack_id>/<kind>/<int:page>.png")
@staff_required
def pack_page_image(reference: str, pack_id: int, kind: str, page: int):
    """A page of the pack's bundle or letter as PNG (audited)."""
    db = get_session()
    req = load(reference, audited=False)
    pack = approvals.current_pack(db, req)
    if pack is None or pack.id != pack_id or kind not in packs.PREVIEWABLE:
        abort(404)
    audit.record(db, "pack.preview", actor=current_user(), now=utcnow(), request_id=req.id,
                 target=f"pack:{pack.id}", detail={"file": kind, "page": page})
    db.commit()

    def render() -> bytes:
        try:
            return packs.pack_page_png(settings(), pack, req, kind, page)
        except NotFound:
            abort(404)

    return png_response(cached_png(("pack", pack.sha256, kind, page), render))


@bp.route("/requests/<reference>/pack.zip", methods=["POST"])
@staff_required
def pack_download(reference: str):
    """Download the current pack (staff), audited."""
    db = get_session()
    req = load(reference, audited=False)
    filename, data = approvals.pack_for_download(db, req, actor=current_user(), now=utcnow(), settings=settings())
    db.commit()
    response = Response(data, mimetype="application/zip")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.route("/requests/<reference>/approve", methods=["POST"])
@staff_required
def approve(reference: str):
    """Approve the pack with the sha256 the manager was shown (the use case refuses anyone else)."""
    req = load(reference, audited=False)
    form = ApproveForm()
    # catch=(): NotPermitted (an officer, or the submitter) and Conflict become error pages, as before.
    return form_post(
        form,
        lambda db: approvals.approve(db, req, pack_sha256=form.pack_sha256.data, actor=current_user(), now=utcnow(),
                                     comments=form.comments.data or ""),
        req=req, anchor=ANCHOR, catch=(),
        invalid="The approval form is incomplete; reload the pack and try again.",
        success="Pack approved. It can now be released to the requester.",
    )


@bp.route("/requests/<reference>/return", methods=["POST"])
@staff_required
def return_pack(reference: str):
    """Return the pack to the officer with comments."""
    req = load(reference, audited=False)
    form = ReturnForm()
    return form_post(
        form,
        lambda db: approvals.return_pack(db, req, actor=current_user(), comments=form.comments.data, now=utcnow()),
        req=req, anchor=ANCHOR, catch=(),
        invalid="Say what needs to change before returning the pack.",
        success="Pack returned to the officer with your comments.",
    )


def _released(result) -> str:
    who = (
        "The requester has been e-mailed a download link"
        if result.email
        else "There is no e-mail address for the requester: they can download it from the portal, or "
        "download the approved pack here and send it to them securely"
    )
    return f"Released. {who}; it expires {result.expires_at:%d %b %Y %H:%M} UTC."


@bp.route("/requests/<reference>/release", methods=["POST"])
@staff_required
def release(reference: str):
    """Release the approved pack: the requester gets an expiring download link by e-mail."""
    req = load(reference, audited=False)
    return form_post(
        NoteForm(),
        lambda db: approvals.release(db, req, actor=current_user(), now=utcnow(), settings=settings()),
        req=req, anchor=ANCHOR, success=_released,
    )
