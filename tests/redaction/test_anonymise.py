"""redaction.anonymise: presidio-anonymizer operators for text outputs (issue 10, "Presidio done properly")."""

from __future__ import annotations

import pytest

from redaction.anonymise import (
    MASK_CHAR,
    OPERATORS,
    anonymise_json,
    anonymise_spans,
    anonymise_withheld,
    check_operator,
    quote,
)


def test_replace_writes_the_code_in_place_of_the_quote():
    assert quote("Ada Quill", "SCH2-P16") == "[redacted: SCH2-P16]"
    assert quote("Ada Quill", None) == "[redacted: WITHHELD]"


def test_mask_hides_every_letter_but_keeps_the_word_shape():
    masked = quote("Ada Quill", "SCH2-P16", "mask")
    assert masked == f"{MASK_CHAR * 3} {MASK_CHAR * 5}"
    assert "Ada" not in masked and "Quill" not in masked


def test_keep_returns_the_text_unchanged():
    assert quote("Ada Quill", "SCH2-P16", "keep") == "Ada Quill"
    assert anonymise_withheld("rang Ada Quill", [("Ada Quill", "X")], "keep") == "rang Ada Quill"


def test_unknown_operator_is_refused():
    assert set(OPERATORS) == {"replace", "mask", "keep"}
    with pytest.raises(ValueError, match="replace, mask, keep"):
        check_operator("hash")
    with pytest.raises(ValueError):
        quote("Ada Quill", "X", "redact")


def test_spans_get_their_own_code_and_the_rest_stays():
    text = "Ada Quill rang from 07700 900461 today."
    out = anonymise_spans(text, [(0, 9, "SCH2-P16"), (20, 32, "SCH2-P16-PHONE")])
    assert out == "[redacted: SCH2-P16] rang from [redacted: SCH2-P16-PHONE] today."


def test_span_outside_the_text_is_an_error():
    with pytest.raises(ValueError):
        anonymise_spans("short", [(0, 50, "X")])


def test_withheld_strings_are_found_in_any_case_and_spacing_longest_first():
    text = "Met ada  QUILL; Quill's sister and Ada Quill's dog. Quillan is someone else."
    out = anonymise_withheld(text, [("Quill", "P16"), ("Ada Quill", "P16")])
    assert out == ("Met [redacted: P16]; [redacted: P16]'s sister and [redacted: P16]'s dog. "
                   "Quillan is someone else.")


def test_text_without_withheld_strings_is_unchanged():
    assert anonymise_withheld("Nothing to see.", [("Ada Quill", "P16")]) == "Nothing to see."


def test_json_strings_are_anonymised_and_keys_and_numbers_kept():
    cast = [{"name": "Ada Quill", "status": "third_party", "mentions": [{"page": 2, "text": "Ada Quill"}],
             "evidence": ["'Ada Quill (neighbour)' on page 2"]}]
    out = anonymise_json(cast, [("Ada Quill", "P16")])
    assert out == [{"name": "[redacted: P16]", "status": "third_party",
                    "mentions": [{"page": 2, "text": "[redacted: P16]"}],
                    "evidence": ["'[redacted: P16] (neighbour)' on page 2"]}]
    assert anonymise_json(cast, [("Ada Quill", "P16")], "keep") is cast


def test_cast_withholds_every_form_of_the_people_it_does_not_keep():
    from redaction.anonymise import cast_withheld

    cast = [{"name": "Ada Quill", "status": "third_party", "forms": ["Ada", "Ada Quill"],
             "mentions": [{"text": "ADA QUILL"}]},
            {"name": "Bo Tenn", "status": "unresolved", "forms": ["Bo Tenn"], "mentions": []},
            {"name": "Cy Lark", "status": "professional", "forms": ["Cy Lark"], "mentions": [{"text": "Cy"}]},
            {"name": "Di Mott", "status": "subject", "forms": ["Di"], "mentions": []}]
    pairs = cast_withheld(cast, "P16")
    assert pairs == [("Ada Quill", "P16"), ("Ada", "P16"), ("ADA QUILL", "P16"), ("Bo Tenn", "P16")]
    out = anonymise_json(cast, pairs)
    assert "Ada" not in str(out) and "Bo Tenn" not in str(out)
    assert out[2]["name"] == "Cy Lark" and out[3]["forms"] == ["Di"]
