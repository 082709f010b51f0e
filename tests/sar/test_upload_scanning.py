"""Upload scanning hook (issue 15): a file the scanner calls infected is refused and nothing is stored.

The scanner here is a small script honouring clamdscan's contract (file on stdin, exit 1 and
"stream: NAME FOUND" for malware): it tests our hook, not ClamAV.
"""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from sar.bundle import documents
from sar.core.scanning import InfectedFile, ScanUnavailable
from sar.models import AuditEvent, BundleItem, Document
from tests.sar._docs import PAGE_ONE, make_team, pdf_bytes, sar_request

# The EICAR anti-virus test string (eicar.org): harmless, recognised by every scanner as a test virus.
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"

FAKE_CLAMDSCAN = """#!/bin/sh
# Reads the file on stdin like `clamdscan -`; exit 1 with clamd's FOUND line for the EICAR string.
if grep -q 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE' ; then
  echo "stream: Eicar-Test-Signature FOUND"; exit 1
fi
echo "stream: OK"; exit 0
"""


@pytest.fixture
def scanner(tmp_path):
    path = tmp_path / "fake-clamdscan"
    path.write_text(FAKE_CLAMDSCAN)
    os.chmod(path, 0o755)
    return f"{path} --no-summary"


def _files(root):
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_infected_upload_is_refused_with_a_clear_message_and_nothing_is_stored(session, settings, now, tmp_path,
                                                                                 scanner):
    cfg = replace(settings, clamav_command=scanner, storage_dir=tmp_path / "store")
    team = make_team(session)
    req = sar_request(session, cfg, team, now)
    docs_before = session.scalar(select(func.count()).select_from(Document))
    events_before = session.scalar(select(func.count()).select_from(AuditEvent))
    infected = pdf_bytes(PAGE_ONE) + b"\n%" + EICAR + b"\n"
    with pytest.raises(InfectedFile, match="virus scanner found Eicar-Test-Signature"):
        documents.add_document(session, req, infected, "visit.pdf", actor=team.officer, now=now, settings=cfg)
    assert _files(cfg.storage_dir) == []
    assert session.scalar(select(func.count()).select_from(Document)) == docs_before
    assert session.scalar(select(func.count()).select_from(BundleItem).where(BundleItem.request_id == req.id)) == 0
    assert session.scalar(select(func.count()).select_from(AuditEvent)) >= events_before
    # A clean file passes the same scanner and is stored.
    item = documents.add_document(session, req, pdf_bytes(PAGE_ONE), "clean.pdf", actor=team.officer, now=now,
                                  settings=cfg)
    assert item.id and len(_files(cfg.storage_dir)) == 1


def test_scanner_that_cannot_run_refuses_the_upload(session, settings, now, tmp_path):
    cfg = replace(settings, clamav_command=str(tmp_path / "no-such-scanner"), storage_dir=tmp_path / "store")
    team = make_team(session)
    req = sar_request(session, cfg, team, now)
    with pytest.raises(ScanUnavailable, match="not stored"):
        documents.add_document(session, req, pdf_bytes(PAGE_ONE), "a.pdf", actor=team.officer, now=now,
                               settings=cfg)
    assert _files(cfg.storage_dir) == []


def test_no_scanner_configured_stores_as_before(session, settings, now, tmp_path):
    cfg = replace(settings, clamav_command="", storage_dir=tmp_path / "store")
    team = make_team(session)
    req = sar_request(session, cfg, team, now)
    documents.add_document(session, req, pdf_bytes(PAGE_ONE) + b"\n%" + EICAR, "a.pdf", actor=team.officer, now=now,
                           settings=cfg)
    assert len(_files(cfg.storage_dir)) == 1
