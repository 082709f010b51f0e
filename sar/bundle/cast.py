"""The cast of a request's bundle in the officer's hands: see it, correct it once, confirm it (issue 11).

The engine resolves who is who across the bundle (``redaction.cast.describe_cast``; stored on the
proposal job as ``result["cast"]``). The officer corrects that cast once — merge two people, split
one, mark a professional, add an alias or a known third party from the case record — and confirms
it; the confirmed cast (:class:`~sar.models.RequestCast`, in the ``redaction.cast`` input shape) is
given to every later proposal run (``sar.bundle.jobs.proposal_context``), where confirmed facts win.
Confirming queues a new proposal run; decisions already taken by hand are kept by
``sar.bundle.redactions.store_proposals`` (a decided redaction is never re-proposed or undone).

People the engine could not place (``unresolved``) and whom the officer has not placed are the
*unresolved-mention queue* (:func:`unresolved_mentions`): their names are proposed for redaction
(fail closed) and each mention needs a look.

Every use case takes ``session``, ``actor`` and ``now``, is audited, flushes and never commits.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redaction.cast import ROLES, UNRESOLVED, parse_cast
from sar.bundle import jobs
from sar.core import audit
from sar.core.errors import Conflict, ValidationError
from sar.core.permissions import require_staff, require_view
from sar.models import BundleItem, Job, Redaction, Request, RequestCast, User
from sar.release import packs

#: The corrections an officer makes to a cast (:func:`correct_cast`), with the fields each needs.
CORRECTIONS = {
    "merge": ("name", "other"),        # ``other`` becomes an alias of ``name``
    "split": ("name", "alias"),        # the alias ``alias`` of ``name`` is a person of its own
    "role": ("name", "role"),          # e.g. mark a professional (rulebook: Sch 2 para 17 staff)
    "alias": ("name", "alias"),        # add another name the person goes by
    "add": ("name", "role"),           # a known person from the case record
    "remove": ("name",),               # drop a confirmed person (the engine decides about them again)
}


def _fold(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def _row(session: Session, request: Request) -> RequestCast | None:
    return session.scalars(select(RequestCast).where(RequestCast.request_id == request.id)).first()


def engine_cast(session: Session, request: Request) -> list[dict[str, Any]]:
    """The cast the last finished proposal run resolved (``redaction.cast.describe_cast`` shape), or []."""
    job = session.scalars(select(Job).where(Job.request_id == request.id, Job.kind == jobs.PROPOSAL_JOB,
                                            Job.status == "done").order_by(Job.id.desc())).first()
    return list((job.result or {}).get("cast") or []) if job is not None else []


def _names(person: dict[str, Any]) -> set[str]:
    return {_fold(person["name"]), *(_fold(a) for a in person.get("aliases") or ())}


def _draft_from_engine(found: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The engine's placed people as a cast to correct (unresolved people wait for the officer)."""
    out = []
    for p in found:
        if p.get("status") in ROLES:
            aliases = [f for f in p.get("forms") or () if _fold(f) != _fold(p["name"])]
            out.append({"name": p["name"], "role": p["status"], "aliases": aliases, "relationship": "",
                        "org": None})
    return out


def current_people(session: Session, request: Request) -> list[dict[str, Any]]:
    """The cast being worked on: the stored one (draft or confirmed), else the engine's placed people."""
    row = _row(session, request)
    if row is not None:
        return [dict(p) for p in row.people]
    return _draft_from_engine(engine_cast(session, request))


