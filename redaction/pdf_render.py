"""Lay text out as PDF pages: e-mails with their headers, spreadsheets as tables (issue 17).

Used by :mod:`redaction.pdf_convert`, which removes the metadata from what is returned here. All
markup is built from escaped text; PyMuPDF's Story never fetches a remote resource.
"""

from __future__ import annotations

import csv
import email
import email.policy
import html
import io
import re
from dataclasses import dataclass
from email.message import EmailMessage
from html.parser import HTMLParser

import extract_msg
import openpyxl
import pymupdf

from redaction.errors import ConversionError

_A4 = pymupdf.paper_rect("a4")
_MARGIN = 48  # points around rendered text
#: Rendering stops with an error beyond this many pages (a runaway or hostile message or sheet).
MAX_RENDERED_PAGES = 5000
_BASE_CSS = """
body { font-family: sans-serif; font-size: 10pt; }
table { border-collapse: collapse; margin-bottom: 10pt; }
td { padding: 1pt 6pt 1pt 0; vertical-align: top; }
td.h { font-weight: bold; }
pre { font-family: sans-serif; font-size: 10pt; white-space: pre-wrap; }
"""


@dataclass(frozen=True)
class Attachment:
    """A file found inside another (an e-mail's attachment), returned unconverted."""

    filename: str
    data: bytes



@dataclass(frozen=True)
class RenderedMail:
    """An e-mail laid out as PDF (with metadata still to remove), its attachments, and notes for the reviewer."""

    pdf: bytes
    attachments: tuple[Attachment, ...]
    notes: tuple[str, ...] = ()


def story_pdf(markup: str, css: str = "") -> bytes:
    """Lay out HTML (already escaped) on A4 pages with PyMuPDF's Story; no remote resources are loaded."""
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    story = pymupdf.Story(html=markup, user_css=css or _BASE_CSS)
    where = _A4 + (_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
    more, pages = True, 0
    while more:
        if pages >= MAX_RENDERED_PAGES:
            raise ConversionError(f"the text is too long to render (over {MAX_RENDERED_PAGES} pages)")
        device = writer.begin_page(_A4)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
        pages += 1
    writer.close()
    return buffer.getvalue()


# Spreadsheets ----------------------------------------------------------------------------------------------

#: A sheet with more cells than this is refused (rendering it would run to thousands of pages).
MAX_TABLE_CELLS = 500_000
_TABLE_CSS = """
body { font-family: sans-serif; font-size: 8pt; }
table { border-collapse: collapse; }
td, th { border: 0.5pt solid #888; padding: 1pt 3pt; vertical-align: top; text-align: left; }
th { background-color: #eee; font-weight: bold; }
h3 { font-size: 10pt; }
"""


def _cell_text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:-9] if text.endswith("T00:00:00") else text
    return str(value)


def _sheets_of(data: bytes, filename: str, kind: str) -> list[tuple[str, list[list[str]], list[str]]]:
    """Each sheet as (title, rows of cell texts, notes): hidden sheets, rows and columns included."""
    if kind == "csv":
        text = data.decode("utf-8-sig", "replace")
        try:
            dialect = csv.Sniffer().sniff(text[:65536], delimiters=",;\t|")
        except csv.Error:
            dialect = csv.excel
        rows = [list(row) for row in csv.reader(io.StringIO(text), dialect)]
        return [("", rows, [])]
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on damaged input
        raise ConversionError(f"{filename} is damaged and cannot be read as a workbook ({exc})") from None
    sheets = []
    for sheet in book.worksheets:
        notes = []
        if sheet.sheet_state != "visible":
            notes.append(f"this sheet is {sheet.sheet_state} in the workbook")
        hidden_rows = [i for i, dim in sheet.row_dimensions.items() if dim.hidden]
        hidden_cols = [key for key, dim in sheet.column_dimensions.items() if dim.hidden]
        if hidden_rows or hidden_cols:
            where = [f"row {r}" for r in hidden_rows[:20]] + [f"column {c}" for c in hidden_cols[:20]]
            notes.append("hidden rows or columns are shown here: " + ", ".join(where))
        rows = []
        for row in sheet.iter_rows():
            rows.append([_cell_text(cell.value) for cell in row])
            for cell in row:
                if cell.comment is not None:
                    notes.append(f"comment on {cell.coordinate} by {cell.comment.author or 'unknown'}: "
                                 f"{cell.comment.text}")
        sheets.append((sheet.title, rows, notes))
    return sheets


def table_pdf(data: bytes, filename: str, kind: str) -> bytes:
    """A workbook (``xlsx``) or CSV file as bordered tables, every cell in full, one section per sheet."""
    parts = []
    for title, rows, notes in _sheets_of(data, filename, kind):
        while rows and not any(rows[-1]):
            rows.pop()
        width = max((len(r) for r in rows), default=0)
        if width * len(rows) > MAX_TABLE_CELLS:
            raise ConversionError(f"{filename} has more than {MAX_TABLE_CELLS:,} cells in one sheet; export the "
                                  "part that is relevant and upload that")
        if title:
            parts.append(f"<h3>Sheet: {html.escape(title)}</h3>")
        parts.extend(f"<p><i>{html.escape(note)}</i></p>" for note in notes)
        if not rows:
            parts.append("<p>(empty)</p>")
            continue
        head, *body = rows
        cells = "".join(f"<th>{html.escape(c)}</th>" for c in head + [""] * (width - len(head)))
        lines = [f"<tr>{cells}</tr>"]
        for row in body:
            lines.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row + [""] * (width - len(row)))
                         + "</tr>")
        parts.append(f"<table>{''.join(lines)}</table>")
    try:
        return story_pdf(f"<body>{''.join(parts)}</body>", _TABLE_CSS)
    except ConversionError as exc:
        raise ConversionError(f"{filename}: {exc}") from None


