"""What the released pack itself may say (issue 8, "Disclosure to the requester").

File names never enter the pack (documents are released under staff titles); the pack's own leak check
covers every text it emits and fails closed; requester-supplied text cannot inject layout into letters
and e-mails; the schedule CSV cannot carry a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import pytest
from sqlalchemy import func, select

from redaction import pdf
from redaction.pdf_compose import text_pdf
from sar.bundle import documents, redactions
from sar.core.errors import NotPermitted, ValidationError
from sar.core.plain_text import MultilineText, email_value
from sar.messaging.notifications import render_text
from sar.models import AuditEvent, ResponsePack
from sar.release import approvals, letters, packs
from tests.sar._docs import PAGE_ONE, PAGE_TWO, THIRD_PARTY, add_pdf, make_team, propose, sar_request


@pytest.fixture
def team(session):
    return make_team(session)


def _accept_all(session, team, now, reds) -> None:
    for r in reds:
        redactions.decide_redaction(session, r, "accepted", reason=None, actor=team.officer, now=now)


def _texts(data: bytes) -> dict[str, str]:
    """Each member of a pack zip as text (PDFs extracted), plus the member names themselves."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        out["<member names>"] = "\n".join(zf.namelist())
        for name in zf.namelist():
            raw = zf.read(name)
            if name.endswith(".pdf"):
                out[name] = " ".join(p.text for p in pdf.extract(raw, name, ocr=False).pages)
                out[name + " (raw bytes)"] = raw.decode("latin-1")
            else:
                out[name] = raw.decode("utf-8")
    return out


def test_a_file_named_after_a_redacted_third_party_leaves_no_trace(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    filename = f"Referral_from_{THIRD_PARTY.replace(' ', '_')}.pdf"
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO, filename=filename)
    _accept_all(session, team, now, propose(session, settings, item, THIRD_PARTY, now=now))
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    texts = _texts(packs.pack_bytes(settings, pack))
    surname = THIRD_PARTY.split()[-1]
    for part, text in texts.items():
        for trace in (surname, "Referral_from", filename):
            assert trace not in text, (part, trace)
    letter = texts[f"{req.reference}-cover-letter.pdf"]
    assert "Document 1: pages 1 to 2" in " ".join(letter.split())
    rows = list(csv.DictReader(io.StringIO(texts[f"{req.reference}-redaction-schedule.csv"])))
    assert rows and {r["document"] for r in rows} == {"Document 1"}


def test_documents_are_released_under_their_staff_title(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, filename="scan_0042.pdf", title="Home visit record")
    _accept_all(session, team, now, propose(session, settings, item, THIRD_PARTY, now=now))
    texts = _texts(packs.pack_bytes(settings, packs.build_pack(session, req, actor=team.officer, now=now,
                                                                settings=settings)))
    assert "Home visit record: pages 1 to 1" in " ".join(texts[f"{req.reference}-cover-letter.pdf"].split())
    assert "Home visit record" in texts[f"{req.reference}-redaction-schedule.csv"]
    assert not any("scan_0042" in t for t in texts.values())


def test_a_title_holding_a_redacted_string_fails_closed(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO, filename="visit.pdf")
    _accept_all(session, team, now, propose(session, settings, item, THIRD_PARTY, now=now))
    documents.set_title(session, item, f"Notes of the visit with {THIRD_PARTY.upper()}", actor=team.officer,
                        now=now)
    with pytest.raises(packs.PackLeak) as caught:
        packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    message = str(caught.value)
    assert "title of document 1" in message and "No pack was built" in message
    assert THIRD_PARTY.casefold() not in message.casefold()
    assert session.scalar(select(func.count(ResponsePack.id))) == 0
    # With a neutral title the same bundle builds.
    documents.set_title(session, item, "Notes of the visit", actor=team.officer, now=now)
    assert packs.build_pack(session, req, actor=team.officer, now=now, settings=settings).sha256


def test_every_emitted_text_is_checked_not_only_titles(session, settings, now, team):
    """A redacted string reaching the letter by another route (here the addressee) also fails closed."""
    req = sar_request(session, settings, team, now)
    req.party("requester").name = THIRD_PARTY
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO, filename="visit.pdf")
    _accept_all(session, team, now, propose(session, settings, item, THIRD_PARTY, now=now))
    with pytest.raises(packs.PackLeak, match="cover letter") as caught:
        packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    assert THIRD_PARTY not in str(caught.value)
    assert session.scalar(select(func.count(ResponsePack.id))) == 0


