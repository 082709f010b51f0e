"""Table-driven tests for request triage (rulebook §2, T-0..T-7, and §1.4).

Each row is a request in a requester's own words and the exact SET of regimes it must be routed to.
"""

from __future__ import annotations

import pytest

from sar.triage import CHECKS, REGIMES, REQUESTER_TYPES, TriagePart, TriageResult, triage

# (id, text, requester_type, expected regimes)
EXAMPLES = [
    # --- T-1: own data is a SAR, whatever Act the requester names -------------------------------------
    ("t1-plain", "Please send me a copy of all the information you hold about me.", None, {"sar"}),
    ("t1-foia-named", "Dear Sir/Madam, under the Freedom of Information Act 2000 I request copies of my "
     "social services records.", None, {"sar"}),
    ("t1-eir-named", "Under the Environmental Information Regulations I'd like my personal file.", None,
     {"sar"}),
    ("t1-chatty", "hiya, can i get a copy of my file from childrens services? ta", None, {"sar"}),
    ("t1-typo", "Plese can you send me my recrods, i beleive social servises had a file on me as a kid",
     None, {"sar"}),
    ("t1-whatsaid", "I want to know what social services wrote about me between 2010 and 2014.", None,
     {"sar"}),
    ("t1-sar-named", "Subject Access Request. Please provide everything held on me, including emails "
     "between social workers.", None, {"sar"}),
    ("t1-why", "Can you tell me why I was taken into care in 1998? I would like any documents about it.",
     None, {"sar"}),
    ("t1-name", "Please send any documents that mention my name, including case conference minutes.",
     None, {"sar"}),
    ("t1-phone-note", "Tel call 10:15. Mr Okafor rang asking for a copy of his records from the leaving care "
     "team. Will send ID.", None, {"sar"}),
    ("t1-third-person", "Walk-in at reception: young woman says she was looked after 2005-2011 and wants her "
     "case file.", None, {"sar"}),
    ("t1-journalist-own", "I'm a reporter at the Gazette but this is personal: please send me the data you "
     "hold "
     "about me.", "journalist", {"sar"}),
    # --- T-6: care leavers and adoption -----------------------------------------------------------------
    ("t6-care-leaver", "I'm a care leaver, I was in foster care from age 4 to 18 and I want to read my file.",
     None, {"sar"}),
    ("t6-adopted", "I was adopted as a baby in 1986 and I'd like to see my adoption file and anything about "
     "my birth mother.", None, {"sar"}),
    # --- T-4: on behalf of someone else ------------------------------------------------------------------
    ("t4-parent", "I am Lily's mum. Please send me all records about my daughter Lily (aged 7).", None,
     {"sar"}),
    ("t4-parent-type", "Please send the social care file for Jake Brown, dob 02/03/2015.", "parent", {"sar"}),
    ("t4-parents-we", "We would like copies of our son's child protection records.", None, {"sar"}),
    ("t4-solicitor", "We act for Mr Daniel Price and enclose his signed form of authority. Please provide "
     "our client's complete social care records.", "solicitor", {"sar"}),
    ("t4-solicitor-text", "Re: our client Ms A Khan. We are instructed to request copies of all records held "
     "about her by your children's services department.", None, {"sar"}),
    ("t4-advocate", "I'm writing on behalf of my brother, with his written consent, to ask for his records.",
     None, {"sar"}),
    # --- T-2: environmental information -----------------------------------------------------------------
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
    # --- T-3: everything else is FOI --------------------------------------------------------------------
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
    # --- third parties under FOIA: s.40(2) and deceased ------------------------------------------------
    ("t1-journalist-case", "I am a journalist writing about the death of Baby R. Please send me the "
     "council's records about the case.", "journalist", {"foi"}),
    ("t1-neighbour", "The kids next door are always shouting, I want to see what social services have on "
     "that family.", "member_of_public", {"foi"}),
    ("t1-named", "Please send me all files about Tom Jenkins and his children.", "member_of_public", {"foi"}),
    ("t1-deceased", "My mother died last year. She was a foster carer for you for 20 years and I would like "
     "a copy of her file.", None, {"foi"}),
    ("t1-late-father", "I'd like the social care records of my late father, who was in a children's home in "
     "the 1960s.", None, {"foi"}),
    ("t1-sibling", "Can I have a copy of my sister's records? We were separated in care.", None, {"foi"}),
    # --- data rights -----------------------------------------------------------------------------------
    ("rect", "The assessment on my file says I have a drug problem. That is untrue and I want it corrected.",
     None, {"rectification"}),
    ("rect-address", "Please update my address on your records, I have moved to 4 Elm Grove.", None,
     {"rectification"}),
    ("erase", "I want you to erase all personal data you hold about me - right to be forgotten.", None,
     {"erasure"}),
    ("erase-chatty", "pls delete my details from ur system i dont want u having them", None, {"erasure"}),
    ("restrict", "Please don't use my information while my complaint about its accuracy is investigated.",
     None, {"restriction"}),
    ("object", "I object to the council processing my data for the family support research project.",
     None, {"objection"}),
    ("object-sharing", "I don't consent to you sharing my details with the housing association.", None,
     {"objection"}),
    ("portability", "Please provide my data in a machine-readable format so I can give it to another "
     "provider.", None, {"portability"}),
    # --- reviews ---------------------------------------------------------------------------------------
    ("review-foi", "I'm writing to request an internal review of your FOI response (ref FOI-2291). You "
     "applied section 12 wrongly.", None, {"foi-internal-review"}),
    ("review-eir", "I wish to make representations under regulation 11 about your response to my EIR request "
     "on asbestos.", None, {"eir-reconsideration"}),
    ("review-eir-topic", "Please reconsider your refusal of my request for the noise survey at Brook House.",
     None, {"eir-reconsideration"}),
    # --- T-5 / §1.4: statutory third parties -----------------------------------------------------------
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
    # --- mixed requests --------------------------------------------------------------------------------
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
    # --- T-7: repeat / vexatious flags never change the regime -----------------------------------------
    ("vex-repeat", "This is the FOURTH time I have asked for my file. Send it now.", None, {"sar"}),
    ("vex-foi", "Yet again I am asking how many children you took into care. You useless lot.", None,
     {"foi"}),
]


