"""Letters to the requester, stored exactly as sent and delivered by e-mail or recorded as posted.

Every stage letter (``sar.intake.stage_letters``) and every decision letter (``sar.release.outcomes``)
ends here: the text the officer approved (edited or not) is kept verbatim with its PDF (stored by
hash), and either queued in the outbox or recorded as posted on a dispatch date for a requester
without e-mail. The requester sees each one in the portal.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redaction.pdf_compose import text_pdf
from sar.confidentiality import parent_contact
from sar.core import audit
from sar.core.db import LONDON
from sar.core.errors import NotFound, ValidationError
from sar.core.permissions import require_view
from sar.core.plain_text import MultilineText
from sar.core.settings import Settings
from sar.core.storage import FileStore
from sar.messaging import notifications
from sar.models import Letter, Request, User
from sar.release import letters, welsh_text

DISPATCHES = ("email", "post")
#: Longest letter text accepted from an officer's edit (a decision letter runs to a few pages).
MAX_LETTER_CHARS = 60_000


def family(regime: str) -> str:
    """Which family of letters a regime uses: ``foi``, ``eir``, ``sar`` (every UK GDPR right) or ``third_party``."""
    if regime.startswith("foi"):
        return "foi"
    if regime.startswith("eir"):
        return "eir"
    if regime == "third-party":
        return "third_party"
    return "sar"


#: How each family's letters name the law they answer under.
ACTS = {
    "foi": "the Freedom of Information Act 2000 (FOIA)",
    "eir": "the Environmental Information Regulations 2004",
    "sar": "the UK General Data Protection Regulation (UK GDPR)",
    "third_party": "the Data Protection Act 2018 and the legal basis given in your request",
}


def requester_contact(session: Session, request: Request) -> tuple[str | None, str]:
    """The requester's e-mail address (party, else portal account) and name."""
    party = request.party("requester")
    if party is not None and party.email:
        return party.email, party.name
    if request.owner_id is not None:
        owner = session.get(User, request.owner_id)
        if owner is not None:
            return owner.email, owner.name
    return None, party.name if party is not None else ""


def base_context(session: Session, request: Request, *, actor: User, now: datetime) -> dict[str, Any]:
    """The values every letter uses: reference, dates, requester, officer, regime family and act."""
    _, name = requester_contact(session, request)
    subject = request.party("data_subject")
    fam = family(request.regime)
    return {
        "reference": request.reference, "regime": request.regime, "family": fam, "act": ACTS[fam],
        "letter_date": now.astimezone(LONDON).date(), "received_on": request.received_on,
        "due_on": request.due_on, "requester_name": name or "Sir or Madam",
        "subject_name": subject.name if subject is not None else None,
        "officer_name": actor.name, "officer_title": actor.job_title or "Information Rights Team",
        # Issue 16: the requester's format picks the easy-read wording and the PDF layout.
        "letter_format": letters.letter_format(request),
        "letter_language": letters.letter_language(request),
    }


