"""``sar backup DIR`` and ``sar restore DIR``: snapshot and restore the database and the document store."""

from __future__ import annotations

from pathlib import Path

import click

from cli.commands._common import settings
from sar.core import audit
from sar.core.db import utcnow
from sar.core.settings import ConfigError
from sar.ops import backup as backups


@click.command("backup")
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
def backup(dest: Path) -> None:
    """Write a consistent backup of the database and the document store into DEST (new or empty)."""
    cfg = settings()
    try:
        manifest = backups.backup(cfg, dest, now=utcnow())
    except (backups.BackupError, ConfigError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"backup written to {dest}: {manifest['database']['kind']} database, "
               f"{len(manifest['storage'])} stored files, audit log at seq {manifest['audit_head']['seq']}")


@click.command("restore")
@click.argument("src", type=click.Path(file_okay=False, exists=True, path_type=Path))
def restore(src: Path) -> None:
    """Restore the backup in SRC into an empty database and an empty store, then check everything."""
    cfg = settings()
    try:
        audit.use_keys(cfg.audit_keys)
        report = backups.restore(cfg, src)
    except (backups.BackupError, ConfigError) as exc:
        raise click.ClickException(str(exc)) from None
    summary = (f"{report.requests} requests, {report.documents} documents, {report.files} stored files, "
               f"{report.audit_events} audit events")
    if report.problems:
        raise click.ClickException(f"restored {summary}, but the checks FAILED: {'; '.join(report.problems)}")
    click.echo(f"restored and verified: {summary}; audit chain intact")


COMMANDS = [backup, restore]
