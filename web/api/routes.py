"""JSON API views. Each parses its input, calls one ``sar`` use case, commits and answers.

Errors are raised, never returned: :mod:`web.api` maps them to ``{"error": ...}`` responses and
rolls the session back. Reference: docs/api.md and ``GET /api/openapi.json``.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from flask import Response, current_app, g, jsonify, request, url_for

from redaction.anonymise import OPERATORS
from sar.bundle import conversion, documents, jobs, redactions
from sar.bundle import queries as bundle_queries
from sar.core import audit, audit_search
from sar.core import health as health_checks
from sar.core.errors import ValidationError
from sar.core.settings import Settings
from sar.intake import clock, record_calls, requester_view
from sar.intake import queries as intake_queries
from sar.intake import requests as requests_uc
from sar.models import Request, Role
from sar.release import approvals
from sar.searching import searches
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
    # The list names data subjects and requesters: an audited read, like the dashboard's searches.
    audit.record(session, "request.list", actor=g.api_user, now=now(),
                 detail={"page": result.page, "status": request.args.get("status") or "all",
                         "references": [r.reference for r in result.items]})
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
    """Add a document to the request's bundle (multipart field ``file``; optional ``title`` and ``purpose``).

    A PDF is added at once (201, the document). Word, OpenDocument, RTF, e-mail (.eml, .msg), images,
    spreadsheets and zips of these are converted by a background job (202, the job to poll; its
    result lists the documents added and the files that could not be, with the reason).
    """
    upload = request.files.get("file")
    if upload is None:
        raise ValidationError("send the file as the multipart/form-data field 'file'")
    req = _load(reference)
    received = conversion.receive_upload(get_session(), req, upload.read(), upload.filename or "document",
                                         actor=g.api_user, now=now(), settings=_settings(),
                                         purpose=request.form.get("purpose") or "case_record",
                                         title=request.form.get("title"))
    if received.item is not None:
        out = schemas.document_out(received.item)
        get_session().commit()
        return _created(out)
    get_session().commit()
    _run_in_background(received.job.id)
    url = url_for("api.get_job", job_id=received.job.id)
    return _created({"job": schemas.job_out(received.job, url)}, url, status=202)


@bp.get("/requests/<reference>/searches")
def list_searches(reference: str) -> Response:
    """The request's search log (staff): where records were looked for, and what was found (rulebook G-6)."""
    req = _load(reference, audit_read=True)
    return jsonify({"searches": [searches.search_out(s) for s in
                                 searches.list_searches(get_session(), req, actor=g.api_user)]})


@bp.post("/requests/<reference>/searches")
def record_search(reference: str) -> Response:
    """Log one search of a system or place (staff); append-only."""
    body = schemas.json_body()
    count = body.get("found_count")
    if count is not None and (not isinstance(count, int) or isinstance(count, bool)):
        raise ValidationError("'found_count' must be a whole number")
    searched_by = body.get("searched_by_id")
    if searched_by is not None and (not isinstance(searched_by, int) or isinstance(searched_by, bool)):
        raise ValidationError("'searched_by_id' must be a user id")
    req = _load(reference)
    row = searches.record_search(
        get_session(), req, actor=g.api_user, now=now(), place=schemas.text(body, "place", required=True),
        result=schemas.text(body, "result", required=True), place_detail=schemas.text(body, "place_detail") or "",
        terms=schemas.text(body, "terms") or "", notes=schemas.text(body, "notes") or "",
        date_from=body.get("date_from"), date_to=body.get("date_to"), searched_on=body.get("searched_on"),
        searched_by_id=searched_by, found_count=count)
    out = searches.search_out(row)
    get_session().commit()
    return _created({"search": out}, url_for("api.list_searches", reference=req.reference))


@bp.get("/requests/<reference>/record-calls")
def list_record_calls(reference: str) -> Response:
    """The request's calls for records to other teams (staff), with whether each is overdue."""
    req = _load(reference, audit_read=True)
    today = now().astimezone(schemas.LONDON).date()
    return jsonify({"record_calls": [record_calls.call_out(c, today) for c in
                                     record_calls.list_calls(get_session(), req, actor=g.api_user)]})


