"""Redaction proposals, reviewers' decisions on them, and background jobs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sar.models.base import Base, UTCDateTime


class Redaction(Base):
    """One proposed or manual redaction on one page of a bundle item.

    ``status`` is the current decision; every decision is also kept in :class:`RedactionDecision`.
    """

    __tablename__ = "redactions"
    __table_args__ = (
        CheckConstraint("status IN ('proposed','accepted','rejected')", name="status_known"),
        CheckConstraint("source IN ('engine','manual','bulk')", name="source_known"),
        CheckConstraint("status != 'rejected' OR decision_reason IS NOT NULL", name="rejection_has_reason"),
        # "Next undecided proposal" on every key press of a review (sar.bundle.navigation, issue 11).
        Index("ix_redactions_review_order", "bundle_item_id", "status", "page", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_item_id: Mapped[int] = mapped_column(ForeignKey("bundle_items.id"), index=True)
    page: Mapped[int] = mapped_column(Integer)  # 0-based
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    #: list of [x0, y0, x1, y1] in PDF points of the unrotated page
    boxes: Mapped[list] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text, default="")
    entity_type: Mapped[str] = mapped_column(String(60))
    code: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(20), default="engine")
    recognizer: Mapped[str | None] = mapped_column(String(100))
    score: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: Set when a later proposal run superseded this proposal; kept for the record.
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    decisions: Mapped[list[RedactionDecision]] = relationship(order_by="RedactionDecision.id")


class RedactionDecision(Base):
    """Append-only history of decisions on a redaction: who, when, what and why."""

    __tablename__ = "redaction_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    redaction_id: Mapped[int] = mapped_column(ForeignKey("redactions.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    code: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class Job(Base):
    """A background job (e.g. computing redaction proposals) with progress a page can poll."""

    __tablename__ = "jobs"
    __table_args__ = (
        # 'dead': a retryable job that failed ``max_attempts`` times (dead letter; a manager re-queues it).
        CheckConstraint("status IN ('queued','running','done','failed','dead')", name="status_known"),
        # The claim query of every worker (sar.bundle.queue): due queued jobs and expired leases.
        Index("ix_jobs_claim", "status", "kind", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    #: The job that spawned this one (a per-document step of a bundle's proposals or pack, issue 11).
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id"), index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="queued")
    progress_done: Mapped[int] = mapped_column(Integer, default=0)
    progress_total: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[dict | None] = mapped_column(JSON)
    #: What the job works on, when a job row is not enough (a conversion's stored originals).
    params: Mapped[dict | None] = mapped_column(JSON)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Last sign of life from the process running the job; a running job whose heartbeat is too old
    #: lost its worker (``sar.bundle.jobs.fail_stale_jobs``).
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Times the job was claimed (counted at the claim, so a worker killed mid-task counts).
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: Attempts before a failing job goes to the dead letter; 1: not retried (failed at once).
    max_attempts: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: A queued job is not claimed before this (exponential backoff after a failed attempt).
    run_after: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The running job's lease: renewed by its heartbeat; once past, another worker may reclaim it.
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Which worker process holds the lease (host:pid:nonce); only it may finish the job.
    locked_by: Mapped[str | None] = mapped_column(String(120))
    #: The last attempt's error, kept across retries for the dead-letter view.
    last_error: Mapped[str | None] = mapped_column(Text)
