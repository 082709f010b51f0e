"""Readiness checks behind ``/api/health``: can we query the database and write to the storage?

A load balancer or monitor polls the endpoint; a process that answers HTTP while its database has
stopped answering, or while the document store is unmounted or read-only, is not healthy. Each check
returns a short public detail (the endpoint needs no sign-in, so it names no host, path or error
text; those go to the log).
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Check:
    """One check's outcome: ``name`` (``database`` or ``storage``), ``ok`` and a public ``detail``."""

    name: str
    ok: bool
    detail: str = "ok"


def check_database(session: Session) -> Check:
    """Run a real query against the schema (the migration version), bounded by the statement timeout.

    Rolls the session back afterwards either way.
    """
    try:
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if version is None:
            return Check("database", False, "the database has not been migrated (run `sar db upgrade`)")
        return Check("database", True)
    except SQLAlchemyError as exc:
        log.warning("health: database check failed: %s", str(exc).splitlines()[0])
        return Check("database", False, "the database did not answer the health query")
    finally:
        try:
            session.rollback()
        except SQLAlchemyError:  # the connection is already gone; nothing to undo
            pass


def check_storage(root: Path) -> Check:
    """The storage directory exists, is a directory, and a file can be written to it and removed.

    The directory is never created here: a missing directory is an unmounted volume or a wrong
    ``SAR_STORAGE_DIR``, which is what this check is for.
    """
    root = Path(root)
    if not root.exists():
        return Check("storage", False, "the storage directory does not exist")
    if not root.is_dir():
        return Check("storage", False, "the storage path is not a directory")
    try:
        fd, probe = tempfile.mkstemp(prefix=".health-", dir=root)
        try:
            os.write(fd, b"ok")
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        log.warning("health: storage check failed on %s: %s", root, exc)
        return Check("storage", False, "the storage directory is not writable")
    return Check("storage", True)
