"""IDENTIFIER_RULES (redaction.identifier_rules, via redaction.engine): a positive and a negative row per rule.

Each row is a one-page document run through the real engine; ``redacted`` says whether the value
must be proposed. The subject is Lorcan Halloran (DOB 09/09/2009); Tamsin Baptiste is the social
worker on the staff list; Doran Vesk is named as the mother's partner on every page, so he is a
third party.
"""

import pytest

from redaction.context import RedactionContext, StaffMember, Subject
from redaction.engine import IDENTIFIER_RULES
from tests.redaction.engine_support import make_doc, propose

pytestmark = pytest.mark.slow

INTRO = "Case note\nDoran Vesk, the mother's partner, was present.\n"

ROWS = [
    # rule, text, value, redacted, subject identifiers
    ("subject-identifier", "Her NHS number is 401 023 2137.", "401 023 2137", False, ("401-023-2137",)),
    ("subject-identifier", "Her NHS number is 401 023 2137.", "401 023 2137", True, ()),
    ("service-line-phone", "^Duty line: 0300 123 4567 (office hours).", "0300 123 4567", False, ()),
    ("service-line-phone", "Doran Vesk, office: 0300 123 4567.", "0300 123 4567", True, ()),
    ("subject-school", "Lorcan Halloran attends Riverside Academy.", "Riverside Academy", False, ()),
    ("subject-school", "Doran Vesk works at Riverside Academy as a cleaner.", "Riverside Academy", True, ()),
    ("serious-harm-locator", "The foster carers live at 12 Oak Road, Anytown AB1 2DE.", "12 Oak Road", True, ()),
    ("serious-harm-locator", "^Tamsin Baptiste's office is at 12 Oak Road, Anytown AB1 2DE.", "12 Oak Road", False, ()),
    ("subject-home-stated", "Lorcan now lives with his father at 5 Ash Grove, Anytown AB1 3FG.",
     "5 Ash Grove", False, ()),
    ("subject-home-stated", "Lorcan Halloran stayed with Doran Vesk at 5 Ash Grove, Anytown AB1 3FG.",
     "5 Ash Grove", True, ()),
    ("subject-home-stated", "Lorcan Halloran's uncle lives at 5 Ash Grove, Anytown AB1 3FG.", "5 Ash Grove", True, ()),
    ("organisation-contact-line", "^Anytown Surgery, 1 High Street, Anytown AB1 2DE", "1 High Street", False, ()),
    ("organisation-contact-line", "Doran Vesk lives at 1 High Street, Anytown AB1 2DE.", "1 High Street", True, ()),
    ("address-stated-as-subjects", "Lorcan Halloran was picked up from a caravan behind the mill on Sorrel Lane.",
     "a caravan behind the mill on Sorrel Lane", True, ()),
    ("address-stated-as-subjects", "Lorcan Halloran lives in a caravan behind the mill on Sorrel Lane.",
     "Sorrel Lane", False, ()),
    ("subject-owns-detail", "Lorcan Halloran, mobile 07700 900456", "07700 900456", False, ()),
    ("subject-owns-detail", "Doran Vesk, mobile 07700 900456", "07700 900456", True, ()),
    ("identifier-stated-for-relative", "Lorcan is registered with us. His stepmother, Maren Halloran "
     "(NHS 712 448 3905), is our patient too.", "712 448 3905", True, ()),
    ("identifier-stated-for-relative", "Her son, Lorcan Halloran (NHS 401 023 2137), is registered here.",
     "401 023 2137", False, ()),
    ("identifier-given-to-subject", "His uncle texted Lorcan Halloran a new number, 07700 900 614.",
     "07700 900 614", True, ()),
    ("identifier-given-to-subject", "Lorcan Halloran's own mobile is 07700 900 614.", "07700 900 614", False, ()),
    ("email-by-name", "Tamsin Baptiste <t.baptiste@anytown.gov.uk> wrote.", "t.baptiste@anytown.gov.uk", False, ()),
    ("email-by-name", "He wrote from doran.vesk@example.com last week.", "doran.vesk@example.com", True, ()),
    ("date-of-birth", "Lorcan was born on 09/09/2009.", "09/09/2009", False, ()),
    ("date-of-birth", "Doran Vesk (DOB 03/02/1983) was present.", "03/02/1983", True, ()),
    ("third-party-owns-detail", "Doran Vesk's mobile is 07700 900789.", "07700 900789", True, ()),
    ("third-party-owns-detail", "Doran Vesk rang Tamsin Baptiste, Social Worker, mobile 07700 900789.", "07700 900789",
     False, ()),
    ("professional-personal-identifier", "Tamsin Baptiste's NHS number is 401 023 2137.", "401 023 2137", True, ()),
    ("professional-personal-identifier", "^Tamsin Baptiste, Social Worker, office phone 01632 960 245.",
     "01632 960 245", False, ()),
    ("kept-person-owns-detail", "Tamsin Baptiste's mobile is 07700 900789.", "07700 900789", False, ()),
    ("subject-case-detail", "^Case ref: CS-100200", "CS-100200", False, ()),
    ("subject-case-detail", "Doran Vesk's own case ref: CS-100300.", "CS-100300", True, ()),
    ("kept-person-owns-detail", "Tamsin Baptiste, Social Worker, mobile 07700 900321", "07700 900321", False, ()),
    ("kept-person-owns-detail", "A mobile 07700 900321 was written on the wall.", "07700 900321", True, ()),
]


def test_every_rule_has_a_positive_and_a_negative_row():
    names = [r.name for r in IDENTIFIER_RULES]
    assert len(names) == len(set(names))
    for name in names:
        outcomes = {redacted for rule, _t, _v, redacted, _i in ROWS if rule == name}
        assert outcomes == {True, False}, name


@pytest.mark.parametrize(("rule", "text", "value", "redacted", "ids"), ROWS, ids=[f"{r[0]}-{r[3]}" for r in ROWS])
def test_identifier_rule_rows(rule, text, value, redacted, ids):
    ctx = RedactionContext(subject=Subject("Lorcan Halloran", dob="09/09/2009", identifiers=ids),
                           staff=(StaffMember("Tamsin Baptiste", "Social Worker"),))
    # "^": the row's line comes first, before any third party is named (ownership looks back).
    doc = make_doc("note.pdf", text[1:] + "\n" + INTRO if text.startswith("^") else INTRO + text + "\n")
    plan = propose(doc, ctx=ctx)[0]
    got = [" ".join(p.text.split()) for p in plan.proposals]
    assert any(value in g for g in got) is redacted, (rule, got)
    if rule == "serious-harm-locator" and redacted:
        assert any(p.code == "SCH3-SERIOUS-HARM" for p in plan.proposals if value in " ".join(p.text.split()))
