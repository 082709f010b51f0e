"""Uploading records in any format councils hold (issue 17): receive, convert in the background, link.

A PDF is added at once (:func:`sar.bundle.documents.add_document`). Anything else — a Word or
OpenDocument file, an e-mail, an image, a spreadsheet, or a zip of such files — is *received*:
checked cheaply (size, type, zip safety), its original stored unchanged in the file store, and a
``conversion`` job queued (:func:`receive_upload`). Conversion can take minutes (LibreOffice, large
multi-page scans), so it never runs inside the HTTP request; the job (run by the worker, or by the
web app's background thread, see ``sar.bundle.jobs.run_job``) converts each file with
:func:`redaction.pdf_convert.convert` and adds it to the bundle, each e-mail's attachments as
documents of their own linked to it (``BundleItem.attached_to_id``).

Failure is per file: a damaged, password-protected, oversize or unknown file is named in the job's
result with the reason, and nothing of it is added, while the rest of the batch is. A file is added
in one transaction together with its attachments, so no e-mail is ever half-stored.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from redaction import pdf_convert
from redaction.errors import ConversionError
from sar.bundle import documents
from sar.core import audit
from sar.core.errors import Conflict, NotFound, SarError, ValidationError
from sar.core.permissions import require_staff
from sar.core.settings import Settings
from sar.core.storage import FileStore
from sar.models import BundleItem, Job, Request, User
from sar.workflow.status import FINISHED_STATUSES

CONVERT_JOB = "conversion"
#: A zip may hold at most this many files ...
MAX_ZIP_FILES = 500
#: ... adding up to at most this many bytes once unpacked (zip bombs are refused before unpacking).
MAX_ZIP_TOTAL = 1024 * 1024 * 1024
#: A member that claims to expand more than this many times its compressed size is refused as a zip bomb.
MAX_ZIP_RATIO = 200
#: E-mails inside e-mails are followed this deep (a loop of forwarded messages cannot run forever).
MAX_ATTACHMENT_DEPTH = 3
#: Names the file-choosing dialogs accept (the server decides by content, see ``redaction.pdf_convert.detect``).
ACCEPTED_EXTENSIONS = (".pdf", ".docx", ".doc", ".odt", ".rtf", ".xlsx", ".ods", ".csv", ".eml", ".msg", ".jpg",
                       ".jpeg", ".png", ".tif", ".tiff", ".heic", ".zip")


class _Stopped(Conflict):
    """The job was failed as stale (its heartbeat stopped) while it ran: stop, store nothing more."""


@dataclass(frozen=True)
class Received:
    """What :func:`receive_upload` did: a PDF added at once (``item``) or a conversion queued (``job``)."""

    item: BundleItem | None = None
    job: Job | None = None


def _is_plain_zip(data: bytes, filename: str) -> bool:
    """A zip archive of files (not a Word/OpenDocument/Excel file, which are zips too)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    if filename.casefold().endswith(".zip"):
        return True
    try:
        pdf_convert.detect(data, filename)
    except ConversionError:
        # Not an Office/OpenDocument file: a zip under another name, unless it claims to be one.
        return "." + filename.rsplit(".", 1)[-1].casefold() not in ACCEPTED_EXTENSIONS
    return False


