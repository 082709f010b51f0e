"""People in a bundle: finding name mentions, grouping them into persons and classifying them.

The engine asks three questions of every person named in a bundle:

* is this the data subject (their own data is disclosed)?
* is this a professional acting in their role (disclosed, DPA 2018 Sch 2 para 17)?
* otherwise, a third party: every way the bundle writes their name is redacted.

Professional status comes from the staff directory or from context anywhere in the bundle (a role
next to the name, an attendee table, a signature block, an e-mail header with a work domain), and
once found it applies bundle-wide. A token that belongs to the subject's or a professional's name
is never redacted on its own, so a mother who shares the subject's surname loses her first name and
full name but the subject's surname stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from redaction.context import RedactionContext
from redaction.detectors.uk import STREET_WORDS
from redaction.diminutives import is_short_form
from redaction.letters import fold, name_key
from redaction.lexicon import ALL_TITLES, SURNAME_LIKE_STREET_WORDS, lower
from redaction.name_rules import (  # noqa: F401 - ROLE_* and WORK_DOMAIN are re-exported for the engine
    ROLE_AFTER,
    ROLE_PATTERN,
    WORK_DOMAIN,
    Around,
    Mention,
    first_name_rule,
)
from redaction.party_roles import family_role

SUBJECT, PROFESSIONAL, THIRD_PARTY, DISCLOSED = "subject", "professional", "third_party", "disclosed"

TITLES = ALL_TITLES

# Capitalised words that are never (part of) a person's name in a case record.
NON_NAME = frozenset(
    w.lower()
    for w in """
    Social Worker Workers Manager Team Officer Police Constable Health Visitor School Primary
    Academy College Surgery Practice NHS Trust Council Services Service Care Children Children's
    Child Family Families Review Assessment Plan Conference Meeting Strategy Discussion Section
    Referral Record Records Minutes Court Legal Advice Counsel Solicitor Independent Reviewing
    Designated Safeguarding Lead Head Teacher GP Doctor Nurse Midwife Paediatrician CAMHS Agency
    Role Name Date DOB Address Telephone Tel Mobile Email E-mail Phone Ref Case Number No Signed
    Present Chair Outcome Decision Observations Analysis Wishes Feelings Placement Information
    Contact Concerns Dear Regards Kind Hi Hello Thanks Thank Subject From To Cc Re Fw Fwd The And Of
    Local Authority Public Law Outline National Insurance Computer Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March September October November December Christmas
    Easter English British Mother Father Mum Dad Sister Brother Partner Neighbour Sibling Half-
    sibling Grandmother Grandfather Aunt Uncle Cousin Carer Carers Adoption Adopter Adopters
    Guardian Looked After Young Person Persons Home Visit Visits Report Reports Letter Email Notes
    Note Chronology Entry Summary Background History Action Actions Agreed Next Steps Attendees
    Apologies Purpose Agenda Item Health Education Emotional Behavioural Development Risk Risks
    Protection Safety Threshold Enquiry Enquiries Section47 Initial Core Group Groups Statutory
    Medical Dental Annual Hospital Clinic Centre Emergency Department Unit Mental Alcohol Drug Drugs
    Domestic Abuse Violence Neglect Police National Computer PNC MASH Front Door Duty Early Help
    Youth Offending Housing Benefit Benefits Universal Credit Department Work Pensions DWP Ofsted
    Cafcass Yes No N/A None Unknown Not Known Male Female Gender Ethnicity Asian Mixed Other
    Religion Language Interpreter Required Parental Responsibility Consent Confidential Privileged
    Prepared Purpose Draft Final Version Of Total Signature Print Position Title Organisation
    Organization Tel. Mob Fax Postcode Town County City Street Road Oxford I We He She They His Her
    Their Our My Your It This That These Those There Here Today Yesterday Tomorrow Morning Afternoon
    Evening Night Weekend Week Month Year Miss Mr Mrs Ms Dr Master Mx PC DC DS Sgt Cllr Prof St
    Saint Sir Dame Baby Unborn Birth Dob. Person's Brother's Sister's Mother's Father's Also Both
    Each All Any Some However Although Because During After Before While Whilst Since Until When
    Where Why How What Who Which Whose Whom Please Kindly Many Much Very Further Following Above
    Below Attached Enclosed Regarding Concerning About Update Updated Urgent Important Reason
    Reasons Wantage Present: Worker: Child: Chair: Review: Date: Relationship Relationships Work
    Works
