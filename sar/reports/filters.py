"""The filters every report takes, and the report value the renderers (charts, CSV, PDF) read.

Dates are calendar dates in Europe/London, inclusive at both ends (rulebook C1: a request's day of
receipt is its London date), so "the quarter 1 Jan to 31 Mar" means exactly that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from deadlines.rules import REGIMES
from sar.core.db import LONDON
from sar.core.errors import ValidationError

#: Longest period one report covers: a decade is more than any statutory return asks for, and
#: stops a typo (year 20266) from scanning the whole table.
MAX_PERIOD_DAYS = 3660


@dataclass(frozen=True)
class ReportFilter:
    """Which requests a report covers: a London date range, optionally some regimes and one team."""

    date_from: date
    date_to: date
    regimes: tuple[str, ...] = ()
    team: str | None = None

    def __post_init__(self) -> None:
        if self.date_to < self.date_from:
            raise ValidationError(f"the period ends ({self.date_to}) before it starts ({self.date_from})")
        if (self.date_to - self.date_from).days > MAX_PERIOD_DAYS:
            raise ValidationError(f"a report covers at most {MAX_PERIOD_DAYS} days")
        unknown = [r for r in self.regimes if r not in REGIMES]
        if unknown:
            raise ValidationError(f"unknown regime {unknown[0]!r}; known: {', '.join(REGIMES)}")

    @property
    def start_utc(self) -> datetime:
        """The first instant of ``date_from`` in London, as UTC."""
        return datetime.combine(self.date_from, time(0), LONDON).astimezone(UTC)

    @property
    def end_utc(self) -> datetime:
        """The first instant after ``date_to`` in London, as UTC (exclusive bound)."""
        return datetime.combine(self.date_to + timedelta(days=1), time(0), LONDON).astimezone(UTC)

    def describe(self) -> str:
        """One line for page headings, CSV headers and the PDF pack."""
        parts = [f"{self.date_from.isoformat()} to {self.date_to.isoformat()}"]
        parts.append("regimes: " + (", ".join(self.regimes) if self.regimes else "all"))
        parts.append("team: " + (self.team or "all"))
        return "; ".join(parts)


def parse_filter(date_from: str | None, date_to: str | None, regimes: str | Sequence[str] | None = None,
                 team: str | None = None) -> ReportFilter:
    """Build a :class:`ReportFilter` from user input (ISO dates, comma-separated regimes).

    :raises ValidationError: with a message naming the bad value.
    """
    def _day(raw: str | None, what: str) -> date:
        if not raw:
            raise ValidationError(f"{what} date is required (YYYY-MM-DD)")
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            raise ValidationError(f"{what} date {raw!r} is not a date (YYYY-MM-DD)") from None

    if isinstance(regimes, str):
        regimes = [r for r in (x.strip() for x in regimes.split(",")) if r]
    return ReportFilter(date_from=_day(date_from, "from"), date_to=_day(date_to, "to"),
                        regimes=tuple(regimes or ()), team=(team or "").strip() or None)


@dataclass(frozen=True)
class Chart:
    """How to draw one table: a bar chart of ``value_columns`` against ``label_column``."""

    label_column: str
    value_columns: tuple[str, ...]
    stacked: bool = False
    y_label: str = ""


@dataclass(frozen=True)
class Table:
    """One table of a report; its chart (if any) is drawn from these same rows, so the two agree."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    chart: Chart | None = None
    note: str = ""

    def column(self, name: str) -> list[Any]:
        """The values of column ``name``, top to bottom."""
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def as_dicts(self) -> list[dict[str, Any]]:
        """Rows as ``{column: value}`` (the JSON API)."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class Report:
    """A computed report: its name, the filter it used, when it was computed, and its tables."""

    name: str
    title: str
    filter: ReportFilter
    generated_at: datetime
    tables: list[Table] = field(default_factory=list)

    def table(self, key: str) -> Table:
        """The table called ``key``."""
        return next(t for t in self.tables if t.key == key)

    def to_json(self) -> dict[str, Any]:
        """A JSON-serialisable form (dates as ISO strings)."""
        def _v(value: Any) -> Any:
            return value.isoformat() if isinstance(value, date | datetime) else value

        return {
            "name": self.name, "title": self.title, "generated_at": self.generated_at.isoformat(),
            "filter": {"from": self.filter.date_from.isoformat(), "to": self.filter.date_to.isoformat(),
                       "regimes": list(self.filter.regimes), "team": self.filter.team},
            "tables": [{"key": t.key, "title": t.title, "note": t.note, "columns": list(t.columns),
                        "rows": [[_v(v) for v in row] for row in t.rows]} for t in self.tables],
        }
