"""Sign-in, sign-out, session invalidation, CSRF, throttling and security headers."""

from __future__ import annotations

from sqlalchemy import update

from sar.accounts.users import hash_password
from sar.models import User
from tests.web.test_ui_support import csrf_token, post
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name


def test_login_page_is_a_form_with_labels(web):
    html = web.client().get("/login").get_data(as_text=True)
    assert '<label class="label" for="email">' in html
    assert '<label class="label" for="password">' in html
    assert 'name="csrf_token"' in html


def test_officer_signs_in_and_lands_on_the_dashboard(web):
    officer = web.user("officer")
    client = web.client()
    response = post(client, "/login", {"email": officer.email.upper(), "password": "correct horse battery"})
    assert response.status_code == 302
    assert response.location.endswith("/staff/")
    assert client.get("/staff/").status_code == 200


def test_requester_lands_on_the_portal(web):
    client = web.login(web.user("requester"))
    assert client.get("/").location.endswith("/portal/")


def test_wrong_password_is_refused_without_saying_why(web):
    officer = web.user("officer")
    response = post(web.client(), "/login", {"email": officer.email, "password": "wrong password!"})
    assert response.status_code == 401
    assert "e-mail address or password is not right" in response.get_data(as_text=True)


def test_pages_need_a_signed_in_user(web):
    response = web.client().get("/staff/")
    assert response.status_code == 302
    assert "/login?next=/staff/" in response.location


def test_next_parameter_cannot_send_users_off_site(web):
    officer = web.user("officer")
    client = web.client()
    response = post(
        client,
        "/login",
        {"email": officer.email, "password": "correct horse battery", "next": "//evil.example/steal"},
    )
    assert response.location.endswith("/staff/")


def test_logout_ends_the_session_and_a_copied_cookie(web):
    officer = web.user("officer")
    client = web.login(officer)
    stolen = client.get_cookie("sardesk_session").value
    response = post(client, "/logout", {}, follow_redirects=False)
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 302
    replay = web.client()
    replay.set_cookie("sardesk_session", stolen)
    assert replay.get("/staff/").status_code == 302  # the old cookie no longer works


def test_logout_needs_a_post_with_a_csrf_token(web):
    client = web.login(web.user("officer"))
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 400  # a forged sign-out is refused
    assert client.get("/staff/").status_code == 200


def test_password_change_invalidates_existing_sessions(web):
    officer = web.user("officer")
    client = web.login(officer)
    assert client.get("/staff/").status_code == 200
    with web.factory() as session:
        session.execute(
            update(User).where(User.id == officer.id).values(password_hash=hash_password("new pass phrase!"))
        )
        session.commit()
    assert client.get("/staff/").status_code == 302


def test_post_without_csrf_token_is_refused(web):
    officer = web.user("officer")
    client = web.client()
    response = client.post("/login", data={"email": officer.email, "password": "correct horse battery"})
    assert response.status_code == 400
    assert "did not come from this site" in response.get_data(as_text=True)
    client = web.login(officer)
    response = client.post("/staff/requests/new", data={"description": "x"})
    assert response.status_code == 400


def test_logins_are_throttled_per_address_without_locking_out_known_browsers(web):
    # Issue 15 / ASVS V2.2.1: one address spraying many accounts is slowed down (soft lock, it ends by
    # itself), but a browser that signed in to its account before is not held up by the per-address delay,
    # so one guesser behind the office's shared address does not lock the whole office out.
    from sar.accounts import throttle

    officer = web.user("officer")
    colleague = web.user("officer")
    known = web.login(colleague)  # signed in before from this address: has the device cookie
    post(known, "/logout", {})
    client = web.client()
    for i in range(throttle.IP_FREE + 1):
        assert post(client, "/login", {"email": f"nobody{i}@example.org", "password": "wrong password"}
                    ).status_code == 401
    response = post(client, "/login", {"email": officer.email, "password": "correct horse battery"})
    assert response.status_code == 429
    assert "Too many wrong attempts" in response.get_data(as_text=True)
    response = post(known, "/login", {"email": colleague.email, "password": "correct horse battery"})
    assert response.status_code == 302


def test_repeated_failures_on_an_account_slow_down_progressively(web):
    from sar.accounts import throttle

    officer = web.user("officer")
    client = web.client()
    for _ in range(throttle.ACCOUNT_IP_FREE + 1):
        post(client, "/login", {"email": officer.email, "password": "wrong password"})
    response = post(client, "/login", {"email": officer.email, "password": "correct horse battery"})
    assert response.status_code == 429  # a soft lock: the right password is not even checked now


def test_security_headers_on_every_response(web):
    client = web.login(web.user("officer"))
    for path, status in (("/staff/", 200), ("/login", 200), ("/no-such-page", 404)):
        response = client.get(path)
        assert response.status_code == status
        headers = response.headers
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["Cache-Control"] == "no-store"
    static = client.get("/static/app.css")
    assert static.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" not in static.headers.get("Cache-Control", "")
    static.close()


def test_session_cookie_is_http_only_and_same_site(web):
    client = web.client()
    csrf_token(client)
    cookie = client.get_cookie("sardesk_session")
    assert cookie.http_only
    assert cookie.same_site == "Lax"


def test_error_pages_are_plain_and_generic(web):
    response = web.client().get("/nothing/here")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_too_large_upload_gets_413(web):
    web.app.config["MAX_CONTENT_LENGTH"] = 1024
    client = web.login(web.user("officer"))
    token = csrf_token(client)
    response = client.post("/staff/requests/new", data={"csrf_token": token, "description": "x" * 5000})
    assert response.status_code == 413
    assert "The file is too large" in response.get_data(as_text=True)


def test_secure_cookies_setting_marks_the_session_cookie_secure(tmp_path, fresh_db_url):
    from dataclasses import replace

    from sar.core.settings import Settings
    from web import create_app

    app = create_app(replace(Settings(), environment="test", database_url=fresh_db_url, storage_dir=tmp_path / "s",
                             secret_key="k", secure_cookies=True))
    client = app.test_client()
    response = client.get("/login", base_url="https://sar.example.gov.uk")
    assert "Secure" in response.headers["Set-Cookie"]
    assert "max-age=31536000" in response.headers["Strict-Transport-Security"]
    app.extensions["sar_engine"].dispose()
