"""A second evaluation batch, written after the rules were tuned on cases.py and scored once, untuned.

Same rules as cases.py: our own words, real phenomena (footers, reply chains, web-form prefixes,
follow-ups, mixed asks, background mentions, typos). Each case: (id, text, expected regimes).
"""

from __future__ import annotations

from cases import site

CASES: list[tuple[str, str, set[str]]] = [
    ("f-01", site("Dear Kelbrook Council,\n\nPlease provide the number of children placed with in-house "
     "foster carers and with independent fostering agencies on 31 March 2025. For the above, what was the "
     "average weekly cost per placement?\n\nYours faithfully,\nAnnie Lowry", 1001, "kelbrook"), {"foi"}),
    ("f-02", "Request details: How many education, health and care plans were issued within 20 weeks in "
     "2024? Name: Tariq Noor. Preferred format: email.", {"foi"}),
    ("f-03", site("Dear Kelbrook Council,\n\nPlease send the most recent air quality annual status report and "
     "any monitoring data for Canal Street collected since it was published.\n\nYours faithfully,\nP Jones",
     1002, "kelbrook"), {"eir"}),
    ("f-04", "Hello, i want a copy of everything childrens services has on me from when i was in care in "
     "the 2000s, my DOB is 4/9/1994 and i was at Beech House. thanks Jade", {"sar"}),
    ("f-05", "Dear Sir/Madam, I act for Ms R Hale under the attached signed authority. Please provide copies of "
     "all social care records held about our client from 2015 to date. Yours faithfully, Harker & Lyle "
     "Solicitors", {"sar"}),
    ("f-06", site("Dear Kelbrook Council,\n\nPlease provide the planning officer's delegated report and the "
     "decision notice for the telecoms mast on Hill Road, and tell me how many objections were received "
     "about it.\n\nYours faithfully,\nLen Ashworth", 1003, "kelbrook"), {"eir"}),
    ("f-07", "Dear council, following your refusal dated 12 February 2025 (ref FOI-7731), I ask you to "
     "review your decision. The public interest favours release. Regards, Kim Salter",
     {"foi-internal-review"}),
    ("f-08", "-----Original Message-----\nFrom: Information Requests\nSent: 3 March 2025\nSubject: Your "
     "request\n\nThank you for your request, which we are handling as a subject access request.\n\n"
     "Reply above: Thanks. Please could you also send your policy on recording the views of children at "
     "child protection conferences.", {"foi"}),
    ("f-09", site("Dear Kelbrook Council,\n\nHow many children's homes does the council run, and how many "
     "beds does each have? Please also provide the most recent Ofsted judgement for each home.\n\nYours "
     "faithfully,\nM. Burke", 1004, "kelbrook"), {"foi"}),
    ("f-10", "I think my file wrongly records that my mum refused to engage with the family support worker. "
     "She did engage, I have the texts. Please correct this and send me a copy of the corrected record. "
     "Jordan", {"rectification", "sar"}),
    ("f-11", "Dear FOI officer, please tell me how much the council spent on legal fees in care proceedings "
     "in 2023/24, and the same figures for 2022/23. Regards, A Hussain", {"foi"}),
    ("f-12", site("Dear Kelbrook Council,\n\nPlease provide the flood risk assessment and drainage strategy "
     "for the housing development at Long Meadow, and any correspondence with the Environment Agency about "
     "it.\n\nYours faithfully,\nRuth Dale", 1005, "kelbrook"), {"eir"}),
    ("f-13", "To the data protection team. Please stop sharing my information with my ex-partner's solicitor. "
     "I did not agree to this. Thank you, Lena", {"objection"}),
    ("f-14", "Hi there, how many staff in children's services are currently off with stress, and what is "
     "the councils policy on return to work interviews? Cheers, Gav", {"foi"}),
    ("f-15", site("Dear Kelbrook Council,\n\nI understand the council keeps a register of contaminated land. "
     "Please send the entries for the Wharf ward, and the number of sites remediated in the last five "
     "years.\n\nYours faithfully,\nO. Bright", 1006, "kelbrook"), {"eir"}),
    ("f-16", "Dear Sir or Madam, my late father was a foster carer for the council in the 1980s. Please send "
     "me any records you hold about his time as a carer. Yours faithfully, S. Marsh", {"foi"}),
    ("f-17", "Dear council, please send me the minutes of the child protection conference about my daughter "
     "held on 9 January, and your policy on sharing minutes with parents. I have parental responsibility. "
     "Regards, Dean", {"sar", "foi"}),
    ("f-18", site("Dear Kelbrook Council,\n\nPlease provide the total number of fixed penalty notices issued "
     "for littering in 2024, and the amount collected from them. Of the above, how many were issued by the "
     "contractor?\n\nYours faithfully,\nJ Teal", 1007, "kelbrook"), {"eir"}),
    ("f-19", "Good morning, I am a councillor but I am writing in a private capacity. How many complaints "
     "about the children's disability service were received in 2024? Many thanks, Cllr B. Foy", {"foi"}),
    ("f-20", site("Please pass this on to the person who conducts Freedom of Information reviews.\n\nDear "
     "Kelbrook Council,\n\nI am writing to request an internal review of Kelbrook Council's handling of my "
     "FOI request 'Children's homes beds'. You did not answer question 2.\n\nA full history of my FOI "
     "request and all correspondence is available on the Internet at this address: "
     "https://www.whatdotheyknow.com/request/childrens_homes_beds\n\nYours faithfully,\nM. Burke", 1008,
     "kelbrook"), {"foi-internal-review"}),
]
