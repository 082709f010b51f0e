# ruff: noqa: E501 (documents are written one line per printed line)
"""Held-out corpus "courtbundle": family court bundle extracts in sans type with paginated bundle furniture.

usage: .venv/bin/python bench/heldout_courtbundle.py [--work DIR] [--build-only]

Fourteen synthetic PDFs in three cases (80-82), written for the blind evaluation on branch h-blind by
a helper that never read the engine's source, in a style no earlier corpus uses: Helvetica pages with
court-bundle furniture (a "Bundle page C14" header and a "Case No." footer), a bundle index with a
parties block, a local-authority position statement, social work chronologies in a two-column
Date | Event table with shaded cells, a child protection conference minute with a participants table
(mother and her partner among them), a parenting assessment extract, a contact supervision record with
direct speech, GP letters on a practice letterhead, a school attendance printout, police incident logs
with timestamped entries, and a legal planning meeting record. Some pages are scanned: rendered to a
grey JPEG image with an invisible OCR text layer over it (as a scanner with OCR produces), so the text
scorer sees them and the report also OCRs the redacted image to see whether the pixels still show a
must_redact string. Families of Pakistani (Mirpuri) heritage, Congolese heritage and Hong Kong
heritage. All names, places and numbers are invented for this file.

Mark-up as in heldout_youthjustice.py: ``{r:CATEGORY:text}`` must go, ``{k:CATEGORY:text}`` must stay;
a line containing `` | `` is a table row placed in cells at the document's column positions.

Its first (blind) score, taken with the engine of branch h-redq unchanged, is recorded in bench/RESULTS.md.
Since issue 10 round 4 (branch h-cast3) it is a DEVELOPMENT set: the cast mechanisms of that round were built
while reading its failures (no names, phrases or layouts of it in the engine).
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
from heldout_common import main, ocr, parse, wrap, write_corpus

FONT, BOLD, SIZE, LEAD = "helv", "hebo", 9.5, 12.5


def _wrap(text: str, width: float) -> list[str]:
    return wrap(text, width, FONT, SIZE)


def _layout(text: str, cols: tuple[float, ...]) -> list[list[tuple]]:
    """Pages of draw operations: ("text", x, y, s, font) and ("shade", rect)."""
    pages: list[list[tuple]] = []
    ops: list[tuple] | None = None
    y = 0.0
    bounds = list(cols) + [548.0]
    for para in text.strip("\n").split("\n"):
        head = para.startswith("## ")
        if head:
            para = para[3:]
        if " | " in para:
            cells = [c.strip() for c in para.split(" | ")]
            wrapped = [_wrap(c, bounds[i + 1] - bounds[i] - 8) for i, c in enumerate(cells)]
            n = max(len(w) for w in wrapped)
        else:
            wrapped, n = [_wrap(para, 495)], None
        rows = n or len(wrapped[0])
        if ops is None or y + rows * LEAD > 780:
            ops = []
            pages.append(ops)
            y = 78.0
        if n:
            ops.append(("shade", pymupdf.Rect(bounds[0] - 3, y - LEAD + 3, bounds[1] - 5, y + (n - 1) * LEAD + 4)))
        for i, lines in enumerate(wrapped):
            x = bounds[i] if n else 50.0
            for j, line in enumerate(lines):
                ops.append(("text", x, y + j * LEAD, line, BOLD if head else FONT))
        y += rows * LEAD + (5 if n else 3)
    return pages


def _draw(page, ops, furniture: tuple[str, str], mode: int) -> None:
    header, footer = furniture
    page.insert_text((430, 40), header, fontname=BOLD, fontsize=9, render_mode=mode)
    for op in ops:
        if op[0] == "shade" and mode == 0:
            page.draw_rect(op[1], color=None, fill=(0.92, 0.92, 0.92))
        elif op[0] == "text":
            page.insert_text((op[1], op[2]), op[3], fontname=op[4], fontsize=SIZE, render_mode=mode)
    page.insert_text((50, 815), footer, fontname=FONT, fontsize=7.5, render_mode=mode)


def render(path: Path, text: str, cols: tuple[float, ...], furniture: tuple[str, str], first_page: int,
           scanned: bool) -> tuple[int, list[int]]:
    """Write the PDF; a scanned document becomes grey JPEG page images under an invisible text layer."""
    doc = pymupdf.open()
    pages = _layout(text, cols)
    for i, ops in enumerate(pages):
        header = f"{furniture[0]}{first_page + i}"
        page = doc.new_page(width=595, height=842)
        if not scanned:
            _draw(page, ops, (header, furniture[1]), 0)
            continue
        tmp = pymupdf.open()
        src = tmp.new_page(width=595, height=842)
        _draw(src, ops, (header, furniture[1]), 0)
        pix = src.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
        page.insert_image(page.rect, stream=pix.tobytes("jpeg", jpg_quality=55))
        _draw(page, ops, (header, furniture[1]), 3)
        tmp.close()
    doc.save(str(path))
    n = doc.page_count
    doc.close()
    return n, (list(range(n)) if scanned else [])


def make(d: Path, file: str, title: str, src: str, *, cols: tuple[float, ...] = (50, 140),
         section: str = "C", first_page: int = 1, case_no: str = "", scanned: bool = False) -> dict:
    text, redact, keep = parse(src)
    furniture = (f"Bundle page {section}", f"Case No. {case_no}    Family Court sitting at Shipden    [{section}]")
    pages, scans = render(d / file, text, cols, furniture, first_page, scanned)
    doc = {"file": file, "title": title, "pages": pages, "must_redact": sorted(redact),
           "must_keep": sorted(keep), "category": {**keep, **redact}}
    if scans:
        doc["scanned_pages"] = scans
    return doc


# ------------------------------------------------------------------ case 80 (Pakistani Mirpuri heritage, care proceedings)
CN80 = "SH25C00417"


def case80(d: Path):
    subj = {"name": "Inaya Qureshi", "dob": "14/02/2015"}
    staff = [{"name": "Philippa Stanbridge", "role": "Social Worker"},
             {"name": "Rajinder Sohal", "role": "Team Manager"}]
    docs = [make(d, "case80_index_1.pdf", "Court bundle index with parties block", """
