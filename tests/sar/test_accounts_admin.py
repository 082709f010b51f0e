"""Issue 15 accounts: staff administration, API token expiry and revocation, password change, reset links
over the real SMTP path, registration that does not reveal accounts, and address checks before requests."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from sar.accounts import admin, users
from sar.core.db import make_engine, make_session_factory
from sar.core.errors import NotFound, NotPermitted, ValidationError
from sar.core.settings import Settings
from sar.intake import requests as req_uc
from sar.messaging import mailer
from sar.models import AccountLink, ApiToken, AuditEvent, OutboxEmail, User
from tests.factories import PASSWORD, make_user
from tests.smtp_sink import SmtpSink

NEW_PASSWORD = "a brand new pass phrase"


def _actions(session, user):
    return [e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.target == f"user:{user.id}"))]


def test_disabling_ends_tokens_at_once_and_enabling_does_not_revive_them(session, now):
    boss, leaver = make_user(session, "admin"), make_user(session, "officer")
    token = users.create_token(session, leaver, now=now, days=30)
    stamp = leaver.security_stamp
    admin.set_active(session, leaver, False, actor=boss, now=now)
    assert users.user_for_token(session, token, now=now) is None
    assert leaver.security_stamp != stamp  # every session carrying the old stamp ends
    assert users.authenticate(session, leaver.email, PASSWORD, now=now) is None
    admin.set_active(session, leaver, True, actor=boss, now=now)
    assert users.user_for_token(session, token, now=now) is None
    assert users.authenticate(session, leaver.email, PASSWORD, now=now) is leaver
    assert {"user.disable", "user.enable"} <= set(_actions(session, leaver))


def test_only_admins_administer_and_not_against_themselves(session, now):
    officer, manager, boss = make_user(session, "officer"), make_user(session, "manager"), make_user(session, "admin")
    with pytest.raises(NotPermitted):
        admin.set_active(session, officer, False, actor=manager, now=now)
    with pytest.raises(NotPermitted):
        admin.set_role(session, officer, "admin", actor=officer, now=now)
    with pytest.raises(NotPermitted):
        admin.list_users(session, actor=manager, now=now)
    with pytest.raises(NotPermitted, match="your own"):
        admin.set_active(session, boss, False, actor=boss, now=now)
    with pytest.raises(NotPermitted, match="your own"):
        admin.set_role(session, boss, "officer", actor=boss, now=now)
    assert officer.is_active and boss.role == "admin"


def test_role_change_ends_sessions_and_is_audited(session, now):
    boss, officer = make_user(session, "admin"), make_user(session, "officer")
    stamp = officer.security_stamp
    admin.set_role(session, officer, "manager", actor=boss, now=now)
    assert officer.role == "manager" and officer.security_stamp != stamp
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "user.role")).one()
    assert event.detail["from"] == "officer" and event.detail["to"] == "manager"
    with pytest.raises(ValidationError, match="unknown role"):
        admin.set_role(session, officer, "wizard", actor=boss, now=now)


def test_tokens_expire(session, now):
    officer = make_user(session, "officer")
    token = users.create_token(session, officer, now=now, days=1)
    assert users.user_for_token(session, token, now=now + timedelta(hours=23)) is officer
    assert users.user_for_token(session, token, now=now + timedelta(days=1)) is None


def test_tokens_are_listed_without_secrets_and_revoked_by_owner_or_admin(session, now):
    owner, other, boss = make_user(session, "officer"), make_user(session, "officer"), make_user(session, "admin")
    token = users.create_token(session, owner, now=now, label="scanner")
    rows = admin.list_tokens(session, owner, actor=owner, now=now)
    assert [r.label for r in rows] == ["scanner"] and token not in rows[0].token_sha256
    with pytest.raises(NotPermitted):
        admin.list_tokens(session, owner, actor=other, now=now)
    with pytest.raises(NotFound):
        admin.revoke_token(session, rows[0].id, actor=other, now=now)
    admin.revoke_token(session, rows[0].id, actor=boss, now=now)
    assert users.user_for_token(session, token, now=now) is None
    assert "token.revoke" in _actions(session, owner)


def test_changing_the_password_revokes_tokens(session, now, settings):
    officer = make_user(session, "officer")
    token = users.create_token(session, officer, now=now)
    with pytest.raises(ValidationError, match="current password"):
        admin.change_password(session, officer, "wrong", NEW_PASSWORD, settings=settings, now=now)
    with pytest.raises(ValidationError, match="at least 12"):
        admin.change_password(session, officer, PASSWORD, "too short", settings=settings, now=now)
    admin.change_password(session, officer, PASSWORD, NEW_PASSWORD, settings=settings, now=now)
    assert users.user_for_token(session, token, now=now) is None
    assert users.check_password(officer, NEW_PASSWORD)
    assert session.scalars(select(ApiToken).where(ApiToken.user_id == officer.id)).one().revoked_at == now


# --- links by e-mail over real SMTP ------------------------------------------------------------------


@pytest.fixture
def smtp():
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def mail(fresh_db_url, tmp_path, smtp):
    engine = make_engine(fresh_db_url)
    factory = make_session_factory(engine)
    cfg = replace(Settings(), database_url=fresh_db_url, storage_dir=tmp_path, smtp_port=smtp.port,
                  environment="test", base_url="https://sar.example.gov.uk")
    yield factory, cfg
    engine.dispose()


def _send(factory, cfg, now):
    return mailer.send_pending(factory, settings=cfg, now_fn=lambda: now)


def _link(message, path):
    match = re.search(rf"https://sar\.example\.gov\.uk{path}/(\S+)", message.body)
    assert match, message.body
    return match.group(1)


def test_a_reset_link_goes_by_smtp_works_once_and_never_sits_in_the_database(mail, smtp, now):
    factory, cfg = mail
    with factory.begin() as session:
        person = make_user(session, "requester", email="pat@example.org", now=now)
        users.create_token(session, person, now=now, settings=cfg)
        admin.request_password_reset(session, "PAT@example.org", actor=None, settings=cfg, now=now)
    assert _send(factory, cfg, now) == 1
    [message] = smtp.wait_for(1)
    assert message.rcpt_tos == ["pat@example.org"] and "Reset your SAR Desk password" in message.subject
    token = _link(message, "/password/reset")
    with factory() as session:
        assert all(token not in row.body_text for row in session.scalars(select(OutboxEmail)))
        assert session.scalars(select(AccountLink)).one().token_sha256 != token
    with factory.begin() as session:
        person = admin.reset_password(session, token, NEW_PASSWORD, settings=cfg, now=now + timedelta(minutes=5))
        assert users.check_password(person, NEW_PASSWORD)
        assert all(t.revoked_at is not None for t in person.tokens)
    with factory.begin() as session, pytest.raises(ValidationError, match="already been used"):
        admin.reset_password(session, token, "yet another pass phrase", settings=cfg, now=now)


def test_a_reset_link_expires(mail, smtp, now):
    factory, cfg = mail
    with factory.begin() as session:
        make_user(session, "officer", email="late@example.gov.uk", now=now)
        admin.request_password_reset(session, "late@example.gov.uk", actor=None, settings=cfg, now=now)
    _send(factory, cfg, now)
    token = _link(smtp.wait_for(1)[0], "/password/reset")
    after = now + timedelta(minutes=cfg.reset_link_minutes)
    with factory.begin() as session, pytest.raises(ValidationError, match="expired"):
        admin.reset_password(session, token, NEW_PASSWORD, settings=cfg, now=after)


def test_reset_requests_say_nothing_about_unknown_addresses(mail, smtp, now):
    factory, cfg = mail
    with factory.begin() as session:
        assert admin.request_password_reset(session, "nobody@example.org", actor=None, settings=cfg,
                                            now=now) is None
    assert _send(factory, cfg, now) == 0


def test_registration_answers_the_same_for_a_taken_address_staff_included(mail, smtp, now):
    factory, cfg = mail
    with factory.begin() as session:
        make_user(session, "manager", email="boss@example.gov.uk", now=now)
        fresh = admin.register_requester(session, email="new@example.org", name="New Person",
                                         password="my own pass phrase", settings=cfg, now=now)
        taken = admin.register_requester(session, email="Boss@example.gov.uk", name="Someone",
                                         password="my own pass phrase", settings=cfg, now=now)
        assert fresh is not None and taken is None  # the web layer shows one page for both
        assert session.scalars(select(User).where(User.email == "boss@example.gov.uk")).one().role == "manager"
    assert _send(factory, cfg, now) == 2
    by_rcpt = {m.rcpt_tos[0]: m for m in smtp.wait_for(2)}
    assert "already has an account" in by_rcpt["boss@example.gov.uk"].body
    token = _link(by_rcpt["new@example.org"], "/verify")
    with factory.begin() as session:
        person = admin.verify_email(session, token, now=now)
        assert person.email_verified_at == now


def test_a_requester_must_confirm_the_address_before_a_request_is_accepted(session, now, settings):
    person = users.create_user(session, email="unverified@example.org", name="Una Verified",
                               password="my own pass phrase", role="requester", now=now, settings=settings,
                               email_verified=False)
    kwargs = {"now": now, "settings": settings, "description": "Please send me my records.", "channel": "portal",
              "requester": req_uc.PersonIn(name=person.name, email=person.email, type="data_subject")}
    with pytest.raises(NotPermitted, match="confirm your e-mail"):
        req_uc.open_request(session, actor=person, **kwargs)
    person.email_verified_at = now
    assert req_uc.open_request(session, actor=person, **kwargs).owner_id == person.id
