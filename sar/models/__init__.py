"""All models, imported here so ``Base.metadata`` knows every table (Alembic autogenerate, tests)."""

from sar.models.approval import Approval, DownloadLink, ResponsePack
from sar.models.audit import AuditEvent, AuditHead
from sar.models.document import BundleItem, Document, PageMark
from sar.models.mail import HolidayOverride, OutboxEmail, ReferenceCounter, Reminder
from sar.models.outcome import CaseLink, CaseMessage, Letter, Outcome
from sar.models.redaction import Job, Redaction, RedactionDecision
from sar.models.request import CHANNELS, PARTY_ROLES, ClockEvent, Party, Request, StatusChange
from sar.models.user import CASEWORK_ROLES, STAFF_ROLES, ApiToken, Role, StaffMember, User

__all__ = [
    "CHANNELS",
    "PARTY_ROLES",
    "CASEWORK_ROLES",
    "STAFF_ROLES",
    "ApiToken",
    "Approval",
    "AuditEvent",
    "AuditHead",
    "BundleItem",
    "CaseLink",
    "CaseMessage",
    "ClockEvent",
    "Document",
    "DownloadLink",
    "HolidayOverride",
    "Job",
    "Letter",
    "OutboxEmail",
    "Outcome",
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
