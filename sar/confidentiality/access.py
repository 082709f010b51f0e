"""Need to know: teams, restricted requests, and opening another request with a recorded reason.

Seed policy: "This information must be kept confidential to the Department, and only accessed on a need to
know basis." and "the general principle is that information may only be shared on a 'need to know' basis."
The rules themselves live in :mod:`sar.core.permissions`; these use cases change who may see what, and
every change is audited.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Subquery, func, select
from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.errors import Conflict, NotFound, ValidationError
from sar.core.permissions import CASEWORK_ROLES, can_view, require_role, require_staff, require_view
from sar.models import AccessGrant, Request, RequestRestriction, Role, Team, TeamMember, User

#: Shortest reason accepted for opening a request outside one's team or changing a restriction: a
#: reason must say something a data protection officer can later check.
MIN_REASON = 10


def _reason(reason: str | None, what: str) -> str:
    text = (reason or "").strip()
    if len(text) < MIN_REASON:
        raise ValidationError(f"give a reason for {what} (at least {MIN_REASON} characters)")
    return text


def create_team(session: Session, name: str, *, actor: User, now: datetime) -> Team:
    """Create a team (managers and admins). :raises Conflict: the name is taken."""
    require_role(actor, Role.manager, Role.admin)
    name = (name or "").strip()
    if not name:
        raise ValidationError("a team needs a name")
    if team_named(session, name):
        raise Conflict(f"there is already a team called {name!r}")
    team = Team(name=name, created_at=now)
    session.add(team)
    session.flush()
    audit.record(session, "team.create", actor=actor, now=now, target=f"team:{team.id}", detail={"name": name})
    return team


def add_member(session: Session, team: Team, user: User, *, actor: User, now: datetime) -> None:
    """Put an officer or manager in a team (managers and admins)."""
    require_role(actor, Role.manager, Role.admin)
    if user.role not in CASEWORK_ROLES:
        raise ValidationError("only officers and managers can be members of a team")
    if session.scalar(select(TeamMember).where(TeamMember.team_id == team.id, TeamMember.user_id == user.id)):
        return
    session.add(TeamMember(team_id=team.id, user_id=user.id, joined_at=now))
    session.flush()
    audit.record(session, "team.add_member", actor=actor, now=now, target=f"team:{team.id}",
                 detail={"user_id": user.id})


def team_named(session: Session, name: str) -> Team | None:
    """The team called ``name`` (case-insensitive, surrounding spaces ignored), or None."""
    name = (name or "").strip()
    return session.scalar(select(Team).where(func.lower(Team.name) == name.lower())) if name else None


def join_team(session: Session, user: User, name: str, *, actor: User, now: datetime) -> Team:
    """Put ``user`` in the team called ``name``, creating the team first if there is none (managers and admins).

    The ``sar team`` command's use case; the staff teams page calls :func:`create_team` and :func:`add_member`,
    which this composes, so both paths make the same rows and the same audit events.
    """
    require_role(actor, Role.manager, Role.admin)
    team = team_named(session, name) or create_team(session, name, actor=actor, now=now)
    add_member(session, team, user, actor=actor, now=now)
    return team


def leave_teams(session: Session, user: User, *, actor: User, now: datetime) -> None:
    """Take ``user`` out of every team (managers and admins); each removal is audited."""
    require_role(actor, Role.manager, Role.admin)
    for team in list(session.scalars(select(Team).join(TeamMember, TeamMember.team_id == Team.id)
                                     .where(TeamMember.user_id == user.id))):
        remove_member(session, team, user, actor=actor, now=now)


def home_teams() -> Subquery:
    """A subquery ``(user_id, name)``: each staff member's home team, the one they joined first.

    Need to know lets a member of staff sit in several teams; statistics count each officer's work once,
    under their home team (the earliest membership row, so adding someone to a second team later does not
    move their figures).
    """
    first = select(func.min(TeamMember.id).label("member_id")).group_by(TeamMember.user_id).subquery()
    return (select(TeamMember.user_id, Team.name).join(Team, Team.id == TeamMember.team_id)
            .where(TeamMember.id.in_(select(first.c.member_id))).subquery("home_team"))


def home_team(session: Session, user_id: int | None) -> str | None:
    """The name of ``user_id``'s home team (see :func:`home_teams`), or None."""
    if user_id is None:
        return None
    home = home_teams()
    return session.scalar(select(home.c.name).where(home.c.user_id == user_id))


def teams(session: Session, *, actor: User) -> list[Team]:
    """All teams by name (staff)."""
    require_staff(actor)
    return list(session.scalars(select(Team).order_by(Team.name)))


def members(session: Session, *, actor: User) -> dict[int, list[User]]:
    """Each team's members by name: ``{team id: [users]}`` (staff)."""
    require_staff(actor)
    out: dict[int, list[User]] = {}
    rows = session.execute(select(TeamMember.team_id, User).join(User, User.id == TeamMember.user_id)
                           .order_by(User.name))
    for team_id, user in rows:
        out.setdefault(team_id, []).append(user)
    return out


