"""Run Alembic programmatically (``sar db upgrade``, tests). Startup never migrates by itself."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

from sar.core.settings import REPO_ROOT


def alembic_config(url: str | None = None, connection: Connection | None = None) -> Config:
    """Return an Alembic config for this checkout's ``migrations/``.

    :param url: database URL to migrate; defaults to the settings' URL.
    :param connection: an open connection to run on instead (tests).
    """
    cfg = Config(str(REPO_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(REPO_ROOT / "migrations"))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Migrate the database at ``url`` up to ``revision``."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str | None, revision: str) -> None:
    """Migrate the database at ``url`` down to ``revision``."""
    command.downgrade(alembic_config(url), revision)


def check(url: str | None = None) -> None:
    """Raise if the models and the migrations have drifted apart (``alembic check``)."""
    command.check(alembic_config(url))
