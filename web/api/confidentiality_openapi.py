"""OpenAPI paths of the confidentiality API (issue 14), merged into the document by :mod:`web.api.openapi`.

The helpers are passed in (``op``, ``json``, the ``reference`` path parameter) so this module imports
nothing of the document it is merged into.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_OBJ = {"type": "object"}
_CONFLICT = "The request's state does not allow this now (e.g. the consultation is already settled)."


def _body(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {"application/json": {"schema": {"type": "object", "properties": properties, "required": required}}}


def confidentiality_paths(op: Callable[..., dict[str, Any]], json: Callable[[dict[str, Any], str], dict[str, Any]],
                          ref_param: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The paths, keyed like the main document's ``paths``."""
    ref = [ref_param]
    cid = {"name": "consultation_id", "in": "path", "required": True, "schema": {"type": "integer"}}
    mid = {"name": "mark_id", "in": "path", "required": True, "schema": {"type": "integer"}}
    text = {"type": "string"}
    ids = {"type": "array", "items": {"type": "integer"}}
    conflict = {"409": json({"$ref": "#/components/schemas/Error"}, _CONFLICT)}
    return {
        "/api/requests/{reference}": {"patch": op(
            "Set the request's team (a team id or null) and restricted_to (staff ids; empty lifts the restriction, "
            "with a reason). Managers who may see the request.",
            {"200": json(_OBJ, "The team and restricted_to now.")}, params=ref,
            body=_body({"team": {"type": ["integer", "null"]}, "restricted_to": ids, "reason": text}, []))},
        "/api/requests/{reference}/consultations": {
            "get": op("The request's consultations before release (audited read).",
                      {"200": json(_OBJ, "items")}, params=ref),
            "post": op("Record a consultation sent to an originator, third party or agency.",
                       {"201": json(_OBJ, "The consultation.")}, params=ref,
                       body=_body({"consultee_name": text, "consultee_kind": text, "means": text,
                                   "due_on": {"type": "string", "format": "date"}, "consultee_contact": text,
                                   "about_items": ids, "about_marks": ids, "about_text": text},
                                  ["consultee_name", "consultee_kind", "means", "due_on"])),
        },
        "/api/requests/{reference}/consultations/{consultation_id}/reply": {"post": op(
            "Record the reply (agrees, objects, conditions) and how it was taken into account.",
            {"200": json(_OBJ, "The consultation.")}, params=[ref_param, cid],
            body=_body({"reply": text, "reply_text": text, "taken_into_account": text},
                       ["reply", "taken_into_account"]), extra=conflict)},
        "/api/requests/{reference}/consultations/{consultation_id}/override": {"post": op(
            "A manager lets the pack go on without a reply, with reasons.",
            {"200": json(_OBJ, "The consultation.")}, params=[ref_param, cid], body=_body({"reason": text},
                                                                                         ["reason"]),
            extra=conflict)},
        "/api/requests/{reference}/checks": {
            "get": op("The agency checklist, what is missing and what blocks the pack at each step (audited read).",
                      {"200": json(_OBJ, "The checklist.")}, params=ref),
            "post": op("Record one checklist item with how it was confirmed (entitlement needs evidence_item_id).",
                       {"201": json(_OBJ, "The checklist.")}, params=ref,
                       body=_body({"item": text, "how": text, "evidence_item_id": {"type": "integer"},
                                   "doubt": {"type": "boolean"}}, ["item", "how"])),
        },
        "/api/requests/{reference}/levels": {"get": op(
            "Each document's confidentiality level and every live document or passage mark (audited read).",
            {"200": json(_OBJ, "documents and marks")}, params=ref)},
        "/api/requests/{reference}/levels/{mark_id}": {"patch": op(
            "Confirm or change one mark's level; lowering a proposal needs a note.",
            {"200": json(_OBJ, "The mark.")}, params=[ref_param, mid],
            body=_body({"level": {"enum": ["confidential", "sensitive", "highly_sensitive"]}, "note": text},
                       ["level"]))},
        "/api/requests/{reference}/harm-review": {"post": op(
            "A manager records the serious-harm review of HIGHLY SENSITIVE material, with reasons "
            "(DPA 2018 Sch 3 Part 3 para 11; Part 2 para 5). Needed before approval when the pack holds any.",
            {"201": json(_OBJ, "The review.")}, params=ref,
            body=_body({"serious_harm": {"type": "boolean"}, "reasons": text}, ["serious_harm", "reasons"]))},
        "/api/disclosures": {"get": op(
            "The disclosure register (requests you may see), newest first, with each written confirmation.",
            {"200": json(_OBJ, "items")},
            params=[{"name": n, "in": "query", "schema": {"type": "string"}}
                    for n in ("person", "agency", "requester_type")])},
    }
