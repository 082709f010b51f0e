"""Bundles of any size through the job queue (issue 11): 1, 2, 3 ``python -m worker --jobs-only`` on PostgreSQL.

usage: .venv/bin/python bench/pipeline_jobs.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres
           [--sizes 360,1440,5760] [--workers 1,2,3] [--range-pages 120] [--pack] [--vanilla]

For each size and number of workers: a fresh PostgreSQL database (migrated, dropped afterwards), one
request with one PDF of that many *distinct* synthetic pages (``bench/redaction_speed.build_bundle``),
a proposal job queued as the officer would, then that many ``python -m worker --jobs-only``
processes started together; the clock stops when the job is done (extract+detect page-range jobs
on every worker, the cast decided once, proposals stored). With ``--pack`` every proposal is then
accepted and a pack job queued and timed the same way (burn-in+verify page-range jobs, joined and
verified, pack built and verified).

Printed per row: wall seconds, CPU-seconds of the worker processes (``RUSAGE_CHILDREN``: their
model loading included, a few CPU-seconds each), pages per wall-second and per CPU-second, and the
largest worker's peak memory (its VmHWM, read before it exits). The machine's load distorts wall time
(not CPU-seconds much); under ``chrt`` only the first worker keeps the real-time policy. ``--vanilla``
runs vanilla Presidio + PyMuPDF (``bench/redaction_speed.vanilla``, one process) on the same bundle once
per size, beside the rows; the bundle is the cached one ``bench/pipeline_speed.py`` uses, so the two
benches read the same bytes.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _children() -> tuple[float, float]:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def _database(pg: str):
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from sar.core.db import make_engine

    name = f"sar_bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n "
                              "AND pid <> pg_backend_pid()"), {"n": name})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()

    return make_url(pg).set(database=name).render_as_string(hide_password=False), drop


def _wait(factory, job_id: int) -> str:
    from sar.models import Job

    while True:
        with factory() as session:
            job = session.get(Job, job_id)
            if job.status in ("done", "failed", "dead"):
                return f"{job.status}: {job.message}"
        time.sleep(0.5)


def _timed_run(env: dict, workers: int, factory, job_id: int) -> dict:
    cpu0, _ = _children()
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-m", "worker", "--jobs-only"], cwd=REPO, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              preexec_fn=None if i == 0 else _normal_policy) for i in range(workers)]
    try:
        outcome = _wait(factory, job_id)
        wall = time.perf_counter() - t0
        # Each worker's own peak, read before it exits (RUSAGE_CHILDREN's is the largest of every
        # child this bench ever waited for, earlier rows included).
        peak = max(_peak_mb(p.pid) for p in procs)
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            p.wait(120)
    cpu1, _ = _children()
    return {"wall": wall, "cpu": cpu1 - cpu0, "peak": peak, "outcome": outcome}


def _normal_policy() -> None:
    """Under a real-time policy (``chrt``), only the first worker keeps it: the bench takes one core ahead of others."""
    if os.sched_getscheduler(0) != os.SCHED_OTHER:
        os.sched_setscheduler(0, os.SCHED_OTHER, os.sched_param(0))


def _peak_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a live process, in MB; 0 if it cannot be read."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure(pg: str, pages: int, workers: int, range_pages: int, pack: bool) -> list[tuple[str, dict]]:
    """One size with ``workers`` workers: the proposal job (and the pack job) timed."""
    from datetime import UTC, datetime
    from types import SimpleNamespace

    from redaction_speed import build_bundle
    from sqlalchemy import select

    from sar.bundle import documents, jobs, redactions
    from sar.core import audit, migrate
    from sar.core.db import make_engine, make_session_factory
    from sar.core.settings import Settings
    from sar.models import Redaction
    from sar.workflow.transitions import transition
    from tests.factories import make_request, make_user

    url, drop = _database(pg)
    storage = tempfile.mkdtemp(prefix="sar-bench-")
    engine = make_engine(url)
    try:
        migrate.upgrade(url)
        settings = Settings(database_url=url, storage_dir=Path(storage), secret_key="bench", environment="test",
                            job_range_pages=range_pages)
        audit.use_keys(settings.audit_keys)  # the demo key: a bench database, dropped afterwards
        factory = make_session_factory(engine)
        data, meta = build_bundle(pages)
        now = datetime.now(UTC)
        with factory.begin() as session:
            officer = make_user(session, "officer")
            team = SimpleNamespace(officer=officer)
            owner = make_user(session, "requester")
            # The subject asks for their own file (as tests/sar/_docs.sar_request): entitled at submission.
            req = make_request(session, settings, actor=team.officer, owner=owner, regime="sar", now=now,
                               subject_name=meta["subject"]["name"], requester_name=meta["subject"]["name"],
                               requester_email="subject@example.org")
            transition(session, req, "in_progress", actor=officer, reason="id checked", now=now)
            documents.add_document(session, req, data, "bundle.pdf", actor=officer, now=now, settings=settings)
            job_id = jobs.start_proposal_job(session, req, actor=officer, now=now).id
            req_id, officer_id = req.id, officer.id
        env = {k: v for k, v in os.environ.items() if not k.startswith("SAR_")}
        env.update(SAR_DATABASE_URL=url, SAR_STORAGE_DIR=storage, SAR_ENV="test", SAR_SECRET_KEY="bench",
                   SAR_JOB_RANGE_PAGES=str(range_pages), SAR_JOB_STALE_SECONDS="600", PYTHONUNBUFFERED="1")
        rows = [("proposals", _timed_run(env, workers, factory, job_id))]
        if pack:
            from sar.models import Request, User

            with factory.begin() as session:
                officer = session.get(User, officer_id)
                # The requester is the subject and is named in the cover letter: their own name is kept.
                own = set(meta["subject"]["name"].lower().split())
                for red in session.scalars(select(Redaction).where(Redaction.status == "proposed")):
                    mine = own & set((red.text or "").lower().replace(".", " ").split())
                    redactions.decide_redaction(session, red, "rejected" if mine else "accepted",
                                                reason="the requester's own name" if mine else None,
                                                actor=officer, now=now)
                job_id = jobs.start_pack_job(session, session.get(Request, req_id), actor=officer, now=now).id
            rows.append(("pack", _timed_run(env, workers, factory, job_id)))
        return rows
    finally:
        engine.dispose()
        drop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pg", required=True, help="a PostgreSQL URL whose user may create databases")
    ap.add_argument("--sizes", default="360,1440,5760")
    ap.add_argument("--workers", default="1,2,3")
    ap.add_argument("--range-pages", type=int, default=120)
    ap.add_argument("--pack", action="store_true", help="also accept every proposal and build the pack")
    ap.add_argument("--vanilla", action="store_true",
                    help="also run vanilla Presidio + PyMuPDF on the same bundle, once per size, beside the rows")
    args = ap.parse_args()
    print(f"cores: {os.cpu_count()}; range: {args.range_pages} pages; wall time depends on the load on the "
          "machine, CPU-seconds much less", flush=True)
    print(f"{'phase':10} {'pages':>6} {'workers':>7} {'wall s':>8} {'CPU s':>8} {'pages/s':>8} {'pages/CPU-s':>12} "
          f"{'peak MB':>8}  outcome", flush=True)
    for pages in (int(s) for s in args.sizes.split(",") if s.strip()):
        if args.vanilla:
            from pipeline_speed import run as run_in_child

            r = run_in_child(pages, 1, "vanilla")
            print(f"{'vanilla':10} {pages:6d} {'-':>7} {r['seconds']:8.1f} {r['cpu']:8.1f} {pages / r['seconds']:8.2f} "
                  f"{pages / r['cpu']:12.2f} {r['rss_mb']:8.0f}  {r['boxes']} boxes (one process)", flush=True)
        for workers in (int(w) for w in args.workers.split(",") if w.strip()):
            try:
                rows = measure(args.pg, pages, workers, args.range_pages, args.pack)
            except Exception as exc:  # noqa: BLE001 - report the row, go on with the next
                print(f"{'-':10} {pages:6d} {workers:7d} failed: {type(exc).__name__}: {str(exc)[:200]}", flush=True)
                continue
            for phase, r in rows:
                print(f"{phase:10} {pages:6d} {workers:7d} {r['wall']:8.1f} {r['cpu']:8.1f} {pages / r['wall']:8.2f} "
                      f"{pages / r['cpu']:12.2f} {r['peak']:8.0f}  {r['outcome'][:60]}", flush=True)


if __name__ == "__main__":
    main()
