"""Shared set-up for the web UI tests (no tests here): an app on a fresh, committed database,
users per role, signed-in test clients and CSRF-aware posting.

Test modules import the ``web`` fixture from here.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from sar.core.settings import Settings
from tests.factories import PASSWORD, make_user
from web import create_app

CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')
SHARED_SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "redaction-sample"


def csrf_token(client: FlaskClient, path: str = "/login") -> str:
    """The CSRF token of ``client``'s session, read from a page's meta tag."""
    response = client.get(path)
    match = CSRF_META.search(response.get_data(as_text=True))
    assert match, f"no CSRF meta tag on {path} ({response.status_code})"
    return match.group(1)


def post(client: FlaskClient, path: str, data: dict | None = None, **kwargs):
    """POST a form with the session's CSRF token, as a browser would."""
    data = dict(data or {})
    data.setdefault("csrf_token", csrf_token(client))
    return client.post(path, data=data, **kwargs)


def flashes(response) -> list[str]:
    """The flash and error messages on a rendered page."""
    html = response.get_data(as_text=True)
    return [m.strip() for m in re.findall(r'class="notice notice--\w+"[^>]*>([^<]*)<', html)]


def sample_pdf(name: str = "case00_referral_1.pdf") -> bytes:
    path = SHARED_SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample PDF not found at {path}")
    return path.read_bytes()


@dataclass
class Web:
    """The app under test, its settings and helpers to make users and signed-in clients."""

    app: Flask
    settings: Settings

    @property
    def factory(self):
        return self.app.extensions["sar_session_factory"]

    def user(self, role: str = "officer", **kwargs):
        with self.factory() as session:
            user = make_user(session, role, **kwargs)
            session.commit()
            return user

    def client(self) -> FlaskClient:
        return self.app.test_client()

    def login(self, user, password: str = PASSWORD) -> FlaskClient:
        client = self.client()
        response = post(client, "/login", {"email": user.email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)[:2000]
        return client

    def new_request(self, client: FlaskClient, **fields) -> str:
        """Log a request through the staff form; return its reference."""
        data = {
            "channel": "email",
            "received_at": "2026-03-02T09:30",
            "requester_name": "Jamie Example",
            "requester_email": "jamie@example.org",
            "requester_type": "data_subject",
            "description": "Please send me a copy of my social care records.",
            "regime": "sar",
            "assign_to_me": "y",
        }
        data.update(fields)
        response = post(client, "/staff/requests/new", data)
        assert response.status_code == 302, response.get_data(as_text=True)[:3000]
        return response.location.rstrip("/").rsplit("/", 1)[-1]

    def submit(self, client: FlaskClient, reference: str, note: str = ""):
        """Submit for approval through the staff form and return ``(response, case page, job)``.

        The pack is built by a background job (run inline in these tests, so it has finished when the
        redirect comes back); ``job`` is the ``/staff/jobs/<id>`` JSON of the job the case page shows
        under "Approval and release" (None when none is shown, e.g. the submission was refused).
        """
        response = post(client, f"/staff/requests/{reference}/submit", {"note": note})
        page = client.get(f"/staff/requests/{reference}")
        approval = page.get_data(as_text=True).split('id="approval"', 1)[1].split("</section>", 1)[0]
        found = re.search(r'id="job-progress" data-job-url="([^"]+)"', approval)
        job = client.get(found.group(1)).get_json() if found else None
        return response, page, job

    def upload(
        self, client: FlaskClient, reference: str, data: bytes, filename: str, purpose: str = "case_record"
    ):
        return post(
            client,
            f"/staff/requests/{reference}/documents",
            {"purpose": purpose, "file": (io.BytesIO(data), filename)},
            content_type="multipart/form-data",
        )


@pytest.fixture
def web(tmp_path, fresh_db_url) -> Iterator[Web]:
    """A fresh app on a fresh, migrated database whose commits are real (CSRF stays on)."""
    settings = replace(
        Settings(),
        environment="test",  # the published dev audit key (Settings.check_audit_key)
        database_url=fresh_db_url,
        storage_dir=tmp_path / "storage",
        secret_key="test-secret",
        smtp_port=0,
    )
    app = create_app(settings)
    app.config.update(TESTING=True, SAR_RUN_JOBS_INLINE=True)
    assert app.config["WTF_CSRF_ENABLED"] is not False
    yield Web(app, settings)
    app.extensions["sar_engine"].dispose()
