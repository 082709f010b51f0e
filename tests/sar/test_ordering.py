"""Ordering a bundle by the documents' own dates or by type (issue 17); attachments stay with their e-mail."""

from __future__ import annotations

from datetime import date

import pytest

from redaction import pdf_convert
from sar.bundle import documents, ordering
from sar.core.errors import ValidationError
from tests import formats_factory as ff
from tests.sar._docs import add_pdf, make_team, sar_request


@pytest.mark.parametrize("text,expected", [
    ("Meeting held on 03/04/2025 at the office", date(2025, 4, 3)),  # day first (UK)
    ("Date: 2024-11-30\nSeen again 01/01/2025", date(2024, 11, 30)),  # the first date written wins
    ("Letter of 5th Sept 2023 about the plan", date(2023, 9, 5)),
    ("Case review, 12 March 2026", date(2026, 3, 12)),
    ("Reference 31/02/2025 is not a date; 1 June 2020 is", date(2020, 6, 1)),
    ("No date here, case 12345", None),
])
def test_first_date_reads_uk_dates(text, expected):
    assert ordering.first_date(text) == expected


@pytest.fixture
def team(session):
    return make_team(session)


def test_order_by_date_puts_undated_last_and_attachments_after_their_email(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    undated = add_pdf(session, req, team, now, settings, "A note with no date at all.", filename="undated.pdf")
    add_pdf(session, req, team, now, settings, "Visit on 14 February 2025.", filename="later.pdf")
    mail = pdf_convert.convert(ff.eml(sender="a@council.example", to="b@council.example", cc="", subject="Plan",
                                      body="Agreed on 2 January 2025."), "plan.eml")
    email_item = documents.add_converted(session, req, original=b"mail", original_media_type="message/rfc822",
                                         converted_pdf=mail.pdf, page_count=mail.page_count, filename="plan.eml",
                                         actor=team.officer, now=now, settings=settings)
    attachment = add_pdf(session, req, team, now, settings, "Attached minutes of 1 March 2020.", filename="att.pdf")
    attachment.attached_to_id = email_item.id
    add_pdf(session, req, team, now, settings, "Referral dated 05/01/2024.", filename="earlier.pdf")
    ordered = ordering.order_bundle(session, req, "date", settings=settings, actor=team.officer, now=now)
    # The e-mail is dated by its Sent header (3 March 2026), not by a date in its text.
    assert [i.filename for i in ordered] == ["earlier.pdf", "later.pdf", "plan.eml", "att.pdf", "undated.pdf"]
    assert [i.filename for i in documents.list_bundle(session, req)] == [i.filename for i in ordered]  # saved
    by_type = ordering.order_bundle(session, req, "type", settings=settings, actor=team.officer, now=now)
    assert [i.filename for i in by_type][:2] == ["plan.eml", "att.pdf"]
    with pytest.raises(ValidationError, match="order by one of"):
        ordering.order_bundle(session, req, "size", settings=settings, actor=team.officer, now=now)
    assert undated.id in {i.id for i in by_type}
