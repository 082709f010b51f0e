"""Validated value objects at the clock's seams: events in, configuration, the computation out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from deadlines.errors import DeadlineError
from deadlines.overrides import NATIONS, HolidayOverride
from deadlines.rules import EVENT_KINDS

PAUSE_COUNTINGS: tuple[str, ...] = ("exclusive", "inclusive")


def require_date(value: object, what: str) -> None:
    """Check that ``value`` is a plain date.

    :raises DeadlineError: if it is not a ``date``, or is a ``datetime``.
    """
    # datetime is a date subclass; a timestamp must be converted to a London date first (C1).
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise DeadlineError(f"{what} must be a date (convert timestamps to Europe/London dates first, C1)")


@dataclass(frozen=True)
class ClockEvent:
    """Something that happened to a request and may move its clock.

    :param kind: one of :data:`deadlines.EVENT_KINDS`, e.g. ``id_requested`` or ``fee_paid``.
    :param on: the London calendar date it happened (C1).
    :raises DeadlineError: for an unknown kind or a non-date ``on``.
    """

    kind: str
    on: dt.date

    def __post_init__(self) -> None:
        if self.kind not in EVENT_KINDS:
            raise DeadlineError(f"unknown event kind {self.kind!r}; use one of: {', '.join(EVENT_KINDS)}")
        require_date(self.on, f"event {self.kind} date")


@dataclass(frozen=True)
class ClockConfig:
    """Council-level choices, including the rulebook's VERIFY items.

    :param sar_nation: the council's own nation for the data-rights roll-forward and third-party SLA
        (G-3, H-3): ``ENG`` (default), ``WLS``, ``SCT`` or ``NIR``.
    :param third_party_sla_working_days: internal SLA for §1.4 requests, which have no statutory clock.
    :param sar_internal_target_days: the fixed internal target in days from the relevant time (C5; the ICO
        suggests 28).
    :param extra_holidays: override rows added to the built-in H-1 table (loaded by the app).
    :param sar_pause_counting: how the Art 15 clarification pause is counted (G-5, VERIFY §8 item 2):
        ``exclusive`` (received minus asked; the rulebook's tracked, shorter count) or ``inclusive``
        (asked through received, the statutory "beginning with ... ending with" reading).
    :param eir_fee_disregard: EIR reg 8 (E-4, VERIFY): disregard the days from charge notice to payment
        (inclusive, as FOIA s.10(2)) and stop the clock while payment is awaited.
        ``False`` ignores fee events.
    :param h2_track_without_late_proclamations: H-2: for a request received before a one-off holiday was
        proclaimed, track to the date without that holiday and show the later one as the outer limit.
        Off by default, so every proclaimed bank holiday counts as in rulebook §7; when off, a note is added.
    :raises DeadlineError: for an unknown nation or counting, or a non-positive SLA or target.
    """

    sar_nation: str = "ENG"
    third_party_sla_working_days: int = 10
    sar_internal_target_days: int = 28
    extra_holidays: tuple[HolidayOverride, ...] = ()
    sar_pause_counting: str = "exclusive"
    eir_fee_disregard: bool = True
    h2_track_without_late_proclamations: bool = False

    def __post_init__(self) -> None:
        if self.sar_nation not in NATIONS:
            raise DeadlineError(f"unknown nation {self.sar_nation!r}; use one of: {', '.join(NATIONS)}")
        if self.sar_pause_counting not in PAUSE_COUNTINGS:
            raise DeadlineError(f"sar_pause_counting must be one of: {', '.join(PAUSE_COUNTINGS)}")
        if self.third_party_sla_working_days < 1:
            raise DeadlineError("third_party_sla_working_days must be at least 1")
        if self.sar_internal_target_days < 1:
            raise DeadlineError("sar_internal_target_days must be at least 1")
        object.__setattr__(self, "extra_holidays", tuple(self.extra_holidays))


@dataclass(frozen=True)
class Computation:
    """The result of :func:`deadlines.compute`.

    :param regime: the regime computed.
    :param received: the date the request was received.
    :param relevant_time: the date the clock runs from (FOIA/EIR: the effective date of receipt after any
        clarification; data rights: the G-2 relevant time); ``None`` while it is not yet known.
    :param due: the statutory deadline tracked (the earlier reading, C6); ``None`` while the clock is stopped.
    :param stopped: ``True`` while an identity, authority, clarification or fee answer is awaited.
    :param extended: whether an extension applies.
    :param secondary: other dates by name: ``outer_limit``, ``refusal_notice_due``,
        ``extension_notice_due``, ``internal_target``, ``stopped_since`` and the alternative readings.
    :param explanation: ordered steps a DPO can read.
    """

    regime: str
    received: dt.date
    relevant_time: dt.date | None
    due: dt.date | None
    stopped: bool
    extended: bool
    secondary: dict[str, dt.date] = field(default_factory=dict)
    explanation: list[str] = field(default_factory=list)

    @property
    def outer_limit(self) -> dt.date | None:
        """The latest alternative reading, when it differs from ``due`` (C6); else ``None``."""
        return self.secondary.get("outer_limit")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: every date as an ISO string, ``None`` as ``null``."""

        def iso(d: dt.date | None) -> str | None:
            return None if d is None else d.isoformat()

        return {
            "regime": self.regime,
            "received": iso(self.received),
            "relevant_time": iso(self.relevant_time),
            "due": iso(self.due),
            "stopped": self.stopped,
            "extended": self.extended,
            "outer_limit": iso(self.outer_limit),
            "secondary": {name: iso(d) for name, d in self.secondary.items()},
            "explanation": list(self.explanation),
        }
