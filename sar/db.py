"""SQLAlchemy base class, engine and session factory.

Nothing here runs at import time: callers build an engine from :class:`sar.settings.Settings`.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Engine, MetaData, create_engine, event
from sqlalchemy.orm import DeclarativeBase, sessionmaker
from sqlalchemy.types import TypeDecorator

from sar.settings import DEFAULT_CONNECT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT, Settings

#: SQLite's busy timeout when no limit is asked for (a day: "wait", but not literally for ever).
SQLITE_NO_LIMIT = 24 * 3600.0

#: Deterministic constraint names, so migrations are reviewable (architecture §7).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base for every SAR Desk model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC datetime on both SQLite (which drops tzinfo) and PostgreSQL.

    Naive datetimes are refused: every ``*_at`` value in SAR Desk is aware UTC (architecture §8.7).
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:  # noqa: D102
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware UTC datetime is required")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:  # noqa: D102
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    """Return the current aware UTC time. Use cases take ``now`` as a parameter; callers use this."""
    return datetime.now(UTC)


def make_engine(url: str, *, connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
                statement_timeout: float = DEFAULT_STATEMENT_TIMEOUT, **kwargs) -> Engine:
    """Create an engine that never waits for ever on the database.

    * PostgreSQL: ``connect_timeout`` (seconds) on every new connection and a server-side
      ``statement_timeout``, so a database that stops answering, or a lock that is never released,
      fails the request with an error instead of hanging it; pooled connections are checked
      before use (``pool_pre_ping``) so a restarted server costs no failed request.
    * SQLite: foreign keys on, WAL journal (readers never block the one writer) and a busy timeout
      of ``statement_timeout`` seconds, so a writer waits for the write lock rather than failing at
      once, and fails with "database is locked" if it is never released.

    :param url: SQLAlchemy database URL.
    :param connect_timeout: seconds to wait for a new connection (PostgreSQL); 0 waits for ever.
    :param statement_timeout: seconds one statement (PostgreSQL) or one wait for the write lock
        (SQLite) may take; 0 means no limit (migrations).
    """
    connect_args = dict(kwargs.pop("connect_args", {}))
    if url.startswith("sqlite"):
        connect_args.setdefault("timeout", statement_timeout or SQLITE_NO_LIMIT)
        connect_args.setdefault("check_same_thread", False)
    elif url.startswith("postgresql"):
        if connect_timeout:
            # libpq takes whole seconds and treats anything below 2 as 2.
            connect_args.setdefault("connect_timeout", max(int(round(connect_timeout)), 2))
        if statement_timeout:
            connect_args.setdefault("options", f"-c statement_timeout={int(statement_timeout * 1000)}")
        kwargs.setdefault("pool_pre_ping", True)
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

    return engine


def engine_for(settings: Settings, **kwargs) -> Engine:
    """The engine for ``settings``: its database URL with its connect and statement timeouts."""
    return make_engine(settings.database_url, connect_timeout=settings.db_connect_timeout_seconds,
                       statement_timeout=settings.db_statement_timeout_seconds, **kwargs)


def make_session_factory(engine: Engine) -> sessionmaker:
    """Return a session factory bound to ``engine`` (expire_on_commit off for web rendering)."""
    return sessionmaker(bind=engine, expire_on_commit=False)
