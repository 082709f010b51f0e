"""Confidentiality in the browser and the API (issue 14): need to know, consultations, the agency checklist."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from sar.accounts.users import create_token
from sar.bundle import documents
from sar.confidentiality import access
from sar.models import AccessGrant, Consultation, Request
from tests.factories import DEFAULT_NOW, make_request
from tests.sar._docs import pdf_bytes
from tests.web.test_ui_support import flashes, post
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name
REASON = "covering for the allocated officer while on leave"


def _teamed_request(web, manager, member) -> str:
    """A request of a team ``member`` and ``manager`` are in (committed)."""
    with web.factory() as session:
        manager, member = session.merge(manager), session.merge(member)
        team = access.create_team(session, "Team A", actor=manager, now=DEFAULT_NOW)
        access.add_member(session, team, manager, actor=manager, now=DEFAULT_NOW)
        access.add_member(session, team, member, actor=manager, now=DEFAULT_NOW)
        req = make_request(session, web.settings, actor=member, now=DEFAULT_NOW, regime="sar")
        access.set_team(session, req, team, actor=manager, now=DEFAULT_NOW)
        session.commit()
        return req.reference


def _token(web, user) -> dict[str, str]:
    with web.factory() as session:
        token = create_token(session, session.merge(user), now=DEFAULT_NOW, label="test", days=3650)
        session.commit()
    return {"Authorization": f"Bearer {token}"}


def test_an_officer_outside_the_team_cannot_list_or_open_it_without_a_reason(web):
    manager, member, outsider = web.user("manager"), web.user("officer"), web.user("officer")
    ref = _teamed_request(web, manager, member)
    inside, outside = web.login(member), web.login(outsider)
    row = f"/staff/requests/{ref}\""  # a dashboard row links to the case page
    assert row in inside.get("/staff/?tab=all").get_data(as_text=True)
    assert row not in outside.get("/staff/?tab=all").get_data(as_text=True)
    assert row not in outside.get(f"/staff/?tab=all&q={ref}").get_data(as_text=True)
    assert outside.get(f"/staff/requests/{ref}").status_code == 404
    api = _token(web, outsider)
    assert web.client().get(f"/api/requests/{ref}", headers=api).status_code == 404
    assert ref not in web.client().get("/api/requests", headers=api).get_data(as_text=True)
    # A reason that says nothing is refused; a real one is recorded and opens the request.
    assert post(outside, "/staff/open", {"reference": ref, "reason": "need"}).status_code == 400
    response = post(outside, "/staff/open", {"reference": ref, "reason": REASON})
    assert response.status_code == 302 and response.location.endswith(f"/staff/requests/{ref}")
    assert outside.get(f"/staff/requests/{ref}").status_code == 200
    with web.factory() as session:
        assert session.scalars(select(AccessGrant.reason)).all() == [REASON]


def test_a_restricted_request_is_404_to_the_team_through_the_api(web):
    manager, member, other = web.user("manager"), web.user("officer"), web.user("officer")
    ref = _teamed_request(web, manager, member)
    with web.factory() as session:
        team_id = session.scalars(select(Request.team_id).where(Request.reference == ref)).one()
        access.add_member(session, access.teams(session, actor=session.merge(manager))[0], session.merge(other),
                          actor=session.merge(manager), now=DEFAULT_NOW)
        session.commit()
    boss, api_other = _token(web, manager), _token(web, other)
    assert web.client().get(f"/api/requests/{ref}", headers=api_other).status_code == 200
    bad = web.client().patch(f"/api/requests/{ref}", headers=boss, json={"restricted_to": [manager.id]})
    assert bad.status_code == 400 and "reason" in bad.get_json()["error"]
    done = web.client().patch(f"/api/requests/{ref}", headers=boss,
                              json={"restricted_to": [manager.id, member.id], "reason": "a staff member's own SAR"})
    assert done.status_code == 200 and done.get_json() == {"reference": ref, "team": team_id,
                                                           "restricted_to": sorted([manager.id, member.id])}
    assert web.client().get(f"/api/requests/{ref}", headers=api_other).status_code == 404
    assert web.client().get(f"/api/requests/{ref}/consultations", headers=api_other).status_code == 404
    assert web.client().get(f"/api/requests/{ref}", headers=_token(web, member)).status_code == 200
    officer_patch = web.client().patch(f"/api/requests/{ref}", headers=_token(web, member), json={"team": None})
    assert officer_patch.status_code == 403


def test_consultation_and_agency_checklist_through_the_api_and_the_page(web):
    manager, officer = web.user("manager"), web.user("officer")
    with web.factory() as session:
        req = make_request(session, web.settings, actor=session.merge(officer), now=DEFAULT_NOW, regime="sar")
        req.requester_type, req.channel = "police", "phone"
        ref = req.reference
        # A record in the bundle: the checks guard what would be handed over to the agency.
        documents.add_document(session, req, pdf_bytes("A case note."), "note.pdf", actor=session.merge(officer),
                               now=DEFAULT_NOW, settings=web.settings)
        session.commit()
    api, boss = _token(web, officer), _token(web, manager)
    due = (DEFAULT_NOW + timedelta(days=400)).date().isoformat()  # the API clock is the real one
    made = web.client().post(f"/api/requests/{ref}/consultations", headers=api, json={
        "consultee_name": "The referrer", "consultee_kind": "originator", "means": "letter", "due_on": due,
        "about_text": "the referral letter"})
    assert made.status_code == 201, made.get_json()
    cid = made.get_json()["id"]
    checks = web.client().get(f"/api/requests/{ref}/checks", headers=api).get_json()
    assert checks["applies"] and "manager_approval" in checks["missing"]
    assert any("consultation" in b for b in checks["blockers"]["submitted"])
    assert any("agency checklist" in b for b in checks["blockers"]["approved"])
    no = web.client().post(f"/api/requests/{ref}/consultations/{cid}/override", headers=api,
                           json={"reason": "no reply after two chasers"})
    assert no.status_code == 403
    yes = web.client().post(f"/api/requests/{ref}/consultations/{cid}/override", headers=boss,
                            json={"reason": "no reply after two chasers"})
    assert yes.status_code == 200 and yes.get_json()["open"] is False
    bad = web.client().post(f"/api/requests/{ref}/checks", headers=api, json={"item": "entitlement", "how": "said so"})
    assert bad.status_code == 400 and "copy" in bad.get_json()["error"]
    ok = web.client().post(f"/api/requests/{ref}/checks", headers=api,
                           json={"item": "identity", "how": "called back through the switchboard"})
    assert ok.status_code == 201 and "identity" not in ok.get_json()["missing"]
    page = web.login(officer).get(f"/staff/requests/{ref}/confidentiality")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "called back through the switchboard" in html and "no reply after two chasers" in html
    assert "bona fide entitlement" in html  # the seed paragraph the checklist serves is quoted in the template


def test_the_disclosure_register_page_and_api_answer_and_respect_need_to_know(web):
    officer = web.user("officer")
    page = web.login(officer).get("/staff/disclosures?person=Nobody")
    assert page.status_code == 200 and "noted and confirmed in writing" in page.get_data(as_text=True)
    body = web.client().get("/api/disclosures?agency=police", headers=_token(web, officer)).get_json()
    assert body == {"items": []}
    assert web.client().get("/api/disclosures", headers=_token(web, web.user("requester"))).status_code == 403


def test_managers_build_teams_in_the_browser_and_officers_cannot(web):
    manager, officer = web.user("manager"), web.user("officer")
    boss, staff = web.login(manager), web.login(officer)
    assert post(staff, "/staff/teams", {"name": "Fostering"}).status_code == 302
    assert "Fostering" not in staff.get("/staff/teams").get_data(as_text=True).split("<h2>New team</h2>")[0]
    assert post(boss, "/staff/teams", {"name": "Fostering"}).status_code == 302
    with web.factory() as session:
        team_id = access.teams(session, actor=session.merge(manager))[0].id
    assert post(boss, f"/staff/teams/{team_id}/members", {"user_id": officer.id, "action": "add"}).status_code == 302
    with web.factory() as session:
        assert [u.id for u in access.members(session, actor=session.merge(manager))[team_id]] == [officer.id]
    post(boss, f"/staff/teams/{team_id}/members", {"user_id": officer.id, "action": "remove"})
    with web.factory() as session:
        assert access.members(session, actor=session.merge(manager)) == {}


def test_the_confidentiality_page_forms_save_or_refuse_and_come_back_to_the_page(web):
    """Each staff form on the confidentiality page commits and flashes, or rolls back with the reason."""
    manager, officer = web.user("manager"), web.user("officer")
    ref = _teamed_request(web, manager, officer)
    inside, boss = web.login(officer), web.login(manager)
    page = f"/staff/requests/{ref}/confidentiality"
    due = (DEFAULT_NOW + timedelta(days=400)).date().isoformat()
    consultation = {"consultee_name": "The referrer", "consultee_kind": "originator", "means": "letter",
                    "about_text": "the referral letter"}
    bad = post(inside, f"/staff/requests/{ref}/consultations", {**consultation, "due_on": "soon"})
    assert bad.status_code == 302 and bad.location.endswith(page)
    assert flashes(inside.get(page)) == ["Due on must be a date (YYYY-MM-DD)."]
    made = post(inside, f"/staff/requests/{ref}/consultations", {**consultation, "due_on": due}, follow_redirects=True)
    assert "Consultation recorded." in flashes(made)
    with web.factory() as session:
        cid = session.scalars(select(Consultation.id)).one()
        session.commit()
    refused = post(inside, f"/staff/requests/{ref}/consultations/{cid}/override", {"reason": "no reply"},
                   follow_redirects=True)
    assert refused.status_code == 200 and "Consultation overridden." not in flashes(refused)
    done = post(boss, f"/staff/requests/{ref}/consultations/{cid}/override", {"reason": "no reply after two chasers"},
                follow_redirects=True)
    assert "Consultation overridden." in flashes(done)
    checked = post(inside, f"/staff/requests/{ref}/checks", {"item": "identity", "how": "called back"},
                   follow_redirects=True)
    assert "Check recorded." in flashes(checked)
    # Restricting the request to someone else takes it out of the manager's sight: back to the dashboard.
    gone = post(boss, f"/staff/requests/{ref}/access", {"team_id": "", "restricted_to": str(officer.id),
                                                         "reason": REASON})
    assert gone.status_code == 302
