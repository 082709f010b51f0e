"""Cover letters and redaction schedules for response packs, rendered with plain Jinja2 (no Flask).

Templates live in ``templates/letters``. Which letter a request gets depends on its regime
(rulebook §5): a UK GDPR access request gets the Art 15 letter (§5.1), a FOI request the s.17
refusal-notice paragraphs (§5.2), an EIR request the reg 14 paragraphs (§5.3), a third-party
disclosure (police, court, Cafcass: §1.4) a disclosure note, and other UK GDPR rights a short
outcome letter. Schedules list code, page and plain-English reason and never the removed text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from redaction.codes import EXEMPTION_CODES
from redaction.pdf_compose import EASY_READ, LARGE_PRINT, STANDARD, PageStyle
from sar.core.dates import long_date, long_date_cy
from sar.core.plain_text import letter_value
from sar.core.settings import Settings
from sar.release import entitlement, welsh_text

#: Regime -> cover-letter template (under ``templates/letters``).
LETTER_TEMPLATES: Mapping[str, str] = {
    "sar": "sar_cover.txt",
    "foi": "foi_cover.txt",
    "foi-internal-review": "foi_cover.txt",
    "eir": "eir_cover.txt",
    "eir-reconsideration": "eir_cover.txt",
    "third-party": "third_party_cover.txt",
    "rectification": "rights_cover.txt",
    "erasure": "rights_cover.txt",
    "restriction": "rights_cover.txt",
    "objection": "rights_cover.txt",
    "portability": "rights_cover.txt",
}
SCHEDULE_TEMPLATE = "redaction_schedule.txt"
#: A requester's preferred format (issue 16) -> the PDF layout of their letters. Audio and Braille
#: are made by the council's provider from the standard letter (a task, ``sar.intake.voice``).
LETTER_STYLES: Mapping[str, PageStyle] = {"standard": STANDARD, "large_print": LARGE_PRINT, "easy_read": EASY_READ,
                                          "young_person": EASY_READ}
#: Folder of the child-friendly wording for a young person who asks for their own records (issue 16);
#: where a letter has none, the easy-read wording is used.
YOUNG_PERSON_DIR = "young_person"
#: Folder under ``templates/letters`` holding the easy-read wording of a letter; a letter without
#: an easy-read version falls back to the standard wording (in the easy-read layout).
EASY_READ_DIR = "easy_read"
#: The language every letter exists in; ``templates/letters/<lang>/`` holds translations (issue 16).
DEFAULT_LANGUAGE = "en"

#: FOIA exemptions that are absolute (no public interest test, s.2(3)); the rest are qualified
#: and the s.17(3) public-interest paragraph is printed for them (rulebook §4.1, §5.2).
ABSOLUTE_FOI_CODES = frozenset({"FOIA-S40-2", "FOIA-S41"})

#: The regulator's contact details printed in every letter (rulebook §5.1(3)(f), §5.2 s.17(7)).
ICO = {
    "name": "Information Commissioner's Office",
    "address": "Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF",
    "phone": "0303 123 1113",
    "web": "https://ico.org.uk/make-a-complaint/",
}

#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection": equals,
#: plus, minus, at, tab, carriage return). Such a cell is prefixed with a single quote.
CSV_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

SCHEDULE_CSV_COLUMNS = ("page", "document", "document_page", "kind", "code", "legal_basis", "title", "reason")
#: The CSV schedule's kind, and its reason, for a page held back for a manual check (issue 10). The
#: reason says what the PDF schedule says, without naming anything removed.
HELD_KIND = "held_for_manual_check"
HELD_REASON = ("held back: the automatic check could not confirm that the information removed from this page "
               "can no longer be read, so it is being checked by hand")


@dataclass(frozen=True)
class ScheduleRow:
    """One line of the redaction schedule. It deliberately has no field for the removed text.

    :param page: page number in the released bundle (1-based), or None for a page that was removed.
    :param document: the title the document is released under (never its file name).
    :param document_page: 1-based page in that document.
    :param kind: ``"redaction"``, ``"withheld"``, ``"duplicate"`` or ``"not_relevant"``.
    :param code: a key of ``redaction.codes.EXEMPTION_CODES``.
    """

    page: int | None
    document: str
    document_page: int
    kind: str
    code: str

    @property
    def basis(self) -> str:
        """The legal provision of the code."""
        return EXEMPTION_CODES[self.code].basis

    @property
    def title(self) -> str:
        """The code's short title."""
        return EXEMPTION_CODES[self.code].title

    @property
    def reason(self) -> str:
        """The code's plain-English reason (never the reviewer's free text, which may quote names)."""
        return EXEMPTION_CODES[self.code].reason


@lru_cache(maxsize=8)
def _environment(templates_dir: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(templates_dir) / "letters")),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain text laid out into a PDF, never HTML ...
        finalize=letter_value,  # ... so every value is made one line that cannot start a heading
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["longdate"] = long_date
    env.filters["longdate_cy"] = long_date_cy
    return env


