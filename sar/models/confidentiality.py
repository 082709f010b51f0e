"""Confidentiality (issue 14): teams and need to know, confidentiality levels, consultations, agency checks.

Seed policy, "Confidentiality Values and Principles": "CONFIDENTIAL INFORMATION is ALL INFORMATION which
Social Care and Supported Housing holds on a service user/child/young person. This information must be kept
confidential to the Department, and only accessed on a need to know basis."
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sar.models.base import Base, UTCDateTime

#: The policy's three levels, lowest first (the order is used to take the highest of several).
LEVELS = ("confidential", "sensitive", "highly_sensitive")
CONSULTEE_KINDS = ("originator", "third_party", "agency")
CONSULTATION_REPLIES = ("agrees", "objects", "conditions")
#: The agency checklist items (seed: "information should not be handed over to anyone unless members of
#: staff are satisfied that ..."), plus the manager's approval and telling the data subject.
AGENCY_CHECK_ITEMS = (
    "entitlement", "identity", "ethics", "minimum_necessary", "manager_approval",
    "subject_told", "subject_not_told", "objection_considered",
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ",".join(f"'{v}'" for v in values) + ")"


class Team(Base):
    """A team of staff; requests belong to a team and its members see them (need to know)."""

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TeamMember(Base):
    """A staff member's membership of a team: the one team model (need to know, and reports by team)."""

    __tablename__ = "team_members"
    __table_args__ = (UniqueConstraint("team_id", "user_id", name="uq_team_members_team_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    #: When they joined (None for rows made before it was kept); the earliest row is their home team.
    joined_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class RequestRestriction(Base):
    """A named staff member a restricted request is open to. A request with live rows is restricted.

    Removing someone sets ``removed_at``; rows are never deleted.
    """

    __tablename__ = "request_restrictions"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AccessGrant(Base):
    """A staff member opened a request outside their team with a recorded reason (need to know)."""

    __tablename__ = "access_grants"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ConfidentialityMark(Base):
    """The confidentiality level of a whole document (``page`` NULL) or of one passage within it.

    ``proposed_level`` and ``cues`` are the engine's; ``level`` is the officer's confirmation (NULL until
    confirmed). A re-proposal supersedes the old row; nothing is deleted.
    """

    __tablename__ = "confidentiality_marks"
    __table_args__ = (
        CheckConstraint(_in("proposed_level", LEVELS), name="proposed_level_known"),
        CheckConstraint("level IS NULL OR " + _in("level", LEVELS), name="level_known"),
        CheckConstraint("level IS NULL OR confirmed_at IS NOT NULL", name="confirmed_has_time"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_item_id: Mapped[int] = mapped_column(ForeignKey("bundle_items.id"), index=True)
    page: Mapped[int | None] = mapped_column(Integer)  # 0-based; NULL for the whole document
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    excerpt: Mapped[str] = mapped_column(Text, default="")
    proposed_level: Mapped[str] = mapped_column(String(20))
    #: The named cues that raised the level, e.g. ``["locating:UK_ADDRESS", "harm:placement"]``.
    cues: Mapped[list] = mapped_column(JSON)
    level: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class HarmReview(Base):
    """A manager's serious-harm review of a request's HIGHLY SENSITIVE material, with reasons."""

    __tablename__ = "harm_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    serious_harm: Mapped[bool] = mapped_column(Boolean)
    reasons: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class Consultation(Base):
    """Consulting an originator, third party or agency before confidential information goes out."""

    __tablename__ = "consultations"
    __table_args__ = (
        CheckConstraint(_in("consultee_kind", CONSULTEE_KINDS), name="consultee_kind_known"),
        CheckConstraint("reply IS NULL OR " + _in("reply", CONSULTATION_REPLIES), name="reply_known"),
        CheckConstraint("reply IS NULL OR replied_at IS NOT NULL", name="reply_has_time"),
        CheckConstraint("overridden_at IS NULL OR override_reason IS NOT NULL", name="override_has_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    consultee_name: Mapped[str] = mapped_column(String(200))
    consultee_kind: Mapped[str] = mapped_column(String(20))
    consultee_contact: Mapped[str | None] = mapped_column(String(320))
    #: Bundle item ids and confidentiality mark ids the consultation is about.
    about_items: Mapped[list] = mapped_column(JSON)
    about_marks: Mapped[list] = mapped_column(JSON)
    about_text: Mapped[str] = mapped_column(Text, default="")
    means: Mapped[str] = mapped_column(String(40))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    reply: Mapped[str | None] = mapped_column(String(20))
    reply_text: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    taken_into_account: Mapped[str | None] = mapped_column(Text)
    override_reason: Mapped[str | None] = mapped_column(Text)
    overridden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    overridden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_chased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AgencyCheck(Base):
    """One item of the checklist before disclosing to an agency, with who confirmed it and how."""

    __tablename__ = "agency_checks"
    __table_args__ = (CheckConstraint(_in("item", AGENCY_CHECK_ITEMS), name="item_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    item: Mapped[str] = mapped_column(String(30))
    how: Mapped[str] = mapped_column(Text)
    evidence_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    #: The confirmer still has some doubt: a Team Manager must then approve (seed: "Where there is any doubt").
    doubt: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DisclosureRecord(Base):
    """The disclosure register: what was passed to which agency, when, under what power, and the confirmation.

    Seed: "Where information or records are passed to others it should be noted and confirmed in writing."
    ``confirmation_text`` is the written confirmation as generated at release; rows are never changed.
    """

    __tablename__ = "disclosure_register"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(200), index=True)
    requester_type: Mapped[str | None] = mapped_column(String(30))
    subject_name: Mapped[str] = mapped_column(String(200), index=True)
    power: Mapped[str] = mapped_column(Text)
    what: Mapped[str] = mapped_column(Text)
    pack_sha256: Mapped[str] = mapped_column(String(64))
    disclosed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    disclosed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    confirmation_text: Mapped[str] = mapped_column(Text)
