"""Text-position helpers of the redaction engine's decision phase.

Pure functions over a page's normalised text: headings, salutations, organisation and service
lines, relationship words next to a name, dates and date keys, splitting a mention, places and
bodies after a name, and the identifier de-duplication of detection output.
"""

from __future__ import annotations

import re
from datetime import date as _date

from redaction.candidates import (
    _FAMILY,
    _FAMILY_WORD,
    _ORG_WORD_AFTER,
    _PRIORITY,
    _Page,
)
from redaction.columns import dob_column_dates
from redaction.detect import (
    Finding,
)
from redaction.detectors.uk import POSTCODE, STREET_WORDS
from redaction.lexicon import (
    ALL_TITLES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    words,
)
from redaction.name_rules import job_title_after
from redaction.names import (
    ROLE_AFTER,
    ROLE_PHRASE,
    Mention,
    clean_mention,
    name_tokens,
)


def _heading(text: str) -> str:
    """The first two non-empty lines of a page (title and markings), plus an e-mail subject line."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    # An e-mail's subject line is its title ("Subject: Legal advice re ...").
    subject = [ln for ln in lines[:8] if re.match(r"\s*(?:subject|re)\s*:", ln, re.IGNORECASE)]
    return "\n".join(lines[:2] + subject[:1])


def _looks_like_heading(line: str) -> bool:
    """A short line without closing punctuation, in Title case or capitals: a section heading."""
    words = line.split()
    if not words or len(words) > 6 or line.rstrip()[-1:] in ".,;!?":
        return False
    return line.strip().isupper() or sum(w[0].isupper() for w in words) >= max(1, len(words) - 1)


_SALUTATION = re.compile(r"^[ \t]*Dear[ \t]+(Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+([A-Z][\w'\-]+)[ \t]*,?[ \t]*$", re.MULTILINE)
_VOCATIVE_AFTER = re.compile(r",[ \t\n]+(?:[^.!?]*\b(?:you|your)\b|please\b)", re.IGNORECASE)
_CONTACT = frozenset({"UK_ADDRESS", "UK_POSTCODE", "PHONE_NUMBER"})
# An organisation's name in an address or contact line ("County Hall", "<Town> Surgery"), not a
# street or building named after one ("School Lane", "Academy House").
_ORG_CONTACT = re.compile(
    r"\b(?:County\s+Hall|Town\s+Hall|Civic\s+Cent(?:re|er)|(?:County|City|District|Borough)\s+Council|Council|"
    r"Surgery|Medical\s+(?:Centre|Practice|Group)|Health\s+Cent(?:re|er)|NHS(?:\s+[A-Z]\w*)*\s+Trust|"
    r"School|Academy|College|Police\s+Station|Hospital|Clinic|CAMHS|Children's\s+Services|Social\s+Care|"
    r"[A-Z]\w*\s+Team)\b(?![ \t]+(?:House|Court|Lodge|Cottages?|Flats|Apartments|Farm|"
    + "|".join(STREET_WORDS)
    + r")\b)"
)


_SERVICE_LABEL = re.compile(
    r"\b(?:duty\s+(?:line|team|desk|number|phone)|switchboard|help\s*line|advice\s+line|main\s+(?:line|number|office)|"
    r"office|team|service\s+line|reception|out[ \-]of[ \-]hours(?:\s+service)?)"
    # "... duty team on <number>": the preposition a sentence puts before the number
    r"(?:[ \t]+(?:line|number|tel(?:ephone)?|phone|no\.?))?(?:[ \t]+(?:on|at|via))?[ \t]*[:\-]?[ \t]*$",
    re.IGNORECASE,
)


def _service_line(text: str, start: int) -> bool:
    """A phone number labelled as a service's line ("Fostering duty line:", "Switchboard:", "Team:").

    The label must be on the same line, right before the number, and must not name a person or a
    relative ("Mum's office:", "Dad - team line").
    """
    label = text[max(0, start - 50) : start].replace("\n", " ")  # the label may end the line above
    if not _SERVICE_LABEL.search(label):
        return False
    return not (_FAMILY_WORD.search(label) or re.search(r"'s\b", label))


def _organisation_line(page: _Page, start: int, end: int) -> bool:
    """True when a contact detail sits on a line naming an organisation (or right under one).

    Letterheads ("Children's Services, County Hall, ...") and practice address blocks
    ("<Town> Surgery" / "Town AB1 2CD") give the organisation's details, which are disclosed.
    """
    text = page.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    lines = text[line_start : line_end if line_end >= 0 else len(text)]
    if len(lines.strip()) < 0.6 * page.wide and line_start > 0:
        lines = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start] + lines
    return bool(_ORG_CONTACT.search(lines))


def _title_before(text: str, words, i: int, titles) -> tuple[int, str | None, str | None]:
    """Start of the name at ``words[i]`` with a title and one initial before it ("Mr S. <Surname>").

    Returns ``(start, title, initial)``; title and initial are ``None`` when absent.
    """
    start, title, initial = words[i][0], None, None
    j = i - 1

    def joined(a: int, b: int) -> bool:
        gap = text[words[a][1] : words[b][0]]
        return gap.strip() in ("", ".") and "\n\n" not in gap

    if j >= 0 and words[j][1] - words[j][0] == 1 and text[words[j][0]].isupper() and joined(j, i):
        start, initial = words[j][0], text[words[j][0]]
        j -= 1
    if j >= 0 and text[words[j][0] : words[j][1]].lower() in titles and joined(j, j + 1):
        start, title = words[j][0], text[words[j][0] : words[j][1]].lower()
    return start, title, initial


_REL_BEFORE_NAME = re.compile(r"(?:\b([A-Z][\w\-]*)'s\s+)?\b" + _FAMILY + r"\s*(?:,|:|-|is|was|\()?\s*$", re.I)
_REL_AFTER_NAME = re.compile(
    r"^\s*(?:,|\(|-)?\s*(?:the\s+|her\s+|his\s+|their\s+|([A-Z][\w\-]*)'s\s+)?(?:maternal\s+|paternal\s+|birth\s+)?"
    + _FAMILY + r"\b",
    re.I,
)
_TITLE_SURNAME = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mx|MR|MRS|MS|MISS)\.?[ \t]+(?:[A-Z]\.?[ \t]+)?([A-Z][\w'\-]+)")


def _relationship_next_to(text: str, start: int, end: int, child: bool, subject_first: set[str]) -> bool:
    """A family relationship word right before or after a name ("her father, Mr X", "Mr X (uncle)").

    For a child subject any such word means the name is a relative; for an adult subject only one
    stated relative to the subject ("<Subject>'s father") does, as the subject may be a parent.
    """
    line_start = text.rfind("\n", 0, start) + 1
    before = _REL_BEFORE_NAME.search(text[max(line_start, start - 40) : start])
    after = _REL_AFTER_NAME.match(text[end : end + 40])
    for m in (before, after):
        if m and (child or (m.group(1) or "").lower() in subject_first):
            return True
    return False


def _parse_date(value: str) -> _date | None:
    key = _date_key(value)
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", key)
    if not m:
        return None
    try:
        return _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _add_dob_column_dates(page: _Page) -> None:
    """Dates under a date-of-birth column header become date-of-birth findings (rule dob-column)."""
    have = {(f.start, f.end) for f in page.findings if f.entity == "DATE_OF_BIRTH"}
    for start, end in dob_column_dates(page.text, page.index, page.page.char_boxes):
        if (start, end) not in have:
            page.findings.append(Finding("DATE_OF_BIRTH", start, end, 0.8, "DobColumnRule"))


def _inside(start: int, end: int, spans) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _split_mention(page: _Page, start: int, end: int, source: str) -> list[Mention]:
    """Turn a raw PERSON span into clean mentions ("<Given> and <Given> <Surname>" gives two)."""
    raw = page.text[start:end]
    # A line break that ends a sentence or a table cell separates two names ("Author: A B\nC's ...").
    cuts = {e for _s, e in page.sentences}
    raw = "".join("|" if ch == "\n" and start + i in cuts else ch for i, ch in enumerate(raw))
    # A run of spaces or tabs separates two fields ("Signed: A B    Dated: ..."), and a word right
    # before a colon is the next field's label, not part of a name.
    raw = re.sub(r"[ \t]{2,}", lambda m: "|" * len(m.group()), raw)
    raw = re.sub(r"\b[A-Z][a-z]+(?=:)", lambda m: "|" * len(m.group()), raw)
    if page.text[end : end + 1] == ":":
        raw = re.sub(r"[^\s|]+$", lambda m: "|" * len(m.group()), raw)
    out = []
    for part in re.finditer(r"[^,;/&()|]+", raw):
        chunk = part.group()
        for piece in re.split(r"\s+(?:and|or)\s+", chunk):
            offset = start + part.start() + chunk.find(piece)
            words = [(m.start(), m.group()) for m in re.finditer(r"\S+", piece)]
            title = None
            while words and words[0][1].lower().rstrip(".") in ALL_TITLES:
                title = words[0][1]
                words.pop(0)
            tokens = name_tokens(" ".join(w for _, w in words))
            # After a title the next words are a name even if they are also ordinary words
            # ("Mrs Foster", "Mr Read"); otherwise non-name words are trimmed off.
            cleaned = clean_mention(tokens, strict=title is None)
            if source == "ProperNounRecognizer" and len(cleaned) < 2:
                continue  # a lone proper noun from the tagger is too weak to track bundle-wide
            if not cleaned or not words:
                continue
            # Locate the cleaned tokens inside the piece.
            first = next(i for i, (_, w) in enumerate(words) if w.startswith(cleaned[0]))
            last = first + len(cleaned) - 1
            if last >= len(words):
                continue
            s = offset + words[first][0]
            e = offset + words[last][0] + len(words[last][1])
            e = _strip_possessive(page.text, s, e)
            if ROLE_PHRASE.match(page.text, s):
                continue  # "Foster carers": a role, not a person called Foster
            # "<County> Police", "<Name> View Primary": a place or body, not a person; but a job title
            # after it ("<Given> Chambers" over "Independent Domestic Violence Adviser") makes it a person
            # (rule job-title-not-building).
            if _place_or_body(page.text, s, e) and not ROLE_AFTER.match(page.text[e : e + 60]) \
                    and not (len(cleaned) > 1 and job_title_after(page.text[e : e + 60])):
                continue
            out.append(Mention(page.doc, page.page.page_index, s, e, cleaned, title, source))
    return out


# Buildings and offices ("<Name> House", "<Town> County Offices") and street words that are not
# also common surnames ("Busher Walk"; "Hill" or "Green" are left out).
_AMBIGUOUS_AFTER_NAME = frozenset(words("street_words", "ambiguous-after-name"))
_BUILDING_AFTER = re.compile(
    r"[ \t]+(?:(?:County|City|Borough|District|Civic)[ \t]+(?:Council|Offices|Hall|Buildings|Centre)|House|Offices|"
    r"Hall|Chambers|Buildings|" + "|".join(w for w in STREET_WORDS if w not in _AMBIGUOUS_AFTER_NAME)
    + r")\b"
)
_STREET_BEFORE = re.compile(
    r"\b[A-Z][\w'\-]+[ \t]+(?:" + "|".join(STREET_WORDS) + r")\.?,[ \t]*$"
)
_COLLECTIVES = "(?:" + "|".join(words("body_collectives")) + ")"
_COLLECTIVE_AFTER = re.compile(r"[ \t]+" + _COLLECTIVES + r"['\u2019]")
_COLLECTIVE_END = re.compile(r"(?:^|[ \t])" + _COLLECTIVES + r"$")
_POSTCODE_AFTER = re.compile(r",?[ \t]+" + POSTCODE + r"(?![A-Za-z0-9])")


def _place_or_body(text: str, start: int, end: int) -> bool:
    """A capitalised word run that names a body, building, street or town, not a person.

    Before an organisation word ("Cornwall Police"), or joined by "and" to one ("Devon and Cornwall
    Police"); before a building or office word ("<Name> House", "<Town> County Offices") or a street
    word that is not a common surname ("Busher Walk"); or the town of an address line, right after
    "<Name> <street word>," or right before a postcode.
    """
    after = text[end : end + 80].replace("\n", " ")  # the body's name may wrap onto the next line
    if _ORG_WORD_AFTER.match(after) or _BUILDING_AFTER.match(after):
        return True
    # Rule collective-before-body: "<Place> Girls' School" (lexicon/body_collectives.txt), whether the
    # collective word was read into the name or follows it.
    rest = None
    if m := _COLLECTIVE_AFTER.match(after):
        rest = after[m.end():]
    elif _COLLECTIVE_END.search(text[start:end]) and after[:1] in ("'", "\u2019"):
        rest = after[1:]
    if rest is not None and _ORG_WORD_AFTER.match(rest):
        return True
    if re.search(r"[ \t]+(?:House|Offices|Chambers|Buildings)$", text[start:end]):
        return True
    joined = re.match(r"[ \t]+(?:and|&)[ \t]+[A-Z][\w'\-]+", after)
    if joined and _ORG_WORD_AFTER.match(after, joined.end()):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_STREET_BEFORE.search(text[line_start:start]) or _POSTCODE_AFTER.match(text, end))


def _strip_possessive(text: str, start: int, end: int) -> int:
    word = text[start:end]
    for suffix in ("'s", "'S", "s'", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            if suffix == "s'":
                return end - 1
            return end - len(suffix)
    return end


# Month names and their abbreviations (rule month-in-date): "11 Jun 2021" names no one called Jun.
_MONTH_WORDS = frozenset({m.lower() for m in MONTHS} | set(MONTH_ABBREVIATIONS)
                         | {w.lower() for w in words("months", "abbreviation")})


def _month_in_date(text: str, start: int, end: int) -> bool:
    """True when a name that is also a month ("June", "Jun", "Sept") sits next to a day or year number."""
    word = text[start:end].lower().rstrip(".")
    if word not in _MONTH_WORDS:
        return False
    return bool(
        re.search(r"\d\s*(?:st|nd|rd|th)?\s*$", text[max(0, start - 6) : start])
        or re.match(r"\s*\d", text[end : end + 4])
    )


_LABEL_AT = re.compile(r"[ \t]*[A-Z][A-Za-z.' /()\-]{1,30}:[ \t]")


def _back_lines(text: str, pos: int, n: int) -> int:
    """Offset of the start of the line ``n`` lines above the line starting at ``pos``."""
    for _ in range(n):
        if pos <= 0:
            return 0
        pos = text.rfind("\n", 0, pos - 1) + 1
    return pos


def _back_sentences(page: _Page, pos: int, n: int) -> int:
    starts = [s for s, e in page.sentences if s < pos]
    return starts[-n] if len(starts) >= n else 0


def _id_key(value: str) -> str:
    """An identifier without its separators, case-folded: "401 023 2137" is "4010232137"."""
    return re.sub(r"[\s\-./]+", "", value).casefold()


def _value_key(entity: str, value: str) -> tuple[str, str]:
    """Identity of a detail across the bundle: digits for numbers, folded text otherwise."""
    if entity in ("PHONE_NUMBER", "UK_NHS"):
        digits = re.sub(r"\D", "", value)
        return ("NUM", digits[-10:])
    if entity == "DATE_OF_BIRTH":
        return ("DATE", _date_key(value))
    return (
        entity if entity in ("SCHOOL", "GP_PRACTICE", "CASE_REFERENCE") else "TEXT",
        re.sub(r"[\s,]+", " ", value).strip().lower(),
    )


def _date_key(value: str) -> str:
    iso = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)", value)
    if iso:
        y, mo, d = iso.groups()
        return f"{int(d):02d}/{int(mo):02d}/{y}"
    m = re.match(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})", value)
    if m:
        d, mo, y = m.groups()
        if len(y) == 2:
            y = ("19" if int(y) > 30 else "20") + y
        return f"{int(d):02d}/{int(mo):02d}/{y}"
    # "11 March 2005", "11th Mar 2005", "March 11, 2005"
    words = re.findall(r"[a-z]+|\d+", value.lower())
    month = next((i + 1 for w in words for i, name in enumerate(_MONTH_NAMES) if w[:3] == name), None)
    nums = [w for w in words if w.isdigit()]
    if month and len(nums) == 2:
        day, year = (nums[1], nums[0]) if len(nums[0]) == 4 else (nums[0], nums[1])
        if len(year) == 2:  # "5th Jan 87"
            year = ("19" if int(year) > 30 else "20") + year
        return f"{int(day):02d}/{month:02d}/{year}"
    return " ".join(value.lower().replace(",", " ").split())


_MONTH_NAMES = MONTH_ABBREVIATIONS


def _same_date(value: str, dob: str) -> bool:
    return _date_key(value) == _date_key(dob)


def _dedupe_identifiers(findings: list[Finding]) -> list[Finding]:
    """Keep one finding per span, preferring the most specific entity (an NHS number over a phone).

    Phone matches shorter than a UK number (``phonenumbers`` at leniency 0 accepts fragments such
    as the digits of a case reference) and identifiers inside a case reference are dropped.
    """
    refs = [(f.start, f.end) for f in findings if f.entity == "CASE_REFERENCE"]
    best: dict[tuple[int, int], Finding] = {}
    for f in findings:
        if f.entity != "CASE_REFERENCE" and any(s <= f.start and f.end <= e for s, e in refs):
            continue
        k = (f.start, f.end)
        if k not in best or _PRIORITY.get(f.entity, 9) < _PRIORITY.get(best[k].entity, 9):
            best[k] = f
    return sorted(best.values())
