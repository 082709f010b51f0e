"""Addresses the UK address recognizer does not anchor: foreign postal addresses and descriptions.

Rules (the detail is then decided by ownership, like any address: rule third-party-owns-detail or
serious-harm-locator in the engine's identifier rules):

* ``foreign-address``: an address ending in a country name (``lexicon/countries.txt``), perhaps as
  "<Name> Region (Province, State ...) of <Country>", with at least two comma-separated parts before
  it, or a house number; parts are capitalised words, numbers and
  the lower-case particles and street abbreviations of other languages (``_PARTICLES``).
* ``foreign-postcode-address``: a street with a house number and a foreign street word or particle
  ("rue", "via", "ul."), then a numeric postcode and a town, with no country after it.
* ``descriptive-address``: a dwelling described by its position ("the flat above the <shop> on
  <Street>"), and a place of refuge or shelter in a named town ("a refuge in <Town>").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redaction.detectors.uk_patterns import _RegexRecognizer
from redaction.lexicon import alternation, words

# Lower-case words inside street and place names in other languages and in Welsh: name particles
# ("y", "yr", "de", "la", "van", "der") and street and building abbreviations ("ul.", "str.", "nr.",
# "bl.", "ap."), capitalised abbreviations ("Str.") too. General knowledge.
_PARTICLES = r"(?:y|yr|'r|na|an|de|del|della|di|da|do|dos|das|du|des|la|le|les|el|van|der|den|von|am|im|" \
             r"ul\.|ulica|al\.|str\.|pl\.|os\.|nr\.|bl\.|sc\.|ap\.|et\.|rue|via|calle|avenida|rua)"
_UPPER = r"[A-Z\u00c0-\u00de\u0110]"
_PART = (r"(?:" + _UPPER + r"[a-z]{1,3}\.(?=[ \t]+\w)|" + _UPPER + r"[\w'\u2019\-]*|\d{1,5}(?:[/\-]\d{1,5})?[A-Za-z]?|"
         + _PARTICLES + r")")
_SEP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# A later part may open with one lower-case administrative word before a name ("<district> <Name>"),
# as addresses in many languages do; never with a sentence ("lives at ...": two lower-case words).
_LATER = r"(?:(?!" + _UPPER + r")[^\W\d_]{1,8}" + _SEP + r")?" + _PART + r"(?:" + _SEP + _PART + r"){0,4}"
_COUNTRY = alternation(words("countries"))
# A country's administrative region written before it ("<Name> Region of <Country>", "<Name> Province of
# <Country>"), as addresses abroad are often given.
_REGION_OF = (r"(?:" + _UPPER + r"[\w'\u2019\-]*(?:" + _SEP + _UPPER + r"[\w'\u2019\-]*)?" + _SEP
              + r"(?:Region|Province|State|Governorate|District|Oblast|County|Republic)" + _SEP + r"of" + _SEP + r")?")
_FOREIGN = re.compile(
    r"(?<![\w,])(" + _PART + r"(?:" + _SEP + _PART + r"){0,4}(?:," + _SEP + r"?" + _LATER + r"){1,5}"
    r"," + _SEP + r"?" + _REGION_OF + _COUNTRY + r")(?![\w])"
)
# "<street parts with a number>, <numeric postcode> <Town>": European postal addresses end in a
# 4-5 digit or NN-NNN postcode and the town, often with no country (rule foreign-postcode-address).
# A four-digit year is not a postcode ("12 March, 2024 Leeds").
_FOREIGN_POSTAL = re.compile(
    r"(?<![\w,])(" + _PART + r"(?:" + _SEP + _PART + r"){0,5}," + _SEP + r"?(?!(?:19|20)\d{2}\b)"
    r"(?:\d{4,5}|\d{2}-\d{3})" + _SEP + _UPPER + r"[\w'\u2019\-]+(?:" + _SEP + _UPPER + r"[\w'\u2019\-]+)?)(?![\w])"
)
_DWELLING = r"(?:flat|flats|house|block|bedsit|room|maisonette|caravan|bungalow|cottage|hostel)"
_POSITION = (r"(?:above|behind|below|next\s+to|opposite|near|beside|over|at\s+the\s+back\s+of|"
             r"round\s+the\s+corner\s+from)")
_CAP = r"(?-i:[A-Z][\w'\u2019\-]*)"
_DESCRIBED = re.compile(
    r"\b((?:the|a)\s+" + _DWELLING + r"\s+" + _POSITION + r"\s+(?:the\s+|a\s+)?[\w'&\-]+(?:\s+[\w'&\-]+){0,4}?"
    r"\s+(?:on|in|off|at)\s+(?:the\s+)?" + _CAP + r"(?:\s+" + _CAP + r"){0,3})",
    re.IGNORECASE,
)
_SHELTER = re.compile(
    r"\b((?:a|the)\s+(?:women's\s+|womens\s+|domestic\s+abuse\s+)?(?:refuge|safe\s+house|shelter|hostel)\s+"
    r"(?:in|at|near)\s+" + _CAP + r"(?:\s+" + _CAP + r"){0,2})",
    re.IGNORECASE,
)


class PlaceDescriptionRecognizer(_RegexRecognizer):
    """Foreign postal addresses and descriptive addresses (rules foreign-address, descriptive-address)."""

    ENTITY = "UK_ADDRESS"

    def spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Every foreign or descriptive address in ``text``."""
        done: list[tuple[int, int]] = []
        for m in _FOREIGN.finditer(text):
            span = m.group(1)
            if span.count(",") >= 2 or re.search(r"\d", span):
                done.append((m.start(1), m.end(1)))
                yield m.start(1), m.end(1), 0.6
        for m in _FOREIGN_POSTAL.finditer(text):
            street = m.group(1).split(",")[0]
            if any(a <= m.start(1) < b for a, b in done):
                continue  # already part of an address ending in a country
            if re.search(r"\d", street) and re.search(r"(?<![\w.])" + _PARTICLES + r"(?!\w)", street):
                yield m.start(1), m.end(1), 0.55
        for rx in (_DESCRIBED, _SHELTER):
            for m in rx.finditer(text):
                # the town or street must be capitalised even though the cue words are not
                tail = m.group(1).split()[-1]
                if tail[:1].isupper():
                    yield m.start(1), m.end(1), 0.55
