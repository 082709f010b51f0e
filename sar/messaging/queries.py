"""Look-ups of what was sent about a request: its e-mails and the download links in them.

Every function only reads.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.core.permissions import require_staff, require_view
from sar.messaging.download_links import token_sha
from sar.models import DownloadLink, OutboxEmail, Request, ResponsePack, User


def download_link_target(session: Session, token: str) -> tuple[Request, int | None] | None:
    """Return ``(request, user id the link was made for)`` for a download token, or None if unknown.

    Expiry, revocation and who may use the link are checked by ``sar.release.approvals.pack_for_download``.
    """
    if not token or len(token) > 200:
        return None
    sha = token_sha(token)
    row = session.execute(
        select(Request, DownloadLink.user_id)
        .join(ResponsePack, ResponsePack.request_id == Request.id)
        .join(DownloadLink, DownloadLink.pack_id == ResponsePack.id)
        .where(DownloadLink.token_sha256 == sha)
    ).first()
    return (row[0], row[1]) if row else None


def correspondence(session: Session, request_id: int, *, actor: User) -> list:
    """E-mails written for a request (acknowledgement, reminders, release link), newest first.

    :raises NotFound: no such request, or ``actor`` has no need to know (:func:`sar.core.permissions.require_view`).
    """
    require_staff(actor)
    require_view(actor, session.get(Request, request_id))
    return list(session.scalars(select(OutboxEmail).where(OutboxEmail.request_id == request_id)
                                .order_by(OutboxEmail.id.desc()).limit(100)))
