"""``sar serve`` stops its web server (and worker) when it is sent SIGTERM (issue 15, Operations).

The old command ran ``python -m web`` as a child and died on SIGTERM without passing it on, so the
orphaned server kept the port.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from sar.core import migrate
from sar.core.settings import REPO_ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                kids = {int(k) for k in (task / "children").read_text().split()}
            except OSError:
                continue
            found |= kids
            todo.extend(kids)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("with_worker", [False, True])
def test_sigterm_stops_serve_and_every_child(tmp_path, with_worker):
    url = f"sqlite:///{tmp_path / 'serve.db'}"
    migrate.upgrade(url)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAR_")}
    env.update(SAR_ENV="test", SAR_DATABASE_URL=url, SAR_STORAGE_DIR=str(tmp_path / "store"), SAR_SMTP_PORT="1")
    argv = [str(REPO_ROOT / ".venv/bin/sar"), "serve", "--port", str(port)] + (["--with-worker"] if with_worker else [])
    proc = subprocess.Popen(argv, env=env, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    family: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while not _listening(port):
            assert proc.poll() is None and time.monotonic() < deadline, "sar serve did not start"
            time.sleep(0.2)
        if with_worker:  # both children up before the signal
            while len(_descendants(proc.pid)) < 2 and time.monotonic() < deadline:
                time.sleep(0.2)
        family = _descendants(proc.pid) | {proc.pid}
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 20
        while (_listening(port) or any(_alive(p) for p in family)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _listening(port), "the port is still held after SIGTERM"
        assert not [p for p in family if _alive(p)], "a child of sar serve survived SIGTERM"
    finally:
        for pid in (family | _descendants(proc.pid)) - {proc.pid}:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
