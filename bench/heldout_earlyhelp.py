# ruff: noqa: E501 (documents are written one line per printed line)
"""Held-out corpus "earlyhelp": early help, a disabled child in private law, and a trafficked child, scored blind.

usage: .venv/bin/python bench/heldout_earlyhelp.py [--work DIR] [--build-only]

Fourteen synthetic PDFs in three cases (89-91), written for a blind evaluation by a helper (blind7) who
did not read the engine's source, its tests or any earlier redaction output. Styles no earlier corpus
uses: an Early Help assessment laid out as a four-cell label/value form, Team Around the Family minutes
whose running footer names a parent, a young carer's assessment in the child's own words, a GP record
printout with coded entries, a housing medical-priority form in block capitals, a school suspension letter with a parent's recipient block; a disabled
child's occupational therapy / short breaks assessment, a full DASH risk checklist as a question/answer
grid (the PDF's subject metadata names the victim), a Section 7 report to the family court with a page
rotated 90 degrees, an e-mail chain with the council's lawyer; a police missing-person (Philomena-style)
form, a National Referral Mechanism referral, a landscape chronology with a running header and an
Independent Child Trafficking Guardian's note quoting lower-case messages (its outline bookmark and a
sticky-note annotation name a third party; the text scorer does not read those, so they are not in the
truth). Families of Nigerian (Yoruba), Irish Traveller and Albanian heritage. All names, places and
numbers are invented for this file.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
from heldout_common import main, parse, wrap
from heldout_pages import Style, make, report, write_labelled_corpus


def _rework(path: Path, fn) -> None:
    """Reopen a written PDF, let ``fn(doc)`` change it (rotation, outline, annotation) and save it again."""
    with pymupdf.open(path) as doc:
        fn(doc)
        data = doc.tobytes(garbage=3, deflate=True)
    path.write_bytes(data)


def landscape(d: Path, file: str, title: str, src: str, header: str, footer: str,
              cols: tuple[float, ...] = (36.0, 112.0, 640.0), size: float = 8.5) -> dict:
    """A landscape (842 x 595) table export: `` | `` rows in ``cols``, ``## `` bold, header/footer each page."""
    text, redact, keep = parse(src.strip("\n"))
    width, height, lead = 842.0, 595.0, size * 1.3
    doc = pymupdf.open()
    page = None  # the page being written (earlier Page objects go stale when a page is added)
    y = 0.0
    for para in (p for p in text.split("\n") if p.strip()):
        font = "hebo" if para.startswith("## ") else "helv"
        cells = [c.strip() for c in para.removeprefix("## ").split(" | ")]
        bounds = (list(cols[:len(cells)]) + [width - 36]) if len(cells) > 1 else [cols[0], width - 36]
        wrapped = [wrap(c, bounds[i + 1] - bounds[i] - 8, font, size) for i, c in enumerate(cells)]
        h = max(len(w) for w in wrapped) * lead
        if page is None or y + h > height - 48:
            page = doc.new_page(width=width, height=height)
            y = 64.0
        for i, lines in enumerate(wrapped):
            for j, line in enumerate(lines):
                page.insert_text((bounds[i], y + j * lead), line, fontname=font, fontsize=size)
        page.draw_line((36, y + h - lead + 3), (width - 36, y + h - lead + 3), color=(0.6, 0.6, 0.6), width=0.3)
        y += h + 3
    for n in range(1, doc.page_count + 1):
        page = doc[n - 1]
        page.insert_text((36, 34), header.format(p=n, n=doc.page_count), fontname="helv", fontsize=7)
        page.insert_text((36, height - 20), footer.format(p=n, n=doc.page_count), fontname="helv", fontsize=7)
    doc.set_metadata({"producer": "", "creator": "", "title": title})
    doc.save(str(d / file), garbage=3, deflate=True)
    count = doc.page_count
    doc.close()
    return {"file": file, "title": title, "pages": count, "must_redact": sorted(redact),
            "must_keep": sorted(keep), "category": {**keep, **redact}}


# ------------------------------------------------------------------ case 89: Yoruba Nigerian girl, 13, early help, young carer

ORG89 = "Brackenmoor Borough Council"
EHA = Style(font="helv", bold="hebo", size=8.5, cols=(56, 150, 300, 394), grid=True,
            header="Brackenmoor Early Help Assessment (EHA v3)   OFFICIAL-SENSITIVE", footer="EH-2026-04418   {p}")
TAF = Style(font="tiro", bold="tibo", size=10, cols=(56, 200, 380), grid=False,
            header="Team Around the Family - review meeting",
            footer="TAF minutes - parent/carer: Folasade Ogunleye - page {p} of {n}", furniture_first=False)
YC = Style(font="helv", bold="hebo", size=10.5, cols=(56, 250), grid=True,
           header="Brackenmoor Young Carers - Young Carer's Needs Assessment (Care Act / Children and Families Act 2014 s.96)",
           footer="Young carers assessment  {p}/{n}")
GP = Style(font="cour", bold="cobo", size=8, cols=(56, 130, 250), grid=False,
           header="Marlowe Health Centre  -  Patient record print  -  printed by SAR admin",
           footer="CONFIDENTIAL MEDICAL RECORD - page {p}", metadata={"title": "Record print 22/05/2013"})
HMED = Style(font="cour", bold="cobo", size=8.5, cols=(56, 170, 330, 430), grid=True,
             header="Brackenmoor Housing Register - Medical / Welfare Priority Assessment (form HMA2)",
             footer="HMA2 rev 05/24   Page {p}")
EXCL = Style(font="tiro", bold="tibo", size=11, furniture_first=False,
             footer="Brackenmoor Academy is part of the Heathfield Learning Trust. Registered in England no. 08815527.")


