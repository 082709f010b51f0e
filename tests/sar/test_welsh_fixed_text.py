"""Welsh letters in Welsh throughout (issue 16): the code key, schedule and exemption titles come from the Welsh
fixed-text table; the officer's English words stay as written and the letter says so in Welsh (and its record
lists them); Welsh easy read exists and the language/format fallback is configurable and recorded."""

from __future__ import annotations

import tomllib
from dataclasses import replace

import pytest
from sqlalchemy import select

from redaction.codes import EXEMPTION_CODES
from sar.core.settings import ConfigError, Settings
from sar.intake import stage_letters
from sar.models import AuditEvent
from sar.release import exemptions, letters, packs, welsh_text
from tests.sar._docs import add_pdf, make_team
from tests.sar.test_letter_variants import _request, cover_text, outcome_text
from tests.sar.test_plain_english import FIELDS

NOTE = "Mae rhan o'r llythyr hwn yn Saesneg"


@pytest.fixture
def team(session):
    return make_team(session)


def _table(settings) -> dict:
    with open(settings.templates_dir / "letters" / "cy" / welsh_text.FIXED_TEXT_FILE, "rb") as fh:
        return tomllib.load(fh)


def test_every_code_and_exemption_has_welsh_text_marked_for_checking(settings):
    table = _table(settings)
    assert table["checked"] is False  # a Welsh speaker has still to check it
    assert set(table["codes"]) == set(EXEMPTION_CODES)
    assert all(v["title"] and v["reason"] for v in table["codes"].values())
    assert set(table["exemptions"]) == set(exemptions.FOIA_EXEMPTIONS) | set(exemptions.EIR_EXCEPTIONS)


def test_the_code_key_and_schedule_are_in_welsh(settings, now):
    rows = [letters.ScheduleRow(3, "Visit record", 3, "redaction", "SCH2-P16-THIRD-PARTY")]
    context = {"reference": "SAR-1", "letter_date": now.date(), "rows": rows, "image_pages": [],
               "codes": letters.code_key(["SCH2-P16-THIRD-PARTY"]), "letter_language": "cy"}
    text = letters.render_schedule(settings, context)
    assert "Atodlen olygu" in text and "Allwedd i'r codau" in text and "Tudalen 3" in text
    assert "Gwybodaeth am bobl eraill" in text and "Information about other people" not in text
    assert "Redaction schedule" not in text and NOTE not in text
    english = letters.render_schedule(settings, {**context, "letter_language": "en"})
    assert "Information about other people" in english  # negative row: English stays English


def test_welsh_outcome_letter_prints_welsh_exemption_titles(session, settings, now, team):
    _, text = outcome_text(session, settings, team, now, "refused_exempt", language="cy")
    assert "Buddiannau masnachol" in text and "Commercial interests" not in text


def test_officers_english_words_are_named_in_welsh(session, settings, now, team):
    """The officer's reasons stay as written; the Welsh letter says that part is in English."""
    _, text = outcome_text(session, settings, team, now, "vexatious", language="cy")
    assert "You sent the same request ten times." in text
    assert f"{NOTE}: y rhesymau." in text


def test_officers_welsh_words_need_no_note(session, settings, now, team, monkeypatch):
    from tests.sar import test_letter_variants as variants
    monkeypatch.setitem(variants.OUTCOMES, "vexatious",
                        ("foi", {"reasons": "Rydych wedi anfon yr un cais ddeg gwaith eleni."}))
    _, text = outcome_text(session, settings, team, now, "vexatious", language="cy")
    assert NOTE not in text


def test_reads_as_english_is_a_word_proxy(settings):
    table = welsh_text.fixed_text(settings, "cy")
    assert welsh_text.reads_as_english("the request is complex", table)
    assert welsh_text.reads_as_english("copying costs", table)
    assert not welsh_text.reads_as_english("mae'r cais yn gymhleth", table)
    assert not welsh_text.reads_as_english("10.00", table)


def test_sent_letter_and_pack_record_the_english_parts(session, settings, now, team, monkeypatch):
    req = _request(session, settings, team, now, "foi", language="cy")
    stage_letters.send(session, req, "clarification", actor=team.officer, now=now, settings=settings, fields=FIELDS)
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "letter.send")).one()
    assert event.detail["english_parts_noted"] is True  # "Which years do you mean?" stays in English
    cover_text(session, settings, team, now, "foi", monkeypatch, language="cy")
    built = session.scalars(select(AuditEvent).where(AuditEvent.action == "pack.build")).one()
    assert built.detail["english_parts"] == []  # "Document 1" has no English words: nothing to note
    req = _request(session, settings, team, now, "foi", language="cy")
    add_pdf(session, req, team, now, settings, "A short note.", title="Notes of the meeting with the school")
    seen: list[str] = []
    real = letters.render_cover_letter
    monkeypatch.setattr(letters, "render_cover_letter", lambda s, r, c: seen.append(real(s, r, c)) or seen[-1])
    packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    assert f"{NOTE}: teitlau'r dogfennau." in seen[-1]
    built = session.scalars(select(AuditEvent).where(AuditEvent.action == "pack.build")
                            .order_by(AuditEvent.seq.desc())).first()
    assert built.detail["english_parts"] == ["teitlau'r dogfennau"]


# --- Welsh easy read and the fallback chain -----------------------------------------------------------------

@pytest.mark.parametrize("template", ["sar_cover.txt", "foi_cover.txt", "eir_cover.txt",
                                      "stage_acknowledgement_sar.txt", "stage_acknowledgement_foi.txt",
                                      "stage_acknowledgement_eir.txt"])
def test_welsh_easy_read_exists_and_is_marked_for_checking(settings, template):
    assert letters.resolve(settings, template, "easy_read", "cy") == (f"cy/easy_read/{template}", "cy")
    assert letters.translation_unchecked(settings, f"cy/easy_read/{template}")
    record = letters.language_record(settings, template, "easy_read", "cy")
    assert (record["wording_sent"], record["fallback_tried"], record["language_fallback"]) == ("easy_read", [], False)


def test_welsh_easy_read_falls_back_to_welsh_standard_by_default(settings):
    record = letters.language_record(settings, "stage_clarification.txt", "easy_read", "cy")
    assert (record["language_sent"], record["wording_sent"], record["fallback_order"]) == ("cy", "standard",
                                                                                           "language")
    assert record["fallback_tried"] == ["cy/easy_read/stage_clarification.txt"]


def test_the_fallback_order_is_configurable(settings):
    fmt_first = replace(settings, letter_fallback="format")
    assert letters.resolve(fmt_first, "stage_clarification.txt", "easy_read", "cy") == (
        "easy_read/stage_clarification.txt", "en")
    record = letters.language_record(fmt_first, "stage_clarification.txt", "easy_read", "cy")
    assert record["language_fallback"] is True and record["wording_sent"] == "easy_read"
    # Where Welsh easy read exists, the order does not matter.
    assert letters.resolve(fmt_first, "sar_cover.txt", "easy_read", "cy")[0] == "cy/easy_read/sar_cover.txt"


def test_an_unknown_fallback_order_is_refused(monkeypatch):
    monkeypatch.setenv("SAR_LETTER_FALLBACK", "random")
    with pytest.raises(ConfigError, match="SAR_LETTER_FALLBACK"):
        Settings.from_env()