# More requests in other voices: formal letters, e-mails, phone notes, typos, third person, agencies.
MORE_EXAMPLES = [
    ('sar-01',
     "Good morning, I'd like to make a subject access request for all records relating to "
     "me held by Children's Social Care. My date of birth is 3 April 1995. I was known to "
     'the Eastside team.',
     None, {"sar"}),
    ('foi-01',
     'Could you please let me know the number of children subject to a child protection '
     'plan as at 31 March 2024, broken down by category of abuse?',
     None, {"foi"}),
    ('eir-01',
     "please can I have the info about the mobile phone mast next to the children's centre",
     None, {"eir"}),
    ('sar-02',
     'I need a copy of the report the social worker wrote about my children for the court '
     'hearing',
     None, {"sar"}),
    ('foi-02',
     "Dear FOI team, I'm researching care leavers' outcomes. How many care leavers aged "
     '19-21 were in education, employment or training last year?',
     None, {"foi"}),
    ('third-party-01',
     "I'm writing from Northshire Constabulary's Public Protection Unit regarding a child "
     'neglect investigation. Please provide the chronology for the Baker children.',
     None, {"third-party"}),
    ('foi-03',
     'I am a foster carer. Please send me your fostering allowances and the policy on '
     'holiday pay.',
     None, {"foi"}),
    ('sar-03',
     "I'm 15 and in care. I want to see my file but I don't want my mum to know.",
     None, {"sar"}),
    ('sar-04',
     'We are Smith & Co Solicitors acting for the mother in care proceedings. Please '
     'provide copies of all contact recordings relating to the children.',
     None, {"sar"}),
    ('sar-05',
     'Can I see the notes from the child protection conference about my grandson?',
     None, {"sar"}),
    ('sar-06',
     'I think social services have been spying on me. What do you have on me and who have '
     'you shared it with?',
     None, {"sar"}),
    ('foi-04',
     'Please provide the total number of Section 20 placements and the average duration, '
     'for 2021-2024.',
     None, {"foi"}),
    ('foi-05',
     'How many times has the council been fined or reprimanded by the ICO?',
     None, {"foi"}),
    ('sar-07',
     "Hi, my daughter is 16 and wants her file but she's too anxious to ask, can I ask for "
     'her?',
     None, {"sar"}),
    ('eir-02',
     'Under EIR please provide the results of any radon testing at council-run nurseries.',
     None, {"eir"}),
    ('objection-01',
     "Please stop sharing my information with my ex-husband's solicitor.",
     None, {"objection"}),
    ('erasure-01',
     'I want my name taken off your database.',
     None, {"erasure"}),
    ('foi+sar-01',
     "Please send the council's data retention policy, and also tell me if you hold "
     'anything on me.',
     None, {"foi", "sar"}),
    ('foi-06',
     'I run a local newspaper. What was the cost of the inquiry into the Harlow Road '
     "children's home abuse?",
     None, {"foi"}),
    ('sar-08',
     'I want all the emails between my social worker and her manager about me.',
     None, {"sar"}),
    ('sar-09',
     "As the child's special guardian I request a copy of her social care records.",
     None, {"sar"}),
    ('sar-10',
     'Could you confirm whether you hold CCTV footage of me at the Elm Street contact '
     'centre on 3 June?',
     None, {"sar"}),
    ('foi-07',
     'Please provide a copy of your Ofsted action plan and the number of agency staff.',
     None, {"foi"}),
    ('eir-03',
     'Request for information: sewage leak at Fernhill residential home - all reports and '
     'correspondence.',
     None, {"eir"}),
    ('sar-11',
     'My partner and I are foster carers. Please provide a copy of our fostering assessment '
     '(Form F).',
     None, {"sar"}),
    ('sar-12',
     'i was in kids homes in the 70s and 80s, want whatever you have, name was Karen Doyle '
     'then',
     None, {"sar"}),
    ('sar-13',
     'Please could you provide the information you hold regarding myself, I am a former '
     'looked after child.',
     None, {"sar"}),
    ('sar-14',
     'Can you send me the minutes of the meeting where they decided to remove my kids?',
     None, {"sar"}),
    ('foi-08',
     'Please could you provide your spend on taxis for looked after children for 2023',
     None, {"foi"}),
    ('sar-15',
     'I am requesting all records, reports and notes written about me by Social Services '
     'from 2001 to 2010.',
     None, {"sar"}),
    ('foi-09',
     "This is an FOI. Please provide the number of children's homes in the county and how "
     'many are rated inadequate.',
     None, {"foi"}),
    ('foi-10',
     "I'm doing a dissertation. Can you provide anonymised data on reasons children enter "
     'care?',
     None, {"foi"}),
    ('sar-16',
     'Our client, a care leaver, wishes to bring a claim. Please disclose her full social '
     'care file.',
     None, {"sar"}),
    ('sar-17',
     "I want to appeal the decision to withhold parts of my son's file.",
     None, {"sar"}),
    ('eir-04',
     "Can you send me details about the council's plans to build a new children's home on "
     'the playing field at Long Lane?',
     None, {"eir"}),
    ('sar-18',
     "Hello, my son was removed from my care in 2019. I'd like everything in his file and "
     'any reports the council sent to the court.',
     None, {"sar"}),
    ('foi-11',
     'please send me a breakdown of your spending on legal fees for care proceedings',
     None, {"foi"}),
    ('foi-12',
     "I'm a councillor; can you send me the number of children missing from care last month?",
     None, {"foi"}),
    ('sar-19',
     'Re: Ms Taylor (dob 12/08/1990) - she has asked me, her support worker, to request her '
     'records from when she was in care. Her signed consent is attached.',
     None, {"sar"}),
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
    ('foi-internal-review-01',
     "I'm unhappy with the answer to my freedom of information request about foster carer "
     'allowances and want it looked at again.',
     None, {"foi-internal-review"}),
    ('eir-reconsideration-01',
     'Please carry out a review of the decision to refuse my EIR request about the flood '
     'alleviation scheme.',
     None, {"eir-reconsideration"}),
    ('portability-01',
     'Please send my complete file electronically to my new local authority in Leeds.',
     None, {"portability"}),
    ('rectification-01',
     'I want my records corrected - they say I was born in Poland but I was born in Latvia.',
     None, {"rectification"}),
    ('erasure-02',
     'I no longer want you to hold my information, please destroy it.',
     None, {"erasure"}),
    ('objection-02',
     'You must stop processing my personal data for direct marketing.',
     None, {"objection"}),
    ('restriction-01',
     'Please limit the use of my data until the complaint is resolved',
     None, {"restriction"}),
    ('foi-13',
     "My brother passed away in 2022 aged 17. He was in your care. I'd like to know what "
     'happened and see his records.',
     None, {"foi"}),
    ('foi-14',
     "Please send me my late grandmother's records from when she fostered children in the "
     '1970s',
     None, {"foi"}),
    ('foi+sar-02',
     'Phone msg from Mrs Ali: wants copy of her file + wants to know how many social '
     'workers her area team has.',
     None, {"foi", "sar"}),
    ('sar-20',
     'Dear Data Protection Officer,\n\nI am writing to request copies of all personal data '
     "Westshire County Council holds about me, including records from the Children's Social "
     'Care department from 1999 to 2008.\n\nYours faithfully,\nSarah Mills',
     None, {"sar"}),
    ('foi-15',
     'Dear Sir or Madam\nPlease supply under FOIA: (1) the number of children in care on 31 '
     'March 2025; (2) the number placed more than 20 miles from home; (3) the annual budget '
     'for the virtual school.\nRegards',
     None, {"foi"}),
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
    ('sar-21',
     "Note of call: Mr Brown (father of Ella, 6) requesting copy of Ella's social care "
     'records. Advised to put in writing.',
     None, {"sar"}),
    ('sar-22',
     'To whom it may concern, I am a solicitor at Green & Partners LLP. We act for Ms Rose '
     'Clarke. Enclosed is her signed authority. Please provide her complete file from your '
     "children's services department.",
     None, {"sar"}),
    ('sar-23',
     'Please send me the CCTV and the incident log from the contact centre on 4 March when '
     'I was visiting my children.',
     None, {"sar"}),
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
    ('rectification-02',
     'I want the record of my childhood placements corrected, the dates are all wrong.',
     None, {"rectification"}),
    ('erasure-03',
     'Please erase the record of the 2015 referral about me - it was malicious and I want '
     'it gone.',
     None, {"erasure"}),
    ('objection-03',
     'I object to the council using my information in its research with the university.',
     None, {"objection"}),
    ('restriction-02',
     'Until you have sorted out the mistakes in my file, please do not share it with anyone.',
     None, {"restriction"}),
    ('portability-02',
     'Please transfer my data to Northshire Council in a commonly used electronic format.',
     None, {"portability"}),
    ('foi-internal-review-02',
     'Ref FOI/2025/0412 - I am dissatisfied with your refusal under section 40(2) and ask '
     'that it is reviewed.',
     None, {"foi-internal-review"}),
    ('eir-reconsideration-02',
     'I request a reconsideration under the EIR of your decision to withhold the '
     'contaminated land report for Pit Lane.',
     None, {"eir-reconsideration"}),
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
    ('foi-19',
     "How much has the council paid to private children's home providers in 2024, and which "
     'providers?',
     None, {"foi"}),
    ('foi-20',
     'Please could you advise what your policy is on supervising contact between parents '
     'and children in care',
     None, {"foi"}),
    ('eir-05',
     "What are the energy ratings (EPC) of your children's homes and are there plans to "
     'install solar panels?',
     None, {"eir"}),
    ('eir-06',
     'Please send all information regarding the damp problems and mould at the Elms '
     'residential unit.',
     None, {"eir"}),
    ('sar-24',
     'I am 14 and I want to know what my social worker writes about me.',
     None, {"sar"}),
    ('erasure-04',
     "Please delete my son's records, he's 8 and the referral was a mistake by the school.",
     None, {"erasure"}),
    ('restriction+sar-01',
     "Could I have a copy of my daughter's file and also please stop sharing her "
     'information with her father until the court hearing?',
     None, {"restriction", "sar"}),
    ('foi-21',
     "I don't want my own records, I want the council's guidance for social workers on "
     'writing case notes.',
     None, {"foi"}),
    ('sar-25',
     'For the third time, please send me my file. I first asked in January and I will keep '
     'asking until you comply.',
     None, {"sar"}),
    ('foi-22',
     "Please send the full list of contracts over £25,000 awarded by children's services "
     'this year.',
     None, {"foi"}),
    ('foi+sar-05',
     'I want everything you have on me, and I want to know how much the council spent on '
     'the consultants who reviewed my case.',
     None, {"foi", "sar"}),
    ('eir-07',
     "Under FOIA please provide the noise impact assessment for the new secure children's "
     'home and the cost of the building project.',
     None, {"eir"}),
    ('sar-26',
     'I was fostered by Mr and Mrs Hale from 1992 to 1996, please can i have my records and '
     'any info on why i was moved',
     None, {"sar"}),
    ('sar-27',
     'my mums been told i cant see my file because im under 18 is that true? i want my file',
     None, {"sar"}),
    ('sar-28',
     'FAO Information Governance. I would be grateful if you could provide me with copies '
     'of any files held by the authority in my name.',
     None, {"sar"}),
    ('sar-29',
     'Im trying to find out about my past. I was put in a childrens home in 1979 when I was '
     '3. Can you help me get my files',
     None, {"sar"}),
    ('foi+sar-06',
     'Please can you send me everything the council has on me from my time in foster care, '
     'and a copy of the foster carer handbook you used at the time.',
     None, {"foi", "sar"}),
    ('eir-08',
     'Can you tell me what the air is like around my sons school, there are lorries idling '
     'all day',
     None, {"eir"}),
    ('sar-30',
     "Re: Subject Access - Jordan Wells, DOB 14/11/2002. I am Jordan's social worker at the "
     'leaving care team and Jordan has asked me to request his file on his behalf; consent '
     'form attached.',
     None, {"sar"}),
    ('sar-31',
     "I need my daughter's records for her EHCP appeal. She is 11.",
     None, {"sar"}),
    ('sar-32',
     'Our firm represents the father in ongoing private law proceedings. Please provide all '
     "records relating to the children, with the mother's address redacted.",
     'solicitor', {"sar"}),
    ('foi-23',
     "How many FOI requests did children's services receive last year and how many were "
     'answered late?',
     None, {"foi"}),
    ('eir-09',
     'Please provide any reports on the contamination found during the building of the new '
     'family hub.',
     None, {"eir"}),
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
    ('sar-33',
     'My grandson is living with me under a special guardianship order. I need his records '
     'from before he came to me.',
     None, {"sar"}),
    ('foi-27',
     'My wife died in 2023. I would like her records from when she was in care as a child, '
     'for our children.',
     None, {"foi"}),
    ('rectification-03',
     'The chronology in my file wrongly says I missed 5 contact sessions. I attended all of '
     'them. Please amend it.',
     None, {"rectification"}),
    ('erasure-05',
     "I want my personal information deleted from the children's services system now that "
     'my case is closed.',
     None, {"erasure"}),
    ('restriction-03',
     "I'm contesting the accuracy of the child and family assessment. Please restrict "
     'processing of it until this is resolved.',
     None, {"restriction"}),
    ('objection-04',
     'I do not want my information shared with the Troubled Families programme. I object.',
     None, {"objection"}),
    ('portability-03',
     'Please give me my data in a format I can take to my new local authority - a CSV or '
     'similar.',
     None, {"portability"}),
    ('foi-internal-review-03',
     "I asked for your figures on agency spend and you refused it as too costly. I'd like "
     'that decision reviewed please.',
     None, {"foi-internal-review"}),
    ('eir-reconsideration-03',
     'I am making representations about your response to my request for flood risk data for '
     "the Riverside children's centre.",
     None, {"eir-reconsideration"}),
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
    ('foi-28',
     'Could you provide the number of children adopted from care and the average time from '
     'entering care to adoption?',
     None, {"foi"}),
    ('foi-29',
     "Please send me the council's budget for children's services for 2025/26 and the "
     'minutes where it was agreed.',
     None, {"foi"}),
    ('sar-34',
     'Dear Council, I wish to see all information held about me by your Social Services '
     'under the Data Protection Act 2018. Yours sincerely, A. Patel',
     None, {"sar"}),
    ('sar-35',
     'Can I have a copy of the notes from my child protection conference last week please',
     None, {"sar"}),
    ('foi-30',
     "We are foster carers. We would like the council's fostering allowance rates and the "
     'policy on respite.',
     None, {"foi"}),
    ('sar-36',
     "I want to see my adoption file, I'm 32 and was adopted through your agency.",
     None, {"sar"}),
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
    ('sar-37',
     'Send me my file NOW. I have asked 5 times already. You people are a disgrace.',
     None, {"sar"}),
    ('sar-38',
     'What data do you hold on my family?',
     None, {"sar"}),
    ('sar-39',
     'could i get my social services file i was in care in the 90s my name was emma jones '
     'back then',
     None, {"sar"}),
    ('sar-40',
     'Please confirm whether the council holds any information about me, and if so provide '
     'copies.',
     None, {"sar"}),
    ('eir-10',
     'Please send copies of all emails between officers about the proposal to sell the '
     'Green Lane playing field.',
     None, {"eir"}),
    ('foi-34',
     'Please let me know how many social workers have left in the past year and your plans '
     'to reduce agency use.',
     None, {"foi"}),
    ('sar-41',
     "Mr Singh came to reception today asking for a copy of his children's services file "
     'from 1985-1990. ID seen.',
     None, {"sar"}),
    ('sar-42',
     "I'm the dad of 2 kids who were taken into care last year, I want to see what was "
     'written about me and them',
     None, {"sar"}),
    ('sar-43',
     'Please provide all correspondence between the council and Cafcass about my children.',
     None, {"sar"}),
    ('sar-44',
     'The police told me to ask you for my file',
     None, {"sar"}),
    ('sar-45',
     'I need my records for court - my solicitor says I should ask you directly.',
     None, {"sar"}),
    ('sar-46',
     'I was a looked after child in your area between 2003 and 2009. I am now 27 and would '
     'like to access my care records.',
     None, {"sar"}),
    ('sar-47',
     'Please supply a copy of the Section 47 investigation report concerning me and my two '
     'children from March 2022.',
     None, {"sar"}),
    ('eir-11',
     'we want to know what the council is doing about the sewage smell coming from the '
     'drain by the nursery',
     None, {"eir"}),
    ('foi-35',
     "Can you tell me how many children's social workers are employed on permanent "
     'contracts versus agency contracts?',
     None, {"foi"}),
    ('sar-48',
     'I want all of the recordings of my phone calls with the duty team.',
     None, {"sar"}),
    ('foi-36',
     'Request under the Freedom of Information Act: how many secure accommodation orders '
     'did the council apply for in 2023 and 2024?',
     None, {"foi"}),
    ('sar-49',
     'Could I get a copy of the pathway plan and the notes from my last review meeting?',
     None, {"sar"}),
    ('sar-50',
     'I am the birth mother of a child who was adopted in 2012. I would like to see the '
     'records of the adoption.',
     None, {"sar"}),
    ('sar-51',
     'Please send me my file and the records of my twin sister, who has given me written '
     'permission.',
     None, {"sar"}),
    ('eir-12',
     'Please provide a copy of any risk assessment relating to the pollution from the '
     "incinerator near Birchwood children's home.",
     None, {"eir"}),
    ('sar-52',
     'My son, who is 19, is in prison and has asked me to get his social care records for '
     'him.',
     None, {"sar"}),
    ('foi-37',
     "Hello, I'm from the Daily Echo. We understand a child died in foster care in "
     'Westshire last month. Please confirm the number of deaths of children in care since '
     '2020.',
     'journalist', {"foi"}),
    ('foi-38',
     "Can I see my dead brother's social care records? He died in 2019 at 16.",
     None, {"foi"}),
    ('rectification-04',
     'Please change my surname on all your records to Ahmed, I have changed it by deed poll.',
     None, {"rectification"}),
    ('objection-05',
     'I withdraw my consent for you to share my information with the early help partners.',
     None, {"objection"}),
    ('erasure-06',
     'Can you remove all of my personal details from your system please',
     None, {"erasure"}),
    ('foi-internal-review-04',
     "I'd like an internal review of FOI 5521. You didn't answer question 3 at all.",
     None, {"foi-internal-review"}),
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
    ('eir-cost-of-measure',
     "I'd like to know the air quality and noise levels at the site of the proposed new "
     "school, and what the council's budget is for it.",
     None, {"eir"}),
    ('eir+foi+sar-02',
     '1) my social care records 2) the number of care leavers in university 3) any asbestos '
     'reports for Hope House',
     None, {"eir", "foi", "sar"}),
    ('eir+foi+sar-03',
     "Please send me copies of my records. Also, what is the council's policy on destroying "
     'old case files? And can you tell me the carbon emissions of your vehicle fleet?',
     None, {"eir", "foi", "sar"}),
    ('sar-53',
     'What information do you have about me and my children? I also want to know why my '
     'case was transferred to another team.',
     None, {"sar"}),
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
    ('sar-54',
     'Good afternoon, please can you tell me if you have any records about me from when I '
     "was in Sunnyside children's home in the 1970s. Thanks, Margaret",
     None, {"sar"}),
    ('rectification-05',
     'There is a mistake in my records - my ethnicity is recorded as White British but I am '
     'Irish Traveller. Please fix this.',
     None, {"rectification"}),
    ('objection-06',
     'I object to my data being used for profiling by your predictive analytics system.',
     None, {"objection"}),
    ('portability-04',
     'I would like to request my personal data held by your department in a portable format '
     'to send to my new provider.',
     None, {"portability"}),
    ('sar-55',
     "Hi, my partner and I adopted our son through you in 2015. We'd like to see his "
     'adoption file.',
     None, {"sar"}),
    ('foi-45',
     'This is my 7th request for the same information about agency staff costs. Answer it.',
     None, {"foi"}),
    ('sar-56',
     'send me my fucking file',
     None, {"sar"}),
    ('sar-57',
     'Please send me the file on my foster son, who lives with me.',
     None, {"sar"}),
    ('foi-46',
     "I want to know how many children's homes failed their fire safety inspections",
     None, {"foi"}),
    ('sar-58',
     'To the Information Rights Team: kindly forward all records pertaining to myself held '
     'by the Fostering and Adoption service.',
     None, {"sar"}),
    ('sar-59',
     'Is there any information held about me on your systems? I had a social worker in 2017.',
     None, {"sar"}),
    ('sar-60',
     'Please send all the stuff social services wrote about my family when we lived on the '
     'Moor estate',
     None, {"sar"}),
    ('foi-47',
     'What was the total cost to the council of the Independent Inquiry and who were the '
     'members of the panel?',
     None, {"foi"}),
    ('eir-14',
     "Please provide details of any pesticide spraying in the grounds of council children's "
     'homes this year.',
     None, {"eir"}),
    ('sar-61',
     "Can I have the records about my little girl? Her dad has PR too but I'm the main "
     'carer.',
     None, {"sar"}),
    ('sar-62',
     "I'm asking on behalf of my elderly mother, who has dementia; I hold lasting power of "
     'attorney. She was in care as a child and wants her records.',
     None, {"sar"}),
    ('sar-63',
     'My client Mr Tomlinson was in the care of the local authority from 1975-1980. Please '
     "provide copies of all records. Our client's signed authority is enclosed.",
     None, {"sar"}),
    ('foi-48',
     "I am researching the history of children's homes in Westshire. Please could you send "
     "any records you hold about St Anne's Home for Girls, closed 1985.",
     None, {"foi"}),
    ('foi-49',
     "Please send me information about my father. He is alive but we don't speak. He was a "
     'social worker for you.',
     None, {"foi"}),
    ('rectification-06',
     'Please rectify the spelling of my name on all records - it is Siobhan, not Shivon.',
     None, {"rectification"}),
    ('erasure-07',
     'I no longer want the council to keep any records about me. Please destroy them.',
     None, {"erasure"}),
    ('restriction-04',
     'Pending your investigation into my complaint about the accuracy of the assessment, I '
     'ask that you restrict the use of my data.',
     None, {"restriction"}),
    ('objection-07',
     'I am writing to object to your continued processing of my personal data for the '
     'purposes of the Supporting Families research.',
     None, {"objection"}),
    ('portability-05',
     'Please export my data in JSON so I can move it to my new council.',
     None, {"portability"}),
    ('foi-internal-review-05',
     'Re FOI 1187: I disagree with your decision to withhold the names of the providers and '
     'request an internal review.',
     None, {"foi-internal-review"}),
    ('eir-reconsideration-04',
     "Your EIR response on the flood defence works at the children's centre didn't include "
     "the costs. I'd like you to reconsider.",
     None, {"eir-reconsideration"}),
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
    ('foi-50',
     'how much do u pay foster carers per week and is it more for teenagers',
     None, {"foi"}),
    ('foi-51',
     'Please can you send a copy of the Local Offer and your SEND strategy',
     None, {"foi"}),
    ('eir-15',
     "Does the council monitor emissions from the boiler at Ashby House children's home? "
     'Please send the results.',
     None, {"eir"}),
    ('sar-64',
     'i want copies of every report ever written about me by social services and i want to '
     'know why they took my kids',
     None, {"sar"}),
    ('foi+sar-09',
     "Hi,\nI'd like my own records please.\nAlso please send me the council's policy on "
     'kinship care allowances.\nThanks',
     None, {"foi", "sar"}),
    ('eir+foi+sar-04',
     'Please send me my file. In addition, please provide the noise assessment for the new '
     "build next to the children's centre, and the number of children currently on child "
     'protection plans.',
     None, {"eir", "foi", "sar"}),
    ('eir-16',
     'I am a parent of a child at Hill Top school. Please send me the traffic survey and '
     'air quality results for the school run.',
     None, {"eir"}),
    ('sar-65',
     "Please could you tell me if my son's social worker has written anything about me in "
     'his file, and send me a copy.',
     None, {"sar"}),
    ('rectification+sar-01',
     "I want my son's file and also want you to correct his date of birth which is wrong.",
     None, {"rectification", "sar"}),
    ('erasure+sar-01',
     'Could you let me have my records and also delete the photos of me you hold?',
     None, {"erasure", "sar"}),
    ('foi-52',
     'Please give me the number of staff in the MASH team and the MASH operating protocol.',
     None, {"foi"}),
    ('sar-66',
     "I'm a police officer but asking as a private individual: please send me my own "
     'childhood social care records.',
     None, {"sar"}),
    ('foi-53',
     'How many complaints about the fostering service were upheld in 2024?',
     None, {"foi"}),
    ('sar-67',
     "Hello, I hope you're well. I was in care as a teenager (2008-2012) and I'm now trying "
     'to make sense of it. Could you send me whatever you have? Many thanks, Leon',
     None, {"sar"}),
    ('foi-54',
     "Please provide copies of your contracts with Serco for the provision of children's "
     'residential homes, plus the contract value.',
     None, {"foi"}),
    ('eir-17',
     'Please provide all documentation relating to the proposed demolition of the old '
     "children's home on Canal Street.",
     None, {"eir"}),
    ('sar-68',
     'I would like to see my file again, I have asked for this repeatedly over the last 3 '
     'months and had no reply.',
     None, {"sar"}),
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
    ('foi-internal-review+sar-01',
     'I want an internal review of your handling of my FOI request about foster placements, '
     'and I also want a copy of my own file.',
     None, {"foi-internal-review", "sar"}),
    ('foi-58',
     "Under the EIR please provide the council's total spending on children's homes in 2024.",
     None, {"foi"}),
    ('third-party-34',
     "Information Commissioner's Office here - we are investigating a complaint from Ms Y "
     'about her subject access request and need copies of your correspondence with her.',
     None, {"third-party"}),
    ('sar-69',
     'my nan says social services took me off my mum when i was a baby. can i see why',
     None, {"sar"}),
    ('sar-70',
     "Hello, I'm an MP writing on behalf of my constituent Mrs Rees, who has asked me to "
     'obtain her social care records. Her consent is attached.',
     None, {"sar"}),
    ('eir-18',
     'Could you please provide the report from the 2022 environmental health inspection of '
     'the kitchen at Larch House?',
     None, {"eir"}),
    ('foi-59',
     'How many children in your care are placed in caravans or holiday lets?',
     None, {"foi"}),
    ('sar-71',
     'please can i have a copy of the assesment you did on me and my partner last year',
     None, {"sar"}),
    ('sar-72',
     'I need copies of my sons child protection conference minutes and the core group notes',
     None, {"sar"}),
    ('sar-73',
     'Please provide copies of the pre-proceedings letters and the PLO meeting minutes '
     "regarding our client's children.",
     'solicitor', {"sar"}),
    ('sar-74',
     "Good morning, I'm trying to trace my birth family. I was adopted in 1975. What "
     'information can you give me?',
     None, {"sar"}),
    ('sar-75',
     'I would like to see the files kept on me when I was at Brook House secure unit '
     '2004-2006.',
     None, {"sar"}),
    ('foi-60',
     "I'd like to see all the council's documents on the decision to close the Riverside "
     'short breaks unit.',
     None, {"foi"}),
    ('foi-61',
     'Please send the annual report of the Independent Reviewing Officer service for '
     '2023-24.',
     None, {"foi"}),
    ('rectification-07',
     'Can you correct the record - I never had a drink problem and the social worker made '
     'it up.',
     None, {"rectification"}),
    ('erasure-08',
     'Delete me from your system.',
     None, {"erasure"}),
    ('objection-08',
     'You have no right to keep sharing my information with the school and I want it to '
     'stop.',
     None, {"objection"}),
    ('portability-06',
     "I'd like my file sent straight to my new social worker in Leeds in digital format.",
     None, {"portability"}),
    ('foi-internal-review-06',
     'I wish to appeal against your decision to refuse my Freedom of Information request on '
     'grounds of cost.',
     None, {"foi-internal-review"}),
    ('eir-reconsideration-05',
     'Please review your EIR decision on the Japanese knotweed survey at the family centre.',
     None, {"eir-reconsideration"}),
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
    ('foi-62',
     "Please provide the list of children's homes inspected by Ofsted in 2024 and their "
     'grades.',
     None, {"foi"}),
    ('sar-76',
     "I'm a foster carer and I want to see what the council has recorded about me in my "
     'foster carer file.',
     None, {"sar"}),
    ('foi-63',
     'Please send the number of unaccompanied asylum-seeking children you look after and '
     'the grant received from the Home Office.',
     None, {"foi"}),
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
    ('foi-64',
     'I asked last week and the week before. This is the third time. Please tell me how '
     "many children's homes you have.",
     None, {"foi"}),
    ('sar-77',
     'Is there a file on me? I was in care as a baby. Im 40 now.',
     None, {"sar"}),
    ('sar-78',
     "As Jack's stepfather I would like to see his records.",
     None, {"sar"}),
    ('foi-65',
     'Please send all information held on my ex-wife including her social care history.',
     None, {"foi"}),
    ('sar-79',
     "I'd like to know what data you hold on my 17 year old son, he has agreed to me asking.",
     None, {"sar"}),
    ('sar-80',
     'Dear Sirs, Please accept this email as my formal request for access to my personal '
     "records held by Children's Services. I enclose a copy of my passport.",
     None, {"sar"}),
    ('sar-81',
     'Looking for my old case notes from when i was in foster care with the Wilsons in '
     'Dudley',
     None, {"sar"}),
    ('sar-82',
     'Please can you email me the social workers report from my daughters case conference '
     'on 3rd Feb',
     None, {"sar"}),
    ('sar-83',
     'Our client is the paternal grandmother of the children. We request disclosure of the '
     'records held regarding the children.',
     'solicitor', {"sar"}),
    ('eir-19',
     'Could you please send me the information you hold about the playground resurfacing at '
     "the Hazel Road children's centre, including any lead testing?",
     None, {"eir"}),
    ('foi-66',
     'What was the average caseload of a child protection social worker in March 2025?',
     None, {"foi"}),
    ('foi-67',
     "How many children were referred to children's social care by schools last year?",
     None, {"foi"}),
    ('sar-84',
     'Can I see the notes social services made when they came to my house last month?',
     None, {"sar"}),
    ('sar-85',
     'I was in the care system from birth to 16. Please provide copies of all files, '
     'photographs and reports.',
     None, {"sar"}),
    ('foi-68',
     'Please provide me with any information relating to my late son Kieran, who died aged '
     '3 in 2016.',
     None, {"foi"}),
    ('foi-69',
     'My father, now deceased, was a foster carer for the council in the 1980s. I would '
     'like to see his foster carer file.',
     None, {"foi"}),
    ('sar-86',
     "I would like to see my dad's social care records, he's still alive but in a home with "
     "dementia and I'm his attorney.",
     None, {"sar"}),
    ('rectification-08',
     "There's an error on my record - my son's father is listed as Mark Jones but it should "
     'be Michael Jones. Please correct.',
     None, {"rectification"}),
    ('erasure-09',
     'I want the child protection referral from 2019 removed from my records entirely.',
     None, {"erasure"}),
    ('restriction-05',
     'Please do not process my data any further until the accuracy dispute is resolved.',
     None, {"restriction"}),
    ('objection-09',
     "I object to my son's information being shared with the youth offending team.",
     None, {"objection"}),
    ('portability-07',
     "I want my records transferred electronically to Birmingham Children's Trust where I "
     'now live.',
     None, {"portability"}),
    ('foi-internal-review-07',
     'I am requesting an internal review of FOI-9981 because you failed to respond within '
     '20 working days.',
     None, {"foi-internal-review"}),
    ('eir-reconsideration-06',
     'I would like the council to reconsider its EIR refusal of my request for the '
     'pollution monitoring data.',
     None, {"eir-reconsideration"}),
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
    ('foi-70',
     'Please send a copy of your whistleblowing policy and the number of whistleblowing '
     'reports in 2024.',
     None, {"foi"}),
    ('eir-20',
     'Please provide the noise complaint records for the adolescent unit at 5 Beech Road.',
     None, {"eir"}),
    ('sar-87',
     'please send my file and my brothers file we were in care together and he says its ok',
     None, {"sar"}),
    ('eir+sar-02',
     'Can I have a copy of my records and the records about my kids, and also the air '
     'pollution data for our estate?',
     None, {"eir", "sar"}),
    ('foi+sar-12',
     'Please send me the number of children in care and my own records.',
     None, {"foi", "sar"}),
    ('foi-71',
     "I'm a journalist with the Westshire Chronicle. Please send me the internal report "
     "into failures in the handling of the Smith children's case.",
     None, {"foi"}),
    ('foi-72',
     'Under FOI, please send all documents the council holds about Mr Robert Kane, the '
     "former head of the children's home.",
     None, {"foi"}),
    ('sar-88',
     "I'd like to make a SAR for my son who is 6.",
     None, {"sar"}),
    ('sar-89',
     'Why did you share my information with my ex? I want to see what you sent him.',
     None, {"sar"}),
    ('sar-90',
     'i keep asking and nobody answers. FOURTH email. send me my records',
     None, {"sar"}),
    ('foi-73',
     'Dear FOI Officer, please provide the number of social work vacancies and the amount '
     'spent on recruitment advertising.',
     None, {"foi"}),
    ('eir+sar-03',
     'Please confirm if the council has carried out radon tests at Oak House, and send me a '
     'copy of my file from when I lived there.',
     None, {"eir", "sar"}),
    ('sar-91',
     'What personal information about me has been shared with other agencies?',
     None, {"sar"}),
    ('sar-92',
     'Can you send me the photos the social worker took of my flat?',
     None, {"sar"}),
    ('sar-93',
     'Please supply copies of any contact between the council and my employer about me.',
     None, {"sar"}),
    ('foi-74',
     "Please could you provide me with the council's Children's Services Data Protection "
     'Impact Assessments.',
     None, {"foi"}),
    ('sar-94',
     'MY FILE PLEASE',
     None, {"sar"}),
    ('sar-95',
     'SAR',
     None, {"sar"}),
    ('eir-21',
     'noise readings school',
     None, {"eir"}),
    ('foi-75',
     'FOSTERING BUDGET 2025',
     None, {"foi"}),
    ('foi+sar-13',
     'Hi I hope this is the right place. Back in 2010 my children were put on a child '
     "protection plan and then it was closed. I've always wanted to know what was actually "
     "said at the conferences because nobody explained it to me at the time. I'm also "
     "wondering what the council's rules are on how long they keep these records. Thanks "
     'for your help.',
     None, {"foi", "sar"}),
    ('sar-96',
     'To Whom It May Concern\n\nRE: DATA SUBJECT ACCESS REQUEST\n\nI, Thomas Hughes (DOB '
     '05/09/1988), hereby request all personal data held about me.\n\nRegards\nT Hughes',
     None, {"sar"}),
    ('eir-22',
     'Hello, could you tell me whether there is any contamination in the soil at the new '
     'adventure playground next to the family centre, and how much the council paid for it?',
     None, {"eir"}),
    ('sar-97',
     "I would like to request all records held by Children's Services about my grandson "
     'Alfie, whom I have cared for under a special guardianship order since 2021.',
     None, {"sar"}),
    ('foi-76',
     'I am a member of the public. Please tell me whether the council investigated the Wood '
     'family of 3 Cherry Lane and what was found.',
     None, {"foi"}),
    ('rectification-09',
     'Please can you remove the incorrect allegation from my file, it was never '
     'substantiated.',
     None, {"rectification"}),
    ('objection-10',
     'stop using my data now',
     None, {"objection"}),
    ('foi-77',
     "Could you please tell me how many times you've used section 20 accommodation for "
     'under 1s?',
     None, {"foi"}),
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
    ('foi-78',
     'I am writing to you regarding my late sister who was in care in the 1960s, I am '
     'trying to find out what happened to her and would like to see her file.',
     None, {"foi"}),
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
    ('erasure-10',
     'Please erase my old email address and phone number from your records.',
     None, {"erasure"}),
    ('sar-98',
     'I think my file has loads of mistakes. Can you send it to me so I can check?',
     None, {"sar"}),
    ('rectification-10',
     "Please put a note on my file saying I dispute the social worker's account of the home "
     'visit.',
     None, {"rectification"}),
    ('restriction+sar-02',
     "I'd like you to stop processing my data until my complaint is investigated, and I "
     'want a copy of my file.',
     None, {"restriction", "sar"}),
    ('objection-11',
     "I'm formally objecting to the sharing of my family's data with the Department for "
     'Education research.',
     None, {"objection"}),
    ('portability-08',
     'Please can I have my records as a CSV file.',
     None, {"portability"}),
    ('foi-internal-review-08',
     "Dear FOI team, I'm not satisfied with how you dealt with my request about children's "
     'home closures and would like it reviewed by someone senior.',
     None, {"foi-internal-review"}),
    ('eir-reconsideration-07',
     "I'm challenging your refusal of my EIR request about the land contamination at "
     'Hawthorn Farm and ask for reconsideration.',
     None, {"eir-reconsideration"}),
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
    ('sar-99',
     'hello im 17 and in foster care, can i see my file and my care plan',
     None, {"sar"}),
    ('foi+sar-18',
     'Could you send me what you have about me from the leaving care team? Also how many '
     'PAs does the team have?',
     None, {"foi", "sar"}),
    ('foi-82',
     'please send your complaints procedure',
     None, {"foi"}),
    ('eir-23',
     "What is the council doing to reduce air pollution outside children's centres?",
     None, {"eir"}),
    ('foi-83',
     'Requesting minutes of all Fostering Panel meetings in 2024 (redacted as necessary).',
     None, {"foi"}),
    ('sar-100',
     'I want everything the council has written about my children since 2015, including '
     'emails between social workers.',
     None, {"sar"}),
    ('sar-101',
     "As his mother I'm asking for my son's records - he's 10 and has autism.",
     None, {"sar"}),
    ('sar-102',
     'Further to our telephone conversation, I would like to request a copy of my daughter '
     "Amelia's child in need records. I have parental responsibility.",
     None, {"sar"}),
    ('sar-103',
     'Please could I have copies of all the letters and reports sent about me to the family '
     'court in 2021?',
     None, {"sar"}),
    ('eir-24',
     "Can the council tell me if it has tested the water supply at Hillcrest children's "
     'home for legionella?',
     None, {"eir"}),
    ('foi-84',
     "Please tell me the names and salaries of all Heads of Service in Children's Services.",
     None, {"foi"}),
    ('sar-104',
     'I wish to obtain my social services records from the period I was a ward of court, '
     '1968 to 1975.',
     None, {"sar"}),
    ('sar-105',
     'Good afternoon, I act for the father of the child in private law proceedings and '
     "require the LA's section 7 report and associated records. I enclose my client's "
     'signed authority.',
     None, {"sar"}),
    ('sar-106',
     'Can I please get my file, i was adopted at 6 months old and i want to know about my '
     'birth family',
     None, {"sar"}),
    ('foi-85',
     'how many social workers quit in 2024 and how much did the council spend on exit '
     'packages',
     None, {"foi"}),
    ('eir-25',
     'please can you tell me what planning permission the new childrens home on Mill Lane '
     'has got',
     None, {"eir"}),
    ('erasure-11',
     'Please remove my phone number from the contact list you share with the school.',
     None, {"erasure"}),
    ('rectification-11',
     'I want the record of the meeting on 5 June amended because it says I shouted, which I '
     "didn't.",
     None, {"rectification"}),
    ('objection-12',
     "Please do not pass any more of my information to my ex-partner's solicitors.",
     None, {"objection"}),
    ('portability-09',
     'Please send me copies of my data in an electronic, machine readable form.',
     None, {"portability"}),
    ('foi-internal-review-09',
     "I'm asking for an internal review of the council's decision not to release the agency "
     'staffing figures.',
     None, {"foi-internal-review"}),
    ('eir-reconsideration-08',
     'Further to your reply under the Environmental Information Regulations about the '
     'fly-tipping near the family centre, please carry out an internal review.',
     None, {"eir-reconsideration"}),
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
    ('eir+foi+sar-07',
     'please send my file also the councils policy on contact AND the air quality '
     'monitoring near the school',
     None, {"eir", "foi", "sar"}),
    ('sar-107',
     'Could you send me the information you hold on me, and tell me whether my data has '
     'been shared with the police?',
     None, {"sar"}),
    ('sar-108',
     'I need the reports about my child from the nursery and the health visitor that you '
     'have on file.',
     None, {"sar"}),
    ('sar-109',
     'Can I have my file - for the 5th time of asking!!! Incompetent.',
     None, {"sar"}),
    ('foi+sar-19',
     'Copy of my records pls + how much does the council spend on taxis for children in care',
     None, {"foi", "sar"}),
    ('eir+sar-05',
     "I'd like to know the energy consumption of your children's homes and my own care "
     'records from 1995.',
     None, {"eir", "sar"}),
    ('sar-110',
     'Please send me any records relating to my involvement with your Youth Offending '
     'Service when I was 15.',
     None, {"sar"}),
    ('sar-111',
     "I'm a kinship carer for my niece. Please can I have a copy of her care plan and any "
     'assessments about her.',
     None, {"sar"}),
    ('foi-90',
     "What is the council's annual spend on special guardianship allowances?",
     None, {"foi"}),
    ('eir-26',
     "Please tell me about any flooding incidents at council children's homes since 2020 "
     'and the cost of repairs.',
     None, {"eir"}),
    ('sar-112',
     "Send me everything you've got on me. Now.",
     None, {"sar"}),
    ('sar-113',
     "Dear Sir, I was a resident at Ashdown House, a council children's home, between 1971 "
     'and 1977. I would be grateful for any records you have. Yours, Peter',
     None, {"sar"}),
    ('foi+sar-20',
     "I'd like my file and the file of my sister Claire who died last year.",
     None, {"foi", "sar"}),
    ('sar-114',
     'My solicitor has advised me to get a copy of all records about me before my hearing.',
     None, {"sar"}),
    ('sar-115',
     'I want a copy of the referral the school made about my son and who made it.',
     None, {"sar"}),
    ('sar-116',
     'Could you please send me the EHCP annual review paperwork and social care notes for '
     'my son Leo (8)?',
     None, {"sar"}),
    ('rectification-12',
     'Please correct your records: I am not the father of Jayden, and I should not be '
     'listed as such.',
     None, {"rectification"}),
    ('erasure-12',
     'Under Article 17 I request erasure of all data relating to me.',
     None, {"erasure"}),
    ('restriction-06',
     'Under Article 18 please restrict processing of my data.',
     None, {"restriction"}),
    ('objection-13',
     'Under Article 21 I object to processing of my personal data.',
     None, {"objection"}),
    ('portability-10',
     'Under Article 20 I request a copy of my data in a portable format.',
     None, {"portability"}),
    ('sar-117',
     'Under Article 15 please provide my personal data.',
     None, {"sar"}),
    ('foi-internal-review-10',
     'I asked for your fostering recruitment figures and you only gave me half. Please do '
     'an internal review.',
     None, {"foi-internal-review"}),
    ('eir-reconsideration-09',
     'Regulation 11 representations: your response to my request for the odour complaints '
     "about the waste site next to the children's centre was incomplete.",
     None, {"eir-reconsideration"}),
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
    ('foi-91',
     "I would like to know how many complaints about children's social care went to the "
     'Ombudsman last year.',
     None, {"foi"}),
    ('sar-118',
     'Is there any information about me from when I called the NSPCC helpline in 2015 that '
     'was passed to you?',
     None, {"sar"}),
    ('foi+sar-21',
     "I'm after the fostering allowance rates and my own assessment as a foster carer.",
     None, {"foi", "sar"}),
    ('eir+foi-03',
     'can u send the data on the traffic near the school and the number of kids in care in '
     'the borough',
     None, {"eir", "foi"}),
    ('foi-92',
     'Please could you advise whether social care hold information about my father who is '
     'now deceased.',
     None, {"foi"}),
    ('sar-119',
     'I am the grandmother of two children currently in foster care. I would like to see '
     'their files.',
     None, {"sar"}),
    ('foi+sar-22',
     'Please send me the policy you used to decide to remove my children, and their files.',
     None, {"foi", "sar"}),
    ('sar-120',
     'Could you please forward copies of the assessments completed on my family in 2016 and '
     '2018?',
     None, {"sar"}),
    ('sar-121',
     "I believe social services were involved with me as a teenager. I'd appreciate copies "
     'of anything relevant.',
     None, {"sar"}),
    ('foi-93',
     'how many kids are in foster care in westshire rn',
     None, {"foi"}),
    ('eir-27',
     "Please can I have the results of the air monitoring done outside my children's nursery",
     None, {"eir"}),
    ('foi-94',
     'Please provide all correspondence between the council and Ofsted in 2024 about the '
     'fostering service.',
     None, {"foi"}),
    ('sar-122',
     "Hi, my foster carer says I can ask for my records. I'm 16. How do I get them?",
     None, {"sar"}),
    ('sar-123',
     'The solicitor for my ex has my file, why does she have it and can I have a copy too?',
     None, {"sar"}),
    ('eir-28',
     'Please can you tell me what plans the council has for the derelict land next to '
     "Woodside children's home.",
     None, {"eir"}),
    ('sar-124',
     "I'd like to see what was recorded when I rang the duty line in May.",
     None, {"sar"}),
    ('foi-95',
     'Please provide a breakdown of spend on residential placements by provider for 2024/25.',
     None, {"foi"}),
    ('sar-125',
     'I am the adoptive mother of Sam (now 9). Please send me his pre-adoption social care '
     'records.',
     None, {"sar"}),
    ('foi-96',
     'My mother, who passed away in March, had a social worker for years. Can I see her '
     'file?',
     None, {"foi"}),
    ('sar-126',
     "I'm writing on behalf of my friend who has learning difficulties and has asked me to "
     'help her get her file. She has signed a consent form.',
     None, {"sar"}),
    ('rectification-13',
     "Your records say I have a criminal record. I don't. Correct it.",
     None, {"rectification"}),
    ('erasure-13',
     "Please remove all references to me from my ex-partner's file.",
     None, {"erasure"}),
    ('restriction-07',
     'I want you to stop using my information until my complaint about its accuracy is '
     'sorted.',
     None, {"restriction"}),
    ('objection-14',
     'I refuse permission for you to share my details with any other agency.',
     None, {"objection"}),
    ('portability-11',
     "I'd like my data in a structured, commonly used and machine-readable format.",
     None, {"portability"}),
    ('foi-internal-review-11',
     "I'm not happy with the response to FOI 2211 - please look at it again.",
     None, {"foi-internal-review"}),
    ('eir-reconsideration-10',
     'I do not accept your EIR response regarding the asbestos at the contact centre and '
     'request that it is reconsidered.',
     None, {"eir-reconsideration"}),
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
    ('foi-97',
     'Please send your safeguarding policy and the number of LADO referrals last year.',
     None, {"foi"}),
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
    ('sar-127',
     'For the umpteenth time, where is my file?',
     None, {"sar"}),
    ('sar-128',
     'Please send me everything you hold about Ruby.',
     'parent', {"sar"}),
    ('foi+sar-23',
     "Please send Ruby's file and a copy of your contact policy.",
     'parent', {"foi", "sar"}),
    ('foi-98',
     'How many care proceedings did the council issue in 2024?',
     'solicitor', {"foi"}),
    ('sar-129',
     "Please provide our client's records.",
     'solicitor', {"sar"}),
    ('sar-130',
     'I want my own file please.',
     'member_of_public', {"sar"}),
    ('eir-29',
     'Can you tell me the air quality near Ash Grove school?',
     'member_of_public', {"eir"}),
    ('sar-131',
     'Please send me my records.',
     'data_subject', {"sar"}),
    ('third-party-66',
     'Please provide a copy of the complaint file and records for the complainant.',
     'regulator', {"third-party"}),
    ('third-party-67',
     'Please send the records listed in the attached order.',
     'court', {"third-party"}),
    ('third-party-68',
     "Please supply your records concerning the suspect's contact with the children.",
     'police', {"third-party"}),
    ('foi-99',
     'What is the cost of your social work academy?',
     'journalist', {"foi"}),
    ('foi-100',
     "I'd like the file on the boy who died at Elm House last year.",
     'journalist', {"foi"}),
    ('erasure-14',
     'Please delete all my data.',
     'data_subject', {"erasure"}),
    ('rectification-14',
     "Please correct my daughter's surname on her records.",
     'parent', {"rectification"}),
    ('foi-internal-review-12',
     'We request an internal review of your FOI response dated 1 May.',
     'solicitor', {"foi-internal-review"}),
    ('eir+sar-07',
     "I'd like to see my case file, and the noise survey for the estate where I live.",
     'data_subject', {"eir", "sar"}),
    ('foi-101',
     "Please send me details of the council's plan to cut the early help budget.",
     'journalist', {"foi"}),
    ('sar-132',
     "Please can I see my grandchildren's files, I look after them full time.",
     None, {"sar"}),
    ('sar-133',
     'I want to see the records about the abuse I suffered in foster care in the 1980s, and '
     'to know if the carers were ever investigated.',
     None, {"sar"}),
    ('eir+foi-04',
     'Could you supply the number of Section 47 enquiries in 2024 broken down by outcome, '
     'and the noise levels recorded at the Hub?',
     None, {"eir", "foi"}),
    ('sar-134',
     'Pursuant to Article 15 UK GDPR, our client Ms Anya Petrova requests a copy of all '
     'personal data processed by the Authority. A signed form of authority is enclosed.',
     None, {"sar"}),
    ('foi-102',
     "Kindly furnish the undersigned with the Authority's expenditure on external legal "
     'counsel in public law children proceedings for FY 2024/25.',
     None, {"foi"}),
    ('sar-135',
     'yo can u send me my stuff from when i was in care ta',
     None, {"sar"}),
    ('eir-30',
     'wot r u doing about the smoke from the bonfires at the back of the kids home',
     None, {"eir"}),
    ('sar-136',
     'need my daughters file asap shes 4',
     None, {"sar"}),
    ('foi-103',
     'Notes: caller (Mrs Obi) asked for the social services file of her late husband, who '
     'was in care in the 1960s. Advised re FOI.',
     None, {"foi"}),
    ('objection-15',
     'The purpose of this letter is to request that the council ceases processing my '
     'personal data for the purposes of the early intervention profiling tool.',
     None, {"objection"}),
    ('rectification-15',
     'Re: Right to rectification - my gender is recorded incorrectly on my file. Please '
     'rectify.',
     None, {"rectification"}),
    ('sar-137',
     "Could you let me know how to get my records? I was in a children's home called "
     'Rosemount in the 1990s.',
     None, {"sar"}),
    ('foi-104',
     "Please may I request the council's policy on restraint in children's homes and the "
     'number of restraints recorded in 2024.',
     None, {"foi"}),
    ('sar-138',
     "I'm writing from Westshire County Council's legal team on behalf of the Local "
     "Authority in care proceedings... actually ignore that, I'm asking personally for my "
     'own file.',
     None, {"sar"}),
    ('sar-139',
     'Dear Sir/Madam, I act as litigation friend for my nephew, who lacks capacity, and '
     'request his social care records. The court order appointing me is attached.',
     None, {"sar"}),
    ('foi-105',
     'Please can you send me a copy of the Ofsted letter from the focused visit in March?',
     None, {"foi"}),
    ('third-party-69',
     'The Senior Coroner for Westshire has opened an inquest into the death of a 2 year old '
     "and requires the council's records by 1 June.",
     None, {"third-party"}),
    ('eir-31',
     "Please provide any records held on the council's systems about my neighbour's dog "
     'fouling the playground.',
     None, {"eir"}),
    ('rectification+sar-03',
     'I would like to see the paperwork from when my children were taken into care, and I '
     'want the lies about me removed.',
     None, {"rectification", "sar"}),
    ('sar-140',
     'Send me my records. I want a copy of every email about me, every note, every report.',
     None, {"sar"}),
    ('foi+sar-24',
     'Can you please tell me how many social workers have caseloads over 25 and send me my '
     'file?',
     None, {"foi", "sar"}),
    ('foi-106',
     'I am a Member of Parliament. Can you please provide statistics on how many children '
     'in care in Westshire are placed outside the county?',
     None, {"foi"}),
    ('eir-32',
     "Please confirm whether the land at Brook Farm, proposed for the new children's home, "
     'has been tested for contamination.',
     None, {"eir"}),
]

