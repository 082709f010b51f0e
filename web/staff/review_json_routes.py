"""JSON endpoints behind review at keyboard speed (issue 11), called by web/static/review_keys.js.

Each decision is one ``sar`` use case without a page reload; the forms on the review page still post to
``review_routes`` when JavaScript is off (progressive enhancement). Cookie-authenticated, so every POST
carries the CSRF token (``X-CSRFToken`` header, checked by Flask-WTF's CSRFProtect). Errors answer
``{"error", "message", "status"}`` (``web.errors`` treats paths ending in ``.json`` as JSON clients).
"""

from __future__ import annotations

from typing import Any

from flask import jsonify, request, url_for

from sar.bundle import cast, navigation, redactions
from sar.bundle import queries as bundle_queries
from sar.core.db import utcnow
from sar.core.errors import NotFound, ValidationError
from web.auth import current_user, staff_required
from web.db import get_session
from web.staff import bp
from web.staff.common import load, settings


def _body() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ValidationError("send a JSON object")
    return data


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key) or ""
    if not isinstance(value, str):
        raise ValidationError(f"'{key}' must be text")
    return value.strip()[:5000]


def _page_url(req, item_id: int, page: int, anchor: str = "") -> str:
    return url_for("staff.review_page", reference=req.reference, item_id=item_id, page=page) + anchor


@bp.route("/requests/<reference>/redactions/<int:redaction_id>/decision.json", methods=["POST"])
@staff_required
def decide_json(reference: str, redaction_id: int):
    """Accept or reject one redaction: ``{"status", "reason", "code"}`` → the redaction and page counts."""
    db = get_session()
    req = load(reference, audited=False)
    red = bundle_queries.redaction_in_request(db, req.id, redaction_id)
    if red is None:
        raise NotFound("no such redaction")
    data = _body()
    status = _text(data, "status")
    if status not in redactions.DECISIONS:
        raise ValidationError("choose accept or reject")
    redactions.decide_redaction(db, red, status, reason=_text(data, "reason") or None,
                                code=_text(data, "code") or None, actor=current_user(), now=utcnow())
    counts = bundle_queries.redaction_counts(db, [red.bundle_item_id]).get(red.bundle_item_id, {})
    totals = redactions.review_counts(db, req)
    db.commit()
    return jsonify(id=red.id, status=red.status, reason=red.decision_reason, code=red.code, counts=counts,
                   totals=totals)


@bp.route("/requests/<reference>/next-undecided.json")
@staff_required
def next_undecided_json(reference: str):
    """The next undecided proposal after ``item``/``page``/``after`` (wrapping round), or ``{"done": true}``."""
    db = get_session()
    req = load(reference, audited=False)
    red = navigation.next_undecided(db, req, actor=current_user(), item_id=request.args.get("item", type=int),
                                    page=request.args.get("page", type=int),
                                    redaction_id=request.args.get("after", type=int))
    db.commit()
    if red is None:
        return jsonify(done=True)
    return jsonify(done=False, id=red.id, item_id=red.bundle_item_id, page=red.page,
                   url=_page_url(req, red.bundle_item_id, red.page, f"#r{red.id}"))


@bp.route("/requests/<reference>/unresolved.json")
@staff_required
def unresolved_json(reference: str):
    """The unresolved-mention queue (``sar.bundle.cast.unresolved_mentions``) with a link to each page."""
    db = get_session()
    req = load(reference, audited=False)
    items = cast.unresolved_mentions(db, req, actor=current_user(), now=utcnow())
    db.commit()
    for e in items:
        anchor = f"#r{e['redaction_id']}" if e["redaction_id"] else ""
        e["url"] = _page_url(req, e["item_id"], e["page"] - 1, anchor)
    return jsonify(items=items, total=len(items))


@bp.route("/requests/<reference>/search.json")
@staff_required
def search_json(reference: str):
    """Search the bundle's text for ``q`` (audited): hits with the page to open."""
    db = get_session()
    req = load(reference, audited=False)
    out = navigation.search_bundle(db, req, request.args.get("q", ""), actor=current_user(), now=utcnow(),
                                   settings=settings())
    db.commit()
    for hit in out["hits"]:
        hit["url"] = _page_url(req, hit["item_id"], hit["page"])
    return jsonify(out)


@bp.route("/requests/<reference>/entity.json", methods=["POST"])
@staff_required
def entity_json(reference: str):
    """Redact (or leave in, with a reason) a string everywhere in the bundle.

    Body ``{"text", "status", "code", "reason"}`` → how many redactions were decided or created.
    """
    db = get_session()
    req = load(reference, audited=False)
    data = _body()
    status = _text(data, "status") or "accepted"
    if status not in redactions.DECISIONS:
        raise ValidationError("choose accept or reject")
    count = redactions.decide_entity(db, req, _text(data, "text"), status, code=_text(data, "code") or None,
                                     reason=_text(data, "reason") or None, actor=current_user(), now=utcnow(),
                                     settings=settings())
    totals = redactions.review_counts(db, req)
    db.commit()
    return jsonify(count=count, totals=totals)
