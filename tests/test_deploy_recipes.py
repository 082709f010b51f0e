"""deploy/: the production recipes (issue 15) are checked as far as this machine allows.

No Docker engine runs here (only the client is installed, and the base image could not be pulled
anyway), so the Dockerfile cannot be built in a test. Instead: it is parsed and checked (non-root
USER, the CMD runs ``sar serve --with-worker``, every COPY source exists and together they hold every
package the project installs); and the image's contents (exactly the COPY set) are served by an
unprivileged user from a read-only copy, answering /api/health and stopping cleanly on SIGTERM.
The systemd unit is parsed and, where ``systemd-analyze`` exists, verified by systemd itself.
"""

from __future__ import annotations

import json
import os
import pwd
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from sar.core.settings import REPO_ROOT

DOCKERFILE = REPO_ROOT / "deploy" / "Dockerfile"
UNIT = REPO_ROOT / "deploy" / "sar-desk.service"
ROOT_NAMES = {"root", "0", "0:0", "root:root"}


def _instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    out, pending = [], ""
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue  # a comment inside a continued instruction
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        whole = pending + line
        pending = ""
        word, _, rest = whole.partition(" ")
        out.append((word.upper(), rest.strip()))
    assert not pending, "the Dockerfile ends inside a continued line"
    return out


def _exec_form(args: str) -> list[str]:
    value = json.loads(args)
    assert isinstance(value, list) and all(isinstance(v, str) for v in value), args
    return value


def _copy_sources() -> list[str]:
    sources = []
    for word, args in _instructions(DOCKERFILE):
        if word == "COPY":
            parts = [p for p in shlex.split(args) if not p.startswith("--")]
            sources += parts[:-1]
    return sources


def test_dockerfile_runs_sar_serve_as_a_non_root_user():
    steps = _instructions(DOCKERFILE)
    words = [w for w, _ in steps]
    assert words[0] == "FROM" and words.count("USER") == 1
    user = dict(steps)["USER"]
    assert user not in ROOT_NAMES
    # The user is created in the image, with a system uid that is not 0, before the switch to it.
    created = [a for w, a in steps if w == "RUN" and "useradd" in a]
    assert created and user in created[0].split() and "--uid 0 " not in created[0]
    assert words.index("USER") > max(i for i, w in enumerate(words) if w == "RUN")  # nothing runs as root after
    cmd = _exec_form(dict(steps)["CMD"])
    assert cmd[:2] == ["sar", "serve"] and "--with-worker" in cmd and cmd[cmd.index("--host") + 1] == "0.0.0.0"
    entry = _exec_form(dict(steps)["ENTRYPOINT"])
    assert entry[0].endswith("tini")  # PID 1 that reaps and passes SIGTERM on to `sar serve`
    env = dict(steps)["ENV"]
    assert "SAR_ENV=production" in env


def test_dockerfile_copies_every_package_and_installs_the_runtime_tools():
    sources = _copy_sources()
    for source in sources:
        assert (REPO_ROOT / source).exists(), f"COPY {source}: not in the repository"
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())
    packages = [p.rstrip("*") for p in config["tool"]["setuptools"]["packages"]["find"]["include"]]
    assert set(packages) <= set(sources), f"packages not copied into the image: {set(packages) - set(sources)}"
    for needed in ("templates", "migrations", "alembic.ini", "pyproject.toml"):
        assert needed in sources
    installs = " ".join(a for w, a in _instructions(DOCKERFILE) if w == "RUN" and "apt-get install" in a)
    # OCR, document conversion (soffice), backup (pg_dump), upload scanning, PID 1.
    for package in ("tesseract-ocr", "libreoffice-writer-nogui", "libreoffice-calc-nogui", "postgresql-client",
                    "clamdscan", "tini"):
        assert package in installs.split(), package


