"""Rendering e-mail templates and queueing them in the outbox (no Flask, no sending)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import jinja2
import pytest
from sqlalchemy import select

from sar.core.errors import ValidationError
from sar.messaging.notifications import london_time, long_date, queue_email, render_text
from sar.models import OutboxEmail


def test_queue_email_renders_and_flushes_an_unsent_row(session, settings, now):
    email = queue_email(session, to="jamie@example.org", subject="Your request SAR-2026-0001",
                        template="generic",
                        context={"body": "Hello from the team.", "recipient_name": "Jamie"},
                        kind="general", request_id=None, now=now, settings=settings)
    assert email.id is not None
    row = session.scalars(select(OutboxEmail).where(OutboxEmail.id == email.id)).one()
    assert row.sent_at is None and row.attempts == 0 and row.created_at == now
    assert row.body_text.startswith("Dear Jamie,\n\nHello from the team.\n")
    assert settings.council_name in row.body_text


@pytest.mark.parametrize("to", ["", "not-an-address", "a@b.org, c@d.org", "a@b.org\nBcc: x@y.org"])
def test_queue_email_refuses_bad_recipients(session, settings, now, to):
    with pytest.raises(ValidationError):
        queue_email(session, to=to, subject="s", template="generic", context={"body": "x"}, kind="general",
                    request_id=None, now=now, settings=settings)


def test_queue_email_refuses_header_injection_in_subject(session, settings, now):
    with pytest.raises(ValidationError):
        queue_email(session, to="a@example.org", subject="Hi\r\nBcc: evil@example.org", template="generic",
                    context={"body": "x"}, kind="general", request_id=None, now=now, settings=settings)


def test_missing_variable_is_an_error_not_a_blank(settings):
    with pytest.raises(jinja2.UndefinedError):
        render_text("pack_released", {"requester_name": "Jo", "reference": "SAR-2026-0001"},
                    settings=settings)


def test_unknown_template(settings):
    with pytest.raises(jinja2.TemplateNotFound):
        render_text("no_such_template", {}, settings=settings)


def test_text_is_not_html_escaped(settings):
    text = render_text("generic", {"body": "Tom & Jerry <tom@example.org>"}, settings=settings)
    assert "Tom & Jerry <tom@example.org>" in text


def test_pack_released_has_link_and_expiry_in_london_time(settings):
    text = render_text("pack_released", {"requester_name": "Jo", "reference": "SAR-2026-0001",
                                         "link": "https://sar.example.gov.uk/d/abc",
                                         "expires_at": datetime(2026, 6, 1, 12, 0, tzinfo=UTC)},
                       settings=settings)
    assert "https://sar.example.gov.uk/d/abc" in text
    assert "Monday 1 June 2026 at 13:00" in text  # BST


def test_council_name_comes_from_settings(settings):
    other = replace(settings, council_name="Northshire Council")
    text = render_text("generic", {"body": "x"}, settings=other)
    assert "Northshire Council" in text


def test_date_filters():
    assert long_date(date(2026, 12, 25)) == "Friday 25 December 2026"
    assert long_date("2026-12-25") == "Friday 25 December 2026"
    assert long_date(None) == "not yet known"
    assert london_time(datetime(2026, 1, 5, 9, 30, tzinfo=UTC)) == "Monday 5 January 2026 at 09:30"


@pytest.mark.parametrize("template", ["acknowledgement", "due_soon", "extension_notice_due",
                                      "overdue_escalation", "daily_digest", "pack_released", "generic"])
def test_every_email_template_exists(settings, template):
    assert (settings.templates_dir / "email" / f"{template}.txt").is_file()
