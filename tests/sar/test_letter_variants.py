"""Every public letter (issue 16) exists in easy read and in Welsh, and passes the plain-English check
(Welsh letters: the Welsh plain-language proxy, thresholds ``[welsh_standard]``).

Public letters: the acknowledgement and every stage letter (ID, authority, clarification, fee, extension,
reminder, transfer), the outcome letters for SAR, FOI/EIR and the other rights (refusals, not held, NCND,
cost limit, vexatious, transferred, no personal data ...) and the pack cover letters. Each is rendered
through the real use case for a requester whose preferred format or language asks for it. The agency
letters (third-party disclosure, declined) go to police, courts and Cafcass, not to the public, and are
left out on purpose.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from sar.intake import stage_letters, voice
from sar.models import AuditEvent, Party
from sar.release import letters, outcomes, packs, welsh_readability
from tests.sar._docs import add_pdf, make_team, sar_request
from tests.sar.test_plain_english import FIELDS, _limits, failures, measure

#: outcome kind -> (regime, draft_outcome arguments); officers' words are short and plain.
OUTCOMES: dict[str, tuple[str, dict]] = {
    "refused_exempt": ("foi", {"exemption_rows": [{"key": "s.43(2)", "reasoning": "It would harm the firm.",
                                                   "public_interest": "The harm is greater."}]}),
    "refused_exempt_eir": ("eir", {"exemption_rows": [{"key": "reg 12(4)(d)", "reasoning": "The plan is a draft.",
                                                       "public_interest": "It is not finished."}]}),
    "not_held": ("foi", {"search": {"systems": "our case files", "result": "We found nothing."}}),
    "not_held_eir": ("eir", {"search": {"systems": "our case files", "result": "We found nothing."}}),
    "ncnd": ("foi", {"exemption_rows": [{"key": "s.40(2)", "reasoning": "It would say who is known to us."}]}),
    "cost_limit": ("foi", {"reasons": "It would take ten days.", "advice": "Ask about one year."}),
    "vexatious": ("foi", {"reasons": "You sent the same request ten times."}),
    "repeated": ("foi", {"reasons": "We answered it last month."}),
    "eir_manifestly_unreasonable": ("eir", {"reasons": "It would take months.", "advice": "Ask about one site.",
                                            "detail": {"public_interest": "The cost is too high."}}),
    "transferred": ("foi", {"detail": {"transfer_to": "the health board"}}),
    "no_personal_data": ("sar", {"search": {"systems": "our case files", "result": "We found nothing."}}),
    "manifestly_unfounded": ("sar", {"reasons": "You asked for the same thing each week."}),
    "rights_done": ("rectification", {}),
    "rights_partly_done": ("rectification", {"reasons": "One date was right."}),
    "rights_refused": ("erasure", {"reasons": "We must keep the record by law."}),
    "rectification_statement": ("rectification", {"reasons": "It is the worker's view.",
                                                  "detail": {"statement": "I do not agree with this note."}}),
}
#: regime family -> (regime, request text) for the stage letters.
STAGE_REGIMES = {"sar": "sar", "foi": "foi", "eir": "eir"}
COVERS = ("sar", "foi", "eir", "rectification")


@pytest.fixture
def team(session):
    return make_team(session)


def _request(session, settings, team, now, regime, *, fmt=None, language=None):
    req = sar_request(session, settings, team, now, regime=regime)
    requester = session.get(Party, req.party("requester").id)
    voice.set_communication(session, requester, actor=team.officer, now=now, preferred_format=fmt,
                            preferred_language=language)
    return req


def stage_texts(session, settings, team, now, family, *, fmt=None, language=None) -> Iterator[tuple[str, str, str]]:
    """(kind, template, text) for every stage letter a request of ``family`` takes."""
    req = _request(session, settings, team, now, STAGE_REGIMES[family], fmt=fmt, language=language)
    for kind, spec in stage_letters.STAGE_LETTERS.items():
        if family in spec.families:
            d = stage_letters.draft(session, req, kind, actor=team.officer, now=now, settings=settings, fields=FIELDS)
            yield kind, d.template, d.text


def outcome_text(session, settings, team, now, name, *, fmt=None, language=None) -> tuple[str, str]:
    regime, kwargs = OUTCOMES[name]
    kind = name.removesuffix("_eir")
    req = _request(session, settings, team, now, regime, fmt=fmt, language=language)
    outcome = outcomes.draft_outcome(session, req, kind, actor=team.officer, now=now, settings=settings, **kwargs)
    return outcomes.OUTCOME_KINDS[kind].template, outcome.letter_text


def cover_text(session, settings, team, now, regime, monkeypatch, *, fmt=None, language=None) -> str:
    req = _request(session, settings, team, now, regime, fmt=fmt, language=language)
    add_pdf(session, req, team, now, settings, "A short note.")
    seen: list[str] = []
    real = letters.render_cover_letter
    monkeypatch.setattr(letters, "render_cover_letter",
                        lambda s, r, c: seen.append(real(s, r, c)) or seen[-1])
    packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    return seen[-1]


# --- every public letter has its easy-read and Welsh wording ----------------------------------------------

def _public_templates() -> list[str]:
    names = {spec.template.format(family=f) for spec in stage_letters.STAGE_LETTERS.values()
             for f in ("sar", "foi", "eir") if f in spec.families}
    names |= {outcomes.OUTCOME_KINDS[k.removesuffix("_eir")].template for k in OUTCOMES}
    names |= {letters.letter_template_for(r) for r in COVERS}
    return sorted(names)


@pytest.mark.parametrize("template", _public_templates())
def test_every_public_letter_has_easy_read_and_welsh_wording(settings, template):
    assert letters.resolve(settings, template, "easy_read", "en") == (f"easy_read/{template}", "en")
    assert letters.resolve(settings, template, "standard", "cy") == (f"cy/{template}", "cy")
    assert letters.translation_unchecked(settings, f"cy/{template}")  # marked for a Welsh speaker to check


def test_agency_letters_keep_the_english_standard_wording(settings):
    """Negative row: a letter with no translation falls back to English (and the fallback is recorded)."""
    template = "stage_acknowledgement_third_party.txt"
    assert letters.resolve(settings, template, "easy_read", "cy") == (template, "en")
    assert letters.language_record(settings, template, "standard", "cy")["language_fallback"] is True


# --- the plain-English check: standard thresholds for every letter, easy-read ones for easy read ---------

@pytest.mark.parametrize("family", sorted(STAGE_REGIMES))
def test_easy_read_stage_letters_meet_the_easy_read_thresholds(session, settings, now, team, family):
    limits = _limits(settings, "easy_read")
    found = {kind: (template, failures(measure(text), limits))
             for kind, template, text in stage_texts(session, settings, team, now, family, fmt="easy_read")}
    assert {k: v for k, v in found.items() if v[1]} == {}


@pytest.mark.parametrize("name", sorted(OUTCOMES))
def test_outcome_letters_are_plain_english_and_easy_read_meets_the_easy_read_thresholds(session, settings, now,
                                                                                        team, name):
    template, standard = outcome_text(session, settings, team, now, name)
    assert failures(measure(standard), _limits(settings, "standard")) == []
    _, easy = outcome_text(session, settings, team, now, name, fmt="easy_read")
    assert easy != standard
    assert failures(measure(easy), _limits(settings, "easy_read")) == []
    assert failures(measure(standard), _limits(settings, "easy_read"))  # the standard wording is not easy read


@pytest.mark.parametrize("regime", COVERS)
def test_cover_letters_are_plain_english_and_easy_read(session, settings, now, team, regime, monkeypatch):
    standard = cover_text(session, settings, team, now, regime, monkeypatch)
    assert failures(measure(standard), _limits(settings, "standard")) == []
    easy = cover_text(session, settings, team, now, regime, monkeypatch, fmt="easy_read")
    assert failures(measure(easy), _limits(settings, "easy_read")) == []


# --- Welsh: every public letter comes out in Welsh, with the record saying so ------------------------------

def _welsh(text: str) -> None:
    assert "Annwyl " in text and "Yn gywir," in text
    assert "Dear " not in text and "Yours sincerely" not in text


def welsh_body(text: str) -> str:
    """The Welsh letter between the greeting and the sign-off, headings left out."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Annwyl ")) + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("Yn gywir"))
    return "\n".join(line for line in lines[start:end] if line.strip() and not line.startswith("## "))


