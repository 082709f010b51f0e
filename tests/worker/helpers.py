"""Helpers for running ``python -m worker`` as a real subprocess against a test database and SMTP sink."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import func, select

from sar.core.db import utcnow
from sar.core.settings import REPO_ROOT, Settings
from sar.models import OutboxEmail
from tests.factories import make_request, make_user


def worker_env(db_url: str, smtp_port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAR_")}
    env.update(SAR_DATABASE_URL=db_url, SAR_SMTP_HOST="127.0.0.1", SAR_SMTP_PORT=str(smtp_port),
               SAR_MAIL_FROM="information.rights@northshire.gov.uk", PYTHONUNBUFFERED="1",
               # The worker signs audit rows, so it needs an audit key (SAR_ENV=test: the dev key).
               SAR_ENV="test")
    env.update(extra)
    return env


class Worker:
    """A worker subprocess whose stderr lines are collected by a thread."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.lines: list[str] = []
        self.proc = subprocess.Popen([sys.executable, "-m", "worker", *args], cwd=REPO_ROOT, env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))

    @property
    def log(self) -> str:
        return "\n".join(self.lines)

    def wait_for_line(self, text: str, timeout: float = 30.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines):
                return True
            if self.proc.poll() is not None:
                self._reader.join(2)
                return any(text in line for line in self.lines)
            time.sleep(0.02)
        return False

    def wait(self, timeout: float = 60.0) -> int:
        rc = self.proc.wait(timeout)
        self._reader.join(5)
        return rc

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)
        self._reader.join(5)


def sent_count(factory) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(OutboxEmail)
                              .where(OutboxEmail.sent_at.is_not(None)))


def seed_overdue(factory, db_url: str, *, requests: int, managers: int) -> datetime:
    """Managers and SARs received 100 days ago (so overdue today, and too old to acknowledge)."""
    settings = replace(Settings(), database_url=db_url)
    received = utcnow() - timedelta(days=100)
    with factory.begin() as session:
        for _ in range(managers):
            make_user(session, "manager")
        officer = make_user(session, "officer")
        for _ in range(requests):
            make_request(session, settings, actor=officer, regime="sar", received_at=received, now=received)
    return received
