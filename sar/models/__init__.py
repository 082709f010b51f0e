"""All models, imported here so ``Base.metadata`` knows every table (Alembic autogenerate, tests)."""

from sar.models.approval import Approval, DownloadLink, ResponsePack
from sar.models.audit import AuditEvent, AuditHead
from sar.models.document import BundleItem, Document, DuplicateProposal, PageMark
from sar.models.mail import HolidayOverride, OutboxEmail, ReferenceCounter, Reminder
from sar.models.outcome import CaseLink, CaseMessage, Letter, Outcome
from sar.models.redaction import Job, Redaction, RedactionDecision
from sar.models.reporting import (
    COMPLAINT_KINDS,
    COMPLAINT_OUTCOMES,
    OUTCOMES,
    ClosureRecord,
    ComplaintCase,
    DisclosureEntry,
    DisposalCertificate,
    LegalHold,
    TeamMembership,
)
from sar.models.request import CHANNELS, PARTY_ROLES, ClockEvent, Party, Request, StatusChange
from sar.models.search import RecordCall, SearchRecord
from sar.models.user import (
    CASEWORK_ROLES,
    STAFF_ROLES,
    AccountLink,
    ApiToken,
    LoginThrottle,
    RecoveryCode,
    Role,
    StaffMember,
    User,
)
from sar.models.voice import CHILD_VIEWS, FORMATS, PREFERRED_CHANNELS, CaseTask, ChildAssessment

__all__ = [
    "CHILD_VIEWS",
    "FORMATS",
    "PREFERRED_CHANNELS",
    "CaseTask",
    "ChildAssessment",
    "COMPLAINT_KINDS",
    "COMPLAINT_OUTCOMES",
    "OUTCOMES",
    "ClosureRecord",
    "ComplaintCase",
    "DisclosureEntry",
    "DisposalCertificate",
    "LegalHold",
    "TeamMembership",
    "CHANNELS",
    "PARTY_ROLES",
    "CASEWORK_ROLES",
    "STAFF_ROLES",
    "AccountLink",
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
    "DuplicateProposal",
    "HolidayOverride",
    "Job",
    "LoginThrottle",
    "Letter",
    "OutboxEmail",
    "Outcome",
    "PageMark",
    "Party",
    "RecordCall",
    "Redaction",
    "RedactionDecision",
    "ReferenceCounter",
    "RecoveryCode",
    "Reminder",
    "Request",
    "ResponsePack",
    "Role",
    "SearchRecord",
    "StaffMember",
    "StatusChange",
    "User",
]
