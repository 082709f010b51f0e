"""OpenAPI paths of :mod:`web.api.voice_routes` (communication needs, the child's views; issue 16)."""

from __future__ import annotations

from typing import Any

from sar.models import CHILD_VIEWS, FORMATS, PREFERRED_CHANNELS

_STR = {"type": "string"}
_BOOL = {"type": "boolean"}
_LANG = {"type": ["string", "null"], "description": "BCP 47 language code, e.g. en, cy, pl; null means English."}

SCHEMAS: dict[str, Any] = {
    "Party": {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "role": _STR, "name": _STR, "preferred_language": _LANG,
                       "interpreter_needed": _BOOL, "interpreter_language": _LANG,
                       "preferred_format": {"enum": [*FORMATS, None]},
                       "preferred_channel": {"enum": [*PREFERRED_CHANNELS, None]},
                       "advocate_name": {"type": ["string", "null"]}, "advocate_copy": _BOOL,
                       "age": {"type": ["integer", "null"], "description": "Recorded age where no date of birth."},
                       "looked_after": _BOOL}},
    "CommunicationIn": {
        "type": "object",
        "properties": {"preferred_language": _LANG, "interpreter_needed": _BOOL, "interpreter_language": _LANG,
                       "preferred_format": {"enum": [*FORMATS, None]},
                       "preferred_channel": {"enum": [*PREFERRED_CHANNELS, None]},
                       "advocate_name": _STR, "advocate_contact": _STR, "advocate_email": _STR,
                       "advocate_copy": {"type": "boolean",
                                         "description": "Copy every e-mailed letter to the advocate."},
                       "age": {"type": ["integer", "null"],
                               "description": "The age stated where no date of birth is known (rulebook T-4)."},
                       "looked_after": {"type": "boolean", "description": "A looked-after child (rulebook T-4)."}}},
    "ChildViewsIn": {
        "type": "object", "required": ["competent", "views"],
        "properties": {"competent": _BOOL, "views": {"enum": list(CHILD_VIEWS)}, "views_text": _STR,
                       "age": {"type": "integer", "description": "Only when no date of birth is recorded."},
                       "understanding": {"type": "string",
                                         "description": "Required when the finding departs from the presumed "
                                                        "competence age (rulebook T-4)."},
                       "not_to_share": _STR, "no_parent_contact": _BOOL, "best_interests": _STR}},
    "ChildViews": {
        "type": "object",
        "properties": {"applies": _BOOL, "history": {"type": "integer"},
                       "assessment": {"type": ["object", "null"]},
                       "problems": {"type": "array", "items": _STR,
                                    "description": "What still stops submission and release (rulebook T-4)."},
                       "parent_contact": {
                           "type": ["object", "null"],
                           "description": "The child's request that their parents are not consulted: stands, "
                                          "reason, age, not_respected_why, override {ground, reason, by, at}. "
                                          "While it stands a consultation with a parent is refused (409)."}}},
    "ParentContactOverrideIn": {
        "type": "object", "required": ["ground", "reason"],
        "properties": {"ground": {"enum": ["safeguarding", "best_interests", "court_order", "other"]},
                       "reason": {"type": "string", "minLength": 10}}},
}


def paths(op, json, ref, error, ref_param) -> dict[str, Any]:
    """The paths, built with :mod:`web.api.openapi`'s helpers (passed in to avoid an import cycle)."""
    party_param = {"name": "party_id", "in": "path", "required": True, "schema": {"type": "integer"}}

    def body(name: str) -> dict[str, Any]:
        return {"application/json": {"schema": ref(name)}}

    return {
        "/api/requests/{reference}/parties/{party_id}": {
            "patch": op("Set a party's communication needs: language, interpreter, format, channel, advocate, "
                        "and the evidence that a data subject is a child (age, looked-after status) "
                        "(officer or manager; audited). Fields left out are unchanged.",
                        {"200": json(ref("Party"), "The party.")}, params=[ref_param, party_param],
                        body=body("CommunicationIn"))},
        "/api/requests/{reference}/child-views": {
            "get": op("The child's standing competence assessment and views, and what they still stop "
                      "(officer or manager; an audited read).", {"200": json(ref("ChildViews"), "The views.")},
                      params=[ref_param]),
            "post": op("Record a new assessment of the child's competence and views (rulebook T-4); it "
                       "supersedes the last and voids a standing approval.",
                       {"201": json(ref("ChildViews"), "Recorded.")}, params=[ref_param],
                       body=body("ChildViewsIn"), extra={"409": error("The request is finished.")})},
        "/api/requests/{reference}/child-views/parent-contact-override": {
            "post": op("A manager decides the child's parents may be consulted after all, for exceptional "
                       "circumstances, with the ground and reason (audited; issue 16).",
                       {"201": json(ref("ChildViews"), "Recorded.")}, params=[ref_param],
                       body=body("ParentContactOverrideIn"),
                       extra={"409": error("No standing request by a competent child to override.")})},
    }
