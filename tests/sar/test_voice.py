"""The child's voice and communication needs (issue 16): communication fields, the interpreter task,
the competence rule (rulebook T-4) and its release gate, and letters in large print and easy read."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pymupdf
import pytest
from sqlalchemy import select

from redaction import pdf_compose
from sar.bundle import redactions
from sar.core.errors import Conflict, NotPermitted, ValidationError
from sar.core.storage import FileStore
from sar.intake import parties, stage_letters, voice
from sar.intake import requests as req_uc
from sar.models import AuditEvent, CaseTask, OutboxEmail
from sar.release import approvals, entitlement, letters
from sar.workflow.transitions import transition
from tests.sar._docs import add_pdf, make_team, pdf_bytes

PARENT_TEXT = "I am the mother of Riley Example and I want a copy of his social care records."


@pytest.fixture
def team(session):
    return make_team(session)


def _open(session, settings, team, now, *, dob=date(2012, 6, 1), regime=None, text=PARENT_TEXT):
    """A parent's SAR for a child (13 on the fixed date) with the parent's authority verified."""
    req = req_uc.open_request(
        session, actor=team.officer, now=now, settings=settings, description=text,
        requester=req_uc.PersonIn(name="Jordan Example", email="jordan@example.org", type="parent"),
        subject=req_uc.PersonIn(name="Riley Example"), channel="letter", regime=regime)
    transition(session, req, "in_progress", actor=team.officer, reason="started", now=now)
    add_pdf(session, req, team, now, settings, "Visit record.\nRiley Example was seen at home.\n")
    if dob is not None:
        parties.update_party(session, req.party("data_subject"), dob=dob, actor=team.officer, now=now)
    rep = req.party("representative")
    if rep is not None:
        parties.attach_evidence(session, req, pdf_bytes("authority"), "pr.pdf", "authority", actor=team.officer,
                                now=now, settings=settings, party=rep)
        parties.record_evidence(session, rep, "authority", "verified", note="seen", actor=team.officer, now=now)
    return req


def _submit(session, settings, team, now, req):
    return approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)


# --- communication needs -------------------------------------------------------------------------

def test_communication_needs_are_recorded_and_audited(session, settings, now, team):
    req = _open(session, settings, team, now)
    party = req.party("requester")
    voice.set_communication(session, party, actor=team.officer, now=now, preferred_language="PL",
                            interpreter_needed=True, preferred_format="large_print", preferred_channel="post",
                            advocate_name="A. Advocate", advocate_contact="advocacy service, 01234 567890")
    assert (party.preferred_language, party.interpreter_language) == ("pl", "pl")
    summary = voice.communication_summary(party)
    assert summary["interpreter"] == "pl" and summary["format_label"] == "large print" and summary["recorded"]
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "party.communication")).one()
    assert event.detail["to"]["preferred_format"] == "large_print" and event.detail["from"]["preferred_format"] is None


@pytest.mark.parametrize("changes, message", [
    ({"preferred_language": "Polish!"}, "not a language code"),
    ({"preferred_format": "comic_sans"}, "unknown format"),
    ({"preferred_channel": "pigeon"}, "unknown channel"),
    ({"interpreter_needed": True}, "which language the interpreter"),
    ({"advocate_contact": "01234"}, "advocate's name"),
    ({"colour": "blue"}, "cannot set colour"),
])
def test_bad_communication_needs_are_refused(session, settings, now, team, changes, message):
    party = _open(session, settings, team, now).party("requester")
    with pytest.raises(ValidationError, match=message):
        voice.set_communication(session, party, actor=team.officer, now=now, **changes)


def test_email_channel_needs_an_address(session, settings, now, team):
    req = _open(session, settings, team, now)
    subject = req.party("data_subject")
    with pytest.raises(ValidationError, match="no e-mail address"):
        voice.set_communication(session, subject, actor=team.officer, now=now, preferred_channel="email")
    voice.set_communication(session, req.party("requester"), actor=team.officer, now=now, preferred_channel="email")


def test_requester_cannot_set_communication_needs(session, settings, now, team):
    party = _open(session, settings, team, now).party("requester")
    with pytest.raises(NotPermitted):
        voice.set_communication(session, party, actor=team.requester, now=now, preferred_format="easy_read")


def test_interpreter_booking_is_a_task_with_a_due_date(session, settings, now, team):
    req = _open(session, settings, team, now)
    party = req.party("requester")
    with pytest.raises(ValidationError, match="needs an interpreter"):
        voice.arrange_interpreter(session, party, actor=team.officer, now=now, settings=settings)
    voice.set_communication(session, party, actor=team.officer, now=now, interpreter_needed=True,
                            interpreter_language="pl")
    task = voice.arrange_interpreter(session, party, actor=team.officer, now=now,
                                     settings=replace(settings, interpreter_booking_days=3))
    assert task.kind == "interpreter_booking" and task.due_on == date(2026, 3, 5) and "pl interpreter" in task.title
    with pytest.raises(Conflict, match="already open"):
        voice.arrange_interpreter(session, party, actor=team.officer, now=now, settings=settings)
    assert voice.open_tasks(session, req) == [task]
    voice.complete_task(session, task, actor=team.officer, now=now, note="booked, ref 42")
    assert voice.open_tasks(session, req) == []
    assert session.scalars(select(CaseTask)).one().done_note == "booked, ref 42"
    with pytest.raises(ValidationError, match="in the past"):
        voice.arrange_interpreter(session, party, actor=team.officer, now=now, settings=settings,
                                  due_on=date(2026, 3, 1))


def test_braille_goes_to_the_provider_as_a_task_and_large_print_does_not(session, settings, now, team):
    party = _open(session, settings, team, now).party("requester")
    voice.set_communication(session, party, actor=team.officer, now=now, preferred_format="large_print")
    with pytest.raises(ValidationError, match="produced here"):
        voice.request_accessible_format(session, party, actor=team.officer, now=now, settings=settings)
    voice.set_communication(session, party, actor=team.officer, now=now, preferred_format="braille")
    task = voice.request_accessible_format(session, party, actor=team.officer, now=now, settings=settings)
    assert task.kind == "accessible_format" and "Braille" in task.title


# --- the competence rule (rulebook T-4) ----------------------------------------------------------

def test_parent_request_for_child_cannot_be_submitted_before_the_assessment(session, settings, now, team):
    req = _open(session, settings, team, now)
    assert entitlement.child_rule_applies(req)
    with pytest.raises(Conflict, match="record the child's competence and views"):
        _submit(session, settings, team, now, req)


def test_adult_subject_or_own_request_needs_no_assessment(session, settings, now, team):
    adult = _open(session, settings, team, now, dob=date(2000, 1, 1))
    assert not entitlement.child_rule_applies(adult)
    with pytest.raises(ValidationError, match="not a request made by someone else about a child"):
        voice.assess_child(session, adult, actor=team.officer, now=now, settings=settings, competent=True,
                           views="consents", views_text="fine")
    unknown = _open(session, settings, team, now, dob=None)
    assert not entitlement.child_rule_applies(unknown) and entitlement.age_unknown(unknown)


@pytest.mark.parametrize("age_setting, competent, understanding, ok", [
    (12, True, "", True),            # 13 >= 12: presumed competent, no reasons needed
    (12, False, "", False),          # departing from the presumption needs reasons
    (12, False, "does not yet understand what the records are", True),
    (14, True, "", False),           # the age is configurable (VERIFY): 13 < 14, competence needs reasons
    (14, False, "", True),
    (0, True, "", False),            # no presumption at all: every finding of competence is reasoned
])
def test_presumption_of_competence_follows_the_configured_age(session, settings, now, team, age_setting, competent,
                                                              understanding, ok):
    req = _open(session, settings, team, now)
    cfg = replace(settings, child_competence_age=age_setting)
    call = lambda: voice.assess_child(session, req, actor=team.officer, now=now, settings=cfg,  # noqa: E731
                                      competent=competent, understanding=understanding, views="consents",
                                      views_text="I am happy for mum to see it")
    if ok:
        assert call().age == 13
    else:
        with pytest.raises(ValidationError, match="presumed"):
            call()


def test_competent_child_consenting_releases(session, settings, now, team):
    req = _open(session, settings, team, now)
    voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=True,
                       views="consents", views_text="mum can see it")
    assert _submit(session, settings, team, now, req).status == "pending"


def test_competent_child_refusing_blocks_unless_best_interests_recorded(session, settings, now, team):
    req = _open(session, settings, team, now)
    voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=True,
                       views="refuses", views_text="I do not want my mum to read it", no_parent_contact=True)
    with pytest.raises(Conflict, match="competent child refuses"):
        _submit(session, settings, team, now, req)
    voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=True,
                       views="refuses", views_text="I do not want my mum to read it",
                       best_interests="release of the health plan is needed for the child's treatment")
    assert _submit(session, settings, team, now, req).status == "pending"
    assert len(req.child_assessments) == 2  # nothing is lost: the first assessment stays on record


def test_competent_child_views_must_be_sought(session, settings, now, team):
    req = _open(session, settings, team, now)
    voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=True,
                       views="not_sought", views_text="child in hospital this week")
    with pytest.raises(Conflict, match="views must be sought"):
        _submit(session, settings, team, now, req)


def test_child_not_competent_lets_the_parent_proceed(session, settings, now, team):
    req = _open(session, settings, team, now, dob=date(2020, 1, 1))
    voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=False,
                       views="not_sought", views_text="too young to give a view")
    assert _submit(session, settings, team, now, req).status == "pending"


@pytest.mark.parametrize("kwargs, message", [
    ({"views": "partial", "views_text": "some"}, "does not want shared"),
    ({"views": "consents", "views_text": "", }, "own words"),
    ({"views": "not_sought", "views_text": ""}, "not sought"),
    ({"views": "consents", "views_text": "ok", "not_to_share": "x"}, "only where the child agrees to part"),
    ({"views": "consents", "views_text": "ok", "best_interests": "x"}, "best-interests reason"),
    ({"views": "maybe", "views_text": "ok"}, "unknown views"),
    ({"views": "consents", "views_text": "ok", "age": 9}, "date of birth gives age 13"),
])
def test_incomplete_assessments_are_refused(session, settings, now, team, kwargs, message):
    req = _open(session, settings, team, now)
    with pytest.raises(ValidationError, match=message):
        voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=True, **kwargs)


def test_partial_views_reach_the_manager_and_the_record(session, settings, now, team):
    req = _open(session, settings, team, now)
    voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=True,
                       views="partial", views_text="mum can see most of it", not_to_share="my diary pages")
    # Negative row: a pack that withholds nothing cannot leave out what the child does not want shared (T-4).
    with pytest.raises(Conflict, match="withholds nothing"):
        _submit(session, settings, team, now, req)
    assert "withholds nothing" in voice.child_views(session, req, actor=team.officer, now=now)["problems"][0]
    item = add_pdf(session, req, team, now, settings, "Diary page.")
    redactions.mark_page(session, item, 0, "withheld", code="SCH3-P10-EXPECTATIONS", reason="the child's diary",
                         actor=team.officer, now=now)
    _submit(session, settings, team, now, req)
    shown = voice.child_views(session, req, actor=team.manager, now=now)
    assert shown["assessment"]["not_to_share"] == "my diary pages" and shown["problems"] == []
    viewed = session.scalars(select(AuditEvent).where(AuditEvent.action == "child.view")
                             .order_by(AuditEvent.seq.desc())).first()
    assert viewed.actor_id == team.manager.id
    with pytest.raises(NotPermitted):
        voice.child_views(session, req, actor=team.requester, now=now)


def test_assessment_voids_a_standing_approval(session, settings, now, team):
    req = _open(session, settings, team, now)
    voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=True,
                       views="consents", views_text="fine")
    _submit(session, settings, team, now, req)
    assert req.status == "awaiting_approval"
    voice.assess_child(session, req, actor=team.officer, now=now + timedelta(hours=1), settings=settings,
                       competent=True, views="refuses", views_text="changed my mind")
    assert req.status == "in_review"


# --- letters: large print and easy read as real PDFs ---------------------------------------------

def _spans(data: bytes) -> list[tuple[float, str]]:
    out = []
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        for page in doc:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    text = "".join(s["text"] for s in line["spans"])
                    if text.strip():
                        out.append((max(s["size"] for s in line["spans"]), text))
    return out


def _line_pitch(data: bytes) -> float:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        ys = sorted({round(line["bbox"][3], 1) for block in doc[0].get_text("dict")["blocks"]
                     for line in block.get("lines", [])})
    return min(b - a for a, b in zip(ys, ys[1:], strict=False) if b - a > 1)


def _sent_pdf(session, settings, team, now, req, fmt):
    voice.set_communication(session, req.party("requester"), actor=team.officer, now=now, preferred_format=fmt)
    letter = stage_letters.send(session, req, "acknowledgement", actor=team.officer, now=now, settings=settings)
    return letter, FileStore(settings.storage_dir).get(letter.pdf_sha256)


def test_large_print_letter_is_a_real_large_print_layout(session, settings, now, team):
    req = _open(session, settings, team, now)
    letter, data = _sent_pdf(session, settings, team, now, req, "large_print")
    spans = _spans(data)
    body = [size for size, _ in spans]
    assert min(body) >= 18.0                                  # UKAAF large print: 16 pt or more
    assert max(len(text) for _, text in spans) <= pdf_compose.LARGE_PRINT.max_chars
    assert _line_pitch(data) >= 18.0 * 1.45                    # 1.5 line spacing
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        lefts = {round(line["bbox"][0]) for b in doc[0].get_text("dict")["blocks"] for line in b.get("lines", [])}
    assert lefts == {round(pdf_compose.LARGE_PRINT.margin)}   # left-aligned, no centring or indents
    assert session.scalars(select(AuditEvent).where(AuditEvent.action == "letter.send")).one().detail["format"] \
        == "large_print"


def test_standard_letter_is_not_large_print(session, settings, now, team):
    req = _open(session, settings, team, now)
    _, data = _sent_pdf(session, settings, team, now, req, "standard")
    assert max(size for size, _ in _spans(data)) < 18.0
    assert max(len(text) for _, text in _spans(data)) > pdf_compose.LARGE_PRINT.max_chars


def _sentences(text: str) -> list[str]:
    body = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("## ")]
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(body)) if s.strip()]


@pytest.mark.parametrize("regime, text", [("sar", PARENT_TEXT),
                                          ("foi", "How many children's homes does the council run?")])
def test_easy_read_acknowledgement_is_plain_and_laid_out_for_reading(session, settings, now, team, regime, text):
    req = _open(session, settings, team, now, regime=regime, text=text)
    standard = stage_letters.draft(session, req, "acknowledgement", actor=team.officer, now=now, settings=settings)
    letter, data = _sent_pdf(session, settings, team, now, req, "easy_read")
    assert letter.template == standard.template and letter.body_text != standard.text
    own = letter.body_text.split("## We have your request", 1)[1].split("Yours sincerely", 1)[0]
    longest = max(len(s.split()) for s in _sentences(own))
    assert longest <= 15, longest
    assert max(len(s.split()) for s in _sentences(standard.text)) > 15   # the standard letter is not easy read
    assert min(size for size, _ in _spans(data)) >= 16.0
    assert max(len(t) for _, t in _spans(data)) <= pdf_compose.EASY_READ.max_chars


def test_easy_read_falls_back_to_standard_wording_where_none_exists(settings):
    # Every public letter now has easy-read wording; an agency letter (police, court) keeps the standard one.
    assert letters.template_variant(settings, "stage_acknowledgement_third_party.txt", "easy_read") == \
        "stage_acknowledgement_third_party.txt"
    assert letters.template_variant(settings, "sar_cover.txt", "easy_read") == "easy_read/sar_cover.txt"
    assert letters.template_variant(settings, "sar_cover.txt", "large_print") == "sar_cover.txt"


# --- languages: translations with English as the recorded fallback ------------------------------

def _ack(session, settings, team, now, req, language):
    voice.set_communication(session, req.party("requester"), actor=team.officer, now=now,
                            preferred_language=language)
    letter = stage_letters.send(session, req, "acknowledgement", actor=team.officer, now=now, settings=settings)
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "letter.send")
                            .order_by(AuditEvent.seq.desc())).first()
    return letter, event.detail


def test_welsh_acknowledgement_is_sent_in_welsh(session, settings, now, team):
    req = _open(session, settings, team, now)
    letter, detail = _ack(session, settings, team, now, req, "cy")
    assert "Annwyl Jordan Example" in letter.body_text and "2 Mawrth 2026" in letter.body_text
    assert "Dear" not in letter.body_text
    assert (detail["language"], detail["language_sent"], detail["language_fallback"]) == ("cy", "cy", False)


def test_language_without_a_translation_falls_back_to_english_and_is_recorded(session, settings, now, team):
    req = _open(session, settings, team, now)
    letter, detail = _ack(session, settings, team, now, req, "pl")
    assert "Dear Jordan Example" in letter.body_text
    assert (detail["language"], detail["language_sent"], detail["language_fallback"]) == ("pl", "en", True)


def test_resolve_order_translation_then_easy_read_then_english(settings):
    assert letters.resolve(settings, "stage_acknowledgement_sar.txt", "easy_read", "cy") == (
        "cy/easy_read/stage_acknowledgement_sar.txt", "cy")  # Welsh easy read first
    assert letters.resolve(settings, "stage_clarification.txt", "easy_read", "cy") == (
        "cy/stage_clarification.txt", "cy")  # no Welsh easy read: Welsh standard (SAR_LETTER_FALLBACK=language)
    assert letters.resolve(settings, "stage_acknowledgement_sar.txt", "easy_read", "pl") == (
        "easy_read/stage_acknowledgement_sar.txt", "en")
    assert letters.resolve(settings, "stage_acknowledgement_third_party.txt", "standard", "cy") == (
        "stage_acknowledgement_third_party.txt", "en")


# --- a young person's own request ----------------------------------------------------------------

def _own_request(session, settings, team, now, dob):
    req = req_uc.open_request(
        session, actor=team.officer, now=now, settings=settings,
        description="Please send me a copy of my social care file.",
        requester=req_uc.PersonIn(name="Riley Example", email="riley@example.org"), channel="email")
    parties.update_party(session, req.party("data_subject"), dob=dob, actor=team.officer, now=now)
    return req


def test_young_person_gets_the_child_friendly_letter(session, settings, now, team):
    req = _own_request(session, settings, team, now, date(2011, 1, 1))
    assert letters.letter_format(req) == "young_person"
    letter = stage_letters.send(session, req, "acknowledgement", actor=team.officer, now=now, settings=settings)
    assert "An advocate is someone on your side." in letter.body_text and "advocacy service" in letter.body_text
    data = FileStore(settings.storage_dir).get(letter.pdf_sha256)
    assert min(size for size, _ in _spans(data)) >= pdf_compose.EASY_READ.body
    # A format the young person chose wins.
    voice.set_communication(session, req.party("requester"), actor=team.officer, now=now,
                            preferred_format="large_print")
    assert letters.letter_format(req) == "large_print"


def test_adult_own_request_gets_the_standard_letter(session, settings, now, team):
    req = _own_request(session, settings, team, now, date(1990, 1, 1))
    assert letters.letter_format(req) == "standard"
    letter = stage_letters.send(session, req, "acknowledgement", actor=team.officer, now=now, settings=settings)
    assert "advocate" not in letter.body_text.lower()


def test_advocate_gets_a_copy_of_emailed_letters_only_when_asked(session, settings, now, team):
    req = _own_request(session, settings, team, now, date(2011, 1, 1))
    party = req.party("requester")
    with pytest.raises(ValidationError, match="advocate's e-mail address"):
        voice.set_communication(session, party, actor=team.officer, now=now, advocate_name="Sam Advocate",
                                advocate_copy=True)
    with pytest.raises(ValidationError, match="not an e-mail address"):
        voice.set_communication(session, party, actor=team.officer, now=now, advocate_name="Sam Advocate",
                                advocate_email="sam at example")
    voice.set_communication(session, party, actor=team.officer, now=now, advocate_name="Sam Advocate",
                            advocate_email="sam@advocacy.example.org")
    stage_letters.send(session, req, "acknowledgement", actor=team.officer, now=now, settings=settings)
    assert [e.to_addr for e in session.scalars(select(OutboxEmail))] == ["riley@example.org"]
    voice.set_communication(session, party, actor=team.officer, now=now, advocate_copy=True)
    stage_letters.send(session, req, "acknowledgement", actor=team.officer, now=now, settings=settings)
    sent = [e.to_addr for e in session.scalars(select(OutboxEmail).order_by(OutboxEmail.id))]
    assert sent == ["riley@example.org", "riley@example.org", "sam@advocacy.example.org"]
    last = session.scalars(select(AuditEvent).where(AuditEvent.action == "letter.send")
                           .order_by(AuditEvent.seq.desc())).first()
    assert last.detail["copied_to_advocate"] == "sam@advocacy.example.org"


def test_a_person_who_asked_for_post_gets_letters_by_post(session, settings, now, team):
    """The preferred channel is honoured: e-mail is refused for someone who asked for post (issue 16)."""
    req = _own_request(session, settings, team, now, date(1990, 1, 1))
    stage_letters.send(session, req, "acknowledgement", actor=team.officer, now=now, settings=settings)  # e-mail
    voice.set_communication(session, req.party("requester"), actor=team.officer, now=now, preferred_channel="post")
    with pytest.raises(ValidationError, match="asked for letters by post"):
        stage_letters.send(session, req, "acknowledgement", actor=team.officer, now=now, settings=settings)
    letter = stage_letters.send(session, req, "acknowledgement", actor=team.officer, now=now, settings=settings,
                                dispatch="post", posted_on=now.date())
    assert letter.dispatch == "post"
