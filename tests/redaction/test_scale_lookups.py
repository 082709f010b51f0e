"""Issue 11: lookups that cost pages x strings (or pages x people) now cost about pages; the same results.

Pure performance changes, so each test compares the new path with the old one (kept here as the
reference) on texts and strings made up for the purpose, with the index forced on.
All names here are invented."""

import random
import re

from redaction import pdf_verify, substrings
from redaction.aliases import Alias, alias_spans
from redaction.cast_initials import initials_index, initials_spans, initials_spans_indexed
from redaction.names import Person
from redaction.substrings import PrefixIndex

_ALPHABET = "abcde fgh.-0123 AÉ"


def _random_strings(rng: random.Random, count: int, low: int, high: int) -> list[str]:
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(low, high))) for _ in range(count)]


def test_prefix_index_never_drops_a_string_that_occurs():
    rng = random.Random(11)
    needles = _random_strings(rng, 400, 1, 9)
    index = PrefixIndex(needles, index_min=0)
    for _ in range(200):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 120)))
        expected = [i for i, n in enumerate(needles) if n in text]
        got = list(index.candidates(text))
        assert got == sorted(got)
        assert set(expected) <= set(got)


def test_prefix_index_narrows_the_candidates():
    index = PrefixIndex(["Dorrit Quayle", "Quentin Abbs", "Wilmot Zane"], index_min=0)
    assert list(index.candidates("the letter from Quentin Abbs arrived")) == [1]


def test_prefix_index_below_its_minimum_tests_every_string():
    assert list(PrefixIndex(["ab", "cd"]).candidates("zz")) == [0, 1]


def _old_find(needles: pdf_verify._Needles, text: str) -> list[str]:
    """``_Needles.find`` before issue 11's index: every string tested against the text."""
    hay = pdf_verify._normalise(text)
    found = [s for s, n in needles.substr if n in hay]
    found += [s for s, rx in needles.short if rx.search(hay)]
    if needles.nospace:
        compact = hay.replace(" ", "")
        found += [s for s, n in needles.nospace if n in compact and s not in found]
    if needles.digits:
        runs = re.sub(r"(?<=\d)[\s\-./()]+(?=\d)", "", hay)
        found += [s for s, d in needles.digits if d in runs and s not in found]
    return list(dict.fromkeys(found))


def test_verify_needles_find_the_same_strings_in_the_same_order_with_the_index(monkeypatch):
    monkeypatch.setattr(substrings, "INDEX_MIN", 0)
    rng = random.Random(7)
    given = ["Orla", "Bexley", "Tamsin", "Quayle", "Dorrit", "Anaïs", "Wilmot", "Zane", "Ferd"]
    people = [f"{rng.choice(given)} {rng.choice(given)}" for _ in range(60)]
    strings = people + [f"07700 9{rng.randint(10000, 99999)}" for _ in range(40)] + \
        [f"{rng.choice(given)} Road" for _ in range(30)] + ["JS", "Al", "X"]
    needles = pdf_verify._Needles(strings, people=people[:20], kept_text="Ferd was kept")
    words = given + ["road", "the", "said", "07700", "900", "-", "J.", "S", "Road,", "Tamsinroad", "  "]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        text += f" 07700-9{rng.randint(10000, 99999)}" if rng.random() < 0.3 else ""
        assert needles.find(text) == _old_find(needles, text)


def test_verify_needles_still_find_nothing_in_an_unrelated_text(monkeypatch):
    monkeypatch.setattr(substrings, "INDEX_MIN", 0)
    needles = pdf_verify._Needles(["Dorrit Quayle", "Sam"], people=["Dorrit Quayle"])
    assert needles.find("A Sample of the minutes.") == []
    assert needles.find("D. Quayle and Sam attended.") == _old_find(needles, "D. Quayle and Sam attended.")
    assert needles.find("D. Quayle and Sam attended.")


def test_initials_indexed_once_per_document_give_the_same_spans():
    people = [Person(("Ilona", "Brevik")), Person(("Odile", "Marchetti"), kind="subject"),
              Person(("Isak", "Bolt")), Person(("Mara", "Kell"))]
    is_third = lambda p: p.kind == "third_party"  # noqa: E731
    index = initials_index(people)
    for text in ("IB was warm with OM and MK.", "OM saw the SW; ref IB/2291.", "IB and IB4 and MK.", "none"):
        for taken in ([], [(0, 2)]):
            assert initials_spans_indexed(text, index, taken, is_third, lambda w: False, frozenset({"sw"})) == \
                initials_spans(text, people, taken, is_third, lambda w: False, frozenset({"sw"}))


def _old_alias_spans(text: str, alias: Alias, is_word) -> list[tuple[int, int]]:
    forms = {alias.text}
    if alias.kind == "called" or (alias.kind == "nickname" and not is_word(alias.text)):
        forms |= {alias.text.lower(), alias.text.upper()}
    return sorted((m.start(), m.end()) for form in forms
                  for m in re.finditer(r"(?<![\w@.\-'])" + re.escape(form) + r"(?![\w@\-]|\.\w)", text))


def test_alias_spans_skip_absent_forms_with_the_same_result():
    texts = ["Bex said BEX was fine; bex.", "Bexley is not Bex", "no alias here", "IB and ib", "x.Bex Bex-y"]
    aliases = [Alias("Bex", "nickname", "alias-nickname"), Alias("IB", "initials", "alias-initials"),
               Alias("Bex", "called", "alias-called")]
    for text in texts:
        for alias in aliases:
            for is_word in (lambda w: False, lambda w: True):
                assert alias_spans(text, alias, is_word) == _old_alias_spans(text, alias, is_word)
