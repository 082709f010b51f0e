# ruff: noqa: E501 (documents are written one line per printed line)
"""Held-out corpus "permanence": children in care, a residential placement and a family seeking asylum, scored blind.

usage: .venv/bin/python bench/heldout_permanence.py [--work DIR] [--build-only]

Fifteen synthetic PDFs in three cases (93-95), written for a blind evaluation by a helper (blind4) who did
not read the engine's source, its tests or its failure tables. Styles no other corpus uses: a child
permanence report in numbered paragraphs, permanence panel minutes with an action table, supervised
contact-centre session notes with timestamps, a CAMHS clinic letter, a foster carer's handwritten daily
log (image-only scan behind a typed cover), an adoptive family's letterbox letter (scan with an OCR
layer), a children's home significant-incident report, a missing-episode return home interview in
question-and-answer form, a MARAC minute with attendee and action tables, an SMS export from a council
handset, a family group conference plan with a scanned signature page, interpreter-mediated home visit
notes, an EHCP excerpt, a stage 2 complaint investigation report and a community paediatric letter
(scanned with an OCR layer). Families of Eritrean (Tigrinya), Slovak Roma and Afghan (Dari) heritage.
All names, places and numbers are invented (phones in Ofcom's drama ranges). Labels follow the rules of
../shared/fixtures/redaction-dev/README.md; truth decisions follow ../shared/rulebook.md section 3
(third parties withheld under Sch 2 Part 3 para 16, professionals in role kept under para 17, serious
harm for carers' and adopters' details and a refuge, LPP for relayed legal advice).
"""

from __future__ import annotations

from pathlib import Path

from heldout_common import main
from heldout_pages import Style, make, report, write_labelled_corpus

ORG = "Calderbrook City Council"

# ------------------------------------------------------------------ case 93: Eritrean heritage, long-term fostering, sister adopted

CPR = Style(font="tiro", bold="tibo", size=10.5, header="CHILD PERMANENCE REPORT - CONFIDENTIAL",
            footer="Calderbrook City Council  Adoption and Permanence Service  page {p}", furniture_first=False,
            metadata={"title": "CPR Part 1 - L Habtom", "author": "T Hargreave"})
PANEL = Style(font="helv", bold="hebo", size=9, cols=(56, 86, 380, 470), grid=True,
              header="Permanence Panel  |  minutes  |  restricted", footer="Page {p} of {n}",
              metadata={"title": "Permanence panel minutes 18.06.2025"})
CONTACT = Style(font="cour", bold="cobo", size=8.5, header="Brightwater Family Contact Centre - supervised session record",
                footer="Notes are shared with the referring social worker only.")
CAMHS = Style(font="tiro", bold="tibo", size=10.5, furniture_first=False,
              footer="Calderbrook CAMHS is part of Pennine Vale NHS Foundation Trust")
CARERLOG = Style(font="cour", bold="cobo", size=11, header="Fostering Service - carer recording (scanned)")
LETTERBOX = Style(font="tiro", bold="tibo", size=12, header="Letterbox exchange - incoming")


