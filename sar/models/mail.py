"""The e-mail outbox, reminders that must be sent once, and reference counters."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from sar.models.base import Base, UTCDateTime


class OutboxEmail(Base):
    """An e-mail written in the same transaction as the change that caused it; the worker sends it."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    to_addr: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    body_text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(40), default="general")
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    #: Not before this time: a sender's claim (a lease while it sends) or the retry backoff after a failure.
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: A download link whose token the mailer mints when it sends the row and writes into the body in
    #: place of ``sar.messaging.download_links.LINK_SLOT``; the plain token is never stored (only its hash).
    download_link_id: Mapped[int | None] = mapped_column(ForeignKey("download_links.id"))
    #: Likewise for a password-reset or address-check link (``sar.messaging.account_links``).
    account_link_id: Mapped[int | None] = mapped_column(ForeignKey("account_links.id"))


class Reminder(Base):
    """A reminder or escalation that must go out exactly once (unique on request, kind and key).

    NULLs never collide in a unique constraint, so reminders about no request (daily digests) are kept
    unique on (kind, key) by a partial unique index.
    """

    __tablename__ = "reminders"
    __table_args__ = (
        UniqueConstraint("request_id", "kind", "key", name="uq_reminders_once"),
        Index("uq_reminders_once_global", "kind", "key", unique=True,
              sqlite_where=text("request_id IS NULL"), postgresql_where=text("request_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    #: What the reminder is about, e.g. the due date it refers to or a digest's date.
    key: Mapped[str] = mapped_column(String(100))
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReferenceCounter(Base):
    """Last number used for a reference prefix and year, e.g. ("SAR", 2026) → 7 gives SAR-2026-0007."""

    __tablename__ = "reference_counters"
    __table_args__ = (UniqueConstraint("prefix", "year", name="uq_reference_counters_prefix_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    prefix: Mapped[str] = mapped_column(String(10))
    year: Mapped[int] = mapped_column(Integer)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class HolidayOverride(Base):
    """A bank holiday proclaimed after the pinned ``holidays`` release (rulebook H-1)."""

    __tablename__ = "holiday_overrides"
    __table_args__ = (UniqueConstraint("on", "nation", name="uq_holiday_overrides_on_nation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    on: Mapped[date] = mapped_column(Date)
    nation: Mapped[str] = mapped_column(String(3))
    name: Mapped[str] = mapped_column(String(200))
    reference: Mapped[str] = mapped_column(String(300), default="")
