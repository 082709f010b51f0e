"""Staff views for reviewing one page of a document: the image with proposed boxes and the decisions on it.

Every decision is one ``sar.bundle.redactions`` use case; after it the reviewer returns to the same page.
"""

from __future__ import annotations

from flask import abort, redirect, render_template, url_for

from sar.bundle import documents, redactions
from sar.bundle import queries as bundle_queries
from sar.core import audit
from sar.core.db import utcnow
from sar.core.errors import NotFound, ValidationError
from web.auth import current_user, staff_required
from web.db import get_session
from web.staff import bp
from web.staff.common import cached_png, form_errors, form_post, load, png_response, settings
from web.staff.forms import DecideForm, EntityForm, ManualBoxForm, NoteForm, PageMarkForm

#: Pixels per PDF point on the review screen (the boxes are drawn over the image at this scale).
ZOOM = 1.5
#: The two decisions a reviewer can make on a proposal (``sar.bundle.redactions.DECISIONS``).
DECISIONS = redactions.DECISIONS


def code_choices(req) -> list[tuple[str, str]]:
    return [(c["code"], f"{c['title']} – {c['basis']}") for c in redactions.codes_for(req)]


def code_colours(req) -> dict[str, int]:
    return {code: i % 9 for i, (code, _) in enumerate(code_choices(req))}


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
    width, height = documents.page_size(settings(), item, page)
    on_page = bundle_queries.redactions_for_page(db, item.id, page)
    mark = bundle_queries.page_mark(db, item.id, page)
    items = documents.list_bundle(db, req, purpose="case_record")
    db.commit()
    codes = code_choices(req)
    manual, entity_form, mark_form, decide_form = ManualBoxForm(), EntityForm(), PageMarkForm(), DecideForm()
    manual.code.choices = codes
    mark_form.code.choices = [("", "No code (duplicate or not relevant)")] + codes
    entity_form.code.choices = [("", "Keep each proposal's code")] + codes
    decide_form.code.choices = [("", "Keep the code")] + codes
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
        redactions=on_page,
        mark=mark,
        items=items,
        codes=dict(codes),
        colours=code_colours(req),
        manual_form=manual,
        entity_form=entity_form,
        mark_form=mark_form,
        decide_form=decide_form,
        counts=bundle_queries.redaction_counts(db, [item.id]).get(item.id, {}),
        manager_codes=redactions.MANAGER_CODES,
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
    audit.record(db, "document.view", actor=current_user(), now=utcnow(), request_id=req.id,
                 target=f"item:{item.id}", detail={"page": page})
    db.commit()
    png = cached_png(("doc", item.document.sha256, page, ZOOM),
                     lambda: documents.page_png(settings(), item, page, zoom=ZOOM))
    return png_response(png)


def _to_page(req, item_id: int, page: int, anchor: str = ""):
    return lambda: redirect(url_for("staff.review_page", reference=req.reference, item_id=item_id, page=page)
                            + (f"#{anchor}" if anchor else ""))


def _decision_check(choose: str, give_reason: str):
    """Refuse a decision that is neither accept nor reject, or a rejection without a reason."""
    def check(form) -> str | None:
        if form.status.data not in DECISIONS:
            return choose
        if form.status.data == "rejected" and not (form.reason.data or "").strip():
            return give_reason
        return None
    return check


@bp.route("/requests/<reference>/redactions/<int:redaction_id>", methods=["POST"])
@staff_required
def decide(reference: str, redaction_id: int):
    """Accept or reject one proposed redaction (a rejection needs a reason)."""
    db = get_session()
    req = load(reference, audited=False)
    redaction = bundle_queries.redaction_in_request(db, req.id, redaction_id)
    if redaction is None:
        raise NotFound("no such redaction")
    form = DecideForm()
    form.code.choices = [("", "Keep the code")] + code_choices(req)
    item_id, page = redaction.bundle_item_id, redaction.page
    return form_post(
        form,
        lambda db: redactions.decide_redaction(db, redaction, form.status.data, reason=form.reason.data or "",
                                               code=form.code.data or None, actor=current_user(), now=utcnow()),
        req=req, invalid="Choose accept or reject.",
        check=_decision_check("Choose accept or reject.", "Give a reason for rejecting the redaction."),
        back=_to_page(req, item_id, page), then=lambda _: _to_page(req, item_id, page, f"r{redaction_id}")(),
    )


@bp.route("/requests/<reference>/items/<int:item_id>/pages/<int:page>/accept-all", methods=["POST"])
@staff_required
def accept_all(reference: str, item_id: int, page: int):
    """Accept every proposal still undecided on this page."""
    req = load(reference, audited=False)
    item = documents.get_bundle_item(get_session(), req, item_id)
    return form_post(
        NoteForm(),
        lambda db: redactions.accept_page(db, item, page, actor=current_user(), now=utcnow()),
        req=req, back=_to_page(req, item_id, page),
        success=lambda n: f"{n} redaction{'s' if n != 1 else ''} accepted on this page.",
    )


@bp.route("/requests/<reference>/items/<int:item_id>/pages/<int:page>/manual", methods=["POST"])
@staff_required
def manual_box(reference: str, item_id: int, page: int):
    """Add a box drawn by hand (PDF points), with a code and reason."""
    req = load(reference, audited=False)
    item = documents.get_bundle_item(get_session(), req, item_id)
    form = ManualBoxForm()
    form.code.choices = code_choices(req)
    return form_post(
        form,
        lambda db: redactions.add_manual_redaction(db, item, page, parse_boxes(form.boxes.data), form.code.data,
                                                   form.reason.data, actor=current_user(), now=utcnow(),
                                                   settings=settings()),
        req=req, invalid=form_errors, back=_to_page(req, item_id, page), success="Manual redaction added.",
    )


def parse_boxes(raw: str) -> list[list[float]]:
    """``"x0,y0,x1,y1;..."`` in PDF points → ``[[x0, y0, x1, y1], ...]``.

    :raises ValidationError: a box that is not four numbers, or no box at all.
    """
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
    req = load(reference, audited=False)
    form = EntityForm()
    form.code.choices = [("", "Keep each proposal's code")] + code_choices(req)

    def done(count: int) -> str:
        verb = "redacted" if form.status.data == "accepted" else "left in"
        return f"Every occurrence of “{form.text.data}” {verb} ({count} redaction{'s' if count != 1 else ''})."

    return form_post(
        form,
        lambda db: redactions.decide_entity(db, req, form.text.data, form.status.data, code=form.code.data or None,
                                            reason=form.reason.data or "", actor=current_user(), now=utcnow(),
                                            settings=settings()),
        req=req, invalid="Choose what to do with every occurrence.",
        check=_decision_check("Choose what to do with every occurrence.",
                              "Give a reason for rejecting every occurrence."),
        back=_to_page(req, item_id, page), success=done,
    )


@bp.route("/requests/<reference>/items/<int:item_id>/pages/<int:page>/mark", methods=["POST"])
@staff_required
def mark_page(reference: str, item_id: int, page: int):
    """Mark the whole page withheld, duplicate or not relevant (or clear the mark)."""
    req = load(reference, audited=False)
    item = documents.get_bundle_item(get_session(), req, item_id)
    form = PageMarkForm()
    form.code.choices = code_choices(req)
    return form_post(
        form,
        lambda db: redactions.mark_page(db, item, page, form.mark.data, code=form.code.data or None,
                                        reason=form.reason.data or "", actor=current_user(), now=utcnow()),
        req=req, invalid=form_errors, back=_to_page(req, item_id, page), success="Page mark saved.",
    )
