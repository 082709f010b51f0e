"""The statutory clock: ``compute`` a deadline from a regime, a receipt date and clock events.

Every step appends a line to the explanation, citing the rulebook rule it applies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from dateutil.relativedelta import relativedelta

from deadlines.calendar import UK, WorkingCalendar, iter_days
from deadlines.errors import DeadlineError
from deadlines.events import PairedEvents, PassResult, fmt, group_events, pending, stopped
from deadlines.overrides import OVERRIDES
from deadlines.rules import (
    DATA_RIGHTS_REGIMES,
    EIR_REGIMES,
    FOI_REGIMES,
    MONTHS_EXTENDED,
    MONTHS_STANDARD,
    REGIME_LABELS,
    REGIMES,
    WORKING_DAY_PERIODS,
)
from deadlines.values import ClockConfig, ClockEvent, Computation, require_date

_ONE_DAY = dt.timedelta(days=1)
#: DUAA s.76 (Art 12A, statutory stop-the-clock) commenced on 5 Feb 2026 under SI 2026/82 (§1.3).
ART_12A_COMMENCEMENT = dt.date(2026, 2, 5)


def compute(
    regime: str,
    received: dt.date,
    events: Sequence[ClockEvent] = (),
    *,
    extended: bool = False,
    config: ClockConfig | None = None,
) -> Computation:
    """Compute the statutory deadline for one request (or one part of a split request).

    :param regime: one of :data:`deadlines.REGIMES`.
    :param received: the London calendar date the request arrived (C1), even a weekend or holiday.
    :param events: clock events in any order; they are validated and sorted by date.
    :param extended: the extension applies (same as an ``extended`` event): FOIA PIT (F-3), EIR reg 7 (E-2),
        complex internal review (F-8) or the data-rights two further months (G-4).
    :param config: council choices; defaults to :class:`ClockConfig` ().
    :return: the :class:`Computation`; ``due`` is ``None`` (and ``stopped`` true) while an answer is awaited.
    :raises DeadlineError: for an unknown regime, a regime without the requested extension or event type,
        or an impossible event order (an answer before its question, an event before receipt, ...).
    """
    config = config or ClockConfig()
    if regime not in REGIMES:
        raise DeadlineError(f"unknown regime {regime!r}; use one of: {', '.join(REGIMES)}")
    require_date(received, "received")
    grouped = group_events(received, events)
    is_extended = extended or grouped.extended_on is not None

    def run(known_on: dt.date | None) -> PassResult:
        if regime in FOI_REGIMES or regime in EIR_REGIMES:
            return _working_day_clock(regime, received, grouped, is_extended, config, known_on)
        if regime in DATA_RIGHTS_REGIMES:
            return _month_clock(regime, received, grouped, is_extended, config, known_on)
        return _third_party_clock(regime, received, grouped, is_extended, config, known_on)

    result = _apply_h2(run(None), received, config, run)
    if result.due is not None:
        later = [d for d in result.alternatives.values() if d > result.due]
        if later:
            result.secondary["outer_limit"] = max(later)
            result.explanation.append(f"outer limit {fmt(max(later))}: the latest alternative reading (C6)")
    return Computation(
        regime=regime,
        received=received,
        relevant_time=result.relevant_time,
        due=result.due,
        stopped=result.due is None,
        extended=is_extended,
        secondary=result.secondary,
        explanation=result.explanation,
    )


def deadline_state(
    due: dt.date | None,
    today: dt.date,
    *,
    soon_working_days: int = 5,
    calendar: WorkingCalendar | None = None,
) -> str:
    """Derive (never store) a deadline's state for dashboards.

    :param due: the computed deadline, or ``None`` while the clock is stopped.
    :param today: the London date to judge against.
    :param soon_working_days: ``due_soon`` when ``due`` is at most this many working days after ``today``.
    :param calendar: the working calendar for "soon"; defaults to the UK union (C2).
    :return: ``stopped``, ``overdue`` (today is after ``due``), ``due_soon`` or ``on_track``.
    """
    if due is None:
        return "stopped"
    if today > due:
        return "overdue"
    cal = calendar or UK
    if cal.working_days_between(today, due) <= soon_working_days:
        return "due_soon"
    return "on_track"


# --- FOIA / EIR ------------------------------------------------------------------------------------------


def _working_day_clock(
    regime: str,
    received: dt.date,
    grouped: PairedEvents,
    extended: bool,
    config: ClockConfig,
    known_on: dt.date | None,
) -> PassResult:
    """FOIA/EIR family: the n-th working day after the date of receipt in the UK union (F-1, E-1, C2, C3)."""
    is_foi = regime in FOI_REGIMES
    standard, longer = WORKING_DAY_PERIODS[regime]
    if extended and longer is None:
        raise DeadlineError(
            f"{regime} has no extension: the {standard} working days are a fixed maximum (E-6)"
        )
    cal = WorkingCalendar.uk(config.extra_holidays, known_on)
    rule = {"foi": "F-1", "eir": "E-1", "foi-internal-review": "F-8", "eir-reconsideration": "E-6"}[regime]
    result = PassResult(relevant_time=received, due=None)
    say = result.explanation.append
    say(
        f"{REGIME_LABELS[regime]} ({rule}): due by working day {longer if extended else standard} "
        "after the date of receipt; weekends and bank holidays in any part of the UK are not "
        "working days (C2)"
    )
    say(f"received {fmt(received)}")

    # ID and authority checks are SAR concepts (G-2): FOIA/EIR are applicant-blind, so they never move
    # the clock.
    for kind in ("id_requested", "authority_requested"):
        for interval in grouped.of(kind):
            say(
                f"ignored {kind} on {fmt(interval.start)}: identity and authority checks do not stop the "
                f"{'FOIA' if is_foi else 'EIR'} clock (they are SAR rules, G-2)"
            )

    # Clarification (F-4 / E-3): the clarified request is a new request received on the answer date.
    start = received
    clar_rule = "F-4, s.1(3)" if is_foi else "E-3, reg 9(4)"
    for interval in grouped.of("clarification_requested"):
        if interval.end is None:
            result.relevant_time = None
            if is_foi:  # F-4: closing after 3 months' silence is usual practice (VERIFY)
                result.secondary["clarification_lapses"] = interval.start + relativedelta(months=3)
            return stopped(result, interval, clar_rule)
        start = max(start, interval.end)
        say(
            f"clarification asked {fmt(interval.start)} and received {fmt(interval.end)}: treated as a new "
            f"request received {fmt(interval.end)}; the count restarts ({clar_rule})"
        )
    if regime == "eir" and grouped.of("clarification_requested"):
        say("a reg 12(4)(c) refusal notice should accompany the request for particulars (E-3)")
    result.relevant_time = start

    disregard: set[dt.date] = set()
    fees = grouped.of("fee_notice")
    if fees and regime not in ("foi", "eir"):
        raise DeadlineError(f"fee events do not apply to {regime}")
    if fees and regime == "eir" and not config.eir_fee_disregard:
        say("ignored fee events: EIR reg 8 disregard is switched off in the configuration (E-4, VERIFY)")
        fees = []
    fee_rule = "F-5, s.10(2)" if is_foi else "E-4, reg 8 (VERIFY)"
    for interval in fees:
        if interval.end is None:
            # F-5: 3 months to pay (s.9(2)); E-4: 60 working days to pay.
            result.secondary["fee_payment_deadline"] = (
                interval.start + relativedelta(months=3)
                if is_foi
                else cal.add_working_days(interval.start, 60)
            )
            return stopped(result, interval, fee_rule)
        window = {d for d in iter_days(interval.start, interval.end) if cal.is_working_day(d) and d > start}
        disregard |= window
        say(
            f"fee notice {fmt(interval.start)}, fee paid {fmt(interval.end)}: {len(window)} working day(s) "
            f"from notice to payment inclusive are disregarded ({fee_rule})"
        )

    day1 = cal.add_working_days(start, 1, disregard)
    if not cal.is_working_day(start):
        say(
            f"{fmt(start)} is not a working day; ICO reading: day 1 is still the first working day "
            "after it (F-2, C3)"
        )
    say(f"day 1 is {fmt(day1)} (C3)")

    n = longer if extended and longer is not None else standard
    due = cal.add_working_days(start, n, disregard)
    for day, label in cal.skipped_holidays(start, due):
        say(f"skipped {fmt(day)}: {label}")
    for day in sorted(disregard):
        if day <= due:
            say(f"disregarded {fmt(day)}: within the fee period ({fee_rule})")
    say(f"due {fmt(due)} (working day {n})")
    result.due = due

    if extended:
        notice = cal.add_working_days(start, standard, disregard)
        if regime == "foi":
            result.secondary["refusal_notice_due"] = notice
            say(
                f"public interest extension (F-3, s.10(3)): the s.17 refusal notice, with an estimated "
                f"decision date, is still due by {fmt(notice)} (working day {standard}); "
                f"{n} working days is the normal maximum"
            )
        elif regime == "eir":
            result.secondary["extension_notice_due"] = notice
            say(
                f"reg 7 extension (E-2): complexity and volume; notify the requester with reasons "
                f"by {fmt(notice)} "
                f"(within the original {standard} working days)"
            )
        else:
            say(f"exceptional or complex internal review: {n} working days (F-8)")
        if grouped.extended_on is not None and grouped.extended_on > notice:
            say(f"warning: the extension was recorded on {fmt(grouped.extended_on)}, after {fmt(notice)}")
    elif regime == "foi-internal-review" and longer is not None:
        complex_limit = cal.add_working_days(start, longer, disregard)
        result.secondary["complex_case_limit"] = complex_limit
        result.alternatives["complex_case_limit"] = complex_limit
        say(f"exceptional or complex reviews may take {longer} working days, to {fmt(complex_limit)} (F-8)")

    if is_foi and not cal.is_working_day(start):
        # F-2: the s.45 Code (para 4.2) treats the first working day after arrival as the date of receipt.
        code_receipt = cal.roll_forward(start)
        code_due = cal.add_working_days(code_receipt, n, disregard)
        result.secondary["code_reading_due"] = code_due
        result.alternatives["code_reading_due"] = code_due
        say(f"s.45 Code reading: the date of receipt is {fmt(code_receipt)}, giving {fmt(code_due)} (F-2)")
    return result


# --- UK GDPR rights --------------------------------------------------------------------------------------


def _month_clock(
    regime: str,
    received: dt.date,
    grouped: PairedEvents,
    extended: bool,
    config: ClockConfig,
    known_on: dt.date | None,
) -> PassResult:
    """Data rights: one month (three if extended) from the relevant time, rolled forward (G-1 to G-5)."""
    cal = WorkingCalendar.for_nation(config.sar_nation, config.extra_holidays, known_on)
    union = WorkingCalendar.uk(config.extra_holidays, known_on)
    result = PassResult(relevant_time=received, due=None)
    say = result.explanation.append
    say(
        f"{REGIME_LABELS[regime]} (G-1, C4{', G-8' if regime != 'sar' else ''}): one calendar month "
        "beginning with the relevant time; day 1 is the day of receipt, even a non-working day"
    )
    say(f"received {fmt(received)}")

    # G-2: the relevant time is the latest of receipt, ID receipt, authority receipt and fee payment.
    relevant = received
    blocking = pending(grouped, ("id_requested", "authority_requested", "fee_notice"))
    for kind, what in (
        ("id_requested", "identity"),
        ("authority_requested", "authority"),
        ("fee_notice", "fee"),
    ):
        for interval in grouped.of(kind):
            if interval.end is not None:
                relevant = max(relevant, interval.end)
                say(
                    f"{what}: {kind} on {fmt(interval.start)}, answered {fmt(interval.end)}; "
                    f"the relevant time moves to {fmt(interval.end)} if that is the latest (G-2)"
                )
    if blocking is not None:
        result.relevant_time = None
        return stopped(result, blocking, "G-2")
    result.relevant_time = relevant
    say(f"relevant time {fmt(relevant)} (G-2)")

    # G-5: clarification pauses the clock, for Art 15 requests only.
    paused_exclusive = paused_inclusive = 0
    for interval in grouped.of("clarification_requested"):
        if regime != "sar":
            say(
                f"ignored clarification asked {fmt(interval.start)}: the Art 12A stop-the-clock applies to "
                "Art 15 requests only; the clock keeps running (G-5, VERIFY Art 12A(5))"
            )
            continue
        if interval.start < ART_12A_COMMENCEMENT:
            say(
                f"note: clarification asked before Art 12A commenced on {fmt(ART_12A_COMMENCEMENT)}; "
                "the pause follows the ICO's earlier practice "
                "(VERIFY the SI 2026/82 transitional provision, §1.3)"
            )
        if interval.end is None:
            return stopped(result, interval, "G-5")
        # Days before the relevant time were not running anyway, so only the overlap pauses the clock.
        first = max(interval.start, relevant)
        inclusive = max((interval.end - first).days + 1, 0)
        exclusive = max(inclusive - 1, 0)
        paused_exclusive += exclusive
        paused_inclusive += inclusive
        say(
            f"clarification asked {fmt(interval.start)}, received {fmt(interval.end)}: clock paused; "
            f"{exclusive} day(s) received-minus-asked, {inclusive} day(s) counted inclusively (G-5)"
        )
    tracked_pause = paused_exclusive if config.sar_pause_counting == "exclusive" else paused_inclusive

    months = MONTHS_EXTENDED if extended else MONTHS_STANDARD
    base = relevant + relativedelta(months=months)
    clamp = base.day != relevant.day
    say(
        f"{months} calendar month{'s' if months > 1 else ''} from {fmt(relevant)}"
        f"{' (G-4 extension: two further months)' if extended else ''}: {fmt(base)}"
        f"{' (that date does not exist, so the last day of the month, G-3)' if clamp else ''}"
    )
    if tracked_pause:
        say(
            f"plus {tracked_pause} paused day(s) ({config.sar_pause_counting} count, G-5): "
            f"{fmt(base + dt.timedelta(days=tracked_pause))}"
        )
    due = _roll(cal, base + dt.timedelta(days=tracked_pause), say)
    say(f"due {fmt(due)}")
    result.due = due

    if extended:
        notice = cal.roll_forward(
            relevant + relativedelta(months=MONTHS_STANDARD) + dt.timedelta(days=tracked_pause)
        )
        result.secondary["extension_notice_due"] = notice
        say(
            f"the extension notice, with reasons, must be sent by {fmt(notice)}, "
            "the end of the first month (G-4)"
        )
        if grouped.extended_on is not None and grouped.extended_on > notice:
            say(f"warning: the extension was recorded on {fmt(grouped.extended_on)}, after {fmt(notice)}")
    else:
        target = relevant + dt.timedelta(days=config.sar_internal_target_days + tracked_pause)
        # A target on a non-working day is pulled back, never pushed past the statutory date.
        while not cal.is_working_day(target):
            target -= _ONE_DAY
        result.secondary["internal_target"] = target
        say(
            f"internal target {fmt(target)}: {config.sar_internal_target_days} days from the relevant time, "
            "pulled back to a working day (C5)"
        )

    union_due = union.roll_forward(base + dt.timedelta(days=tracked_pause))
    if union_due != due:
        result.secondary["uk_holidays_due"] = union_due
        result.alternatives["uk_holidays_due"] = union_due
        say(
            f"rolling forward past the bank holidays of all UK nations instead gives {fmt(union_due)} "
            "(G-3, C6)"
        )
    if config.sar_pause_counting == "exclusive" and paused_inclusive != paused_exclusive:
        incl_due = cal.roll_forward(base + dt.timedelta(days=paused_inclusive))
        result.secondary["inclusive_pause_due"] = incl_due
        result.alternatives["inclusive_pause_due"] = incl_due
        say(f"counting the pause inclusively (asked through received) gives {fmt(incl_due)} (G-5, VERIFY)")
        both = union.roll_forward(base + dt.timedelta(days=paused_inclusive))
        result.alternatives["inclusive_pause_uk_holidays_due"] = both
    return result


def _roll(cal: WorkingCalendar, end: dt.date, say: Callable[[str], None]) -> dt.date:
    """Roll ``end`` forward to a working day, explaining each skipped holiday (G-3, H-3)."""
    due = cal.roll_forward(end)
    if due != end:
        say(f"{fmt(end)} is not a working day in {cal.label}: rolled forward to {fmt(due)} (G-3, H-3)")
        for day, label in cal.skipped_holidays(end - _ONE_DAY, due):
            say(f"skipped {fmt(day)}: {label}")
    return due


# --- third-party ----------------------------------------------------------------------------------------


def _third_party_clock(
    regime: str,
    received: dt.date,
    grouped: PairedEvents,
    extended: bool,
    config: ClockConfig,
    known_on: dt.date | None,
) -> PassResult:
    """§1.4 requests: no statutory clock; an internal SLA in the council's working days."""
    if extended or grouped.pairs:
        raise DeadlineError(
            "third-party requests have no statutory clock, so no extension or clock events (§1.4)"
        )
    cal = WorkingCalendar.for_nation(config.sar_nation, config.extra_holidays, known_on)
    n = config.third_party_sla_working_days
    due = cal.add_working_days(received, n)
    result = PassResult(relevant_time=received, due=due)
    say = result.explanation.append
    say(
        f"{REGIME_LABELS[regime]}: internal service level of {n} working days in {cal.label} (§1.4); "
        "a court order or notice sets its own date"
    )
    say(f"received {fmt(received)}; day 1 is {fmt(cal.add_working_days(received, 1))}")
    for day, label in cal.skipped_holidays(received, due):
        say(f"skipped {fmt(day)}: {label}")
    say(f"due {fmt(due)} (working day {n})")
    return result


