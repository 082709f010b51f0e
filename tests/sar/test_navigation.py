"""Next undecided proposal (bundle order, wrapping round) and bundle search (issue 11)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sar.bundle import documents, navigation, redactions
from sar.core.errors import NotPermitted, ValidationError
from sar.models import AuditEvent
from tests.sar._docs import PAGE_ONE, PAGE_TWO, THIRD_PARTY, add_pdf, make_team, propose, sar_request


@pytest.fixture
def team(session):
    return make_team(session)


def test_next_undecided_follows_bundle_order_and_wraps_round(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    first = add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO, filename="visit.pdf")
    second = add_pdf(session, req, team, now, settings, f"Referral from {THIRD_PARTY}.", filename="referral.pdf")
    a = propose(session, settings, first, THIRD_PARTY, now=now)  # page 0 twice, page 1 once
    b = propose(session, settings, second, THIRD_PARTY, now=now)
    order = [r.id for r in a] + [r.id for r in b]
    got, here = [], None
    for _ in range(len(order)):
        red = navigation.next_undecided(session, req, actor=team.officer,
                                        **({} if here is None else {"item_id": here.bundle_item_id,
                                                                    "page": here.page, "redaction_id": here.id}))
        got.append(red.id)
        here = red
    assert got == order
    wrapped = navigation.next_undecided(session, req, actor=team.officer, item_id=second.id, page=0,
                                        redaction_id=b[-1].id)
    assert wrapped.id == order[0]  # past the last one: back to the first
    redactions.decide_redaction(session, a[0], "accepted", reason=None, code=None, actor=team.officer, now=now)
    assert navigation.next_undecided(session, req, actor=team.officer).id == order[1]  # decided ones skipped
    documents.remove_from_bundle(session, first, actor=team.officer, now=now, reason="sent in error")
    assert navigation.next_undecided(session, req, actor=team.officer).id == b[0].id  # removed ones skipped
    for r in b:
        redactions.decide_redaction(session, r, "accepted", reason=None, code=None, actor=team.officer, now=now)
    assert navigation.next_undecided(session, req, actor=team.officer) is None
    with pytest.raises(NotPermitted):
        navigation.next_undecided(session, req, actor=team.requester)


def test_search_finds_every_occurrence_across_spacing_and_case(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO, filename="visit.pdf")
    out = navigation.search_bundle(session, req, " charlie   FLETCHER ", actor=team.officer, now=now,
                                   settings=settings)
    assert out["total"] == 3 and [h["page"] for h in out["hits"]] == [0, 0, 1]
    assert all(THIRD_PARTY in h["snippet"] for h in out["hits"]) and not out["truncated"]
    assert navigation.search_bundle(session, req, "Fletch", actor=team.officer, now=now,
                                    settings=settings)["total"] == 0  # whole words only
    with pytest.raises(ValidationError):
        navigation.search_bundle(session, req, "x", actor=team.officer, now=now, settings=settings)
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "bundle.search")).first()
    assert event.detail == {"text": "charlie FLETCHER", "hits": 3}
