"""``sar db``: schema migrations."""

from __future__ import annotations

import click

from cli.commands._common import settings
from sar.core import migrate


@click.group("db")
def db() -> None:
    """Database schema commands."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
def upgrade(revision: str) -> None:
    """Migrate the database (SAR_DATABASE_URL / DATABASE_URL) up to REVISION."""
    cfg = settings()
    migrate.upgrade(cfg.database_url, revision)
    click.echo(f"database at {_safe(cfg.database_url)} is at {revision}")


@db.command("downgrade")
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Migrate the database down to REVISION (e.g. base)."""
    cfg = settings()
    migrate.downgrade(cfg.database_url, revision)
    click.echo(f"database downgraded to {revision}")


@db.command("check")
def check() -> None:
    """Fail if the models and the migrations disagree."""
    migrate.check(settings().database_url)
    click.echo("models and migrations agree")


def _safe(url: str) -> str:
    # Never print a password.
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':')[0]}:***@{host}" if ":" in creds else url
    return url


COMMANDS = [db]
