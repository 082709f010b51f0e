"""Rules of evidence about who a named person is: the name-decision table (rules as data).

A redactor decides whether a named person is a professional acting in their role from what the page
says around the name: a title, a job title or role abbreviation, a role label, an organisation, a work
e-mail address. Each such test is a named :class:`NameRule` in :data:`NAME_RULES`, read in order; the
first that applies decides for that mention. :class:`redaction.names.PeopleIndex` gathers the evidence
of every mention and classifies each person for the whole bundle: any professional evidence makes a
professional (DPA 2018 Sch 2 para 17, rulebook SCH2-P17-PROFESSIONAL-IN-ROLE); the subject and the
staff directory are given; everyone else is a third party (SCH2-P16-THIRD-PARTY), listed as
unresolved in the cast when nothing places them (fail closed).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from redaction.aliases import initials_alias
from redaction.detectors.uk import RELATIONSHIPS
from redaction.lexicon import PROFESSIONAL_TITLES, alternation, words

# Job titles that make the adjacent name a professional acting in their role. Foster carers,
# adopters and guardians are deliberately absent: they are third parties.
ROLE_PATTERN = r"(?:" + alternation(words("roles", "modifier")) + r"\s+)*" + alternation(words("roles", "role"))
ROLE_AFTER = re.compile(
    r"^[ \t]*(?:,|\(|-|\u2013|\u2014|\n)?[ \t\n]*(?:who\s+(?:is|was)\s+(?:also\s+)?)?"
    r"(?:the\s+|a\s+|our\s+|my\s+|\w+'s\s+)?"
    + ROLE_PATTERN
    + r"\b",
    re.IGNORECASE,
)
_ROLE_BEFORE = re.compile(
    r"(?:\b" + ROLE_PATTERN + r"|\b(?:worker|chair|author|completed\s+by|written\s+by|"
    r"allocated\s+to|minuted\s+by|manager|officer|lead\s+professional|reviewer|"
    r"requested\s+by|approved\s+by|authorised\s+by))(?:[ \t]+\d{2,6})?[ \t]*(?::|-|,)?[ \t\n]*"
    r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)?$",
    re.IGNORECASE,
)
_ORG_BY_BEFORE = re.compile(
    r"\b(?:surgery|practice|centre|center|hospital|school|academy|college|police|clinic|trust|"
    r"service|services|camhs|team|council|nhs)[ \t\n]+by[ \t\n]*$",
    re.IGNORECASE,
)
# "<Given> <Surname> (<County> Police)", "<Given> <Surname> from the health visiting team".
_ORG_AFTER = re.compile(r"^[ \t]*(?:\(|,?[ \t]*(?:from|of|at|with)[ \t]+)(?:the\s+|a\s+)?(?:[\w'&]+[ \t]+){0,4}?"
                        + alternation(words("agency_words")) + r"\b", re.IGNORECASE)
# "collecting <Given> from school", "<Given> at nursery": a place the person goes, not their employer
# (an affiliation names the body: "from the school", "(school)", "from <Name> School").
# "<Name> (NHS 601 337 4821)": an agency word labelling the person's own number is an identifier, not
# an employer (rule with-organisation, negative row).
_IDENTIFIER_AFTER = re.compile(r"[ \t]*(?:no\.?|number|num|#)?[ \t]*:?[ \t]*\d", re.IGNORECASE)
# A carer or adopter before the name ("special guardian <Name>"); the children's guardian (Cafcass) is
# a professional, so "guardian" after "children's" does not count (rule role-before-name).
_CARER_BEFORE = re.compile(r"foster|adopt|(?<!children's )(?<!children\u2019s )guardian", re.IGNORECASE)
_BARE_PLACE_AFTER = re.compile(r"^[ \t]*(?:from|at|to|in|of|with)[ \t]+(?!(?:the|a|an)\b)[a-z]")
# "<Name>, Independent Domestic Violence Adviser", "<Name>\nSenior Practitioner": a capitalised job
# title ending in a role head noun (lexicon/roles.txt, tag "head"), possibly wrapped over lines.
_TITLE_AFTER = re.compile(
    r"^[ \t]*(?:,|\(|-|\u2013|\u2014)?[ \t]*\n?[ \t]*(?:[A-Z][\w'\-]*[ \t\n]+"
    # a connective inside the title ("Children in Care Nurse", "Head of Virtual School Adviser")
    r"(?:(?:in|of|for|and|&)[ \t]+(?=[A-Z]))?){0,4}"
    + alternation(words("roles", "head")) + r"\b"
)
# A family or caring role inside such a run ("Foster Carer", "Mother") makes it no job title. "Child"
# and "baby" name the service's clients in many job titles ("Child Protection Adviser"), so they do not.
_FAMILY_IN = re.compile(r"\b(?:carers?|foster|adopt\w*|guardians?|" + "|".join(
    re.escape(r) for r in sorted(set(RELATIONSHIPS) - {"child", "baby"}, key=len, reverse=True)) + r")\b",
    re.IGNORECASE)


# "<Name>\nPartner\n<Firm> LLP": a law firm's grade under a signature. "Partner" alone is family
# (someone's partner), so the firm must follow on the same or the next line.
_FIRM_GRADE_AFTER = re.compile(
    r"^[ \t]*(?:,|\n)[ \t]*(?:(?:Senior|Salaried|Equity|Managing)[ \t]+)?(?:Partner|Associate|Solicitor)\b"
    r"[^\n]{0,60}?(?:\n[^\n]{0,60}?)?\b(?:LLP|Solicitors|Chambers|Law|& Co)\b"
)


# "<Name> (missing person worker)": a bracket holding only lower-case words that end in a role word
# (rule role-in-brackets); a family or caring word inside makes it no job ("(kinship carer)").
_ROLE_IN_BRACKETS = re.compile(r"^[ \t]*\((?:[a-z][\w'\-]*[ \t]+){1,3}" + alternation(words("roles", "role"))
                               + r"[ \t]*\)", re.IGNORECASE)


def _role_in_brackets(after: str) -> bool:
    m = _ROLE_IN_BRACKETS.match(after)
    return bool(m and not _FAMILY_IN.search(m.group()))


def job_title_after(after: str) -> bool:
    """A professional's job title follows the name (and no family or caring role is part of it)."""
    m = _TITLE_AFTER.match(after)
    return bool(m and not _FAMILY_IN.search(m.group()))
