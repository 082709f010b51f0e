"""The case page's outcome, complaints and legal-hold panel."""

from __future__ import annotations

import pytest

from sar.models import ClosureRecord, ComplaintCase, LegalHold
from tests.reports import dataset
from tests.web.test_ui_support import flashes, post
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name


@pytest.fixture
def quarter(web):
    with web.factory() as session:
        q = dataset.build(session, web.settings)
        session.commit()
    return q


def test_record_outcome_complaint_and_hold_from_the_case_page(web, quarter):
    ref_c, ref_f = quarter.requests["C"].reference, quarter.requests["F"].reference
    officer = web.login(quarter.officer1)
    page = officer.get(f"/staff/requests/{ref_c}").get_data(as_text=True)
    assert 'id="outcome"' in page and "Outcome: <strong>refused</strong>" in page
    assert "Place hold" not in page  # officers may not hold files
    assert post(officer, f"/staff/requests/{ref_c}/closure", {"outcome": "not_held", "codes": "FOIA-S12; FOIA-S21"}
                ).status_code == 302
    open_f = post(officer, f"/staff/requests/{ref_f}/closure", {"outcome": "full"}, follow_redirects=True)
    assert any("answered" in m for m in flashes(open_f))  # still open: refused with a clear message
    assert post(officer, f"/staff/requests/{ref_c}/complaints", {"kind": "internal_review",
                                                                 "opened_on": "2026-03-01"}).status_code == 302
    bad = post(officer, f"/staff/requests/{ref_c}/complaints", {"kind": "internal_review", "opened_on": "soon"},
               follow_redirects=True)
    assert any("date" in m for m in flashes(bad))
    assert post(officer, f"/staff/requests/{ref_c}/hold", {"reason": "claim"}).status_code == 403
    manager = web.login(quarter.manager)
    assert post(manager, f"/staff/requests/{ref_c}/hold", {"reason": "pre-action letter"}).status_code == 302
    with web.factory() as session:
        record = session.query(ClosureRecord).filter_by(request_id=quarter.requests["C"].id).one()
        assert (record.outcome, record.codes) == ("not_held", ["FOIA-S12", "FOIA-S21"])
        assert session.query(ComplaintCase).filter_by(request_id=quarter.requests["C"].id).count() == 1
        hold = session.query(LegalHold).filter_by(request_id=quarter.requests["C"].id).one()
    assert post(manager, f"/staff/holds/{hold.id}/lift", {"reason": "settled"}).status_code == 302
    requester = web.login(web.user("requester"))
    assert post(requester, f"/staff/requests/{ref_c}/closure", {"outcome": "full"}).status_code == 403
