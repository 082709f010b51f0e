"""Presidio's IbanRecognizer and CreditCardRecognizer are asked for (ENTITIES): before, both were registered but
never requested, so an IBAN lost only its last digits to the phone rule. Wording and numbers invented (the
IBAN is the published example of the IBAN standard; the card number passes the Luhn check)."""

from __future__ import annotations

from tests.redaction.engine_support import make_doc, propose


def _found(text: str) -> list[tuple[str, str]]:
    return [(" ".join(p.text.split()), p.entity_type) for p in propose(make_doc("a.pdf", text))[0].proposals]


def test_positive_a_third_partys_iban_and_card_are_redacted_whole():
    assert ("GB29 NWBK 6016 1331 9268 19", "IBAN_CODE") in _found(
        "The uncle asked for the money to go to GB29 NWBK 6016 1331 9268 19.")
    assert ("4539 1488 0343 6467", "CREDIT_CARD") in _found("Doran Vesk paid with card 4539 1488 0343 6467.")


def test_negative_numbers_failing_the_checks_are_not_taken_as_cards_or_ibans():
    found = _found("Order reference 1234 5678 9012 3456 and code GB00 XXXX 0000 0000 0000 00 were sent.")
    assert not [f for f in found if f[1] in ("IBAN_CODE", "CREDIT_CARD")]
