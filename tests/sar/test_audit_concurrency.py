"""The audit chain stays whole when many staff sessions append at once (issue 8, "Jobs and the
embedded database"): sequence numbers are allocated one writer at a time on SQLite and PostgreSQL,
so concurrent audited reads never fail and the chain always verifies.

Runs on the database the suite is configured for (SQLite file, or PostgreSQL with DATABASE_URL).
"""

from __future__ import annotations

import threading
from dataclasses import replace

from sar.core import audit
from sar.core.db import engine_for, make_session_factory, utcnow
from sar.core.settings import Settings
from sar.intake import requests
from sar.models import AuditEvent, User
from tests.factories import make_request, make_user

THREADS = 8
READS = 50


def test_concurrent_audited_reads_never_fail_and_the_chain_verifies(fresh_db_url, tmp_path):
    settings = replace(Settings(), database_url=fresh_db_url, storage_dir=tmp_path / "s")
    engine = engine_for(settings)
    factory = make_session_factory(engine)
    with factory.begin() as session:
        officers = [make_user(session, "officer") for _ in range(THREADS)]
        reference = make_request(session, settings, actor=officers[0]).reference
        officer_ids = [o.id for o in officers]
    errors: list[str] = []
    start = threading.Barrier(THREADS)

    def staff(officer_id: int) -> None:
        start.wait()
        for _ in range(READS):
            try:
                with factory.begin() as session:
                    actor = session.get(User, officer_id)
                    requests.get_request(session, reference, actor=actor, now=utcnow())
            except Exception as exc:  # noqa: BLE001 - every failure is the finding
                errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")

    threads = [threading.Thread(target=staff, args=(oid,)) for oid in officer_ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == [], f"{len(errors)} of {THREADS * READS} reads failed, first: {errors[:3]}"
        with factory() as session:
            result = audit.verify(session)
            assert result.ok, result.problem
            views = session.query(AuditEvent).filter_by(action="request.view").count()
            assert views == THREADS * READS
    finally:
        engine.dispose()


def test_the_first_appends_to_an_empty_log_race_safely(fresh_db_url, tmp_path):
    """With no head row yet, concurrent first appends must not both create it."""
    settings = replace(Settings(), database_url=fresh_db_url, storage_dir=tmp_path / "s")
    engine = engine_for(settings)
    factory = make_session_factory(engine)
    errors: list[str] = []
    start = threading.Barrier(THREADS)

    def append(i: int) -> None:
        start.wait()
        try:
            with factory.begin() as session:
                audit.record(session, "system.start", actor=None, now=utcnow(), target=f"thread:{i}")
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")

    threads = [threading.Thread(target=append, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        with factory() as session:
            result = audit.verify(session)
            assert result.ok and result.checked == THREADS, result
    finally:
        engine.dispose()
