"""What the redaction engine is told about a request: subject, parties, staff and the confirmed cast.

Moved out of :mod:`sar.bundle.jobs` (which re-exports it) so that module stays one screenful of
job handling (issue 11).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from redaction.cast import apply_cast, parse_cast
from redaction.context import KnownParty, RedactionContext, StaffMember, Subject
from sar.bundle import redactions
from sar.models import STAFF_ROLES, Request, RequestCast, User
from sar.models import StaffMember as StaffRow

#: Name given to the subject of FOI/EIR requests, which have no data subject; chosen so that it
#: never matches a name in a document (the engine treats the subject's names as disclosable).
PLACEHOLDER_SUBJECT = "Zzq Placeholder-Subject"


def _dob(value) -> str | None:
    return value.strftime("%d/%m/%Y") if value is not None else None


def proposal_context(session: Session, request: Request) -> RedactionContext:
    """What the engine is told about ``request``: subject, classified parties and the staff directory.

    * the data subject becomes the :class:`~redaction.context.Subject` (a placeholder for FOI/EIR);
    * third parties become :class:`~redaction.context.KnownParty` with the caseworker's decision;
    * the requester and a representative (parent, solicitor) are disclosed to themselves;
    * the staff directory and staff users with a job title are professionals (Sch 2 para 17);
    * the officer's confirmed cast, if any, is folded in last (``redaction.cast.apply_cast``).
    """
    subject_party = request.party("data_subject")
    if subject_party is not None:
        subject = Subject(subject_party.name, aliases=tuple(subject_party.aliases or ()),
                          dob=_dob(subject_party.dob), identifiers=tuple(subject_party.identifiers or ()))
    else:
        subject = Subject(PLACEHOLDER_SUBJECT)
    parties: list[KnownParty] = []
    subject_key = subject.name.casefold()
    for p in request.parties:
        if p.role == "third_party":
            parties.append(KnownParty(p.name, p.relationship_to_subject or "",
                                      "disclose" if p.disclose else "redact"))
        elif p.role in ("requester", "representative") and p.name.casefold() != subject_key \
                and redactions.code_regime(request.regime) == "sar":
            parties.append(KnownParty(p.name, p.capacity or p.role, "disclose"))
    staff: list[StaffMember] = []
    seen: set[str] = set()
    rows = [(s.name, s.role, s.org, s.email) for s in session.scalars(select(StaffRow).order_by(StaffRow.id))]
    rows += [(u.name, u.job_title, None, u.email) for u in session.scalars(
        select(User).where(User.role.in_(sorted(STAFF_ROLES)), User.is_active.is_(True),
                           User.job_title.is_not(None)).order_by(User.id))]
    for name, role, org, email in rows:
        if not name or not role or name.casefold() in seen:
            continue
        try:
            staff.append(StaffMember(name, role, org, email if email and "@" in email else None))
        except ValueError:  # a malformed directory entry must not stop the whole run
            continue
        seen.add(name.casefold())
    rep = request.party("representative")
    is_parent = ((rep is not None and (rep.capacity or "") == "parent")
                 or (request.requester_type or "") == "parent")
    context = RedactionContext(subject=subject, parties=tuple(parties), staff=tuple(staff),
                               requester_is_parent=is_parent, regime=redactions.code_regime(request.regime))
    # The officer's confirmed cast (sar.bundle.cast) wins over the engine's own resolution (issue 11).
    confirmed = session.scalars(select(RequestCast).where(RequestCast.request_id == request.id,
                                                          RequestCast.confirmed_at.is_not(None))).first()
    return apply_cast(context, parse_cast({"people": confirmed.people})) if confirmed is not None else context
