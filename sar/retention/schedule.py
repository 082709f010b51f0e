"""The retention schedule: how long a finished request's file is kept, per regime and outcome.

Rules as data (``schedule.json`` beside this module, or the file named by ``SAR_RETENTION_SCHEDULE``):
the first rule whose regimes (and outcomes, if it lists any) match a request decides its period,
counted in whole years from the day it finished. A request with a complaint or ICO case is kept
until the complaint's own period has run from the day the complaint closed, and indefinitely while
one is pending. The rulebook sets no period for these files, so every period is configuration the
council's records manager confirms (see the file's ``_provenance``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta

from deadlines.rules import REGIMES
from sar.core.errors import ValidationError
from sar.models import OUTCOMES

DEFAULT_SCHEDULE = Path(__file__).with_name("schedule.json")
#: A period longer than this is almost certainly a typo (months for years); refuse it.
MAX_YEARS = 150


@dataclass(frozen=True)
class Rule:
    """One line of the schedule."""

    name: str
    regimes: tuple[str, ...]
    outcomes: tuple[str, ...]
    years: int

    def matches(self, regime: str, outcome: str | None) -> bool:
        """Whether this rule covers a request of ``regime`` that ended with ``outcome``."""
        return regime in self.regimes and (not self.outcomes or outcome in self.outcomes)


@dataclass(frozen=True)
class Schedule:
    """The whole schedule: ordered rules and the complaint extension."""

    rules: tuple[Rule, ...]
    complaint_rule: str
    complaint_years: int

    def rule_for(self, regime: str, outcome: str | None) -> Rule | None:
        """The first matching rule, or None (a request no rule covers is never disposed of)."""
        return next((r for r in self.rules if r.matches(regime, outcome)), None)

    @staticmethod
    def add_years(day: date, years: int) -> date:
        """``day`` plus whole years (29 Feb rolls back to 28 Feb)."""
        return day + relativedelta(years=years)


def _years(value: object, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= MAX_YEARS:
        raise ValidationError(f"retention schedule: {where} must be a whole number of years from 1 to {MAX_YEARS}")
    return value


def load_schedule(path: Path | None = None) -> Schedule:
    """Read and check the schedule at ``path`` (default: the packaged ``schedule.json``).

    :raises ValidationError: unreadable file, unknown regime or outcome, bad period, duplicate name.
    """
    path = Path(path) if path else DEFAULT_SCHEDULE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError(f"retention schedule {path}: cannot read it ({exc})") from None
    rules: list[Rule] = []
    for i, item in enumerate(raw.get("rules") or []):
        name = str(item.get("name") or "").strip()
        if not name or any(r.name == name for r in rules):
            raise ValidationError(f"retention schedule: rule {i + 1} needs a unique name")
        regimes = tuple(item.get("regimes") or ())
        outcomes = tuple(item.get("outcomes") or ())
        bad = [r for r in regimes if r not in REGIMES] + [o for o in outcomes if o not in OUTCOMES]
        if not regimes or bad:
            raise ValidationError(f"retention schedule: rule {name!r} has an unknown or missing regime/outcome "
                                  f"{bad[0] if bad else ''!r}")
        rules.append(Rule(name, regimes, outcomes, _years(item.get("years_after_closure"), f"rule {name!r}")))
    complaint = raw.get("complaint") or {}
    return Schedule(tuple(rules), str(complaint.get("name") or "linked-complaint"),
                    _years(complaint.get("years_after_complaint_closed"), "the complaint period"))
