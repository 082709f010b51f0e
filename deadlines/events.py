"""Clock events as the clock rules read them: questions paired with their answers, and a stopped clock.

:func:`group_events` checks the order of a request's events (a question before its answer, nothing
before receipt) and pairs them; :mod:`deadlines.clock` applies each regime's rule to the
pairs. Split from the clock so that each module reads in one sitting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from deadlines.errors import DeadlineError
from deadlines.rules import EVENT_PAIRS
from deadlines.values import ClockEvent

#: Question kind -> its answer's kind, and back (``deadlines.rules.EVENT_PAIRS``).
START_KINDS = {start: end for start, end in EVENT_PAIRS}
END_KINDS = {end: start for start, end in EVENT_PAIRS}


def fmt(day: dt.date) -> str:
    """``Fri 02 Jan 2026``: the date format used in every explanation line."""
    return day.strftime("%a %d %b %Y")


@dataclass(frozen=True)
class Interval:
    """One asked/answered pair; ``end`` is ``None`` while the answer is awaited."""

    start_kind: str
    start: dt.date
    end: dt.date | None


@dataclass
class PairedEvents:
    """Events grouped by pair, after order validation."""

    pairs: dict[str, list[Interval]] = field(default_factory=dict)
    extended_on: dt.date | None = None

    def of(self, start_kind: str) -> list[Interval]:
        """The pairs opened by ``start_kind``, in date order."""
        return self.pairs.get(start_kind, [])


@dataclass
class PassResult:
    """What one pass of a regime's rule produces (before the H-2 comparison)."""

    relevant_time: dt.date | None
    due: dt.date | None
    secondary: dict[str, dt.date] = field(default_factory=dict)
    explanation: list[str] = field(default_factory=list)
    #: Alternative readings that may become the outer limit (C6), by name.
    alternatives: dict[str, dt.date] = field(default_factory=dict)


def group_events(received: dt.date, events: Sequence[ClockEvent]) -> PairedEvents:
    """Validate the order of ``events`` and pair each question with its answer."""
    for event in events:
        if not isinstance(event, ClockEvent):
            raise DeadlineError(f"events must be ClockEvent values, not {type(event).__name__}")
        if event.on < received:
            raise DeadlineError(
                f"{event.kind} on {event.on.isoformat()} is before the request was received "
                f"on {received.isoformat()}"
            )
    # Same-day question and answer is fine: sort questions before answers on the same date.
    ordered = sorted(events, key=lambda e: (e.on, 0 if e.kind in START_KINDS else 1))
    grouped = PairedEvents()
    open_: dict[str, Interval] = {}
    for event in ordered:
        if event.kind == "extended":
            if grouped.extended_on is not None:
                raise DeadlineError(
                    f"extended recorded twice ({grouped.extended_on.isoformat()} and {event.on.isoformat()})"
                )
            grouped.extended_on = event.on
        elif event.kind in START_KINDS:
            if event.kind in open_:
                raise DeadlineError(
                    f"{event.kind} on {event.on.isoformat()} while the {event.kind} of "
                    f"{open_[event.kind].start.isoformat()} is still unanswered"
                )
            open_[event.kind] = Interval(event.kind, event.on, None)
        else:
            start_kind = END_KINDS[event.kind]
            if start_kind not in open_:
                later = [e for e in ordered if e.kind == start_kind and e.on > event.on]
                if later:
                    raise DeadlineError(
                        f"{event.kind} on {event.on.isoformat()} is before "
                        f"{start_kind} on {later[0].on.isoformat()}"
                    )
                raise DeadlineError(f"{event.kind} on {event.on.isoformat()} without an earlier {start_kind}")
            interval = open_.pop(start_kind)
            grouped.pairs.setdefault(start_kind, []).append(Interval(start_kind, interval.start, event.on))
    for interval in open_.values():
        grouped.pairs.setdefault(interval.start_kind, []).append(interval)
    return grouped


def pending(grouped: PairedEvents, start_kinds: Sequence[str]) -> Interval | None:
    """The earliest unanswered question among ``start_kinds``, if any."""
    waiting = [i for k in start_kinds for i in grouped.of(k) if i.end is None]
    return min(waiting, key=lambda i: i.start) if waiting else None


def stopped(result: PassResult, interval: Interval, rule: str) -> PassResult:
    """Mark ``result`` as a stopped clock: no due date until ``interval`` is answered (``rule`` cited)."""
    answer = START_KINDS[interval.start_kind]
    result.due = None
    result.secondary["stopped_since"] = interval.start
    result.explanation.append(
        f"clock stopped: {interval.start_kind} on {fmt(interval.start)} and no {answer} yet; "
        f"the deadline is unknown until it is recorded ({rule})"
    )
    return result
