"""The child's voice and communication needs (issue 16): competence assessments and follow-up tasks.

Each party's own communication needs (language, interpreter, format, channel, advocate) are
columns on :class:`sar.models.request.Party`; this module holds what is recorded about the case.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sar.models.base import Base, UTCDateTime

#: Preferred formats (issue 16); Braille is produced by the council's transcription provider.
FORMATS = ("standard", "large_print", "easy_read", "audio", "braille")
#: Preferred channels for letters and messages.
PREFERRED_CHANNELS = ("portal", "email", "post")
#: What a competent child said about their parent seeing their records (rulebook T-4).
CHILD_VIEWS = ("consents", "refuses", "partial", "not_sought")
TASK_KINDS = ("interpreter_booking", "accessible_format")


class ChildAssessment(Base):
    """One recorded assessment of a child's competence and views for a request made on their behalf.

    Assessments are never changed or deleted: a new one supersedes the last (the latest stands), so
    the record shows every view the child gave and who recorded it (rulebook T-4).
    """

    __tablename__ = "child_assessments"
    __table_args__ = (
        CheckConstraint("views IN ('consents','refuses','partial','not_sought')", name="views_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    #: Age in whole years on the day assessed (from the data subject's date of birth, or as stated).
    age: Mapped[int] = mapped_column(Integer)
    competent: Mapped[bool] = mapped_column(Boolean)
    #: How understanding was judged (Gillick): required whenever the finding departs from the presumption.
    understanding: Mapped[str] = mapped_column(Text, default="")
    views: Mapped[str] = mapped_column(String(20))
    #: The child's views in their own words, or why they were not sought.
    views_text: Mapped[str] = mapped_column(Text, default="")
    #: For ``partial``: what the child does not want the parent to see.
    not_to_share: Mapped[str] = mapped_column(Text, default="")
    #: The child asked that the parent is not consulted or told; with the reason recorded.
    no_parent_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Where a competent child refuses: the reasons release is still in the child's best interests (T-4).
    best_interests: Mapped[str] = mapped_column(Text, default="")
    assessed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    assessed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CaseTask(Base):
    """A follow-up the team must do by a date, e.g. book an interpreter (derived overdue, never stored)."""

    __tablename__ = "case_tasks"
    __table_args__ = (
        CheckConstraint("kind IN ('interpreter_booking','accessible_format')", name="task_kind_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    party_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"))
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_note: Mapped[str | None] = mapped_column(Text)
