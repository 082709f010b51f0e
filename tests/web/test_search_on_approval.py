"""Issue 17: the search recorded on the case page reaches the manager's approval screen in full (places, terms,
dates, results); tests/sar/test_search_letters.py checks what the letters say of it."""

from __future__ import annotations

from tests.sar._docs import pdf_bytes
from tests.web.test_ui_support import flashes, post
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name


def test_manager_sees_the_search_log_on_approval_and_the_letter_summarises_it(web):
    officer, manager = web.user("officer"), web.user("manager")
    client = web.login(officer)
    reference = web.new_request(client)
    web.upload(client, reference, pdf_bytes("A case note about the family."), "note.pdf")
    logged = post(client, f"/staff/requests/{reference}/searches", {
        "place": "case_management", "result": "found", "found_count": "4", "terms": "TermOnlyStaffSee",
        "date_from": "2020-01-01", "date_to": "2026-01-31"})
    assert any("Search recorded." in m for m in flashes(client.get(logged.location)))
    post(client, f"/staff/requests/{reference}/searches", {"place": "paper_files", "result": "none_found"})
    _, _, job = web.submit(client, reference)
    assert job["status"] == "done"
    page = web.login(manager).get(f"/staff/requests/{reference}/pack").get_data(as_text=True)
    section = page.split('id="pack-search-h"')[1].split("</table>")[0]
    assert "The search behind this pack (2)" in page
    assert "the case management system" in section and "TermOnlyStaffSee" in section and "found 4" in section
    assert "paper files" in section and "none found" in section
