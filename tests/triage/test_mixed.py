"""Table-driven triage rows: T-2 mixed requests: one request split into parts under different regimes.

Each row is a request in a requester's own words and the exact SET of regimes it must be routed to.
Moved unchanged from the former tests/sar/test_triage.py.
"""

from __future__ import annotations

import pytest

from triage import triage

# (id, text, requester_type, expected regimes)
ROWS = [
    ("mix-sar-foi", "Please send me my file and your policy on closing cases.", None, {"sar", "foi"}),
    ("mix-sar-eir", "I want my records, plus the air quality monitoring data near Greenway school.", None,
     {"sar", "eir"}),
    ("mix-sar-foi-sentences", "I would like a copy of my social care records. Also, could you tell me how "
     "many social workers are in the Leaving Care team?", None, {"sar", "foi"}),
    ("mix-three", "Three things please: my own case file; the council's complaints procedure; and the "
     "asbestos report for the contact centre on Hill St.", None, {"sar", "foi", "eir"}),
    ("mix-foi-eir", "Please tell me how much you spent on residential placements last year and send the "
     "latest noise survey for Beech House.", None, {"foi", "eir"}),
    ("mix-sar-rect", "Send me a copy of my file please, and correct the wrong date of birth on it.", None,
     {"sar", "rectification"}),
    ("mix-sar-erase", "I want to see everything you hold about me and then I want it all deleted.", None,
     {"sar", "erasure"}),
    ("mix-parent-foi", "Could you send me my son's social care records as well as the council's policy on "
     "parental contact?", None, {"sar", "foi"}),
    ("mix-lines", "Hello,\n1. A copy of my file\n2. Your retention schedule for children's records\n"
     "Thanks", None, {"sar", "foi"}),
    ('foi+sar-01',
     "Please send the council's data retention policy, and also tell me if you hold "
     'anything on me.',
     None, {"foi", "sar"}),
    ('foi+sar-02',
     'Phone msg from Mrs Ali: wants copy of her file + wants to know how many social '
     'workers her area team has.',
     None, {"foi", "sar"}),
    ('foi+sar-03',
     "Hi there - two requests. First, I'd like my records from when I was on a child "
     "protection plan. Second, please send me the council's policy on recording "
     'disagreements in case files.',
     None, {"foi", "sar"}),
    ('eir+sar-01',
     "I'd like copies of any documents about me AND the latest air pollution readings from "
     'the monitor on Mill Road.',
     None, {"eir", "sar"}),
    ('eir+foi+sar-01',
     "Can you send me: my son's file, your policy on sibling contact, and any asbestos "
     'surveys for the Willows family centre?',
     None, {"eir", "foi", "sar"}),
    ('foi+sar-04',
     'hi its jade, i was in care with u till 2016. can i have my stuff from social services '
     'pls. also how many social workers do u have',
     None, {"foi", "sar"}),
    ('restriction+sar-01',
     "Could I have a copy of my daughter's file and also please stop sharing her "
     'information with her father until the court hearing?',
     None, {"restriction", "sar"}),
    ('foi+sar-05',
     'I want everything you have on me, and I want to know how much the council spent on '
     'the consultants who reviewed my case.',
     None, {"foi", "sar"}),
    ('foi+sar-06',
     'Please can you send me everything the council has on me from my time in foster care, '
     'and a copy of the foster carer handbook you used at the time.',
     None, {"foi", "sar"}),
    ('erasure+foi-01',
     'Please send me your policy on data retention and also delete my old records.',
     None, {"erasure", "foi"}),
    ('foi+sar-07',
     'Can I please have (a) my own social care file, (b) the complaints I made in 2019 and '
     'the responses, and (c) the number of complaints the department received in 2019?',
     None, {"foi", "sar"}),
    ('foi+sar-08',
     "I'd like to request a copy of my records and a copy of my brother's records, we were "
     'in care together.',
     None, {"foi", "sar"}),
    ('eir+foi+sar-02',
     '1) my social care records 2) the number of care leavers in university 3) any asbestos '
     'reports for Hope House',
     None, {"eir", "foi", "sar"}),
    ('eir+foi+sar-03',
     "Please send me copies of my records. Also, what is the council's policy on destroying "
     'old case files? And can you tell me the carbon emissions of your vehicle fleet?',
     None, {"eir", "foi", "sar"}),
    ('foi+sar-09',
     "Hi,\nI'd like my own records please.\nAlso please send me the council's policy on "
     'kinship care allowances.\nThanks',
     None, {"foi", "sar"}),
    ('eir+foi+sar-04',
     'Please send me my file. In addition, please provide the noise assessment for the new '
     "build next to the children's centre, and the number of children currently on child "
     'protection plans.',
     None, {"eir", "foi", "sar"}),
    ('rectification+sar-01',
     "I want my son's file and also want you to correct his date of birth which is wrong.",
     None, {"rectification", "sar"}),
    ('erasure+sar-01',
     'Could you let me have my records and also delete the photos of me you hold?',
     None, {"erasure", "sar"}),
    ('foi+sar-10',
     'Can you tell me how many times the fire alarm has gone off at Elm House, and send me '
     'my records from when I lived there?',
     None, {"foi", "sar"}),
    ('foi+sar-11',
     "Please send: a) the council's policy on staying put; b) the staying put allowance "
     'rates; c) my own pathway plan.',
     None, {"foi", "sar"}),
    ('eir+foi+sar-05',
     'I want my file, the air quality data for Sunnyside Road, and to know how much you '
     'spent on agency staff.',
     None, {"eir", "foi", "sar"}),
    ('eir+sar-02',
     'Can I have a copy of my records and the records about my kids, and also the air '
     'pollution data for our estate?',
     None, {"eir", "sar"}),
    ('foi+sar-12',
     'Please send me the number of children in care and my own records.',
     None, {"foi", "sar"}),
    ('eir+sar-03',
     'Please confirm if the council has carried out radon tests at Oak House, and send me a '
     'copy of my file from when I lived there.',
     None, {"eir", "sar"}),
    ('foi+sar-13',
     'Hi I hope this is the right place. Back in 2010 my children were put on a child '
     "protection plan and then it was closed. I've always wanted to know what was actually "
     "said at the conferences because nobody explained it to me at the time. I'm also "
     "wondering what the council's rules are on how long they keep these records. Thanks "
     'for your help.',
     None, {"foi", "sar"}),
    ('objection+sar-01',
     "I'd like copies of my data and I want you to stop sending it to the DWP.",
     None, {"objection", "sar"}),
    ('eir+foi-01',
     "Please confirm the council's carbon reduction targets for its children's homes estate "
     'and the spend on agency foster carers.',
     None, {"eir", "foi"}),
    ('foi+sar-14',
     "I want to know what the social worker said about me to my son's school, and I want a "
     "copy of the school's safeguarding policy.",
     None, {"foi", "sar"}),
    ('foi+sar-15',
     'Please provide statistics on the number of children missing from education, and a '
     "copy of my son's file.",
     None, {"foi", "sar"}),
    ('foi+sar-16',
     'Please could you send (i) my records from the fostering team and (ii) details of the '
     "council's mileage rates for foster carers.",
     None, {"foi", "sar"}),
    ('eir+foi+sar-06',
     'First - my file. Second - the flood risk report for the Meadows site. Third - your '
     'staff training budget.',
     None, {"eir", "foi", "sar"}),
    ('foi+sar-17',
     "I want: my daughter's records / the council's sibling contact policy",
     None, {"foi", "sar"}),
    ('eir+sar-04',
     "Send my son's records to me, and send the noise monitoring data for the new road to "
     'me too.',
     None, {"eir", "sar"}),
    ('eir+foi-02',
     'Please could you provide information on how many looked after children have been '
     "placed out of county, together with the asbestos management plan for your children's "
     'homes.',
     None, {"eir", "foi"}),
    ('rectification+sar-02',
     "I want to know what information you have on me; I'd also like to correct my address.",
     None, {"rectification", "sar"}),
    ('restriction+sar-02',
     "I'd like you to stop processing my data until my complaint is investigated, and I "
     'want a copy of my file.',
     None, {"restriction", "sar"}),
    ('foi+sar-18',
     'Could you send me what you have about me from the leaving care team? Also how many '
     'PAs does the team have?',
     None, {"foi", "sar"}),
    ('eir+foi+sar-07',
     'please send my file also the councils policy on contact AND the air quality '
     'monitoring near the school',
     None, {"eir", "foi", "sar"}),
    ('foi+sar-19',
     'Copy of my records pls + how much does the council spend on taxis for children in care',
     None, {"foi", "sar"}),
    ('eir+sar-05',
     "I'd like to know the energy consumption of your children's homes and my own care "
     'records from 1995.',
     None, {"eir", "sar"}),
    ('foi+sar-20',
     "I'd like my file and the file of my sister Claire who died last year.",
     None, {"foi", "sar"}),
    ('foi+sar-21',
     "I'm after the fostering allowance rates and my own assessment as a foster carer.",
     None, {"foi", "sar"}),
    ('eir+foi-03',
     'can u send the data on the traffic near the school and the number of kids in care in '
     'the borough',
     None, {"eir", "foi"}),
    ('foi+sar-22',
     'Please send me the policy you used to decide to remove my children, and their files.',
     None, {"foi", "sar"}),
    ('eir+sar-06',
     'I would like all records about me and information about the land contamination survey '
     'at the school I attended.',
     None, {"eir", "sar"}),
    ('eir+foi+sar-08',
     'Please send my file, the 2024 Ofsted report and the results of the noise survey at '
     'the Beacon Centre.',
     None, {"eir", "foi", "sar"}),
    ('eir+foi+sar-09',
     "Can you send me my son's records and your policy on contact with grandparents and the "
     'energy certificates for the family hub?',
     None, {"eir", "foi", "sar"}),
    ('foi+sar-23',
     "Please send Ruby's file and a copy of your contact policy.",
     'parent', {"foi", "sar"}),
    ('eir+sar-07',
     "I'd like to see my case file, and the noise survey for the estate where I live.",
     'data_subject', {"eir", "sar"}),
    ('eir+foi-04',
     'Could you supply the number of Section 47 enquiries in 2024 broken down by outcome, '
     'and the noise levels recorded at the Hub?',
     None, {"eir", "foi"}),
    ('rectification+sar-03',
     'I would like to see the paperwork from when my children were taken into care, and I '
     'want the lies about me removed.',
     None, {"rectification", "sar"}),
    ('foi+sar-24',
     'Can you please tell me how many social workers have caseloads over 25 and send me my '
     'file?',
     None, {"foi", "sar"}),
]


@pytest.mark.parametrize("text,requester_type,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_regimes(text: str, requester_type: str | None, expected: set[str]) -> None:
    result = triage(text, requester_type)
    assert set(result.regimes) == expected, result.to_dict()
