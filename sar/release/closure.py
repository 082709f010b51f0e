"""The closure record: how each request ended, whether on time, and by how many days it was late.

Written when a response is released (:func:`record_release`, called by ``sar.release.approvals.release``)
and when a request is withdrawn (:func:`record_withdrawal`), so that every finished request has one
and reports can be built on it. A request reopened and answered again gets a second, supplementary
record; the first is kept.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.db import LONDON
from sar.core.settings import Settings
from sar.models import Outcome, Request, ResponsePack, User
from sar.release import correspondence
from sar.release.outcome_kinds import DEFAULT_RELEASE_KIND, OUTCOME_KINDS, WITHDRAWN_KIND

#: Outcome statuses that are not yet decided (a newer draft supersedes them).
UNDECIDED = ("draft", "submitted")


def timeliness(request: Request, now: datetime) -> tuple[bool | None, int | None]:
    """(on time, calendar days late) of a response issued at ``now`` against the request's due date.

    The London calendar date is compared (rulebook C1). No due date (a clock stopped for good): (None, None).
    """
    if request.due_on is None:
        return None, None
    late = (now.astimezone(LONDON).date() - request.due_on).days
    return late <= 0, max(late, 0)


def issued_outcomes(session: Session, request: Request) -> list[Outcome]:
    """The request's issued outcomes, oldest first (more than one after a supplementary release)."""
    return list(session.scalars(select(Outcome).where(Outcome.request_id == request.id, Outcome.status == "issued")
                                .order_by(Outcome.id)))


def pending_outcome(session: Session, request: Request) -> Outcome | None:
    """The newest draft or submitted outcome, if any."""
    return session.scalars(select(Outcome).where(Outcome.request_id == request.id,
                                                 Outcome.status.in_(UNDECIDED))
                           .order_by(Outcome.id.desc())).first()


def _issue(session: Session, request: Request, outcome: Outcome, *, actor: User | None, now: datetime) -> Outcome:
    on_time, late = timeliness(request, now)
    outcome.status = "issued"
    outcome.issued_at = now
    outcome.issued_on = now.astimezone(LONDON).date()
    outcome.due_on = request.due_on
    outcome.on_time = on_time
    outcome.days_late = late
    session.flush()
    audit.record(session, "outcome.issue", actor=actor, now=now, request_id=request.id,
                 target=f"outcome:{outcome.id}",
                 detail={"kind": outcome.kind, "held": outcome.held, "on_time": on_time, "days_late": late,
                         "exemptions": [e.get("key") for e in outcome.exemptions or []],
                         "supplementary": outcome.supplementary, "pack_id": outcome.pack_id})
    return outcome


def record_release(session: Session, request: Request, pack: ResponsePack, *, actor: User, now: datetime,
                   settings: Settings, email_id: int | None) -> Outcome:
    """Issue the outcome whose pack was just released, or record the default one for a plain pack release.

    A pack released without a drafted outcome (documents released the usual way) is recorded as the
    regime's release kind (:data:`DEFAULT_RELEASE_KIND`), "part held" when anything was withheld.
    A decision letter is stored as sent (:mod:`sar.release.correspondence`): carried by the release
    e-mail ``email_id``, or recorded as posted today for a requester without e-mail.
    """
    outcome = session.scalars(select(Outcome).where(Outcome.request_id == request.id, Outcome.pack_id == pack.id,
                                                    Outcome.status == "submitted")).first()
    if outcome is None:
        kind = DEFAULT_RELEASE_KIND.get(request.regime, "sar_released")
        withheld = bool((pack.manifest or {}).get("redaction_ids") or (pack.manifest or {}).get("page_marks"))
        if kind == "released_in_part" and not withheld:
            kind = "released_in_full"
        held = "part_held" if withheld and OUTCOME_KINDS[kind].held == "held" else OUTCOME_KINDS[kind].held
        outcome = Outcome(request_id=request.id, kind=kind, status="submitted", held=held, exemptions=[],
                          reasons="", advice="", detail={}, letter_text="", pack_id=pack.id,
                          supplementary=bool(issued_outcomes(session, request)), created_by_id=None,
                          created_at=now)
        session.add(outcome)
        session.flush()
    outcome = _issue(session, request, outcome, actor=actor, now=now)
    if outcome.letter_text:
        kind = OUTCOME_KINDS.get(outcome.kind)
        correspondence.send(session, request, kind=f"outcome_{outcome.kind}", template=kind.template if kind else "",
                            subject="Our decision on your request", text=outcome.letter_text,
                            edited=bool((outcome.detail or {}).get("letter_edited")),
                            dispatch="email" if email_id else "post",
                            posted_on=None if email_id else now.astimezone(LONDON).date(), actor=actor, now=now,
                            settings=settings, outcome_id=outcome.id, email_id=email_id)
    return outcome


def record_withdrawal(session: Session, request: Request, *, actor: User | None, now: datetime,
                      reason: str) -> Outcome:
    """The closure record of a withdrawn request; any undecided outcome is superseded (kept)."""
    for old in session.scalars(select(Outcome).where(Outcome.request_id == request.id,
                                                     Outcome.status.in_(UNDECIDED))):
        old.status = "superseded"
    outcome = Outcome(request_id=request.id, kind=WITHDRAWN_KIND, status="submitted", held="not_applicable",
                      exemptions=[], reasons=reason, advice="", detail={}, letter_text="", created_by_id=None,
                      supplementary=False, created_at=now)
    session.add(outcome)
    session.flush()
    outcome = _issue(session, request, outcome, actor=actor, now=now)
    # A withdrawal is not a late response: nothing was owed once the requester withdrew.
    outcome.on_time, outcome.days_late = None, None
    return outcome


def as_record(outcome: Outcome) -> dict:
    """The closure record as plain data (API, reports)."""
    kind = OUTCOME_KINDS.get(outcome.kind)
    return {"id": outcome.id, "kind": outcome.kind, "label": kind.label if kind else outcome.kind.title(),
            "status": outcome.status, "held": outcome.held,
            "exemptions": [e.get("citation") or e.get("key") for e in outcome.exemptions or []],
            "supplementary": outcome.supplementary,
            "issued_on": outcome.issued_on.isoformat() if outcome.issued_on else None,
            "due_on": outcome.due_on.isoformat() if outcome.due_on else None,
            "on_time": outcome.on_time, "days_late": outcome.days_late, "detail": outcome.detail or {}}
