"""SQLAlchemy base class, engine and session factory.

Nothing here runs at import time: callers build an engine from :class:`sar.settings.Settings`.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Engine, MetaData, create_engine, event, select, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

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
