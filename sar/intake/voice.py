"""Use cases for the child's voice and communication needs (issue 16).

* :func:`set_communication` records a party's preferred language, interpreter need, format,
  channel and advocate; the case page shows them and letters are laid out in the requester's
  format (:func:`sar.release.letters.letter_format`).
* :func:`arrange_interpreter` is the "we will arrange an interpreter" path: the booking becomes a
  :class:`sar.models.CaseTask` with a due date.
* :func:`assess_child` records a child's competence and views for a request made on their behalf
  (rulebook §2 T-4). The release gate is :func:`sar.release.entitlement.child_problems`.

Use cases take ``session``, ``actor`` and ``now``; they flush and never commit. Every change is audited.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.confidentiality import parent_contact
from sar.core import audit
from sar.core.db import LONDON
from sar.core.errors import Conflict, ValidationError
from sar.core.permissions import require_role, require_view
from sar.core.settings import Settings
from sar.intake import parties
from sar.models import CHILD_VIEWS, FORMATS, PREFERRED_CHANNELS, CaseTask, ChildAssessment, Party, Request, Role, User
from sar.release import entitlement
from sar.workflow import approval_state
from sar.workflow.status import FINISHED_STATUSES

#: The fields :func:`set_communication` takes.
COMMUNICATION_FIELDS = ("preferred_language", "interpreter_needed", "interpreter_language", "preferred_format",
                        "preferred_channel", "advocate_name", "advocate_contact", "advocate_email", "advocate_copy")
#: A BCP 47 language tag, simplified: a 2-3 letter primary language with optional subtags ("cy", "pt-BR").
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
#: Formats the council produces itself; the others go to its transcription provider (a task).
IN_HOUSE_FORMATS = frozenset({"standard", "large_print", "easy_read"})
FORMAT_LABELS = {"standard": "standard print", "large_print": "large print", "easy_read": "easy read",
                 "audio": "audio", "braille": "Braille (through the council's provider)"}


def _language(value: object, what: str) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise ValidationError(f"{what} must be a language code such as en, cy or pl")
    tag = value.strip()
    tag = tag.split("-", 1)[0].lower() + (("-" + tag.split("-", 1)[1]) if "-" in tag else "")
    if not _LANGUAGE_TAG.match(tag):
        raise ValidationError(f"{what} {value!r} is not a language code such as en, cy or pl (BCP 47)")
    return tag


def _choice(value: object, allowed: tuple[str, ...], what: str) -> str | None:
    if value is None or value == "":
        return None
    if value not in allowed:
        raise ValidationError(f"unknown {what} {value!r}; choose one of {', '.join(allowed)}")
    return str(value)


def _text(value: object, what: str, max_len: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(f"{what} must be text")
    text = value.strip()
    if len(text) > max_len:
        raise ValidationError(f"{what} is too long (at most {max_len} characters)")
    return text or None


def set_communication(session: Session, party: Party, *, actor: User, now: datetime,
                      **changes: Any) -> Party:
    """Record ``party``'s communication needs (issue 16); fields left out are unchanged.

    :param changes: any of :data:`COMMUNICATION_FIELDS`. ``interpreter_language`` defaults to the
        preferred language when an interpreter is needed. ``advocate_copy`` (recorded at the person's
        own request) sends their advocate or trusted adult a copy of every e-mailed letter.
    :raises ValidationError: unknown field, bad language code, format or channel, an interpreter
        needed with no language known, or an e-mail channel for a party with no e-mail address.
    :raises NotPermitted: the actor is not an officer or manager.
    :raises Conflict: the request is finished.
    """
    require_role(actor, Role.officer, Role.manager)
    unknown = sorted(set(changes) - set(COMMUNICATION_FIELDS))
    if unknown:
        raise ValidationError(f"cannot set {', '.join(unknown)} as a communication need")
    request = party.request
    if request.status in FINISHED_STATUSES:
        raise Conflict(f"request {request.reference} is {request.status}: its parties cannot change")
    new = {name: getattr(party, name) for name in COMMUNICATION_FIELDS}
    if "preferred_language" in changes:
        new["preferred_language"] = _language(changes["preferred_language"], "the preferred language")
    if "interpreter_language" in changes:
        new["interpreter_language"] = _language(changes["interpreter_language"], "the interpreter language")
    if "interpreter_needed" in changes:
        new["interpreter_needed"] = bool(changes["interpreter_needed"])
    if "advocate_copy" in changes:
        new["advocate_copy"] = bool(changes["advocate_copy"])
    if "advocate_email" in changes:
        new["advocate_email"] = _text(changes["advocate_email"], "the advocate's e-mail address", 320)
        if new["advocate_email"] is not None and not _EMAIL.match(new["advocate_email"]):
            raise ValidationError(f"{new['advocate_email']!r} is not an e-mail address")
    if "preferred_format" in changes:
        new["preferred_format"] = _choice(changes["preferred_format"], FORMATS, "format")
    if "preferred_channel" in changes:
        new["preferred_channel"] = _choice(changes["preferred_channel"], PREFERRED_CHANNELS, "channel")
    for name, what, size in (("advocate_name", "the advocate's name", 200),
                             ("advocate_contact", "the advocate's contact details", 1000)):
        if name in changes:
            new[name] = _text(changes[name], what, size)
    if new["interpreter_needed"]:
        new["interpreter_language"] = new["interpreter_language"] or new["preferred_language"]
        if new["interpreter_language"] is None:
            raise ValidationError("say which language the interpreter is needed for")
    else:
        new["interpreter_language"] = None
    if new["preferred_channel"] == "email" and not party.email:
        raise ValidationError(f"{party.name} has no e-mail address: add one first, or choose post or the portal")
    if (new["advocate_contact"] or new["advocate_email"]) and not new["advocate_name"]:
        raise ValidationError("give the advocate's name with their contact details")
    if new["advocate_copy"] and not new["advocate_email"]:
        raise ValidationError("give the advocate's e-mail address to copy letters to them")
    before = {name: getattr(party, name) for name in COMMUNICATION_FIELDS}
    changed = {name: value for name, value in new.items() if before[name] != value}
    if not changed:
        return party
    for name, value in changed.items():
        setattr(party, name, value)
    request.updated_at = now
    session.flush()
    audit.record(session, "party.communication", actor=actor, now=now, request_id=request.id,
                 target=f"party:{party.id}",
                 detail={"from": {k: before[k] for k in changed}, "to": changed})
    return party


def communication_summary(party: Party) -> dict[str, Any]:
    """What the case page shows at the top for one party (plain values, English fallbacks filled in)."""
    return {
        "party_id": party.id, "name": party.name, "role": party.role,
        "language": party.preferred_language or "en",
        "interpreter": party.interpreter_language if party.interpreter_needed else None,
        "format": party.preferred_format or "standard",
        "format_label": FORMAT_LABELS[party.preferred_format or "standard"],
        "channel": party.preferred_channel, "advocate": party.advocate_name,
        "advocate_contact": party.advocate_contact,
        "advocate_copy": party.advocate_email if party.advocate_copy else None,
        "recorded": any(getattr(party, f) for f in COMMUNICATION_FIELDS),
    }


def _task(session: Session, request: Request, party: Party, *, kind: str, title: str, due_on: date | None,
          actor: User, now: datetime, settings: Settings) -> CaseTask:
    today = now.astimezone(LONDON).date()
    due = due_on or today + timedelta(days=settings.interpreter_booking_days)
    if due < today:
        raise ValidationError("the task cannot be due in the past")
    task = CaseTask(request_id=request.id, party_id=party.id, kind=kind, title=title, due_on=due,
                    created_by_id=actor.id, created_at=now)
    session.add(task)
    session.flush()
    audit.record(session, "task.create", actor=actor, now=now, request_id=request.id, target=f"task:{task.id}",
                 detail={"kind": kind, "title": title, "due_on": due.isoformat(), "party_id": party.id})
    return task


def arrange_interpreter(session: Session, party: Party, *, actor: User, now: datetime, settings: Settings,
                        due_on: date | None = None) -> CaseTask:
    """Record "we will arrange an interpreter" as a booking task due by ``due_on``.

    :param due_on: default today + ``settings.interpreter_booking_days``.
    :raises ValidationError: the party has no interpreter need recorded, or the date is in the past.
    :raises Conflict: an open booking task for this party already exists.
    """
    require_role(actor, Role.officer, Role.manager)
    if not party.interpreter_needed or not party.interpreter_language:
        raise ValidationError(f"record that {party.name} needs an interpreter, and in which language, first")
    request = party.request
    for existing in open_tasks(session, request):
        if existing.party_id == party.id and existing.kind == "interpreter_booking":
            raise Conflict(f"an interpreter booking for {party.name} is already open (due "
                           f"{existing.due_on.isoformat()})")
    return _task(session, request, party, kind="interpreter_booking",
                 title=f"Book a {party.interpreter_language} interpreter for {party.name}", due_on=due_on,
                 actor=actor, now=now, settings=settings)


def request_accessible_format(session: Session, party: Party, *, actor: User, now: datetime, settings: Settings,
                              due_on: date | None = None) -> CaseTask:
    """Open a task to have the letters produced in audio or Braille by the council's provider."""
    require_role(actor, Role.officer, Role.manager)
    if party.preferred_format in IN_HOUSE_FORMATS or party.preferred_format is None:
        raise ValidationError(f"{party.name}'s format is produced here; no provider task is needed")
    return _task(session, party.request, party, kind="accessible_format",
                 title=f"Ask the provider for {FORMAT_LABELS[party.preferred_format]} letters for {party.name}",
                 due_on=due_on, actor=actor, now=now, settings=settings)


