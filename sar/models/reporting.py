"""Closure records, complaints about a response, legal holds and disposal certificates.

These rows are what the reports (``sar.reports``) and the retention schedule (``sar.retention``)
read and write. Statistics about a request live here and in the status changes and clock events,
never in a stored counter, so disposing of a request's personal data leaves its numbers intact.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sar.models.base import Base, UTCDateTime

#: How a request ended. full / part / refused / not_held / ncnd are the response outcomes the ICO
#: and the senior information risk owner ask about; withdrawn and lapsed end a request without one.
OUTCOMES = ("full", "part", "refused", "not_held", "ncnd", "withdrawn", "lapsed")
#: A complaint about a response: the council's own internal review, or a complaint to the ICO.
COMPLAINT_KINDS = ("internal_review", "ico_complaint")
COMPLAINT_OUTCOMES = ("pending", "upheld", "partly_upheld", "not_upheld", "withdrawn")


class ClosureRecord(Base):
    """The outcome of one request, recorded by staff when it is answered.

    ``codes`` lists exemption / Sch 2-3 codes cited in the response that are not already on a
    redaction or a withheld page (a refusal notice cites them without redacting anything).
    """

    __tablename__ = "closure_records"
    __table_args__ = (
        CheckConstraint(
            "outcome IN ('full','part','refused','not_held','ncnd','withdrawn','lapsed')", name="outcome_known"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), unique=True)
    outcome: Mapped[str] = mapped_column(String(20))
    codes: Mapped[list] = mapped_column(JSON, default=list)
    #: The name of the team that answered (``teams``: the request's team, else its officer's home team),
    #: copied when recorded, so a later move of the request or officer does not rewrite history.
    team: Mapped[str | None] = mapped_column(String(120), index=True)  # as long as teams.name
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")


class ComplaintCase(Base):
    """An internal review or ICO complaint about how a request was answered, and its outcome."""

    __tablename__ = "complaint_cases"
    __table_args__ = (
        CheckConstraint("kind IN ('internal_review','ico_complaint')", name="kind_known"),
        CheckConstraint(
            "outcome IN ('pending','upheld','partly_upheld','not_upheld','withdrawn')", name="outcome_known"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(20), default="pending")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LegalHold(Base):
    """A hold that stops disposal (litigation, an ICO investigation, an inquiry) until lifted."""

    __tablename__ = "legal_holds"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    placed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    lifted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    lifted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lift_reason: Mapped[str | None] = mapped_column(Text)


class DisposalCertificate(Base):
    """The record that a request's personal data was disposed of: who approved it, under which rule, what went.

    ``detail`` lists the documents and packs removed from the store (by sha256, never by name)
    and the database rows tombstoned; it names no person.
    """

    __tablename__ = "disposal_certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), unique=True)
    reference: Mapped[str] = mapped_column(String(40))
    rule: Mapped[str] = mapped_column(String(100))
    due_on: Mapped[date] = mapped_column(Date)
    approved_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    disposed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    documents_removed: Mapped[int] = mapped_column(Integer, default=0)
    packs_removed: Mapped[int] = mapped_column(Integer, default=0)
    detail: Mapped[dict] = mapped_column(JSON)


class DisclosureEntry(Base):
    """A released FOI/EIR response published (or being prepared for) the public disclosure log.

    ``request_text`` and ``response_text`` are the texts after the PII re-scan, as the manager
    approved them; ``removed`` lists what the scan replaced (kind and position, never the text).
    Withdrawing keeps the row (status ``withdrawn``) so the record of publication is never lost.
    """

    __tablename__ = "disclosure_entries"
    __table_args__ = (
        CheckConstraint("status IN ('draft','published','withdrawn')", name="status_known"),
        CheckConstraint("approved_by_id IS NULL OR approved_by_id != prepared_by_id", name="no_self_approval"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    reference: Mapped[str] = mapped_column(String(40))
    regime: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200))
    request_text: Mapped[str] = mapped_column(Text)
    response_text: Mapped[str] = mapped_column(Text)
    removed: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    prepared_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    prepared_at: Mapped[datetime] = mapped_column(UTCDateTime)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdraw_reason: Mapped[str | None] = mapped_column(Text)
