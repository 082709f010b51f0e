"""Release races, with real threads on a real database (SQLite, or PostgreSQL with DATABASE_URL).

Release and every change that voids an approval serialise on the request (``sar.workflow.approval_state.lock_request``:
``SELECT … FOR UPDATE`` on PostgreSQL, the write lock on SQLite) and re-check the standing approval
inside the lock. Each race is made certain, not lucky: a cursor hook pauses one thread just before
its first write of the decision, and the other thread starts only once the first is paused there;
without the lock both act on what they read before the pause.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import event, func, select

from sar.bundle import redactions
from sar.core.db import make_engine, make_session_factory
from sar.core.errors import Conflict
from sar.messaging import mailer
from sar.models import Approval, DownloadLink, OutboxEmail, Redaction, Request, ResponsePack, User
from sar.release import approvals
from tests.sar._docs import PAGE_ONE, PAGE_TWO, THIRD_PARTY, add_pdf, make_team, propose, sar_request
from tests.smtp_sink import SmtpSink

PAUSE = 1.0  # seconds the first thread waits, inside its decision, before writing


@pytest.fixture
def smtp():
    sink = SmtpSink().start()
    yield sink
    sink.stop()


def _world(fresh_db_url, settings, tmp_path, now, smtp, *, approve: bool):
    cfg = replace(settings, database_url=fresh_db_url, storage_dir=tmp_path / "race-storage", smtp_port=smtp.port,
                  smtp_host="127.0.0.1")
    engine = make_engine(fresh_db_url)
    factory = make_session_factory(engine)
    with factory() as session:
        team = make_team(session)
        req = sar_request(session, cfg, team, now)
        item = add_pdf(session, req, team, now, cfg, PAGE_ONE, PAGE_TWO)
        for red in propose(session, cfg, item, THIRD_PARTY, now=now):
            redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
        approval = approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=cfg)
        if approve:
            approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
        session.commit()
        ids = {"request": req.id, "officer": team.officer.id, "manager": team.manager.id,
               "manager2": team.manager2.id, "sha": approval.pack_sha256}
    return engine, factory, cfg, ids


@pytest.fixture
def world(fresh_db_url, settings, tmp_path, now, smtp):
    """An approved SAR committed to a fresh database, and that database's engine."""
    built = _world(fresh_db_url, settings, tmp_path, now, smtp, approve=True)
    yield built
    built[0].dispose()


@pytest.fixture
def submitted_world(fresh_db_url, settings, tmp_path, now, smtp):
    """As :func:`world`, but only submitted (awaiting the manager)."""
    built = _world(fresh_db_url, settings, tmp_path, now, smtp, approve=False)
    yield built
    built[0].dispose()


class Pauser:
    """Pause a named thread once, just before its first statement starting with a given prefix."""

    def __init__(self, engine, thread_name: str, prefix: str) -> None:
        self.thread_name, self.prefix = thread_name, prefix.upper()
        self.reached = threading.Event()
        event.listen(engine, "before_cursor_execute", self._hook)

    def _hook(self, conn, cursor, statement, params, context, executemany) -> None:
        if (threading.current_thread().name == self.thread_name and not self.reached.is_set()
                and statement.lstrip().upper().startswith(self.prefix)):
            self.reached.set()
            time.sleep(PAUSE)


def _in_thread(factory, name: str, work, outcome: dict, *, after: threading.Event | None = None):
    def run() -> None:
        if after is not None:
            after.wait(10)
        with factory() as session:
            try:
                work(session)
                session.commit()
                outcome[name] = "done"
            except Conflict as exc:
                session.rollback()
                outcome[name] = f"conflict: {exc}"
            except Exception as exc:  # recorded, so the test fails with the reason
                session.rollback()
                outcome[name] = f"error: {type(exc).__name__}: {exc}"

    return threading.Thread(target=run, name=name)


def _release(ids, cfg, now):
    def work(session):
        req = session.get(Request, ids["request"])
        approvals.release(session, req, actor=session.get(User, ids["officer"]), now=now, settings=cfg)
    return work


def _change_redaction(ids, now):
    def work(session):
        red = session.scalars(select(Redaction).order_by(Redaction.id)).first()
        redactions.decide_redaction(session, red, "rejected", reason="the requester already knows him",
                                    actor=session.get(User, ids["manager2"]), now=now)
    return work


