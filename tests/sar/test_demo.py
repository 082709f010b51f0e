"""Demo data: idempotent, every regime, one overdue, one due soon, one awaiting approval."""

from __future__ import annotations

from sqlalchemy import func, select

from cli import demo
from redaction import pdf
from sar.accounts.users import authenticate
from sar.intake import clock
from sar.models import Request, User
from sar.release import approvals, packs


def test_demo_load_is_idempotent_and_covers_the_workflow(session, settings, now):
    created = demo.load(session, settings=settings, now=now)
    assert created["created"] is True and created["password"] == demo.DEMO_PASSWORD
    assert set(created["users"]) == {"officer", "manager", "admin", "requester"}
    for role, email in created["users"].items():
        user = authenticate(session, email, demo.DEMO_PASSWORD, now=now)
        assert user is not None and user.role == role
    officer = session.scalars(select(User).where(User.email == "officer@demo.sardesk.test")).one()
    assert officer.job_title == "Information Rights Officer"

    reqs = session.scalars(select(Request).order_by(Request.id)).all()
    assert 6 <= len(reqs) <= 12
    assert {"sar", "foi", "eir", "erasure", "third-party"} <= {r.regime for r in reqs}
    states = [clock.deadline_state(r, now.date(), settings) for r in reqs]
    assert "overdue" in states and "due_soon" in states
    owned = [r for r in reqs if r.owner_id == session.scalars(
        select(User.id).where(User.email == "requester@demo.sardesk.test")).one()]
    assert owned and all(r.channel == "portal" for r in owned)
    assert any(r.parent_id is not None for r in reqs)  # the mixed SAR + FOI request became two parts
    assert any(r.clock_events for r in reqs)
    solicitor = next(r for r in reqs if r.party("representative") and r.party("representative").capacity ==
                     "solicitor")
    assert solicitor.party("representative").authority_status == "verified"

    waiting = [r for r in reqs if r.status == "awaiting_approval"]
    assert len(waiting) == 1 and waiting[0].owner_id is not None
    pack = approvals.current_pack(session, waiting[0])
    bundle = packs.pack_files(packs.pack_bytes(settings, pack))[f"{waiting[0].reference}-bundle.pdf"]
    assert pdf.verify(bundle, ["Gary Shaw", "07700 900481", "Pat Kimber"]) == []
    assert pack.manifest["warnings"] == []

    again = demo.load(session, settings=settings, now=now)
    assert again["created"] is False and again["requests"] == []
    assert session.scalar(select(func.count(Request.id))) == len(reqs)
    text = demo.banner(settings, again)
    assert settings.base_url in text and "requester@demo.sardesk.test" in text and demo.DEMO_PASSWORD in text
