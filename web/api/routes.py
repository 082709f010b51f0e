"""JSON API views. Each parses its input, calls one ``sar`` use case, commits and answers.

Errors are raised, never returned: :mod:`web.api` maps them to ``{"error": ...}`` responses and
rolls the session back. Reference: docs/api.md and ``GET /api/openapi.json``.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from flask import Response, current_app, g, jsonify, request, url_for

from sar.bundle import documents, jobs, redactions
from sar.bundle import queries as bundle_queries
from sar.core import health as health_checks
from sar.core.errors import ValidationError
from sar.core.settings import Settings
from sar.intake import clock, requester_view
from sar.intake import queries as intake_queries
from sar.intake import requests as requests_uc
from sar.models import Request, Role
from sar.release import approvals
from sar.workflow import manual
from web.api import bp, now, schemas
from web.api.openapi import openapi_document
from web.db import get_session, session_factory

log = logging.getLogger(__name__)


def _settings() -> Settings:
    return current_app.config["SAR_SETTINGS"]


def _load(reference: str, *, audit_read: bool = False) -> Request:
    """The request ``reference`` if the caller may see it (NotFound otherwise)."""
    return requests_uc.get_request(get_session(), reference, actor=g.api_user, now=now(),
                                   audit_read=audit_read)


def _detail(req: Request) -> dict[str, Any]:
    today = now().astimezone(schemas.LONDON).date()
    return schemas.request_detail(req, clock.deadline_state(req, today, _settings()))


def _created(body: dict[str, Any], location: str | None = None, status: int = 201) -> Response:
    """``body`` with ``status``, and a ``Location`` header when there is a resource to point at."""
    response = jsonify(body)
    response.status_code = status
    if location:
        response.headers["Location"] = location
    return response


@bp.get("/health")
def health() -> Response:
    """Readiness: 200 if the database answers and the storage is writable, else 503 naming the failure.

    Not audited: it reads no case data.
    """
    checks = [health_checks.check_database(get_session()), health_checks.check_storage(_settings().storage_dir)]
    ok = all(c.ok for c in checks)
    response = jsonify(status="ok" if ok else "unavailable", checks={c.name: c.detail for c in checks},
                       failed=[c.name for c in checks if not c.ok])
    response.status_code = 200 if ok else 503
    return response


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of this API."""
    return jsonify(openapi_document())


def _is_requester() -> bool:
    return g.api_user.role == Role.requester


@bp.get("/requests")
def list_requests() -> Response:
    """List the requests the caller may see, newest first, one page at a time.

    A requester gets their own requests in the requester list shape (``sar.intake.requester_view``).
    """
    page, per_page = schemas.page_args()
    session = get_session()
    if _is_requester():
        own = requester_view.requester_list(session, actor=g.api_user, page=page, per_page=per_page,
                                            status=request.args.get("status") or None)
        session.commit()  # the token's last use
        return jsonify(items=[i.as_dict() for i in own.items], page=own.page, per_page=own.per_page,
                       total=own.total)
    result = intake_queries.list_requests(session, g.api_user, page=page, per_page=per_page,
                                       status=request.args.get("status") or None)
    session.commit()  # the token's last use
    return jsonify(items=[requests_uc.as_brief(r) for r in result.items], page=result.page,
                   per_page=result.per_page, total=result.total)


@bp.post("/requests")
def create_request() -> Response:
    """Log a new request; it is triaged into one or more parts, each with its own clock."""
    current = now()
    fields = schemas.new_request_fields(schemas.json_body(), g.api_user, current)
    req = requests_uc.open_request(get_session(), actor=g.api_user, now=current, settings=_settings(),
                                   **fields)
    if _is_requester():
        out = requester_view.requester_view(get_session(), req.reference, actor=g.api_user, now=current,
                                            audit_read=False).as_dict()
    else:
        out = _detail(req)
    get_session().commit()
    return _created(out, url_for("api.get_request", reference=req.reference))


