"""Reading a stored response pack: its zip, its members, and what the approval screen previews.

Split from :mod:`sar.release.packs` (which builds packs and re-exports these names). Nothing here builds,
changes or audits a pack; callers check the actor's right to see it.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

from redaction import pdf
from sar.core.errors import NotFound
from sar.core.settings import Settings
from sar.core.storage import FileStore
from sar.models import Request, ResponsePack

#: The files of a pack zip, each named ``<REF>-<member>`` (see :func:`member_name`), in zip order.
MEMBERS = ("bundle.pdf", "cover-letter.pdf", "redaction-schedule.pdf", "redaction-schedule.csv")
#: The members whose pages the approval screen shows as images.
PREVIEWABLE = ("bundle", "cover-letter")


def member_name(reference: str, member: str) -> str:
    """The name of ``member`` (one of :data:`MEMBERS`) inside the pack zip of request ``reference``."""
    return f"{reference}-{member}"


def pack_bytes(settings: Settings, pack: ResponsePack) -> bytes:
    """The stored zip of ``pack`` (checked against its hash).

    :raises FileNotFoundError: not stored. :raises OSError: corrupt.
    """
    return FileStore.for_settings(settings).get(pack.sha256)


def pack_files(data: bytes) -> dict[str, bytes]:
    """Unzip a pack into ``{name: bytes}`` (for previews and tests)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


@dataclass(frozen=True)
class PackPreview:
    """What the approval screen shows of a stored pack, read from its zip (never rebuilt)."""

    #: Member names of the zip, sorted.
    files: list[str]
    bundle_pages: int
    letter_pages: int
    #: The redaction schedule CSV as rows (header first), or empty if the pack has none.
    schedule_rows: list[list[str]]


def pack_preview(settings: Settings, pack: ResponsePack, request: Request) -> PackPreview:
    """The contents of ``pack`` as the manager reviews them before approving (four eyes, §6).

    :raises FileNotFoundError: the pack is not stored. :raises OSError: it is corrupt.
    """
    files = pack_files(pack_bytes(settings, pack))
    bundle = files.get(member_name(request.reference, "bundle.pdf"), b"")
    letter = files.get(member_name(request.reference, "cover-letter.pdf"), b"")
    raw_csv = files.get(member_name(request.reference, "redaction-schedule.csv"))
    rows = list(csv.reader(io.StringIO(raw_csv.decode("utf-8-sig")))) if raw_csv else []
    return PackPreview(sorted(files), pdf.page_count(bundle) if bundle else 0,
                       pdf.page_count(letter) if letter else 0, rows)


def pack_page_png(settings: Settings, pack: ResponsePack, request: Request, member: str, page: int, *,
                  zoom: float = 1.0) -> bytes:
    """A PNG of one page of the pack's bundle or cover letter (``member`` in :data:`PREVIEWABLE`).

    :param page: 0-based page index. :raises NotFound: not a previewable member, or no such page.
    """
    if member not in PREVIEWABLE:
        raise NotFound(f"a pack has no {member} to preview")
    data = pack_files(pack_bytes(settings, pack)).get(member_name(request.reference, f"{member}.pdf"))
    if data is None or not 0 <= page < pdf.page_count(data):
        raise NotFound(f"the pack's {member} has no page {page}")
    return pdf.render_page_png(data, page, zoom)
