# ruff: noqa: E501 - the templates below are page text, laid out as it will be rendered
"""A held-out corpus of synthetic case records in styles the shared sample does not use.

Each generated case is a bundle of PDFs (chronology table, ALL-CAPS case note, letter, meeting
minutes with an inline attendee list, placement record, a legal-gateway page and a case note with a
legal passage, an e-mail), with invented people, addresses and numbers drawn from pools written
here. Templates mark text with ``[[R:...]]`` (must be redacted) and ``[[K:...]]`` (must be kept);
the factory strips the markup, renders the PDF with PyMuPDF and records the truth in the same shape
as ``/work/shared/fixtures/redaction-sample/truth.json``, so :func:`score` applies the same rules as
``/work/shared/tools/score_redaction.py``.
"""

from __future__ import annotations

import json
import random
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

FIRST_F = [
    "Priya",
    "Niamh",
    "Keisha",
    "Imogen",
    "Zainab",
    "Freya",
    "Bethan",
    "Aisha",
    "Marta",
    "Oksana",
    "Rosalind",
    "Tamsin",
    "Yasmin",
    "Ffion",
    "Agnieszka",
    "Chidinma",
    "Leonie",
    "Harriet",
    "Orla",
    "Saoirse",
    "Ingrid",
]
FIRST_M = [
    "Tomasz",
    "Declan",
    "Callum",
    "Rhys",
    "Ewan",
    "Hamza",
    "Kacper",
    "Lewis",
    "Oluwaseun",
    "Fergus",
    "Dmitri",
    "Caspar",
    "Idris",
    "Lorcan",
    "Mateusz",
    "Ruairi",
    "Tobias",
    "Emeka",
    "Anselm",
    "Bartosz",
    "Cormac",
]
SURNAMES = [
    "Okafor",
    "Kowalski",
    "Halloran",
    "Pritchard",
    "Nwosu",
    "Szymanski",
    "Fairbairn",
    "Quigley",
    "Lindqvist",
    "Oyelaran",
    "Trevithick",
    "Abernethy",
    "Castellano",
    "Dunmore",
    "MacLeod",
    "Achterberg",
    "Penhaligon",
    "Ravenscroft",
    "Mbeki",
    "Ostrowski",
    "Delacroix",
    "Hargreaves",
    "Featherstone",
    "Kilbride",
    "Varga",
    "Baptiste",
    "Oduya",
    "Tremayne",
    "Wojcik",
    "Cavendish",
    "Ellison",
    "Haverford",
    "Montague",
    "Gallagher",
]
TOWNS = [
    "Kendal",
    "Hexham",
    "Ludlow",
    "Frome",
    "Penrith",
    "Malton",
    "Bude",
    "Ripon",
    "Thirsk",
    "Alnwick",
    "Settle",
]
STREETS = [
    "Mill Lane",
    "Orchard Close",
    "Victoria Road",
    "Station Approach",
    "Chapel Street",
    "Beech Grove",
    "Kingfisher Way",
    "Abbey Gardens",
    "Quarry Rise",
    "Tannery Court",
    "Foundry Terrace",
    "Willow Crescent",
]
SCHOOLS = [
    "Fellside Primary School",
    "St Aidan's Academy",
    "Brackenwood Junior School",
    "Riverside Infant School",
    "Castlegate Primary",
    "Moorfield Community School",
    "Heronsgate Academy",
    "Lowther CE Primary School",
]
PRACTICES = ["Eden Valley Surgery", "Market Street Medical Practice", "Tynedale Health Centre"]
DOMAINS = ["gmail.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com"]
# Postcode letters allowed by the strict UK format (inward code letters exclude C I K M O V).
_IN = "ABDEFGHJLNPQRSTUWXYZ"
_AREAS = ["LA", "NE", "SY", "BA", "CA", "YO", "EX", "HG", "TD", "DL"]


def postcode(rng: random.Random) -> str:
    """A postcode in a valid format (area + district, space, sector + unit)."""
    return f"{rng.choice(_AREAS)}{rng.randint(1, 20)} {rng.randint(1, 9)}{rng.choice(_IN)}{rng.choice(_IN)}"


