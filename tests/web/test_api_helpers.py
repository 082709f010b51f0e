"""Shared set-up for the JSON API tests: an app on a fresh, committed database and one token per role.

Not a test module itself (it holds no tests); the ``test_api`` prefix keeps it beside the tests it serves.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from sar.accounts.users import create_token
from sar.core import migrate
from sar.core.settings import Settings
from tests.conftest import _create_database
from tests.factories import make_user
from web import create_app
from web.db import session_factory

#: The accounts every API test gets: key → (role, name).
ACCOUNTS = {
    "officer": ("officer", "Olive Officer"),
    "officer2": ("officer", "Oscar Officer"),
    "manager": ("manager", "Maya Manager"),
    "manager2": ("manager", "Milo Manager"),
    "alice": ("requester", "Alice Requester"),
    "bob": ("requester", "Bob Requester"),
}


@dataclass
class Api:
    """A test client that sends the right bearer token for a named account."""

    app: Flask
    client: FlaskClient
    tokens: dict[str, str] = field(default_factory=dict)

    def call(self, method: str, path: str, who: str | None = "officer", **kwargs: Any):
        headers = dict(kwargs.pop("headers", {}) or {})
        if who is not None:
            headers["Authorization"] = f"Bearer {self.tokens[who]}"
        return self.client.open(path, method=method, headers=headers, **kwargs)

    def get(self, path: str, who: str | None = "officer", **kwargs: Any):
        return self.call("GET", path, who, **kwargs)

    def post(self, path: str, who: str | None = "officer", **kwargs: Any):
        return self.call("POST", path, who, **kwargs)

    def patch(self, path: str, who: str | None = "officer", **kwargs: Any):
        return self.call("PATCH", path, who, **kwargs)

    def upload(self, reference: str, filename: str, data: bytes, who: str = "officer"):
        return self.post(f"/api/requests/{reference}/documents", who,
                         data={"file": (io.BytesIO(data), filename)}, content_type="multipart/form-data")

    def new_request(self, who: str = "officer", **body: Any) -> dict[str, Any]:
        payload = {"description": "Please send me a copy of my social care records.",
                   "requester": {"name": "Jamie Example", "email": "jamie@example.org"}}
        payload.update(body)
        response = self.post("/api/requests", who, json=payload)
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    def wait_for_job(self, url: str, timeout: float = 300) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            response = self.get(url)
            assert response.status_code == 200, response.get_json()
            job = response.get_json()
            if job["status"] in ("done", "failed") or time.monotonic() > deadline:
                return job
            time.sleep(0.2)

    def join_threads(self, timeout: float = 300) -> None:
        for thread in self.app.extensions.get("sar_api_threads", []):
            thread.join(timeout)


def make_api(database_url: str, settings: Settings, tmp_path: Path) -> Api:
    """An app on ``database_url`` (already migrated) with the :data:`ACCOUNTS` and a token for each."""
    app = create_app(replace(settings, database_url=database_url, storage_dir=tmp_path / "storage"))
    app.config["TESTING"] = True
    api = Api(app=app, client=app.test_client())
    now = datetime.now(UTC)
    with app.app_context():
        with session_factory()() as session:
            for key, (role, name) in ACCOUNTS.items():
                user = make_user(session, role, email=f"{key}@example.org", name=name, now=now)
                api.tokens[key] = create_token(session, user, now=now, label="test")
            session.commit()
    return api


@contextmanager
def api_on_new_database(tmp_dir: Path) -> Iterator[Api]:
    """An :class:`Api` on a database of its own, for a module of tests that only read or reject input."""
    url, drop = _create_database(tmp_dir)
    migrate.upgrade(url)
    api = make_api(url, replace(Settings(), secret_key="test-secret", smtp_port=0, environment="test"), tmp_dir)
    try:
        yield api
    finally:
        api.join_threads()
        api.app.extensions["sar_engine"].dispose()
        drop()


def unzip(data: bytes) -> dict[str, bytes]:
    """The members of a zip, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
