"""deploy/postgres-roles.sql: the app's PostgreSQL role can append to the audit log but not rewrite it.

Runs against the local PostgreSQL (skipped when it does not answer): a throw-away database and
throw-away owner/app roles, the shipped script run with psql before and after the migrations, then
the probe from issue 15: an UPDATE/DELETE of audit_events as the app role is refused, and a rewrite
done as the owner role is caught by ``sar audit verify`` (the keyed chain).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from sar.core import audit, migrate
from sar.core.db import make_engine, make_session_factory
from sar.core.settings import REPO_ROOT

ADMIN = os.environ.get("SAR_TEST_PG_ADMIN", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SCRIPT = REPO_ROOT / "deploy" / "postgres-roles.sql"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _pg_available() -> bool:
    if shutil.which("psql") is None:
        return False
    try:
        engine = make_engine(ADMIN, connect_timeout=3)
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


pytestmark = pytest.mark.skipif(not _pg_available(), reason="local PostgreSQL and psql needed")


@pytest.fixture
def roles_db():
    """A fresh database plus unique owner/app role names; everything dropped afterwards."""
    tag = uuid.uuid4().hex[:8]
    name, owner, app = f"sar_roles_{tag}", f"sar_owner_{tag}", f"sar_app_{tag}"
    admin = make_engine(ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = make_url(ADMIN).set(database=name)
    yield base, owner, app
    with admin.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name})
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        for role in (app, owner):
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


def _psql_script(url, owner: str, app: str) -> None:
    done = subprocess.run(
        ["psql", "-X", "-q", "-h", url.host, "-p", str(url.port), "-U", url.username, "-d", url.database,
         "-v", f"owner_role={owner}", "-v", f"app_role={app}", "-f", str(SCRIPT)],
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def _as(url, role: str) -> str:
    return url.set(username=role).render_as_string(hide_password=False)


def test_app_role_cannot_rewrite_the_audit_log_and_an_owner_rewrite_is_caught(roles_db):
    url, owner, app = roles_db
    _psql_script(url, owner, app)            # roles first,
    migrate.upgrade(_as(url, owner))          # then the migrations as the owner,
    _psql_script(url, owner, app)            # then the grants on what they made.
    app_engine = make_engine(_as(url, app))
    factory = make_session_factory(app_engine)
    # The app role works normally: appends audit events (head included).
    with factory.begin() as s:
        for i in range(3):
            audit.record(s, "request.view", actor=None, now=NOW, target=f"T{i}")
    with factory() as s:
        assert audit.verify(s).ok
    # ... but cannot rewrite, delete or truncate them.
    for probe in ("UPDATE audit_events SET target = 'forged' WHERE seq = 2",
                  "UPDATE audit_events SET personal_digest = NULL, hash = 'x', fmt = 1 WHERE seq = 2",
                  "DELETE FROM audit_events WHERE seq = 3",
                  "TRUNCATE audit_events",
                  "ALTER TABLE audit_events DISABLE TRIGGER ALL",
                  "DELETE FROM audit_head"):
        with app_engine.connect() as conn, pytest.raises(ProgrammingError, match="permission denied|must be owner"):
            conn.execute(text(probe))
    # It may overwrite only the personal-detail columns (disposal minimises them), and an edit there
    # of a row as written is still caught: format 2 MACs a keyed digest of those details.
    with app_engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET detail = '{\"forged\": 1}' WHERE seq = 3"))
    with factory() as s:
        result = audit.verify(s)
        assert not result.ok and result.first_bad_seq == 3 and "personal details" in result.problem
    with app_engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET minimised_at = now() WHERE seq = 3"))
    with factory() as s:
        assert "never disposed" in audit.verify(s).problem
    with app_engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET detail = '{}', minimised_at = NULL WHERE seq = 3"))
    # A rewrite by the owner (or a superuser) succeeds in SQL but `sar audit verify` names it.
    env = {"PATH": "/usr/bin:/bin", "SAR_ENV": "test", "SAR_DATABASE_URL": _as(url, app)}
    sar = str(REPO_ROOT / ".venv" / "bin" / "sar")
    ok = subprocess.run([sar, "audit", "verify"], capture_output=True, text=True, env=env, timeout=120)
    assert ok.returncode == 0, ok.stderr
    owner_engine = make_engine(_as(url, owner))
    with owner_engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET target = 'forged' WHERE seq = 2"))
    owner_engine.dispose()
    bad = subprocess.run([sar, "audit", "verify"], capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 1 and "seq 2" in bad.stderr, bad.stderr
    app_engine.dispose()


def test_new_tables_are_append_only_for_the_app_until_the_script_grants_more(roles_db):
    """Fail closed: a table a later migration adds is not rewritable by the app until the script re-runs."""
    url, owner, app = roles_db
    _psql_script(url, owner, app)
    owner_engine = make_engine(_as(url, owner))
    with owner_engine.begin() as conn:
        conn.execute(text("CREATE TABLE later_table (id int)"))
    app_engine = make_engine(_as(url, app))
    with app_engine.begin() as conn:
        conn.execute(text("INSERT INTO later_table VALUES (1)"))
    with app_engine.connect() as conn, pytest.raises(ProgrammingError, match="permission denied"):
        conn.execute(text("UPDATE later_table SET id = 2"))
    _psql_script(url, owner, app)
    with app_engine.begin() as conn:
        conn.execute(text("UPDATE later_table SET id = 2"))
    app_engine.dispose()
    owner_engine.dispose()
