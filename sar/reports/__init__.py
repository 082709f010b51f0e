"""Reports for the data protection officer and managers: timeliness, outcomes and exemptions, workload.

Every report is computed on read from the closure records, status changes, clock events and review
decisions, never from a stored counter, so it agrees with the case files and survives disposal
(``sar.retention`` keeps these rows). Only managers and admins may run them; every run is audited.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.errors import NotFound
from sar.core.permissions import require_role
from sar.models import Role, User
from sar.reports.filters import Report, ReportFilter, parse_filter
from sar.reports.outcomes import outcomes
from sar.reports.timeliness import timeliness
from sar.reports.workload import workload

#: Every report by the name the CLI, the page and the API use.
REPORTS: dict[str, Callable[..., Report]] = {"timeliness": timeliness, "outcomes": outcomes, "workload": workload}
#: Roles that may run reports (issue 18: "a Reports page for managers and admins").
REPORT_ROLES = (Role.manager, Role.admin)


def run_report(session: Session, name: str, f: ReportFilter, *, actor: User | None, now: datetime) -> Report:
    """Compute report ``name`` for filter ``f``, as ``actor`` (a manager or admin), and audit the run.

    ``actor`` None is the operator at the command line (``sar report``), audited as the system.

    Need to know: the seed policy (``../shared/seeds/``, "Confidentiality Values and Principles") makes
    "ALL INFORMATION which Social Care ... holds on a service user/child/young person" confidential and
    "only accessed on a need to know basis". Reports hold none of it: every row is an aggregate count or
    duration by regime, outcome, team or member of staff, and no row names a request, a requester or a data
    subject. So a manager's statistics deliberately count every request, including other teams' and
    restricted ones (a service-wide figure that left some out would be wrong). Anything that names a request
    belongs in a list built on :func:`sar.core.permissions.visibility_clause`, never in a report;
    ``tests/reports/test_need_to_know_paths.py`` checks both sides.

    :raises NotFound: no report of that name.
    :raises NotPermitted: ``actor`` is not a manager or admin.
    """
    if actor is not None:
        require_role(actor, *REPORT_ROLES)
    if name not in REPORTS:
        raise NotFound(f"no report called {name!r}; one of {', '.join(REPORTS)}")
    report = REPORTS[name](session, f, now=now)
    audit.record(session, "report.run", actor=actor, now=now, target=f"report:{name}",
                 detail={"from": f.date_from.isoformat(), "to": f.date_to.isoformat(),
                         "regimes": list(f.regimes), "team": f.team})
    return report


__all__ = ["REPORTS", "REPORT_ROLES", "Report", "ReportFilter", "parse_filter", "run_report"]
