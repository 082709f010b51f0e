"""``sar audit``: check the tamper-evident audit log."""

from __future__ import annotations

import click

from cli.commands._common import session_scope
from sar.core import audit as audit_log


@click.group("audit")
def audit() -> None:
    """Audit log commands."""


@audit.command("verify")
def verify() -> None:
    """Re-check the audit hash chain; exit 1 naming the first broken row."""
    with session_scope() as session:
        result = audit_log.verify(session)
    if result.ok:
        click.echo(f"audit log intact: {result.checked} events verified")
        return
    where = f"seq {result.first_bad_seq}" + (f" (id {result.first_bad_id})" if result.first_bad_id else "")
    raise click.ClickException(
        f"audit log BROKEN at {where}: {result.problem}; {result.checked} rows before it are intact"
    )


COMMANDS = [audit]
