"""Documents (stored once by content hash) and their place in a request's bundle."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sar.models.base import Base, UTCDateTime


class Document(Base):
    """A reviewable PDF, stored content-addressed under the storage directory and never modified.

    A file that arrived in another format (Word, e-mail, image, spreadsheet; issue 17) is converted
    to PDF once: ``sha256`` is then the converted PDF, and ``source_sha256``/``source_media_type``
    name the original, stored unchanged beside it. For an uploaded PDF both are NULL.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100), default="application/pdf")
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    source_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    source_media_type: Mapped[str | None] = mapped_column(String(100))


class BundleItem(Base):
    """A document's place in one request's bundle, with the name it was uploaded under.

    ``filename`` is for staff only: a file name can name a third party, so a released pack calls a
    document by its staff-entered ``title`` (NULL: "Document N", N its place in the pack).
    Removing a document from a bundle sets ``removed_at``; nothing is deleted.
    """

    __tablename__ = "bundle_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    #: The title the document is released under; NULL means "Document N" (see ``sar.bundle.documents.release_title``).
    title: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    #: e.g. "case_record", "identity_evidence", "authority_evidence", "request_letter"
    purpose: Mapped[str] = mapped_column(String(40), default="case_record")
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    removed_reason: Mapped[str | None] = mapped_column(Text)
    #: The e-mail this document was attached to (issue 17), or NULL.
    attached_to_id: Mapped[int | None] = mapped_column(ForeignKey("bundle_items.id"), index=True)

    document: Mapped[Document] = relationship()


class PageMark(Base):
    """A reviewer's decision about a whole page: withheld (with a code), duplicate or not relevant."""

    __tablename__ = "page_marks"
    __table_args__ = (
        UniqueConstraint("bundle_item_id", "page", name="uq_page_marks_item_page"),
        CheckConstraint("mark IN ('withheld','duplicate','not_relevant','disclose')", name="mark_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_item_id: Mapped[int] = mapped_column(ForeignKey("bundle_items.id"), index=True)
    page: Mapped[int] = mapped_column(Integer)  # 0-based
    mark: Mapped[str] = mapped_column(String(20))
    code: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DuplicateProposal(Base):
    """A proposed "duplicate of page X" (issue 17), found by text shingles, for a reviewer to confirm.

    ``page`` of ``bundle_item_id`` repeats ``of_page`` of ``of_item_id`` (both 0-based); ``kind`` is
    ``page`` (near-identical page) or ``quoted`` (the whole document is contained in the other, e.g.
    an e-mail quoted in its reply; ``page`` and ``of_page`` are then 0). Confirming one marks the
    page(s) ``duplicate`` (``PageMark``); rejecting keeps them. Decisions are kept, never deleted.
    """

    __tablename__ = "duplicate_proposals"
    __table_args__ = (
        CheckConstraint("status IN ('proposed','confirmed','rejected')", name="status_known"),
        CheckConstraint("kind IN ('page','quoted')", name="kind_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    bundle_item_id: Mapped[int] = mapped_column(ForeignKey("bundle_items.id"), index=True)
    page: Mapped[int] = mapped_column(Integer)
    of_item_id: Mapped[int] = mapped_column(ForeignKey("bundle_items.id"))
    of_page: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
