"""Shared fixtures: a migrated database (SQLite, or PostgreSQL when DATABASE_URL is set),
rollback-isolated sessions, fresh committed databases for multi-process tests, and settings.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
# Cheap argon2 parameters: the suite creates hundreds of accounts (see sar.accounts.users._make_hasher).
os.environ.setdefault("SAR_PASSWORD_HASH_COST", "fast")
# The tests opt in to running without a secret key of their own (Settings.check_secret_key); this
# reaches the servers and workers they start as subprocesses too.
os.environ.setdefault("SAR_ENV", "test")

from sar.core import migrate  # noqa: E402
from sar.core.db import make_engine  # noqa: E402
from sar.core.settings import REPO_ROOT, Settings  # noqa: E402

SHARED = (REPO_ROOT / ".." / "shared").resolve()


def _pg_url() -> str | None:
    url = os.environ.get("DATABASE_URL")
    return url if url and url.startswith("postgresql") else None


def _create_database(tmp_dir: Path) -> tuple[str, callable]:
    """Create an empty database; return its URL and a function that drops it."""
    pg = _pg_url()
    if pg is None:
        path = tmp_dir / f"sar-{uuid.uuid4().hex[:8]}.db"
        return f"sqlite:///{path}", lambda: None
    name = f"sar_test_{uuid.uuid4().hex[:10]}"
    admin = make_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg).set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n AND pid <> pg_backend_pid()"
            ), {"n": name})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()

    return url, drop


@pytest.fixture(scope="session")
def db_url(tmp_path_factory) -> Iterator[str]:
    """A database migrated to head once per test session (this also tests the migrations)."""
    url, drop = _create_database(tmp_path_factory.mktemp("db"))
    migrate.upgrade(url)
    yield url
    drop()


@pytest.fixture(scope="session")
def engine(db_url) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine) -> Iterator[Session]:
    """A session inside an outer transaction that is rolled back after the test (SQLAlchemy 2.0
    "joining a Session into an external transaction" recipe); code under test may commit."""
    conn = engine.connect()
    trans = conn.begin()
    sess = Session(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False)
    try:
        yield sess
    finally:
        sess.close()
        if trans.is_active:
            trans.rollback()
        conn.close()


@pytest.fixture
def fresh_db_url(tmp_path) -> Iterator[str]:
    """A brand-new migrated database whose commits are real, for servers, workers and subprocesses."""
    url, drop = _create_database(tmp_path)
    migrate.upgrade(url)
    yield url
    drop()


@pytest.fixture
def settings(tmp_path, db_url) -> Settings:
    return replace(Settings(), database_url=db_url, storage_dir=tmp_path / "storage",
                   secret_key="test-secret", smtp_port=0, environment="test")


@pytest.fixture
def now() -> datetime:
    return datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared material not found at {SHARED}")
    return SHARED