def unpack_zip(data: bytes, filename: str) -> list[tuple[str, bytes]]:
    """The files in a zip archive, safely: names reduced to their last part, no nested zips.

    Directories and the metadata folders archivers add are skipped.

    :raises ValidationError: damaged or encrypted zip, more than :data:`MAX_ZIP_FILES` files, more
        than :data:`MAX_ZIP_TOTAL` bytes unpacked, a suspicious compression ratio, or no files.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ValidationError(f"{filename} is damaged and cannot be opened as a zip file") from None
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()
                   and not m.filename.startswith("__MACOSX/") and not m.filename.rsplit("/", 1)[-1].startswith(".")]
        if not members:
            raise ValidationError(f"{filename} contains no files")
        if len(members) > MAX_ZIP_FILES:
            raise ValidationError(f"{filename} holds {len(members)} files; at most {MAX_ZIP_FILES} can be uploaded "
                                  "in one zip")
        declared = sum(m.file_size for m in members)
        if declared > MAX_ZIP_TOTAL:
            raise ValidationError(f"{filename} would unpack to {declared // (1024 * 1024)} MB, more than the "
                                  f"{MAX_ZIP_TOTAL // (1024 * 1024)} MB allowed")
        out: list[tuple[str, bytes]] = []
        total = 0
        for member in members:
            name = member.filename.replace("\\", "/").rsplit("/", 1)[-1].strip() or "file"
            if member.flag_bits & 0x1:
                raise ValidationError(f"{filename} is password-protected ({name}); upload it without a password")
            if member.file_size > MAX_ZIP_RATIO * max(member.compress_size, 1) and member.file_size > 1024 * 1024:
                raise ValidationError(f"{filename}: {name} expands suspiciously far (a zip bomb?); it was refused")
            # Read at most the declared size + 1: a member that lies about its size is caught, not unpacked.
            with archive.open(member) as fh:
                content = fh.read(member.file_size + 1)
            if len(content) != member.file_size:
                raise ValidationError(f"{filename} is damaged: {name} is not the size the zip says")
            total += len(content)
            if total > MAX_ZIP_TOTAL:
                raise ValidationError(f"{filename} unpacks to more than {MAX_ZIP_TOTAL // (1024 * 1024)} MB")
            out.append((name, content))
    return out


def _check_size(data: bytes, filename: str) -> None:
    if not data:
        raise ValidationError(f"{filename} is empty (0 bytes); choose the file again")
    if len(data) > documents.MAX_BYTES:
        raise ValidationError(f"{filename} is larger than {documents.MAX_BYTES // (1024 * 1024)} MB")


def receive_upload(session: Session, request: Request, data: bytes, filename: str, *, actor: User, now: datetime,
                   settings: Settings, purpose: str = "case_record", title: str | None = None) -> Received:
    """Take an upload in any supported format: a PDF is added now, anything else queued for conversion.

    Before anything is stored, every file is checked for size and type (a zip is unpacked with
    :func:`unpack_zip`), so a bad single upload stores nothing. In a zip, a file of an unknown type
    does not stop the others: it is named in the job's result.

    :param title: the release title, for a single file (ignored for a zip).
    :return: the added PDF's bundle item, or the queued conversion job (poll it with
        ``sar.bundle.jobs.job_progress``).
    :raises ValidationError: empty, oversize, unsupported type, unsafe or damaged zip.
    :raises NotPermitted: the actor is not staff (requesters upload PDF evidence only).
    :raises Conflict: the request is finished.
    """
    filename = documents.clean_filename(filename)
    _check_size(data, filename)
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return Received(item=documents.add_document(session, request, data, filename, actor=actor, now=now,
                                                    settings=settings, purpose=purpose, title=title))
    require_staff(actor)
    if purpose not in documents.PURPOSES:
        raise ValidationError(f"unknown document purpose {purpose!r}")
    if request.status in FINISHED_STATUSES:
        raise Conflict(f"request {request.reference} is {request.status}; documents can no longer be added")
    title = documents.clean_title(title)
    if _is_plain_zip(data, filename):
        files, title = unpack_zip(data, filename), None
    else:
        _detect(data, filename)
        files = [(filename, data)]
    for name, content in files:
        if len(content) > documents.MAX_BYTES:
            raise ValidationError(f"{name} is larger than {documents.MAX_BYTES // (1024 * 1024)} MB")
    store = FileStore(settings.storage_dir)
    entries = [{"filename": name, "sha256": store.put(content), "size": len(content)} for name, content in files]
    job = Job(kind=CONVERT_JOB, request_id=request.id, status="queued", progress_done=0,
              progress_total=len(entries), message="waiting for the worker", created_by_id=actor.id, created_at=now,
              params={"files": entries, "purpose": purpose, "title": title, "upload": filename})
    session.add(job)
    session.flush()
    audit.record(session, "document.receive", actor=actor, now=now, request_id=request.id, target=f"job:{job.id}",
                 detail={"upload": filename, "files": entries, "purpose": purpose})
    return Received(job=job)


def _detect(data: bytes, filename: str) -> str:
    try:
        return pdf_convert.detect(data, filename)
    except ConversionError as exc:
        raise ValidationError(str(exc)) from None


# --- running the job (in the worker or a background thread; no HTTP request waits for it) ------------------


@dataclass
class _Tree:
    """A converted file and its converted attachments (or the reasons they failed)."""

    filename: str
    original: bytes
    result: pdf_convert.Converted
    children: list[_Tree]


def _convert_tree(data: bytes, filename: str, failed: list[dict[str, str]], depth: int = 0) -> _Tree:
    result = pdf_convert.convert(data, filename)
    children = []
    for att in result.attachments:
        if depth >= MAX_ATTACHMENT_DEPTH:
            failed.append({"filename": att.filename, "reason": f"attached more than {MAX_ATTACHMENT_DEPTH} "
                                                               f"e-mails deep in {filename}; upload it separately"})
            continue
        try:
            _check_size(att.data, att.filename)
            children.append(_convert_tree(att.data, att.filename, failed, depth + 1))
        except (ConversionError, ValidationError) as exc:
            failed.append({"filename": att.filename, "reason": f"attached to {filename}: {exc}"})
    return _Tree(filename, data, result, children)


def _store_tree(session: Session, request: Request, tree: _Tree, *, actor: User, now: datetime, settings: Settings,
                purpose: str, title: str | None, attached_to: BundleItem | None,
                added: list[dict[str, Any]]) -> None:
    result = tree.result
    if result.kind == "pdf":
        # A PDF attachment is stored as it is, like an uploaded PDF, but linked to its e-mail.
        item = documents.add_converted(session, request, original=tree.original, original_media_type="application/pdf",
                                       converted_pdf=tree.original, page_count=result.page_count,
                                       filename=tree.filename, actor=actor, now=now, settings=settings,
                                       purpose=purpose, title=title, attached_to=attached_to)
    else:
        item = documents.add_converted(session, request, original=tree.original, original_media_type=result.media_type,
                                       converted_pdf=result.pdf, page_count=result.page_count,
                                       filename=tree.filename, actor=actor, now=now, settings=settings,
                                       purpose=purpose, title=title, attached_to=attached_to)
    # The converter's notes (e.g. linked pictures blocked, an attachment unreadable) go to the job result.
    added.append({"item_id": item.id, "filename": item.filename, "kind": result.kind, "pages": result.page_count,
                  "attached_to": attached_to.id if attached_to is not None else None, "notes": list(result.notes)})
    for child in tree.children:
        _store_tree(session, request, child, actor=actor, now=now, settings=settings, purpose=purpose, title=None,
                    attached_to=item, added=added)


def run_conversion(session_factory: sessionmaker, job_id: int, *, settings: Settings,
                   now_fn: Callable[[], datetime], progress: Callable[[int, int, str], None]) -> tuple[bool, str]:
    """Convert and add every file of a conversion job; finish the job with what was added and what failed.

    Each file (with its attachments) is converted outside any transaction, then added in a
    transaction of its own. ``job.result`` is ``{"added": [...], "failed": [{"filename", "reason"}]}``.

    :param progress: called with (done, total, message) after each file.
    :return: (True, message) when at least one document was added or nothing was to be done;
        (False, message) when every file failed.
    """
    with session_factory.begin() as session:
        job = session.get(Job, job_id)
        if job is None or job.kind != CONVERT_JOB:
            raise NotFound(f"conversion job {job_id} does not exist")
        params = dict(job.params or {})
        request_id, creator_id = job.request_id, job.created_by_id
    files = params.get("files", [])
    store = FileStore(settings.storage_dir)
    added: list[dict[str, Any]] = []
    failed: list[dict[str, str]] = []
    for n, entry in enumerate(files, start=1):
        name = entry["filename"]
        progress(n - 1, len(files), f"converting {name} ({n} of {len(files)})")
        try:
            tree = _convert_tree(store.get(entry["sha256"]), name, failed)
        except (ConversionError, OSError) as exc:
            failed.append({"filename": name, "reason": str(exc)})
            continue
        stored: list[dict[str, Any]] = []
        try:
            with session_factory.begin() as session:
                job = session.get(Job, job_id, with_for_update=True)
                if job.status != "running":
                    raise _Stopped("this job was stopped before it finished")
                request = session.get(Request, request_id)
                actor = session.get(User, creator_id)
                _store_tree(session, request, tree, actor=actor, now=now_fn(), settings=settings,
                            purpose=params.get("purpose", "case_record"), title=params.get("title"),
                            attached_to=None, added=stored)
            added.extend(stored)
        except _Stopped:
            raise
        except SarError as exc:
            failed.append({"filename": name, "reason": str(exc)})
    progress(len(files), len(files), "finishing")
    now = now_fn()
    message = _summary(added, failed)
    with session_factory.begin() as session:
        job = session.get(Job, job_id, with_for_update=True)
        if job.status != "running":
            raise Conflict("this job was stopped before it finished")
        job.status = "done" if added or not failed else "failed"
        job.finished_at = now
        job.progress_done = job.progress_total = max(len(files), 1)
        job.message = message
        job.result = {"added": added, "failed": failed}
        creator = session.get(User, creator_id) if creator_id else None
        audit.record(session, "document.convert", actor=creator, now=now, request_id=request_id,
                     target=f"job:{job_id}", detail={"added": len(added), "failed": failed})
    return bool(added) or not failed, message


def _summary(added: list[dict[str, Any]], failed: list[dict[str, str]]) -> str:
    parts = [f"{len(added)} document{'s' if len(added) != 1 else ''} added"]
    if failed:
        parts.append(f"{len(failed)} could not be added: " + "; ".join(f"{f['filename']} ({f['reason']})"
                                                                      for f in failed[:5]))
    return "; ".join(parts)