def environment(settings: Settings) -> jinja2.Environment:
    """The Jinja2 environment over ``<templates_dir>/letters`` (strict: a missing variable is an error).

    Every interpolated value goes through :func:`sar.core.plain_text.letter_value`: a name with newlines, a
    form feed or a leading ``"## "`` prints as written and cannot add a page break or a heading.
    """
    return _environment(str(settings.templates_dir))


def own_request_by_child(request: Any) -> bool:
    """Whether a young person under 18 asks for their own data (by any evidence of age, as the T-4 gate)."""
    requester, subject = request.party("requester"), request.party("data_subject")
    if requester is None or (subject is not None and subject is not requester and " ".join(
            (subject.name or "").split()).casefold() != " ".join((requester.name or "").split()).casefold()):
        return False
    person = subject if subject is not None else requester
    if getattr(person, "dob", None) is None and getattr(requester, "dob", None) is not None:
        person = requester
    return entitlement.child_evidence(person, request.received_on)[0] is True


def letter_format(request: Any) -> str:
    """The requester's letter format when it is laid out here, else ``standard`` (issue 16).

    A young person asking for their own records gets the child-friendly letters (``young_person``)
    unless they chose a format themselves.
    """
    party = request.party("requester")
    fmt = getattr(party, "preferred_format", None)
    if fmt is None and own_request_by_child(request):
        return "young_person"
    fmt = fmt or "standard"
    return fmt if fmt in LETTER_STYLES else "standard"


def letter_style(request: Any) -> PageStyle:
    """The PDF layout for ``request``'s letters (large print, easy read or standard)."""
    return LETTER_STYLES[letter_format(request)]


def letter_language(request: Any) -> str:
    """The requester's preferred language's primary subtag (``cy`` for ``cy-GB``), else English."""
    party = request.party("requester")
    tag = getattr(party, "preferred_language", None) or DEFAULT_LANGUAGE
    return tag.split("-", 1)[0].lower()


def _exists(settings: Settings, name: str) -> bool:
    return (Path(settings.templates_dir) / "letters" / name).is_file()


def candidates(settings: Settings, template: str, letter_format: str | None = None,
               language: str | None = None) -> list[tuple[str, str]]:
    """Every template file that could render ``template``, best first, with the language each is in.

    The reader's own language and format first (``cy/easy_read/``), English standard wording last. In between,
    ``settings.letter_fallback`` decides (issue 16): ``language`` keeps the reader's language (the Welsh standard
    wording, in the easy-read layout, before the English easy-read wording: the Welsh Language Standards ask that
    Welsh is not treated less favourably), ``format`` keeps the wording (English easy read before Welsh standard).
    """
    language = (language or DEFAULT_LANGUAGE).lower()
    wordings = {"easy_read": [EASY_READ_DIR], "young_person": [YOUNG_PERSON_DIR, EASY_READ_DIR]}.get(
        letter_format or "", [])
    own = [(f"{language}/{w}/{template}", language) for w in wordings] if language != DEFAULT_LANGUAGE else []
    translation = [(f"{language}/{template}", language)] if language != DEFAULT_LANGUAGE else []
    english_wording = [(f"{w}/{template}", DEFAULT_LANGUAGE) for w in wordings]
    middle = (english_wording + translation if getattr(settings, "letter_fallback", "language") == "format"
              else translation + english_wording)
    return own + middle + [(template, DEFAULT_LANGUAGE)]


def resolve(settings: Settings, template: str, letter_format: str | None = None,
            language: str | None = None) -> tuple[str, str]:
    """Which template file renders ``template`` for a format and language, and the language it is in.

    The first of :func:`candidates` that exists. A language with no translation falls back to English
    (the caller records it, :func:`language_record`).

    :return: ``(template path under letters/, language used)``.
    """
    return next(((name, used) for name, used in candidates(settings, template, letter_format, language)
                 if _exists(settings, name) or name == template), (template, DEFAULT_LANGUAGE))


#: A translation not yet checked by a speaker of the language says so in its first line (a Jinja comment,
#: never printed); the letter's record then says the text is to be checked (issue 16).
UNCHECKED_MARK = "to be checked by a"


def translation_unchecked(settings: Settings, chosen: str) -> bool:
    """Whether the template file ``chosen`` (as :func:`resolve` names it) is a translation still to be checked."""
    path = Path(settings.templates_dir) / "letters" / chosen
    try:
        with path.open(encoding="utf-8") as fh:
            first = fh.readline()
    except OSError:
        return False
    return first.startswith("{#") and UNCHECKED_MARK in first


