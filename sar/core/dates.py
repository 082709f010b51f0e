"""Dates as the council reads and writes them: the London calendar day, and dates in words.

One definition for the statutory clock (rulebook C1: the day of receipt is the Europe/London date), the
cover letters (``2 March 2026``) and the e-mails (``Monday 2 March 2026``, ``... at 14:00``).
"""

from __future__ import annotations

from datetime import date, datetime

from sar.core.db import LONDON
from sar.core.errors import ValidationError


def london_date(at: datetime) -> date:
    """The Europe/London calendar date at the instant ``at`` (23:30 UTC in summer time is the next day).

    :raises ValidationError: ``at`` is naive (its instant is unknown).
    """
    if at.tzinfo is None:
        raise ValidationError("a time must be timezone-aware to give its London date")
    return at.astimezone(LONDON).date()


def long_date(value: date | datetime | str | None, *, weekday: bool = False, missing: str = "") -> str:
    """A date in words: ``2 March 2026``, or with ``weekday`` ``Monday 2 March 2026``.

    :param value: a date, a datetime (its own date) or an ISO date string.
    :param missing: what None or an empty string reads as.
    """
    if value is None or value == "":
        return missing
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    words = f"{value.day} {value:%B %Y}"
    return f"{value:%A} {words}" if weekday else words


def london_time(value: datetime | date | str | None, *, missing: str = "") -> str:
    """An instant in London time, with the weekday: ``Monday 5 January 2026 at 09:30`` (a date: no time)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return long_date(value, weekday=True, missing=missing)
    local = value.astimezone(LONDON)
    return f"{long_date(local.date(), weekday=True)} at {local:%H:%M}"


#: Welsh month names for dates in Welsh letters (the Welsh Language Standards apply to councils in Wales).
WELSH_MONTHS = ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
                "Hydref", "Tachwedd", "Rhagfyr")


def long_date_cy(value: date | None) -> str:
    """A date in Welsh words, e.g. ``2 Mawrth 2026`` (empty for None)."""
    if value is None:
        return ""
    return f"{value.day} {WELSH_MONTHS[value.month - 1]} {value.year}"


#: Age of majority in England, Wales and Northern Ireland: below it a person is a child (rulebook T-4).
ADULT_AGE = 18


def age_on(dob: date | None, on: date) -> int | None:
    """Whole years between ``dob`` and ``on`` (None if the date of birth is not recorded)."""
    if dob is None:
        return None
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))
