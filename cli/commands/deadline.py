"""``sar deadline``: compute a statutory deadline from the command line, with its explanation."""

from __future__ import annotations

import datetime as dt
import json

import click

from deadlines import EVENT_KINDS, NATIONS, REGIMES, ClockConfig, ClockEvent, DeadlineError, compute


class IsoDate(click.ParamType):
    """A ``YYYY-MM-DD`` calendar date."""

    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        """Parse ``value``; a bad date is a usage error (exit 2)."""
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date in YYYY-MM-DD form", param, ctx)


def parse_event(text: str) -> ClockEvent:
    """Parse ``KIND:YYYY-MM-DD`` into a :class:`ClockEvent`.

    :param text: e.g. ``id_received:2026-02-20``.
    :return: the event.
    :raises click.BadParameter: for a missing colon, an unknown kind or a bad date.
    """
    kind, sep, on = text.partition(":")
    if not sep:
        raise click.BadParameter(f"{text!r} is not KIND:YYYY-MM-DD", param_hint="'--event'")
    try:
        return ClockEvent(kind.strip(), dt.date.fromisoformat(on.strip()))
    except DeadlineError as exc:
        raise click.BadParameter(str(exc), param_hint="'--event'") from None
    except ValueError:
        raise click.BadParameter(
            f"{on!r} in {text!r} is not a date in YYYY-MM-DD form", param_hint="'--event'"
        ) from None


@click.command("deadline")
@click.argument("regime", type=click.Choice(REGIMES, case_sensitive=False), metavar="REGIME")
@click.argument("received", type=IsoDate())
@click.option(
    "--extended", is_flag=True, help="The extension applies (FOIA PIT, EIR reg 7, G-4, complex review)."
)
@click.option(
    "--event",
    "events",
    multiple=True,
    metavar="KIND:DATE",
    help=f"A clock event, repeatable. KIND is one of: {', '.join(EVENT_KINDS)}.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a summary.")
@click.option(
    "--nation",
    type=click.Choice(NATIONS),
    default="ENG",
    show_default=True,
    help="The council's nation, for the SAR roll-forward and third-party SLA (G-3, H-3).",
)
@click.option(
    "--sla",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Third-party service level in working days (§1.4).",
)
@click.option(
    "--pause-counting",
    type=click.Choice(["exclusive", "inclusive"]),
    default="exclusive",
    show_default=True,
    help="How the SAR clarification pause is counted (G-5, VERIFY).",
)
def deadline(
    regime: str,
    received: dt.date,
    extended: bool,
    events: tuple[str, ...],
    as_json: bool,
    nation: str,
    sla: int,
    pause_counting: str,
) -> None:
    """Compute the deadline for a REGIME request RECEIVED on a date (YYYY-MM-DD)."""
    parsed = [parse_event(text) for text in events]
    config = ClockConfig(
        sar_nation=nation, third_party_sla_working_days=sla, sar_pause_counting=pause_counting
    )
    try:
        result = compute(regime, received, parsed, extended=extended, config=config)
    except DeadlineError as exc:
        raise click.UsageError(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result.to_dict()))
        return
    click.echo(f"{regime} received {received.isoformat()}")
    if result.relevant_time is not None and result.relevant_time != received:
        click.echo(f"  relevant time: {result.relevant_time.isoformat()}")
    click.echo(f"  due: {result.due.isoformat() if result.due else 'unknown (clock stopped)'}")
    for name, day in result.secondary.items():
        click.echo(f"  {name.replace('_', ' ')}: {day.isoformat()}")
    click.echo("how:")
    for line in result.explanation:
        click.echo(f"  - {line}")


COMMANDS = [deadline]