def remove_member(session: Session, team: Team, user: User, *, actor: User, now: datetime) -> None:
    """Take a staff member out of a team (managers and admins); audited. Their assigned requests stay theirs."""
    require_role(actor, Role.manager, Role.admin)
    row = session.scalar(select(TeamMember).where(TeamMember.team_id == team.id, TeamMember.user_id == user.id))
    if row is None:
        return
    session.delete(row)  # membership is state, not a record: the audit event keeps the history
    session.flush()
    audit.record(session, "team.remove_member", actor=actor, now=now, target=f"team:{team.id}",
                 detail={"user_id": user.id})


def set_team(session: Session, request: Request, team: Team | None, *, actor: User, now: datetime) -> None:
    """Move a request to a team (managers who may see it). Seed: "only accessed on a need to know basis"."""
    require_role(actor, Role.manager)
    require_view(actor, request)
    old = request.team_id
    request.team_id = team.id if team is not None else None
    request.updated_at = now
    audit.record(session, "request.team", actor=actor, now=now, request_id=request.id, target=request.reference,
                 detail={"from": old, "to": request.team_id})


def restricted_to(session: Session, request: Request) -> list[int]:
    """Ids of the staff a restricted request is open to (empty: not restricted)."""
    return sorted(session.scalars(select(RequestRestriction.user_id).where(
        RequestRestriction.request_id == request.id, RequestRestriction.removed_at.is_(None))))


def set_restriction(session: Session, request: Request, user_ids: list[int], *, actor: User, reason: str,
                    now: datetime) -> list[int]:
    """Restrict ``request`` to the named staff (empty list: lift the restriction). Managers only.

    Issue 14: "a request can be restricted to named staff (a staff member's own SAR, an adoption file, a
    high-profile case)". The manager making the change must be in the list (or lift it), so nobody locks
    themselves out by accident; the assigned officer keeps access whatever the list says.

    :raises ValidationError: unknown or non-casework staff ids, or the manager left themselves out.
    """
    require_role(actor, Role.manager)
    require_view(actor, request)
    why = _reason(reason, "restricting a request")
    wanted = sorted(set(user_ids))
    if wanted:
        users = {u.id: u for u in session.scalars(select(User).where(User.id.in_(wanted)))}
        bad = [i for i in wanted if i not in users or users[i].role not in CASEWORK_ROLES or not users[i].is_active]
        if bad:
            raise ValidationError(f"these are not active officers or managers: {', '.join(map(str, bad))}")
        if actor.id not in wanted:
            raise ValidationError("include yourself in the list, or you could not see the request afterwards")
    current = {r.user_id: r for r in session.scalars(select(RequestRestriction).where(
        RequestRestriction.request_id == request.id, RequestRestriction.removed_at.is_(None)))}
    for uid, row in current.items():
        if uid not in wanted:
            row.removed_at = now
    for uid in wanted:
        if uid not in current:
            session.add(RequestRestriction(request_id=request.id, user_id=uid, reason=why, added_by_id=actor.id,
                                           added_at=now))
    session.flush()
    audit.record(session, "request.restrict", actor=actor, now=now, request_id=request.id,
                 target=request.reference, detail={"from": sorted(current), "to": wanted, "reason": why})
    return wanted


def open_with_reason(session: Session, reference: str, *, actor: User, reason: str, now: datetime) -> Request:
    """Open a request outside one's team with a recorded reason; the reason is kept and audited.

    Seed: information is "only accessed on a need to know basis", so the reason must say what the need is.
    A restricted request is not opened this way, and looks exactly like an unknown reference.

    :raises NotFound: unknown reference, or restricted to others. :raises NotPermitted: not an officer or manager.
    """
    require_role(actor, Role.officer, Role.manager)
    why = _reason(reason, "opening a request outside your team")
    req = session.scalars(select(Request).where(Request.reference == (reference or "").strip().upper())).first()
    if req is None or (restricted_to(session, req) and not can_view(actor, req)):
        audit.record(session, "request.open_refused", actor=actor, now=now, target=(reference or "")[:40],
                     detail={"reason": why})
        raise NotFound("no such request")
    if not can_view(actor, req):
        session.add(AccessGrant(request_id=req.id, user_id=actor.id, reason=why, granted_at=now))
        session.flush()
    audit.record(session, "request.open_with_reason", actor=actor, now=now, request_id=req.id,
                 target=req.reference, detail={"reason": why})
    return req


def access_grants(session: Session, request: Request, *, actor: User) -> list[AccessGrant]:
    """Who opened the request with a reason, newest first (staff who may see it)."""
    require_view(actor, request)
    return list(session.scalars(select(AccessGrant).where(AccessGrant.request_id == request.id)
                                .order_by(AccessGrant.id.desc())))

