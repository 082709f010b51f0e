"""How a request ended (the closure record), the letters sent about it and the requester's replies."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sar.models.base import Base, UTCDateTime


class Outcome(Base):
    """The decision on a request and, once issued, its closure record.

    A draft is written by an officer (kind, grounds, per-exemption reasoning, search made, advice);
    submitting it builds the decision pack that a manager approves by hash; releasing that pack
    issues the outcome and fills the closure fields (``issued_at``, ``on_time``, ``days_late``).
    Nothing is deleted: a draft replaced by a later one is ``superseded``; a reopened request keeps
    its issued outcome and a supplementary one is added.
    """

    __tablename__ = "outcomes"
    __table_args__ = (
        CheckConstraint("status IN ('draft','submitted','issued','superseded')", name="status_known"),
        CheckConstraint("held IN ('held','part_held','not_held','not_applicable')", name="held_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    #: A key of ``sar.release.outcome_kinds.OUTCOME_KINDS``.
    kind: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    held: Mapped[str] = mapped_column(String(20), default="not_applicable")
    #: [{"code": ..., "reasoning": ..., "public_interest": ...}] in the order the letter gives them.
    exemptions: Mapped[list] = mapped_column(JSON, default=list)
    #: Free-text reasons the officer wrote for this case (Art 12(4), s.17(5), legal basis ...).
    reasons: Mapped[str] = mapped_column(Text, default="")
    #: The search made (not held, no personal data): {"systems", "terms", "people", "date_range", "result"}.
    search: Mapped[dict | None] = mapped_column(JSON)
    #: s.16 advice and assistance (cost limit), or the supplementary statement (rectification).
    advice: Mapped[str] = mapped_column(Text, default="")
    #: Kind-specific details: authority transferred to, Art 19 recipients, statement text ...
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    supplementary: Mapped[bool] = mapped_column(Boolean, default=False)
    letter_text: Mapped[str] = mapped_column(Text, default="")
    pack_id: Mapped[int | None] = mapped_column(ForeignKey("response_packs.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    issued_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    on_time: Mapped[bool | None] = mapped_column(Boolean)
    days_late: Mapped[int | None] = mapped_column(Integer)


class Letter(Base):
    """One letter or e-mail to the requester, stored exactly as sent (text, and PDF by hash).

    ``dispatch`` is ``email`` (queued in the outbox, ``email_id``) or ``post`` (recorded as posted on
    ``posted_on`` for a requester without e-mail). A clock-relevant letter points at the clock event
    its sending recorded.
    """

    __tablename__ = "letters"
    __table_args__ = (
        CheckConstraint("dispatch IN ('email','post')", name="dispatch_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    template: Mapped[str] = mapped_column(String(80))
    subject: Mapped[str] = mapped_column(String(300))
    body_text: Mapped[str] = mapped_column(Text)
    #: True when the officer changed the rendered text before sending.
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    dispatch: Mapped[str] = mapped_column(String(10))
    posted_on: Mapped[date | None] = mapped_column(Date)
    email_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"))
    clock_event_id: Mapped[int | None] = mapped_column(ForeignKey("clock_events.id"))
    outcome_id: Mapped[int | None] = mapped_column(ForeignKey("outcomes.id"))
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CaseMessage(Base):
    """A requester's reply through the portal, or a staff-only case note.

    ``visibility`` ``requester`` rows are written by the requester (message and evidence files);
    ``staff`` rows are internal notes, never shown to the requester and never put in a pack.
    """

    __tablename__ = "case_messages"
    __table_args__ = (
        CheckConstraint("visibility IN ('requester','staff')", name="visibility_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    visibility: Mapped[str] = mapped_column(String(10))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text, default="")
    #: Bundle items (identity or authority evidence) uploaded with the reply.
    item_ids: Mapped[list] = mapped_column(JSON, default=list)
    #: The clock events the reply recorded (e.g. clarification_received).
    clock_event_ids: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CaseLink(Base):
    """A case that follows another: FOIA internal review, EIR reconsideration, SAR complaint, ICO complaint.

    A review or reconsideration is a request of its own (``linked_request_id``) with its own clock
    (rulebook F-8, E-6); a complaint to the council or the ICO is tracked here with the date the
    officer or the ICO set (``due_on``). Visible from both sides; it can lead to a supplementary
    release on the original (reopen it).
    """

    __tablename__ = "case_links"
    __table_args__ = (
        CheckConstraint("kind IN ('internal_review','reconsideration','sar_complaint','ico_complaint',"
                        "'ico_decision')", name="kind_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    linked_request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    received_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    external_reference: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
