"""Issue 10, "Presidio done properly": JSON and CSV exports quote withheld text only through
redaction.anonymise (presidio-anonymizer); the reviewers' listing keeps it unless asked otherwise."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from sar.core import audit
from tests.web.test_api_helpers import api_on_new_database
from web.api import schemas

WITHHELD = "Ada Quillfeather"


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    with api_on_new_database(tmp_path_factory.mktemp("anon-api")) as api:
        yield api


def _row(text: str = WITHHELD, code: str = "SCH2-P16"):
    red = SimpleNamespace(id=1, bundle_item_id=2, page=0, text=text, entity_type="PERSON", code=code,
                          reason="third party", score=0.9, recognizer="SpacyRecognizer", source="engine",
                          status="proposed", decision_reason=None, boxes=[[1, 2, 3, 4]])
    return SimpleNamespace(redaction=red, filename="notes.pdf", flagged_for_manager=False)


def test_listing_keeps_the_quote_for_reviewers_by_default():
    assert schemas.redaction_out(_row())["text"] == WITHHELD


@pytest.mark.parametrize(("op", "expected"), [("replace", "[redacted: SCH2-P16]"),
                                              ("mask", "\u2588" * 3 + " " + "\u2588" * 12)])
def test_listing_export_anonymises_the_quote(op, expected):
    out = schemas.redaction_out(_row(), op)
    assert out["text"] == expected and WITHHELD.split()[0] not in out["text"]
    assert out["code"] == "SCH2-P16"


def test_listing_quote_parameter_is_validated_and_audited(api):
    ref = api.new_request()["reference"]
    bad = api.get(f"/api/requests/{ref}/redactions?quote=hash")
    assert bad.status_code == 400 and "quote" in bad.get_json()["error"]
    ok = api.get(f"/api/requests/{ref}/redactions?quote=replace")
    assert ok.status_code == 200 and ok.get_json() == {"items": [], "total": 0}


def test_audit_exports_anonymise_withheld_text_quoted_in_a_detail(api):
    ref = api.new_request()["reference"]
    with api.app.extensions["sar_session_factory"]() as s:
        audit.record(s, "redaction.entity", actor=None, now=datetime.now(UTC), target="bundle",
                     detail={"text": WITHHELD, "status": "accepted", "code": "SCH2-P16", "reason": "",
                             "decided": 1, "created": 0, "request": ref})
        audit.record(s, "request.note", actor=None, now=datetime.now(UTC), target=ref,
                     detail={"text": "kept: not a redaction"})
        s.commit()
    listed = api.get("/api/audit?action=redaction.entity", "manager").get_json()["items"]
    assert listed and all(WITHHELD not in str(i["detail"]) for i in listed)
    assert listed[-1]["detail"]["text"] == "[redacted: SCH2-P16]"
    assert listed[-1]["detail"]["decided"] == 1
    other = api.get("/api/audit?action=request.note", "manager").get_json()["items"]
    assert other[-1]["detail"]["text"] == "kept: not a redaction"
    as_csv = api.get("/api/audit?action=redaction.entity", "manager", headers={"Accept": "text/csv"})
    rows = list(csv.DictReader(io.StringIO(as_csv.get_data(as_text=True))))
    assert rows and WITHHELD not in as_csv.get_data(as_text=True)
    assert "[redacted: SCH2-P16]" in rows[-1]["detail"]