## IN THE FAMILY COURT SITTING AT SHIPDEN
## IN THE MATTER OF THE CHILDREN ACT 1989
## AND IN THE MATTER OF: {k:subj_caps:INAYA QURESHI} (a girl, born {k:subj_dob:14.02.2015})
Between
SHIPDEN METROPOLITAN BOROUGH COUNCIL - Applicant
and
(1) {r:tp_caps:SAIMA QURESHI} - First Respondent (mother)
(2) {r:tp_caps:TARIQ MAHMOOD} - Second Respondent (father)
(3) the child, through her Children's Guardian {k:pro_name:Ruth Ellery} - Third Respondent
## INDEX TO BUNDLE
Section | Document
A | Preliminary documents: case summary, chronology, position statements, threshold
A1-A4 | Local authority case summary, {k:pro_name:Gwen Tarrant}, solicitor for the local authority
A5-A7 | Position statement of the First Respondent, Anwar Siddiq, Thornley Bright Solicitors
A8-A9 | Position statement of the Second Respondent, {r:tp_title:Mr Mahmood}, litigant in person
B | Applications and orders: C110A, interim care order of 03.03.2025
C | Statements: social worker {k:pro_name:Philippa Stanbridge}; maternal grandmother {r:tp_name:Rukhsana Bibi} (kinship carer)
D | Experts: parenting assessment of {r:tp_title:Ms Qureshi}; hair strand testing of {r:tp_title:Mr Mahmood}
E | Other documents: GP records, school records, police disclosure, contact notes
Bundle prepared by {k:pro_name:Gwen Tarrant}, Shipden Legal Services, for the hearing on 22.05.2025.
""", cols=(50, 120), section="I", case_no=CN80),
            make(d, "case80_posstatement_1.pdf", "Local authority position statement", """
