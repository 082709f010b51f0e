"""The OpenAPI 3.1 description of the JSON API, served at ``GET /api/openapi.json``.

Written by hand next to the routes; ``tests/web/test_api_errors.py`` checks that every route of
the blueprint is described here, so the two cannot drift apart silently.
"""

from __future__ import annotations

from typing import Any

from deadlines import REGIMES
from sar.workflow.status import RequestStatus
from triage import REQUESTER_TYPES
from web.api import openapi_cast, openapi_outcomes, openapi_voice
from web.api.confidentiality_openapi import confidentiality_paths


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


_DATE = {"type": "string", "format": "date", "examples": ["2026-03-02"]}
_REF_PARAM = {"name": "reference", "in": "path", "required": True, "schema": {"type": "string"},
              "description": "The request's reference, e.g. SAR-2026-0007 (case-insensitive)."}
_STATUS_ENUM = [s.value for s in RequestStatus]

_ERRORS = {
    "400": _error("Bad input: malformed JSON, a missing or invalid field, an unknown regime or event kind."),
    "401": {**_error("No token, or the token is unknown, revoked or belongs to a disabled account."),
            "headers": {"WWW-Authenticate": {"schema": {"type": "string"}, "description": "Bearer"}}},
    "403": _error("Your role does not allow this (e.g. a requester recording a clock event)."),
    "404": _error("No such request, or not yours: a requester never learns that another's request exists."),
}
_CONFLICT = {"409": _error("The request's state does not allow this now.")}

