"""Issue 17: a genuine Outlook .msg (an OLE compound file with MAPI property streams and two attachments, made
by tests/msg_factory.py) is read by extract-msg, converted with its headers, its attachments become documents
linked to it, and a third party named in it is proposed, redacted and verified clean like the EML test."""

from __future__ import annotations

import io
import shutil
from datetime import UTC, datetime

import extract_msg
import olefile
import pytest
from sqlalchemy.orm import sessionmaker

from redaction import pdf, pdf_convert
from redaction.errors import ConversionError
from sar.bundle import redactions
from sar.release import packs
from tests import formats_factory as ff
from tests import msg_factory as mf
from tests.sar._docs import make_team, propose, sar_request
from tests.sar.test_conversion import THIRD, _items, _receive, _run, _text

needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
SENT = datetime(2026, 2, 3, 10, 30, tzinfo=UTC)


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def req(session, settings, now, team):
    return sar_request(session, settings, team, now)


@pytest.fixture
def factory(session):
    """The job's short transactions run as savepoints inside the test's rolled-back transaction."""
    return sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint",
                        expire_on_commit=False)


def _msg(**kw) -> bytes:
    args = dict(sender="Duty Desk", sender_email="duty@council.example", to=[("Team Inbox", "team@council.example")],
                cc=[("Manager Inbox", "manager@council.example")], subject="Referral follow-up",
                body=f"Notes attached. {THIRD} called the duty desk on Monday.", sent=SENT,
                attachments=[("visit.docx", ff.docx_with_revisions(
                    kept="Plan agreed.", inserted="Added.", deleted="Removed.", commented="Contact was arranged.",
                    comment=f"Ask {THIRD} about this")), ("photo.png", ff.text_image(["Photo of the letter"]))])
    return mf.outlook_msg(**(args | kw))


def test_the_generated_msg_is_a_compound_file_that_extract_msg_reads():
    data = _msg()
    assert data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") and olefile.isOleFile(io.BytesIO(data))
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        assert ole.exists("__properties_version1.0") and ole.exists("__substg1.0_0037001F")
        assert ole.exists("__attach_version1.0_#00000001/__substg1.0_37010102")
    msg = extract_msg.openMsg(data)
    try:
        assert (msg.subject, msg.date) == ("Referral follow-up", SENT)
        assert "duty@council.example" in msg.sender and "team@council.example" in msg.to
        assert "manager@council.example" in msg.cc and THIRD in msg.body
        assert [a.longFilename for a in msg.attachments] == ["visit.docx", "photo.png"]
    finally:
        msg.close()
    assert pdf_convert.detect(data, "no extension") == "msg"


def test_a_truncated_msg_is_named_as_damaged():
    with pytest.raises(ConversionError, match=r"mail\.msg is damaged"):
        pdf_convert.convert(_msg()[:3000], "mail.msg")


@needs_office
def test_msg_converts_with_headers_and_each_attachment_becomes_a_linked_document(session, factory, settings, now,
                                                                                team, req):
    job = _run(session, factory, settings, now, _receive(session, req, team, now, settings, _msg(), "mail.msg").job)
    assert job.status == "done" and job.result["failed"] == []
    mail, visit, photo = _items(session, req)
    assert (mail.filename, visit.filename, photo.filename) == ("mail.msg", "visit.docx", "photo.png")
    assert visit.attached_to_id == photo.attached_to_id == mail.id and mail.attached_to_id is None
    assert mail.document.source_media_type == "application/vnd.ms-outlook"
    text = _text(settings, mail)
    for header in ("From:", "To:", "Cc:", "Sent:", "Subject:", "Referral follow-up", "manager@council.example"):
        assert header in text
    assert f"Ask {THIRD} about this" in _text(settings, visit)
    assert "Photo of the letter" in _text(settings, photo)


@needs_office
def test_third_party_in_the_msg_and_its_attachment_is_redacted_and_verified_clean(session, factory, settings, now,
                                                                                 team, req):
    _run(session, factory, settings, now, _receive(session, req, team, now, settings, _msg(), "mail.msg").job)
    mail, visit, _photo = _items(session, req)
    for item in (mail, visit):
        reds = propose(session, settings, item, THIRD, now=now)
        assert reds
        for red in reds:
            redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    bundle = packs.pack_files(packs.pack_bytes(settings, pack))[f"{req.reference}-bundle.pdf"]
    released = " ".join(p.text for p in pdf.extract(bundle, "b.pdf", ocr=False).pages)
    assert THIRD not in released and "Pemberton" not in released
    assert "called the duty desk on Monday." in released and "Contact was arranged." in released
