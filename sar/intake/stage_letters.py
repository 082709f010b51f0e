"""The letters that move a request along, each logged and, where the clock cares, recorded on it.

One call sends the letter and records its clock event, so the officer does one thing, not two:

============== ===================================== ===========================================
letter         clock event                            rule
============== ===================================== ===========================================
acknowledgement  none                                  one text per regime family, no internal text
id_request     ``id_requested`` / ``authority_requested``  G-2 (the month runs from receipt)
clarification  ``clarification_requested``             F-4, E-3, G-5
fee_notice     ``fee_notice``                          F-5, E-4, G-2
extension      ``extended``                            F-3 (PIT, with estimate), E-2, G-4
reminder       none
transfer       none (asks the requester's consent)     F-6
============== ===================================== ===========================================

Each letter is rendered from ``templates/letters`` (values through ``sar.core.plain_text``), may be
previewed and edited by the officer, and is stored as sent by :mod:`sar.release.correspondence`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from sar.core.db import LONDON
from sar.core.errors import ValidationError
from sar.core.permissions import require_role
from sar.core.plain_text import MultilineText
from sar.core.settings import Settings
from sar.intake import clock, parties
from sar.models import Letter, Request, Role, User
from sar.release import correspondence, letters


@dataclass(frozen=True)
class StageLetter:
    """One kind of stage letter: its template (``{family}`` filled in), subject, clock event and fields."""

    template: str
    subject: str
    clock_event: str | None = None
    #: Fields the officer must give (rendered into the letter).
    fields: tuple[str, ...] = ()
    #: Regime families that may receive it.
    families: frozenset[str] = frozenset({"foi", "eir", "sar", "third_party"})


STAGE_LETTERS: Mapping[str, StageLetter] = {
    "acknowledgement": StageLetter("stage_acknowledgement_{family}.txt", "We have received your request"),
    "id_request": StageLetter("stage_id_request.txt", "We need to confirm your identity", "id_requested",
                              ("what_we_need",), frozenset({"sar", "third_party"})),
    "authority_request": StageLetter("stage_id_request.txt", "We need evidence of your authority",
                                     "authority_requested", ("what_we_need",), frozenset({"sar"})),
    "clarification": StageLetter("stage_clarification.txt", "We need more detail about your request",
                                 "clarification_requested", ("question",), frozenset({"foi", "eir", "sar"})),
    "fee_notice": StageLetter("stage_fee_notice.txt", "Fee notice", "fee_notice", ("amount", "fee_basis"),
                              frozenset({"foi", "eir", "sar"})),
    "extension": StageLetter("stage_extension.txt", "We need more time to respond", "extended", ("reasons",),
                             frozenset({"foi", "eir", "sar"})),
    "reminder": StageLetter("stage_reminder.txt", "Reminder: we are waiting for your reply", None,
                            ("what_we_need",)),
    "transfer": StageLetter("stage_transfer.txt", "Your request may be held by another authority", None,
                            ("transfer_to",), frozenset({"foi", "eir"})),
}
#: Letters that ask for evidence -> the evidence kind they ask for.
EVIDENCE_ASKED = {"id_request": "identity", "authority_request": "authority"}
#: Acknowledgement template per family; rights requests share the SAR text.
_ACK_FAMILY = {"foi": "foi", "eir": "eir", "sar": "sar", "third_party": "third_party"}


@dataclass(frozen=True)
class Draft:
    """A rendered stage letter for the officer to preview and edit."""

    kind: str
    template: str
    subject: str
    text: str
    clock_event: str | None
    context: dict[str, Any]


def _spec(request: Request, kind: str) -> tuple[StageLetter, str]:
    spec = STAGE_LETTERS.get(kind)
    if spec is None:
        raise ValidationError(f"unknown letter {kind!r}; choose one of {', '.join(STAGE_LETTERS)}")
    fam = correspondence.family(request.regime)
    if fam not in spec.families:
        raise ValidationError(f"a {request.regime} request does not take a {kind.replace('_', ' ')} letter")
    return spec, spec.template.format(family=_ACK_FAMILY[fam])


def _extension_due(session: Session | None, request: Request, on: date, settings: Settings,
                   chosen: date | None) -> date:
    """The due date after an extension recorded ``on``: the clock's cap, or an earlier chosen estimate (F-3)."""
    cap = clock.pit_cap(session, request, on, settings)
    if chosen is None:
        return cap
    if cap is not None and chosen > cap:
        raise ValidationError(f"the estimated date cannot be later than {letters.long_date(cap)}, the most the "
                              "extension allows")
    if request.due_on is not None and chosen <= request.due_on:
        raise ValidationError("the estimated date must be after the current due date")
    return chosen


