"""Issue 15 accounts in the web app: admin disables a leaver and revokes a token, staff enrol TOTP and sign
in with it, a requester resets a password by a link sent over real SMTP, users change their own password."""

from __future__ import annotations

import re
from dataclasses import replace

import pyotp
import pytest
from sqlalchemy import select

from sar.accounts import users
from sar.core.db import utcnow
from sar.core.settings import Settings
from sar.messaging import mailer
from sar.models import ApiToken, OutboxEmail, User
from tests.factories import PASSWORD
from tests.smtp_sink import SmtpSink
from tests.web.test_ui_support import Web, post
from tests.web.test_ui_support import web as web_fixture
from web import create_app

web = web_fixture  # the fixture, used by name


def _token_for(web, user, label="scanner"):
    with web.factory.begin() as session:
        return users.create_token(session, session.get(User, user.id), now=utcnow(), label=label,
                                  settings=web.settings)


def _api(client, token):
    return client.get("/api/requests", headers={"Authorization": f"Bearer {token}"})


def test_admin_disables_a_leaver_whose_session_and_token_stop_at_once(web):
    boss, leaver = web.user("admin"), web.user("officer")
    token = _token_for(web, leaver)
    admin_client, leaver_client = web.login(boss), web.login(leaver)
    assert leaver_client.get("/staff/").status_code == 200 and _api(web.client(), token).status_code == 200
    page = admin_client.get("/staff/admin/users").get_data(as_text=True)
    assert leaver.email in page
    response = post(admin_client, f"/staff/admin/users/{leaver.id}/disable", {})
    assert response.status_code == 302
    assert leaver_client.get("/staff/").status_code == 302  # signed out at the next request
    assert _api(web.client(), token).status_code == 401
    assert post(web.client(), "/login", {"email": leaver.email, "password": PASSWORD}).status_code == 401
    post(admin_client, f"/staff/admin/users/{leaver.id}/enable", {})
    assert _api(web.client(), token).status_code == 401  # tokens stay revoked after re-enabling


def test_admin_revokes_one_token_and_changes_a_role(web):
    boss, officer = web.user("admin"), web.user("officer")
    token = _token_for(web, officer)
    officer_client = web.login(officer)
    admin_client = web.login(boss)
    with web.factory() as session:
        token_id = session.scalars(select(ApiToken.id).where(ApiToken.user_id == officer.id)).one()
    page = admin_client.get(f"/staff/admin/users/{officer.id}").get_data(as_text=True)
    assert "scanner" in page and token not in page
    post(admin_client, f"/staff/admin/users/{officer.id}/tokens/{token_id}/revoke", {})
    assert _api(web.client(), token).status_code == 401
    post(admin_client, f"/staff/admin/users/{officer.id}/role", {"role": "manager"})
    with web.factory() as session:
        assert session.get(User, officer.id).role == "manager"
    assert officer_client.get("/staff/").status_code == 302  # the role change ended the old session


def test_staff_administration_is_for_admins_only(web):
    manager, officer = web.user("manager"), web.user("officer")
    client = web.login(manager)
    assert client.get("/staff/admin/users").status_code == 403
    assert post(client, f"/staff/admin/users/{officer.id}/disable", {}).status_code == 403
    with web.factory() as session:
        assert session.get(User, officer.id).is_active


def test_admin_creates_a_staff_account_and_a_set_password_link_is_queued(web):
    client = web.login(web.user("admin"))
    response = post(client, "/staff/admin/users", {"name": "Nia New", "email": "nia@example.gov.uk",
                                                   "role": "officer", "job_title": ""})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with web.factory() as session:
        row = session.scalars(select(OutboxEmail).where(OutboxEmail.to_addr == "nia@example.gov.uk")).one()
        assert row.account_link_id is not None and row.kind == "account_reset"


@pytest.fixture
def strict(tmp_path, fresh_db_url):
    """An app where staff must use two-factor (what SAR_ENV=production gives)."""
    settings = replace(web_settings(tmp_path, fresh_db_url), staff_two_factor_required=True)
    app = create_app(settings)
    app.config.update(TESTING=True)
    yield Web(app, settings)
    app.extensions["sar_engine"].dispose()


