"""Every public stage letter passes a plain-English check (issue 16): reading ease and grade computed
with textstat, and sentence lengths, against the thresholds in templates/letters/plain_english.toml.
The easy-read letters meet the stricter easy-read thresholds; the standard ones do not."""

from __future__ import annotations

import re
import tomllib
from datetime import date

import pytest
import textstat

from sar.intake import stage_letters, voice
from sar.models import Party
from tests.sar._docs import make_team
from tests.sar.test_voice import _open, _own_request

THRESHOLDS = "letters/plain_english.toml"
FIELDS = {"what_we_need": "a copy of your passport", "question": "Which years do you mean?", "amount": "10.00",
          "fee_basis": "copying costs", "reasons": "the request is complex", "exemption": "section 36",
          "transfer_to": "the health board"}
#: family -> (regime, description) for a request of that family.
FAMILIES = {"sar": (None, "I am the mother of Riley Example and I want a copy of his social care records."),
            "foi": ("foi", "How many children's homes does the council run?"),
            "eir": ("eir", "Please send the air quality survey near the children's centre.")}


def _limits(settings, fmt: str) -> dict:
    with open(settings.templates_dir / THRESHOLDS, "rb") as fh:
        return tomllib.load(fh)[fmt]


def _body(text: str) -> str:
    """The letter between the greeting and the sign-off, headings left out."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Dear ")) + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("Yours sincerely"))
    return "\n".join(line for line in lines[start:end] if line.strip() and not line.startswith("## "))


def _sentences(body: str) -> list[str]:
    return [s for line in body.splitlines() for s in re.split(r"(?<=[.!?])\s+", line.strip()) if s.strip()]


def measure(text: str) -> dict:
    body = _body(text)
    lengths = [len(s.split()) for s in _sentences(body)]
    return {"reading_ease": textstat.flesch_reading_ease(body), "grade": textstat.flesch_kincaid_grade(body),
            "average": sum(lengths) / len(lengths), "longest": max(lengths)}


def failures(numbers: dict, limits: dict) -> list[str]:
    out = []
    if numbers["reading_ease"] < limits["min_reading_ease"]:
        out.append(f"reading ease {numbers['reading_ease']}")
    if numbers["grade"] > limits["max_grade"]:
        out.append(f"grade {numbers['grade']}")
    if numbers["average"] > limits["max_average_sentence_words"]:
        out.append(f"average sentence {numbers['average']:.1f} words")
    if numbers["longest"] > limits["max_sentence_words"]:
        out.append(f"longest sentence {numbers['longest']} words")
    return out


def _letters(session, settings, team, now, family: str, fmt: str):
    regime, text = FAMILIES[family]
    req = _open(session, settings, team, now, regime=regime, text=text)
    requester = session.get(Party, req.party("requester").id)
    voice.set_communication(session, requester, actor=team.officer, now=now, preferred_format=fmt)
    for kind, spec in stage_letters.STAGE_LETTERS.items():
        if family in spec.families:
            yield kind, stage_letters.draft(session, req, kind, actor=team.officer, now=now, settings=settings,
                                            fields=FIELDS).text


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_public_stage_letter_is_plain_english(session, settings, now, team, family):
    limits = _limits(settings, "standard")
    problems = {kind: failures(measure(text), limits)
                for kind, text in _letters(session, settings, team, now, family, "standard")}
    assert not {k: v for k, v in problems.items() if v}, problems


@pytest.mark.parametrize("family", ["sar", "foi"])
def test_easy_read_acknowledgement_meets_the_easy_read_thresholds(session, settings, now, team, family):
    limits = _limits(settings, "easy_read")
    texts = dict(_letters(session, settings, team, now, family, "easy_read"))
    assert failures(measure(texts["acknowledgement"]), limits) == []


@pytest.mark.parametrize("family", ["sar", "foi"])
def test_standard_acknowledgement_is_not_easy_read(session, settings, now, team, family):
    """Negative row: the checker tells the two apart (the standard wording fails the easy-read thresholds)."""
    limits = _limits(settings, "easy_read")
    texts = dict(_letters(session, settings, team, now, family, "standard"))
    assert failures(measure(texts["acknowledgement"]), limits)


def test_checker_refuses_long_hard_sentences(settings):
    text = ("Dear Sir,\nNotwithstanding the aforementioned considerations, the authority's determination, having "
            "regard to proportionality, necessitates comprehensive reconsideration of documentation previously "
            "disclosed pursuant to statutory obligations.\nYours sincerely,\n")
    assert len(failures(measure(text), _limits(settings, "standard"))) == 2  # reading ease and grade


def test_young_persons_letter_meets_the_easy_read_thresholds(session, settings, now, team):
    req = _own_request(session, settings, team, now, date(2011, 1, 1))
    text = stage_letters.draft(session, req, "acknowledgement", actor=team.officer, now=now, settings=settings).text
    assert failures(measure(text), _limits(settings, "easy_read")) == []