def case89(d: Path):
    subj = {"name": "Ifeoluwa Ogunleye", "dob": "22/05/2013", "nhs": "611 284 9073", "case_ref": "EH-2026-04418"}
    staff = [{"name": "Hollie Brennand", "role": "Early Help Practitioner (Lead Professional)", "org": f"Early Help Service, {ORG89}"},
             {"name": "Sundeep Varsani", "role": "Early Help Team Manager", "org": f"Early Help Service, {ORG89}"}]
    docs = [
        make(d, "case89_eha_1.pdf", "Early Help assessment", """
## Section 1: Child / young person
Name | {k:subj_name:Ifeoluwa Ogunleye} | Known as | {k:subj_alias:Ife}
Date of birth | {k:subj_dob:22/05/2013} | NHS no. | {k:subj_nhs:611 284 9073}
Address | {k:subj_address:Flat 9, Kestrel House, Marlowe Estate, Brackenmoor BM6 3QW} | School | {k:subj_school:Brackenmoor Academy}, Year 9
Ethnicity | Black British - Nigerian (Yoruba) | First language | English; Yoruba at home
Child's mobile | {k:subj_phone:07438 612 905} | EHA ref | {k:subj_id:EH-2026-04418}
## Section 2: Household and family network
Name | Relationship | DOB / age | Lives with child?
{r:tp_name:Folasade Ogunleye} | Mother | {r:tp_dob:11/08/1984} | Yes
{r:tp_name:Tobiloba Ogunleye} ("{r:tp_nick:Tobi}") | Brother | {r:tp_dob:02/03/2018} | Yes
{r:tp_name:Adewale Ogunleye} | Father | not known | No - lives in Houston, Texas
{r:tp_name:Kunle Bamgbose} | Mother's partner | {r:tp_age:about 45} | Weekends only
{r:tp_name:Olayinka Fashola} ({r:tp_relation:Aunty Yinka}) | Maternal aunt | - | No - {r:tp_address:27 Tenbury Close, London SE15 4LR}
## Section 3: Why is an assessment needed?
Referral from {k:pro_name:Mr Callum Rix}, Designated Safeguarding Lead at {k:subj_school:Brackenmoor Academy}, on 8 September 2026: attendance 81%, often late, tired in class, says she "has to do everything at home". {r:tp_sensitive:Mother has relapsing-remitting multiple sclerosis and has used a wheelchair outdoors since a relapse in May.} {r:tp_sensitive:She told the GP in July that she has had low mood and thoughts that the children would be better off without her.}
## Section 4: Assessment (child's developmental needs, parenting capacity, family and environment)
Health | Ife is well but tired; last dental check 2024. | Education | Bright; predicted grade 7 in maths. Late 23 times this term.
Emotional | Worries about Mum falling when she is at school. | Self-care | Cooks for herself and her brother most evenings.
Parenting | {r:tp_title:Mrs Ogunleye} is warm and proud of the children but cannot manage stairs or shopping without help. | Family | Tobi's father is not Ife's father; {r:tp_sensitive:Tobi's father, Mr Bamgbose, was cautioned for possession of cannabis in 2025} and smokes on the balcony.
Housing | 4th floor flat, lift broken for weeks at a time. Mum on the transfer list. | Income | Universal Credit and PIP (standard rate). Rent arrears about GBP 900.
## Section 5: Child's and family's views
Ife: "I don't mind helping Mum, I just want to get to school on time and see my friends." Mum wants help with the mornings and for {r:tp_first:Tobiloba} to go to breakfast club. {r:tp_relation:Aunty Yinka} helps when she can but works nights; her number is {r:tp_phone:+44 7812 330 416}.
## Section 6: Consent and sign-off
Consent to share given by mother on 14/09/2026. Assessment completed by {k:pro_name:Hollie Brennand}, Early Help Practitioner. Agreed by {k:pro_name:Sundeep Varsani}, Team Manager, 21/09/2026.
""", EHA),
        make(d, "case89_tafminutes_1.pdf", "Team Around the Family minutes", """
## Team Around the Family review - {k:subj_name:Ifeoluwa Ogunleye} (and brother)
Date: 5 November 2026, 3.45pm, {k:subj_school:Brackenmoor Academy} (meeting room 2)
Present | Role | Organisation
{k:pro_name:Hollie Brennand} | Lead Professional (chair) | Early Help Service
{r:tp_name:Folasade Ogunleye} | Mother | -
{k:pro_name:Mr Callum Rix} | DSL | {k:subj_school:Brackenmoor Academy}
{k:pro_name:Ffion Lakeland} | Young Carers Support Worker | Brackenmoor Young Carers
{k:pro_name:Precious Mbatha} | School Nurse | Brackenmoor 0-19 Service
{k:pro_name:Mrs Deborah Ingleby} | Class teacher to Tobi | {r:tp_school:St Cuthbert's C of E Primary}
Apologies: {k:pro_name:Dr Aurelio Santangelo} (GP) - report sent.
## 1. Actions from the last meeting
{k:pro_first:Ffion} has completed the young carer's assessment (see separate record). Ife now goes to the young carers' group on Thursdays.
{k:pro_title:Nurse Mbatha} saw Ife on 20 October; growth normal; she talked about headaches and not sleeping.
{k:pro_title:Mr Rix} reports attendance up to 90% since the school bus pass was arranged.
## 2. Update from home
{r:tp_title:Mrs Ogunleye} said the occupational therapist has fitted a perching stool and rails. {r:tp_sensitive:She said she has started a new disease-modifying treatment by infusion every six months and was very unwell after the first one.}
{r:tp_sensitive:She told the meeting that Mr Bamgbose no longer stays at weekends because he is on bail following an arrest for assaulting a man outside a bar in Peckham.} Tobi misses him.
{r:tp_first:Tobi} has been sent home from school twice for biting. {k:pro_title:Mrs Ingleby} has asked for a referral to the school nursing team.
## 3. Plan
Action | Who | By when
Apply for a carer's break grant for Ife | {k:pro_first:Ffion} | 30 November
Adult social care needs assessment for mother | {k:pro_first:Hollie} to refer | 12 November
Breakfast club place for {r:tp_first:Tobiloba} | {k:pro_title:Mrs Ingleby} | 16 November
Ask housing to prioritise transfer (ground floor) | {k:pro_first:Hollie} | 20 November
Next TAF: 14 January 2027. Minutes by {k:pro_name:Hollie Brennand}.
""", TAF),
        make(d, "case89_youngcarer_1.pdf", "Young carer's needs assessment", """
## About me
My name | {k:subj_name:Ifeoluwa Ogunleye} but everyone calls me {k:subj_alias:Ife}
My birthday | {k:subj_dob:22 May 2013}
Who I live with | My mum and my little brother {r:tp_nick:Tobi}
Who else is important | {r:tp_relation:Aunty Yinka}, my best friend {r:tp_name:Chiamaka Eze}, and {r:tp_relation:Grandma Abeke} in Ibadan (we video call on Sundays)
## My caring jobs (what I do in a normal week)
Mornings | Help Mum out of bed and to the bathroom, make Tobi's breakfast, walk him to school
After school | Shopping on the way home, cook (jollof, pasta, noodles), wash up
Night | {r:tp_sensitive:Remind Mum to do her injections and her tablets for her mood, and help her if her legs go stiff in the night}
Weekend | Laundry at the launderette, clean the flat
## How caring makes me feel
I feel proud because I can do things other people my age can't. Sometimes I feel angry because I don't get to go to {r:tp_first:Chiamaka}'s house after school. When Mum cries I don't know what to say. {r:tp_sensitive:Mum said once she wished she wasn't here any more and I told Aunty.}
## What would help
A break where I can be a normal teenager; someone to pick up Tobi on Thursdays so I can go to the group; a lift that works.
## Worker's summary
Completed with {k:subj_first:Ifeoluwa} at school on 15 October 2026 by {k:pro_name:Ffion Lakeland}, Young Carers Support Worker. Ife provides substantial care (about 25 hours a week). Eligible for: young carers' group, carer's break grant, school young carers' lead ({k:pro_name:Ms Roisin Tully}). Shared with {k:pro_name:Hollie Brennand} with Ife's agreement.
""", YC),
        make(d, "case89_gprecord_1.pdf", "GP record printout", """
Patient: {k:subj_caps:OGUNLEYE, Ifeoluwa} (Miss)   DoB: {k:subj_dob:22-May-2013}   NHS: {k:subj_nhs:611 284 9073}
Usual GP: {k:pro_name:Dr Aurelio Santangelo}   Registered: {k:subj_gp:Marlowe Health Centre}   Print range: 01-Jan-2025 to 30-Oct-2026
## Problems (active)
Seen by: {k:pro_name:Dr A Santangelo} and practice team
12-Mar-2021 | 195967001 | Asthma (mild, intermittent)
06-Oct-2026 | 1082191000000106 | Young carer
## Consultations
14-Feb-2025 | Dr A Santangelo | Face to face. Wheeze 3/7, URTI. Seen with {r:tp_relation:aunt, Mrs Fashola}. Salbutamol inhaler reissued.
02-Jul-2026 | Nurse {k:pro_name:K. Aldridge-Nwosu} | Practice nurse. HPV 1st dose given (school catch-up). Batch FX4471.
06-Oct-2026 | Dr A Santangelo | Telephone, spoke to patient. Headaches, poor sleep. Says looks after mum who has MS. Coded: Young carer. Advised sleep hygiene, paracetamol. Letter to school nurse with consent.
06-Oct-2026 | Family history | {r:tp_sensitive:Family history: multiple sclerosis (mother), depressive disorder (mother)}
06-Oct-2026 | Social | Lives with mother and half-brother. {r:tp_sensitive:Mother's partner Kunle Bamgbose has been arrested (mother disclosed at her own appointment)} - see mother's record, safeguarding lead informed.
21-Oct-2026 | Dr A Santangelo | Safeguarding meeting note: TAF in place, lead professional {k:pro_name:Hollie Brennand} (Early Help).
## Alerts
Contact for appointments: mother {r:tp_name:Folasade Ogunleye} {r:tp_phone:07700 914382} / patient {k:subj_phone:07438 612 905}
Alert: Do not discuss mother's health with patient without mother's consent.
""", GP),
        make(d, "case89_housingmedical_1.pdf", "Housing medical priority form", """
## PART A - APPLICANT (BLOCK CAPITALS)
SURNAME | OGUNLEYE | FORENAME(S) | {r:tp_caps:FOLASADE ABIKE}
Housing register no. | {r:tp_case_id:HR/118/40927} | Current address | Flat 9, Kestrel House, Marlowe Estate (4th floor, no working lift)
Telephone | {r:tp_phone:07700-914-382} | E-mail | {r:tp_email:fola.ogunleye@yahoo.co.uk}
## PART B - HOUSEHOLD
SURNAME | FORENAME | RELATIONSHIP TO APPLICANT | DATE OF BIRTH
OGUNLEYE | {k:subj_caps:IFEOLUWA} | Daughter | {k:subj_dob:22.05.2013}
OGUNLEYE | {r:tp_caps:TOBILOBA} | Son | {r:tp_dob:02.03.2018}
## PART C - MEDICAL CONDITION (completed by applicant)
{r:tp_sensitive:I have multiple sclerosis diagnosed in 2019 and since May 2026 I cannot manage stairs. I also have depression and see the community mental health team.} My daughter has to help me up and down the stairs when the lift is broken.
## PART D - SUPPORTING PROFESSIONALS
Name | Role | Organisation | Consent to contact
{k:pro_name:Hollie Brennand} | Early Help Practitioner | Brackenmoor Early Help Service | Yes
{k:pro_name:Sian Okafor-Jones} | Occupational Therapist (adults) | Brackenmoor Adult Social Care | Yes
{k:pro_name:Dr Hamish Loudon} | Consultant Neurologist | Brackenmoor General Hospital | Yes
## PART E - OFFICER ASSESSMENT (Housing Needs)
Medical adviser's recommendation | Band A (urgent medical): ground floor or lift-served with a working lift, wheelchair-accessible bathroom, two bedrooms.
Assessed by | {k:pro_name:Gareth Pennock}, Medical Assessment Officer, 3 December 2026. Copy to the lead professional, {k:pro_first:Hollie}.
""", HMED),
        make(d, "case89_suspension_1.pdf", "School suspension letter", """
>> {k:subj_school:Brackenmoor Academy}
>> Hollybank Road, Brackenmoor BM6 1AA
>> Tel (01632) 960 441
PRIVATE AND CONFIDENTIAL
{r:tp_title:Mrs F. Ogunleye}
{k:subj_address:Flat 9, Kestrel House}
Marlowe Estate
Brackenmoor BM6 3QW
17 November 2026
Dear {r:tp_title:Mrs Ogunleye},
## Suspension of {k:subj_name:Ifeoluwa Ogunleye} (Year 9, UPN {k:subj_upn:R880412607133})
I am writing to tell you that I have decided to suspend your daughter for one school day, Wednesday 18 November 2026, for a serious breach of the school's behaviour policy.
On Monday 16 November at lunchtime {k:subj_first:Ifeoluwa} pushed another pupil, {r:tp_initials:J.O'N.} in Year 10, against a locker after he made comments about her mother in the canteen. {r:tp_first:Jayden} was checked by the first aider and was not injured. A second pupil, {r:tp_name:Precious-Grace Adeyemi}, filmed the incident and has been spoken to separately.
I know from {k:pro_title:Mr Rix} that Ifeoluwa has a lot of responsibility at home and that this was out of character. She will have a reintegration meeting with her head of year, {k:pro_name:Mr Tomasz Wilczek}, on her return, and I have asked the young carers' lead to attend.
You have the right to make representations about this decision to the governing board. Please contact the clerk to the governors, {k:pro_name:Mrs Anne-Marie Coultas}, at the address above.
Yours sincerely
{k:pro_name:Janine Whitelock}
Headteacher
cc {k:pro_name:Hollie Brennand}, Lead Professional (Early Help)
""", EXCL),
    ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 90: Irish Traveller boy, 10, disabled, domestic abuse, private law

ORG90 = "Ormsby Vale Council"
OT = Style(font="helv", bold="hebo", size=9, cols=(56, 200), grid=True,
           header="Ormsby Vale Children with Disabilities Team / Ormsby Community Health - OT and Short Breaks Assessment",
           footer="Page {p} of {n}   OVC-0773154")
DASH = Style(font="helv", bold="hebo", size=8, cols=(56, 80, 300, 350), grid=True,
             header="DASH (2009) Risk Identification Checklist - Ormsby Vale Police / IDVA service - RESTRICTED",
             footer="DASH RIC   Victim ref VV/26/03318   page {p}", metadata={"subject": "DASH - Bridget Quilligan - high risk"})
S7 = Style(font="tiro", bold="tibo", size=11, cols=(56, 130, 260, 380), header="IN THE FAMILY COURT AT ORMSBY     No. OV26P00871     Section 7 report",
           footer="{p}", furniture_first=False)
LAW = Style(font="cour", bold="cobo", size=8.5, metadata={"title": "RE: Quilligan - s7 direction and the father's C100"})


def case90(d: Path):
    subj = {"name": "Patrick Quilligan", "dob": "03/11/2016", "nhs": "498 330 1726", "case_ref": "OVC-0773154"}
    staff = [{"name": "Esther Ackroyd-Pike", "role": "Social Worker", "org": f"Children with Disabilities Team, {ORG90}"},
             {"name": "Dominic Fairclough", "role": "Team Manager", "org": f"Children with Disabilities Team, {ORG90}"}]
    docs = [
        make(d, "case90_otshortbreaks_1.pdf", "OT and short breaks assessment", """
## Child: {k:subj_name:Patrick Quilligan} (known as {k:subj_alias:Paddy})    DOB {k:subj_dob:03/11/2016}    NHS {k:subj_nhs:498 330 1726}
Diagnosis | Bilateral spastic cerebral palsy (GMFCS level III); epilepsy, well controlled. Uses a K-walker indoors and a self-propelled wheelchair outdoors.
Home | At the time of referral Paddy lived in a trailer on Plot 12, Hollins Road Traveller Site, Ormsby OV4 2RT with both parents, his sister and his baby brother. The trailer step and the shared amenity block are not accessible.
Household | Mother {r:tp_name:Bridget Quilligan}; father {r:tp_name:Christy Quilligan}; sister {r:tp_name:Margaret Quilligan} ({r:tp_nick:Maggie}, 14); brother {r:tp_first:Martin} (2). {r:tp_relation:Granny Nora} (maternal grandmother) lives on plot 9.
Assessed by | {k:pro_name:Lowri Penhaligon}, Occupational Therapist, with {k:pro_name:Esther Ackroyd-Pike}, Social Worker, 9 June 2026
Mobility and transfers | Paddy transfers from chair to bed with one adult. {r:tp_sensitive:His mother has a prolapsed disc and was told by her GP not to lift him}, so {r:tp_nick:Maggie} does most of the lifting when Dad is away working.
Personal care | Needs help with bathing and dressing. Continent in the day with reminders.
Equipment recommended | Ramp and grab rails for the trailer (landlord permission from the site manager, {k:pro_name:Mr Shaun Delahunty}, Ormsby Vale Gypsy and Traveller Sites); mobile hoist; shower chair.
Short breaks | Family would like overnight breaks at Larkspur House (2 nights a month) and a Saturday play scheme. {r:tp_relation:Granny Nora} and {r:tp_name:Nora Cawley}'s sister sometimes mind him but cannot lift him.
Education | Year 5 at {k:subj_school:Our Lady of Lourdes Catholic Primary}; supported by {k:pro_name:Kathleen Nevin}, Traveller Education Service, and an EHCP.
Child's views | Paddy says he likes the play scheme because "there's a go-kart you can drive with your hands". He wants to go fishing with his daddy and his {r:tp_relation:Uncle Jimmy}.
Outcome | Short breaks panel 24 June 2026: approved 24 nights a year and play scheme. Equipment ordered. Review in 6 months.
%%PAGE ocr%%
## Parent's signature page (scanned with OCR)
I agree to the information in this assessment being shared with the short breaks panel.
Signed: {r:tp_name:Bridget Quilligan} (mother)    Date: 9/6/2026
Witness: {k:pro_name:Lowri Penhaligon}, OT
""", OT),
        make(d, "case90_dash_1.pdf", "DASH risk identification checklist", """
## Victim: {r:tp_name:Bridget Quilligan}   DOB {r:tp_dob:17/04/1989}   Children: {k:subj_first:Patrick} (9), {r:tp_first:Margaret} (14), {r:tp_first:Martin} (2)
## Alleged perpetrator: {r:tp_caps:QUILLIGAN, Christopher ("Christy")}   DOB {r:tp_dob:05/01/1986}   PNC {r:tp_pnc:98/442187X}
No. | Question | Yes / No / Don't know | Comment
1 | Has the current incident resulted in injury? | Yes | {r:tp_sensitive:Bruising to both upper arms and a cut lip; refused ambulance}
2 | Are you very frightened? | Yes | {r:tp_sensitive:"He said he'd put me in the ground"}
3 | What are you afraid of? Is it further injury or violence? | Yes | {r:tp_sensitive:Afraid he will take the children to his brother in Ireland}
4 | Do you feel isolated from family / friends? | Yes | Not allowed to visit her own mother on plot 9
5 | Are you feeling depressed or having suicidal thoughts? | Yes | {r:tp_sensitive:Prescribed sertraline since March; one overdose in 2019}
6 | Have you separated or tried to separate within the past year? | Yes | Left twice in 2026
7 | Is there conflict over child contact? | Yes | Father says he will apply to court
8 | Does he constantly text, call, contact, follow, stalk or harass you? | Yes | 40+ calls a day from {r:tp_phone:07954 118 203}
9 | Are you pregnant or have you recently had a baby? | No | -
10 | Is the abuse happening more often? | Yes | -
11 | Is the abuse getting worse? | Yes | -
12 | Does he try to control everything you do and/or is he excessively jealous? | Yes | Takes her child benefit card
13 | Has he ever used weapons or objects to hurt you? | Yes | {r:tp_sensitive:Hit her with a tow strap in April}
14 | Has he ever threatened to kill you or someone else? | Yes | See Q2
15 | Has he ever attempted to strangle / choke / suffocate / drown you? | Yes | {r:tp_sensitive:Hand round her throat in the trailer in front of Maggie}
16 | Does he do or say things of a sexual nature that make you feel bad? | Don't know | Declined to answer
18 | Is there any other person who has threatened you? | Yes | His brother {r:tp_name:James Quilligan} ({r:tp_nick:Jimmy}), by phone
19 | Do you know if he has hurt anyone else? | Yes | {r:tp_sensitive:Fight at a horse fair in 2023, charged with affray}
21 | Has he ever mistreated an animal or the family pet? | No | -
22 | Are there any financial issues? | Yes | Debt on the van {r:tp_vehicle:YJ17 OPN}
23 | Has he had problems with alcohol, drugs or mental health? | Yes | {r:tp_sensitive:Drinks daily; cocaine at weekends}
24 | Has he ever threatened or attempted suicide? | No | -
25 | Has he ever breached bail / an injunction? | Yes | {r:tp_sensitive:Breached a non-molestation order in 2021}
27 | Other relevant information | - | Now in refuge: {r:harm_address:3 Whinberry Court, Halstow HX2 7NN} - NOT TO BE DISCLOSED. Paddy's wheelchair collected from the site by {k:pro_name:PC 4471 Nathan Oduya}.
Total "yes": 19. Professional judgement: HIGH. MARAC referral made 2 September 2026 by {k:pro_name:Amira Haddad-Lowe}, IDVA. Children's social care informed: {k:pro_name:Esther Ackroyd-Pike}.
""", DASH),
        make(d, "case90_section7_1.pdf", "Section 7 report to the family court", """
## Re: {k:subj_caps:PATRICK QUILLIGAN} (born {k:subj_dob:3 November 2016})
## Report under section 7 of the Children Act 1989, prepared for the hearing on 14 December 2026
Applicant: {r:tp_name:Christopher Quilligan} (father). Respondent: {r:tp_name:Bridget Quilligan} (mother).
Author: {k:pro_name:Esther Ackroyd-Pike}, Social Worker, Ormsby Vale Council Children with Disabilities Team. Safeguarding letter by {k:pro_name:Gerard Kinsella}, Family Court Adviser (Cafcass), dated 1 October 2026.
1. The court asked the local authority to report on the father's application for a child arrangements order (time with Patrick every other weekend, overnight) and on Patrick's wishes and feelings.
2. Patrick is 10. He has cerebral palsy and epilepsy. He lives with his mother and siblings at an address known to the court and withheld from the father.
3. I saw Patrick three times: at school, at the play scheme and at his mother's home. I used picture cards made with {k:pro_name:Kathleen Nevin}.
4. Patrick's wishes and feelings: he loves his daddy and wants to see him "at the fair and at McDonald's". He does not want to sleep at the site. He said his daddy "shouts and Mammy cries". He asked if {r:tp_relation:Granny Nora} could come too.
5. The father's home is not adapted. There is no ramp, and Patrick's overnight medicine (buccal midazolam for seizures over five minutes) needs an adult trained to give it. The father has not attended the training offered on 3 and 17 October.
6. {r:tp_sensitive:The father accepts a conviction for affray in 2024 and says he has not drunk alcohol since August.} {r:tp_sensitive:A hair strand test ordered by the court showed cocaine use in the three months before the test.}
7. {r:tp_sensitive:The mother has been assessed by the IDVA service as at high risk of serious harm and the case was heard at MARAC on 10 September 2026.}
8. Recommendation: supervised time at a contact centre with wheelchair access, fortnightly for two hours, reviewed after three months; no overnight stays until the father completes the medication training and a domestic abuse perpetrator programme.
{k:pro_name:Esther Ackroyd-Pike}, 30 November 2026. Countersigned: {k:pro_name:Dominic Fairclough}, Team Manager.
%%PAGE text%%
## Appendix A: history of time with the father since separation (landscape table)
Date | Where | Supervised by | Notes
02/08/2026 | Ormsby Family Centre | {k:pro_name:Tracey Lumb}, contact worker | Father late 40 minutes; warm with Patrick
16/08/2026 | Ormsby Family Centre | {k:pro_name:Tracey Lumb} | Father brought {r:tp_relation:Uncle Jimmy}, who was asked to leave
30/08/2026 | Cancelled | - | Father said his van broke down
13/09/2026 | Horse fair, Appleby | unsupervised ({r:tp_name:Nora Cawley} present) | Not agreed by the local authority; Patrick came back without his inhaler
""", S7),
        make(d, "case90_legalemail_1.pdf", "E-mail chain with Legal Services", """
From: {k:pro_name:Manek, Priti} (Legal Services)
Sent: 27 November 2026 09:12
To: {k:pro_name:Ackroyd-Pike, Esther}
Cc: {k:pro_name:Fairclough, Dominic}
Subject: RE: Quilligan - s7 direction and the father's C100
LEGALLY PRIVILEGED - NOT FOR DISCLOSURE

{k:pro_first:Esther},
Thanks for the draft. Three points.
{r:legal_advice:You should not offer a view on whether the father's conviction makes him a risk to the mother beyond what Cafcass has said, because the court has not ordered a fact-finding hearing and that is for the judge.}
{r:legal_advice:The recommendation for supervised contact is within your expertise and I would keep it, but I advise you to tie it expressly to the medication training so it reads as a welfare point and not a finding.}
{r:legal_advice:If the father's solicitor asks for the refuge address you must refuse and tell me at once; we would apply for it to be withheld under FPR rule 29.1.}
{k:pro_name:Priti Manek}
Senior Solicitor, Children and Education Team, Legal Services, Ormsby Vale Council

-----Original Message-----
From: Ackroyd-Pike, Esther
Sent: 26 November 2026 17:40
To: Manek, Priti (Legal Services)
Subject: Quilligan - s7 direction and the father's C100

Hi {k:pro_first:Priti}, draft s7 attached for Paddy, due at court 1 December. Dad rang me again today from a new number, {r:tp_phone:+353 87 624 9015} (says he's in Galway at his brother's), asking where the kids are. I told him I could not say. He also said {r:tp_sensitive:Bridget "has a new fella" and named a man called Sean Mongan}, which I have not put in the report.
Mum's solicitor is {k:pro_name:Niamh Callery} at Harte Solicitors. Esther

-----Original Message-----
From: {r:tp_email:christyq1986@outlook.ie}
Sent: 25 November 2026 22:03
To: cwd.duty@ormsbyvale.gov.uk
Subject: my son paddy

i want to no where my son is. his nan {r:tp_lower:nora} says {r:tp_lower:bridgets} in a refuge in {r:harm_location:halstow}. i have rights. tell {r:tp_lower:maggie} to ring her daddy.
""", LAW),
    ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 91: Albanian boy, 16, unaccompanied, trafficking, missing

ORG91 = "Harrowden City Council"
MISP = Style(font="helv", bold="hebo", size=8.5, cols=(56, 200, 330, 420), grid=True,
             header="HARROWDEN POLICE - MISSING PERSON: PRE-PREPARED PROFILE (PHILOMENA PROTOCOL) - keep with child's placement file",
             footer="Form MP-PP1   Completed by carer / updated by police   {p}/{n}", furniture_first=False)
NRM = Style(font="tiro", bold="tibo", size=10, cols=(56, 240), grid=False,
            header="National Referral Mechanism - referral of a potential victim of modern slavery (child) - first responder: Harrowden City Council",
            footer="NRM form   page {p}")
ICTG = Style(font="helv", bold="hebo", size=9.5, header="Independent Child Trafficking Guardian - direct work note",
             footer="ICTG service - confidential   {p}")


def case91(d: Path):
    subj = {"name": "Klevis Dushku", "dob": "08/02/2010", "nhs": "703 556 2089", "case_ref": "HCC/UASC/55102"}
    staff = [{"name": "Naomi Etheridge", "role": "Social Worker", "org": f"Children in Care Team, {ORG91}"},
             {"name": "Bilal Chaudhry", "role": "Team Manager", "org": f"Children in Care Team, {ORG91}"},
             {"name": "Hester Quinlan", "role": "Independent Reviewing Officer", "org": ORG91}]
    docs = [
        make(d, "case91_missingprofile_1.pdf", "Missing person pre-prepared profile", """
## 1. The child
Full name | {k:subj_caps:DUSHKU, Klevis} | Also uses | {k:subj_alias:Kevi}
Date of birth | {k:subj_dob:08.02.2010} | Nationality | Albanian
Height / build | 5'9", slim | Hair / eyes | Black, short at sides / brown
Marks | Scar on left eyebrow; tattoo of an eagle on right forearm | Phone | {k:subj_phone:07537 209 644} (council phone)
Placement | Foster placement (address held by police control room) | Social worker | {k:pro_name:Naomi Etheridge} 01632 960 218
## 2. Carers
Foster carers | {r:tp_name:Glenys Arbuthnot} and {r:tp_name:Roy Arbuthnot} | Carers' mobile | {r:tp_phone:07781 556 102}
## 3. Risks
Known risk | Child trafficking (NRM referral made 14/08/2026; positive reasonable grounds 29/08/2026). Criminal exploitation in cannabis cultivation. Owes a "debt" of about EUR 18,000.
Previous missing | 3 episodes (20/08, 11/09, 02/11/2026). Found once at a car wash in Tilbury and once in Harrowden city centre.
## 4. Associates and places he may go
Name / description | Link | Phone / vehicle | Address or area
{r:tp_name:Dritan Cela} ("{r:tp_nick:Tani}") | Believed controller | {r:tp_phone:+355 69 204 7781} | {r:tp_address:Unit 4, Coldharbour Trading Estate, Harrowden HW9 2LD}
Man known as "{r:tp_nick:Xhaxhi}" (uncle) | Drove him from Dover | grey Audi A4 {r:tp_vehicle:AA 412 HB} | Kent, not known
{r:tp_first:Bledi}, about 19 | Friend from the hotel | {r:tp_phone:0044 7451 338 209} | Car wash, {r:tp_partial_address:Thames Road, Tilbury}
{r:tp_name:Ermal Hysa} | Cousin (claimed) | {r:tp_vehicle:WU21 KXP} | {r:tp_address:Flat 2, 88 Carnforth Street, Harrowden HW1 5EZ}
## 5. Updates
02/11/2026 found by {k:pro_name:PC Imogen Sowerby} at Harrowden bus station with {r:tp_name:Ermal Hysa}. Return home interview offered by {k:pro_name:Aisha Mendy}, missing coordinator.
""", MISP),
        make(d, "case91_nrmreferral_1.pdf", "NRM referral", """
## Section A: potential victim
Name | {k:subj_name:Klevis Dushku}
Date of birth (claimed) | {k:subj_dob:8 February 2010}
Home Office reference | {k:subj_id:D1188402}
Passport | {k:subj_passport:BK4471023} (Albanian, held by the Home Office)
Current location | Looked after by Harrowden City Council (address withheld)
## Section B: first responder
Name | {k:pro_name:Naomi Etheridge}, Social Worker, Children in Care Team
Supported by | {k:pro_name:Joanne Lefevre}, Independent Child Trafficking Guardian; interpreter {k:pro_name:Mr Besnik Lala} (Albanian)
## Section C: indicators observed
Recruitment | Approached in Durrës in 2025 by a man he knew as "{r:tp_nick:Xhaxhi}", who offered work in a car wash in England. His family's debt to this man was increased when they could not pay.
Transport | Travelled by lorry from Belgium in June 2026 with two other boys, {r:tp_first:Arlind} and {r:tp_name:Endri Leka}, who were taken off at a service station.
Exploitation | {r:tp_sensitive:He was kept in a house with blacked-out windows and made to water cannabis plants for a man called Dritan Cela} at {r:tp_address:14 Ivel Road, Stotfield SG5 1QH}. He was not paid and slept on the floor.
Control | Phone taken; told his mother {r:tp_name:Mimoza Dushku} and brother {r:tp_name:Arbër Dushku} would be hurt. {r:tp_sensitive:His brother was beaten in Shkodër in July because the family could not pay.}
Identification | The controller's phone number was saved as "boss" ({r:tp_phone:+355 68 771 0392}). Shared with {k:pro_name:DC Rory Pengelly}, Modern Slavery Unit, Harrowden Police.
## Section D: account (in the child's words, through the interpreter)
"I came for work to help my mother. They said I will pay in three months. After one month they said I owe more. {r:tp_lower:tani} said if I go to police my brother will not have legs."
## Section E: consent
A child does not need to consent to an NRM referral. Klevis knows the referral has been made and asked that nothing is sent to his family in Albania.
""", NRM),
        landscape(d, "case91_chronology_1.pdf", "Chronology (landscape export)", """
## Date | Event | Recorded by
14/06/2026 | {k:subj_name:Klevis Dushku} presents at Harrowden police station, says he is 16. Placed in emergency foster care with {r:tp_title:Mrs Arbuthnot}. | {k:pro_name:Naomi Etheridge}
16/06/2026 | Initial health assessment: underweight, scabies, dental pain. Seen by {k:pro_name:Dr Femi Okonkwo-Reid}, LAC doctor. | {k:pro_name:Naomi Etheridge}
14/08/2026 | NRM referral submitted; ICTG allocated ({k:pro_name:Joanne Lefevre}). | {k:pro_name:Naomi Etheridge}
20/08/2026 | Missing overnight. Returned himself at 07:10. Said he met "{r:tp_nick:Tani}" near the station. | {k:pro_name:Aisha Mendy}
29/08/2026 | Positive reasonable grounds decision from the Single Competent Authority. | {k:pro_name:Naomi Etheridge}
11/09/2026 | Missing 2 days. Found at car wash in Tilbury with {r:tp_first:Bledi}. {r:tp_sensitive:Bledi was arrested for being in the UK without leave and detained at Colnbrook.} | {k:pro_name:PC Imogen Sowerby}
19/09/2026 | Strategy meeting (trafficking). Chair {k:pro_name:Bilal Chaudhry}. National Referral Mechanism decision awaited. Placement moved. | {k:pro_name:Bilal Chaudhry}
04/10/2026 | Review by IRO {k:pro_name:Hester Quinlan}: Klevis wants to go to college and play football. Enrolled at {k:subj_school:Harrowden College} (ESOL entry 2). | {k:pro_name:Hester Quinlan}
02/11/2026 | Missing 9 hours. Found with {r:tp_name:Ermal Hysa} at bus station. {r:tp_sensitive:Ermal Hysa is on police bail for supplying cannabis.} | {k:pro_name:Aisha Mendy}
03/11/2026 | Klevis's mother rang the foster carer from {r:tp_phone:+355 67 340 1185}; carers told not to pass messages. | {k:pro_name:Naomi Etheridge}
04/11/2026 | Legal gateway meeting with {k:pro_name:Marcus Oyelaran-Pryce} (Legal Services). {r:legal_advice:Advice: the threshold for an interim care order is not met while Klevis is accommodated under section 20 and placement stability is good, so no application yet.} {r:legal_advice:Advice: a Trafficking Risk Order or Slavery and Trafficking Prevention Order against the controller is a police application; the council should give the police a statement of the missing episodes.} | {k:pro_name:Bilal Chaudhry}
05/11/2026 | Home visit. Klevis asked whether his friend {r:tp_name:Endri Leka} is in England. Told the police are checking. New placement with {r:tp_name:Tahir Mahmood} and his wife, 2 miles from college. | {k:pro_name:Naomi Etheridge}
06/11/2026 | Dental treatment completed at Harrowden Community Dental Service. Klevis's NHS number {k:subj_nhs:703 556 2089} confirmed on the record. | {k:pro_name:Naomi Etheridge}
07/11/2026 | Age dispute closed: Home Office accepts date of birth {k:subj_dob:08/02/2010}. Klevis pleased. | {k:pro_name:Naomi Etheridge}
09/11/2026 | Klevis shown messages from {r:tp_handle:@gezim.lux_07} on Instagram. Passed to {k:pro_name:DC Rory Pengelly}. | {k:pro_name:Joanne Lefevre}
10/11/2026 | Foster carer {r:tp_title:Mr Mahmood} reports Klevis is sleeping well, went to football training with {k:pro_name:Kyle Benaissa} (youth worker, Harrowden Youth Service). | {k:pro_name:Naomi Etheridge}
12/11/2026 | Personal education plan meeting at college with designated teacher {k:pro_name:Ms Oonagh Farrelly}. ESOL progress good; wants to train as an electrician. | {k:pro_name:Naomi Etheridge}
16/11/2026 | {r:tp_sensitive:Police tell social worker that Dritan Cela was arrested in Luton with two other Albanian boys and remanded in custody.} Klevis told in an age-appropriate way. | {k:pro_name:Naomi Etheridge}
18/11/2026 | Looked after review chaired by {k:pro_name:Hester Quinlan}. Plan: remain in placement, no contact with family in Albania until risk assessed, life story work with {k:pro_first:Joanne}. | {k:pro_name:Hester Quinlan}
21/11/2026 | Missing 3 hours from college. Returned himself; said he went to a barber with {r:tp_initials:E.H.} Strategy discussion held. | {k:pro_name:Aisha Mendy}
25/11/2026 | Return home interview by {k:pro_first:Aisha}: he said a man in a black Mercedes ({r:tp_vehicle:KM70 VTD}) offered him a lift near the barber's on {r:tp_partial_address:Selbourne Parade}. | {k:pro_name:Aisha Mendy}
""", header="HARROWDEN CITY COUNCIL - Children's Social Care - Chronology - Child: Klevis Dushku - Allocated worker: Naomi Etheridge - page {p} of {n}",
                  footer="Exported from Mosaic 26/11/2026  HCC/UASC/55102  OFFICIAL-SENSITIVE", size=10.5),
        make(d, "case91_ictgnote_1.pdf", "Independent Child Trafficking Guardian note", """
## Direct work with {k:subj_first:Klevis}, 10 November 2026, at {k:subj_school:Harrowden College}
Present: {k:subj_first:Klevis}; {k:pro_name:Joanne Lefevre} (ICTG); {k:pro_name:Mr Besnik Lala}, interpreter (in person).
Purpose: to go through the messages Klevis showed me on his new phone and agree what to share with police.
Klevis has been receiving messages on Instagram from an account called {r:tp_handle:@gezim.lux_07} and on WhatsApp from an unsaved number. He translated them with {k:pro_title:Mr Lala}. As shown on screen:
[21:14] {r:tp_handle:gezim.lux_07}: ku je {k:subj_alias:kevi}. {r:tp_lower:xhaxhi} is asking for you
[21:15] {r:tp_handle:gezim.lux_07}: u don't answer, we go see ur mum in durres
[21:40] unknown: bro its {r:tp_lower:bledi}. they took my phone at colnbrook. {r:tp_lower:ermal} has a job for u in luton, good money
[21:41] unknown: dont tell the social
Klevis said {r:tp_first:Gezim} is the son of the man he calls {r:tp_nick:Xhaxhi}. {r:tp_sensitive:He said Gezim told him last month that Xhaxhi had paid a police officer in Durrës, which is why his family is afraid to report.}
Klevis agreed that I can share the screenshots with {k:pro_name:DC Pengelly} and {k:pro_name:Naomi Etheridge}. He does not want to block the accounts yet in case they go to his mother instead. We agreed a safety plan: phone stays with him, location sharing on with his social worker, and he will tell {k:pro_first:Naomi} or his carer if he is asked to meet anyone.
He asked me again whether {r:tp_name:Endri Leka} is safe. I said I would ask the police.
{k:pro_name:Joanne Lefevre}, ICTG
""", ICTG),
    ]
    _rework(d / "case91_ictgnote_1.pdf", _ictg_extras)
    _rework(d / "case90_section7_1.pdf", _rotate_appendix)
    return subj, staff, docs


def _ictg_extras(doc) -> None:
    """An outline entry and a reviewer's sticky note that name third parties (not read by the text scorer)."""
    doc.set_toc([[1, "Direct work note", 1], [2, "Messages from Gezim and Ermal Hysa", 1]])
    doc[0].add_text_annot((520, 90), "Check with police whether Endri Leka has been found - JL")


def _rotate_appendix(doc) -> None:
    """The appendix was printed landscape and the page is stored rotated by 90 degrees."""
    doc[doc.page_count - 1].set_rotation(90)


def build(corpus: Path) -> dict:
    return write_labelled_corpus(corpus, [(89, case89), (90, case90), (91, case91)])


if __name__ == "__main__":
    main(__doc__.splitlines()[0], build, report)
