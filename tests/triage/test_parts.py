"""Decide per request, then per part: one part per regime the request engages."""

from __future__ import annotations

from triage import triage


def test_two_foi_asks_around_an_eir_ask_make_one_foi_part() -> None:
    text = ("Please send the policy on contact. Please send the noise survey for Oak House. Please send your "
            "budget for 2024.")
    parts = triage(text).parts
    assert [p.regime for p in parts] == ["foi", "eir"]
    assert parts[0].excerpt == "Please send the policy on contact. … Please send your budget for 2024."


def test_different_regimes_stay_separate_parts_in_text_order() -> None:
    parts = triage("Send me my file; your complaints policy; and the noise survey for Oak House.").parts
    assert [p.regime for p in parts] == ["sar", "foi", "eir"]


def test_a_merged_part_is_as_weak_as_its_weakest_clause() -> None:
    # The second FOI clause is a weak question ("who runs ..."), the first a strong cue (a policy).
    parts = triage("Please send the policy on contact. Please send the noise survey for Oak House. "
                   "Who runs the fostering team?").parts
    foi = next(p for p in parts if p.regime == "foi")
    assert "…" in foi.excerpt
    assert foi.confidence == "low" and foi.check
