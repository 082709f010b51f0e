# ruff: noqa: E501 (documents are written one line per printed line)
"""Held-out corpus "household": typewriter-style exports from case-management and partner systems.

usage: .venv/bin/python bench/heldout_household.py [--work DIR] [--build-only]

Twelve synthetic PDFs in three cases (70-72), written for issue 10 by a helper that did not write the
engine's rules, in styles no earlier corpus uses: fixed-width Courier exports (no HTML, no tables drawn),
a school safeguarding-log export, a phone-message export with lower-case names and handles, a family
group conference plan with a family-network list, a supervision record quoting legal advice, a
Homes-for-Ukraine pathway review in label/value form, an e-mail printout with quoted replies and
signatures, a visit note with an interpreter, a "legal surgery" note, a school letter with a split
address block, a police notification with PNC and prison numbers, and a meeting record with a
name/role/agency attendee list. Families of Yoruba Nigerian, Ukrainian and Scottish origin.
All names, places and numbers are invented for this file.

Documents are written in a small mark-up: ``{r:CATEGORY:text}`` is a must_redact string,
``{k:CATEGORY:text}`` a must_keep one (categories as in ``../shared/fixtures/redaction-dev/README.md``).
The mark-up is stripped before rendering, so truth strings are exactly what the page says.

Its first (blind) score, taken before any engine change aimed at it, is recorded in bench/RESULTS.md.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pymupdf
from heldout_common import main, write_corpus

MARK = re.compile(r"\{([rk]):(\w+):([^{}]+)\}")
WIDTH = 92  # Courier 9 pt on A4 with 40 pt margins


def parse(src: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """Strip the mark-up; return the text and the must_redact / must_keep maps (string -> category)."""
    redact: dict[str, str] = {}
    keep: dict[str, str] = {}
    for m in MARK.finditer(src):
        (redact if m.group(1) == "r" else keep).setdefault(m.group(3), m.group(2))
    return MARK.sub(lambda m: m.group(3), src), redact, keep


def render(path: Path, text: str, *, fontsize: float = 9.0) -> int:
    """Typewriter export: Courier, hard-wrapped lines, as many A4 pages as it takes. Returns pages."""
    lines: list[str] = []
    for para in text.strip("\n").split("\n"):
        lines += textwrap.wrap(para, WIDTH, break_long_words=False, break_on_hyphens=False) or [""]
    doc = pymupdf.open()
    per_page = 68
    for start in range(0, len(lines), per_page):
        page = doc.new_page(width=595, height=842)
        y = 50.0
        for line in lines[start:start + per_page]:
            page.insert_text((40, y), line, fontname="cour", fontsize=fontsize)
            y += fontsize * 1.3
    doc.save(str(path))
    pages = doc.page_count
    doc.close()
    return pages


def make(d: Path, file: str, title: str, src: str) -> dict:
    text, redact, keep = parse(src)
    pages = render(d / file, text)
    cat = {**keep, **redact}
    return {"file": file, "title": title, "pages": pages, "must_redact": sorted(redact),
            "must_keep": sorted(keep), "category": cat}


# ------------------------------------------------------------------ case 70 (Yoruba Nigerian heritage)
def case70(d: Path):
    subj = {"name": "Kemi Balogun", "dob": "22/08/2011"}
    staff = [{"name": "Rhiannon Pryce", "role": "Social Worker"},
             {"name": "Gareth Lloyd-Evans", "role": "Team Manager"}]
    docs = [make(d, "case70_safeguardinglog_1.pdf", "School safeguarding log export", """
SAFEGUARDING LOG EXPORT - {k:subj_school:Hollinsbrook Academy} - generated 04/04/2025 08:12
Pupil: {k:subj_caps:BALOGUN, Kemi}   UPN {k:subj_upn:K823104567012}   Year 9   Form 9RW
DOB: {k:subj_dob:22.08.2011}
------------------------------------------------------------------------------------------
ENTRY 1  10/03/2025 09:40  Logged by: {k:pro_name:Funmi Okafor} (Head of Year 9)
Category: Disclosure
{k:subj_first:Kemi} came to my office upset. She said her mum's boyfriend {r:tp_name:Craig Whitlock} shouted at
her and pushed her brother {r:tp_name:Dapo Balogun} into the wardrobe on Saturday night. Kemi said
{r:tp_first:Dapo} has a bruise on his arm. Passed to DSL.
ENTRY 2  10/03/2025 11:15  Logged by: {k:pro_name:Alan Prothero} (Designated Safeguarding Lead)
Category: Referral to MASH
Rang MASH, spoke to {k:pro_name:Rhiannon Pryce}. Mum ({r:tp_name:Folasade Balogun}, mobile {r:tp_phone:07839 226 410}) informed
by phone; she was angry and said {r:tp_title:Mr Whitlock} "does not live there".
ENTRY 3  17/03/2025 13:02  Logged by: {k:pro_title:Mrs Okafor}
Category: Attendance
Kemi absent Monday and Tuesday. Brother {r:tp_nick:Dee} (as Kemi calls {r:tp_first:Dapo}) collected her on Wednesday
in a grey Vauxhall, registration {r:tp_vehicle:LR68 XHW}.
ENTRY 4  24/03/2025 15:30  Logged by: {k:pro_name:Alan Prothero}
Category: Health
School nurse {k:pro_name:Teresa Quaye} saw Kemi about headaches. Kemi's GP is {k:subj_gp:Fairmead Surgery}.
"""),
            make(d, "case70_messages_1.pdf", "Phone message export", """