def clean_text(text: str | None) -> str:
    """An officer's edited letter text: line ends normalised, trailing space trimmed, not empty or huge.

    :raises ValidationError: empty, or longer than :data:`MAX_LETTER_CHARS`.
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not text.strip():
        raise ValidationError("the letter is empty")
    if len(text) > MAX_LETTER_CHARS:
        raise ValidationError(f"the letter is longer than {MAX_LETTER_CHARS} characters")
    return text + "\n"


def send(session: Session, request: Request, *, kind: str, template: str, subject: str, text: str, edited: bool,
         dispatch: str, posted_on: date | None, actor: User, now: datetime, settings: Settings,
         clock_event_id: int | None = None, outcome_id: int | None = None,
         email_id: int | None = None) -> Letter:
    """Store ``text`` as sent (with its PDF) and deliver it.

    :param dispatch: ``email`` (queued in the outbox to the requester, unless ``email_id`` says which
        e-mail already carries it) or ``post`` (recorded as posted on ``posted_on``).
    :raises ValidationError: unknown dispatch, e-mail with no address for the requester, e-mail to a
        requester who asked for post (their preferred channel, issue 16), a post date missing or in the future.
    """
    if dispatch not in DISPATCHES:
        raise ValidationError(f"unknown dispatch {dispatch!r}; choose e-mail or post")
    today = now.astimezone(LONDON).date()
    if dispatch == "post":
        if posted_on is None:
            raise ValidationError("give the date the letter was posted")
        if posted_on > today:
            raise ValidationError("a letter cannot be recorded as posted in the future")
    else:
        posted_on = None
    to, _ = requester_contact(session, request)
    asker = request.party("requester")
    if dispatch == "email" and email_id is None and asker is not None and asker.preferred_channel == "post":
        # Issue 16: the person's preferred channel is honoured; a letter they asked to have posted is posted.
        raise ValidationError(f"{asker.name} asked for letters by post: send this one by post and record the date")
    if dispatch == "email" and email_id is None and not to:
        raise ValidationError("the requester has no e-mail address: record the letter as posted instead")
    pdf = text_pdf([text], title=f"{request.reference} {subject}", style=letters.letter_style(request))
    sha = FileStore(settings.storage_dir).put(pdf)
    if dispatch == "email" and email_id is None:
        email = notifications.queue_email(session, to=to, subject=f"{subject} ({request.reference})",
                                          template="letter", kind=f"letter_{kind}"[:40],
                                          context={"body": MultilineText(text)}, request_id=request.id,
                                          now=now, settings=settings)
        email_id = email.id
    copied = _copy_to_advocate(session, request, subject=subject, text=text, kind=kind, dispatch=dispatch,
                               now=now, settings=settings)
    letter = Letter(request_id=request.id, kind=kind, template=template, subject=subject, body_text=text,
                    edited=edited, pdf_sha256=sha, dispatch=dispatch, posted_on=posted_on, email_id=email_id,
                    clock_event_id=clock_event_id, outcome_id=outcome_id, sent_by_id=actor.id, sent_at=now)
    session.add(letter)
    session.flush()
    audit.record(session, "letter.send", actor=actor, now=now, request_id=request.id, target=f"letter:{letter.id}",
                 detail={"kind": kind, "template": template, "dispatch": dispatch, "edited": edited,
                         "posted_on": posted_on.isoformat() if posted_on else None, "pdf_sha256": sha,
                         "clock_event_id": clock_event_id, "outcome_id": outcome_id,
                         "format": letters.letter_format(request), "copied_to_advocate": copied,
                         **_language_record(settings, request, template, text)})
    return letter


def _copy_to_advocate(session: Session, request: Request, *, subject: str, text: str, kind: str, dispatch: str,
                      now: datetime, settings: Settings) -> str | None:
    """Queue a copy of an e-mailed letter to the requester's advocate or trusted adult, where they asked for it.

    Held (not sent, and audited) where the advocate is a parent of a competent child who asked that their
    parents are not consulted (:mod:`sar.confidentiality.parent_contact`, issue 16).

    :return: the address copied to, or None.
    """
    party = request.party("requester")
    if dispatch != "email" or party is None or not party.advocate_copy or not party.advocate_email:
        return None
    if (parent_contact.restriction(session, request, settings=settings) is not None
            and (parent_contact.names_a_parent(request, party.advocate_name or "")
                 or any((p.email or "").casefold() == party.advocate_email.casefold()
                        for p in parent_contact.parent_parties(request)))):
        audit.record(session, "letter.copy_held", actor=None, now=now, request_id=request.id,
                     target=f"party:{party.id}", detail={"kind": kind, "why": "no_parent_contact"})
        return None
    notifications.queue_email(session, to=party.advocate_email, subject=f"Copy: {subject} ({request.reference})",
                              template="letter", kind=f"letter_copy_{kind}"[:40],
                              context={"body": MultilineText(text)}, request_id=request.id, now=now,
                              settings=settings)
    return party.advocate_email


def _language_record(settings: Settings, request: Request, template: str, text: str) -> dict[str, Any]:
    """What language and wording the letter was asked for and sent in; any fallback is recorded on the case.

    A translated letter's record also says whether it told the reader that part of it is in English
    (:func:`sar.release.welsh_text.english_note_in`).
    """
    record = letters.language_record(settings, template, letters.letter_format(request),
                                     letters.letter_language(request))
    if record["language_sent"] != letters.DEFAULT_LANGUAGE:
        record["english_parts_noted"] = welsh_text.english_note_in(settings, text, record["language_sent"])
    return record


def list_letters(session: Session, request: Request, *, actor: User) -> list[Letter]:
    """Every letter sent about ``request``, oldest first; the requester sees their own request's letters.

    :raises NotFound: the actor may not see the request.
    """
    require_view(actor, request)
    return list(session.scalars(select(Letter).where(Letter.request_id == request.id).order_by(Letter.id)))


def letter_pdf(session: Session, request: Request, letter_id: int, *, actor: User, settings: Settings) -> bytes:
    """The stored PDF of one letter (checked against its hash).

    :raises NotFound: no such letter on this request, or the actor may not see the request.
    """
    require_view(actor, request)
    letter = session.get(Letter, letter_id)
    if letter is None or letter.request_id != request.id:
        raise NotFound(f"letter {letter_id} not found on {request.reference}")
    return FileStore(settings.storage_dir).get(letter.pdf_sha256)