def draft(session: Session, request: Request, kind: str, *, actor: User, now: datetime, settings: Settings,
          fields: Mapping[str, Any] | None = None) -> Draft:
    """Render a stage letter for preview (nothing is stored).

    :param fields: the letter's own values (``question``, ``what_we_need``, ``amount``, ``fee_basis``,
        ``reasons``, ``exemption`` and ``new_due`` for a FOIA public-interest extension, ``transfer_to``,
        ``asked_on``).
    :raises ValidationError: unknown kind, one the regime does not take, or a required field missing.
    """
    require_role(actor, Role.officer, Role.manager)
    spec, template = _spec(request, kind)
    fields = dict(fields or {})
    for name in spec.fields:
        if not str(fields.get(name) or "").strip():
            raise ValidationError(f"the {kind.replace('_', ' ')} letter needs {name.replace('_', ' ')}")
    ctx: dict[str, Any] = {**correspondence.base_context(session, request, actor=actor, now=now),
                           "authority": kind == "authority_request"}
    for name in ("question", "what_we_need", "fee_basis", "reasons", "transfer_to"):
        ctx[name] = MultilineText(str(fields.get(name) or "").strip())
    ctx["amount"] = str(fields.get("amount") or "").strip()
    ctx["exemption"] = str(fields.get("exemption") or "").strip()
    if kind == "extension":
        if ctx["family"] == "foi" and not ctx["exemption"]:
            raise ValidationError("a FOIA public-interest extension names the qualified exemption (s.17(2))")
        chosen = fields.get("new_due")
        chosen = date.fromisoformat(chosen) if isinstance(chosen, str) and chosen else chosen
        if chosen is not None and ctx["family"] != "foi":
            raise ValidationError("only a FOIA public-interest extension takes an estimated date (F-3)")
        ctx["new_due"] = _extension_due(session, request, now.astimezone(LONDON).date(), settings, chosen)
        ctx["estimate"] = chosen
    asked = clock.outstanding_asks(request)
    ctx["asked_on"] = asked[-1].occurred_on if asked else request.received_on
    text = letters.render(settings, template, ctx)
    return Draft(kind=kind, template=template, subject=spec.subject, text=text, clock_event=spec.clock_event,
                 context=ctx)


def send(session: Session, request: Request, kind: str, *, actor: User, now: datetime, settings: Settings,
         fields: Mapping[str, Any] | None = None, text: str | None = None, dispatch: str = "email",
         posted_on: date | None = None) -> Letter:
    """Send a stage letter (the officer's edited ``text``, else the rendered one) and record its clock event.

    The clock event is dated the day the letter went (today, or ``posted_on`` for a posted letter) and
    recorded first, so a letter the clock would refuse (e.g. a second extension) is never sent.

    :raises ValidationError: as :func:`draft`, an impossible clock event, or a dispatch problem.
    :raises Conflict: the request is finished.
    """
    d = draft(session, request, kind, actor=actor, now=now, settings=settings, fields=fields)
    body = correspondence.clean_text(text) if text is not None else d.text
    evidence = EVIDENCE_ASKED.get(kind)
    if evidence is not None:
        # Asking for it means it must be verified before anything is released (G-2, T-4; sar.release.entitlement).
        party = parties.evidence_party(request, evidence)
        if party is not None and getattr(party, f"{evidence}_status") in ("not_required", "rejected"):
            parties.record_evidence(session, party, evidence, "requested", actor=actor, now=now,
                                    note=f"{d.subject} sent")
    event = None
    if d.clock_event is not None:
        on = posted_on if dispatch == "post" and posted_on is not None else now.astimezone(LONDON).date()
        reason = f"{d.subject} sent by {'post' if dispatch == 'post' else 'e-mail'}"
        event = clock.record_clock_event(session, request, d.clock_event, on, actor=actor, reason=reason, now=now,
                                         settings=settings, until=d.context.get("estimate"))
    return correspondence.send(session, request, kind=kind, template=d.template, subject=d.subject, text=body,
                               edited=text is not None and body != d.text, dispatch=dispatch, posted_on=posted_on,
                               actor=actor, now=now, settings=settings,
                               clock_event_id=event.id if event is not None else None)
