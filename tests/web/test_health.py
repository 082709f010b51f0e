"""``/api/health`` is a readiness check (issue 8): it queries the database and writes to the storage
directory, and answers 503 naming the failed check, promptly, instead of "ok" while requests hang."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from sar.core.settings import Settings
from tests.smtp_sink import free_port
from web import create_app


def _health(settings: Settings):
    app = create_app(settings)
    try:
        response = app.test_client().get("/api/health")
        return response.status_code, response.get_json()
    finally:
        app.extensions["sar_engine"].dispose()


@pytest.fixture
def base(fresh_db_url, tmp_path) -> Settings:
    storage = tmp_path / "storage"
    storage.mkdir()
    return replace(Settings(), database_url=fresh_db_url, storage_dir=storage, environment="test")


def test_healthy_when_the_database_answers_and_storage_is_writable(base):
    status, body = _health(base)
    assert status == 200
    assert body == {"status": "ok", "checks": {"database": "ok", "storage": "ok"}, "failed": []}
    assert os.listdir(base.storage_dir) == []  # the probe file is removed


def test_missing_storage_directory_is_503(base, tmp_path):
    status, body = _health(replace(base, storage_dir=tmp_path / "not-mounted"))
    assert status == 503 and body["failed"] == ["storage"] and body["status"] == "unavailable"
    assert "does not exist" in body["checks"]["storage"] and body["checks"]["database"] == "ok"
    assert not (tmp_path / "not-mounted").exists()


def test_storage_path_that_is_not_a_directory_is_503(base, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    status, body = _health(replace(base, storage_dir=blocker))
    assert status == 503 and body["failed"] == ["storage"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only directory")
def test_read_only_storage_directory_is_503(base):
    base.storage_dir.chmod(0o500)
    try:
        status, body = _health(base)
    finally:
        base.storage_dir.chmod(0o700)
    assert status == 503 and body["failed"] == ["storage"] and "not writable" in body["checks"]["storage"]


def test_unreachable_database_is_503_not_a_hang(base):
    closed = free_port()  # nothing listens here
    url = f"postgresql+psycopg://postgres@127.0.0.1:{closed}/nowhere"
    status, body = _health(replace(base, database_url=url, db_connect_timeout_seconds=2))
    assert status == 503 and body["failed"] == ["database"]
    assert body["checks"]["database"] == "the database did not answer the health query"
    assert str(closed) not in str(body)  # no connection details on a public endpoint


def test_unmigrated_database_is_503(base, tmp_path):
    status, body = _health(replace(base, database_url=f"sqlite:///{tmp_path / 'empty.db'}"))
    assert status == 503 and body["failed"] == ["database"]
