"""``sar retention``: the disposal dry run, manager-approved disposal, and legal holds."""

from __future__ import annotations

import click
from sqlalchemy import func, select

from cli.commands._common import session_scope, settings
from sar.core.db import LONDON, utcnow
from sar.models import LegalHold, Request, User
from sar.retention import dispose_due, lift_hold, place_hold, review


@click.group("retention")
def retention() -> None:
    """Retention schedule: list what is due, dispose on a manager's approval, hold files."""


def _user(session, email: str) -> User:
    user = session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None:
        raise click.ClickException(f"no user with e-mail {email}")
    return user


def _request(session, reference: str) -> Request:
    req = session.scalar(select(Request).where(func.upper(Request.reference) == reference.strip().upper()))
    if req is None:
        raise click.ClickException(f"no request {reference}")
    return req


def _print(items) -> None:
    if not items:
        click.echo("no request files are due for disposal")
        return
    for i in items:
        state = "disposable" if i.disposable else f"KEPT: {i.blocked_by}"
        click.echo(f"{i.reference}\t{i.regime}\t{i.outcome or '-'}\tfinished {i.finished_on}\t"
                   f"due {i.dispose_after} ({i.rule})\t{state}")


@retention.command("due")
def due() -> None:
    """Dry run: list finished requests whose retention period has run. Deletes nothing."""
    with session_scope() as session:
        _print(review(session, settings=settings(), today=utcnow().astimezone(LONDON).date()))


@retention.command("dispose")
@click.option("--approved-by", "approver", required=True, help="e-mail of the manager approving disposal")
@click.option("--reference", "references", multiple=True, help="dispose only these (default: all disposable)")
@click.option("--confirm", is_flag=True, help="actually dispose; without it this is the dry run")
def dispose(approver, references, confirm) -> None:
    """Dispose of due request files on a manager's approval (a dry run unless --confirm)."""
    cfg = settings()
    with session_scope(cfg) as session:
        now = utcnow()
        manager = _user(session, approver)
        if not confirm:
            _print(review(session, settings=cfg, today=now.astimezone(LONDON).date(), actor=manager))
            click.echo("dry run: nothing was disposed of; add --confirm to dispose of the disposable files")
            return
        certs = dispose_due(session, approved_by=manager, settings=cfg, now=now, references=references or None)
    for cert in certs:
        click.echo(f"disposed {cert.reference}: certificate {cert.id}, {cert.documents_removed} document(s), "
                   f"{cert.packs_removed} pack(s) removed")
    click.echo(f"{len(certs)} request file(s) disposed of")


@retention.command("hold")
@click.argument("reference")
@click.option("--reason", required=True)
@click.option("--by", "by", required=True, help="e-mail of the manager or admin placing the hold")
def hold(reference, reason, by) -> None:
    """Place a legal hold on REFERENCE: it is never disposed of while the hold stands."""
    with session_scope() as session:
        row = place_hold(session, _request(session, reference), reason, actor=_user(session, by), now=utcnow())
        click.echo(f"hold {row.id} placed on {reference}")


@retention.command("lift")
@click.argument("reference")
@click.option("--reason", required=True)
@click.option("--by", "by", required=True, help="e-mail of the manager or admin lifting the hold")
def lift(reference, reason, by) -> None:
    """Lift the standing legal holds on REFERENCE (they stay on record)."""
    with session_scope() as session:
        req = _request(session, reference)
        holds = session.scalars(select(LegalHold).where(LegalHold.request_id == req.id,
                                                        LegalHold.lifted_at.is_(None))).all()
        if not holds:
            raise click.ClickException(f"{reference} has no standing hold")
        for row in holds:
            lift_hold(session, row, reason, actor=_user(session, by), now=utcnow())
        click.echo(f"lifted {len(holds)} hold(s) on {reference}")


COMMANDS = [retention]
