"""The request workflow: one status enum and its explicit transition table.

"Due soon" and "overdue" are not statuses: they are derived from the due date by
``deadlines.deadline_state`` (architecture §8.5).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class RequestStatus(StrEnum):
    """Where a request is in its life. Values equal names, so SQL and logs stay readable."""

    received = "received"
    awaiting_verification = "awaiting_verification"
    in_progress = "in_progress"
    on_hold = "on_hold"  # clock stopped: clarification or fee outstanding
    in_review = "in_review"
    awaiting_approval = "awaiting_approval"
    approved = "approved"
    released = "released"
    closed = "closed"
    withdrawn = "withdrawn"
    refused = "refused"

    @property
    def title(self) -> str:
        """Human label for pages and letters."""
        return _TITLES[self]


_TITLES = {
    RequestStatus.received: "Received",
    RequestStatus.awaiting_verification: "Awaiting ID / authority",
    RequestStatus.in_progress: "In progress",
    RequestStatus.on_hold: "On hold (clock stopped)",
    RequestStatus.in_review: "In review",
    RequestStatus.awaiting_approval: "Awaiting approval",
    RequestStatus.approved: "Approved",
    RequestStatus.released: "Released",
    RequestStatus.closed: "Closed",
    RequestStatus.withdrawn: "Withdrawn",
    RequestStatus.refused: "Refused",
}

S = RequestStatus

#: Every allowed move. Anything absent is refused by ``sar.workflow.transitions.transition``.
ALLOWED_TRANSITIONS: Mapping[RequestStatus, frozenset[RequestStatus]] = {
    S.received: frozenset({S.awaiting_verification, S.in_progress, S.on_hold, S.withdrawn, S.refused}),
    S.awaiting_verification: frozenset({S.in_progress, S.on_hold, S.withdrawn, S.refused, S.closed}),
    S.in_progress: frozenset({S.on_hold, S.awaiting_verification, S.in_review, S.withdrawn, S.refused}),
    S.on_hold: frozenset({S.in_progress, S.awaiting_verification, S.withdrawn, S.refused, S.closed}),
    S.in_review: frozenset({S.in_progress, S.on_hold, S.awaiting_approval, S.withdrawn, S.refused}),
    # A manager returning a pack sends it back to review.
    S.awaiting_approval: frozenset({S.approved, S.in_review, S.withdrawn}),
    # Any change after approval voids it and the request goes back to review.
    S.approved: frozenset({S.released, S.in_review, S.withdrawn}),
    # Reopening a released, refused or closed request (with a reason) is the way to a supplementary
    # release or a corrected decision (issue 13); withdrawn requests stay withdrawn.
    S.released: frozenset({S.closed, S.in_progress}),
    S.refused: frozenset({S.closed, S.in_progress}),
    S.withdrawn: frozenset(),
    S.closed: frozenset({S.in_progress}),
}

#: Moves that belong to one use case and are never made by hand (the generic status form or
#: ``POST /api/requests/<ref>/status``): four eyes, rulebook §3 second-person QA and §5.1 item 6.
#: A pack reaches a manager only by being built and submitted, is approved only by a manager who
#: did not prepare it, and leaves only from a standing approval; going back to review from
#: there happens only when a manager returns the pack or a change voids the approval.
WORKFLOW_ONLY_MOVES: Mapping[tuple[RequestStatus, RequestStatus], str] = {
    (S.in_review, S.awaiting_approval): "submit the pack for approval",
    (S.awaiting_approval, S.approved): "a manager approves the exact pack",
    (S.awaiting_approval, S.in_review): "a manager returns the pack, or a change voids the approval",
    (S.approved, S.released): "release the approved pack",
    (S.approved, S.in_review): "a change voids the approval",
    (S.released, S.in_progress): "reopen the request with a reason",
    (S.refused, S.in_progress): "reopen the request with a reason",
    (S.closed, S.in_progress): "reopen the request with a reason",
}

#: Every move staff may make by hand: the transition table less the workflow-only moves.
MANUAL_TRANSITIONS: Mapping[RequestStatus, frozenset[RequestStatus]] = {
    source: frozenset(to for to in targets if (source, to) not in WORKFLOW_ONLY_MOVES)
    for source, targets in ALLOWED_TRANSITIONS.items()
}

#: Statuses in which the statutory clock matters.
OPEN_STATUSES = frozenset(
    {S.received, S.awaiting_verification, S.in_progress, S.on_hold, S.in_review, S.awaiting_approval, S.approved}
)
#: Statuses a request ends in: nothing about it changes any more except closing a released or refused one.
FINISHED_STATUSES = frozenset({S.released, S.closed, S.withdrawn, S.refused})
#: Statuses in which the documents and redactions of a request may still change.
EDITABLE_STATUSES = frozenset({S.received, S.awaiting_verification, S.in_progress, S.on_hold, S.in_review})


def can_transition(from_status: RequestStatus, to_status: RequestStatus) -> bool:
    """Return whether the table allows ``from_status`` → ``to_status``."""
    return to_status in ALLOWED_TRANSITIONS[from_status]


def can_set_by_hand(from_status: RequestStatus, to_status: RequestStatus) -> bool:
    """Return whether staff may make the move ``from_status`` → ``to_status`` by hand.

    Approved and released (and the moves into and out of approval) are reached only through
    ``sar.release.approvals`` (:data:`WORKFLOW_ONLY_MOVES`).
    """
    return to_status in MANUAL_TRANSITIONS[RequestStatus(from_status)]
