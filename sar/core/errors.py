"""Domain errors. Adapters map them to HTTP statuses or CLI exit codes."""

from __future__ import annotations


class SarError(Exception):
    """Base class for every error a use case raises on purpose."""


class ValidationError(SarError):
    """Bad input (HTTP 400)."""


class NotPermitted(SarError):
    """The actor's role does not allow this (HTTP 403)."""


class NotFound(SarError):
    """Unknown, or not visible to this actor (HTTP 404). Hides existence from requesters."""


class Conflict(SarError):
    """The request is in a state that does not allow this (HTTP 409)."""


class InvalidTransition(Conflict):
    """A status change not in the transition table."""

    def __init__(self, from_status: str, to_status: str) -> None:
        super().__init__(f"cannot move a request from {from_status!r} to {to_status!r}")
        self.from_status = from_status
        self.to_status = to_status
