# ruff: noqa: E501 (documents are written one line per printed line)
"""Held-out corpus "careleaver": care leavers' files over several years, scored blind.

usage: .venv/bin/python bench/heldout_careleaver.py [--work DIR] [--build-only]

Synthetic PDFs in three cases (96-98), written for a blind evaluation by a helper (blind3) who did not
read the engine's source or its tests. Style: what a leaving-care team holds on a young adult: pathway
plans with tables whose cells wrap over several lines, a personal adviser's case notes spanning years,
housing and benefits letters, a bank statement extract and an ID checklist, a record of a supported
prison visit to a parent with a visiting-order form, a private fostering assessment with a household
table, a Home Office letter, a supervision record quoting legal advice, and scanned pages: some rendered
and rasterised under an invisible OCR text layer, some image-only (their labels are in ``ocr_only``).
Families of Scottish and Polish heritage, Ghanaian (Akan) heritage, and Gujarati heritage. All names,
places and numbers are invented for this file. Labels follow ../shared/fixtures/redaction-dev/README.md.
"""

from __future__ import annotations

from pathlib import Path

from heldout_common import main
from heldout_pages import Style, make, report, write_labelled_corpus

ORG = "Westmere City Council"
TEAM = f"Leaving Care Service, {ORG}"

PATHWAY = Style(font="helv", bold="hebo", size=8.5, cols=(56, 150, 340), grid=True,
                header="Westmere City Council - Pathway Plan (Leaving Care)", footer="Page {p} of {n}  |  OFFICIAL-SENSITIVE")
NOTES = Style(font="tiro", bold="tibo", size=10, cols=(56, 128), furniture_first=False,
              footer="Case notes printed from Mosaic  |  {p}")
LETTER = Style(font="tiro", bold="tibo", size=10.5)
FORM = Style(font="cour", bold="cobo", size=9, cols=(56, 230), grid=True)
PFORM = Style(font="cour", bold="cobo", size=8.5, cols=(56, 180, 300, 385), grid=True,
              footer="Private fostering assessment  |  Westmere City Council  |  page {p}")
BANK = Style(font="helv", bold="hebo", size=8, cols=(56, 120, 360, 440), grid=False,
             header="Statement extract provided by the young person for the setting-up-home allowance")

# ------------------------------------------------------------------ case 96: Scottish / Polish heritage, care leaver aged 21


