"""The ``date`` template filter: dates, datetimes and their ISO strings read as a date (London time)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from web.setup import _date


@pytest.mark.parametrize("value, shown", [
    (date(2026, 12, 7), "7 Dec 2026"),
    ("2026-12-07", "7 Dec 2026"),
    (datetime(2026, 12, 7, 2, 20, tzinfo=UTC), "7 Dec 2026"),
    ("2026-12-07T02:20:05.423832+00:00", "7 Dec 2026"),   # the cast's confirmed_at (sar.bundle.cast.view_cast)
    ("2026-06-30T23:30:00+00:00", "1 Jul 2026"),          # British Summer Time: already the next day
    ("not a date", "not a date"),
    (None, "—"),
])
def test_date_filter(value, shown):
    assert _date(value) == shown
