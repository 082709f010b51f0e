"""``sar user``: create accounts and API tokens."""

from __future__ import annotations

import click
from sqlalchemy import select

from cli.commands._common import session_scope
from sar.accounts import users
from sar.core.db import utcnow
from sar.models import Role, User


@click.group("user")
def user() -> None:
    """User accounts and API tokens."""


@user.command("add")
@click.argument("email")
@click.option("--name", required=True, help="Full name.")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="At least 10 characters (prompted if omitted).")
@click.option("--job-title", default=None, help="Shown in letters; e.g. 'Information Rights Officer'.")
def add(email: str, name: str, role: str, password: str, job_title: str | None) -> None:
    """Create a user with EMAIL."""
    with session_scope() as session:
        u = users.create_user(session, email=email, name=name, password=password, role=role,
                              now=utcnow(), actor=None, job_title=job_title)
        click.echo(f"created {u.role} {u.email} (id {u.id})")


@user.command("token")
@click.argument("email")
@click.option("--label", default="cli", help="A note to recognise the token by.")
def token(email: str, label: str) -> None:
    """Create an API bearer token for EMAIL and print it (it is shown only once)."""
    with session_scope() as session:
        u = users.find_user(session, email)
        if u is None:
            raise click.ClickException(f"no user with e-mail {email}")
        click.echo(users.create_token(session, u, now=utcnow(), label=label))


@user.command("list")
def list_users() -> None:
    """List users and their roles."""
    with session_scope() as session:
        for u in session.scalars(select(User).order_by(User.id)):
            click.echo(f"{u.id:4d}  {u.role:9s}  {u.email:40s}  {u.name}{'' if u.is_active else '  (inactive)'}")


COMMANDS = [user]