def open_tasks(session: Session, request: Request) -> list[CaseTask]:
    """The request's tasks not yet done, earliest due first."""
    return list(session.scalars(select(CaseTask).where(CaseTask.request_id == request.id,
                                                       CaseTask.done_at.is_(None))
                                .order_by(CaseTask.due_on, CaseTask.id)))


def complete_task(session: Session, task: CaseTask, *, actor: User, now: datetime, note: str) -> CaseTask:
    """Mark a task done with a note (e.g. the booking reference); a done task stays on record."""
    require_role(actor, Role.officer, Role.manager)
    if task.done_at is not None:
        raise Conflict("this task is already done")
    clean = _text(note, "the note", 1000)
    if clean is None:
        raise ValidationError("say what was done (e.g. the booking reference)")
    task.done_at, task.done_note = now, clean
    session.flush()
    audit.record(session, "task.done", actor=actor, now=now, request_id=task.request_id, target=f"task:{task.id}",
                 detail={"note": clean})
    return task


def presumed_competent(age: int, settings: Settings) -> bool:
    """Rulebook T-4: whether a child of ``age`` is presumed competent (``settings.child_competence_age``, VERIFY).

    With the setting at 0 there is no presumption and every child is assessed on understanding alone.
    """
    return settings.child_competence_age > 0 and age >= settings.child_competence_age


