"""The audit chain is keyed (HMAC with a key outside the database, rotatable by key id) and anchored.

Someone with write access to the database but not the key cannot re-sign an altered row, cannot
pass rows off as pre-keying "legacy" rows, and cannot truncate the log without the anchors showing it.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from sar.core import audit, audit_anchor
from sar.core.db import make_engine, make_session_factory
from sar.core.settings import REPO_ROOT, ConfigError, Settings, parse_keyring
from sar.models import AuditEvent, AuditHead

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
OLD = (("2026a", "old-secret-0123456789"),)
NEW = (("2026b", "new-secret-9876543210"), ("2026a", "old-secret-0123456789"))


@pytest.fixture(autouse=True)
def _restore_keyring():
    saved = audit._keyring
    yield
    audit._keyring = saved


def _fill(session, n=3, start=0):
    for i in range(start, start + n):
        audit.record(session, "request.view", actor=None, now=NOW + timedelta(seconds=i), target=f"T{i}")


def _rows(session):
    return session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()


def test_rows_carry_a_key_id_and_an_hmac_not_a_bare_hash(session):
    audit.use_keys(OLD)
    _fill(session)
    row = _rows(session)[-1]
    assert row.key_id == "2026a"
    assert row.hash != audit._legacy_hash(row.prev_hash, row)
    assert audit.verify(session).ok


def test_rewrite_resigned_without_the_key_is_caught(session):
    """The old probe: alter a row and recompute its hash (and every later one) with SHA-256 over SQL."""
    audit.use_keys(OLD)
    _fill(session, 4)
    rows = _rows(session)
    victim = rows[-3]
    prev = victim.prev_hash
    for row in rows[-3:]:
        if row is victim:
            row.target = "forged"
        row.prev_hash = prev
        # Forger who knows the format but not the key: keyed rows need the HMAC, so try both.
        row.hash = hashlib.sha256((prev + audit._canonical(audit._payload(row))).encode()).hexdigest()
        prev = row.hash
    session.get(AuditHead, 1).last_hash = prev
    session.flush()
    result = audit.verify(session)
    assert not result.ok and result.first_bad_seq == victim.seq and "MAC" in result.problem


def test_rewriting_rows_as_legacy_is_caught(session):
    """A NULL key id (legacy, hash-only) row after a keyed row is tampering, even if its hash is right."""
    audit.use_keys(OLD)
    _fill(session, 3)
    rows = _rows(session)
    victim = rows[-1]
    victim.key_id = None
    victim.target = "forged"
    victim.hash = audit._legacy_hash(victim.prev_hash, victim)
    session.get(AuditHead, 1).last_hash = victim.hash
    session.flush()
    result = audit.verify(session)
    assert not result.ok and result.first_bad_seq == victim.seq and "legacy" in result.problem


def test_legacy_prefix_verifies_by_hash_only(fresh_db_url):
    """Rows written before keying (key id NULL, plain SHA-256) still verify, then the keyed chain links on."""
    engine = make_engine(fresh_db_url)
    factory = make_session_factory(engine)
    audit.use_keys(OLD)
    with factory.begin() as s:
        _fill(s, 3)
        prev = audit.GENESIS
        for row in _rows(s):  # turn them into what the migration leaves behind: pre-keying rows
            row.key_id = None
            row.prev_hash = prev
            row.hash = audit._legacy_hash(prev, row)
            prev = row.hash
        s.get(AuditHead, 1).last_hash = prev
    with factory.begin() as s:
        _fill(s, 2, start=3)
    with factory() as s:
        result = audit.verify(s)
        assert result.ok and result.checked == 5 and result.legacy == 3
        assert audit.legacy_rows(s) == 3
    engine.dispose()


def test_rotation_old_rows_verify_with_their_own_key(session):
    audit.use_keys(OLD)
    _fill(session, 2)
    audit.use_keys(NEW)
    _fill(session, 2, start=2)
    keys = [r.key_id for r in _rows(session)[-4:]]
    assert keys == ["2026a", "2026a", "2026b", "2026b"]
    assert audit.verify(session).ok
    # Drop the old key from the ring: its rows can no longer be verified, and verify says which key.
    audit.use_keys(NEW[:1])
    result = audit.verify(session)
    assert not result.ok and "2026a" in result.problem


def test_wrong_key_fails_verification(session):
    audit.use_keys(OLD)
    _fill(session, 2)
    audit.use_keys((("2026a", "a-different-secret"),))
    assert not audit.verify(session).ok


def test_keyring_setting_parses_and_rejects_bad_entries(monkeypatch):
    assert parse_keyring("X", "k2:two, k1:one") == (("k2", "two"), ("k1", "one"))
    for bad in ("nosecret", "k1:", ":x", "k1:a,k1:b", "bad id!:x"):
        with pytest.raises(ConfigError):
            parse_keyring("X", bad)
    monkeypatch.setenv("SAR_ENV", "production")
    monkeypatch.delenv("SAR_AUDIT_KEY", raising=False)
    with pytest.raises(ConfigError, match="SAR_AUDIT_KEY is not set"):
        Settings.from_env().check_audit_key()
    monkeypatch.setenv("SAR_AUDIT_KEY", "dev:dev-only-insecure-audit-key")
    with pytest.raises(ConfigError, match="published"):
        Settings.from_env().check_audit_key()
    monkeypatch.setenv("SAR_AUDIT_KEY", "2026a:a-real-long-secret")
    Settings.from_env().check_audit_key()
    monkeypatch.setenv("SAR_ENV", "test")
    monkeypatch.delenv("SAR_AUDIT_KEY")
    assert Settings.from_env().audit_keys  # demo/test run on the published dev key


def test_client_ip_and_user_agent_are_recorded_and_signed(session):
    audit.use_keys(OLD)
    audit.set_client(session, "203.0.113.7", "Mozilla/5.0 test")
    row = audit.record(session, "request.view", actor=None, now=NOW)
    assert (row.client_ip, row.user_agent) == ("203.0.113.7", "Mozilla/5.0 test")
    session.execute(text("UPDATE audit_events SET client_ip = '198.51.100.1' WHERE id = :id"), {"id": row.id})
    session.expire_all()
    result = audit.verify(session)
    assert not result.ok and result.first_bad_seq == row.seq


# --- anchors -------------------------------------------------------------------------------------


def test_anchor_catches_truncation_that_rewinds_the_head(fresh_db_url, tmp_path):
    audit.use_keys(OLD)
    anchors = tmp_path / "anchors.jsonl"
    engine = make_engine(fresh_db_url)
    factory = make_session_factory(engine)
    with factory.begin() as s:
        _fill(s, 5)
    with factory() as s:
        assert audit_anchor.write_anchor(s, anchors, now=NOW).seq == 5
        assert audit_anchor.write_anchor(s, anchors, now=NOW) is None  # head has not moved
        result, count = audit_anchor.verify_with_anchors(s, anchors)
        assert result.ok and count == 1
    # The database user deletes the last two rows and winds the head back: the chain itself verifies...
    with factory.begin() as s:
        s.execute(text("DELETE FROM audit_events WHERE seq > 3"))
        row3 = s.scalars(select(AuditEvent).where(AuditEvent.seq == 3)).one()
        s.execute(text("UPDATE audit_head SET last_seq = 3, last_hash = :h"), {"h": row3.hash})
    with factory() as s:
        assert audit.verify(s).ok
        # ... but not against the anchor.
        result, _ = audit_anchor.verify_with_anchors(s, anchors)
        assert not result.ok and "truncated" in result.problem and result.first_bad_seq == 4
    engine.dispose()


def test_anchor_catches_a_rewrite_resigned_with_the_key(session, tmp_path):
    """Even someone holding the key cannot rewrite anchored history unnoticed."""
    audit.use_keys(OLD)
    anchors = tmp_path / "anchors.jsonl"
    _fill(session, 3)
    audit_anchor.write_anchor(session, anchors, now=NOW)
    rows = _rows(session)
    prev = rows[-3].prev_hash
    for row in rows[-3:]:
        row.target = "rewritten"
        row.prev_hash = prev
        row.hash = audit._hash(prev, row)
        prev = row.hash
    session.get(AuditHead, 1).last_hash = prev
    session.flush()
    assert audit.verify(session).ok
    result, _ = audit_anchor.verify_with_anchors(session, anchors)
    assert not result.ok and "anchor" in result.problem and result.first_bad_seq == rows[-1].seq


def test_forged_anchor_line_is_refused(session, tmp_path):
    audit.use_keys(OLD)
    anchors = tmp_path / "anchors.jsonl"
    _fill(session, 2)
    audit_anchor.write_anchor(session, anchors, now=NOW)
    fields = json.loads(anchors.read_text())
    fields["seq"] = 1
    anchors.write_text(json.dumps(fields) + "\n")
    with pytest.raises(audit_anchor.AnchorError, match="signature"):
        audit_anchor.read_anchors(anchors)


def _sar(url, *args, **env):
    base = {"SAR_DATABASE_URL": url, "PATH": "/usr/bin:/bin", "SAR_ENV": "production",
            "SAR_AUDIT_KEY": "2026a:old-secret-0123456789", "SAR_SECRET_KEY": "x" * 40}
    return subprocess.run([str(REPO_ROOT / ".venv/bin/sar"), *args], capture_output=True, text=True,
                          env={**base, **env}, timeout=120)


def test_cli_anchor_then_verify_reports_truncation(fresh_db_url, tmp_path):
    audit.use_keys(OLD)
    engine = make_engine(fresh_db_url)
    with make_session_factory(engine).begin() as s:
        _fill(s, 4)
    anchors = str(tmp_path / "a.jsonl")
    out = _sar(fresh_db_url, "audit", "anchor", SAR_AUDIT_ANCHOR_FILE=anchors)
    assert out.returncode == 0 and "seq 4" in out.stdout, out.stderr
    ok = _sar(fresh_db_url, "audit", "verify", SAR_AUDIT_ANCHOR_FILE=anchors)
    assert ok.returncode == 0 and "1 anchors" in ok.stdout, ok.stderr
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events WHERE seq = 4"))
        h = conn.execute(text("SELECT hash FROM audit_events WHERE seq = 3")).scalar()
        conn.execute(text("UPDATE audit_head SET last_seq = 3, last_hash = :h"), {"h": h})
    engine.dispose()
    bad = _sar(fresh_db_url, "audit", "verify", SAR_AUDIT_ANCHOR_FILE=anchors)
    assert bad.returncode == 1 and "truncated" in bad.stderr
    nokey = _sar(fresh_db_url, "audit", "verify", SAR_AUDIT_KEY="")
    assert nokey.returncode == 1 and "SAR_AUDIT_KEY" in nokey.stderr


def test_a_command_that_writes_audit_rows_refuses_without_a_key_in_one_line(fresh_db_url):
    done = _sar(fresh_db_url, "user", "add", "new.officer@example.org", "--name", "New Officer", "--role", "officer",
                "--password", "a long enough passphrase 42", SAR_AUDIT_KEY="")
    assert done.returncode == 1 and "SAR_AUDIT_KEY is not set" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_format_1_rows_still_verify_and_cannot_follow_format_2(session, monkeypatch):
    """Chains written before format 2 (MAC over every field) verify unchanged; the format is per row."""
    audit.use_keys(OLD)
    monkeypatch.setattr(audit, "FORMAT", 1)
    _fill(session, 2)
    monkeypatch.setattr(audit, "FORMAT", 2)
    _fill(session, 2, start=2)
    rows = _rows(session)
    assert [r.fmt for r in rows] == [1, 1, 2, 2]
    assert audit.verify(session).ok
    rows = _rows(session)  # verify() detached the rows it read
    # Format 1 signs the detail itself; format 2 signs only its digest, which must match.
    rows[0].detail = {"x": 1}
    session.flush()
    assert audit.verify(session).first_bad_seq == 1
    rows = _rows(session)
    rows[0].detail = {}
    rows[3].fmt = 1
    session.flush()
    result = audit.verify(session)
    assert not result.ok and result.first_bad_seq == 4 and "format 1 row after a format 2" in result.problem


def test_format_2_mac_covers_the_digest_not_the_details(session):
    audit.use_keys(OLD)
    _fill(session, 1)
    row = _rows(session)[0]
    assert row.fmt == audit.FORMAT == 2 and len(row.personal_digest) == 64
    row.personal_digest = "0" * 64
    session.flush()
    assert not audit.verify(session).ok
