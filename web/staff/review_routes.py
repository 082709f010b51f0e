"""Staff views for documents, redaction proposals and review, and four-eyes approval of the pack."""

from __future__ import annotations

import csv
import io
import zipfile
from collections import OrderedDict
from threading import Lock

from flask import Response, abort, current_app, flash, redirect, render_template, url_for

from redaction import pdf as rpdf  # same import form as sar.bundle.documents
from redaction.codes import EXEMPTION_CODES
from sar.bundle import conversion, documents, jobs, redactions
from sar.core import audit
from sar.core.db import utcnow
from sar.core.errors import NotFound, SarError, ValidationError
from sar.core.storage import FileStore
from sar.intake import queries as intake_queries
from sar.models import Role
from sar.release import approvals, entitlement
from sar.searching import searches
from sar.workflow import approval_state
from web.auth import current_user, role_required, staff_required
from web.db import get_session, session_factory
from web.errors import sentence
from web.staff import background, bp
from web.staff.common import back_to, fail, form_errors, load, settings
from web.staff.forms import (
    ApproveForm,
    DecideForm,
    EntityForm,
    ManualBoxForm,
    MoveForm,
    NoteForm,
    PageMarkForm,
    RemoveForm,
    ReturnForm,
    UploadForm,
)

#: Codes only a manager may decide (rulebook §3.2-3.4); officers see them marked, without buttons.
MANAGER_CODES = frozenset(c.code for c in EXEMPTION_CODES.values() if c.needs_manager_decision)
#: Pixels per PDF point on the review screen (render_page_png's zoom).
ZOOM = 1.5
_png_cache: OrderedDict[tuple, bytes] = OrderedDict()
_png_lock = Lock()


def code_choices(req) -> list[tuple[str, str]]:
    return [(c["code"], f"{c['title']} – {c['basis']}") for c in redactions.codes_for(req)]


def code_colours(req) -> dict[str, int]:
    return {code: i % 9 for i, (code, _) in enumerate(code_choices(req))}


def _cached_png(key: tuple, render) -> bytes:
    with _png_lock:
        if key in _png_cache:
            _png_cache.move_to_end(key)
            return _png_cache[key]
    data = render()
    with _png_lock:
        _png_cache[key] = data
        while len(_png_cache) > 96:
            _png_cache.popitem(last=False)
    return data


def _pack_files(pack) -> dict[str, bytes]:
    """The files inside a stored pack zip (its bytes are checked against the hash on read)."""
    with zipfile.ZipFile(io.BytesIO(FileStore(settings().storage_dir).get(pack.sha256))) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _png_response(data: bytes) -> Response:
    response = Response(data, mimetype="image/png")
    response.headers["Content-Length"] = str(len(data))
    return response


# --- documents -------------------------------------------------------------------------------------


@bp.route("/requests/<reference>/documents", methods=["POST"])
@staff_required
def upload(reference: str):
    """Add a document: a PDF at once, other formats (and zips) converted by a background job."""
    req = load(reference, audited=False)
    form = UploadForm()
    if not form.validate_on_submit():
        return fail(form_errors(form) or "Choose a file to upload.", req, "documents")
    storage = form.file.data
    data = storage.read()
    try:
        received = conversion.receive_upload(get_session(), req, data, storage.filename or "document",
                                             actor=current_user(), now=utcnow(), settings=settings(),
                                             purpose=form.purpose.data, title=form.title.data)
    except SarError as exc:
        get_session().rollback()
        flash(sentence(exc), "error")
        return back_to(req, "documents")
    get_session().commit()
    if received.job is not None:
        background.run_in_background(current_app._get_current_object(), session_factory(), received.job.id,
                                     settings())
        n = received.job.progress_total
        flash(f"Converting {n} file{'s' if n != 1 else ''} to PDF. You can keep working; this page shows the "
              "progress.", "info")
        return back_to(req, "documents")
    item = received.item
    pages = item.document.page_count
    flash(f"{item.filename} added ({pages} page{'s' if pages != 1 else ''}).", "success")
    return back_to(req, "documents")


