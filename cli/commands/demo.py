"""``sar demo``: load demo users, requests across regimes and documents."""

from __future__ import annotations

import click

from cli import demo as demo_data
from cli.commands._common import session_scope, settings


@click.command("demo")
def demo() -> None:
    """Load demo data (idempotent: does nothing if the demo users already exist)."""
    cfg = settings()
    with session_scope(cfg) as session:
        created = demo_data.load(session, settings=cfg)
    click.echo(demo_data.banner(cfg, created))


COMMANDS = [demo]