ALL_EXAMPLES = EXAMPLES + MORE_EXAMPLES


@pytest.mark.parametrize(
    "text,requester_type,expected", [e[1:] for e in ALL_EXAMPLES], ids=[e[0] for e in ALL_EXAMPLES]
)
def test_regimes(text: str, requester_type: str | None, expected: set[str]) -> None:
    result = triage(text, requester_type)
    assert set(result.regimes) == expected, result.to_dict()


def test_example_ids_are_unique_and_many() -> None:
    ids = [e[0] for e in ALL_EXAMPLES]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 60


# Held-out check: written after the rules were finished and run once without tuning. First run: 18/20
# (ho-06 read "I don't need your services any more" as a weak FOI question; ho-08 read "internal review of
# my FOI request" as a review of a SAR because "review of my" looked like own data). Both were fixed after
# the run and the rows are kept as regression tests. A second blind batch (ho2-*), written after more rules
# were added, scored 20/20 on its first run.
HELD_OUT = [
    ('ho-01',
     "Dear Children's Services, I am 24 and spent my teens in residential care in your "
     'area. Please send me copies of my care file, including my placement records.',
     None, {"sar"}),
    ('ho-02',
     'Could you tell me how many foster families the council currently has, and how many '
     'left fostering in 2024?',
     None, {"foi"}),
    ('ho-03',
     "Hi there, can I please see any info you've got on noise from the generator at the "
     'back of the youth centre? It runs all night.',
     None, {"eir"}),
    ('ho-04',
     "I'm mum to Isla who's 5. Could I have a copy of everything children's services have "
     'written about her?',
     None, {"sar"}),
    ('ho-05',
     'Our firm acts for Ms Hannah Reid. We enclose her signed mandate and ask for a full '
     'copy of the records you hold about her, including social work notes.',
     'solicitor', {"sar"}),
    ('ho-06',
     "Please erase everything you hold on me. I don't need your services any more.",
     None, {"erasure"}),
    ('ho-07',
     'My address on your system is years out of date, please update it to 14 Park View.',
     None, {"rectification"}),
    ('ho-08',
     'I have asked for an internal review of my Freedom of Information request FOI-3301 as '
     'the answer was incomplete.',
     None, {"foi-internal-review"}),
    ('ho-09',
     'Westshire Constabulary, DC Rahman: under Schedule 2 of the DPA we request the social '
     'care chronology for Tyler Barnes (dob 03/04/2011) for a s.47 joint investigation.',
     None, {"third-party"}),
    ('ho-10',
     "I am the Children's Guardian appointed for the children in case WS25C00411 and would "
     "like to inspect the local authority's records under section 42.",
     None, {"third-party"}),
    ('ho-11',
     "Ofsted's lead inspector asks that the case files for the sampled children are made "
     'available from 9am Monday.',
     None, {"third-party"}),
    ('ho-12',
     "I'd like a copy of my records and your policy on sharing information with schools, "
     'please.',
     None, {"foi", "sar"}),
    ('ho-13',
     'Please send me my social care file, and also the latest asbestos survey and the cost '
     'of agency social workers last year.',
     None, {"eir", "foi", "sar"}),
    ('ho-14',
     "I am a journalist with the Westshire Herald. Please send me the council's file on the "
     'case of the two brothers removed from the Fairfield estate last month.',
     'journalist', {"foi"}),
    ('ho-15',
     "My grandad died last year. He told us he grew up in one of your children's homes. Can "
     'we see his records?',
     None, {"foi"}),
    ('ho-16',
     "I was adopted in 1983 through Westshire. I'd like whatever records you have on my "
     'adoption and my birth parents.',
     None, {"sar"}),
    ('ho-17',
     'Please stop sharing my information with the health visitor - I object.',
     None, {"objection"}),
    ('ho-18',
     'once again I am asking for my file. this is the 4th email. sort it out',
     None, {"sar"}),
    ('ho-19',
     "Please could you provide the council's contaminated land register entries for sites "
     "within 500m of any children's home.",
     None, {"eir"}),
    ('ho-20',
     'Under the Freedom of Information Act please send me a copy of all the records the '
     'council holds on me from my time in care.',
     None, {"sar"}),
    ('ho2-01',
     "Hiya, I'm trying to get hold of my care records from when I lived with foster parents "
     'in Westtown in the 2000s, how do I do that?',
     None, {"sar"}),
    ('ho2-02',
     'Please provide the number of children placed for adoption in 2023/24, and the average '
     'age at placement.',
     None, {"foi"}),
    ('ho2-03',
     'I would like to obtain the results of the soil sampling carried out at the Brookside '
     'family centre site.',
     None, {"eir"}),
    ('ho2-04',
     'Can I have the file on my 12 year old please? Social services have been involved '
     'since 2022.',
     None, {"sar"}),
    ('ho2-05',
     'We represent Mr Jacob Stone in a civil claim against the council and request '
     'disclosure of his social care records; his authority is enclosed.',
     None, {"sar"}),
    ('ho2-06',
     'Please wipe all my details from your database.',
     None, {"erasure"}),
    ('ho2-07',
     'Your report says I was at the meeting on 4 April. I was not. Please amend your '
     'records.',
     None, {"rectification"}),
    ('ho2-08',
     "I'd like to request that you review your response to my FOI about agency spend, as I "
     "think you've misapplied section 43.",
     None, {"foi-internal-review"}),
    ('ho2-09',
     'Urgent - Westshire Police request. We are investigating an assault on a 15 year old '
     'and need to know if he is a looked after child.',
     None, {"third-party"}),
    ('ho2-10',
     "I'm the children's guardian in the care proceedings for the Moss children; please "
     "send me the LA's chronology and assessments.",
     None, {"third-party"}),
    ('ho2-11',
     "I'd like a copy of my care file, plus your policy on supporting care leavers at "
     'university.',
     None, {"foi", "sar"}),
    ('ho2-12',
     "Please send me my file, the noise survey for the Oaks and the council's spend on "
     'taxis.',
     None, {"eir", "foi", "sar"}),
    ('ho2-13',
     'Could you send me whatever you have about the neglect case involving the family at 9 '
     'Oak Road?',
     'member_of_public', {"foi"}),
    ('ho2-14',
     "My late brother was in care in Westshire. I'd like to see his records.",
     None, {"foi"}),
    ('ho2-15',
     'i was adopted and want to find my birth mum. can you send me my adoption records',
     None, {"sar"}),
    ('ho2-16',
     "I don't want social services sharing my information with the police any more. I "
     'object.',
     None, {"objection"}),
    ('ho2-17',
     'Please send me my records in a spreadsheet so I can upload them to my new provider.',
     None, {"portability"}),
    ('ho2-18',
     "Stop using my data until you've checked the errors I reported.",
     None, {"restriction"}),
    ('ho2-19',
     "Under EIR, please provide the energy usage figures for all council-run children's "
     'homes for 2024.',
     None, {"eir"}),
    ('ho2-20',
     'Good morning. Could you please send me any information the council holds about me? I '
     'was known to the Northside team as a child. Kind regards, Sam',
     None, {"sar"}),
]


