"""Requests versus mentions: a regime fires on what the requester asks for (a request verb and an object),
never on a bare noun in background, procedure questions, mailbox names or reports of what others did.
Each cue changed for this has a positive row (the ask) and a negative row (the mention)."""

from __future__ import annotations

import pytest

from triage import triage

ROWS = [
    # portability (Art 20): a file format only for the requester's own data
    ("port-own-csv", "Please send my records as a CSV file.", {"portability"}),
    ("port-spreadsheet-you-use", "Please send the spreadsheet you use to log missing children, names "
     "removed.", {"foi"}),
    ("port-figures-excel", "Could I have the placement figures in an Excel spreadsheet?", {"foi"}),
    # rights (Arts 16-21): exercised over someone's data, not asked about
    ("rect-own", "My file says I missed the review meeting. I did not. Please correct it.", {"rectification"}),
    ("rect-procedure", "Please send the procedure staff follow when a family asks for their records to be "
     "corrected, and the number of such requests in 2024.", {"foi"}),
    ("rect-count", "Please give the number of children whose records had to be rectified after the system "
     "change.", {"foi"}),
    ("erase-own-email", "Please could you delete my email address from your mailing list.", {"erasure"}),
    ("rect-wrong-then-remove", "The report says my partner has a drug problem. That is untrue. I want that "
     "statement removed from my file.", {"rectification"}),
    ("erase-part-not-wrong", "I want that statement removed from my file.", {"erasure"}),
    ("erase-own", "Please delete all the personal data you hold about me.", {"erasure"}),
    ("erase-report", "I recently read that some councils have deleted old case files in error. Were any "
     "records destroyed in error in 2023?", {"foi"}),
    ("sar-who-on-my-case", "Under FOI please send me the names of all social workers who worked on my "
     "case.", {"sar"}),
    ("foi-who-on-a-case", "Please send the number of social workers who worked on child protection cases in "
     "2024.", {"foi"}),
    # SAR (Art 15): made, not mentioned
    ("sar-made", "I am making a subject access request for my social care records.", {"sar"}),
    ("sar-heading", "Subject access request. Please send everything you hold on me.", {"sar"}),
    ("sar-fee", "What fee do you charge for a subject access request?", {"foi"}),
    ("sar-past", "Last year I made a subject access request, which is how I learned you use a scanning "
     "company. Please name the company and give the contract value.", {"foi"}),
    ("sar-team-background", "I emailed the Subject Access Requests team last month but had no reply. Please "
     "send the council's complaints policy.", {"foi"}),
    ("sar-team-asked", "Please pass my subject access request to the right team: I want my social care "
     "records.", {"sar"}),
    ("sar-mailbox", "Please tell me how many staff work in the Subject Access Requests team.", {"foi"}),
    ("sar-website-says", "Your website says a subject access request can take three months. How many were "
     "extended in 2024?", {"foi"}),
]


@pytest.mark.parametrize("text,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_requests_not_mentions(text: str, expected: set[str]) -> None:
    result = triage(text)
    assert set(result.regimes) == expected, result.to_dict()
