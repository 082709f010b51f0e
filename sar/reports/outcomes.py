"""Outcomes and exemptions: how requests ended, which exemption / Sch 2-3 codes were used, and complaints.

Built on the closure records (the outcome staff recorded), the redactions and withheld pages that
were accepted into the bundle, and the complaint cases. Codes are the rulebook's codes as the
reviewers recorded them (rulebook §4 Sch 2/3/4 codes, §5 FOIA/EIR exemptions).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Select, String, cast, func, select
from sqlalchemy.orm import Session

from sar.models import (
    COMPLAINT_KINDS,
    COMPLAINT_OUTCOMES,
    OUTCOMES,
    BundleItem,
    ClosureRecord,
    ComplaintCase,
    PageMark,
    Redaction,
    Request,
)
from sar.reports.common import ALL_REGIMES, scoped
from sar.reports.filters import Chart, Report, ReportFilter, Table


def _closed(f: ReportFilter) -> Select:
    """A SELECT of the ids of requests whose closure record was made in the period (for ``IN (...)``)."""
    return scoped(select(Request.id).select_from(Request), f).where(
        ClosureRecord.recorded_at >= f.start_utc, ClosureRecord.recorded_at < f.end_utc)


def _outcome_table(session: Session, f: ReportFilter) -> Table:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(OUTCOMES, 0))
    stmt = scoped(select(Request.regime, ClosureRecord.outcome, func.count()).select_from(Request), f).where(
        ClosureRecord.recorded_at >= f.start_utc, ClosureRecord.recorded_at < f.end_utc)
    for regime, outcome, n in session.execute(stmt.group_by(Request.regime, ClosureRecord.outcome)):
        counts[regime][outcome] += n
        counts[ALL_REGIMES][outcome] += n
    keys = sorted(k for k in counts if k != ALL_REGIMES) + ([ALL_REGIMES] if counts else [])
    return Table("outcomes", "Outcomes by regime", ("regime", *OUTCOMES, "total"),
                 [(k, *(counts[k][o] for o in OUTCOMES), sum(counts[k].values())) for k in keys],
                 Chart("regime", OUTCOMES, stacked=True, y_label="requests"),
                 note="Requests whose outcome was recorded in the period. not_held: information not held; "
                      "ncnd: neither confirm nor deny.")


def _code_table(session: Session, f: ReportFilter) -> tuple[Table, Table]:
    requests: dict[tuple[str, str], set[int]] = defaultdict(set)
    redactions: dict[tuple[str, str], int] = defaultdict(int)
    pages: dict[tuple[str, str], int] = defaultdict(int)
    closed = _closed(f)
    # Codes cited in closure records; most records cite none, so only those with some are read.
    cited = scoped(select(Request.id, Request.regime, ClosureRecord.codes).select_from(Request), f).where(
        ClosureRecord.recorded_at >= f.start_utc, ClosureRecord.recorded_at < f.end_utc,
        cast(ClosureRecord.codes, String) != "[]")
    for rid, regime, codes in session.execute(cited):
        for code in codes or []:
            requests[(regime, code)].add(rid)
    live = (BundleItem.request_id.in_(closed), BundleItem.removed_at.is_(None))
    for rid, regime, code, n in session.execute(
            select(BundleItem.request_id, Request.regime, Redaction.code, func.count())
            .join(Request, Request.id == BundleItem.request_id)
            .join(Redaction, Redaction.bundle_item_id == BundleItem.id)
            .where(*live, Redaction.status == "accepted", Redaction.superseded_at.is_(None))
            .group_by(BundleItem.request_id, Request.regime, Redaction.code)):
        requests[(regime, code)].add(rid)
        redactions[(regime, code)] += n
    for rid, regime, code, n in session.execute(
            select(BundleItem.request_id, Request.regime, PageMark.code, func.count())
            .join(Request, Request.id == BundleItem.request_id)
            .join(PageMark, PageMark.bundle_item_id == BundleItem.id)
            .where(*live, PageMark.mark == "withheld", PageMark.code.is_not(None))
            .group_by(BundleItem.request_id, Request.regime, PageMark.code)):
        requests[(regime, code)].add(rid)
        pages[(regime, code)] += n
    rows = [(regime, code, len(requests[(regime, code)]), redactions.get((regime, code), 0),
             pages.get((regime, code), 0)) for regime, code in sorted(requests)]
    totals: dict[str, list] = {}
    for regime, code, _n, r, p in rows:
        t = totals.setdefault(code, [set(), 0, 0])
        t[0] |= requests[(regime, code)]
        t[1] += r
        t[2] += p
    chart_rows = sorted(((code, len(v[0]), v[1], v[2]) for code, v in totals.items()), key=lambda x: (-x[1], x[0]))
    return Table("codes", "Exemptions and Sch 2/3 codes used", ("regime", "code", "requests", "redactions",
                                                                "withheld pages"), rows,
                 note="Accepted redactions and withheld pages in the bundles of the requests closed in the "
                      "period, and codes cited in the closure record (e.g. a refusal notice)."), Table(
        "codes_all", "Codes used, all regimes", ("code", "requests", "redactions", "withheld pages"), chart_rows,
        Chart("code", ("redactions", "withheld pages"), stacked=True, y_label="times used"))


def _complaint_table(session: Session, f: ReportFilter) -> Table:
    stmt = scoped(select(ComplaintCase.kind, ComplaintCase.outcome).select_from(Request)
                  .join(ComplaintCase, ComplaintCase.request_id == Request.id), f)
    stmt = stmt.where(ComplaintCase.opened_on >= f.date_from, ComplaintCase.opened_on <= f.date_to)
    counts: dict[str, dict[str, int]] = {k: dict.fromkeys(COMPLAINT_OUTCOMES, 0) for k in COMPLAINT_KINDS}
    for kind, outcome in session.execute(stmt):
        counts[kind][outcome] += 1
    return Table("complaints", "Internal reviews and ICO complaints", ("kind", "opened", *COMPLAINT_OUTCOMES),
                 [(k, sum(counts[k].values()), *(counts[k][o] for o in COMPLAINT_OUTCOMES)) for k in COMPLAINT_KINDS],
                 Chart("kind", COMPLAINT_OUTCOMES, stacked=True, y_label="cases"),
                 note="Cases opened in the period, with their outcome so far.")


def outcomes(session: Session, f: ReportFilter, *, now: datetime) -> Report:
    """The outcomes and exemptions report for ``f``."""
    codes, codes_all = _code_table(session, f)
    return Report("outcomes", "Outcomes and exemptions", f, now,
                  [_outcome_table(session, f), codes_all, codes, _complaint_table(session, f)])