def case93(d: Path):
    subj = {"name": "Luwam Habtom", "dob": "14/03/2015", "nhs": "472 816 3390", "case_ref": "9041827"}
    staff = [{"name": "Tamsin Hargreave", "role": "Social Worker", "org": f"Children in Care Team, {ORG}"},
             {"name": "Devinder Sohal", "role": "Team Manager", "org": f"Children in Care Team, {ORG}"}]
    docs = [
        make(d, "case93_cpr_1.pdf", "Child permanence report (extract)", """
## CHILD PERMANENCE REPORT - PART 1 (extract)
Child: {k:subj_name:Luwam Habtom}      Date of birth: {k:subj_dob:14 March 2015}      LCS ID: {k:subj_id:9041827}
Author: {k:pro_name:Tamsin Hargreave}, Social Worker      Countersigned: {k:pro_name:Devinder Sohal}, Team Manager

## 1. About the child
1.1 {k:subj_first:Luwam} is a ten-year-old girl of Eritrean heritage. She speaks Tigrinya and English, attends {k:subj_school:St Aidan's C of E Primary School} (Year 5) and is registered with {k:subj_gp:Fernside Surgery}.
1.2 Luwam has lived with her foster carers, {r:tp_first:Maureen} and {r:tp_name:Ian Kettleby}, since November 2023. The {r:tp_title:Kettlebys} have a son of their own, {r:tp_first:Jack}, who is twelve.
1.3 Luwam's favourite things are swimming, the Encanto songs and plaiting her carer's hair.

## 2. The birth family
2.1 Birth mother: {r:tp_name:Senait Gebremedhin}, born {r:tp_dob:2nd July 1990} in Keren, Eritrea. {r:tp_sensitive:She has a diagnosis of post-traumatic stress disorder and was detained under section 2 of the Mental Health Act in August 2023.} {r:tp_title:Ms Gebremedhin} lives alone in Calderbrook.
2.2 Birth father: {r:tp_name:Habtom Tesfay}, known to friends as {r:tp_nick:Tesfu}. In the Eritrean naming tradition Luwam's second name is her father's given name. {r:tp_title:Mr Tesfay} left the family in 2019 and was last heard of in Kampala, Uganda, where he used the number {r:tp_phone:+256 772 418 093}. {r:tp_sensitive:He was refused asylum in the UK in 2018 and left the country before he could be removed.}
2.3 Maternal grandmother: {r:tp_relation:Adey Abrehet} ({r:tp_name:Abrehet Woldu}) lives in {r:tp_address:Godaif, Asmara, Eritrea} and speaks to Luwam on video calls every few weeks.
2.4 Half-sister: {r:tp_first:Saba}, born {r:tp_dob:11/01/2023}, whose father is {r:tp_first:Senait}'s former partner {r:tp_name:Dawit Mehari}. Saba was placed for adoption in 2024 and her adoptive name is {r:harm_identity:Sophie Grace Marlowe}. {r:tp_sensitive:Mr Mehari was convicted in 2021 of assaulting a former partner and is subject to a restraining order.}
2.5 A family friend, {r:tp_name:Letemariam Kahsay}, takes Luwam to the Eritrean Orthodox church on Sundays.

## 3. Permanence plan
3.1 The plan is long-term fostering with Maureen and {r:tp_first:Ian}. Luwam has said "I want to stay with {r:tp_nick:Mo} and Ian until I am grown up."
3.2 Contact: with her mother monthly at Brightwater (supervised); letterbox twice a year with Saba's adoptive parents; no direct contact with {r:tp_title:Mr Mehari}.
Agency decision maker: {k:pro_name:Dr Philippa Okonjo-Reid}, Director of Children's Services
""", CPR),
        make(d, "case93_panel_1.pdf", "Permanence panel minutes", """
## Permanence Panel - 18 June 2025 - Item 4
Members present:
- | {k:pro_name:Helen Achterberg} | Panel chair (independent)
- | {k:pro_name:Bethan Pryce} | Independent Reviewing Officer
- | {k:pro_name:Dr Kwabena Asare-Boakye} | Panel medical adviser
- | {k:pro_name:Gillian Fothergill} | Panel adviser (minutes)
Attending for item 4: {k:pro_name:Tamsin Hargreave} (social worker), {r:tp_name:Maureen Kettleby} (foster carer)

## Item 4: {k:subj_name:Luwam Habtom} ({k:subj_id:9041827}) - proposed long-term match
{k:pro_title:Ms Hargreave} presented the report. The panel asked how Luwam's identity needs will be met. {r:tp_title:Mrs Kettleby} said Luwam calls her "{r:tp_nick:Mama Mo}" and that a neighbour, {r:tp_name:Winta Berhe}, braids Luwam's hair and cooks with her.
The medical adviser noted Luwam's CAMHS referral. {r:tp_sensitive:The panel was told that the foster carers' son is waiting for an autism assessment and has been excluded from school twice this year.}
Legal advice was obtained before the panel from {k:pro_name:Aled Prosser}, Legal Services. {r:legal_advice:The advice was that the birth father does not need to consent to a long-term fostering match but must be told of the panel date in writing.} {r:legal_advice:Counsel's view, relayed through Legal, is that an application for a special guardianship order by a relative abroad would be unlikely to succeed.}
Recommendation: the panel unanimously recommends the match. {k:pro_name:Bethan Pryce} will review the plan at the next LAC review.
No. | Action | By | Date
1 | Write to {r:tp_title:Mr Tesfay} at his last known address, {r:tp_address:Plot 14, Kisugu Road, Kampala, Uganda} | {k:pro_title:Ms Hargreave} | 30/06/2025
2 | Arrange life-story work with Luwam | {k:pro_name:Tamsin Hargreave} | 31/08/2025
3 | Seek {r:tp_first:Senait}'s views with a Tigrinya interpreter | {k:pro_title:Ms Hargreave} | 15/07/2025
4 | Update delegated authority for {r:tp_first:Maureen} and {r:tp_first:Ian} | {k:pro_name:Gillian Fothergill} | 15/07/2025
""", PANEL),
        make(d, "case93_contact_1.pdf", "Supervised contact session notes", """
## Brightwater Family Contact Centre - Supervised Session Record
Child: {k:subj_caps:LUWAM HABTOM}   Ref: {k:subj_id:9041827}   Session 14 of 24   Date: Sat 06/09/2025
Adult attending: {r:tp_caps:SENAIT GEBREMEDHIN} (mother)
Supervisor: {k:pro_name:Precious Nyathi}   Interpreter (Tigrinya): {k:pro_name:Yohannes Ghebremichael}

13:58  {k:subj_first:Luwam} dropped off by her foster carer ({r:tp_first:Ian}). Happy, carrying a drawing for Mum.
14:02  Mother arrived with injera and shiro in a tub. Warm greeting, long hug.
14:10  Mother asked Luwam in Tigrinya whether {r:tp_first:Dawit} had been to the school. Interpreter relayed this to me and I redirected the conversation.
14:18  They played Uno. Mother praised Luwam's reading.
14:25  Mother became tearful and said she has moved to {r:tp_partial_address:the flat above the Habesha cafe on Stirling Road} because of noise at her last place.
14:31  Mother wrote a number on a napkin for Luwam: {r:tp_phone:07700 900 734}. I explained this is not agreed and kept the napkin for the social worker.
14:40  {r:tp_sensitive:Mother told me she has stopped taking her medication because it makes her sleep all day.}
14:47  Luwam asked about {r:tp_first:Saba}. Mother said "your sister is with a good family now."
14:58  Goodbyes. Luwam said she would see Mama next month.
15:05  Handed Luwam back to the foster carer at the front desk.

Summary for {k:pro_name:Tamsin Hargreave}: good quality contact; one breach (phone number). Mother's presentation lower than at session 13.
Signed: {k:pro_title:P. Nyathi}, Contact Supervisor
""", CONTACT),
        make(d, "case93_camhs_1.pdf", "CAMHS clinic letter", """
>> Calderbrook CAMHS
>> Larchfield Centre, 2 Orme Street, Calderbrook CB1 5DW
>> Tel 0114 496 0872
{k:pro_name:Dr Rashmi Naidoo}
{k:subj_gp:Fernside Surgery}
11 Fernside Avenue, Calderbrook CB6 3JT
22 July 2025
Re: {k:subj_name:Luwam Habtom}, DOB {k:subj_dob:14/03/2015}, NHS {k:subj_nhs:472 816 3390}

Dear {k:pro_title:Dr Naidoo}
I saw {k:subj_first:Luwam} today in clinic with her foster carer {r:tp_title:Mrs Kettleby} and her social worker {k:pro_name:Tamsin Hargreave}. Luwam has nightmares most nights, startles at loud voices and will not sleep with the door closed. She meets the criteria for post-traumatic stress disorder.
{r:tp_sensitive:Her mother's illness has needed two hospital admissions and she is now on a monthly depot injection.} Luwam worries that her mother will "go back to hospital" and that this is her fault.
Plan: trauma-focused CBT with our clinical psychologist {k:pro_name:Chiamaka Eze}, fortnightly from September; school to be offered a consultation with {k:pro_title:Ms Eze}.
Yours sincerely
{k:pro_name:Dr Fionnuala Brereton}
Consultant Child and Adolescent Psychiatrist
cc {k:pro_name:Tamsin Hargreave}, Social Worker, Children in Care Team
cc Mr and Mrs Kettleby, {r:harm_address:41 Lapwing Close, Thornsett CB9 4QR}
""", CAMHS),
        make(d, "case93_carerlog_1.pdf", "Foster carer daily log (handwritten, scanned)", """
## Foster carer daily recording - week commencing 8 September 2025
Child: {k:subj_name:Luwam Habtom}   LCS ID {k:subj_id:9041827}
Supervising social worker: {k:pro_name:Oksana Bilyk} (Fostering Team)
The carer's handwritten sheet for this week follows (scanned on receipt).
%%PAGE image%%
Mon 8 Sept. {k:subj_first:Luwam} upset after a phone call.
Her mum rang from {r:tp_phone:07700 900 734} again.
Tue 9 Sept. Our {r:tp_first:Jack} had a meltdown at tea.
Wed 10 Sept. {r:tp_name:Letemariam Kahsay} took L to church.
Her car is a blue Corolla {r:tp_vehicle:GX21 ORT}.
Thu 11 Sept. L said {r:tp_first:Dawit} used to hit her mum.
I rang {k:pro_first:Tamsin} straight away.
Signed {r:tp_title:M. Kettleby}
""", CARERLOG),
        make(d, "case93_letterbox_1.pdf", "Letterbox letter from adoptive parents (scanned)", """
## Adoption Support - Letterbox Exchange
To: {k:pro_name:Tamsin Hargreave}, Social Worker   From: {k:pro_name:Sunita Rao-Bramwell}, Letterbox Coordinator
Re: {k:subj_name:Luwam Habtom} - letter received 3 October 2025 from her sister's adoptive parents.
The letter is copied below as received. Please read it with Luwam before it is placed on her file.
%%PAGE ocr%%
Dear {k:subj_first:Luwam},
We hope you are well and enjoying Year 5.
{r:harm_identity:Sophie} is now two and a half and talks all day!
She loves the swings at {r:harm_location:Ashdown Park in Kelverton}.
Her nursery, {r:harm_school:Little Acorns Nursery}, says she is very chatty.
We have put in a photo of her first day there.
With love from {r:harm_name:Jo and Rob}
{r:harm_address:The Old Forge, 3 Mill Lane, Kelverton KV2 8PL}
""", LETTERBOX),
    ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 94: Slovak Roma heritage, children's home, exploitation, mother in a refuge

INCIDENT = Style(font="helv", bold="hebo", size=9, cols=(56, 210, 400), grid=True,
                 header="HOLLINS LODGE  -  Significant Incident Report", footer="Reg 40 notifiable: YES   Page {p}/{n}",
                 furniture_first=False)
RHI = Style(font="tiro", bold="tibo", size=10.5, header="Pathways Missing Service - Return Home Interview",
            footer="Shared under the Calderbrook missing children protocol")
MARAC = Style(font="helv", bold="hebo", size=8.5, cols=(56, 150, 300, 450), grid=True,
              header="RESTRICTED - MARAC minutes - not for onward disclosure", footer="Page {p}",
              metadata={"title": "MARAC 05/11/2025", "subject": "MARAC minute re Kamila Horváthová"})
SMS = Style(font="cour", bold="cobo", size=8, cols=(56, 150, 186, 292), grid=False,
            header="Council mobile messages export - ICT Service Desk")
FGC = Style(font="tiro", bold="tibo", size=10.5, cols=(56, 200, 420), grid=True,
            header="Family Group Conference - Our Family Plan", footer="Copy to family, coordinator and social worker")


def case94(d: Path):
    subj = {"name": "Dominik Horváth", "dob": "23/08/2010", "nhs": "618 204 7735", "case_ref": "2207731"}
    staff = [{"name": "Kerry-Anne Lindqvist", "role": "Social Worker", "org": f"Adolescent Support Team, {ORG}"},
             {"name": "Matthew Oyelaran", "role": "Team Manager", "org": f"Adolescent Support Team, {ORG}"}]
    docs = [
        make(d, "case94_incident_1.pdf", "Children's home significant incident report", """
## SIGNIFICANT INCIDENT REPORT No. HL-25-118
Young person: {k:subj_name:Dominik Horváth}   DOB: {k:subj_dob:23.08.2010}   Ref: {k:subj_id:2207731}
Date: 14/10/2025   Time: 22:40 to 23:55   Location: Hollins Lodge, lounge and front drive
Staff on shift: {k:pro_name:Shaun Ogunbiyi} (RSW, key worker), {k:pro_name:Lauren Tchorzewski} (senior RSW)

## Account of the incident
At 22:40 {k:subj_first:Dominik} returned to the home after being reported missing at 19:00. He got out of a black Audi A3, registration {r:tp_vehicle:LR68 WKD}, driven by an adult male whom he called "{r:tp_nick:J-Dog}". {k:subj_alias:Dom} smelled strongly of cannabis and had £340 in cash and a second phone.
When staff asked for the phone, another young person, {r:tp_name:Tyler-James Moss}, shouted at staff and threw a mug. {r:tp_initials:TJ} was guided to his room by {k:pro_title:Mr Ogunbiyi}.
Dom punched the lounge door and was held in a standing hold for four minutes by {k:pro_first:Shaun} and {k:pro_first:Lauren}.
{k:pro_name:PC Hayley Burrows} (collar 4471) attended at 23:20 and took details of the car. {k:pro_title:PC Burrows} logged the male as a person of interest.
Name | Role in incident | Injury
{k:subj_name:Dominik Horváth} | Returning from missing; restrained | Graze to knuckles
{r:tp_name:Tyler-James Moss} | Threw a mug | None
{k:pro_name:Shaun Ogunbiyi} | Restraint (4 minutes) | None

## Notifications and manager's review
Mother, {r:tp_name:Kamila Horváthová}, was told by phone on {r:tp_phone:+44 (0)7700 900612}. Ofsted notified 15/10/2025.
Registered manager {k:pro_name:Grace Abernethy-Lowe} spoke to {k:pro_name:Priya Chandarana} in Legal Services on 15/10/2025. {r:legal_advice:She advised that the home may not keep the second phone for longer than 48 hours without a new risk assessment and that the police should be asked to seize it.} {r:legal_advice:Her view was that the hold was proportionate and need not be referred to the LADO.}
Social worker {k:pro_name:Kerry-Anne Lindqvist} informed 08:55 on 15/10/2025.
""", INCIDENT),
        make(d, "case94_rhi_1.pdf", "Return home interview after a missing episode", """
## Return Home Interview - missing episode of 14/10/2025
Young person: {k:subj_caps:HORVÁTH, Dominik}   DOB {k:subj_dob:23/08/2010}   Calderbrook ID {k:subj_id:2207731}
Interviewer: {k:pro_name:Nadia Farouk}, Independent Return Interview Worker, Pathways Missing Service
Interview held at Hollins Lodge on 16/10/2025, 72 hours after return. Dominik chose to be seen without staff present.

Q. Where did you go?
A. Dominik said he went to "{r:tp_first:Kaja}'s". Kaja is 16 and lives at {r:tp_partial_address:the flat above the vape shop on Hatherley Road}. Later they went to a house party in Fenwick.
Q. Who were you with?
A. Kaja, her cousin {r:tp_name:Denis Kuruc}, and "J", whose real name he gave as {r:tp_name:Jermaine Pryce-Whitlock}. He said {r:tp_initials:J} "looks after" him and gave him the second phone. J's Snapchat is {r:tp_handle:@jdubz.ldn} and his number is {r:tp_phone:07700 900 561}.
Q. What made you go?
A. He misses his sister {r:tp_name:Zuzana Horváthová}, whom he calls {r:tp_nick:Zuzka}, and his brother {r:tp_name:Marek Horváth}, prison number {r:tp_prison_no:A6208DK}. {r:tp_sensitive:His older brother is serving four years for possession with intent to supply class A drugs.}
Q. Is there anyone you are scared of?
A. His mother's ex-partner, {r:tp_name:Radovan Lakatos} ("{r:tp_nick:Rado}"). Dominik believes Rado is back in England and has been asking around for his mother.
Q. What would help?
A. "Seeing my mam and my teta. Not being moved again."

Analysis: indicators of criminal exploitation (cash, second phone, older male, car). Shared on 16/10/2025 with {k:pro_name:Kerry-Anne Lindqvist} (social worker) and {k:pro_title:DC Okafor}, Missing from Home Coordinator.
""", RHI),
        make(d, "case94_marac_1.pdf", "MARAC minute with action table", """
## MULTI-AGENCY RISK ASSESSMENT CONFERENCE - Calderbrook - 05/11/2025 - Case 7 of 19
Victim | {r:tp_caps:KAMILA HORVÁTHOVÁ}, DOB {r:tp_dob:1983-04-19}, Slovak national
Perpetrator | {r:tp_caps:RADOVAN LAKATOS}, DOB {r:tp_dob:02/12/1979}, PNC {r:tp_pnc:14/228761P}
Children in the household | {k:subj_caps:DOMINIK HORVÁTH} (15, looked after); {r:tp_caps:ZUZANA HORVÁTHOVÁ} (17)
Victim's current address | {r:harm_address:Room 4, Calder House Refuge, Hexley HX3 9AB}
Referring agency | Police (DASH 19, high risk)

## Research and discussion
{r:tp_sensitive:On 28 October the perpetrator strangled the victim until she lost consciousness and he was arrested that night.} He was bailed with conditions not to enter Calderbrook. {r:tp_sensitive:He has previous convictions for harassment and for driving while disqualified.}
He uses a silver Skoda Octavia on Slovak plates, {r:tp_vehicle:KE-517GB}, and the mobile {r:tp_phone:+421 905 318 442}.
{r:tp_sensitive:The victim disclosed that she is being treated for hepatitis C and is three months pregnant.}
Children's social care: {k:pro_name:Kerry-Anne Lindqvist} reported that {k:subj_first:Dominik} has been missing four times since August and that {r:tp_first:Radovan}'s name came up in his return home interview.
Name | Agency | Role
{k:pro_name:DI Samantha Greaves} | Calderbrook Police | Chair
{k:pro_name:Aoife Brannigan} | Calderbrook Domestic Abuse Service | IDVA
{k:pro_name:Kerry-Anne Lindqvist} | Children's Social Care | Social worker
{k:pro_name:Tomasz Wisniewski} | Housing Options | Housing officer
{k:pro_name:Adebola Famuyiwa} | Pennine Vale NHS | Safeguarding nurse
{k:pro_name:Rhys ap Dafydd} | Probation Service | Probation officer
No. | Action | Owner | Date
1 | Flag {r:tp_first:Kamila}'s refuge address on police systems; alarm fitted | {k:pro_title:DI Greaves} | 07/11/2025
2 | IDVA to support {r:tp_initials:K.H.} to apply for a non-molestation order | {k:pro_name:Aoife Brannigan} | 14/11/2025
3 | Check whether {r:tp_title:Mr Lakatos} is breaching bail by contacting Dominik | Police | 12/11/2025
4 | Share refuge area with Hollins Lodge on a need-to-know basis only | {k:pro_name:Kerry-Anne Lindqvist} | 07/11/2025
""", MARAC),
        make(d, "case94_sms_1.pdf", "SMS export from a council handset", """
## Handset CSC-0412 (allocated to {k:pro_title:K-A Lindqvist}, Adolescent Support Team)
Exported 20/11/2025 09:12. Messages about {k:subj_name:Dominik Horváth} ({k:subj_id:2207731}) only.
Date/time | Dir | Number | Message
03/11/2025 16:04 | OUT | {k:subj_phone:07700 900 447} | Hi {k:subj_first:Dominik} its {k:pro_first:Kerry-Anne} your SW. Can I see you Thurs after school?
03/11/2025 16:20 | IN | {k:subj_phone:07700 900 447} | ye ok. can {r:tp_lower:zuzka} come
04/11/2025 08:47 | IN | {r:tp_phone:+421 948 220 613} | dobry den this is {r:tp_lower:kamila} mother of Dominik. i am safe in new place, please he must not know where
04/11/2025 09:30 | OUT | {r:tp_phone:+421 948 220 613} | Thank you for letting me know. I will not share where you are. Kerry-Anne
06/11/2025 23:12 | IN | {k:subj_phone:07700 900 447} | {r:tp_lower:rado} was outside the lodge tonite in the skoda
07/11/2025 10:02 | OUT | {r:tp_phone:07700 900 883} | Hi {r:tp_first:Zuzana}, its Kerry-Anne, Dom's social worker. Are you ok to talk today?
07/11/2025 10:41 | IN | {r:tp_phone:07700 900 883} | ok but dont tell mum where im staying, im at {r:tp_partial_address:jamals nans on ashby st}
07/11/2025 10:44 | IN | {r:tp_phone:07700 900 883} | and dont tell {k:subj_lower:dom} either he talks to {r:tp_lower:jermaine}
""", SMS),
        make(d, "case94_fgc_1.pdf", "Family group conference plan", """
## Family Group Conference - Our Family Plan for {k:subj_name:Dominik Horváth} ({k:subj_alias:Dom})
Date of conference: 22/11/2025, Calderbrook Roma Community Centre
Coordinator: {k:pro_name:Ewa Sokolowska-Hart} (independent FGC coordinator)   Interpreter (Slovak/Romani): {k:pro_name:Lubomír Danko}
Social worker: {k:pro_name:Kerry-Anne Lindqvist}   Team Manager: {k:pro_name:Matthew Oyelaran}

## Who came
Dom's mam, {r:tp_name:Kamila Horváthová}, by video from a safe place (her location was not shared)
{r:tp_relation:Teta Ruzena} ({r:tp_name:Ruzena Balogová}), maternal aunt, {r:tp_address:27 Tinsley Row, Calderbrook CB4 2NE}, {r:tp_phone:07700 900 359}
{r:tp_relation:Ujo Julius} ({r:tp_name:Julius Balog}), maternal uncle
Dom's sister {r:tp_first:Zuzana}
Pastor {r:tp_name:Ernest Ziga}, a family friend from the Pentecostal church

## Our plan
What we worry about | What we will do | Who
Dom going missing with older boys | Dom stays with his aunt every other weekend; his uncle drives him back to Hollins Lodge by 8pm in his van, {r:tp_vehicle:YK15 HVN} | {r:tp_first:Ruzena}, {r:tp_first:Julius}
Dom not seeing his family | Video call with mam every Sunday, set up by the social worker so her number stays private | {k:pro_first:Kerry-Anne}
Money for visits | The family time allowance is paid to the aunt, sort code {r:tp_bank:30-94-57}, account {r:tp_bank:41826350} | Council
{r:tp_sensitive:Uncle Julius told the meeting he has been sober for two years after treatment for alcohol dependency.} The family agreed he is the right person to drive Dom.
In Dominik's own words: "I want to see {r:tp_nick:Zuzka} and my mam and go to church with my teta."
%%PAGE image%%
Agreed and signed on 22/11/2025:
{r:tp_name:Ruzena Balogová} (aunt)
{r:tp_name:Julius Balog} (uncle)
{k:subj_first:Dominik}
{k:pro_name:Ewa Sokolowska-Hart} (coordinator)
""", FGC),
    ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 95: Afghan (Dari) heritage, asylum hotel, hearing impairment, complaint

VISIT = Style(font="helv", bold="hebo", size=9.5, header="Calderbrook Children's Services - visit record (interpreter used)",
              footer="Mosaic case 5538104  {p}/{n}", furniture_first=False)
EHCP = Style(font="helv", bold="hebo", size=9, cols=(56, 160, 330, 450), grid=True,
             header="Education, Health and Care Plan - FINAL", footer="SEND Service, Calderbrook City Council  Page {p}")
COMPLAINT = Style(font="tiro", bold="tibo", size=10.5, cols=(56, 110, 260), grid=True,
                  header="Representations and Complaints - Stage 2 Investigation Report", footer="Page {p} of {n}",
                  metadata={"title": "Stage 2 report", "subject": "Complaint of Mr Abdul Wahid Noori"})
PAEDS = Style(font="tiro", bold="tibo", size=11, header="Community Paediatrics - clinic letter (scanned from paper file)")


def case95(d: Path):
    subj = {"name": "Farishta Noori", "dob": "05/11/2014", "nhs": "753 190 4428", "case_ref": "5538104"}
    staff = [{"name": "Callum Strachan", "role": "Social Worker", "org": f"Children in Need Team, {ORG}"},
             {"name": "Nasreen Akhtar", "role": "Team Manager", "org": f"Children in Need Team, {ORG}"}]
    docs = [
        make(d, "case95_visit_1.pdf", "Interpreter-mediated home visit notes", """
## Home visit - interpreter present
Child: {k:subj_name:Farishta Noori}   DOB {k:subj_dob:5th November 2014}   Case {k:subj_id:5538104}
Visit by {k:pro_name:Callum Strachan}, Social Worker, 02/09/2025 16:00. Interpreter (Dari, by telephone, Language Line): {k:pro_name:Habibullah Sharifi}
Present: father {r:tp_name:Abdul Wahid Noori}, mother {r:tp_name:Shakila Rahimi}, Farishta, and her brother {r:tp_name:Ahmad Zia Noori} (16), known as {r:tp_nick:Zia}.

SW (through interpreter): I asked why Farishta missed eleven days of school in July.
Father (interpreted): the hotel moved the family to another room and her hearing aid was lost in the move.
Interpreter's note: {k:pro_title:Mr Sharifi} explained that "Kaka" means paternal uncle. The father said {r:tp_relation:Kaka Naqib} lives in {r:tp_address:Karte Char, District 3, Kabul} and sends money when he can; his number is {r:tp_phone:+93 79 448 1207}.
{r:tp_sensitive:The father said his asylum claim was refused in March and that his appeal will be heard in January.} His Home Office reference is {r:tp_ho_ref:N1284562/001} and his Afghan passport number is {r:tp_passport:P01948376}.
{r:tp_sensitive:He said he still owes about two thousand pounds to the man who arranged the journey and is frightened of what will happen if he cannot pay.}
Mother (interpreted): {r:tp_sensitive:The mother said she has had heavy bleeding since her last pregnancy and has not seen a doctor because she fears being charged.}
Zia was not at the visit for long; the father said he works at a car wash for cash. {r:tp_title:Mr Noori} asked me not to write this down.
{k:subj_first:Farishta} seen alone with the interpreter. Farishta said she likes her school and her friend {r:tp_name:Mahsa Rezaei}, and that the room is too small to do homework.
Next steps: referral to the hotel's welfare officer; new hearing aid via audiology; CIN meeting with a Dari interpreter booked for every meeting. Seen by {k:pro_name:Nasreen Akhtar} (TM) on 03/09/2025.
""", VISIT),
        make(d, "case95_ehcp_1.pdf", "EHCP excerpt", """
## Education, Health and Care Plan for {k:subj_name:Farishta Noori}  (final, issued 30/09/2025)
Date of birth: {k:subj_dob:05/11/2014}   UPN: {k:subj_upn:H831204776015}   School: {k:subj_school:Ravensholme Primary School}
## Section A: All about me
My name is {k:subj_first:Farishta}. I like drawing, netball and Maths. I wear two hearing aids. My brother {r:tp_first:Ahmad Zia} helps me with homework. I want to be a doctor.
My father's views (given through an interpreter): he wants Farishta to learn English well and to have a quiet place to study.
## Section B: My special educational needs
Farishta has a moderate bilateral sensorineural hearing loss, diagnosed in the UK in 2024. Her spoken English is developing. {r:tp_sensitive:Her older brother also has hearing loss and was never assessed in Afghanistan.}
## Section C: Health needs
Audiology and community paediatrics ({k:pro_name:Dr Oyinkansola Bello}, Consultant Community Paediatrician).
## Section F: Provision
Need | Provision | Who | How often
Access to speech in class | Radio aid; seat near the teacher, next to {r:tp_name:Amelie Okwuosa} | Class teacher and {k:pro_name:Hilary Stott-Mensah} (Teacher of the Deaf) | Daily
Language | Small-group EAL and vocabulary work | {k:pro_name:Eamon Gilhooly} (SENCO) | 3 x 30 minutes a week
Emotional wellbeing | Check-in with a trusted adult | Learning mentor | Daily
Advice received from {k:pro_title:Mrs Stott-Mensah}, {k:pro_name:Dr Imogen Fairweather} (Educational Psychologist) and {k:pro_title:Dr Bello}.
Signed: {k:pro_name:Joanne Ridley-Batts}, SEN Casework Officer, on behalf of Calderbrook City Council
""", EHCP),
        make(d, "case95_complaint_1.pdf", "Stage 2 complaint investigation report", """
## Children Act 1989 Representations Procedure - Stage 2 Investigation Report
Complainant: {r:tp_name:Abdul Wahid Noori}, father of {k:subj_name:Farishta Noori} (Mosaic {k:subj_id:5538104})
Complainant's contact: {r:tp_email:wahid.noori1977@gmail.com}; DOB {r:tp_dob:1 January 1977}
Investigating Officer: {k:pro_name:Graham Tulloch} (independent)   Independent Person: {k:pro_name:Margaret Oduya}
Adjudicating Officer: {k:pro_name:Anthony Kirkbride-Sowerby}, Head of Service

## 1. The complaint
1.1 {r:tp_title:Mr Noori} complains that the social worker, {k:pro_title:Mr Strachan}, held child-in-need meetings without an interpreter, and that section 17 payments stopped without notice.
1.2 {r:tp_title:Mrs Rahimi}, the mother, adds that she was asked about her health in front of her son.
## 2. The investigation
2.1 I interviewed the complainant (with an interpreter, {k:pro_name:Shabnam Karimi}), {k:pro_name:Callum Strachan} (Social Worker), {k:pro_name:Nasreen Akhtar} (Team Manager) and {k:pro_name:Bogdan Iliescu} (Family Support Worker).
2.2 {r:tp_sensitive:The complainant told me he was treated for depression in Kabul after his brother was killed and that he has thoughts of ending his life when letters come from the Home Office.}
2.3 I asked Legal Services whether the council had to provide an interpreter at each meeting. {r:legal_advice:Legal Services advised that the duty under the Equality Act 2010 extends to an interpreter for every meeting and that not providing one would be difficult to defend.} {r:legal_advice:In an e-mail of 12 August 2025 the principal solicitor said the complaint about the stopped payments was likely to be upheld by the Ombudsman.}
## 3. Findings
Point | Finding | Recommendation
1 | Upheld. Two of four meetings had no interpreter. | Book a Dari interpreter for all CIN meetings; apology from {k:pro_title:Ms Akhtar}.
2 | Upheld. Payments stopped when the family moved room. | Repay £460 and confirm in writing to {r:tp_title:Mr Noori}.
3 | Partly upheld. | Health questions to be asked in private.
Signed {k:pro_name:Graham Tulloch}, 29 October 2025
""", COMPLAINT),
        make(d, "case95_paeds_1.pdf", "Community paediatric clinic letter (scanned)", """
%%PAGE ocr%%
>> Community Paediatrics, Calderbrook Children's Centre
>> 90 Wharf Road, Calderbrook CB2 6XS
{k:pro_name:Dr Alan Lowther}, {k:subj_gp:Wexcombe Road Medical Practice}
14 October 2025
Re: {k:subj_name:Farishta Noori}  DOB {k:subj_dob:05/11/2014}  NHS {k:subj_nhs:753 190 4428}
Dear {k:pro_title:Dr Lowther}
{k:subj_first:Farishta} came with her father and a Dari interpreter, {k:pro_name:Shabnam Karimi}.
Her weight has fallen to the 2nd centile. Her new hearing aids are fitted.
The family share one hotel room with no kitchen.
{r:tp_sensitive:Her mother is anaemic and was recently found to have latent tuberculosis.}
I will see Farishta again in three months.
Yours sincerely
{k:pro_name:Dr Oyinkansola Bello}
Consultant Community Paediatrician
cc {k:pro_name:Callum Strachan}, Social Worker
""", PAEDS),
    ]
    return subj, staff, docs


def build(corpus: Path) -> dict:
    return write_labelled_corpus(corpus, [(93, case93), (94, case94), (95, case95)])


if __name__ == "__main__":
    main(__doc__.splitlines()[0], build, report)
