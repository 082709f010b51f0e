# ruff: noqa: E501 (documents are written one line per printed line)
"""Held-out corpus "chronology": multi-agency records in proportional type with cell-placed tables.

usage: .venv/bin/python bench/heldout_chronology.py [--work DIR] [--build-only]

Eleven synthetic PDFs in three cases (73-75), written for issue 10 (second round) by a helper in a
style no earlier corpus uses: Helvetica pages whose tables are placed cell by cell at column
positions (no ruling, no fixed-width alignment): a health visitor's chronology with initials, a
police MASH research note with a nominal table (DOB under a column header), a solicitor's letter
with a client reference, a school safeguarding incident record with linked pupils, a strategy
discussion, a return-home interview, a chat transcript written in lower case with short forms, a
GP letter and a council solicitor's e-mail. Families of Somali, Polish and Bangladeshi (Sylheti)
heritage, one living in Wales. All names, places and numbers are invented for this file.

Mark-up as in heldout_household.py: ``{r:CATEGORY:text}`` must go, ``{k:CATEGORY:text}`` must stay;
a line containing `` | `` is a table row whose cells are placed at the document's column positions.

Its first (blind) score, taken before any engine change aimed at it, is recorded in bench/RESULTS.md.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
from heldout_common import main, parse, wrap, write_corpus

FONT, SIZE, LEAD = "helv", 9.0, 12.5


def _wrap(text: str, width: float) -> list[str]:
    return wrap(text, width, FONT, SIZE)


def render(path: Path, text: str, cols: tuple[float, ...]) -> int:
    """Proportional type; table rows (`` | ``) have each cell wrapped inside its column."""
    doc = pymupdf.open()
    page, y = None, 0.0
    bounds = list(cols) + [555.0]
    for para in text.strip("\n").split("\n"):
        if " | " in para:
            cells = [c.strip() for c in para.split(" | ")]
            wrapped = [_wrap(c, bounds[i + 1] - bounds[i] - 6) for i, c in enumerate(cells)]
            rows = max(len(w) for w in wrapped)
        else:
            wrapped, rows = [_wrap(para, 515)], None
        n = rows or len(wrapped[0])
        if page is None or y + n * LEAD > 800:
            page, y = doc.new_page(width=595, height=842), 50.0
        for i, lines in enumerate(wrapped):
            x = bounds[i] if rows else 40.0
            for j, line in enumerate(lines):
                page.insert_text((x, y + j * LEAD), line, fontname=FONT, fontsize=SIZE)
        y += n * LEAD + (3 if rows else 0)
    doc.save(str(path))
    pages = doc.page_count
    doc.close()
    return pages


def make(d: Path, file: str, title: str, src: str, cols: tuple[float, ...] = (40, 130, 230)) -> dict:
    text, redact, keep = parse(src)
    pages = render(d / file, text, cols)
    return {"file": file, "title": title, "pages": pages, "must_redact": sorted(redact),
            "must_keep": sorted(keep), "category": {**keep, **redact}}


# ------------------------------------------------------------------ case 73 (Somali heritage, infant)
def case73(d: Path):
    subj = {"name": "Ayaan Warsame", "dob": "14/06/2022"}
    staff = [{"name": "Philippa Dunmore", "role": "Social Worker"},
             {"name": "Marcus Oyelowo", "role": "Team Manager"}]
    docs = [make(d, "case73_hvchronology_1.pdf", "Health visitor chronology (cell-placed table)", """
