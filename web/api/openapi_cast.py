"""OpenAPI paths of :mod:`web.api.cast_routes` (the cast of a bundle and its unresolved mentions, issue 11)."""

from __future__ import annotations

from typing import Any

from redaction.cast import ROLES, UNRESOLVED
from sar.bundle.cast import CORRECTIONS

_STR = {"type": "string"}
_STRS = {"type": "array", "items": _STR}
_MENTION = {"type": "object", "properties": {"document": _STR, "page": {"type": "integer"}, "text": _STR}}

SCHEMAS: dict[str, Any] = {
    "CastPersonIn": {
        "type": "object", "required": ["name", "role"],
        "properties": {"name": _STR, "role": {"enum": list(ROLES)}, "aliases": _STRS,
                       "relationship": _STR, "org": {"type": ["string", "null"]}}},
    "CastCorrection": {
        "type": "object", "required": ["kind", "name"],
        "description": "; ".join(f"{k}: {', '.join(v)}" for k, v in CORRECTIONS.items()),
        "properties": {"kind": {"enum": list(CORRECTIONS)}, "name": _STR, "other": _STR, "alias": _STR,
                       "role": {"enum": list(ROLES)}, "relationship": _STR}},
    "Cast": {
        "type": "object",
        "properties": {
            "confirmed": {"type": "boolean"}, "version": {"type": "integer"},
            "confirmed_at": {"type": ["string", "null"], "format": "date-time"},
            "unresolved": {"type": "integer", "description": "People nobody has placed yet."},
            "people": {"type": "array", "items": {"type": "object", "properties": {
                "name": _STR, "role": {"enum": [*ROLES, UNRESOLVED]}, "aliases": _STRS, "relationship": _STR,
                "org": {"type": ["string", "null"]}, "mentions": {"type": "integer"},
                "examples": {"type": "array", "items": _MENTION}, "evidence": _STRS,
                "source": {"enum": ["confirmed", "draft", "engine"]}}}},
            "case_parties": {"type": "array", "items": {"$ref": "#/components/schemas/CaseParty"},
                             "description": "The people recorded on the case, and what adding each would do."},
            "job": {"type": "object", "description": "The proposal run queued by a PUT or POST."}}},
    "CaseParty": {
        "type": "object",
        "properties": {"party_id": {"type": "integer"}, "name": _STR,
                       "relationship": {"type": "string", "description": "Relationship to the subject, or capacity."},
                       "party_role": {"enum": ["third_party", "representative", "requester"]},
                       "offer": {"enum": list(ROLES), "description": "The cast role the case record gives them."},
                       "action": {"enum": ["add", "role"],
                                  "description": "add: new to the cast; role: the cast names them with another role."},
                       "in_cast": {"type": "boolean",
                                   "description": "The officer's cast names them with that role already."}}},
    "DeadJob": {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "kind": _STR, "request_id": {"type": ["integer", "null"]},
                       "parent_id": {"type": ["integer", "null"]}, "attempts": {"type": "integer"},
                       "max_attempts": {"type": "integer"}, "error": {"type": ["string", "null"]},
                       "message": _STR, "document": {"type": ["string", "null"]},
                       "finished_at": {"type": ["string", "null"], "format": "date-time"}}},
    "UnresolvedMention": {
        "type": "object",
        "properties": {"person": _STR, "document": _STR, "item_id": {"type": "integer"},
                       "page": {"type": "integer", "description": "1-based"}, "text": _STR,
                       "redaction_id": {"type": ["integer", "null"]},
                       "decision": {"type": ["string", "null"], "enum": ["proposed", "accepted", "rejected", None]}}},
}


def paths(op, json, ref, error, ref_param) -> dict[str, Any]:
    """The paths, built with :mod:`web.api.openapi`'s helpers (passed in to avoid an import cycle)."""
    params = [ref_param]
    return {
        "/api/requests/{reference}/cast": {
            "get": op("The cast of the bundle (staff): each person, role, aliases, mentions and evidence.",
                      {"200": json(ref("Cast"), "The cast.")}, params=params),
            "put": op("Confirm or correct the cast (staff); proposals are recomputed from it, decisions taken "
                      "by hand are kept.",
                      {"200": json(ref("Cast"), "Confirmed; a proposal job is queued.")}, params=params,
                      body={"application/json": {"schema": {"type": "object", "properties": {
                          "people": {"type": "array", "items": ref("CastPersonIn")},
                          "corrections": {"type": "array", "items": ref("CastCorrection")},
                          "version": {"type": "integer"}}}}},
                      extra={"409": error("Someone changed the cast since (stale version), a proposal run is "
                                          "already going, or the request can no longer change.")})},
        "/api/requests/{reference}/cast/parties/{party_id}": {
            "post": op("Put a person recorded on the case into the cast with the role the case record gives them, "
                       "and confirm the cast (staff); proposals are recomputed, decisions taken by hand are kept.",
                       {"200": json(ref("Cast"), "Confirmed; a proposal job is queued when there are records.")},
                       params=[*params, {"name": "party_id", "in": "path", "required": True,
                                         "schema": {"type": "integer"}}],
                       body={"application/json": {"schema": {"type": "object", "properties": {
                           "version": {"type": "integer"}}}}},
                       extra={"409": error("Already in the cast with that role, a stale version, or a proposal "
                                           "run already going."),
                              "404": error("No such request or person on it, or no need to know.")})},
        "/api/requests/{reference}/unresolved": {
            "get": op("Every mention of a person the engine could not place and nobody has placed since (staff).",
                      {"200": json({"type": "object", "properties": {
                          "items": {"type": "array", "items": ref("UnresolvedMention")},
                          "total": {"type": "integer"}, "page": {"type": "integer"},
                          "per_page": {"type": "integer"}}}, "The queue, in bundle order.")},
                      params=[*params,
                              {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                              {"name": "per_page", "in": "query",
                               "schema": {"type": "integer", "minimum": 1, "maximum": 500}}])},
        "/api/jobs/dead": {
            "get": op("The job queue's dead letter (staff): jobs that failed every attempt, with the last error.",
                      {"200": json({"type": "object", "properties": {
                          "items": {"type": "array", "items": ref("DeadJob")},
                          "total": {"type": "integer"}}}, "Newest first.")})},
        "/api/jobs/{job_id}/requeue": {
            "post": op("Re-queue a dead job with a fresh set of attempts (managers).",
                       {"200": json(ref("DeadJob"), "Queued again.")},
                       params=[{"name": "job_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                       extra={"409": error("The job is not in the dead letter.")})},
    }
