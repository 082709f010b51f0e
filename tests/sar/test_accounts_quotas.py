"""Issue 15 per-account quotas: requests per day for requesters, upload bytes per day for every account."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from sar.accounts import quotas
from sar.bundle import documents
from sar.intake import requests as req_uc
from sar.models import BundleItem, Document
from tests.factories import make_request, make_user
from tests.sar._docs import pdf_bytes


def _ask(session, settings, requester, now):
    return req_uc.open_request(session, actor=requester, now=now, settings=settings, channel="portal",
                               description="Please send me my social care records.",
                               requester=req_uc.PersonIn(name=requester.name, email=requester.email))


def test_a_requester_is_stopped_at_the_daily_request_quota_with_a_clear_message(session, now, settings):
    settings = replace(settings, requester_requests_per_day=3)
    requester = make_user(session, "requester")
    for i in range(3):
        _ask(session, settings, requester, now + timedelta(minutes=i))
    with pytest.raises(quotas.QuotaExceeded, match="3 requests in the last 24 hours"):
        _ask(session, settings, requester, now + timedelta(minutes=5))
    # The window rolls: a day after the first, one more is allowed.
    assert _ask(session, settings, requester, now + timedelta(hours=24, seconds=1)).owner_id == requester.id


def test_staff_logging_requests_and_a_zero_limit_are_not_counted(session, now, settings):
    settings = replace(settings, requester_requests_per_day=1)
    officer = make_user(session, "officer")
    for i in range(3):
        make_request(session, settings, actor=officer, now=now + timedelta(minutes=i))
    unlimited = replace(settings, requester_requests_per_day=0)
    requester = make_user(session, "requester")
    for i in range(3):
        _ask(session, unlimited, requester, now + timedelta(minutes=i))


def test_uploads_stop_at_the_daily_byte_allowance(session, now, settings):
    officer = make_user(session, "officer")
    req = make_request(session, settings, actor=officer, now=now)
    first = pdf_bytes("first page")
    limit = quotas.MB
    documents.add_document(session, req, first, "a.pdf", actor=officer, now=now,
                           settings=replace(settings, staff_upload_mb_per_day=1))
    # What is left of the allowance may be used; a byte more may not.
    quotas.check_upload_quota(session, officer, limit - len(first), now=now,
                              settings=replace(settings, staff_upload_mb_per_day=1))
    with pytest.raises(quotas.QuotaExceeded, match="1 MB a day allowance"):
        quotas.check_upload_quota(session, officer, limit - len(first) + 1,
                                  settings=replace(settings, staff_upload_mb_per_day=1), now=now)
    assert quotas.upload_limit_bytes(make_user(session, "requester"), settings) == \
        settings.requester_upload_mb_per_day * quotas.MB


def test_an_upload_over_the_allowance_is_refused_and_nothing_is_stored(session, now, settings, tmp_path):
    officer = make_user(session, "officer")
    req = make_request(session, settings, actor=officer, now=now)
    tight = replace(settings, staff_upload_mb_per_day=1, storage_dir=tmp_path / "store")
    # Earlier today the officer stored almost the whole allowance (a large scan, recorded as any upload is).
    scan = Document(sha256="0" * 64, size_bytes=quotas.MB - 100, media_type="application/pdf", page_count=1,
                    created_at=now)
    session.add(scan)
    session.flush()
    session.add(BundleItem(request_id=req.id, document_id=scan.id, filename="scan.pdf", position=99,
                           purpose="case_record", uploaded_by_id=officer.id, uploaded_at=now - timedelta(hours=2)))
    session.flush()
    with pytest.raises(quotas.QuotaExceeded, match="0 MB left today"):
        documents.add_document(session, req, pdf_bytes("one more page"), "more.pdf", actor=officer, now=now,
                               settings=tight)
    assert not (tmp_path / "store").exists() or not any((tmp_path / "store").rglob("*.pdf"))
    # The next day the allowance is back.
    later = now + timedelta(hours=23)
    documents.add_document(session, req, pdf_bytes("one more page"), "more.pdf", actor=officer, now=later,
                           settings=tight)
