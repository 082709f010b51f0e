"""``sar backup`` / ``sar restore``: a consistent, verifiable snapshot of the database and the document store.

A backup directory holds::

    manifest.json        what was backed up, with the SHA-256 of every file below
    database.sqlite3     SQLite: a copy made with SQLite's online backup API (a consistent snapshot
                         even while the app writes), or
    database.pgdump      PostgreSQL: ``pg_dump --format=custom`` (one consistent transaction snapshot)
    storage/aa/bb/<sha>  every stored file, byte for byte (encrypted files stay encrypted)

Consistency: the database is snapshotted first, the store copied after. Stored files are written
once and never changed or deleted, and a file is stored before the row that names it is committed,
so every document the snapshot names is in the copied store (files stored later are harmless extras).

Restore refuses to overwrite: the target database must have no tables and the target store must be
empty. It checks every file against the manifest before touching anything, restores, then checks
that every stored document and pack the database names is present and intact, and that the audit
chain verifies.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import make_url

from sar.core import audit
from sar.core.db import engine_for, make_session_factory
from sar.core.settings import Settings
from sar.core.storage import FileStore
from sar.models import AuditHead, Document, Request, ResponsePack

MANIFEST = "manifest.json"
FORMAT = "sar-desk-backup/1"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"
STORAGE = "storage"
CHUNK = 1 << 20


class BackupError(Exception):
    """The backup or restore cannot go ahead, or its result does not check out; one line for the operator."""


@dataclass
class RestoreReport:
    """What a restore brought back and what it checked."""

    requests: int = 0
    documents: int = 0
    files: int = 0
    audit_events: int = 0
    problems: list[str] = field(default_factory=list)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env_and_args(url: str) -> tuple[dict[str, str], list[str]]:
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    args = ["--dbname", parsed.database or ""]
    if parsed.host:
        args += ["--host", parsed.host]
    if parsed.port:
        args += ["--port", str(parsed.port)]
    if parsed.username:
        args += ["--username", parsed.username]
    return env, args


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("cannot back up or restore an in-memory SQLite database")
    return Path(database)


def _run(argv: list[str], env: dict[str, str], what: str) -> None:
    if shutil.which(argv[0]) is None:
        raise BackupError(f"{argv[0]} is not installed (Debian: apt-get install postgresql-client)")
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["no message"])[0]
        raise BackupError(f"{what} failed: {first}")


def backup(settings: Settings, dest: Path, *, now: datetime) -> dict:
    """Write a backup of the database and the store into ``dest`` (new or empty directory).

    :return: the manifest written.
    :raises BackupError: ``dest`` is not empty, or the database dump failed.
    """
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise BackupError(f"{dest} is not empty: back up into a new directory")
    dest.mkdir(parents=True, exist_ok=True)
    engine = engine_for(settings)
    kind = engine.dialect.name
    try:
        with make_session_factory(engine)() as session:
            head = session.get(AuditHead, 1)
            audit_head = {"seq": head.last_seq, "mac": head.last_hash} if head else {"seq": 0, "mac": audit.GENESIS}
    finally:
        engine.dispose()
    if kind == "sqlite":
        db_file = SQLITE_FILE
        source = sqlite3.connect(str(_sqlite_path(settings.database_url)))
        target = sqlite3.connect(str(dest / db_file))
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    elif kind == "postgresql":
        db_file = PG_FILE
        env, args = _pg_env_and_args(settings.database_url)
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(dest / db_file), *args],
             env, "pg_dump")
    else:
        raise BackupError(f"no backup method for {kind} databases")
    files: dict[str, str] = {}
    root = Path(settings.storage_dir)
    if root.exists():
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.name.startswith(".tmp-"):
                continue
            rel = path.relative_to(root).as_posix()
            target_path = dest / STORAGE / rel
            target_path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target_path)
            files[rel] = _sha256_file(target_path)
    manifest = {
        "format": FORMAT,
        "created_at": now.isoformat(timespec="seconds"),
        "database": {"kind": kind, "file": db_file, "sha256": _sha256_file(dest / db_file)},
        "storage": files,
        "audit_head": audit_head,
    }
    (dest / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return manifest


def check_backup(src: Path) -> dict:
    """Read ``src``'s manifest and check every file in it.

    :return: the manifest. :raises BackupError: naming the first missing or altered file.
    """
    src = Path(src)
    try:
        manifest = json.loads((src / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"{src} has no {MANIFEST}: not a SAR Desk backup") from None
    except ValueError:
        raise BackupError(f"{src / MANIFEST} is not valid JSON") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{src} is a backup in format {manifest.get('format')!r}, expected {FORMAT}")
    entries = {manifest["database"]["file"]: manifest["database"]["sha256"]}
    entries.update({f"{STORAGE}/{rel}": sha for rel, sha in manifest["storage"].items()})
    for rel, sha in entries.items():
        path = src / rel
        if not path.is_file():
            raise BackupError(f"backup is incomplete: {rel} is missing")
        if _sha256_file(path) != sha:
            raise BackupError(f"backup is damaged: {rel} does not match its checksum in the manifest")
    return manifest


def restore(settings: Settings, src: Path) -> RestoreReport:
    """Restore the backup in ``src`` into ``settings``' (empty) database and (empty) store, then check it.

    :raises BackupError: the backup fails its checks, the target is not empty, or the kinds of database differ.
    """
    src = Path(src)
    manifest = check_backup(src)
    root = Path(settings.storage_dir)
    if root.exists() and any(p.is_file() for p in root.rglob("*")):
        raise BackupError(f"the document store {root} is not empty: restore into an empty store")
    engine = engine_for(settings)
    kind = engine.dialect.name
    try:
        if manifest["database"]["kind"] != kind:
            raise BackupError(f"the backup is of a {manifest['database']['kind']} database; "
                              f"SAR_DATABASE_URL is {kind}")
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
        if tables:
            raise BackupError(f"the database is not empty ({len(tables)} tables): restore into an empty database")
    finally:
        engine.dispose()
    db_path = src / manifest["database"]["file"]
    if kind == "sqlite":
        source = sqlite3.connect(str(db_path))
        target = sqlite3.connect(str(_sqlite_path(settings.database_url)))
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    else:
        env, args = _pg_env_and_args(settings.database_url)
        _run(["pg_restore", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
              *args, str(db_path)], env, "pg_restore")
    for rel, sha in manifest["storage"].items():
        target_path = root / rel
        target_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src / STORAGE / rel, target_path)
        os.chmod(target_path, 0o440)
        if _sha256_file(target_path) != sha:
            raise BackupError(f"restored file {rel} does not match the manifest")
    return check_restored(settings, manifest)


def check_restored(settings: Settings, manifest: dict | None = None) -> RestoreReport:
    """Check a database and store: every document and pack readable and intact, the audit chain verifying."""
    report = RestoreReport()
    store = FileStore.for_settings(settings)
    engine = engine_for(settings)
    try:
        with make_session_factory(engine)() as session:
            report.requests = session.scalar(select(func.count()).select_from(Request)) or 0
            shas = list(session.scalars(select(Document.sha256)))
            report.documents = len(shas)
            shas += list(session.scalars(select(ResponsePack.sha256).distinct()))
            for sha in shas:
                try:
                    store.get(sha)
                except (OSError, ValueError) as exc:
                    report.problems.append(f"document {sha[:12]}: {exc}")
            result = audit.verify(session)
            report.audit_events = result.checked
            if not result.ok:
                report.problems.append(f"audit chain broken at seq {result.first_bad_seq}: {result.problem}")
            if manifest is not None and result.ok:
                expected = manifest.get("audit_head", {})
                if expected.get("seq", 0) > result.checked:
                    report.problems.append(f"audit chain ends at seq {result.checked}, the backup's head was "
                                           f"seq {expected['seq']}")
    finally:
        engine.dispose()
    report.files = len(manifest["storage"]) if manifest else 0
    return report
