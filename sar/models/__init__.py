"""All models, imported here so ``Base.metadata`` knows every table (Alembic autogenerate, tests)."""

from sar.models.approval import Approval, DownloadLink, ResponsePack
from sar.models.audit import AuditEvent, AuditHead
from sar.models.confidentiality import (
    AGENCY_CHECK_ITEMS,
    CONSULTATION_REPLIES,
    CONSULTEE_KINDS,
    LEVELS,
    AccessGrant,
    AgencyCheck,
    ConfidentialityMark,
    Consultation,
    DisclosureRecord,
    HarmReview,
    RequestRestriction,
    Team,
    TeamMember,
)
from sar.models.document import BundleItem, Document, PageMark
from sar.models.mail import HolidayOverride, OutboxEmail, ReferenceCounter, Reminder
from sar.models.redaction import Job, Redaction, RedactionDecision
from sar.models.request import CHANNELS, PARTY_ROLES, ClockEvent, Party, Request, StatusChange
from sar.models.user import STAFF_ROLES, ApiToken, Role, StaffMember, User

__all__ = [
    "AGENCY_CHECK_ITEMS",
    "CONSULTATION_REPLIES",
    "CONSULTEE_KINDS",
    "LEVELS",
    "AccessGrant",
    "AgencyCheck",
    "ConfidentialityMark",
    "Consultation",
    "DisclosureRecord",
    "HarmReview",
    "RequestRestriction",
    "Team",
    "TeamMember",
    "CHANNELS",
    "PARTY_ROLES",
    "STAFF_ROLES",
    "ApiToken",
    "Approval",
    "AuditEvent",
    "AuditHead",
    "BundleItem",
    "ClockEvent",
    "Document",
    "DownloadLink",
    "HolidayOverride",
    "Job",
    "OutboxEmail",
    "PageMark",
    "Party",
    "Redaction",
    "RedactionDecision",
    "ReferenceCounter",
    "Reminder",
    "Request",
    "ResponsePack",
    "Role",
    "StaffMember",
    "StatusChange",
    "User",
]
