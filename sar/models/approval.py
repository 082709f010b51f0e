"""Four-eyes approval of an exact response pack, and the released packs themselves."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sar.models.base import Base, UTCDateTime


class ResponsePack(Base):
    """A built response pack (zip: cover letter, redaction schedule, burned-in bundle).

    The zip is stored content-addressed; ``sha256`` is what a manager approves.
    """

    __tablename__ = "response_packs"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    #: What went in: bundle items, redaction ids, page marks, letter template; for the record.
    manifest: Mapped[dict] = mapped_column(JSON)
    built_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    built_at: Mapped[datetime] = mapped_column(UTCDateTime)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Approval(Base):
    """A submission of one exact pack (by hash) and a manager's decision on it.

    Invariants: an approver is a manager who did not prepare the pack; any change to the request
    after approval voids it (``voided_at``); release is possible only from an approval that stands.
    """

    __tablename__ = "approvals"
    __table_args__ = (
        CheckConstraint("status IN ('pending','approved','returned','voided')", name="status_known"),
        CheckConstraint("status != 'approved' OR decided_by_id IS NOT NULL", name="approved_has_approver"),
        CheckConstraint(
            "decided_by_id IS NULL OR decided_by_id != submitted_by_id", name="no_self_approval"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    pack_id: Mapped[int] = mapped_column(ForeignKey("response_packs.id"))
    pack_sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="pending")
    submitted_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    submit_note: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    comments: Mapped[str] = mapped_column(Text, default="")
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    void_reason: Mapped[str | None] = mapped_column(Text)

    pack: Mapped[ResponsePack] = relationship()


class DownloadLink(Base):
    """An expiring, authenticated link through which a requester downloads a released pack."""

    __tablename__ = "download_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[int] = mapped_column(ForeignKey("response_packs.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    download_count: Mapped[int] = mapped_column(Integer, default=0)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
