"""``sar redact``: propose and burn in redactions for a bundle of PDFs released under one SAR.

All files given are one bundle, so a third party found in one file is redacted in all of them.
For each input ``NAME.pdf`` the command writes ``OUT/NAME.pdf`` (burned in and verified) and
``OUT/NAME.pdf.redactions.json`` (staff-facing: ``{"redactions": [...], "cast": [...]}``, the
schedule of redactions and the bundle's cast of people with their status and evidence). It quotes
withheld text for the reviewer by default; ``--quote replace`` or ``--quote mask`` writes a copy
for anyone else, with every withheld string anonymised by presidio-anonymizer (redaction.anonymise).
A file that cannot be read or whose output fails verification is reported on stderr by name, the
others are still processed, and the exit status is 1. A page whose picture alone still fails
verification after burn-in's repair pass is withheld for a manual check (issue 10: a notice page in
``OUT/NAME.pdf``, listed under ``pages_withheld_for_manual_check`` in the schedule JSON, a warning on
stderr) and the rest of the file is written, verified; ``--refuse-unverifiable`` refuses the file instead.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import click

from redaction import pdf
from redaction.anonymise import OPERATORS, anonymise_json, cast_withheld, quote
from redaction.cast import apply_cast, parse_cast
from redaction.codes import code_for_regime
from redaction.context import RedactionContext, StaffMember, Subject
from redaction.errors import PdfError, VerificationError
from redaction.substrings import PrefixIndex
from redaction.types import BurnInBox, ExtractedDocument, Proposal
from sar.core.settings import OCR_TEXT_LAYER_ENV, REFUSE_UNVERIFIABLE_ENV


def _load_staff(path: str | None) -> tuple[StaffMember, ...]:
    """Read a staff file: a JSON list of ``{"name", "role"}`` objects (extra keys allowed)."""
    if path is None:
        return ()
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise click.BadParameter(f"cannot read staff file {path}: {exc}", param_hint="--staff-file") from None
    if not isinstance(data, list):
        raise click.BadParameter(
            f"{path}: expected a JSON list of {{name, role}} objects", param_hint="--staff-file"
        )
    staff = []
    for i, item in enumerate(data):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("name"), str)
            or not isinstance(item.get("role"), str)
        ):
            raise click.BadParameter(
                f"{path}: entry {i} needs string 'name' and 'role'", param_hint="--staff-file"
            )
        try:
            staff.append(StaffMember(item["name"], item["role"], item.get("org"), item.get("email")))
        except ValueError as exc:
            raise click.BadParameter(f"{path}: entry {i}: {exc}", param_hint="--staff-file") from None
    return tuple(staff)


def _load_cast(path: str):
    """Read and validate a confirmed cast file (see :mod:`redaction.cast`)."""
    try:
        return parse_cast(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
        raise click.BadParameter(f"cannot use cast file {path}: {exc}", param_hint="--cast") from None


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def verifiable_strings(document: ExtractedDocument, proposals: Sequence[Proposal]) -> list[str]:
    """The proposed texts that must not survive burn-in.

    A string that also occurs in text we deliberately keep (a surname that is also a word in a kept
    sentence) cannot be absent from the output, so it is left out of the check; every other
    proposed string is checked, matched the way ``redaction.pdf.verify`` matches (any case, any
    spacing).
    """
    residual_parts = []
    withheld = {p.page for p in proposals if p.entity_type == "LEGAL_ADVICE" and p.start == 0}
    # Proposals grouped by page once: comparing every proposal with every page was quadratic in the
    # bundle's size (issue 11: 227 CPU-s of 1,482 at 5,760 pages).
    on_page: dict[int, list[Proposal]] = {}
    for p in proposals:
        on_page.setdefault(p.page, []).append(p)
    for page in document.pages:
        if page.page_index in withheld:
            continue
        chars = list(page.text)
        for p in on_page.get(page.page_index, ()):
            for i in range(p.start, min(p.end, len(chars))):
                chars[i] = " "
        residual_parts.append("".join(chars))
    residual = _fold(" \n ".join(residual_parts))
    compact = residual.replace(" ", "")
    wanted = [(p, _fold(p.text)) for p in proposals if p.page not in withheld]
    # Each distinct needle is settled once, and only needles whose first characters occur in the
    # residual text are searched for in it: searching the whole bundle's text for every proposal cost
    # proposals x pages (issue 11). A needle that is no candidate cannot occur, so the result is the same.
    needles = list(dict.fromkeys(n for _, n in wanted if n))
    long = [n for n in needles if len(n) >= 5]
    short = [n for n in needles if len(n) < 5]
    survives = dict.fromkeys(needles, False)
    for i in PrefixIndex(long).candidates(residual):
        survives[long[i]] = long[i] in residual
    spaced = [n for n in long if not survives[n] and len(n.replace(" ", "")) >= 6]
    for i in PrefixIndex([n.replace(" ", "") for n in spaced]).candidates(compact):
        survives[spaced[i]] = spaced[i].replace(" ", "") in compact
    for i in PrefixIndex(short).candidates(residual):
        survives[short[i]] = re.search(rf"(?<!\w){re.escape(short[i])}(?!\w)", residual) is not None
    out = [" ".join(p.text.split()) for p, needle in wanted if needle and not survives[needle]]
    return list(dict.fromkeys(out))


def kept_text(document: ExtractedDocument, proposals: Sequence[Proposal]) -> str:
    """The document's text with every proposed span blanked: what is deliberately kept.

    Verification looks for every variant of each redacted person except those that occur in
    this text (a surname shared with a kept street name cannot be absent from the output).
    """
    parts = []
    for page in document.pages:
        chars = list(page.text)
        for p in proposals:
            if p.page == page.page_index:
                for i in range(p.start, min(p.end, len(chars))):
                    chars[i] = " "
        parts.append("".join(chars))
    return "\n".join(parts)


def schedule_entries(proposals: Sequence[Proposal], quote_with: str = "keep") -> list[dict]:
    """The schedule of redactions: one JSON object per proposal, pages 1-based.

    ``text`` quotes what the proposal removes, passed through the anonymiser operator ``quote_with``
    (:mod:`redaction.anonymise`): ``keep`` for the reviewer's working copy (the reviewer must see
    what is withheld to accept or reject it), ``replace``/``mask`` for a copy that leaves the team.
    """
    return [
        {
            "page": p.page + 1,
            "code": p.code,
            "reason": p.reason,
            "text": quote(p.text, p.code, quote_with),
            "entity_type": p.entity_type,
            "score": round(p.score, 3),
            "recognizer": p.recognizer,
            "boxes": [[round(v, 2) for v in b.as_tuple()] for b in p.boxes],
        }
        for p in proposals
    ]


@click.command("redact")
@click.option("--subject-name", required=True, help="The data subject's full name.")
@click.option("--subject-dob", default=None, help="The data subject's date of birth, DD/MM/YYYY.")
@click.option("--subject-alias", "aliases", multiple=True, help="Another name of the subject (repeatable).")
@click.option(
    "--subject-id",
    "identifiers",
    multiple=True,
    help="The subject's own NHS number or reference, kept wherever it appears (repeatable).",
)
@click.option(
    "--staff-file",
    type=click.Path(dir_okay=False),
    default=None,
    help='JSON list of {"name", "role"} objects: professionals whose names are kept.',
)
@click.option(
    "--cast",
    "cast_file",
    type=click.Path(dir_okay=False),
    default=None,
    help='JSON {"people": [{"name", "role", "aliases", "relationship"}]}: a confirmed cast (roles '
    "subject, professional, third_party, disclosed) that wins over what the engine infers.",
)
@click.option("--label-codes", is_flag=True, help="Print the exemption code inside each redaction box.")
@click.option(
    "--quote",
    "quote_with",
    type=click.Choice(OPERATORS),
    default="keep",
    show_default=True,
    help="How NAME.pdf.redactions.json quotes withheld text: keep (the reviewer's working copy), "
    "replace ([redacted: CODE]) or mask, for a copy that leaves the team.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes used for detection.",
)
@click.option(
    "--ocr-text-layer/--no-ocr-text-layer",
    default=True,
    envvar=OCR_TEXT_LAYER_ENV,
    show_default=True,
    help="Release scanned pages with an invisible, searchable text layer of the words kept.",
)
@click.option(
    "--refuse-unverifiable",
    is_flag=True,
    default=False,
    envvar=REFUSE_UNVERIFIABLE_ENV,
    help="Refuse a whole file when OCR still reads redacted text in the picture of a page after the "
    "repair pass, instead of withholding that page for a manual check.",
)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Output directory.")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def redact(
    subject_name: str,
    subject_dob: str | None,
    aliases: tuple[str, ...],
    identifiers: tuple[str, ...],
    staff_file: str | None,
    cast_file: str | None,
    label_codes: bool,
    quote_with: str,
    workers: int,
    ocr_text_layer: bool,
    refuse_unverifiable: bool,
    out_dir: str,
    files: tuple[str, ...],
) -> None:
    """Redact FILES (one SAR bundle) into --out, with a schedule of redactions per file."""
    from redaction.engine import RedactionEngine
    from redaction.nlp import ModelMissingError

    try:
        subject = Subject(subject_name, aliases=aliases, dob=subject_dob, identifiers=identifiers)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--subject-name/--subject-dob") from None
    context = RedactionContext(subject=subject, staff=_load_staff(staff_file))
    if cast_file is not None:
        context = apply_cast(context, _load_cast(cast_file))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    failed = 0
    loaded: list[tuple[Path, bytes, ExtractedDocument]] = []
    for name in files:
        path = Path(name)
        try:
            data = path.read_bytes()
            loaded.append((path, data, pdf.extract(data, path.name)))
        except (OSError, PdfError) as exc:
            failed += 1
            click.echo(f"sar: error: {path}: {_why(exc)}", err=True)

    if loaded:
        engine = RedactionEngine()
        documents = [doc for _, _, doc in loaded]
        try:
            plans = _propose(engine, documents, context, workers)
        except ModelMissingError as exc:
            raise click.ClickException(str(exc)) from None
        finally:
            engine.close()
        # Withheld anywhere in the bundle: the cast is bundle-wide, so its quotes are checked against all.
        withheld = [(p.text, p.code) for (_, _, doc), plan in zip(loaded, plans, strict=True)
                    for p in plan.proposals if not _whole_page(doc, p)]
        if plans:
            withheld += cast_withheld(plans[0].cast, code_for_regime(THIRD_PARTY_CODE, context.regime))
        for (path, data, document), plan in zip(loaded, plans, strict=True):
            try:
                notes = _write(path, data, document, plan.proposals, out, label_codes, plan.cast,
                               quote_with=quote_with, bundle_withheld=withheld, ocr_text_layer=ocr_text_layer,
                               withhold_unverifiable=not refuse_unverifiable)
            except (PdfError, ValueError, OSError) as exc:
                failed += 1
                click.echo(f"sar: error: {path}: {_why(exc)}", err=True)
                continue
            # Every page burn-in rasterised or could not verify by OCR is named (issue 8), as is
            # every page-level problem found in analysis.
            for problem in [*plan.problems, *notes]:
                click.echo(f"sar: warning: {path.name}: {problem}", err=True)
    if failed:
        click.echo(f"sar: {failed} of {len(files)} file(s) failed", err=True)
        sys.exit(1)


def _propose(engine, documents, context, workers):
    total = sum(len(d.pages) for d in documents)
    if not sys.stderr.isatty():
        return engine.propose(documents, context, workers=workers)
    with click.progressbar(length=total, label="Detecting", file=sys.stderr) as bar:
        state = {"done": 0}

        def progress(done: int, _total: int) -> None:
            bar.update(done - state["done"])
            state["done"] = done

        return engine.propose(documents, context, workers=workers, progress=progress)


def _write(
    path: Path,
    data: bytes,
    document: ExtractedDocument,
    proposals: Sequence[Proposal],
    out: Path,
    label_codes: bool,
    cast: Sequence[dict] = (),
    *,
    quote_with: str = "keep",
    bundle_withheld: Sequence[tuple[str, str]] = (),
    ocr_text_layer: bool = True,
    withhold_unverifiable: bool = True,
) -> list[str]:
    """Burn ``proposals`` into ``path`` and write it, its schedule and the bundle's cast; return burn-in notes.

    Pages burn-in withheld for a manual check (``BurnInResult.withheld_pages``) are listed in the
    schedule (1-based, with the note) and the notes start with a line naming them all.
    The schedule's quotes and the cast's names, mentions and evidence go through ``quote_with``
    (:mod:`redaction.anonymise`) against every ``(text, code)`` of ``bundle_withheld`` (the bundle's).
    """
    withheld = {
        p.page: p.code
        for p in proposals
        if p.entity_type == "LEGAL_ADVICE" and p.start == 0 and p.end == len(document.pages[p.page].text)
    }
    boxes = [
        BurnInBox(p.page, box, p.code if label_codes else None)
        for p in proposals
        if p.page not in withheld
        for box in p.boxes
    ]
    result = pdf.burn_in_report(
        data,
        boxes,
        withheld_pages=withheld,
        removed_strings=verifiable_strings(document, proposals),
        label_boxes=label_codes,
        name=path.name,
        people=sorted({p.text for p in proposals if p.entity_type == "PERSON" and p.page not in withheld}),
        kept_text=kept_text(document, proposals),
        ocr_text_layer=ocr_text_layer,
        withhold_unverifiable=withhold_unverifiable,
    )
    (out / path.name).write_bytes(result.data)
    cast_out = anonymise_json(list(cast), bundle_withheld, quote_with)
    # Which scanned pages carry the searchable OCR text layer (1-based; pdf_ocr_layer).
    layer = [p + 1 for p in result.text_layer_pages]
    # Pages withheld because their redaction could not be verified (issue 10), 1-based, with the note.
    held = [{"page": p + 1, "note": next((n for n in result.notes if n.startswith(f"page {p + 1}: ")), "")}
            for p in result.withheld_pages]
    schedule = json.dumps({"redactions": schedule_entries(proposals, quote_with), "cast": cast_out,
                           "ocr_text_layer_pages": layer, "pages_withheld_for_manual_check": held}, indent=2,
                          ensure_ascii=False)
    (out / f"{path.name}.redactions.json").write_text(schedule + "\n", encoding="utf-8")
    if not held:
        return list(result.notes)
    pages = ", ".join(str(h["page"]) for h in held)
    summary = (f"{len(held)} page(s) withheld for a manual check (page {pages}): OCR still read redacted text "
               "in their picture; the rest of the file was verified and written")
    return [summary, *result.notes]


#: The code a third party's name is withheld under (DPA 2018 Sch 2 para 16; redaction.codes).
THIRD_PARTY_CODE = "SCH2-P16-THIRD-PARTY"


def _whole_page(document: ExtractedDocument, p: Proposal) -> bool:
    """A page withheld whole as legal advice: its "text" is the page, not a quote."""
    return p.entity_type == "LEGAL_ADVICE" and p.start == 0 and p.end == len(document.pages[p.page].text)


def _why(exc: Exception) -> str:
    if isinstance(exc, VerificationError):
        return "redacted output failed verification and was not written: " + "; ".join(exc.problems[:3])
    return str(exc) or type(exc).__name__


COMMANDS = [redact]