def nhs_number(rng: random.Random, valid: bool = True) -> str:
    """A 10-digit NHS number, with a correct mod-11 check digit when ``valid``."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        digits[0] = rng.randint(4, 9)
        total = sum(d * (10 - i) for i, d in enumerate(digits))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        if check == 10:
            continue
        if not valid:
            check = (check + 3) % 10
        s = "".join(map(str, digits + [check]))
        return f"{s[:3]} {s[3:6]} {s[6:]}"


def nino(rng: random.Random) -> str:
    """A National Insurance number with a prefix Presidio accepts."""
    prefix = rng.choice(["JT", "PR", "SN", "WL", "HE", "EB", "AB", "TW"])
    return f"{prefix} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.choice('ABCD')}"


def mobile(rng: random.Random) -> str:
    """A UK mobile number in one of the spacings case notes use."""
    n = f"07{rng.randint(100, 999)}{rng.randint(100000, 999999)}"
    return rng.choice([f"{n[:5]} {n[5:]}", f"{n[:5]} {n[5:8]} {n[8:]}", n])


def landline(rng: random.Random) -> str:
    """A UK landline, area code 01xxx."""
    return f"01{rng.randint(200, 999)} {rng.randint(100000, 999999)}"


def date(rng: random.Random, y0: int, y1: int) -> str:
    """A DD/MM/YYYY date between years ``y0`` and ``y1``."""
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(y0, y1)}"


@dataclass
class Cast:
    """The invented people of one case."""

    rng: random.Random
    names: dict[str, str] = field(default_factory=dict)

    def person(self, key: str, female: bool, surname: str | None = None) -> tuple[str, str]:
        """Pick an unused first name (and a surname) for role ``key``."""
        used = {v.split()[0] for v in self.names.values()}
        pool = [n for n in (FIRST_F if female else FIRST_M) if n not in used]
        first = self.rng.choice(pool)
        used_s = {v.split()[-1] for v in self.names.values()}
        last = surname or self.rng.choice([s for s in SURNAMES if s not in used_s])
        self.names[key] = f"{first} {last}"
        return first, last


def _address(rng: random.Random) -> str:
    return f"{rng.randint(2, 199)} {rng.choice(STREETS)}, {rng.choice(TOWNS)} {postcode(rng)}"


def build_case(seed: int) -> dict:
    """Return ``{"subject", "staff", "documents": [{"file", "pages": [str], "must_redact", "must_keep"}]}``."""
    rng = random.Random(seed)
    cast = Cast(rng)
    s_first, s_last = cast.person("subject", rng.random() < 0.5)
    subject = f"{s_first} {s_last}"
    s_dob = date(rng, 2006, 2012)
    s_nhs = nhs_number(rng)
    share = rng.random() < 0.5
    m_first, m_last = cast.person("mother", True, s_last if share else None)
    f_first, f_last = cast.person("father", False)
    p_first, p_last = cast.person("partner", False)
    sib_first, _ = cast.person("sibling", rng.random() < 0.5, s_last)
    n_first, n_last = cast.person("neighbour", True)
    c1_first, c_last = cast.person("carer1", True)
    c2_first, _ = cast.person("carer2", False, c_last)
    sw = " ".join(cast.person("sw", True))
    tm = " ".join(cast.person("tm", False))
    iro = " ".join(cast.person("iro", True))
    fsw = " ".join(cast.person("fsw", False))
    teacher = " ".join(cast.person("teacher", True))
    police = " ".join(cast.person("police", False))
    gp = " ".join(cast.person("gp", True))
    hv = " ".join(cast.person("hv", True))
    lawyer = " ".join(cast.person("lawyer", False))
    school = rng.choice(SCHOOLS)
    adopt_school = rng.choice([s for s in SCHOOLS if s != school])
    practice = rng.choice(PRACTICES)
    f_addr, c_addr = _address(rng), _address(rng)
    f_phone, c_phone, m_phone = mobile(rng), landline(rng), mobile(rng)
    f_dob, p_dob, sib_dob = date(rng, 1975, 1992), date(rng, 1970, 1990), date(rng, 2013, 2018)
    p_nino, m_nhs, p_nhs_bad = nino(rng), nhs_number(rng), nhs_number(rng, valid=False)
    p_email = f"{p_first.lower()}.{p_last.lower()}{rng.randint(10, 99)}@{rng.choice(DOMAINS)}"
    sw_email = f"{sw.lower().replace(' ', '.')}@northshire.gov.uk"
    hv_email = f"{hv.lower().replace(' ', '.')}@nhs.net"
    ref = f"CR{rng.randint(100000, 999999)}"
    mother_full = f"{m_first} {m_last}"
    d = lambda: date(rng, 2019, 2023)  # noqa: E731

    R = lambda s: f"[[R:{s}]]"  # noqa: E731, N806
    K = lambda s: f"[[K:{s}]]"  # noqa: E731, N806
    docs = {}
    docs["chronology"] = [
        f"""CHRONOLOGY OF SIGNIFICANT EVENTS