Exported from handset by DC {k:pro_name:Helen Marsh}, exhibit HM/3, 21/03/2025
Handset owner: {k:subj_name:Kemi Balogun}   number {k:subj_phone:07700 918 224}
------------------------------------------------------------------------------------------
[14/03/2025 21:04] {k:subj_first:kemi}: {r:tp_lower:dee} r u home
[14/03/2025 21:06] dee: ye {r:tp_lower:craig} is here again. stay at {r:tp_lower:tolu}'s
[14/03/2025 21:07] kemi: mum said not to tell miss {k:pro_title:okafor}
[14/03/2025 21:15] unknown {r:tp_phone:+44 7412 550 903}: this is {r:tp_lower:craig}. come home now
[14/03/2025 21:16] kemi: no
[15/03/2025 10:02] dee: he put a pic on insta {r:tp_handle:@craigw_grafts88} u can see the house
Note by DC {k:pro_title:Marsh}: {r:tp_first:Tolu} is believed to be {r:tp_name:Toluwani Ajayi}, a school friend, of
{r:tp_address:Flat 6, Brindley House, Aston Lane, Birmingham B6 4PD}.
"""),
            make(d, "case70_fgc_1.pdf", "Family group conference plan", """
FAMILY GROUP CONFERENCE - FAMILY PLAN
Child: {k:subj_name:Kemi Balogun} (born {k:subj_dob:22 August 2011})       Coordinator: {k:pro_name:Niamh Costigan}
Date of conference: 29/03/2025        Venue: Rowley Family Centre
FAMILY NETWORK PRESENT
  Mum ............. {r:tp_name:Folasade Balogun}     {r:tp_phone:07839 226 410}
  Grandma ......... {r:tp_relation:Grandma Adunni}     {r:tp_address:41 Gravelly Hill North, Erdington, Birmingham B23 6BT}
  Uncle ........... {r:tp_name:Segun Adebisi}       {r:tp_phone:0121 496 0377}
  Family friend ... {r:tp_name:Bisi Oyelaran}      (by phone)
PROFESSIONALS (information giving only): {k:pro_name:Rhiannon Pryce}, Social Worker;
{k:pro_name:Alan Prothero}, DSL, {k:subj_school:Hollinsbrook Academy}.
THE PLAN
1. {k:subj_first:Kemi} and {r:tp_first:Dapo} will stay with {r:tp_relation:Grandma Adunni} on weekdays until the review.
2. Uncle {r:tp_first:Segun} will take Kemi to school on Mondays and Thursdays.
3. {r:tp_sensitive:Mr Whitlock is on bail for an assault on a former partner and must not come to the flat.}
4. Mum will attend the Freedom Programme at the women's centre.
Agreed by the family on 29/03/2025. Review: 10/05/2025.
"""),
            make(d, "case70_supervision_1.pdf", "Supervision record", """
CASE SUPERVISION RECORD
Supervisee: {k:pro_name:Rhiannon Pryce}        Supervisor: {k:pro_name:Gareth Lloyd-Evans}        Date: 07/04/2025
Child: {k:subj_name:Kemi Balogun}    LCS ID: {k:subj_id:LCS-7730195}
Discussion
Rhiannon reported that the family plan is holding. {r:tp_first:Dapo} is staying with his grandmother and is
attending college. Mum has ended the relationship with {r:tp_name:Craig Whitlock}, she says.
{r:tp_sensitive:Ms Balogun told the worker she has been prescribed antidepressants since January.}
Legal
{r:legal_advice:Advice from Legal Services was that the threshold for proceedings is not yet met.}
{r:legal_advice:The solicitor advised us to keep a written agreement and review it in four weeks.}
Actions
1. {k:pro_first:Rhiannon} to visit Kemi at school by 18/04/2025.
2. {k:pro_first:Gareth} to chair the review on 10/05/2025.
"""),
            ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 71 (Ukrainian, care leaver)
def case71(d: Path):
    subj = {"name": "Oksana Melnyk", "dob": "03/05/2006"}
    staff = [{"name": "Bethan Ansty", "role": "Personal Adviser"},
             {"name": "Kwame Mensah", "role": "Team Manager"}]
    docs = [make(d, "case71_pathway_1.pdf", "Pathway plan review (label/value form)", """
