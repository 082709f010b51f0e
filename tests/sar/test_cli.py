"""The ``sar`` command line: bad arguments exit 2 with one line; the account and DB commands work."""

from __future__ import annotations

import os
import subprocess

import pytest

from sar.core.settings import REPO_ROOT

SAR = str(REPO_ROOT / ".venv" / "bin" / "sar")


def run(*args, url=None, input_text=None):
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    if url:
        env["SAR_DATABASE_URL"] = url
    return subprocess.run([SAR, *args], capture_output=True, text=True, env=env, input=input_text, timeout=180)


@pytest.mark.parametrize("args", [
    ["no-such-command"],
    ["user", "add"],
    ["user", "add", "x@example.org", "--name", "X", "--role", "emperor", "--password", "long enough pw"],
    ["serve", "--port", "99999"],
    ["db", "upgrade", "--bogus"],
])
def test_bad_arguments_exit_2_with_one_line(args):
    res = run(*args)
    assert res.returncode == 2, res
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sar: error"), res.stderr


def test_help_lists_commands():
    res = run("--help")
    assert res.returncode == 0
    for name in ("db", "user", "demo", "serve", "worker", "audit", "deadline", "triage", "redact"):
        assert name in res.stdout


def test_user_add_and_token(fresh_db_url):
    res = run("user", "add", "dpo@example.gov.uk", "--name", "Dee Pee", "--role", "officer",
              "--password", "a long password", url=fresh_db_url)
    assert res.returncode == 0, res.stderr
    assert "created officer dpo@example.gov.uk" in res.stdout
    dup = run("user", "add", "DPO@example.gov.uk", "--name", "Dee", "--role", "officer",
              "--password", "a long password", url=fresh_db_url)
    assert dup.returncode == 1 and "already exists" in dup.stderr and len(dup.stderr.strip().splitlines()) == 1
    tok = run("user", "token", "dpo@example.gov.uk", url=fresh_db_url)
    assert tok.returncode == 0 and tok.stdout.strip().startswith("sar_")
    missing = run("user", "token", "nobody@example.org", url=fresh_db_url)
    assert missing.returncode == 1 and "no user" in missing.stderr


def test_unmigrated_database_gives_clear_error(tmp_path):
    res = run("user", "list", url=f"sqlite:///{tmp_path / 'empty.db'}")
    assert res.returncode == 1
    assert "sar db upgrade" in res.stderr
