"""Boilerplate is blanked before triage reads a request: request-site footers, hand-over lines, greetings
and sign-offs. Blanking keeps offsets, so excerpts stay exact."""

from __future__ import annotations

import pytest

from triage import triage
from triage.boilerplate import blank_boilerplate

FOOTER = (
    "\n\n-------------------------------------------------------------------\n"
    "Please use this email address for all replies to this request:\nfoi+request-1-x@whatdotheyknow.com\n\n"
    "Is foi@example.gov.uk the wrong address for Freedom of Information requests to Example Council? If so, "
    "please contact us using this form:\nhttps://www.whatdotheyknow.com/change_request/new?body=example\n\n"
    "Disclaimer: This message and any reply that you make will be published on the internet. Our privacy and "
    "copyright policies:\nhttps://www.whatdotheyknow.com/help/officers\n\n"
    "For more detailed guidance on safely disclosing information, read the latest advice from the ICO:\n"
    "https://www.whatdotheyknow.com/help/ico-guidance-for-authorities\n"
    "-------------------------------------------------------------------"
)


@pytest.mark.parametrize("text,kept,gone", [
    # positive rows: boilerplate goes
    ("Dear Example Council,\n\nHow many foster carers do you have?" + FOOTER, "How many foster carers",
     "advice from the ICO"),
    ("Please pass this on to the person who conducts Freedom of Information reviews.\n\nI ask for a review.",
     "I ask for a review", "conducts Freedom of Information"),
    ("How many staff work in the team?\n\nYours faithfully,\n\nA. Person", "How many staff", "A. Person"),
    ("Hi, can you send the policy. Thanks, Sam", "can you send the policy", "Sam"),
    ("Please send the 2024 figures too.\n\nOn 3 March 2025, Info Team wrote:\n> We are treating your "
     "request as a subject access request.", "2024 figures", "subject access"),
    # negative rows: words that only look like boilerplate stay
    ("Please send the figures > 100 as well.", "figures > 100", None),
    ("Please send the advice you received from the ICO about CCTV.", "received from the ICO", None),
    ("Thanks to your help last year, I now ask for the 2024 figures.", "Thanks to your help", None),
])
def test_blanking(text: str, kept: str, gone: str | None) -> None:
    out = blank_boilerplate(text)
    assert len(out) == len(text)
    assert kept in out
    if gone:
        assert gone not in out


def test_a_footer_never_makes_a_request_statutory_or_foi() -> None:
    # The footer's "advice from the ICO" once read as the ICO making the request (T-5).
    result = triage("Dear Example Council,\n\nPlease send the tree survey for Elm Park." + FOOTER)
    assert result.regimes == {"eir"}, result.to_dict()
    assert "ICO" not in result.parts[0].excerpt


def test_text_that_is_all_boilerplate_is_kept() -> None:
    assert blank_boilerplate("Dear Sir,") == "Dear Sir,"