def test_set_title_rules(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, filename="visit.pdf")
    assert item.title is None and packs.release_title(item, 3) == "Document 3"
    with pytest.raises(NotPermitted):
        documents.set_title(session, item, "Visit", actor=team.requester, now=now)
    with pytest.raises(ValidationError, match="at most"):
        documents.set_title(session, item, "x" * (documents.MAX_TITLE + 1), actor=team.officer, now=now)
    documents.set_title(session, item, "  Visit\nrecord\f ", actor=team.officer, now=now)
    assert item.title == "Visit record"  # one line
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "document.retitle")).one()
    assert event.detail["to"] == "Visit record"
    documents.set_title(session, item, "   ", actor=team.officer, now=now)
    assert item.title is None  # back to the default
    # A retitle changes what is released, so it voids a standing approval.
    _accept_all(session, team, now, propose(session, settings, item, THIRD_PARTY, now=now))
    approval = approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    documents.set_title(session, item, "Visit record", actor=team.manager, now=now)
    assert approval.status == "voided" and req.status == "in_review"
    # Retitling is preparing the pack: the manager who retitled cannot approve it (four eyes).
    again = approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    with pytest.raises(NotPermitted, match="own work"):
        approvals.approve(session, req, pack_sha256=again.pack_sha256, actor=team.manager, now=now)
    approvals.approve(session, req, pack_sha256=again.pack_sha256, actor=team.manager2, now=now)


# -- Requester-supplied text is plain text in letters and e-mails --------------------------------

HOSTILE_NAME = "<b>Sam</b> Example\n## Decision: your request is refused\f## Second page\r\n\x0bEnd"


def _letter_context(requester_name: str) -> dict:
    return {"reference": "SAR-2026-0007", "regime": "sar", "letter_date": date(2026, 3, 20),
            "requester_name": requester_name, "subject_name": requester_name, "representative": False,
            "received_on": date(2026, 2, 20), "due_on": date(2026, 3, 20), "extended": False,
            "documents": [{"title": requester_name, "first_page": 1, "last_page": 2}], "page_count": 2,
            "removed_count": 0, "withheld": False, "codes": [], "officer_name": requester_name,
            "officer_title": "## Officer", "authority": None, "identity_verified_on": None}


def test_a_name_cannot_inject_headings_or_page_breaks_into_a_letter(settings):
    hostile = letters.render_cover_letter(settings, "sar", _letter_context(HOSTILE_NAME))
    benign = letters.render_cover_letter(settings, "sar", _letter_context("Sam Example"))
    assert "\f" not in hostile and "\r" not in hostile and "\x0b" not in hostile
    assert hostile.count("\n") == benign.count("\n")  # no line added by the name
    headings = [line for line in hostile.split("\n") if line.startswith("## ")]
    assert headings == [line for line in benign.split("\n") if line.startswith("## ")]
    assert "Dear <b>Sam</b> Example ## Decision: your request is refused ## Second page End," in hostile
    hostile_pdf, benign_pdf = text_pdf([hostile]), text_pdf([benign])
    assert pdf.page_count(hostile_pdf) == pdf.page_count(benign_pdf)
    # The schedule (titles are interpolated there too) is made plain the same way.
    rows = [letters.ScheduleRow(1, HOSTILE_NAME, 1, "redaction", "SCH2-P16-THIRD-PARTY")]
    schedule = letters.render_schedule(settings, {**_letter_context("Sam"), "rows": rows,
                                                  "codes": letters.code_key(["SCH2-P16-THIRD-PARTY"])})
    assert "\f" not in schedule and not any(line.startswith("## Decision") for line in schedule.split("\n"))


def test_a_name_cannot_forge_lines_in_an_email(settings):
    body = render_text("pack_released", {"reference": "SAR-2026-0007", "requester_name": HOSTILE_NAME,
                                         "link": "https://example.org/x", "expires_at": date(2026, 3, 30)},
                       settings=settings)
    benign = render_text("pack_released", {"reference": "SAR-2026-0007", "requester_name": "Sam",
                                           "link": "https://example.org/x", "expires_at": date(2026, 3, 30)},
                         settings=settings)
    assert body.count("\n") == benign.count("\n")
    assert "\f" not in body and "\r" not in body
    assert body.splitlines()[0].startswith("Dear <b>Sam</b> Example ## Decision")
    # Paragraphs written by staff keep their line breaks, and lose other control characters.
    assert email_value(MultilineText("One.\r\nTwo.\fThree")) == "One.\nTwo. Three"
    assert email_value("One.\nTwo.") == "One. Two."


# -- Schedule CSV: no formulas (OWASP "CSV Injection") -------------------------------------------

@pytest.mark.parametrize("title", ["=HYPERLINK(\"http://x.example\",\"open\")", "+1+2", "-2+3", "@SUM(A1)",
                                   "\tstarts with a tab", "\rstarts with a return"])
def test_schedule_csv_neutralises_formula_cells(title):
    rows = [letters.ScheduleRow(4, title, 2, "redaction", "SCH2-P16-THIRD-PARTY")]
    cells = list(csv.reader(io.StringIO(letters.schedule_csv(rows).decode(), newline="")))[1]
    assert cells[1] == "'" + title
    assert cells[0] == "4" and cells[2] == "2"  # numbers are untouched


def test_schedule_csv_leaves_ordinary_text_alone():
    rows = [letters.ScheduleRow(None, "Home visit record - March", 2, "duplicate", "DUPLICATE")]
    cells = list(csv.reader(io.StringIO(letters.schedule_csv(rows).decode(), newline="")))[1]
    assert cells[:5] == ["removed", "Home visit record - March", "2", "duplicate", "DUPLICATE"]
