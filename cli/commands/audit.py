"""``sar audit``: check the keyed audit log against its anchors, and write an anchor."""

from __future__ import annotations

from pathlib import Path

import click

from cli.commands._common import session_scope, settings
from sar.core import audit as audit_log
from sar.core import audit_anchor
from sar.core.db import utcnow
from sar.core.settings import ConfigError


@click.group("audit")
def audit() -> None:
    """Audit log commands."""


@audit.command("verify")
@click.option("--anchors", "anchor_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Anchor file to check against (default: SAR_AUDIT_ANCHOR_FILE).")
def verify(anchor_file: Path | None) -> None:
    """Re-check the audit MAC chain and its anchors; exit 1 naming the first broken row."""
    cfg = settings()
    anchor_file = anchor_file or cfg.audit_anchor_path
    try:
        audit_log.use_keys(cfg.audit_keys)
        with session_scope(cfg) as session:
            result, anchors = audit_anchor.verify_with_anchors(session, anchor_file)
    except (ConfigError, audit_anchor.AnchorError) as exc:
        raise click.ClickException(str(exc)) from None
    if result.ok:
        legacy = f", {result.legacy} legacy rows checked by hash only" if result.legacy else ""
        if result.minimised:
            legacy += (f", {result.minimised} rows minimised on disposal (personal details removed; "
                       "MAC and digest checked)")
        against = f", against {anchors} anchors" if anchor_file is not None else ", no anchor file configured"
        click.echo(f"audit log intact: {result.checked} events verified{legacy}{against}")
        return
    where = f"seq {result.first_bad_seq}" + (f" (id {result.first_bad_id})" if result.first_bad_id else "")
    raise click.ClickException(
        f"audit log BROKEN at {where}: {result.problem}; {result.checked} rows before it are intact"
    )


@audit.command("anchor")
@click.option("--anchors", "anchor_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Anchor file to append to (default: SAR_AUDIT_ANCHOR_FILE).")
def anchor(anchor_file: Path | None) -> None:
    """Append the chain's head to the anchor file now (the worker does this on a schedule)."""
    cfg = settings()
    anchor_file = anchor_file or cfg.audit_anchor_path
    if anchor_file is None:
        raise click.UsageError("no anchor file: set SAR_AUDIT_ANCHOR_FILE or pass --anchors")
    try:
        audit_log.use_keys(cfg.audit_keys)
        with session_scope(cfg) as session:
            written = audit_anchor.write_anchor(session, anchor_file, now=utcnow())
    except (ConfigError, audit_anchor.AnchorError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"anchored seq {written.seq}" if written else "nothing new to anchor")


COMMANDS = [audit]
