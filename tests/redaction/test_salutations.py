"""Forms of address in letters are not people (issue 8: "Dear Sir or Madam" lost "Madam" on OCR'd scans)."""

from __future__ import annotations

import pytest

from redaction.context import RedactionContext, Subject
from redaction.names import NON_NAME, SALUTATION_WORDS
from tests.redaction.engine_support import make_doc, shared_engine


def _persons(text: str) -> list[str]:
    doc = make_doc("letter.pdf", text)
    ctx = RedactionContext(subject=Subject("Jamie Cole"), staff=())
    plan = shared_engine().propose([doc], ctx)[0]
    return [text[p.start : p.end] for p in plan.proposals if p.entity_type == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Dear Sir or Madam,\nThank you for your letter.",
        "Dear Sir or Madam I am writing about Jamie Cole. Madam",
    ],
)
def test_salutation_is_not_a_person(text):
    assert not [p for p in _persons(text) if "madam" in p.lower()]


def test_a_name_after_the_salutation_is_still_a_person():
    found = _persons("Dear Sir or Madam,\nThank you for your letter about Jamie Cole.\nYours faithfully\nAnne Brook")
    assert "Anne Brook" in found
    assert not [p for p in found if "madam" in p.lower()]


def test_salutation_words_are_data_not_names():
    assert SALUTATION_WORDS <= NON_NAME
