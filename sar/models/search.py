"""The search on record (issue 17, rulebook G-6): where a request's records were looked for, and what was found."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sar.models.base import Base, UTCDateTime


class SearchRecord(Base):
    """One search of one system or place for a request's records. Append-only: a correction is a new entry.

    ``place`` is one of ``sar.bundle.searches.PLACES``; ``result`` is ``found`` (``found_count`` >= 1)
    or ``none_found`` (``found_count`` = 0).
    """

    __tablename__ = "search_records"
    __table_args__ = (
        CheckConstraint("result IN ('found','none_found')", name="result_known"),
        CheckConstraint("found_count >= 0", name="found_count_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    place: Mapped[str] = mapped_column(String(40))
    #: Which system, mailbox, drive, file or team exactly (e.g. a mailbox or a team's name).
    place_detail: Mapped[str] = mapped_column(String(200), default="")
    terms: Mapped[str] = mapped_column(Text, default="")
    date_from: Mapped[date | None] = mapped_column(Date)
    date_to: Mapped[date | None] = mapped_column(Date)
    searched_on: Mapped[date] = mapped_column(Date)
    searched_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    result: Mapped[str] = mapped_column(String(20))
    found_count: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RecordCall(Base):
    """A call for records: another team or service asked for a request's records by an internal date.

    ``status``: ``open``, ``answered`` or ``withdrawn`` (never deleted). "Overdue" is derived from
    ``due_on``, never stored; ``last_chased_on``/``chase_count`` record the worker's reminders.
    """

    __tablename__ = "record_calls"
    __table_args__ = (CheckConstraint("status IN ('open','answered','withdrawn')", name="status_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    team: Mapped[str] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(Text)
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    due_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="open")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_chased_on: Mapped[date | None] = mapped_column(Date)
    chase_count: Mapped[int] = mapped_column(Integer, default=0)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answer_note: Mapped[str] = mapped_column(Text, default="")