def language_record(settings: Settings, template: str, letter_format: str | None, asked: str,
                    context: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """What a letter's record says about its language and wording (issue 16).

    Asked and sent language, whether it fell back to English, whether the translation is still to be checked,
    the wording asked for and the one sent (``easy_read``, ``young_person``, ``standard``), the fallback order
    (``settings.letter_fallback``) and the template files tried before the one used. With ``context``, the
    officer's own text left in English in a translated letter (:func:`sar.release.welsh_text.english_parts`).
    """
    chosen, used = resolve(settings, template, letter_format, asked)
    tried = [name for name, _ in candidates(settings, template, letter_format, asked)]
    record = {"language": asked, "language_sent": used, "language_fallback": asked != used,
              "translation_to_check": used != DEFAULT_LANGUAGE and translation_unchecked(settings, chosen),
              "wording": letter_format or "standard", "wording_sent": _wording(chosen),
              "fallback_order": getattr(settings, "letter_fallback", "language"),
              "fallback_tried": tried[:tried.index(chosen)] if chosen in tried else tried}
    if context is not None and used != DEFAULT_LANGUAGE:
        record["english_parts"] = welsh_text.english_parts(settings, context, used)
    return record


def _wording(chosen: str) -> str:
    """The wording a template path is in: ``young_person``, ``easy_read`` or ``standard``."""
    parts = chosen.split("/")[:-1]
    return next((p for p in parts if p in (YOUNG_PERSON_DIR, EASY_READ_DIR)), "standard")


def template_variant(settings: Settings, template: str, letter_format: str | None,
                     language: str | None = None) -> str:
    """The template file :func:`resolve` picks."""
    return resolve(settings, template, letter_format, language)[0]


def letter_template_for(regime: str) -> str:
    """The cover-letter template for a regime (the SAR letter for anything unknown)."""
    return LETTER_TEMPLATES.get(regime, "sar_cover.txt")


def code_key(codes: Sequence[str]) -> list[dict[str, Any]]:
    """The redaction code key (rulebook §5.1 item 5): each code used, once, in a stable order."""
    out = []
    for code in sorted(set(codes)):
        c = EXEMPTION_CODES[code]
        out.append({"code": c.code, "basis": c.basis, "title": c.title, "reason": c.reason,
                    "absolute": c.code in ABSOLUTE_FOI_CODES})
    return out


def render(settings: Settings, template: str, context: Mapping[str, Any]) -> str:
    """Render a letters template with the common values (council, ICO) added to ``context``.

    With ``context["letter_format"] == "easy_read"`` the easy-read wording, and with
    ``context["letter_language"]`` a translation, is used where it exists (:func:`resolve`).

    :raises jinja2.TemplateError: unknown template or missing variable.
    """
    full = {"council_name": settings.council_name, "council_email": settings.mail_from, "ico": ICO,
            "portal_url": settings.base_url, **context}
    chosen, used = resolve(settings, template, context.get("letter_format"), context.get("letter_language"))
    page = environment(settings).get_template(chosen)
    if used == DEFAULT_LANGUAGE:
        return page.render(**full)
    # Issue 16: the fixed strings (code key, exemption titles) in the letter's language; rendered once to see
    # which of the officer's own words the letter prints, then again with the note naming those left in English.
    full.update(welsh_text.localise(settings, full, used), english_note="")
    first = page.render(**full)
    full.update(welsh_text.localise(settings, full, used, rendered=first))
    return page.render(**full) if full["english_note"] else first


def render_cover_letter(settings: Settings, regime: str, context: Mapping[str, Any]) -> str:
    """Render the cover letter for ``regime`` (see :data:`LETTER_TEMPLATES`) as plain text."""
    return render(settings, letter_template_for(regime), context)


def render_schedule(settings: Settings, context: Mapping[str, Any]) -> str:
    """Render the redaction schedule as plain text; ``context["rows"]`` holds :class:`ScheduleRow`."""
    return render(settings, SCHEDULE_TEMPLATE, context)


def csv_cell(value: object) -> object:
    """A CSV cell that no spreadsheet runs as a formula.

    Text starting with one of :data:`CSV_FORMULA_TRIGGERS` gets a leading single quote; numbers are
    left as they are.
    """
    if isinstance(value, str) and value.startswith(CSV_FORMULA_TRIGGERS):
        return "'" + value
    return value


def schedule_csv(rows: Sequence[ScheduleRow], held_pages: Sequence[Mapping[str, Any]] = ()) -> bytes:
    """The schedule as CSV (UTF-8, CRLF line ends): page, document, code, basis, title, reason.

    ``held_pages`` (``{"page", "document", "document_page"}``, as the pack manifest holds them) are the
    pages burn-in replaced by a notice for a manual check (issue 10); each gets a row of kind
    :data:`HELD_KIND` with no code, so a reader of the CSV alone learns of them as a reader of the PDF
    schedule does. Every text cell goes through :func:`csv_cell` (formula injection: a document title is
    typed by staff).
    """
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(SCHEDULE_CSV_COLUMNS)
    for row in rows:
        writer.writerow([csv_cell(v) for v in (
            row.page if row.page is not None else "removed", row.document, row.document_page,
            row.kind, row.code, row.basis, row.title, row.reason)])
    for held in held_pages:
        writer.writerow([csv_cell(v) for v in (
            held["page"], held["document"], held["document_page"], HELD_KIND, "", "", "", HELD_REASON)])
    return buf.getvalue().encode("utf-8")
