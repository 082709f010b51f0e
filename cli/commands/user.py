"""``sar user``: accounts, roles, password resets, two-factor and API tokens.

The command line runs with the server's own authority (``actor=None`` in the use cases); every change is
audited like the same change made by an admin in the web app.
"""

from __future__ import annotations

import click

from cli.commands._common import session_scope, settings
from sar.accounts import admin, totp, users
from sar.core.db import utcnow
from sar.models import Role


@click.group("user")
def user() -> None:
    """User accounts and API tokens."""


@user.command("add")
@click.argument("email")
@click.option("--name", required=True, help="Full name.")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="At least 12 characters for staff, 10 for requesters by default; common passwords are "
                   "refused (prompted if omitted).")
@click.option("--job-title", default=None, help="Shown in letters; e.g. 'Information Rights Officer'.")
def add(email: str, name: str, role: str, password: str, job_title: str | None) -> None:
    """Create a user with EMAIL."""
    cfg = settings()
    with session_scope(cfg) as session:
        u = users.create_user(session, email=email, name=name, password=password, role=role,
                              now=utcnow(), actor=None, job_title=job_title, settings=cfg)
        click.echo(f"created {u.role} {u.email} (id {u.id})")


@user.command("token")
@click.argument("email")
@click.option("--label", default="cli", help="A note to recognise the token by.")
@click.option("--days", type=click.IntRange(min=1), default=None,
              help="Lifetime in days (default SAR_API_TOKEN_DAYS, 90).")
def token(email: str, label: str, days: int | None) -> None:
    """Create an API bearer token for EMAIL and print it (it is shown only once)."""
    cfg = settings()
    with session_scope(cfg) as session:
        u = admin.find_by_email_or_fail(session, email)
        click.echo(users.create_token(session, u, now=utcnow(), label=label, days=days, settings=cfg))


@user.command("list")
def list_users() -> None:
    """List users, their roles and state."""
    with session_scope() as session:
        for u in admin.list_users(session, actor=None, now=utcnow()):
            state = "" if u.is_active else "  (disabled)"
            twofa = "  2fa" if u.totp_enabled_at else ""
            click.echo(f"{u.id:4d}  {u.role:9s}  {u.email:40s}  {u.name}{twofa}{state}")


@user.command("disable")
@click.argument("email")
def disable(email: str) -> None:
    """Disable EMAIL's account: its sessions and API tokens stop working at once (a leaver)."""
    with session_scope() as session:
        u = admin.find_by_email_or_fail(session, email)
        admin.set_active(session, u, False, actor=None, now=utcnow())
        click.echo(f"disabled {u.email}; sessions ended and API tokens revoked")


@user.command("enable")
@click.argument("email")
def enable(email: str) -> None:
    """Enable EMAIL's account again (revoked tokens stay revoked)."""
    with session_scope() as session:
        u = admin.find_by_email_or_fail(session, email)
        admin.set_active(session, u, True, actor=None, now=utcnow())
        click.echo(f"enabled {u.email}")


@user.command("role")
@click.argument("email")
@click.argument("role", type=click.Choice([r.value for r in Role]))
def role(email: str, role: str) -> None:
    """Change EMAIL's role to ROLE (their sessions end)."""
    with session_scope() as session:
        u = admin.find_by_email_or_fail(session, email)
        old = u.role
        admin.set_role(session, u, role, actor=None, now=utcnow())
        click.echo(f"{u.email}: {old} -> {u.role}")


@user.command("tokens")
@click.argument("email")
def tokens(email: str) -> None:
    """List EMAIL's API tokens (ids and labels; the tokens themselves are never stored)."""
    with session_scope() as session:
        u = admin.find_by_email_or_fail(session, email)
        now = utcnow()
        rows = admin.list_tokens(session, u, actor=None, now=now)
        if not rows:
            click.echo(f"{u.email} has no API tokens")
        for t in rows:
            state = ("revoked" if t.revoked_at else "expired" if t.expires_at and t.expires_at <= now
                     else "active")
            expires = t.expires_at.date().isoformat() if t.expires_at else "never"
            used = t.last_used_at.isoformat(timespec="minutes") if t.last_used_at else "never"
            click.echo(f"{t.id:5d}  {state:8s}  expires {expires}  last used {used}  {t.label}")


@user.command("revoke")
@click.argument("token_id", type=int)
def revoke(token_id: int) -> None:
    """Revoke the API token with id TOKEN_ID (see `sar user tokens EMAIL`)."""
    with session_scope() as session:
        row = admin.revoke_token(session, token_id, actor=None, now=utcnow())
        click.echo(f"revoked token {row.id} ({row.label})")


@user.command("reset-password")
@click.argument("email")
def reset_password(email: str) -> None:
    """E-mail EMAIL a single-use, expiring password-reset link (sent by the worker's outbox)."""
    cfg = settings()
    with session_scope(cfg) as session:
        u = admin.find_by_email_or_fail(session, email)
        admin.request_password_reset(session, u.email, actor=None, settings=cfg, now=utcnow())
        click.echo(f"a reset link for {u.email} is queued; it works for {cfg.reset_link_minutes} minutes")


@user.command("2fa-off")
@click.argument("email")
def two_factor_off(email: str) -> None:
    """Turn two-factor off for EMAIL (lost phone and recovery codes); they must enrol again."""
    with session_scope() as session:
        u = admin.find_by_email_or_fail(session, email)
        totp.disable(session, u, actor=None, now=utcnow())
        click.echo(f"two-factor sign-in is off for {u.email}")


COMMANDS = [user]
