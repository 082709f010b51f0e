"""Accounts: argon2 hashing, validation, sign-in checks, API tokens."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sar.accounts import users
from sar.core.errors import NotPermitted, ValidationError
from tests.factories import PASSWORD, make_user


def test_password_is_argon2_hashed(session, now):
    u = make_user(session, "officer")
    assert u.password_hash.startswith("$argon2id$")
    assert PASSWORD not in u.password_hash
    assert users.check_password(u, PASSWORD) and not users.check_password(u, "wrong password!")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"email": "not-an-email"}, "valid e-mail"),
    ({"password": "short"}, "at least 10"),
    ({"role": "wizard"}, "unknown role"),
    ({"name": "  "}, "name is required"),
])
def test_create_user_validation(session, now, kwargs, message):
    base = {"email": "new@example.org", "name": "New Person", "password": PASSWORD, "role": "requester"}
    base.update(kwargs)
    with pytest.raises(ValidationError, match=message):
        users.create_user(session, now=now, **base)


def test_duplicate_email_case_insensitive(session, now):
    make_user(session, "requester", email="dup@example.org")
    with pytest.raises(ValidationError, match="already exists"):
        users.create_user(session, email="DUP@example.org", name="X", password=PASSWORD, role="requester", now=now)


def test_only_admin_creates_staff(session, now):
    officer = make_user(session, "officer")
    with pytest.raises(NotPermitted):
        users.create_user(session, email="m@example.org", name="M", password=PASSWORD, role="manager", now=now,
                          actor=officer)
    admin = make_user(session, "admin")
    assert users.create_user(session, email="m@example.org", name="M", password=PASSWORD, role="manager",
                             now=now, actor=admin).role == "manager"


def test_a_wrong_password_never_locks_the_account_itself(session, now):
    # Issue 15: the old hard lock (5 failures -> 15 minutes for everyone) let anyone lock a named colleague
    # out; sign-in checks no longer lock, throttling is per account+address (tests/sar/test_throttle.py).
    u = make_user(session, "requester", email="lock@example.org")
    for i in range(20):
        assert users.authenticate(session, "lock@example.org", "bad password", now=now + timedelta(seconds=i)) is None
    assert users.authenticate(session, "lock@example.org", PASSWORD, now=now + timedelta(seconds=30)) is u


def test_tokens_are_stored_hashed_and_revocable(session, now):
    u = make_user(session, "officer")
    token = users.create_token(session, u, now=now)
    assert users.user_for_token(session, token, now=now) is u
    assert all(token not in t.token_sha256 for t in u.tokens)
    u.tokens[0].revoked_at = now
    assert users.user_for_token(session, token, now=now) is None
    assert users.user_for_token(session, "sar_nonsense", now=now) is None
