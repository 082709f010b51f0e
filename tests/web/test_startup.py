"""Start-up refuses a missing or published secret key outside the demo and the tests (issue 8,
"Secrets": a manager's session was forged with the published default key)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

import pytest

from sar.core.settings import DEMO_SECRET_KEY, REPO_ROOT, ConfigError, Settings
from web import create_app

STRONG = "k3Yx-" + "q" * 40
STORAGE_KEY = "2026a:" + "cHJvZHVjdGlvbi10ZXN0LWtleS1ub3QtdGhlLWRlbW8="  # base64 of 32 bytes


def _env(monkeypatch, **values: str) -> None:
    for name in ("SAR_ENV", "SAR_SECRET_KEY", "SAR_AUDIT_KEY", "SAR_STORAGE_KEY", "SAR_STAFF_2FA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)


@pytest.mark.parametrize(("env", "problem"), [
    ({}, "SAR_SECRET_KEY is not set"),
    ({"SAR_SECRET_KEY": "  "}, "SAR_SECRET_KEY is not set"),
    ({"SAR_SECRET_KEY": DEMO_SECRET_KEY}, "published demo key"),
    ({"SAR_ENV": "production", "SAR_SECRET_KEY": DEMO_SECRET_KEY}, "published demo key"),
])
def test_production_refuses_a_missing_or_published_key(monkeypatch, env, problem):
    _env(monkeypatch, **env)
    settings = Settings.from_env()
    with pytest.raises(ConfigError, match=problem) as caught:
        settings.check_secret_key()
    assert "\n" not in str(caught.value)
    with pytest.raises(ConfigError, match=problem):
        create_app(settings)


@pytest.mark.parametrize("env", [
    {"SAR_SECRET_KEY": STRONG, "SAR_AUDIT_KEY": "2026a:" + STRONG, "SAR_STORAGE_KEY": STORAGE_KEY},
    {"SAR_SECRET_KEY": STRONG, "SAR_AUDIT_KEY": "2026a:" + STRONG, "SAR_STAFF_2FA": "optional"},
    {"SAR_ENV": "demo"},
    {"SAR_ENV": "test"},
    {"SAR_ENV": "Demo", "SAR_SECRET_KEY": DEMO_SECRET_KEY},
])
def test_own_key_or_an_explicit_demo_or_test_environment_starts(monkeypatch, env, tmp_path):
    _env(monkeypatch, **env)
    settings = Settings.from_env()
    settings.check_secret_key()
    app = create_app(replace(settings, database_url=f"sqlite:///{tmp_path / 'x.db'}"))
    assert app.config["SECRET_KEY"] == (env.get("SAR_SECRET_KEY") or DEMO_SECRET_KEY)
    app.extensions["sar_engine"].dispose()


@pytest.mark.parametrize(("audit_key", "problem"), [
    (None, "SAR_AUDIT_KEY is not set"),
    ("dev:dev-only-insecure-audit-key", "published demo key"),
])
def test_production_refuses_a_missing_or_published_audit_key(monkeypatch, audit_key, problem):
    """The audit chain's HMAC key must come from the council's own configuration (issue 15)."""
    _env(monkeypatch, SAR_SECRET_KEY=STRONG, **({"SAR_AUDIT_KEY": audit_key} if audit_key else {}))
    with pytest.raises(ConfigError, match=problem):
        create_app(Settings.from_env())


def test_production_with_staff_two_factor_needs_the_storage_key(monkeypatch):
    """Issue 15: TOTP secrets are sealed with SAR_STORAGE_KEY, so production refuses to start without it."""
    _env(monkeypatch, SAR_SECRET_KEY=STRONG, SAR_AUDIT_KEY="2026a:" + STRONG)
    with pytest.raises(ConfigError, match="SAR_STORAGE_KEY is not set"):
        create_app(Settings.from_env())


def test_unknown_environment_is_refused(monkeypatch):
    _env(monkeypatch, SAR_ENV="staging")
    with pytest.raises(ConfigError, match="SAR_ENV must be one of demo, production, test"):
        Settings.from_env()


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAR_") and k != "DATABASE_URL"}
    env.update(extra)
    return env


@pytest.mark.parametrize("command", [
    [str(REPO_ROOT / ".venv" / "bin" / "sar"), "serve", "--port", "1"],
    [sys.executable, "-m", "web", "--port", "1"],
])
def test_serving_without_a_key_fails_with_one_clear_line(command, tmp_path):
    env = _clean_env(SAR_DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}")
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=120)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "SAR_SECRET_KEY is not set" in lines[0], done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", [
    [str(REPO_ROOT / ".venv" / "bin" / "sar"), "serve", "--port", "1", "--with-worker"],
    [sys.executable, "-m", "web", "--port", "1"],
])
def test_serving_staff_two_factor_without_a_storage_key_fails_with_one_clear_line(command, tmp_path):
    env = _clean_env(SAR_DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}", SAR_SECRET_KEY=STRONG,
                     SAR_AUDIT_KEY="2026a:" + STRONG)
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=120)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "SAR_STORAGE_KEY is not set" in lines[0], done.stderr
