"""Each report's numbers against the hand-built quarter in tests/reports/dataset.py (real database)."""

from __future__ import annotations

from datetime import date

import pytest

from sar.core.errors import NotFound, NotPermitted, ValidationError
from sar.models import AuditEvent
from sar.reports import ReportFilter, parse_filter, run_report
from tests.factories import make_user
from tests.reports import dataset

Q1 = ReportFilter(date(2026, 1, 1), date(2026, 3, 31))


@pytest.fixture
def quarter(session, settings):
    return dataset.build(session, settings)


def _row(table, label):
    rows = [r for r in table.rows if r[0] == label]
    assert len(rows) == 1, (label, table.rows)
    return dict(zip(table.columns, rows[0], strict=True))


def test_the_fixture_due_dates_are_the_hand_computed_ones(quarter):
    r = quarter.requests
    assert r["A"].due_on == date(2026, 2, 2)   # F-1: 20 working days
    assert r["B"].due_on == date(2026, 3, 2)   # F-3: 40 working days after the extension
    assert r["D"].due_on == date(2026, 2, 10)  # G-2: one month from the ID receipt date


def test_timeliness_per_regime(session, quarter):
    report = run_report(session, "timeliness", Q1, actor=quarter.manager, now=dataset.NOW)
    t = report.table("timeliness")
    foi = _row(t, "foi")
    assert (foi["received"], foi["closed"], foi["answered"], foi["on time"], foi["% on time"]) == (4, 4, 3, 2, 66.7)
    assert (foi["median days taken"], foi["90th percentile days taken"]) == (35, 56)
    assert (foi["late"], foi["median days late"], foi["max days late"], foi["extensions used"]) == (1, 7, 7, 1)
    assert (foi["clock stops"], foi["days stopped"]) == (0, 0)
    sar = _row(t, "sar")
    assert (sar["received"], sar["closed"], sar["answered"], sar["on time"], sar["% on time"]) == (2, 1, 1, 0, 0.0)
    assert (sar["late"], sar["max days late"], sar["clock stops"], sar["days stopped"], sar["median stop length"]) \
        == (1, 2, 1, 4, 4)
    total = _row(t, "all")
    assert (total["received"], total["closed"], total["answered"], total["on time"]) == (6, 5, 4, 2)
    assert (total["median days taken"], total["90th percentile days taken"], total["median days late"]) \
        == (36.5, 56, 4.5)


def test_open_and_overdue_now_with_age_bands(session, quarter):
    t = run_report(session, "timeliness", Q1, actor=quarter.manager, now=dataset.NOW).table("open_now")
    foi, sar = _row(t, "foi"), _row(t, "sar")
    assert (foi["open"], foi["overdue"], foi["41-60 days"], foi["21-40 days"]) == (1, 1, 1, 0)
    assert (sar["open"], sar["overdue"], sar["21-40 days"]) == (1, 0, 1)


def test_filters_by_regime_and_team(session, quarter):
    only_sar = run_report(session, "timeliness", ReportFilter(Q1.date_from, Q1.date_to, regimes=("sar",)),
                          actor=quarter.manager, now=dataset.NOW).table("timeliness")
    assert [r[0] for r in only_sar.rows] == ["sar", "all"]
    team2 = run_report(session, "timeliness", ReportFilter(Q1.date_from, Q1.date_to, team=dataset.TEAM_2),
                       actor=quarter.manager, now=dataset.NOW).table("timeliness")
    assert [r[0] for r in team2.rows] == ["sar", "all"]
    assert _row(team2, "all")["answered"] == 1
    # A narrower period drops what falls outside it: only A was answered in January.
    jan = run_report(session, "timeliness", ReportFilter(date(2026, 1, 1), date(2026, 1, 31)),
                     actor=quarter.manager, now=dataset.NOW).table("timeliness")
    assert _row(jan, "foi")["answered"] == 1 and _row(jan, "foi")["closed"] == 2  # A answered, G withdrawn


def test_outcomes_and_codes(session, quarter):
    report = run_report(session, "outcomes", Q1, actor=quarter.manager, now=dataset.NOW)
    foi = _row(report.table("outcomes"), "foi")
    assert (foi["full"], foi["part"], foi["refused"], foi["withdrawn"], foi["total"]) == (1, 1, 1, 1, 4)
    assert _row(report.table("outcomes"), "sar")["part"] == 1
    codes = {(r[0], r[1]): r[2:] for r in report.table("codes").rows}
    # Two accepted live redactions (the proposed and the superseded ones do not count), one withheld page,
    # and the refusal's cited code with no redaction.
    assert codes[("foi", "FOIA-S40-2")] == (1, 2, 0)
    assert codes[("foi", "FOIA-S43-2")] == (1, 0, 1)
    assert codes[("foi", "FOIA-S12")] == (1, 0, 0)


