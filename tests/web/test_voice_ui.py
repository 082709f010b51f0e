"""Issue 16 on the staff case page: communication needs at the top, the interpreter task, and the
child's competence and views (rulebook T-4) recorded through the page and shown before approval."""

from __future__ import annotations

import io

from sar.models import AuditEvent, BundleItem, CaseTask, ChildAssessment, Party, Request
from tests.sar._docs import pdf_bytes
from tests.web.test_ui_support import flashes, post
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name


def _parent_request(web, client) -> str:
    return web.new_request(client, requester_name="Jordan Example", requester_type="parent",
                           subject_name="Riley Example", subject_dob="2012-06-01",
                           description="I am the mother of Riley Example and want his social care records.")


def _page(client, reference: str) -> str:
    response = client.get(f"/staff/requests/{reference}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _requester(web, reference: str) -> Party:
    with web.factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        return session.query(Party).filter_by(request_id=req.id, role="requester").one()


def test_communication_needs_show_at_the_top_and_the_interpreter_is_booked(web):
    client = web.login(web.user("officer"))
    reference = _parent_request(web, client)
    html = _page(client, reference)
    assert html.index('id="voice"') < html.index('id="details"')
    party = _requester(web, reference)
    response = post(client, f"/staff/requests/{reference}/parties/{party.id}/communication", {
        "preferred_language": "pl", "interpreter_needed": "y", "preferred_format": "large_print",
        "preferred_channel": "post"})
    assert any("Communication needs for Jordan Example saved" in m for m in flashes(client.get(response.location)))
    html = _page(client, reference)
    assert f'data-interpreter="{party.id}">Needs a pl interpreter' in html
    assert f'data-format="{party.id}">Large print' in html
    refused = post(client, f"/staff/requests/{reference}/parties/{party.id}/communication",
                   {"preferred_format": "comic"})
    assert refused.status_code == 302 and flashes(client.get(refused.location))
    assert _requester(web, reference).preferred_format == "large_print"
    booked = post(client, f"/staff/requests/{reference}/parties/{party.id}/interpreter", {"due_on": "2030-03-06"})
    assert any("Book a pl interpreter" in m for m in flashes(client.get(booked.location)))
    with web.factory() as session:
        task = session.query(CaseTask).one()
        assert task.kind == "interpreter_booking" and str(task.due_on) == "2030-03-06"
    assert "Book a pl interpreter for Jordan Example: due" in _page(client, reference)


def test_child_views_are_recorded_on_the_page_and_gate_the_pack(web):
    client = web.login(web.user("officer"))
    reference = _parent_request(web, client)
    html = _page(client, reference)
    assert 'id="child-views"' in html and "record the child" in html.lower()
    bad = post(client, f"/staff/requests/{reference}/child-views", {"competent": "yes", "views": "partial",
                                                                      "views_text": "some of it"})
    assert any("does not want shared" in m for m in flashes(client.get(bad.location)))
    ok = post(client, f"/staff/requests/{reference}/child-views", {
        "competent": "yes", "views": "refuses", "views_text": "I do not want mum to read it",
        "no_parent_contact": "y"})
    assert any("competence and views are recorded" in m for m in flashes(client.get(ok.location)))
    html = _page(client, reference)
    assert 'data-views="refuses"' in html and "competent child refuses" in html
    with web.factory() as session:
        assert session.query(ChildAssessment).one().no_parent_contact is True
        assert session.query(AuditEvent).filter_by(action="child.assess").count() == 1


def test_adult_own_request_has_no_child_panel(web):
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    html = _page(client, reference)
    assert 'id="voice"' in html and 'id="child-views"' not in html
    refused = post(client, f"/staff/requests/{reference}/child-views", {"competent": "yes", "views": "consents",
                                                                          "views_text": "ok"})
    assert any("not a request made by someone else about a child" in m for m in flashes(client.get(refused.location)))


def test_manager_sees_the_childs_views_before_approving(web):
    officer, manager = web.user("officer"), web.user("manager")
    client = web.login(officer)
    reference = _parent_request(web, client)
    web.upload(client, reference, pdf_bytes("Visit record.\nRiley Example was seen.\n"), "visit.pdf")
    with web.factory() as session:
        rep = session.query(Request).filter_by(reference=reference).one().party("representative")
    post(client, f"/staff/requests/{reference}/parties/evidence-upload",
         {"evidence-party_id": rep.id, "evidence-kind": "authority",
          "evidence-file": (io.BytesIO(pdf_bytes("Parental responsibility order")), "order.pdf")},
         content_type="multipart/form-data")
    post(client, f"/staff/requests/{reference}/parties/{rep.id}/evidence",
         {"kind": "authority", "status": "verified", "note": "order seen"})
    refused = post(client, f"/staff/requests/{reference}/submit", {"note": ""})
    assert any("competence and views" in m for m in flashes(client.get(refused.location)))
    post(client, f"/staff/requests/{reference}/child-views", {
        "competent": "yes", "views": "partial", "views_text": "mum can see most of it",
        "not_to_share": "the pages about my friend"})
    web.upload(client, reference, pdf_bytes("School note.\nNotes about a friend from school.\n"), "friend.pdf")
    with web.factory() as session:
        req_id = session.query(Request).filter_by(reference=reference).one().id
        item = session.query(BundleItem).filter_by(request_id=req_id, filename="friend.pdf").one()
    # The page the child does not want shared is withheld (rulebook T-4); a pack withholding nothing is refused.
    post(client, f"/staff/requests/{reference}/items/{item.id}/pages/0/mark", {
        "mark-mark": "withheld", "mark-code": "SCH3-P10-EXPECTATIONS", "mark-reason": "the child's wish"})
    _, page, job = web.submit(client, reference)
    assert job["status"] == "done" and "Submitted for approval" in page.get_data(as_text=True)
    page = web.login(manager).get(f"/staff/requests/{reference}/pack").get_data(as_text=True)
    panel = page.split('id="child-views-approval"')[1].split("</section>")[0]
    assert 'data-views="partial"' in panel and "the pages about my friend" in panel
    with web.factory() as session:
        assert session.query(AuditEvent).filter_by(action="child.view", actor_id=manager.id).count() == 1


def test_unknown_age_shows_the_panel_and_the_age_given_there_is_recorded(web):
    """Fail closed (T-4): a parent's request with no age shows the warning and the form; the age given is kept."""
    client = web.login(web.user("officer"))
    reference = web.new_request(client, requester_name="Jordan Example", requester_type="parent",
                                subject_name="Riley Example",
                                description="I am the mother of Riley Example and want his social care records.")
    html = _page(client, reference)
    assert 'id="child-age-unknown"' in html and 'id="child-views"' in html and "age is unknown" in html
    ok = post(client, f"/staff/requests/{reference}/child-views", {
        "age": "14", "competent": "yes", "views": "consents", "views_text": "mum can see it"})
    assert any("competence and views are recorded" in m for m in flashes(client.get(ok.location)))
    html = _page(client, reference)
    assert 'id="child-age-unknown"' not in html and "The data subject is a child: recorded age 14." in html
    with web.factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        subject = session.query(Party).filter_by(request_id=req.id, role="data_subject").one()
        assert subject.age_years == 14 and session.query(ChildAssessment).one().age == 14


def test_child_shown_by_date_of_birth_names_the_evidence(web):
    client = web.login(web.user("officer"))
    html = _page(client, _parent_request(web, client))
    assert "The data subject is a child: date of birth gives age 13." in html
    assert 'id="child-age-unknown"' not in html


def test_no_parent_contact_banner_and_manager_override_on_the_page(web):
    """Issue 16: the officer sees a banner; only a manager's override with a reason lifts it."""
    officer = web.login(web.user("officer"))
    reference = _parent_request(web, officer)
    post(officer, f"/staff/requests/{reference}/child-views", {
        "competent": "yes", "views": "consents", "views_text": "please do not contact my parents",
        "no_parent_contact": "y"})
    html = _page(officer, reference)
    assert 'id="no-parent-contact"' in html and "Do not consult the child's parents" in html
    assert "parent-contact-override" not in html  # the override form is the manager's
    refused = post(officer, f"/staff/requests/{reference}/parent-contact-override",
                   {"ground": "safeguarding", "reason": "a court order directs contact"})
    assert flashes(officer.get(refused.location))
    manager = web.login(web.user("manager"))
    assert "parent-contact-override" in _page(manager, reference)
    done = post(manager, f"/staff/requests/{reference}/parent-contact-override",
                {"ground": "safeguarding", "reason": "a court order directs contact"})
    assert any("Override recorded" in m for m in flashes(manager.get(done.location)))
    html = _page(manager, reference)
    assert 'id="no-parent-contact"' not in html and 'id="no-parent-contact-overridden"' in html