PATHWAY PLAN REVIEW
Young person ............ {k:subj_name:Oksana Melnyk}
Date of birth ........... {k:subj_dob:3rd May 06}
Personal Adviser ........ {k:pro_name:Bethan Ansty}
Current address ......... {k:subj_address:Room 4, 18 Whitmore Road, Leicester LE2 1GH}
Mobile .................. {k:subj_phone:07958 301 446}
National Insurance ...... {k:subj_nino:SN 48 21 93 C}
Previous host (Homes for Ukraine sponsor): {r:tp_name:Derek Halloway}, {r:tp_address:The Old Forge, Main Street, Great Glen LE8 9GQ}
Mother .................. {r:tp_name:Halyna Melnyk}, Kharkiv, tel {r:tp_phone:+380 67 412 8853}
Partner ................. {r:tp_name:Jordan Pike}, born {r:tp_dob:1999-02-17}
SECTION 1 - Accommodation
{k:subj_first:Oksana} left the sponsorship in October after a falling-out with {r:tp_title:Mr Halloway}. She now rents a
room. {r:tp_first:Jordan} sometimes stays over.
SECTION 2 - Money
Oksana is owed a deposit by {r:tp_title:Mr Halloway}; his account was given to her as sort code
{r:tp_bank:20-45-77} account {r:tp_bank:43917265} for the transfer back.
SECTION 3 - Family
Oksana speaks to her mother weekly. {r:tp_sensitive:Her mother had heart surgery in Kharkiv in January.}
"""),
            make(d, "case71_email_1.pdf", "E-mail printout with quoted replies", """
From: Tomasz Wrobel <t.wrobel@leicester-housing.example.gov.uk>
Sent: 12 February 2025 16:20
To: Bethan Ansty
Subject: RE: Oksana - housing register
Hi {k:pro_first:Bethan},
Thanks. I have put Oksana on the register with priority band B. If she wants the flat in
{r:tp_partial_address:the block behind the Co-op on Narborough Road} she must say so by Friday, as {r:tp_title:Mr Pike}
cannot be on the tenancy.
Kind regards
{k:pro_name:Tomasz Wrobel}
Housing Options Officer | Leicester City Housing
> From: {k:pro_name:Bethan Ansty}
> Sent: 11 February 2025 09:03
> Hi {k:pro_first:Tomasz}, Oksana ({k:subj_dob:03/05/2006}) asked me to chase the register. Her boyfriend
> {r:tp_name:Jordan Pike} was with her when I visited; he says he has a flat of his own at
> {r:tp_address:22 Rolleston Street, Leicester LE5 3SB}. {r:tp_sensitive:Jordan Pike told me he served eight months for handling stolen goods.}
> Bethan Ansty, Personal Adviser, Leaving Care Team
"""),
            make(d, "case71_visit_1.pdf", "Visit note with interpreter", """
VISIT NOTE   Date 02/03/2025   Worker {k:pro_name:Bethan Ansty}
Present: {k:subj_first:Oksana}; {k:pro_name:Iryna Koval} (interpreter, Ukrainian)
Oksana was well. She showed me a message from {r:tp_name:Sofiia Bondar}, a friend from the hotel where they
first stayed, offering her work in a nail bar. {r:tp_first:Sofiia} drives a blue Skoda ({r:tp_vehicle:WN21 KJV}).
Oksana asked me not to tell {r:tp_first:Jordan}. I advised her about right-to-work checks.
{r:tp_sensitive:Sofiia is pregnant and has not told her family.}
Next visit: 16/03/2025.  {k:pro_name:Kwame Mensah} (TM) informed.
"""),
            make(d, "case71_legalsurgery_1.pdf", "Legal surgery note", """
LEGAL SURGERY NOTE - Leaving Care Team
Date: 20/03/2025   Present: Kwame Mensah, Bethan Ansty
Young person: Oksana Melnyk
Question: whether the council can recover the deposit owed to Oksana by her former sponsor.
{r:legal_advice:Counsel's view, relayed by the council's solicitor, is that the deposit is a private debt.}
{r:legal_advice:Legal Services advised that we should signpost Oksana to Citizens Advice rather than act.}
Action: Bethan to give Oksana the Citizens Advice leaflet.
"""),
            ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 72 (Scottish, moved south)
def case72(d: Path):
    subj = {"name": "Callum MacLeod", "dob": "11/11/2016"}
    staff = [{"name": "Aled Rowlands", "role": "Social Worker"},
             {"name": "Sunita Varma", "role": "Team Manager"}]
    docs = [make(d, "case72_schoolletter_1.pdf", "School letter to conference", """
{k:subj_school:Ashgrove Primary School}
Ashgrove Lane
Stockport SK4 2QP
                                                                         17 January 2025
