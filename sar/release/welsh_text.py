"""Welsh wording of the fixed strings letters insert, and the note that part of a Welsh letter is in English.

Issue 16: a Welsh letter's own template is Welsh, but it also prints strings from tables (the redaction
codes' titles and reasons, the FOIA/EIR exemption titles) and the officer's own free text (reasons, advice,
search details ...). The tables' Welsh wording is data in ``templates/letters/<lang>/fixed_text.toml``
(marked for checking by a Welsh speaker); the officer's text stays as written, and where it reads as English
(:func:`reads_as_english`, a proxy from function words and spelling) the letter says so in Welsh before the
signature, and the letter's record lists those parts (:func:`english_parts`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from sar.core.settings import Settings

#: Data file of a language's fixed strings, under ``templates/letters/<lang>/``.
FIXED_TEXT_FILE = "fixed_text.toml"
#: Context keys holding the officer's own words (stage and outcome letters); each has a label in the data file.
FREE_TEXT_KEYS = ("question", "what_we_need", "fee_basis", "reasons", "advice", "statement", "legal_basis",
                  "public_interest", "transfer_to")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@lru_cache(maxsize=8)
def _load(path: str) -> Mapping[str, Any]:
    file = Path(path)
    if not file.is_file():
        return {}
    with file.open("rb") as fh:
        return tomllib.load(fh)


def fixed_text(settings: Settings, language: str) -> Mapping[str, Any]:
    """The language's fixed-strings table (empty where the language has none)."""
    return _load(str(Path(settings.templates_dir) / "letters" / language / FIXED_TEXT_FILE))


def reads_as_english(text: str, table: Mapping[str, Any]) -> bool:
    """Whether ``text`` reads as English rather than the table's language (more English markers than its own)."""
    markers = table.get("markers", {})
    english, own = set(markers.get("english", ())), set(markers.get("welsh", ()))
    spelling = re.compile(markers.get("english_spelling", r"(?!)"))
    words = [w.casefold() for w in _WORD.findall(text or "")]
    en = sum(1 for w in words if w in english or (w not in own and spelling.search(w)))
    cy = sum(1 for w in words if w in own)
    return en > cy


def _exemption_texts(context: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    rows = context.get("exemptions") or []
    return ([str(e.get("reasoning") or "") for e in rows], [str(e.get("public_interest") or "") for e in rows])


def english_parts(settings: Settings, context: Mapping[str, Any], language: str,
                  rendered: str | None = None) -> list[str]:
    """Which parts of a ``language`` letter rendered from ``context`` stay in English, as names in that language.

    The officer's free text (:data:`FREE_TEXT_KEYS`, each exemption's reasoning and public interest, the search
    typed on an outcome, the document titles) that reads as English, and any code whose title and reason the
    table does not translate. With ``rendered`` (the letter as rendered), only text the letter prints counts.
    """
    table = fixed_text(settings, language)
    if not table:
        return []
    labels = table.get("free_text", {})

    def english(texts: list[str]) -> bool:
        return any(t.strip() and reads_as_english(t, table) and (rendered is None or t.strip() in rendered)
                   for t in texts)

    found: list[str] = [labels.get(key, key) for key in FREE_TEXT_KEYS if english([str(context.get(key) or "")])]
    reasoning, interest = _exemption_texts(context)
    if english(reasoning):
        found.append(labels.get("reasoning", "reasoning"))
    if english(interest):
        found.append(labels.get("exemption_public_interest", "public interest"))
    search = context.get("search") or {}
    if isinstance(search, Mapping) and english([str(v or "") for v in search.values()]):
        found.append(labels.get("search", "search"))
    titles = [str(d.get("title") if isinstance(d, Mapping) else getattr(d, "title", "")) or ""
              for d in context.get("documents") or []]
    if english(titles):
        found.append(labels.get("documents", "documents"))
    codes = table.get("codes", {})
    if any(c.get("code") not in codes for c in context.get("codes") or []):
        found.append(labels.get("codes", "codes"))
    return found


def localise(settings: Settings, context: Mapping[str, Any], language: str,
             rendered: str | None = None) -> dict[str, Any]:
    """Values to lay over a letter's ``context`` for ``language``.

    The translated code key and exemption titles, ``english_parts`` and the note saying so (``english_note``,
    empty when the whole letter is in the language).

    :param rendered: the letter rendered once without the note, so only English text it prints is named.
    """
    table = fixed_text(settings, language)
    codes = table.get("codes", {})
    titles = {"".join(k.lower().split()): v for k, v in table.get("exemptions", {}).items()}
    out: dict[str, Any] = {}
    if context.get("codes"):
        out["codes"] = [{**c, **({"title": codes[c["code"]]["title"], "reason": codes[c["code"]]["reason"]}
                                 if c.get("code") in codes else {})} for c in context["codes"]]
    if context.get("exemptions"):
        out["exemptions"] = [{**e, "title": titles.get("".join(str(e.get("key") or "").lower().split()),
                                                       e.get("title"))} for e in context["exemptions"]]
    parts = english_parts(settings, context, language, rendered)
    note = table.get("notes", {}).get("english_parts", "")
    out["english_parts"] = parts
    out["english_note"] = note.format(parts=", ".join(parts)) if parts and note else ""
    return out


def english_note_in(settings: Settings, text: str, language: str) -> bool:
    """Whether a sent letter's ``text`` carries the note that part of it is in English (for its record)."""
    note = fixed_text(settings, language).get("notes", {}).get("english_parts", "")
    return bool(note) and note.split("{parts}", 1)[0].strip() in text