@pytest.mark.parametrize("first", ["release", "change"])
def test_release_racing_a_redaction_change_never_releases_a_voided_approval(world, now, first):
    engine, factory, cfg, ids = world
    later = now + timedelta(hours=1)
    # The release's first write is its status change; the change's first write voids the approval.
    pauser = (Pauser(engine, "release", "INSERT INTO status_changes") if first == "release"
              else Pauser(engine, "change", "UPDATE approvals"))
    outcome: dict[str, str] = {}
    threads = {
        "release": _in_thread(factory, "release", _release(ids, cfg, later), outcome,
                              after=None if first == "release" else pauser.reached),
        "change": _in_thread(factory, "change", _change_redaction(ids, later), outcome,
                             after=None if first == "change" else pauser.reached),
    }
    for thread in threads.values():
        thread.start()
    for thread in threads.values():
        thread.join(60)
    assert pauser.reached.is_set()
    assert not any(v.startswith("error") for v in outcome.values()), outcome
    second = "change" if first == "release" else "release"
    assert outcome == {first: "done", second: outcome[second]} and outcome[second].startswith("conflict"), outcome
    with factory() as session:
        req = session.get(Request, ids["request"])
        approval = session.scalars(select(Approval).order_by(Approval.id.desc())).first()
        released = session.scalars(select(ResponsePack).where(ResponsePack.released_at.is_not(None))).all()
        if first == "release":
            assert req.status == "released" and len(released) == 1
            assert approval.status == "approved" and approval.voided_at is None
        else:
            assert req.status == "in_review" and released == []
            assert approval.status == "voided"
            assert session.scalar(select(func.count(DownloadLink.id))) == 0


def test_two_concurrent_releases_send_one_email_and_make_one_link(world, now, smtp):
    engine, factory, cfg, ids = world
    later = now + timedelta(hours=1)
    pauser = Pauser(engine, "release-1", "INSERT INTO status_changes")
    outcome: dict[str, str] = {}
    first = _in_thread(factory, "release-1", _release(ids, cfg, later), outcome)
    second = _in_thread(factory, "release-2", _release(ids, cfg, later), outcome, after=pauser.reached)
    first.start()
    second.start()
    first.join(60)
    second.join(60)
    assert pauser.reached.is_set()
    assert outcome["release-1"] == "done", outcome
    # Refused because it is released, or (SQLite, had the transaction already read a snapshot that the
    # first release overtook) because the request changed meanwhile: either way, not sent twice.
    assert outcome["release-2"].startswith("conflict"), outcome
    assert "released" in outcome["release-2"] or "try again" in outcome["release-2"], outcome
    with factory() as session:
        assert session.scalar(select(func.count(DownloadLink.id))) == 1
        assert session.scalar(select(func.count(OutboxEmail.id)).where(OutboxEmail.kind == "pack_released")) == 1
    sent = mailer.send_pending(factory, settings=cfg, now_fn=lambda: later)
    assert sent >= 1
    released_mail = [m for m in smtp.wait_for(1) if "your response is ready" in m.subject]
    time.sleep(0.2)  # nothing else arrives late
    assert len([m for m in smtp.messages if "your response is ready" in m.subject]) == len(released_mail) == 1


def test_approval_racing_a_redaction_change_never_approves_a_voided_pack(submitted_world, now):
    """The change voids the pending approval first; the manager's approval, read before, must not land."""
    engine, factory, cfg, ids = submitted_world
    later = now + timedelta(hours=1)
    pauser = Pauser(engine, "change", "UPDATE approvals")
    outcome: dict[str, str] = {}

    def approve(session):
        approvals.approve(session, session.get(Request, ids["request"]), pack_sha256=ids["sha"],
                          actor=session.get(User, ids["manager"]), now=later)

    change = _in_thread(factory, "change", _change_redaction(ids, later), outcome)
    approving = _in_thread(factory, "approve", approve, outcome, after=pauser.reached)
    change.start()
    approving.start()
    change.join(60)
    approving.join(60)
    assert pauser.reached.is_set()
    assert outcome["change"] == "done" and outcome["approve"].startswith("conflict"), outcome
    with factory() as session:
        req = session.get(Request, ids["request"])
        approval = session.scalars(select(Approval).order_by(Approval.id.desc())).first()
        assert req.status == "in_review" and approval.status == "voided" and approval.decided_by_id is None
