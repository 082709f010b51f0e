"""Nationalities, peoples and languages are not people (lexicon/nationalities.txt). Wording invented here.

Without the vocabulary the relationship rules took "her mother is <nationality>" and "speaks <language>"
for a named relative and redacted the words.
"""

from __future__ import annotations

import pytest

from redaction.lexicon import lower
from redaction.names import NON_NAME
from tests.redaction.engine_support import make_doc, propose, redacted_texts


@pytest.mark.parametrize("text, word", [
    ("Lorcan's mother is Eritrean and she speaks Tigrinya at home.", "Eritrean"),
    ("His father is Afghan; a Pashto interpreter attended the visit.", "Afghan"),
    ("The family are Slovak and speak Romani with the children.", "Romani"),
])
def test_positive_a_nationality_or_language_is_kept(text, word):
    assert not [t for t in redacted_texts(propose(make_doc("note.pdf", text))[0]) if word in t]


@pytest.mark.parametrize("text, name", [
    ("Lorcan's mother is Senait and she speaks Tigrinya at home.", "Senait"),
    ("His uncle, Farid Noorzai, is Afghan and lives nearby.", "Farid Noorzai"),
    ("Lorcan's aunt Maeve French collected him.", "French"),  # a surname-like demonym stays a name
])
def test_negative_a_relative_named_beside_the_words_is_still_redacted(text, name):
    assert any(name in t for t in redacted_texts(propose(make_doc("note.pdf", text))[0]))


def test_the_vocabulary_is_single_words_and_in_non_name():
    vocab = lower("nationalities")
    assert vocab <= NON_NAME and all(" " not in w for w in vocab)
    assert not vocab & {"french", "welsh", "german", "black", "jordan"}  # surnames too: never listed
