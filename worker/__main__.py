"""``python -m worker``: the one scheduler process (reminders, escalations, outbox, background jobs).

Run exactly one of these per database (APScheduler FAQ: a dedicated scheduler process). The jobs live
in the database job store under stable ids, so restarting replaces them rather than adding copies.

``python -m worker --once`` runs every sweep once, sends the outbox until nothing is due, runs queued
background jobs, and exits: for cron-style deployments, smoke tests and the restart tests.

``python -m worker --jobs-only`` runs background jobs only (no scheduler, no sweeps): start any number
of these, on any number of machines, beside the one scheduler process. They claim jobs from the
database (``FOR UPDATE SKIP LOCKED`` on PostgreSQL) under a lease they keep renewing; a job whose
worker dies is reclaimed by another once its lease expires (``sar.bundle.queue``, issue 11).

Logs go to stderr. SIGTERM or SIGINT stops the scheduler cleanly: running jobs finish their current
item (each commits per item or per sweep), no new ones start, and the process exits 0.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from types import FrameType

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy import Engine

from sar.core.db import engine_for, make_session_factory
from sar.core.settings import ConfigError, Settings
from sar.messaging import reminders
from worker import jobs

log = logging.getLogger("worker")

JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 300}
#: How long a jobs-only worker waits after finding nothing to do.
JOBS_ONLY_IDLE_SECONDS = 1.0


def build_scheduler(engine: Engine,
                    scheduler_class: type[BaseScheduler] = BlockingScheduler) -> BaseScheduler:
    """A UTC scheduler whose job store is the ``apscheduler_jobs`` table in our database."""
    return scheduler_class(
        timezone="UTC",
        jobstores={"default": SQLAlchemyJobStore(engine=engine)},
        job_defaults=dict(JOB_DEFAULTS),
    )


def run_once(settings: Settings, session_factory) -> dict[str, int]:
    """Run every sweep once, then send the outbox and run background jobs until idle; return the counts."""
    jobs.configure(settings, session_factory)
    counts = {sweep.__name__: 0 for sweep in reminders.SWEEPS}
    for sweep in reminders.SWEEPS:
        try:
            counts[sweep.__name__] = jobs.run_sweep(sweep)
        except Exception:
            log.exception("%s failed", sweep.__name__)
    counts["sent"] = 0
    while not jobs.STOPPING.is_set():
        sent = jobs.send_outbox()
        counts["sent"] += sent
        if not sent:
            break
    counts["background_jobs"] = jobs.run_background_jobs()
    counts["audit_anchor"] = jobs.anchor_audit_log()
    return counts


def _configure_logging() -> None:
    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("apscheduler.scheduler").addFilter(jobs.QuietBusyJobs())
    # "Running job ..." every 5 seconds is noise; our jobs log what they did, APScheduler logs failures.
    logging.getLogger("apscheduler.executors.default").setLevel(logging.WARNING)
    logging.getLogger("apscheduler.executors.default").addFilter(jobs.QuietBusyJobs())


def main(argv: list[str] | None = None) -> int:
    """Entry point: parse arguments, build settings and the database, run until stopped."""
    parser = argparse.ArgumentParser(prog="python -m worker", description=__doc__.splitlines()[0])
    parser.add_argument("--once", action="store_true", help="run every job once and exit")
    parser.add_argument("--jobs-only", action="store_true",
                        help="run background jobs only, no scheduler (start as many as you like)")
    args = parser.parse_args(argv)
    _configure_logging()
    settings = Settings.from_env()
    try:
        settings.check_audit_key()
    except ConfigError as exc:
        log.error("%s", exc)
        return 2
    engine = engine_for(settings)
    session_factory = make_session_factory(engine)

    def stop(signum: int, _frame: FrameType | None) -> None:
        if jobs.STOPPING.is_set():
            return
        log.info("received %s; stopping", signal.Signals(signum).name)
        jobs.STOPPING.set()
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        if args.jobs_only:
            jobs.configure(settings, session_factory)
            log.info("job runner starting (no scheduler) on %s", engine.url.render_as_string(hide_password=True))
            while not jobs.STOPPING.is_set():
                if not jobs.run_background_jobs():
                    jobs.STOPPING.wait(JOBS_ONLY_IDLE_SECONDS)
            log.info("worker stopped")
            return 0
        if args.once:
            counts = run_once(settings, session_factory)
            log.info("one-shot run done: %s", ", ".join(f"{k}={v}" for k, v in counts.items()))
            return 0
        scheduler = build_scheduler(engine)
        ids = jobs.register_jobs(scheduler, session_factory, settings)
        log.info("worker starting with jobs %s on %s", ", ".join(ids),
                 engine.url.render_as_string(hide_password=True))
        try:
            scheduler.start()
        except SystemExit:
            pass
        finally:
            jobs.STOPPING.set()
            if scheduler.running:
                scheduler.shutdown(wait=True)
        log.info("worker stopped")
        return 0
    except SystemExit:
        log.info("worker stopped")
        return 0
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