SCHEMAS: dict[str, Any] = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
    "PersonIn": {
        "type": "object",
        "properties": {
            "name": {"type": "string", "maxLength": 200},
            "email": {"type": "string", "format": "email"},
            "dob": _DATE,
            "type": {"type": "string", "enum": list(REQUESTER_TYPES),
                     "description": "Who is asking; triage uses it (e.g. a solicitor needs authority)."},
        },
    },
    "NewRequest": {
        "type": "object",
        "required": ["description"],
        "properties": {
            "description": {"type": "string", "description": "The request in the requester's words; triage "
                                                             "reads it to decide the regime(s)."},
            "requester": {**_ref("PersonIn"), "description": "Required for staff tokens (name at least). For "
                          "a requester token, name and e-mail come from the account; only `type` is read."},
            "subject": {**_ref("PersonIn"), "description": "The person the information is about, if not the "
                                                          "requester (name, dob)."},
            "received": {**_DATE, "description": "Staff only: the calendar day (Europe/London) the request "
                         "arrived; stored as 12:00 London time that day (or now, for today). Default today. "
                         "Never in the future. A requester token may omit it or send today."},
            "channel": {"type": "string", "enum": ["portal", "email", "letter", "phone", "in_person", "api",
                                                   "social_media"],
                        "description": "Staff only (default email). Always `api` for a requester token."},
            "regime": {"type": "string", "enum": list(REGIMES),
                       "description": "Staff only: force the regime instead of the triage's decision."},
        },
    },
    "RequestBrief": {
        "type": "object",
        "properties": {
            "reference": {"type": "string"}, "regime": {"type": "string", "enum": list(REGIMES)},
            "status": {"type": "string", "enum": _STATUS_ENUM}, "received": _DATE,
            "due": {"oneOf": [_DATE, {"type": "null"}]},
        },
    },
    "Request": {
        "allOf": [_ref("RequestBrief"), {
            "type": "object",
            "properties": {
                "explanation": {"type": "array", "items": {"type": "string"},
                                "description": "How the clock reached the due date, step by step."},
                "secondary": {"type": "object", "description": "Other dates the clock derived (e.g. the "
                                                               "outer limit of an extension)."},
                "deadline_state": {"type": "string",
                                   "enum": ["on_track", "due_soon", "overdue", "stopped", "done"]},
                "channel": {"type": "string"},
                "description": {"type": "string"},
                "parts": {"type": "array", "items": _ref("RequestBrief"),
                          "description": "Every part of the same incoming request (a mixed request is split "
                                         "into one part per regime, each with its own reference and clock), "
                                         "this one included."},
                "parties": {"type": "array", "items": _ref("Party")},
            },
        }],
    },
    "RequestList": {
        "type": "object",
        "properties": {"items": {"type": "array", "items": {"oneOf": [_ref("RequestBrief"),
                                                                       _ref("RequesterListItem")]},
                                 "description": "RequestBrief for staff; RequesterListItem for a requester."},
                       "page": {"type": "integer"},
                       "per_page": {"type": "integer"}, "total": {"type": "integer"}},
    },
    "RequesterListItem": {
        "type": "object", "additionalProperties": False,
        "description": "One of a requester's own requests, as a requester token lists it.",
        "properties": {
            "reference": {"type": "string"}, "regime": {"type": "string", "enum": list(REGIMES)},
            "status": {"type": "string", "enum": _STATUS_ENUM}, "received": _DATE,
            "due": {"oneOf": [_DATE, {"type": "null"}]},
            "clock_stopped": {"type": "boolean", "description": "No due date while we wait for the requester."},
        },
    },
    "RequesterView": {
        "type": "object", "additionalProperties": False,
        "description": "A requester's own request as a requester token sees it: an allow-list"
                       " (sar.intake.requester_view). Never the parties, documents, redactions or staff notes.",
        "properties": {
            "reference": {"type": "string"}, "regime": {"type": "string", "enum": list(REGIMES)},
            "status": {"type": "string", "enum": _STATUS_ENUM}, "received": _DATE,
            "due": {"oneOf": [_DATE, {"type": "null"}]}, "clock_stopped": {"type": "boolean"},
            "description": {"type": "string", "description": "The request as the requester wrote it."},
            "released": {"oneOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]},
            "pack_released": {"type": "boolean", "description": "The pack can be downloaded (GET .../pack)."},
            "parts": {"type": "array", "items": {"type": "string"},
                      "description": "References of the other parts of the same request."},
            "letters": {"type": "array", "items": {"type": "object", "properties": {
                "subject": {"type": "string"}, "sent_at": {"type": "string", "format": "date-time"},
                "body": {"type": "string"}}}, "description": "E-mails sent to the requester about it."},
            "history": {"type": "array", "items": {"type": "object", "properties": {
                "status": {"type": "string"}, "at": {"type": "string", "format": "date-time"}}}},
        },
    },
    "ClockEventIn": {
        "type": "object", "required": ["kind", "date"],
        "properties": {
            "kind": {"type": "string", "examples": ["id_requested", "id_received", "clarification_requested",
                                                    "clarification_received", "fee_notice", "fee_paid",
                                                    "extended"]},
            "date": {**_DATE, "description": "The day it happened (not the day it is typed in); not in the "
                                             "future."},
            "reason": {"type": "string"},
        },
    },
    "ClockEventResult": {
        "type": "object",
        "properties": {
            "event": {"type": "object", "properties": {"id": {"type": "integer"}, "kind": {"type": "string"},
                                                       "date": _DATE, "reason": {"type": "string"}}},
            "request": _ref("Request"),
        },
    },
    "Document": {
        "type": "object",
        "properties": {"id": {"type": "integer", "description": "The document's place in this bundle."},
                       "filename": {"type": "string", "description": "As uploaded; never released."},
                       "title": {"type": ["string", "null"], "description": "The title the document is released "
                                 "under in the letter and schedule; null: \"Document N\"."},
                       "page_count": {"type": "integer"},
                       "sha256": {"type": "string"}, "size_bytes": {"type": "integer"}},
    },
    "Job": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"}, "kind": {"type": "string"},
            "status": {"type": "string", "enum": ["queued", "running", "done", "failed"]},
            "url": {"type": "string", "description": "Poll this."},
            "progress": {"type": "object", "properties": {"done": {"type": "integer"},
                                                          "total": {"type": "integer"}}},
            "message": {"type": "string"},
            "result": {"oneOf": [{"type": "object"}, {"type": "null"}]},
        },
    },
    "Redaction": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "document": {"type": "object", "properties": {"id": {"type": "integer"},
                                                          "filename": {"type": "string"}}},
            "page": {"type": "integer", "description": "0-based page number."},
            "text": {"type": "string"}, "entity_type": {"type": "string"},
            "code": {"type": "string", "description": "Exemption code printed in the redaction box."},
            "reason": {"type": "string"}, "score": {"type": ["number", "null"]},
            "recognizer": {"type": ["string", "null"]},
            "source": {"type": "string", "enum": ["engine", "manual", "bulk"]},
            "status": {"type": "string", "enum": ["proposed", "accepted", "rejected"]},
            "decision_reason": {"type": ["string", "null"]},
            "flagged_for_manager": {"type": "boolean", "description": "The code rests on a professional "
                                    "judgement (serious harm, adoption ...): approving the pack confirms it."},
            "boxes": {"type": "array", "items": {"type": "array", "items": {"type": "number"},
                                                 "minItems": 4, "maxItems": 4},
                      "description": "[x0, y0, x1, y1] in PDF points of the unrotated page."},
        },
    },
    "RedactionList": {"type": "object", "properties": {"items": {"type": "array", "items": _ref("Redaction")},
                                                       "total": {"type": "integer"}}},
    "RedactionDecision": {
        "type": "object", "required": ["status"],
        "properties": {"status": {"type": "string", "enum": ["accepted", "rejected"]},
                       "reason": {"type": "string", "description": "Required when rejecting."},
                       "code": {"type": "string", "description": "Change the exemption code on accepting."}},
    },
    "Approval": {
        "type": "object",
        "properties": {"status": {"type": "string", "enum": _STATUS_ENUM}, "pack_sha256": {"type": "string"},
                       "approval_id": {"type": "integer"}},
    },
}