def _normalise(people: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Validate with ``redaction.cast.parse_cast`` and return plain JSON (ValueError → ValidationError)."""
    try:
        members = parse_cast({"people": list(people)})
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    seen: set[str] = set()
    out = []
    for m in members:
        names = {_fold(m.name), *(_fold(a) for a in m.aliases)}
        if names & seen:
            raise ValidationError(f"{m.name!r} (or one of their aliases) is listed twice; merge them instead")
        seen |= names
        out.append({"name": m.name, "role": m.role, "aliases": list(dict.fromkeys(m.aliases)),
                    "relationship": m.relationship, "org": m.org})
    return out


def view_cast(session: Session, request: Request, *, actor: User, now: datetime) -> dict[str, Any]:
    """The cast as the request page and ``GET /api/requests/{ref}/cast`` show it (audited read).

    :returns: ``{"confirmed", "confirmed_at", "version", "people": [{"name", "role", "aliases",
        "relationship", "org", "mentions", "evidence", "examples", "source"}], "unresolved": n}``;
        ``source`` is ``confirmed`` (the officer's cast), ``draft`` (being corrected) or ``engine``.
    """
    require_view(actor, request)
    require_staff(actor)
    row = _row(session, request)
    found = engine_cast(session, request)
    people = current_people(session, request)
    source = "engine" if row is None else ("confirmed" if row.confirmed_at else "draft")
    placed: set[str] = set()
    out = []
    for person in people:
        names = _names(person)
        placed |= names
        hits = [p for p in found if _names({"name": p["name"], "aliases": p.get("forms")}) & names]
        mentions = [m for p in hits for m in p.get("mentions") or ()]
        out.append({**person, "mentions": len(mentions), "examples": mentions[:5], "source": source,
                    "evidence": list(dict.fromkeys(e for p in hits for e in p.get("evidence") or ()))})
    for p in found:
        if p.get("status") == UNRESOLVED and not (_names({"name": p["name"], "aliases": p.get("forms")}) & placed):
            out.append({"name": p["name"], "role": UNRESOLVED, "aliases": [f for f in p.get("forms") or ()
                                                                         if _fold(f) != _fold(p["name"])],
                        "relationship": "", "org": None, "mentions": len(p.get("mentions") or ()),
                        "examples": list(p.get("mentions") or ())[:5], "source": "engine",
                        "evidence": list(p.get("evidence") or ())})
    audit.record(session, "cast.view", actor=actor, now=now, request_id=request.id, target=f"request:{request.id}")
    return {"confirmed": bool(row and row.confirmed_at), "version": row.version if row else 0,
            "confirmed_at": row.confirmed_at.isoformat() if row and row.confirmed_at else None,
            "people": out, "unresolved": sum(p["role"] == UNRESOLVED for p in out)}


def _find(people: list[dict[str, Any]], name: str) -> dict[str, Any]:
    for p in people:
        if _fold(name) in _names(p):
            return p
    raise ValidationError(f"nobody called {name!r} is in the cast")


def apply_correction(people: Sequence[dict[str, Any]], kind: str, fields: dict[str, str]) -> list[dict[str, Any]]:
    """``people`` after one correction (:data:`CORRECTIONS`); pure, validated.

    :raises ValidationError: an unknown correction, a missing field, or a person not in the cast
        (a name for ``add``/``merge`` may be an unresolved person the engine found).
    """
    if kind not in CORRECTIONS:
        raise ValidationError(f"unknown correction {kind!r}; use one of {', '.join(CORRECTIONS)}")
    values = {k: " ".join((fields.get(k) or "").split()) for k in CORRECTIONS[kind]}
    missing = [k for k, v in values.items() if not v]
    if missing:
        raise ValidationError(f"a {kind} needs {' and '.join(missing)}")
    people = [dict(p, aliases=list(p.get("aliases") or ())) for p in people]
    name = values["name"]
    if kind == "add":
        people.append({"name": name, "role": values["role"], "aliases": [],
                       "relationship": " ".join((fields.get("relationship") or "").split()), "org": None})
    elif kind == "remove":
        people.remove(_find(people, name))
    elif kind == "role":
        person = _find(people, name)
        person["role"] = values["role"]
        if fields.get("relationship"):
            person["relationship"] = " ".join(fields["relationship"].split())
    elif kind == "alias":
        _find(people, name)["aliases"].append(values["alias"])
    elif kind == "merge":
        keep = _find(people, name)
        other_name = values["other"]
        try:
            other = _find(people, other_name)
        except ValidationError:  # an unresolved person the engine found: only their name to merge
            other = {"name": other_name, "aliases": []}
        else:
            if other is keep:
                raise ValidationError("choose two different people to merge")
            people.remove(other)
        keep["aliases"] += [other["name"], *other["aliases"]]
    elif kind == "split":
        person = _find(people, name)
        alias = values["alias"]
        if _fold(alias) not in {_fold(a) for a in person["aliases"]}:
            raise ValidationError(f"{alias!r} is not an alias of {person['name']!r}")
        person["aliases"] = [a for a in person["aliases"] if _fold(a) != _fold(alias)]
        people.append({"name": alias, "role": fields.get("role") or person["role"], "aliases": [],
                       "relationship": "", "org": None})
    return _normalise(people)


def _store(session: Session, request: Request, people: list[dict[str, Any]], *, actor: User, now: datetime,
           confirm: bool, version: int | None) -> RequestCast:
    row = _row(session, request)
    if version is not None and version != (row.version if row else 0):
        raise Conflict("the cast was changed by someone else since you loaded it; reload and try again")
    if row is None:
        row = RequestCast(request_id=request.id, people=people, version=1, updated_at=now, updated_by_id=actor.id)
        session.add(row)
    else:
        row.people = people
        row.version += 1
        row.updated_at, row.updated_by_id = now, actor.id
    row.confirmed_at = now if confirm else None
    row.confirmed_by_id = actor.id if confirm else None
    session.flush()
    return row


def correct_cast(session: Session, request: Request, kind: str, fields: dict[str, str], *, actor: User,
                 now: datetime) -> RequestCast:
    """Apply one correction to the request's cast and keep it as a draft (audited).

    :raises NotPermitted: the actor is not staff. :raises ValidationError: see :func:`apply_correction`.
    """
    require_staff(actor)
    require_view(actor, request)
    people = apply_correction(current_people(session, request), kind, fields)
    row = _store(session, request, people, actor=actor, now=now, confirm=False, version=None)
    audit.record(session, "cast.correct", actor=actor, now=now, request_id=request.id, target=f"cast:{row.id}",
                 detail={"correction": kind, "people": len(people)})
    return row


def confirm_cast(session: Session, request: Request, people: Sequence[dict[str, Any]] | None = None, *,
                 actor: User, now: datetime, version: int | None = None) -> tuple[RequestCast, Job | None]:
    """Confirm the cast (``people``, or the current draft) and queue proposals recomputed from it.

    :param version: the version the caller saw (``PUT`` sends it); a stale one is refused.
    :returns: the stored cast and the queued proposal job (None when the bundle has no case-record
        documents yet: the cast is used by the first run).
    :raises ValidationError: a malformed cast. :raises Conflict: a stale ``version``, a proposal run
        already going, or a request that can no longer change.
    """
    require_staff(actor)
    require_view(actor, request)
    people = _normalise(current_people(session, request) if people is None else people)
    row = _store(session, request, people, actor=actor, now=now, confirm=True, version=version)
    audit.record(session, "cast.confirm", actor=actor, now=now, request_id=request.id, target=f"cast:{row.id}",
                 detail={"people": len(people), "version": row.version})
    job = None
    if packs.release_items(session, request):
        job = jobs.start_proposal_job(session, request, actor=actor, now=now)
    return row, job


def unresolved_mentions(session: Session, request: Request, *, actor: User, now: datetime) -> list[dict[str, Any]]:
    """Every mention of a person nobody has placed, in bundle order, with the proposal to decide.

    A person is placed when the engine resolved them or the officer's cast names them (name or alias).
    Each entry: ``{"person", "document", "item_id", "page" (1-based), "text", "redaction_id",
    "decision"}``; ``redaction_id`` is the live redaction covering the mention on that page, if any.
    Audited read.
    """
    require_staff(actor)
    require_view(actor, request)
    placed: set[str] = set()
    row = _row(session, request)
    for person in row.people if row is not None else []:
        placed |= _names(person)
    items = {i.filename: i for i in packs.release_items(session, request)}
    order = {name: n for n, name in enumerate(items)}
    out = []
    # One entry per redaction: the engine may list one occurrence under several forms ("Ann", "Ann
    # Smith"), and two occurrences on a page are two redactions, each decided on its own.
    used: set[int] = set()
    bare: set[tuple[str, int, int, str]] = set()
    for p in engine_cast(session, request):
        if p.get("status") != UNRESOLVED or _names({"name": p["name"], "aliases": p.get("forms")}) & placed:
            continue
        for m in p.get("mentions") or ():
            item = items.get(m["document"])
            if item is None:
                continue
            red = _covering(session, item, m["page"] - 1, m["text"], skip=used)
            if red is None and _covering(session, item, m["page"] - 1, m["text"]) is not None:
                continue  # every proposal covering it is already listed
            if red is None:
                key = (p["name"], item.id, m["page"], _fold(m["text"]))
                if key in bare:
                    continue
                bare.add(key)
            else:
                used.add(red.id)
            out.append({"person": p["name"], "document": m["document"], "item_id": item.id, "page": m["page"],
                        "text": m["text"], "redaction_id": red.id if red else None,
                        "decision": red.status if red else None})
    out.sort(key=lambda e: (order.get(e["document"], 0), e["page"], e["person"]))
    audit.record(session, "cast.unresolved.view", actor=actor, now=now, request_id=request.id,
                 target=f"request:{request.id}", detail={"mentions": len(out)})
    return out


def _covering(session: Session, item: BundleItem, page: int, text: str,
              skip: Collection[int] = ()) -> Redaction | None:
    folded = _fold(text)
    for r in session.scalars(select(Redaction).where(Redaction.bundle_item_id == item.id, Redaction.page == page,
                                                     Redaction.superseded_at.is_(None)).order_by(Redaction.id)):
        if r.id in skip:
            continue
        if folded and (folded in _fold(r.text) or _fold(r.text) in folded) and r.text.strip():
            return r
    return None


def stored_people(session: Session, request: Request) -> list[dict[str, Any]]:
    """The officer's own cast, draft or confirmed ([] before their first correction or confirmation)."""
    row = _row(session, request)
    return [dict(p) for p in row.people] if row is not None else []


def confirmed_people(session: Session, request: Request) -> list[dict[str, Any]]:
    """The confirmed cast to give the engine ([] until the officer confirms one)."""
    row = _row(session, request)
    return [dict(p) for p in row.people] if row is not None and row.confirmed_at is not None else []