def test_complaints_and_their_outcomes(session, quarter):
    from sar.reports import closure

    case = closure.record_complaint(session, quarter.requests["C"], "internal_review", opened_on=date(2026, 2, 20),
                                    actor=quarter.officer1, now=dataset.NOW)
    closure.decide_complaint(session, case, "upheld", closed_on=date(2026, 3, 10), actor=quarter.officer1,
                             now=dataset.NOW)
    closure.record_complaint(session, quarter.requests["D"], "ico_complaint", opened_on=date(2026, 3, 25),
                             actor=quarter.officer2, now=dataset.NOW)
    t = run_report(session, "outcomes", Q1, actor=quarter.manager, now=dataset.NOW).table("complaints")
    assert _row(t, "internal_review")["opened"] == 1 and _row(t, "internal_review")["upheld"] == 1
    assert _row(t, "ico_complaint")["pending"] == 1


def test_workload_by_officer_and_team(session, quarter):
    report = run_report(session, "workload", Q1, actor=quarter.manager, now=dataset.NOW)
    one = _row(report.table("officers"), "Officer One")
    assert (one["team"], one["answered"], one["open now"], one["pages reviewed"]) == (dataset.TEAM_1, 3, 1, 3)
    two = _row(report.table("officers"), "Officer Two")
    assert (two["answered"], two["open now"], two["pages reviewed"]) == (1, 1, 0)
    assert tuple(_row(report.table("teams"), dataset.TEAM_2).values())[1:] == (1, 1, 0)


def test_only_managers_and_admins_run_reports_and_runs_are_audited(session, quarter):
    with pytest.raises(NotPermitted):
        run_report(session, "timeliness", Q1, actor=quarter.officer1, now=dataset.NOW)
    with pytest.raises(NotPermitted):
        run_report(session, "timeliness", Q1, actor=make_user(session, "requester"), now=dataset.NOW)
    run_report(session, "workload", Q1, actor=make_user(session, "admin"), now=dataset.NOW)
    assert session.query(AuditEvent).filter_by(action="report.run", target="report:workload").count() == 1
    with pytest.raises(NotFound):
        run_report(session, "nonsense", Q1, actor=quarter.manager, now=dataset.NOW)


@pytest.mark.parametrize("args, message", [
    (("2026-03-31", "2026-01-01"), "before it starts"),
    (("2026-13-01", "2026-12-31"), "is not a date"),
    ((None, "2026-12-31"), "required"),
    (("2026-01-01", "2026-03-31", "foi,martian"), "unknown regime"),
])
def test_bad_filters_get_a_clear_error(args, message):
    with pytest.raises(ValidationError, match=message):
        parse_filter(*args)


def test_london_date_follows_the_bst_rule_like_zoneinfo():
    from datetime import UTC, datetime, timedelta

    from sar.core.db import LONDON
    from sar.reports.common import london_date

    at = datetime(2024, 1, 1, tzinfo=UTC)
    while at < datetime(2028, 1, 1, tzinfo=UTC):
        assert london_date(at) == at.astimezone(LONDON).date(), at
        assert london_date(at.replace(tzinfo=None)) == at.astimezone(LONDON).date(), at  # naive is UTC
        at += timedelta(minutes=30)
    # 23:30 UTC on 30 June is already 1 July in London (BST); on 30 January it is still 30 January.
    assert london_date(datetime(2026, 6, 30, 23, 30, tzinfo=UTC)) == date(2026, 7, 1)
    assert london_date(datetime(2026, 1, 30, 23, 30, tzinfo=UTC)) == date(2026, 1, 30)


def test_csv_neutralises_formulas_and_charts_are_deterministic_svg():
    from datetime import UTC, datetime

    from sar.reports.filters import Chart, Report, Table
    from sar.reports.render import chart_svg, to_csv

    table = Table("officers", "Workload by officer", ("officer", "answered"),
                  [("=HYPERLINK(\"x\")", 3), ("Ann Officer", 1), ("-1+2", 0)], Chart("officer", ("answered",)))
    report = Report("workload", "Workload", Q1, datetime(2026, 4, 1, tzinfo=UTC), [table])
    text = to_csv(report)
    assert "'=HYPERLINK" in text and "'-1+2" in text and "\r\nAnn Officer,1\r\n" in text
    svg = chart_svg(table)
    assert svg == chart_svg(table)  # no dates or random ids: the same rows draw the same picture
    assert "<script" not in svg and "Ann Officer" in svg  # labels stay text (svg.fonttype none)
