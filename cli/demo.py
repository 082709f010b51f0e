"""Demo data: four logins, a staff directory and requests across every regime, with synthetic case records.

Everything here goes through the ordinary use cases (open, clock events, documents, redaction
decisions, submission), so the demo exercises the same rules as real use. Every name, address,
telephone number and reference below is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from redaction.pdf_compose import text_pdf
from sar.accounts import users
from sar.bundle import documents, redactions
from sar.core.db import utcnow
from sar.core.settings import Settings
from sar.intake import clock, parties, requests, voice
from sar.models import Party, Request, StaffMember, User
from sar.release import approvals
from sar.workflow import transitions

#: One password for every demo login (printed by :func:`banner`; demo only).
DEMO_PASSWORD = "demo-password-1"
DEMO_DOMAIN = "demo.sardesk.test"

_USERS = (
    ("officer", "Priya Shah", "Information Rights Officer"),
    ("manager", "Martin Cole", "Information Governance Manager"),
    ("admin", "Sam Okafor", "System Administrator"),
    ("requester", "Rachel Moore", None),
)
_DIRECTORY = (
    ("Daniel Hughes", "Social Worker", "Children's Social Care"),
    ("Fiona Grant", "Team Manager", "Children's Social Care"),
    ("Mark Ellis", "Independent Reviewing Officer", "Children's Services"),
    ("Dr Helen Park", "Community Paediatrician", "Example Community Health NHS Trust"),
    ("Nadia Rahman", "Designated Safeguarding Lead", "Hillside Primary School"),
    ("PC Owen Price", "Police Constable", "Example Police"),
)


def demo_email(role: str) -> str:
    """The demo login for a role, e.g. ``officer@demo.sardesk.test``."""
    return f"{role}@{DEMO_DOMAIN}"


# ------------------------------------------------------------------------------------------------
# Synthetic case records


def _visit_record(child: str, dob: str, parent: str, partner: str, phone: str, *, his: str = "his",
                  he: str = "he") -> bytes:
    first = child.split()[0]
    return text_pdf([
        f"Date of visit: 14/01/2026\nChild: {child} (DOB {dob})\nWorker: Daniel Hughes, Social Worker\n\n"
        f"## Purpose of visit\nStatutory child in need visit to see {first} at home and review the plan.\n\n"
        f"## Observations\n{first} was at home with {parent}. {parent}'s partner {partner} arrived during "
        f"the visit and stayed in the kitchen. {first} showed me {his} bedroom and {his} drawings from school. "
        f"The house was warm and there was food in the fridge.\n\n"
        f"{partner} told me he is now living at the address most nights. He gave his mobile number as "
        f"{phone}. {first} said {he} likes {partner.split()[0]} but does not like it when there is shouting.\n\n"
        f"## Child's views\n{first} said school is \"OK\" and that Mrs Rahman helps at lunchtime.\n\n"
        f"## Analysis and actions\nDaniel Hughes to discuss the change in household with Fiona Grant, "
        f"Team Manager. Request police checks on {partner}. Next visit within 10 working days.",
    ], title="Home visit record")


def _review_minutes(child: str, parent: str, neighbour: str, *, his: str = "his") -> bytes:
    first = child.split()[0]
    return text_pdf([
        f"Child in need review meeting\nChild: {child}\nChair: Mark Ellis, Independent Reviewing Officer\n"
        f"Present: {parent} (mother), Daniel Hughes (Social Worker), Nadia Rahman (Hillside Primary School)\n\n"
        f"## Progress\nAttendance at school has improved to 94%. {first} has been seen by Dr Helen Park, "
        f"Community Paediatrician, about {his} sleep.\n\n"
        f"## Concerns raised\nA neighbour, {neighbour}, contacted the duty team on 2 January to report "
        f"shouting late at night. {neighbour} asked that their name is not shared with the family.\n\n"
        f"## Decision\nThe plan continues for three months. Review date: 20/04/2026.",
        f"## Actions\n1. Daniel Hughes to visit fortnightly.\n2. {parent} to attend the parenting course.\n"
        f"3. School to share attendance monthly.\n\nSigned: Mark Ellis, Independent Reviewing Officer",
    ], title="Review meeting minutes")


def _placement_record(child: str, carer: str, address: str) -> bytes:
    return text_pdf([
        f"Placement record\nYoung person: {child}\nPlacement type: foster care (long term)\n\n"
        f"## Placement details\nCarer: {carer}\nAddress: {address}\n"
        f"Start date: 03/09/2018\nEnd date: 21/05/2021 (moved to supported lodgings)\n\n"
        f"## Notes\n{child} settled well with {carer} and kept contact with his sister. "
        f"The placement ended as planned when he turned 18.",
    ], title="Placement record")


def _statistics_table() -> bytes:
    return text_pdf([
        "Children placed in residential care outside the county, 2025\n\n"
        "Quarter    Children placed    Total weekly cost\n"
        "Q1         14                 £71,400\n"
        "Q2         16                 £83,200\n"
        "Q3         15                 £79,500\n"
        "Q4         17                 £90,100\n\n"
        "Source: placements team quarterly returns. Figures under 5 are not shown to protect identities.",
    ], title="Out-of-county residential placements 2025")


def _strategy_notes(child: str, adult: str) -> bytes:
    return text_pdf([
        f"Strategy discussion (s.47 Children Act 1989)\nChild: {child}\n"
        f"Attendees: Fiona Grant (Team Manager), PC Owen Price (Example Police), Dr Helen Park\n\n"
        f"## Information shared\nPolice are investigating an allegation against {adult}. "
        f"The council holds records of three home visits where {adult} was present.\n\n"
        f"## Decision\nSingle agency s.47 enquiry by children's social care; police to lead the criminal "
        f"investigation. Information to be shared under DPA 2018 Sch 2 Part 1 para 2.",
    ], title="Strategy discussion notes")


# ------------------------------------------------------------------------------------------------
# Loading


@dataclass(frozen=True)
class _Spec:
    key: str
    description: str
    requester: str
    email: str | None
    days_ago: int
    channel: str
    subject: str | None = None
    subject_dob: date | None = None
    regime: str | None = None
    requester_type: str | None = None
    by_requester: bool = False


def _open(session: Session, spec: _Spec, *, actor: User, requester_user: User, officer: User, now: datetime,
          settings: Settings) -> Request:
    person = requests.PersonIn(name=spec.requester, email=spec.email, type=spec.requester_type)
    subject = requests.PersonIn(name=spec.subject, dob=spec.subject_dob) if spec.subject else None
    received_at = now - timedelta(days=spec.days_ago)
    if spec.by_requester:
        req = requests.open_request(session, actor=requester_user, now=now, settings=settings,
                                    description=spec.description, requester=person, subject=subject,
                                    received_at=received_at, channel="portal", assigned_officer=officer)
    else:
        req = requests.open_request(session, actor=actor, now=now, settings=settings, description=spec.description,
                                    requester=person, subject=subject, received_at=received_at,
                                    channel=spec.channel, regime=spec.regime, assigned_officer=officer)
    return req


def _event(session: Session, req: Request, kind: str, days_ago: int, *, officer: User, now: datetime,
           settings: Settings, reason: str) -> None:
    on = (now - timedelta(days=days_ago)).date()
    clock.record_clock_event(session, req, kind, max(on, req.received_on), actor=officer, reason=reason, now=now,
                             settings=settings)


def _attach(session: Session, req: Request, data: bytes, name: str, *, officer: User, now: datetime,
            settings: Settings) -> None:
    documents.add_document(session, req, data, name, actor=officer, now=now, settings=settings)


def _verify_authority(session: Session, req: Request, capacity: str, evidence: str, note: str, *, officer: User,
                      now: datetime, settings: Settings) -> None:
    """File the representative's authority evidence and record it as verified (rulebook T-4, G-2)."""
    rep = req.party("representative")
    parties.update_party(session, rep, capacity=capacity, actor=officer, now=now)
    parties.attach_evidence(session, req, text_pdf([evidence]), "authority.pdf", "authority", actor=officer, now=now,
                            settings=settings, party=rep)
    parties.record_evidence(session, rep, "authority", "verified", note=note, actor=officer, now=now)