def case96(d: Path):
    subj = {"name": "Lachlan Pawlak", "dob": "03/02/2005", "nhs": "551 309 8826", "case_ref": "CL-3391027"}
    staff = [{"name": "Niamh Ferguson-Obi", "role": "Personal Adviser", "org": TEAM},
             {"name": "Hamish Duthie", "role": "Team Manager", "org": TEAM},
             {"name": "Bernadette Obiora", "role": "Independent Reviewing Officer", "org": ORG}]
    docs = [
        make(d, "case96_pathwayplan_1.pdf", "Pathway plan review", """
## Young person: {k:subj_name:Lachlan Pawlak}    DOB: {k:subj_dob:03/02/2005}    Mosaic ID: {k:subj_id:CL-3391027}
## Personal adviser: {k:pro_name:Niamh Ferguson-Obi}    Review date: 14 March 2026
Area | What is happening now | Actions and who
Accommodation | {k:subj_first:Lachlan} holds a council tenancy at {k:subj_address:Flat 6, Ostler House, 22 Canalside Row, Westmere WM3 4HT} since October 2025. Rent paid by housing element of Universal Credit. | Niamh to check the rent account monthly.
Education, training, employment | Level 2 plumbing at Westmere College, two days a week; apprenticeship interview in April. | Lachlan to attend; bursary claimed.
Health | Registered with {k:subj_gp:Foundry Lane Health Centre}. NHS number {k:subj_nhs:551 309 8826}. Asthma; sees the drug and alcohol worker fortnightly. | Lachlan
Family and relationships | Lachlan's mother {r:tp_name:Mhairi Grieve} lives in Scotland with her partner {r:tp_name:Craig Baillie} at {r:tp_address:14 Kirkgate Close, Auchterbrae, Perthshire PH12 8QT}. {r:tp_sensitive:Mhairi has an alcohol dependency and was detained under the Mental Health (Care and Treatment) (Scotland) Act in 2024.} Lachlan's father {r:tp_name:Tomasz Pawlak} is serving a sentence at HMP Fenwold. | Supported visits to dad: Niamh.
Family and relationships (cont.) | Lachlan has a son, {r:tp_name:Alfie Dobbie}, DOB {r:tp_dob:09/11/2024}, who lives with his mother {r:tp_name:Kayleigh-Ann Dobbie}. {r:tp_sensitive:Kayleigh-Ann is under the perinatal mental health team and has had two admissions since the birth.} | Contact via the Family Centre, Saturdays.
Former carers | Lachlan keeps in touch with his former foster carers {r:tp_name:Pauline Pryde} and {r:tp_name:Derek Pryde} at {r:harm_address:Withy Cottage, 3 Saltings Lane, Harnby WM9 6EE}, tel {r:harm_phone:01632 960 552}. | -
Money | UC standard allowance. Bank details for the setting-up-home allowance: sort code {k:subj_bank:30-94-17}, account {k:subj_bank:41179238}. Owes £340 on a catalogue account. | Money advice: Lachlan.
Review chaired by {k:pro_name:Bernadette Obiora}, IRO. Manager's sign-off: {k:pro_name:Hamish Duthie}.
""", PATHWAY),
        make(d, "case96_pacasenotes_1.pdf", "Personal adviser case notes 2023-2026", """
## Case notes: {k:subj_name:Lachlan Pawlak} ({k:subj_id:CL-3391027})
12/06/2023 | Home visit to semi-independent placement. {k:subj_first:Lachlan} worried about his nan in Scotland, {r:tp_relation:Granny Isla}, who has had a fall. PA: {k:pro_name:Niamh Ferguson-Obi}
30/08/2023 | Lachlan called at 23:10 from {r:tp_partial_address:his pal's flat above the chip shop on Sedley Parade}. Friend named as {r:tp_name:Jordan Dunphy} ({r:tp_nick:JD}), {r:tp_phone:07700 118 203}. {r:tp_sensitive:Jordan was recalled to prison in July for breaching his licence.}
15/01/2024 | Lachlan's girlfriend {r:tp_first:Kayleigh-Ann} is pregnant. Her mum, {r:tp_name:Lorraine Dobbie}, rang me to complain that Lachlan owes her money. Advised her I could not discuss him.
09/11/2024 | Baby born. Lachlan tearful, proud. Says he wants to "be the dad mine wasn't".
22/02/2025 | Supervision with {k:pro_name:Hamish Duthie}. {r:legal_advice:Advice from Legal Services is that his request for his care file should be handled as a subject access request and that his mother's letters in the file must not be disclosed without her consent.}
03/06/2025 | Lachlan's half-sister in Poland, {r:tp_name:Zuzanna Pawlak} ({r:tp_age:aged 24}), has been in touch on Facebook ({r:tp_handle:zuza.pawlak.kalisz}) and gave her address as {r:tp_address:ul. Lipowa 9/12, 62-800 Kalisz, Poland} and mobile {r:tp_phone:+48 601 227 914}.
19/10/2025 | Keys to the new flat. Lachlan's own mobile {k:subj_phone:07938 115 402}, e-mail {k:subj_email:lachlan.pawlak05@outlook.com}.
14/01/2026 | {r:tp_first:Craig} rang the duty line drunk asking for Lachlan's address. Not given. {k:pro_title:Ms Ferguson-Obi} informed Lachlan.
""", NOTES),
        make(d, "case96_prisonvisit_1.pdf", "Supported prison visit record", """
## Record of supported family visit
Young person: {k:subj_name:Lachlan Pawlak}, {k:subj_dob:3 February 2005}. Accompanied by: {k:pro_name:Niamh Ferguson-Obi}, Personal Adviser.
Prisoner visited: {r:tp_caps:PAWLAK, Tomasz}, prison number {r:tp_prison_no:A7734FK}, HMP Fenwold, Wing C.
Visit booked by phone on the prisoner's visiting order, VO reference 88214. Lachlan's passport ({k:subj_passport:129948305}) used as ID at the gate.
The visit lasted 90 minutes. {r:tp_first:Tomasz} asked about {r:tp_first:Mhairi} and about the baby. {r:tp_sensitive:He said that he is due for parole in 2027 and is on a programme for violent offenders.}
The prison family engagement worker, {k:pro_name:Mr Oyelaran Bakare}, offered further family days.
%%PAGE ocr%%
## HMP FENWOLD - VISITING ORDER / VISITOR DETAILS (scanned)
Prisoner name | {r:tp_caps:TOMASZ PAWLAK}
Prisoner DOB | {r:tp_dob:12th March 1979}
PNC | {r:tp_pnc:99/203114L}
Visitor 1 | {k:subj_caps:LACHLAN PAWLAK} (son)
Visitor 2 | {k:pro_caps:NIAMH FERGUSON-OBI} (professional)
Relationship | son of the prisoner
""", FORM),
        make(d, "case96_bankid_1.pdf", "Bank statement extract and ID checklist", """
## Westbank plc - Current account - {k:subj_title:Mr L Pawlak} - sort code {k:subj_bank:30-94-17} account {k:subj_bank:41179238}
Date | Description | Paid out | Paid in
02 Mar 2026 | DWP UC | | 812.40
03 Mar 2026 | FP TO {r:tp_caps:M GRIEVE} REF MUM | 50.00 |
03 Mar 2026 | Sort code {r:tp_bank:83-17-44}, account {r:tp_bank:20419963} | |
07 Mar 2026 | CARD PAYMENT ALDI WESTMERE | 31.56 |
11 Mar 2026 | FP FROM {r:tp_caps:K DOBBIE} REF {r:tp_caps:ALFIE} NAPPIES | | 20.00
## ID documents held on file (checked by {k:pro_name:Niamh Ferguson-Obi})
Birth certificate | {k:subj_name:Lachlan Pawlak}, born {k:subj_dob:03.02.2005}, Westmere. Father's name on certificate: {r:tp_name:Tomasz Pawlak}
Passport | {k:subj_passport:129948305}, expires 2031
National Insurance | {k:subj_nino:JT 48 22 61 B}
Driving licence | provisional, held by Lachlan
""", BANK),
        make(d, "case96_setuphome_1.pdf", "Setting-up-home allowance claim (flattened form)", """
## SETTING UP HOME ALLOWANCE - CLAIM
Full name | {k:subj_caps:LACHLAN PAWLAK}
Date of birth | {k:subj_dob:03/02/05}
National Insurance no. | {k:subj_nino:JT482261B}
Address of new home | {k:subj_address:Flat 6, Ostler House, 22 Canalside Row, Westmere WM3 4HT}
Mobile | {k:subj_phone:07938 115 402}
E-mail | {k:subj_email:lachlan.pawlak05@outlook.com}
Items requested | cooker, bed, bedding, cot for when {r:tp_first:Alfie} stays
Previous support from family? | Gran ({r:tp_name:Isla Grieve}) sent £100 for curtains
Emergency contact | {r:tp_name:Derek Pryde} (ex-foster carer) {r:harm_phone:07700 241 688}
Signed (young person) | L. Pawlak   10/10/2025
Approved by PA | {k:pro_name:Niamh Ferguson-Obi}   Approved by manager | {k:pro_name:Hamish Duthie}
""", FORM),
        make(d, "case96_housingletter_1.pdf", "Housing tenancy offer (scanned)", """
%%PAGE ocr%%
>> Westmere Homes
>> Allocations Team, Civic Centre, Westmere WM1 1AA
{k:subj_caps:MR LACHLAN PAWLAK}
{k:subj_address:Flat 6, Ostler House, 22 Canalside Row, Westmere WM3 4HT}
6 October 2025
Dear {k:subj_title:Mr Pawlak}
Offer of a secure introductory tenancy
We are pleased to offer you the property above. Your housing register number is {k:subj_id:WH-221407}. Your previous address, {r:tp_address:41 Bracken Close, Harnby WM9 2TD}, was the tenancy of {r:tp_name:Ms Lorraine Dobbie} and you were not named on it.
Please note that {r:tp_sensitive:the previous tenant of the flat was evicted for drug dealing and the police may call.}
Yours sincerely
{k:pro_name:Gurpreet Bains-Walsh}
Housing Officer (care leavers)
""", LETTER),
    ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 97: Ghanaian (Akan) heritage, privately fostered, care leaver aged 20


def case97(d: Path):
    subj = {"name": "Adwoa Sarpong-Tetteh", "dob": "17/08/2006", "nhs": "714 006 3358", "case_ref": "CL-4470912"}
    staff = [{"name": "Kieran Mulvihill", "role": "Personal Adviser", "org": TEAM},
             {"name": "Hamish Duthie", "role": "Team Manager", "org": TEAM},
             {"name": "Thandiwe Moyo-Jones", "role": "Social Worker", "org": f"Children's Services, {ORG}"}]
    docs = [
        make(d, "case97_privatefostering_1.pdf", "Private fostering assessment (2019)", """
## Private Fostering Assessment - Regulation 4 visit and assessment
Child: {k:subj_name:Adwoa Sarpong-Tetteh}   DOB {k:subj_dob:17.08.2006}   Mosaic {k:subj_id:CL-4470912}
Assessing social worker: {k:pro_name:Thandiwe Moyo-Jones}   Date: 4 April 2019
{k:subj_first:Adwoa} arrived from Ghana on 2 February 2019, aged 12, to live with {r:tp_name:Mrs Gifty Ampofo}, a family friend she calls "{r:tp_relation:Auntie Gifty}". They are not related. The arrangement was notified by Adwoa's school, {k:subj_school:Westmere Park Academy}, not by the carer.
Adwoa was seen alone. She said she is happy but misses her mother and has to do most of the cooking and cleaning. {r:tp_sensitive:Mrs Ampofo said that she is being treated for high blood pressure and that her husband lost his licence for six months last year for speeding.}
Recommendation: arrangement suitable with support; visits every 12 weeks by {k:pro_title:Ms Moyo-Jones}.
%%PAGE ocr%%
## Household composition (scanned from the paper form)
Name | Relationship to child | Date of birth | School / occupation
{r:tp_name:Gifty Ampofo} | private foster carer | {r:tp_dob:14/05/1975} | care assistant, Maple Lodge nursing home
{r:tp_name:Kwabena Ampofo} | carer's husband | {r:tp_dob:2 Nov 1971} | minicab driver, vehicle {r:tp_vehicle:LD19 WJX}
{r:tp_name:Nana Yaw Ampofo} | carer's son | {r:tp_dob:21/01/2007} | Year 7, {r:tp_school:Saint Anselm's RC High}; UPN {r:tp_upn:H308254117022}
{r:tp_name:Akua Ampofo} | carer's daughter | {r:tp_dob:30/09/2010} | Year 3
Address of household: {r:tp_address:27 Sedgewick Crescent, Westmere WM5 2PL}. Home phone {r:tp_phone:01632 960 883}.
""", PFORM),
        make(d, "case97_pathwayplan_1.pdf", "Pathway plan", """
## Young person: {k:subj_name:Adwoa Sarpong-Tetteh}    DOB {k:subj_dob:17/08/2006}    ID {k:subj_id:CL-4470912}
## Personal adviser: {k:pro_name:Kieran Mulvihill}
Area | Now | Plan
Immigration | {k:subj_first:Adwoa} holds limited leave to remain; Home Office reference {k:subj_id:S1289034}. Ghanaian passport {k:subj_passport:G3348127} held by the PA in the office safe. | Registration as a British citizen: solicitor {k:pro_name:Ms Ama Owusu-Ansah} of Harcourt Law.
Family | Adwoa speaks to her mother, {r:tp_name:Abenaa Sarpong}, on WhatsApp ({r:tp_phone:+233 24 781 3366}), who lives at {r:tp_address:Hse No. B/114, Akwatia Line, Koforidua, Eastern Region}. {r:tp_sensitive:Her mother has sickle cell disease and was in hospital for six weeks last year.} Her father's whereabouts are unknown. | Adwoa to decide about a visit.
Relationships | Adwoa's boyfriend is {r:tp_name:Kelvin Boadu}, 26 (Instagram {r:tp_handle:@kelv_boadu_}). {r:tp_sensitive:Kelvin has a conviction for possession with intent to supply and is on a suspended sentence.} | PA to talk through healthy relationships.
Health | GP: {k:subj_gp:Riverside Medical Practice}. NHS {k:subj_nhs:714 006 3358}. | Adwoa
Education | Second year, Adult Nursing, University of Westmere. | Bursary claimed.
""", PATHWAY),
        make(d, "case97_pacasenotes_1.pdf", "Personal adviser case notes 2024-2026", """
## {k:subj_caps:SARPONG-TETTEH, Adwoa} - contact log
03/09/2024 | Met Adwoa at Café Nero. She has moved out of {r:tp_relation:Auntie Gifty}'s because {r:tp_first:Kwabena} "keeps coming into my room". Reported to the LADO? No - he is not in a position of trust; passed to police. {k:pro_name:Kieran Mulvihill}
10/09/2024 | {k:pro_name:PC Rebecca Marsh-Adjei} took Adwoa's statement. {r:tp_caps:KWABENA AMPOFO} interviewed under caution.
21/01/2025 | Adwoa shares a flat at {r:tp_partial_address:the supported house behind the Shell garage on Minster Road} with two other young women, one of whom is {r:tp_name:Precious Eze-Kamara}. {r:tp_sensitive:Precious was arrested for shoplifting this week and is on police bail.}
17/03/2025 | Supervision with {k:pro_name:Hamish Duthie} about the citizenship fee. {r:legal_advice:We have been told by Legal that the council should pay for the registration application and that delaying it until after her 21st birthday could be challenged by way of judicial review.} {r:legal_advice:Counsel's view, shared with us on 12 March, is that the council owes her this as part of its leaving care duties.}
02/06/2025 | Adwoa says {r:tp_lower:kelvin} took £600 from her account. She has changed her card. Her new account is sort code {k:subj_bank:20-41-77}, account {k:subj_bank:63015598}.
28/11/2025 | Adwoa's own phone {k:subj_phone:07482 660 019}.
""", NOTES),
        make(d, "case97_incident_1.pdf", "Supported accommodation incident report", """
## Hollybank Supported Living - Incident report IR-2025-117
Resident: {k:subj_name:Adwoa Sarpong-Tetteh} (Room 3)   DOB {k:subj_dob:17-08-2006}   Key worker: {k:pro_name:Marguerite Lafontaine}
Date and time: 14 August 2025, 01:30
At about 01:30 a man came to the back door asking for Adwoa. Night staff {k:pro_name:Dariusz Kempa} did not let him in. Adwoa later said it was her boyfriend's cousin, {r:tp_name:Fiifi Asamoah-Quaye}, who drives a black BMW, registration {r:tp_vehicle:GN68 TKO}.
Resident in Room 1, {r:tp_name:Shenice Walcott-Blair}, told staff that she had let him in the previous week. {r:tp_sensitive:Shenice is pregnant and has been told by her midwife not to have visitors overnight.}
Police informed (CAD 0114/14AUG). {k:pro_name:PC Tobias Renwick-Hale} attended at 02:15. Adwoa's PA {k:pro_name:Kieran Mulvihill} informed by e-mail in the morning.
""", NOTES),
        make(d, "case97_homeoffice_1.pdf", "Home Office letter", """
>> UK Visas and Immigration
>> Lunar House, Croydon
Our ref: {k:subj_id:S1289034}
{k:subj_caps:MISS ADWOA SARPONG-TETTEH}
c/o Leaving Care Service, Westmere City Council
15 July 2025
Dear {k:subj_title:Miss Sarpong-Tetteh}
We acknowledge your application for registration as a British citizen. You have told us your mother is {r:tp_name:Abenaa Sarpong}, born {r:tp_dob:4 March 1981}, Ghanaian passport {r:tp_passport:G1907725}. Please provide your own passport ({k:subj_passport:G3348127}) and biometric card number {k:subj_id:ZX4109263}.
Your date of birth is recorded as {k:subj_dob:17 August 2006}.
Yours sincerely
Nationality Casework
""", LETTER),
        make(d, "case97_handwritten_1.pdf", "Handwritten note left at the office (scanned)", """
## Leaving care duty desk - message received 08/12/2025 (typed cover)
Note handed in by Adwoa for her PA {k:pro_name:Kieran Mulvihill}. Scan of the note follows.
%%PAGE image%%
{k:pro_first:Kieran} - please dont give my new address to anyone. {r:tp_first:Gifty} has been ringing my uni. Her number is {r:tp_phone:07956 447 301}. Also {r:tp_first:Kelvin} knows where I work. {k:subj_first:Adwoa}
""", LETTER),
    ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 98: Gujarati heritage, care leaver aged 23, supervision and benefits


def case98(d: Path):
    subj = {"name": "Rohan Thakrar", "dob": "29/12/2002", "nhs": "628 117 4405", "case_ref": "CL-2280544"}
    staff = [{"name": "Kieran Mulvihill", "role": "Personal Adviser", "org": TEAM},
             {"name": "Hamish Duthie", "role": "Team Manager", "org": TEAM}]
    docs = [
        make(d, "case98_supervision_1.pdf", "Supervision record", """
## Supervision: {k:pro_name:Kieran Mulvihill} (PA) with {k:pro_name:Hamish Duthie} (TM), 9 January 2026
Case discussed: {k:subj_name:Rohan Thakrar}, {k:subj_dob:29/12/2002}, {k:subj_id:CL-2280544}.
Rohan wants to know why his younger brother {r:tp_name:Kiran Thakrar} was adopted and he was not. Kiran's adoptive name is {r:harm_identity:Kiran Halloway-Brent} and he lives with his adopters in {r:harm_location:a village near Stow Marren}.
{r:legal_advice:The advice of the council's solicitor is that Rohan can be told his brother was adopted but not his brother's new name, school or where he lives.}
Rohan's uncle {r:tp_name:Hiten Thakrar} ({r:tp_relation:Hiten-kaka}) rang about Rohan's late grandmother's jewellery. {r:tp_sensitive:Hiten has been made bankrupt and owes money to several relatives.}
Rohan's mother {r:tp_name:Hemlata Thakrar} (DOB {r:tp_dob:1983-07-19}, NI {r:tp_nino:NX 29 33 84 A}) is in hospital.
Actions: Kieran to write to Rohan by 30 January.
""", NOTES),
        make(d, "case98_benefitsletter_1.pdf", "DWP letter (scanned)", """
%%PAGE ocr%%
>> Department for Work and Pensions
>> Universal Credit Service Centre
{k:subj_name:Rohan Thakrar}
{k:subj_address:Flat 11, Tulsi Court, 8 Lamplighter Street, Westmere WM2 7JE}
National Insurance number: {k:subj_nino:PK 19 58 03 D}
2 February 2026
Dear {k:subj_title:Mr Thakrar}
Your Universal Credit award includes the housing element from 1 February 2026. We have removed {r:tp_name:Mr Jayesh Solanki} from your claim because he no longer lives with you. {r:tp_sensitive:Mr Solanki has been sanctioned for failing to attend his work search appointments.}
If you think this decision is wrong, call us on 0800 328 5644.
""", LETTER),
        make(d, "case98_pacasenotes_1.pdf", "Personal adviser notes", """
## Case notes: {k:subj_name:Rohan Thakrar} ({k:subj_id:CL-2280544})   DOB {k:subj_dob:29.12.2002}   GP: {k:subj_gp:Pipers Lane Medical Centre}
04/11/2025 | Rohan visited his mum at Westmere General. {r:tp_sensitive:She has been admitted with liver failure linked to years of drinking.} His aunt {r:tp_name:Pushpa Chauhan} was there and shouted at him. {k:pro_name:Kieran Mulvihill}
20/11/2025 | Rohan's flatmate {r:tp_first:Jayesh} has moved out owing two months' rent. {r:tp_title:Mr Solanki} now lives with his girlfriend in {r:tp_partial_address:one of the maisonettes on Ferrier Way}.
11/12/2025 | Rohan asked for his file. I explained the process and gave him the SAR form. {k:subj_first:Rohan} was calm. KM
16/12/2025 | Three-way meeting with Rohan and his employment coach, {k:pro_name:Olamide Fasanya-Hurst} (Westmere Works). {k:pro_title:Ms Fasanya-Hurst} will help {k:subj_first:Rohan} apply for the warehouse job. {k:pro_name:Kieran Mulvihill}
""", NOTES),
    ]
    return subj, staff, docs


def build(corpus: Path) -> dict:
    return write_labelled_corpus(corpus, [(96, case96), (97, case97), (98, case98)])


if __name__ == "__main__":
    main(__doc__.splitlines()[0], build, report)