## POSITION STATEMENT OF THE LOCAL AUTHORITY
## for the Issues Resolution Hearing on 22 May 2025
1. This statement concerns {k:subj_name:Inaya Qureshi}, aged 10. {k:subj_first:Inaya} has lived with her maternal grandmother, {r:tp_name:Rukhsana Bibi}, at {r:tp_address:27 Lingard Terrace, Shipden BD18 4QT} since 3 March 2025.
2. The mother, {r:tp_name:Saima Qureshi} (born {r:tp_dob:9 November 1991}), lives at {r:tp_address:Flat 11, Coldwell Court, Ainsty Road, Shipden BD18 2LX}. The father, {r:tp_name:Tariq Mahmood} (born {r:tp_dob:03/09/1986}), lives with his parents in Keighford.
3. {k:subj_first:Inaya}'s half-brother {r:tp_name:Rayyan Mahmood} (born {r:tp_dob:12 July 2019}) lives with the father and is not subject to these proceedings.
4. {r:tp_sensitive:The mother's hair strand test showed regular cocaine use between December and February.} The local authority does not seek to rely on the father's test, which was negative.
5. The local authority's care plan is for {k:subj_first:Inaya} to remain with {r:tp_relation:Nani Rukhsana} (as Inaya calls her) under a special guardianship order, with contact to {r:tp_title:Ms Qureshi} twice a week, supervised by the maternal uncle {r:tp_name:Asif Qureshi}.
6. {r:tp_first:Saima} has told the social worker that she will not oppose the plan if contact is generous.
7. The Guardian, {k:pro_title:Mrs Ellery}, supports the plan subject to the special guardianship assessment of {r:tp_first:Rukhsana}.
{k:pro_name:Gwen Tarrant}
Solicitor for the Applicant, Shipden Legal Services, 19 May 2025
""", section="A", first_page=1, case_no=CN80),
            make(d, "case80_chronology_1.pdf", "Social work chronology (two-column table)", """
## SOCIAL WORK CHRONOLOGY - {k:subj_caps:QURESHI, Inaya}    DOB {k:subj_dob:14/02/2015}    Mosaic ID {k:subj_id:M2208841}
Date | Event and source
02.09.2024 | Referral from {k:subj_school:Moorside Junior School}: {k:subj_first:Inaya} arrived hungry three days running and said mum was "asleep all day". DSL {k:pro_name:Kerry Lightfoot}.
05.09.2024 | Home visit by {k:pro_name:Philippa Stanbridge}. {r:tp_title:Ms Qureshi} intoxicated. A man who gave his name as "{r:tp_nick:Dazz}" left by the back door; later identified as {r:tp_name:Darren Sowerby}, DOB {r:tp_dob:21.04.1988}.
12.09.2024 | Strategy discussion. Police ({k:pro_name:DS Nadia Farooqi}) report {r:tp_sensitive:Sowerby has convictions for supplying Class A drugs and for assault occasioning actual bodily harm.}
30.09.2024 | Initial child protection conference: plan under neglect. Chair {k:pro_name:Stuart Penkridge}.
14.11.2024 | {k:subj_first:Inaya} told {k:pro_title:Ms Stanbridge} that "uncle Dazz" shouted at mum and broke the TV.
07.01.2025 | Maternal grandmother {r:tp_name:Rukhsana Bibi} (tel {r:tp_phone:01274 660 318}) offered to care for Inaya.
03.03.2025 | Interim care order; {k:subj_first:Inaya} placed with {r:tp_relation:Nani Rukhsana} under regulation 24.
18.03.2025 | Father {r:tp_name:Tariq Mahmood} (mobile {r:tp_phone:07922 481 603}) asked for contact; first session 25.03.2025 at Shipden Family Centre.
""", cols=(50, 118), section="A", first_page=5, case_no=CN80),
            make(d, "case80_contact_1.pdf", "Contact supervision record with direct speech (scanned)", """
## CONTACT SUPERVISION RECORD
Child: {k:subj_name:Inaya Qureshi}    Date: 08/04/2025    Venue: Shipden Family Centre, Room 2
Adults attending: mother {r:tp_name:Saima Qureshi}; uncle {r:tp_name:Asif Qureshi} (arrived 10.20)
Supervisor: {k:pro_name:Bronwen Talley}, Family Support Worker
10.02 {k:subj_first:Inaya} ran to mum. Mum said: "{r:tp_sensitive:I've been clean six weeks now, I go to the clinic on Tuesdays.}"
10.15 Inaya showed mum her drawing. Mum said "Nani says you don't eat your roti" and laughed.
10.31 Uncle {r:tp_first:Asif} said to mum: "Don't talk about {r:tp_first:Darren} in front of her." Mum replied: "He's gone, he's in Leeds with his brother {r:tp_name:Wayne Sowerby}."
10.40 Inaya asked "Can I come home for Eid?" Mum said she would ask {k:pro_first:Philippa}.
10.58 Goodbye was tearful. Mum gave Inaya a phone number on a card: {r:tp_phone:07588 213 907}. I took the card and gave it to the social worker.
Signed {k:pro_name:Bronwen Talley}
""", section="E", first_page=31, case_no=CN80, scanned=True),
            make(d, "case80_gpletter_1.pdf", "GP letter on practice letterhead", """
## AINSTY ROAD MEDICAL PRACTICE
Dr K. Haqqani  Dr E. Whitworth  Dr S. Ekwueme
Ainsty Road, Shipden BD18 2LY    Tel 01274 660 900
Our ref: KH/INQ
{k:pro_name:Philippa Stanbridge}
Children's Social Care, Shipden Town Hall
12 February 2025
Dear {k:pro_title:Ms Stanbridge}
Re: {k:subj_name:Inaya Qureshi}, DOB {k:subj_dob:14/02/2015}, NHS {k:subj_nhs:485 220 9176}
Thank you for your request. Inaya is registered with us. She has missed two asthma reviews and a dental referral was not followed up. Her growth is on the 9th centile.
Her mother, {r:tp_name:Saima Qureshi} (NHS {r:tp_nhs:601 337 4821}), is also registered here. {r:tp_sensitive:Ms Qureshi was treated for depression after a miscarriage in 2022 and was referred to the drug and alcohol service in October.}
Inaya's father, {r:tp_title:Mr Mahmood}, is registered elsewhere.
Yours sincerely
{k:pro_name:Dr Kamran Haqqani}
General Practitioner
""", section="E", first_page=12, case_no=CN80),
            ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 81 (Congolese heritage, child protection)
CN81 = "TS25P00162"


def case81(d: Path):
    subj = {"name": "Divine Mukendi", "dob": "07/06/2012"}
    staff = [{"name": "Ciaran Moloney", "role": "Social Worker"},
             {"name": "Hephzibah Okwu", "role": "Team Manager"},
             {"name": "Susannah Preece", "role": "Independent Reviewing Officer"}]
    docs = [make(d, "case81_conference_1.pdf", "Child protection conference minute with participants table", """
## REVIEW CHILD PROTECTION CONFERENCE - MINUTES
Child: {k:subj_name:Divine Mukendi}    DOB: {k:subj_dob:07 June 2012}    Date: 11 March 2025
## Participants
Name | Role | Attendance
{k:pro_name:Susannah Preece} | Chair (IRO) | Present
{k:pro_name:Ciaran Moloney} | Social Worker | Present
{r:tp_name:Nadège Kabongo} | Mother | Present
{r:tp_name:Lee Garbutt} | Mother's partner | Present for part
{k:pro_name:Yetunde Bamgbose} | School Nurse | Present
{k:pro_name:Aaron Pidcock} | Head of Year, {k:subj_school:Stainmoor Academy} | Apologies, report tabled
{k:pro_name:Simone Lafleur} | Interpreter (Lingala/French) | Present
## Summary of discussion
{k:pro_first:Susannah} welcomed everyone. {r:tp_first:Nadège} said {k:subj_first:Divine} is "a good girl who does too much at home". {k:subj_first:Divine} has been caring for her sister {r:tp_name:Merveille Kabongo} (aged 3) after school.
{r:tp_title:Mr Garbutt} said he does not live at the house; he gave his address as {r:tp_address:14 Cleveland Mews, Stainmoor TS6 0PJ}. {r:tp_sensitive:Mr Garbutt said he is on a community order for drink driving and attends an alcohol programme.}
{k:pro_title:Nurse Bamgbose} reported that Divine has lost weight.
{r:tp_name:Patrice Mukendi}, Divine's father, lives in Kinshasa; {k:subj_first:Divine} speaks to him on WhatsApp ({r:tp_phone:+243 81 556 2093}).
Decision: plan continues under neglect. Next review 10 June 2025.
""", cols=(50, 200, 390), section="F", first_page=3, case_no=CN81),
            make(d, "case81_parenting_1.pdf", "Parenting assessment extract", """
## PARENTING ASSESSMENT (EXTRACT) - {r:tp_caps:MME NADEGE KABONGO}
Assessor: {k:pro_name:Maureen Vandersteen}, Independent Social Worker    Sessions: 6 between January and March 2025
3.1 Background. {r:tp_title:Mme Kabongo} was born in Lubumbashi and came to the UK in 2011. She is the mother of {k:subj_name:Divine Mukendi} and of {r:tp_first:Merveille}, whose father is {r:tp_name:Lee Garbutt}.
3.2 {r:tp_sensitive:Madame Kabongo described being held in detention for four months in 2010 and has symptoms of post-traumatic stress.}
3.3 {r:tp_sensitive:She owes arrears of rent of about 2,400 pounds and has a county court judgment against her.}
3.4 Her sister {r:tp_relation:Tantine Béatrice} ({r:tp_name:Béatrice Ilunga}, of {r:tp_address:3 Rosebay Close, Thornaby-on-Tees TS17 9AW}) helps at weekends and Divine is close to her cousin {r:tp_name:Christelle Ilunga}.
4.2 Observation. {r:tp_initials:NK} was warm with {r:tp_initials:MK} but relied on {k:subj_initials:DM} to settle her. {r:tp_initials:NK} said "{k:subj_first:Divine} is my right hand."
4.3 {k:subj_first:Divine} told me: "I like it when {r:tp_first:Lee} isn't there because mum doesn't cry."
Conclusion: {r:tp_title:Mme Kabongo} can meet the children's needs with support, if {r:tp_title:Mr Garbutt} does not live in the home.
{k:pro_name:Maureen Vandersteen}, 28 March 2025
""", section="D", first_page=1, case_no=CN81),
            make(d, "case81_attendance_1.pdf", "School attendance printout (scanned)", """
## STAINMOOR ACADEMY - ATTENDANCE SUMMARY (MIS printout)    Printed 06/03/2025 13:44
Student | {k:subj_caps:MUKENDI Divine}    Adm No 004471    UPN {k:subj_upn:T812330155009}    Year 7    Reg 7KP
DOB | {k:subj_dob:2012-06-07}
Contact 1 | {r:tp_caps:KABONGO Nadege} (Mother) {r:tp_phone:07456 902 118} Priority 1
Contact 2 | {r:tp_caps:ILUNGA Beatrice} (Aunt) {r:tp_phone:07833 190 642} Priority 2
Attendance | 81.4% this year (persistent absence). Authorised 14, unauthorised 23 sessions.
Codes | Week of 24/02: N N / / / / C C N N. Week of 03/03: / / / / N N N N / /
Notes | 27/02 mum rang to say Divine was looking after her baby sister {r:tp_first:Merveille}. 04/03 Divine late, said she took {r:tp_first:Merveille} to nursery.
Siblings on roll | none
Attendance officer | {k:pro_name:Gail Hindmarsh}
""", cols=(50, 140), section="E", first_page=44, case_no=CN81, scanned=True),
            make(d, "case81_policelog_1.pdf", "Police incident log", """
## CLEVEMOOR POLICE - INCIDENT LOG 250219-0388    Opened 19/02/2025 22:41
22:41 OPR4 | Caller {r:tp_name:Joan Hebburn} ({r:tp_address:16 Quillet Grove, Stainmoor TS6 0QE}, tel {r:tp_phone:01642 771 204}) reports shouting and a child crying next door.
22:44 DISP | Units 2C11 and 2C14 assigned. Grade 2.
22:58 2C11 | On scene. PC 4417 {k:pro_name:Jess Harkin}. Female {r:tp_caps:KABONGO, NADEGE} DOB {r:tp_dob:15/08/1989} states partner left before police arrival.
23:05 2C11 | Male now known to be {r:tp_caps:GARBUTT, LEE}, DOB {r:tp_dob:02/01/1985}, PNC {r:tp_pnc:11/204387M}. Drove off in silver Ford Focus {r:tp_vehicle:YK19 ZRF}.
23:12 2C11 | Children present: {k:subj_caps:MUKENDI, DIVINE} (12) and infant. {k:subj_first:Divine} says "{r:tp_first:Lee} threw a cup at mum".
23:20 2C14 | {r:tp_sensitive:Garbutt has a previous caution for common assault on an ex-partner in 2019.}
23:48 OPR4 | DASH medium. Referral to children's services. Log closed by {k:pro_name:PS Dominic Arkwright}.
""", cols=(50, 120), section="E", first_page=50, case_no=CN81),
            ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 82 (Hong Kong heritage, adolescent at risk outside the home)
CN82 = "SH25C00588"


def case82(d: Path):
    subj = {"name": "Jason Lau", "dob": "30/10/2009"}
    staff = [{"name": "Eleri Vaughan-Price", "role": "Social Worker"},
             {"name": "Tobias Ferreday", "role": "Team Manager"}]
    docs = [make(d, "case82_chronology_1.pdf", "Social work chronology (two-column table)", """
## CHRONOLOGY OF SIGNIFICANT EVENTS: {k:subj_name:Jason Lau} ({k:subj_alias:Lau Ka-ho})    born {k:subj_dob:30 October 2009}
When | What happened
Jul 2021 | Family arrived from Hong Kong on BN(O) visas: father {r:tp_name:Lau Chi-keung}, mother {r:tp_name:Tsang Wai-ling} (known as {r:tp_nick:Winnie}), Jason and his grandmother.
Sep 2023 | Parents separated. Mother moved to {r:tp_address:8 Fellgate Rise, Marlcombe M33 7HD} with her new partner {r:tp_name:Gareth Lowery}.
Jan 2025 | {k:subj_first:Jason} missing overnight; found by police in a flat with {r:tp_name:Rhys Dobbin} (DOB {r:tp_dob:14/05/2007}). {r:tp_sensitive:Dobbin is under investigation for county-lines drug supply.}
Feb 2025 | Return home interview by {k:pro_name:Adaeze Okparaeke} (missing person worker): Jason said {r:tp_first:Rhys} pays him "fifty a run".
Mar 2025 | {r:tp_title:Mr Lau} asked for Jason to be accommodated; {k:pro_name:Eleri Vaughan-Price} assessed. {r:tp_sensitive:Mr Lau said he has been under the mental health crisis team since his business failed.}
Apr 2025 | Section 20 placement with foster carers {r:tp_name:Alison Crake} and {r:tp_name:Derek Crake}, {r:harm_address:41 Whinfell Drive, Marlcombe M33 5RN}, tel {r:harm_phone:0161 498 2275}.
""", cols=(50, 112), section="A", first_page=9, case_no=CN82),
            make(d, "case82_contact_1.pdf", "Contact supervision record with direct speech and interpreter", """
## FAMILY TIME - SUPERVISED CONTACT RECORD
Young person: {k:subj_first:Jason}    Adults: father ({r:tp_caps:LAU CHI KEUNG}), paternal grandmother ({r:tp_relation:Poh Poh Mei})
Supervisor: {k:pro_name:Aled Brinkworth}    Interpreter: {k:pro_name:Ivy Cheung} (Cantonese)    Date: 19/04/2025
14:05 Father brought dumplings. He said (interpreted): "You look thin. Do the {r:tp_title:Crakes} feed you?"
14:20 {k:subj_first:Jason} said: "{r:tp_first:Alison} makes me do homework at the table. It's fine."
14:32 Grandmother asked about school. Jason said: "I've got a detention because {r:tp_first:Rhys} messaged me in maths."
14:40 Father said: "Your mother has gone back to {r:tp_first:Gareth}. She won't come."
14:51 Jason asked his father for his new number; father wrote {r:tp_phone:07311 846 270} on a napkin. I did not intervene as the number is known to the social worker.
Jason's own phone is {k:subj_phone:07418 339 521}; he said he will keep it switched on.
Ended 15:00 on time. {k:pro_name:Aled Brinkworth}, Contact Supervisor
""", section="E", first_page=61, case_no=CN82),
            make(d, "case82_legalplanning_1.pdf", "Legal planning meeting record", """
## LEGAL PLANNING MEETING
Date: 06/05/2025    Attendees: Tobias Ferreday (TM), Eleri Vaughan-Price (SW), Priya Chaudhary (Solicitor, Legal Services)
Young person: Jason Lau
Purpose: whether to issue care proceedings or continue under section 20.
Discussion: the father has consented to accommodation; the mother has not been consulted since March.
{r:legal_advice:Priya advised that the section 20 consent of the father alone is valid but that the mother should be written to within seven days.}
{r:legal_advice:Her advice is that the threshold is likely to be crossed on the exploitation evidence but that proceedings are not necessary while the placement holds.}
{r:legal_advice:Legal Services recommend a referral to the National Referral Mechanism before any hearing.}
Actions: Eleri to write to the mother; Tobias to review in four weeks.
""", section="X", first_page=1, case_no=CN82),
            make(d, "case82_policelog_1.pdf", "Police missing-person log (scanned)", """
## MARLCOMBE DIVISION - MISSING PERSON LOG MP/25/0071
Missing: {k:subj_caps:LAU, JASON} (also {k:subj_alias:LAU KA HO})    DOB {k:subj_dob:30/10/2009}    Risk: high
Reported by | {r:tp_caps:LAU, CHI KEUNG} (father), {r:tp_address:Flat 5, Dovecote Buildings, Wardle Brook Lane, Marlcombe M33 2WE}, tel {r:tp_phone:07311 846 270}
18/01 02:15 | Father reports Jason not home. Last seen with "{r:tp_nick:Dobbo}".
18/01 09:40 | Location from cell-site near {r:tp_partial_address:the garages behind Kilnhurst Parade}. PC {k:pro_name:Saoirse Brannock} attends.
18/01 11:05 | Found at flat of {r:tp_caps:DOBBIN, RHYS} {r:tp_dob:14/05/2007}, also present {r:tp_name:Kyle Maitland} (16). Cannabis and scales seized.
18/01 11:30 | {r:tp_sensitive:Maitland is a looked-after child from another authority and was reported missing from his placement.}
18/01 12:10 | Returned home. Debrief by DC {k:pro_name:Farhan Zaidi}.
""", cols=(50, 130), section="E", first_page=70, case_no=CN82, scanned=True),
            make(d, "case82_gpletter_1.pdf", "GP letter to the social worker", """
## MARLCOMBE FAMILY HEALTH CENTRE
Greenside Lane, Marlcombe M33 4TA
Date: 02 April 2025
To: {k:pro_name:Eleri Vaughan-Price}, Adolescent Support Team
Dear Eleri
Patient: {k:subj_name:Jason Lau} (date of birth {k:subj_dob:30.10.2009}), NHS No. {k:subj_nhs:702 118 4453}
Jason attended with his father on 28 March. He has a healed laceration to the left palm, which he said came from "a bottle". He has lost 4 kg since his last visit.
Jason asked me not to tell his father that he had been smoking cannabis daily. I have advised him about the young people's drug service.
His father, {r:tp_name:Lau Chi-keung} (date of birth {r:tp_dob:11.03.1974}), is also our patient. {r:tp_sensitive:He is prescribed mirtazapine and was seen by the crisis team twice this year.}
Jason's mother, {r:tp_name:Wai-ling Tsang}, is not registered with us.
Kind regards
{k:pro_name:Dr Helena Szymanska}
GP Partner
""", section="E", first_page=80, case_no=CN82),
            ]
    return subj, staff, docs


def build(corpus: Path) -> dict:
    return write_corpus(corpus, [(80, case80), (81, case81), (82, case82)])


def _tally(table: dict, fam: str, hits: int, total: int) -> None:
    row = table.setdefault(fam, [0, 0])
    row[0] += hits
    row[1] += total


def report(corpus: Path, out: Path, truth: dict, sc) -> None:
    """Every leak and over-redaction per document with its label category, then image-adjusted rates.

    The text scorer reads only text layers. An output scanned page whose text layer is gone scores as
    leaking nothing and keeping nothing whatever its pixels show, so scanned pages are also scored on
    Tesseract's reading: a must_redact string counts there if Tesseract reads it (or, for long strings,
    one of its scoring windows) on the source page, and leaks if it can still be read on the output page.
    The adjusted table uses the text score for text pages and the OCR score for scanned pages.
    """
    from redaction_quality import family

    adjusted: dict[str, dict[str, list[int]]] = {"redact": {}, "keep": {}}
    for case in truth["cases"]:
        for doc in case["documents"]:
            src, _ = sc.text_of(corpus / doc["file"])
            path = out / doc["file"]
            got = sc.text_of(path)[0] if path.exists() else ""
            cat = doc["category"]
            lines = [f"  LEAK [{cat[s]}] {s!r}" for s in doc["must_redact"] if sc.leaked(s, sc.count(s, src), got)]
            lines += [f"  OVER [{cat[s]}] {s!r}" for s in doc["must_keep"] if sc.count(s, got) < sc.count(s, src)]
            if doc.get("scanned_pages") and path.exists():
                seen = ocr(corpus / doc["file"], doc["scanned_pages"])
                shown = ocr(path, doc["scanned_pages"])
                for s in doc["must_redact"]:
                    n = sc.count(s, seen) or (1 if any(sc.count(w, seen) for w in sc.windows(s)) else 0)
                    hit = sc.leaked(s, n, shown) if n else 0
                    _tally(adjusted["redact"], family(cat[s]), hit, n)
                    if hit:
                        lines.append(f"  OCR-LEAK (image) [{cat[s]}] {s!r}")
                    if not n:
                        lines.append(f"  (not read by OCR on source, not scored) [{cat[s]}] {s!r}")
                for s in doc["must_keep"]:
                    n = sc.count(s, seen)
                    k = min(sc.count(s, shown), n)
                    _tally(adjusted["keep"], family(cat[s]), k, n)
                    if k < n:
                        lines.append(f"  OCR-OVER (image) [{cat[s]}] {s!r}")
            else:
                for s in doc["must_redact"]:
                    n = sc.count(s, src)
                    _tally(adjusted["redact"], family(cat[s]), n if not path.exists() else sc.leaked(s, n, got), n)
                for s in doc["must_keep"]:
                    n = sc.count(s, src)
                    _tally(adjusted["keep"], family(cat[s]), min(sc.count(s, got), n), n)
            print(f"{doc['file']} [{doc['title']}]" + ("" if path.exists() else " MISSING"))
            print("\n".join(lines) if lines else "  clean")
    for kind, what in (("redact", "leaked"), ("keep", "kept")):
        hits = sum(v[0] for v in adjusted[kind].values())
        total = sum(v[1] for v in adjusted[kind].values())
        print(f"IMAGE-ADJUSTED must_{kind}: {what} {hits}/{total} = {hits / total if total else 0:.4f}")
        for fam, (h, t) in sorted(adjusted[kind].items()):
            print(f"  must_{kind:6} {fam:34} {what} {h:>4}/{t:<4}")


if __name__ == "__main__":
    main(__doc__.splitlines()[0], build, report)
