"""Issue 17 through the API: non-PDF uploads answer with the conversion job, which adds the documents."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests import formats_factory as ff
from tests.web.test_api_helpers import Api, api_on_new_database


@pytest.fixture(scope="module")
def api(tmp_path_factory) -> Iterator[Api]:
    with api_on_new_database(tmp_path_factory.mktemp("api-formats")) as api:
        yield api


def test_an_email_upload_answers_with_its_conversion_job_and_adds_the_email_and_its_attachment(api):
    ref = api.new_request()["reference"]
    data = ff.eml(sender="duty@council.example", to="team@council.example", cc="", subject="Referral",
                  body="See the scan.", attachments=[("scan.png", "image/png", ff.text_image(["Scan"]))])
    response = api.upload(ref, "referral.eml", data)
    assert response.status_code == 202, response.get_json()
    job = response.get_json()["job"]
    assert job["kind"] == "conversion" and response.headers["Location"].endswith(f"/api/jobs/{job['id']}")
    finished = api.wait_for_job(job["url"])
    assert finished["status"] == "done", finished
    added = finished["result"]["added"]
    assert [a["filename"] for a in added] == ["referral.eml", "scan.png"]
    assert added[1]["attached_to"] == added[0]["item_id"]
    assert finished["result"]["failed"] == []


def test_the_search_log_through_the_api(api):
    ref = api.new_request()["reference"]
    response = api.post(f"/api/requests/{ref}/searches", json={
        "place": "shared_drive", "place_detail": "team drive", "terms": "surname", "date_from": "2024-01-01",
        "date_to": "2024-12-31", "result": "found", "found_count": 4})
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["search"]["found_count"] == 4
    bad = api.post(f"/api/requests/{ref}/searches", json={"place": "shared_drive", "result": "found"})
    assert bad.status_code == 400 and "how many" in bad.get_json()["error"]
    listed = api.get(f"/api/requests/{ref}/searches").get_json()["searches"]
    assert [(s["place"], s["result"], s["terms"]) for s in listed] == [("shared_drive", "found", "surname")]


def test_calls_for_records_through_the_api(api):
    ref = api.new_request()["reference"]
    due = api.get(f"/api/requests/{ref}").get_json()["due"]
    from datetime import date, timedelta

    internal = (date.fromisoformat(due) - timedelta(days=7)).isoformat()
    response = api.post(f"/api/requests/{ref}/record-calls",
                        json={"team": "Youth justice", "what": "Case notes", "due_on": internal})
    assert response.status_code == 201, response.get_json()
    call = response.get_json()["record_call"]
    assert (call["status"], call["overdue"]) == ("open", False)
    answered = api.post(f"/api/requests/{ref}/record-calls", json={"answer": call["id"], "found_count": 0})
    assert answered.status_code == 200 and answered.get_json()["record_call"]["status"] == "answered"
    [listed] = api.get(f"/api/requests/{ref}/record-calls").get_json()["record_calls"]
    assert listed["status"] == "answered"
    [search] = api.get(f"/api/requests/{ref}/searches").get_json()["searches"]
    assert (search["place"], search["result"]) == ("other_team", "none_found")
