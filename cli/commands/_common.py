"""Shared plumbing for commands: settings, a session per command, domain errors → one-line errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from sar.core.db import engine_for, make_session_factory
from sar.core.errors import SarError
from sar.core.settings import ConfigError, Settings


def settings() -> Settings:
    """Settings from the environment, with a one-line error if they are malformed."""
    try:
        return Settings.from_env()
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


@contextmanager
def session_scope(cfg: Settings | None = None) -> Iterator[Session]:
    """One transaction for the command: committed on success, rolled back on error."""
    cfg = cfg or settings()
    engine = engine_for(cfg)
    factory = make_session_factory(engine)
    try:
        with factory.begin() as session:
            yield session
    except (SarError, ConfigError) as exc:  # ConfigError: e.g. no SAR_AUDIT_KEY to sign the audit log with
        raise click.ClickException(str(exc)) from None
    except (OperationalError, ProgrammingError) as exc:
        first = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise click.ClickException(f"database error: {first} (did you run `sar db upgrade`?)") from None
    finally:
        engine.dispose()
