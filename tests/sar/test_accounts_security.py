"""Issue 15 accounts: password policy (NCSC/ASVS V2.1), sign-in throttling (ASVS V2.2.1), TOTP two-factor."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pyotp
import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from sar.accounts import passwords, sealed_secrets, throttle, totp, users
from sar.core.errors import NotPermitted, ValidationError
from sar.core.settings import ConfigError, Settings
from sar.models import AuditEvent, RecoveryCode
from tests.factories import PASSWORD, make_user

# --- password policy --------------------------------------------------------------------------------


def test_the_common_password_list_is_shipped_with_its_provenance():
    head = passwords.COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()[:8]
    assert any("Provenance" in line for line in head)
    common = passwords.common_passwords()
    assert len(common) > 5000 and "password123" in common and not any(p.startswith("# ") for p in common)


@pytest.mark.parametrize(("password", "role", "message"), [
    ("elevenchars", "officer", "at least 12"),         # staff minimum
    ("ninechars", "requester", "at least 10"),          # requester minimum
    ("qwertyuiop123", "officer", "commonly used"),       # long enough, but on the list
    ("QWERTYUIOP123", "officer", "commonly used"),       # case does not hide it
    ("x" * 129, "requester", "at most 128"),
    ("pat.officer@example.gov.uk", "officer", "e-mail address or name"),
])
def test_policy_refuses(password, role, message, settings):
    with pytest.raises(ValidationError, match=message):
        passwords.check_policy(password, role=role, settings=settings, email="pat.officer@example.gov.uk",
                               name="Pat Officer")


@pytest.mark.parametrize(("password", "role"), [
    ("twelve chars", "officer"),                 # spaces allowed, no composition rules
    ("alllowercaseletters", "officer"),           # no composition rules (ASVS V2.1.9)
    ("tenletters", "requester"),
    ("ünïcödé pässwörd", "requester"),
])
def test_policy_accepts(password, role, settings):
    passwords.check_policy(password, role=role, settings=settings, email="a@example.org", name="A B")


def test_minimum_lengths_are_settings_and_cannot_go_below_eight(monkeypatch):
    monkeypatch.setenv("SAR_ENV", "test")
    monkeypatch.setenv("SAR_PASSWORD_MIN_STAFF", "16")
    assert Settings.from_env().password_min_staff == 16
    monkeypatch.setenv("SAR_PASSWORD_MIN_STAFF", "6")
    with pytest.raises(ConfigError, match="between 8 and 64"):
        Settings.from_env()


def test_staff_two_factor_is_required_in_production_and_optional_in_demo(monkeypatch):
    monkeypatch.setenv("SAR_ENV", "production")
    assert Settings.from_env().staff_two_factor_required
    monkeypatch.setenv("SAR_STAFF_2FA", "optional")
    assert not Settings.from_env().staff_two_factor_required
    monkeypatch.delenv("SAR_STAFF_2FA")
    monkeypatch.setenv("SAR_ENV", "demo")
    assert not Settings.from_env().staff_two_factor_required


def test_create_user_applies_the_policy(session, now, settings):
    with pytest.raises(ValidationError, match="commonly used"):
        users.create_user(session, email="c@example.org", name="C", password="qwertyuiop123", role="requester",
                          now=now, settings=settings)


def test_unknown_and_known_accounts_both_pay_for_a_hash_check(session, now, monkeypatch):
    # Constant time: an unknown address still verifies against a dummy argon2 hash (not a fast return).
    make_user(session, "officer", email="known@example.org")
    calls = []

    class Recording(PasswordHasher):
        def verify(self, hash, password):  # noqa: A002
            calls.append(hash)
            return super().verify(hash, password)

    monkeypatch.setattr(passwords, "_hasher", Recording(time_cost=1, memory_cost=8192, parallelism=1))
    assert users.authenticate(session, "unknown@example.org", PASSWORD, now=now) is None
    assert users.authenticate(session, "known@example.org", "wrong password", now=now) is None
    assert len(calls) == 2 and calls[0] == passwords._DUMMY_HASH and calls[1].startswith("$argon2id$")


# --- throttling -------------------------------------------------------------------------------------


def test_account_and_address_delays_grow_and_end_by_themselves(session, now):
    email, ip = "a@example.org", "10.0.0.1"
    for i in range(throttle.ACCOUNT_IP_FREE):
        throttle.record_failure(session, email, ip, now=now)
        assert throttle.wait_seconds(session, email, ip, now=now) == 0, i
    throttle.record_failure(session, email, ip, now=now)
    first = throttle.wait_seconds(session, email, ip, now=now)
    throttle.record_failure(session, email, ip, now=now)
    second = throttle.wait_seconds(session, email, ip, now=now)
    assert 0 < first < second  # progressive
    for _ in range(30):
        throttle.record_failure(session, email, ip, now=now)
    assert throttle.wait_seconds(session, email, ip, now=now) <= throttle.ACCOUNT_IP_MAX_WAIT.total_seconds() + 1
    later = now + throttle.ACCOUNT_IP_MAX_WAIT + timedelta(seconds=1)
    assert throttle.wait_seconds(session, email, ip, now=later) == 0  # a soft lock: no admin needed


def test_guessing_from_one_address_does_not_stop_the_owner_at_another(session, now):
    for _ in range(10):
        throttle.record_failure(session, "victim@example.org", "203.0.113.9", now=now)
    assert throttle.wait_seconds(session, "victim@example.org", "203.0.113.9", now=now) > 0
    assert throttle.wait_seconds(session, "victim@example.org", "10.1.1.1", now=now) == 0


def test_spraying_from_one_address_slows_it_but_not_known_browsers(session, now):
    ip = "10.0.0.7"
    for i in range(throttle.IP_FREE + 1):
        throttle.record_failure(session, f"u{i}@example.org", ip, now=now)
    assert throttle.wait_seconds(session, "fresh@example.org", ip, now=now) > 0
    assert throttle.wait_seconds(session, "fresh@example.org", ip, now=now, trusted_device=True) == 0
    assert throttle.wait_seconds(session, "fresh@example.org", ip, now=now) <= throttle.IP_MAX_WAIT.total_seconds() + 1


def test_success_clears_the_account_counter(session, now):
    for _ in range(throttle.ACCOUNT_IP_FREE + 2):
        throttle.record_failure(session, "a@example.org", "10.0.0.1", now=now)
    throttle.record_success(session, "a@example.org", "10.0.0.1")
    assert throttle.wait_seconds(session, "a@example.org", "10.0.0.1", now=now) == 0


# --- TOTP -------------------------------------------------------------------------------------------


def _enrol(session, user, now):
    uri = totp.begin_enrolment(session, user, now=now)
    assert uri.startswith("otpauth://totp/") and "issuer=SAR%20Desk" in uri
    code = pyotp.TOTP(totp.secret_of(user)).at(now)
    return totp.confirm_enrolment(session, user, code, now=now)


def test_enrolment_needs_a_right_code_and_gives_hashed_recovery_codes(session, now):
    user = make_user(session, "officer")
    totp.begin_enrolment(session, user, now=now)
    stamp = user.security_stamp
    with pytest.raises(ValidationError, match="not right"):
        totp.confirm_enrolment(session, user, "000000", now=now)
    assert user.totp_enabled_at is None
    codes = totp.confirm_enrolment(session, user, pyotp.TOTP(totp.secret_of(user)).at(now), now=now)
    assert user.totp_enabled_at == now and user.security_stamp != stamp
    assert len(codes) == totp.RECOVERY_CODES == len(set(codes))
    stored = session.query(RecoveryCode).filter_by(user_id=user.id).all()
    assert all(row.code_hash.startswith("$argon2id$") and row.code_hash not in codes for row in stored)


def test_the_totp_secret_is_stored_sealed_under_the_storage_key(session, now):
    """Issue 15: a copy of the users table must not let anyone mint codes (AES-GCM, key id recorded)."""
    user = make_user(session, "officer")
    _enrol(session, user, now)
    stored = session.execute(text("SELECT totp_secret FROM users WHERE id = :id"), {"id": user.id}).scalar_one()
    plain = totp.secret_of(user)
    assert len(plain) == 32 and plain not in stored and sealed_secrets.is_sealed(stored)
    assert sealed_secrets.key_id_of(stored) == next(iter(sealed_secrets.keys()))
    # Bound to its owner: the same sealed value moved to another user's row does not open.
    other = make_user(session, "officer")
    other.totp_secret = stored
    with pytest.raises(OSError, match="fails authentication"):
        totp.secret_of(other)


def test_a_plain_totp_secret_from_before_sealing_still_works(session, now):
    user = make_user(session, "officer")
    user.totp_secret = pyotp.random_base32()  # as written before the h_ops migration
    assert totp.secret_of(user) == user.totp_secret
    assert totp.confirm_enrolment(session, user, pyotp.TOTP(user.totp_secret).at(now), now=now)


def test_sealed_secrets_refuse_the_demo_key_outside_demo_and_test():
    from sar.core.settings import DEMO_STORAGE_KEY
    with pytest.raises(ConfigError, match="demo key"):
        sealed_secrets.use_keys((("dev", DEMO_STORAGE_KEY),), environment="production")


def test_qr_code_is_an_svg_made_offline(session, now):
    svg = totp.qr_svg("otpauth://totp/SAR%20Desk:a@example.org?secret=JBSWY3DPEHPK3PXP&issuer=SAR%20Desk")
    assert svg.startswith("<svg") and "<script" not in svg


def test_a_code_works_once_and_only_near_its_time(session, now):
    user = make_user(session, "officer")
    _enrol(session, user, now - timedelta(minutes=5))
    otp = pyotp.TOTP(totp.secret_of(user))
    assert totp.verify_second_factor(session, user, otp.at(now), now=now)
    assert not totp.verify_second_factor(session, user, otp.at(now), now=now)  # replay refused
    assert not totp.verify_second_factor(session, user, otp.at(now + timedelta(minutes=3)), now=now)
    assert totp.verify_second_factor(session, user, otp.at(now + timedelta(seconds=30)), now=now)  # drift


def test_a_recovery_code_works_once(session, now):
    user = make_user(session, "officer")
    codes = _enrol(session, user, now)
    assert totp.verify_second_factor(session, user, codes[0].upper(), now=now)
    assert not totp.verify_second_factor(session, user, codes[0], now=now)
    assert totp.recovery_codes_left(session, user) == totp.RECOVERY_CODES - 1
    actions = [e.action for e in session.query(AuditEvent).filter(AuditEvent.target == f"user:{user.id}")]
    assert "2fa.recovery_code_used" in actions and "2fa.failed" in actions


def test_staff_without_two_factor_get_no_api_access_where_it_is_required(session, now, settings):
    officer = make_user(session, "officer")
    token = users.create_token(session, officer, now=now, settings=settings)
    required = replace(settings, staff_two_factor_required=True)
    assert users.user_for_token(session, token, now=now, settings=settings) is officer
    assert users.user_for_token(session, token, now=now, settings=required) is None
    _enrol(session, officer, now)
    assert users.user_for_token(session, token, now=now, settings=required) is officer


def test_only_the_user_or_an_admin_turns_two_factor_off(session, now):
    user, other = make_user(session, "officer"), make_user(session, "officer")
    _enrol(session, user, now)
    with pytest.raises(NotPermitted):
        totp.disable(session, user, actor=other, now=now)
    totp.disable(session, user, actor=make_user(session, "admin"), now=now)
    assert user.totp_enabled_at is None and user.totp_secret is None
    assert totp.recovery_codes_left(session, user) == 0
