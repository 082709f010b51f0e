"""The one-click picker of people recorded on the case, on the case page's cast panel (issue 11).

A plain form per person (POST with the CSRF token, no JavaScript needed), through Flask's client with CSRF on.
"""

from __future__ import annotations

import re

from sar.models import Party, Redaction
from tests.sar._docs import THIRD_PARTY
from tests.web.test_review_keys import case as case_fixture
from tests.web.test_ui_support import flashes, post
from tests.web.test_ui_support import web as web_fixture

web, case = web_fixture, case_fixture  # the fixtures, used by name


def test_recorded_people_are_added_to_the_cast_in_one_click(web, case):
    client, ref = case
    assert post(client, f"/staff/requests/{ref}/parties", {"party-role": "third_party", "party-name": THIRD_PARTY,
                                                           "party-relationship": "neighbour",
                                                           "party-decision": "redact"}
                ).status_code == 302
    with web.factory() as session:
        ids = {p.name: p.id for p in session.query(Party).all()}
    html = client.get(f"/staff/requests/{ref}").get_data(as_text=True)
    picker = html[html.index('id="case-parties"'):html.index("Correct the cast")]
    form = re.search(r'<form method="post" action="(/staff/requests/[^"]+/cast/parties/(\d+))"', picker)
    assert form and 'name="csrf_token"' in picker
    assert f"{THIRD_PARTY}</strong> (neighbour)" in picker and "Add as known third party" in picker
    assert "Applicant" not in picker and f'data-party="{min(ids.values())}"' not in picker  # the subject

    path = f"/staff/requests/{ref}/cast/parties/{ids[THIRD_PARTY]}"
    assert client.post(path, data={}).status_code == 400  # no CSRF token: refused by the form layer
    with web.factory() as session:
        assert session.query(Redaction).filter(Redaction.superseded_at.is_(None)).count() == 2
    done = post(client, path)
    assert done.status_code == 302 and done.location.endswith("#cast")
    assert any("added to the cast" in m.lower() for m in flashes(client.get(done.location)))
    html = client.get(f"/staff/requests/{ref}").get_data(as_text=True)
    assert f'data-person="{THIRD_PARTY}"' in html and "Confirmed" in html
    picker = html[html.index('id="cast-h"'):html.index("Correct the cast")]
    assert f'data-party="{ids[THIRD_PARTY]}"' not in picker and 'id="case-parties"' not in picker
    assert client.get(f"/staff/requests/{ref}/unresolved.json").get_json()["total"] == 0
    again = post(client, path)
    assert any("already" in m for m in flashes(client.get(again.location)))
    requester = web.login(web.user("requester"))
    assert post(requester, f"/staff/requests/{ref}/cast/parties/{ids[THIRD_PARTY]}").status_code in (403, 404)