0-19 HEALTH VISITING SERVICE - CHRONOLOGY OF SIGNIFICANT EVENTS
Child: {k:subj_name:Ayaan Warsame}    NHS No. {k:subj_nhs:485 771 2093}    GP: {k:subj_gp:Brookvale Medical Practice}
Key: HV = health visitor; M = mother; MP = mother's partner
Date | Source | Event
20/06/2022 | HV {k:pro_name:Gwen Atherley} | New birth visit. Baby feeding well. Mother {r:tp_name:Sahra Warsame} ({r:tp_initials:SW}) tearful, lives with partner {r:tp_name:Liban Farah} ({r:tp_initials:LF}).
02/09/2022 | HV {k:pro_title:Ms Atherley} | {r:tp_initials:SW} disclosed {r:tp_initials:LF} took her phone and keys. Given helpline card.
15/01/2023 | A&E, Royal Linford | {k:subj_first:Ayaan} brought in with a burn to the hand; M said it was the radiator. {r:tp_initials:LF} not present.
11/03/2023 | HV {k:pro_name:Gwen Atherley} | {r:tp_sensitive:Sahra said she has been taking diazepam bought from a friend to help her sleep.}
04/04/2023 | Police | DA incident. {r:tp_first:Liban} arrested. M and baby went to {r:tp_partial_address:a refuge in Northampton}.
18/05/2023 | MASH | Referral to children's social care; allocated to {k:pro_name:Philippa Dunmore}.
Chronology compiled by {k:pro_name:Gwen Atherley}, Specialist Health Visitor, 22/05/2023.
"""),
            make(d, "case73_mashpolice_1.pdf", "Police MASH research note with nominal table", """
POLICE MASH RESEARCH - CONFIDENTIAL - NOT FOR DISCLOSURE WITHOUT POLICE CONSENT
Researcher: DC {k:pro_name:Owen Stapleford}    Request from: {k:pro_name:Philippa Dunmore}, Children's Social Care
Subject child: {k:subj_name:Ayaan Warsame}
Nominals linked to the household
Name | DOB | Link | Police information
{r:tp_caps:FARAH, Liban} | {r:tp_dob:09/12/1994} | Mother's partner | PNC {r:tp_pnc:14/220871M}. {r:tp_sensitive:Two cautions for possession of cannabis and one conviction for assault in 2019.}
{r:tp_caps:WARSAME, Sahra} | {r:tp_dob:27/02/1999} | Mother | No trace.
{r:tp_caps:NUR, Abdirahman} | {r:tp_dob:03/07/1971} | Maternal grandfather | Resident at {r:tp_address:Jigjiga Yar, Hargeisa, Somaliland}. No UK trace.
Vehicle linked to {r:tp_first:Liban}: black Toyota Prius {r:tp_vehicle:KX19 MBU} (private hire).
Research completed 19/05/2023 by DC {k:pro_title:Stapleford}.
""", cols=(40, 170, 240, 340)),
            make(d, "case73_solicitor_1.pdf", "Letter from the mother's solicitor", """
Haddon Reeve LLP, Solicitors
Our ref: HR/FAM/{r:tp_title:Warsame}/0912
Children's Services, Linford Council
12 June 2023
Dear {k:pro_title:Ms Dunmore}
Re: {k:subj_name:Ayaan Warsame} (dob {k:subj_dob:14.06.22})
We act for {r:tp_name:Sahra Warsame}. Our client now lives at {r:tp_address:14 Marigold Walk, Duston, Northampton NN5 6FQ} and asks that this address is not shared with {r:tp_title:Mr Farah} or his family.
Our client's brother, {r:tp_name:Yusuf Nur}, can be contacted on {r:tp_phone:07511 094 382} as an emergency contact.
Our client asks whether her son's paternal grandmother, known to the family as {r:tp_relation:Ayeeyo Hawa}, may have supervised contact.
Yours sincerely
{k:pro_name:Frances Haddon}
Partner, Haddon Reeve LLP
"""),
            make(d, "case73_legalemail_1.pdf", "E-mail from the council's solicitor", """
From: {k:pro_name:Naveen Rao} (Legal Services)
To: {k:pro_name:Philippa Dunmore}; {k:pro_name:Marcus Oyelowo}
Date: 20 June 2023
Subject: Ayaan - contact request from the mother's solicitors
Philippa,
{r:legal_advice:My advice is that the local authority has no power to direct contact with the paternal grandmother while there is no order.}
{r:legal_advice:If the request is renewed we should invite the grandmother to apply for a child arrangements order.}
I have not copied this to the family's solicitors.
Naveen Rao, Senior Solicitor (Children), Legal Services
"""),
            ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 74 (Polish heritage, boy of 10)
def case74(d: Path):
    subj = {"name": "Mateusz Kowalczyk", "dob": "30/01/2015"}
    staff = [{"name": "Ruth Ellingham", "role": "Social Worker"},
             {"name": "Dominic Frayne", "role": "Team Manager"}]
    docs = [make(d, "case74_incident_1.pdf", "School safeguarding incident record", """
