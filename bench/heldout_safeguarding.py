# ruff: noqa: E501 (documents are written one line per printed line)
"""Held-out corpus "safeguarding": a school and health safeguarding file, scored blind.

usage: .venv/bin/python bench/heldout_safeguarding.py [--work DIR] [--build-only]

Fourteen synthetic PDFs in three cases (90-92), written for a blind evaluation by a helper (blind3) who
did not read the engine's source or its tests. Style: the records a school, a health visiting team and
partner agencies hold: a CPOMS-style safeguarding log export (ruled table, sans type, footer after the
body), a school nurse's notes, a forwarded e-mail chain with signatures and Outlook headers, transcribed
Snapchat and WhatsApp messages, a strategy discussion minute with a Name | Role | Agency attendee table,
health visitor journal entries in a clinical-system layout, a GP letter, a child-in-need plan table, a
LADO allegation record and a legal planning meeting record. Families of Welsh and Nigerian (Yoruba)
heritage, an Irish Traveller family, and a Kosovar Albanian family. All names, places and numbers are
invented for this file. Labels follow the rules of ../shared/fixtures/redaction-dev/README.md.
"""

from __future__ import annotations

from pathlib import Path

from heldout_common import main
from heldout_pages import Style, make, report, write_labelled_corpus

ORG = "Brackenholt Council"

# ------------------------------------------------------------------ case 90: Welsh / Yoruba heritage, Year 9, exploitation risk

LOG90 = Style(font="helv", bold="hebo", size=8.5, cols=(56, 122, 196, 440), grid=True,
              footer="CPOMS export  |  Marcher Vale High School  |  printed 02/12/2025 14:07  |  Page {p} of {n}",
              furniture_first=False, metadata={"title": "Safeguarding chronology export", "author": "CPOMS"})
MAIL = Style(font="cour", bold="cobo", size=8.5, metadata={"title": "FW: Nia - update and strategy discussion"})
CHAT = Style(font="helv", bold="hebo", size=9, header="Transcribed by school from screenshots provided by the pupil - 19/11/2025")
MINUTE = Style(font="tiro", bold="tibo", size=10, cols=(56, 200, 360), grid=True,
               header="OFFICIAL-SENSITIVE  Strategy discussion (s.47 Children Act 1989)", footer="Page {p}",
               metadata={"subject": "Strategy discussion re Bartosz Wróblewski and Nia"})
NURSE = Style(font="helv", bold="hebo", size=9, header="School Health Service - Brackenholt 0-19 Team",
              furniture_first=False, footer="Confidential health record  {p}/{n}")


