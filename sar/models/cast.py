"""The cast of a request's bundle as the officer confirmed or corrected it (issue 11).

One row per request: ``people`` is the confirmed cast in the JSON shape of ``redaction.cast``
(``{"name", "role", "aliases", "relationship", "org"}`` per person) and is what the next proposal run
is told (confirmed facts win over the engine's own resolution). ``confirmed_at`` is None while the
officer is still correcting it (a draft); every change is also in the audit log.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from sar.models.base import Base, UTCDateTime


class RequestCast(Base):
    """The officer's cast for one request (draft until ``confirmed_at`` is set)."""

    __tablename__ = "request_casts"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), unique=True, index=True)
    #: ``[{"name", "role", "aliases", "relationship", "org"}]`` (``redaction.cast.parse_cast`` shape).
    people: Mapped[list] = mapped_column(JSON, default=list)
    #: Optimistic-locking counter: a PUT naming an older version is refused (two officers at once).
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
