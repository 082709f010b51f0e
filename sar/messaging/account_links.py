"""Password-reset and address-check link tokens, minted when their e-mail is sent (like download links).

:mod:`sar.accounts` creates an :class:`~sar.models.AccountLink` whose hash matches no token and queues the
e-mail with :data:`LINK_SLOT` where the link goes. The mailer calls :func:`mint_token` in the transaction
that claims the outbox row, writes the URL into the message in memory and stores only the hash: no table
ever holds a usable token, and a retried send retires the token of any earlier, undelivered attempt.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy.orm import Session

from sar.core.errors import NotFound
from sar.models import AccountLink

#: Where the web layer serves each purpose; ``{token}`` is replaced by the secret token.
PATHS = {"reset": "/password/reset/{token}", "verify": "/verify/{token}"}
#: What a queued e-mail holds where its link goes; the mailer replaces it at send time.
LINK_SLOT = "[link: added when this e-mail is sent]"
TOKEN_BYTES = 32


def token_sha(token: str) -> str:
    """The stored form of a token: hex sha256 of its UTF-8 bytes."""
    return hashlib.sha256(token.encode()).hexdigest()


def unusable_sha() -> str:
    """A hash no token will ever be shown for: a link that cannot be used until its e-mail is sent."""
    return token_sha(secrets.token_urlsafe(TOKEN_BYTES))


def mint_token(session: Session, link_id: int) -> tuple[str, str]:
    """Give link ``link_id`` a fresh token (flushes); return ``(token, purpose)``.

    :raises NotFound: no such link.
    """
    link = session.get(AccountLink, link_id)
    if link is None:
        raise NotFound(f"no account link {link_id}")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    link.token_sha256 = token_sha(token)
    session.flush()
    return token, link.purpose


def link_url(base_url: str, purpose: str, token: str) -> str:
    """The absolute URL of ``token`` for ``purpose`` (``reset`` or ``verify``)."""
    return base_url.rstrip("/") + PATHS[purpose].format(token=token)


def fill_slot(body: str, url: str) -> str:
    """``body`` with ``url`` written where :data:`LINK_SLOT` stands."""
    return body.replace(LINK_SLOT, url)
