"""Page furniture and labels are never a person's name (redaction.furniture, issue 10).

Each rule has a positive row (furniture or a label: not a name) and a negative row (a real name in
the same position is still proposed). The engine-level rows use the real model.
"""

import pytest

from redaction.furniture import (
    cut_at_label_break,
    is_label_line,
    names_an_identifier,
    on_running_line,
    running_lines,
)
from tests.redaction.engine_support import make_doc, propose, redacted_texts

VOCAB = {"page", "order", "parent", "carer", "plan", "pathway", "ref", "printed", "from", "outcome"}


def is_word(w: str) -> bool:
    return w.lower() in VOCAB


def test_label_line_positive_page_number_and_single_label():
    text = "Body text here.\nPage 3\nOrder\n"
    assert is_label_line(text, text.index("Page"), text.index("Page") + 4, is_word)
    assert is_label_line(text, text.index("Order"), text.index("Order") + 5, is_word)


def test_label_line_negative_sign_off_name_and_prose():
    text = "Thanks\nQuillon\nPage turned to the Order of the day, said Quillon Brask.\n"
    assert not is_label_line(text, 7, 14, is_word)  # a sign-off first name is not vocabulary
    start = text.index("Page turned")
    assert not is_label_line(text, start, start + 4, is_word)  # a long prose line is not a label


def test_running_lines_positive_footer_on_two_pages_of_one_document():
    pages = [(0, "Intro\nPrinted from Ledger 01/02/2020\nPage 1"), (0, "More\nPrinted from Ledger 03/02/2020\nPage 2")]
    running = running_lines(pages)
    assert on_running_line(pages[1][1], pages[1][1].index("Ledger"), running)


def test_running_lines_negative_line_seen_once():
    pages = [(0, "Intro\nPrinted from Ledger 01/02/2020"), (1, "Quillon Brask visited on 03/02/2020")]
    running = running_lines(pages)
    assert not on_running_line(pages[0][1], pages[0][1].index("Ledger"), running)


def test_identifier_qualifier_positive_and_negative():
    text = "Linked: Ledger ID 1647075; Quillon said no."
    assert names_an_identifier(text, text.index("Ledger") + 6)
    assert not names_an_identifier(text, text.index("Quillon") + 7)


def test_cut_at_label_break_positive_and_negative():
    text = "Quillon Brask\nParent / carer\nDoran\nVesk"
    assert cut_at_label_break(text, 0, len("Quillon Brask\nParent"), is_word) == len("Quillon Brask")
    # One word before the break: a name split over two lines stays whole.
    start = text.index("Doran")
    assert cut_at_label_break(text, start, len(text), is_word) == len(text)


FOOTER = "Printed from Ledger {d} - Ledger ID 2594526 - OFFICIAL-SENSITIVE\nPage {n}"


@pytest.mark.slow
def test_engine_never_proposes_footer_or_label_words_as_names():
    body1 = ("Contact record\nOrder\nReferral Order, 9 months\nParent / carer\n"
             "Quillon Brask said that Doran Vesk had shouted at the children.\n" + FOOTER.format(d="01/02/2020", n=1))
    body2 = ("Visit note\nDoran Vesk was not at home. Doran rang later.\n" + FOOTER.format(d="03/02/2020", n=2))
    body3 = "Review\nQuillon Brask attended.\n" + FOOTER.format(d="05/02/2020", n=1)
    plans = propose(make_doc("a.pdf", body1, body2), make_doc("b.pdf", body3))
    texts = {t for plan in plans for t in redacted_texts(plan)}
    assert not texts & {"Page", "Order", "Parent", "Ledger"}, texts
    # Negative row: the third parties on the same pages are still proposed.
    assert {"Quillon Brask", "Doran Vesk", "Doran"} <= texts, texts
