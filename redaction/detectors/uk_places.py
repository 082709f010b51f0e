"""UK recognizers for places: schools, GP practices and whole street addresses.

Presidio ``EntityRecognizer``s built on ``redaction.detectors.uk_patterns._RegexRecognizer``,
with the job-title words a school or practice name never starts with and the address walk-back
helpers; they know nothing about who the data subject is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redaction.detectors.uk_patterns import (
    _ADDRESS_STOP,
    _CAPWORD,
    _NUMBER,
    _STREET,
    DATE,
    POSTCODE,
    _RegexRecognizer,
)

# Words of job titles: a school or practice name never starts with one ("Designated Safeguarding
# Lead <Town> Primary School" in a table row is a role followed by the school).
ROLE_WORDS = frozenset(
    """designated safeguarding lead head teacher headteacher deputy class senco manager
    officer worker social nurse visitor health gp police constable independent reviewing chair team support
    assistant practitioner consultant doctor dr mr mrs ms miss name role agency from to at by with and
    signed present attendees""".split()
)


class SchoolRecognizer(_RegexRecognizer):
    """School names: one to four capitalised words ending in a school word."""

    def spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Regex matches with leading job-title words trimmed off."""
        for start, end, score in super().spans(text):
            start = _trim_roles(text, start, end)
            if len(text[start:end].split()) >= 2:
                yield start, end, score

    ENTITY = "SCHOOL"
    CONTEXT = ("school", "attends", "pupil", "teacher")
    RULES = (
        (
            r"((?:St\.?\s+|Saint\s+)?(?:" + _CAPWORD + r"[ \t\n]+){1,4}(?:(?:Primary|Junior|Infant|Infants|Secondary|"
            r"High|Grammar|Community|Church\s+of\s+England|C\s?of\s?E|CE|RC|Catholic|Special|Free)[ \t\n]+)?"
            r"(?:School|Academy|College|Primary|Nursery|Infants|Juniors|Pupil\s+Referral\s+Unit|PRU)"
            r"(?:[ \t]+School)?)\b",
            1,
            0.6,
        ),
    )

    def accept(self, text: str, start: int, end: int) -> bool:
        """Reject generic phrases such as "The School" or "Primary" alone."""
        words = text[start:end].split()
        return len(words) >= 2 and words[0].lower() not in {"the", "a", "at", "his", "her", "their", "of"}