WORK_DOMAIN = re.compile(
    r"@[\w.\-]*\b(?:gov\.uk|nhs\.net|nhs\.uk|police\.uk|sch\.uk|cafcass\.gov\.uk|"
    r"pnn\.police\.uk|cjsm\.net|ac\.uk)\b",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(r"^(?:From|To|Cc|Bcc|Sent\s+by|Reply-To)\s*:", re.IGNORECASE)
_FOSTER_BEFORE = re.compile(
    r"(?:foster\s+carers?|foster\s+(?:mother|father|parents?)|adopters?|adoptive\s+parents?|"
    r"prospective\s+adopters?|special\s+guardians?|kinship\s+carers?|carers?)"
    r"[ \t\n]*(?:,|:|are|is)?[ \t\n]*(?:[A-Z][\w'\-]*[ \t\n]+(?:and|&)[ \t\n]+)?$",
    re.IGNORECASE,
)
_FOSTER_AFTER = re.compile(
    r"^[ \t]*(?:,|\()?[ \t\n]*(?:the\s+|a\s+|\w+'s\s+)?(?:foster\s+carers?|adopters?|"
    r"special\s+guardians?|kinship\s+carers?)\b",
    re.IGNORECASE,
)

# A child placed for adoption: where they live or go to school is a serious-harm locating detail.
_ADOPTED_AFTER = re.compile(r"^[^.;\n]{0,40}\b(?:placed\s+for\s+adoption|adopted|adoptive\s+placement|"
                            r"placement\s+order)", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A name written on a page: ``tokens`` without title or possessive, at ``start..end``."""

    doc: int
    page: int
    start: int
    end: int
    tokens: tuple[str, ...]
    title: str | None = None
    source: str = ""


@dataclass(frozen=True)
class Around:
    """The text around one name mention, as the name rules read it."""

    mention: Mention
    before: str  # up to 60 characters before the name
    after: str  # up to 60 characters after it
    line: str  # the whole line the name starts on
    line_start: int

    @classmethod
    def of(cls, m: Mention, text: str) -> Around:
        """Cut the context of mention ``m`` out of its page ``text``."""
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        return cls(m, text[max(0, m.start - 60) : m.start], text[m.end : m.end + 60],
                   text[line_start : line_end if line_end >= 0 else len(text)], line_start)

    def foster(self) -> bool:
        """A carer's or adopter's name: a third party whose locating details are serious-harm material."""
        return bool(_FOSTER_BEFORE.search(self.before) or _FOSTER_AFTER.match(self.after)
                    or _ADOPTED_AFTER.match(self.after))


@dataclass(frozen=True)
class NameRule:
    """One named rule of evidence about who a named person is.

    :param name: stable identifier (kebab-case), cited by tests and shown in the cast's evidence.
    :param description: what the rule says, with its rulebook basis.
    :param applies: ``applies(around) -> evidence | None``; ``""`` means the rule decides that this
        mention is no evidence (later rules are not asked), ``None`` that it does not apply.
    """

    name: str
    description: str
    applies: Callable[[Around], str | None]


# "PS <Given> <Surname>", "PC 4417 <Given> <Surname>": a professional title (and a collar number)
# right before a name the title was not read with.
_PROFESSIONAL_TITLE_BEFORE = re.compile(
    r"(?<![\w'])(" + alternation(words("titles", "professional")) + r")\.?[ \t]+(?:\d{2,6}[ \t]+)?$")


def _professional_title(a: Around) -> str | None:
    t = a.mention.title
    if t is None and (m := _PROFESSIONAL_TITLE_BEFORE.search(a.before)):
        t = m.group(1)
    return f"title {t}" if t and t.lower().rstrip(".") in PROFESSIONAL_TITLES else None


def _role_before(a: Around) -> str | None:
    m = a.mention
    if (len(m.tokens) > 1 or m.title) and _ROLE_BEFORE.search(a.before) and not _CARER_BEFORE.search(a.before[-30:]):
        return "role before name"
    return None


def _with_organisation(a: Around) -> str | None:
    org = _ORG_AFTER.match(a.after)
    if (
        org
        and not _IDENTIFIER_AFTER.match(a.after, org.end())
        and not re.match(r"^[ \t]*(?:,|\()?[ \t]*(?:of|at)?\s*\d", a.after)
        and not _BARE_PLACE_AFTER.match(a.after)
    ):
        return "named with a professional organisation"
    return None


def _work_email(a: Around) -> str | None:
    m = a.mention
    if _HEADER_LINE.match(a.line) and WORK_DOMAIN.search(a.line[m.end - a.line_start : m.end - a.line_start + 80]):
        return "work e-mail address"
    return None


#: Evidence that a named person is a professional acting in their role (DPA 2018 Sch 2 para 17,
#: rulebook SCH2-P17-PROFESSIONAL-IN-ROLE). First rule that applies decides for one mention; a person
#: with any such evidence anywhere in the bundle is a professional (``PeopleIndex._classify``), one with
#: none is a third party, listed as unresolved in the cast when nothing else places them.
NAME_RULES: tuple[NameRule, ...] = (
    NameRule("professional-title", "A professional title before the name (\"Dr\", \"PC\", \"DS\") shows the role.",
             _professional_title),
    NameRule("initials-not-role", "Bracketed letters that are the name's own initials (\"(AB)\") are the "
             "document's short form for that person, never a role abbreviation (redaction.aliases).",
             lambda a: "" if initials_alias(a.after, a.mention.tokens) else None),
    NameRule("role-after-name", "A job title or role abbreviation straight after the name (\", Social Worker\", "
             "\"(SW)\").", lambda a: "role after name" if ROLE_AFTER.match(a.after) else None),
    NameRule("job-title-after-name", "A capitalised job title ending in a role head noun after the name, with "
             "no family or caring role in it.",
             lambda a: "job title after name" if job_title_after(a.after) else None),
    NameRule("role-in-brackets", "Lower-case words ending in a role word, alone in brackets after the name "
             "(\"(missing person worker)\"), with no family or caring word in them.",
             lambda a: "role in brackets after name" if _role_in_brackets(a.after) else None),
    NameRule("firm-grade-after-name", "A law firm's grade under the name in a signature (\"Partner\" or "
             "\"Associate\", with the firm on the same or next line): a solicitor acting in role.",
             lambda a: "law firm grade after name" if _FIRM_GRADE_AFTER.match(a.after) else None),
    NameRule("role-before-name", "A role label before a full or titled name (\"Health visitor: <Name>\"); a lone "
             "given name there is what the professional reports about.", _role_before),
    NameRule("with-organisation", "The name with a professional organisation (\"<Name> (<County> Police)\", "
             "\"<Name> from the health visiting team\"), not a place the person goes.", _with_organisation),
    NameRule("professional-at-organisation", "\"<Organisation> by <Name>\": the professional of that body.",
             lambda a: "named as the professional at an organisation" if _ORG_BY_BEFORE.search(a.before) else None),
    NameRule("work-email", "An e-mail header line with the name and an address on a public-sector work domain.",
             _work_email),
)


def first_name_rule(a: Around) -> tuple[str, str]:
    """The first of :data:`NAME_RULES` that applies to a mention, and its evidence (``("default", "")``)."""
    for rule in NAME_RULES:
        evidence = rule.applies(a)
        if evidence is not None:
            return rule.name, evidence
    return "default", ""