@bp.route("/requests/<reference>/documents/move", methods=["POST"])
@staff_required
def move_document(reference: str):
    """Move a document one place up or down in the bundle."""
    req = load(reference, audited=False)
    form = MoveForm()
    if not form.validate_on_submit():
        return fail("Choose a document to move.", req, "documents")
    db = get_session()
    order = [i.id for i in documents.list_bundle(db, req)]
    try:
        item_id = int(form.item_id.data)
        index = order.index(item_id)
    except ValueError:
        return fail("That document is not in the bundle.", req, "documents")
    swap = index - 1 if form.direction.data == "up" else index + 1
    if 0 <= swap < len(order):
        order[index], order[swap] = order[swap], order[index]
        try:
            documents.reorder_bundle(db, req, order, actor=current_user(), now=utcnow())
        except SarError as exc:
            return fail(exc, req, "documents")
        db.commit()
    return back_to(req, "documents")


@bp.route("/requests/<reference>/documents/<int:item_id>/remove", methods=["POST"])
@staff_required
def remove_document(reference: str, item_id: int):
    """Take a document out of the bundle, with a reason (nothing is deleted)."""
    req = load(reference, audited=False)
    form = RemoveForm()
    if not form.validate_on_submit():
        return fail("Give a reason for removing the document.", req, "documents")
    db = get_session()
    try:
        item = documents.get_bundle_item(db, req, item_id)
        documents.remove_from_bundle(db, item, actor=current_user(), now=utcnow(), reason=form.reason.data)
    except SarError as exc:
        return fail(exc, req, "documents")
    db.commit()
    flash(f"{item.filename} removed from the bundle.", "success")
    return back_to(req, "documents")


# --- redaction proposals (background job) ----------------------------------------------------------


@bp.route("/requests/<reference>/proposals", methods=["POST"])
@staff_required
def start_proposals(reference: str):
    """Queue a proposal job and run it in a background thread; the page polls its progress."""
    req = load(reference, audited=False)
    if not NoteForm().validate_on_submit():
        return fail("The form had expired; try again.", req, "redactions")
    db = get_session()
    try:
        job = jobs.start_proposal_job(db, req, actor=current_user(), now=utcnow(),
                                      stale=jobs.stale_after(settings()))
    except SarError as exc:
        return fail(exc, req, "redactions")
    db.commit()
    background.run_in_background(current_app._get_current_object(), session_factory(), job.id, settings())
    flash("Finding redactions. You can keep working; this page shows the progress.", "info")
    return back_to(req, "redactions")


# --- review of one page ----------------------------------------------------------------------------


@bp.route("/requests/<reference>/items/<int:item_id>/pages/<int:page>")
@staff_required
def review_page(reference: str, item_id: int, page: int):
    """Review one page: the image with proposed boxes, accept/reject, manual boxes, page marks."""
    db = get_session()
    req = load(reference)
    item = documents.get_bundle_item(db, req, item_id)
    pages = item.document.page_count
    if not 0 <= page < max(pages, 1):
        abort(404)
    data = documents.document_bytes(settings(), item)
    width, height = rpdf.page_size(data, page)
    redactions = intake_queries.redactions_for_page(db, item.id, page)
    mark = intake_queries.page_mark(db, item.id, page)
    items = [i for i in documents.list_bundle(db, req) if i.purpose == "case_record"]
    db.commit()
    codes = code_choices(req)
    manual, entity, mark_form, decide = ManualBoxForm(), EntityForm(), PageMarkForm(), DecideForm()
    manual.code.choices = codes
    mark_form.code.choices = [("", "No code (duplicate or not relevant)")] + codes
    entity.code.choices = [("", "Keep each proposal's code")] + codes
    decide.code.choices = [("", "Keep the code")] + codes
    if mark is not None:
        mark_form.mark.data, mark_form.code.data, mark_form.reason.data = mark.mark, mark.code, mark.reason
    return render_template(
        "staff/review.html",
        req=req,
        item=item,
        page=page,
        pages=pages,
        width=width,
        height=height,
        zoom=ZOOM,
        redactions=redactions,
        mark=mark,
        items=items,
        codes=dict(codes),
        colours=code_colours(req),
        manual_form=manual,
        entity_form=entity,
        mark_form=mark_form,
        decide_form=decide,
        counts=intake_queries.redaction_counts(db, [item.id]).get(item.id, {}),
        manager_codes=MANAGER_CODES,
    )


