"""OpenAPI paths of :mod:`web.api.outcome_routes` (outcomes, letters, messages, notes, withdraw, reopen)."""

from __future__ import annotations

from typing import Any

from sar.intake.linked_cases import LINK_KINDS
from sar.intake.stage_letters import STAGE_LETTERS
from sar.release.outcome_kinds import OUTCOME_KINDS

_STR = {"type": "string"}
_DATE = {"type": "string", "format": "date"}

SCHEMAS: dict[str, Any] = {
    "ExemptionIn": {
        "type": "object", "required": ["key", "reasoning"],
        "properties": {"key": {"type": "string", "examples": ["s.43(2)", "reg 12(5)(e)"]},
                       "reasoning": {"type": "string", "description": "Why it applies in this case."},
                       "public_interest": {"type": "string",
                                           "description": "Required for a qualified exemption (s.17(3))."}}},
    "OutcomeIn": {
        "type": "object", "required": ["kind"],
        "properties": {
            "kind": {"type": "string", "enum": sorted(OUTCOME_KINDS)},
            "exemptions": {"type": "array", "items": {"$ref": "#/components/schemas/ExemptionIn"}},
            "reasons": _STR, "advice": {"type": "string", "description": "s.16 advice (cost limit)."},
            "search": {"type": "object", "properties": {"systems": _STR, "terms": _STR, "date_range": _STR,
                                                        "result": _STR},
                       "description": "The search made (not held, no personal data)."},
            "detail": {"type": "object", "properties": {
                "transfer_to": _STR, "held_here": {"type": "boolean"}, "legal_basis": _STR,
                "public_interest": _STR, "statement": _STR,
                "recipients": {"type": "array", "items": _STR, "description": "Art 19 recipients."}}},
            "letter_text": {"type": "string", "description": "The officer's edited letter (default: rendered)."},
            "submit": {"type": "boolean", "description": "Also submit it for a manager's approval."},
            "note": _STR}},
    "Outcome": {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "kind": _STR, "label": _STR,
                       "status": {"enum": ["draft", "submitted", "issued", "superseded"]},
                       "held": {"enum": ["held", "part_held", "not_held", "not_applicable"]},
                       "exemptions": {"type": "array", "items": _STR}, "supplementary": {"type": "boolean"},
                       "issued_on": _DATE, "due_on": _DATE, "on_time": {"type": ["boolean", "null"]},
                       "days_late": {"type": ["integer", "null"]}, "letter_text": _STR,
                       "art19_outstanding": {"type": "array", "items": _STR}}},
    "LetterIn": {
        "type": "object", "required": ["kind"],
        "properties": {"kind": {"type": "string", "enum": sorted(STAGE_LETTERS)},
                       "fields": {"type": "object", "description": "question, what_we_need, amount, fee_basis, "
                                                                   "reasons, exemption, new_due, transfer_to"},
                       "send": {"type": "boolean", "description": "false (default): preview only."},
                       "text": {"type": "string", "description": "The officer's edited text."},
                       "dispatch": {"enum": ["email", "post"]}, "posted_on": _DATE}},
    "Letter": {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "kind": _STR, "subject": _STR, "text": _STR,
                       "edited": {"type": "boolean"}, "dispatch": {"enum": ["email", "post"]},
                       "posted_on": {"type": ["string", "null"], "format": "date"}, "sent_at": _STR,
                       "clock_event_id": {"type": ["integer", "null"]}, "outcome_id": {"type": ["integer", "null"]}}},
    "Link": {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "kind": _STR, "label": _STR, "original": _STR,
                       "linked_request": {"type": ["string", "null"]}, "received_on": _DATE,
                       "due_on": {"type": ["string", "null"], "format": "date"}, "external_reference": _STR}},
    "LinkIn": {
        "type": "object", "required": ["kind", "received", "description"],
        "properties": {"kind": {"enum": sorted(LINK_KINDS)}, "received": _DATE, "description": _STR,
                       "due_on": {**_DATE, "description": "The date the ICO or the officer set (ICO: required)."},
                       "external_reference": _STR}},
    "Message": {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "body": _STR, "item_ids": {"type": "array"},
                       "clock_event_ids": {"type": "array"}, "created_at": _STR}},
}