@pytest.mark.parametrize(
    "text,requester_type,expected", [h[1:] for h in HELD_OUT], ids=[h[0] for h in HELD_OUT]
)
def test_held_out(text: str, requester_type: str | None, expected: set[str]) -> None:
    assert set(triage(text, requester_type).regimes) == expected


# --- contract of the API ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_is_rejected(text: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        triage(text)


def test_unknown_requester_type_is_rejected_with_the_choices() -> None:
    with pytest.raises(ValueError, match="unknown requester type 'alien'.*data_subject"):
        triage("Please send my file", "alien")


@pytest.mark.parametrize("requester_type", REQUESTER_TYPES)
def test_every_requester_type_is_accepted(requester_type: str) -> None:
    result = triage("Please send me the records.", requester_type)
    assert result.parts and result.regimes <= set(REGIMES)


def test_to_dict_shape() -> None:
    d = triage("Please send me my file and your policy on contact.").to_dict()
    assert list(d) == ["parts"]
    assert [p["regime"] for p in d["parts"]] == ["sar", "foi"]
    for part in d["parts"]:
        assert set(part) == {"regime", "reasons", "excerpt", "checks"}
        assert isinstance(part["reasons"], list) and isinstance(part["checks"], list)
    assert d["parts"][0]["excerpt"] == "Please send me my file"
    assert d["parts"][1]["excerpt"] == "your policy on contact."


