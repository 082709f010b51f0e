"""Identifiers that only a label makes recognisable: a handle after its platform, a plate after "reg".

Presidio ``EntityRecognizer`` s on :class:`redaction.detectors.uk_patterns._RegexRecognizer` (each with
``CONTEXT`` and ``validate_result``), registered in the analyzer's ``RecognizerRegistry`` by
:mod:`redaction.nlp`. The label is needed because the value alone has no shape of its own: a
handle without "@" is a word, a foreign number plate is letters and digits, a sort code written
without hyphens is six digits. Whose the value is, is decided by the identifier rules.

Rules:

* ``platform-handle``: a platform from ``lexicon/platforms.txt``, optionally "handle/username/name/
  account", then "is", ":", "as" or "called", then the handle. After "is"/"as" the handle must hold a
  digit, "_" or "." (so "Snapchat is popular" is not a handle); after a colon or an explicit
  "username" label any token is. A platform written in lower case ("insta: <name>") counts as a label
  too, when the handle holds a digit, "_" or ".".
* ``labelled-sort-code``: six digits straight after "sort code" / "s/c", or three pairs joined by one
  separator (space, hyphen, full stop) after "sort code"/"sort-code"; a grouped sort code after the
  capital "SC" when an account label ("AC", "acc") follows it on the payment line.
* ``labelled-account-number``: six to ten digits, two groups of four or four pairs, after an account label
  ("account no.", "acct", "a/c", "AC"), and the last three or four digits after "account ending"
  / "card ending". A bare eight-digit number without a label stays with presidio's context rule.
* ``labelled-vehicle-plate``: a registration after "reg", "registration", "plate" or "registered"
  (up to three words between, for "Polish-registered van, <plate>"), in any country's shape:
  1-4 letter/digit groups joined by spaces or hyphens, with both letters and digits.
* ``named-street``: a street named without a house number where it places a person: after a
  residence word ("lives on", "moved to", "staying at"), after a dwelling of someone's ("his new
  place is on", "their flat off"; ``lexicon/dwelling_words.txt``) or a position word ("behind",
  "outside", "opposite"). "The office is on the High Street" is not one (no residence or position word).
"""

from __future__ import annotations

import re

from redaction.detectors.uk_patterns import STREET_WORDS, _RegexRecognizer
from redaction.lexicon import alternation, words

_PLATFORM = alternation(words("platforms"))
_PLATFORM_LONG = alternation(tuple(w for w in words("platforms") if len(w) > 2))
_HANDLE = r"(@?[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_]))"


class PlatformHandleRecognizer(_RegexRecognizer):
    """A social-media handle named by its platform, with or without "@" (rule platform-handle)."""

    ENTITY = "SOCIAL_HANDLE"
    CONTEXT = ("handle", "username", "account", "profile")
    RULES = (
        # explicit label: "Snapchat: <name>", "TikTok username <name>", "Instagram handle is <name>"
        (r"\b(?:" + _PLATFORM + r")(?:\s+(?i:handle|username|user\s*name|name|account|id|profile))?\s*"
         r"(?::|(?i:handle|username|name)\s+(?i:is\s+)?)\s*" + _HANDLE + r"(?![\w@])", 1, 0.6),
        # "his Snapchat is <name>", "on Instagram as <name>", "a TikTok account called <name>"
        (r"\b(?:" + _PLATFORM + r")(?:\s+(?i:handle|username|name|account|profile))?\s+(?i:is|as|called|=)\s+"
         + _HANDLE + r"(?![\w@])", 1, 0.55),
        # a platform written in lower case as a label in a message or a note ("insta: <name>",
        # "tiktok - <name>"); only names of three letters or more, so "x:" is not a platform
        (r"(?<![\w@/.])(?i:" + _PLATFORM_LONG + r")[ \t]*[:\-][ \t]*" + _HANDLE + r"(?![\w@])", 1, 0.55),
    )

    def spans(self, text: str):
        """Matches; after "is"/"as"/"called" the handle must look like one (a digit, "_" or ".")."""
        for rx, group, score in self._compiled:
            for m in rx.finditer(text):
                value = m.group(group)
                if score < 0.6 and not re.search(r"[\d_.]", value.strip(".")):
                    continue
                if self.validate_result(value) is not False:
                    yield m.start(group), m.end(group), score

    def validate_result(self, pattern_text: str) -> bool:
        """A handle has a letter and is not a bare number or a time."""
        return bool(re.search(r"[A-Za-z]", pattern_text))


class LabelledSortCodeRecognizer(_RegexRecognizer):
    """A sort code written as six digits after "sort code" (rule labelled-sort-code)."""

    ENTITY = "UK_BANK_DETAILS"
    CONTEXT = ("sort", "bank")
    RULES = (
        (r"(?i:\bsort[ \t]*code|\bs/c)\b[ \t]*(?:(?i:is|no\.?|number)[ \t]*)?:?[ \t]*(\d{6})(?!\d)", 1, 0.6),
        # grouped with full stops or after "sort-code" ("sort-code: 20.45.77"), as hand-typed notes write it
        (r"(?i:\bsort[ \t\-]*code)\b[ \t]*(?:(?i:is|no\.?|number)[ \t]*)?:?[ \t]*"
         r"(\d{2}([ .\-])\d{2}\2\d{2})(?![\d\-.]\d)", 1, 0.6),
        # "SC 40-11-62 AC 71234567": the capital abbreviations of a payment line, both labels present
        (r"(?<![\w/])SC[ \t]*:?[ \t]*(\d{2}[ \-.]?\d{2}[ \-.]?\d{2})(?![\d\-])"
         r"(?=[ \t,;/]*(?:AC|A/C|(?i:acc(?:oun)?t))\b)", 1, 0.6),
    )