def welsh_check(settings, text: str, table: str = "welsh_standard") -> list[str]:
    """The Welsh plain-language check (a proxy: sar/release/welsh_readability.py) against ``[table]``."""
    return welsh_readability.failures(welsh_readability.measure(welsh_body(text)), _limits(settings, table))


@pytest.mark.parametrize("family", sorted(STAGE_REGIMES))
def test_welsh_stage_letters(session, settings, now, team, family):
    for kind, _template, text in stage_texts(session, settings, team, now, family, language="cy"):
        _welsh(text)
        assert "Dyddiad: 2 Mawrth 2026" in text
        assert welsh_check(settings, text) == [], kind


@pytest.mark.parametrize("name", sorted(OUTCOMES))
def test_welsh_outcome_letters(session, settings, now, team, name):
    _, text = outcome_text(session, settings, team, now, name, language="cy")
    _welsh(text)
    assert welsh_check(settings, text) == []


@pytest.mark.parametrize("regime", COVERS)
def test_welsh_cover_letters_and_the_pack_records_the_language(session, settings, now, team, regime, monkeypatch):
    text = cover_text(session, settings, team, now, regime, monkeypatch, language="cy")
    _welsh(text)
    assert welsh_check(settings, text) == []
    built = session.scalars(select(AuditEvent).where(AuditEvent.action == "pack.build")
                            .order_by(AuditEvent.seq.desc())).first()
    assert (built.detail["language"], built.detail["language_sent"], built.detail["language_fallback"],
            built.detail["translation_to_check"]) == ("cy", "cy", False, True)


def test_pack_in_a_language_without_a_translation_records_the_english_fallback(session, settings, now, team,
                                                                                monkeypatch):
    text = cover_text(session, settings, team, now, "sar", monkeypatch, language="pl")
    assert "Dear " in text
    built = session.scalars(select(AuditEvent).where(AuditEvent.action == "pack.build")).one()
    assert (built.detail["language"], built.detail["language_sent"], built.detail["language_fallback"],
            built.detail["translation_to_check"]) == ("pl", "en", True, False)


def test_welsh_stage_letter_sent_records_the_translation_to_check(session, settings, now, team):
    req = _request(session, settings, team, now, "foi", language="cy")
    stage_letters.send(session, req, "clarification", actor=team.officer, now=now, settings=settings,
                       fields=FIELDS)
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "letter.send")).one()
    assert (event.detail["language_sent"], event.detail["translation_to_check"]) == ("cy", True)