@bp.route("/requests/<reference>/items/<int:item_id>/pages/<int:page>.png")
@staff_required
def page_image(reference: str, item_id: int, page: int):
    """The page as PNG (audited read of the original document)."""
    db = get_session()
    req = load(reference, audited=False)
    item = documents.get_bundle_item(db, req, item_id)
    if not 0 <= page < item.document.page_count:
        abort(404)
    audit.record(
        db,
        "document.view",
        actor=current_user(),
        now=utcnow(),
        request_id=req.id,
        target=f"item:{item.id}",
        detail={"page": page},
    )
    db.commit()
    png = _cached_png(
        ("doc", item.document.sha256, page, ZOOM),
        lambda: rpdf.render_page_png(documents.document_bytes(settings(), item), page, ZOOM),
    )
    return _png_response(png)


def _review_url(req, item_id: int, page: int, anchor: str = ""):
    return redirect(
        url_for("staff.review_page", reference=req.reference, item_id=item_id, page=page)
        + (f"#{anchor}" if anchor else "")
    )


def _review_fail(exc, req, item_id: int, page: int):
    get_session().rollback()
    message = str(exc)
    flash(sentence(message), "error")
    return _review_url(req, item_id, page)


@bp.route("/requests/<reference>/redactions/<int:redaction_id>", methods=["POST"])
@staff_required
def decide(reference: str, redaction_id: int):
    """Accept or reject one proposed redaction (a rejection needs a reason)."""
    db = get_session()
    req = load(reference, audited=False)
    redaction = intake_queries.redaction_in_request(db, req.id, redaction_id)
    if redaction is None:
        raise NotFound("no such redaction")
    form = DecideForm()
    form.code.choices = [("", "Keep the code")] + code_choices(req)
    item_id, page = redaction.bundle_item_id, redaction.page
    if not form.validate_on_submit() or form.status.data not in ("accepted", "rejected"):
        return _review_fail("Choose accept or reject.", req, item_id, page)
    if form.status.data == "rejected" and not (form.reason.data or "").strip():
        return _review_fail("Give a reason for rejecting the redaction.", req, item_id, page)
    try:
        redactions.decide_redaction(
            db,
            redaction,
            form.status.data,
            reason=form.reason.data or "",
            code=form.code.data or None,
            actor=current_user(),
            now=utcnow(),
        )
    except SarError as exc:
        return _review_fail(exc, req, item_id, page)
    db.commit()
    return _review_url(req, item_id, page, f"r{redaction_id}")


@bp.route("/requests/<reference>/items/<int:item_id>/pages/<int:page>/accept-all", methods=["POST"])
@staff_required
def accept_all(reference: str, item_id: int, page: int):
    """Accept every proposal still undecided on this page."""
    db = get_session()
    req = load(reference, audited=False)
    documents.get_bundle_item(db, req, item_id)
    if not NoteForm().validate_on_submit():
        return _review_fail("The form had expired; try again.", req, item_id, page)
    user = current_user()
    redactions.require_decider(user)
    pending = [r for r in intake_queries.redactions_for_page(db, item_id, page) if r.status == "proposed"]
    try:
        for redaction in pending:
            redactions.decide_redaction(
                db, redaction, "accepted", reason="accepted on review", code=None, actor=user, now=utcnow()
            )
    except SarError as exc:
        return _review_fail(exc, req, item_id, page)
    db.commit()
    message = f"{len(pending)} redaction{'s' if len(pending) != 1 else ''} accepted on this page."
    flash(message, "success")
    return _review_url(req, item_id, page)


@bp.route("/requests/<reference>/items/<int:item_id>/pages/<int:page>/manual", methods=["POST"])
@staff_required
def manual_box(reference: str, item_id: int, page: int):
    """Add a box drawn by hand (PDF points), with a code and reason."""
    db = get_session()
    req = load(reference, audited=False)
    item = documents.get_bundle_item(db, req, item_id)
    form = ManualBoxForm()
    form.code.choices = code_choices(req)
    if not form.validate_on_submit():
        return _review_fail(form_errors(form), req, item_id, page)
    try:
        boxes = _parse_boxes(form.boxes.data)
        redactions.add_manual_redaction(
            db,
            item,
            page,
            boxes,
            form.code.data,
            form.reason.data,
            actor=current_user(),
            now=utcnow(),
            settings=settings(),
        )
    except SarError as exc:
        return _review_fail(exc, req, item_id, page)
    db.commit()
    flash("Manual redaction added.", "success")
    return _review_url(req, item_id, page)


