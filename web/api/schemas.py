"""Input parsing for the JSON API: small helpers that turn request bodies into checked values.

Every helper raises :class:`sar.core.errors.ValidationError`, which the blueprint maps to a 400
``{"error": ...}`` response, so views never build error responses themselves.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from flask import request

from redaction.anonymise import quote
from sar.core import audit_search
from sar.core.dates import london_date
from sar.core.db import LONDON
from sar.core.errors import ValidationError
from sar.intake.requests import PersonIn, as_brief, as_summary
from sar.models import Role, User

#: The channel of a requester's own API request; staff may log any channel.
REQUESTER_CHANNEL = "api"
#: The hour (Europe/London) at which a request given only a date of receipt is stored as received.
RECEIVED_HOUR = 12


def json_body(*, optional: bool = False) -> dict[str, Any]:
    """The request body as a JSON object (``{}`` when ``optional`` and no body was sent).

    :raises ValidationError: the body is not JSON, or not a JSON object.
    """
    if optional and not request.data:
        return {}
    if not request.data and not request.is_json:
        raise ValidationError("send a JSON object as the request body (Content-Type: application/json)")
    data = request.get_json(force=True, silent=True)
    if not isinstance(data, dict):
        raise ValidationError("the request body must be a JSON object")
    return data


def text(body: dict[str, Any], key: str, *, required: bool = False, max_len: int = 10_000) -> str | None:
    """A string field, stripped; None (or ValidationError if ``required``) when absent or blank."""
    value = body.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(f"'{key}' is required")
        return None
    if not isinstance(value, str):
        raise ValidationError(f"'{key}' must be a string")
    value = value.strip()
    if len(value) > max_len:
        raise ValidationError(f"'{key}' is too long (at most {max_len} characters)")
    return value


def obj(body: dict[str, Any], key: str, *, required: bool = False) -> dict[str, Any] | None:
    """A nested JSON object field."""
    value = body.get(key)
    if value is None:
        if required:
            raise ValidationError(f"'{key}' is required")
        return None
    if not isinstance(value, dict):
        raise ValidationError(f"'{key}' must be a JSON object")
    return value


def iso_date(value: Any, field: str) -> date:
    """Parse ``YYYY-MM-DD``.

    :raises ValidationError: anything else, naming ``field``.
    """
    if not isinstance(value, str):
        raise ValidationError(f"'{field}' must be a date written YYYY-MM-DD")
    try:
        if len(value.strip()) != 10:
            raise ValueError
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(f"'{field}' must be a real date written YYYY-MM-DD, got {value!r}") from None


def date_field(body: dict[str, Any], key: str, field: str | None = None, *,
               required: bool = False) -> date | None:
    """A ``YYYY-MM-DD`` field; None when absent (or ValidationError if ``required``)."""
    value = body.get(key)
    if value is None or value == "":
        if required:
            raise ValidationError(f"'{field or key}' is required (YYYY-MM-DD)")
        return None
    return iso_date(value, field or key)


def received_at_for(day: date, now: datetime) -> datetime:
    """The instant stored for a request received on calendar ``day`` (Europe/London).

    Noon London time that day, so the London calendar date is ``day`` whatever the offset; for
    today, the current time if noon has not come yet (a receipt cannot be in the future).

    :raises ValidationError: ``day`` is after today in London.
    """
    if day > london_date(now):
        raise ValidationError("'received' cannot be in the future")
    at = datetime.combine(day, time(RECEIVED_HOUR), tzinfo=LONDON).astimezone(UTC)
    return min(at, now)


def person(data: dict[str, Any], field: str, *, name_required: bool = True) -> PersonIn:
    """A person object ``{"name", "email", "dob", "type"}`` as given at intake."""
    name = text(data, "name", required=False, max_len=200)
    if name is None and name_required:
        raise ValidationError(f"'{field}.name' is required")
    return PersonIn(
        name=name or "",
        email=text(data, "email", max_len=320),
        dob=date_field(data, "dob", f"{field}.dob"),
        type=text(data, "type", max_len=30),
    )


def new_request_fields(body: dict[str, Any], actor: User, now: datetime) -> dict[str, Any]:
    """The keyword arguments of :func:`sar.intake.requests.open_request` for a ``POST /api/requests`` body.

    Staff log requests for others: ``requester.name`` is needed, ``received`` (default today),
    ``channel`` (default e-mail) and ``regime`` may be given. A requester asks for themselves, now,
    through the API: name and e-mail come from the account, and backdating, another channel or a
    regime are refused rather than silently ignored.

    :raises ValidationError: any missing or invalid field, naming it.
    """
    description = text(body, "description", required=True, max_len=20_000)
    subject_in = obj(body, "subject")
    received = date_field(body, "received")
    channel = text(body, "channel", max_len=20)
    fields: dict[str, Any] = {
        "description": description,
        "subject": person(subject_in, "subject", name_required=False) if subject_in else None,
    }
    if actor.role != Role.requester:
        return fields | {
            "requester": person(obj(body, "requester", required=True), "requester"),
            "received_at": received_at_for(received, now) if received else now,
            "channel": channel or "email",
            "regime": text(body, "regime", max_len=30),
        }
    if received is not None and received != london_date(now):
        raise ValidationError("a requester cannot set 'received': a request is received when it is sent")
    if channel not in (None, REQUESTER_CHANNEL):
        raise ValidationError(f"a requester's request always arrives by '{REQUESTER_CHANNEL}'")
    if body.get("regime") is not None:
        raise ValidationError("only staff can choose the regime")
    requester_type = text(obj(body, "requester") or {}, "type", max_len=30)
    return fields | {
        "requester": PersonIn(name=actor.name, email=actor.email, type=requester_type),
        "received_at": now,
        "channel": REQUESTER_CHANNEL,
    }


def page_args(default_per_page: int = 50, max_per_page: int = 200) -> tuple[int, int]:
    """``?page=`` (1-based) and ``?per_page=`` from the query string."""
    try:
        page = int(request.args.get("page", 1))
        per_page = int(request.args.get("per_page", default_per_page))
    except ValueError:
        raise ValidationError("'page' and 'per_page' must be whole numbers") from None
    if page < 1 or not 1 <= per_page <= max_per_page:
        raise ValidationError(f"'page' must be at least 1 and 'per_page' between 1 and {max_per_page}")
    return page, per_page


# -- Output: JSON shapes for the models (documented in web/api/openapi.py) ---------------------


def request_detail(req: Any, deadline_state: str) -> dict[str, Any]:
    """A request with its due date, the clock's explanation, its linked parts and its parties."""
    root = req.parent or req
    out = as_summary(req)
    out.update(
        deadline_state=deadline_state,
        channel=req.channel,
        description=req.description,
        parts=[as_brief(p) for p in [root, *root.parts]],
        parties=[party_out(p) for p in req.parties],
    )
    return out


