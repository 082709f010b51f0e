"""The worker's scheduled jobs: thin wrappers that run ``sar`` sweeps, one transaction per run.

APScheduler's SQLAlchemy job store pickles a *reference* to each job function (``worker.jobs:send_outbox``)
and its arguments, so the jobs are module-level functions that take no arguments: they find the settings
and the session factory in this module's runtime, set by :func:`register_jobs` (or built from the
environment on first use in a process that did not call it). Nothing secret, such as the database
password, is written to the job store.

Every sweep is idempotent (see :mod:`sar.messaging.reminders`), so a run that is missed, repeated or killed half
way does no harm: the next run finds whatever is still due.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.orm import Session, sessionmaker

from sar.bundle import jobs as bundle_jobs
from sar.bundle import steps
from sar.confidentiality import consultations
from sar.core import audit, audit_anchor
from sar.core.db import LONDON, engine_for, make_session_factory, utcnow
from sar.core.settings import Settings
from sar.intake import record_calls
from sar.messaging import mailer, reminders
from sar.retention import weekly_review

log = logging.getLogger(__name__)

#: Stable job ids: registering again replaces these rows in the job store instead of adding more.
OUTBOX = "sar.outbox"
ACKNOWLEDGEMENTS = "sar.acknowledgements"
REMINDERS = "sar.reminders"
DAILY_DIGEST = "sar.daily_digest"
BACKGROUND_JOBS = "sar.background_jobs"
RETENTION_REVIEW = "sar.retention_review"
AUDIT_ANCHOR = "sar.audit_anchor"
STEP_SWEEP = "sar.step_sweep"
JOB_IDS = (OUTBOX, ACKNOWLEDGEMENTS, REMINDERS, DAILY_DIGEST, BACKGROUND_JOBS, RETENTION_REVIEW, AUDIT_ANCHOR,
           STEP_SWEEP)
BACKGROUND_JOBS_NAME = "background jobs (redaction proposals)"

#: Test hook: seconds to wait between outgoing e-mails (lets a test kill the worker mid-batch).
SLOW_SEND_ENV = "SAR_WORKER_SLOW_SEND_SECONDS"
#: Test hook: seconds a background job waits, heartbeat beating, before computing proposals (lets a
#: test kill the worker mid-job).
PAUSE_IN_JOB_ENV = "SAR_WORKER_PAUSE_IN_JOB_SECONDS"
#: Test hook: seconds to wait after a sweep has queued its e-mails and before it commits.
PAUSE_BEFORE_COMMIT_ENV = "SAR_WORKER_PAUSE_BEFORE_COMMIT_SECONDS"
#: The daily digest goes at this hour, London time; a worker started later in the morning catches up.
DIGEST_HOUR = 7
DIGEST_CATCH_UP_UNTIL_HOUR = 12
#: Background jobs run per tick at most, so a queue of jobs cannot hold the thread for ever.
MAX_JOBS_PER_TICK = 20

#: Set when the worker is shutting down; long loops check it between items.
STOPPING = threading.Event()


@dataclass(frozen=True)
class Runtime:
    """What the jobs in this process run against."""

    settings: Settings
    session_factory: sessionmaker


_runtime: Runtime | None = None
_runtime_lock = threading.Lock()


def configure(settings: Settings, session_factory: sessionmaker) -> None:
    """Set the settings and session factory the jobs in this process use."""
    global _runtime
    with _runtime_lock:
        _runtime = Runtime(settings, session_factory)
    audit.use_keys(settings.audit_keys)


def runtime() -> Runtime:
    """The configured runtime, or one built from ``SAR_*`` environment variables on first use."""
    global _runtime
    with _runtime_lock:
        if _runtime is None:
            settings = Settings.from_env()
            _runtime = Runtime(settings, make_session_factory(engine_for(settings)))
        return _runtime


def _seconds(env: str) -> float:
    try:
        return max(float(os.environ.get(env) or 0), 0.0)
    except ValueError:
        log.warning("%s is not a number; ignored", env)
        return 0.0


def run_sweep(sweep: Callable[..., int], rt: Runtime | None = None) -> int:
    """Run one ``sar.messaging.reminders`` sweep in its own transaction (committed here); return how many it queued."""
    rt = rt or runtime()
    session: Session
    with rt.session_factory.begin() as session:
        queued = sweep(session, now=utcnow(), settings=rt.settings)
        if queued:
            log.info("%s queued %d e-mail(s); committing", sweep.__name__, queued)
            pause = _seconds(PAUSE_BEFORE_COMMIT_ENV)
            if pause:
                STOPPING.wait(pause)
    return queued


def _run_sweeps(*sweeps: Callable[..., int]) -> int:
    rt = runtime()
    total = 0
    for sweep in sweeps:
        if STOPPING.is_set():
            break
        try:
            total += run_sweep(sweep, rt)
        except Exception:
            # One failing sweep (e.g. a bad template) must not stop the others; it is retried next run.
            log.exception("%s failed; it will be retried on the next run", sweep.__name__)
    return total


# --- the jobs (module-level, argument-free: the job store pickles references to them) -------------------


def send_outbox() -> int:
    """Send due outbox e-mails (every 30 s)."""
    rt = runtime()
    sent = mailer.send_pending(rt.session_factory, settings=rt.settings, now_fn=utcnow,
                               pause_seconds=_seconds(SLOW_SEND_ENV), should_stop=STOPPING.is_set)
    if sent:
        log.info("sent %d e-mail(s)", sent)
    return sent


def _then_send(queued: int) -> int:
    # Send what a sweep queued straight away rather than at the next outbox tick; the mailer's claims
    # make this safe beside a concurrent outbox run.
    if queued and not STOPPING.is_set():
        try:
            send_outbox()
        except Exception:
            log.exception("sending after the sweep failed; the outbox job will retry")
    return queued


def acknowledge_requests() -> int:
    """Acknowledge new requests to their requesters (every 60 s), then send them."""
    return _then_send(_run_sweeps(reminders.acknowledge_new_requests))


def send_reminders() -> int:
    """Reminders, notices, overdue escalations, chasers for calls for records and consultations (15 min)."""
    total = _run_sweeps(reminders.remind_due_soon, reminders.remind_extension_notice,
                        reminders.escalate_overdue, record_calls.chase_record_calls,
                        consultations.chase_overdue_consultations)
    _fail_stale_background_jobs()
    return _then_send(total)


def send_daily_digest() -> int:
    """One digest per manager (07:00 Europe/London), then send them."""
    return _then_send(_run_sweeps(reminders.send_daily_digest))


def review_retention() -> int:
    """List the request files due for disposal to every manager (Mondays 07:30); deletes nothing."""
    return _then_send(_run_sweeps(weekly_review))


def _fail_stale_background_jobs() -> None:
    rt = runtime()
    try:
        failed = bundle_jobs.fail_stale_jobs(rt.session_factory, now=utcnow(),
                                             older_than=bundle_jobs.stale_after(rt.settings))
    except Exception:
        log.exception("could not check for stale background jobs")
        return
    if failed:
        log.warning("marked %d background job(s) failed: their worker stopped", failed)


class _PausedEngine:
    """Test hook (:data:`PAUSE_IN_JOB_ENV`): wait, then hand over to the real engine."""

    def __init__(self, pause: float, jobs_module) -> None:
        self.pause, self.jobs = pause, jobs_module

    def propose(self, documents, context, *, progress=None, workers=1):  # noqa: D102
        log.info("background job pausing %.1f s (%s)", self.pause, PAUSE_IN_JOB_ENV)
        if STOPPING.wait(self.pause):
            raise RuntimeError("the worker is stopping")
        return self.jobs.default_engine().propose(documents, context, progress=progress, workers=workers)


def run_background_jobs() -> int:
    """Fail background jobs whose worker died, then run queued ones until none is left (every 5 s)."""
    _fail_stale_background_jobs()
    rt = runtime()
    pause = _seconds(PAUSE_IN_JOB_ENV)
    engine = _PausedEngine(pause, bundle_jobs) if pause else None
    ran = 0
    while ran < MAX_JOBS_PER_TICK and not STOPPING.is_set():
        if bundle_jobs.run_next_job(rt.session_factory, settings=rt.settings, now_fn=utcnow, engine=engine) is None:
            break
        ran += 1
    return ran


def sweep_step_outputs() -> int:
    """Delete stored step outputs that a finished (failed, dead or crashed) parent job left (every 15 min)."""
    rt = runtime()
    return steps.sweep_orphans(rt.session_factory, rt.settings, now=utcnow())


def anchor_audit_log() -> int:
    """Append the audit chain's head to ``SAR_AUDIT_ANCHOR_FILE`` (every ``SAR_AUDIT_ANCHOR_MINUTES``).

    :return: 1 if an anchor was written, 0 if anchoring is off or the head has not moved.
    """
    rt = runtime()
    if rt.settings.audit_anchor_path is None:
        return 0
    with rt.session_factory() as session:
        written = audit_anchor.write_anchor(session, rt.settings.audit_anchor_path, now=utcnow())
    if written:
        log.info("anchored the audit log at seq %d in %s", written.seq, rt.settings.audit_anchor_path)
    return 1 if written else 0


# --- registration ---------------------------------------------------------------------------------------


def register_jobs(scheduler: BaseScheduler, session_factory: sessionmaker, settings: Settings) -> list[str]:
    """Add every job to ``scheduler`` under a stable id, replacing any stored copy.

    Interval jobs first run as soon as the scheduler starts (a restarted worker catches up at once);
    ``coalesce``, ``max_instances=1`` and ``misfire_grace_time`` come from the scheduler's job defaults.

    :return: the job ids.
    """
    configure(settings, session_factory)
    now = datetime.now(UTC)
    interval_jobs = (
        (OUTBOX, send_outbox, 30, "send the outbox"),
        (ACKNOWLEDGEMENTS, acknowledge_requests, 60, "acknowledge new requests"),
        (REMINDERS, send_reminders, 15 * 60, "due-soon and notice reminders, overdue escalations"),
        (BACKGROUND_JOBS, run_background_jobs, 5, BACKGROUND_JOBS_NAME),
        # Registered always (a no-op while SAR_AUDIT_ANCHOR_FILE is unset), so the job store's rows are stable.
        (AUDIT_ANCHOR, anchor_audit_log, max(settings.audit_anchor_minutes * 60, 1), "anchor the audit log"),
        (STEP_SWEEP, sweep_step_outputs, 15 * 60, "delete step outputs left by stopped jobs"),
    )
    for job_id, func, seconds, name in interval_jobs:
        scheduler.add_job(func, IntervalTrigger(seconds=seconds, timezone="UTC"), id=job_id, name=name,
                          replace_existing=True, next_run_time=now)
    # A worker (re)started during the morning sends today's digest now if it has not gone yet (the
    # sweep is once per manager per day); otherwise the first run is the next 07:00.
    catch_up = {"next_run_time": now} if digest_catch_up(now) else {}
    scheduler.add_job(send_daily_digest, CronTrigger(hour=DIGEST_HOUR, minute=0, timezone="Europe/London"),
                      id=DAILY_DIGEST, name="daily digest for managers", replace_existing=True, **catch_up)
    scheduler.add_job(review_retention, CronTrigger(day_of_week="mon", hour=7, minute=30, timezone="Europe/London"),
                      id=RETENTION_REVIEW, name="weekly retention review (dry run)", replace_existing=True)
    return list(JOB_IDS)


def digest_catch_up(now: datetime) -> bool:
    """Whether a worker starting at ``now`` should send today's digest at once (07:00 to noon, London)."""
    return DIGEST_HOUR <= now.astimezone(LONDON).hour < DIGEST_CATCH_UP_UNTIL_HOUR


class QuietBusyJobs(logging.Filter):
    """Drop APScheduler's "skipped: maximum number of running instances" for background jobs.

    A redaction proposal job can run for minutes; the 5-second tick finding it still busy is expected.
    """

    def filter(self, record: logging.LogRecord) -> bool:  # noqa: D102
        message = record.getMessage()
        return not (BACKGROUND_JOBS_NAME in message and "maximum number of running instances" in message)
