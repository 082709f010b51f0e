"""Password hashing (argon2id) and the password policy (NCSC password guidance; OWASP ASVS 4.0 V2.1).

The policy is: a minimum length that depends on the role (staff accounts reach children's case files, so
they get the longer one; both are settings), at most :data:`MAX_LENGTH` characters so long pass-phrases fit,
no composition rules (ASVS V2.1.9), and not one of the common passwords in ``data/common_passwords.txt``
(ASVS V2.1.7), nor the account's own e-mail address or name.
"""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from sar.core.errors import ValidationError
from sar.core.settings import Settings
from sar.models import STAFF_ROLES

#: ASVS V2.1.2: at least 64 characters allowed; more than 128 is refused.
MAX_LENGTH = 128
COMMON_PASSWORDS_FILE = Path(__file__).with_name("data") / "common_passwords.txt"


def _make_hasher() -> PasswordHasher:
    # argon2id with the library's RFC 9106 defaults. SAR_PASSWORD_HASH_COST=fast is for test suites
    # only (thousands of accounts are created); hashes made that way still verify normally.
    if os.environ.get("SAR_PASSWORD_HASH_COST") == "fast":
        return PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    return PasswordHasher()


_hasher = _make_hasher()
#: Verified against when the account does not exist, so an unknown address costs the same time.
_DUMMY_HASH = _hasher.hash("not-a-password: timing equaliser")


def hash_secret(secret: str) -> str:
    """Return an argon2id hash of ``secret`` (a password or a recovery code)."""
    return _hasher.hash(secret)


def verify_secret(secret_hash: str | None, secret: str) -> bool:
    """Return whether ``secret`` matches ``secret_hash``; with no hash, spend the same time and say no."""
    try:
        if not secret_hash:
            _hasher.verify(_DUMMY_HASH, secret or "")
            return False
        return _hasher.verify(secret_hash, secret or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords, lower-cased (comment lines start with ``# ``)."""
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("# "))


def minimum_length(role: str, settings: Settings) -> int:
    """The minimum password length for an account with ``role``."""
    return settings.password_min_staff if role in STAFF_ROLES else settings.password_min_requester


def check_policy(password: str, *, role: str, settings: Settings, email: str = "", name: str = "") -> None:
    """Refuse a password that breaks the policy, saying why in one sentence.

    Length counts Unicode characters after NFKC normalisation (ASVS V2.1.4: any printable character,
    spaces included, is allowed).

    :raises ValidationError: too short, too long, common, or the account's e-mail address or name.
    """
    password = unicodedata.normalize("NFKC", password or "")
    minimum = minimum_length(role, settings)
    if len(password) < minimum:
        raise ValidationError(f"the password must have at least {minimum} characters (a few words make a good one)")
    if len(password) > MAX_LENGTH:
        raise ValidationError(f"the password must have at most {MAX_LENGTH} characters")
    folded = password.casefold()
    if folded in common_passwords():
        raise ValidationError("that password is on a list of commonly used passwords; choose another")
    own = {value.strip().casefold() for value in (email, email.partition("@")[0], name) if value and value.strip()}
    if folded in own or folded.replace(" ", "") in {value.replace(" ", "") for value in own}:
        raise ValidationError("the password must not be your e-mail address or name")