def load(session: Session, *, settings: Settings, now: datetime | None = None) -> dict[str, Any]:
    """Load the demo data unless the demo users already exist (idempotent).

    :param now: the current time (default: the clock); requests are dated relative to it so that one
        is overdue, one due soon and the rest on track whenever the demo is loaded.
    :return: ``{"created": bool, "users": {role: email}, "password": str, "requests": [references]}``.
    """
    now = now or utcnow()
    logins = {role: demo_email(role) for role, _, _ in _USERS}
    if users.find_user(session, logins["officer"]) is not None:
        return {"created": False, "users": logins, "password": DEMO_PASSWORD, "requests": []}
    made: dict[str, User] = {}
    for role, name, title in _USERS:
        made[role] = users.create_user(session, email=logins[role], name=name, password=DEMO_PASSWORD, role=role,
                                       now=now, actor=None, job_title=title)
    officer, manager, requester = made["officer"], made["manager"], made["requester"]
    session.add(StaffMember(name=officer.name, role=officer.job_title or "", org="Information Rights Team",
                            email=officer.email, user_id=officer.id))
    session.add(StaffMember(name=manager.name, role=manager.job_title or "", org="Information Governance",
                            email=manager.email, user_id=manager.id))
    for name, role, org in _DIRECTORY:
        session.add(StaffMember(name=name, role=role, org=org))
    session.flush()

    specs = [
        _Spec("parent_sar", "I am the mother of Leo Moore (born 4 May 2014) and I want a copy of all the social "
              "care records you hold about my son.", "Rachel Moore", requester.email, 9, "portal",
              subject="Leo Moore", subject_dob=date(2014, 5, 4), requester_type="parent", by_requester=True),
        _Spec("solicitor_sar", "We are solicitors instructed by Jordan Pike, who was in your care as a child. We "
              "enclose our client's signed authority and request a copy of all personal data held about our "
              "client by children's social care, under Article 15 UK GDPR.", "Harper & Lowe Solicitors",
              "records@harperlowe.example", 27, "letter", subject="Jordan Pike", subject_dob=date(2003, 2, 17),
              regime="sar", requester_type="solicitor"),
        _Spec("foi", "How many children were placed in residential care outside the county in 2025, and what "
              "was the total cost of those placements?", "Chris Dalton", "chris.dalton@example.org", 6, "email",
              requester_type="member_of_public"),
        _Spec("eir", "Please send the noise and air quality monitoring reports for the new children's home "
              "extension at Oak Lane, including the planning drainage assessment.", "Oak Lane Residents Group",
              "oaklane.residents@example.org", 12, "email", requester_type="member_of_public"),
        _Spec("mixed", "Please send me a copy of my own social care file from when I was in care, and also tell "
              "me how many care leavers the council supported in 2025.", "Tom Baker", "tom.baker@example.org", 4,
              "email", subject="Tom Baker", subject_dob=date(2001, 8, 30)),
        _Spec("erasure", "Please delete the records you hold about me from the early help service; I no longer "
              "consent to you keeping them.", "Megan Lewis", "megan.lewis@example.org", 3, "email",
              subject="Megan Lewis"),
        _Spec("police", "Example Police request under Schedule 2 Part 1 paragraph 2 DPA 2018: records of contact "
              "with the family of Kayla Reed for an ongoing investigation.", "DC Aaron Blake",
              "aaron.blake@police.example", 2, "email", regime="third-party", requester_type="police"),
        _Spec("overdue", "Please send me a copy of everything children's services hold about me.", "Kyle Turner",
              "kyle.turner@example.org", 45, "email", subject="Kyle Turner", subject_dob=date(2006, 11, 2),
              regime="sar"),
        _Spec("awaiting", "I want a copy of my daughter Amy's records from the family support service.",
              "Rachel Moore", requester.email, 18, "portal", subject="Amy Moore", subject_dob=date(2016, 9, 12),
              requester_type="parent", by_requester=True),
    ]
    opened: dict[str, Request] = {}
    for spec in specs:
        opened[spec.key] = _open(session, spec, actor=officer, requester_user=requester, officer=officer, now=now,
                                 settings=settings)
    kw = {"officer": officer, "now": now, "settings": settings}

    # Portal SAR by a parent: ID and parental responsibility checked, two records attached.
    parent_sar = opened["parent_sar"]
    _event(session, parent_sar, "id_requested", 9, reason="asked for photo ID and proof of parental "
           "responsibility", **kw)
    _event(session, parent_sar, "id_received", 7, reason="passport and birth certificate seen", **kw)
    parent_sar.parties.append(Party(role="third_party", name="Gary Shaw", relationship_to_subject="mother's partner",
                                    disclose=False))
    parent_sar.parties.append(Party(role="third_party", name="Pat Kimber", relationship_to_subject="neighbour "
                                    "(referrer)", disclose=False))
    _attach(session, parent_sar, _visit_record("Leo Moore", "04/05/2014", "Rachel Moore", "Gary Shaw",
                                               "07700 900481"), "home-visit-2026-01-14.pdf", **kw)
    _attach(session, parent_sar, _review_minutes("Leo Moore", "Rachel Moore", "Pat Kimber"),
            "cin-review-minutes.pdf", **kw)

    # Solicitor's SAR for a care leaver: written authority received; due within days.
    solicitor_sar = opened["solicitor_sar"]
    _verify_authority(session, solicitor_sar, "solicitor", "Signed authority: I authorise my solicitors to "
                      "obtain my social care records.",
                      "signed client authority checked against the client's signature", **kw)
    transitions.transition(session, solicitor_sar, "in_progress", actor=officer, reason="authority verified",
                        now=now)
    _attach(session, solicitor_sar, _placement_record("Jordan Pike", "Margaret Flynn", "27 Willow Crescent, "
                                                      "Exampleton EX4 7QT"), "placement-record.pdf", **kw)

    foi = opened["foi"]
    transitions.transition(session, foi, "in_progress", actor=officer, reason="information located", now=now)
    _attach(session, foi, _statistics_table(), "placements-2025.pdf", **kw)

    eir = opened["eir"]
    _event(session, eir, "clarification_requested", 11, reason="asked which planning application", **kw)
    _event(session, eir, "clarification_received", 8, reason="application reference given", **kw)

    police = opened["police"]
    transitions.transition(session, police, "in_progress", actor=officer, reason="DPA Sch 2 para 2 form received",
                        now=now)
    _attach(session, police, _strategy_notes("Kayla Reed", "Lee Dawson"), "strategy-discussion.pdf", **kw)

    overdue = opened["overdue"]
    _event(session, overdue, "id_requested", 44, reason="asked for ID", **kw)
    _event(session, overdue, "id_received", 40, reason="driving licence seen", **kw)

    # A pack waiting for the manager: the partner's name and number and the referrer's name redacted
    # everywhere, a repeated actions page left out, submitted by the officer. The manager can
    # approve it; the officer then releases it and the demo requester downloads it from the portal.
    awaiting = opened["awaiting"]
    _event(session, awaiting, "id_requested", 18, reason="asked for ID and proof of parental responsibility", **kw)
    _event(session, awaiting, "id_received", 15, reason="passport and birth certificate seen", **kw)
    _attach(session, awaiting, _visit_record("Amy Moore", "12/09/2016", "Rachel Moore", "Gary Shaw",
                                             "07700 900481", his="her", he="she"), "family-support-visit.pdf", **kw)
    _attach(session, awaiting, _review_minutes("Amy Moore", "Rachel Moore", "Pat Kimber", his="her"),
            "review-minutes.pdf", **kw)
    for text in ("Gary Shaw", "Gary", "07700 900481"):
        redactions.decide_entity(session, awaiting, text, "accepted", code="SCH2-P16-THIRD-PARTY",
                                 reason="mother's partner; not reasonable to disclose without consent",
                                 actor=officer, now=now, settings=settings)
    minutes = documents.list_bundle(session, awaiting)[1]
    redactions.decide_entity(session, awaiting, "Pat Kimber", "accepted", code="SCH2-P16-THIRD-PARTY",
                             reason="confidential referrer", actor=officer, now=now, settings=settings)
    redactions.mark_page(session, minutes, 1, "not_relevant", reason="actions page repeats the plan",
                         actor=officer, now=now)
    _verify_authority(session, awaiting, "parent", "Birth certificate naming the requester as the child's mother.",
                      "birth certificate seen: mother, parental responsibility", **kw)
    # A parent's request for a young child: the child's competence is recorded first (rulebook T-4).
    voice.assess_child(session, awaiting, actor=officer, now=now, settings=settings, competent=False,
                       understanding="spoke with her social worker: she does not yet understand what the records "
                       "hold or who would read them", views="not_sought",
                       views_text="too young to give a view on who sees her records")
    approvals.submit_for_approval(session, awaiting, actor=officer, now=now, settings=settings,
                                  note="Partner and referrer redacted; please check page 1 of the minutes.")
    session.flush()
    refs = [req.reference for req in opened.values()] + [p.reference for req in opened.values() for p in req.parts]
    return {"created": True, "users": logins, "password": DEMO_PASSWORD, "requests": refs}


def banner(settings: Settings, created: dict[str, Any]) -> str:
    """Text printed after loading: where to open SAR Desk and how to sign in."""
    lines = [
        "SAR Desk demo " + ("loaded" if created.get("created") else "already loaded (nothing changed)"),
        f"Open {settings.base_url.rstrip('/')}/ and sign in with:",
    ]
    for role, email in created["users"].items():
        lines.append(f"  {role:<10} {email:<32} password: {created['password']}")
    if created.get("requests"):
        lines.append(f"Requests: {', '.join(created['requests'])}")
    lines.append("All names, addresses and numbers in the demo data are invented.")
    return "\n".join(lines)
