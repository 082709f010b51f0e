"""Rules alias-initials, alias-nickname, alias-called (redaction.aliases, issue 10): short forms a
document defines for a third party are redacted with the name (SCH2-P16-THIRD-PARTY)."""

import pytest

from redaction.aliases import Alias, alias_spans, defined_aliases, initials_alias, initials_of
from tests.redaction.engine_support import context, make_doc, propose, surviving

NON_NAME = frozenset({"sw", "cafcass", "team", "manager"})


def never_word(_w: str) -> bool:
    return False


def test_initials_of_hyphenated_names():
    assert initials_of(("Odile", "Brack-Tennant")) == "OBT"


def test_positive_bracketed_initials_are_the_names():
    assert initials_alias(" (OB) tearful", ("Odile", "Brackley")) == "OB"


def test_negative_bracketed_letters_that_are_not_the_initials():
    assert initials_alias(" (SW) visited", ("Odile", "Brackley")) is None
    assert initials_alias(" (OB) tearful", ("Odile",)) is None


def _aliases(text, name, is_word=never_word):
    start = text.index(name)
    return defined_aliases(text, start, start + len(name), name.split(), is_word, NON_NAME)


def test_positive_bracketed_nickname():
    assert _aliases("Her uncle Radomir Velk (Radek) stays over.", "Radomir Velk") == [
        Alias("Radek", "nickname", "alias-nickname")
    ]


def test_negative_bracketed_role_relation_agency_or_word():
    assert _aliases("Ines Varga (Mother) came.", "Ines Varga") == []
    assert _aliases("Ines Varga (Cafcass) came.", "Ines Varga") == []
    assert _aliases("Ines Varga (Team Manager) came.", "Ines Varga") == []
    assert _aliases("Ines Varga (Harbour) came.", "Ines Varga", is_word=lambda w: True) == []


def test_positive_called_before_the_full_name_counts_even_for_a_word():
    text = "a man she calls Moth, whose real name is Ossian Frayle, at home"
    assert _aliases(text, "Ossian Frayle", is_word=lambda w: True) == [Alias("Moth", "called", "alias-called")]


def test_negative_no_definition_no_alias():
    assert _aliases("a man she met at the park, Ossian Frayle, at home", "Ossian Frayle") == []


def test_alias_spans_lower_case_only_for_non_words_or_called():
    text = "Radek came. radek said hi. RADEK left. Radeky is not him."
    assert [text[s:e] for s, e in alias_spans(text, Alias("Radek", "nickname", "r"), never_word)] == [
        "Radek", "radek", "RADEK"]
    assert [text[s:e] for s, e in alias_spans(text, Alias("Radek", "nickname", "r"), lambda w: True)] == ["Radek"]


@pytest.mark.slow
def test_engine_redacts_defined_initials_in_that_document_only():
    ctx = context("Lorcan Halloran", "09/09/2009")
    chron = make_doc("chron.pdf", "Chronology\n01/02/2020 Mother Odile Brackley (OB) tearful at the visit.\n"
                     "03/02/2020 OB disclosed that she was frightened.\n")
    other = make_doc("other.pdf", "Visit note\nOB category recorded. Lorcan was well.\n")
    plans = propose(chron, other, ctx=ctx)
    left = surviving(chron, plans[0])
    assert "Odile Brackley" not in left and " OB " not in f" {left} "
    # Negative row: the same letters in another document are not hers.
    assert "OB category" in surviving(other, plans[1])


@pytest.mark.slow
def test_engine_bracketed_initials_do_not_make_a_professional():
    """Without rule alias-initials "(OB)"-style letters that spell a role ("SW") made the mother staff."""
    ctx = context("Lorcan Halloran", "09/09/2009")
    doc = make_doc("chron.pdf", "Chronology\n01/02/2020 Mother Sima Wend (SW) tearful at the visit.\n"
                   "03/02/2020 SW disclosed that she was frightened. Lorcan was well.\n")
    left = surviving(doc, propose(doc, ctx=ctx)[0])
    assert "Sima Wend" not in left and "SW disclosed" not in left
    assert "Lorcan was well" in left


@pytest.mark.slow
def test_engine_redacts_a_nickname_in_lower_case_messages():
    ctx = context("Lorcan Halloran", "09/09/2009")
    doc = make_doc("note.pdf", "Note\nMum's friend Radomir Velk (Radek) stays over.\n"
                   "[21:04] lorcan: radek is here again\n")
    left = surviving(doc, propose(doc, ctx=ctx)[0])
    assert "Radek" not in left and "radek" not in left and "lorcan" in left
