"""Working-day calendars: weekends plus 1971-Act bank holidays for a set of UK nations.

- FOIA/EIR count in the **union** of all four nations' lists (C2, rulebook §6.1 pitfall 2): use :data:`UK`.
- SAR roll-forward uses the council's own nation (G-3, H-3): ``WorkingCalendar.for_nation("ENG")``.

Substitute ("observed") days are always included; ``observed=False`` is never passed (§6.1 fact 3).
Holiday sets are cached per (nation, year) and per (calendar, year), because the dashboard computes many
deadlines at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache

import holidays

from deadlines.errors import DeadlineError
from deadlines.overrides import NATION_NAMES, NATIONS, OVERRIDES, HolidayOverride
from deadlines.rules import REGIMES, is_working_day_regime

_ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=512)
def _package_holidays(nation: str, year: int) -> dict[dt.date, str]:
    """The ``holidays`` package list for one nation and year (observed days included)."""
    return dict(holidays.UK(subdiv=nation, years=year).items())


@dataclass(frozen=True)
class WorkingCalendar:
    """Weekends plus the bank holidays of ``nations``, adjusted by override rows.

    :param nations: the nations whose holidays are non-working days (FOIA/EIR: all four).
    :param overrides: H-1 rows added to (or, with ``is_holiday=False``, removed from) the package lists.
    :param known_on: H-2: if set, ignore override days proclaimed after this date (a request already
        running when the day was proclaimed). ``None`` counts every known holiday.
    """

    nations: tuple[str, ...]
    overrides: tuple[HolidayOverride, ...] = OVERRIDES
    known_on: dt.date | None = None

    def __post_init__(self) -> None:
        if not self.nations or any(n not in NATIONS for n in self.nations):
            raise DeadlineError(f"unknown nation in {self.nations!r}; use {', '.join(NATIONS)}")
        # Canonical order so equal calendars share one cache entry.
        object.__setattr__(self, "nations", tuple(n for n in NATIONS if n in self.nations))
        object.__setattr__(self, "overrides", tuple(self.overrides))

    @classmethod
    def for_nation(
        cls, nation: str, extra: Collection[HolidayOverride] = (), known_on: dt.date | None = None
    ) -> WorkingCalendar:
        """The calendar of one nation (SAR roll-forward, H-3).

        :param nation: ``ENG``, ``WLS``, ``SCT`` or ``NIR``.
        :param extra: override rows added after the built-in table (e.g. loaded from the app's database).
        :param known_on: see the class docstring (H-2).
        :raises DeadlineError: for an unknown nation.
        """
        return cls((nation,), OVERRIDES + tuple(extra), known_on)

    @classmethod
    def uk(cls, extra: Collection[HolidayOverride] = (), known_on: dt.date | None = None) -> WorkingCalendar:
        """The FOIA/EIR calendar: the union of the four nations' holidays (C2)."""
        return cls(NATIONS, OVERRIDES + tuple(extra), known_on)

    @property
    def label(self) -> str:
        """Human name of the holiday list, e.g. ``England`` or ``all UK nations``."""
        return _nations_label(self.nations)

    def holidays_in(self, year: int) -> dict[dt.date, str]:
        """Every bank holiday in ``year`` for this calendar, mapped to a readable label.

        :param year: calendar year.
        :return: ``{date: "Name (Nation, ...)"}``; weekend holidays included.
        """
        return _calendar_year(self, year)

    def holiday_label(self, day: dt.date) -> str | None:
        """The label of the bank holiday on ``day``, or ``None`` if it is not one in this calendar."""
        return _calendar_year(self, day.year).get(day)

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` is Monday-Friday and not a bank holiday here (C2)."""
        return day.weekday() < 5 and day not in _calendar_year(self, day.year)

    def roll_forward(self, day: dt.date) -> dt.date:
        """``day`` if it is a working day, else the next working day (G-3)."""
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def add_working_days(self, start: dt.date, n: int, disregard: Collection[dt.date] = ()) -> dt.date:
        """The ``n``-th working day after ``start``; ``start`` itself never counts (C3).

        :param start: date of receipt (may be a non-working day).
        :param n: working days to count, ``>= 0``; ``0`` returns ``start``.
        :param disregard: dates that are not counted even if working days (FOIA s.10(2) fee period, F-5).
        :return: the date of working day ``n``.
        :raises DeadlineError: if ``n`` is negative.
        """
        if n < 0:
            raise DeadlineError(f"cannot count {n} working days")
        day, counted = start, 0
        while counted < n:
            day += _ONE_DAY
            if self.is_working_day(day) and day not in disregard:
                counted += 1
        return day

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days after ``a`` up to and including ``b``; negative if ``b`` is before ``a``.

        ``working_days_between(receipt, due)`` is the working-day number of ``due`` (C3).
        """
        if b < a:
            return -self.working_days_between(b, a)
        return sum(1 for d in iter_days(a + _ONE_DAY, b) if self.is_working_day(d))

    def skipped_holidays(self, after: dt.date, through: dt.date) -> list[tuple[dt.date, str]]:
        """Bank holidays on weekdays after ``after`` up to and including ``through``, in date order.

        These are the days a count or a roll-forward stepped over; weekends are not listed.
        """
        return [
            (d, label)
            for d in iter_days(after + _ONE_DAY, through)
            if d.weekday() < 5 and (label := self.holiday_label(d)) is not None
        ]


def iter_days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Every date from ``first`` to ``last`` inclusive (nothing if ``last < first``)."""
    day = first
    while day <= last:
        yield day
        day += _ONE_DAY


def _nations_label(nations: Collection[str]) -> str:
    names = [NATION_NAMES[n] for n in NATIONS if n in nations]
    if len(names) == len(NATIONS):
        return "all UK nations"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


@lru_cache(maxsize=1024)
def _calendar_year(calendar: WorkingCalendar, year: int) -> dict[dt.date, str]:
    # date -> {name: nations}; names can differ by nation for the same date, so keep each.
    table: dict[dt.date, dict[str, set[str]]] = {}
    for nation in calendar.nations:
        for day, name in _package_holidays(nation, year).items():
            table.setdefault(day, {}).setdefault(name, set()).add(nation)
    for row in calendar.overrides:
        if row.on.year != year:
            continue
        nations = set(row.nations) & set(calendar.nations)
        late = (
            calendar.known_on is not None
            and row.proclaimed_on is not None
            and row.proclaimed_on > calendar.known_on
        )
        if not row.is_holiday or late:
            for names in table.get(row.on, {}).values():
                names -= nations
        else:
            listed = set().union(*table.get(row.on, {}).values())
            if missing := nations - listed:
                table.setdefault(row.on, {}).setdefault(row.name, set()).update(missing)
    labels: dict[dt.date, str] = {}
    for day in sorted(table):
        parts = [f"{name} ({_nations_label(ns)})" for name, ns in table[day].items() if ns]
        if parts:
            labels[day] = "; ".join(parts)
    return labels


#: The FOIA/EIR calendar with the built-in overrides (C2).
UK = WorkingCalendar.uk()
#: England's calendar with the built-in overrides: the default SAR roll-forward (H-3).
ENGLAND = WorkingCalendar.for_nation("ENG")


def resolve_calendar(calendar: WorkingCalendar | str) -> WorkingCalendar:
    """Turn ``"UK"``, a nation code or a regime name into a calendar (default overrides).

    :param calendar: a :class:`WorkingCalendar`, ``"UK"``, ``ENG``/``WLS``/``SCT``/``NIR``, or a regime name
        (FOIA/EIR regimes use the UK union; data rights and third-party use England, the default nation).
    :return: the calendar.
    :raises DeadlineError: for anything else.
    """
    if isinstance(calendar, WorkingCalendar):
        return calendar
    if calendar == "UK":
        return UK
    if calendar in NATIONS:
        return WorkingCalendar.for_nation(calendar)
    if calendar in REGIMES:
        return UK if is_working_day_regime(calendar) else ENGLAND
    raise DeadlineError(f"unknown calendar {calendar!r}; use UK, a nation code or a regime")


def is_working_day(day: dt.date, calendar: WorkingCalendar | str = "UK") -> bool:
    """Whether ``day`` is a working day in ``calendar`` (default: FOIA/EIR UK union, C2).

    :raises DeadlineError: for an unknown calendar name.
    """
    return resolve_calendar(calendar).is_working_day(day)


def add_working_days(
    start: dt.date, n: int, calendar: WorkingCalendar | str = "UK", disregard: Collection[dt.date] = ()
) -> dt.date:
    """The ``n``-th working day after ``start`` in ``calendar`` (C3).

    See :meth:`WorkingCalendar.add_working_days`.

    :raises DeadlineError: for a negative ``n`` or an unknown calendar name.
    """
    return resolve_calendar(calendar).add_working_days(start, n, disregard)


def working_days_between(a: dt.date, b: dt.date, calendar: WorkingCalendar | str = "UK") -> int:
    """Working days after ``a`` up to and including ``b`` in ``calendar``; negative if ``b < a``.

    :raises DeadlineError: for an unknown calendar name.
    """
    return resolve_calendar(calendar).working_days_between(a, b)
