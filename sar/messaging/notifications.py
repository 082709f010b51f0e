"""Outgoing e-mail: render a plain-text template and write it to the outbox.

E-mails are never sent from a use case. :func:`queue_email` adds an :class:`~sar.models.OutboxEmail` row in
the caller's transaction, so the e-mail exists if and only if the change that caused it is committed; the
worker's :func:`sar.messaging.mailer.send_pending` sends it afterwards (architecture §7, "Transactions and sessions").

Templates live in ``templates/email/<name>.txt`` and are rendered with a plain :class:`jinja2.Environment`
(no Flask), autoescape off (the output is text, not HTML) and :class:`jinja2.StrictUndefined`, so a missing
variable is an error rather than a silently blank line in a letter to a family. Every interpolated value is
made plain by :func:`sar.core.plain_text.email_value` (one line; no control characters), so a requester's name
cannot forge paragraphs; staff-written paragraphs are passed as :class:`sar.core.plain_text.MultilineText`.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from sqlalchemy.orm import Session

from sar.core import dates
from sar.core.errors import ValidationError
from sar.core.plain_text import email_value
from sar.core.settings import Settings
from sar.models import OutboxEmail

#: Longest subject the outbox column holds.
MAX_SUBJECT = 300
#: Longest ``kind`` the outbox column holds.
MAX_KIND = 40


@lru_cache(maxsize=8)
def _environment(templates_dir: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=False,  # plain-text e-mails and letters; HTML pages are rendered by web/ with escaping
        finalize=email_value,  # every value one line of plain text (MultilineText keeps its paragraphs)
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["long_date"] = long_date
    env.filters["london_time"] = london_time
    return env


#: What an e-mail says for a date not set yet (a due date while the clock is stopped).
NOT_YET_KNOWN = "not yet known"


def long_date(value: Any) -> str:
    """A date in an e-mail: ``Friday 27 March 2026`` (:func:`sar.core.dates.long_date` with the weekday)."""
    return dates.long_date(value, weekday=True, missing=NOT_YET_KNOWN)


def london_time(value: Any) -> str:
    """An instant in an e-mail, in London time: ``Friday 27 March 2026 at 14:00`` (a date: no time)."""
    return dates.london_time(value, missing=NOT_YET_KNOWN)


def _template_name(template: str) -> str:
    """``acknowledgement`` → ``email/acknowledgement.txt``; a name with a folder or suffix is kept."""
    name = template if template.endswith(".txt") else f"{template}.txt"
    return name if "/" in name else f"email/{name}"


def render_text(template: str, context: dict[str, Any], *, settings: Settings | None = None) -> str:
    """Render a plain-text template to a string.

    :param template: ``acknowledgement`` (meaning ``email/acknowledgement.txt``) or a path under
        ``templates/`` such as ``letters/extension.txt``.
    :param context: template variables. ``council_name`` and ``base_url`` are added from ``settings``
        unless given.
    :param settings: where the templates are and the council's name; defaults to ``Settings.from_env()``.
    :return: the rendered text, ending with one newline.
    :raises jinja2.TemplateNotFound: no such template.
    :raises jinja2.UndefinedError: the template uses a variable missing from ``context``.
    """
    settings = settings or Settings.from_env()
    full = {"council_name": settings.council_name, "base_url": settings.base_url.rstrip("/"), **context}
    text = _environment(str(Path(settings.templates_dir))).get_template(_template_name(template)).render(full)
    return text.rstrip() + "\n"


def _check_header(value: str, what: str) -> str:
    value = (value or "").strip()
    if "\r" in value or "\n" in value:
        raise ValidationError(f"the {what} must be a single line")
    return value


def queue_email(
    session: Session,
    *,
    to: str,
    subject: str,
    template: str,
    context: dict[str, Any],
    kind: str,
    request_id: int | None,
    now: datetime,
    settings: Settings | None = None,
    download_link_id: int | None = None,
) -> OutboxEmail:
    """Render ``template`` and add an unsent e-mail to the outbox in the caller's transaction (flushes).

    :param to: one recipient address.
    :param subject: the subject line (plain text, one line; longer than 300 characters is cut).
    :param template: see :func:`render_text`.
    :param context: template variables.
    :param kind: what the e-mail is, for the admin's outbox view, e.g. ``acknowledgement``, ``due_soon``,
        ``pack_released``.
    :param request_id: the request it is about, if any.
    :param now: aware UTC time, recorded as ``created_at``.
    :param settings: templates directory and council name; defaults to ``Settings.from_env()``.
    :param download_link_id: a download link whose token the mailer mints at send time and writes in
        place of ``sar.messaging.download_links.LINK_SLOT`` (pass that slot as the link in ``context``).
    :return: the new row, with its id.
    :raises ValidationError: no or malformed recipient, a multi-line subject or an over-long kind.
    :raises jinja2.TemplateError: the template is missing or uses an undefined variable.
    """
    to = _check_header(to, "recipient address")
    if not to or "@" not in to or " " in to or "," in to:
        raise ValidationError(f"not a single e-mail address: {to!r}")
    subject = _check_header(subject, "subject")
    if not subject:
        raise ValidationError("an e-mail needs a subject")
    if not kind or len(kind) > MAX_KIND:
        raise ValidationError(f"kind must be 1 to {MAX_KIND} characters")
    body = render_text(template, context, settings=settings)
    email = OutboxEmail(
        to_addr=to,
        subject=subject[:MAX_SUBJECT],
        body_text=body,
        kind=kind,
        request_id=request_id,
        created_at=now,
        attempts=0,
        download_link_id=download_link_id,
    )
    session.add(email)
    session.flush()
    return email
