"""The engine, the session factory and the clock (the declarative base is :mod:`sar.models.base`).

Nothing here runs at import time: callers build an engine from :class:`sar.core.settings.Settings`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, create_engine, event, select, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from sar.core.settings import DEFAULT_CONNECT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT, Settings

#: SQLite's busy timeout when no limit is asked for (a day: "wait", but not literally for ever).
SQLITE_NO_LIMIT = 24 * 3600.0

#: Times are stored in UTC and dated in the council's time: a receipt at 23:30 UTC in BST is the next
#: day (rulebook C1). The one definition of the zone; every layer above imports it from here.
LONDON = ZoneInfo("Europe/London")


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


class LockNotAcquired(Exception):
    """The row lock could not be taken.

    SQLite: the database stayed locked, or this transaction's snapshot was overtaken by another
    writer. Callers turn it into a "try again" conflict.
    """


def lock_for_update(session: Session, model: type, pk: int):
    """Take an exclusive lock on one row for the rest of the transaction and return it re-read.

    Used to serialise changes that must see each other (release against anything that voids an
    approval). On PostgreSQL this is ``SELECT … FOR UPDATE``. SQLite has no row locks, so the
    whole database's write lock is taken instead: ``BEGIN IMMEDIATE`` when no transaction is open
    on the connection yet (pysqlite opens one only before the first write), otherwise a no-op
    write to the row, which takes the write lock; either way whatever is read afterwards is
    current and no other writer can commit until this transaction ends.

    The returned object's columns are re-read from the database after the lock, so values the
    session had cached before it are refreshed.

    :raises LockNotAcquired: SQLite could not take the write lock within the busy timeout, or
        another writer committed since this transaction began reading.
    """
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        table = model.__table__
        try:
            raw = conn.connection.driver_connection
            if not raw.in_transaction:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                conn.execute(update(table).where(table.c.id == pk).values(id=table.c.id))
        except OperationalError as exc:
            raise LockNotAcquired(str(exc.orig)) from None
    session.flush()  # pending changes go first, so the refresh below cannot discard them
    obj = session.scalars(select(model).where(model.id == pk).with_for_update()).one()
    # Column values only: reloading relationship collections here would drop objects the caller
    # is about to append to them.
    session.refresh(obj, attribute_names=[attr.key for attr in sa_inspect(model).column_attrs])
    return obj
