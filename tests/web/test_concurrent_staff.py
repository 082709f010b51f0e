"""Several staff viewing cases at once never get an error page (issue 8: on SQLite 54-68% of page
views used to fail with ``UNIQUE constraint failed: audit_events.seq``). Every view is audited, so
this exercises concurrent appends to the audit chain through the real app, one thread per person.
"""

from __future__ import annotations

import threading

from sar.core import audit
from tests.web.test_ui_support import web  # noqa: F401  (fixture)

STAFF = 4
VIEWS = 15


def test_concurrent_staff_page_views_never_fail(web):  # noqa: F811
    manager = web.user("manager")
    first = web.login(manager)
    references = [web.new_request(first, requester_name=f"Requester {i}") for i in range(3)]
    clients = [web.login(manager if i == 0 else web.user("manager")) for i in range(STAFF)]
    failures: list[str] = []
    start = threading.Barrier(STAFF)

    def browse(client, offset: int) -> None:
        start.wait()
        for n in range(VIEWS):
            path = f"/staff/requests/{references[(n + offset) % len(references)]}"
            response = client.get(path)
            if response.status_code != 200:
                failures.append(f"{path}: {response.status_code}")

    threads = [threading.Thread(target=browse, args=(c, i)) for i, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == [], f"{len(failures)} of {STAFF * VIEWS} page views failed: {failures[:5]}"
    with web.factory() as session:
        assert audit.verify(session).ok
