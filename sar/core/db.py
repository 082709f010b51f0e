"""The engine, the session factory and the clock (the declarative base is :mod:`sar.models.base`).

Nothing here runs at import time: callers build an engine from :class:`sar.core.settings.Settings`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import sessionmaker

#: Times are stored in UTC and dated in the council's time: a receipt at 23:30 UTC in BST is the next
#: day (rulebook C1). The one definition of the zone; every layer above imports it from here.
LONDON = ZoneInfo("Europe/London")


def utcnow() -> datetime:
    """Return the current aware UTC time. Use cases take ``now`` as a parameter; callers use this."""
    return datetime.now(UTC)


def make_engine(url: str, **kwargs) -> Engine:
    """Create an engine; on SQLite turn on foreign keys and a busy timeout.

    :param url: SQLAlchemy database URL.
    """
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"timeout": 30, "check_same_thread": False})
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

    return engine


def make_session_factory(engine: Engine) -> sessionmaker:
    """Return a session factory bound to ``engine`` (expire_on_commit off for web rendering)."""
    return sessionmaker(bind=engine, expire_on_commit=False)
