"""The people recorded on the case, offered to the cast in one click (issue 11).

The request's parties (``sar.models.Party``: family members and other people recorded with their
relationship to the subject) are already known to the officer; the cast panel offers each one who is
not yet in the cast with the role the record gives them, so placing them is one click rather than
retyping a name:

* a party whose recorded relationship or capacity is a job title (``redaction.cast.is_professional_role``:
  "social worker", "solicitor") is offered as a **professional** (Sch 2 para 17);
* any other third party is offered as a **known third party** — ``disclosed`` when the caseworker
  recorded that they may be disclosed (``Party.disclose``), else ``third_party`` (redacted);
* the requester and a representative are offered only as professionals; otherwise the engine is told
  about them already (``sar.bundle.context.proposal_context``);
* the data subject, and anyone recorded under the subject's names, is never offered.

A party is *in the cast* once the officer's own cast (draft or confirmed) names them with that role;
the engine's placing of them (it is told about recorded parties) is not the officer's confirmation,
so they are still offered until then.

Adding one (:func:`add_case_party`) is the ``add`` correction (``role`` when the cast already names them
with another role) followed by confirming the cast, so the proposals are recomputed from the confirmed
cast and decisions taken by hand are kept (``sar.bundle.cast.confirm_cast``).

Every use case takes ``session``, ``actor`` and ``now``, is audited, flushes and never commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from redaction.cast import is_professional_role
from redaction.names import DISCLOSED, PROFESSIONAL, THIRD_PARTY
from sar.bundle import cast
from sar.core import audit
from sar.core.errors import Conflict, NotFound, ValidationError
from sar.core.permissions import require_staff, require_view
from sar.models import Job, Party, Request, RequestCast, User

#: The party roles whose people may be offered; a data subject never is.
OFFERED_PARTY_ROLES = ("third_party", "representative", "requester")


def _fold(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _offer(party: Party) -> str | None:
    """The cast role the case record gives ``party``, or None when they are not offered."""
    if party.role not in OFFERED_PARTY_ROLES:
        return None
    if is_professional_role(party.relationship_to_subject) or is_professional_role(party.capacity):
        return PROFESSIONAL
    if party.role != "third_party":
        return None
    return DISCLOSED if party.disclose else THIRD_PARTY


def _listed(people: Sequence[dict[str, Any]], name: str) -> dict[str, Any] | None:
    return next((p for p in people if _fold(name) in {_fold(p["name"]), *map(_fold, p.get("aliases") or ())}),
                None)


def party_offers(request: Request, people: Sequence[dict[str, Any]],
                 officers: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every party of ``request`` the cast panel may offer; pure.

    :param people: the cast being worked on (``sar.bundle.cast.current_people``: it may be the
        engine's own placing, which the officer has not looked at yet).
    :param officers: the officer's stored cast (draft or confirmed; [] before the first correction).
    :returns: in party order, ``{"party_id", "name", "relationship", "party_role", "offer" (the cast
        role), "action" ("add", or "role" when ``people`` names them already), "in_cast" (the
        officer's cast names them with that role: nothing to do)}``.
    """
    subject = request.party("data_subject")
    subject_names = {_fold(subject.name), *(_fold(a) for a in subject.aliases or ())} if subject else set()
    out = []
    for party in request.parties:
        offer = _offer(party)
        if offer is None or _fold(party.name) in subject_names:
            continue
        placed = _listed(officers, party.name)
        out.append({"party_id": party.id, "name": party.name,
                    "relationship": party.relationship_to_subject or party.capacity or "",
                    "party_role": party.role, "offer": offer,
                    "action": "add" if _listed(people, party.name) is None else "role",
                    "in_cast": placed is not None and placed.get("role") == offer})
    return out


def case_parties(session: Session, request: Request, *, actor: User) -> list[dict[str, Any]]:
    """:func:`party_offers` against the cast being worked on (staff with a need to know only).

    Not audited on its own: it is shown with the cast, whose read ``sar.bundle.cast.view_cast`` audits.
    """
    require_staff(actor)
    require_view(actor, request)
    return party_offers(request, cast.current_people(session, request), cast.stored_people(session, request))


def add_case_party(session: Session, request: Request, party_id: int, *, actor: User, now: datetime,
                   version: int | None = None) -> tuple[RequestCast, Job | None]:
    """Put one recorded party into the cast with the role the record gives them, and confirm the cast.

    :param version: the cast version the caller saw; a stale one is refused.
    :returns: the confirmed cast and the queued proposal job (None when there are no case records yet).
    :raises NotPermitted: not staff. :raises NotFound: no need to know, or no such party on this request.
    :raises ValidationError: the party is not offered (the subject, or a requester who is not a
        professional). :raises Conflict: already in the cast with that role, a stale ``version``, or a
        proposal run already going.
    """
    require_staff(actor)
    require_view(actor, request)
    if not any(p.id == party_id for p in request.parties):
        raise NotFound("no such person on this request")
    people = cast.current_people(session, request)
    offers = party_offers(request, people, cast.stored_people(session, request))
    offer = next((o for o in offers if o["party_id"] == party_id), None)
    if offer is None:
        raise ValidationError("this person is not offered for the cast: the subject is in it already, and "
                              "the requester or a representative is known to the engine unless a professional")
    if offer["in_cast"]:
        raise Conflict(f"{offer['name']} is in the cast already")
    fields = {"name": offer["name"], "role": offer["offer"], "relationship": offer["relationship"]}
    people = cast.apply_correction(people, offer["action"], fields)
    row, job = cast.confirm_cast(session, request, people, actor=actor, now=now, version=version)
    audit.record(session, "cast.add_party", actor=actor, now=now, request_id=request.id, target=f"cast:{row.id}",
                 detail={"party_id": party_id, "role": offer["offer"], "correction": offer["action"]})
    return row, job
