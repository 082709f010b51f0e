"""Table-driven triage rows: T-2: environmental information (EIR reg 2(1)).

Each row is a request in a requester's own words and the exact SET of regimes it must be routed to.
Moved unchanged from the former tests/sar/test_triage.py.
"""

from __future__ import annotations

import pytest

from triage import triage

# (id, text, requester_type, expected regimes)
ROWS = [
    ("t2-air", "Please provide air quality monitoring results for the area around Hillside Primary.",
     None, {"eir"}),
    ("t2-asbestos", "Has an asbestos survey been carried out at the Maple Lodge children's home? Please send "
     "a copy.", None, {"eir"}),
    ("t2-noise", "what noise complaints have u had about the new residential unit on Park Rd", None, {"eir"}),
    ("t2-planning", "Please send the planning application documents for the proposed children's home on "
     "Station Lane.", None, {"eir"}),
    ("t2-energy", "How much energy did your children's homes use last year, and what is their carbon "
     "footprint?", None, {"eir"}),
    ("t2-contaminated", "Is the land behind Oakfield family centre on the contaminated land register?",
     None, {"eir"}),
    ("t2-flood", "I'd like the flood risk assessment for the new respite centre.", None, {"eir"}),
    ("t2-traffic", "Please send details of the traffic calming measures planned outside St Mary's school.",
     None, {"eir"}),
    ('eir-01',
     "please can I have the info about the mobile phone mast next to the children's centre",
     None, {"eir"}),
    ('eir-02',
     'Under EIR please provide the results of any radon testing at council-run nurseries.',
     None, {"eir"}),
    ('eir-03',
     'Request for information: sewage leak at Fernhill residential home - all reports and '
     'correspondence.',
     None, {"eir"}),
    ('eir-04',
     "Can you send me details about the council's plans to build a new children's home on "
     'the playing field at Long Lane?',
     None, {"eir"}),
    ('eir-reconsideration-01',
     'Please carry out a review of the decision to refuse my EIR request about the flood '
     'alleviation scheme.',
     None, {"eir-reconsideration"}),
    ('eir-reconsideration-02',
     'I request a reconsideration under the EIR of your decision to withhold the '
     'contaminated land report for Pit Lane.',
     None, {"eir-reconsideration"}),
    ('eir-05',
     "What are the energy ratings (EPC) of your children's homes and are there plans to "
     'install solar panels?',
     None, {"eir"}),
    ('eir-06',
     'Please send all information regarding the damp problems and mould at the Elms '
     'residential unit.',
     None, {"eir"}),
    ('eir-07',
     "Under FOIA please provide the noise impact assessment for the new secure children's "
     'home and the cost of the building project.',
     None, {"eir"}),
    ('eir-08',
     'Can you tell me what the air is like around my sons school, there are lorries idling '
     'all day',
     None, {"eir"}),
    ('eir-09',
     'Please provide any reports on the contamination found during the building of the new '
     'family hub.',
     None, {"eir"}),
    ('eir-reconsideration-03',
     'I am making representations about your response to my request for flood risk data for '
     "the Riverside children's centre.",
     None, {"eir-reconsideration"}),
    ('eir-10',
     'Please send copies of all emails between officers about the proposal to sell the '
     'Green Lane playing field.',
     None, {"eir"}),
    ('eir-11',
     'we want to know what the council is doing about the sewage smell coming from the '
     'drain by the nursery',
     None, {"eir"}),
    ('eir-12',
     'Please provide a copy of any risk assessment relating to the pollution from the '
     "incinerator near Birchwood children's home.",
     None, {"eir"}),
    ('eir-cost-of-measure',
     "I'd like to know the air quality and noise levels at the site of the proposed new "
     "school, and what the council's budget is for it.",
     None, {"eir"}),
    ('eir-14',
     "Please provide details of any pesticide spraying in the grounds of council children's "
     'homes this year.',
     None, {"eir"}),
    ('eir-reconsideration-04',
     "Your EIR response on the flood defence works at the children's centre didn't include "
     "the costs. I'd like you to reconsider.",
     None, {"eir-reconsideration"}),
    ('eir-15',
     "Does the council monitor emissions from the boiler at Ashby House children's home? "
     'Please send the results.',
     None, {"eir"}),
    ('eir-16',
     'I am a parent of a child at Hill Top school. Please send me the traffic survey and '
     'air quality results for the school run.',
     None, {"eir"}),
    ('eir-17',
     'Please provide all documentation relating to the proposed demolition of the old '
     "children's home on Canal Street.",
     None, {"eir"}),
    ('eir-18',
     'Could you please provide the report from the 2022 environmental health inspection of '
     'the kitchen at Larch House?',
     None, {"eir"}),
    ('eir-reconsideration-05',
     'Please review your EIR decision on the Japanese knotweed survey at the family centre.',
     None, {"eir-reconsideration"}),
    ('eir-19',
     'Could you please send me the information you hold about the playground resurfacing at '
     "the Hazel Road children's centre, including any lead testing?",
     None, {"eir"}),
    ('eir-reconsideration-06',
     'I would like the council to reconsider its EIR refusal of my request for the '
     'pollution monitoring data.',
     None, {"eir-reconsideration"}),
    ('eir-20',
     'Please provide the noise complaint records for the adolescent unit at 5 Beech Road.',
     None, {"eir"}),
    ('eir-21',
     'noise readings school',
     None, {"eir"}),
    ('eir-22',
     'Hello, could you tell me whether there is any contamination in the soil at the new '
     'adventure playground next to the family centre, and how much the council paid for it?',
     None, {"eir"}),
    ('eir-reconsideration-07',
     "I'm challenging your refusal of my EIR request about the land contamination at "
     'Hawthorn Farm and ask for reconsideration.',
     None, {"eir-reconsideration"}),
    ('eir-23',
     "What is the council doing to reduce air pollution outside children's centres?",
     None, {"eir"}),
    ('eir-24',
     "Can the council tell me if it has tested the water supply at Hillcrest children's "
     'home for legionella?',
     None, {"eir"}),
    ('eir-25',
     'please can you tell me what planning permission the new childrens home on Mill Lane '
     'has got',
     None, {"eir"}),
    ('eir-reconsideration-08',
     'Further to your reply under the Environmental Information Regulations about the '
     'fly-tipping near the family centre, please carry out an internal review.',
     None, {"eir-reconsideration"}),
    ('eir-26',
     "Please tell me about any flooding incidents at council children's homes since 2020 "
     'and the cost of repairs.',
     None, {"eir"}),
    ('eir-reconsideration-09',
     'Regulation 11 representations: your response to my request for the odour complaints '
     "about the waste site next to the children's centre was incomplete.",
     None, {"eir-reconsideration"}),
    ('eir-27',
     "Please can I have the results of the air monitoring done outside my children's nursery",
     None, {"eir"}),
    ('eir-28',
     'Please can you tell me what plans the council has for the derelict land next to '
     "Woodside children's home.",
     None, {"eir"}),
    ('eir-reconsideration-10',
     'I do not accept your EIR response regarding the asbestos at the contact centre and '
     'request that it is reconsidered.',
     None, {"eir-reconsideration"}),
    ('eir-29',
     'Can you tell me the air quality near Ash Grove school?',
     'member_of_public', {"eir"}),
    ('eir-30',
     'wot r u doing about the smoke from the bonfires at the back of the kids home',
     None, {"eir"}),
    ('eir-31',
     "Please provide any records held on the council's systems about my neighbour's dog "
     'fouling the playground.',
     None, {"eir"}),
    ('eir-32',
     "Please confirm whether the land at Brook Farm, proposed for the new children's home, "
     'has been tested for contamination.',
     None, {"eir"}),
]


@pytest.mark.parametrize("text,requester_type,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_regimes(text: str, requester_type: str | None, expected: set[str]) -> None:
    result = triage(text, requester_type)
    assert set(result.regimes) == expected, result.to_dict()
