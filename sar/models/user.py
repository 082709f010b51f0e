"""Users, roles and API tokens."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sar.models.base import Base, UTCDateTime


class Role(StrEnum):
    """What a user may do. Enforced in the use cases (``sar.core.permissions``), not only in views."""

    requester = "requester"
    officer = "officer"
    manager = "manager"
    admin = "admin"


STAFF_ROLES = frozenset({Role.officer, Role.manager, Role.admin})
#: The caseworkers: who work on requests (are assigned them, prepare and submit packs, open evidence).
#: Administrators manage accounts and have no need to know a case. A tuple: messages list them in order.
CASEWORK_ROLES = (Role.officer, Role.manager)


class User(Base):
    """A person who logs in: a requester on the portal, or council staff."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('requester','officer','manager','admin')", name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    #: argon2id hash; never the password.
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: Job title shown in letters and used to recognise staff as professionals in redaction.
    job_title: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Random value carried in every session cookie; replacing it (password change, disable, enable,
    #: role change, two-factor change) ends every session issued before.
    security_stamp: Mapped[str] = mapped_column(String(32), default="")
    #: When the owner proved they receive mail at ``email`` (requesters must before submitting a request).
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Base32 TOTP secret (RFC 6238); set at enrolment, in force once ``totp_enabled_at`` is set.
    #: sealed (AES-GCM, ``sar.accounts.sealed_secrets``); plain base32 only in rows not yet migrated.
    totp_secret: Mapped[str | None] = mapped_column(String(255))
    totp_enabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The last TOTP time step accepted: a code is never accepted twice (replay).
    totp_last_step: Mapped[int | None] = mapped_column(Integer)

    tokens: Mapped[list[ApiToken]] = relationship(back_populates="user")

    @property
    def is_staff(self) -> bool:
        """True for officers, managers and admins."""
        return self.role in STAFF_ROLES

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email} {self.role}>"


class ApiToken(Base):
    """A bearer token for the JSON API. Only its sha256 is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The token stops working at this time (NULL only for tokens made before expiry existed).
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(back_populates="tokens")


class RecoveryCode(Base):
    """A single-use two-factor recovery code; only its argon2id hash is stored."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AccountLink(Base):
    """A single-use, expiring link sent by e-mail: a password reset or an e-mail address check.

    Only the token's sha256 is stored; the mailer mints the token when it sends the e-mail
    (``sar.messaging.account_links``), so no table ever holds a usable one.
    """

    __tablename__ = "account_links"
    __table_args__ = (CheckConstraint("purpose IN ('reset','verify')", name="purpose_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(10))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LoginThrottle(Base):
    """Failed sign-ins counted per key (``acct-ip:<email>|<ip>`` or ``ip:<ip>``) for progressive delays."""

    __tablename__ = "login_throttles"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: No sign-in is tried for this key before this time (a soft lock: it ends by itself).
    blocked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class StaffMember(Base):
    """The council's staff directory, used to keep professionals' names in disclosures (Sch 2 para 17).

    Entries need not be users: external professionals known to the council can be listed too.
    """

    __tablename__ = "staff_directory"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    org: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