_ACCOUNT_LABEL = r"(?:(?i:\b(?:bank[ \t]+)?(?:account|acct|acc|a/c))|(?<![\w/])AC)"


class LabelledAccountRecognizer(_RegexRecognizer):
    """A bank account number after its label, in any grouping (rule labelled-account-number).

    Presidio's context enhancer only raises an eight-digit run next to "account"; records also
    write "a/c 4391 7265", "AC 71234567" on a payment line and "account ending 7265" for a
    card or account known by its last digits, which identifies it to whoever holds it.
    """

    ENTITY = "UK_BANK_DETAILS"
    CONTEXT = ("account", "bank", "acc")
    RULES = (
        (_ACCOUNT_LABEL + r"(?:[ \t]+(?i:no\.?|number|num|#))?[ \t]*(?:(?i:is|was)[ \t]+)?[:\-]?[ \t]*"
         r"(?<![\d\-])(\d{4}[ \-]\d{4}|\d{2}(?:-\d{2}){3}|\d{6,10})(?![\d\-/])", 1, 0.6),
        (r"(?i:\b(?:account|acct|a/c|card)(?:[ \t]+(?:no\.?|number))?[ \t]+ending(?:[ \t]+in)?[ \t]*:?[ \t]*)"
         r"(\d{3,4})(?!\d)", 1, 0.6),
    )


_PLATE = r"([A-Z0-9]{1,4}(?:[ \-][A-Z0-9]{1,5}){1,3})"


class LabelledVehiclePlateRecognizer(_RegexRecognizer):
    """A UK or foreign registration named as one (rule labelled-vehicle-plate)."""

    ENTITY = "UK_VEHICLE_REGISTRATION"
    CONTEXT = ("vehicle", "car", "van", "registration", "plate")
    RULES = (
        (r"(?i:\b(?:number[ \t]+plate|plate|registration|reg\.?|registered|vrm|index))(?:[ \t]+(?i:no\.?|number|mark))?"
         r"(?:[ \t,]+[a-z][a-z\-]*){0,3}[ \t]*[,:]?[ \t]*(?:(?i:is)[ \t]+)?" + _PLATE + r"(?![\w\-])", 1, 0.6),
    )

    def validate_result(self, pattern_text: str) -> bool:
        """Letters and digits both, 4-10 of them (a plate, not a word or a plain number)."""
        alnum = re.sub(r"[^A-Z0-9]", "", pattern_text)
        return 4 <= len(alnum) <= 10 and bool(re.search(r"\d", alnum)) and bool(re.search(r"[A-Z]", alnum))


_STREET = alternation(tuple(STREET_WORDS))
_RESIDENCE = (r"(?:lives|living|lived|live|moved|moving|move|staying|stays|stayed|stay|resides|residing|"
              r"resided|rents|renting|housed|rehoused|sleeping|sofa[- ]surfing|home|address)")
_POSITION = (r"(?:behind|outside|opposite|beside|next\s+to|round\s+the\s+corner\s+from|at\s+the\s+(?:end|top|"
             r"bottom|back)\s+of|off)")
_NAMEWORD = r"(?-i:[A-Z][a-z'\u2019\-]+)"


_DWELLING = alternation(words("dwelling_words"))
# "his new place is on <Street>", "their flat off <Street>": a dwelling placed on a street.
_DWELLING_ON = (r"(?:his|her|their|my|our|your|\w+['\u2019]s)[ \t]+(?:(?:new|old|own|current)[ \t]+)?"
                r"(?:place|" + _DWELLING + r")(?:[ \t]+(?:is|was|are|were))?")


class NamedStreetRecognizer(_RegexRecognizer):
    """A street named without a house number where it places a person (rule named-street)."""

    ENTITY = "UK_ADDRESS"
    CONTEXT = ("lives", "address", "moved")
    FLAGS = re.IGNORECASE
    RULES = (
        (r"\b(?:(?:" + _RESIDENCE + r"|" + _DWELLING_ON + r")(?:[ \t]+(?:now|currently|still|back))?[ \t]+"
         r"(?:on|in|at|to|off|near|along)|"
         + _POSITION + r")[ \t]+(?:the[ \t]+\w+[ \t]+(?:on|in|off)[ \t]+)?(?:the[ \t]+)?("
         + _NAMEWORD + r"(?:[ \t]+" + _NAMEWORD + r"){0,2}[ \t]+(?-i:" + _STREET + r"))\b"
         # not the start of a longer proper name ("<Name> Vale Academy", "<Name> Road Surgery")
         r"(?![ \t]+(?-i:[A-Z]))", 1, 0.5),
    )

    def validate_result(self, pattern_text: str) -> bool:
        """Not the generic high street of a town ("High Street", "Main Road" alone)."""
        return pattern_text.split()[0] not in ("High", "Main")


def labelled_recognizers() -> list[_RegexRecognizer]:
    """Fresh instances of every recognizer in this module."""
    return [PlatformHandleRecognizer(), LabelledSortCodeRecognizer(), LabelledAccountRecognizer(),
            LabelledVehiclePlateRecognizer(), NamedStreetRecognizer()]
