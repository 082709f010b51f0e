"""The ``sar`` command line: one click group, one module per command under ``cli.commands``.

Contract: bad arguments exit with status 2 and a single ``sar: error: ...`` line on stderr;
any other failure the command reports with :class:`click.ClickException` exits 1 with one line.
"""

from __future__ import annotations

import sys

import click

from cli.commands import audit, db, deadline, demo, ops, redact, report, retention, serve, triage, user


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """SAR Desk: information-rights requests from arrival to release."""


for _module in (db, user, demo, serve, audit, deadline, triage, redact, report, retention, ops):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning click's multi-line usage errors into one line and status 2."""
    try:
        rv = cli.main(args=argv, prog_name="sar", standalone_mode=False)
    except click.UsageError as exc:  # includes BadParameter, NoSuchOption, MissingParameter
        msg = exc.format_message().replace("\n", " ")
        where = f" ({exc.ctx.command_path})" if exc.ctx is not None else ""
        click.echo(f"sar: error{where}: {msg}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("sar: aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        click.echo(f"sar: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    sys.exit(rv if isinstance(rv, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
