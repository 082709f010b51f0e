"""A running job's sign of life: its heartbeat and lease, renewed from a thread while it works (issue 11).

Split from :mod:`sar.bundle.jobs`, which re-exports :func:`beat`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import sessionmaker

from sar.core.settings import Settings
from sar.models import Job

log = logging.getLogger(__name__)

#: A running job whose heartbeat is older than this is assumed to belong to a dead worker.
STALE_AFTER = timedelta(seconds=Settings.job_stale_seconds)


def beat(session_factory: sessionmaker, job_id: int, *, now: datetime) -> bool:
    """Record a sign of life for a running job; return False if it is no longer running."""
    with session_factory.begin() as session:
        result = session.execute(update(Job).where(Job.id == job_id, Job.status == "running")
                                 .values(heartbeat_at=now, lease_until=now + STALE_AFTER))
        return result.rowcount == 1


class Heartbeat:
    """Beats a running job's heartbeat from a daemon thread, every ``interval`` seconds, until stopped.

    A thread rather than the progress callbacks, because one step (loading the language model, a
    page that needs OCR) can take longer than the stale limit while the process is perfectly alive.
    Use as a context manager around the work.
    """

    def __init__(self, session_factory: sessionmaker, job_id: int, *, interval: float,
                 now_fn: Callable[[], datetime]) -> None:
        self._factory, self._job_id, self._interval, self._now_fn = session_factory, job_id, interval, now_fn
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"job-{job_id}-heartbeat", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                if not beat(self._factory, self._job_id, now=self._now_fn()):
                    return
            except Exception:  # noqa: BLE001 - a missed beat is retried; the work goes on
                log.warning("job %s: could not record its heartbeat", self._job_id, exc_info=True)

    def __enter__(self) -> Heartbeat:
        if self._interval > 0:
            self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
