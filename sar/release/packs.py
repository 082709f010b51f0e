"""Build a response pack: the burned-in bundle, the cover letter and the redaction schedule, zipped.

The pack is what a manager approves (by its sha256) and what the requester downloads. It is built
deterministically: the same documents, decisions, letter date and officer give the same bytes.
Nothing that failed ``redaction.pdf.verify`` is ever stored (redaction-notes §3.3).
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redaction import pdf
from redaction.anonymise import anonymise_withheld
from redaction.errors import VerificationError
from redaction.pdf_compose import select_pages, text_pdf
from redaction.types import Box
from sar.core import audit
from sar.core.dates import london_date
from sar.core.errors import Conflict
from sar.core.permissions import require_staff
from sar.core.settings import Settings
from sar.core.storage import FileStore
from sar.models import BundleItem, PageMark, Redaction, Request, ResponsePack, User
from sar.release import burning, correspondence, entitlement, letters
from sar.release.burning import REMOVED_MARKS  # noqa: F401 - re-exported
from sar.release.pack_reading import (  # noqa: F401 - re-exported: reading a stored pack
    MEMBERS,
    PREVIEWABLE,
    PackPreview,
    member_name,
    pack_bytes,
    pack_files,
    pack_page_png,
    pack_preview,
)
from sar.searching import searches

#: Every file in a pack zip carries this timestamp, so the zip's hash depends only on its contents.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
#: A document without a staff-entered title is released as "Document N" (N: its place in the pack).
DEFAULT_TITLE = "Document {n}"


class PackVerificationFailed(Conflict):
    """The burned-in bundle still contains text that was meant to be removed; no pack was written.

    ``problems`` are the verifier's findings. They may quote the removed text: show them to staff
    only, never to a requester.
    """

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        summary = "; ".join(self.problems[:5])
        more = f" (+{len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
        super().__init__("the redacted bundle failed verification and was not released: "
                         f"{summary}{more}. Check that every occurrence of each redacted text is redacted.")


class PackLeak(Conflict):
    """Text the pack would emit (letter, schedule, CSV, a zip member name) contains a redacted string.

    Fail closed: no pack is built. The message names the part or the document, never the string.
    """


def release_title(item: BundleItem, number: int) -> str:
    """The title ``item`` is released under: its staff-entered title, else "Document <number>".

    A released pack never contains an uploaded file name: it can name a third party (issue 8).
    """
    return item.title or DEFAULT_TITLE.format(n=number)


@dataclass(frozen=True)
class _ItemPlan:
    item: BundleItem
    redactions: list[Redaction]
    marks: dict[int, PageMark]


def release_items(session: Session, request: Request) -> list[BundleItem]:
    """The bundle items that go into a pack: current ``case_record`` documents in bundle order."""
    return list(session.scalars(
        select(BundleItem)
        .where(BundleItem.request_id == request.id, BundleItem.removed_at.is_(None),
               BundleItem.purpose == "case_record")
        .order_by(BundleItem.position, BundleItem.id)))


def undecided_count(session: Session, item_ids: Sequence[int]) -> int:
    """How many live proposals on these items still await a decision."""
    if not item_ids:
        return 0
    return session.scalar(select(func.count(Redaction.id)).where(
        Redaction.bundle_item_id.in_(item_ids), Redaction.status == "proposed",
        Redaction.superseded_at.is_(None))) or 0


def _plans(session: Session, items: list[BundleItem]) -> list[_ItemPlan]:
    ids = [i.id for i in items]
    reds: dict[int, list[Redaction]] = defaultdict(list)
    for r in session.scalars(select(Redaction).where(
            Redaction.bundle_item_id.in_(ids), Redaction.status == "accepted",
                                                     Redaction.superseded_at.is_(None))
            .order_by(Redaction.page, Redaction.start, Redaction.id)):
        reds[r.bundle_item_id].append(r)
    marks: dict[int, dict[int, PageMark]] = defaultdict(dict)
    for m in session.scalars(select(PageMark).where(PageMark.bundle_item_id.in_(ids))):
        if m.mark != "disclose":
            marks[m.bundle_item_id][m.page] = m
    return [_ItemPlan(i, reds[i.id], marks[i.id]) for i in items]


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _occurs(needle: str, haystack: str, compact: str) -> bool:
    """Whether folded ``needle`` occurs in folded ``haystack`` the way ``redaction.pdf.verify`` matches.

    Long strings match as substrings (also ignoring spaces), short ones as whole tokens only.
    """
    if len(needle) >= 5:
        squashed = needle.replace(" ", "")
        return needle in haystack or (len(squashed) >= 6 and squashed in compact)
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


def _inside(box: Box, boxes: Sequence[Sequence[float]]) -> bool:
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)


def _strings_to_verify(plans: Sequence[_ItemPlan], originals: dict[int, bytes]
                       ) -> tuple[list[str], list[str], dict[int, str]]:
    """Split the accepted redactions' texts into those the released bundle must not contain and warnings.

    A text that is also visible where nobody redacted it (a reviewer rejected that occurrence, or
    an ordinary word equals a redacted first name) cannot be absent from the output, so it is left
    out of the check, as ``sar redact`` does; each such text is returned as a warning naming the
    document and page, for the manager to see, with the text itself anonymised to its exemption code.
    Every other accepted text is verified.

    :return: ``(to verify, warnings, kept text by item id)``; the kept text is each document's text
        with every accepted redaction blanked, which the burn-in's person search must not look for
        (a surname that is also a kept street name cannot be absent from the output).
    """
    texts = sorted({" ".join(r.text.split()) for p in plans for r in p.redactions
                    if r.text and r.text.strip()})
    if not texts:
        return [], [], {}
    residual: list[tuple[str, int, str, str]] = []
    kept: dict[int, list[str]] = defaultdict(list)
    for plan in plans:
        skip = {page for page, m in plan.marks.items() if m.mark != "disclose"}
        extracted = pdf.extract(originals[plan.item.id], plan.item.filename, ocr=False)
        # Boxes grouped by page once: comparing every redaction with every page was quadratic in
        # the bundle's size (issue 11).
        covered_on: dict[int, list] = defaultdict(list)
        for r in plan.redactions:
            covered_on[r.page].extend(r.boxes)
        for page in extracted.pages:
            if page.page_index in skip:
                continue
            covered = covered_on.get(page.page_index, [])
            chars = [" " if box is not None and _inside(box, covered) else ch
                     for ch, box in zip(page.text, page.char_boxes, strict=True)]
            kept[plan.item.id].append("".join(chars))
            folded = _fold("".join(chars))
            residual.append((plan.item.filename, page.page_index + 1, folded, folded.replace(" ", "")))
    verify, warnings = [], []
    # The warnings are kept in the pack's manifest for as long as the pack record lives, long after the
    # review: they say where (document and page), and quote what only as its code (redaction.anonymise),
    # including inside a file name that quotes it.
    withheld = sorted({(" ".join(r.text.split()), r.code or "") for p in plans for r in p.redactions
                       if r.text and r.text.strip()})
    # One pass over the whole bundle's residual text per string (in C) settles the usual case, a
    # string found nowhere, without a Python loop over every page; NUL never occurs in a folded
    # needle, so no match spans two pages, and it is a non-word boundary like a page's ends.
    whole = "\0".join(hay for _, _, hay, _ in residual)
    whole_compact = "\0".join(compact for _, _, _, compact in residual)
    for text in texts:
        needle = _fold(text)
        if not _occurs(needle, whole, whole_compact):
            verify.append(text)
            continue
        seen = [(name, page) for name, page, hay, compact in residual if _occurs(needle, hay, compact)]
        if not seen:
            verify.append(text)
            continue
        where = ", ".join(f"{name} p.{page}" for name, page in seen[:5])
        warnings.append(anonymise_withheld(f"{text!r} is redacted elsewhere but still visible at {where}",
                                           withheld, "replace"))
    return verify, warnings, {item_id: "\n".join(pages) for item_id, pages in kept.items()}


def burn_specs(session: Session, request: Request, *, settings: Settings) -> list[dict]:
    """The burn-in spec of every document :func:`build_pack` would burn in now (``burning.spec``).

    For a pack build split into one burn-in job per document (issue 11); ``build_pack`` then uses a
    job's result for a document whose spec has not changed since.
    """
    plans = _plans(session, release_items(session, request))
    store = FileStore.for_settings(settings)
    originals = {p.item.id: store.get(p.item.document.sha256) for p in plans}
    removed_strings, _, kept_text = _strings_to_verify(plans, originals)
    specs = []
    for plan in plans:
        _, _, blank, boxes = burning.layout(plan, plan.item.document.page_count)
        specs.append(burning.spec(plan, boxes, blank, removed_strings, kept_text.get(plan.item.id, ""),
                                  ocr_text_layer=settings.ocr_text_layer,
                                  withhold_unverifiable=not settings.refuse_unverifiable))
    return specs


def zip_files(files: dict[str, bytes]) -> bytes:
    """Zip ``files`` deterministically (sorted names, fixed timestamp), so the hash depends on the contents only."""
    return _zip(files)


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name])
    return buf.getvalue()


def _redacted_in(text: str, needles: Sequence[str]) -> bool:
    """Whether any of the folded ``needles`` occurs in ``text`` (matched as ``_occurs`` does)."""
    hay = _fold(text)
    compact = hay.replace(" ", "")
    return any(_occurs(n, hay, compact) for n in needles)


def _check_titles(plans: Sequence[_ItemPlan], needles: Sequence[str]) -> None:
    """Refuse a document title that contains a string redacted anywhere in the bundle.

    :raises PackLeak: naming the document (for staff), never the string.
    """
    for number, plan in enumerate(plans, start=1):
        if _redacted_in(release_title(plan.item, number), needles):
            raise PackLeak(f"the title of document {number} ({plan.item.filename}) contains text that is "
                           "redacted in the bundle; give it a title that names nobody whose details are "
                           "removed. No pack was built.")


def _check_emitted(parts: dict[str, str], needles: Sequence[str]) -> None:
    """The pack's own leak check over every text it emits, against every redacted string.

    :param parts: what each emitted text is (e.g. "cover letter", "zip member names") → the text.
    :raises PackLeak: naming the part, never the string.
    """
    for part, text in parts.items():
        if _redacted_in(text, needles):
            raise PackLeak(f"the {part} would contain text that is redacted in the bundle, so no pack was "
                           "built; check the document titles and the names recorded on the request")


def _verify_or_raise(data: bytes, removed_strings: Sequence[str], name: str) -> None:
    problems = pdf.verify(data, removed_strings, name=name)
    if problems:
        raise PackVerificationFailed(problems)


def build_pack(session: Session, request: Request, *, actor: User, now: datetime,
               settings: Settings, burnt: Mapping[int, tuple[str, pdf.BurnInResult]] | None = None
               ) -> ResponsePack:
    """Build, verify and store the response pack for ``request``.

    The zip holds ``<REF>-cover-letter.pdf``, ``<REF>-redaction-schedule.pdf``,
    ``<REF>-redaction-schedule.csv`` and ``<REF>-bundle.pdf``. In the bundle, accepted redactions
    are burned in (labelled with their code), withheld pages are replaced by "Page withheld: <code>",
    duplicate and not-relevant pages are left out (and listed in the schedule), and every page is
    stamped "<REF> — Page X of Y". The schedule gives code, page and plain-English reason only.

    :param burnt: documents already burned in by their own jobs (``sar.bundle.steps``): item id ->
        (spec key, result); one is used only if its spec key is still the item's (else burned again).
    :return: the new :class:`~sar.models.ResponsePack` (``sha256`` of the zip, size, page count, manifest).
    :raises NotPermitted: the actor is not staff.
    :raises Conflict: no documents, proposals still undecided, or every page left out.
    :raises PackVerificationFailed: the output still contains removed text (nothing is stored).
    """
    require_staff(actor)
    items = release_items(session, request)
    if not items:
        raise Conflict("there are no case-record documents in the bundle to release")
    waiting = undecided_count(session, [i.id for i in items])
    if waiting:
        raise Conflict(f"{waiting} proposed redaction{'s' if waiting != 1 else ''} still "
                       f"need{'s' if waiting == 1 else ''} a decision before the pack can be built")
    plans = _plans(session, items)
    store = FileStore.for_settings(settings)
    ref = request.reference
    originals = {p.item.id: store.get(p.item.document.sha256) for p in plans}
    removed_strings, warnings, kept_text = _strings_to_verify(plans, originals)
    # Every string redacted anywhere in the bundle: no text the pack writes itself may contain one.
    needles = sorted({_fold(r.text) for p in plans for r in p.redactions if r.text and r.text.strip()})
    _check_titles(plans, needles)

    # Final page numbers first: pages left out do not count.
    rows: list[letters.ScheduleRow] = []
    documents: list[dict] = []
    parts: list[tuple[str, bytes]] = []
    next_page = 1
    removed_total = 0
    # Pages released as pictures of themselves (issue 8, redaction-notes §3.3) and pages held back for a
    # manual check (issue 10): the schedule names both (burning.page_events).
    image_pages, held_pages = [], []
    for index, plan in enumerate(plans, start=1):
        item = plan.item
        label = release_title(item, index)
        n_pages = item.document.page_count
        removed, withheld, blank, boxes = burning.layout(plan, n_pages)
        numbering: dict[int, int] = {}
        for p in range(n_pages):
            if p not in removed:
                numbering[p] = next_page
                next_page += 1
        spec = burning.spec(plan, boxes, blank, removed_strings, kept_text.get(item.id, ""),
                            ocr_text_layer=settings.ocr_text_layer,
                            withhold_unverifiable=not settings.refuse_unverifiable)
        ready = (burnt or {}).get(item.id)
        if ready is not None and ready[0] == spec["spec_key"]:
            burnt_doc = ready[1]  # burned in and verified by its own job from this very spec
        else:
            try:
                burnt_doc = burning.burn_from_spec(spec, originals[item.id])
            except VerificationError as exc:
                raise PackVerificationFailed(exc.problems) from exc
        out = burnt_doc.data
        images, held = burning.page_events(burnt_doc, numbering, label)
        image_pages += images
        held_pages += held
        # Staff-only: what the burn-in changed besides the boxes (layers flattened, pictures made).
        warnings += [f"{label}: {note}" for note in burnt_doc.notes]
        keep = [p for p in range(n_pages) if p not in removed]
        removed_total += len(removed)
        for r in plan.redactions:
            if r.page in numbering and r.page not in withheld:
                rows.append(letters.ScheduleRow(numbering[r.page], label, r.page + 1, "redaction", r.code))
        for p, code in sorted(withheld.items()):
            if p in numbering:
                rows.append(letters.ScheduleRow(numbering[p], label, p + 1, "withheld", code))
        for p in sorted(removed):
            mark = plan.marks[p]
            default = "DUPLICATE" if mark.mark == "duplicate" else "NOT-RELEVANT"
            rows.append(letters.ScheduleRow(None, label, p + 1, mark.mark, mark.code or default))
        if not keep:
            continue
        if len(keep) < n_pages:
            out = select_pages(out, keep, name=item.filename)
        parts.append((item.filename, out))
        documents.append({"title": label, "first_page": numbering[keep[0]],
                          "last_page": numbering[keep[-1]]})
    if not parts:
        raise Conflict("every page has been left out of the bundle; there is nothing to release")
    # Several redactions on one page with the same code read as one line in the schedule.
    rows = sorted(set(rows), key=lambda r: (r.page is None, r.page or 0, r.document, r.document_page,
                                            r.kind, r.code))

    merged = pdf.merge(parts)
    bundle = pdf.stamp_pages(merged, lambda n, total: f"{ref} — Page {n} of {total}")
    _verify_or_raise(bundle, removed_strings, f"{ref}-bundle.pdf")
    page_count = pdf.page_count(bundle)

    withheld_codes = [r.code for r in rows if r.kind in ("redaction", "withheld")]
    letter_date = london_date(now)
    subject = request.party("data_subject")
    requester = request.party("requester")
    context = {
        "reference": ref, "regime": request.regime, "family": correspondence.family(request.regime),
        "letter_date": letter_date,
        "requester_name": requester.name if requester else "Sir or Madam",
        "subject_name": subject.name if subject else None,
        # Only what was verified, by whom and when, is claimed (sar.release.entitlement, rulebook T-4).
        **entitlement.letter_context(session, request, london_date=london_date),
        "received_on": request.received_on, "due_on": request.due_on, "extended": bool(request.extended),
        "documents": documents, "page_count": page_count, "removed_count": removed_total,
        "withheld": bool(withheld_codes), "codes": letters.code_key(withheld_codes),
        "officer_name": actor.name, "officer_title": actor.job_title or "Information Rights Team",
        # The kinds of places searched, from the search log (rulebook G-6).
        "search_summary": searches.letter_summary(searches.search_records(session, request)),
        # Issue 17: each logged search (place, dates, result) summarised for the requester; the terms only
        # in FOI/EIR letters (a SAR's terms name the people around the child).
        "search_log": searches.letter_lines(searches.search_records(session, request),
                                            with_terms=request.regime not in entitlement.DATA_RIGHTS_REGIMES),
        "search_log_cy": searches.letter_lines(searches.search_records(session, request), language="cy",
                                               with_terms=request.regime not in entitlement.DATA_RIGHTS_REGIMES),
        # Issue 16: the requester's format picks the easy-read wording and the PDF layout.
        "letter_format": letters.letter_format(request),
        "letter_language": letters.letter_language(request),
    }
    template = letters.letter_template_for(request.regime)
    letter_text = letters.render_cover_letter(settings, request.regime, context)
    schedule_text = letters.render_schedule(settings, {**context, "rows": rows, "image_pages": image_pages,
                                                       "held_pages": held_pages,
                                                       "codes": letters.code_key([r.code for r in rows])})
    letter_pdf = text_pdf([letter_text], style=letters.letter_style(request))
    schedule_pdf = text_pdf([schedule_text])
    schedule_csv = letters.schedule_csv(rows, held_pages)
    member_names = [member_name(ref, member) for member in MEMBERS]
    _check_emitted({"cover letter": letter_text, "redaction schedule": schedule_text,
                    "redaction schedule CSV": schedule_csv.decode("utf-8"),
                    "zip member names": "\n".join(member_names)}, needles)
    _verify_or_raise(letter_pdf, removed_strings, f"{ref}-cover-letter.pdf")
    _verify_or_raise(schedule_pdf, removed_strings, f"{ref}-redaction-schedule.pdf")

    files = dict(zip(member_names, (bundle, letter_pdf, schedule_pdf, schedule_csv), strict=True))
    data = _zip(files)
    sha = store.put(data)
    manifest = {
        "items": [{"id": p.item.id, "filename": p.item.filename, "title": p.item.title,
                   "document_sha256": p.item.document.sha256,
                   "pages": p.item.document.page_count} for p in plans],
        "redaction_ids": sorted(r.id for p in plans for r in p.redactions),
        "page_marks": [{"item_id": m.bundle_item_id, "page": m.page, "mark": m.mark, "code": m.code}
                       for p in plans for m in sorted(p.marks.values(), key=lambda m: m.page)],
        "letter_template": template,
        # Issue 16: the language asked for and sent in (an English fallback is on record), and whether the
        # translation is still to be checked by a speaker of the language.
        "letter_language": letters.language_record(settings, template, context["letter_format"],
                                                   context["letter_language"], context),
        "files": {name: hashlib.sha256(content).hexdigest() for name, content in sorted(files.items())},
        "bundle_pages": page_count,
        "removed_pages": removed_total,
        "image_pages": [p["page"] for p in image_pages],
        "held_pages": held_pages,  # withheld for a manual check (issue 10); the warnings say why
        # Staff-only: accepted texts still visible elsewhere (a missed or rejected occurrence).
        "warnings": warnings,
    }
    pack = ResponsePack(request_id=request.id, sha256=sha, size_bytes=len(data), page_count=page_count,
                        manifest=manifest, built_by_id=actor.id, built_at=now)
    session.add(pack)
    session.flush()
    audit.record(session, "pack.build", actor=actor, now=now, request_id=request.id, target=f"pack:{pack.id}",
                 detail={"sha256": sha, "pages": page_count, "redactions": len(manifest["redaction_ids"]),
                         "letter_template": template, **manifest["letter_language"]})
    return pack
