"""Download-link tokens: only their hash is ever stored; the token itself exists only in the e-mail.

:func:`sar.release.approvals.release` creates a :class:`~sar.models.DownloadLink` whose hash matches no token
(so the link cannot be used yet) and queues the release e-mail with :data:`LINK_SLOT` where the link
goes. When :mod:`sar.messaging.mailer` claims that outbox row it calls :func:`mint_token` in the claim's
transaction: a fresh token's hash replaces the placeholder, and the URL is written into the message
in memory only. So no table ever holds a usable token (issue 8, "Secrets"), the outbox body staff
see shows the slot, not the link, and a link works only once its e-mail has actually gone out. A
retried send mints a new token, which retires the one in any earlier, undelivered attempt.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy.orm import Session

from sar.core.errors import NotFound
from sar.models import DownloadLink

#: Where the web layer serves a download link; ``{token}`` is replaced by the secret token.
DOWNLOAD_PATH = "/download/{token}"
#: What a queued e-mail holds where its download link goes; the mailer replaces it at send time.
LINK_SLOT = "[download link: added when this e-mail is sent]"
#: Bytes of randomness in a token (``secrets.token_urlsafe``).
TOKEN_BYTES = 32


def token_sha(token: str) -> str:
    """The stored form of a token: hex sha256 of its UTF-8 bytes."""
    return hashlib.sha256(token.encode()).hexdigest()


def unusable_sha() -> str:
    """A hash no token will ever be shown for (its preimage is discarded): a link not usable yet."""
    return token_sha(secrets.token_urlsafe(TOKEN_BYTES))


def link_url(base_url: str, token: str) -> str:
    """The absolute download URL of ``token``."""
    return base_url.rstrip("/") + DOWNLOAD_PATH.format(token=token)


def mint_token(session: Session, link_id: int) -> str:
    """Give link ``link_id`` a fresh token and return it; only its hash is written (flushes).

    Any token minted earlier for the link stops working.

    :raises NotFound: no such link.
    """
    link = session.get(DownloadLink, link_id)
    if link is None:
        raise NotFound(f"no download link {link_id}")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    link.token_sha256 = token_sha(token)
    session.flush()
    return token


def fill_slot(body: str, url: str) -> str:
    """``body`` with the download URL written where :data:`LINK_SLOT` stands."""
    return body.replace(LINK_SLOT, url)
