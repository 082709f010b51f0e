"""The identifier rules: who an identifier belongs to decides whether it is disclosed.

:data:`IDENTIFIER_RULES` is a table of named :class:`redaction.rules.Rule` s, first rule that applies
wins; :class:`redaction.decide._Decider` builds one :class:`_Occurrence` per identifier found and
asks the table for its verdict. Moved out of ``decide.py`` (which was at the file-size limit) so
the table can grow; each rule has a positive and a negative row in
``tests/redaction/test_identifier_rules.py``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from redaction.address_ownership import needs_statement, stated_as_subjects, subject_lives_at
from redaction.candidates import _KEEP_UNLESS_THIRD, _Owner, _Page
from redaction.detect import Finding
from redaction.names import PROFESSIONAL, SUBJECT, THIRD_PARTY
from redaction.rules import Rule, Verdict
from redaction.spans import _CONTACT, _id_key, _organisation_line, _same_date, _service_line


class _Occurrence(NamedTuple):
    """One occurrence of an identifier, as the identifier rules see it."""

    decider: Any  # redaction.decide._Decider (not imported: decide imports this module)
    page: _Page
    f: Finding
    owner: _Owner
    harm: bool
    subject_ids: set
    value: str
    #: the nearest name before the detail is introduced by a family relationship (redaction.ownership)
    relative: bool = False
    #: the nearest name before the detail receives it from someone else (redaction.ownership.given_to)
    given: bool = False


def _dob_verdict(o: _Occurrence) -> Verdict:
    dob = o.decider.context.subject.dob
    if dob is not None:
        return Verdict.KEEP_STRONG if _same_date(o.value, dob) else Verdict.REDACT_STRONG
    return Verdict.KEEP if o.owner.kind == SUBJECT and o.owner.strong else Verdict.REDACT


def _home_stated(o: _Occurrence) -> bool:
    ends = [e for _s, e, p in o.decider.names.get(o.page.key, ()) if p.kind == SUBJECT]
    return subject_lives_at(o.page.text, ends, o.f.start, _sentence_start(o.page, o.f.start))


def _sentence_start(page: _Page, pos: int) -> int:
    return next((a for a, b in page.sentences if a <= pos < b), max(0, pos - 160))


#: Identifiers a person holds only as a private individual: a professional's are never part of their work
#: (rulebook 3.1: para 17 covers information about a professional acting in that capacity).
PERSONAL_ONLY_IDS = frozenset({"UK_NHS", "UK_NINO", "UK_PASSPORT", "UK_DRIVING_LICENCE", "UK_PNC", "PRISON_NUMBER",
                               "UK_BANK_DETAILS", "IBAN_CODE", "CREDIT_CARD"})

#: Who an identifier belongs to decides whether it is disclosed (rulebook: a SAR discloses the
#: subject's own data, DPA 2018 Sch 2 para 16 protects third parties, para 17 covers professionals in
#: role, Sch 3 serious harm). First rule that applies wins; with none, the detail is redacted (fail
#: closed: nobody was shown to own it).
IDENTIFIER_RULES: tuple[Rule, ...] = (
    Rule("subject-identifier", "A value the case record gives as the subject's own identifier is disclosed "
         "wherever it appears.",
         lambda o: Verdict.KEEP_STRONG if _id_key(o.value) in o.subject_ids else None),
    Rule("service-line-phone", "A phone labelled as a service line (duty line, switchboard, helpline, office) "
         "is the organisation's, unless a third party is named before it in the same sentence.",
         lambda o: Verdict.KEEP_STRONG if o.f.entity == "PHONE_NUMBER" and _service_line(o.page.text, o.f.start)
         and not o.decider._third_party_in_sentence(o.page, o.f.start) else None),
    Rule("subject-school", "The school named with the subject is the subject's own and disclosed everywhere, "
         "never a serious-harm locator for someone else.",
         lambda o: Verdict.KEEP_OWN if o.f.entity == "SCHOOL" and o.owner.kind == SUBJECT and o.owner.strong
         else None),
    Rule("serious-harm-locator", "A locating detail in a placement, refuge or adoption context is proposed under "
         "serious harm (Sch 3) for a manager's decision, unless a professional owns it.",
         lambda o: Verdict.HARM if o.harm and o.owner.kind != PROFESSIONAL else None),
    Rule("subject-home-stated", "An address the sentence gives as where the subject lives (\"<Subject> lives "
         "with his father at ...\") is the subject's own home, disclosed to them though others live there too.",
         lambda o: Verdict.KEEP_SUBJECT if o.f.entity in ("UK_ADDRESS", "UK_POSTCODE") and _home_stated(o)
         else None),
    Rule("organisation-contact-line", "A letterhead or an organisation's address line is the organisation's "
         "contact detail, unless a third party is shown to own it.",
         lambda o: Verdict.KEEP if o.f.entity in _CONTACT and _organisation_line(o.page, o.f.start, o.f.end)
         and not (o.owner.kind == THIRD_PARTY and o.owner.strong) else None),
    Rule("identifier-stated-for-relative", "A detail given for a person introduced by a family relationship "
         "(\"the stepfather, <Name>, NI number ...\", \"<Name> (maternal aunt), tel ...\") is that relative's, "
         "whatever the cast made of the name.",
         lambda o: Verdict.REDACT_STRONG if o.relative else None),
    Rule("identifier-given-to-subject", "A detail handed to the subject (\"her uncle texted <Subject> his new "
         "number ...\") is not the subject's: nobody is shown to own it, so it is redacted.",
         lambda o: Verdict.REDACT if o.given and o.owner.kind == SUBJECT else None),
    Rule("address-stated-as-subjects", "A described, foreign or Irish address next to the subject's name is the "
         "subject's only when the sentence says they live there (redaction.address_ownership); otherwise redacted.",
         lambda o: Verdict.REDACT if needs_statement(o.f.entity, o.f.recognizer) and o.owner.kind == SUBJECT
         and not stated_as_subjects(o.page.text, o.f.start, _sentence_start(o.page, o.f.start)) else None),
    Rule("subject-owns-detail", "A detail next to the subject's name (same line, heading, label block or table "
         "row) is the subject's own and kept wherever it appears.",
         lambda o: Verdict.KEEP_SUBJECT if o.owner.kind == SUBJECT and o.owner.strong
         and o.f.entity != "DATE_OF_BIRTH" else None),
    Rule("email-by-name", "An e-mail address on a work domain, or whose local part is a kept person's name, is "
         "kept; one with a third party's name is redacted.",
         lambda o: o.decider._email_verdict(o.value) if o.f.entity == "EMAIL_ADDRESS" else None),
    Rule("date-of-birth", "A date of birth is kept only when it is the subject's.",
         lambda o: _dob_verdict(o) if o.f.entity == "DATE_OF_BIRTH" else None),
    Rule("third-party-owns-detail", "A detail a third party owns is redacted, everywhere it occurs.",
         lambda o: (Verdict.REDACT_STRONG if o.owner.strong else Verdict.REDACT)
         if o.owner.kind == THIRD_PARTY else None),
    Rule("subject-case-detail", "Case references, schools and GP practices are about the subject's case unless "
         "shown to be someone else's.",
         lambda o: Verdict.KEEP if o.f.entity in _KEEP_UNLESS_THIRD else None),
    Rule("professional-personal-identifier", "A professional's NHS, NI, passport, licence, police, prison or bank "
         "number is theirs as a private person, not a detail of their work: para 17 does not reach it "
         "(SCH2-P16-THIRD-PARTY).",
         lambda o: Verdict.REDACT_STRONG if o.owner.kind == PROFESSIONAL and o.f.entity in PERSONAL_ONLY_IDS
         else None),
    Rule("kept-person-owns-detail", "A detail the subject or a professional strongly owns is kept.",
         lambda o: Verdict.KEEP if o.owner.kind in (SUBJECT, PROFESSIONAL) and o.owner.strong else None),
)
