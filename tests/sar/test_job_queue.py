"""Several workers claiming proposal jobs from one database: each job runs exactly once (issue 11).

Real threads, each with its own engine (connection pool), as separate worker processes would have; on
PostgreSQL (``DATABASE_URL``) the claim is ``FOR UPDATE SKIP LOCKED``, on SQLite the conditional update.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import replace

from sar.bundle import jobs
from sar.core.db import make_engine, make_session_factory, utcnow
from sar.models import Job
from tests.sar._docs import THIRD_PARTY, add_pdf, make_team, sar_request
from tests.sar.test_jobs import FakeEngine


class CountingEngine(FakeEngine):
    """Records which documents it was given, and works slowly enough for the workers to overlap."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: Counter[str] = Counter()
        self.lock = threading.Lock()

    def propose(self, documents, context, *, progress=None, workers=1):
        with self.lock:
            self.seen.update(d.name for d in documents)
        time.sleep(0.05)
        return super().propose(documents, context, progress=progress, workers=workers)


def test_three_workers_run_every_queued_job_exactly_once(fresh_db_url, settings, tmp_path):
    settings = replace(settings, database_url=fresh_db_url)
    engine = make_engine(fresh_db_url)
    factory = make_session_factory(engine)
    now = utcnow()
    with factory() as session:
        team = make_team(session)
        proposals = []
        for n in range(9):
            req = sar_request(session, settings, team, now)
            add_pdf(session, req, team, now, settings, f"Note {n}: {THIRD_PARTY} called.", filename=f"doc{n}.pdf")
            proposals.append(jobs.start_proposal_job(session, req, actor=team.officer, now=now))
        session.commit()
        proposal_ids = {j.id for j in proposals}
    fake = CountingEngine()
    ran: list[int] = []
    errors: list[BaseException] = []

    def worker() -> None:
        own = make_engine(fresh_db_url)
        try:
            own_factory = make_session_factory(own)
            while (job_id := jobs.run_next_job(own_factory, settings=settings, now_fn=utcnow, engine=fake)) is not None:
                ran.append(job_id)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    # A spare worker may take a proposal's per-document child job (any worker may: that is what keeps
    # every core busy), so ``ran`` holds those children too; nothing may run twice.
    assert sorted(ran) == sorted(set(ran))
    assert proposal_ids <= set(ran)
    assert fake.seen == Counter({f"doc{n}.pdf": 1 for n in range(9)})
    with factory() as session:
        every = session.query(Job).all()
        assert {j.status for j in every} == {"done"} and {j.attempts for j in every} == {1}
        assert set(ran) <= {j.id for j in every}
    engine.dispose()