Child: {K(subject)}    D.O.B. {K(s_dob)}    Ref: {ref}
Date         Event                                                              Source
{d()}   Referral from {R(f"Mrs {n_last}")} (neighbour) who reported shouting at the home.      MASH
{d()}   Home visit by {K(sw)}. {R(mother_full)} said that {R(p_first)} had left the home.   Social Worker
{d()}   {R(f_first + " " + f_last)}'s address is now {R(f_addr)}; he gave {R(f_phone)} as his number.   Police
{d()}   Strategy discussion chaired by {K(tm)}. DC {K(police)} shared that {R(p_first + " " + p_last)}
             (born {R(p_dob)}) has a caution for common assault.                            Police
{d()}   {K(s_first)} seen alone at school by {K(teacher)}, Class Teacher at {K(school)}.      Education
{d()}   {R(sib_first)} ({R(sib_dob)}) attended the clinic with {R(m_first)}. Seen by {K(hv)}, Health
             Visitor. {K(s_first)}'s NHS number {K(s_nhs)} confirmed.                        Health
"""
    ]
    docs["casenote"] = [
        f"""CASE NOTE - HOME VISIT
CHILD: {K(subject.upper())}
WORKER: {K(sw.upper())} (SOCIAL WORKER)
MOTHER: {R(mother_full.upper())}
MOTHER'S PARTNER: {R((p_first + " " + p_last).upper())}
I VISITED THE HOME TODAY. {R(m_first.upper())} WAS TIRED AND SAID THAT {R(p_last.upper())} HAD NOT BEEN HOME FOR
TWO DAYS. {R(p_first)}'s mobile is {R(mobile(rng))} and his National Insurance number is {R(p_nino)}.
{K(s_first)} told me that {R(p_first)} shouts at {R(m_first)}. Mr {R(p_last)} was not present.
I will discuss this with my manager {K(tm)} on my return to the office.
"""
    ]
    docs["letter"] = [
        f"""Northshire County Council - Children's Services
Dear {R(f"Ms {n_last}")},
Thank you for your call on {d()} about {K(s_first)}. I understand your concerns about the family.
{R(f"{f_first} {f_last}")}, {K(s_first)}'s father, has told us that he now lives at {R(f_addr)} and can be
reached on {R(f_phone)}. His date of birth is {R(f_dob)}.
{R(f"{m_first}")} has asked that her mobile {R(m_phone)} is not shared with anyone.
Yours sincerely,
{K(fsw)}
Family Support Worker
"""
    ]
    docs["minutes"] = [
        f"""Child Protection Conference - Minutes
Present: {K(iro)} (Independent Reviewing Officer, Chair), {K(sw)} (Social Worker), {K(teacher)}
(Class Teacher), Dr {K(gp)} (GP, {K(practice)}), {K(hv)} (Health Visitor)
Family: {R(mother_full)} (mother), {R(f"{f_first} {f_last}")} (father)
Dr {K(gp.split()[-1])} reported that {R(m_first)}'s NHS number is {R(m_nhs)} and that {R(p_first)} {R(p_last)}'s
NHS number is {R(p_nhs_bad)}; neither has attended recent appointments.
{K(teacher)} said {K(s_first)}'s attendance at {K(school)} is 86%.
{R(f"{p_first} {p_last}")}'s email {R(p_email)} was used to send the invitation. {K(sw)}
can be contacted at {K(sw_email)} and {K(hv)} at {K(hv_email)}.
Decision: {K(s_first)} to be subject to a Child Protection Plan under the category of neglect.
"""
    ]
    docs["placement"] = [
        f"""PLACEMENT RECORD
Name: {K(subject)}    DOB: {K(s_dob)}    NHS no: {K(s_nhs)}
{K(s_first)} moved on {d()} to the home of {R(c1_first)} and {R(c2_first + " " + c_last)} (foster carers).
Placement address: {R(c_addr)}. Carers' landline: {R(c_phone)}.
{K(s_first)}'s sister {R(sib_first)} has been placed for adoption and now attends {R(adopt_school)}.
{K(s_first)} is registered at {K(practice)} and continues at {K(school)}.
Reviewed by {K(iro)}, IRO, on {d()}.
"""
    ]
    docs["legalgateway"] = [
        f"""LEGAL GATEWAY MEETING
