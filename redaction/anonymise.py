"""Anonymising text outputs with presidio-anonymizer: what is not burned into a PDF.

A redaction burned into a PDF removes the text under a box. A *text* output (a schedule row, a JSON
export, a CSV, an audit export) that quotes a withheld string would hand it straight back, so every
such output passes the string through one of the named operators here before it is written:

* ``replace``: the string becomes ``[redacted: <code>]`` (the exemption code, so a reader still sees
  why something was removed, as on the burned-in box);
* ``mask``: every character except spaces becomes ``█`` (the length and word shape stay, for a
  reviewer lining rows up against the bundle; the letters do not);
* ``keep``: unchanged, for staff views whose job is to show the withheld text to a reviewer. Each
  caller states in its docstring why it keeps.

Operators are chosen by name (:data:`OPERATORS`), so an export, a CLI option or a query parameter
can pass the name straight through. Pure: no database, no analyzer; presidio-anonymizer's
``AnonymizerEngine`` does the replacing from the spans the caller already knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

#: Operator names a caller may choose.
OPERATORS = ("replace", "mask", "keep")
#: What ``replace`` writes; ``{code}`` is the exemption code (or ``WITHHELD`` when there is none).
REPLACEMENT = "[redacted: {code}]"
MASK_CHAR = "\u2588"
#: Code used when a caller has none for a span.
NO_CODE = "WITHHELD"

_ENGINE: AnonymizerEngine | None = None


def _engine() -> AnonymizerEngine:
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = AnonymizerEngine()
    return _ENGINE


def check_operator(name: str) -> str:
    """Return ``name`` if it is an operator name.

    :raises ValueError: naming the operators that exist.
    """
    if name not in OPERATORS:
        raise ValueError(f"unknown anonymisation operator {name!r}; use one of {', '.join(OPERATORS)}")
    return name


def _config(operator: str, code: str, length: int) -> OperatorConfig:
    if operator == "replace":
        return OperatorConfig("replace", {"new_value": REPLACEMENT.format(code=code or NO_CODE)})
    return OperatorConfig("mask", {"masking_char": MASK_CHAR, "chars_to_mask": length, "from_end": False})


def anonymise_spans(text: str, spans: Iterable[tuple[int, int, str]], operator: str = "replace") -> str:
    """``text`` with every ``(start, end, code)`` span anonymised by ``operator``.

    Overlapping spans are merged by presidio (the wider one wins). ``mask`` keeps white space, so a
    masked name still reads as two words.

    :raises ValueError: on an unknown operator or a span outside ``text``.
    """
    check_operator(operator)
    spans = [(s, e, c) for s, e, c in spans if e > s]
    if operator == "keep" or not spans:
        return text
    if any(s < 0 or e > len(text) for s, e, _ in spans):
        raise ValueError("a span lies outside the text")
    # One entity type per (code, length) pair, so each span gets its own operator configuration.
    results, operators = [], {}
    for s, e, code in spans:
        kind = f"{code or NO_CODE}|{e - s}"
        results.append(RecognizerResult(entity_type=kind, start=s, end=e, score=1.0))
        operators[kind] = _config(operator, code, e - s)
    out = _engine().anonymize(text=text, analyzer_results=results, operators=operators).text
    if operator == "mask":
        # presidio masks white space too; put the original spaces and line breaks back
        out = "".join(o if o != MASK_CHAR or not t.isspace() else t for o, t in zip(out, text, strict=True))
    return out


def quote(text: str | None, code: str | None, operator: str = "replace") -> str | None:
    """A withheld string quoted on its own (a schedule's or an export's ``text`` field)."""
    if not text:
        return text
    return anonymise_spans(text, [(0, len(text), code or NO_CODE)], operator)


def _pattern(needle: str) -> re.Pattern[str] | None:
    words = needle.split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(r"(?<!\w)" + body + r"(?!\w)", re.IGNORECASE)


def anonymise_withheld(text: str, withheld: Sequence[tuple[str, str]], operator: str = "replace") -> str:
    """``text`` (written from text, e.g. a free-text field or a title) with every withheld string anonymised.

    :param withheld: ``(string, code)`` pairs: each occurrence of the string, in any case and spacing,
        is replaced (longest strings first, so a full name is replaced whole, not surname by surname).
    """
    check_operator(operator)
    if operator == "keep" or not text:
        return text
    spans: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for needle, code in sorted(withheld, key=lambda w: -len(w[0])):
        rx = _pattern(needle)
        if rx is None:
            continue
        for m in rx.finditer(text):
            if not any(m.start() < e and s < m.end() for s, e in taken):
                spans.append((m.start(), m.end(), code))
                taken.append((m.start(), m.end()))
    return anonymise_spans(text, spans, operator)


def anonymise_json(value, withheld: Sequence[tuple[str, str]], operator: str = "replace"):
    """A JSON-ready value with every string in it passed through :func:`anonymise_withheld`.

    Keys are left alone. For exports that quote names in free places (a cast's mentions and evidence).
    """
    check_operator(operator)
    if operator == "keep":
        return value
    if isinstance(value, str):
        return anonymise_withheld(value, withheld, operator)
    if isinstance(value, dict):
        return {k: anonymise_json(v, withheld, operator) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [anonymise_json(v, withheld, operator) for v in value]
    return value


def cast_withheld(cast: Iterable[dict], code: str) -> list[tuple[str, str]]:
    """``(string, code)`` pairs for every way the cast writes a person it does not keep.

    A third party or an unresolved person is proposed for redaction (fail closed), even where only a
    whole withheld sentence names them, so in a copy that leaves the team their name, forms and
    mention texts are withheld strings too. ``cast`` is :func:`redaction.cast.describe_cast` output.
    """
    from redaction.cast import UNRESOLVED
    from redaction.names import THIRD_PARTY

    out: list[tuple[str, str]] = []
    for person in cast:
        if person.get("status") not in (THIRD_PARTY, UNRESOLVED):
            continue
        mentions = (m.get("text", "") for m in person.get("mentions", ()))
        texts = [person.get("name", ""), *person.get("forms", ()), *mentions]
        out.extend((t, code) for t in dict.fromkeys(texts) if t and t.strip())
    return out
