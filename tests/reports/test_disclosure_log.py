"""The FOI/EIR disclosure log: PII re-scan, four-eyes publishing, withdrawal, public search and paging."""

from __future__ import annotations

import functools
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from redaction.nlp import build_analyzer
from redaction.public_text import leaks, scan
from sar.core.errors import Conflict, NotFound, NotPermitted, ValidationError
from sar.disclosure import prepare_entry, public_entries, public_entry, publish_entry, withdraw_entry
from sar.models import AuditEvent
from sar.workflow.transitions import transition
from tests.factories import make_request, make_user

pytestmark = pytest.mark.slow  # loads the spaCy model once for the module

NOW = datetime(2026, 3, 10, 10, tzinfo=UTC)
REQUEST_TEXT = ("I am Priya Lakshmanan. Please tell me how many foster placements Example County Council made in "
                "2025. My neighbour Gareth Holloway told me the number is low. Reply to priya@example.org.")
RESPONSE_TEXT = ("Example County Council holds this information. In 2025 the council made 41 placements. "
                 "Dana Whitfield, Information Rights Officer.")


@pytest.fixture(scope="module")
def scanner():
    return functools.partial(scan, analyzer=build_analyzer())


def _released(session, settings, officer, regime="foi"):
    req = make_request(session, settings, actor=officer, regime=regime, description=REQUEST_TEXT,
                       requester_name="Priya Lakshmanan", requester_email="priya@example.org", now=NOW)
    for status in ("in_progress", "in_review", "awaiting_approval", "approved", "released"):
        transition(session, req, status, actor=officer, reason="test", now=NOW)
    return req


def test_the_scan_removes_private_people_and_keeps_the_council(scanner):
    out = scanner(REQUEST_TEXT, private_names=["Priya Lakshmanan"], keep_names=["Example County Council"])
    assert "Priya" not in out.text and "Lakshmanan" not in out.text
    assert "Gareth Holloway" not in out.text  # a private individual the model finds
    assert "priya@example.org" not in out.text
    assert "Example County Council" in out.text and "2025" in out.text  # a year is not a phone number
    assert leaks(out.text, ["Priya Lakshmanan"]) == [] and leaks(REQUEST_TEXT, ["priya  lakshmanan"]) != []


def test_officers_names_are_kept_only_when_the_setting_says_so(session, settings, scanner):
    officer = make_user(session, "officer", name="Dana Whitfield")
    req = _released(session, settings, officer)
    default = prepare_entry(session, req, title="Foster placements in 2025", response_text=RESPONSE_TEXT,
                            actor=officer, now=NOW, settings=settings, scanner=scanner)
    assert "Dana Whitfield" not in default.response_text and "Example County Council" in default.response_text
    keep = replace(settings, disclosure_keep_officer_names=True)
    kept = prepare_entry(session, req, title="Foster placements in 2025", response_text=RESPONSE_TEXT,
                         actor=officer, now=NOW, settings=keep, scanner=scanner)
    assert "Dana Whitfield" in kept.response_text and "Priya" not in kept.request_text


def test_publish_needs_a_second_manager_and_withdrawal_keeps_the_row(session, settings, scanner):
    officer, manager = make_user(session, "officer"), make_user(session, "manager")
    other = make_user(session, "manager")
    req = _released(session, settings, officer)
    entry = prepare_entry(session, req, title="Foster placements", response_text=RESPONSE_TEXT, actor=manager,
                          now=NOW, settings=settings, scanner=scanner)
    assert entry.status == "draft" and entry.removed and public_entries(session).total == 0
    with pytest.raises(NotPermitted):
        publish_entry(session, entry, actor=officer, now=NOW)
    with pytest.raises(Conflict, match="four eyes"):
        publish_entry(session, entry, actor=manager, now=NOW)
    publish_entry(session, entry, actor=other, now=NOW)
    assert public_entry(session, entry.id).title == "Foster placements"
    with pytest.raises(Conflict, match="already on the disclosure log"):
        prepare_entry(session, req, title="Again", response_text=RESPONSE_TEXT, actor=officer, now=NOW,
                      settings=settings, scanner=scanner)
    with pytest.raises(ValidationError):
        withdraw_entry(session, entry, " ", actor=other, now=NOW)
    withdraw_entry(session, entry, "published in error", actor=other, now=NOW)
    with pytest.raises(NotFound):
        public_entry(session, entry.id)
    assert entry.status == "withdrawn" and entry.withdraw_reason == "published in error"
    actions = {e.action for e in session.query(AuditEvent).filter_by(request_id=req.id)}
    assert {"disclosure.prepare", "disclosure.publish", "disclosure.withdraw"} <= actions


def test_a_name_put_back_by_hand_is_caught_before_publishing(session, settings, scanner):
    officer, manager = make_user(session, "officer"), make_user(session, "manager")
    entry = prepare_entry(session, _released(session, settings, officer), title="Placements",
                          response_text=RESPONSE_TEXT, actor=officer, now=NOW, settings=settings, scanner=scanner)
    entry.response_text += " Copied to Priya Lakshmanan."
    with pytest.raises(Conflict, match="name is still in the text"):
        publish_entry(session, entry, actor=manager, now=NOW)


def test_only_released_foi_and_eir_responses(session, settings, scanner):
    officer = make_user(session, "officer")
    sar = _released(session, settings, officer, regime="sar")
    with pytest.raises(ValidationError, match="only FOI and EIR"):
        prepare_entry(session, sar, title="x", response_text="y", actor=officer, now=NOW, settings=settings,
                      scanner=scanner)
    unreleased = make_request(session, settings, actor=officer, regime="eir", now=NOW)
    with pytest.raises(ValidationError, match="after it has been released"):
        prepare_entry(session, unreleased, title="x", response_text="y", actor=officer, now=NOW, settings=settings,
                      scanner=scanner)
    with pytest.raises(NotPermitted):
        prepare_entry(session, _released(session, settings, officer), title="x", response_text="y",
                      actor=make_user(session, "requester"), now=NOW, settings=settings, scanner=scanner)


def test_public_search_and_paging(session, settings, scanner):
    officer, manager = make_user(session, "officer"), make_user(session, "manager")
    for n in range(5):
        topic = "road gritting" if n % 2 else "library opening hours"
        entry = prepare_entry(session, _released(session, settings, officer), title=f"{topic} {n}",
                              response_text=f"The answer about {topic}.", actor=officer, now=NOW, settings=settings,
                              scanner=scanner)
        publish_entry(session, entry, actor=manager, now=NOW)
    assert public_entries(session, query="gritting").total == 2
    assert public_entries(session, query="library hours").total == 3
    second = public_entries(session, page=2, per_page=2)
    assert (second.total, second.pages, len(second.entries)) == (5, 3, 2)
    assert public_entries(session, query="100%_").total == 0