def assess_child(session: Session, request: Request, *, actor: User, now: datetime, settings: Settings,
                 competent: bool, views: str, age: int | None = None, understanding: str = "",
                 views_text: str = "", not_to_share: str = "", no_parent_contact: bool = False,
                 best_interests: str = "") -> ChildAssessment:
    """Record the child's competence and views for a request made on their behalf (rulebook T-4).

    Rules, each refused with a clear error:

    * the request must be one T-4's child rules apply to (:func:`sar.release.entitlement.child_rule_applies`);
    * the age comes from the data subject's date of birth when it is recorded, else their recorded age,
      else must be given; where the age was unknown (a parent's request, nothing showing the age) the
      age given is first recorded on the data subject, and the gate then follows it;
    * a finding that departs from the presumption (:func:`presumed_competent`) needs the reasons
      in ``understanding`` (Gillick: competence is the child's understanding, not only age);
    * a competent child's views are ``consents``, ``refuses`` or ``partial`` with ``views_text``;
      ``not_sought`` needs the reason in ``views_text``; ``partial`` says what is not to be shared;
    * ``no_parent_contact`` (the child asks that the parent is not consulted) needs the reason;
    * ``best_interests`` is recorded only where a competent child refuses (or limits) release.

    A new assessment supersedes the last; nothing is deleted. Voids a standing approval, because
    what may go to the parent changes.

    :raises ValidationError: as above. :raises Conflict: the request is finished.
    """
    require_role(actor, Role.officer, Role.manager)
    subject = request.party("data_subject")
    if entitlement.age_unknown(request) and isinstance(age, int) and not isinstance(age, bool):
        # Fail closed (T-4): the age nothing else showed is recorded on the data subject first.
        parties.update_party(session, subject, actor=actor, now=now, age=age)
    if not entitlement.child_rule_applies(request):
        raise ValidationError("this is not a request made by someone else about a child (rulebook T-4): no "
                              "competence assessment is needed")
    today = now.astimezone(LONDON).date()
    from_dob = entitlement.age_on(subject.dob if subject is not None else None, today)
    if from_dob is not None:
        if age is not None and age != from_dob:
            raise ValidationError(f"the data subject's date of birth gives age {from_dob}, not {age}")
        age = from_dob
    elif age is None and subject is not None and subject.age_years is not None:
        age = subject.age_years
    if age is None or not isinstance(age, int) or not 0 <= age < entitlement.ADULT_AGE:
        raise ValidationError("give the child's age in years (0 to 17), or record their date of birth")
    if views not in CHILD_VIEWS:
        raise ValidationError(f"unknown views {views!r}; choose one of {', '.join(CHILD_VIEWS)}")
    understanding = (understanding or "").strip()
    views_text, not_to_share = (views_text or "").strip(), (not_to_share or "").strip()
    best_interests = (best_interests or "").strip()
    presumed = presumed_competent(age, settings)
    if bool(competent) != presumed and not understanding:
        rule = (f"a child of {age} is presumed {'competent' if presumed else 'not competent'} (rulebook T-4, "
                f"presumption from age {settings.child_competence_age})")
        raise ValidationError(f"{rule}: record how the child's understanding was judged to depart from it")
    if views == "not_sought" and not views_text:
        raise ValidationError("say why the child's views were not sought")
    if views in ("consents", "refuses", "partial") and not views_text:
        raise ValidationError("record the child's views in their own words")
    if views == "partial" and not not_to_share:
        raise ValidationError("say what the child does not want shared")
    if views != "partial" and not_to_share:
        raise ValidationError("what not to share is recorded only where the child agrees to part of the release")
    if no_parent_contact and not views_text:
        raise ValidationError("record why the child asks that their parent is not consulted")
    if best_interests and not (competent and views in ("refuses", "partial")):
        raise ValidationError("a best-interests reason is recorded only where a competent child refuses or limits "
                              "release (rulebook T-4)")
    approval_state.prepare_change(session, request, actor=actor, now=now, what="the child's views recorded")
    row = ChildAssessment(request_id=request.id, age=age, competent=bool(competent), understanding=understanding,
                          views=views, views_text=views_text, not_to_share=not_to_share,
                          no_parent_contact=bool(no_parent_contact), best_interests=best_interests,
                          assessed_by_id=actor.id, assessed_at=now)
    request.child_assessments.append(row)
    request.updated_at = now
    session.flush()
    audit.record(session, "child.assess", actor=actor, now=now, request_id=request.id,
                 target=f"child_assessment:{row.id}",
                 detail={"age": age, "competent": row.competent, "presumed": presumed, "views": views,
                         "no_parent_contact": row.no_parent_contact, "best_interests": bool(best_interests),
                         "competence_age": settings.child_competence_age})
    return row