# --- H-2 ------------------------------------------------------------------------------------------------


def _apply_h2(
    result: PassResult, received: dt.date, config: ClockConfig, run: Callable[[dt.date | None], PassResult]
) -> PassResult:
    """H-2: compare with the deadline ignoring holidays proclaimed after receipt; return the one tracked."""
    late = [
        row
        for row in OVERRIDES + config.extra_holidays
        if row.proclaimed_on is not None and row.proclaimed_on > received and row.on > received
    ]
    if not late or result.due is None:
        return result
    without = run(received)
    if without.due is None or without.due == result.due:
        return result
    names = ", ".join(f"{row.name} ({fmt(row.on)}, proclaimed {fmt(row.proclaimed_on)})" for row in late)
    if config.h2_track_without_late_proclamations:
        without.alternatives["with_late_holidays_due"] = result.due
        without.secondary["with_late_holidays_due"] = result.due
        without.explanation.append(
            f"H-2: tracking without holidays proclaimed after receipt ({names}); "
            f"counting them gives {fmt(result.due)}"
        )
        return without
    result.secondary["without_late_holidays_due"] = without.due
    result.explanation.append(
        f"H-2 note: {names} was proclaimed after receipt; without it the deadline "
        f"would be {fmt(without.due)} (the jury is out; this tool counts it)"
    )
    return result