def test_parts_are_frozen_and_validated() -> None:
    part = TriagePart("sar", ("T-1",), "my file", ("identity",))
    with pytest.raises(AttributeError):
        part.regime = "foi"  # type: ignore[misc]
    with pytest.raises(ValueError, match="unknown regime"):
        TriagePart("dsar", (), "x")
    with pytest.raises(ValueError, match="unknown check"):
        TriagePart("sar", (), "x", ("vibes",))
    assert TriageResult((part,)).regimes == {"sar"}


def test_excerpts_follow_the_text_in_order() -> None:
    text = "Send me my file; your complaints policy; and the noise survey for Oak House."
    parts = triage(text).parts
    assert [p.regime for p in parts] == ["sar", "foi", "eir"]
    positions = [text.index(p.excerpt) for p in parts]
    assert positions == sorted(positions)


def test_adjacent_clauses_of_one_regime_are_merged() -> None:
    parts = triage("Please send my file. Include my case notes. And my son's records.").parts
    assert [p.regime for p in parts] == ["sar"]
    assert "parental_responsibility" in parts[0].checks and "identity" in parts[0].checks


# --- reasons name the rule and the words ----------------------------------------------------------------


def test_own_data_reason_cites_t1_and_quotes_the_words() -> None:
    (part,) = triage("Please send me my file.").parts
    assert part.reasons[0] == (
        "T-1 / FOIA s.40(1), EIR reg 5(3): requester asks for their own personal data ('my file')"
    )
    assert part.checks == ("identity",)


