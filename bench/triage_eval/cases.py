"""Evaluation requests for triage, in our own words, keeping the phenomena of real published requests.

See README.md. Each case: (id, text, expected regimes). Names, places and references are invented.
"""

from __future__ import annotations

# A public request site wraps every message in the same boilerplate (paraphrased here, as it appears in
# published threads: a reply-to line, a "wrong address" line naming the FOI mailbox, a publication
# disclaimer and a plea to link to the site).
_SITE_FOOTER = (
    "\n\n-------------------------------------------------------------------\n"
    "Please use this email address for all replies to this request:\n"
    "foi+request-{n}-a1b2c3@whatdotheyknow.com\n\n"
    "Is foi@{body}.gov.uk the wrong address for Freedom of Information requests to {Body}? If so, please "
    "contact us using this form:\nhttps://www.whatdotheyknow.com/change_request/new?body={body}\n\n"
    "Disclaimer: This message and any reply that you make will be published on the internet. Our privacy "
    "and copyright policies:\nhttps://www.whatdotheyknow.com/help/officers\n\n"
    "For more detailed guidance on safely disclosing information, read the latest advice from the ICO:\n"
    "https://www.whatdotheyknow.com/help/ico-guidance-for-authorities\n\n"
    "Please note that in some cases publication of requests and responses will be delayed.\n\n"
    "If you find this service useful as an FOI officer, please ask your web manager to link to us from "
    "your organisation's FOI page.\n"
    "-------------------------------------------------------------------"
)


def site(text: str, n: int, body: str = "fernleigh") -> str:
    """``text`` as a public request site sends it."""
    return text + _SITE_FOOTER.format(n=n, body=body, Body=f"{body.title()} Council")


_REVIEW_OPENING = "Please pass this on to the person who conducts Freedom of Information reviews.\n\n"

