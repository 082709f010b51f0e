# ruff: noqa: E501 (documents are written one line per printed line)
"""Held-out corpus "youthjustice": youth-justice, early-years and school records in serif type with ruled tables.

usage: .venv/bin/python bench/heldout_youthjustice.py [--work DIR] [--build-only]

Thirteen synthetic PDFs in three cases (76-78), written for issue 10 (third round) by a helper in a
style no earlier corpus uses: Times pages with ruled (drawn) table grids and a running banner, a
youth offending referral-order panel minute with a name | role | agency attendee table (a parent
among the attendees), a phone-download extract of social-media messages (lower-case and ALL-CAPS
names, nicknames), a police disclosure whose third parties' criminal records sit in table cells, a
Legal Services advice note ("my advice is ..."), a health visitor's contact record with initials
and a label/value header, a genogram table, a nursery e-mail chain with signatures, a father's
solicitor's letter signed by a partner, a school strategy discussion, text messages transcribed by
a social worker, a school attendance letter, and a legal gateway panel minute beside a non-legal
safety plan. Families of Ghanaian, Romanian and white British heritage in an invented county.
All names, places and numbers are invented for this file.

Mark-up as in heldout_chronology.py: ``{r:CATEGORY:text}`` must go, ``{k:CATEGORY:text}`` must stay;
a line containing `` | `` is a table row drawn in a ruled grid at the document's column positions.

Its first (blind) score, taken before any engine change aimed at it, is recorded in bench/RESULTS.md.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
from heldout_common import main, parse, wrap, write_corpus

FONT, SIZE, LEAD = "tiro", 10.0, 13.0


def _wrap(text: str, width: float) -> list[str]:
    return wrap(text, width, FONT, SIZE)


def render(path: Path, text: str, cols: tuple[float, ...], banner: str) -> int:
    """Serif type, a running banner, table rows (`` | ``) drawn in a ruled grid, cells wrapped."""
    doc = pymupdf.open()
    page, y = None, 0.0
    bounds = list(cols) + [550.0]
    for para in text.strip("\n").split("\n"):
        if " | " in para:
            cells = [c.strip() for c in para.split(" | ")]
            wrapped = [_wrap(c, bounds[i + 1] - bounds[i] - 8) for i, c in enumerate(cells)]
            n = max(len(w) for w in wrapped)
        else:
            wrapped, n = [_wrap(para, 505)], None
        rows = n or len(wrapped[0])
        if page is None or y + rows * LEAD > 790:
            page, y = doc.new_page(width=595, height=842), 62.0
            page.insert_text((45, 30), banner, fontname="tibo", fontsize=8)
            page.draw_line((45, 36), (550, 36), width=0.5)
        if n:
            top, bottom = y - LEAD + 3, y + (n - 1) * LEAD + 4
            page.draw_rect(pymupdf.Rect(bounds[0] - 3, top, bounds[-1], bottom), width=0.5)
            for x in bounds[1:len(wrapped)]:
                page.draw_line((x - 3, top), (x - 3, bottom), width=0.5)
        for i, lines in enumerate(wrapped):
            x = bounds[i] if n else 45.0
            for j, line in enumerate(lines):
                page.insert_text((x, y + j * LEAD), line, fontname=FONT, fontsize=SIZE)
        y += rows * LEAD + (4 if n else 2)
    doc.save(str(path))
    pages = doc.page_count
    doc.close()
    return pages


def make(d: Path, file: str, title: str, src: str, cols: tuple[float, ...] = (48, 190, 330),
         banner: str = "OFFICIAL-SENSITIVE") -> dict:
    text, redact, keep = parse(src)
    pages = render(d / file, text, cols, banner)
    return {"file": file, "title": title, "pages": pages, "must_redact": sorted(redact),
            "must_keep": sorted(keep), "category": {**keep, **redact}}


# ------------------------------------------------------------------ case 76 (youth justice, Ghanaian heritage)
def case76(d: Path):
    subj = {"name": "Kwame Boateng", "dob": "11/03/2010"}
    staff = [{"name": "Harriet Lomax", "role": "YOT Case Manager"},
             {"name": "Bernard Quayle", "role": "Team Manager"}]
    docs = [make(d, "case76_panel_1.pdf", "Referral order panel minute with attendee table", """
