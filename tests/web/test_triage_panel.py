"""The staff triage panel: reasons, confidence, a "check this" flag, one-click override and the linked
original of a review request."""

from __future__ import annotations

import html as html_lib
import re

from sar.models import AuditEvent, Request
from tests.web.test_ui_support import post
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name


def page(client, reference: str) -> str:
    response = client.get(f"/staff/requests/{reference}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def one_click_forms(text: str) -> dict[str, dict[str, str]]:
    """{regime: form fields} of the one-click override buttons on a page."""
    forms = {}
    for form in re.findall(r'<form method="post" action="[^"]*/override" class="inline-form">(.*?)</form>', text,
                           re.S):
        fields = {n: html_lib.unescape(v) for n, v in re.findall(r'name="([^"]+)"[^>]*value="([^"]*)"', form)}
        forms[fields["regime"]] = fields
    return forms


def test_weak_triage_is_flagged_and_overridden_in_one_click(web):
    client = web.login(web.user("officer"))
    reference = web.new_request(client, regime="", requester_type="member_of_public",
                                description="Please send me the papers we talked about on the phone.")
    text = page(client, reference)
    assert 'data-confidence="low"' in text and "check this" in text
    assert "defaults to FOIA" in text  # the reason is shown
    forms = one_click_forms(text)
    assert set(forms) == {"eir", "sar"}
    response = post(client, f"/staff/requests/{reference}/override", forms["sar"])
    assert response.status_code == 302
    with web.factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        assert req.regime == "sar"
        assert req.triage["override"]["reason"].startswith("One-click change on the triage panel from foi to sar")
        assert session.query(AuditEvent).filter_by(action="triage.override").count() == 1
    assert one_click_forms(page(client, reference)) == {}  # overridden: the buttons give way to the notice


def test_confident_triage_has_no_flag(web):
    client = web.login(web.user("officer"))
    reference = web.new_request(client, regime="", requester_type="member_of_public",
                                description="Please send the noise survey for Oak House.")
    text = page(client, reference)
    assert 'data-confidence="high"' in text and "check this" not in text


def test_review_request_links_the_original_by_reference(web):
    client = web.login(web.user("officer"))
    original = web.new_request(client, regime="", requester_type="member_of_public",
                               description="How many children are in care?")
    review = web.new_request(client, regime="", requester_type="member_of_public",
                             description=f"Your ref {original}. I disagree with your refusal. Please carry out "
                                         "an internal review.")
    assert review.startswith("FOIR-")
    text = page(client, review)
    assert f'>{original}</a>' in text
