"""``sar report``: timeliness, outcomes and workload reports as text, CSV or a PDF report pack."""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy import func, select

from cli.commands._common import session_scope, settings
from cli.commands.deadline import IsoDate
from sar.confidentiality import access
from sar.core.db import utcnow
from sar.core.errors import ValidationError
from sar.models import User
from sar.reports import REPORTS, ReportFilter, run_report
from sar.reports.render import fmt, to_csv, to_pdf


def _filter(date_from, date_to, regimes, team) -> ReportFilter:
    try:
        return ReportFilter(date_from, date_to, tuple(r.strip() for r in regimes if r.strip()), team or None)
    except ValidationError as exc:
        raise click.UsageError(str(exc)) from None


def _text(report) -> str:
    lines = [f"{report.title}: {report.filter.describe()}"]
    for table in report.tables:
        cells = [list(table.columns)] + [[fmt(v) for v in row] for row in table.rows]
        widths = [max(len(str(r[i])) for r in cells) for i in range(len(table.columns))]
        lines += ["", table.title]
        lines += ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
        if not table.rows:
            lines.append("(no data in this period)")
    return "\n".join(lines)


_FILTERS = [
    click.option("--from", "date_from", type=IsoDate(), required=True, help="first day (London), inclusive"),
    click.option("--to", "date_to", type=IsoDate(), required=True, help="last day (London), inclusive"),
    click.option("--regime", "regimes", multiple=True, help="only this regime (repeatable)"),
    click.option("--team", default=None, help="only this team"),
]


def _with_filters(fn):
    for option in reversed(_FILTERS):
        fn = option(fn)
    return fn


@click.command("report")
@click.argument("name", type=click.Choice([*REPORTS, "pack"]))
@_with_filters
@click.option("--csv", "as_csv", is_flag=True, help="write CSV instead of text")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="write to this file (pack: required)")
def report(name, date_from, date_to, regimes, team, as_csv, out) -> None:
    """Run report NAME (timeliness, outcomes, workload), or build the PDF report pack of all three."""
    f = _filter(date_from, date_to, regimes, team)
    cfg = settings()
    if name == "pack" and out is None:
        raise click.UsageError("the report pack is a PDF: give --out FILE.pdf")
    with session_scope(cfg) as session:
        now = utcnow()
        names = list(REPORTS) if name == "pack" else [name]
        reports = [run_report(session, n, f, actor=None, now=now) for n in names]
    if name == "pack":
        out.write_bytes(to_pdf(reports, council_name=cfg.council_name))
        click.echo(f"wrote the report pack to {out}")
        return
    text = to_csv(reports[0]) if as_csv else _text(reports[0]) + "\n"
    if out is not None:
        out.write_text(text, encoding="utf-8", newline="")
        click.echo(f"wrote {name} to {out}")
    else:
        click.echo(text, nl=False)



@click.command("team")
@click.argument("email")
@click.argument("team_name", metavar="TEAM", required=False, default="")
@click.option("--by", "by", required=True, help="e-mail of the manager or admin making the change")
@click.option("--remove", is_flag=True, help="take EMAIL out of TEAM instead")
def team(email, team_name, by, remove) -> None:
    """Put the member of staff EMAIL in TEAM, creating the team if needed (no TEAM: take them out of every team).

    The same teams as the staff teams page: they decide who sees a request (need to know) and what reports
    count "by team" (sar.confidentiality.access).
    """
    with session_scope() as session:
        users = {u.email.lower(): u for u in session.scalars(select(User).where(
            func.lower(User.email).in_([email.strip().lower(), by.strip().lower()])))}
        user, actor = users.get(email.strip().lower()), users.get(by.strip().lower())
        if user is None or actor is None:
            raise click.ClickException(f"no user with e-mail {email if user is None else by}")
        now = utcnow()
        if not team_name.strip():
            access.leave_teams(session, user, actor=actor, now=now)
            message = f"{email} is now in no team"
        elif remove:
            found = access.team_named(session, team_name)
            if found is None:
                raise click.ClickException(f"there is no team called {team_name!r}")
            access.remove_member(session, found, user, actor=actor, now=now)
            message = f"{email} is no longer in {found.name}"
        else:
            found = access.join_team(session, user, team_name, actor=actor, now=now)
            message = f"{email} is now in {found.name}"
    click.echo(message)


COMMANDS = [report, team]
