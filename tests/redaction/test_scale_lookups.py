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
        # Bare digits cut out of the middle of a longer number on both sides are not reported (h-scale7).
        sep = r"[\s./()-]*"
        found += [s for s, d in needles.digits if d in runs and s not in found
                  and re.search(r"(?<!\d)" + sep.join(d) + "|" + sep.join(d) + r"(?!\d)", hay)]
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


# -- whole-bundle lookups: verification strings and closing over a document -------------------------

_GIVEN = ["Orla", "Bexley", "Tamsin", "Quayle", "Dorrit", "Anaïs", "Wilmot", "Zane", "Ferd", "Ib", "Jo"]
_FILL = ["the", "visit", "said", "Road", "07700 900481", "SW", "on", "12/03/2019", "and", "JO", "orla"]


def _pages(rng: random.Random, count: int) -> list[str]:
    return [" ".join(rng.choice(_GIVEN + _FILL) + ("\n" if rng.random() < 0.1 else "")
                     for _ in range(rng.randint(5, 60))) for _ in range(count)]


def _spans(rng: random.Random, text: str, count: int) -> list[tuple[int, int]]:
    words = [m.span() for m in re.finditer(r"\S+(?: \S+)?", text)]
    return [rng.choice(words) for _ in range(min(count, len(words)))]


def _old_verifiable_strings(document, proposals) -> list[str]:
    """``cli.commands.redact.verifiable_strings`` before issue 11's index (every proposal searched)."""
    from cli.commands.redact import _fold

    residual_parts = []
    withheld = {p.page for p in proposals if p.entity_type == "LEGAL_ADVICE" and p.start == 0}
    for page in document.pages:
        if page.page_index in withheld:
            continue
        chars = list(page.text)
        for p in proposals:
            if p.page == page.page_index:
                for i in range(p.start, min(p.end, len(chars))):
                    chars[i] = " "
        residual_parts.append("".join(chars))
    residual = _fold(" \n ".join(residual_parts))
    compact = residual.replace(" ", "")
    out = []
    for p in proposals:
        if p.page in withheld:
            continue
        needle = _fold(p.text)
        if not needle:
            continue
        if len(needle) >= 5:
            survives = needle in residual or (len(needle.replace(" ", "")) >= 6 and needle.replace(" ", "") in compact)
        else:
            survives = re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", residual) is not None
        if not survives:
            out.append(" ".join(p.text.split()))
    return list(dict.fromkeys(out))


def test_verifiable_strings_are_the_same_with_the_index(monkeypatch):
    from cli.commands.redact import verifiable_strings
    from redaction.types import ExtractedDocument, PageText, Proposal

    monkeypatch.setattr(substrings, "INDEX_MIN", 0)
    rng = random.Random(5)
    checked = 0
    for _ in range(30):
        texts = _pages(rng, rng.randint(1, 6))
        pages = tuple(PageText(i, t, (None,) * len(t), 595, 842) for i, t in enumerate(texts))
        proposals = [Proposal(i, s, e, t[s:e], rng.choice(["PERSON", "PERSON", "LEGAL_ADVICE"]), "s40", "r", 0.9, "x")
                     for i, t in enumerate(texts) for s, e in _spans(rng, t, rng.randint(0, 8))]
        document = ExtractedDocument("a.pdf", pages)
        new, old = verifiable_strings(document, proposals), _old_verifiable_strings(document, proposals)
        assert new == old
        checked += len(new)
    assert checked  # some strings were found absent and listed


def _old_close_over_documents(cands, pages):
    """``redaction.plan._close_over_documents`` before issue 11 (every string searched on every page)."""
    from collections import defaultdict

    from redaction.candidates import _Candidate
    from redaction.plan import _resolve_overlaps

    by_doc = defaultdict(list)
    for c in cands:
        by_doc[c.page.doc].append(c)
    out = list(cands)
    for doc, items in by_doc.items():
        seen = {}
        for c in items:
            if c.entity == "LEGAL_ADVICE":
                continue
            text = " ".join(c.page.text[c.start : c.end].split())
            if len(text) >= 3 and text not in seen:
                seen[text] = c
        if not seen:
            continue
        for page in (p for p in pages if p.doc == doc):
            flat = page.text.replace("\n", " ")
            covered = [(c.start, c.end) for c in out if c.page is page]
            for needle, proto in seen.items():
                pos = flat.find(needle)
                while pos >= 0:
                    end = pos + len(needle)
                    bounded = (pos == 0 or not flat[pos - 1].isalnum()) and (
                        end == len(flat) or not flat[end].isalnum())
                    if bounded and not any(s <= pos and end <= e for s, e in covered):
                        out.append(_Candidate(page, pos, end, proto.entity, proto.code, proto.reason, proto.score,
                                              proto.recognizer))
                        covered.append((pos, end))
                    pos = flat.find(needle, pos + 1)
    return _resolve_overlaps(out)


def test_closing_over_documents_adds_the_same_candidates_with_the_index(monkeypatch):
    from redaction.candidates import _Candidate, _Page
    from redaction.plan import _close_over_documents
    from redaction.types import PageText

    monkeypatch.setattr(substrings, "INDEX_MIN", 0)
    rng = random.Random(3)
    added = 0
    for _ in range(30):
        pages = []
        for doc in range(rng.randint(1, 3)):
            for i, t in enumerate(_pages(rng, rng.randint(1, 5))):
                pages.append(_Page(doc, PageText(i, t, (None,) * len(t), 595, 842), t, [], [], []))
        cands = [_Candidate(p, s, e, rng.choice(["PERSON", "PHONE", "LEGAL_ADVICE"]), "s40", "r", 0.9, "x")
                 for p in pages for s, e in _spans(rng, p.text, rng.randint(0, 4))]
        def rows(out):
            return [(c.page.doc, c.page.page.page_index, c.start, c.end, c.entity) for c in out]
        new = rows(_close_over_documents(list(cands), pages))
        assert new == rows(_old_close_over_documents(list(cands), pages))
        added += len(set(new) - set(rows(cands)))
    assert added  # the rows did exercise closing over: occurrences were added
