"""``sar serve`` and ``sar worker``: start the web server and the scheduler in their own processes.

They run as ``python -m web`` and ``python -m worker`` so that ``sar`` (the domain core) never
imports Flask or APScheduler (architecture: import direction).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import click

from cli.commands._common import settings
from sar.core.settings import ConfigError


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--with-worker", is_flag=True, help="Also start the scheduler worker beside the web server.")
def serve(host: str, port: int, with_worker: bool) -> None:
    """Serve the web app (and optionally the worker) until interrupted."""
    # Refuse before starting anything, with one line (the web process would refuse too).
    try:
        settings().check_secret_key()
        settings().check_audit_key()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    worker = None
    if with_worker:
        worker = subprocess.Popen([sys.executable, "-m", "worker"])
    try:
        rc = subprocess.call([sys.executable, "-m", "web", "--host", host, "--port", str(port)])
    except KeyboardInterrupt:
        rc = 0
    finally:
        if worker is not None and worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
    if rc:
        sys.exit(rc)


@click.command("worker")
def worker() -> None:
    """Run the scheduler worker (reminders, escalations, outbox, background jobs) in the foreground."""
    os.execv(sys.executable, [sys.executable, "-m", "worker"])


COMMANDS = [serve, worker]
