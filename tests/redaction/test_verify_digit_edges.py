"""verify(): a removed number's bare digits are reported unless they only occur cut out of a longer number.

Numbers invented for these tests.
"""

from __future__ import annotations

import pytest

from redaction import pdf
from redaction.pdf_verify import _Needles
from tests.redaction import pdf_factory as F

NI = "QX 41 52 63 B"
PHONE = "07700 913572"


@pytest.mark.parametrize(("removed", "text"), [
    (PHONE, "call 07700-913-572 after six"),           # separators changed
    (PHONE, "Tel:07700913572"),                        # run into a label
    (PHONE, "ref 2024 07700913572"),                   # grouping changed
    (PHONE, "ref 202407700913572 closed"),             # run into another number on the left only
    (PHONE, "07700913572 9 visits"),                    # a separate digit after it
    (PHONE, "code 907700913572"),                      # digits on the left, the end of the text on the right
    ("415263", "no 98 415263 77"),                     # a whole group between two others
    ("415263", "no 12415263 4"),                       # cut on the left, a group edge on the right
])
def test_digits_that_start_or_end_at_a_group_edge_are_reported(removed, text):
    assert _Needles([removed]).find(text) == [removed]


@pytest.mark.parametrize(("removed", "text"), [
    (NI, "Her NHS number is 841 526 3907."),           # 415263 cuts 841 and 3907
    (PHONE, "IBAN digits 4907700913572118"),           # one run with digits on both sides
    ("415263", "ref 9415 2630"),                       # cuts both groups it spans
])
def test_digits_cut_out_of_a_longer_number_on_both_sides_are_not_reported(removed, text):
    assert _Needles([removed]).find(text) == []


def test_a_number_alone_follows_the_same_rule_and_other_strings_match_anywhere():
    assert _Needles(["913572"]).find("x 49135721 y") == []
    assert _Needles(["913572"]).find("x 913572 y") == ["913572"]
    assert _Needles(["0913 572"]).find("ref 40913572") == ["0913 572"]  # ends at the end of a group
    # With letters (or a "+") it is not a number alone: still found as written, anywhere.
    assert _Needles(["A913572"]).find("xa9135721") == ["A913572"]
    assert _Needles(["+44 7700 913572"]).find("9+44 7700 9135721") == ["+44 7700 913572"]


def test_verify_passes_a_page_whose_other_number_contains_the_digits():
    data = F.body_text("Dr Ames gave her NHS number as 841 526 3907 at the clinic.")
    assert pdf.verify(data, [NI]) == []


def test_verify_still_reports_the_number_with_new_separators():
    data = F.body_text("His NI number was noted as QX-41-52-63-B on the form.")
    assert any(NI in p for p in pdf.verify(data, [NI]))
    data = F.body_text("The reference 2024-415263 was kept.")
    assert any(NI in p for p in pdf.verify(data, [NI]))
