"""Table-driven triage rows: T-3, general information held by the council (FOIA), incl. s.40(2) asks.

Each row is a request in a requester's own words and the exact SET of regimes it must be routed to.
Moved unchanged from the former tests/sar/test_triage.py.
"""

from __future__ import annotations

import pytest

from triage import triage

# (id, text, requester_type, expected regimes)
ROWS = [
    ("t3-stats", "How many children were placed in unregulated accommodation in each of the last three "
     "years?", None, {"foi"}),
    ("t3-spend", "Please tell me the total spent on agency social workers in 2024/25.", None, {"foi"}),
    ("t3-policy", "Could you send me your policy on family time (contact) for looked after children?",
     None, {"foi"}),
    ("t3-contracts", "FOI request: copies of contracts with independent fostering agencies.", None, {"foi"}),
    ("t3-minutes", "Please provide the minutes of the last corporate parenting panel.", None, {"foi"}),
    ("t3-who", "Who is the current Director of Children's Services?", None, {"foi"}),
    ("t3-negated", "This is not a request for my own data. I want to know how many complaints children's "
     "services received last year.", None, {"foi"}),
    ("t3-not-personal", "I'm not asking for anyone's personal information, just the number of social workers "
     "you employ.", "member_of_public", {"foi"}),
    ('foi-01',
     'Could you please let me know the number of children subject to a child protection '
     'plan as at 31 March 2024, broken down by category of abuse?',
     None, {"foi"}),
    ('foi-02',
     "Dear FOI team, I'm researching care leavers' outcomes. How many care leavers aged "
     '19-21 were in education, employment or training last year?',
     None, {"foi"}),
    ('foi-03',
     'I am a foster carer. Please send me your fostering allowances and the policy on '
     'holiday pay.',
     None, {"foi"}),
    ('foi-04',
     'Please provide the total number of Section 20 placements and the average duration, '
     'for 2021-2024.',
     None, {"foi"}),
    ('foi-05',
     'How many times has the council been fined or reprimanded by the ICO?',
     None, {"foi"}),
    ('foi-06',
     'I run a local newspaper. What was the cost of the inquiry into the Harlow Road '
     "children's home abuse?",
     None, {"foi"}),
    ('foi-07',
     'Please provide a copy of your Ofsted action plan and the number of agency staff.',
     None, {"foi"}),
    ('foi-08',
     'Please could you provide your spend on taxis for looked after children for 2023',
     None, {"foi"}),
    ('foi-09',
     "This is an FOI. Please provide the number of children's homes in the county and how "
     'many are rated inadequate.',
     None, {"foi"}),
    ('foi-10',
     "I'm doing a dissertation. Can you provide anonymised data on reasons children enter "
     'care?',
     None, {"foi"}),
    ('foi-11',
     'please send me a breakdown of your spending on legal fees for care proceedings',
     None, {"foi"}),
    ('foi-12',
     "I'm a councillor; can you send me the number of children missing from care last month?",
     None, {"foi"}),
    ('foi-internal-review-01',
     "I'm unhappy with the answer to my freedom of information request about foster carer "
     'allowances and want it looked at again.',
     None, {"foi-internal-review"}),
    ('foi-13',
     "My brother passed away in 2022 aged 17. He was in your care. I'd like to know what "
     'happened and see his records.',
     None, {"foi"}),
    ('foi-14',
     "Please send me my late grandmother's records from when she fostered children in the "
     '1970s',
     None, {"foi"}),
    ('foi-15',
     'Dear Sir or Madam\nPlease supply under FOIA: (1) the number of children in care on 31 '
     'March 2025; (2) the number placed more than 20 miles from home; (3) the annual budget '
     'for the virtual school.\nRegards',
     None, {"foi"}),
    ('foi-16',
     'We are an investigative journalism bureau. Please provide the number of deaths of '
     'looked after children in each year 2019-2024.',
     'journalist', {"foi"}),
    ('foi-17',
     "Could you let me see the file you have on my neighbour's children? I reported them "
     'months ago and nothing has happened.',
     None, {"foi"}),
    ('foi-18',
     'My dad died in prison last year. I want to know what social services knew about him '
     'when I was a kid and see his file.',
     None, {"foi"}),
    ('foi-internal-review-02',
     'Ref FOI/2025/0412 - I am dissatisfied with your refusal under section 40(2) and ask '
     'that it is reviewed.',
     None, {"foi-internal-review"}),
    ('foi-19',
     "How much has the council paid to private children's home providers in 2024, and which "
     'providers?',
     None, {"foi"}),
    ('foi-20',
     'Please could you advise what your policy is on supervising contact between parents '
     'and children in care',
     None, {"foi"}),
    ('foi-21',
     "I don't want my own records, I want the council's guidance for social workers on "
     'writing case notes.',
     None, {"foi"}),
    ('foi-22',
     "Please send the full list of contracts over £25,000 awarded by children's services "
     'this year.',
     None, {"foi"}),
    ('foi-23',
     "How many FOI requests did children's services receive last year and how many were "
     'answered late?',
     None, {"foi"}),
    ('foi-24',
     'i want to know how many kids in care in this council went missing last year',
     None, {"foi"}),
    ('foi-25',
     "Hello. I'm a freelance journalist. Can you tell me whether the council held a serious "
     'case review into the death of Ayesha Khan (d. 2021) and send me the report?',
     None, {"foi"}),
    ('foi-26',
     'My neighbour is a foster carer and I think the children are being neglected. Can you '
     'tell me what checks were done on her?',
     None, {"foi"}),
    ('foi-27',
     'My wife died in 2023. I would like her records from when she was in care as a child, '
     'for our children.',
     None, {"foi"}),
    ('foi-internal-review-03',
     "I asked for your figures on agency spend and you refused it as too costly. I'd like "
     'that decision reviewed please.',
     None, {"foi-internal-review"}),
    ('foi-28',
     'Could you provide the number of children adopted from care and the average time from '
     'entering care to adoption?',
     None, {"foi"}),
    ('foi-29',
     "Please send me the council's budget for children's services for 2025/26 and the "
     'minutes where it was agreed.',
     None, {"foi"}),
    ('foi-30',
     "We are foster carers. We would like the council's fostering allowance rates and the "
     'policy on respite.',
     None, {"foi"}),
    ('foi-31',
     "Enquiry from a member of the public asking how many children's homes the council runs.",
     None, {"foi"}),
    ('foi-32',
     'I am a student social worker writing my dissertation, please send anonymised '
     'statistics on child protection plans by ethnicity.',
     None, {"foi"}),
    ('foi-33',
     "Are there any plans to close the Oak Tree children's centre? If so please send the "
     'consultation documents.',
     None, {"foi"}),
    ('foi-34',
     'Please let me know how many social workers have left in the past year and your plans '
     'to reduce agency use.',
     None, {"foi"}),
    ('foi-35',
     "Can you tell me how many children's social workers are employed on permanent "
     'contracts versus agency contracts?',
     None, {"foi"}),
    ('foi-36',
     'Request under the Freedom of Information Act: how many secure accommodation orders '
     'did the council apply for in 2023 and 2024?',
     None, {"foi"}),
    ('foi-37',
     "Hello, I'm from the Daily Echo. We understand a child died in foster care in "
     'Westshire last month. Please confirm the number of deaths of children in care since '
     '2020.',
     'journalist', {"foi"}),
    ('foi-38',
     "Can I see my dead brother's social care records? He died in 2019 at 16.",
     None, {"foi"}),
    ('foi-internal-review-04',
     "I'd like an internal review of FOI 5521. You didn't answer question 3 at all.",
     None, {"foi-internal-review"}),
    ('foi-39',
     'Please send me your policy on handling subject access requests.',
     None, {"foi"}),
    ('foi-40',
     "How many subject access requests did children's services receive in 2024, and how "
     'many were late?',
     None, {"foi"}),
    ('foi-41',
     "I want a list of all children's homes in the borough with their Ofsted ratings",
     None, {"foi"}),
    ('foi-42',
     'please send the ofsted report for your fostering service and the numbers of foster '
     'carers recruited last year',
     None, {"foi"}),
    ('foi-43',
     "Please provide copies of the emails between the director of children's services and "
     'the lead member about the budget overspend.',
     None, {"foi"}),
    ('foi-44',
     "I am requesting information about my late husband's involvement with social services "
     'as a child.',
     None, {"foi"}),
    ('foi-45',
     'This is my 7th request for the same information about agency staff costs. Answer it.',
     None, {"foi"}),
    ('foi-46',
     "I want to know how many children's homes failed their fire safety inspections",
     None, {"foi"}),
    ('foi-47',
     'What was the total cost to the council of the Independent Inquiry and who were the '
     'members of the panel?',
     None, {"foi"}),
    ('foi-48',
     "I am researching the history of children's homes in Westshire. Please could you send "
     "any records you hold about St Anne's Home for Girls, closed 1985.",
     None, {"foi"}),
    ('foi-49',
     "Please send me information about my father. He is alive but we don't speak. He was a "
     'social worker for you.',
     None, {"foi"}),
    ('foi-internal-review-05',
     'Re FOI 1187: I disagree with your decision to withhold the names of the providers and '
     'request an internal review.',
     None, {"foi-internal-review"}),
    ('foi-50',
     'how much do u pay foster carers per week and is it more for teenagers',
     None, {"foi"}),
    ('foi-51',
     'Please can you send a copy of the Local Offer and your SEND strategy',
     None, {"foi"}),
    ('foi-52',
     'Please give me the number of staff in the MASH team and the MASH operating protocol.',
     None, {"foi"}),
    ('foi-53',
     'How many complaints about the fostering service were upheld in 2024?',
     None, {"foi"}),
    ('foi-54',
     "Please provide copies of your contracts with Serco for the provision of children's "
     'residential homes, plus the contract value.',
     None, {"foi"}),
    ('foi-55',
     "Please send me the serious case review into my son's death in 2018 and all his social "
     'care records.',
     None, {"foi"}),
    ('foi-56',
     'Could I have the records of my deceased daughter please? She was known to your team '
     'before she passed.',
     None, {"foi"}),
    ('foi-57',
     "I'd like to know what happened in the case of the Jones family who live on my street "
     '- were the kids taken into care?',
     'member_of_public', {"foi"}),
    ('foi-internal-review+sar-01',
     'I want an internal review of your handling of my FOI request about foster placements, '
     'and I also want a copy of my own file.',
     None, {"foi-internal-review", "sar"}),
    ('foi-58',
     "Under the EIR please provide the council's total spending on children's homes in 2024.",
     None, {"foi"}),
    ('foi-59',
     'How many children in your care are placed in caravans or holiday lets?',
     None, {"foi"}),
    ('foi-60',
     "I'd like to see all the council's documents on the decision to close the Riverside "
     'short breaks unit.',
     None, {"foi"}),
    ('foi-61',
     'Please send the annual report of the Independent Reviewing Officer service for '
     '2023-24.',
     None, {"foi"}),
    ('foi-internal-review-06',
     'I wish to appeal against your decision to refuse my Freedom of Information request on '
     'grounds of cost.',
     None, {"foi-internal-review"}),
    ('foi-62',
     "Please provide the list of children's homes inspected by Ofsted in 2024 and their "
     'grades.',
     None, {"foi"}),
    ('foi-63',
     'Please send the number of unaccompanied asylum-seeking children you look after and '
     'the grant received from the Home Office.',
     None, {"foi"}),
    ('foi-64',
     'I asked last week and the week before. This is the third time. Please tell me how '
     "many children's homes you have.",
     None, {"foi"}),
    ('foi-65',
     'Please send all information held on my ex-wife including her social care history.',
     None, {"foi"}),
    ('foi-66',
     'What was the average caseload of a child protection social worker in March 2025?',
     None, {"foi"}),
    ('foi-67',
     "How many children were referred to children's social care by schools last year?",
     None, {"foi"}),
    ('foi-68',
     'Please provide me with any information relating to my late son Kieran, who died aged '
     '3 in 2016.',
     None, {"foi"}),
    ('foi-69',
     'My father, now deceased, was a foster carer for the council in the 1980s. I would '
     'like to see his foster carer file.',
     None, {"foi"}),
    ('foi-internal-review-07',
     'I am requesting an internal review of FOI-9981 because you failed to respond within '
     '20 working days.',
     None, {"foi-internal-review"}),
    ('foi-70',
     'Please send a copy of your whistleblowing policy and the number of whistleblowing '
     'reports in 2024.',
     None, {"foi"}),
    ('foi-71',
     "I'm a journalist with the Westshire Chronicle. Please send me the internal report "
     "into failures in the handling of the Smith children's case.",
     None, {"foi"}),
    ('foi-72',
     'Under FOI, please send all documents the council holds about Mr Robert Kane, the '
     "former head of the children's home.",
     None, {"foi"}),
    ('foi-73',
     'Dear FOI Officer, please provide the number of social work vacancies and the amount '
     'spent on recruitment advertising.',
     None, {"foi"}),
    ('foi-74',
     "Please could you provide me with the council's Children's Services Data Protection "
     'Impact Assessments.',
     None, {"foi"}),
    ('foi-75',
     'FOSTERING BUDGET 2025',
     None, {"foi"}),
    ('foi-76',
     'I am a member of the public. Please tell me whether the council investigated the Wood '
     'family of 3 Cherry Lane and what was found.',
     None, {"foi"}),
    ('foi-77',
     "Could you please tell me how many times you've used section 20 accommodation for "
     'under 1s?',
     None, {"foi"}),
    ('foi-78',
     'I am writing to you regarding my late sister who was in care in the 1960s, I am '
     'trying to find out what happened to her and would like to see her file.',
     None, {"foi"}),
    ('foi-internal-review-08',
     "Dear FOI team, I'm not satisfied with how you dealt with my request about children's "
     'home closures and would like it reviewed by someone senior.',
     None, {"foi-internal-review"}),
    ('foi-79',
     'Please send copies of all records you have concerning my late mother, Joan Fry, who '
     'died in 2020, including her adoption of me.',
     None, {"foi"}),
    ('foi-80',
     'I am a reporter. What records do you hold on the foster carer convicted last month?',
     'journalist', {"foi"}),
    ('foi-81',
     "My next door neighbour's baby is always crying. Do social services know about them? I "
     'want to see their file.',
     None, {"foi"}),
    ('foi-82',
     'please send your complaints procedure',
     None, {"foi"}),
    ('foi-83',
     'Requesting minutes of all Fostering Panel meetings in 2024 (redacted as necessary).',
     None, {"foi"}),
    ('foi-84',
     "Please tell me the names and salaries of all Heads of Service in Children's Services.",
     None, {"foi"}),
    ('foi-85',
     'how many social workers quit in 2024 and how much did the council spend on exit '
     'packages',
     None, {"foi"}),
    ('foi-internal-review-09',
     "I'm asking for an internal review of the council's decision not to release the agency "
     'staffing figures.',
     None, {"foi-internal-review"}),
    ('foi-86',
     'Please tell me how many children died while in your care in 2023, 2024 and 2025.',
     None, {"foi"}),
    ('foi-87',
     "I'm a writer researching the 1970s scandal at Oakwood Children's Home. Please send "
     "the council's records about the home and its staff.",
     None, {"foi"}),
    ('foi-88',
     'I want to see the social services file on my ex so I can use it in court.',
     None, {"foi"}),
    ('foi-89',
     'My brother died in care in 1989. I want his file.',
     None, {"foi"}),
    ('foi-90',
     "What is the council's annual spend on special guardianship allowances?",
     None, {"foi"}),
    ('foi-internal-review-10',
     'I asked for your fostering recruitment figures and you only gave me half. Please do '
     'an internal review.',
     None, {"foi-internal-review"}),
    ('foi-91',
     "I would like to know how many complaints about children's social care went to the "
     'Ombudsman last year.',
     None, {"foi"}),
    ('foi-92',
     'Please could you advise whether social care hold information about my father who is '
     'now deceased.',
     None, {"foi"}),
    ('foi-93',
     'how many kids are in foster care in westshire rn',
     None, {"foi"}),
    ('foi-94',
     'Please provide all correspondence between the council and Ofsted in 2024 about the '
     'fostering service.',
     None, {"foi"}),
    ('foi-95',
     'Please provide a breakdown of spend on residential placements by provider for 2024/25.',
     None, {"foi"}),
    ('foi-96',
     'My mother, who passed away in March, had a social worker for years. Can I see her '
     'file?',
     None, {"foi"}),
    ('foi-internal-review-11',
     "I'm not happy with the response to FOI 2211 - please look at it again.",
     None, {"foi-internal-review"}),
    ('foi-97',
     'Please send your safeguarding policy and the number of LADO referrals last year.',
     None, {"foi"}),
    ('foi-98',
     'How many care proceedings did the council issue in 2024?',
     'solicitor', {"foi"}),
    ('foi-99',
     'What is the cost of your social work academy?',
     'journalist', {"foi"}),
    ('foi-100',
     "I'd like the file on the boy who died at Elm House last year.",
     'journalist', {"foi"}),
    ('foi-internal-review-12',
     'We request an internal review of your FOI response dated 1 May.',
     'solicitor', {"foi-internal-review"}),
    ('foi-101',
     "Please send me details of the council's plan to cut the early help budget.",
     'journalist', {"foi"}),
    ('foi-102',
     "Kindly furnish the undersigned with the Authority's expenditure on external legal "
     'counsel in public law children proceedings for FY 2024/25.',
     None, {"foi"}),
    ('foi-103',
     'Notes: caller (Mrs Obi) asked for the social services file of her late husband, who '
     'was in care in the 1960s. Advised re FOI.',
     None, {"foi"}),
    ('foi-104',
     "Please may I request the council's policy on restraint in children's homes and the "
     'number of restraints recorded in 2024.',
     None, {"foi"}),
    ('foi-105',
     'Please can you send me a copy of the Ofsted letter from the focused visit in March?',
     None, {"foi"}),
    ('foi-106',
     'I am a Member of Parliament. Can you please provide statistics on how many children '
     'in care in Westshire are placed outside the county?',
     None, {"foi"}),
]


@pytest.mark.parametrize("text,requester_type,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_regimes(text: str, requester_type: str | None, expected: set[str]) -> None:
    result = triage(text, requester_type)
    assert set(result.regimes) == expected, result.to_dict()
