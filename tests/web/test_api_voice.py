"""Issue 16 through the API: communication needs on the parties (GET and PATCH) and the child's views
(GET and POST /child-views), staff only."""

from __future__ import annotations

from tests.web.test_api_helpers import make_api


def _parent_request(api) -> dict:
    return api.new_request("officer", regime="sar", subject={"name": "Riley Example", "dob": "2012-06-01"},
                           requester={"name": "Jordan Example", "email": "j@example.org", "type": "parent"},
                           channel="email")


def test_party_communication_through_the_api(fresh_db_url, settings, tmp_path):
    api = make_api(fresh_db_url, settings, tmp_path)
    try:
        ref = _parent_request(api)["reference"]
        detail = api.get(f"/api/requests/{ref}").get_json()
        requester = next(p for p in detail["parties"] if p["role"] == "requester")
        assert requester["preferred_format"] is None and requester["interpreter_needed"] is False
        url = f"/api/requests/{ref}/parties/{requester['id']}"
        patched = api.patch(url, json={"preferred_language": "pl", "interpreter_needed": True,
                                       "preferred_format": "easy_read", "preferred_channel": "post"})
        assert patched.status_code == 200, patched.get_json()
        assert patched.get_json()["interpreter_language"] == "pl"
        detail = api.get(f"/api/requests/{ref}").get_json()
        assert next(p for p in detail["parties"] if p["role"] == "requester")["preferred_format"] == "easy_read"
        assert api.patch(url, json={"preferred_format": "comic"}).status_code == 400
        assert api.patch(url, json={"interpreter_needed": "yes"}).status_code == 400
        assert api.patch(url, "alice", json={"preferred_format": "standard"}).status_code in (403, 404)
    finally:
        api.app.extensions["sar_engine"].dispose()


def test_child_views_through_the_api(fresh_db_url, settings, tmp_path):
    api = make_api(fresh_db_url, settings, tmp_path)
    try:
        ref = _parent_request(api)["reference"]
        url = f"/api/requests/{ref}/child-views"
        first = api.get(url).get_json()
        assert first["applies"] is True and first["assessment"] is None and first["problems"]
        assert api.post(url, json={"competent": True, "views": "partial", "views_text": "some"}).status_code == 400
        made = api.post(url, json={"competent": True, "views": "refuses", "views_text": "no"})
        assert made.status_code == 201, made.get_json()
        body = made.get_json()
        assert body["assessment"]["age"] >= 13 and "competent child refuses" in body["problems"][0]
        assert api.get(url, "alice").status_code in (403, 404)
        assert api.post(url, json={"views": "consents", "views_text": "ok"}).status_code == 400
    finally:
        api.app.extensions["sar_engine"].dispose()


def test_child_evidence_through_the_api_brings_in_the_gate(fresh_db_url, settings, tmp_path):
    """A parent's request with no date of birth: the age is unknown (fail closed) until the API records it."""
    api = make_api(fresh_db_url, settings, tmp_path)
    try:
        ref = api.new_request("officer", regime="sar", subject={"name": "Riley Example"}, channel="email",
                              requester={"name": "Jordan Example", "email": "j@example.org", "type": "parent"}
                              )["reference"]
        url = f"/api/requests/{ref}/child-views"
        unknown = api.get(url).get_json()
        assert unknown["applies"] is False and "age is unknown" in unknown["problems"][0]
        detail = api.get(f"/api/requests/{ref}").get_json()
        subject = next(p for p in detail["parties"] if p["role"] == "data_subject")
        assert (subject["age"], subject["looked_after"]) == (None, False)
        party_url = f"/api/requests/{ref}/parties/{subject['id']}"
        assert api.patch(party_url, json={"looked_after": "yes"}).status_code == 400
        patched = api.patch(party_url, json={"looked_after": True})
        assert patched.status_code == 200 and patched.get_json()["looked_after"] is True
        child = api.get(url).get_json()
        assert child["applies"] is True and "record the child's competence" in child["problems"][0]
        assert api.patch(party_url, json={"age": 15}).get_json()["age"] == 15
    finally:
        api.app.extensions["sar_engine"].dispose()


def test_subject_given_as_a_young_person_at_intake_brings_in_the_gate(fresh_db_url, settings, tmp_path):
    api = make_api(fresh_db_url, settings, tmp_path)
    try:
        requester = {"name": "Jordan Example", "email": "j@example.org", "type": "parent"}
        young = api.new_request("officer", regime="sar", channel="email", requester=requester,
                                subject={"name": "Riley Example", "type": "young_person"})["reference"]
        assert api.get(f"/api/requests/{young}/child-views").get_json()["applies"] is True
        other = api.new_request("officer", regime="sar", channel="email", requester=requester,
                                subject={"name": "Riley Example", "type": "data_subject"})["reference"]
        assert api.get(f"/api/requests/{other}/child-views").get_json()["applies"] is False  # age unknown
    finally:
        api.app.extensions["sar_engine"].dispose()


def test_no_parent_contact_refuses_a_parent_consultation_until_a_manager_overrides(fresh_db_url, settings, tmp_path):
    """Issue 16: the child's request that their parents are not consulted is enforced through the API too."""
    api = make_api(fresh_db_url, settings, tmp_path)
    try:
        ref = _parent_request(api)["reference"]
        made = api.post(f"/api/requests/{ref}/child-views", json={
            "competent": True, "views": "consents", "views_text": "mum can see it but please do not ask her things",
            "no_parent_contact": True})
        assert made.get_json()["parent_contact"]["stands"] is True
        consult = {"consultee_name": "Jordan Example", "consultee_kind": "third_party", "means": "letter",
                   "due_on": "2099-01-01", "about_text": "the school report"}
        refused = api.post(f"/api/requests/{ref}/consultations", json=consult)
        assert refused.status_code == 409 and "not consulted" in str(refused.get_json())
        url = f"/api/requests/{ref}/child-views/parent-contact-override"
        override = {"ground": "best_interests", "reason": "the parent holds the medical consent needed"}
        assert api.post(url, json=override).status_code == 403
        done = api.post(url, "manager", json=override)
        assert done.status_code == 201, done.get_json()
        assert done.get_json()["parent_contact"]["override"]["ground"] == "best_interests"
        assert api.post(f"/api/requests/{ref}/consultations", json=consult).status_code == 201
    finally:
        api.app.extensions["sar_engine"].dispose()
