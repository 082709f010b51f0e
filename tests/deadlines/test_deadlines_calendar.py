"""Working calendars (C2, G-3, H-3), the H-1 override table and the per-year cache."""

from __future__ import annotations

import datetime as dt

import pytest

from deadlines import (
    ENGLAND,
    OVERRIDES,
    UK,
    DeadlineError,
    HolidayOverride,
    WorkingCalendar,
    add_working_days,
    is_working_day,
    working_days_between,
)
from deadlines.calendar import _calendar_year

D = dt.date

# H-1: the known special days, and the calendars in which each is a non-working day.
SPECIAL_DAYS = [
    (D(2022, 9, 19), ("ENG", "WLS", "SCT", "NIR")),  # State Funeral
    (D(2023, 5, 8), ("ENG", "WLS", "SCT", "NIR")),  # Coronation
    (D(2026, 6, 15), ("SCT",)),  # World Cup, Scotland only
    (D(2026, 12, 28), ("ENG", "WLS", "SCT", "NIR")),  # Boxing Day substitute
    (D(2026, 7, 13), ("NIR",)),  # Boyne substitute
]


@pytest.mark.parametrize(("day", "nations"), SPECIAL_DAYS, ids=lambda v: str(v))
def test_h1_known_special_days(day, nations):
    assert day in {row.on for row in OVERRIDES}, "H-1: listed in the override table"
    assert not UK.is_working_day(day), "C2: any part of the UK makes it a FOIA non-working day"
    for nation in ("ENG", "WLS", "SCT", "NIR"):
        assert WorkingCalendar.for_nation(nation).is_working_day(day) is (nation not in nations)


def test_h1_table_rows_carry_a_proclamation_reference():
    assert all(row.reference for row in OVERRIDES)


def test_extra_override_adds_a_day_the_package_lacks():
    extra = HolidayOverride(D(2027, 6, 14), ("SCT",), "Hypothetical proclaimed day", "Proclamation (test)")
    scotland = WorkingCalendar.for_nation("SCT", extra=[extra])
    assert not scotland.is_working_day(D(2027, 6, 14))
    assert scotland.holiday_label(D(2027, 6, 14)) == "Hypothetical proclaimed day (Scotland)"
    assert not WorkingCalendar.uk(extra=[extra]).is_working_day(D(2027, 6, 14))
    assert ENGLAND.is_working_day(D(2027, 6, 14))


def test_override_can_remove_a_moved_holiday():
    moved = HolidayOverride(D(2027, 5, 3), ("ENG",), "Early May (moved)", "test", is_holiday=False)
    assert not ENGLAND.is_working_day(D(2027, 5, 3))
    assert WorkingCalendar.for_nation("ENG", extra=[moved]).is_working_day(D(2027, 5, 3))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"nations": ("XXX",)}, "nations must be drawn from"),
        ({"nations": ()}, "nations must be drawn from"),
        ({"name": " "}, "name is required"),
    ],
)
def test_override_validation(kwargs, message):
    fields = {"on": D(2027, 1, 1), "nations": ("ENG",), "name": "x"} | kwargs
    with pytest.raises(DeadlineError, match=message):
        HolidayOverride(**fields)


def test_single_nation_string_is_accepted():
    assert HolidayOverride(D(2027, 1, 1), "SCT", "x").nations == ("SCT",)


@pytest.mark.parametrize(
    ("day", "uk", "england"),
    [
        (D(2026, 1, 2), False, True),  # 2 January: Scotland only (F2)
        (D(2026, 3, 17), False, True),  # St Patrick's Day: NI only (C2, LTT47)
        (D(2026, 4, 6), False, False),  # Easter Monday: not Scotland, but England
        (D(2026, 8, 3), False, True),  # Scottish summer holiday
        (D(2026, 8, 31), False, False),  # Late summer: England, Wales, NI
        (D(2026, 11, 30), False, True),  # St Andrew's Day (Monday)
        (D(2025, 12, 1), False, True),  # St Andrew's substitute for Sunday 30 Nov 2025 (§6.1 fact 3)
        (D(2025, 7, 14), False, True),  # Boyne substitute for Saturday 12 Jul 2025
        (D(2022, 12, 27), False, False),  # Christmas substitute (observed days kept, never observed=False)
        (D(2026, 12, 24), True, True),  # Christmas Eve: an ordinary working day
        (D(2026, 12, 26), False, False),  # a Saturday anyway
        (D(2026, 12, 29), True, True),
    ],
)
def test_uk_union_and_england(day, uk, england):
    assert is_working_day(day) is uk
    assert is_working_day(day, "UK") is uk
    assert is_working_day(day, "foi") is uk
    assert is_working_day(day, "ENG") is england
    assert is_working_day(day, "sar") is england


def test_unknown_calendar_name():
    with pytest.raises(DeadlineError, match="unknown calendar"):
        is_working_day(D(2026, 1, 1), "Mars")
    with pytest.raises(DeadlineError, match="unknown nation"):
        WorkingCalendar(("XX",))


def test_add_working_days_counts_from_the_day_after():
    assert add_working_days(D(2025, 12, 1), 20) == D(2025, 12, 31)  # F1
    assert add_working_days(D(2025, 12, 20), 1) == D(2025, 12, 22)  # C3: Saturday receipt, day 1 Monday
    assert add_working_days(D(2026, 6, 1), 20, "ENG") == D(2026, 6, 29)  # F7 England-only reading
    assert add_working_days(D(2026, 6, 1), 0) == D(2026, 6, 1)
    with pytest.raises(DeadlineError):
        add_working_days(D(2026, 6, 1), -1)


def test_add_working_days_disregard():
    # F-5: 4, 5, 6 and 9 Feb 2026 disregarded -> Fri 6 Mar instead of Mon 2 Mar.
    skip = {D(2026, 2, 4), D(2026, 2, 5), D(2026, 2, 6), D(2026, 2, 9)}
    assert add_working_days(D(2026, 2, 2), 20, disregard=skip) == D(2026, 3, 6)


def test_working_days_between():
    assert working_days_between(D(2025, 12, 20), D(2026, 1, 22)) == 20  # F2
    assert working_days_between(D(2026, 1, 22), D(2025, 12, 20)) == -20
    assert working_days_between(D(2026, 1, 22), D(2026, 1, 22)) == 0
    assert working_days_between(D(2025, 12, 31), D(2026, 1, 2), "ENG") == 1


def test_roll_forward():
    assert ENGLAND.roll_forward(D(2024, 12, 25)) == D(2024, 12, 27)  # S1
    assert ENGLAND.roll_forward(D(2024, 12, 27)) == D(2024, 12, 27)


def test_skipped_holidays_name_each_day():
    skipped = UK.skipped_holidays(D(2025, 12, 20), D(2026, 1, 22))
    assert [d for d, _ in skipped] == [D(2025, 12, 25), D(2025, 12, 26), D(2026, 1, 1), D(2026, 1, 2)]
    assert skipped[-1][1] == "New Year Holiday (Scotland)"


def test_holiday_sets_are_cached_per_year():
    assert UK.holidays_in(2026) is UK.holidays_in(2026)
    before = _calendar_year.cache_info().hits
    for _ in range(50):
        UK.is_working_day(D(2026, 5, 5))
    assert _calendar_year.cache_info().hits >= before + 50
    # Equal calendars share a cache entry whatever order the nations were given in.
    assert WorkingCalendar(("NIR", "ENG")) == WorkingCalendar(("ENG", "NIR"))