Child: {subject}    Date: {d()}
Attendees: {tm} (Team Manager), {lawyer} (Solicitor, Legal Services)
{R("The threshold for care proceedings is likely to be crossed on the evidence of neglect.")}
{R("The local authority should issue an application for an interim care order within two weeks.")}
{R("Further expert assessment of the mother's capacity should be commissioned before the hearing.")}
"""
    ]
    docs["legalpassage"] = [
        f"""Supervision record
Supervisee: {K(sw)}    Supervisor: {K(tm)}
Case discussion: {K(subject)}. {K(s_first)} is settled and attending school well.

{R("Legal Services advised that the local authority should not share the expert report with the father")}
{R("until the court has given permission to disclose it to him.")}

Actions: {K(sw)} to visit {K(s_first)} within ten working days.
"""
    ]
    # Names broken over a line and a possessive; an e-mail with work addresses.
    docs["email"] = [
        f"""From: {K(sw)} <{K(sw_email)}>
To: {K(hv)} <{K(hv_email)}>
Subject: {K(s_first)} - update
Hi {K(hv.split()[0])}, I spoke to {K(s_first)}'s mother today. She told me that {R(p_first)}
{R(p_last)} has moved back in and that {R(p_first)}'s mobile is {R(mobile(rng))}.
Kind regards,
{K(sw)}
Social Worker, Northshire Children's Services
"""
    ]
    # Style B: cell-per-line tables, capitals without cues, names broken over lines, surname-only
    # references, addresses without postcodes, legal advice under a heading, adoption told over two
    # sentences. Added after the engine handled style A, so it is a second, harder look.
    sib_pron = "She" if sib_first in FIRST_F else "He"
    split = lambda name: name.replace(" ", "\n", 1)  # noqa: E731 - a name broken over two lines
    docs["familytable"] = [f"""Family composition
Name
Relationship
Date of birth
{K(subject)}
Subject
{K(s_dob)}
{R(mother_full)}
Mother
{R(date(rng, 1978, 1994))}
{R(f_first + " " + f_last)}
Father
{R(f_dob)}
{R(sib_first)} {s_last}
Half-sibling
{R(sib_dob)}
"""]
    docs["chronotable"] = [f"""Chronology
Date
Event
Recorded by
{d()}
Anonymous call. Caller said {R(split(p_first + " " + p_last))} was seen leaving the house at 2am.
{K(sw)}
{d()}
{R("Mr " + f_last)} telephoned and asked for {K(s_first)}'s school reports. {R("Mr " + f_last)}'s tone was angry.
{K(fsw)}
{d()}
{R(p_first.upper() + " " + p_last.upper())} ARRIVED DURING THE VISIT AND REFUSED TO LEAVE.
{K(sw)}
"""]
    docs["carers"] = [f"""Placement plan
Young person: {K(subject)}
Carers: Mr and Mrs {R(c_last)}
Address: {R(f"{rng.randint(2, 199)} {rng.choice(STREETS)}, {rng.choice(TOWNS)}")}
Tel: {R(landline(rng))}
{R(sib_first)} was placed for adoption last year. {sib_pron} now attends {R(adopt_school)}.
Social worker: {K(sw)}
"""]
    docs["cpminutes"] = [f"""Review Child Protection Conference
