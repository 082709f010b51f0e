"""Fresh held-out corpus for `sar redact`, laid out with pymupdf's HTML Story engine.

usage: .venv/bin/python bench/heldout_fresh.py [--work DIR] [--build-only]

Nine synthetic PDFs in three cases (60-62), in document styles none of the earlier corpora use:
a typed assessment report with numbered sections, a witness statement for court in the first person,
a MASH triage record with RAG ratings, a placement-planning meeting with the foster carers'
household, a contact-centre session log with times, a child's "my views" form, a supervision
record with legal advice inside it, a health chronology table, and a letter from a parent's
solicitor.  All names, places and numbers are invented for this file.  Pages are flowed from HTML
(pymupdf.Story), so line breaks, table cells and spans differ from the insert_text layouts used
by the shared sample and bench/heldout_redteam.py.

Writes truth.json (shared-sample format) and caseNN.context.json (subject name, DOB, and only part
of the staff list), runs `sar redact` per case with name, DOB and staff file, scores with
../shared/tools/score_redaction.py and prints every leak and over-redaction.
"""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
from heldout_common import main, write_corpus

A4 = pymupdf.paper_rect("a4")
CSS = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 14pt; } h2 { font-size: 11.5pt; margin-top: 8px; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #888; padding: 3px; font-size: 9pt; vertical-align: top; }
th { background-color: #ddd; }
.small { font-size: 8pt; color: #444; }
.right { text-align: right; }
"""


def html_pdf(path: Path, body: str) -> None:
    story = pymupdf.Story(html=f"<body>{body}</body>", user_css=CSS)
    writer = pymupdf.DocumentWriter(str(path))
    where = A4 + (56, 56, -56, -56)
    more = 1
    while more:
        dev = writer.begin_page(A4)
        more, _ = story.place(where)
        story.draw(dev)
        writer.end_page()
    writer.close()


def rows(cells: list[list[str]], head: bool = True) -> str:
    out = []
    for i, r in enumerate(cells):
        tag = "th" if head and i == 0 else "td"
        out.append("<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in r) + "</tr>")
    return "<table>" + "".join(out) + "</table>"


LIGATURES = (("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02"))


def lig(s: str) -> str:
    """The Story engine's sans and serif fonts set fi/fl/ff/ffi as ligatures, and get_text() keeps them,
    so truth strings are spelt the way the PDF's text layer spells them (as a Word export would)."""
    for a, b in LIGATURES:
        s = s.replace(a, b)
    return s


def doc(file: str, title: str, redact: list[str], keep: list[str]) -> dict:
    return {"file": file, "title": title, "must_redact": [lig(s) for s in redact], "must_keep": [lig(s) for s in keep]}


# --------------------------------------------------------------------------- case 60
# Subject: Ellis Trevanion, Cornwall.  Mother Rowena Pashley, her partner Dale Kinnersley,
# grandmother Maureen Pashley, neighbour referrer Gillian Orchard.


def case60(d: Path):
    subj = {"name": "Ellis Trevanion", "dob": "14/09/2012"}
    staff = [{"name": "Hannah Mbeki", "role": "Social Worker"},
             {"name": "Owain Prydderch", "role": "Team Manager"}]
    docs = []

    f = "case60_assessment_1.pdf"
    html_pdf(d / f, """
<h1>Child and Family Assessment</h1>
<p class="small">Kernow Children's Social Care, Dolcoath Avenue, Camborne. Duty line 0300 123 4116</p>
<h2>1. Identifying details</h2>
<p>1.1 Child: Ellis Trevanion (date of birth 14/09/2012), Year 8 at Penhallow Academy.</p>
<p>1.2 Household: Ellis lives with his mother, Rowena Pashley (born 02/11/1986), and her partner
Dale Kinnersley at 9 Chapel Terrace, Pool, Redruth TR15 3QY. Mobile for Ms Pashley: 07712 448309.</p>
<p>1.3 Assessing worker: Hannah Mbeki, Social Worker. Manager: Owain Prydderch.</p>
<h2>2. Reason for assessment</h2>
<p>2.1 A neighbour, Gillian Orchard of 22 Larkspur Walk, Redruth, telephoned on 03/03/2025 reporting
shouting and a smashed window. She asked that her details are not shared with the family.</p>
<h2>3. The child's lived experience</h2>
<p>3.1 Ellis told me he gets on well with his nan, Maureen Pashley, and stays with her most weekends.
He said Dale "goes off" when he has been drinking. Ellis said he feels safe at school and likes
his form tutor, Mr Jory Tonkin, who is also the Designated Safeguarding Lead.</p>
<p>3.2 Dr Priya Anand at Trelowarren Medical Practice confirmed Ellis is up to date with
immunisations and has asthma, managed with an inhaler.</p>
<h2>4. Parenting capacity</h2>
<p>4.1 Ms Pashley acknowledged that arguments with Mr Kinnersley have happened in front of Ellis.
Mr Kinnersley declined to meet me.</p>
<h2>5. Analysis and recommendation</h2>
<p>5.1 Ellis is a child in need under s.17. Recommend a child in need plan with a review in 12 weeks.</p>
<p>Signed: Hannah Mbeki &nbsp; Date: 28/03/2025<br/>Countersigned: Owain Prydderch, Team Manager</p>
""")
    docs.append(doc(f, "Assessment report (numbered sections)",
                    ["Rowena Pashley", "02/11/1986", "Dale Kinnersley", "9 Chapel Terrace, Pool, Redruth TR15 3QY",
                     "07712 448309", "Ms Pashley", "Gillian Orchard", "22 Larkspur Walk, Redruth",
                     "Maureen Pashley", "Dale", "Mr Kinnersley"],
                    ["Ellis Trevanion", "Ellis", "14/09/2012", "Penhallow Academy", "Hannah Mbeki",
                     "Owain Prydderch", "Jory Tonkin", "Priya Anand", "Trelowarren Medical Practice",
                     "0300 123 4116", "Dolcoath Avenue, Camborne"]))

    f = "case60_statement_1.pdf"
    html_pdf(d / f, """
<p class="right">Case No: TR25C00417<br/>IN THE FAMILY COURT SITTING AT TRURO</p>
<p>IN THE MATTER OF THE CHILDREN ACT 1989<br/>AND IN THE MATTER OF: ELLIS TREVANION (a boy, born 14/09/2012)</p>
<h1>WITNESS STATEMENT OF HANNAH MBEKI</h1>
<p>I, Hannah Mbeki, of Kernow Children's Social Care, Dolcoath Avenue, Camborne, make this statement
believing it to be true and understanding that it will be placed before the court.</p>
<p>1. I am a registered social worker and have been the allocated worker for Ellis since March 2025.</p>
<p>2. On 14 May 2025 I attended the family home with PC 4471 Simon Rowse of Devon and Cornwall Police
following a report that the respondent father figure, Dale Kinnersley, had assaulted the mother,
Rowena Pashley. Ms Pashley had a cut above her eye. Ellis was at his grandmother's address,
4 Wheal Rose Close, Scorrier TR16 5BX.</p>
<p>3. Mr Kinnersley was arrested. His date of birth is 19/07/1983.</p>
<p>4. I spoke to Ellis at Penhallow Academy the following day, with Mr Tonkin present. Ellis said
"I don't want Dale back in the house".</p>
<p>5. I believe the threshold criteria are met and I support the local authority's application.</p>
<p>Statement of truth: I believe that the facts stated in this witness statement are true.</p>
<p>Signed: Hannah Mbeki &nbsp;&nbsp; Dated: 02/06/2025</p>
""")
    docs.append(doc(f, "Court witness statement",
                    ["Dale Kinnersley", "Rowena Pashley", "Ms Pashley", "4 Wheal Rose Close, Scorrier TR16 5BX",
                     "Mr Kinnersley", "19/07/1983", "Dale"],
                    ["Hannah Mbeki", "Ellis", "14/09/2012", "Simon Rowse", "Devon and Cornwall Police",
                     "Penhallow Academy", "Mr Tonkin", "Dolcoath Avenue, Camborne"]))

    f = "case60_mash_1.pdf"
    html_pdf(d / f, "<h1>MASH Triage Record</h1>" + rows([
        ["Field", "Detail"],
        ["Contact received", "03/03/2025 10:42 by telephone"],
        ["Child", "Ellis Trevanion, DOB 14/09/2012"],
        ["Referrer", "Gillian Orchard (neighbour), tel 01209 215578 - CONFIDENTIAL, do not disclose"],
        ["Adults in household", "Rowena Pashley (mother); Dale Kinnersley (mother's partner)"],
        ["Police check", "DS Karen Loveday, Devon and Cornwall Police: 2 previous DA call-outs to address"],
        ["Health check", "Health visitor not applicable; GP Dr Priya Anand, no concerns"],
        ["Education check", "Penhallow Academy: attendance 91%, no concerns"],
    ]) + "<h2>RAG rating</h2>" + rows([
        ["Domain", "Rating", "Rationale"],
        ["Domestic abuse", "RED", "Repeated incidents involving Mr Kinnersley, child present"],
        ["Neglect", "GREEN", "Basic needs met"],
        ["Parental alcohol use", "AMBER", "Neighbour reports Dale drunk in street"],
    ]) + "<p>Decision: progress to Child and Family Assessment. MASH manager: Owain Prydderch, "
             "03/03/2025 15:10.</p>")
    docs.append(doc(f, "MASH triage with RAG ratings",
                    ["Gillian Orchard", "01209 215578", "Rowena Pashley", "Dale Kinnersley", "Mr Kinnersley",
                     "Dale"],
                    ["Ellis Trevanion", "14/09/2012", "Karen Loveday", "Devon and Cornwall Police", "Priya Anand",
                     "Penhallow Academy", "Owain Prydderch"]))
    return subj, staff, docs


# --------------------------------------------------------------------------- case 61
# Subject: Kacey Lindqvist, Cumbria, in foster care with Bernadette and Clive Haworth.
# Birth father Anton Lindqvist, birth mother Shona Feeney, sister Tilly placed for adoption.


def case61(d: Path):
    subj = {"name": "Kacey Lindqvist", "dob": "02/02/2009"}
    staff = [{"name": "Marcus Oyelaran", "role": "Social Worker"},
             {"name": "Fiona Blamire", "role": "Independent Reviewing Officer"}]
    docs = []

    f = "case61_ppm_1.pdf"
    html_pdf(d / f, """
<h1>Placement Planning Meeting</h1>
<p>Date: 11/08/2025, 14:00, Kendal County Offices, Busher Walk. Chair: Fiona Blamire (IRO)</p>
<p>Present: Kacey Lindqvist; Marcus Oyelaran (Social Worker); Bernadette Haworth and Clive Haworth
(foster carers); Nadia Sorensen (Supervising Social Worker, Fostering Service); Ms Eileen Dodd
(Head of Year, Queen Katherine School).</p>
<h2>Carers' household</h2>""" + rows([
        ["Name", "Relationship", "Date of birth"],
        ["Bernadette Haworth", "Foster carer", "30/04/1971"],
        ["Clive Haworth", "Foster carer", "15/12/1968"],
        ["Jonah Haworth", "Carers' son", "08/06/2004"],
    ]) + """
<p>Placement address: Moss Cottage, 3 Fell Lane, Kendal LA9 6PQ. Home telephone 01539 724118.</p>
<h2>Discussion</h2>
<p>Kacey said she likes her room and gets on with Jonah. Bernadette will take Kacey to school each
morning. Contact with her father, Anton Lindqvist, will be supervised at the Castle Street family
centre fortnightly. Mr Lindqvist must not be told the placement address. Kacey's mother, Shona Feeney,
has not engaged.</p>
<p>Kacey asked about her little sister Tilly. Marcus explained that Tilly has been placed for adoption
and now attends St Oswald's CE Primary, so letterbox contact will be arranged through the adoption
agency.</p>
<p>Actions: Marcus Oyelaran to send the placement plan to the carers by 18/08/2025.
Fostering duty line: 01539 713200.</p>
""")
    docs.append(doc(f, "Placement planning meeting with carers' household",
                    ["Bernadette Haworth", "Clive Haworth", "30/04/1971", "15/12/1968", "Jonah Haworth",
                     "08/06/2004", "Moss Cottage, 3 Fell Lane, Kendal LA9 6PQ", "01539 724118", "Jonah",
                     "Bernadette", "Anton Lindqvist", "Mr Lindqvist", "Shona Feeney", "Tilly",
                     "St Oswald's CE Primary"],
                    ["Kacey Lindqvist", "Kacey", "Marcus Oyelaran", "Fiona Blamire", "Nadia Sorensen",
                     "Eileen Dodd", "Queen Katherine School", "01539 713200",
                     "Kendal County Offices, Busher Walk"]))

    f = "case61_contact_1.pdf"
    html_pdf(d / f, """
<h1>Castle Street Family Centre - Supervised Contact Session Log</h1>
<p>Child: Kacey Lindqvist (02/02/2009). Visiting adult: Anton Lindqvist (father).
Contact supervisor: Leanne Gaskarth, Family Support Worker.</p>""" + rows([
        ["Time", "Observation"],
        ["15:58", "Kacey dropped off by foster carer Clive Haworth, who left straight away."],
        ["16:05", "Mr Lindqvist arrived five minutes late with his new partner, Roxanne Tweddle. "
                  "Reminded that only approved adults may attend; Ms Tweddle waited in reception."],
        ["16:20", "Board game. Kacey laughed a lot. Father asked which road Kacey lives on; "
                  "I redirected the conversation."],
        ["16:45", "Father became tearful talking about Tilly. Kacey comforted him."],
        ["17:00", "Session ended. Kacey collected by Clive. Father given reminder of written agreement."],
    ]) + """<p>Recorded by Leanne Gaskarth, 11/09/2025. Copied to Marcus Oyelaran.</p>""")
    docs.append(doc(f, "Contact centre session log with times",
                    ["Anton Lindqvist", "Clive Haworth", "Mr Lindqvist", "Roxanne Tweddle", "Ms Tweddle",
                     "Tilly", "Clive"],
                    ["Kacey Lindqvist", "Kacey", "02/02/2009", "Leanne Gaskarth", "Marcus Oyelaran",
                     "Castle Street Family Centre - Supervised Contact Session Log"]))

    f = "case61_myviews_1.pdf"
    html_pdf(d / f, """
<h1>My Views - for my Looked After Review</h1>
<p>My name: Kacey Lindqvist &nbsp;&nbsp; My birthday: 02/02/2009 &nbsp;&nbsp; My IRO: Fiona Blamire</p>
<h2>What is going well?</h2>
<p>I like living with Bernie and Clive. Their dog is called Biscuit. My best mate at school is
Mollie Kirkbride and I go to hers on Saturdays, she lives on Anchorite Fields.</p>
<h2>What is not going well?</h2>
<p>I miss Tilly loads. I don't get why I can't see her. My mum Shona doesn't answer my texts.</p>
<h2>What would I like to happen?</h2>
<p>I want to keep seeing my dad but not with Roxanne there. I want Marcus to visit after school
not in lessons because people ask questions.</p>
<h2>Who helped me fill this in?</h2>
<p>Me and Nadia.</p>
""")
    docs.append(doc(f, "Child's 'my views' form (first person)",
                    ["Bernie", "Clive", "Mollie Kirkbride", "Anchorite Fields", "Tilly", "Shona", "Roxanne"],
                    ["Kacey Lindqvist", "02/02/2009", "Fiona Blamire", "Marcus", "Nadia"]))
    return subj, staff, docs


# --------------------------------------------------------------------------- case 62
# Subject: Reuben Okonjo, Sheffield.  Mother Charlene Okonjo, father Femi Adeyinka (his solicitor
# writes), maternal uncle Desmond Okonjo.


def case62(d: Path):
    subj = {"name": "Reuben Okonjo", "dob": "27/06/2015"}
    staff = [{"name": "Gemma Hollingworth", "role": "Social Worker"},
             {"name": "Tariq Bashir", "role": "Practice Supervisor"}]
    docs = []

    f = "case62_supervision_1.pdf"
    html_pdf(d / f, """
<h1>Case Supervision Record</h1>
<p>Supervisee: Gemma Hollingworth &nbsp; Supervisor: Tariq Bashir &nbsp; Date: 07/10/2025</p>
<p>Child: Reuben Okonjo, DOB 27/06/2015, Westfield Road Children's Centre case.</p>
<h2>Case discussion</h2>
<p>Gemma updated that Reuben remains with his mother, Charlene Okonjo, at Flat 6, Brampton Court,
Gleadless, Sheffield S12 2TW. Charlene's brother, Desmond Okonjo, has moved in and has a conviction
for supplying Class A drugs. Reuben's father, Femi Adeyinka, is seeking a child arrangements order
and his solicitor has written to us.</p>
<p>CAMHS: Dr Lorna Whitby (Clinical Psychologist, Sheffield Children's NHS Foundation Trust)
has offered Reuben six sessions.</p>
<h2>Legal advice</h2>
<p>Legal Planning Meeting 02/10/2025 with Sunil Varma, Solicitor, Legal Services. Advice: the
threshold under section 31 is not yet met on the current evidence, but the local authority should
send the mother a PLO letter before proceedings without delay. The risk of litigation from the
father's solicitor is low if the assessment is completed within 45 working days.</p>
<h2>Actions</h2>
<p>1. Gemma to complete the DBS and police checks on Mr Okonjo (Desmond) by 14/10/2025.<br/>
2. Tariq Bashir to book the pre-proceedings meeting.</p>
""")
    docs.append(doc(f, "Supervision record with legal advice",
                    ["Charlene Okonjo", "Flat 6, Brampton Court, Gleadless, Sheffield S12 2TW", "Charlene",
                     "Desmond Okonjo", "Femi Adeyinka", "Desmond", "Mr Okonjo",
                     "the threshold under section 31 is not yet met on the current evidence",
                     "send the mother a PLO letter before proceedings without delay",
                     "The risk of litigation from the father's solicitor is low if the assessment is "
                     "completed within 45 working days."],
                    ["Gemma Hollingworth", "Tariq Bashir", "Reuben Okonjo", "Reuben", "27/06/2015",
                     "Lorna Whitby", "Sheffield Children's NHS Foundation Trust"]))

    f = "case62_health_1.pdf"
    html_pdf(d / f, "<h1>Health Chronology</h1><p>Reuben Okonjo &nbsp; DOB 27/06/2015 &nbsp; "
             "Compiled by Jacqui Parkin, Named Nurse for Safeguarding Children</p>" + rows([
                 ["Date", "Source", "Entry"],
                 ["12/07/2015", "Health visitor", "New birth visit by Alison Crookes HV. Mother Charlene "
                  "reports low mood; EPDS score 15."],
                 ["03/02/2018", "Sheffield Children's Hospital ED", "Reuben seen with scald to forearm. "
                  "Brought by uncle Desmond Okonjo. Explanation consistent."],
                 ["21/09/2021", "GP - Dr Oladipo, Manor Park Surgery", "Asthma review. Father Femi Adeyinka "
                  "attended, tel 07958 310227."],
                 ["15/05/2024", "School nurse", "Reuben disclosed he sleeps on the sofa when uncle stays."],
                 ["30/09/2025", "CAMHS", "Referral accepted, Dr Lorna Whitby."],
             ]))
    docs.append(doc(f, "Health chronology table",
                    ["Charlene", "Desmond Okonjo", "Femi Adeyinka", "07958 310227"],
                    ["Reuben Okonjo", "27/06/2015", "Jacqui Parkin", "Alison Crookes", "Dr Oladipo",
                     "Manor Park Surgery", "Lorna Whitby", "Reuben"]))

    f = "case62_solicitor_1.pdf"
    html_pdf(d / f, """
<p class="right">Grayling Moss LLP<br/>14 Paradise Square<br/>Sheffield S1 2DE<br/>DX 10543 Sheffield</p>
<p>Our ref: FA/HW/3391 &nbsp; Your ref: Reuben Okonjo</p>
<p>Gemma Hollingworth<br/>Children and Families Service<br/>Howden House, 1 Union Street<br/>Sheffield S1 2SH</p>
<p>20 September 2025</p>
<p>Dear Ms Hollingworth</p>
<p><b>Re: Our client Mr Femi Adeyinka - Reuben Okonjo (DOB 27/06/2015)</b></p>
<p>We act for Mr Adeyinka, the father of Reuben. Our client is concerned that Reuben's maternal uncle,
Desmond Okonjo, is now living at the mother's flat. Our client's new address is 88 Abbeydale Road
South, Sheffield S7 2QN and he can be contacted on femi.adeyinka@outlook.com.</p>
<p>Our client's partner, Ms Yewande Bello, is willing to be assessed as a carer.</p>
<p>We should be grateful if you would confirm whether the local authority intends to issue
proceedings.</p>
<p>Yours sincerely<br/>Helen Wragg<br/>Solicitor, Grayling Moss LLP</p>
""")
    docs.append(doc(f, "Letter from a parent's solicitor",
                    ["Femi Adeyinka", "Mr Adeyinka", "Desmond Okonjo", "88 Abbeydale Road South, Sheffield S7 2QN",
                     "femi.adeyinka@outlook.com", "Yewande Bello"],
                    ["Gemma Hollingworth", "Ms Hollingworth", "Reuben Okonjo", "27/06/2015", "Reuben",
                     "Howden House, 1 Union Street", "Helen Wragg", "Grayling Moss LLP"]))
    return subj, staff, docs


def build(corpus: Path) -> dict:
    return write_corpus(corpus, [(60, case60), (61, case61), (62, case62)])


# --------------------------------------------------------------------------- failures in detail


def report(corpus: Path, out: Path, truth: dict, sc) -> None:
    for case in truth["cases"]:
        for d in case["documents"]:
            src, _ = sc.text_of(corpus / d["file"])
            path = out / d["file"]
            txt = sc.text_of(path)[0] if path.exists() else ""
            lines = []
            for s in d["must_redact"]:
                n = sc.count(s, src)
                m = sc.leaked(s, n, txt)
                if m:
                    why = "whole" if sc.count(s, txt) else "window " + "; ".join(
                        repr(w) for w in sc.windows(s) if sc.count(w, txt))
                    lines.append(f"  LEAK {s!r} {m}/{n} ({why})")
            for s in d["must_keep"]:
                n, m = sc.count(s, src), sc.count(s, txt)
                if m < n:
                    lines.append(f"  OVER {s!r} kept {m}/{n}")
            sched = out / (d["file"] + ".redactions.json")
            truth_words = " ".join(d["must_redact"])
            for r in json.loads(sched.read_text())["redactions"] if sched.exists() else []:
                t = lig(" ".join(r["text"].split()))
                if not sc.count(t, truth_words) and not any(sc.count(m, t) for m in d["must_redact"]):
                    lines.append(f"  (unlisted redaction) {t!r} {r['entity_type']} {r['code']}")
            print(f"{d['file']} [{d['title']}]")
            print("\n".join(lines) if lines else "  clean")


if __name__ == "__main__":
    main(__doc__.splitlines()[0], build, report)