def paths(op, json, ref, error, ref_param) -> dict[str, Any]:
    """The paths, built with :mod:`web.api.openapi`'s helpers (passed in to avoid an import cycle)."""
    params = [ref_param]
    conflict = {"409": error("The request's state does not allow this now.")}

    def body(name: str) -> dict[str, Any]:
        return {"application/json": {"schema": ref(name)}}

    def reason_body(required: bool) -> dict[str, Any]:
        return {"application/json": {"schema": {"type": "object", "required": ["reason"] if required else [],
                                                "properties": {"reason": _STR}}}}

    return {
        "/api/requests/{reference}/outcome": {
            "post": op("Record the outcome with its grounds, exemptions and reasons (officer or manager); the "
                       "decision letter is rendered (or your edit kept). With `submit: true` it is also submitted "
                       "for a manager's approval (same four-eyes path as a pack).",
                       {"201": json({"type": "object", "properties": {"outcome": ref("Outcome"), "status": _STR,
                                                                      "pack_sha256": _STR}}, "Recorded.")},
                       params=params, body=body("OutcomeIn"), extra=conflict),
            "get": op("The closure records and the outcome being prepared (staff).",
                      {"200": json({"type": "object", "properties": {
                          "issued": {"type": "array", "items": ref("Outcome")}, "pending": ref("Outcome")}},
                          "Outcomes.")}, params=params)},
        "/api/requests/{reference}/letters": {
            "get": op("Every letter sent about the request, as sent (the requester sees their own).",
                      {"200": json({"type": "object", "properties": {"items": {"type": "array",
                                                                               "items": ref("Letter")}}},
                                   "Letters.")}, params=params),
            "post": op("Preview or send a stage letter (acknowledgement, ID or authority request, clarification, "
                       "fee notice, extension, reminder, transfer). Sending records its clock event.",
                       {"200": json({"type": "object", "properties": {"text": _STR, "subject": _STR}}, "Preview."),
                        "201": json({"type": "object", "properties": {"letter": ref("Letter"), "status": _STR,
                                                                      "due_on": _DATE}}, "Sent.")},
                       params=params, body=body("LetterIn"), extra=conflict)},
        "/api/requests/{reference}/messages": {
            "get": op("The requester's replies and what the council is waiting for.",
                      {"200": json({"type": "object", "properties": {"items": {"type": "array",
                                                                               "items": ref("Message")}}},
                                   "Replies.")}, params=params),
            "post": op("A requester's reply (JSON `body`, `accept_fee`; or multipart `body`, `files`, `evidence` "
                       "= identity | authority). Answers outstanding asks and restarts the clock as the rules say.",
                       {"201": json({"type": "object", "properties": {"message": ref("Message"), "status": _STR,
                                                                      "due_on": _DATE}}, "Recorded.")},
                       params=params,
                       body={"application/json": {"schema": {"type": "object", "properties": {
                           "body": _STR, "accept_fee": {"type": "boolean"}}}},
                           "multipart/form-data": {"schema": {"type": "object", "properties": {
                               "body": _STR, "evidence": {"enum": ["identity", "authority"]},
                               "files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}}},
                       extra=conflict)},
        "/api/requests/{reference}/withdraw": {"post": op(
            "Withdraw the request (the requester; staff give a reason). Leaves a closure record.",
            {"200": json({"type": "object", "properties": {"status": _STR, "closure": ref("Outcome")}},
                         "Withdrawn.")}, params=params, body=reason_body(False), extra=conflict)},
        "/api/requests/{reference}/notes": {
            "get": op("Internal case notes (staff only; never shown to the requester).",
                      {"200": json({"type": "object", "properties": {"items": {"type": "array",
                                                                               "items": ref("Message")}}},
                                   "Notes.")}, params=params),
            "post": op("Add an internal case note (staff only).", {"201": json(ref("Message"), "Added.")},
                       params=params, body={"application/json": {"schema": {
                           "type": "object", "required": ["body"], "properties": {"body": _STR}}}})},
        "/api/requests/{reference}/reopen": {"post": op(
            "Reopen a released, refused or closed request with a reason (for a supplementary release).",
            {"200": json({"type": "object", "properties": {"status": _STR}}, "Reopened.")},
            params=params, body=reason_body(True), extra=conflict)},
        "/api/requests/{reference}/links": {
            "get": op("Cases linked to or from the request.",
                      {"200": json({"type": "object", "properties": {"items": {"type": "array", "items": ref("Link")}}},
                                   "Links.")}, params=params),
            "post": op("Log a linked case (officer or manager): an internal review or EIR reconsideration opens a "
                       "request of its own with its own clock (F-8, E-6); a complaint or ICO case carries the "
                       "date set.",
                       {"201": json(ref("Link"), "Logged.")}, params=params, body=body("LinkIn"))},
        "/api/requests/{reference}/events/{event_id}": {"delete": op(
            "Withdraw a mistaken clock event or extension with a reason (kept and audited; due date recomputed).",
            {"200": json({"type": "object", "properties": {"due_on": _DATE}}, "Withdrawn.")},
            params=[*params, {"name": "event_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            body=reason_body(True), extra=conflict)},
    }
