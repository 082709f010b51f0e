"""Four eyes cannot be bypassed: every (role, from, to) status change, through the staff form and the API.

Approved and released (and the moves into and out of approval) are reached only through submit,
approve, return and release (rulebook §3 second-person QA, §5.1 item 6); the generic status form
and ``POST /api/requests/<ref>/status`` offer and accept only :data:`sar.workflow.status.MANUAL_TRANSITIONS`,
and only for officers and managers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from sar.accounts.users import create_token
from sar.core import migrate
from sar.core.settings import Settings
from sar.models import Request
from sar.workflow.status import MANUAL_TRANSITIONS, WORKFLOW_ONLY_MOVES, RequestStatus
from tests.conftest import _create_database
from tests.factories import make_request
from tests.web.test_ui_support import Web, post
from web import create_app

ROLES = ("requester", "officer", "manager", "admin")
STATUSES = list(RequestStatus)
CASES = [(role, src, dst) for role in ROLES for src in STATUSES for dst in STATUSES]
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _allowed(role: str, src: RequestStatus, dst: RequestStatus) -> bool:
    return role in ("officer", "manager") and dst in MANUAL_TRANSITIONS[src]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One app and database for the whole matrix: a signed-in client and an API token per role."""
    tmp = tmp_path_factory.mktemp("status-matrix")
    url, drop = _create_database(tmp)
    migrate.upgrade(url)
    settings = replace(Settings(), environment="test", database_url=url, storage_dir=tmp / "storage",
                       secret_key="test-secret", smtp_port=0)
    app = create_app(settings)
    app.config.update(TESTING=True)
    web = Web(app, settings)
    users = {role: web.user(role) for role in ROLES}
    clients = {role: web.login(users[role]) for role in ROLES}
    tokens = {}
    with web.factory() as session:
        for role in ROLES:
            # Made at the fixed NOW, so they must outlive the run (tokens expire: issue 15).
            tokens[role] = create_token(session, session.merge(users[role]), now=NOW, label="matrix", days=3650)
        session.commit()
    yield web, users, clients, tokens
    app.extensions["sar_engine"].dispose()
    drop()


def _request_in(web: Web, users, status: RequestStatus) -> str:
    """The requester's own request put straight into ``status`` (test set-up, not the workflow under test)."""
    with web.factory() as session:
        req = make_request(session, web.settings, actor=session.merge(users["officer"]),
                           owner=session.merge(users["requester"]), regime="foi",
                           description="How many foster carers did the council have in 2025?", now=NOW)
        req.status = status.value
        if status == RequestStatus.released:
            req.released_at = NOW
        session.commit()
        return req.reference


def _status(web: Web, reference: str) -> str:
    with web.factory() as session:
        return session.query(Request).filter_by(reference=reference).one().status


def _pop_flashes(client) -> list[tuple[str, str]]:
    with client.session_transaction() as sess:
        return sess.pop("_flashes", [])


@pytest.mark.parametrize(("role", "src", "dst"), CASES, ids=[f"{r}-{s}-{d}" for r, s, d in CASES])
def test_status_form(world, role, src, dst):
    web, users, clients, _ = world
    ref = _request_in(web, users, src)
    client = clients[role]
    _pop_flashes(client)
    response = post(client, f"/staff/requests/{ref}/status", {"to": dst.value, "reason": "matrix check"})
    flashed = _pop_flashes(client)
    if _allowed(role, src, dst):
        assert response.status_code == 302
        assert ("success", f"Status changed to {dst.title}.") in flashed
        assert _status(web, ref) == dst.value
        return
    assert _status(web, ref) == src.value
    if role in ("requester", "admin"):
        assert response.status_code == 403
    else:
        assert response.status_code == 302
        assert [cat for cat, _ in flashed] == ["error"], flashed
        if (src, dst) in WORKFLOW_ONLY_MOVES or dst in (RequestStatus.approved, RequestStatus.released):
            assert "cannot be set by hand" in flashed[0][1]


@pytest.mark.parametrize(("role", "src", "dst"), CASES, ids=[f"{r}-{s}-{d}" for r, s, d in CASES])
def test_status_api(world, role, src, dst):
    web, users, _, tokens = world
    ref = _request_in(web, users, src)
    response = web.app.test_client().post(f"/api/requests/{ref}/status", json={"to": dst.value,
                                                                                "reason": "matrix check"},
                                          headers={"Authorization": f"Bearer {tokens[role]}"})
    body = response.get_json()
    if _allowed(role, src, dst):
        assert response.status_code == 200, body
        assert body["status"] == dst.value == _status(web, ref)
        return
    assert _status(web, ref) == src.value
    # The requester owns the request; admins never read case content, nor learn it exists (issue 14).
    expected = {"requester": 403, "admin": 404}.get(role, 409)
    assert response.status_code == expected, body
    if expected == 409 and (src, dst) in WORKFLOW_ONLY_MOVES:
        assert "never by hand" in body["error"]


@pytest.mark.parametrize("src", STATUSES, ids=[s.value for s in STATUSES])
@pytest.mark.parametrize("role", ["officer", "manager", "admin"])
def test_the_form_offers_only_moves_that_can_be_made_by_hand(world, role, src):
    web, users, clients, _ = world
    ref = _request_in(web, users, src)
    html = clients[role].get(f"/staff/requests/{ref}").get_data(as_text=True)
    match = re.search(r'<select[^>]*name="to"[^>]*>(.*?)</select>', html, re.S)
    offered = set(re.findall(r'<option[^>]*value="([^"]+)"', match.group(1))) if match else set()
    expected = {s.value for s in MANUAL_TRANSITIONS[src]} if role != "admin" else set()
    assert offered == expected
    assert not offered & {"awaiting_approval", "approved", "released"}


def test_unknown_status_and_missing_reason_are_bad_input(world):
    web, users, _, tokens = world
    ref = _request_in(web, users, RequestStatus.in_progress)
    client = web.app.test_client()
    headers = {"Authorization": f"Bearer {tokens['officer']}"}
    assert client.post(f"/api/requests/{ref}/status", json={"to": "shipped", "reason": "x"},
                       headers=headers).status_code == 400
    assert client.post(f"/api/requests/{ref}/status", json={"to": "on_hold"}, headers=headers).status_code == 400
    assert _status(web, ref) == "in_progress"