def _unit() -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for line in UNIT.read_text().splitlines():
        if "=" in line and not line.lstrip().startswith(("#", ";", "[")):
            key, _, value = line.partition("=")
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def test_systemd_unit_runs_sar_serve_unprivileged_and_stops_it_cleanly():
    unit = _unit()
    assert unit["User"] == ["sar-desk"] and unit["User"][0] not in ROOT_NAMES
    argv = shlex.split(unit["ExecStart"][0])
    assert argv[0].endswith("/sar") and argv[1] == "serve" and "--with-worker" in argv
    assert unit["KillSignal"] == ["SIGTERM"] and unit["KillMode"] == ["mixed"]
    # Writable places are created by systemd itself (a missing ReadWritePaths= stops the unit starting).
    assert "ReadWritePaths" not in unit and unit["StateDirectory"][0].split()[0] == "sar-desk"
    assert unit["ProtectSystem"] == ["strict"] and unit["NoNewPrivileges"] == ["yes"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_analyze_verifies_the_unit(tmp_path):
    # The unit names /opt/sar-desk/.venv/bin/sar, which exists only where it is installed; every
    # other line is checked by systemd as it stands.
    text = UNIT.read_text().replace("/opt/sar-desk/.venv/bin/sar", shutil.which("true") or "/bin/true")
    copy = tmp_path / "sar-desk.service"
    copy.write_text(text)
    out = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "sar-desk.service" not in out.stderr, out.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _system_python() -> str | None:
    """A Python any user can run with this venv's packages (the venv's may live in root's home)."""
    for candidate in ("/usr/bin/python3",):
        if os.access(candidate, os.X_OK):
            version = subprocess.run([candidate, "-c", "import sys; print(sys.version_info[:2])"],
                                     capture_output=True, text=True).stdout.strip()
            if version == str(tuple(sys.version_info[:2])):
                return candidate
    return None


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("runuser") is None or _system_python() is None,
                    reason="needs root (to drop to an unprivileged user) and a system Python of this version")
def test_the_image_contents_serve_as_an_unprivileged_user_and_stop_on_sigterm():
    """What the Dockerfile copies is enough to run, read-only, as a user who owns nothing but its state."""
    # Not pytest's tmp_path: its parent is private to root, and the unprivileged user must reach it.
    tmp_path = Path(tempfile.mkdtemp(prefix="sar-deploy-"))
    try:
        _serve_unprivileged(tmp_path)
    finally:
        shutil.rmtree(tmp_path, ignore_errors=True)


def _serve_unprivileged(tmp_path: Path) -> None:
    app = tmp_path / "app"
    for source in _copy_sources():
        src = REPO_ROOT / source
        if src.is_dir():
            shutil.copytree(src, app / source, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            app.mkdir(exist_ok=True)
            shutil.copy(src, app / source)
    state = tmp_path / "state"
    (state / "storage").mkdir(parents=True)
    nobody = pwd.getpwnam("nobody")
    for path in (state, state / "storage"):
        os.chown(path, nobody.pw_uid, nobody.pw_gid)
    os.chmod(tmp_path, 0o755)
    subprocess.run(["chmod", "-R", "a+rX,go-w", str(app)], check=True)
    site = next(p for p in sys.path if p.endswith("site-packages") and str(REPO_ROOT) in p)
    port = _free_port()
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": f"{app}:{site}", "HOME": str(state), "SAR_ENV": "test",
           "SAR_STORAGE_DIR": str(state / "storage"), "SAR_DATABASE_URL": f"sqlite:///{state / 'sar.db'}",
           "MPLCONFIGDIR": str(state / "mpl"), "PYTHONDONTWRITEBYTECODE": "1"}
    sar = [_system_python(), "-c", "import sys; from cli.main import main; sys.exit(main())"]
    as_nobody = [shutil.which("runuser"), "-u", "nobody", "--"]
    upgraded = subprocess.run([*as_nobody, *sar, "db", "upgrade"], cwd=app, env=env, capture_output=True,
                              text=True, timeout=300)
    assert upgraded.returncode == 0, upgraded.stderr[-2000:]
    server = subprocess.Popen([*as_nobody, *sar, "serve", "--host", "127.0.0.1", "--port", str(port),
                               "--with-worker"], cwd=app, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        deadline, body = time.monotonic() + 120, None
        while time.monotonic() < deadline and body is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as response:
                    body = json.loads(response.read())
            except OSError:
                time.sleep(0.5)
        assert body == {"checks": {"database": "ok", "storage": "ok"}, "failed": [], "status": "ok"}
        users = subprocess.run(["ps", "-o", "user=", "--ppid", str(server.pid)], capture_output=True, text=True)
        assert users.stdout.split() and set(users.stdout.split()) == {"nobody"}
    finally:
        server.send_signal(signal.SIGTERM)  # runuser passes it on to `sar serve`
        server.wait(timeout=60)
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0, "the port is still held after SIGTERM"
