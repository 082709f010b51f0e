"""Legal advice (SCH2-P19-LPP) in every form issue 10 lists, through the real engine: one positive and one
negative row per form.

Forms: a legal advice contact sheet, legal gateway and legal planning meeting records, a pre-proceedings
planning meeting, a "legal surgery", counsel's advice, "spoke to <Name> in Legal, who advised ...",
"Legal Services advised ...", and an e-mail from the council's solicitor. The negative rows are the
same words used about something else: a meeting being booked, parents told to seek their own legal
advice, a GP surgery, a school counsellor (rules lpp-title-only and the LPP passage cues in
redaction/candidates.py and redaction/legal.py).
"""

import pytest

from tests.redaction.engine_support import context, make_doc, propose

pytestmark = pytest.mark.slow

# form, document text, a phrase of the advice, withheld as legal advice?
ROWS = [
    ('contact-sheet',
     'LEGAL ADVICE CONTACT SHEET\nDate: 03/05/2024\nThe threshold for care proceedings '
     'is met on the evidence.\n',
     'threshold for care proceedings', True),
    ('contact-sheet',
     'CONTACT SHEET\nDate: 03/05/2024\nMother rang to rearrange the visit.\n',
     'rearrange the visit', False),
    ('gateway',
     'Legal Gateway Meeting\nAttendees: Tamsin Baptiste (SW)\nDiscussion\nLegal advised '
     'that threshold is met and PLO should start.\n',
     'threshold is met', True),
    ('gateway',
     'Case note\nA legal gateway meeting is booked for 5 May.\nLorcan went to school.\n',
     'legal gateway meeting is booked', False),
    ('planning',
     'Legal Planning Meeting\nPresent: Tamsin Baptiste\nThe view was that an interim '
     'care order should be sought.\n',
     'interim care order', True),
    ('planning',
     'Case note\nThe planning meeting for the school trip was held.\n',
     'school trip', False),
    ('pre-proceedings',
     'Pre-proceedings planning meeting\nPresent: Tamsin Baptiste\nThe local authority '
     'solicitor advised that the letter before proceedings should be sent.\n',
     'letter before proceedings', True),
    ('pre-proceedings',
     'Case note\nThe parents attended the pre-proceedings meeting with their solicitor '
     'and agreed the plan.\n',
     'agreed the plan', False),
    ('surgery',
     'Case note\nDiscussed at legal surgery on 3 May: advised that the evidence is not '
     'yet sufficient to issue.\nLorcan went to school.\n',
     'evidence is not yet sufficient', True),
    ('surgery',
     "Case note\nThe GP surgery rang about Lorcan's appointment.\n",
     'appointment', False),
    ('counsel',
     "Case note\nCounsel's advice is that the application should be made under section "
     '31.\nLorcan went to school.\n',
     'application should be made', True),
    ('counsel',
     'Case note\nThe school counsellor saw Lorcan on Monday.\n',
     'counsellor saw', False),
    ('spoke-legal',
     'Case note\nSpoke to Amy Reed in Legal, who advised that we cannot share the '
     'report with the father.\nLorcan went to school.\n',
     'cannot share the report', True),
    ('spoke-legal',
     'Case note\nSpoke to the mother about the legal process and gave her a leaflet.\n',
     'gave her a leaflet', False),
    ('legal-services',
     'Case note\nLegal Services advised that the expert report should not be disclosed '
     'yet.\n',
     'expert report should not be disclosed', True),
    ('legal-services',
     'Case note\nThe parents were advised to seek independent legal advice.\n',
     'seek independent legal advice', False),
    ('solicitor-email',
     'From: Jo Bell, Solicitor, Legal Services\nTo: Tamsin Baptiste\nSubject: Re: '
     'Lorcan\nMy advice is that we should not share the report at this stage.\n',
     'should not share the report', True),
    ('solicitor-email',
     'From: Tamsin Baptiste, Social Worker\nTo: Jo Bell\nSubject: Re: Lorcan\nI have '
     'visited Lorcan and he is well.\n',
     'he is well', False),
]


def test_every_form_has_a_positive_and_a_negative_row():
    forms: dict[str, set[bool]] = {}
    for form, _t, _v, want in ROWS:
        forms.setdefault(form, set()).add(want)
    assert all(v == {True, False} for v in forms.values()), forms


@pytest.mark.parametrize(("form", "text", "value", "withheld"), ROWS, ids=[f"{r[0]}-{r[3]}" for r in ROWS])
def test_legal_form_rows(form, text, value, withheld):
    plan = propose(make_doc("note.pdf", text), ctx=context())[0]
    lpp = [" ".join(p.text.split()) for p in plan.proposals if p.code == "SCH2-P19-LPP"]
    assert any(value in t for t in lpp) is withheld, (form, lpp)
    if not withheld:
        assert not any(value in " ".join(p.text.split()) for p in plan.proposals), form