def test_foia_named_for_own_data_says_so() -> None:
    (part,) = triage("Under the Freedom of Information Act, please send my records.").parts
    assert part.regime == "sar"
    assert any("s.40(5A)" in r and "FOIA" in r for r in part.reasons)


def test_environmental_reason_cites_t2() -> None:
    (part,) = triage("Please send the asbestos survey for Elm House.").parts
    assert part.reasons[0].startswith("T-2 / EIR reg 2(1)") and "'asbestos" in part.reasons[0]


def test_third_party_reason_names_the_statutory_basis() -> None:
    (part,) = triage("I am the Children's Guardian and wish to examine the records under s.42.").parts
    assert part.regime == "third-party"
    assert "T-5" in part.reasons[0] and "s.42" in part.reasons[0]


def test_police_requester_type_alone_routes_to_third_party() -> None:
    (part,) = triage("Please send everything you have on Mr X.", "police").parts
    assert part.regime == "third-party" and "Sch 2" in part.reasons[0]


def test_journalist_about_a_named_case_notes_s40_2() -> None:
    (part,) = triage("Please send me the social care file on Baby T.", "journalist").parts
    assert part.regime == "foi" and any("s.40(2)" in r for r in part.reasons)


def test_deceased_reason() -> None:
    (part,) = triage("My late mother was in care. Please send me her file.").parts
    assert part.regime == "foi" and part.reasons[0].startswith("T-1 deceased")