HALDENSHIRE YOUTH JUSTICE SERVICE - REFERRAL ORDER INITIAL PANEL
Young person: {k:subj_name:Kwame Boateng}    Date of panel: 14 January 2026    Venue: Fernley Youth Hub
Attendees
Name | Role | Agency
{k:pro_name:Harriet Lomax} | YOT Case Manager | Haldenshire Youth Justice Service
{k:pro_name:Moira Penhallow} | Community Panel Member (chair) | Haldenshire Youth Justice Service
{k:pro_name:Sunita Varma} | Health Practitioner | Youth Justice Health Team
{r:tp_name:Abena Boateng} | Mother | -
{k:subj_name:Kwame Boateng} | Young person | -
Discussion
{k:pro_first:Moira} explained the order. {k:subj_first:Kwame} said he went along with the robbery because older boys told him to. {r:tp_title:Ms Boateng} ({r:tp_initials:AB}) said {k:subj_first:Kwame} has been out late since he started spending time with {r:tp_name:Tyrese Whitlock}, known to friends as {r:tp_nick:T-Dub}. {r:tp_initials:AB} asked whether {k:subj_first:Kwame} could move school.
{k:pro_title:Ms Varma} will complete a speech and language screen.
Victim contact: {r:tp_name:Connor Philbin} (victim) has asked for a letter of apology and does not want a meeting.
Contract agreed and signed by {k:subj_first:Kwame} and the panel.
"""),
            make(d, "case76_download_1.pdf", "Phone download extract: social-media messages", """
EXHIBIT IF/3 - EXTRACT FROM DOWNLOAD OF HANDSET (MESSAGING APP), PREPARED BY DC {k:pro_name:Imogen Fairclough}
Thread with contact saved as "{r:tp_lower:ty}" ({r:tp_phone:07983 412 660}); group chat "the mandem"
[22:41] {r:tp_lower:ty}: u still got it or wat
[22:43] {k:subj_lower:kwame}: ye its at {r:tp_lower:manny} yard
[22:44] {r:tp_lower:ty}: tell {r:tp_lower:manny} bring it to the park after 11
[22:50] {r:tp_lower:leah}: {k:subj_caps:KWAME} answer ur phone
[22:52] {r:tp_lower:leah}: ur mum is going mad she rang my mum
[23:05] {k:subj_lower:kwame}: tell her im at {r:tp_caps:TYRESE} house
[23:07] {r:tp_caps:MANNY}: dont bring {r:tp_caps:LEAH} round here again
[23:09] {r:tp_lower:ty}: {r:tp_lower:tyrese} ting is sorted
Contacts in the handset: "{r:tp_lower:ty}" = {r:tp_name:Tyrese Whitlock}; "{r:tp_lower:manny}" = {r:tp_name:Emmanuel Owusu}; "{r:tp_lower:leah}" = {r:tp_name:Leah Brannigan}.
"""),
            make(d, "case76_disclosure_1.pdf", "Police disclosure with third parties' records in table cells", """
