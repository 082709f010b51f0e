"""Per-account quotas: requests a requester may submit, and bytes any account may upload, per 24 hours.

A limit of 0 switches the quota off. Counting looks at the rows already stored, so it needs no counters of
its own and holds across web processes; the window is the 24 hours before ``now`` (rolling), so a burst
cannot straddle a midnight boundary. Staff upload whole case bundles, so their default byte limit is far
higher than a requester's (who only uploads identity and authority evidence).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sar.core.errors import ValidationError
from sar.core.settings import Settings
from sar.models import BundleItem, Document, Request, Role, User

WINDOW = timedelta(hours=24)
MB = 1024 * 1024


class QuotaExceeded(ValidationError):
    """The account has reached a quota; the message says which and what to do."""


def check_request_quota(session: Session, actor: User | None, *, settings: Settings, now: datetime) -> None:
    """Refuse a requester's request beyond ``settings.requester_requests_per_day`` in 24 hours.

    :raises QuotaExceeded: with the limit and how to reach the team instead.
    """
    limit = settings.requester_requests_per_day
    if actor is None or actor.role != Role.requester or limit <= 0:
        return
    made = session.scalar(select(func.count()).select_from(Request).where(
        Request.owner_id == actor.id, Request.created_at > now - WINDOW)) or 0
    if made >= limit:
        raise QuotaExceeded(f"you have made {made} requests in the last 24 hours, the most one account can make "
                            f"in a day; please try again tomorrow, or e-mail us at {settings.mail_from} if it is "
                            "urgent")


def upload_limit_bytes(actor: User, settings: Settings) -> int:
    """The account's upload allowance per 24 hours in bytes (0: no limit)."""
    mb = settings.staff_upload_mb_per_day if actor.is_staff else settings.requester_upload_mb_per_day
    return mb * MB


def check_upload_quota(session: Session, actor: User | None, size: int, *, settings: Settings,
                       now: datetime) -> None:
    """Refuse an upload of ``size`` bytes that would take ``actor`` over their allowance for 24 hours.

    :raises QuotaExceeded: with the allowance and what is left of it.
    """
    if actor is None:
        return
    limit = upload_limit_bytes(actor, settings)
    if limit <= 0:
        return
    used = session.scalar(select(func.coalesce(func.sum(Document.size_bytes), 0))
                          .select_from(BundleItem).join(Document, Document.id == BundleItem.document_id)
                          .where(BundleItem.uploaded_by_id == actor.id, BundleItem.uploaded_at > now - WINDOW)) or 0
    if used + size > limit:
        left = max(limit - used, 0)
        raise QuotaExceeded(f"this upload would take your account over its {limit // MB} MB a day allowance "
                            f"({left // MB} MB left today); please try again tomorrow or send a smaller file")
