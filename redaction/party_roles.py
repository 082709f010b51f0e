"""Role evidence that attaches to a person: family roles, party lists and role tables.

A redactor reading "(1) <NAME> - First Respondent (mother)" or a participants table row
"<Given> <Surname> | Mother | Present" knows that the person is the child's mother, whatever else the
bundle says near her name elsewhere (an "(NHS ...)" number after it, a clinic she attends). A family
role written *on* the person is stronger than contextual hints that she works somewhere; only the
staff directory or a confirmed cast outranks it. And someone who shares the subject's surname is not
the subject: the family role says who she is.

Rules (tests in tests/redaction/test_cast_rules.py):

* ``family-role-attached``: a relationship word attached to the name, as an apposition ("her
  mother, <Name>", "<Name>, the father", "father <Name>" at the start of a line or clause), in
  brackets after a party designation ("<NAME> - Second Respondent (father)"), or alone in the next
  table cell (a "Mother's partner" cell under the name). It is *not* attached when the word belongs to someone
  else ("the mother's solicitor, <Name>", "solicitor for the mother, <Name>"). A person with such
  evidence is a third party even when a contextual rule of :mod:`redaction.name_rules` fires
  (``PeopleIndex._classify``).
* ``role-table-row``: a line holding only a name-shaped run (two to four words, none ordinary
  vocabulary) followed by a line that starts with a job title or a relationship is a row of a
  name | role table: the run is a person mention even when the language model missed it, and the
  role cell after it is then read by the name rules like any role after a name.
* Party designations and their ordinals (lexicon/court_parties.txt) are never names
  (:data:`redaction.names.NON_NAME`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from redaction.detectors.uk import RELATIONSHIPS
from redaction.lexicon import alternation, words
from redaction.name_rules import _FIRM_GRADE_AFTER, ROLE_PATTERN, Around

#: Relationship words that make a person family (or household); "referrer" is a role anyone has, and
#: "child"/"baby" before a name start phrases ("Child Protection").
_FAMILY = alternation(tuple(r for r in RELATIONSHIPS if r not in {"referrer", "child", "baby", "carer"}))
_KIN = r"(?:(?:maternal|paternal|birth)[ \t]+)?" + _FAMILY
_NOT_WORD_AFTER = r"(?![\w'\u2019-])"
_PARTY = alternation(words("court_parties", "party"))
_ORDINAL = alternation(words("court_parties", "ordinal"))

# "her mother, <Name>", "Father <Name>" at the start of a line, cell or clause; not "the mother's
# solicitor", nor "for the mother, <Name>" (the one acting for her).
_BEFORE = re.compile(
    r"(?:^|[\n.;:|(]|(?<![\w'])(?:(?<!for )(?<!of )(?<!to )(?<!by )(?<!from )(?<!with )the|her|his|their|"
    r"[A-Z][\w\-]*['\u2019]s))[ \t]*" + _KIN + r"[ \t]*,?[ \t]*$",
    re.IGNORECASE,
)
# "<Name>, the father", "<Name> (maternal aunt)", "<Name> - Second Respondent (father)".
_AFTER = re.compile(
    r"^[ \t]*(?:,|\(|-|\u2013|\u2014)[ \t]*"
    r"(?:(?:(?:" + _ORDINAL + r")[ \t]+)?" + _PARTY + r"[ \t]*\([ \t]*)?"
    r"(?:(?:the|her|his|their)[ \t]+|[A-Z][\w\-]*['\u2019]s[ \t]+)?" + _KIN + _NOT_WORD_AFTER,
    re.IGNORECASE,
)
# The next table cell holds only a relationship ("Mother", "Mother's partner").
_CELL_AFTER = re.compile(
    r"^[ \t]*\n[ \t]*(?:(?:[A-Z][\w\-]*|" + _FAMILY + r")['\u2019]s[ \t]+)?" + _KIN + r"[ \t]*(?:\n|$)",
    re.IGNORECASE,
)


def family_role(a: Around) -> str | None:
    """The family role attached to the mention of ``a`` (rule family-role-attached), or ``None``."""
    if _FIRM_GRADE_AFTER.match(a.after):
        return None  # "<Name>\nPartner\n<Firm> LLP": a law firm's grade, not a partner
    for rx, where in ((_AFTER, "after"), (_CELL_AFTER, "in the next cell")):
        m = rx.match(a.after)
        if m:
            word = re.search(_KIN + r"\W*$", m.group(), re.IGNORECASE)
            if word and not (word.group().strip().lower() == "partner" and where != "after"):
                return f"family role {where}: {word.group().strip().lower()}"
    m = _BEFORE.search(a.before)
    if m:
        word = re.search(_KIN, m.group(), re.IGNORECASE)
        return f"family role before: {word.group().lower()}"
    return None


_ROLE_CELL = re.compile(r"[ \t]*(?:" + ROLE_PATTERN + r"|" + _KIN + r")\b", re.IGNORECASE)


def role_table_rows(text: str, is_word: Callable[[str], bool], is_name: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of names in the first cell of name | role table rows (rule role-table-row).

    :param is_word: is a (lower-case) word ordinary vocabulary?
    :param is_name: is a whole cell a clean name (every word name-shaped, none a non-name word)?
    """
    out = []
    lines = text.split("\n")
    pos = 0
    for i, line in enumerate(lines[:-1]):
        start = pos
        pos += len(line) + 1
        cell = line.strip()
        toks = cell.split()
        if not 2 <= len(toks) <= 4 or any(is_word(t.lower()) for t in toks):
            continue
        if not is_name(cell) or not _ROLE_CELL.match(lines[i + 1]):
            continue
        s = start + line.index(cell)
        out.append((s, s + len(cell)))
    return out