class GpPracticeRecognizer(_RegexRecognizer):
    """GP practice and health-centre names ("Anyplace Surgery", "Park Lane Medical Practice")."""

    def spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Regex matches with leading job-title words trimmed off."""
        for start, end, score in super().spans(text):
            start = _trim_roles(text, start, end)
            if len(text[start:end].split()) >= 2:
                yield start, end, score

    ENTITY = "GP_PRACTICE"
    CONTEXT = ("gp", "surgery", "registered", "doctor")
    RULES = (
        (
            r"((?:" + _CAPWORD + r"[ \t\n]+){1,4}(?:Surgery|Medical\s+(?:Practice|Centre|Center|Group)|Health\s+Centre|"
            r"Family\s+Practice|Group\s+Practice|GP\s+Practice|Practice))\b",
            1,
            0.6,
        ),
    )

    def accept(self, text: str, start: int, end: int) -> bool:
        """Reject phrases led by a function word ("The Surgery")."""
        first = text[start:end].split()[0].lower()
        return first not in {"the", "a", "at", "his", "her", "their", "of", "good", "best"}


class AddressRecognizer(_RegexRecognizer):
    r"""Whole street addresses, from the house number through the town and postcode.

    Two anchors, both allowed to wrap over a line break:

    * a postcode: walk back over capitalised words, numbers and commas until a sentence word, so
      "of 147 Any Road,\\nTown AB1 2CD" gives "147 Any Road, Town AB1 2CD";
    * a street word ("Road", "Close", ...) after a house number, plus a following ", Town".

    The scorer counts any three surviving words of an address as a leak, so the span must be whole.
    """

    ENTITY = "UK_ADDRESS"
    CONTEXT = ("address", "lives", "living", "resides", "moved", "home")

    _postcode = re.compile(r"(?<![A-Za-z0-9])" + POSTCODE + r"(?![A-Za-z0-9])")
    _street = re.compile(
        # The house number is not the tail of a date, time or reference ("14/09/2012", "10:42").
        r"(?<![\w£$/.:\-])(" + _NUMBER + r"[ \t\n]+(?:" + _CAPWORD + r"[ \t\n]+){1,3}" + _STREET + r"(?![\w'])"
        r"(?:(?:,[ \t\n]*|[ \t]+)(?!(?:and|who|where|with|which)\b)" + _CAPWORD + r"(?![\w'])(?!\s*:)"
        r"(?:[ \t]+" + _CAPWORD + r"(?![\w'])(?!\s*:))?)?)"
    )
    _token = re.compile(r"[A-Za-z0-9'\u2019\-]+|,|\S")
    # "lives at 89 Any Corners, Town": a living/address cue, a house number and capitalised words,
    # for street types no list can enumerate. After the weak cues "at"/"of" a ", Town" is required.
    # An address word is not a line label ("Tel:" on the next line); it may follow a lower-case
    # name particle ("<Word> y <Word>").
    _aw = r"(?:(?:y|yr|de|la|du|des|del|da|di|van|der|von)[ \t]+)?" + _CAPWORD + r"(?![\w'])(?!\s*:)"
    _cued = re.compile(
        r"(?i:\b(?:lives?|living|resides?|residing|staying|stays|moved|moving|relocated|address(?:\s+is)?|"
        r"home\s+is)\s*(?:at|to|in|:)?\s*(?:at\s+)?)(" + _NUMBER + r"[ \t\n]+" + _aw + r"(?:[ \t\n]+" + _aw
        + r"){0,3}(?:,[ \t\n]*" + _aw + r"(?:[ \t]+" + _aw + r")?)?)"
        r"|(?i:\b(?:at|of|to)\s+)(" + _NUMBER + r"[ \t\n]+" + _aw + r"(?:[ \t\n]+" + _aw + r"){1,3},[ \t\n]*"
        + _aw + r")"
    )

    def spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Every anchored address, without those contained in a longer one."""
        found = sorted(set(self._raw_spans(text)), key=lambda x: (x[0], -x[1]))
        for s, e, score in found:
            if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _ in found):
                yield s, e, score

    def _raw_spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        for m in self._postcode.finditer(text):
            start = self._walk_back(text, m.start())
            yield start, m.end(), 0.85 if start < m.start() else 0.5
        for m in self._cued.finditer(text):
            group = 1 if m.group(1) else 2
            yield m.start(group), m.end(group), 0.6
        for m in self._street.finditer(text):
            end = m.end(1)
            # Trim a trailing word that starts the next sentence ("..., Oxford He said") is rare;
            # keep the town but drop trailing commas/space.
            while end > m.start(1) and text[end - 1] in ", \t\n":
                end -= 1
            yield m.start(1), end, 0.7

    def _walk_back(self, text: str, pos: int) -> int:
        """Return where the address that ends in a postcode at ``pos`` starts."""
        tokens = [(t.start(), t.group()) for t in self._token.finditer(text, max(0, pos - 140), pos)]
        start = pos
        first_number = None
        words = 0
        for tstart, tok in reversed(tokens):
            if "\n" in text[tstart:start] and _other_cell(text, tstart):
                break
            if tok == ",":
                start = tstart
                continue
            if tok[0].isdigit():
                start = tstart
                first_number = tstart
                words += 1
            elif (tok[0].isupper() and tok.upper().strip("'\u2019") not in _ADDRESS_STOP) or tok in _NAME_PARTICLES:
                start = tstart
                words += 1
            else:
                break
            if words >= 9:
                break
        if first_number is not None:
            # Start at the earliest house number, with a preceding "Flat 2," kept.
            nums = [t for t, tok in tokens if t >= start and tok[0].isdigit()]
            start = nums[0]
            before = text[max(0, start - 12) : start]
            flat = re.search(r"(?i)(f?flat|apartment|apt|unit)\s*$", before)
            if flat:
                start = start - len(before) + flat.start()
        while start < pos and text[start] in ", \t\n":
            start += 1
        return start


# Lower-case particles inside Welsh and other street names ("<Street word> y <Name>", "Rue de la <Name>"):
# general knowledge. A backward walk from a postcode goes on over them.
_NAME_PARTICLES = frozenset({"y", "yr", "de", "la", "du", "des", "del", "da", "di", "van", "der", "von"})


def _other_cell(text: str, pos: int) -> bool:
    """True when the line holding ``pos`` is a table cell of its own, not a line of an address.

    An address may run over several lines ("Flat 3" / "18 Any Way" / "Town"), but a line with no
    letters ("671 028 4433", "30/11/2008") or one that ends in a date is another column's value.
    """
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return not re.search(r"[A-Za-z]", line) or bool(re.search(DATE + r"\s*$", line))


def _trim_roles(text: str, start: int, end: int) -> int:
    """Move ``start`` past leading words that belong to a job title or a line label."""
    for m in re.finditer(r"\S+", text[start:end]):
        if m.group().lower().strip(",:") not in ROLE_WORDS:
            return start + m.start()
    return end