@bp.get("/requests/<reference>")
def get_request(reference: str) -> Response:
    """One request with its status, due date and the clock's explanation (an audited read).

    A requester gets the requester view of their own request (``sar.intake.requester_view``): never the
    parties, documents, redactions or staff notes.
    """
    if _is_requester():
        view = requester_view.requester_view(get_session(), reference, actor=g.api_user, now=now())
        get_session().commit()
        return jsonify(view.as_dict())
    req = _load(reference, audit_read=True)
    out = _detail(req)
    get_session().commit()
    return jsonify(out)


@bp.post("/requests/<reference>/events")
def add_clock_event(reference: str) -> Response:
    """Record a clock event (ID asked for or received, clarification, fee, extension)."""
    body = schemas.json_body()
    kind = schemas.text(body, "kind", required=True, max_len=40)
    on = schemas.date_field(body, "date", required=True)
    reason = schemas.text(body, "reason", max_len=5000) or ""
    req = _load(reference)
    event = clock.record_clock_event(get_session(), req, kind, on, actor=g.api_user, reason=reason,
                                     now=now(), settings=_settings())
    out = {"event": {"id": event.id, "kind": event.kind, "date": event.occurred_on.isoformat(),
                     "reason": event.reason}, "request": _detail(req)}
    get_session().commit()
    return _created(out)


@bp.post("/requests/<reference>/documents")
def upload_document(reference: str) -> Response:
    """Add a PDF to the request's bundle (multipart field ``file``; optional ``title``, the release title)."""
    upload = request.files.get("file")
    if upload is None:
        raise ValidationError("send the PDF as the multipart/form-data field 'file'")
    req = _load(reference)
    item = documents.add_document(get_session(), req, upload.read(), upload.filename or "document.pdf",
                                  actor=g.api_user, now=now(), settings=_settings(),
                                  title=request.form.get("title"))
    out = schemas.document_out(item)
    get_session().commit()
    return _created(out)


@bp.patch("/requests/<reference>/documents/<int:item_id>")
def retitle_document(reference: str, item_id: int) -> Response:
    """Set the title a document is released under (``{"title": "..."}``; blank or null: "Document N")."""
    body = schemas.json_body()
    if "title" not in body:
        raise ValidationError("'title' is required (a string, or null for the default 'Document N')")
    title = body["title"]
    if title is not None and not isinstance(title, str):
        raise ValidationError("'title' must be a string or null")
    req = _load(reference)
    item = documents.get_bundle_item(get_session(), req, item_id)
    documents.set_title(get_session(), item, title, actor=g.api_user, now=now())
    out = schemas.document_out(item)
    get_session().commit()
    return jsonify(out)


@bp.post("/requests/<reference>/redactions/propose")
def propose_redactions(reference: str) -> Response:
    """Start a background job that proposes redactions for every document in the bundle."""
    req = _load(reference)
    job = jobs.start_proposal_job(get_session(), req, actor=g.api_user, now=now(),
                                  stale=jobs.stale_after(_settings()))
    get_session().commit()
    _run_in_background(job.id)
    url = url_for("api.get_job", job_id=job.id)
    return _created({"job": schemas.job_out(job, url)}, url, status=202)


@bp.get("/jobs/<int:job_id>")
def get_job(job_id: int) -> Response:
    """Poll a background job: status, progress and, when done, its result."""
    job = bundle_queries.get_job(get_session(), job_id, actor=g.api_user)
    out = schemas.job_out(job, url_for("api.get_job", job_id=job.id))
    get_session().commit()
    return jsonify(out)


@bp.get("/requests/<reference>/redactions")
def list_redactions(reference: str) -> Response:
    """The request's redactions (proposed, accepted, rejected), optionally filtered by status."""
    req = _load(reference)
    status = request.args.get("status") or None
    if status not in (None, "proposed", "accepted", "rejected"):
        raise ValidationError("'status' must be proposed, accepted or rejected")
    session = get_session()
    out = [schemas.redaction_out(row) for row in
           bundle_queries.list_redactions(session, req, actor=g.api_user, status=status)]
    session.commit()
    return jsonify(items=out, total=len(out))


