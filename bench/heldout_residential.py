# ruff: noqa: E501 (documents are written one line per printed line)
"""Held-out corpus "residential": a children's home, an age assessment and an EHCP/court file, scored blind.

usage: .venv/bin/python bench/heldout_residential.py [--work DIR] [--build-only]

Thirteen synthetic PDFs in three cases (86-88), written for a blind evaluation by a helper (blind6) who
did not read the engine's source, its tests or any earlier redaction output. Styles no earlier corpus
uses: a children's residential home daily log (ruled four-column table), a physical intervention /
incident report form, a key worker session record, a long forwarded e-mail chain with signatures and
legal disclaimers, a return-home interview scanned with an OCR text layer; an unaccompanied asylum-
seeking child's age assessment with an interpreter, a bilingual Welsh/English outcome letter, a
solicitor / legal e-mail exchange with bilingual disclaimers, a property record with an image-only scan
of a handwritten note; an EHCP annual review (table-heavy), a Clare's Law (domestic violence disclosure
scheme) letter, a local authority position statement to the family court and a foster carer's
supervision record. Families of Ghanaian (Akan), Iranian Kurdish and Sri Lankan Tamil heritage. All
names, places and numbers are invented for this file.
"""

from __future__ import annotations

from pathlib import Path

from heldout_common import main
from heldout_pages import Style, make, report, write_labelled_corpus

# ------------------------------------------------------------------ case 86: Ghanaian heritage boy, 15, children's home

ORG86 = "Calderbrook Metropolitan Borough Council"
DAILY = Style(font="helv", bold="hebo", size=8, cols=(56, 112, 160, 450), grid=True,
              header="Beckside Lodge (Amberlow Care Ltd)  -  Daily Record  -  CONFIDENTIAL",
              footer="Printed from ClearCare {p}/{n}", metadata={"title": "Daily record export", "author": "ClearCare"})
FORM = Style(font="helv", bold="hebo", size=9, cols=(56, 210), grid=True,
             header="Amberlow Care Ltd  |  Incident and Physical Intervention Report (Form IR3)",
             footer="IR3 v4.2   Page {p} of {n}", furniture_first=False)
KEYW = Style(font="tiro", bold="tibo", size=10.5, header="Key Work Session Record", footer="Beckside Lodge  {p}")
CHAIN = Style(font="cour", bold="cobo", size=8, metadata={"title": "FW: RE: FW: Call from father / Efua - urgent"})
RHI = Style(font="helv", bold="hebo", size=9.5, header="Safe Steps Calderbrook - Return Home Interview",
            footer="Scanned 02/10/2026 by CB-MFP-14")


