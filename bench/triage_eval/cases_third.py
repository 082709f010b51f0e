"""A third batch (12 requests), written after all tuning and scored once; never tuned against.

Same rules as cases.py: our own words, real phenomena. Each case: (id, text, expected regimes).
"""

from __future__ import annotations

from cases import site

CASES: list[tuple[str, str, set[str]]] = [
    ("t-01", site("Dear Marrow Vale Council,\n\nPlease provide a breakdown of spending on residential "
     "placements for disabled children in 2023/24, by provider. Please provide the same breakdown for "
     "2022/23.\n\nYours faithfully,\nE. Crane", 2001, "marrowvale"), {"foi"}),
    ("t-02", site("Dear Marrow Vale Council,\n\nPlease send the noise impact assessment for the extension of "
     "the waste transfer station on Quay Road, and the number of noise complaints about the site since "
     "2022.\n\nYours faithfully,\nH Bell", 2002, "marrowvale"), {"eir"}),
    ("t-03", "Dear Sirs, I was adopted through your agency in 1979. I would like to see my adoption file "
     "and any records about my birth mother. Yours faithfully, C. Reed", {"sar"}),
    ("t-04", "Hi, my daughter is 8 and has a social worker. Can I have copies of the child in need plan and "
     "the last review? thanks, Mo", {"sar"}),
    ("t-05", site("Dear Marrow Vale Council,\n\nHow many social workers in the children with disabilities "
     "team hold caseloads above 20? What is the council's target caseload?\n\nYours faithfully,\nL Ford",
     2003, "marrowvale"), {"foi"}),
    ("t-06", "Dear Information Governance, I do not want my details passed to the school any more. Please "
     "stop sharing my information with them. Regards, Bea Nash", {"objection"}),
    ("t-07", site("Please pass this on to the person who conducts Freedom of Information reviews.\n\nDear "
     "Marrow Vale Council,\n\nI am writing to request an internal review of Marrow Vale Council's handling "
     "of my FOI request 'Waste transfer station noise'. The noise assessment was withheld under section 43 "
     "but this is environmental information.\n\nA full history of my FOI request and all correspondence is "
     "available on the Internet at this address: https://www.whatdotheyknow.com/request/waste_noise\n\n"
     "Yours faithfully,\nH Bell", 2004, "marrowvale"), {"foi-internal-review"}),
    ("t-08", "Please send me your policy on the use of restraint in children's homes and the number of "
     "times restraint was used in 2024. I also want my own records from when I lived at Ash Lodge. Kit",
     {"foi", "sar"}),
    ("t-09", site("Dear Marrow Vale Council,\n\nPlease provide the asbestos register for each council-run "
     "children's centre and the dates of the last inspections of the above buildings.\n\nYours "
     "faithfully,\nR. Oyelaran", 2005, "marrowvale"), {"eir"}),
    ("t-10", "Good afternoon, I am a researcher at a university. Could you tell me whether the council uses "
     "predictive analytics in children's social care and, if so, send any equality impact assessment? Many "
     "thanks, Dr J. Moss", {"foi"}),
    ("t-11", "The social worker's report says my partner has a drug problem. That is untrue and has never "
     "been the case. I want that statement removed from my file. Anna", {"rectification"}),
    ("t-12", site("Dear Marrow Vale Council,\n\nPlease provide the number of pupils eligible for free school "
     "meals in each primary school in the borough, and the number of these pupils who were also children "
     "in need.\n\nYours faithfully,\nS Kaur", 2006, "marrowvale"), {"foi"}),
]