""".split()
)
NON_NAME = NON_NAME | {
    "supervisee", "supervisor", "supervision", "attendees", "apologies", "chronology", "event", "source",
    "sent", "received", "importance", "attachments", "forwarded", "original", "message",
    "mash", "sw", "tm", "hv", "fsw", "isw", "swa", "dsl", "iro", "senco", "sendco", "lado", "cpn", "asw", "pa",
    "icpc", "rcpc", "cin", "lac", "plo", "pnc", "camhs", "cp", "nhs", "gp",
    # the first word of an address line under a name ("<Name>\nFlat 3, ..."): never part of the name
    "flat", "flats", "apartment", "apt", "bedsit", "maisonette",
}
# Words of job titles and service names ("Consultant Child and Adolescent Psychiatrist", "Social
# Worker, Adolescent Service"): a run made only of these is a role, never a person.
ROLE_NAME_WORDS = lower("roles", "word")
NON_NAME = NON_NAME | ROLE_NAME_WORDS
# Document and section words ("Supervised Contact Session Log"): a run made only of these is a
# title, never a person.
NON_NAME = NON_NAME | frozenset(
    """log logs logbook session sessions transcript register triage form forms statement statements diary
    sheet schedule bundle appendix agenda supervised""".split()
)
# Party designations in court records ("First Respondent", "Applicant"): roles in the proceedings.
NON_NAME = NON_NAME | lower("court_parties")
# Field labels of register printouts ("Adm No", "UPN"): labels, never names.
NON_NAME = NON_NAME | lower("record_abbreviations")
# Salutation and honorific forms of address ("Dear Sir or Madam", "Dear Sirs"): general English
# letter-writing convention, not names. The OCR'd letter path lost "Madam" as a person without them.
SALUTATION_WORDS = frozenset("madam madame mesdames sirs gentlemen ladies".split())
NON_NAME = NON_NAME | SALUTATION_WORDS
# "Foster carers", "kinship carer", "birth parents": a role phrase, whatever the first word is.
ROLE_PHRASE = re.compile(
    r"(?:foster|kinship|respite|adoptive|birth|connected|supervising)\s+(?:carers?|parents?|mother|father|"
    r"family|families|placement|care|person)\b",
    re.IGNORECASE,
)
# Nationalities, peoples and languages ("her mother is <word>", "speaks <word>"): never a name.
NON_NAME = NON_NAME | lower("nationalities")
# Street words that are rarely surnames; "Hill", "Green" or "Park" are left out on purpose.
NON_NAME = NON_NAME | frozenset(w.lower() for w in STREET_WORDS if w not in SURNAME_LIKE_STREET_WORDS)

_NAME_TOKEN = re.compile(r"^(?:(?:Mac|Mc|O'|D'|De|Van|Le|La|Fitz)?[A-Z][a-z]+(?:[-'\u2019][A-Z]?[a-z]+)*|"
                         r"(?:[A-Z]['\u2019])?[A-Z]{2,}(?:['\u2019-][A-Z]{2,})?)$")


def _name_shaped(token: str) -> bool:
    """``token`` is shaped like a name, accented letters read as their base letters (rule unicode-name)."""
    return bool(_NAME_TOKEN.match(fold(token)))


_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


def name_tokens(name: str) -> tuple[str, ...]:
    """Split a name into tokens without titles or possessives, e.g. ``"Mrs <Surname>'s"`` -> ``("<Surname>",)``."""
    tokens = [_POSSESSIVE.sub("", t.strip(",.;:()")) for t in name.split()]
    tokens = [t for t in tokens if t]
    while tokens and tokens[0].lower().rstrip(".") in TITLES:
        tokens.pop(0)
    return tuple(tokens)


def surname_last(tokens: Sequence[str]) -> tuple[str, ...]:
    """``("<SURNAME>", "<Given>")`` as ``("<Given>", "<SURNAME>")``: one person whichever order a register uses."""
    if len(tokens) == 2 and tokens[0].isupper() and len(tokens[0]) > 1 and not tokens[1].isupper():
        return (tokens[1], tokens[0])
    return tuple(tokens)


def clean_mention(tokens: Sequence[str], strict: bool = True) -> tuple[str, ...]:
    """Trim non-name words off both ends of a token run; return ``()`` if no valid name remains.

    A valid name is one to four tokens, each shaped like a name (``Smith``, ``O'Neil``, ``SMITH``)
    and none of them a word from :data:`NON_NAME`. With ``strict=False`` (the tokens followed a
    title such as "Mrs") only the shape is checked.
    """
    toks = list(tokens)
    # One name is written in one style: "Patel" then "GEMMA" on the next line are two people.
    if len(toks) > 1:
        caps = [t.isupper() and len(t) > 1 for t in toks]
        keep = 1
        while keep < len(toks) and caps[keep] == caps[0]:
            keep += 1
        if keep == 1 and caps[0] and len(toks) >= 2 and not caps[1] and (
                len(toks) == 2 or caps[2] or toks[2].lower() in NON_NAME):
            keep = 2  # "<SURNAME> <Given>": a register's surname-first form (rule surname-first)
        toks = toks[:keep]
    if not strict:
        # After a title the first word is a surname whatever it means ("Mrs Foster"); any further
        # word must still look like a name ("Mrs Foster\nAddress: ..." is one name).
        if not toks or not _name_shaped(toks[0]):
            return ()
        out = [toks[0]]
        for t in toks[1:3]:
            if t.lower() in NON_NAME or not _name_shaped(t):
                break
            out.append(t)
        return tuple(out)
    while toks and (toks[0].lower() in NON_NAME or not _name_shaped(toks[0])):
        toks.pop(0)
    while toks and (toks[-1].lower() in NON_NAME or not _name_shaped(toks[-1])):
        toks.pop()
    if not toks or len(toks) > 4:
        return ()
    if any(t.lower() in NON_NAME or not _name_shaped(t) for t in toks):
        return ()
    if all(len(t) < 2 for t in toks):
        return ()
    return tuple(toks)


@dataclass
class Person:
    """One person in the bundle, with every mention that resolved to them."""

    tokens: tuple[str, ...]
    kind: str = THIRD_PARTY
    foster: bool = False
    evidence: list[str] = field(default_factory=list)
    #: Family roles written on the person (rule family-role-attached, redaction.party_roles).
    family: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    #: Case-folded tokens, the identity of the person in the bundle.
    key: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        self.key = tuple(name_key(t) for t in self.tokens)

    @property
    def display(self) -> str:
        """The name as first written, for reasons and logs."""
        return " ".join(self.tokens)


class PeopleIndex:
    """Persons of one bundle, built from mentions, classified against a :class:`RedactionContext`."""

    def __init__(self, context: RedactionContext) -> None:
        """Seed the index with the subject, the staff directory and known parties."""
        self.context = context
        self.persons: dict[tuple[str, ...], Person] = {}
        self._by_token: dict[str, list[Person]] = {}
        self._protected: set[str] | None = None
        self._classified = False
        self.subject_tokens: set[str] = set()
        for name in context.subject.names:
            toks = name_tokens(name)
            self.subject_tokens.update(name_key(t) for t in toks)
            self._person(toks).kind = SUBJECT
        for member in context.staff:
            person = self._person(name_tokens(member.name))
            person.kind = PROFESSIONAL
            person.evidence.append(f"staff directory: {member.role}")
        for party in context.parties:
            person = self._person(name_tokens(party.name))
            person.kind = DISCLOSED if party.decision == "disclose" else THIRD_PARTY
            person.evidence.append(f"known party: {party.relationship}")

    def _person(self, tokens: tuple[str, ...]) -> Person:
        key = tuple(name_key(t) for t in tokens)
        if key not in self.persons:
            person = self.persons[key] = Person(tokens=tuple(tokens))
            if len(key) > 1:
                # Index full names by first name and surname, in creation order (deterministic).
                for tok in dict.fromkeys((key[0], key[-1])):
                    self._by_token.setdefault(tok, []).append(person)
        return self.persons[key]

    # -- building -------------------------------------------------------------------------------

    def add_mentions(self, mentions: Iterable[Mention], texts: dict[tuple[int, int], str]) -> None:
        """Group mentions into persons and collect evidence about each from the text around it.

        :param mentions: every candidate mention in the bundle, in document order.
        :param texts: page text by ``(doc, page)``, for the context checks.
        """
        mentions = list(mentions)
        multi = [m for m in mentions if len(m.tokens) > 1]
        single = [m for m in mentions if len(m.tokens) == 1]
        for m in multi:
            if self._is_subject(m.tokens):
                person = self._subject_person()
            else:
                person = self._person(surname_last(m.tokens))
            person.mentions.append(m)
            self._evidence(person, m, texts[(m.doc, m.page)])
        for m in single:
            person = self.resolve_single(m.tokens[0])
            if person is None:
                person = self._person(m.tokens)
            person.mentions.append(m)
            self._evidence(person, m, texts[(m.doc, m.page)])
        self._classify()
        self._classified = True

    def _subject_person(self) -> Person:
        return self.persons[tuple(name_key(t) for t in name_tokens(self.context.subject.name))]

    def _is_subject(self, tokens: Sequence[str]) -> bool:
        low = [name_key(t) for t in tokens]
        for name in self.context.subject.names:
            sub = [name_key(t) for t in name_tokens(name)]
            if low == sub or (len(low) >= 2 and len(sub) >= 2 and low[0] == sub[0] and low[-1] == sub[-1]):
                return True
            # Surname first, as registers and printouts write it ("<SURNAME> <Given>"), and family name
            # first with a middle name, as several naming traditions do (rule surname-first).
            if len(low) >= 2 and len(sub) >= 2 and low[0] == sub[-1] and low[-1] == sub[0]:
                return True
            # A multi-part surname written in part ("<Given> <First-surname>" for "<Given> <First-surname>
            # da <Second-surname>"): the given name and the rest in the subject's own order.
            rest = iter(sub[1:])
            if len(low) >= 2 and len(sub) > 2 and low[0] == sub[0] and all(t in rest for t in low[1:]):
                return True
        return False

    def resolve_single(self, token: str) -> Person | None:
        """The person a lone first name or surname refers to, or ``None`` if ambiguous or unknown.

        Subject and professional tokens win over third parties: a lone token shared with the
        subject or a professional is never attributed to a third party.
        """
        low = name_key(token)
        if low in self.subject_tokens:
            return self._subject_person()
        candidates = self._by_token.get(low, [])
        if not candidates:
            return self.persons.get((low,)) or self._subject_short_form(token)
        protected = [p for p in candidates if p.kind in (SUBJECT, PROFESSIONAL, DISCLOSED)]
        if protected:
            return protected[0]
        return candidates[0] if len(candidates) == 1 else self._person((token,))

    def _subject_short_form(self, token: str) -> Person | None:
        """The subject, when ``token`` is a short form of their given name and of nobody else's.

        Rule short-form (redaction.diminutives): "<Short>" for the subject is the subject's own name
        and stays; when another person's given name fits too, the token stays unresolved (fail closed).
        """
        if len(token) < 2 or not token[0].isupper() or token.isupper():
            return None
        subject = {name_tokens(n)[0].lower() for n in self.context.subject.names if name_tokens(n)}
        if not any(is_short_form(token, g) for g in subject):
            return None
        others = {p.key[0] for p in self.persons.values() if len(p.key) > 1 and p.key[0] not in subject}
        if any(is_short_form(token, g) for g in others):
            return None
        return self._subject_person()

    def _evidence(self, person: Person, m: Mention, text: str) -> None:
        around = Around.of(m, text)
        _rule, evidence = first_name_rule(around)
        if evidence:
            person.evidence.append(evidence)
        if around.foster():
            person.foster = True
        family = family_role(around)
        if family:
            person.family.append(family)

    def _classify(self) -> None:
        self._protected = None
        for person in self.persons.values():
            # A family role written on the person outweighs contextual hints (rule family-role-attached).
            if person.kind == THIRD_PARTY and not person.family and any(
                not e.startswith("known party") for e in person.evidence
            ):
                person.kind = PROFESSIONAL
        # A lone-token person that is part of a professional's name is that professional.
        prof_tokens = self.protected_tokens(kinds=(PROFESSIONAL, DISCLOSED))
        for person in self.persons.values():
            if len(person.key) == 1 and person.kind == THIRD_PARTY and person.key[0] in prof_tokens:
                person.kind = PROFESSIONAL
        # Fold lone-token third parties into a unique full-name person sharing the token, so a
        # foster flag or professional status found on either applies to both.
        for person in list(self.persons.values()):
            if len(person.key) == 1 and person.kind == THIRD_PARTY:
                full = self._by_token.get(person.key[0], [])
                if len(full) == 1 and full[0].foster:
                    person.foster = True

    # -- queries --------------------------------------------------------------------------------

    def protected_tokens(self, kinds: Sequence[str] = (SUBJECT, PROFESSIONAL, DISCLOSED)) -> set[str]:
        """Lower-case tokens of every subject, professional and disclosed party name.

        The default set is computed once, after classification (:meth:`add_mentions`).
        """
        default = tuple(kinds) == (SUBJECT, PROFESSIONAL, DISCLOSED)
        if default and self._protected is not None:
            return self._protected
        out: set[str] = set()
        for person in self.persons.values():
            if person.kind in kinds:
                out.update(person.key)
        if SUBJECT in kinds:
            out.update(self.subject_tokens)
        if default and self._classified:
            self._protected = out
        return out

    def third_parties(self) -> list[Person]:
        """Third parties, in a stable order."""
        return sorted((p for p in self.persons.values() if p.kind == THIRD_PARTY), key=lambda p: p.key)

    def kept(self) -> list[Person]:
        """Subject, professionals and disclosed parties, in a stable order."""
        return sorted((p for p in self.persons.values() if p.kind != THIRD_PARTY), key=lambda p: p.key)

    def variants(self, person: Person) -> list[tuple[str, ...]]:
        """Token sequences that name ``person`` and are safe to match anywhere in the bundle.

        Full name, first name + surname, and each single token that is not part of the subject's or
        a professional's name (for kept persons every token is returned; they are only used to know
        where kept names are).
        """
        out: list[tuple[str, ...]] = [person.tokens]
        if len(person.tokens) > 2:
            out.append((person.tokens[0], person.tokens[-1]))
        if len(person.tokens) > 1:
            protected = self.protected_tokens() if person.kind == THIRD_PARTY else set()
            for tok in (person.tokens[0], person.tokens[-1]):
                if name_key(tok) not in protected and len(tok) >= 2 and (tok,) not in out:
                    out.append((tok,))
        return out
