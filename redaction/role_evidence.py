"""Role evidence gathered across the whole bundle for people no staff directory lists.

A redactor keeps the name of a teacher who wrote a safeguarding log entry, a police officer with a
rank, a residential care worker who recorded a night, although the case record's staff list names none
of them: the record itself shows them acting in role. :mod:`redaction.name_rules` reads the words
around each mention (first rule wins); this module adds the evidence those rules do not see, after
the cast is built (:func:`add_role_evidence`, called once by :class:`redaction.decide._Decider`), and
reclassifies. A person with any professional evidence is a professional (DPA 2018 Sch 2 para 17,
rulebook SCH2-P17-PROFESSIONAL-IN-ROLE); family evidence still wins: a parent who is also a nurse is
family in her child's case (rule family-near-name), and a confirmed third party (a known party of
the case record) is never changed.

Rules (vocabulary in lexicon/role_evidence.txt; tests in tests/redaction/test_role_evidence.py):

* ``author-column``: a name in a table column whose header names the author of each row ("Recorded
  by", "Entered by", "Staff member") wrote that row in role. Read from geometry: the header is a
  cell of a row of at least three cells, the name starts under the header's first letter (within two
  character widths) below it and before the next header row.
* ``author-phrase``: "Logged by <Given> <Surname>", "Entered by: Mr <Surname>": the author of an entry.
* ``rank-before-name``: a police rank written out as a title ("Detective Constable <Given>"), even
  before a lone given name (the surname may sit in the next table cell).
* ``role-apposition``: lower-case words ending in a job title after a comma ("<Name>, nursery
  teacher", "<Name>, residential care worker"), with no family or possessive word among them.
* ``head-of-title``: "<Name>, Head of Pastoral Care", "<Name>" over "Named GP for safeguarding".
* ``role-abbreviation-number``: a role abbreviation, perhaps with a year or team number, alone in
  brackets after the name ("(HoY9)"), unless the letters are the name's own initials.
* ``role-verb-after-name``: the name is the subject of a task only a professional does in role, right
  after it ("<Name> interpreting for the mother", "<Name> chairing"); a relationship word later on the
  line names whom the task served, not the person.
* ``discipline-advice-from``: "<discipline> advice/report/assessment from <Name>" ("Educational psychology
  advice from <Name>"): the advice a plan cites was given in role.
* ``unit-line-under-name``: a full name alone on its line, and on the next line a work unit's name
  ending in a unit head noun ("Family Safeguarding Team", "Leaving Care Service"), perhaps followed by
  a comma and the body: a professional's signature or address block. A family or caring word in the
  unit line makes it no work unit.
* ``own-work-email``: somewhere in the bundle an e-mail address on a public-sector work domain
  (:data:`redaction.names.WORK_DOMAIN`) whose local part is the person's own name ("<given>.<surname>",
  "<g>.<surname>", "<given><surname>", "<surname>.<given>"; digits ignored): a signature block or a
  distribution list giving the person's work address. A first name or surname alone is no evidence
  (many people share one).
* ``family-near-name``: a relationship word attached to the name or alone in the cell before or after
  it: the person is family and none of the rules above applies to them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from redaction.aliases import initials_alias
from redaction.candidates import _Page
from redaction.columns import _box
from redaction.detectors.uk import RELATIONSHIPS
from redaction.letters import name_key
from redaction.lexicon import alternation, words
from redaction.name_rules import Around
from redaction.names import THIRD_PARTY, WORK_DOMAIN, PeopleIndex
from redaction.party_roles import family_role

#: Rows below an author header its column is followed for.
MAX_ROWS = 60

_FAMILY = alternation(tuple(r for r in RELATIONSHIPS if r not in {"referrer", "child", "baby"}))
_FAMILY_WORD = re.compile(r"(?<![\w'-])(?:" + _FAMILY + r")(?![\w-])", re.IGNORECASE)
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)?"
_HEADER = re.compile(r"(?<![\w])" + alternation(words("role_evidence", "header")) + r"(?![\w])", re.IGNORECASE)
_AUTHOR_BEFORE = re.compile(r"(?<![\w])" + alternation(words("role_evidence", "author"))
                            + r"[ \t]*:?[ \t]*" + _TITLE + r"$", re.IGNORECASE)
_RANK_BEFORE = re.compile(r"(?<![\w'])" + alternation(words("role_evidence", "rank"))
                          + r"[ \t]+(?:\d{2,6}[ \t]+)?$", re.IGNORECASE)
_ROLE_WORDS = alternation(words("roles", "role") + words("role_evidence", "role"))
_POSSESSIVE_OR_PRONOUN = re.compile(r"(?:['\u2019]s?\b|\b(?:her|his|their|my|our|your)\b)", re.IGNORECASE)
# ", nursery teacher" / ", the night staff" up to the end of the clause.
_APPOSITION = re.compile(r"^[ \t]*,[ \t]*(?:the[ \t]+|a[ \t]+|an[ \t]+)?((?:[a-z][\w'\-]*[ \t]+){0,3}?)"
                         + "(?i:" + _ROLE_WORDS + r")(?=[ \t]*(?:[,.;:)\n]|$|(?:at|from|for|with|in|of|on)\b))")
_OF_HEAD = re.compile(r"^[ \t]*(?:,|\(|-|\u2013|\u2014)?[ \t]*\n?[ \t]*"
                      + alternation(words("role_evidence", "of-head"))
                      + r"[ \t]+(?:of|for)[ \t]+(?!(?:the[ \t]+)?(?:household|family|home)\b)(?:the[ \t]+)?[A-Za-z0-9]")
_VERB_AFTER = re.compile(r"^[ \t]*(?:,[ \t]*|\([ \t]*)?(?:was[ \t]+|is[ \t]+)?"
                         + alternation(words("role_evidence", "verb")) + r"(?![\w-])", re.IGNORECASE)
_DISCIPLINE_BEFORE = re.compile(r"(?<![\w'])" + alternation(words("role_evidence", "discipline"))
                                + r"[ \t\n]+(?:advice|report|assessment|input)[ \t\n]+(?:from|by)[ \t\n]+"
                                + _TITLE + r"$",
                                re.IGNORECASE)
_UNIT_LINE = re.compile(r"^[ \t]*\n[ \t]*(?:(?:[A-Z][\w'\-]*|of|for|and|&)[ \t]+){1,5}"
                        + alternation(words("role_evidence", "unit")) + r"(?:[ \t]*(?:,[^\n]*)?)?[ \t]*(?:\n|$)")
_ABBREV = re.compile(r"^[ \t]*\([ \t]*(" + alternation(words("role_evidence", "abbrev")) + r")[ \t]*\d{0,2}[ \t]*\)")


def family_near(a: Around) -> bool:
    """Rule family-near-name: a relationship is attached to the mention or fills the cell next to it."""
    if family_role(a):
        return True
    prev_line = a.before.rsplit("\n", 2)
    cells = [prev_line[-2] if len(prev_line) >= 2 else ""]
    nxt = a.after.split("\n")
    cells.append(nxt[1] if len(nxt) > 1 and not nxt[0].strip() else "")
    return any((m := _FAMILY_WORD.fullmatch(c.strip(" \t|:"))) is not None and m.group() for c in cells)


# A family or caring word makes a line no work unit ("Foster Carers Support Team" names the carers' unit).
_NOT_UNIT = re.compile(r"(?<![\w'-])(?:" + _FAMILY + r"|carers?|foster|adopt\w*)(?![\w-])", re.IGNORECASE)


def _alone_on_line(a: Around) -> bool:
    """The mention (with its title) is all there is on its line."""
    m = a.mention
    return not a.line[m.end - a.line_start :].strip() and not re.sub(
        r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?", "", a.line[: m.start - a.line_start]).strip()


def text_evidence(a: Around) -> str | None:
    """The first text rule of this module that applies to one mention, as evidence (``None`` if none)."""
    m = a.mention
    full = len(m.tokens) > 1 or m.title is not None
    if full and _AUTHOR_BEFORE.search(a.before):
        return "author of an entry (author-phrase)"
    if _RANK_BEFORE.search(a.before):
        return "police rank before name (rank-before-name)"
    app = _APPOSITION.match(a.after)
    if app and not _FAMILY_WORD.search(app.group()) and not _POSSESSIVE_OR_PRONOUN.search(app.group(1)):
        return "job title after name (role-apposition)"
    if full and _DISCIPLINE_BEFORE.search(a.before):
        return "advice given in role (discipline-advice-from)"
    if full and _VERB_AFTER.match(a.after):
        return "professional task after name (role-verb-after-name)"
    if full and (unit := _UNIT_LINE.match(a.after)) and _alone_on_line(a) and not _NOT_UNIT.search(unit.group()):
        return "work unit under name (unit-line-under-name)"
    if _OF_HEAD.match(a.after):
        return "job title after name (head-of-title)"
    ab = _ABBREV.match(a.after)
    if ab and not initials_alias(a.after, m.tokens):
        return f"role abbreviation after name (role-abbreviation-number): {ab.group(1)}"
    return None


def author_headers(page: _Page) -> tuple[list[tuple[float, float, str]], float, float]:
    """Author-column header cells of the page (rule author-column).

    :returns: ``([(x0, y0, header)], width, height)``, with the page's median character width and height.
    """
    text, index, boxes = page.text, page.index, page.page.char_boxes
    chars = [(b, i) for i in range(len(text)) if not text[i].isspace() and (b := _box(boxes, index, i)) is not None]
    if not chars:
        return [], 1.0, 1.0
    height = sorted(b.y1 - b.y0 for b, _ in chars)[len(chars) // 2] or 1.0
    width = sorted(b.x1 - b.x0 for b, _ in chars)[len(chars) // 2] or 1.0
    out = []
    for m in _HEADER.finditer(text):
        first, last = _box(boxes, index, m.start()), _box(boxes, index, m.end() - 1)
        if first is None or last is None:
            continue
        row = sorted((b for b, _i in chars if abs(b.y0 - first.y0) < height * 0.5), key=lambda b: b.x0)
        before = [b for b in row if b.x1 <= first.x0 + 0.1]
        after = [b for b in row if b.x0 >= last.x1 - 0.1]
        # The header is a whole cell: a gap of 1.5 character widths on both sides.
        if (before and first.x0 - before[-1].x1 < width * 1.5) or (after and after[0].x0 - last.x1 < width * 1.5):
            continue
        cells, prev = 0, None
        for b in row:
            if prev is None or b.x0 - prev > width * 1.5:
                cells += 1
            prev = b.x1
        if cells >= 3:
            out.append((first.x0, first.y0, m.group().lower()))
    return out, width, height


def _in_column(page: _Page, start: int, found: tuple[Sequence[tuple[float, float, str]], float, float]) -> str | None:
    """The author header whose column the text at ``start`` stands in, or ``None``."""
    headers, width, height = found
    box = _box(page.page.char_boxes, page.index, start)
    if box is None or not headers:
        return None
    header_rows = sorted({y for _x, y, _h in headers})
    for x0, y0, name in headers:
        below = box.y0 - y0
        if not (height * 0.5 < below <= height * 1.6 * MAX_ROWS) or abs(box.x0 - x0) > width * 2:
            continue
        if any(y0 < y < box.y0 - height * 0.5 for y in header_rows):
            continue  # a later header row starts another table
        return name
    return None


_EMAIL = re.compile(r"[\w.+\-']+@[\w\-]+(?:\.[\w\-]+)+")


def work_email_locals(texts: Iterable[str]) -> set[str]:
    """Local parts of the work e-mail addresses in ``texts``, lower case, digits dropped (rule own-work-email)."""
    out = set()
    for text in texts:
        for m in _EMAIL.finditer(text):
            if WORK_DOMAIN.search(m.group()):
                out.add(re.sub(r"\d+", "", m.group().split("@")[0].lower()).strip("._-"))
    return out


def _name_locals(tokens: Sequence[str]) -> set[str]:
    """The local parts a work address is built from for a full name ``tokens`` (rule own-work-email)."""
    if len(tokens) < 2:
        return set()
    given, surname = (re.sub(r"[^\w]", "", name_key(t)) for t in (tokens[0], tokens[-1]))
    if len(given) < 2 or len(surname) < 2:
        return set()
    return {given + sep + surname for sep in (".", "_", "-", "")} | {given[0] + sep + surname for sep in (".", "")} \
        | {surname + sep + given for sep in (".", "_")}


def add_role_evidence(people: PeopleIndex, pages: Iterable[_Page]) -> None:
    """Add this module's evidence to the people of the bundle and reclassify them.

    Only third parties without family evidence and without a confirmed (known-party) entry gain
    evidence; the subject, the staff directory and confirmed parties are given and never change.
    """
    by_key = {p.key: p for p in pages}
    headers = {k: author_headers(p) for k, p in by_key.items()}
    locals_ = work_email_locals(p.text for p in by_key.values())
    changed = False
    for person in list(people.persons.values()):
        if person.kind != THIRD_PARTY or person.family or any(e.startswith("known party") for e in person.evidence):
            continue
        found: list[str] = []
        family = False
        for m in person.mentions:
            page = by_key.get((m.doc, m.page))
            if page is None:
                continue
            around = Around.of(m, page.text)
            if family_near(around):
                family = True
                break
            ev = text_evidence(around)
            column = _in_column(page, m.start, headers[page.key])
            if column is not None:
                ev = ev or f"named in an author column (author-column): {column}"
            if ev:
                found.append(ev)
        if not family and _name_locals(person.tokens) & locals_:
            found.append("own work e-mail address (own-work-email)")
        if family or not found:
            continue
        person.evidence.extend(dict.fromkeys(found))
        changed = True
    if changed:
        # Reclassify: evidence makes a professional, and lone-token people fold into the professional
        # whose name they are part of (names.PeopleIndex._classify).
        people._classify()
