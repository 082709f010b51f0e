"""Table-driven triage rows: T-5 / §1.4: statutory third-party requesters (police, court, Guardian, regulators).

Each row is a request in a requester's own words and the exact SET of regimes it must be routed to.
Moved unchanged from the former tests/sar/test_triage.py.
"""

from __future__ import annotations

import pytest

from triage import triage

# (id, text, requester_type, expected regimes)
ROWS = [
    ("police-text", "I am DC 4471 Harris of Westshire Police investigating an assault. Under Schedule 2 para "
     "2 DPA 2018 please disclose records held on Liam Green.", None, {"third-party"}),
    ("police-type", "Please provide any information you hold about the family at 12 Ash Road.", "police",
     {"third-party"}),
    ("court", "Please find attached a witness summons requiring production of the social care records of "
     "child C by 1 May.", None, {"third-party"}),
    ("court-order", "The court has ordered the local authority to disclose its files on the Smith children.",
     None, {"third-party"}),
    ("guardian", "I am the Children's Guardian (Cafcass) for the children in case ZW24C00123 and wish to "
     "examine your records under section 42 of the Children Act 1989.", None, {"third-party"}),
    ("guardian-type", "Could I please have copies of the chronology and the last three LAC reviews?",
     "childrens_guardian", {"third-party"}),
    ("ofsted", "As part of the ILACS inspection next week, inspectors will need access to case records "
     "for the children in the attached sample.", None, {"third-party"}),
    ("coroner", "I am the coroner's officer for the Senior Coroner for Westshire. Please provide records "
     "relating to the late J. Doe ahead of the inquest.", None, {"third-party"}),
    ("lgsco", "We are investigating Mrs B's complaint. Under section 29 of the Local Government Act 1974 "
     "the Ombudsman requires copies of the case notes.", None, {"third-party"}),
    ("safeguarding", "On behalf of the Westshire Safeguarding Children Partnership we are conducting a rapid "
     "review and request the agency chronology.", None, {"third-party"}),
    ('third-party-01',
     "I'm writing from Northshire Constabulary's Public Protection Unit regarding a child "
     'neglect investigation. Please provide the chronology for the Baker children.',
     None, {"third-party"}),
    ('third-party-02',
     'Good afternoon, this is PS Turner from the Met Child Abuse Investigation Team. We are '
     'investigating allegations against a foster carer and request copies of the foster '
     "carer's assessment.",
     None, {"third-party"}),
    ('third-party-03',
     'Data protection request from Kent Police under DPA 2018 Sch 2 Part 1 Para 2 - please '
     'provide contact details for the subject.',
     None, {"third-party"}),
    ('third-party-04',
     'Order attached: District Judge Evans has directed the local authority to file and '
     'serve the social work chronology by 4pm Friday.',
     None, {"third-party"}),
    ('third-party-05',
     "Hi, I'm the guardian for the Jones siblings in the ongoing care proceedings, could I "
     'come in and look at the files on Tuesday?',
     None, {"third-party"}),
    ('third-party-06',
     'Ofsted: ahead of the focused visit, please upload the following case files to the '
     'portal.',
     None, {"third-party"}),
    ('third-party-07',
     "I'm the DSL at Brookfield Primary. One of our pupils disclosed something worrying "
     'today. Can you tell me if the family is known to social care?',
     None, {"third-party"}),
    ('third-party-08',
     'From: DS Kaur, Child Abuse Investigation Unit, Westshire Police. We are investigating '
     "historic abuse at a children's home. Please provide records of residents 1980-1990.",
     None, {"third-party"}),
    ('third-party-09',
     'Further to the order of HHJ Patel dated 3 June, the local authority is required to '
     'disclose the complete social work file to the parties.',
     None, {"third-party"}),
    ('third-party-10',
     "Good morning, I have been appointed as Children's Guardian for baby M. Please can I "
     "arrange to view the local authority's files.",
     None, {"third-party"}),
    ('third-party-11',
     'This is a request from Ofsted under section 140 of the Education and Inspections Act '
     '2006 for copies of the following case records.',
     None, {"third-party"}),
    ('third-party-12',
     'The Senior Coroner requires copies of social care records relating to the deceased, '
     'Daniel Watts, for the inquest on 14 July.',
     None, {"third-party"}),
    ('third-party-13',
     'Please provide records about the child.',
     'court', {"third-party"}),
    ('third-party-14',
     'LGSCO case 23 004 567: we are investigating a complaint from Mr X about your '
     "children's services. Please send his case records and your complaint file.",
     None, {"third-party"}),
    ('third-party-15',
     'Schedule 2 request - Op Larch. Westshire Police require the current address held for '
     'Mr Paul Dean (dob 1/1/1980) in connection with a serious assault.',
     None, {"third-party"}),
    ('third-party-16',
     'Please accept this letter as a formal request from the police for disclosure of '
     'records relating to the Taylor children, in connection with a criminal investigation.',
     None, {"third-party"}),
    ('third-party-17',
     'WITNESS SUMMONS. You are required to attend the Crown Court and bring the social care '
     'file for child K.',
     None, {"third-party"}),
    ('third-party-18',
     "As the children's guardian in these proceedings I would like to read the LA's files "
     'for the three children at your offices next Tuesday.',
     None, {"third-party"}),
    ('third-party-19',
     "Ofsted inspectors require access to the following children's case files during the "
     "inspection of local authority children's services.",
     None, {"third-party"}),
    ('third-party-20',
     'Please provide the documents requested.',
     'regulator', {"third-party"}),
    ('third-party-21',
     'Police disclosure request: PC 2271 Evans, Westshire Constabulary. Please disclose '
     "whether Ms Karen Bell is known to children's services.",
     None, {"third-party"}),
    ('third-party-22',
     'Under the direction of the family court (order attached) please provide the full '
     'social care records for the Lewis children to all parties by 12 May.',
     None, {"third-party"}),
    ('third-party-23',
     "I'm a Cafcass family court adviser working on a section 7 report for the Brown "
     "children and need to see the local authority's records.",
     None, {"third-party"}),
    ('third-party-24',
     'Dear Sir, I am HMI for Ofsted leading the ILACS inspection. Please make the case '
     'files listed below available on Monday.',
     None, {"third-party"}),
    ('third-party-25',
     'DS Carter, Major Crime. We need all records held on the Walsh family, urgently, re a '
     'murder investigation.',
     None, {"third-party"}),
    ('third-party-26',
     'The Crown Court has made a third party disclosure order for the social care records '
     'of the complainant. Copy attached.',
     None, {"third-party"}),
    ('third-party-27',
     "I am the Children's Guardian. Under s.42 Children Act 1989 I am entitled to examine "
     'your records on the child.',
     None, {"third-party"}),
    ('third-party-28',
     'Please provide the information set out in the schedule.',
     'childrens_guardian', {"third-party"}),
    ('third-party-29',
     'We are writing on behalf of HM Senior Coroner for Westshire in relation to the '
     'inquest touching the death of Jamie Fox.',
     None, {"third-party"}),
    ('third-party-30',
     'The Local Government and Social Care Ombudsman is investigating a complaint and '
     'requires the following documents.',
     None, {"third-party"}),
    ('third-party-31',
     'Request for information to assist a police investigation into the sexual exploitation '
     'of children in Westtown. Please provide details of any referrals about the named '
     'suspect.',
     None, {"third-party"}),
    ('third-party-32',
     "Please treat this as a request from the court: the judge requires the LA's complete "
     'file on the child to be filed by Friday.',
     None, {"third-party"}),
    ('third-party-33',
     'I am the designated nurse for safeguarding at the ICB and, as one of the safeguarding '
     'partners, request information for the rapid review into baby L.',
     None, {"third-party"}),
    ('third-party-34',
     "Information Commissioner's Office here - we are investigating a complaint from Ms Y "
     'about her subject access request and need copies of your correspondence with her.',
     None, {"third-party"}),
    ('third-party-35',
     "I'm from Westshire Police's MASH. Please share what you have on the Carter children "
     "following last night's incident.",
     None, {"third-party"}),
    ('third-party-36',
     'Attached is a production order under PACE Schedule 1 for the social care records of '
     'Ms Dunn.',
     None, {"third-party"}),
    ('third-party-37',
     "Cafcass officer here - I've been asked by the court to prepare a section 7 report "
     'about the Patel children. Please send your records.',
     None, {"third-party"}),
    ('third-party-38',
     'Kent Police are conducting enquiries into a missing child and request any information '
     "held about the child's known associates.",
     None, {"third-party"}),
    ('third-party-39',
     'Please find enclosed an order of the Family Court dated 1 March requiring the local '
     'authority to disclose the social work records to the police.',
     None, {"third-party"}),
    ('third-party-40',
     "I'm a Cafcass guardian. Can you send me the case file for baby R ahead of the hearing?",
     None, {"third-party"}),
    ('third-party-41',
     'Ofsted have requested access to the files of the children in the attached list as '
     'part of the monitoring visit.',
     None, {"third-party"}),
    ('third-party-42',
     'On behalf of the coroner, please provide the social care records of the deceased '
     'child.',
     None, {"third-party"}),
    ('third-party-43',
     'This is DC Lane from the Public Protection Unit, ref CR/2231/25. We require any '
     'information regarding injuries to the child M. Harper.',
     None, {"third-party"}),
    ('third-party-44',
     "We write on behalf of the Children's Guardian to request copies of the parenting "
     'assessments.',
     None, {"third-party"}),
    ('third-party-45',
     'The Ombudsman has asked us to provide the complaint file - is this an FOI?',
     None, {"third-party"}),
    ('third-party-46',
     "Detective Sergeant Alan Moss, Westshire Police - we're investigating a child neglect "
     'allegation and need the CP records for the Holt children.',
     None, {"third-party"}),
    ('third-party-47',
     "HM Coroner's office: please send the records of the child who died on 3 March for the "
     'pre-inquest review.',
     None, {"third-party"}),
    ('third-party-48',
     "We are the Ombudsman investigating Ms K's complaint about delays in a child in need "
     'assessment. Please provide the case records.',
     None, {"third-party"}),
    ('third-party-49',
     'As a safeguarding partner, Westshire ICB requests information to inform a child '
     'safeguarding practice review.',
     None, {"third-party"}),
    ('third-party-50',
     'Ofsted inspection team: please provide the list of children on child protection plans '
     'with their social workers.',
     None, {"third-party"}),
    ('third-party-51',
     "Court-appointed children's guardian requesting sight of the LA files on the two "
     'children under s.42.',
     None, {"third-party"}),
    ('third-party-52',
     'PC 553 Ward, Northshire Police, requests under Schedule 2 any records of contact '
     'between your department and Mr Lee Hart.',
     None, {"third-party"}),
    ('third-party-53',
     'This firm has been served with a witness summons for your social care file on J. '
     'Smith; please produce the records to the Crown Court.',
     None, {"third-party"}),
    ('third-party-54',
     "Hello, I'm the children's guardian for Poppy B (dob 1.2.2020) in care proceedings. "
     "Please send the LA's files.",
     None, {"third-party"}),
    ('third-party-55',
     'As part of our Ofsted ILACS inspection, please provide all case records relating to '
     'children subject to a child protection plan for over 18 months.',
     None, {"third-party"}),
    ('third-party-56',
     "I'm writing on behalf of Westshire Local Safeguarding Children Partnership, which is "
     "undertaking a child safeguarding practice review, and request your agency's records.",
     None, {"third-party"}),
    ('third-party-57',
     'Westshire Police, Op CEDAR: we are investigating the disappearance of a 14-year-old '
     'and request any information on her known associates.',
     None, {"third-party"}),
    ('third-party-58',
     'By order of HHJ Green, the local authority must disclose the records to the '
     "respondent's solicitors by 4pm on 2 May.",
     None, {"third-party"}),
    ('third-party-59',
     "Children's Guardian request under s42 CA 1989 - please make the files for the D "
     'children available.',
     None, {"third-party"}),
    ('third-party-60',
     'Ofsted: please provide your most recent self-evaluation and the list of children '
     'missing education, for the inspection starting Monday.',
     None, {"third-party"}),
    ('third-party-61',
     'LGSCO ref 24/123: please send your complaint file and the social care records for Ms '
     'T.',
     None, {"third-party"}),
    ('third-party-62',
     'Northshire Police - urgent request re missing child Ella Moore, 13, please advise of '
     'any known addresses or associates.',
     None, {"third-party"}),
    ('third-party-63',
     'Please find attached a court order dated 12/5 directing the disclosure of the '
     "children's social care records to the parties.",
     None, {"third-party"}),
    ('third-party-64',
     'Cafcass here - could you please send the chronology for the K children ahead of '
     "Friday's hearing?",
     None, {"third-party"}),
    ('third-party-65',
     "The coroner has requested copies of all records relating to the child's death.",
     None, {"third-party"}),
    ('third-party-66',
     'Please provide a copy of the complaint file and records for the complainant.',
     'regulator', {"third-party"}),
    ('third-party-67',
     'Please send the records listed in the attached order.',
     'court', {"third-party"}),
    ('third-party-68',
     "Please supply your records concerning the suspect's contact with the children.",
     'police', {"third-party"}),
    ('third-party-69',
     'The Senior Coroner for Westshire has opened an inquest into the death of a 2 year old '
     "and requires the council's records by 1 June.",
     None, {"third-party"}),
]


@pytest.mark.parametrize("text,requester_type,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_regimes(text: str, requester_type: str | None, expected: set[str]) -> None:
    result = triage(text, requester_type)
    assert set(result.regimes) == expected, result.to_dict()
