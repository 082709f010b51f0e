"""Table-driven triage rows: T-1, T-4, T-6: the requester's own data, a child's, a client's; care leavers and adoption.

Each row is a request in a requester's own words and the exact SET of regimes it must be routed to.
Moved unchanged from the former tests/sar/test_triage.py.
"""

from __future__ import annotations

import pytest

from triage import triage

# (id, text, requester_type, expected regimes)
ROWS = [
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
    ("t6-care-leaver", "I'm a care leaver, I was in foster care from age 4 to 18 and I want to read my file.",
     None, {"sar"}),
    ("t6-adopted", "I was adopted as a baby in 1986 and I'd like to see my adoption file and anything about "
     "my birth mother.", None, {"sar"}),
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
    ('sar-01',
     "Good morning, I'd like to make a subject access request for all records relating to "
     "me held by Children's Social Care. My date of birth is 3 April 1995. I was known to "
     'the Eastside team.',
     None, {"sar"}),
    ('sar-02',
     'I need a copy of the report the social worker wrote about my children for the court '
     'hearing',
     None, {"sar"}),
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
    ('sar-07',
     "Hi, my daughter is 16 and wants her file but she's too anxious to ask, can I ask for "
     'her?',
     None, {"sar"}),
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
    ('sar-15',
     'I am requesting all records, reports and notes written about me by Social Services '
     'from 2001 to 2010.',
     None, {"sar"}),
    ('sar-16',
     'Our client, a care leaver, wishes to bring a claim. Please disclose her full social '
     'care file.',
     None, {"sar"}),
    ('sar-17',
     "I want to appeal the decision to withhold parts of my son's file.",
     None, {"sar"}),
    ('sar-18',
     "Hello, my son was removed from my care in 2019. I'd like everything in his file and "
     'any reports the council sent to the court.',
     None, {"sar"}),
    ('sar-19',
     'Re: Ms Taylor (dob 12/08/1990) - she has asked me, her support worker, to request her '
     'records from when she was in care. Her signed consent is attached.',
     None, {"sar"}),
    ('sar-20',
     'Dear Data Protection Officer,\n\nI am writing to request copies of all personal data '
     "Westshire County Council holds about me, including records from the Children's Social "
     'Care department from 1999 to 2008.\n\nYours faithfully,\nSarah Mills',
     None, {"sar"}),
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
    ('sar-24',
     'I am 14 and I want to know what my social worker writes about me.',
     None, {"sar"}),
    ('sar-25',
     'For the third time, please send me my file. I first asked in January and I will keep '
     'asking until you comply.',
     None, {"sar"}),
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
    ('sar-33',
     'My grandson is living with me under a special guardianship order. I need his records '
     'from before he came to me.',
     None, {"sar"}),
    ('sar-34',
     'Dear Council, I wish to see all information held about me by your Social Services '
     'under the Data Protection Act 2018. Yours sincerely, A. Patel',
     None, {"sar"}),
    ('sar-35',
     'Can I have a copy of the notes from my child protection conference last week please',
     None, {"sar"}),
    ('sar-36',
     "I want to see my adoption file, I'm 32 and was adopted through your agency.",
     None, {"sar"}),
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
    ('sar-48',
     'I want all of the recordings of my phone calls with the duty team.',
     None, {"sar"}),
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
    ('sar-52',
     'My son, who is 19, is in prison and has asked me to get his social care records for '
     'him.',
     None, {"sar"}),
    ('sar-53',
     'What information do you have about me and my children? I also want to know why my '
     'case was transferred to another team.',
     None, {"sar"}),
    ('sar-54',
     'Good afternoon, please can you tell me if you have any records about me from when I '
     "was in Sunnyside children's home in the 1970s. Thanks, Margaret",
     None, {"sar"}),
    ('sar-55',
     "Hi, my partner and I adopted our son through you in 2015. We'd like to see his "
     'adoption file.',
     None, {"sar"}),
    ('sar-56',
     'send me my fucking file',
     None, {"sar"}),
    ('sar-57',
     'Please send me the file on my foster son, who lives with me.',
     None, {"sar"}),
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
    ('sar-64',
     'i want copies of every report ever written about me by social services and i want to '
     'know why they took my kids',
     None, {"sar"}),
    ('sar-65',
     "Please could you tell me if my son's social worker has written anything about me in "
     'his file, and send me a copy.',
     None, {"sar"}),
    ('sar-66',
     "I'm a police officer but asking as a private individual: please send me my own "
     'childhood social care records.',
     None, {"sar"}),
    ('sar-67',
     "Hello, I hope you're well. I was in care as a teenager (2008-2012) and I'm now trying "
     'to make sense of it. Could you send me whatever you have? Many thanks, Leon',
     None, {"sar"}),
    ('sar-68',
     'I would like to see my file again, I have asked for this repeatedly over the last 3 '
     'months and had no reply.',
     None, {"sar"}),
    ('sar-69',
     'my nan says social services took me off my mum when i was a baby. can i see why',
     None, {"sar"}),
    ('sar-70',
     "Hello, I'm an MP writing on behalf of my constituent Mrs Rees, who has asked me to "
     'obtain her social care records. Her consent is attached.',
     None, {"sar"}),
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
    ('sar-76',
     "I'm a foster carer and I want to see what the council has recorded about me in my "
     'foster carer file.',
     None, {"sar"}),
    ('sar-77',
     'Is there a file on me? I was in care as a baby. Im 40 now.',
     None, {"sar"}),
    ('sar-78',
     "As Jack's stepfather I would like to see his records.",
     None, {"sar"}),
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
    ('sar-84',
     'Can I see the notes social services made when they came to my house last month?',
     None, {"sar"}),
    ('sar-85',
     'I was in the care system from birth to 16. Please provide copies of all files, '
     'photographs and reports.',
     None, {"sar"}),
    ('sar-86',
     "I would like to see my dad's social care records, he's still alive but in a home with "
     "dementia and I'm his attorney.",
     None, {"sar"}),
    ('sar-87',
     'please send my file and my brothers file we were in care together and he says its ok',
     None, {"sar"}),
    ('sar-88',
     "I'd like to make a SAR for my son who is 6.",
     None, {"sar"}),
    ('sar-89',
     'Why did you share my information with my ex? I want to see what you sent him.',
     None, {"sar"}),
    ('sar-90',
     'i keep asking and nobody answers. FOURTH email. send me my records',
     None, {"sar"}),
    ('sar-91',
     'What personal information about me has been shared with other agencies?',
     None, {"sar"}),
    ('sar-92',
     'Can you send me the photos the social worker took of my flat?',
     None, {"sar"}),
    ('sar-93',
     'Please supply copies of any contact between the council and my employer about me.',
     None, {"sar"}),
    ('sar-94',
     'MY FILE PLEASE',
     None, {"sar"}),
    ('sar-95',
     'SAR',
     None, {"sar"}),
    ('sar-96',
     'To Whom It May Concern\n\nRE: DATA SUBJECT ACCESS REQUEST\n\nI, Thomas Hughes (DOB '
     '05/09/1988), hereby request all personal data held about me.\n\nRegards\nT Hughes',
     None, {"sar"}),
    ('sar-97',
     "I would like to request all records held by Children's Services about my grandson "
     'Alfie, whom I have cared for under a special guardianship order since 2021.',
     None, {"sar"}),
    ('sar-98',
     'I think my file has loads of mistakes. Can you send it to me so I can check?',
     None, {"sar"}),
    ('sar-99',
     'hello im 17 and in foster care, can i see my file and my care plan',
     None, {"sar"}),
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
    ('sar-110',
     'Please send me any records relating to my involvement with your Youth Offending '
     'Service when I was 15.',
     None, {"sar"}),
    ('sar-111',
     "I'm a kinship carer for my niece. Please can I have a copy of her care plan and any "
     'assessments about her.',
     None, {"sar"}),
    ('sar-112',
     "Send me everything you've got on me. Now.",
     None, {"sar"}),
    ('sar-113',
     "Dear Sir, I was a resident at Ashdown House, a council children's home, between 1971 "
     'and 1977. I would be grateful for any records you have. Yours, Peter',
     None, {"sar"}),
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
    ('sar-117',
     'Under Article 15 please provide my personal data.',
     None, {"sar"}),
    ('sar-118',
     'Is there any information about me from when I called the NSPCC helpline in 2015 that '
     'was passed to you?',
     None, {"sar"}),
    ('sar-119',
     'I am the grandmother of two children currently in foster care. I would like to see '
     'their files.',
     None, {"sar"}),
    ('sar-120',
     'Could you please forward copies of the assessments completed on my family in 2016 and '
     '2018?',
     None, {"sar"}),
    ('sar-121',
     "I believe social services were involved with me as a teenager. I'd appreciate copies "
     'of anything relevant.',
     None, {"sar"}),
    ('sar-122',
     "Hi, my foster carer says I can ask for my records. I'm 16. How do I get them?",
     None, {"sar"}),
    ('sar-123',
     'The solicitor for my ex has my file, why does she have it and can I have a copy too?',
     None, {"sar"}),
    ('sar-124',
     "I'd like to see what was recorded when I rang the duty line in May.",
     None, {"sar"}),
    ('sar-125',
     'I am the adoptive mother of Sam (now 9). Please send me his pre-adoption social care '
     'records.',
     None, {"sar"}),
    ('sar-126',
     "I'm writing on behalf of my friend who has learning difficulties and has asked me to "
     'help her get her file. She has signed a consent form.',
     None, {"sar"}),
    ('sar-127',
     'For the umpteenth time, where is my file?',
     None, {"sar"}),
    ('sar-128',
     'Please send me everything you hold about Ruby.',
     'parent', {"sar"}),
    ('sar-129',
     "Please provide our client's records.",
     'solicitor', {"sar"}),
    ('sar-130',
     'I want my own file please.',
     'member_of_public', {"sar"}),
    ('sar-131',
     'Please send me my records.',
     'data_subject', {"sar"}),
    ('sar-132',
     "Please can I see my grandchildren's files, I look after them full time.",
     None, {"sar"}),
    ('sar-133',
     'I want to see the records about the abuse I suffered in foster care in the 1980s, and '
     'to know if the carers were ever investigated.',
     None, {"sar"}),
    ('sar-134',
     'Pursuant to Article 15 UK GDPR, our client Ms Anya Petrova requests a copy of all '
     'personal data processed by the Authority. A signed form of authority is enclosed.',
     None, {"sar"}),
    ('sar-135',
     'yo can u send me my stuff from when i was in care ta',
     None, {"sar"}),
    ('sar-136',
     'need my daughters file asap shes 4',
     None, {"sar"}),
    ('sar-137',
     "Could you let me know how to get my records? I was in a children's home called "
     'Rosemount in the 1990s.',
     None, {"sar"}),
    ('sar-138',
     "I'm writing from Westshire County Council's legal team on behalf of the Local "
     "Authority in care proceedings... actually ignore that, I'm asking personally for my "
     'own file.',
     None, {"sar"}),
    ('sar-139',
     'Dear Sir/Madam, I act as litigation friend for my nephew, who lacks capacity, and '
     'request his social care records. The court order appointing me is attached.',
     None, {"sar"}),
    ('sar-140',
     'Send me my records. I want a copy of every email about me, every note, every report.',
     None, {"sar"}),
]


@pytest.mark.parametrize("text,requester_type,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_regimes(text: str, requester_type: str | None, expected: set[str]) -> None:
    result = triage(text, requester_type)
    assert set(result.regimes) == expected, result.to_dict()
