"""``sar user disable/enable/role/tokens/revoke`` (issue 15), run as real subprocesses on a real database."""

from __future__ import annotations

from sqlalchemy import select

from sar.accounts import users
from sar.core.db import make_engine, make_session_factory, utcnow
from sar.models import AuditEvent, User
from tests.sar.test_cli import run

EMAIL = "leaver@example.gov.uk"


def _add(url):
    res = run("user", "add", EMAIL, "--name", "Lee Ver", "--role", "officer", "--password",
              "a long password", url=url)
    assert res.returncode == 0, res.stderr
    tok = run("user", "token", EMAIL, "--label", "scanner", "--days", "30", url=url)
    assert tok.returncode == 0, tok.stderr
    return tok.stdout.strip()


def _check(url, token):
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            return users.user_for_token(session, token, now=utcnow()) is not None, session.scalars(
                select(User).where(User.email == EMAIL)).one()
    finally:
        engine.dispose()


def test_disable_stops_the_token_and_enable_keeps_it_revoked(fresh_db_url):
    token = _add(fresh_db_url)
    assert _check(fresh_db_url, token)[0]
    res = run("user", "disable", EMAIL.upper(), url=fresh_db_url)
    assert res.returncode == 0 and "disabled" in res.stdout, res.stderr
    usable, person = _check(fresh_db_url, token)
    assert not usable and not person.is_active
    res = run("user", "enable", EMAIL, url=fresh_db_url)
    assert res.returncode == 0, res.stderr
    usable, person = _check(fresh_db_url, token)
    assert person.is_active and not usable
    listed = run("user", "list", url=fresh_db_url)
    assert EMAIL in listed.stdout and "(disabled)" not in listed.stdout


def test_role_tokens_and_revoke(fresh_db_url):
    token = _add(fresh_db_url)
    res = run("user", "role", EMAIL, "manager", url=fresh_db_url)
    assert res.returncode == 0 and "officer -> manager" in res.stdout, res.stderr
    bad = run("user", "role", EMAIL, "emperor", url=fresh_db_url)
    assert bad.returncode == 2
    listed = run("user", "tokens", EMAIL, url=fresh_db_url)
    assert listed.returncode == 0 and "active" in listed.stdout and "scanner" in listed.stdout
    assert token not in listed.stdout
    token_id = listed.stdout.split()[0]
    res = run("user", "revoke", token_id, url=fresh_db_url)
    assert res.returncode == 0 and f"revoked token {token_id}" in res.stdout, res.stderr
    assert not _check(fresh_db_url, token)[0]
    assert "revoked" in run("user", "tokens", EMAIL, url=fresh_db_url).stdout
    missing = run("user", "revoke", "99999", url=fresh_db_url)
    assert missing.returncode == 1 and "no API token" in missing.stderr
    engine = make_engine(fresh_db_url)
    with make_session_factory(engine)() as session:
        actions = set(session.scalars(select(AuditEvent.action)))
    engine.dispose()
    assert {"user.role", "token.list", "token.revoke"} <= actions


def test_unknown_user_is_one_clear_line(fresh_db_url):
    for args in (["disable"], ["enable"], ["tokens"], ["role"]):
        res = run("user", *args, "nobody@example.org", *(["officer"] if args == ["role"] else []), url=fresh_db_url)
        assert res.returncode == 1 and "no user with e-mail nobody@example.org" in res.stderr, res.stderr


def test_the_common_password_list_is_applied_on_the_command_line(fresh_db_url):
    res = run("user", "add", "x@example.gov.uk", "--name", "X", "--role", "officer", "--password",
              "qwertyuiop123", url=fresh_db_url)
    assert res.returncode == 1 and "commonly used" in res.stderr
