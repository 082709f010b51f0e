"""General rules found on a fresh held-out corpus: names next to the subject, places, labels, roles."""

import pytest

from tests.redaction.engine_support import make_doc, propose, redacted_texts

pytestmark = pytest.mark.slow


def test_a_date_in_the_row_above_does_not_start_an_address_that_swallows_a_name():
    text = (
        "Triage Record\n"
        "Young person\n"
        "Lorcan Halloran, born 09/09/2009\n"
        "Caller\n"
        "Wilfred Orchard (neighbour), tel 01632 960441, do not disclose\n"
    )
    [plan] = propose(make_doc("triage.pdf", text))
    redacted = redacted_texts(plan)
    assert "Wilfred Orchard" in redacted
    assert "Lorcan Halloran" not in redacted
