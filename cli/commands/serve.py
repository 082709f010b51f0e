"""``sar serve`` and ``sar worker``: start the web server and the scheduler in their own processes.

They run as ``python -m web`` and ``python -m worker`` so that ``sar`` (the domain core) never
imports Flask or APScheduler (architecture: import direction).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import click

from cli.commands._common import settings
from sar.core.settings import ConfigError


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--with-worker", is_flag=True, help="Also start the scheduler worker beside the web server.")
def serve(host: str, port: int, with_worker: bool) -> None:
    """Serve the web app (and optionally the worker) until interrupted.

    Alone, the web server replaces this process (exec), so a signal to ``sar serve`` reaches the
    server itself. With ``--with-worker`` this process supervises both children: SIGTERM, SIGINT
    and SIGHUP are forwarded to both, and it waits for both before exiting, so stopping ``sar serve``
    never leaves a child holding the port; if one child exits, the other is stopped too.
    """
    # Refuse before starting anything, with one line (the web process would refuse too).
    try:
        settings().check_secret_key()
        settings().check_audit_key()
        settings().check_storage_key()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    web_argv = [sys.executable, "-m", "web", "--host", host, "--port", str(port)]
    if not with_worker:
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, web_argv)
    sys.exit(_supervise([[sys.executable, "-m", "worker"], web_argv]))


#: Seconds a child gets to stop after the forwarded signal before it is killed.
STOP_GRACE_SECONDS = 15.0


def _supervise(argvs: list[list[str]]) -> int:
    """Run the commands as children until one exits or a stop signal arrives; stop and reap all.

    :return: the exit status to leave with (the first failing child's, else 0).
    """
    stop = threading.Event()
    children: list[subprocess.Popen] = []

    def forward(signum: int, _frame) -> None:
        stop.set()
        for child in children:
            if child.poll() is None:
                child.send_signal(signum)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    try:
        for argv in argvs:
            children.append(subprocess.Popen(argv))
            if stop.is_set():  # a signal arrived while starting: pass it on to this child too
                children[-1].send_signal(signal.SIGTERM)
        while not stop.is_set() and all(child.poll() is None for child in children):
            stop.wait(0.2)
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for child in children:
            try:
                child.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    failing = [child.returncode for child in children if child.returncode not in (0, -signal.SIGTERM, -signal.SIGINT)]
    return failing[0] if failing and not stop.is_set() else 0


@click.command("worker")
def worker() -> None:
    """Run the scheduler worker (reminders, escalations, outbox, background jobs) in the foreground."""
    os.execv(sys.executable, [sys.executable, "-m", "worker"])


COMMANDS = [serve, worker]