_SEARCH_IN = {"type": "object", "required": ["place", "result"], "properties": {
    "place": {"type": "string", "enum": ["case_management", "email", "shared_drive", "paper_files", "other_team",
                                         "other"]},
    "place_detail": {"type": "string", "maxLength": 200}, "terms": {"type": "string"},
    "date_from": _DATE, "date_to": _DATE, "searched_on": _DATE, "searched_by_id": {"type": "integer"},
    "result": {"type": "string", "enum": ["found", "none_found"]}, "found_count": {"type": "integer", "minimum": 0},
    "notes": {"type": "string"}}}
_SEARCH = {"type": "object", "properties": {**_SEARCH_IN["properties"], "id": {"type": "integer"},
                                            "recorded_at": {"type": "string", "format": "date-time"}}}
_RECORD_CALL_IN = {"type": "object", "required": ["team", "what", "due_on"], "properties": {
    "team": {"type": "string", "maxLength": 200}, "what": {"type": "string"}, "due_on": _DATE,
    "contact_email": {"type": "string", "format": "email"}}}
_RECORD_CALL = {"type": "object", "properties": {
    **_RECORD_CALL_IN["properties"], "id": {"type": "integer"},
    "status": {"type": "string", "enum": ["open", "answered", "withdrawn"]}, "overdue": {"type": "boolean"},
    "chase_count": {"type": "integer"}, "answer_note": {"type": "string"}}}


def _op(summary: str, responses: dict[str, Any], *, body: dict[str, Any] | None = None,
        params: list[dict[str, Any]] | None = None, public: bool = False,
        extra: dict[str, Any] | None = None) -> dict[str, Any]:
    op: dict[str, Any] = {"summary": summary, "responses": {**responses}}
    if params:
        op["parameters"] = params
    if body is not None:
        op["requestBody"] = {"required": True, "content": body}
    if public:
        op["security"] = []
    else:
        op["responses"].update(_ERRORS)
    op["responses"].update(extra or {})
    return op


def _body(name: str) -> dict[str, Any]:
    return {"application/json": {"schema": _ref(name)}}


_HEALTH = {"type": "object", "properties": {
    "status": {"enum": ["ok", "unavailable"]},
    "checks": {"type": "object", "properties": {"database": {"type": "string"}, "storage": {"type": "string"}}},
    "failed": {"type": "array", "items": {"enum": ["database", "storage"]}}}}


_AUDIT_EVENT = {"type": "object", "properties": {
    "seq": {"type": "integer"}, "at": {"type": "string", "format": "date-time"},
    "actor_id": {"type": ["integer", "null"]}, "actor": {"type": "string"}, "action": {"type": "string"},
    "request": {"type": ["string", "null"]}, "target": {"type": "string"}, "detail": {"type": "object"},
    "client_ip": {"type": "string"}, "user_agent": {"type": "string"},
    "key_id": {"type": ["string", "null"], "description": "Signing key id; null for rows from before keying."}}}
_AUDIT_PAGE = {"type": "object", "properties": {
    "items": {"type": "array", "items": _AUDIT_EVENT}, "page": {"type": "integer"},
    "per_page": {"type": "integer"}, "total": {"type": "integer"}}}
_AUDIT_PARAMS = [
    {"name": "person", "in": "query", "schema": {"type": "string"}, "description": "Name or e-mail (part of)."},
    {"name": "request", "in": "query", "schema": {"type": "string"}, "description": "A request reference."},
    {"name": "action", "in": "query", "schema": {"type": "string"},
     "description": "An action (`request.view`) or a prefix of one (`request`)."},
    {"name": "from", "in": "query", "schema": _DATE, "description": "First London day, inclusive."},
    {"name": "to", "in": "query", "schema": _DATE, "description": "Last London day, inclusive."},
    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
    {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}},
]


