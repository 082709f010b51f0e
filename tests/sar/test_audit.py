"""The audit log is a hash chain: any altered, deleted or truncated row is caught and named."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from sar.core import audit
from sar.core.db import make_engine, make_session_factory
from sar.core.settings import REPO_ROOT
from sar.models import AuditEvent

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _fill(session, n=5):
    for i in range(n):
        audit.record(session, "request.view", actor=None, now=NOW + timedelta(seconds=i), target=f"T{i}",
                     detail={"i": i, "note": "ünïcödé ✓", "nested": {"b": 2, "a": [1, 2]}})


def test_chain_verifies_and_links(session):
    _fill(session)
    result = audit.verify(session)
    assert result.ok and result.checked >= 5
    rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
    for prev, row in zip(rows, rows[1:], strict=False):
        assert row.prev_hash == prev.hash and row.seq == prev.seq + 1


def test_altered_row_is_named(session):
    _fill(session)
    row = session.scalars(select(AuditEvent).order_by(AuditEvent.seq).offset(2).limit(1)).one()
    seq = row.seq
    session.execute(text("UPDATE audit_events SET action = 'request.edit' WHERE id = :id"), {"id": row.id})
    session.expire_all()
    result = audit.verify(session)
    assert not result.ok and result.first_bad_seq == seq and "hash" in result.problem


def test_altered_detail_is_caught(session):
    _fill(session)
    row = session.scalars(select(AuditEvent).order_by(AuditEvent.seq).limit(1)).one()
    seq = row.seq
    session.execute(text("UPDATE audit_events SET detail = '{\"i\": 99}' WHERE id = :id"), {"id": row.id})
    session.expire_all()
    assert audit.verify(session).first_bad_seq == seq


def test_deleted_middle_row_is_caught(session):
    _fill(session)
    row = session.scalars(select(AuditEvent).order_by(AuditEvent.seq).offset(1).limit(1)).one()
    seq = row.seq
    session.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": row.id})
    session.expire_all()
    result = audit.verify(session)
    assert not result.ok and result.first_bad_seq == seq


def test_deleted_last_row_is_caught(session):
    _fill(session)
    last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).one()
    session.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": last.id})
    session.expire_all()
    result = audit.verify(session)
    assert not result.ok and "removed" in result.problem


def test_rehashed_forgery_without_head_is_caught(session):
    """Someone who recomputes one row's hash still breaks the next row's link."""
    _fill(session)
    rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
    victim = rows[1]
    victim.action = "forged"
    victim.hash = audit._hash(victim.prev_hash, victim)
    session.flush()
    result = audit.verify(session)
    assert not result.ok and result.first_bad_seq == rows[2].seq


def _run_cli(url, *args):
    env = {"SAR_DATABASE_URL": url, "PATH": "/usr/bin:/bin", "SAR_ENV": "test"}
    return subprocess.run([str(REPO_ROOT / ".venv/bin/sar"), *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.mark.parametrize("tamper", [
    "UPDATE audit_events SET target = 'x' WHERE seq = 2",
    "DELETE FROM audit_events WHERE seq = 2",
    "DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)",
])
def test_cli_verify_exit_codes(fresh_db_url, tamper):
    engine = make_engine(fresh_db_url)
    with make_session_factory(engine).begin() as s:
        _fill(s, 4)
    ok = _run_cli(fresh_db_url, "audit", "verify")
    assert ok.returncode == 0, ok.stderr
    assert "intact" in ok.stdout
    with engine.begin() as conn:
        conn.execute(text(tamper))
    engine.dispose()
    bad = _run_cli(fresh_db_url, "audit", "verify")
    assert bad.returncode == 1
    assert "BROKEN" in bad.stderr and "seq" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