@bp.patch("/redactions/<int:redaction_id>")
def decide_redaction(redaction_id: int) -> Response:
    """Accept or reject one redaction (rejecting needs a reason)."""
    body = schemas.json_body()
    status = schemas.text(body, "status", required=True, max_len=20)
    if status not in ("accepted", "rejected"):
        raise ValidationError("'status' must be 'accepted' or 'rejected'")
    reason = schemas.text(body, "reason", max_len=5000)  # required to reject: sar.bundle.redactions checks
    session = get_session()
    redaction = bundle_queries.get_redaction(session, redaction_id, actor=g.api_user)
    redactions.decide_redaction(session, redaction, status, reason=reason,
                                code=schemas.text(body, "code", max_len=40), actor=g.api_user, now=now())
    out = schemas.redaction_out(bundle_queries.redaction_rows(session, [redaction])[0])
    session.commit()
    return jsonify(out)


@bp.post("/requests/<reference>/status")
def change_status(reference: str):
    """Move the request by hand (officers and managers) to a status the table allows by hand.

    Approved and released are never reachable here: they are reached only by approve and release.
    """
    body = schemas.json_body()
    to = schemas.text(body, "to", required=True, max_len=40)
    reason = schemas.text(body, "reason", max_len=2000) or ""
    req = _load(reference)
    manual.set_status_by_hand(get_session(), req, to, actor=g.api_user, reason=reason, now=now())
    out = _detail(req)
    get_session().commit()
    return jsonify(out)


@bp.post("/requests/<reference>/submit")
def submit(reference: str) -> Response:
    """Build the response pack and submit it, by its hash, for a manager's approval."""
    body = schemas.json_body() if request.data else {}
    req = _load(reference)
    approval = approvals.submit_for_approval(get_session(), req, actor=g.api_user, now=now(),
                                             settings=_settings(), note=schemas.text(body, "note") or "")
    out = {"status": req.status, "pack_sha256": approval.pack_sha256, "approval_id": approval.id}
    get_session().commit()
    return _created(out)


@bp.post("/requests/<reference>/approve")
def approve(reference: str) -> Response:
    """Approve the exact pack named by ``pack_sha256`` (a manager who did not submit it)."""
    body = schemas.json_body()
    sha = schemas.text(body, "pack_sha256", required=True, max_len=64)
    req = _load(reference)
    approval = approvals.approve(get_session(), req, pack_sha256=sha, actor=g.api_user, now=now(),
                                 comments=schemas.text(body, "comments") or "")
    out = {"status": req.status, "pack_sha256": approval.pack_sha256, "approval_id": approval.id}
    get_session().commit()
    return jsonify(out)


@bp.post("/requests/<reference>/release")
def release(reference: str) -> Response:
    """Release the approved pack to the requester."""
    req = _load(reference)
    approvals.release(get_session(), req, actor=g.api_user, now=now(), settings=_settings())
    out = _detail(req)
    get_session().commit()
    return jsonify(out)


@bp.get("/requests/<reference>/pack")
def download_pack(reference: str) -> Response:
    """Download the response pack zip (staff once approved; the requester once released)."""
    req = _load(reference)
    filename, data = approvals.pack_for_download(get_session(), req, actor=g.api_user, now=now(),
                                                 settings=_settings())
    get_session().commit()
    response = Response(data, mimetype="application/zip")
    response.headers["Content-Disposition"] = f'attachment; filename="{_safe_filename(filename)}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _safe_filename(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name) or "pack.zip"


def _run_in_background(job_id: int) -> None:
    """Run the job in a thread with its own session (the worker process also sweeps queued jobs)."""
    factory, settings = session_factory(), _settings()
    thread = threading.Thread(target=_run_job, args=(factory, job_id, settings), name=f"sar-job-{job_id}",
                              daemon=True)
    threads = current_app.extensions.setdefault("sar_api_threads", [])
    threads[:] = [t for t in threads if t.is_alive()]  # kept so tests and shutdown can join them
    threads.append(thread)
    thread.start()


def _run_job(factory: Any, job_id: int, settings: Settings) -> None:
    try:
        jobs.run_job(factory, job_id, settings=settings, now_fn=now)
    except Exception:  # the job row records the failure; a thread must not die noisily
        log.exception("background job %s failed", job_id)