Chair: {K(iro)}
Minute taker: {K(fsw)}
Discussion
{K(s_first)} continues to attend {K(school)}. {K(teacher)} (Head of Year) said attendance has improved.
{R(m_first)} said {R(p_first)} now lives at {R(f"{rng.randint(2, 199)} {rng.choice(STREETS)}, {rng.choice(TOWNS)}")}.
Legal advice
{R("The local authority should now consider the Public Law Outline pre-proceedings process.")}
{R("A letter before proceedings should be sent within two weeks.")}
Plan
{K(sw)} to visit fortnightly.
"""]
    staff = [
        {"name": sw, "role": "Social Worker"},
        {"name": tm, "role": "Team Manager"},
        {"name": iro, "role": "Independent Reviewing Officer"},
    ]
    out_docs = []
    for kind, pages in docs.items():
        texts, redact, keep = [], [], []
        for page in pages:
            plain = page
            for tag, bucket in (("R", redact), ("K", keep)):
                for m in re.finditer(r"\[\[" + tag + r":(.*?)\]\]", plain, re.S):
                    if m.group(1):
                        bucket.append(m.group(1))
            plain = re.sub(r"\[\[[RK]:(.*?)\]\]", r"\1", plain, flags=re.S)
            texts.append(plain)
        out_docs.append(
            {
                "file": f"heldout{seed:02d}_{kind}.pdf",
                "pages": texts,
                "must_redact": sorted(set(redact)),
                "must_keep": sorted(set(keep)),
            }
        )
    return {
        "case": seed,
        "subject": {"name": subject, "dob": s_dob, "nhs": s_nhs},
        "staff": staff,
        "documents": out_docs,
    }


def render_pdf(pages: list[str], path: Path) -> None:
    """Write ``pages`` as an A4 PDF, one line per text line, wrapping long lines at 100 characters."""
    import pymupdf

    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page(width=595, height=842)
        y = 60.0
        for raw in text.split("\n"):
            for line in textwrap.wrap(raw, 100) or [""]:
                if y > 800:
                    page = doc.new_page(width=595, height=842)
                    y = 60.0
                page.insert_text((40, y), line, fontname="helv", fontsize=9)
                y += 13
    doc.set_metadata({})
    path.write_bytes(doc.tobytes(garbage=4, deflate=True))
    doc.close()


def build_corpus(directory: Path, seeds: range | list[int] = range(3)) -> list[dict]:
    """Render the held-out corpus into ``directory`` with ``truth.json`` and per-case context files."""
    directory.mkdir(parents=True, exist_ok=True)
    cases = []
    for seed in seeds:
        case = build_case(seed)
        for doc in case["documents"]:
            render_pdf(doc.pop("pages"), directory / doc["file"])
        ctx = {"subject": case["subject"], "staff": case["staff"]}
        (directory / f"heldout{seed:02d}.context.json").write_text(json.dumps(ctx, indent=2))
        cases.append(case)
    (directory / "truth.json").write_text(json.dumps({"cases": cases}, indent=2))
    return cases


# -- scoring: the rules of /work/shared/tools/score_redaction.py -------------------------------


def _text_of(path: Path) -> str:
    import pymupdf

    with pymupdf.open(path) as d:
        t = " ".join(p.get_text() for p in d)
    return re.sub(r"\s+", " ", t)


def _count(s: str, text: str) -> int:
    s = re.sub(r"\s+", " ", s)
    return len(re.findall(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text))


def _windows(s: str) -> list[str]:
    words = re.sub(r"\s+", " ", s).strip().split(" ")
    if len(words) <= 2:
        return [" ".join(words)]
    k = 4 if len(words) >= 8 else 3
    return [" ".join(words[i : i + k]) for i in range(len(words) - k + 1)]


def _leaked(s: str, n: int, text: str) -> int:
    full = min(_count(s, text), n)
    if full or len(s.split()) <= 2:
        return full
    return n if any(_count(w, text) for w in _windows(s)) else 0


def score(corpus: Path, redacted: Path) -> dict:
    """Leak and keep rates of ``redacted`` against ``corpus/truth.json`` (same rules as the shared scorer)."""
    truth = json.loads((corpus / "truth.json").read_text())
    leaks = total_r = kept = total_k = 0
    leak_examples, over_examples = [], []
    for case in truth["cases"]:
        for doc in case["documents"]:
            src = _text_of(corpus / doc["file"])
            out_path = redacted / doc["file"]
            out = _text_of(out_path) if out_path.exists() else ""
            for s in set(doc["must_redact"]):
                n = _count(s, src)
                total_r += n
                m = _leaked(s, n, out) if out_path.exists() else n
                leaks += m
                if m:
                    leak_examples.append(f"{doc['file']}: {s!r}")
            for s in set(doc["must_keep"]):
                n = _count(s, src)
                total_k += n
                m = _count(s, out)
                kept += min(m, n)
                if m < n:
                    over_examples.append(f"{doc['file']}: {s!r} {m}/{n}")
    return {
        "must_redact_occurrences": total_r,
        "leaked": leaks,
        "leak_rate": round(leaks / total_r, 4) if total_r else 0.0,
        "must_keep_occurrences": total_k,
        "kept": kept,
        "keep_rate": round(kept / total_k, 4) if total_k else 1.0,
        "leak_examples": leak_examples[:20],
        "over_redaction_examples": over_examples[:20],
    }