def child_views(session: Session, request: Request, *, actor: User, now: datetime,
                settings: Settings | None = None) -> dict[str, Any]:
    """The standing assessment and what it means for release, for the case page, approval screen and API.

    ``parent_contact`` is the child's request that the parents are not consulted, whether it stands and any
    manager's override (:func:`sar.confidentiality.parent_contact.status`), or None.
    Reading is audited (the child's views are sensitive). Staff with need-to-know only.
    """
    require_role(actor, Role.officer, Role.manager)
    require_view(actor, request)
    latest = entitlement.current_assessment(request)
    audit.record(session, "child.view", actor=actor, now=now, request_id=request.id,
                 target=f"child_assessment:{latest.id}" if latest is not None else "")
    return {
        "applies": entitlement.child_rule_applies(request),
        "assessment": None if latest is None else assessment_dict(latest),
        "history": len(request.child_assessments),
        "problems": entitlement.child_problems(request) + entitlement.partial_problems(session, request),
        "parent_contact": parent_contact.status(session, request, settings=settings or Settings.from_env()),
    }


def assessment_dict(row: ChildAssessment) -> Mapping[str, Any]:
    """One assessment as plain values."""
    return {"id": row.id, "age": row.age, "competent": row.competent, "understanding": row.understanding,
            "views": row.views, "views_text": row.views_text, "not_to_share": row.not_to_share,
            "no_parent_contact": row.no_parent_contact, "best_interests": row.best_interests,
            "assessed_at": row.assessed_at.isoformat(), "assessed_by_id": row.assessed_by_id}
