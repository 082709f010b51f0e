"""The append-only, hash-chained audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from sar.models.base import Base, UTCDateTime


class AuditEvent(Base):
    """One audited read, change or download.

    ``hash = HMAC-SHA256(key[key_id], prev_hash + canonical JSON of this row's payload)`` (rows with
    ``key_id`` NULL predate keying and carry a plain SHA-256), so altering or deleting any row breaks
    the chain from that row on; ``sar audit verify`` names the first broken row. From format 2 the
    payload carries a keyed digest of the personal details instead of the details themselves, so
    disposal can minimise them (``sar.core.audit.minimise_request``) and the chain still verifies. The app's database
    role may INSERT and SELECT these rows but not UPDATE or DELETE them (deploy/postgres-roles.sql).
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: 1, 2, 3, ... with no gaps: a deleted row shows as a gap even at the end (see AuditHead).
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    actor_label: Mapped[str] = mapped_column(String(400))
    action: Mapped[str] = mapped_column(String(60), index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"), index=True)
    target: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[dict] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    #: the id (in the ``SAR_AUDIT_KEY`` keyring) of the key that signed this row; NULL: legacy row.
    key_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    #: the client of the HTTP request that caused the event ("" for the CLI and the worker).
    client_ip: Mapped[str] = mapped_column(String(64), default="", server_default="")
    user_agent: Mapped[str] = mapped_column(String(400), default="", server_default="")
    #: chain format: 1 = the MAC covers every field (rows written before h_ops); 2 = the MAC covers
    #: ``personal_digest`` in place of the personal details, so they can be minimised on disposal.
    fmt: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: format 2: keyed digest of the personal details (actor label, detail, client IP, user agent).
    personal_digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: when the personal details were replaced by a tombstone (retention disposal); NULL: as written.
    minimised_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AuditHead(Base):
    """The single row recording the last sequence number and hash, so truncating the tail is caught."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