HALDENSHIRE POLICE - DISCLOSURE TO YOUTH JUSTICE SERVICE (PART 2: ASSOCIATES)
Requested by {k:pro_name:Harriet Lomax}; authorised by DS {k:pro_name:Callum Rennard}, 20/01/2026
Name | DOB | Record | Disposal
{k:subj_caps:BOATENG, Kwame} | {k:subj_dob:11/03/2010} | Robbery (2025), first offence | Referral order, 9 months
{r:tp_caps:WHITLOCK, Tyrese} | {r:tp_dob:02/08/2008} | {r:tp_sensitive:Robbery (2024); possession of a bladed article (2025)} | {r:tp_sensitive:Youth rehabilitation order with electronic monitoring}
{r:tp_caps:OWUSU, Emmanuel} | {r:tp_dob:19/11/2003} | {r:tp_sensitive:Possession with intent to supply class A drugs (2023)} | {r:tp_sensitive:Three years' custody; released on licence in 2025}
Address held for {r:tp_first:Emmanuel}: {r:tp_address:27 Kestrel Rise, Fernley FN4 8QA}. Vehicle: grey Vauxhall Corsa {r:tp_vehicle:FN21 KXT}.
Officer's note: {k:subj_first:Kwame} is not recorded as a gang nominal. {r:tp_sensitive:Tyrese is believed to be carrying knives and has been stabbed himself.}
""", cols=(48, 165, 235, 400), banner="OFFICIAL-SENSITIVE - POLICE INFORMATION"),
            make(d, "case76_legal_1.pdf", "Legal Services advice note (e-mail)", """
From: {k:pro_name:Rachel Kingsmill} <{k:pro_email:rachel.kingsmill@haldenshire.gov.uk}>
To: {k:pro_name:Harriet Lomax}; {k:pro_name:Bernard Quayle}
Sent: 22 January 2026 16:02
Subject: Kwame Boateng - request to share the download with his school
Harriet,
Thanks for sending the exhibit list. {r:legal_advice:My advice is that the service should not pass the police download to the school without the police's written consent.}
{r:legal_advice:In my view the school's request is better met by a short summary of the risks, agreed with the police.}
I'm on leave from Monday; the next panel is on 11 February.
Rachel
{k:pro_name:Rachel Kingsmill}
Principal Solicitor (Children and Families)
Legal Services, Haldenshire County Council
"""),
            make(d, "case76_plan_1.pdf", "Intervention planning meeting (not legal)", """
INTERVENTION PLANNING MEETING - {k:subj_name:Kwame Boateng}
Present: {k:pro_name:Harriet Lomax} (YOT Case Manager), {k:pro_name:Gareth Penhaligon} (Head of Year 10, Fernley Academy)
{k:subj_plan:The plan is that Kwame attends the boxing project on Tuesdays and Thursdays.}
{k:subj_plan:Kwame will write his letter of apology with Harriet by the end of February.}
{k:pro_title:Mr Penhaligon} will arrange a reduced timetable; {k:pro_first:Harriet} will review the plan on 4 March.
"""),
            ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 77 (early years, Romanian heritage)
def case77(d: Path):
    subj = {"name": "Sofia Marinescu", "dob": "22/07/2022"}
    staff = [{"name": "Olwen Tregarthen", "role": "Social Worker"},
             {"name": "Patrick Nwachukwu", "role": "Team Manager"}]
    docs = [make(d, "case77_hvcontact_1.pdf", "Health visitor contact record with initials", """
HEALTH VISITING CONTACT RECORD
Child's name: {k:subj_name:Sofia Marinescu}
Date of birth: {k:subj_dob:22/07/2022}
NHS number: {k:subj_nhs:721 664 0385}
Registered GP: {k:subj_gp:Abbotsmead Family Practice}
Contact: home visit, 3 November 2025, with interpreter {k:pro_name:Elena Vasilescu} (Romanian)
Present: child, mother {r:tp_name:Bianca Marinescu} ({r:tp_initials:BM}), mother's partner {r:tp_name:Florin Dobre} ({r:tp_initials:FD}).
{r:tp_initials:BM} said {r:tp_initials:FD} works nights and sleeps in the day. {r:tp_initials:FD} left the room when asked about the bruise on {k:subj_first:Sofia}'s cheek. {r:tp_sensitive:BM disclosed that she has been prescribed sertraline for postnatal depression and stopped taking it in August.}
Plan: referral to MASH today; {k:pro_name:Olwen Tregarthen} informed by phone.
{k:pro_name:Niamh Corrigan}, Health Visitor
"""),
            make(d, "case77_genogram_1.pdf", "Genogram / family tree table", """
FAMILY TREE (GENOGRAM KEY) - {k:subj_name:Sofia Marinescu}
Name | Relationship to Sofia | Born | Notes
{k:subj_name:Sofia Marinescu} | Subject child | {k:subj_dob:22/07/2022} | Lives with mother
{r:tp_name:Bianca Marinescu} | Mother | {r:tp_dob:05/05/2001} | Main carer
{r:tp_name:Florin Dobre} | Mother's partner (not Sofia's father) | {r:tp_dob:13/01/1996} | Moved in spring 2025
{r:tp_name:Andrei Lungu} | Father | {r:tp_dob:27/09/1999} | Lives at {r:tp_address:Str. Florilor nr. 7, Bacau, Romania}
{r:tp_name:Viorica Petrescu} | Maternal grandmother ("{r:tp_relation:Buni Viorica}") | 1968 | {r:tp_sensitive:Insulin-dependent diabetes; had a stroke in 2021}
{r:tp_name:Daniela Petrescu} | Maternal aunt ("{r:tp_nick:Dani}") | 1994 | Offered to help with childcare
Compiled by {k:pro_name:Olwen Tregarthen}, Social Worker, 10/11/2025.
""", cols=(48, 160, 310, 370)),
            make(d, "case77_nursery_1.pdf", "Nursery e-mail chain with signatures", """
From: Little Acorns Day Nursery <office@littleacorns-nursery.co.uk>
To: {k:pro_name:Olwen Tregarthen}
Sent: 18 November 2025 09:12
Subject: Sofia - collection yesterday
Dear Olwen,
{k:subj_first:Sofia} was collected at 17:40 yesterday by {r:tp_nick:Flo}, who staff thought smelled of alcohol. Her aunt {r:tp_nick:Dani} arrived ten minutes later and took her home instead. {r:tp_nick:Flo} shouted at the room leader on his way out.
Sofia has settled well otherwise and her speech is coming on.
Kind regards
{k:pro_name:Kerensa Polglase}
Nursery Manager, Little Acorns Day Nursery
Tel 01632 960 418
--- Reply ---
From: {k:pro_name:Olwen Tregarthen}
Thanks {k:pro_first:Kerensa}. Please do not release {k:subj_first:Sofia} to {r:tp_title:Mr Dobre} until we have spoken. Her mother's number is {r:tp_phone:07712 906 331}.
Olwen
"""),
            make(d, "case77_solicitor_1.pdf", "Letter from the father's solicitor", """
Hartwell Moss LLP
14 Priory Lane, Abbotsmead AB2 1DW
Our ref: GH/{r:tp_title:Lungu}/25-114
To: {k:pro_name:Olwen Tregarthen}, Children's Services, Haldenshire County Council
24 November 2025
Dear {k:pro_title:Ms Tregarthen}
Re: {k:subj_name:Sofia Marinescu}
We are instructed by {r:tp_name:Andrei Lungu}, the child's father. {r:tp_title:Mr Lungu} has returned to England and is staying with his cousin at {r:tp_address:Flat 6, 31 Weaver Street, Abbotsmead AB4 9RS}. He can be reached on {r:tp_phone:+40 742 118 905}.
Our client would like to be assessed as a carer and asks that {r:tp_title:Ms Marinescu} is told he is willing to attend a family meeting.
Yours faithfully
{k:pro_name:Geraint Hartwell}
Partner
Hartwell Moss LLP
"""),
            ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 78 (education, white British)
def case78(d: Path):
    subj = {"name": "Chloe Dunleavy", "dob": "04/12/2011"}
    staff = [{"name": "Amelia Strachan", "role": "Social Worker"},
             {"name": "Desmond Achebe", "role": "Team Manager"}]
    docs = [make(d, "case78_strategy_1.pdf", "Strategy discussion minute with attendee table", """
STRATEGY DISCUSSION - {k:subj_name:Chloe Dunleavy} (DOB {k:subj_dob:04/12/2011})
Chair: {k:pro_name:Desmond Achebe}, Team Manager. Minutes: {k:pro_name:Amelia Strachan}.
Name | Role | Agency
{k:pro_name:Fintan Oakes} | Designated Safeguarding Lead | Harrowden High School
{k:pro_name:Lucy Tremayne} | Police Constable | Child Exploitation Team
{k:pro_name:Bethan Morrow} | School Nurse | Haldenshire Community Health
Police information: {r:tp_name:Jordan Mackie} ({r:tp_initials:JM}), aged 22. {r:tp_sensitive:He has a conviction for sexual activity with a child in 2020 and is a registered sex offender.}
School: {r:tp_initials:JM} has been seen in a car outside the school gates three times this month. {k:subj_first:Chloe} calls him {r:tp_nick:Jay}.
Home: {k:subj_first:Chloe} lives with her mother {r:tp_name:Tracey Dunleavy} and {r:tp_relation:step-dad Wayne}. {r:tp_sensitive:Tracey has told the school nurse she is on a methadone script.}
Decision: s.47 enquiry. {k:pro_title:PC Tremayne} to seek a child abduction warning notice.
"""),
            make(d, "case78_texts_1.pdf", "Text messages transcribed by the social worker", """
Messages read from {k:subj_first:Chloe}'s phone with her agreement on 2 March 2026 and typed up by {k:pro_name:Amelia Strachan}. Spelling as on the screen.
{r:tp_lower:jay} (saved as "{r:tp_lower:jay}" with two hearts): wear r u babe
{k:subj_lower:chloe}: skl
{r:tp_lower:jay}: dont tell ur mum or {r:tp_lower:wayne} bout me ok
{r:tp_lower:rubes}: {k:subj_lower:chlo} hes 22 thats actually weird
{k:subj_lower:chloe}: he buys me stuff tho
{r:tp_lower:tracey}: where are you {k:subj_caps:CHLOE} {r:tp_caps:WAYNE} is out looking
{r:tp_lower:jordan}: delete these msgs
"{r:tp_lower:rubes}" is {r:tp_name:Ruby Ainsworth}, a friend in Year 9.
"""),
            make(d, "case78_attendance_1.pdf", "School attendance letter with label/value block", """
Harrowden High School - Attendance Office
To: {r:tp_name:Ms Tracey Dunleavy}
{r:tp_address:9 Coppice View}
{r:tp_address:Harrowden HN7 3LE}
Pupil: {k:subj_name:Chloe Dunleavy}
Year group: 9
UPN: {k:subj_upn:K820411203019}
Attendance this term: 71%
5 March 2026
Dear {r:tp_title:Ms Dunleavy}
{k:subj_first:Chloe}'s attendance has fallen below 80%. Please contact {k:pro_name:Fintan Oakes} to arrange a meeting.
Yours sincerely
{k:pro_name:Fintan Oakes}
Assistant Headteacher
"""),
            make(d, "case78_gateway_1.pdf", "Legal gateway panel minute and safety plan", """
LEGAL GATEWAY PANEL - 9 March 2026
Child: {k:subj_name:Chloe Dunleavy}
Attendees: {k:pro_name:Desmond Achebe} (Team Manager), {k:pro_name:Amelia Strachan} (Social Worker), {k:pro_name:Oluwaseun Hargreaves} (Senior Solicitor, Legal Services)
{r:legal_advice:Legal advised that the evidence does not yet meet the threshold for care proceedings.}
{r:legal_advice:Legal advised that an application for a child abduction warning notice is the proportionate first step.}
Safety plan (agreed with {k:subj_first:Chloe} and reviewed weekly)
{k:subj_plan:Chloe will keep her location sharing on with her mum.}
{k:subj_plan:Chloe will tell Ms Strachan if he contacts her again.}
Next review: {k:pro_name:Amelia Strachan}, 16 March 2026.
"""),
            ]
    return subj, staff, docs


def build(corpus: Path) -> dict:
    return write_corpus(corpus, [(76, case76), (77, case77), (78, case78)])


def report(corpus: Path, out: Path, truth: dict, sc) -> None:
    """Every leak and over-redaction, per document, with the label category."""
    for case in truth["cases"]:
        for doc in case["documents"]:
            src, _ = sc.text_of(corpus / doc["file"])
            path = out / doc["file"]
            got = sc.text_of(path)[0] if path.exists() else ""
            lines = [f"  LEAK [{doc['category'][s]}] {s!r}" for s in doc["must_redact"]
                     if sc.leaked(s, sc.count(s, src), got)]
            lines += [f"  OVER [{doc['category'][s]}] {s!r}" for s in doc["must_keep"]
                      if sc.count(s, got) < sc.count(s, src)]
            print(f"{doc['file']} [{doc['title']}]" + ("" if path.exists() else " MISSING"))
            print("\n".join(lines) if lines else "  clean")


if __name__ == "__main__":
    main(__doc__.splitlines()[0], build, report)
