"""Table-driven triage rows: FOIA s.45 Code internal reviews and EIR reg 11 reconsiderations.

Each row is a request in a requester's own words and the exact SET of regimes it must be routed to.
Moved unchanged from the former tests/sar/test_triage.py.
"""

from __future__ import annotations

import pytest

from triage import triage

# (id, text, requester_type, expected regimes)
ROWS = [
    ("review-foi", "I'm writing to request an internal review of your FOI response (ref FOI-2291). You "
     "applied section 12 wrongly.", None, {"foi-internal-review"}),
    ("review-eir", "I wish to make representations under regulation 11 about your response to my EIR request "
     "on asbestos.", None, {"eir-reconsideration"}),
    ("review-eir-topic", "Please reconsider your refusal of my request for the noise survey at Brook House.",
     None, {"eir-reconsideration"}),
]


@pytest.mark.parametrize("text,requester_type,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_regimes(text: str, requester_type: str | None, expected: set[str]) -> None:
    result = triage(text, requester_type)
    assert set(result.regimes) == expected, result.to_dict()