# --- checks -------------------------------------------------------------------------------------------


def test_parent_gets_pr_and_competence_checks() -> None:
    (part,) = triage("I want my daughter's social care records.").parts
    assert part.checks == ("identity", "parental_responsibility", "child_competence")
    assert part.reasons[0].startswith("T-4")


def test_solicitor_gets_authority_check() -> None:
    (part,) = triage("We act for Ms Lee. Please send our client's records; her authority is enclosed.").parts
    assert part.regime == "sar" and "solicitor_authority" in part.checks


def test_adoption_records_flag_the_adoption_route() -> None:
    (part,) = triage("I was adopted in 1990 and want my adoption file.").parts
    assert part.regime == "sar" and "adoption_route" in part.checks
    assert any("Sch 4 para 3" in r for r in part.reasons)


def test_care_leaver_is_sar_with_t6_reason() -> None:
    (part,) = triage("I'm a care leaver and would like my file.").parts
    assert part.regime == "sar" and any(r.startswith("T-6") for r in part.reasons)


def test_child_requester_gets_competence_check() -> None:
    (part,) = triage("I am 13 and I want to see my file.").parts
    assert "child_competence" in part.checks


@pytest.mark.parametrize(
    "text,regimes",
    [
        ("For the third time, send me my file.", {"sar"}),
        ("I have asked 6 times how many children are in care. Answer it.", {"foi"}),
        ("Yet again: the noise survey for Oak House and my records.", {"eir", "sar"}),
    ],
)
def test_vexatious_cues_flag_every_part_but_never_change_the_regime(text: str, regimes: set[str]) -> None:
    result = triage(text)
    assert result.regimes == regimes
    for part in result.parts:
        assert "flag_vexatious_review" in part.checks
        assert any(r.startswith("T-7") and "never auto-refuse" in r for r in part.reasons)


def test_checks_are_known_and_in_canonical_order() -> None:
    for _, text, requester_type, _ in ALL_EXAMPLES:
        for part in triage(text, requester_type).parts:
            assert list(part.checks) == [c for c in CHECKS if c in part.checks]


def test_negation_of_own_data() -> None:
    assert triage("I am not asking for my own file; what is your retention policy?").regimes == {"foi"}
    assert triage("This is not a subject access request. How many SARs did you get?").regimes == {"foi"}