@bp.post("/requests/<reference>/record-calls")
def create_record_call(reference: str) -> Response:
    """Ask another team for records, or record a team's answer.

    A new call: ``team``, ``what``, ``due_on``, optional ``contact_email`` (e-mailed, and chased by the
    worker after ``due_on``). An answer: ``{"answer": id, "found_count": n, "note": ...}`` (upload the
    records themselves with POST .../documents).
    """
    body = schemas.json_body()
    req = _load(reference)
    if "answer" in body:
        call_id, count = body.get("answer"), body.get("found_count", 0)
        if not isinstance(call_id, int) or not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise ValidationError("'answer' must be a call id and 'found_count' a whole number")
        call = record_calls.answer_call(get_session(), req, call_id, found_count=count,
                                        note=schemas.text(body, "note") or "", actor=g.api_user, now=now())
        status = 200
    else:
        call = record_calls.create_call(
            get_session(), req, team=schemas.text(body, "team", required=True, max_len=200),
            what=schemas.text(body, "what", required=True), due_on=schemas.date_field(body, "due_on", required=True),
            contact_email=schemas.text(body, "contact_email", max_len=254) or "", actor=g.api_user, now=now(),
            settings=_settings())
        status = 201
    out = record_calls.call_out(call, now().astimezone(schemas.LONDON).date())
    get_session().commit()
    return _created({"record_call": out}, url_for("api.list_record_calls", reference=req.reference), status=status)


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
    """The request's redactions (proposed, accepted, rejected), optionally filtered by status.

    ``quote`` (``keep``, the default, ``replace`` or ``mask``) is how ``text`` quotes what is withheld:
    a reviewer's tool keeps it; an export for anyone else asks for ``replace`` or ``mask``.
    """
    req = _load(reference)
    status = request.args.get("status") or None
    if status not in (None, "proposed", "accepted", "rejected"):
        raise ValidationError("'status' must be proposed, accepted or rejected")
    quote_with = request.args.get("quote") or "keep"
    if quote_with not in OPERATORS:
        raise ValidationError(f"'quote' must be one of {', '.join(OPERATORS)}")
    session = get_session()
    out = [schemas.redaction_out(row, quote_with) for row in
           bundle_queries.list_redactions(session, req, actor=g.api_user, status=status)]
    # The listing quotes the withheld text itself: an audited read like opening the page.
    audit.record(session, "redaction.list", actor=g.api_user, now=now(), request_id=req.id, target=req.reference,
                 detail={"status": status or "all", "count": len(out), "quote": quote_with})
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
    """Queue a background job that builds the response pack and submits it, by its hash, for approval.

    The quick checks (role, state, entitlement, documents, undecided proposals) answer at once (403,
    409); the build itself, minutes for a large bundle, never runs inside the request: poll the job,
    whose ``result`` holds ``approval_id``, ``pack_sha256`` and the request's ``status`` when done.
    """
    body = schemas.json_body() if request.data else {}
    req = _load(reference)
    job = jobs.start_pack_job(get_session(), req, actor=g.api_user, now=now(), note=schemas.text(body, "note") or "",
                              stale=jobs.stale_after(_settings()))
    get_session().commit()
    _run_in_background(job.id)
    url = url_for("api.get_job", job_id=job.id)
    return _created({"job": schemas.job_out(job, url)}, url, status=202)


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


@bp.get("/audit")
def audit_events() -> Response:
    """The audit log for managers and admins, filtered by ``person``, ``request``, ``action``, ``from``, ``to``.

    JSON pages (``page``, ``per_page``) by default; every matching event as CSV with ``Accept: text/csv``.
    Each search and export is itself recorded in the log.
    """
    session = get_session()
    filters = audit_search.parse_filter(request.args)
    if request.accept_mimetypes.best_match(["application/json", "text/csv"]) == "text/csv":
        body = audit_search.export_csv(session, filters, actor=g.api_user, now=now())
        session.commit()
        response = Response(body, mimetype="text/csv")
        response.headers["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
        return response
    page_no, per_page = schemas.page_args()
    page = audit_search.search(session, filters, actor=g.api_user, now=now(), page=page_no, per_page=per_page)
    session.commit()
    return jsonify(items=[schemas.audit_event_out(row.event, row.reference) for row in page.rows],
                   page=page.page, per_page=page.per_page, total=page.total)


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
