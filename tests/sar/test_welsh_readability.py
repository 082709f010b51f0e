"""The Welsh plain-language check (issue 16), a proxy for textstat's English-only formulas
(sar/release/welsh_readability.py): sentence length, syllables a word (Welsh vowels) and the share of long
words, against [welsh_standard] and [welsh_easy_read] in templates/letters/plain_english.toml. Every Welsh
stage, outcome and cover letter is checked against [welsh_standard] in tests/sar/test_letter_variants.py.

Welsh easy read (templates/letters/cy/easy_read/) exists for the SAR, FOI and EIR acknowledgements and pack
cover letters; it meets the easy-read limits and the Welsh standard wording does not (negative row)."""

from __future__ import annotations

import tomllib

import pytest

from sar.release import welsh_readability as wr
from tests.sar._docs import make_team
from tests.sar.test_letter_variants import cover_text, stage_texts, welsh_body

#: The letters with Welsh easy-read wording: the acknowledgement of each family and the pack cover letters.
EASY_READ_FAMILIES = ("sar", "foi", "eir")
EASY_READ_COVERS = ("sar", "foi", "eir")


@pytest.fixture
def team(session):
    return make_team(session)


def _limits(settings, table: str) -> dict:
    with open(settings.templates_dir / "letters" / "plain_english.toml", "rb") as fh:
        return tomllib.load(fh)[table]


def check(text: str, limits: dict) -> list[str]:
    return wr.failures(wr.measure(welsh_body(text)), limits)


@pytest.mark.parametrize("word, count", [("gwybodaeth", 3), ("cais", 1), ("ysgrifennwch", 4), ("wedi", 2),
                                         ("Cymraeg", 2), ("tŷ", 1)])
def test_welsh_syllables_are_vowel_groups(word, count):
    assert wr.syllables(word) == count


def test_the_check_refuses_long_sentences_of_long_words(settings):
    hard = ("Annwyl Syr,\nYn unol â'r ystyriaethau gweinyddol a chyfansoddiadol blaenorol, mae penderfyniad "
            "awdurdodedig yr awdurdod lleol, gan ystyried cymesuredd, yn angenrheidiol ailystyriaeth gynhwysfawr "
            "o'r dogfennaeth a ddatgelwyd yn flaenorol yn unol â rhwymedigaethau statudol a rheoleiddiol.\n"
            "Yn gywir,\n")
    assert check(hard, _limits(settings, "welsh_standard"))
    plain = "Annwyl Syr,\nCawsom eich cais.\nByddwn yn ateb cyn hir.\nYn gywir,\n"
    assert check(plain, _limits(settings, "welsh_easy_read")) == []


@pytest.mark.parametrize("family", EASY_READ_FAMILIES)
def test_welsh_easy_read_acknowledgement_is_easy_read_and_the_standard_is_not(session, settings, now, team,
                                                                               family):
    limits = _limits(settings, "welsh_easy_read")
    easy = dict((k, t) for k, _n, t in stage_texts(session, settings, team, now, family, fmt="easy_read",
                                                    language="cy"))["acknowledgement"]
    assert "Mae eich cais gennym" in easy
    assert check(easy, limits) == []
    standard = dict((k, t) for k, _n, t in stage_texts(session, settings, team, now, family,
                                                        language="cy"))["acknowledgement"]
    assert check(standard, limits)  # negative row: the Welsh standard wording is not easy read


@pytest.mark.parametrize("regime", EASY_READ_COVERS)
def test_welsh_easy_read_cover_letters_are_easy_read(session, settings, now, team, regime, monkeypatch):
    text = cover_text(session, settings, team, now, regime, monkeypatch, fmt="easy_read", language="cy")
    assert "## Ein hateb" in text or "## Eich gwybodaeth" in text
    assert check(text, _limits(settings, "welsh_easy_read")) == []
