"""The statutory clock for SAR Desk: pure functions over dates (holidays + dateutil only).

Public API::

    compute(regime, received, events=(), *, extended=False, config=None) -> Computation
    deadline_state(due, today, *, soon_working_days=5) -> "on_track" | "due_soon" | "overdue" | "stopped"
    is_working_day / add_working_days / working_days_between, WorkingCalendar, UK, ENGLAND
    ClockEvent, ClockConfig, Computation, HolidayOverride, OVERRIDES, DeadlineError, REGIMES, EVENT_KINDS

Rule IDs (F-1, G-3, C4, H-1 ...) refer to the shared ``rulebook.md``.
"""

from deadlines.calendar import (
    ENGLAND,
    UK,
    WorkingCalendar,
    add_working_days,
    is_working_day,
    resolve_calendar,
    working_days_between,
)
from deadlines.clock import compute, deadline_state
from deadlines.errors import DeadlineError
from deadlines.overrides import NATIONS, OVERRIDES, HolidayOverride
from deadlines.rules import EVENT_KINDS, REGIMES
from deadlines.values import ClockConfig, ClockEvent, Computation

__all__ = [
    "ENGLAND",
    "EVENT_KINDS",
    "NATIONS",
    "OVERRIDES",
    "REGIMES",
    "UK",
    "ClockConfig",
    "ClockEvent",
    "Computation",
    "DeadlineError",
    "HolidayOverride",
    "WorkingCalendar",
    "add_working_days",
    "compute",
    "deadline_state",
    "is_working_day",
    "resolve_calendar",
    "working_days_between",
]
