"""Addresses the UK address recognizer does not anchor: foreign streets, Irish, described dwellings.

Presidio recognizers on :class:`redaction.detectors.uk_patterns._RegexRecognizer` (``RULES``,
``CONTEXT``, ``validate_result``), registered in the analyzer's ``RecognizerRegistry`` by
:mod:`redaction.nlp`. Whose address it is, is decided by the identifier rules (an address is kept
only when the record states it is the subject's own: :mod:`redaction.address_ownership`).

Rules (one positive and one negative row each in ``tests/redaction/test_address_forms.py``):

* ``foreign-street-address``: a street named with one of the thoroughfare words of other languages
  (``lexicon/thoroughfare_types.txt``: written before the name, as the end of its last word, or as a
  word after it) and a house number, optionally followed by a numeric postcode and a town. A
  thoroughfare word without a house number is not an address ("the via ferrata").
* ``number-after-name-postal``: a street's name, its house number, a comma, a numeric postcode
  (4-6 digits or NN-NNN, not a year) and a town, whatever the street word.
* ``irish-address``: comma-separated capitalised parts ending in "Co. <County>" and/or an Eircode
  (a routing key, a letter and two digits, and a four-character identifier). An Eircode alone
  with no place before it is not enough.
* ``place-phrase``: a dwelling (``lexicon/dwelling_words.txt``) described by where it is, gazetteer
  free: "<det> [words] <dwelling> [words] <at|on|in|off|near|behind|above|...> <Capitalised place>",
  where the place ends in a street word (``lexicon/street_words.txt`` or a thoroughfare word), or the
  dwelling is a site or shelter and the place is a capitalised name. "The office on <Street>" is not
  one (an office is not a dwelling); "the house on Tuesday" is not one (a day or month is no place).
* ``named-building``: a home given by its building's name ("<Name> House", "<Name> Court", "<Name>
  Cottages": ``lexicon/building_words.txt``), perhaps with its estate or street and town, after a flat or
  room number ("Flat 12, <Name> House") or a residence phrase in the same sentence ("lives at", "moved
  to", "floor of"). Without either it may be an office ("a meeting at <Name> House") and is not taken.
* ``district-of-town``: after a residence phrase, "<Name> district (area, neighbourhood, suburb,
  quarter, estate, village) of <Town>": a home placed in part of a town, as people abroad often give it.
* ``lower-case-street``: a house number, one or two lower-case words and a full street word, all in
  lower case as people type in messages ("<number> <name> close"). A function word or a counted thing
  between them makes it no address ("15 minutes down the road", "2 more streets").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.detectors.uk_patterns import _RegexRecognizer
from redaction.lexicon import MONTHS, STREET_WORDS, alternation, words

_BEFORE = alternation(words("thoroughfare_types", "before"))
_SUFFIX = alternation(words("thoroughfare_types", "suffix"))
_AFTER = alternation(words("thoroughfare_types", "after"))
_UP = r"[A-Z\u00c0-\u00de\u0100-\u017f]"
# A capitalised word of a street or place name in any Latin-script language.
_NAMEW = r"(?:" + _UP + r"[\w'\u2019\-]*\.?)"
_PARTICLE = (r"(?:de|del|della|delle|degli|dei|di|da|do|dos|das|du|des|la|las|le|les|lo|los|el|van|der|den|von|zu|"
             r"y|i|e|na|an|al|e|ka|te|së|të)")
_NAMEPART = r"(?:" + _NAMEW + r"|" + _PARTICLE + r")"
_S = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_HOUSE = r"\d{1,4}(?:[/\-]\d{1,4})?[A-Za-z]?(?![\w/])"
# A house number ends the street part: a comma, the end of a line or a sentence follows it ("via <Name> 2
# days" is a route, not an address).
_HOUSE_END = _HOUSE + r"(?=[ \t]*(?:[,;)]|\.(?!\d)|\n|$))"
_TOWNW = r"(?:" + _UP + r"[\w'\u2019\-]*)"
_TOWN_TAIL = (r"(?:," + _S + r"?(?:\d{2}-\d{3}|\d{4,6})" + _S + _TOWNW + r"(?:" + _S + _TOWNW + r")?)?")

_FOREIGN_STREET = (
    # "<thoroughfare> <Name ...> <number>[, <postcode> <Town>]"  /  "<number>,? <thoroughfare> <Name ...>"
    r"(?<![\w])((?i:" + _BEFORE + r")" + _S + _NAMEPART + r"(?:" + _S + _NAMEPART + r"){0,4}" + _S + r"?,?"
    + _S + r"?" + _HOUSE_END + _TOWN_TAIL + r")",
    r"(?<![\w/])(" + _HOUSE + r",?" + _S + r"(?i:" + _BEFORE + r")" + _S + _NAMEPART + r"(?:" + _S + _NAMEPART
    + r"){0,4}?" + r"(?=[,.;)\n]|$)" + _TOWN_TAIL + r")",
    # "<Name>straße 12", "<Name> utca 3"
    r"(?<![\w])(" + _UP + r"[\w'\u2019\-]*(?i:" + _SUFFIX + r")\.?" + _S + _HOUSE_END + _TOWN_TAIL + r")",
    r"(?<![\w])(" + _NAMEW + r"(?:" + _S + _NAMEW + r"){0,2}" + _S + r"(?i:" + _AFTER + r")" + _S + r"?,?" + _S
    + r"?" + _HOUSE_END + _TOWN_TAIL + r")",
    # "<Name ...> <number>, <numeric postcode> <Town>": the house number after the street's name, then a
    # postcode of digits, as most of continental Europe writes it, whatever the street word; a year is no
    # postcode ("Meeting 3, 2024 Leeds").
    r"(?<![\w,])(" + _NAMEW + r"(?:" + _S + _NAMEPART + r"){0,4}" + _S + _HOUSE + r"," + _S
    + r"?(?!(?:19|20)\d{2}\b)(?:\d{2}-\d{3}|\d{4,6})" + _S + _TOWNW + r"(?:" + _S + _TOWNW + r")?)(?![\w])",
)

# Eircode: routing key (letter, two digits, or D6W) and a four-character unique identifier.
EIRCODE = r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \t]?[0-9AC-FHKNPRTV-Y]{4}"
_PART = (r"(?:" + _NAMEW + r"(?:" + _S + r"(?:" + _NAMEW + r"|\d{1,4}))*|\d{1,4}" + _S + _NAMEW + r"(?:" + _S
         + _NAMEW + r")*)")
_COUNTY = r"(?:Co\.?|County)" + _S + _NAMEW
_IRISH = (
    # "<part>, <part>, Co. <County>[ <Eircode>]"
    r"(?<![\w])(" + _PART + r"(?:," + _S + r"?" + _PART + r"){0,3}," + _S + r"?" + _COUNTY + r"(?:,?" + _S
    + EIRCODE + r")?)(?![\w])",
    # "<part>, <part>[,] <Eircode>"
    r"(?<![\w])(" + _PART + r"(?:," + _S + r"?" + _PART + r"){1,3},?" + _S + EIRCODE + r")(?![\w])",
)

_DWELLING = alternation(words("dwelling_words"))
# Dwellings that place a person wherever they are named ("a refuge in <Town>", "the site at <Name>").
_SHELTERS = frozenset({"refuge", "safe house", "shelter", "hostel", "site", "halting site", "caravan", "trailer",
                       "squat", "b&b", "bed and breakfast", "mobile home"})
_STREET_END = alternation((*STREET_WORDS, *(w.capitalize() for w in words("thoroughfare_types"))))
_PLACE_PREP = (r"(?:at|on|in|off|near|behind|above|below|over|under|opposite|beside|by|next\s+to|outside|"
               r"at\s+the\s+(?:back|end|top|bottom)\s+of|round\s+the\s+corner\s+from)")
_DET = r"(?:the|a|an|his|her|their|my|our|your|its)"
_PLACE_PHRASE = re.compile(
    r"\b(" + _DET + r"\s+(?:[\w'&\-]+\s+){0,2}?(?P<dw>" + _DWELLING + r")\s+(?:[\w'&\-]+\s+){0,5}?"
    + _PLACE_PREP + r"\s+(?:the\s+)?(?P<place>(?-i:" + _NAMEW + r")(?:[ \t\n]+(?-i:" + _NAMEW + r")){0,3}))",
    re.IGNORECASE,
)
# Capitalised words that are times, not places ("the house on Tuesday", "home at Christmas").
_NOT_PLACES = frozenset({*(m.lower() for m in MONTHS), "monday", "tuesday", "wednesday", "thursday", "friday",
                         "saturday", "sunday", "christmas", "easter", "new", "half", "term", "weekend", "weekends",
                         "i", "mr", "mrs", "ms", "miss", "dr", "mum", "dad", "mummy", "daddy"})


class ForeignStreetRecognizer(_RegexRecognizer):
    """A street in another language's form with its house number (rule foreign-street-address)."""

    ENTITY = "UK_ADDRESS"
    CONTEXT = ("address", "lives", "living", "live", "street")
    RULES = tuple((rx, 1, 0.6) for rx in _FOREIGN_STREET)

    def validate_result(self, pattern_text: str) -> bool:
        """A house number and at least one capitalised name word besides the thoroughfare word."""
        return bool(re.search(r"\d", pattern_text)) and len(re.findall(_UP + r"[\w']+", pattern_text)) >= 1