Chair, Child Protection Conference
Dear Chair
Re: {k:subj_name:Callum MacLeod}, Year 3, DOB {k:subj_dob:11th November 2016}
{k:subj_alias:Cal} is a lively boy who loves football. His attendance this term is 88%.
He lives with his father, {r:tp_name:Iain MacLeod}, and {r:tp_title:Mr MacLeod}'s partner {r:tp_name:Leanne Forsyth}, at
{r:tp_address:9 Heaton Moor Road}
{r:tp_address:Stockport SK4 4LA}
Callum's mother, {r:tp_name:Morag Stewart}, lives in Glasgow at
{r:tp_address:Flat 2/1, 47 Kilmarnock Road, Glasgow G41 3YR}.
{k:subj_alias:Cal} told his teacher {k:pro_title:Ms Bhatt} that {r:tp_first:Leanne} "locks the fridge".
Yours faithfully
{k:pro_name:Deborah Kinsella}
Headteacher
"""),
            make(d, "case72_police_1.pdf", "Police notification", """
POLICE NOTIFICATION TO CHILDREN'S SERVICES
Ref: PN/25/0419        Officer: PC 2291 {k:pro_name:Gavin Tullett}, Stockport
Child(ren) present: {k:subj_caps:CALLUM MACLEOD} ({k:subj_dob:2016-11-11})
Subject of incident:    {r:tp_caps:RYAN BOYLE}
  DOB                   {r:tp_dob:1988-04-17}
  PNC ID                {r:tp_pnc:08/551902K}
  HMPPS prison number   {r:tp_prison_no:A4821CX}
  Passport              {r:tp_passport:548120937}
Informant:              {r:tp_name:Morag Stewart} (mother of child, visiting from Scotland)
Details: Officers attended after {r:tp_title:Ms Stewart} reported that {r:tp_first:Ryan} had followed her from the station.
{r:tp_sensitive:Boyle was released on licence in November after a sentence for a knife offence.}
Callum was asleep upstairs at his father's address. DASH risk: standard.
"""),
            make(d, "case72_contact_1.pdf", "Family time record", """
FAMILY TIME RECORD       Supervised by: {k:pro_name:Aled Rowlands}       Date: 08/02/2025
Child: {k:subj_first:Callum}       Adult(s): Mum ({r:tp_first:Morag}), Nan ({r:tp_relation:Nan Effie})
Venue: Stockport Contact Centre
{k:subj_alias:Cal} ran to his mum. {r:tp_relation:Nan Effie} brought a tablet with photographs of Glasgow and his cousin
{r:tp_name:Ross Stewart}. Mum cried when it was time to go and said {r:tp_first:Ryan} "is not in the picture".
{k:subj_first:Callum} asked if he could phone nan on {r:tp_phone:0141 496 0822}. Mum's new number is {r:tp_phone:07380 552 917}.
Overall a warm session. {k:pro_name:Sunita Varma} (Team Manager) agreed monthly family time.
"""),
            make(d, "case72_meeting_1.pdf", "Core group meeting with attendee list", """
CORE GROUP MEETING - {k:subj_name:Callum MacLeod}       Date: 03/03/2025
ATTENDEES
Name                 Role                              Agency
{k:pro_name:Aled Rowlands}        Social Worker                     Children's Services
{k:pro_name:Deborah Kinsella}     Headteacher                       {k:subj_school:Ashgrove Primary School}
{k:pro_name:Imogen Tate}          Health Visitor                    0-19 Service
{r:tp_name:Iain MacLeod}         Father
{r:tp_name:Leanne Forsyth}       Father's partner
APOLOGIES: {r:tp_name:Morag Stewart} (Mother)
Discussion
{r:tp_first:Iain} said things are calmer. {k:pro_title:Mrs Tate} has seen Callum's younger half-sister
{r:tp_name:Isla Forsyth} at home; she is meeting her milestones.
{r:tp_sensitive:Ms Forsyth disclosed she is being treated for an eating disorder.}
Next core group: 07/04/2025.
"""),
            ]
    return subj, staff, docs


def build(corpus: Path) -> dict:
    return write_corpus(corpus, [(70, case70), (71, case71), (72, case72)])


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
