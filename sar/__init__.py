"""SAR Desk's domain core: every use case, by capability. Adapters (web, worker, cli) call these.

Where things live (``ls sar/``):

* ``models/``: the tables (the bottom layer; Alembic's one import point) and ``base`` (declarative base);
* ``core/``: database engine and sessions, settings, errors, file storage, permissions, the audit log, migrations;
* ``workflow/``: the status enum and transition table, :func:`transition`, the standing approval and
  :func:`prepare_change` (the low-level pieces every other capability calls);
* ``intake/``: opening and triaging requests, parties and evidence, the statutory clock, request lists;
* ``bundle/``: documents, redaction decisions and page marks, proposal jobs, their look-ups;
* ``release/``: four-eyes approval, response packs, cover letters and schedules, release and download;
* ``messaging/``: the outbox (templated e-mail), the mailer, reminders and digests;
* ``accounts/``: users, passwords, lock-out and API tokens.

Every use case takes ``session``, ``actor`` and ``now``; it flushes and never commits. The names below are
the public use cases, re-exported so that ``sar.open_request`` reads as well as its full path; look-ups for
particular pages stay in each capability's ``queries`` module.
"""

from sar.accounts.users import authenticate, create_token, create_user, user_for_token
from sar.bundle.documents import add_document, list_bundle, remove_from_bundle, reorder_bundle
from sar.bundle.jobs import run_next_job, start_proposal_job
from sar.bundle.redactions import accept_page, add_manual_redaction, decide_entity, decide_redaction, mark_page
from sar.core.audit import verify as verify_audit_chain
from sar.intake.clock import record_clock_event
from sar.intake.parties import add_party, attach_evidence, record_evidence, update_party
from sar.intake.requests import assign, get_request, open_request, override_triage
from sar.messaging.mailer import send_pending
from sar.messaging.reminders import SWEEPS
from sar.release.approvals import approve, pack_for_download, release, return_pack, submit_for_approval
from sar.release.packs import build_pack
from sar.workflow.approval_state import prepare_change
from sar.workflow.status import RequestStatus
from sar.workflow.transitions import transition

__all__ = [
    "SWEEPS",
    "RequestStatus",
    "accept_page",
    "add_document",
    "add_manual_redaction",
    "add_party",
    "approve",
    "assign",
    "attach_evidence",
    "authenticate",
    "build_pack",
    "create_token",
    "create_user",
    "decide_entity",
    "decide_redaction",
    "get_request",
    "list_bundle",
    "mark_page",
    "open_request",
    "override_triage",
    "pack_for_download",
    "prepare_change",
    "record_clock_event",
    "record_evidence",
    "release",
    "remove_from_bundle",
    "reorder_bundle",
    "return_pack",
    "run_next_job",
    "send_pending",
    "start_proposal_job",
    "submit_for_approval",
    "transition",
    "update_party",
    "user_for_token",
    "verify_audit_chain",
]