def party_out(party: Any) -> dict[str, Any]:
    """A party for staff: role, name and communication needs (issue 16; None means not recorded)."""
    return {"id": party.id, "role": party.role, "name": party.name,
            "preferred_language": party.preferred_language, "interpreter_needed": party.interpreter_needed,
            "interpreter_language": party.interpreter_language, "preferred_format": party.preferred_format,
            "preferred_channel": party.preferred_channel, "advocate_name": party.advocate_name,
            "advocate_copy": party.advocate_copy, "age": party.age_years, "looked_after": party.looked_after}


def document_out(item: Any) -> dict[str, Any]:
    """A bundle item (staff only): the uploaded file name and the title it is released under."""
    return {"id": item.id, "filename": item.filename, "title": item.title, "page_count": item.document.page_count,
            "sha256": item.document.sha256, "size_bytes": item.document.size_bytes}


def job_out(job: Any, url: str) -> dict[str, Any]:
    """A background job's state for polling."""
    return {
        "id": job.id,
        "kind": job.kind,
        "status": job.status,
        "url": url,
        "progress": {"done": job.progress_done or 0, "total": job.progress_total or 0},
        "message": job.message or "",
        "result": job.result,
    }


def redaction_out(row: Any, quote_with: str = "keep") -> dict[str, Any]:
    """One proposed or decided redaction (a :class:`sar.bundle.queries.RedactionRow`).

    ``text`` goes through the anonymiser operator ``quote_with`` (``redaction.anonymise``): ``keep``
    for the review tools, which exist to show a reviewer what would be withheld; ``replace`` or
    ``mask`` for a JSON export that is read by someone who does not decide the redactions.
    """
    r = row.redaction
    return {
        "id": r.id,
        "document": {"id": r.bundle_item_id, "filename": row.filename},
        "page": r.page,
        "text": quote(r.text, r.code, quote_with),
        "entity_type": r.entity_type,
        "code": r.code,
        "reason": r.reason,
        "score": r.score,
        "recognizer": r.recognizer,
        "source": r.source,
        "status": r.status,
        "decision_reason": r.decision_reason,
        "flagged_for_manager": row.flagged_for_manager,
        "boxes": r.boxes,
    }


def audit_event_out(event: Any, reference: str | None) -> dict[str, Any]:
    """One audit event for ``GET /api/audit``."""
    return {
        "seq": event.seq,
        "at": event.at.isoformat(),
        "actor_id": event.actor_id,
        "actor": event.actor_label,
        "action": event.action,
        "request": reference,
        "target": event.target,
        # an export: withheld text quoted in a detail is anonymised (sar.core.audit_search.exported_detail)
        "detail": audit_search.exported_detail(event.action, event.detail),
        "client_ip": event.client_ip,
        "user_agent": event.user_agent,
        "key_id": event.key_id,
    }
