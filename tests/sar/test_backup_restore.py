"""The restore drill (issue 15, Operations): ``sar backup`` then ``sar restore`` into an empty database
and an empty store gives back every request, every document and a verifying audit chain.

Runs on SQLite, and on PostgreSQL (pg_dump/pg_restore) when DATABASE_URL points at it.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from sqlalchemy import select

from sar.core.db import make_engine, make_session_factory
from sar.core.settings import REPO_ROOT
from sar.models import AuditEvent, Document, Request
from tests.conftest import _create_database

SAR = str(REPO_ROOT / ".venv" / "bin" / "sar")


def _env(url, store, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAR_")}
    env.update(SAR_ENV="test", SAR_DATABASE_URL=url, SAR_STORAGE_DIR=str(store), **extra)
    return env


def _sar(env, *args):
    return subprocess.run([SAR, *args], capture_output=True, text=True, env=env, timeout=300)


def _snapshot(url):
    engine = make_engine(url)
    with make_session_factory(engine)() as s:
        snap = (sorted((r.reference, r.status, r.regime) for r in s.scalars(select(Request))),
                sorted(s.scalars(select(Document.sha256))),
                [(e.seq, e.hash) for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))])
    engine.dispose()
    return snap


@pytest.fixture
def empty_db(tmp_path):
    url, drop = _create_database(tmp_path)
    yield url
    drop()


def test_restore_drill_gives_back_every_request_document_and_a_verifying_chain(fresh_db_url, empty_db, tmp_path):
    source = _env(fresh_db_url, tmp_path / "store", SAR_STORAGE_ENCRYPTION="1")
    loaded = _sar(source, "demo")
    assert loaded.returncode == 0, loaded.stderr
    before = _snapshot(fresh_db_url)
    assert before[0] and before[1] and before[2]
    done = _sar(source, "backup", str(tmp_path / "bk"))
    assert done.returncode == 0, done.stderr
    manifest = json.loads((tmp_path / "bk" / "manifest.json").read_text())
    assert len(manifest["storage"]) >= len(before[1])

    target = _env(empty_db, tmp_path / "restored-store", SAR_STORAGE_ENCRYPTION="1")
    restored = _sar(target, "restore", str(tmp_path / "bk"))
    assert restored.returncode == 0, restored.stderr
    assert "audit chain intact" in restored.stdout
    assert _snapshot(empty_db) == before
    verify = _sar(target, "audit", "verify")
    assert verify.returncode == 0 and f"{len(before[2])} events verified" in verify.stdout, verify.stderr

    # Restoring again over the now-full database and store is refused, nothing touched.
    again = _sar(target, "restore", str(tmp_path / "bk"))
    assert again.returncode == 1 and "not empty" in again.stderr


def test_damaged_backup_is_refused_before_anything_is_restored(fresh_db_url, empty_db, tmp_path):
    source = _env(fresh_db_url, tmp_path / "store")
    assert _sar(source, "demo").returncode == 0
    assert _sar(source, "backup", str(tmp_path / "bk")).returncode == 0
    manifest = json.loads((tmp_path / "bk" / "manifest.json").read_text())
    victim = tmp_path / "bk" / "storage" / next(iter(manifest["storage"]))
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    os.chmod(victim, 0o640)
    victim.write_bytes(bytes(data))
    target = _env(empty_db, tmp_path / "restored-store")
    refused = _sar(target, "restore", str(tmp_path / "bk"))
    assert refused.returncode == 1 and "damaged" in refused.stderr
    assert not (tmp_path / "restored-store").exists()
    engine = make_engine(empty_db)
    from sqlalchemy import inspect
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == []
    engine.dispose()


def test_backup_refuses_a_non_empty_directory(fresh_db_url, tmp_path):
    (tmp_path / "bk").mkdir()
    (tmp_path / "bk" / "something").write_text("x")
    done = _sar(_env(fresh_db_url, tmp_path / "store"), "backup", str(tmp_path / "bk"))
    assert done.returncode == 1 and "not empty" in done.stderr
