"""Migrations run both ways on the test database engine, and the models match them (alembic check)."""

from __future__ import annotations

from sqlalchemy import inspect

from sar.core import migrate
from sar.core.db import make_engine
from sar.models.base import Base


def test_upgrade_downgrade_upgrade_and_no_drift(fresh_db_url):
    migrate.check(fresh_db_url)  # raises if models and migrations disagree
    migrate.downgrade(fresh_db_url, "base")
    engine = make_engine(fresh_db_url)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()
    migrate.upgrade(fresh_db_url)
    engine = make_engine(fresh_db_url)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()