SAFEGUARDING INCIDENT RECORD
Student: {k:subj_name:Mateusz Kowalczyk}   Class: 5K   School: {k:subj_school:St Aidan's Catholic Primary}
Linked students: {r:tp_name:Zofia Kowalczyk} (sister, Y2), {r:tp_name:Kacper Lis} (Y5)
Reported by: {k:pro_name:Joanna Pettigrew}, class teacher   Date: 05/02/2025
{k:subj_alias:Mati} arrived without a coat and said he had not eaten since lunch yesterday. He told me that his dad had gone back to Poland and that his mum's friend {r:tp_name:Krzysztof Zielinski} ({r:tp_nick:Krzysiek}) stays over and "gets angry when he drinks". {r:tp_first:Kacper} said he has seen {r:tp_first:Krzysztof} hit the dog.
Action: DSL {k:pro_name:Colm Devaney} informed 09:10; MASH contacted.
Mother's contact: {r:tp_name:Agnieszka Kowalczyk}, {r:tp_phone:07412 660 187}, {r:tp_email:aga.kowalczyk84@examplemail.com}
Father's address (from admission form): {r:tp_address:ul. Ogrodowa 12/4, 30-080 Krakow, Poland}
"""),
            make(d, "case74_strategy_1.pdf", "Strategy discussion with attendee table", """
STRATEGY DISCUSSION (s.47) - {k:subj_name:Mateusz Kowalczyk}, DOB {k:subj_dob:30/01/2015}
Held by Teams, 06/02/2025, chaired by {k:pro_name:Dominic Frayne}
Name | Role | Agency
{k:pro_name:Ruth Ellingham} | Social Worker | Children's Social Care
{k:pro_name:Colm Devaney} | Designated Safeguarding Lead | {k:subj_school:St Aidan's Catholic Primary}
{k:pro_name:Priya Ramanathan} | Detective Sergeant | Police CAIT
{k:pro_name:Helen Achterberg} | Named Nurse | Community Health
Information shared
DS {k:pro_title:Ramanathan}: {r:tp_title:Mr Zielinski} is known. {r:tp_sensitive:He was convicted of drink driving in 2022 and is subject to a restraining order in favour of a former partner.}
Nurse {k:pro_title:Achterberg}: {r:tp_first:Zofia} missed her two-year immunisations; {r:tp_title:Mrs Kowalczyk} did not attend the asthma review.
{r:tp_sensitive:Agnieszka told the GP last year that she drinks a bottle of wine most nights.}
Decision: s.47 enquiry; {k:pro_first:Ruth} to see both children at school today.
""", cols=(40, 200, 360)),
            make(d, "case74_gp_1.pdf", "GP letter", """
{k:subj_gp:Castle Mead Surgery}, 2 Castle Mead, Swindon SN1 4PX
To: {k:pro_name:Ruth Ellingham}, Children's Social Care          10 February 2025
Patient: {k:subj_name:Mateusz Kowalczyk}   DOB {k:subj_dob:30-Jan-2015}   NHS {k:subj_nhs:602 318 4457}
Mateusz is registered with us with his mother and sister. He has had no consultations for a year. His growth is on the 9th centile. I note that his grandmother {r:tp_name:Halina Wrobel}, whom he calls {r:tp_relation:Babcia Halina}, used to bring him to appointments; she now lives in {r:tp_partial_address:the flats behind the bus station in Swindon} and has lost touch with the family.
{r:tp_sensitive:His mother's own records show attendances for alcohol-related injuries.}
Dr {k:pro_name:Imran Siddiqui}, GP Partner
"""),
            ]
    return subj, staff, docs


# ------------------------------------------------------------------ case 75 (Bangladeshi Sylheti heritage, Wales)
def case75(d: Path):
    subj = {"name": "Nusrat Begum", "dob": "08/09/2009"}
    staff = [{"name": "Eleri Vaughan", "role": "Social Worker"},
             {"name": "Tomos Pritchard", "role": "Team Manager"}]
    docs = [make(d, "case75_returnhome_1.pdf", "Return-home interview", """
RETURN HOME INTERVIEW (missing episode 3)
Young person: {k:subj_name:Nusrat Begum}   DOB: {k:subj_dob:08/09/2009}   Interviewer: {k:pro_name:Sioned Rhys} (Independent RHI worker)
Where were you? {k:subj_first:Nusrat} said she stayed two nights with an older man she calls {r:tp_nick:Zee}, whose real name she thinks is {r:tp_name:Zahid Mirza}, at {r:tp_address:Fflat 3, 27 Heol y Felin, Caerdydd CF14 2LN}.
Who else was there? His cousin {r:tp_name:Shah Alam Chowdhury} and a girl called {r:tp_first:Tasnim}. {r:tp_first:Zahid} drove them in a white Audi ({r:tp_vehicle:CU70 WZP}).
How did you get in touch? Snapchat; his account is {r:tp_handle:@zee.cf14}.
Family: her {r:tp_relation:Nani} ({r:tp_name:Rokeya Khatun}) reported her missing. {r:tp_relation:Her brother Jamal} went looking for her at the shisha bar.
Worries: {r:tp_sensitive:Nusrat said Zahid's cousin has been in prison for supplying drugs.}
Shared with {k:pro_name:Eleri Vaughan} (Social Worker) the same day.
"""),
            make(d, "case75_chat_1.pdf", "Chat transcript (exported, lower case)", """
Transcript prepared by {k:pro_name:Eleri Vaughan} from screenshots supplied by the family, 14/11/2024
Messages between {k:subj_first:Nusrat} and contacts saved as shown below.
Time | From | Message
21:14 | {k:subj_first:nusrat} | {r:tp_lower:zee} u coming
21:15 | {r:tp_lower:zee} | outside in 5 dont tell {r:tp_lower:jamal}
21:32 | {r:tp_lower:tasnim} | where r u {r:tp_lower:nani} is crying
21:40 | {k:subj_first:nusrat} | at {r:tp_lower:shah}'s
22:05 | {r:tp_lower:jamal} | come home now or im telling {k:pro_title:miss vaughan}
""", cols=(40, 90, 170)),
            make(d, "case75_legal_1.pdf", "Legal planning meeting record", """
LEGAL PLANNING MEETING
Child: {k:subj_name:Nusrat Begum}    Date: 20/11/2024
Present: {k:pro_name:Tomos Pritchard} (Team Manager), {k:pro_name:Eleri Vaughan} (Social Worker), {k:pro_name:Gethin Morgan} (Solicitor, Legal Services)
Background: three missing episodes since September; concerns of child sexual exploitation by {r:tp_name:Zahid Mirza} and associates.
Advice
{r:legal_advice:The threshold for an interim care order is likely to be met on the exploitation evidence.}
{r:legal_advice:Counsel should be instructed on whether a secure accommodation order could be justified.}
Actions: {k:pro_first:Eleri} to update the chronology; {k:pro_first:Tomos} to seek Head of Service agreement.
"""),
            make(d, "case75_housing_1.pdf", "Letter to the family about housing", """
{k:pro_name:Eleri Vaughan}, Social Worker, Children's Services
To: {r:tp_name:Mrs Rokeya Khatun}
{r:tp_address:112 Clifton Street}
{r:tp_address:Adamsdown, Cardiff CF24 1LS}
18 December 2024
Dear {r:tp_title:Mrs Khatun}
Thank you for meeting me about {k:subj_first:Nusrat}. As agreed, I have written to the housing association about the damp in the back bedroom. Your son {r:tp_first:Jamal} said he would share his room while the repairs are done.
{r:tp_sensitive:I know that your husband's dementia makes the nights difficult for you.}
Yours sincerely
Eleri Vaughan
"""),
            ]
    return subj, staff, docs


def build(corpus: Path) -> dict:
    return write_corpus(corpus, [(73, case73), (74, case74), (75, case75)])


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
