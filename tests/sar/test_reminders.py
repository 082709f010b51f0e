"""The reminder, escalation, acknowledgement and digest sweeps: each queues once, derived state is right."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from sar.core.db import make_engine, make_session_factory
from sar.core.settings import Settings
from sar.intake import clock
from sar.intake import requests as req_uc
from sar.messaging import reminders
from sar.models import OutboxEmail, Reminder
from sar.workflow import transitions
from tests.factories import make_request, make_user

# A SAR received Sun 8 Mar 2026 is due Wed 8 Apr 2026, just after Easter (Good Friday 3 Apr and Easter
# Monday 6 Apr are bank holidays).
RECEIVED = datetime(2026, 3, 8, 11, 0, tzinfo=UTC)
DUE = date(2026, 4, 8)


def at(day: date, hour: int = 8) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def outbox(session, kind: str | None = None) -> list[OutboxEmail]:
    stmt = select(OutboxEmail).order_by(OutboxEmail.id)
    if kind:
        stmt = stmt.where(OutboxEmail.kind == kind)
    return list(session.scalars(stmt))


@pytest.fixture
def sar_request(session, settings):
    return make_request(session, settings, regime="sar", received_at=RECEIVED, now=RECEIVED)


# --- acknowledgement ---------------------------------------------------------------------------------------


def test_acknowledgement_goes_once_to_the_requester_with_due_date_and_no_internal_text(session, settings,
                                                                                     sar_request):
    assert sar_request.due_on == DUE
    now = RECEIVED + timedelta(minutes=1)
    assert reminders.acknowledge_new_requests(session, now=now, settings=settings) == 1
    (email,) = outbox(session, "acknowledgement")
    assert email.to_addr == "jamie@example.org"
    assert sar_request.reference in email.subject
    assert email.request_id == sar_request.id
    assert "Dear Jamie Example" in email.body_text
    assert "subject access request" in email.body_text
    assert "Wednesday 8 April 2026" in email.body_text
    # Issue 13: the clock's explanation (rule codes, outer limits) is for staff only.
    for line in sar_request.due_detail["explanation"]:
        assert line not in email.body_text
    assert "rulebook" not in email.body_text and "G-" not in email.body_text
    assert "difficult memories" in email.body_text
    assert reminders.acknowledge_new_requests(session, now=now + timedelta(minutes=1), settings=settings) == 0
    reminder = session.scalars(select(Reminder).where(Reminder.kind == "acknowledgement")).one()
    assert reminder.outbox_id == email.id and reminder.request_id == sar_request.id


def test_foi_acknowledgement_says_nothing_about_personal_records(session, settings, now):
    req = make_request(session, settings, now=now, regime="foi",
                       description="How much did the council spend on agency social workers in 2025?")
    assert reminders.acknowledge_new_requests(session, now=now, settings=settings) == 1
    (email,) = outbox(session, "acknowledgement")
    assert email.request_id == req.id
    assert "in care" not in email.body_text and "difficult memories" not in email.body_text
    assert "F-1" not in email.body_text and "working day" not in email.body_text


def test_mixed_request_is_acknowledged_once_listing_every_part(session, settings, now):
    first = make_request(session, settings, now=now, description=(
        "Please send me a copy of my own social care file from when I was in care. Also, under FOI, how much "
        "did the council spend on agency social workers in 2025?"))
    assert len(first.parts) == 1
    second = first.parts[0]
    assert reminders.acknowledge_new_requests(session, now=now, settings=settings) == 1
    (email,) = outbox(session, "acknowledgement")
    assert email.request_id == first.id
    assert "split it into 2 parts" in email.body_text
    assert f"{first.reference}: a subject access request" in email.body_text
    assert f"{second.reference}: a Freedom of Information request" in email.body_text
    assert reminders.acknowledge_new_requests(session, now=now, settings=settings) == 0


def test_no_acknowledgement_without_an_address_or_for_old_requests(session, settings, now):
    make_request(session, settings, regime="foi", requester_email=None, now=now)
    make_request(session, settings, regime="foi", now=now)
    later = now + reminders.ACK_WINDOW + timedelta(hours=1)
    assert reminders.acknowledge_new_requests(session, now=later, settings=settings) == 0
    assert reminders.acknowledge_new_requests(session, now=now, settings=settings) == 1


# --- due soon ---------------------------------------------------------------------------------------------


def test_due_soon_counts_bank_holidays_as_non_working_days(session, settings, sar_request):
    officer = make_user(session, "officer")
    manager = make_user(session, "manager")
    req_uc.assign(session, sar_request, officer, actor=manager, now=RECEIVED)
    # Fri 27 Mar: Mon 30, Tue 31, Wed 1, Thu 2, Tue 7, Wed 8 = 6 working days away: not yet.
    assert reminders.remind_due_soon(session, now=at(date(2026, 3, 27)), settings=settings) == 0
    # Mon 30 Mar: 5 working days away only because Good Friday and Easter Monday do not count.
    assert reminders.remind_due_soon(session, now=at(date(2026, 3, 30)), settings=settings) == 1
    (email,) = outbox(session, "due_soon")
    assert email.to_addr == officer.email
    assert email.subject == f"Due in 5 working days: {sar_request.reference}"
    assert "Wednesday 8 April 2026" in email.body_text and "5 working days from now" in email.body_text
    assert "two-month extension" in email.body_text  # G-4 hint for a SAR not yet extended
    # Once per due date: later runs, even on other days, queue nothing.
    for day in (date(2026, 3, 30), date(2026, 3, 31), date(2026, 4, 8)):
        assert reminders.remind_due_soon(session, now=at(day, 15), settings=settings) == 0
    reminder = session.scalars(select(Reminder).where(Reminder.kind == "due_soon")).one()
    assert reminder.key == f"{DUE.isoformat()}/{officer.id}" and reminder.recipient_id == officer.id


def test_unassigned_request_reminds_every_active_officer(session, settings, sar_request):
    others = [make_user(session, "officer") for _ in range(2)]
    others[1].is_active = False
    make_user(session, "manager")
    assert reminders.remind_due_soon(session, now=at(date(2026, 4, 1)), settings=settings) >= 2
    to = {e.to_addr for e in outbox(session, "due_soon")}
    assert others[0].email in to and others[1].email not in to
    assert all("Nobody is assigned" in e.body_text for e in outbox(session, "due_soon"))


def test_new_due_date_gives_a_new_due_soon_reminder(session, settings, sar_request):
    officer = make_user(session, "officer")
    req_uc.assign(session, sar_request, officer, actor=make_user(session, "manager"), now=RECEIVED)
    assert reminders.remind_due_soon(session, now=at(date(2026, 4, 1)), settings=settings) == 1
    clock.record_clock_event(session, sar_request, "extended", date(2026, 4, 1), actor=officer,
                             reason="complex: 12 years of records", now=at(date(2026, 4, 1), 9),
                             settings=settings)
    assert sar_request.due_on == date(2026, 6, 8)
    assert reminders.remind_due_soon(session, now=at(date(2026, 4, 2)), settings=settings) == 0
    assert reminders.remind_due_soon(session, now=at(date(2026, 6, 2)), settings=settings) == 1
    assert reminders.remind_due_soon(session, now=at(date(2026, 6, 3)), settings=settings) == 0
    keys = sorted(session.scalars(select(Reminder.key).where(Reminder.kind == "due_soon")))
    assert keys == [f"2026-04-08/{officer.id}", f"2026-06-08/{officer.id}"]


# --- extension / refusal notices ------------------------------------------------------------------------


def test_sar_extension_decision_then_extension_notice(session, settings, sar_request):
    officer = make_user(session, "officer")
    req_uc.assign(session, sar_request, officer, actor=make_user(session, "manager"), now=RECEIVED)
    # Ten working days before the end of the first month (8 Apr): Tue 24 Mar is 9 working days away.
    assert reminders.remind_extension_notice(session, now=at(date(2026, 3, 20)), settings=settings) == 0
    assert reminders.remind_extension_notice(session, now=at(date(2026, 3, 24)), settings=settings) == 1
    assert reminders.remind_extension_notice(session, now=at(date(2026, 3, 25)), settings=settings) == 0
    (decision,) = outbox(session, "extension_notice")
    assert "before the first month ends" in decision.body_text
    assert "Wednesday 8 April 2026" in decision.body_text
    clock.record_clock_event(session, sar_request, "extended", date(2026, 3, 25), actor=officer,
                             reason="complex", now=at(date(2026, 3, 25), 9), settings=settings)
    # The recorded extension's notice is due by the end of the first month, warned 5 working days ahead.
    assert reminders.remind_extension_notice(session, now=at(date(2026, 3, 26)), settings=settings) == 0
    assert reminders.remind_extension_notice(session, now=at(date(2026, 4, 1)), settings=settings) == 1
    assert reminders.remind_extension_notice(session, now=at(date(2026, 4, 8)), settings=settings) == 0
    notice = outbox(session, "extension_notice")[-1]
    assert "recorded a two-month extension" in notice.body_text and "Monday 8 June 2026" in notice.body_text
    keys = sorted(session.scalars(select(Reminder.key).where(Reminder.kind == "extension_notice")))
    assert keys == [f"extension_decision:2026-04-08/{officer.id}",
                    f"extension_notice:2026-04-08/{officer.id}"]


def test_foi_public_interest_extension_reminds_of_the_s17_notice_at_day_20(session, settings):
    received = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    req = make_request(session, settings, regime="foi", received_at=received, now=received,
                       description="How many children were placed out of area in 2025?")
    officer = make_user(session, "officer")
    req_uc.assign(session, req, officer, actor=make_user(session, "manager"), now=received)
    clock.record_clock_event(session, req, "extended", date(2026, 3, 20), actor=officer, reason="s.36 PIT",
                             now=at(date(2026, 3, 20)), settings=settings)
    notice_on = date.fromisoformat(req.due_detail["secondary"]["refusal_notice_due"])
    assert notice_on == date(2026, 3, 31)  # working day 20
    assert reminders.notice_deadline(req) == ("refusal_notice", notice_on, 0)
    assert reminders.remind_extension_notice(session, now=at(date(2026, 3, 23)), settings=settings) == 0
    assert reminders.remind_extension_notice(session, now=at(date(2026, 3, 24)), settings=settings) == 1
    (email,) = outbox(session, "extension_notice")
    assert "section 17 refusal notice" in email.body_text and "Tuesday 31 March 2026" in email.body_text


def test_no_notice_reminder_for_third_party_requests_or_stopped_clocks(session, settings, now):
    req = make_request(session, settings, regime="third-party", now=now)
    assert reminders.notice_deadline(req) is None
    req.regime, req.due_on = "sar", None
    assert reminders.notice_deadline(req) is None


# --- overdue escalation ------------------------------------------------------------------------------------


def test_overdue_escalates_once_per_due_date_to_each_manager(session, settings, sar_request):
    managers = [make_user(session, "manager") for _ in range(2)]
    officer = make_user(session, "officer")
    req_uc.assign(session, sar_request, officer, actor=managers[0], now=RECEIVED)
    assert reminders.escalate_overdue(session, now=at(DUE, 22), settings=settings) == 0  # due today: not yet
    assert reminders.escalate_overdue(session, now=at(date(2026, 4, 9)), settings=settings) == 2
    assert reminders.escalate_overdue(session, now=at(date(2026, 4, 10)), settings=settings) == 0
    emails = outbox(session, "overdue_escalation")
    assert sorted(e.to_addr for e in emails) == sorted(m.email for m in managers)
    assert f"Assigned to: {officer.name}" in emails[0].body_text and "1 day overdue" in emails[0].body_text
    # A late extension is a new clock event: a new due date, so a new escalation when that passes too.
    clock.record_clock_event(session, sar_request, "extended", date(2026, 4, 10), actor=officer,
                             reason="complex", now=at(date(2026, 4, 10), 9), settings=settings)
    assert reminders.escalate_overdue(session, now=at(date(2026, 4, 11)), settings=settings) == 0
    assert reminders.escalate_overdue(session, now=at(date(2026, 6, 9)), settings=settings) == 2
    assert reminders.escalate_overdue(session, now=at(date(2026, 6, 10)), settings=settings) == 0


def test_closed_requests_get_no_reminders(session, settings, sar_request):
    make_user(session, "manager")
    transitions.transition(session, sar_request, "withdrawn", actor=None, reason="requester withdrew",
                      now=at(date(2026, 3, 20)))
    for sweep in reminders.SWEEPS[:-1]:
        for day in (date(2026, 3, 24), date(2026, 4, 1), date(2026, 4, 9)):
            assert sweep(session, now=at(day), settings=settings) == 0


def test_derived_state_is_not_stored_on_the_request(session, settings, sar_request):
    make_user(session, "manager")
    reminders.escalate_overdue(session, now=at(date(2026, 4, 9)), settings=settings)
    assert sar_request.status == "received" and sar_request.due_on == DUE


# --- daily digest ------------------------------------------------------------------------------------------


def test_daily_digest_once_per_manager_per_day(session, settings, sar_request):
    managers = [make_user(session, "manager") for _ in range(2)]
    make_user(session, "officer")
    day = at(date(2026, 4, 9), 6)  # 07:00 in London
    assert reminders.send_daily_digest(session, now=day, settings=settings) == 2
    assert reminders.send_daily_digest(session, now=day + timedelta(hours=3), settings=settings) == 0
    emails = outbox(session, "daily_digest")
    assert sorted(e.to_addr for e in emails) == sorted(m.email for m in managers)
    body = emails[0].body_text
    assert "Overdue (1):" in body and sar_request.reference in body and "Open requests: 1" in body
    assert emails[0].request_id is None
    assert reminders.send_daily_digest(session, now=day + timedelta(days=1), settings=settings) == 2
    keys = sorted(session.scalars(select(Reminder.key).where(Reminder.kind == "daily_digest")))
    assert keys[0] == f"2026-04-09/{managers[0].id}"


def test_digest_uniqueness_is_enforced_by_the_database_despite_null_request_id(session, now):
    session.add(Reminder(request_id=None, kind="daily_digest", key="2026-04-09/1", created_at=now))
    session.flush()
    with pytest.raises(IntegrityError), session.begin_nested():
        session.add(Reminder(request_id=None, kind="daily_digest", key="2026-04-09/1", created_at=now))
        session.flush()


def test_digest_summary_lists_due_soon_and_awaiting_approval(session, settings, sar_request):
    sar_request.status = "awaiting_approval"
    summary = reminders.digest_summary(session, today=date(2026, 4, 1), settings=settings)
    assert [i["reference"] for i in summary["due_soon"]] == [sar_request.reference]
    assert [i["reference"] for i in summary["awaiting_approval"]] == [sar_request.reference]
    assert summary["overdue"] == [] and summary["open_count"] == 1


# --- racing transactions --------------------------------------------------------------------------------


def test_two_transactions_racing_write_each_escalation_once(fresh_db_url, tmp_path, caplog):
    """The second sweep passes the existence check, then loses on the unique constraint (savepoint)."""
    settings = replace(Settings(), database_url=fresh_db_url, storage_dir=tmp_path)
    engine = make_engine(fresh_db_url)
    factory = make_session_factory(engine)
    with factory.begin() as session:
        make_user(session, "manager")
        for _ in range(3):
            make_request(session, settings, regime="sar", received_at=RECEIVED, now=RECEIVED)
    now = at(date(2026, 4, 9))
    first = factory()
    first.begin()
    assert reminders.escalate_overdue(first, now=now, settings=settings) == 3  # flushed, not committed
    result: dict[str, object] = {}

    def second() -> None:
        try:
            with factory.begin() as session:
                result["queued"] = reminders.escalate_overdue(session, now=now, settings=settings)
        except Exception as exc:  # pragma: no cover - reported below
            result["error"] = exc

    caplog.set_level("INFO", logger="sar.messaging.reminders")
    thread = threading.Thread(target=second)
    thread.start()
    time.sleep(0.5)  # let the second sweep check, find nothing committed and block on its first insert
    first.commit()
    first.close()
    thread.join(60)
    assert result == {"queued": 0}
    # The first insert lost on the unique constraint; by then the rest were committed and found by the check.
    assert "already written by another transaction" in caplog.text
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Reminder)) == 3
        assert session.scalar(select(func.count()).select_from(OutboxEmail)) == 3
    engine.dispose()


def test_a_failed_sweep_commits_nothing_even_on_sqlite(fresh_db_url, tmp_path):
    """Savepoints must nest in the job's transaction (the sqlite3 driver would otherwise commit each one)."""
    settings = replace(Settings(), database_url=fresh_db_url, storage_dir=tmp_path)
    engine = make_engine(fresh_db_url)
    factory = make_session_factory(engine)
    with factory.begin() as session:
        make_user(session, "manager")
        for _ in range(2):
            make_request(session, settings, regime="sar", received_at=RECEIVED, now=RECEIVED)
    with pytest.raises(RuntimeError), factory.begin() as session:
        assert reminders.escalate_overdue(session, now=at(date(2026, 4, 9)), settings=settings) == 2
        raise RuntimeError("worker killed mid-job")
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Reminder)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxEmail)) == 0
    engine.dispose()
