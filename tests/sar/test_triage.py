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
    ("t1-eir-named", "Under the Environmental Information Regulations I'd like my personal file.", None, {"sar"}),
    ("t1-chatty", "hiya, can i get a copy of my file from childrens services? ta", None, {"sar"}),
    ("t1-typo", "Plese can you send me my recrods, i beleive social servises had a file on me as a kid",
     None, {"sar"}),
    ("t1-whatsaid", "I want to know what social services wrote about me between 2010 and 2014.", None, {"sar"}),
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
    ("t1-journalist-own", "I'm a reporter at the Gazette but this is personal: please send me the data you hold "
     "about me.", "journalist", {"sar"}),
    # --- T-6: care leavers and adoption -----------------------------------------------------------------
    ("t6-care-leaver", "I'm a care leaver, I was in foster care from age 4 to 18 and I want to read my file.",
     None, {"sar"}),
    ("t6-adopted", "I was adopted as a baby in 1986 and I'd like to see my adoption file and anything about "
     "my birth mother.", None, {"sar"}),
    # --- T-4: on behalf of someone else ------------------------------------------------------------------
    ("t4-parent", "I am Lily's mum. Please send me all records about my daughter Lily (aged 7).", None, {"sar"}),
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


@pytest.mark.parametrize("text,requester_type,expected", [e[1:] for e in EXAMPLES], ids=[e[0] for e in EXAMPLES])
def test_regimes(text: str, requester_type: str | None, expected: set[str]) -> None:
    result = triage(text, requester_type)
    assert set(result.regimes) == expected, result.to_dict()