CASES: list[tuple[str, str, set[str]]] = [
    # ---- plain FOI with numbered questions and the site footer ---------------------------------------
    ("foi-01", site("Dear Fernleigh Council,\n\nPlease could you tell me, for each of the financial years "
     "2021/22, 2022/23 and 2023/24:\n1. How many children were placed in residential children's homes "
     "outside the borough?\n2. Of these, how many were placed more than 20 miles away?\n3. The average weekly "
     "cost of these placements.\n\nYours faithfully,\n\nR. Oduya", 901), {"foi"}),
    ("foi-02", site("Dear Ashby Vale District Council,\n\nI would like to know the number of agency social "
     "workers employed in children's services on 1 April this year, and the total paid to agencies for the "
     "same period last year.\n\nYours faithfully,\nKieran Walsh", 902, "ashbyvale"), {"foi"}),
    ("foi-03", "Hi, under FOI can you send me your current policy on unregistered placements for children "
     "aged 16 and 17, and any guidance issued to staff about it. Thanks, Dee", {"foi"}),
    ("foi-04", site("Dear Fernleigh Council,\n\nPlease provide the number of Subject Access Requests your "
     "children's services department received in each of the last three years, and how many of the above "
     "were answered within one month.\n\nYours faithfully,\nM Gray", 903), {"foi"}),
    ("foi-05", site("Dear Harlow Cross Council,\n\nPlease provide a copy of the contract between the council "
     "and the provider of your out-of-hours emergency duty team, together with the value of the contract.\n"
     "If any part is withheld as commercially sensitive, please release the rest.\n\nYours faithfully,\n"
     "Jo Fenwick", 904, "harlowcross"), {"foi"}),
    ("foi-06", "Dear Sir/Madam, I am a journalist at a regional newspaper. Please disclose the number of "
     "serious incident notifications made to Ofsted by the council in 2023 and in 2024, broken down by "
     "category. Please provide the 2022 figures as well. Regards, Sam Ince, reporter", {"foi"}),
    ("foi-07", site("Dear Fernleigh Council,\n\nI am researching how councils handle information requests. "
     "Please tell me:\n(a) the number of FOI requests received in 2023;\n(b) the number of EIR requests "
     "received in 2023;\n(c) the number of subject access requests received in the same period;\n"
     "(d) the number of staff in your information governance team.\n\nMany thanks,\nPriya Nair", 905),
     {"foi"}),
    ("foi-08", site("Dear Brackenfield Council,\n\nWhat training do foster carers receive on online safety? "
     "Please send the course materials and the number of carers who completed it in 2024.\n\n"
     "Yours faithfully,\nA. Kowalczyk", 906, "brackenfield"), {"foi"}),
    ("foi-09", "Good afternoon, could you please supply the minutes of the Corporate Parenting Board for the "
     "last four meetings. If these are already published please send a link. Kind regards, Tom Beck",
     {"foi"}),
    ("foi-10", site("Dear Fernleigh Council,\n\nPlease list every consultancy firm paid by children's "
     "services since April 2022 and the amount paid to each. For the above firms, please say which were "
     "appointed without a competitive tender.\n\nYours faithfully,\nHelen Marr", 907), {"foi"}),
    ("foi-11", "Dear council, how many children in your care went missing from placement in 2023? Of these "
     "how many were missing more than once? Please also give the same figures for 2022. thanks", {"foi"}),
    ("foi-12", site("Dear Ashby Vale District Council,\n\nI understand from your website that you operate a "
     "'family hub' model. Please provide the business case for the hubs and the total budget for 2024/25.\n\n"
     "Yours faithfully,\nNeil Carver", 908, "ashbyvale"), {"foi"}),
    ("foi-13", "Dear FOI team, please could you tell me how many complaints about children's social care "
     "were received in 2023, how many were upheld, and the average time taken to respond to the above "
     "complaints. Yours sincerely, Bea Lowe", {"foi"}),
    ("foi-14", site("Dear Harlow Cross Council,\n\nIn your response to a previous request (published on your "
     "disclosure log) you said that the council 'does not hold records of placement breakdowns'. Please "
     "provide any report to Cabinet since 2020 that mentions placement stability.\n\nYours faithfully,\n"
     "Ola Martins", 909, "harlowcross"), {"foi"}),
    ("foi-15", "Hello, could you please send me the organisational chart for children's services with job "
     "titles down to team manager level. Cheers, Vic", {"foi"}),
    ("foi-16", site("Dear Fernleigh Council,\n\nPlease can you confirm whether the council has used a "
     "spreadsheet or any software tool to predict which families may need early help, and if so please "
     "provide the data protection impact assessment for it.\n\nYours faithfully,\nC Huang", 910), {"foi"}),
    ("foi-17", "Dear Sirs, how many care leavers aged 18-21 were in staying put arrangements on 31 March "
     "2024? How much did the council pay in staying put allowances in the same period? Yours faithfully, "
     "D. Price", {"foi"}),
    ("foi-18", site("Dear Brackenfield Council,\n\nHow many children were subject to a reunification plan "
     "after leaving care in 2023, and how many of these returned to care within 12 months?\n\n"
     "Yours faithfully,\nLee Hart", 911, "brackenfield"), {"foi"}),
    ("foi-19", "Please send a copy of your retention schedule for children's social care records, and "
     "explain how long you keep records of children who were adopted. Thank you. Gill", {"foi"}),
    ("foi-20", site("Dear Fernleigh Council,\n\nI recently read that some councils have deleted old case "
     "files in error. Please tell me whether any children's social care records were deleted or destroyed "
     "in error in 2022, 2023 or 2024, and how many data breaches were reported to the ICO in the same "
     "years.\n\nYours faithfully,\nP. Adeyemi", 912), {"foi"}),
    ("foi-21", "I would like to know how many children have been placed in unregulated accomodation in the "
     "last two years and what was spent on thse placements. Ta", {"foi"}),
    ("foi-22", site("Dear Fernleigh Council,\n\nPlease could you send me the written procedure staff follow "
     "when a family asks for their records to be corrected or rectified, and the number of such requests "
     "received in 2024.\n\nYours faithfully,\nKat Moss", 913), {"foi"}),
    ("foi-23", "Dear Harlow Cross Council, what is the fee, if any, you charge for a subject access request, "
     "and how many subject access requests did you refuse as manifestly unfounded in 2024? Regards, L. Dunn",
     {"foi"}),
    # ---- EIR, explicit or from the definition --------------------------------------------------------
    ("eir-01", site("Dear Fernleigh Council,\n\nThis is a request under the Environmental Information "
     "Regulations. Please provide the number of tree preservation orders made in each of the last five "
     "years. Of these, how many were made in conservation areas? For the same period, how many applications "
     "to fell protected trees were refused?\n\nYours faithfully,\nTess Akers", 914), {"eir"}),
    ("eir-02", site("Dear Ashby Vale District Council,\n\nPlease provide all correspondence between the "
     "council and the developer about the prior approval application for the conversion of the former "
     "library on Mill Street, including any officer notes of site visits.\n\nYours faithfully,\nB. Sadler",
     915, "ashbyvale"), {"eir"}),
    ("eir-03", "Dear Sir or Madam, please send me the lawful development certificate decision for 14 "
     "Quarry Rise and the plans submitted with it. Kind regards, Ian Roper", {"eir"}),
    ("eir-04", site("Dear Brackenfield Council,\n\nPlease tell me when the trees along Beacon Walk were last "
     "pruned and when they are next due to be pruned. Please also provide the inspection reports for these "
     "trees since 2020.\n\nYours faithfully,\nJ. Tully", 916, "brackenfield"), {"eir"}),
    ("eir-05", "Hello, I'd like the air quality monitoring results for the diffusion tubes outside the "
     "primary schools in the town for 2023 and 2024, and the council's plans to reduce them. Thanks, Ruth",
     {"eir"}),
    ("eir-06", site("Dear Fernleigh Council,\n\nPlease provide the number of fixed penalty notices issued "
     "for fly-tipping in 2024 and the tonnage of fly-tipped waste cleared in the same year.\n\nYours "
     "faithfully,\nD Okoro", 917), {"eir"}),
    ("eir-07", "Dear council, under the EIR please send the asbestos survey and the condition survey for "
     "the children's home at Larch House, and the cost of any remedial works. Regards, Hal Brent", {"eir"}),
    ("eir-08", site("Dear Harlow Cross Council,\n\nPlease send me any soil or ground investigation reports "
     "for the site of the proposed new school on Orchard Lane, and details of any contamination found.\n\n"
     "Yours faithfully,\nMina Chow", 918, "harlowcross"), {"eir"}),
    ("eir-09", "Hi, what are the noise complaint figures for the new distribution centre since it opened, "
     "and what action has environmental health taken? Fiona", {"eir"}),
    ("eir-10", site("Dear Fernleigh Council,\n\nPlease provide the planning enforcement file for the "
     "unauthorised hardstanding at Green Acre Farm, including photographs taken by officers.\n\nYours "
     "faithfully,\nEd Lyle", 919), {"eir"}),
    ("eir-11", "Dear Sir/Madam, how much has the council spent on road gritting in each of the last three "
     "winters, and how many tonnes of salt were spread in the same period? Regards, Bill Stone", {"eir"}),
    ("eir-12", site("Dear Ashby Vale District Council,\n\nPlease release the ecology and bat surveys "
     "submitted with planning application 23/0456/FUL, and any comments from the council's ecologist.\n\n"
     "Yours faithfully,\nNora Pike", 920, "ashbyvale"), {"eir"}),
    ("eir-13", "Dear council, please send me the energy performance certificates and the annual gas and "
     "electricity consumption for each council-run children's home. Thanks, Raj", {"eir"}),
    ("eir-14", site("Dear Brackenfield Council,\n\nPlease provide the traffic survey data used to justify "
     "the school street scheme on Hollow Road, and the consultation responses you received about it.\n\n"
     "Yours faithfully,\nG. Ward", 921, "brackenfield"), {"eir"}),
    # ---- mixed FOI + EIR -------------------------------------------------------------------------------
    ("mix-01", site("Dear Fernleigh Council,\n\n1. How many social workers left children's services in "
     "2024?\n2. Please provide the flood risk assessment for the new family centre on Wharf Road.\n\n"
     "Yours faithfully,\nIvy Rhodes", 922), {"foi", "eir"}),
    ("mix-02", "Dear Sir/Madam, please send the council's policy on home-to-school transport for children "
     "in care. Separately, please send the air quality readings taken outside Westfield Academy in 2024. "
     "Regards, Ben Ash", {"foi", "eir"}),
    # ---- SAR and mixed SAR ---------------------------------------------------------------------------
    ("sar-01", "Dear Data Protection Officer, I am making a subject access request. I was in foster care "
     "with your authority between 2004 and 2010. Please send me copies of my care records and any reports "
     "written about me. My date of birth is 02/03/1996. Yours sincerely, Aaron Quinn", {"sar"}),
    ("sar-02", "hi i was took into care when i was 7 and want to see my file from social services, what "
     "they wrote about me and why i was moved so many times. thanks Kayla", {"sar"}),
    ("sar-03", "Dear Sir/Madam, I would like copies of all emails and case notes that mention me, held by "
     "the children's disability team, from January 2022 to date. Please also send your policy on how "
     "long such notes are kept. Yours faithfully, Nadia Farouk", {"sar", "foi"}),
    ("sar-04", "To whom it may concern, please provide all the personal data the council holds about me, "
     "including social care records, under Article 15 UK GDPR. I attach a copy of my passport. Regards, "
     "Hugo Santos", {"sar"}),
    ("sar-05", "Dear Information Governance, I'm the mother of Leo (aged 5) and have parental "
     "responsibility. Please send me a copy of my son's social care file, including the child and family "
     "assessment completed last year. Thank you, Chloe Barnes", {"sar"}),
    ("sar-06", "Hello, my social worker said I should write to the Subject Access Requests team. I would "
     "like a copy of the notes from my child protection conference in March. Kind regards, Dan Eze",
     {"sar"}),
    ("sar-07", site("Dear Fernleigh Council,\n\nUnder the Freedom of Information Act I would like all the "
     "information you hold about me, including the records of my complaint last year.\n\nYours "
     "faithfully,\nP. Lambert", 923), {"sar"}),
    # ---- rights requests -----------------------------------------------------------------------------
    ("rect-01", "Dear Sir/Madam, the assessment you sent me says I missed three appointments in 2023. That "
     "is wrong: I attended all of them. Please correct my record and confirm when it has been done. Mark "
     "Ellis", {"rectification"}),
    ("eras-01", "I no longer use your early help service. Please delete all the personal data you hold "
     "about me and my contact details from your systems. Regards, Suki Lam", {"erasure"}),
    # ---- internal reviews and complaints about handling ------------------------------------------------
    ("rev-01", site(_REVIEW_OPENING + "Dear Fernleigh Council,\n\nI am writing to request an internal review "
     "of Fernleigh Council's handling of my FOI request 'Agency social worker spend'.\n\nYou have applied "
     "section 12 to the whole request, but questions 1 and 2 could be answered within the cost limit. A full "
     "history of my FOI request and all correspondence is available on the Internet at this address: "
     "https://www.whatdotheyknow.com/request/agency_social_worker_spend_7\n\nYours faithfully,\n"
     "Kieran Walsh", 924), {"foi-internal-review"}),
    ("rev-02", site(_REVIEW_OPENING + "Dear Harlow Cross Council,\n\nI am writing to request an internal "
     "review of Harlow Cross Council's handling of my FOI request 'Emergency duty team contract'. It is "
     "now more than 20 working days since I asked and I have had no reply.\n\nA full history of my FOI "
     "request and all correspondence is available on the Internet at this address: "
     "https://www.whatdotheyknow.com/request/emergency_duty_team_contract\n\nYours faithfully,\nJo Fenwick",
     925, "harlowcross"), {"foi-internal-review"}),
    ("rev-03", "Dear Information Governance Team, ref FOI-2024-1187, your response of 3 May 2024. I do not "
     "accept that section 40(2) applies to anonymised totals. Please carry out an internal review. Regards, "
     "Ola Martins", {"foi-internal-review"}),
    ("rev-04", site("Dear Ashby Vale District Council,\n\nI am not satisfied with your reply to my request "
     "under the Environmental Information Regulations about the Mill Street prior approval (your ref "
     "EIR/0932). Please reconsider it under regulation 11; the developer's correspondence is not covered "
     "by any exception.\n\nYours faithfully,\nB. Sadler", 926, "ashbyvale"), {"eir-reconsideration"}),
    ("rev-05", "Dear council, I asked for the number of children placed out of area in January and you "
     "refused it as vexatious. I think that's wrong, it's my first request to you. Please review your "
     "decision. thanks Dee", {"foi-internal-review"}),
    ("rev-06", site(_REVIEW_OPENING + "Dear Brackenfield Council,\n\nI am writing to request an internal "
     "review of Brackenfield Council's handling of my FOI request 'Tree inspections Beacon Walk'. Trees "
     "are environmental, so this should have been dealt with under the EIR and the cost limit does not "
     "apply.\n\nA full history of my FOI request and all correspondence is available on the Internet at "
     "this address: https://www.whatdotheyknow.com/request/tree_inspections_beacon_walk\n\nYours "
     "faithfully,\nJ. Tully", 927, "brackenfield"), {"foi-internal-review"}),
    # ---- background that mentions other regimes; procedure questions ----------------------------------
    ("bg-01", site("Dear Fernleigh Council,\n\nLast year I made a subject access request and received my "
     "records, which is how I learned that the council uses an external company to store scanned files. "
     "Please provide the name of that company, the contract value and the contract end date.\n\nYours "
     "faithfully,\nT. Murray", 928), {"foi"}),
    ("bg-02", "Dear Sir/Madam, your website says a subject access request can take up to three months for "
     "complex cases. How many subject access requests to children's services were extended in this way in "
     "2024? Regards, Paula Grey", {"foi"}),
    ("bg-03", site("Dear Harlow Cross Council,\n\nI live near the recycling centre and the smell in summer "
     "is terrible, but this request is about something else. Please provide the council's current staff "
     "sickness absence figures for children's services, by team.\n\nYours faithfully,\nW. Okafor", 929,
     "harlowcross"), {"foi"}),
    ("bg-04", "Dear council, how does your internal review procedure for FOI work? Please send the written "
     "procedure and the number of internal reviews completed in 2024, and how many of the above upheld the "
     "original decision. Thanks, Ann Lee", {"foi"}),
    ("bg-05", site("Dear Brackenfield Council,\n\nIn the Cabinet report of June 2024 the council said it "
     "wanted to 'protect British soil and heritage'. Please send any briefing notes given to the Leader "
     "before that meeting about the asylum-seeking children's placements.\n\nYours faithfully,\nS. Dale",
     930, "brackenfield"), {"foi"}),
    ("bg-06", site("Dear Fernleigh Council,\n\nDo you hold a register of the CCTV cameras at council-run "
     "children's homes? If so, please send it and your policy on how long footage is kept.\n\nYours "
     "faithfully,\nRon Patel", 931), {"foi"}),
    ("bg-07", "Good morning, I'm a student researching social care. I wanted to know how many foster "
     "carers were deregistered in 2023 and the reasons recorded. I previously asked this in 2022 and the "
     "figures were helpful. Many thanks, Zoe (sent from my iPhone)", {"foi"}),
    ("bg-08", site("Dear Ashby Vale District Council,\n\nPlease provide the number of children whose "
     "records had to be rectified after the 2023 system migration, and the cost of the data cleansing "
     "project.\n\nYours faithfully,\nM Osei", 932, "ashbyvale"), {"foi"}),
    ("bg-09", "Dear Sir/Madam, please send me copies of any guidance given to social workers about "
     "children exposed to cigarette smoke at home, and how many assessments in 2024 recorded it as a "
     "concern. Yours faithfully, Kim Ford", {"foi"}),
    ("bg-10", site("Dear Fernleigh Council,\n\nPlease provide copies of the data protection policy and the "
     "privacy notice that apply to children's services, and the name of your Data Protection Officer.\n\n"
     "Yours faithfully,\nLuke Barr", 933), {"foi"}),
    ("bg-11", "Dear council, my neighbour told me the old care home on Elm Street is being sold. Please "
     "send me the valuation report and the minutes of the meeting where the sale was agreed. Bob", {"foi"}),
    ("bg-12", "Hello, please send me statistics on how many children were adopted in 2023 and 2024, and "
     "the average time from entering care to adoption for those children. Regards Amy", {"foi"}),
    ("bg-13", site("Dear Harlow Cross Council,\n\nHow many Special Guardianship Orders were made in 2024? "
     "For the above, how many special guardians receive an allowance, and what is the weekly rate?\n\n"
     "Yours faithfully,\nDev Shah", 934, "harlowcross"), {"foi"}),
    ("bg-14", "Dear council, please provide the spreadsheet you use to record children missing education, "
     "with all names removed, or the totals by year group if that is easier. Thanks, Fran", {"foi"}),
]
