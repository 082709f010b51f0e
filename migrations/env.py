"""Alembic environment: metadata from sar.models, URL from sar.core.settings (or the caller's connection)."""

from alembic import context
from sqlalchemy import pool

import sar.models  # noqa: F401  (registers every table)
from sar.core.db import make_engine
from sar.core.settings import Settings
from sar.models.base import Base

config = context.config
target_metadata = Base.metadata

# APScheduler owns its job-store table; it is not part of our schema.
IGNORED_TABLES = {"apscheduler_jobs"}


def include_object(obj, name, type_, reflected, compare_to):
    return not (type_ == "table" and name in IGNORED_TABLES)


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url") or Settings.from_env().database_url
    # No statement timeout: a migration rewriting a large table may rightly take minutes.
    engine = make_engine(url, statement_timeout=0, poolclass=pool.NullPool)
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # Batch mode rebuilds a SQLite table (copy, DROP, rename). With foreign keys enforced,
            # dropping a table that other tables' rows refer to (users, requests) fails, so an
            # existing database could not be migrated. SQLite's documented recipe: switch enforcement
            # off for the run (the pragma is ignored inside a transaction, hence the commit), then
            # check every reference before switching it back on.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
        if sqlite:
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            conn.commit()
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()
            if broken:
                raise RuntimeError(f"the migration left {len(broken)} broken foreign key reference(s), first: "
                                   f"{tuple(broken[0])}")
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `sar db upgrade`")
run_migrations_online()
