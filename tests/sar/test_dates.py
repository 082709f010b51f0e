"""One definition of the London day and of dates in words (issue 9), for the clock, letters and e-mails."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sar.core.dates import london_date, london_time, long_date
from sar.core.errors import ValidationError
from sar.messaging import notifications
from sar.release import letters


def test_the_london_day_of_an_instant_rulebook_c1():
    assert london_date(datetime(2026, 6, 1, 23, 30, tzinfo=UTC)) == date(2026, 6, 2)  # summer time: next day
    assert london_date(datetime(2026, 1, 5, 23, 30, tzinfo=UTC)) == date(2026, 1, 5)  # winter: same day
    with pytest.raises(ValidationError, match="timezone-aware"):
        london_date(datetime(2026, 1, 5, 23, 30))


def test_dates_in_words_for_letters_and_e_mails():
    assert long_date(date(2026, 3, 2)) == "2 March 2026"
    assert long_date("2026-03-02", weekday=True) == "Monday 2 March 2026"
    assert long_date(None) == "" and long_date("", missing="unknown") == "unknown"
    assert london_time(datetime(2026, 6, 1, 23, 30, tzinfo=UTC)) == "Tuesday 2 June 2026 at 00:30"
    # The letters' and the e-mails' filters are that one function, with their own settings.
    assert letters.long_date is long_date
    assert notifications.long_date(date(2026, 3, 2)) == "Monday 2 March 2026"
    assert notifications.long_date(None) == notifications.NOT_YET_KNOWN
