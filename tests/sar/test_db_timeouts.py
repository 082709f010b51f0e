"""A database that stops answering fails the request instead of hanging it (issue 8): engines get a
connect timeout and a statement timeout (PostgreSQL) or a busy timeout (SQLite) from settings."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from sar.core import audit
from sar.core.db import engine_for, make_engine, make_session_factory, utcnow
from sar.core.settings import ConfigError, Settings


def _settings(url: str, **kwargs) -> Settings:
    return replace(Settings(), database_url=url, **kwargs)


def test_timeouts_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("SAR_DB_CONNECT_TIMEOUT", "4")
    monkeypatch.setenv("SAR_DB_STATEMENT_TIMEOUT", "12.5")
    cfg = Settings.from_env()
    assert (cfg.db_connect_timeout_seconds, cfg.db_statement_timeout_seconds) == (4.0, 12.5)
    monkeypatch.setenv("SAR_DB_STATEMENT_TIMEOUT", "soon")
    with pytest.raises(ConfigError, match="SAR_DB_STATEMENT_TIMEOUT must be a number of seconds"):
        Settings.from_env()
    monkeypatch.setenv("SAR_DB_STATEMENT_TIMEOUT", "-1")
    with pytest.raises(ConfigError, match="must not be negative"):
        Settings.from_env()


def test_engines_carry_the_configured_timeouts(fresh_db_url):
    engine = engine_for(_settings(fresh_db_url, db_statement_timeout_seconds=7))
    default = make_engine(fresh_db_url)
    try:
        with engine.connect() as conn, default.connect() as plain:
            if engine.dialect.name == "postgresql":
                assert conn.execute(text("SHOW statement_timeout")).scalar() == "7s"
                assert plain.execute(text("SHOW statement_timeout")).scalar() == "30s"
            else:
                assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 7000
                assert plain.execute(text("PRAGMA busy_timeout")).scalar() == 30000
                assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        engine.dispose()
        default.dispose()


def test_a_lock_that_is_never_released_fails_the_writer_instead_of_hanging_it(fresh_db_url):
    """Another connection holds the audit log's lock and never lets go: the audited change fails
    with a database error once the timeout passes (then the request gets an error page, not a hang)."""
    cfg = _settings(fresh_db_url, db_statement_timeout_seconds=0.5)
    engine = engine_for(cfg)
    factory = make_session_factory(engine)
    holder = engine.connect()
    try:
        blocker = holder.begin()
        if engine.dialect.name == "postgresql":
            holder.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": audit.CHAIN_LOCK_KEY})
        else:
            holder.execute(text("UPDATE audit_head SET last_seq = last_seq"))  # takes SQLite's write lock
        outcome: list[BaseException] = []

        def writer() -> None:
            try:
                with factory.begin() as session:
                    audit.record(session, "system.test", actor=None, now=utcnow())
            except BaseException as exc:  # noqa: BLE001
                outcome.append(exc)

        thread = threading.Thread(target=writer)
        thread.start()
        thread.join(120)
        assert not thread.is_alive(), "the writer is still waiting"
        assert len(outcome) == 1 and isinstance(outcome[0], OperationalError), outcome
        blocker.rollback()
    finally:
        holder.close()
        engine.dispose()
