"""Issue 10: the manager sees on the approval screen which pages the burn-in held back for a manual check.

The pack's manifest records them (``held_pages``, tests/sar/test_pack_held_pages.py builds such a
pack from a real scan); here the screen is checked against a stored pack with and without them.
"""

from __future__ import annotations

from sqlalchemy import select

from sar.models import ResponsePack
from tests.sar._docs import pdf_bytes
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name


def test_the_approval_screen_names_the_held_pages(web):
    officer, manager = web.user("officer"), web.user("manager")
    client = web.login(officer)
    reference = web.new_request(client)
    web.upload(client, reference, pdf_bytes("A case note about the family."), "note.pdf")
    _, _, job = web.submit(client, reference)
    assert job["status"] == "done"
    reader = web.login(manager)
    page = reader.get(f"/staff/requests/{reference}/pack").get_data(as_text=True)
    assert 'id="held-pages"' not in page  # negative row: nothing held, no notice
    with web.factory() as session:
        pack = session.scalars(select(ResponsePack).order_by(ResponsePack.id.desc())).first()
        pack.manifest = {**pack.manifest, "held_pages": [{"page": 1, "document": "Document 1", "document_page": 1}]}
        session.commit()
    page = reader.get(f"/staff/requests/{reference}/pack").get_data(as_text=True)
    notice = page.split('id="held-pages"', 1)[1].split("</div>", 1)[0]
    assert "1 page of this pack was held back for a manual check" in notice
    assert "Page 1 (Document 1, page 1)" in notice