# E-mail ----------------------------------------------------------------------------------------------------


class _TextOfHtml(HTMLParser):
    """The visible text of an HTML body: scripts and styles dropped, block elements on their own lines."""

    _BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
                         "blockquote", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):  # noqa: D102
        if tag in ("script", "style", "head", "title"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):  # noqa: D102
        if tag in ("script", "style", "head", "title"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):  # noqa: D102
        if not self._skip:
            self.parts.append(data)

    def text(self) -> str:
        joined = "".join(self.parts)
        joined = re.sub(r"[ \t\r\f\v]+", " ", joined)
        return re.sub(r"\n\s*\n\s*\n+", "\n\n", joined).strip()


def html_to_text(markup: str) -> str:
    """The readable text of an HTML e-mail body (no remote content is fetched)."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    return parser.text()


@dataclass(frozen=True)
class _Mail:
    headers: tuple[tuple[str, str], ...]
    body: str
    attachments: tuple[Attachment, ...]
    notes: tuple[str, ...] = ()


def render_eml(data: bytes, filename: str) -> RenderedMail:
    """An RFC 5322 e-mail (stdlib ``email``) laid out as PDF pages, with its attachments."""
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as exc:  # noqa: BLE001 - the parser raises many kinds on damaged input
        raise ConversionError(f"{filename} is damaged and cannot be read as an e-mail ({exc})") from None
    if not isinstance(msg, EmailMessage) or not any(msg.get(h) for h in ("From", "To", "Subject", "Date")):
        raise ConversionError(f"{filename} is not an e-mail: it has no From, To, Subject or Date header")
    body_part = msg.get_body(preferencelist=("plain", "html"))
    body = ""
    notes: list[str] = []
    if body_part is not None:
        try:
            content = body_part.get_content()
        except (LookupError, ValueError) as exc:
            content, _ = "", notes.append(f"{filename}: the message body could not be decoded ({exc})")
        body = html_to_text(content) if body_part.get_content_type() == "text/html" else content
    attachments = []
    for n, part in enumerate(msg.iter_attachments(), start=1):
        name = part.get_filename() or f"attachment-{n}"
        if part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            content = inner.as_bytes() if inner is not None else b""
            if not name.casefold().endswith(".eml"):
                name += ".eml"
        else:
            content = part.get_payload(decode=True) or b""
        attachments.append(Attachment(_safe_name(name, n), content))
    headers = tuple((label, str(msg.get(key, "") or "")) for label, key in
                    (("From", "From"), ("To", "To"), ("Cc", "Cc"), ("Sent", "Date"), ("Subject", "Subject")))
    mail = _Mail(headers, body, tuple(attachments), tuple(notes))
    return _render_mail(mail, filename)


def render_msg(data: bytes, filename: str) -> RenderedMail:
    """An Outlook ``.msg`` (``extract-msg``) laid out as PDF pages, with its attachments."""
    try:
        msg = extract_msg.openMsg(data)
    except Exception as exc:  # noqa: BLE001 - the library raises many kinds on damaged input
        raise ConversionError(f"{filename} is damaged or password-protected and cannot be read as an Outlook "
                              f"e-mail ({type(exc).__name__})") from None
    try:
        body = msg.body or ""
        if not body.strip() and getattr(msg, "htmlBody", None):
            raw = msg.htmlBody
            body = html_to_text(raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw)
        sent = msg.date
        headers = (("From", msg.sender or ""), ("To", msg.to or ""), ("Cc", msg.cc or ""),
                   ("Sent", str(sent) if sent else ""), ("Subject", msg.subject or ""))
        attachments = []
        for n, att in enumerate(msg.attachments, start=1):
            content = att.data
            name = att.longFilename or att.shortFilename or f"attachment-{n}"
            if not isinstance(content, bytes | bytearray):
                # An embedded Outlook message: keep it as a .msg of its own when the library can export it.
                export = getattr(content, "exportBytes", None)
                if export is None:
                    continue
                content, name = export(), name if name.casefold().endswith(".msg") else name + ".msg"
            attachments.append(Attachment(_safe_name(name, n), bytes(content)))
    finally:
        msg.close()
    return _render_mail(_Mail(headers, body, tuple(attachments)), filename)


def _safe_name(name: str, n: int) -> str:
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip().replace("\x00", "")
    return name[:200] or f"attachment-{n}"




def _render_mail(mail: _Mail, filename: str) -> RenderedMail:
    rows = "".join(f'<tr><td class="h">{html.escape(label)}:</td><td>{html.escape(value)}</td></tr>'
                   for label, value in mail.headers)
    if mail.attachments:
        names = ", ".join(html.escape(a.filename) for a in mail.attachments)
        rows += f'<tr><td class="h">Attachments:</td><td>{names}</td></tr>'
    body = html.escape(mail.body.replace("\r\n", "\n").strip() or "(no message text)")
    markup = f"<body><table>{rows}</table><hr/><pre>{body}</pre></body>"
    try:
        out = story_pdf(markup, _BASE_CSS)
    except ConversionError as exc:
        raise ConversionError(f"{filename}: {exc}") from None
    return RenderedMail(pdf=out, attachments=mail.attachments, notes=mail.notes)
