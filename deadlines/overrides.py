"""Manual bank-holiday override table (rulebook H-1).

The ``holidays`` package is pinned, so a day proclaimed after its release would be missing. This table lists
proclaimed and substitute days explicitly, with the proclamation reference, so that:

- a CI test can assert the known special days (H-1) whatever the package version;
- a newly proclaimed day can be added here (or passed at call time via ``ClockConfig.extra_holidays``, which
  the app loads from its database or configuration) without waiting for a package release.

``proclaimed_on`` records when a one-off day was announced. It feeds the optional H-2 treatment of requests
already running when the day was proclaimed (see ``ClockConfig.h2_track_without_late_proclamations``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: The four UK nations, as ``holidays.UK`` subdivision codes. WLS shares the England list.
NATIONS: tuple[str, ...] = ("ENG", "WLS", "SCT", "NIR")

NATION_NAMES: dict[str, str] = {
    "ENG": "England",
    "WLS": "Wales",
    "SCT": "Scotland",
    "NIR": "Northern Ireland",
}


@dataclass(frozen=True)
class HolidayOverride:
    """One manually recorded bank holiday, or the removal of one the package wrongly lists.

    :param on: the calendar date.
    :param nations: the nations it applies to, a subset of :data:`NATIONS` (a tuple or one code).
    :param name: the holiday's name, as shown in explanations.
    :param reference: the legal basis, e.g. the proclamation under s.1(3) of the Banking and Financial
        Dealings Act 1971.
    :param proclaimed_on: when the day was proclaimed or announced, if it is a one-off (H-2);
        ``None`` otherwise.
    :param is_holiday: ``False`` removes the date from the package list for those nations (a moved holiday).
    :raises DeadlineError: if ``nations`` is empty or names an unknown nation, or ``name`` is blank.
    """

    on: dt.date
    nations: tuple[str, ...]
    name: str
    reference: str = ""
    proclaimed_on: dt.date | None = None
    is_holiday: bool = True

    def __post_init__(self) -> None:
        # Imported here to keep this module a plain data table with no import cycle.
        from deadlines.errors import DeadlineError

        nations = (self.nations,) if isinstance(self.nations, str) else tuple(self.nations)
        if not nations or any(n not in NATIONS for n in nations):
            raise DeadlineError(
                f"holiday override {self.on}: nations must be drawn from {', '.join(NATIONS)}"
            )
        if not isinstance(self.on, dt.date) or isinstance(self.on, dt.datetime):
            raise DeadlineError(f"holiday override {self.on!r}: 'on' must be a date")
        if not self.name.strip():
            raise DeadlineError(f"holiday override {self.on}: name is required")
        object.__setattr__(self, "nations", nations)


_ALL = NATIONS

#: Known special days (H-1). They are also in ``holidays`` >= 0.91; listing them here pins them.
OVERRIDES: tuple[HolidayOverride, ...] = (
    HolidayOverride(
        dt.date(2022, 9, 19),
        _ALL,
        "State Funeral of Queen Elizabeth II",
        "Proclamation under s.1(3) Banking and Financial Dealings Act 1971; announced 10 Sep 2022",
        proclaimed_on=dt.date(2022, 9, 10),
    ),
    HolidayOverride(
        dt.date(2023, 5, 8),
        _ALL,
        "Coronation of King Charles III",
        "Proclamation under s.1(3) Banking and Financial Dealings Act 1971; announced 6 Nov 2022",
        proclaimed_on=dt.date(2022, 11, 6),
    ),
    HolidayOverride(
        dt.date(2026, 6, 15),
        ("SCT",),
        "Scotland's participation in the FIFA World Cup",
        "Proclamation under s.1(3) Banking and Financial Dealings Act 1971; announced 4 Feb 2026",
        proclaimed_on=dt.date(2026, 2, 4),
    ),
    HolidayOverride(
        dt.date(2026, 7, 13),
        ("NIR",),
        "Battle of the Boyne (observed)",
        "Annual proclamation under s.1(3) Banking and Financial Dealings Act 1971 (12 July 2026 is a Sunday)",
    ),
    HolidayOverride(
        dt.date(2026, 12, 28),
        _ALL,
        "Boxing Day (substitute day)",
        "Banking and Financial Dealings Act 1971 Sch 1 substitute (26 December 2026 is a Saturday)",
    ),
)