def case86(d: Path):
    subj = {"name": "Kojo Amponsah-Darko", "dob": "14/03/2011", "nhs": "452 907 3318", "case_ref": "CMB-448127"}
    staff = [{"name": "Morwenna Glasby", "role": "Social Worker", "org": f"Children's Services, {ORG86}"},
             {"name": "Tariq Hollis", "role": "Team Manager", "org": f"Children's Services, {ORG86}"},
             {"name": "Deborah Quayle", "role": "Independent Reviewing Officer", "org": ORG86}]
    docs = [
        make(d, "case86_dailylog_1.pdf", "Children's home daily log", """
## Young person: {k:subj_caps:AMPONSAH-DARKO, Kojo}    DOB {k:subj_dob:14/03/2011}    Placing authority ref {k:subj_id:CMB-448127}
Date | Shift | Entry | Staff
21/09/2026 | Early | Kojo up at 07:10, ate toast, went to {k:subj_school:Calderbrook Academy} on the 07:45 bus. Good mood. | {k:pro_name:Callum Dunsford} RSW
21/09/2026 | Late | {r:tp_name:Reece Holdsworth} came back at 22:40 smelling of cannabis and was shouting on the landing. Kojo stayed in his room with headphones. {r:tp_sensitive:Reece later told staff he had been smoking all day because his court date for the robbery has been moved again.} | {k:pro_name:Bethany Marchbank} RSW
22/09/2026 | Waking night | 02:15 Kojo's phone ringing repeatedly. He said it was his brother {r:tp_first:Yaw}. Phone handed in to the office until the morning as per his plan. | {k:pro_name:Callum Dunsford}
23/09/2026 | Late | Supervised call with father {r:tp_name:Kwaku Darko} on speaker, 18:00-18:15. Father asked Kojo three times "where is your mother staying". Call ended by staff. | {k:pro_name:Ruth Anstey-Cole} (key worker)
24/09/2026 | Early | {k:pro_name:Mr Faisal Qureshi} (Head of Year 11) rang: Kojo seen at lunch getting into a black Audi, registration {r:tp_vehicle:YR19 KPZ}, outside the gates. | {k:pro_name:Gideon Tapper} (Deputy Manager)
26/09/2026 | Late | {r:tp_caps:TYLER-JAMES ROOK} ({r:tp_nick:TJ}) self-harmed in the bathroom. {r:tp_sensitive:He needed four steri-strips at the walk-in centre and his medication has been locked away.} Kojo helped staff by keeping the younger boys downstairs. | {k:pro_name:Bethany Marchbank}
29/09/2026 | Late | Kojo not back by 21:00 curfew. Reported missing to police at 22:00, log CB-2609-0412. {k:pro_name:PC Marcus Ellery} attended. | {k:pro_name:Gideon Tapper}
30/09/2026 | Early | Kojo returned 06:50 by taxi. Said he was at "{r:tp_partial_address:Yaw's mate's flat on the ninth floor of Tenter Court}". Seen by {k:pro_title:Mr Tapper}; no injuries. | {k:pro_name:Callum Dunsford}
01/10/2026 | Day | {k:pro_name:Morwenna Glasby} (SW) visited. Kojo saw her alone for 40 minutes. {k:pro_name:Lorraine Pettigrew} (Registered Manager) attended the meeting after. | {k:pro_title:Mrs Pettigrew}
""", DAILY),
        make(d, "case86_incident_1.pdf", "Incident and physical intervention report", """
## Section A - Details
Young person | {k:subj_name:Kojo Amponsah-Darko} (DOB {k:subj_dob:14.03.2011}), NHS {k:subj_nhs:452 907 3318}
Date and time | 14 October 2026, 19:35 - 19:41
Location | Lounge and hallway, ground floor
Other young people present | {r:tp_name:Reece Holdsworth} ({r:tp_age:aged 15}); {r:tp_name:Tyler-James Rook} (in the kitchen, did not witness)
Staff involved | {k:pro_name:Callum Dunsford} (RSW, MAPA trained); {k:pro_name:Precious Nwankwo-Hale} (RSW, MAPA trained)
## Section B - Account of the incident
Antecedent | A phone call from an unknown number, {r:tp_phone:07700 914562}, which Kojo believed was a friend of his father. After the call Kojo said "he knows where my mum is, he said so".
Behaviour | Kojo punched the lounge door and threw a chair towards {r:tp_first:Reece}, who had laughed at him. {r:tp_first:Reece} shouted back that Kojo's "dad is a wife beater".
Intervention | Two-person standing hold (MAPA), 3 minutes, to stop Kojo reaching {r:tp_title:Master Holdsworth}. Released as soon as he was calm.
Injuries | Kojo: graze to right knuckles, cleaned. Staff: none. {r:tp_sensitive:The other young person had a panic attack afterwards and used his inhaler twice.}
Police | Not called. Incident logged with the placing authority.
## Section C - Debrief and views
Kojo's view | "I didn't want to hurt no one. I just want my mum and little sister to be safe." Kojo agreed he will tell staff when he gets calls from numbers he does not know.
Manager's review | Hold proportionate and recorded. {k:pro_title:Mr Dunsford} to complete refresher training. Social worker {k:pro_name:Morwenna Glasby} and IRO {k:pro_name:Deborah Quayle} informed 15/10/2026. Signed {k:pro_name:Lorraine Pettigrew}, Registered Manager.
""", FORM),
        make(d, "case86_keywork_1.pdf", "Key worker session", """
## Key work session 7 - "My family and staying safe"
Young person: {k:subj_name:Kojo Amponsah-Darko}    Key worker: {k:pro_name:Ruth Anstey-Cole}    Date: 19 October 2026
We sat in the garden room. {k:subj_first:Kojo} chose the topic this week. He wanted to talk about his family and about the calls from his dad.
Kojo said he misses his mum, {r:tp_name:Abena Amponsah}, and his sister {r:tp_name:Efua Darko}, who is eight. He knows they had to move away and that he cannot know where they live "for now". He said that is hard but he understands it is because of his dad.
Kojo told me his dad messages him on Snapchat from the account {r:tp_handle:kwaku_dk1} even though he is only meant to have supervised calls. He showed me the messages. {r:tp_sensitive:In one message his father says he has stopped taking the tablets the prison doctor gave him for his moods.} I have passed this to {k:pro_first:Morwenna}.
Kojo said his older brother {r:tp_first:Yaw} is "the only one who gets it". {r:tp_sensitive:Yaw was released from a young offender institution in the summer and is on licence for possession with intent to supply.} Kojo knows staff worry about the time he spends with {r:tp_first:Yaw}'s friends.
We talked about his aunt in Kumasi, {r:tp_relation:Auntie Akua}, who sends him voice notes. Her number is {r:tp_phone:+233 (0)24 418 9077}. Kojo would like to visit her in the summer holidays and asked me to ask his social worker.
Kojo's own Instagram is {k:subj_handle:kojo.ad11}; we checked his privacy settings together and he removed his school from his profile.
What Kojo wants to happen: to stay at Beckside until he finishes Year 11, to keep playing for the under-16s on Saturdays, and to see his mum in a contact centre.
Next session: 2 November 2026. {k:pro_title:Ms Anstey-Cole}
""", KEYW),
        make(d, "case86_emailchain_1.pdf", "Forwarded e-mail chain with disclaimers", """
From: Glasby, Morwenna <morwenna.glasby@calderbrook.gov.uk>
Sent: 22 October 2026 17:02
To: Pettigrew, Lorraine <l.pettigrew@amberlowcare.co.uk>
Cc: Hollis, Tariq <tariq.hollis@calderbrook.gov.uk>
Subject: FW: RE: FW: Call from father / Efua - urgent

{k:pro_first:Lorraine},
Please see below. I have now had legal advice. In short: {r:legal_advice:the local authority can refuse to share the mother's new address with the father under its duty to safeguard the children, and a court would support that.} {r:legal_advice:Legal also advise that the supervised calls can be suspended without a court order if the father keeps asking his son for the address, but we must record the reasons each time.}
Please make sure nothing with the new address ever goes on the home's file. For your eyes only: {k:subj_first:Kojo}'s mum and {r:tp_first:Efua} are at {r:harm_address:14 Hallam Gardens, Doncaster DN4 7RB} and {r:harm_location:Efua now attends Balby Carr Junior School}.
Thanks, {k:pro_first:Morwenna}

{k:pro_name:Morwenna Glasby} | Social Worker | Children in Care Team 2 | Calderbrook Metropolitan Borough Council
T: 01632 960 552 / M: 07700 900 418
OFFICIAL-SENSITIVE. This e-mail and any files transmitted with it are confidential and intended solely for the use of the individual or entity to whom they are addressed. If you have received this e-mail in error please notify the sender and delete it. Calderbrook Council may monitor e-mail traffic.

-----Original Message-----
From: Bansal, Harjit (Legal Services)
Sent: 22 October 2026 15:40
To: Glasby, Morwenna
Cc: Hollis, Tariq
Subject: RE: FW: Call from father / Efua - urgent
LEGALLY PRIVILEGED - NOT FOR DISCLOSURE

{k:pro_first:Morwenna}, my advice is as follows. {r:legal_advice:Father holds parental responsibility but that gives him no right to know where his former partner lives, and disclosing it would breach her rights.} {r:legal_advice:If he continues I would recommend we apply for a prohibited steps order and, if the mother wishes, she should be referred for a non-molestation order.} Happy to discuss.
{k:pro_name:Harjit Bansal}
Senior Solicitor (Child Care), Legal Services, Calderbrook Metropolitan Borough Council
This message is subject to legal professional privilege. Do not forward outside the Council.

-----Original Message-----
From: Pettigrew, Lorraine
Sent: 22 October 2026 09:11
To: Glasby, Morwenna
Subject: FW: Call from father / Efua - urgent

Morwenna - forwarding the e-mail below from dad. He also rang the home landline twice last night. {k:pro_name:Gideon Tapper} took the calls and did not confirm anything.
{k:pro_name:Lorraine Pettigrew} | Registered Manager | Beckside Lodge | Amberlow Care Ltd
Amberlow Care Ltd, registered in England and Wales no. 08811427. Registered office: Unit 4, Canal Wharf, Calderbrook CB1 2DE. This e-mail and its attachments may contain confidential information. If you are not the intended recipient you must not use, copy or disclose it. We accept no liability for viruses.

-----Original Message-----
From: {r:tp_email:kwaku.darko77@outlook.com}
Sent: 21 October 2026 23:48
To: enquiries@amberlowcare.co.uk
Subject: Call from father / Efua - urgent

I am {r:tp_name:Kwaku Darko} the father of Kojo and Efua. I have rights. Tell me what school my daughter goes to. My number is {r:tp_phone:07958 331 046} or {r:tp_phone:(0114) 496 0581}. My solicitor will be in touch.
{r:tp_sensitive:I have done my time for what happened with Abena and the probation say I am not a risk anymore.}
Sent from Outlook for Android
""", CHAIN),
        make(d, "case86_returninterview_1.pdf", "Return home interview (scanned, OCR layer)", """
%%PAGE ocr%%
## Return Home Interview - Missing episode 29/09/2026 to 30/09/2026
Child: {k:subj_name:Kojo Amponsah-Darko}   DOB {k:subj_dob:14 March 2011}   Placed at: children's home (Amberlow)
Interview by: {k:pro_name:Jodie Wragg}, Independent Return Worker, Safe Steps Calderbrook. Date: 01/10/2026.
Where were you? Kojo said he went to see his brother at a flat in Tenter Court. The flat belongs to a man called {r:tp_nick:Big D}, real name possibly {r:tp_name:Dwayne Letherby}, aged about 30.
Who else was there? Two girls Kojo did not know and {r:tp_name:Kwame Boadu}, his cousin, who drives the black Audi {r:tp_vehicle:YR19 KPZ}.
Did anything happen? Kojo said he was asked to "hold a bag" and carry it to the station, and said no. {r:tp_sensitive:The man had a knife on the table and was weighing out cocaine.}
Money: Kojo was given GBP 40. He said {r:tp_first:Kwame} sends money to his brother's account, sort code {r:tp_bank:20-45-77}, account {r:tp_bank:53118842}.
Actions: shared with {k:pro_name:PC Marcus Ellery} (Missing Persons) and {k:pro_name:Morwenna Glasby}. Exploitation screening tool completed. {k:pro_title:Ms Wragg}
""", RHI),
    ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 87: Iranian Kurdish UASC, age assessment, Wales

ORG87 = "Glanyrafon County Borough Council"
AGE = Style(font="tiro", bold="tibo", size=9.5, cols=(56, 200, 360), grid=True,
            header="Age Assessment (Merton compliant) - Glanyrafon County Borough Council - RESTRICTED",
            footer="Age assessment {p} of {n}", metadata={"title": "Age assessment report"})
BILING = Style(font="helv", bold="hebo", size=9.5, furniture_first=False,
               footer="Cyngor Bwrdeistref Sirol Glanyrafon / Glanyrafon County Borough Council  -  Croesewir gohebiaeth yn Gymraeg")
MAIL87 = Style(font="cour", bold="cobo", size=8.5, metadata={"title": "RE: Soran - challenge to age assessment"})
PROP = Style(font="helv", bold="hebo", size=9, cols=(56, 250, 400), grid=True,
             header="Record of property and documents received with a young person", footer="{p}")


def case87(d: Path):
    subj = {"name": "Soran Mahmoudi", "dob": "21/01/2010", "nhs": "684 330 1925", "case_ref": "GCB/UASC/2026/0117"}
    staff = [{"name": "Imogen Threlfall", "role": "Social Worker", "org": f"Children's Services, {ORG87}"},
             {"name": "Rhodri Penhallow", "role": "Social Worker", "org": f"Children's Services, {ORG87}"},
             {"name": "Fenella Rusk", "role": "Team Manager", "org": f"Children's Services, {ORG87}"}]
    docs = [
        make(d, "case87_ageassessment_1.pdf", "Age assessment with interpreter", """
## Young person: {k:subj_name:Soran Mahmoudi}    Claimed DOB: {k:subj_dob:21/01/2010}    Home Office ref: {k:subj_id:M1942387}
Name | Role | Organisation
{k:pro_name:Imogen Threlfall} | Lead assessor, social worker | Glanyrafon County Borough Council
{k:pro_name:Rhodri Penhallow} | Second assessor, social worker | Glanyrafon County Borough Council
{k:pro_name:Hawre Baban} | Interpreter (Kurdish Sorani), by telephone for session 1, in person for session 2 | Lingua Bridge Interpreting
{k:pro_name:Nadia Eltayeb} | Appropriate adult | Refugee Children's Advocacy Service Cymru
## 1. Arrival and circumstances
Soran was found by {k:pro_name:PC Gethin Lloyd} in a lorry park near the M4 on 11 August 2026. He had no documents. He said his name was Soran and that he was 16.
## 2. Family and social history
Soran said he is from a village near Sanandaj. His father, {r:tp_name:Kawa Mahmoudi}, was a teacher. {r:tp_sensitive:He was arrested by the intelligence service in 2024 for his political activity and nobody has heard from him since.}
His mother, {r:tp_name:Parwin Rahimi}, still lives at {r:tp_address:Kuche-ye Golestan 14, Sanandaj, Kurdistan Province}. Soran speaks to her on WhatsApp on {r:tp_phone:+98 918 377 5120} when she can get a signal.
His older brother {r:tp_name:Hiwa Mahmoudi} lives in Germany; Soran gave the number {r:tp_phone:+49 1523 7748019}. {r:tp_sensitive:Hiwa has been refused asylum in Germany and is appealing.}
A man who says he is Soran's paternal uncle, {r:tp_relation:Mam Salar}, contacted the police station. He gave his name as {r:tp_name:Salar Mahmoudi}, date of birth {r:tp_dob:05/05/1979}, NI number {r:tp_nino:PX 39 27 61 B}, British passport {r:tp_passport:553817264}. {r:tp_sensitive:Police checks show that he received a caution in 2023 for possessing a bladed article.}
## 3. Education
Soran went to school until Year 8. He can write his name in Sorani and Farsi and knows some English. He now attends ESOL at {k:subj_school:Coleg Glanyrafon}.
## 4. Journey
Soran described travelling through Turkey, Bulgaria and Serbia. The journey was arranged by a man he called {r:tp_nick:Kak Ari}. At a hotel in the UK he shared a room with {r:tp_name:Bahoz Yousefi}. {r:tp_sensitive:That boy was diagnosed with latent TB while at the hotel and was started on treatment.}
## 5. Physical appearance and demeanour
Soran is about 172 cm tall, with some facial hair. Assessors are aware that appearance is an unreliable guide to age. {k:pro_name:Dr Anwen Probert}, paediatrician, saw him for his initial health assessment; NHS {k:subj_nhs:684 330 1925}.
## 6. Conclusion
On the balance of probabilities, the assessors find that Soran is older than he claims but is a child. His assessed date of birth is {k:subj_dob:21/01/2009}. {k:pro_title:Mr Baban} read this conclusion to Soran in Sorani on 10 November 2026.
""", AGE),
        make(d, "case87_bilingualletter_1.pdf", "Bilingual outcome letter", """
>> Cyngor Bwrdeistref Sirol Glanyrafon
>> Gwasanaethau Plant / Children's Services
>> Ein cyf / Our ref: {k:subj_id:GCB/UASC/2026/0117}
12 Tachwedd 2026 / 12 November 2026
{k:subj_name:Soran Mahmoudi}
## Canlyniad yr asesiad oedran
Annwyl {k:subj_first:Soran},
Rydym wedi cwblhau'r asesiad o'ch oedran. Cynhaliwyd y cyfweliadau ar 3 a 10 Tachwedd 2026 gyda chymorth cyfieithydd, {k:pro_name:Mr Hawre Baban}.
Mae'r aseswyr wedi penderfynu mai eich dyddiad geni tybiedig yw {k:subj_dob:21 Ionawr 2009}. Byddwch yn parhau i gael gofal gan y Cyngor fel plentyn sy'n derbyn gofal.
Os ydych yn anghytuno, gallwch ofyn i'ch cyfreithiwr, {k:pro_name:Ms Gwyneth Arkwright}, am gyngor.
Gofynnodd eich ewythr, {r:tp_name:Mr Salar Mahmoudi}, am gopi o'r asesiad. Nid ydym wedi rhannu'r asesiad gydag ef.
## Outcome of the age assessment
Dear {k:subj_first:Soran},
We have completed the assessment of your age. The interviews were held on 3 and 10 November 2026 with the help of an interpreter, {k:pro_name:Mr Hawre Baban}.
The assessors have decided that your assessed date of birth is {k:subj_dob:21 January 2009}. You will continue to be looked after by the Council as a child in care.
If you disagree, you can ask your solicitor, {k:pro_name:Ms Gwyneth Arkwright}, for advice.
Your uncle, {r:tp_name:Mr Salar Mahmoudi}, asked for a copy of the assessment. We have not shared the assessment with him.
Yn gywir / Yours sincerely
{k:pro_name:Imogen Threlfall}
Gweithiwr Cymdeithasol / Social Worker
cc {k:pro_name:Nadia Eltayeb}, eiriolwr / advocate
""", BILING),
        make(d, "case87_legalemail_1.pdf", "Solicitor and legal e-mail exchange", """
From: Threlfall, Imogen
Sent: 19 November 2026 11:26
To: Rusk, Fenella
Subject: RE: Soran - challenge to age assessment

{k:pro_first:Fenella} - update after speaking to {k:pro_name:Owain Prydderch} in Legal this morning. {r:legal_advice:His view is that the assessment is Merton compliant but the short first session by telephone interpreter is our weak point in any judicial review.} {r:legal_advice:He advises offering a further session with the same interpreter in person before we answer the pre-action letter, rather than defending the assessment as it stands.}
He also said we should not give the uncle anything: {r:legal_advice:there is no evidence he holds parental responsibility and disclosure to him would not be lawful.}
Imogen
{k:pro_name:Imogen Threlfall} | Gweithiwr Cymdeithasol / Social Worker | Tim Plant ar eu Pennau eu Hunain / Unaccompanied Children Team
Croesewir gohebiaeth yn Gymraeg ac ni fydd gohebu yn Gymraeg yn arwain at oedi. We welcome correspondence in Welsh and corresponding in Welsh will not lead to a delay.

-----Original Message-----
From: Gwyneth Arkwright <g.arkwright@pellsorensen.co.uk>
Sent: 17 November 2026 16:03
To: Threlfall, Imogen
Subject: Soran - challenge to age assessment

Dear {k:pro_title:Ms Threlfall},
We act for {k:subj_name:Soran Mahmoudi} (your ref {k:subj_id:GCB/UASC/2026/0117}). Our client does not accept the assessment. Please treat this as a letter before claim. Our client's account of his age is consistent and the first session was only 40 minutes by telephone.
Our client also asks that no information is given to the man claiming to be his uncle, who has been telephoning him from {r:tp_phone:07463 209118}.
Yours sincerely
{k:pro_name:Gwyneth Arkwright}, Solicitor, Pell & Sorensen LLP
This e-mail is confidential and may be legally privileged. Pell & Sorensen LLP is authorised and regulated by the Solicitors Regulation Authority.

-----Original Message-----
From: {r:tp_email:salar.mahmoudi79@gmail.com}
Sent: 14 November 2026 21:17
To: childrensservices@glanyrafon.gov.uk
Subject: my nephew Soran

Hello I am Soran uncle. I live at {r:tp_address:41 Pomeroy Terrace, Cardiff CF11 6QZ}. I can look after him. Please send me his address and his papers. I paid for him, I have sent money from my account {r:tp_bank:04-00-75 38226109} to help him.
{r:tp_sensitive:I have reporting to the Home Office every month but this is not a problem.}
Salar
""", MAIL87),
        make(d, "case87_property_1.pdf", "Property record with scanned handwritten note", """
## Young person: {k:subj_name:Soran Mahmoudi}    Received by: {k:pro_name:Rhodri Penhallow}    Date: 12 August 2026
Item | Description | Where held
Mobile phone | Samsung, cracked screen, no SIM. Contacts include "{r:tp_nick:Kak Ari}" and {r:tp_relation:Mam Salar} | Office safe
Paper note | Folded note found in Soran's left shoe, handwritten in Sorani and English (copy on page 2) | Copied; original returned
Cash | EUR 35 and TRY 200 | Office safe
Clothing | Jacket given by {r:tp_name:Bahoz Yousefi} at the hotel | With Soran
Photograph | Photo of Soran with his mother and brother, taken in Sanandaj | With Soran
Witnessed by {k:pro_name:Nadia Eltayeb}, appropriate adult. Signed {k:pro_title:Mr Penhallow}.
%%PAGE image%%
## Copy of note found in shoe (scanned 12/08/2026)
{k:subj_caps:SORAN MAHMOUDI} - if police call Hiwa
{r:tp_nick:Kak Ari} {r:tp_phone:+90 532 418 7766} (whatsapp only)
{r:tp_relation:Mam Salar} {r:tp_phone:07463 209118} Cardiff
Hiwa {r:tp_phone:+49 1523 7748019}
Dayk (mum) {r:tp_phone:+98 918 377 5120}
""", PROP),
    ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 88: Sri Lankan Tamil family, EHCP, court, Clare's Law

ORG88 = "Ashenford Borough Council"
EHCP = Style(font="helv", bold="hebo", size=8.5, cols=(56, 190, 330, 430), grid=True,
             header="Education, Health and Care Plan - Annual Review Report (Section 20 Children and Families Act 2014)",
             footer="Ashenford SEND Service   Annual review   page {p}")
CLARE = Style(font="tiro", bold="tibo", size=10.5, furniture_first=False,
              footer="Domestic Violence Disclosure Scheme - this letter must not be shared or copied", metadata={"title": "DVDS disclosure"})
COURT = Style(font="tiro", bold="tibo", size=11, header="IN THE FAMILY COURT SITTING AT ASHENFORD          Case No: AF26C00419",
              footer="{p}")
FSUP = Style(font="helv", bold="hebo", size=9, cols=(56, 175), grid=False,
             header="Ashenford Fostering Service - Supervision Record (Standard 21)", footer="Supervision record  {p}/{n}")


def case88(d: Path):
    subj = {"name": "Tharani Sivakumar", "dob": "09/07/2014", "nhs": "729 104 6652", "case_ref": "LBA-3371905"}
    staff = [{"name": "Jonah Featherstone", "role": "Social Worker", "org": f"Children's Services, {ORG88}"},
             {"name": "Carys Whitlock", "role": "Team Manager", "org": f"Children's Services, {ORG88}"}]
    docs = [
        make(d, "case88_ehcpreview_1.pdf", "EHCP annual review", """
## Child: {k:subj_caps:THARANI SIVAKUMAR}   DOB {k:subj_dob:09/07/2014}   UPN {k:subj_upn:H803214700215}   School: {k:subj_school:Ashenford Park School}
Attendee | Role | Organisation | Contribution
{k:pro_name:Mrs Philippa Garside} | SENCo (chair) | {k:subj_school:Ashenford Park School} | attended
{k:pro_name:Mr Adebayo Lindqvist} | Form tutor, Year 7 | {k:subj_school:Ashenford Park School} | attended
{k:pro_name:Dr Nisha Kaur-Bentley} | Educational Psychologist | Ashenford EP Service | report
{k:pro_name:Orla Devaney} | Speech and Language Therapist | Ashenford Community Health | attended
{k:pro_name:Jonah Featherstone} | Social Worker | Ashenford Children's Services | attended
Mother ({r:tp_name:Vasanthi Sivakumar}) | Parent | - | views by phone; did not give her address
Outcome (Section E) | Progress this year | Provision (Section F) | Next steps
Tharani will use a visual timetable to move between lessons on her own | Achieved in most lessons; still needs an adult at lunchtime | 1:1 TA 15 hours; sensory breaks | Keep; review in spring
Tharani will tell an adult when she is upset, using words or her card | Partly achieved; shuts down after weekend calls home | Weekly ELSA session with {k:pro_name:Mrs Revathy Murugan} | Add a check-in on Monday mornings
Tharani will read and follow a two-step written instruction | Achieved (reading age 9y 4m) | Small group literacy | New outcome: three steps
## Views of the child (Section A, written with {k:pro_first:Orla})
"I like maths and the quiet room. I don't like when the bell is loud. I miss Amma and {r:tp_first:Kavin}." {k:subj_first:Tharani} wants to stay at this school.
## Views of the parent
{r:tp_sensitive:Mother told the SENCo she has been diagnosed with post-traumatic stress disorder and is taking mirtazapine, and that she cannot attend meetings in person for now.}
{r:tp_sensitive:She also said that her brother has been made bankrupt and can no longer help with money.}
Tharani's younger brother, {r:tp_name:Kavin Sivakumar} ({r:tp_age:aged 6}), attends {r:tp_school:Fernhill Infant School} and lives with the maternal grandmother.
## Health (NHS {k:subj_nhs:729 104 6652})
Autism diagnosis 2022 (Ashenford Child Development Centre). Seen by {k:pro_name:Dr Ravi Selvarajah}, community paediatrician, in June.
""", EHCP),
        make(d, "case88_clareslaw_1.pdf", "Clare's Law disclosure letter", """
>> Ashenford Constabulary
>> Public Protection Unit, Harbour Road Police Station
PRIVATE AND CONFIDENTIAL - TO BE HANDED TO THE ADDRESSEE IN PERSON
{r:tp_title:Mrs V. Sivakumar}
{r:harm_address:Room 6, 27 Latimer Grove, Leicester LE2 1XP}
3 August 2026
Our ref: DVDS/26/1187
Dear {r:tp_title:Mrs Sivakumar},
Domestic Violence Disclosure Scheme ("Clare's Law") - Right to Ask
On 12 July 2026 you asked whether your partner, {r:tp_name:Dinesh Rajaratnam} (date of birth {r:tp_dob:30/09/1982}), has a history of violence. A multi-agency panel met on 29 July 2026 and decided that the following information should be disclosed to you to help you keep yourself and your children safe.
{r:tp_sensitive:In 2017 he was convicted of assault occasioning actual bodily harm against a former partner and received a suspended sentence with a rehabilitation requirement.}
{r:tp_sensitive:In 2021 the family court made a non-molestation order against him in favour of another former partner, which he breached twice.}
{r:tp_sensitive:He is currently under investigation for harassment of that former partner.}
This information is given to you in confidence. You must not share it with anyone else without our agreement, except the people named below who are helping you: your IDVA, {k:pro_name:Ms Kerry-Ann Fairweather} of Ashenford Women's Aid, and the social worker for your children, {k:pro_name:Mr Jonah Featherstone}.
You may contact me on 101 extension 44719. If you are in immediate danger call 999.
Yours sincerely
{k:pro_name:DS Rhiannon Ashby}
Domestic Abuse Investigation Team
""", CLARE),
        make(d, "case88_positionstatement_1.pdf", "Local authority position statement", """
## IN THE MATTER OF THE CHILDREN ACT 1989 AND THE CHILDREN: {k:subj_caps:THARANI SIVAKUMAR} (A GIRL, 12) AND {r:tp_caps:KAVIN} (A BOY, 6)
## POSITION STATEMENT ON BEHALF OF THE APPLICANT LOCAL AUTHORITY FOR THE CASE MANAGEMENT HEARING ON 24 SEPTEMBER 2026
Applicant: Ashenford Borough Council. First Respondent: the mother, {r:tp_name:Vasanthi Sivakumar}. Second Respondent: the father, {r:tp_name:Sivakumar Kandiah}. Third and Fourth Respondents: the children, through their Children's Guardian, {k:pro_name:Ms Lorna Achterberg} (Cafcass).
1. This statement is prepared by {k:pro_name:Mr Toby Grainger-Hurst}, counsel for the local authority, on instructions from the allocated social worker, {k:pro_name:Jonah Featherstone}.
2. {k:subj_first:Tharani} has been in foster care under section 20 since 4 August 2026 and is settled. She has a diagnosis of autism and an EHCP.
3. {r:tp_first:Kavin} is placed with his maternal grandmother, {r:tp_name:Kamala Ponnambalam}, at {r:tp_address:112 Ravensmere Road, Ashenford AS3 8JT}, known to the children as {r:tp_relation:Ammamma Kamala}.
4. The mother lives in a refuge. {r:harm_location:The refuge is in Leicester and the mother has asked that the city is not disclosed to the father's family.}
5. The father lives in Croydon and has a mobile number {r:tp_phone:+44 20 8496 0417}. {r:tp_sensitive:The father accepts that he misuses alcohol and has been referred to a community alcohol service.} {r:tp_title:Mr Kandiah} seeks weekly contact with both children.
6. The mother's former partner, {r:tp_title:Mr Rajaratnam}, is not a party. His sister, known to Tharani as {r:tp_relation:Aunty Mala}, has messaged Tharani on TikTok from the account {r:tp_handle:@mala_rajz}. Tharani's own account, {k:subj_handle:tharu.x.14}, has been made private.
7. The local authority seeks an interim care order for Tharani and a direction for a parenting assessment of the father by an independent social worker.
{k:pro_name:Toby Grainger-Hurst}, Counsel for the Local Authority, 23 September 2026
""", COURT),
        make(d, "case88_fostersupervision_1.pdf", "Foster carer supervision record", """
## Supervision visit to foster carers, 16 October 2026. Child in placement: {k:subj_name:Tharani Sivakumar} (DOB {k:subj_dob:9 July 2014}).
Present | Supervising social worker {k:pro_name:Stuart Kerrigan}; both foster carers; Tharani at school.
Child's progress | Tharani is eating well and sleeping through. She has a Monday check-in at school with {k:pro_title:Mrs Murugan}. Her GP is {k:subj_gp:Ravensmere Medical Practice}.
Contact | Video calls with mother on Sundays are going well. Calls with father were stopped by {k:pro_name:Jonah Featherstone} after he was drunk on the call on 4 October.
Carers' household | The carers' adult son, {r:tp_name:Liam Pomeroy}, moved back home in September. {r:tp_sensitive:Liam has a conviction for drink driving from 2022 and a new DBS check has been requested.}
Carers' health | {r:tp_sensitive:The female carer had a hysterectomy in August and is still recovering, so her husband is doing the school runs.}
Finance | Fostering allowance paid to the carers' joint account, sort code {r:tp_bank:30-96-26}, account {r:tp_bank:71830452}. Birthday allowance agreed.
Safety | Tharani received TikTok messages from {r:tp_handle:@mala_rajz}. Carers took screenshots and informed {k:pro_first:Jonah}.
Training | Carers to attend autism training with {k:pro_name:Dr Nisha Kaur-Bentley} on 3 December.
Next supervision | 20 November 2026. Manager oversight: {k:pro_name:Carys Whitlock}, Team Manager.
""", FSUP),
    ]
    return subj, staff, docs


def build(corpus: Path) -> dict:
    return write_labelled_corpus(corpus, [(86, case86), (87, case87), (88, case88)])


if __name__ == "__main__":
    main(__doc__.splitlines()[0], build, report)