def _parse_boxes(raw: str) -> list[list[float]]:
    """``"x0,y0,x1,y1;..."`` in PDF points → ``[[x0, y0, x1, y1], ...]``."""
    boxes = []
    for part in (raw or "").split(";"):
        if not part.strip():
            continue
        try:
            x0, y0, x1, y1 = (round(float(v), 2) for v in part.split(","))
        except ValueError:
            raise ValidationError("the drawn box could not be read; draw it again") from None
        boxes.append([min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)])
    if not boxes:
        raise ValidationError("draw a box on the page first")
    return boxes


@bp.route("/requests/<reference>/items/<int:item_id>/pages/<int:page>/entity", methods=["POST"])
@staff_required
def entity(reference: str, item_id: int, page: int):
    """Apply a decision to every occurrence of an entity text in the bundle."""
    db = get_session()
    req = load(reference, audited=False)
    form = EntityForm()
    form.code.choices = [("", "Keep each proposal's code")] + code_choices(req)
    if not form.validate_on_submit() or form.status.data not in ("accepted", "rejected"):
        return _review_fail("Choose what to do with every occurrence.", req, item_id, page)
    if form.status.data == "rejected" and not (form.reason.data or "").strip():
        return _review_fail("Give a reason for rejecting every occurrence.", req, item_id, page)
    try:
        result = redactions.decide_entity(
            db,
            req,
            form.text.data,
            form.status.data,
            code=form.code.data or None,
            reason=form.reason.data or "",
            actor=current_user(),
            now=utcnow(),
            settings=settings(),
        )
    except SarError as exc:
        return _review_fail(exc, req, item_id, page)
    db.commit()
    verb = "redacted" if form.status.data == "accepted" else "left in"
    flash(
        f"Every occurrence of “{form.text.data}” {verb} ({result} redaction{'s' if result != 1 else ''}).",
        "success",
    )
    return _review_url(req, item_id, page)


@bp.route("/requests/<reference>/items/<int:item_id>/pages/<int:page>/mark", methods=["POST"])
@staff_required
def mark_page(reference: str, item_id: int, page: int):
    """Mark the whole page withheld, duplicate or not relevant (or clear the mark)."""
    db = get_session()
    req = load(reference, audited=False)
    item = documents.get_bundle_item(db, req, item_id)
    form = PageMarkForm()
    form.code.choices = code_choices(req)
    if not form.validate_on_submit():
        return _review_fail(form_errors(form), req, item_id, page)
    try:
        redactions.mark_page(
            db,
            item,
            page,
            form.mark.data,
            code=form.code.data or None,
            reason=form.reason.data or "",
            actor=current_user(),
            now=utcnow(),
        )
    except SarError as exc:
        return _review_fail(exc, req, item_id, page)
    db.commit()
    flash("Page mark saved.", "success")
    return _review_url(req, item_id, page)


# --- approval --------------------------------------------------------------------------------------


@bp.route("/requests/<reference>/submit", methods=["POST"])
@role_required(Role.officer.value, Role.manager.value)
def submit(reference: str):
    """Build the pack and submit it for a manager's approval."""
    req = load(reference, audited=False)
    form = NoteForm()
    if not form.validate_on_submit():
        return fail("The form had expired; try again.", req, "approval")
    try:
        approval = approvals.submit_for_approval(
            get_session(),
            req,
            actor=current_user(),
            now=utcnow(),
            settings=settings(),
            note=form.note.data or "",
        )
    except SarError as exc:
        return fail(exc, req, "approval")
    get_session().commit()
    flash(f"Submitted for approval. Pack fingerprint {approval.pack_sha256[:12]}…", "success")
    return back_to(req, "approval")


