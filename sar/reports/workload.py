"""Workload by officer and team: requests answered, open now, and pages reviewed.

"Pages reviewed" counts the distinct bundle pages on which an officer decided a redaction or marked
the whole page (withheld, duplicate, not relevant, disclose) in the period, from the decision
records, not from a stored counter. A request counts for the officer assigned to it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from sar.confidentiality.access import home_teams
from sar.models import BundleItem, PageMark, Redaction, RedactionDecision, Request, StatusChange, User
from sar.reports.common import ANSWER_STATUSES, scoped
from sar.reports.filters import Chart, Report, ReportFilter, Table
from sar.workflow.status import OPEN_STATUSES

#: Label for requests with nobody assigned, and for staff in no team.
UNASSIGNED = "(unassigned)"
NO_TEAM = "(no team)"


def _by_officer(session: Session, stmt) -> dict[int | None, int]:
    return {officer: n for officer, n in session.execute(stmt.group_by(Request.assigned_officer_id))}


def _pages(session: Session, f: ReportFilter) -> dict[int | None, int]:
    def _decisions():
        stmt = (select(RedactionDecision.actor_id.label("actor"), Redaction.bundle_item_id.label("item"),
                       Redaction.page.label("page"))
                .join(Redaction, Redaction.id == RedactionDecision.redaction_id)
                .join(BundleItem, BundleItem.id == Redaction.bundle_item_id)
                .join(Request, Request.id == BundleItem.request_id)
                .where(RedactionDecision.at >= f.start_utc, RedactionDecision.at < f.end_utc))
        return stmt.where(Request.regime.in_(f.regimes)) if f.regimes else stmt

    def _marks():
        stmt = (select(PageMark.decided_by_id.label("actor"), PageMark.bundle_item_id.label("item"),
                       PageMark.page.label("page"))
                .join(BundleItem, BundleItem.id == PageMark.bundle_item_id)
                .join(Request, Request.id == BundleItem.request_id)
                .where(PageMark.decided_at >= f.start_utc, PageMark.decided_at < f.end_utc))
        return stmt.where(Request.regime.in_(f.regimes)) if f.regimes else stmt

    pages = union(_decisions(), _marks()).subquery()
    return {actor: n for actor, n in session.execute(select(pages.c.actor, func.count()).group_by(pages.c.actor))}


def workload(session: Session, f: ReportFilter, *, now: datetime) -> Report:
    """The workload report for ``f``: one row per officer, one per team."""
    answered = _by_officer(session, scoped(
        select(Request.assigned_officer_id, func.count(func.distinct(Request.id))).select_from(Request)
        .join(StatusChange, StatusChange.request_id == Request.id)
        .where(StatusChange.to_status.in_(ANSWER_STATUSES), StatusChange.at >= f.start_utc,
               StatusChange.at < f.end_utc), f))
    open_now = _by_officer(session, scoped(
        select(Request.assigned_officer_id, func.count(Request.id)).select_from(Request)
        .where(Request.status.in_([s.value for s in OPEN_STATUSES])), f))
    pages = _pages(session, f)
    ids = {i for i in (*answered, *open_now, *pages) if i is not None}
    home = home_teams()
    people = {uid: (name, team) for uid, name, team in session.execute(
        select(User.id, User.name, home.c.name).outerjoin(home, home.c.user_id == User.id)
        .where(User.id.in_(ids)))} if ids else {}
    rows = []
    for uid in sorted(ids | ({None} if None in answered or None in open_now else set()),
                      key=lambda i: people.get(i, (UNASSIGNED, ""))[0] if i is not None else "~"):
        name, team = people.get(uid, (UNASSIGNED, None)) if uid is not None else (UNASSIGNED, None)
        if f.team and team != f.team:
            continue
        rows.append((name, team or NO_TEAM, answered.get(uid, 0), open_now.get(uid, 0), pages.get(uid, 0)))
    teams: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for _name, team, a, o, p in rows:
        for i, v in enumerate((a, o, p)):
            teams[team][i] += v
    team_rows = [(t, *teams[t]) for t in sorted(teams)]
    return Report("workload", "Workload", f, now, [
        Table("officers", "Workload by officer", ("officer", "team", "answered", "open now", "pages reviewed"), rows,
              Chart("officer", ("answered", "open now"), y_label="requests"),
              note="Answered: released or refused in the period. Pages reviewed: distinct pages with a "
                   "redaction decision or page mark by the officer in the period."),
        Table("teams", "Workload by team", ("team", "answered", "open now", "pages reviewed"), team_rows,
              Chart("team", ("pages reviewed",), y_label="pages")),
    ])