def web_settings(tmp_path, url):
    return replace(Settings(), database_url=url, storage_dir=tmp_path / "storage", secret_key="test-secret",
                   smtp_port=0, environment="test")


def test_staff_enrol_two_factor_and_sign_in_with_it(strict):
    officer = strict.user("officer")
    client = strict.login(officer)
    response = client.get("/staff/")
    assert response.status_code == 302 and response.location.endswith("/account/two-factor")
    page = client.get("/account/two-factor").get_data(as_text=True)
    assert 'src="data:image/svg+xml;base64,' in page
    secret = re.search(r'<code id="totp-secret">([A-Z2-7]+)</code>', page).group(1)
    assert post(client, "/account/two-factor", {"code": "000000"}).status_code == 400
    response = post(client, "/account/two-factor", {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 200 and 'id="recovery-codes"' in response.get_data(as_text=True)
    codes = re.findall(r"<li><code>([a-z0-9-]{11})</code></li>", response.get_data(as_text=True))
    assert len(codes) == 10
    assert client.get("/staff/").status_code == 200
    post(client, "/logout", {})

    fresh = strict.client()
    response = post(fresh, "/login", {"email": officer.email, "password": PASSWORD})
    assert response.status_code == 302 and response.location.endswith("/login/two-factor")
    assert fresh.get("/staff/").status_code == 302  # the password alone does not sign in
    assert post(fresh, "/login/two-factor", {"code": "123456"}).status_code == 401
    response = post(fresh, "/login/two-factor", {"code": codes[0]})
    assert response.status_code == 302 and response.location.endswith("/staff/")
    assert fresh.get("/staff/").status_code == 200


def test_staff_without_two_factor_cannot_use_the_api_where_it_is_required(strict):
    officer = strict.user("officer")
    token = _token_for(strict, officer)
    assert _api(strict.client(), token).status_code == 401


def test_requester_resets_a_password_by_a_link_sent_over_smtp(web):
    sink = SmtpSink().start()
    try:
        web.user("requester", email="robin@example.org")
        page = post(web.client(), "/password/forgot", {"email": "robin@example.org"}).get_data(as_text=True)
        unknown = post(web.client(), "/password/forgot", {"email": "nobody@example.org"}).get_data(as_text=True)
        strip = re.compile(r'name="csrf-token" content="[^"]+"')
        assert strip.sub("", page) == strip.sub("", unknown) and "Check your e-mail" in page
        cfg = replace(web.settings, smtp_port=sink.port, base_url="http://localhost")
        assert mailer.send_pending(web.factory, settings=cfg, now_fn=utcnow) == 1
        [message] = sink.wait_for(1)
        assert message.rcpt_tos == ["robin@example.org"]
        path = re.search(r"http://localhost(/password/reset/\S+)", message.body).group(1)
    finally:
        sink.stop()
    client = web.client()
    assert client.get(path).status_code == 200
    response = post(client, path, {"password": "password123", "confirm": "password123"})
    assert response.status_code == 400  # the policy applies (too short and common)
    response = post(client, path, {"password": "robin's new pass phrase", "confirm": "robin's new pass phrase"})
    assert response.status_code == 302
    assert web.client().get(path).status_code == 410  # single use
    assert post(web.client(), "/login", {"email": "robin@example.org", "password": "robin's new pass phrase"}
                ).status_code == 302


def test_users_change_their_own_password_and_other_sessions_end(web):
    officer = web.user("officer")
    token = _token_for(web, officer)
    here, elsewhere = web.login(officer), web.login(officer)
    response = post(here, "/account/password", {"current": "wrong one!", "password": "a fresh pass phrase",
                                                "confirm": "a fresh pass phrase"})
    assert response.status_code == 400 and "current password is not right" in response.get_data(as_text=True)
    response = post(here, "/account/password", {"current": PASSWORD, "password": "a fresh pass phrase",
                                                "confirm": "a fresh pass phrase"})
    assert response.status_code == 302
    assert here.get("/staff/").status_code == 200
    assert elsewhere.get("/staff/").status_code == 302
    assert _api(web.client(), token).status_code == 401