class IrishAddressRecognizer(_RegexRecognizer):
    """An Irish address: townland, town, "Co. <County>" and/or an Eircode (rule irish-address)."""

    ENTITY = "UK_ADDRESS"
    CONTEXT = ("address", "lives", "eircode", "ireland")
    RULES = tuple((rx, 1, 0.6) for rx in _IRISH)


class PlacePhraseRecognizer(_RegexRecognizer):
    """A dwelling described by where it is (rule place-phrase)."""

    ENTITY = "UK_ADDRESS"
    CONTEXT = ("lives", "staying", "living", "address")

    def spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Each place phrase whose place is a street, or a named place of a site or shelter."""
        pos = 0
        while (m := _PLACE_PHRASE.search(text, pos)) is not None:
            # a rejected match may hide a shorter one inside it ("the pitch on the site at <Place>")
            pos = m.start(1) + 1
            place = m.group("place").split()
            while place and place[-1].lower().strip(".") in _NOT_PLACES:
                place.pop()
            if not place or place[0].lower().strip(".") in _NOT_PLACES:
                continue
            street = re.fullmatch(r"(?:" + _STREET_END + r")\.?", place[-1]) is not None and len(place) >= 2
            shelter = " ".join(m.group("dw").lower().split()) in _SHELTERS
            if not (street or shelter):
                continue
            pos = m.end("place")
            # end the span at the last kept place word
            end = m.start("place")
            for w in place:
                end = text.index(w, end) + len(w)
            yield m.start(1), end, 0.55 if street else 0.5


# Full street words in lower case; abbreviations ("st", "rd") are left out, in lower case they are too
# often something else.
_LOWER_STREET = alternation(tuple(sorted({w.lower() for w in STREET_WORDS if len(w) > 2 and "." not in w})))
_LOWER_WORD = r"[a-z][a-z'\u2019\-]+"
_LOWER_ADDRESS = re.compile(r"(?<![\w/\u00a3$.,:])(\d{1,4}[a-z]?)[ \t]+"
                            r"(" + _LOWER_WORD + r"(?:[ \t]+" + _LOWER_WORD + r")?)"
                            r"[ \t]+(" + _LOWER_STREET + r")(?![\w\-])")
# Counted things: "15 minutes down the road" names no street.
_COUNTED = frozenset("""minute minutes min mins hour hours hr hrs day days week weeks month months year years mile miles
    km metre metres meter meters yard yards foot feet time times pound pounds quid people kids children houses
    doors stops streets roads blocks floors flats steps""".split())


class LowerCaseStreetRecognizer(_RegexRecognizer):
    """A house number and a street written in lower case, as in a text message (rule lower-case-street)."""

    ENTITY = "UK_ADDRESS"
    CONTEXT = ("address", "lives", "living", "staying", "at")

    def spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        """``<number> <one or two words> <street word>``, all lower case, with no function word or unit."""
        for m in _LOWER_ADDRESS.finditer(text):
            name = m.group(2).split()
            if any(w in STOP_WORDS or w in _COUNTED for w in name):
                continue
            yield m.start(1), m.end(3), 0.5


_BUILDING = alternation(words("building_words"))
_UNIT = r"(?:(?i:flat|apartment|apt\.?|room|unit|no\.?)[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+)"
_CAPS = r"(?:" + _NAMEW + r"[ \t]+){1,3}"
# A building name, then perhaps its estate or street and a town: "<Name> House, <Name> Estate, <Town>".
_NAMED_BUILDING = (_CAPS + r"(?-i:" + _BUILDING + r")\b(?:,[ \t]*" + _CAPS + r"(?-i:" + _BUILDING + r"|"
                   + _STREET_END + r")\b)?(?:,[ \t]*" + _TOWNW + r"(?![ \t]+" + _NAMEW + r"))?")
_RESIDES_AT = (r"(?i:\b(?:lives?|living|lived|resides?|residing|moved|moving|rehoused|housed|staying|stays|stayed|"
               r"address(?:\s+is)?|home\s+is)\b[^.\n]{0,30}?\b(?:at|to|in|into)[ \t]+(?:the[ \t]+)?)")
_FLOOR_OF = r"(?i:\b(?:floor|flat|room)[ \t]+(?:in|of|at)[ \t]+)"


class NamedBuildingRecognizer(_RegexRecognizer):
    """A home given by its building's name (rule named-building)."""

    ENTITY = "UK_ADDRESS"
    CONTEXT = ("lives", "living", "address", "flat", "moved")
    RULES = (
        # "Flat 12, <Name> House, <Name> Estate": the unit number shows a home
        (r"(?<![\w])(" + _UNIT + _NAMED_BUILDING + r")", 1, 0.6),
        # "lives at <Name> House", "moved to <Name> Farm Cottage, near <Town>", "third floor of <Name> House"
        (r"(?:" + _RESIDES_AT + r"|" + _FLOOR_OF + r")(" + _NAMED_BUILDING + r")", 1, 0.55),
    )


_DISTRICT = r"(?i:district|area|neighbourhood|neighborhood|suburb|quarter|estate|township|village|borough)"


class DistrictOfTownRecognizer(_RegexRecognizer):
    """Where someone lives given as a part of a town (rule district-of-town)."""

    ENTITY = "UK_ADDRESS"
    CONTEXT = ("lives", "living", "moved", "address")
    # "lives in the <Name> district of <Town>", "moved to the <Name> area of <Town>"
    RULES = ((_RESIDES_AT + r"(" + r"(?:" + _NAMEW + r"[ \t]+){1,3}" + _DISTRICT + r"[ \t]+(?i:of|in)[ \t]+"
              + _TOWNW + r"(?:[ \t]+" + _TOWNW + r")?)", 1, 0.55),)


def place_form_recognizers() -> list[_RegexRecognizer]:
    """Fresh instances of every recognizer in this module."""
    return [ForeignStreetRecognizer(), IrishAddressRecognizer(), PlacePhraseRecognizer(), LowerCaseStreetRecognizer(),
            NamedBuildingRecognizer(), DistrictOfTownRecognizer()]
