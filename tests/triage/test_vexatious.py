"""Table-driven triage rows: T-7: repeat or vexatious cues flag, never change the regime.

Each row is a request in a requester's own words and the exact SET of regimes it must be routed to.
Moved unchanged from the former tests/sar/test_triage.py.
"""

from __future__ import annotations

import pytest

from triage import triage

# (id, text, requester_type, expected regimes)
ROWS = [
    ("vex-repeat", "This is the FOURTH time I have asked for my file. Send it now.", None, {"sar"}),
    ("vex-foi", "Yet again I am asking how many children you took into care. You useless lot.", None,
     {"foi"}),
]


@pytest.mark.parametrize("text,requester_type,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_regimes(text: str, requester_type: str | None, expected: set[str]) -> None:
    result = triage(text, requester_type)
    assert set(result.regimes) == expected, result.to_dict()
