"""Near-duplicate detection by word shingles (issue 17): pure text in, pairs out."""

from __future__ import annotations

from redaction import duplicates as d

LETTER = ("Dear Ms Example, following our meeting on Tuesday we agreed that contact with your son will take "
          "place every Saturday at the family centre between ten and twelve, supervised by a support worker. "
          "Please tell us if you cannot attend so that we can let him know in good time. Yours sincerely")
OTHER = ("The review meeting considered the school attendance figures for the autumn term and the progress "
         "made with the reading plan; the next review is set for the spring, when the panel will look again "
         "at the support hours and decide whether they continue.")


def test_a_rescanned_page_with_ocr_errors_is_a_duplicate_of_the_first():
    scanned = LETTER.replace("meeting", "meetinq").replace("Saturday", "Saturday,").upper()
    matches = d.duplicate_pages([("a", LETTER), ("b", OTHER), ("c", scanned)])
    assert [(m.page, m.of_page) for m in matches] == [("c", "a")]
    assert 0.8 <= matches[0].score < 1


def test_different_pages_and_short_pages_are_not_duplicates():
    assert d.duplicate_pages([("a", LETTER), ("b", OTHER)]) == []
    assert d.duplicate_pages([("a", "Signed: A. Officer"), ("b", "Signed: A. Officer")]) == []


def test_three_copies_all_point_at_the_first():
    matches = d.duplicate_pages([("a", LETTER), ("b", LETTER), ("c", LETTER)])
    assert [(m.page, m.of_page) for m in matches] == [("b", "a"), ("c", "a")]


def test_an_email_quoted_in_its_reply_is_contained_in_it():
    quoted = "\n".join("> " + line for line in LETTER.split(". "))
    reply = "Thank you, Saturday suits me and I will be there.\n\nOn Tuesday you wrote:\n" + quoted
    found = d.contained_documents([("first", LETTER), ("reply", reply), ("other", OTHER)])
    assert [(c.document, c.within) for c in found] == [("first", "reply")]
    assert d.contained_documents([("first", LETTER), ("other", OTHER)]) == []


def test_pictures_match_within_the_distance_and_blank_pages_never_match():
    near, far = 0b1011 << 40, (0b1011 << 40) ^ 0b111
    matches = d.duplicate_pictures([("a", near), ("blank1", None), ("b", far), ("blank2", None)], max_distance=3)
    assert [(m.page, m.of_page) for m in matches] == [("b", "a")]
    assert d.duplicate_pictures([("a", near), ("b", far)], max_distance=2) == []
