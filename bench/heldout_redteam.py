"""Red-team held-out corpus for `sar redact`: styles the shared sample does not use.

usage: .venv/bin/python bench/heldout_redteam.py [--work DIR] [--build-only]

Builds 12 synthetic case-record PDFs (4 cases, invented names not taken from the shared sample or
tests/redaction/heldout_factory.py) with pymupdf: chronology tables in separate text boxes, ALL-CAPS
headings and minute styles, "Mr/Mrs/Ms Surname", possessives, names broken over a line, initials,
nicknames, multi-line address blocks, landline/mobile/+44 formats, e-mails, NHS numbers with and
without an "NHS" cue, NI numbers, DOBs as "born 3 March 2016" and "DOB: 17.08.1990", schools,
surgeries, a foster carer's address, the school of a sibling placed for adoption, a confidential
referrer, a letter with a signature block, an e-mail chain, a legal planning note and legal advice
embedded in an ordinary strategy note. Writes truth.json (same format as the shared sample) and
caseNN.context.json (subject name, DOB, and only SOME council staff: external professionals must
be recognised from context).

Then runs `sar redact` per case exactly as the before-stop procedure does (name, DOB, staff file),
scores with ../shared/tools/score_redaction.py, and prints every leak and over-redaction with the
surviving words, so failures can be categorised.  Generated files go to a temp dir (or --work).
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
from heldout_common import main, write_corpus

A4 = pymupdf.paper_rect("a4")
LEFT, RIGHT, TOP, BOTTOM = 50, A4.width - 50, 60, A4.height - 50


def nhs(first9: str) -> str:
    """A checksum-valid NHS number 'NNN NNN NNNN' from nine digits (skipping invalid stems)."""
    d = [int(c) for c in first9]
    while True:
        total = sum(v * (10 - i) for i, v in enumerate(d))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        if check != 10:
            s = "".join(map(str, d)) + str(check)
            return f"{s[:3]} {s[3:6]} {s[6:]}"
        d[-1] = (d[-1] + 1) % 10


# --------------------------------------------------------------------------- layout


class Doc:
    def __init__(self):
        self.doc = pymupdf.open()
        self.page = None
        self.new_page()

    def new_page(self):
        self.page = self.doc.new_page(width=A4.width, height=A4.height)
        self.y = TOP

    def need(self, h):
        if self.y + h > BOTTOM:
            self.new_page()

    @staticmethod
    def wrap(text, size, width, font="helv"):
        out = []
        for hard in text.split("\n"):
            cur = ""
            for w in hard.split(" "):
                cand = (cur + " " + w) if cur else w
                if pymupdf.get_text_length(cand, fontname=font, fontsize=size) <= width:
                    cur = cand
                else:
                    if cur:
                        out.append(cur)
                    cur = w
            out.append(cur)
        return out

    def line(self, text, size=10, bold=False, x=LEFT):
        self.need(size * 1.5)
        self.page.insert_text((x, self.y), text, fontname="hebo" if bold else "helv", fontsize=size)
        self.y += size * 1.45

    def head(self, text, size=13):
        self.gap(4)
        self.line(text, size=size, bold=True)
        self.gap(2)

    def para(self, text, size=10, x=LEFT, width=None):
        width = width or (RIGHT - x)
        for ln in self.wrap(text, size, width):
            self.line(ln, size=size, x=x)
        self.gap(4)

    def gap(self, h=6):
        self.y += h

    def table(self, rows, widths, size=9, header=True):
        """Each cell is its own insert_textbox (so extraction order is the engine's problem)."""
        for r, row in enumerate(rows):
            bold = header and r == 0
            font = "hebo" if bold else "helv"
            hs = [len(self.wrap(c, size, w - 6, font)) * size * 1.3 + 6 for c, w in zip(row, widths, strict=False)]
            h = max(hs)
            self.need(h + 2)
            x = LEFT
            for cell, w in zip(row, widths, strict=False):
                rect = pymupdf.Rect(x, self.y, x + w, self.y + h)
                self.page.draw_rect(rect, color=(0.6, 0.6, 0.6), width=0.5)
                inner = pymupdf.Rect(x + 3, self.y + 2, x + w - 3, self.y + h + 4)
                rc = self.page.insert_textbox(inner, cell, fontname=font, fontsize=size)
                if rc < 0:
                    raise RuntimeError(f"cell overflow: {cell!r}")
                x += w
            self.y += h
        self.gap(8)

    def pairs(self, pairs, label_w=110, size=10):
        """Two-column label/value block: labels and values are separate text boxes."""
        for label, value in pairs:
            n = len(self.wrap(value, size, RIGHT - LEFT - label_w - 6))
            h = n * size * 1.3 + 4
            self.need(h)
            self.page.insert_textbox(pymupdf.Rect(LEFT, self.y, LEFT + label_w, self.y + h + 4), label,
                                     fontname="hebo", fontsize=size)
            rc = self.page.insert_textbox(pymupdf.Rect(LEFT + label_w, self.y, RIGHT, self.y + h + 4), value,
                                          fontname="helv", fontsize=size)
            if rc < 0:
                raise RuntimeError(f"value overflow: {value!r}")
            self.y += h + 2
        self.gap(6)

    def save(self, path):
        self.doc.set_metadata({"title": "Case record", "author": "Children's Services"})
        self.doc.save(path)


# --------------------------------------------------------------------------- cases
# Every name below is invented for this corpus.

K_NHS = nhs("612345678")
L_NHS = nhs("734216095")
T_NHS = nhs("485777345")
M_NHS = nhs("903112457")
J_NHS = nhs("417259630")
S_NHS = nhs("552901834")
R_NHS = nhs("671028443")
D_NHS = nhs("389450216")


def case40(d: Path):
    """Kieran Ashdown: confidential referrer, chronology table, strategy note with embedded legal advice."""
    subj = {"name": "Kieran Ashdown", "dob": "14/06/2012", "nhs": K_NHS, "case_ref": "CS-640112"}
    staff = [{"name": "Rebecca Thorne", "role": "Social Worker", "org": "Children's Social Care"}]
    docs = []

    # A. MASH contact record, confidential referrer with a multi-line address block
    p = Doc()
    p.head("MASH CONTACT RECORD - KIERAN ASHDOWN")
    p.line("Contact date: 02/02/2023     Recorded by: Owen Pritchard, Team Manager (MASH)")
    p.line(f"Child: Kieran Ashdown     DOB: 14/06/2012     NHS No: {K_NHS}")
    p.line("School: Oakfield Academy (Year 5)")
    p.head("REFERRER - CONFIDENTIAL, NOT TO BE DISCLOSED TO THE FAMILY", 11)
    p.line("Name:        Mrs Glenys Hartnell (neighbour)")
    p.line("Address:    14 Cowley Mews")
    p.line("                 Oxford")
    p.line("                 OX4 2JN")
    p.line("Tel:           01865 123456")
    p.line("E-mail:       glenys.hartnell@btinternet.com")
    p.gap()
    p.head("Concerns", 11)
    p.para("Mrs Hartnell asked that the family are not told she called. She said that Kieran's mother's "
           "partner, Dale Prosser, who the family call \"Daz\", has been shouting at Kieran in the back garden "
           "late in the evening, and that on 31/01/2023 she saw Daz pull Kieran inside by his hood. She "
           "thinks Kieran's mother, Leanne Ashdown, works night shifts and that Kieran looks after his little "
           "sister Tilly. Glenys said she would ring again if she heard anything further.")
    p.para("Owen Pritchard checked records: Kieran is known to Oakfield Academy as a young carer. Decision: "
           "strategy discussion to be convened. Rebecca Thorne allocated.")
    p.save(d / "case40_referral_1.pdf")
    docs.append({"file": "case40_referral_1.pdf", "title": "MASH contact (confidential referrer)",
                 "must_redact": ["Glenys Hartnell", "Mrs Hartnell", "Glenys", "14 Cowley Mews Oxford OX4 2JN",
                                 "01865 123456", "glenys.hartnell@btinternet.com", "Dale Prosser", "Daz",
                                 "Leanne Ashdown", "Tilly"],
                 "must_keep": ["Kieran Ashdown", "Kieran", "14/06/2012", K_NHS, "Owen Pritchard",
                               "Rebecca Thorne", "Oakfield Academy"]})

    # B. Chronology table (separate text boxes per cell) + a name broken over a line
    p = Doc()
    p.head("Chronology of Significant Events")
    p.line("Child: KIERAN ASHDOWN (DOB 14/06/2012)     Case ref: CS-640112")
    p.gap()
    rows = [["Date", "Event", "Source"],
            ["02/02/2023", "Neighbour contact (confidential) about shouting; referrer Mrs G. Hartnell.", "MASH"],
            ["06/02/2023", "Home visit by Rebecca Thorne. Leanne Ashdown and D. Prosser present. Tilly "
                           "(born 3 March 2016) asleep upstairs.", "CSC"],
            ["09/02/2023", "DC 4471 Amir Khan confirms PNC check: Mr Prosser received a caution for common "
                           "assault in 2019.", "Thames Valley Police"],
            ["14/02/2023", "Dr Priya Nair (CAMHS) accepts the referral for Kieran; first appointment "
                           "01/03/2023.", "CAMHS"],
            ["20/02/2023", "Mrs Okafor (class teacher) reports Kieran arrived without lunch and said "
                           "\"Daz took my dinner money\".", "Oakfield Academy"],
            ["27/02/2023", "Leanne's new mobile 07700900461 recorded. Mr Prosser's DOB: 17.08.1990, "
                           "NI number PW 37 19 84 A.", "CSC"],
            ["03/03/2023", "Dr Hugh Penrose, Marston Road Surgery, reports Ms Ashdown has missed Tilly's "
                           f"pre-school immunisations; Tilly's NHS number is {T_NHS}.", "GP"]]
    p.table(rows, [70, 330, 95])
    p.head("Summary", 11)
    p.para("At the visit on 06/02/2023 Rebecca Thorne spoke with Dale\nProsser alone in the kitchen. He "
           "said Kieran is \"cheeky\" and needs discipline. Kieran later told Rebecca Thorne that he is "
           "scared when Daz has been drinking. Kieran's own view is recorded in his words.")
    p.save(d / "case40_chronology_1.pdf")
    docs.append({"file": "case40_chronology_1.pdf", "title": "Chronology table",
                 "must_redact": ["Hartnell", "Leanne Ashdown", "Leanne", "D. Prosser", "Prosser", "Tilly",
                                 "3 March 2016", "Daz", "07700900461", "17.08.1990", "PW 37 19 84 A",
                                 "Ms Ashdown", "Dale Prosser", T_NHS],
                 "must_keep": ["Kieran", "KIERAN ASHDOWN", "14/06/2012", "Rebecca Thorne", "Amir Khan",
                               "Priya Nair", "Mrs Okafor", "Hugh Penrose", "Marston Road Surgery",
                               "Oakfield Academy"]})

    # C. Strategy discussion with a passage of legal advice embedded in ordinary minutes
    adv = ["The threshold for a section 47 enquiry is met, but on the present evidence the local authority "
           "would not meet the threshold for an interim care order.",
           "If Mr Prosser does not leave the household, the local authority should write a letter before "
           "proceedings and convene a pre-proceedings meeting.",
           "The comments the child made to his teacher should be recorded verbatim because they may be "
           "needed as evidence."]
    p = Doc()
    p.head("Strategy Discussion - Minutes")
    p.line(f"Child: Kieran Ashdown   DOB: 14/06/2012   NHS No: {K_NHS}   Date: 10/02/2023")
    p.gap()
    p.table([["Attendee", "Role and agency"],
             ["Owen Pritchard", "Team Manager, Children's Social Care (chair)"],
             ["Rebecca Thorne", "Social Worker, Children's Social Care"],
             ["DC 4471 Amir Khan", "Child Abuse Investigation Unit, Thames Valley Police"],
             ["Dr Priya Nair", "Clinical Psychologist, CAMHS"],
             ["Mrs Okafor", "Class teacher, Oakfield Academy"]], [170, 325])
    p.head("Information shared", 11)
    p.para("DC 4471 Amir Khan said Dale Prosser was cautioned for common assault against a former partner in "
           "2019. Mrs Okafor (class teacher) said Kieran has been tired and hungry, and that his mother "
           "Leanne Ashdown (mobile +44 7700 900123) has not replied to the school's messages. Dr Priya Nair "
           "said Kieran has been referred for anxiety.")
    p.para("Legal advice from Sarah Bell (Legal Services): " + " ".join(adv))
    p.head("Actions", 11)
    p.para("Rebecca Thorne to complete the section 47 enquiry by 24/02/2023. "
           "DC 4471 Amir Khan to arrange a joint visit. Mrs Okafor to share attendance data weekly.")
    p.save(d / "case40_strategy_1.pdf")
    docs.append({"file": "case40_strategy_1.pdf", "title": "Strategy note with embedded legal advice",
                 "must_redact": adv + ["Dale Prosser", "Leanne Ashdown", "+44 7700 900123"],
                 "must_keep": ["Kieran Ashdown", "Kieran", "14/06/2012", K_NHS, "Owen Pritchard",
                               "Rebecca Thorne", "Amir Khan", "Priya Nair", "Mrs Okafor", "Oakfield Academy",
                               "Rebecca Thorne to complete the section 47 enquiry by 24/02/2023."]})
    return subj, staff, docs


def case41(d: Path):
    """Maisie Callaghan: foster carers' address block, letter to father, e-mail chain from a foster carer."""
    subj = {"name": "Maisie Callaghan", "dob": "22/09/2009", "nhs": M_NHS, "case_ref": "CS-551907"}
    staff = [{"name": "Nadia Fairweather", "role": "Social Worker", "org": "Children in Care Team"},
             {"name": "Graham Oduya", "role": "Independent Reviewing Officer", "org": "Children's Services"}]
    docs = []

    # D. LAC review with label/value two-column blocks
    p = Doc()
    p.head("LOOKED AFTER CHILD REVIEW: MAISIE CALLAGHAN")
    p.pairs([("Young person:", "Maisie Callaghan"), ("Date of birth:", "22/09/2009"),
             ("NHS number:", M_NHS), ("Review date:", "18/04/2023"),
             ("Chair:", "Graham Oduya, Independent Reviewing Officer"),
             ("Social worker:", "Nadia Fairweather")])
    p.head("Placement details (NOT TO BE SHARED WITH BIRTH FAMILY)", 11)
    p.pairs([("Foster carers:", "Bernadette and Colin Rourke"),
             ("Address:", "27 Larkspur Close\nBicester\nOX26 4HT"),
             ("Home tel:", "01869 352718"),
             ("Mobile:", "+44 7700 900321"),
             ("Supervising SW:", "Helen Marchetti, Fostering Service")])
    p.head("Discussion", 11)
    p.para("Maisie said she is happy at the Rourkes' and that Bernie helps her with her maths homework every "
           "evening. Mrs Rourke reported one incident of Maisie coming home late. Colin takes Maisie to "
           "Glebe Park School each morning and Maisie's attendance is now 97%.")
    p.para("Maisie's younger brother Reece has been placed for adoption and now attends St Mary's C of E "
           "Primary. Contact with Reece is by letterbox twice a year; Maisie wrote him a card.")
    p.para("Health: Maisie's review health assessment was completed at Orchard Lane Surgery by Dr Ewan "
           "Fitzgerald on 02/03/2023. Graham Oduya will write to Maisie with the outcome of this review.")
    p.save(d / "case41_lacreview_1.pdf")
    docs.append({"file": "case41_lacreview_1.pdf", "title": "LAC review, two-column label/value blocks",
                 "must_redact": ["Bernadette and Colin Rourke", "27 Larkspur Close Bicester OX26 4HT",
                                 "01869 352718", "+44 7700 900321", "Rourkes'", "Bernie", "Mrs Rourke",
                                 "Colin", "Reece", "St Mary's C of E Primary"],
                 "must_keep": ["Maisie Callaghan", "Maisie", "22/09/2009", M_NHS, "Graham Oduya",
                               "Nadia Fairweather", "Helen Marchetti", "Glebe Park School",
                               "Orchard Lane Surgery", "Ewan Fitzgerald", "Foster carers"]})

    # E. Letter to the father, with address block and signature block
    p = Doc()
    p.line("Children in Care Team, County Hall, New Road, Oxford OX1 1ND", size=8)
    p.gap(14)
    p.line("Mr S. Callaghan")
    p.line("Flat 6, Corbett House")
    p.line("112 Warwick Road")
    p.line("Banbury")
    p.line("OX16 2AP")
    p.gap(10)
    p.line("24 April 2023")
    p.gap(6)
    p.line("Dear Mr Callaghan,")
    p.gap(4)
    p.line("Re: Maisie Callaghan (DOB 22/09/2009) - contact arrangements", bold=True)
    p.gap(4)
    p.para("Thank you for meeting me on 19 April. As discussed, Maisie has said she would like to see you once "
           "a month at the family centre. I understand that your partner, Ms Tanya Birchall, would like to "
           "attend; Maisie has asked that the first sessions are with you alone, and I have told Ms Birchall "
           "this by telephone.")
    p.para("For our records, you confirmed your date of birth (DOB: 03.03.1984) and National Insurance "
           "number JT 48 62 91 C so that the travel costs can be paid. Shaun, please do not try to find out "
           "where Maisie is living; her carers' address will not be shared.")
    p.para("If you have any questions please contact me on the number below.")
    p.gap(6)
    p.line("Yours sincerely,")
    p.gap(18)
    p.line("Nadia Fairweather")
    p.line("Social Worker, Children in Care Team")
    p.line("Tel: 01865 815000     nadia.fairweather@oxfordshire.gov.uk")
    p.gap(6)
    p.line("cc: Helen Marchetti, Supervising Social Worker (Fostering)")
    p.save(d / "case41_letter_1.pdf")
    docs.append({"file": "case41_letter_1.pdf", "title": "Letter to father with signature block",
                 "must_redact": ["S. Callaghan", "Flat 6, Corbett House 112 Warwick Road Banbury OX16 2AP",
                                 "Mr Callaghan", "Tanya Birchall", "Ms Birchall", "03.03.1984",
                                 "JT 48 62 91 C", "Shaun"],
                 "must_keep": ["Maisie Callaghan", "Maisie", "22/09/2009", "Nadia Fairweather",
                               "01865 815000", "County Hall, New Road, Oxford OX1 1ND", "nadia.fairweather@oxfordshire.gov.uk", "Helen Marchetti"]})  # noqa: E501

    # F. E-mail chain with headers; earlier message written by the foster carer
    p = Doc()
    p.line("From: Helen Marchetti <helen.marchetti@oxfordshire.gov.uk>")
    p.line("Sent: 12 May 2023 09:14")
    p.line("To: Nadia Fairweather <nadia.fairweather@oxfordshire.gov.uk>")
    p.line("Subject: FW: Maisie - weekend respite")
    p.gap()
    p.para("Nadia - see below from Bernie Rourke. I am not comfortable with Maisie staying with the carers' "
           "relative without a check. Can we discuss at supervision? Helen")
    p.line("-----Original Message-----", size=9)
    p.line("From: Bernadette Rourke <bernie.rourke@outlook.com>")
    p.line("Sent: 11 May 2023 21:40")
    p.line("To: Helen Marchetti <helen.marchetti@oxfordshire.gov.uk>")
    p.line("Subject: Maisie - weekend respite")
    p.gap()
    p.para("Hi Helen, Colin and I have a wedding on 27 May. Could Maisie stay that night with my sister Joanne "
           "Keble at 5 Mill Lane, Kidlington, OX5 1QR? Her number is 07700 900789. Maisie knows her well. "
           "Also, Maisie saw Reece in his St Mary's C of E Primary uniform in town last week and was upset "
           "afterwards - should we tell the adoption team?")
    p.para("Thanks, Bernie\nSent from my iPhone")
    p.save(d / "case41_email_1.pdf")
    docs.append({"file": "case41_email_1.pdf", "title": "E-mail chain with headers (foster carer)",
                 "must_redact": ["Bernie Rourke", "Bernadette Rourke", "bernie.rourke@outlook.com", "Bernie",
                                 "Colin", "Joanne Keble", "5 Mill Lane, Kidlington, OX5 1QR", "07700 900789",
                                 "Reece", "St Mary's C of E Primary"],
                 "must_keep": ["Helen Marchetti", "Nadia Fairweather", "helen.marchetti@oxfordshire.gov.uk",
                               "Maisie"]})
    return subj, staff, docs


def case42(d: Path):
    """Jayden Marsh: ICPC minutes with attendee table and ALL-CAPS minute style, legal planning, visit."""
    subj = {"name": "Jayden Marsh", "dob": "05/01/2014", "nhs": J_NHS, "case_ref": "CS-702233"}
    staff = [{"name": "Tomasz Wilk", "role": "Social Worker", "org": "Children's Social Care"}]
    docs = []

    # G. Initial child protection conference minutes
    p = Doc()
    p.head("INITIAL CHILD PROTECTION CONFERENCE - JAYDEN MARSH")
    p.line(f"Date: 14/03/2023     Child: Jayden Marsh (DOB 05/01/2014)     NHS: {J_NHS}")
    p.gap()
    p.table([["Name", "Role", "Agency"],
             ["Anita Desai-Roberts", "Conference Chair", "Safeguarding Unit"],
             ["Tomasz Wilk", "Social Worker", "Children's Social Care"],
             ["Chantelle Marsh", "Mother", "-"],
             ["Pauline Marsh", "Maternal grandmother", "-"],
             ["Daniel Frost", "Solicitor for Ms Marsh", "Frost & Keel Solicitors"],
             ["Gemma Lyle", "Health Visitor", "Oxford Health NHS FT"],
             ["PC 2290 Lauren Hobbs", "Police Constable", "Thames Valley Police"],
             ["Mr Tunde Adeyemi", "Designated Safeguarding Lead", "Northway Primary School"]],
            [170, 170, 155])
    p.line("Not invited: Ricky Dunmore (father of Jayden's half-sister Skye) - see police information.")
    p.gap()
    p.head("Discussion", 11)
    p.para("TOMASZ WILK (SOCIAL WORKER) presented the report. Jayden has missed 31 sessions at Northway "
           "Primary School this term and was found by a neighbour outside the flat at 9pm on 02/03/2023.")
    p.para("CHANTELLE MARSH (MOTHER) said she accepts the house has been chaotic since she split up with "
           "Ricky. She said Jayden is \"her whole world\". MRS MARSH (GRANDMOTHER) offered to have Jayden "
           "after school three days a week.")
    p.para("PC 2290 LAUREN HOBBS reported two domestic incidents at the address involving Mr Dunmore, the "
           "last on 25/02/2023. Gemma Lyle said Skye's development is on track. Mr Adeyemi said Jayden is "
           "a popular boy who loves football.")
    p.head("Decision", 11)
    p.para("Jayden Marsh will be the subject of a child protection plan under the category of neglect. "
           "Daniel Frost asked that Ms Marsh's acceptance of the concerns is recorded.")
    p.save(d / "case42_conference_1.pdf")
    docs.append({"file": "case42_conference_1.pdf", "title": "ICPC minutes, attendee table, ALL-CAPS speakers",
                 "must_redact": ["Chantelle Marsh", "CHANTELLE MARSH", "Pauline Marsh", "MRS MARSH",
                                 "Ricky Dunmore", "Ricky", "Mr Dunmore", "Skye", "Ms Marsh"],
                 "must_keep": ["Jayden Marsh", "Jayden", "05/01/2014", J_NHS, "Anita Desai-Roberts",
                               "Tomasz Wilk", "TOMASZ WILK", "Daniel Frost", "Gemma Lyle", "Lauren Hobbs",
                               "LAUREN HOBBS", "Tunde Adeyemi", "Mr Adeyemi", "Northway Primary School"]})

    # H. Legal planning meeting note
    adv = ["Marcus Obi advised that the threshold criteria in section 31 of the Children Act 1989 are met on "
           "the basis of chronic neglect.",
           "The evidence of the domestic incidents is largely hearsay and the local authority should obtain "
           "the police disclosure before relying on it.",
           "The maternal grandmother should be assessed as a connected person at the outset so that the "
           "court is not asked to delay the timetable.",
           "In his view the prospects of an interim care order being granted now are poor, so the plan "
           "should remain pre-proceedings for twelve weeks."]
    p = Doc()
    p.head("LEGAL GATEWAY / PLANNING MEETING")
    p.line("Legally privileged - prepared for the purpose of obtaining legal advice", size=9, bold=True)
    p.line("Child: Jayden Marsh (05/01/2014)     Date: 04/05/2023")
    p.line("Present: Marcus Obi (Solicitor, Legal Services); Fiona Greaves (Team Manager); Tomasz Wilk (SW)")
    p.gap()
    p.head("Background", 11)
    p.para("Jayden has been subject to a child protection plan since 14/03/2023. Attendance has not improved "
           "and there have been two further police call-outs.")
    p.head("Advice", 11)
    for a in adv:
        p.para(a)
    p.head("Agreed actions", 11)
    p.para("Fiona Greaves to authorise the letter before proceedings. Tomasz Wilk to update the chronology.")
    p.save(d / "case42_legal_1.pdf")
    docs.append({"file": "case42_legal_1.pdf", "title": "Legal planning meeting note",
                 "must_redact": adv, "must_keep": []})

    # I. Home visit narrative: unspaced phone, NHS number without cue, "born ..." DOBs, possessives, split name
    p = Doc()
    p.head("Home Visit Record (unannounced)")
    p.line("Child: Jayden Marsh     Visit: 22/03/2023     Worker: Tomasz Wilk")
    p.gap()
    p.para("I visited the flat with Gemma Lyle (Health Visitor). Chantelle answered the door. She gave a new "
           "mobile, 07700900123, and e-mail chantelle.marsh94@hotmail.co.uk. Jayden (born 5 January 2014) "
           "was at school. Skye (born 19 October 2019) was in her cot; Gemma Lyle weighed her and updated "
           f"the red book ({S_NHS.replace(' ', '')} on the front page - Skye's number, not Jayden's).")
    p.para("Chantelle said Ricky's mother, Mrs Yvonne Dunmore, has been coming round and \"stirring things\". "
           "Mr Dunmore's new address is 41 Sorrel\nRoad, Abingdon OX14 3WQ. Chantelle's sister Kayleigh "
           "Marsh also visits (her number is 07700\n900582); Chantelle describes her as her \"rock\". Later Jayden's nan, Pauline\nMarsh, "  # noqa: E501
           "arrived and said she collects Jayden from Northway Primary School on Tuesdays.")
    p.para("Jayden's own NHS number is " + J_NHS + ". I will share this record with Fiona Greaves.")
    p.save(d / "case42_visit_1.pdf")
    docs.append({"file": "case42_visit_1.pdf", "title": "Home visit narrative",
                 "must_redact": ["Chantelle", "07700900123", "chantelle.marsh94@hotmail.co.uk", "Skye",
                                 "19 October 2019", S_NHS.replace(" ", ""), "Ricky", "Yvonne Dunmore",
                                 "Mr Dunmore", "41 Sorrel Road, Abingdon OX14 3WQ", "Kayleigh Marsh", "07700 900582",
                                 "Pauline Marsh"],
                 "must_keep": ["Jayden Marsh", "Jayden", "5 January 2014", "Tomasz Wilk", "Gemma Lyle",
                               "Northway Primary School", J_NHS, "Fiona Greaves"]})
    return subj, staff, docs


def case43(d: Path):
    """Ruby Ellington: CAMHS letter, return-home interview Q&A, family-composition table."""
    subj = {"name": "Ruby Ellington", "dob": "30/11/2008", "nhs": R_NHS, "case_ref": "CS-813540"}
    staff = [{"name": "Imogen Clarke", "role": "Social Worker", "org": "Adolescent Service"},
             {"name": "Marek Nowicki", "role": "Team Manager", "org": "Adolescent Service"}]
    docs = []

    # J. CAMHS clinic letter from an external clinician, signature block
    p = Doc()
    p.line("Didcot CAMHS, Oxford Health NHS Foundation Trust", size=9, bold=True)
    p.gap(8)
    p.line("Dr Lorna Fitch")
    p.line("Ladygrove Surgery")
    p.line("Didcot OX11 9BN")
    p.gap(8)
    p.line("Date: 06/06/2023")
    p.line(f"Re: Ruby Ellington, DOB 30/11/2008, NHS No {R_NHS}", bold=True)
    p.gap(6)
    p.line("Dear Dr Fitch,")
    p.gap(4)
    p.para("I saw Ruby in clinic today with her social worker, Imogen Clarke. Ruby described low mood for about "
           "six months. She attributes much of this to arguments at home with her mother, Mrs Ellington, and "
           "to her relationship with her boyfriend Connor, who is 19. Ruby says Connor is \"the only one who "
           "gets me\"; she has been staying at his flat some nights without telling Donna.")
    p.para("I have started Ruby on a low dose of sertraline and will review her in four weeks. Ruby agreed "
           "to this plan.")
    p.gap(4)
    p.line("Yours sincerely,")
    p.gap(16)
    p.line("Dr Samuel Achebe")
    p.line("Consultant Child and Adolescent Psychiatrist")
    p.line("cc: Imogen Clarke, Social Worker, Adolescent Service")
    p.save(d / "case43_camhs_1.pdf")
    docs.append({"file": "case43_camhs_1.pdf", "title": "CAMHS clinic letter",
                 "must_redact": ["Mrs Ellington", "Connor", "Donna"],
                 "must_keep": ["Ruby Ellington", "Ruby", "30/11/2008", R_NHS, "Lorna Fitch", "Dr Fitch",
                               "Ladygrove Surgery", "Imogen Clarke", "Samuel Achebe",
                               "Consultant Child and Adolescent Psychiatrist", "Didcot OX11 9BN"]})

    # K. Return-home interview, Q/A in two columns, partner details, ALL-CAPS name heading
    p = Doc()
    p.head("RETURN HOME INTERVIEW - MISSING EPISODE 28/05/2023")
    p.line("Young person: Ruby Ellington (DOB 30/11/2008)     Interviewer: Imogen Clarke")
    p.line("Police reference: DC 5108 Harriet Quinn, Thames Valley Police (Missing Person Unit)")
    p.gap()
    p.head("PERSON OF CONCERN: CONNOR WHITLOCK", 11)
    p.pairs([("Name:", "Connor James Whitlock (\"Con\")"), ("DOB:", "12.04.2004"),
             ("Address:", "Flat 3\n18 Kingfisher Way\nDidcot\nOX11 7PL"),
             ("Mobile:", "+44 7700 900456"), ("Vehicle:", "Silver Corsa, FD19 XKR")])
    p.table([["Question", "Ruby's answers"],
             ["Where did you go?", "To Con's flat. His mate Shannon Pike was there too, she gave me a lift "
                                   "back on Sunday."],
             ["Did anyone hurt you?", "No. Connor shouted at me when I said I wanted to go home but he "
                                      "didn't hurt me."],
             ["How can we contact you?", "My new e-mail is ruby.e2008@gmail.com. Shannon's number is "
                                         "07700 900654 if my phone is dead."],
             ["Anything else?", "I don't want Mum to know about Con. Ruby asked for Harriet Quinn to be "
                                "told she is safe."]], [150, 345])
    p.para("Imogen Clarke will discuss the interview with Marek Nowicki and share it with DC 5108 Harriet Quinn. "
           "Concern: Mr Whitlock is 19 and Ruby is 14.")
    p.save(d / "case43_rhi_1.pdf")
    docs.append({"file": "case43_rhi_1.pdf", "title": "Return-home interview, Q/A table",
                 "must_redact": ["CONNOR WHITLOCK", "Connor James Whitlock", "Con", "12.04.2004",
                                 "Flat 3 18 Kingfisher Way Didcot OX11 7PL", "+44 7700 900456", "FD19 XKR",
                                 "Shannon Pike", "Shannon", "07700 900654", "Connor", "Mr Whitlock"],
                 "must_keep": ["Ruby Ellington", "Ruby", "30/11/2008", "Imogen Clarke", "Harriet Quinn",
                               "Marek Nowicki", "ruby.e2008@gmail.com"]})

    # L. Family composition table (assessment), mixed DOB formats, NHS with cue
    p = Doc()
    p.head("Child and Family Assessment - Family Composition")
    p.line("Subject: RUBY ELLINGTON     Assessment start: 12/06/2023     Worker: Imogen Clarke")
    p.gap()
    p.table([["Name", "Relationship", "Date of birth", "NHS number", "Address"],
             ["Ruby Ellington", "Subject", "30/11/2008", R_NHS, "9 Foxglove Road, Wantage OX12 8DS"],
             ["Donna Ellington", "Mother", "21/07/1981", D_NHS, "9 Foxglove Road, Wantage OX12 8DS"],
             ["Liam Ellington", "Brother", "born 2 May 2012", L_NHS, "9 Foxglove Road, Wantage OX12 8DS"],
             ["Craig Ellington", "Father", "DOB: 09.12.1979", "not known", "HMP Bullingdon"],
             ["Connor Whitlock", "Boyfriend", "12/04/2004", "-", "Didcot"]],
            [95, 70, 80, 85, 165])
    p.head("Professionals involved", 11)
    p.table([["Name", "Role"],
             ["Imogen Clarke", "Social Worker, Adolescent Service"],
             ["Dr Samuel Achebe", "Consultant Psychiatrist, Didcot CAMHS"],
             ["Mr Oliver Stanton", "Head of Year 9, King Alfred's Academy"],
             ["Dr Lorna Fitch", "GP, Ladygrove Surgery"]], [170, 325])
    p.para("Mrs Ellington works as a care assistant. Craig is in custody until 2025 and Ruby speaks to him by "
           "phone. Liam, who is eleven, told me Ruby \"is always out\".")
    p.save(d / "case43_family_1.pdf")
    docs.append({"file": "case43_family_1.pdf", "title": "Family composition table",
                 "must_redact": ["Donna Ellington", "21/07/1981", D_NHS, "Liam Ellington", "2 May 2012", L_NHS,
                                 "Craig Ellington", "09.12.1979", "Connor Whitlock", "12/04/2004",
                                 "Mrs Ellington", "Craig", "Liam"],
                 "must_keep": ["Ruby Ellington", "30/11/2008", R_NHS, "Imogen Clarke", "Samuel Achebe",
                               "Oliver Stanton", "King Alfred's Academy", "Lorna Fitch", "Ladygrove Surgery",
                               "Social Worker, Adolescent Service", "Consultant Psychiatrist, Didcot CAMHS",
                               "9 Foxglove Road, Wantage OX12 8DS"]})
    return subj, staff, docs


def build(corpus: Path) -> dict:
    return write_corpus(corpus, [(40, case40), (41, case41), (42, case42), (43, case43)])


# --------------------------------------------------------------------------- failures in detail


def detail(corpus: Path, out: Path, truth: dict, sc) -> None:
    """Every leak (with the surviving words) and every over-redaction, per document style."""
    for case in truth["cases"]:
        for doc in case["documents"]:
            src, _ = sc.text_of(corpus / doc["file"])
            path = out / doc["file"]
            txt = sc.text_of(path)[0] if path.exists() else ""
            lines = []
            for s in doc["must_redact"]:
                n = sc.count(s, src)
                m = sc.leaked(s, n, txt)
                if m:
                    if sc.count(s, txt):
                        why = "survives whole"
                    else:
                        why = "window survives: " + "; ".join(repr(w) for w in sc.windows(s) if sc.count(w, txt))
                    lines.append(f"  LEAK {s!r} {m}/{n} - {why}")
                elif len(s.split()) >= 3:
                    parts = [w for w in s.split() if sc.count(w, txt) and (w[0].isupper() or w[0].isdigit())]
                    if parts:
                        lines.append(f"  (partial, not a leak) {s!r}: words still visible {parts}")
            for s in doc["must_keep"]:
                n = sc.count(s, src)
                m = sc.count(s, txt)
                if m < n:
                    lines.append(f"  OVER {s!r} kept {m}/{n}")
            print(f"{doc['file']} [{doc['title']}]")
            print("\n".join(lines) if lines else "  clean")


if __name__ == "__main__":
    main(__doc__.splitlines()[0], build, detail)