@bp.route("/requests/<reference>/pack")
@staff_required
def pack_view(reference: str):
    """The exact pack awaiting approval: page images, schedule, letter and its sha256."""
    db = get_session()
    req = load(reference)
    pack = approvals.current_pack(db, req)
    standing = approval_state.standing_approval(db, req)
    flagged = redactions.flagged_for_manager(db, req)
    # What entitles the requester to this pack, and who checked it (rulebook G-2, T-4; §1.4).
    verified = entitlement.verifications(db, req)
    unverified = entitlement.problems(req)
    db.commit()
    if pack is None:
        flash("No pack has been built for this request yet.", "info")
        return back_to(req, "approval")
    files = _pack_files(pack)
    ref = req.reference
    bundle = files.get(f"{ref}-bundle.pdf", b"")
    letter = files.get(f"{ref}-cover-letter.pdf", b"")
    schedule_rows = []
    raw_csv = files.get(f"{ref}-redaction-schedule.csv")
    if raw_csv:
        schedule_rows = list(csv.reader(io.StringIO(raw_csv.decode("utf-8-sig"))))
    user = current_user()
    can_decide = (
        standing is not None
        and standing.status == "pending"
        and user.role == Role.manager
        and standing.submitted_by_id != user.id
    )
    approve_form = ApproveForm(pack_sha256=pack.sha256)
    search_log = searches.list_searches(db, req, actor=user)  # the manager sees the search on approval (G-6)
    return render_template(
        "staff/pack.html",
        req=req,
        pack=pack,
        standing=standing,
        files=sorted(files),
        bundle_pages=rpdf.page_count(bundle) if bundle else 0,
        letter_pages=rpdf.page_count(letter) if letter else 0,
        schedule_rows=schedule_rows,
        can_decide=can_decide,
        approve_form=approve_form,
        return_form=ReturnForm(),
        flagged=flagged,
        verified=verified,
        unverified=unverified,
        search_log=search_log,
        search_places=searches.PLACES,
        users_by_id=intake_queries.users_by_id(
            db, ({standing.submitted_by_id} if standing else set()) | {v.by_id for v in verified if v.by_id}
            | {s.searched_by_id for s in search_log}),
    )


@bp.route("/requests/<reference>/pack/<int:pack_id>/<kind>/<int:page>.png")
@staff_required
def pack_page_image(reference: str, pack_id: int, kind: str, page: int):
    """A page of the pack's bundle or letter as PNG (audited)."""
    db = get_session()
    req = load(reference, audited=False)
    pack = approvals.current_pack(db, req)
    if pack is None or pack.id != pack_id or kind not in ("bundle", "cover-letter"):
        abort(404)
    audit.record(
        db,
        "pack.preview",
        actor=current_user(),
        now=utcnow(),
        request_id=req.id,
        target=f"pack:{pack.id}",
        detail={"file": kind, "page": page},
    )
    db.commit()

    def render() -> bytes:
        data = _pack_files(pack).get(f"{req.reference}-{kind}.pdf")
        if data is None or not 0 <= page < rpdf.page_count(data):
            abort(404)
        return rpdf.render_page_png(data, page, 1.0)

    return _png_response(_cached_png(("pack", pack.sha256, kind, page), render))


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
    if not form.validate_on_submit():
        return fail("The approval form is incomplete; reload the pack and try again.", req, "approval")
    # No try/except here: NotPermitted (an officer, or the submitter) becomes a 403 page.
    approvals.approve(
        get_session(),
        req,
        pack_sha256=form.pack_sha256.data,
        actor=current_user(),
        now=utcnow(),
        comments=form.comments.data or "",
    )
    get_session().commit()
    flash("Pack approved. It can now be released to the requester.", "success")
    return back_to(req, "approval")


@bp.route("/requests/<reference>/return", methods=["POST"])
@staff_required
def return_pack(reference: str):
    """Return the pack to the officer with comments."""
    req = load(reference, audited=False)
    form = ReturnForm()
    if not form.validate_on_submit():
        return fail("Say what needs to change before returning the pack.", req, "approval")
    approvals.return_pack(get_session(), req, actor=current_user(), comments=form.comments.data, now=utcnow())
    get_session().commit()
    flash("Pack returned to the officer with your comments.", "success")
    return back_to(req, "approval")


@bp.route("/requests/<reference>/release", methods=["POST"])
@staff_required
def release(reference: str):
    """Release the approved pack: the requester gets an expiring download link by e-mail."""
    req = load(reference, audited=False)
    if not NoteForm().validate_on_submit():
        return fail("The form had expired; try again.", req, "approval")
    try:
        result = approvals.release(get_session(), req, actor=current_user(), now=utcnow(), settings=settings())
    except SarError as exc:
        return fail(exc, req, "approval")
    get_session().commit()
    who = (
        "The requester has been e-mailed a download link"
        if result.email
        else "There is no e-mail address for the requester: they can download it from the portal, or "
        "download the approved pack here and send it to them securely"
    )
    flash(f"Released. {who}; it expires {result.expires_at:%d %b %Y %H:%M} UTC.", "success")
    return back_to(req, "approval")
