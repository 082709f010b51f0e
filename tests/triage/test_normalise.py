"""Typo repair never creates a regime trigger from a real word (issue: "reunification" -> "rectification")."""

from __future__ import annotations

import pytest

from triage import triage
from triage.normalise import normalise


@pytest.mark.parametrize("typed,meant", [
    ("recrods", "records"),          # ordinary cue word, one slip
    ("infomation", "information"),
    ("asbsetos", "asbestos"),        # trigger reached by an adjacent swap
    ("rectifciation", "rectification"),
])
def test_slips_are_repaired(typed: str, meant: str) -> None:
    assert f" {meant} " in normalise(f"the {typed} please")


@pytest.mark.parametrize("word,not_", [
    ("reunification", "rectification"),  # a real word two letters from a trigger
    ("adapted", "adopted"),
    ("delate", "delete"),
    ("nose", "noise"),
    ("subjects", "subject"),
])
def test_real_words_never_become_triggers(word: str, not_: str) -> None:
    assert f" {not_} " not in normalise(f"the {word} plan")


def test_a_reunification_plan_is_not_a_rectification_request() -> None:
    assert triage("How many children had a reunification plan in 2023?").regimes == {"foi"}
