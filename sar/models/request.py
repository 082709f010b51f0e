"""Requests, their parties and their clock events."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sar.models.base import Base, UTCDateTime

if TYPE_CHECKING:
    from sar.models.voice import ChildAssessment

CHANNELS = ("portal", "email", "letter", "phone", "in_person", "api", "social_media")
PARTY_ROLES = ("requester", "data_subject", "representative", "third_party")


class Request(Base):
    """One information request, or one part of a mixed request.

    Parts of a mixed request share a ``parent_id`` (the first part) and each has its own regime,
    clock and reference. ``due_on`` is a cached copy of the ``deadlines`` computation, kept in step
    by ``sar.intake.clock.recompute_due`` whenever a clock event is recorded; "due soon" and "overdue" are
    derived from it, never stored.
    """

    __tablename__ = "requests"
    __table_args__ = (
        CheckConstraint(
            "status IN ('received','awaiting_verification','in_progress','on_hold','in_review',"
            "'awaiting_approval','approved','released','closed','withdrawn','refused')",
            name="status_known",
        ),
        CheckConstraint("status != 'released' OR released_at IS NOT NULL", name="released_has_time"),
        Index("ix_requests_status_due_on", "status", "due_on"),
        # Reports select requests received in a period (sar.reports).
        Index("ix_requests_received_on", "received_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    regime: Mapped[str] = mapped_column(String(30), index=True)
    status: Mapped[str] = mapped_column(String(30), default="received")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: Calendar date of receipt in Europe/London (rulebook C1).
    received_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"), index=True)
    #: Portal account that owns the request, if it came through the portal or API on their behalf.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    assigned_officer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    #: The team the request belongs to (need to know, issue 14); NULL while unallocated.
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    requester_type: Mapped[str | None] = mapped_column(String(30))
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    #: The deadlines computation as JSON: explanation, secondary dates, outer limit.
    due_detail: Mapped[dict | None] = mapped_column(JSON)
    #: Triage result as JSON: parts, reasons, override (who, why).
    triage: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    parties: Mapped[list[Party]] = relationship(back_populates="request", order_by="Party.id")
    clock_events: Mapped[list[ClockEvent]] = relationship(back_populates="request", order_by="ClockEvent.id")
    status_changes: Mapped[list[StatusChange]] = relationship(
        back_populates="request", order_by="StatusChange.id"
    )
    parts: Mapped[list[Request]] = relationship(back_populates="parent", order_by="Request.id")
    #: Competence and views of a child the request is about (issue 16, T-4); the latest stands.
    child_assessments: Mapped[list[ChildAssessment]] = relationship(order_by="ChildAssessment.id")
    parent: Mapped[Request | None] = relationship(back_populates="parts", remote_side=[id])

    def party(self, role: str) -> Party | None:
        """Return the first party with ``role`` (e.g. ``"data_subject"``), or None."""
        return next((p for p in self.parties if p.role == role), None)


class Party(Base):
    """A person connected with a request: requester, data subject, representative or third party.

    For a representative, the authority evidence (solicitor's written authority, parental
    responsibility) is recorded with its status; rulebook T-4 and G-2.
    """

    __tablename__ = "parties"
    __table_args__ = (
        CheckConstraint(
            "role IN ('requester','data_subject','representative','third_party')", name="role_known"
        ),
        CheckConstraint(
            "authority_status IN ('not_required','requested','received','verified','rejected')",
            name="authority_status_known",
        ),
        CheckConstraint(
            "identity_status IN ('not_required','requested','received','verified','rejected')",
            name="identity_status_known",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(50))
    address: Mapped[str | None] = mapped_column(Text)
    dob: Mapped[date | None] = mapped_column(Date)
    #: Age in whole years when the request was received, as stated, where no date of birth is known
    #: (rulebook T-4: any evidence that the data subject is a child brings in the competence gate).
    age_years: Mapped[int | None] = mapped_column(Integer)
    #: The person is a looked-after child (Children Act 1989 s.22): a child by definition.
    looked_after: Mapped[bool] = mapped_column(Boolean, default=False)
    aliases: Mapped[list | None] = mapped_column(JSON)
    identifiers: Mapped[list | None] = mapped_column(JSON)
    #: For third parties: relationship to the subject and whether to disclose or redact them.
    relationship_to_subject: Mapped[str | None] = mapped_column(String(100))
    disclose: Mapped[bool] = mapped_column(Boolean, default=False)
    #: For representatives: e.g. "solicitor", "parent", "attorney".
    capacity: Mapped[str | None] = mapped_column(String(50))
    authority_status: Mapped[str] = mapped_column(String(20), default="not_required")
    authority_note: Mapped[str | None] = mapped_column(Text)
    authority_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    identity_status: Mapped[str] = mapped_column(String(20), default="not_required")
    identity_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    #: Communication needs (issue 16). Language codes are BCP 47 ("en", "cy", "pl"); None means English.
    preferred_language: Mapped[str | None] = mapped_column(String(35))
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    interpreter_language: Mapped[str | None] = mapped_column(String(35))
    #: One of ``sar.models.voice.FORMATS``; None means standard.
    preferred_format: Mapped[str | None] = mapped_column(String(20))
    #: One of ``sar.models.voice.PREFERRED_CHANNELS``; None means as the request came in.
    preferred_channel: Mapped[str | None] = mapped_column(String(20))
    #: An advocate, trusted adult or representative who helps this person, and how to reach them.
    advocate_name: Mapped[str | None] = mapped_column(String(200))
    advocate_contact: Mapped[str | None] = mapped_column(Text)
    #: With the person's agreement, their advocate or trusted adult gets a copy of every e-mailed letter.
    advocate_email: Mapped[str | None] = mapped_column(String(320))
    advocate_copy: Mapped[bool] = mapped_column(Boolean, default=False)

    request: Mapped[Request] = relationship(back_populates="parties")


class ClockEvent(Base):
    """Something that moves or stops the statutory clock (rulebook §1): ID, clarification, fee, extension."""

    __tablename__ = "clock_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    occurred_on: Mapped[date] = mapped_column(Date)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    #: FOIA public-interest extension only (rulebook F-3): the decision date the officer estimated,
    #: no later than the clock's cap; the due date is this estimate while the event stands.
    until: Mapped[date | None] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: Events are never deleted; a mistaken one is voided with a reason and ignored by the clock.
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    void_reason: Mapped[str | None] = mapped_column(Text)

    request: Mapped[Request] = relationship(back_populates="clock_events")


class StatusChange(Base):
    """Who moved a request between statuses, when and why (written only by ``transition``)."""

    __tablename__ = "status_changes"
    #: Reports find when requests were answered by the move into released / refused (sar.reports).
    __table_args__ = (Index("ix_status_changes_to_status_at", "to_status", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime)

    request: Mapped[Request] = relationship(back_populates="status_changes")