def case90(d: Path):
    subj = {"name": "Nia Bankole-Griffiths", "dob": "26/09/2011", "nhs": "486 223 9150", "case_ref": "6620183"}
    staff = [{"name": "Hywel Treharne", "role": "Social Worker", "org": f"Children's Services, {ORG}"},
             {"name": "Priyanka Sethuraman", "role": "Team Manager", "org": f"Children's Services, {ORG}"}]
    docs = [
        make(d, "case90_safeguardinglog_1.pdf", "School safeguarding log (CPOMS export)", """
## Student: {k:subj_caps:BANKOLE-GRIFFITHS, Nia}    Year 9    DOB {k:subj_dob:26/09/2011}    UPN {k:subj_upn:K928417305012}
Date / time | Category | Incident | Recorded by
08/09/2025 08:41 | Attendance | {k:subj_first:Nia} late for the third day running. Said she had been staying at her dad's and the bus from there takes an hour. | {k:pro_name:Declan Fitzmaurice} (HoY9)
22/09/2025 12:15 | Self-harm | Fine scratches seen on Nia's left forearm in PE. Nia said the cat did it. Referred to the school nurse. | {k:pro_name:Ffion Rees-Hughes} (PE)
03/10/2025 15:30 | Peer on peer | {r:tp_name:Lily-Mae Scofield} (Y9) told her tutor that Nia had been picked up from the school gates by an older boy in a silver Vauxhall Astra, registration {r:tp_vehicle:KX17 YTD}. | {k:pro_name:Catrin Ellis-Boateng} (DSL)
03/10/2025 16:02 | Action | DSL spoke with Nia. She said the driver is her boyfriend {r:tp_first:Bartosz} and he is "{r:tp_age:about 19}". Parent informed by phone. | {k:pro_title:Mrs Ellis-Boateng}
10/10/2025 09:05 | Disclosure | Nia disclosed that her mum's boyfriend {r:tp_name:Iolo ap Dafydd} "gets loud when he's had a drink" and threw a mug at the wall. {r:tp_sensitive:He was banned from driving last year for drink driving and lost his job at the depot.} | {k:pro_title:Mrs Ellis-Boateng}
10/10/2025 11:40 | Referral | Referral to Brackenholt front door (MASH) made online. Ref {k:subj_id:6620183}. | {k:pro_name:Catrin Ellis-Boateng} (DSL)
21/10/2025 13:20 | Peer on peer | {r:tp_first:Lily-Mae} said that {r:tp_first:Bartosz} had asked her for "pics" on Snapchat too. {r:tp_sensitive:Lily-Mae's mother said her daughter has been cutting herself and is on the CAMHS waiting list.} | {k:pro_name:Declan Fitzmaurice}
04/11/2025 10:10 | Missing | Nia not in school; not at home. Mum ({r:tp_name:Bethan Griffiths}, mobile {r:tp_phone:07723 418906}) rang police at 19:30. Nia found at {r:tp_partial_address:a flat above the vape shop on Ropewalk Street} at 23:50. | {k:pro_title:Mr Fitzmaurice}
05/11/2025 08:30 | Police | {k:pro_name:PC Liam Oduwole} called: the flat is the address of {r:tp_name:Bartosz Wróblewski}, DOB {r:tp_dob:17/02/2006}. | {k:pro_title:Mrs Ellis-Boateng}
13/11/2025 14:55 | Sibling | Nia's brother {r:tp_name:Tobi Bankole-Griffiths} (Y3 at {r:tp_school:Pen-y-Bryn Primary}) told his teacher there is "shouting every night". | {k:pro_title:Mrs Ellis-Boateng}
""", LOG90),
        make(d, "case90_email_1.pdf", "Forwarded e-mail chain", """
From: Ellis-Boateng, Catrin <c.ellis-boateng@marchervale.sch.uk>
Sent: 20 November 2025 16:48
To: Treharne, Hywel <hywel.treharne@brackenholt.gov.uk>
Subject: FW: Nia - update and strategy discussion

Hi {k:pro_first:Hywel},
Forwarding the message below from Nia's dad. He wants to know where she is staying. Please advise before I reply to him.
For your information, {r:tp_first:Lily-Mae}'s mum has asked us not to share anything about her daughter with Nia's family.
{k:pro_first:Catrin}

Catrin Ellis-Boateng | Designated Safeguarding Lead | {k:subj_school:Marcher Vale High School}
Tel 01632 960 418 | Working days Mon-Thu
"Safeguarding is everyone's responsibility"

-----Original Message-----
From: {r:tp_email:tunde.bankole1979@gmail.com}
Sent: 19 November 2025 22:13
To: safeguarding@marchervale.sch.uk
Subject: My daughter

Good evening. I am the father of {k:subj_name:Nia Bankole-Griffiths}. My name is {r:tp_name:Adetunde Bankole}. I have not seen my daughter for three weeks. Her mother will not answer my calls. Call me on {r:tp_phone:+44 7912 660 315} or my Lagos number {r:tp_phone:+234 803 617 2294}.
Sent from my iPhone

-----Original Message-----
From: Treharne, Hywel
Sent: 21 November 2025 09:02
To: Ellis-Boateng, Catrin
Cc: Sethuraman, Priyanka
Subject: RE: FW: Nia - update and strategy discussion

Thanks {k:pro_first:Catrin}. I spoke to Legal this morning. {r:legal_advice:Their view is that father has parental responsibility but we are not obliged to tell him where his daughter is staying while the section 47 enquiry is open.} {r:legal_advice:They also advised that the school should not confirm or deny the address until the strategy discussion has reviewed the risk from him.}
Please reply to {r:tp_first:Adetunde} only to say that his message has been passed to the social worker.
Hywel

{k:pro_name:Hywel Treharne}
Social Worker, Children's Services, Brackenholt Council
Mob 07700 900 144
""", MAIL),
        make(d, "case90_messages_1.pdf", "Transcribed social-media messages", """
## Snapchat - chat with {r:tp_handle:bart0sz.wrob}
Screenshot 1 (undated)
{r:tp_handle:bart0sz.wrob}: u still at ur mams
{k:subj_handle:nia.bg}: yeh she kicked off again
{r:tp_handle:bart0sz.wrob}: come to mine, {r:tp_lower:dawid} can pick u up from the park
nia.bg: what if {r:tp_lower:iolo} sees
{r:tp_handle:bart0sz.wrob}: he wont. my cousins car is the blue one {r:tp_vehicle:PO 7R215} (polish plates lol)
Screenshot 2 (Sunday 16 Nov, 23:12)
{r:tp_handle:bart0sz.wrob}: delete this chat
## WhatsApp - group "Y9 gals"
[16/11/2025, 20:41] {r:tp_name:Caoimhe O'Rourke-Flynn}: has anyone seen nia
[16/11/2025, 20:44] {r:tp_lower:lily-mae}: shes with him again
[16/11/2025, 20:45] {r:tp_name:Caoimhe O'Rourke-Flynn}: my mum says call {r:tp_phone:07847-229-310} if u need a lift
[16/11/2025, 21:02] Nia: im fine stop
Transcribed by {k:pro_name:Catrin Ellis-Boateng}, DSL. Originals kept on CPOMS.
""", CHAT),
        make(d, "case90_strategy_1.pdf", "Strategy discussion minute", """
## Strategy discussion: {k:subj_name:Nia Bankole-Griffiths}, DOB {k:subj_dob:26.09.2011}, Mosaic {k:subj_id:6620183}
Date: 24 November 2025, 10:00, Microsoft Teams. Chair: {k:pro_name:Priyanka Sethuraman}, Team Manager.
Name | Role | Agency
{k:pro_name:Priyanka Sethuraman} | Team Manager (chair) | Brackenholt Children's Services
{k:pro_name:Hywel Treharne} | Social Worker | Brackenholt Children's Services
{k:pro_name:Detective Constable Hollie Tranmere} | Child Exploitation Team | Western Marches Police
{k:pro_name:Catrin Ellis-Boateng} | Designated Safeguarding Lead | {k:subj_school:Marcher Vale High School}
{k:pro_name:Róisín Kilbride} | School Nurse | Brackenholt 0-19 Service
{k:pro_name:Dr Farida Bhuiyan} | GP | {k:subj_gp:Castle Lane Surgery}
Information shared
Police: {r:tp_name:Bartosz Wróblewski} ({r:tp_dob:17.02.2006}, PNC {r:tp_pnc:24/0318862N}) is known. {r:tp_sensitive:He received a community resolution in 2024 for supplying cannabis and is under investigation for sending indecent images to a girl aged 13.} His associate {r:tp_name:Dawid Sobczak} drives the car seen near the school.
{k:pro_title:DC Tranmere} will seek a Child Abduction Warning Notice against {r:tp_title:Mr Wróblewski}.
Health: {k:pro_title:Nurse Kilbride} has seen Nia twice. Nia's weight is stable. {k:pro_title:Dr Bhuiyan} reports that {r:tp_sensitive:The mother was started on sertraline in October and has told the surgery she is not coping.}
Family: Nia's maternal grandmother, {r:tp_relation:Nain Eirlys}, has offered for Nia to stay with her at {r:tp_address:3 Maes y Ffynnon, Cwmcarnedd, Sir Gaerfyrddin SA19 8PX}. {r:tp_first:Eirlys} is 71 and can be reached on {r:tp_phone:(01550) 720 331}.
Decision: threshold for section 47 enquiries is met. Single agency police investigation in parallel.
""", MINUTE),
        make(d, "case90_nursenotes_1.pdf", "School nurse notes", """
## Client: {k:subj_name:Nia Bankole-Griffiths}   NHS No {k:subj_nhs:486 223 9150}   DOB {k:subj_dob:26 September 2011}
## School: {k:subj_school:Marcher Vale High School}   GP: {k:subj_gp:Castle Lane Surgery}
26/09/2025 - Drop-in. {k:subj_first:Nia} seen re scratches to L forearm, superficial, healing. Says she does it "when it all gets too loud at home". Discussed safe coping. Agreed to see me weekly. {k:pro_name:Róisín Kilbride} RN SCPHN
03/10/2025 - Nia says she is sleeping at her boyfriend's "sometimes". Would not give his surname. Contraception discussed; Gillick competent. Shared with DSL with Nia's knowledge. RK
17/11/2025 - Nia tearful. Said her mum's partner {r:tp_caps:IOLO AP DAFYDD} had pushed her mum into the fridge. {r:tp_sensitive:Mum has a bruise on her cheek and has stopped taking her medication.} Safeguarding referral discussed with Nia, who agreed.
17/11/2025 - Phoned {k:pro_name:Hywel Treharne}, SW. He will visit today. R. Kilbride
""", NURSE),
    ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 91: Irish Traveller family, pre-school child, neglect

HV = Style(font="cour", bold="cobo", size=8.5, header="SystmOne  |  Community Health  |  Journal (health visiting)",
           footer="Printed by JNKANSAH on 28 Nov 2025  Page {p} of {n}")
GP = Style(font="tiro", bold="tibo", size=10.5, furniture_first=False, footer="Brookmead Medical Centre is a partner in the Brackenholt Primary Care Network")
PLAN = Style(font="helv", bold="hebo", size=8.5, cols=(56, 170, 330, 440), grid=True,
             header="Child in Need Plan - Brackenholt Council Children's Services", footer="LL ref LL-0559281   page {p}")
NURSERY = Style(font="helv", bold="hebo", size=9, cols=(56, 130), grid=False,
                header="Our Lady of Knock Catholic Primary School - Early Years safeguarding record")


def case91(d: Path):
    subj = {"name": "Patrick Mongan", "dob": "11/06/2021", "nhs": "719 554 2038", "case_ref": "LL-0559281"}
    staff = [{"name": "Siobhán Kearney-Lowe", "role": "Social Worker", "org": f"Children's Services, {ORG}"},
             {"name": "Rashid Choudhury", "role": "Team Manager", "org": f"Children's Services, {ORG}"}]
    docs = [
        make(d, "case91_hvnotes_1.pdf", "Health visitor journal", """
## Patient: {k:subj_caps:MONGAN, Patrick} (Master)   {k:subj_dob:11 Jun 2021}   NHS {k:subj_nhs:719 554 2038}
## Registered GP: {k:subj_gp:Brookmead Medical Centre}
14 Mar 2025 10:20  Health Visitor  {k:pro_name:Judith Nkansah}
  Visit to family on site. Present: Patrick, mother {r:tp_name:Bridgie Mongan} ({r:tp_dob:21.07.1993}), baby {r:tp_name:Joe-Joe Mongan}, maternal grandmother {r:tp_name:Nora Quilligan}.
  Patrick's 2-2.5 year review overdue (3 DNAs). Speech: single words only. Dental decay visible, upper incisors.
  {r:tp_sensitive:Mother disclosed a miscarriage in January and said she has not been sleeping since.}
14 Mar 2025 10:55  Health Visitor  {k:pro_name:Judith Nkansah}
  Mother says father {r:tp_first:Bernard} (known as {r:tp_nick:Barney}) is "back and forth to Ireland". Mother's mobile {r:tp_phone:07391 004 268}; she also uses {r:tp_relation:Granny Nora}'s phone {r:tp_phone:07391 552 870}.
02 Jun 2025 14:05  Health Visitor  {k:pro_name:Judith Nkansah}
  No access visit. Neighbour on the site, {r:tp_name:Mrs Kitty Sheridan}, said the family had gone to a wedding in Galway. Left card.
23 Sep 2025 09:40  Health Visitor  {k:pro_name:Judith Nkansah}
  Family back. Father present. {r:tp_sensitive:Father said he had just finished a sentence for assaulting his brother and was on licence.} Bruise to Patrick's upper arm, mother's explanation: fell off the step of the trailer. Discussed with {k:pro_name:Dr Colm Ó Ceallaigh}; child protection medical arranged.
23 Sep 2025 15:30  Health Visitor  {k:pro_name:Judith Nkansah}
  Referral to Children's Services. Liquidlogic ref {k:subj_id:LL-0559281}. Spoke to {k:pro_name:Siobhán Kearney-Lowe}, social worker.
""", HV),
        make(d, "case91_gpletter_1.pdf", "GP letter to social worker", """
>> {k:subj_gp:Brookmead Medical Centre}
>> 41 Tanyard Rise, Brackenholt BK4 2RW
>> Tel 01632 960 771
{k:pro_name:Ms Siobhán Kearney-Lowe}
Social Worker, Children's Services
Brackenholt Council
25 September 2025
Dear {k:pro_title:Ms Kearney-Lowe}
Re: {k:subj_name:Patrick Mongan}, DOB {k:subj_dob:11/06/2021}, NHS {k:subj_nhs:719 554 2038}
I saw Patrick today with his mother for a child protection medical at your request. He has a 3 cm oval bruise on the inner left upper arm which in my opinion is not consistent with a fall from a step. He is 2nd centile for weight, down from 25th at 12 months. Immunisations: MMR and pre-school booster outstanding.
His mother, {r:tp_title:Mrs Mongan}, is also registered here (NHS {r:tp_nhs:402 117 6683}). {r:tp_sensitive:She has a history of postnatal depression and anaemia and missed her last two appointments with the perinatal team.}
Patrick's father is not registered with the practice. He gave his date of birth as {r:tp_dob:3rd Jan 89} and an Irish mobile, {r:tp_phone:087 412 9930}.
Patrick's sister {r:tp_name:Winnie Mongan} ({r:tp_age:aged 8}) was seen on the same day with head lice and a dental abscess.
Yours sincerely
{k:pro_name:Dr Colm Ó Ceallaigh}
GP Partner
""", GP),
        make(d, "case91_cinplan_1.pdf", "Child in need plan", """
## Child: {k:subj_name:Patrick Mongan}   DOB {k:subj_dob:11.06.21}   Liquidlogic {k:subj_id:LL-0559281}
## Lead professional: {k:pro_name:Siobhán Kearney-Lowe}, Social Worker.   Manager: {k:pro_name:Rashid Choudhury}
Family and network | Who | Contact | Notes
Mother | {r:tp_name:Bridgie Mongan} (née Quilligan) | {r:tp_phone:07391 004 268} | lives with the children on the site
Father | {r:tp_name:Bernard Mongan} | {r:tp_phone:+353 86 220 4471} | bail address {r:tp_address:Lisnagree Cross, Carrowkeel, Co. Galway H54 XK71}; PNC {r:tp_pnc:09/556712K}
Maternal grandmother | {r:tp_name:Nora Quilligan} | {r:tp_phone:07391 552 870} | trailer at {r:tp_partial_address:the council site at Fennick Lane}
Uncle | {r:tp_relation:Uncle Francie} | not known | drives a van registration {r:tp_vehicle:191-G-4472}
Need | What will happen | Who | By when
Patrick's health and growth | Take Patrick to the dietitian and the dentist; complete immunisations | Mother, supported by {k:pro_name:Judith Nkansah} HV | 31/01/2026
Patrick's speech | Referral to speech and language therapy; nursery to use visual timetable | {k:pro_name:Mrs Teresa Lovell}, Traveller Education Adviser | 12/12/2025
Safety from harm | {r:tp_sensitive:Father not to have unsupervised contact while the police investigate the assault on his brother and his breach of licence.} | Social worker | ongoing
Education | Patrick to attend nursery at {k:subj_school:Our Lady of Knock Catholic Primary School} 15 hours | Mother; {k:pro_name:Mr Eamon Dempsey}, nursery teacher | 05/01/2026
""", PLAN),
        make(d, "case91_nurserylog_1.pdf", "Nursery safeguarding record", """
## Child: {k:subj_name:Patrick Mongan}   Date of birth {k:subj_dob:11 June 2021}
06/10/2025 | Patrick arrived with a nappy that had not been changed overnight. Collected by {r:tp_caps:NORA QUILLIGAN} (grandmother). Logged by {k:pro_name:Eamon Dempsey}.
13/10/2025 | Patrick said "Daddy hit {r:tp_first:Winnie}". Exact words recorded. DSL {k:pro_name:Mrs Úna Kavanagh-Reilly} informed at 09:10 and rang the social worker.
20/10/2025 | Patrick's sister's school, {r:tp_school:St Brendan's Junior School}, shared that {r:tp_sensitive:Winnie has disclosed being hit with a belt and has a bruise on her back.}
03/11/2025 | {r:tp_first:Joe-Joe} brought in the buggy by a man who said he was "{r:tp_first:Francie}, the uncle". He smelled of alcohol. Not allowed to collect Patrick; mother rang.
%%PAGE image%%
## Handwritten note found in Patrick's bag (scanned 10/11/2025)
Miss - Patricks granny {r:tp_first:Nora} will get him fri. Her number {r:tp_phone:07391 552 870}. Dont let {r:tp_nick:Barney} take him. B.M.
""", NURSERY),
    ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 92: Kosovar Albanian family, LADO allegation, older brother

LADO = Style(font="helv", bold="hebo", size=9.5, header="LADO Allegation Management Record - RESTRICTED",
             footer="LADO ref ALG/25/0412   Page {p}", metadata={"subject": "Allegation against Gareth Penhale (volunteer coach)"})
LEGAL = Style(font="tiro", bold="tibo", size=10.5, header="PRIVILEGED AND CONFIDENTIAL - LEGAL PLANNING MEETING",
              metadata={"title": "Legal planning meeting record"})
MIN92 = Style(font="helv", bold="hebo", size=9, cols=(56, 205, 370), grid=True,
              header="Strategy meeting minutes", footer="Brackenholt Council  |  ECL/22/0918734  |  {p}")
GP92 = Style(font="tiro", bold="tibo", size=10.5, furniture_first=False, footer="The Orchard Practice  |  safeguarding correspondence")
WA = Style(font="cour", bold="cobo", size=8.5, header="WhatsApp chat export (text) - provided by the young person's phone")


def case92(d: Path):
    subj = {"name": "Ardita Berisha", "dob": "02/04/2010", "nhs": "603 881 2947", "case_ref": "ECL/22/0918734"}
    staff = [{"name": "Shazia Dar", "role": "Social Worker", "org": f"Children's Services, {ORG}"},
             {"name": "Ewan Lockhart", "role": "Team Manager", "org": f"Children's Services, {ORG}"}]
    docs = [
        make(d, "case92_lado_1.pdf", "LADO allegation record", """
## Initial consideration
Date of referral: 12 September 2025. Referrer: {k:pro_name:Mrs Josephine Akande}, Head of Pastoral Care, {k:subj_school:Thornbridge Girls' School}.
Person subject of the allegation: {r:tp_name:Gareth Penhale}, volunteer assistant coach, Brackenholt Dolphins Swimming Club. DOB {r:tp_dob:1978-05-30}. Home address {r:tp_address:Flat 2, 19 Chantry Walk, Brackenholt BK7 1QE}.
Child: {k:subj_name:Ardita Berisha}, DOB {k:subj_dob:02/04/2010}, Eclipse {k:subj_id:ECL/22/0918734}.
Allegation: Ardita said that {r:tp_title:Mr Penhale} messaged her on Instagram from the account {r:tp_handle:@coach_gaz_swim} and gave her lifts home alone in his car, a grey Dacia, registration {r:tp_vehicle:BK 4471 KM} (Bulgarian plates).
{r:tp_sensitive:In 2019 he left a club in Plymouth after a parent complained that he had sent her daughter messages late at night.}
A second swimmer, {r:tp_name:Leonie Pask} ({r:tp_age:aged 14}), has told her mother he touched her waist in the pool.
LADO: {k:pro_name:Jacqueline Thwaite}. Police: {k:pro_name:DS Priya Venkatesan}.
## Outcome (evaluation meeting 30 October 2025)
Allegation substantiated in part. {r:tp_sensitive:Mr Penhale was suspended by the club and referred to the Disclosure and Barring Service; the police took no further action on the criminal allegation.}
Ardita's views were obtained by {k:pro_name:Shazia Dar}, social worker, with {k:pro_name:Mr Gentian Hasani} interpreting for her mother.
Signed {k:pro_title:Ms Thwaite}, LADO
""", LADO),
        make(d, "case92_strategy_1.pdf", "Strategy meeting with attendee table", """
## Strategy meeting: {k:subj_caps:ARDITA BERISHA} ({k:subj_dob:2 April 2010})
Attendees | Title / role | Agency
{k:pro_name:Ewan Lockhart} | Team Manager, chair | Children's Services
{k:pro_name:Shazia Dar} | Social Worker | Children's Services
{k:pro_name:DS Priya Venkatesan} | Detective Sergeant | Western Marches Police, Public Protection
{k:pro_name:Josephine Akande} | Head of Pastoral Care | {k:subj_school:Thornbridge Girls' School}
{k:pro_name:Dr Marek Wilczynski} | Named GP for safeguarding | {k:subj_gp:The Orchard Practice}
Apologies: {k:pro_name:Jacqueline Thwaite} (LADO)
1. Concern: Ardita's brother, {r:tp_name:Besnik Berisha} (DOB {r:tp_dob:14/08/2006}), was remanded to HMP Altcourse Vale on 2 November, prison number {r:tp_prison_no:A1193DT}. {r:tp_sensitive:He is charged with wounding with intent after a stabbing outside a takeaway.}
2. Ardita told {k:pro_title:DS Venkatesan} that her stepfather, {r:tp_name:Arben Kelmendi}, took her phone and said she would be "sent back to Peja" if she talked to the police.
3. Mother, {r:tp_name:Drita Berisha}, NI number {r:tp_nino:SH 72 41 90 C}, works nights at a care home. {r:tp_sensitive:Mother is in rent arrears of over £3,000 and has a county court judgment against her.}
4. Ardita's father, {r:tp_name:Ilir Berisha}, lives in Kosovo at {r:tp_address:Rruga Mbretëresha Teutë 27, 30000 Pejë}, tel {r:tp_phone:+383 44 208 571}.
Actions: {k:pro_title:Ms Dar} to see Ardita alone at school by 7 November; {k:pro_title:Dr Wilczynski} to check records for {r:tp_first:Besnik} and {r:tp_first:Arben}.
""", MIN92),
        make(d, "case92_legalplanning_1.pdf", "Legal planning meeting record", """
## Legal planning meeting, 18 November 2025
Present: team manager, social worker, Ms H. Olowe (Solicitor, Legal Services)
Child: Ardita Berisha (15). Concerns: threats by stepfather {r:tp_name:Arben Kelmendi}; brother on remand.
Advice
{r:legal_advice:Ms Olowe advised that the threshold criteria under section 31 are likely to be met on the evidence of threats and the mother's failure to protect.}
{r:legal_advice:Her advice is to issue a letter before proceedings now rather than apply for an interim care order.}
{r:legal_advice:Counsel's view, obtained informally on 14 November, is that a court would expect the local authority to explore the aunt in Tirana as a placement before removal.}
{r:legal_advice:Legal also advised that the stepfather should not be told of the placement address if Ardita is accommodated.}
Family network for assessment: maternal aunt {r:tp_relation:Teze Mimoza} ({r:tp_name:Mimoza Gashi}), {r:tp_email:mimoza.gashi@gmail.com}, {r:tp_phone:+355 69 448 2130}.
""", LEGAL),
        make(d, "case92_messages_1.pdf", "WhatsApp export", """
[03/11/2025, 07:58] Mami: Ardi where is your phone charger
[03/11/2025, 08:02] {k:subj_first:Ardita}: in my bag
[03/11/2025, 21:40] {r:tp_phone:+44 7456 310 922}: this is {r:tp_lower:arben}. u dont speak to police about ur brother
[03/11/2025, 21:41] {r:tp_phone:+44 7456 310 922}: ur mother knows what happens
[04/11/2025, 16:20] {r:tp_nick:Besi}: sis tell mami i'm ok. they took my phone
[04/11/2025, 16:21] Ardita: love you
[05/11/2025, 18:03] {r:tp_name:Erjona Tahiri}: babe my brother {r:tp_lower:klodi} can give u a lift tmrw
<Media omitted>
Exported for {k:pro_name:DS Priya Venkatesan} on 06/11/2025 with Ardita's consent.
""", WA),
        make(d, "case92_gpletter_1.pdf", "GP safeguarding letter", """
>> The Orchard Practice
>> 7 Hawthorn Mews, Brackenholt BK2 9DA
{k:pro_name:Shazia Dar}, Children's Services
11 November 2025
Dear {k:pro_title:Ms Dar}
{k:subj_name:Ardita Berisha}  DOB {k:subj_dob:02-04-2010}  NHS {k:subj_nhs:603 881 2947}  School: {k:subj_school:Thornbridge Girls' School}
Ardita attended with her mother and the interpreter, {k:pro_name:Gentian Hasani}. She has a fading bruise to the right wrist which she says happened when her stepfather took her phone. She is anxious and not sleeping; I have referred her to the emotional wellbeing service.
{r:tp_sensitive:Her mother told me she is frightened of her husband and that he has hit her in the past.} Her stepfather {r:tp_title:Mr Kelmendi} is not registered with us.
With best wishes
{k:pro_name:Dr Marek Wilczynski}
Named GP for Safeguarding
""", GP92),
    ]
    return subj, staff, docs


def build(corpus: Path) -> dict:
    return write_labelled_corpus(corpus, [(90, case90), (91, case91), (92, case92)])


if __name__ == "__main__":
    main(__doc__.splitlines()[0], build, report)
