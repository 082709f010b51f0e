"""Issue 15 accounts walked in headless chromium as new users would: an admin disables a leaver and revokes
their token, a staff member enrols TOTP and signs in with it, a requester resets a forgotten password by a
link that arrives over real SMTP. Reuses the server, browser and helpers of tests/web/test_browser.py."""
# ruff: noqa: F811  (the fixtures imported from test_browser are parameters of the tests, by name)

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from dataclasses import replace

import pyotp
import pytest

from sar.accounts import users
from sar.core.db import utcnow
from sar.messaging import mailer
from sar.models import User
from tests.smtp_sink import SmtpSink
from tests.web.test_browser import (  # noqa: F401  (driver, factory, server, settings, downloads are fixtures)
    LiveServer,
    Shots,
    by_css,
    downloads,
    driver,
    factory,
    fill,
    make_staff,
    notices,
    pytestmark,
    server,
    settings,
    sign_in,
    sign_out,
    submit,
)

pytestmark = pytestmark  # the same chromium skip and marker


def _api_status(server, token: str) -> int:
    req = urllib.request.Request(server.url + "/api/requests", headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            json.load(response)
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_admin_disables_a_leaver_and_revokes_a_token(driver, server, factory):
    shot = Shots(driver, "accounts-admin")
    make_staff(factory, "admin", "ada.admin@council.example", "Ada Admin")
    leaver = make_staff(factory, "officer", "lee.leaver@council.example", "Lee Leaver")
    stayer = make_staff(factory, "officer", "sam.stayer@council.example", "Sam Stayer")
    with factory.begin() as session:
        leaver_token = users.create_token(session, session.get(User, leaver.id), now=utcnow(), label="laptop")
        stayer_token = users.create_token(session, session.get(User, stayer.id), now=utcnow(), label="scanner")
    assert _api_status(server, leaver_token) == 200

    sign_in(driver, server, "ada.admin@council.example")
    submit(driver, ".site-nav a[href$='/staff/admin/users']")
    shot("users")
    submit(driver, f"#users a[href$='/staff/admin/users/{stayer.id}']")
    submit(driver, "#tokens button")  # revoke Sam's scanner token
    assert "revoked" in notices(driver)
    assert _api_status(server, stayer_token) == 401
    driver.get(server.url + f"/staff/admin/users/{leaver.id}")
    submit(driver, "#disable")
    shot("disabled")
    assert "disabled" in notices(driver)
    assert _api_status(server, leaver_token) == 401
    sign_out(driver)
    driver.get(server.url + "/login")
    fill(driver, "#email", "lee.leaver@council.example")
    fill(driver, "#password", "correct horse battery")
    submit(driver, "main form button[type=submit]")
    assert "not right" in driver.page_source


@pytest.fixture
def strict_settings(settings):
    return replace(settings, staff_two_factor_required=True)


def test_staff_member_enrols_two_factor_and_signs_in_with_it(driver, factory, strict_settings):
    shot = Shots(driver, "accounts-2fa")
    make_staff(factory, "officer", "tia.totp@council.example", "Tia Totp")
    with LiveServer(strict_settings) as live:
        sign_in(driver, live, "tia.totp@council.example")
        by_css(driver, "#totp-secret")  # staff must enrol before anything else
        shot("enrol")
        secret = by_css(driver, "#totp-secret").text
        fill(driver, "#code", pyotp.TOTP(secret).now())
        submit(driver, "main form button[type=submit]")
        codes = [e.text for e in driver.find_elements("css selector", "#recovery-codes code")]
        assert len(codes) == 10
        shot("recovery-codes")
        driver.get(live.url + "/staff/")
        by_css(driver, ".stats")
        sign_out(driver)
        driver.get(live.url + "/login")
        fill(driver, "#email", "tia.totp@council.example")
        fill(driver, "#password", "correct horse battery")
        submit(driver, "main form button[type=submit]")
        assert "/login/two-factor" in driver.current_url
        # The next time step's code (the enrolment used this one, and a code is never accepted twice).
        fill(driver, "#code", pyotp.TOTP(secret).at(time.time() + 30))
        submit(driver, "main form button[type=submit]")
        shot("signed-in")
        assert driver.current_url.endswith("/staff/")


def test_requester_resets_a_forgotten_password(driver, server, factory, settings):
    shot = Shots(driver, "accounts-reset")
    with factory.begin() as session:
        users.create_user(session, email="remy@example.org", name="Remy Requester", password="remy's first phrase",
                          role="requester", now=utcnow(), settings=settings)
    driver.get(server.url + "/login")
    submit(driver, "a[href$='/password/forgot']")
    fill(driver, "#email", "remy@example.org")
    submit(driver, "main form button[type=submit]")
    assert "Check your e-mail" in by_css(driver, "h1").text
    sink = SmtpSink().start()
    try:
        cfg = replace(settings, smtp_port=sink.port, base_url=server.url)
        assert mailer.send_pending(factory, settings=cfg, now_fn=utcnow) == 1
        body = sink.wait_for(1)[0].body
    finally:
        sink.stop()
    link = re.search(re.escape(server.url) + r"/password/reset/\S+", body).group(0)
    driver.get(link)
    shot("reset-form")
    fill(driver, "#password", "remy's second phrase")
    fill(driver, "#confirm", "remy's second phrase")
    submit(driver, "main form button[type=submit]")
    sign_in(driver, server, "remy@example.org", "remy's second phrase")
    shot("signed-in")
    driver.get(link)
    assert "cannot be used" in by_css(driver, "h1").text
