"""``sar triage``: route the words of a request to its regimes (rulebook §2) from the command line."""

from __future__ import annotations

import json

import click

from triage import REQUESTER_TYPES
from triage import triage as triage_request


@click.command("triage")
@click.option("--text", "text", required=True, help="The words of the request (quote them).")
@click.option("--requester-type", type=click.Choice(REQUESTER_TYPES), default=None,
              help="Who is asking, if known; police, court, childrens_guardian and regulator are T-5 routes.")
@click.option("--json", "as_json", is_flag=True, help='Print {"parts": [...]} as JSON.')
def triage(text: str, requester_type: str | None, as_json: bool) -> None:
    """Split a request into parts and show each part's regime, reasons and checks.

    Empty text is a usage error (exit 2). The output is advice for a human triager (T-0..T-7).
    """
    if not text.strip():
        raise click.UsageError("--text is empty; pass the words of the request")
    result = triage_request(text, requester_type)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    for n, part in enumerate(result.parts, 1):
        click.echo(f"{n}. {part.regime}: {part.excerpt}")
        if part.check:
            click.echo(f"   confidence {part.confidence}: check this part's regime")
        if part.original:
            click.echo("   about an earlier request: " + "; ".join(f"{k} {v}" for k, v in part.original))
        for reason in part.reasons:
            click.echo(f"   - {reason}")
        if part.checks:
            click.echo(f"   checks: {', '.join(part.checks)}")


COMMANDS = [triage]
