"""A worker process for ``test_queue_workers``: claims ``probe`` jobs with the product's queue code.

usage: python -m tests.worker.queue_probe LOG_DIR

Runs :func:`sar.bundle.steps.run_step` (lease renewed by its thread, completion fenced by the lease,
failures retried with backoff) on jobs of kind ``probe``, whose work is to log ``start`` and sleep.
The first run of the job whose params say ``"slow": true`` sleeps for a minute, so the test can
SIGKILL its worker mid-task. Each line of ``LOG_DIR/<pid>.log`` is ``start|done <job id> <attempt>``;
``done`` is written only when the job was completed by this process. Exits when no job is left to do.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from sqlalchemy import select

from sar.bundle import jobs, steps
from sar.core.db import engine_for, make_session_factory, utcnow
from sar.core.settings import Settings
from sar.models import Job

PROBE = "probe"


def main(log_dir: Path) -> int:
    settings = Settings.from_env()
    factory = make_session_factory(engine_for(settings))
    log = (log_dir / f"{os.getpid()}.log").open("a", buffering=1)

    def probe(params: dict, *, settings, engine, job_id: int) -> tuple[dict, str]:
        log.write(f"start {job_id}\n")
        flag = log_dir / f"slow-{job_id}"
        if params.get("slow") and not flag.exists():
            flag.touch()
            time.sleep(60)  # killed here by the test
        time.sleep(params.get("seconds", 0.05))
        return {"by": os.getpid()}, "probed"

    steps._RUNNERS[PROBE] = probe
    idle_since = time.monotonic()
    while time.monotonic() - idle_since < 60:
        job_id = jobs.claim_next_job(factory, now_fn=utcnow, kinds=(PROBE,),
                                     lease=jobs.stale_after(settings))
        if job_id is None:
            with factory() as session:
                left = session.scalars(select(Job.id).where(Job.kind == PROBE,
                                                            Job.status.in_(("queued", "running")))).first()
            if left is None:
                return 0
            time.sleep(0.1)
            continue
        idle_since = time.monotonic()
        if steps.run_step(factory, job_id, worker=jobs.worker_name(), settings=settings, now_fn=utcnow) == "done":
            log.write(f"done {job_id}\n")
    return 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