def openapi_document() -> dict[str, Any]:
    """Return the OpenAPI 3.1 document (a plain dict, ready for ``jsonify``)."""
    ref = [_REF_PARAM]
    paths = {
        "/api/health": {"get": _op("Readiness: the database answers a query and the storage directory is writable.",
                                   {"200": _json(_HEALTH, "Every check passed."),
                                    "503": _json(_HEALTH, "A check failed; `failed` names which.")},
                                   public=True)},
        "/api/openapi.json": {"get": _op("This document.", {"200": _json({"type": "object"}, "OpenAPI 3.1.")},
                                         public=True)},
        "/api/requests": {
            "get": _op("List the requests you may see (staff: all; requester: your own), newest first.",
                       {"200": _json(_ref("RequestList"), "One page.")},
                       params=[{"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                               {"name": "per_page", "in": "query",
                                "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}},
                               {"name": "status", "in": "query", "schema": {"type": "string",
                                                                             "enum": _STATUS_ENUM}}]),
            "post": _op("Log a new request; it is triaged into one part per regime, each with its own clock. "
                        "A requester token is answered with the RequesterView.",
                        {"201": {**_json({"oneOf": [_ref("Request"), _ref("RequesterView")]},
                                         "Created; the first part (all under `parts`)."),
                                 "headers": {"Location": {"schema": {"type": "string"}}}}},
                        body=_body("NewRequest")),
        },
        "/api/requests/{reference}": {"get": _op(
            "One request: status, due date and the clock's explanation. Audited read. A requester token gets "
            "the RequesterView of its own request (an allow-list: no parties, documents or staff notes).",
            {"200": _json({"oneOf": [_ref("Request"), _ref("RequesterView")]}, "The request.")}, params=ref)},
        "/api/requests/{reference}/events": {"post": _op(
            "Record a clock event (staff); the due date is recomputed and the status follows.",
            {"201": _json(_ref("ClockEventResult"), "Recorded; the request with its new due date.")},
            params=ref, body=_body("ClockEventIn"), extra=_CONFLICT)},
        "/api/requests/{reference}/documents": {"post": _op(
            "Add a document to the bundle (staff). Voids a standing approval. A PDF is stored at once; Word "
            "(.docx, .doc), OpenDocument, RTF, e-mail (.eml, .msg: each attachment becomes a document linked "
            "to it), images (JPEG, PNG, TIFF, HEIC), spreadsheets (.xlsx, .csv) and zips of these are "
            "converted to PDF by a background job (the original is kept unchanged); its result lists what was "
            "added and each file that could not be, with the reason.",
            {"201": _json(_ref("Document"), "Stored (a PDF)."),
             "202": _json({"type": "object", "properties": {"job": _ref("Job")}},
                          "Queued for conversion; poll the job (Location).")}, params=ref,
            body={"multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                "file": {"type": "string", "format": "binary"},
                "purpose": {"type": "string", "enum": ["case_record", "identity_evidence", "authority_evidence",
                                                       "request_letter"], "default": "case_record"},
                "title": {"type": "string", "maxLength": 200,
                          "description": "The title it is released under (default \"Document N\")."}}}}},
            extra={**_CONFLICT, "413": _error("The upload is larger than the server accepts.")})},
        "/api/requests/{reference}/documents/{item_id}": {"patch": _op(
            "Set the title a document is released under (staff); null or blank: \"Document N\". The uploaded "
            "file name is never released. Voids a standing approval.",
            {"200": _json(_ref("Document"), "Retitled.")},
            params=[*ref, {"name": "item_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            body={"application/json": {"schema": {"type": "object", "required": ["title"], "properties": {
                "title": {"type": ["string", "null"], "maxLength": 200}}}}}, extra=_CONFLICT)},
        "/api/requests/{reference}/searches": {
            "get": _op("The search log (staff): where the records were searched for, and what was found "
                       "(rulebook G-6).", {"200": _json({"type": "object", "properties": {"searches": {
                           "type": "array", "items": _SEARCH}}}, "The log, oldest first.")}, params=ref),
            "post": _op("Log one search (staff); append-only.",
                        {"201": _json({"type": "object", "properties": {"search": _SEARCH}}, "Logged.")},
                        params=ref, body={"application/json": {"schema": _SEARCH_IN}})},
        "/api/requests/{reference}/record-calls": {
            "get": _op("Calls for records to other teams (staff), with whether each is overdue.",
                       {"200": _json({"type": "object", "properties": {"record_calls": {
                           "type": "array", "items": _RECORD_CALL}}}, "The calls.")}, params=ref),
            "post": _op("Ask another team for records (e-mailed, chased by the worker after due_on), or record "
                        "a team's answer ({answer, found_count, note}); the answer is logged in the search log.",
                        {"201": _json({"type": "object", "properties": {"record_call": _RECORD_CALL}}, "Asked."),
                         "200": _json({"type": "object", "properties": {"record_call": _RECORD_CALL}},
                                      "Answered.")},
                        params=ref, body={"application/json": {"schema": {"oneOf": [_RECORD_CALL_IN, {
                            "type": "object", "required": ["answer"], "properties": {
                                "answer": {"type": "integer"}, "found_count": {"type": "integer", "minimum": 0},
                                "note": {"type": "string"}}}]}}}, extra=_CONFLICT)},
        "/api/requests/{reference}/redactions/propose": {"post": _op(
            "Start a background job proposing redactions for every document in the bundle (staff).",
            {"202": {**_json({"type": "object", "properties": {"job": _ref("Job")}}, "Started; poll it."),
                     "headers": {"Location": {"schema": {"type": "string"}}}}},
            params=ref, extra=_CONFLICT)},
        "/api/jobs/{job_id}": {"get": _op(
            "Poll a background job.", {"200": _json(_ref("Job"), "The job.")},
            params=[{"name": "job_id", "in": "path", "required": True, "schema": {"type": "integer"}}])},
        "/api/requests/{reference}/redactions": {"get": _op(
            "The request's redactions (staff).", {"200": _json(_ref("RedactionList"), "Redactions.")},
            params=[*ref, {"name": "status", "in": "query",
                           "schema": {"type": "string", "enum": ["proposed", "accepted", "rejected"]}},
                    {"name": "quote", "in": "query", "schema": {"type": "string", "enum": ["keep", "replace", "mask"]},
                     "description": "How `text` quotes withheld text: keep (reviewers, the default), replace "
                                    "([redacted: CODE]) or mask, for an export read by anyone else."}])},
        "/api/redactions/{redaction_id}": {"patch": _op(
            "Accept or reject a redaction (staff); rejecting needs a reason. Voids a standing approval.",
            {"200": _json(_ref("Redaction"), "Decided.")},
            params=[{"name": "redaction_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            body=_body("RedactionDecision"), extra=_CONFLICT)},
        "/api/requests/{reference}/status": {"post": _op(
            "Move the request by hand (officer or manager) to a status the transition table allows by hand. "
            "Awaiting approval, approved and released are never reachable here: only submit, approve and "
            "release reach them.",
            {"200": _json(_ref("Request"), "Moved.")}, params=ref,
            body={"application/json": {"schema": {
                "type": "object", "required": ["to", "reason"],
                "properties": {"to": {"type": "string", "enum": _STATUS_ENUM}, "reason": {"type": "string"}}}}},
            extra={"409": _error("Not a move that can be made by hand from the current status.")})},
        "/api/requests/{reference}/submit": {"post": _op(
            "Start a background job that builds the response pack and submits it for approval (officer or "
            "manager). Body optional. When the job is done its `result` holds `approval_id`, `pack_sha256` "
            "(approve this) and `status`.",
            {"202": {**_json({"type": "object", "properties": {"job": _ref("Job")}}, "Started; poll it."),
                     "headers": {"Location": {"schema": {"type": "string"}}}}}, params=ref,
            body={"application/json": {"schema": {"type": "object",
                                                  "properties": {"note": {"type": "string"}}}}},
            extra={"409": _error("Undecided proposals, no documents, failed leak check, not in progress or "
                                 "review, or the requester's identity or a representative's authority not "
                                 "verified (the message lists what is missing).")})},
        "/api/requests/{reference}/approve": {"post": _op(
            "Approve the exact pack (a manager who neither submitted nor prepared it).",
            {"200": _json(_ref("Approval"), "Approved.")}, params=ref,
            body={"application/json": {"schema": {
                "type": "object", "required": ["pack_sha256"],
                "properties": {"pack_sha256": {"type": "string"}, "comments": {"type": "string"}}}}},
            extra={"409": _error("Not awaiting approval, or `pack_sha256` is not the current pack's.")})},
        "/api/requests/{reference}/release": {"post": _op(
            "Release the approved pack to the requester (staff); they are e-mailed a download link.",
            {"200": _json(_ref("Request"), "Released.")}, params=ref, extra=_CONFLICT)},
        "/api/requests/{reference}/pack": {"get": _op(
            "Download the response pack zip. Audited.",
            {"200": {"description": "The zip (cover letter, redaction schedule, redacted bundle).",
                     "content": {"application/zip": {"schema": {"type": "string",
                                                                "contentMediaType": "application/zip"}}},
                     "headers": {"Content-Disposition": {"schema": {"type": "string"}}}}},
            params=ref,
            extra={"409": _error("No pack built yet (staff), or not released yet (requester).")})},
        # Issue 18: reports (managers and admins) and what they are built on (staff).
        "/api/reports/{name}": {"get": _op(
            "A report (timeliness, outcomes, workload) as JSON, or CSV with `Accept: text/csv`. Managers and "
            "admins; audited.",
            {"200": {"description": "The report: its filter and tables (columns and rows).",
                     "content": {"application/json": {"schema": {"type": "object"}},
                                 "text/csv": {"schema": {"type": "string"}}}}},
            params=[{"name": "name", "in": "path", "required": True,
                     "schema": {"enum": ["timeliness", "outcomes", "workload"]}},
                    {"name": "from", "in": "query", "required": True, "schema": {"type": "string", "format": "date"}},
                    {"name": "to", "in": "query", "required": True, "schema": {"type": "string", "format": "date"}},
                    {"name": "regime", "in": "query", "schema": {"type": "string"},
                     "description": "Comma-separated regimes."},
                    {"name": "team", "in": "query", "schema": {"type": "string"}}])},
        "/api/requests/{reference}/closure": {"put": _op(
            "Record how a finished request ended (staff): outcome full, part, refused, not_held, ncnd, withdrawn "
            "or lapsed, and any codes cited without a redaction.",
            {"200": _json({"type": "object"}, "Recorded.")}, params=ref,
            body={"application/json": {"schema": {
                "type": "object", "required": ["outcome"],
                "properties": {"outcome": {"type": "string"}, "codes": {"type": "array", "items": {"type": "string"}},
                               "note": {"type": "string"}}}}})},
        "/api/requests/{reference}/complaints": {"post": _op(
            "Open an internal review or ICO complaint about how the request was answered (staff).",
            {"201": _json({"type": "object"}, "Opened.")}, params=ref,
            body={"application/json": {"schema": {
                "type": "object", "required": ["kind", "opened_on"],
                "properties": {"kind": {"enum": ["internal_review", "ico_complaint"]},
                               "opened_on": {"type": "string", "format": "date"}}}}})},
        "/api/complaints/{case_id}/outcome": {"post": _op(
            "Record the outcome of an internal review or ICO complaint (staff); decided once.",
            {"200": _json({"type": "object"}, "Decided.")},
            params=[{"name": "case_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            body={"application/json": {"schema": {
                "type": "object", "required": ["outcome", "closed_on"],
                "properties": {"outcome": {"enum": ["upheld", "partly_upheld", "not_upheld", "withdrawn"]},
                               "closed_on": {"type": "string", "format": "date"}}}}},
            extra=_CONFLICT)},
        "/api/audit": {"get": _op(
            "The audit log (managers and admins), newest first; every matching event as CSV with "
            "`Accept: text/csv`. The search or export is itself audited.",
            {"200": {"description": "A page of events (JSON), or all matching events (CSV).",
                     "content": {"application/json": {"schema": _AUDIT_PAGE},
                                 "text/csv": {"schema": {"type": "string"}}}}},
            params=_AUDIT_PARAMS)},
    }
    for path, ops in confidentiality_paths(_op, _json, _REF_PARAM).items():  # issue 14
        paths.setdefault(path, {}).update(ops)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "SAR Desk API",
            "version": "1",
            "description": "Information-rights requests (FOI, EIR, subject access and other data rights) "
                           "from arrival to release. Every error is JSON `{\"error\": \"...\"}`. "
                           "See docs/api.md.",
        },
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "A token from `sar user token EMAIL`."}},
            "schemas": {**SCHEMAS, **openapi_outcomes.SCHEMAS, **openapi_cast.SCHEMAS, **openapi_voice.SCHEMAS},
        },
        "paths": {**paths, **openapi_outcomes.paths(_op, _json, _ref, _error, _REF_PARAM),
                  **openapi_cast.paths(_op, _json, _ref, _error, _REF_PARAM),
                  **openapi_voice.paths(_op, _json, _ref, _error, _REF_PARAM)},
    }
