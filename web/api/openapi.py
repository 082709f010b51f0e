"""The OpenAPI 3.1 description of the JSON API, served at ``GET /api/openapi.json``.

Written by hand next to the routes; ``tests/web/test_api_errors.py`` checks that every route of
the blueprint is described here, so the two cannot drift apart silently.
"""

from __future__ import annotations

from typing import Any

from deadlines import REGIMES
from sar.workflow.status import RequestStatus
from triage import REQUESTER_TYPES
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
                "parties": {"type": "array", "items": {"type": "object", "properties": {
                    "role": {"type": "string"}, "name": {"type": "string"}}}},
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
            "Add a PDF to the bundle (staff). Voids a standing approval.",
            {"201": _json(_ref("Document"), "Stored.")}, params=ref,
            body={"multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                "file": {"type": "string", "format": "binary", "contentMediaType": "application/pdf"},
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
                           "schema": {"type": "string", "enum": ["proposed", "accepted", "rejected"]}}])},
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
            "Build the response pack and submit it for approval (officer or manager). Body optional.",
            {"201": _json(_ref("Approval"), "Submitted; approve this `pack_sha256`.")}, params=ref,
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
            "schemas": SCHEMAS,
        },
        "paths": paths,
    }
