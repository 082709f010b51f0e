"""Plain builder functions with keyword defaults (CTFd ``gen_*`` / indico ``create_user`` style)."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from sar.accounts import users
from sar.core.settings import Settings
from sar.intake import requests as req_uc
from sar.models import Request, User

_seq = itertools.count(1)
PASSWORD = "correct horse battery"
DEFAULT_NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def make_user(session: Session, role: str = "officer", *, email: str | None = None, name: str | None = None,
              password: str = PASSWORD, now: datetime = DEFAULT_NOW) -> User:
    n = next(_seq)
    return users.create_user(session, email=email or f"{role}{n}@example.gov.uk", name=name or f"{role.title()} {n}",
                             password=password, role=role, now=now, actor=None)


def make_request(session: Session, settings: Settings, *, actor: User | None = None, owner: User | None = None,
                 description: str = "Please send me a copy of my social care file.",
                 requester_name: str = "Jamie Example", requester_email: str = "jamie@example.org",
                 subject_name: str | None = None, subject_dob: date | None = None,
                 regime: str | None = None, received_at: datetime | None = None,
                 channel: str = "email", now: datetime = DEFAULT_NOW) -> Request:
    if actor is None:
        actor = owner if owner is not None else make_user(session, "officer")
    return req_uc.open_request(
        session, actor=actor, now=now, settings=settings, description=description,
        requester=req_uc.PersonIn(name=requester_name, email=requester_email),
        subject=req_uc.PersonIn(name=subject_name, dob=subject_dob) if subject_name else None,
        received_at=received_at or now, channel=channel if actor.role != "requester" else "portal",
        regime=regime if actor.role != "requester" else None, owner=owner)
