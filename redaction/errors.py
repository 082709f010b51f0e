"""Errors raised by the PDF layer (``redaction.pdf``).

Callers catch :class:`PdfError` to handle every PDF problem in one place, or the subclasses to
tell the requester something specific ("send it again without a password").
"""

from __future__ import annotations


class PdfError(Exception):
    """Base class for every error the PDF layer raises on purpose."""


class NotAPdfError(PdfError):
    """The bytes are not a usable PDF: not a PDF at all, damaged beyond repair, or with no pages."""


class EncryptedPdfError(PdfError):
    """The PDF needs a password to open, so its text cannot be checked or redacted."""


class VerificationError(PdfError):
    """A redacted PDF failed the independent check of its output and must not be released.

    ``problems`` lists every finding in plain words, for the reviewer and the audit log. The
    strings name the page and the kind of leak, and may quote the text that was meant to be removed,
    so treat them as being as sensitive as the original document.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        summary = "; ".join(self.problems[:5])
        more = f" (+{len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
        super().__init__(f"redacted PDF failed verification: {summary}{more}")


class ConversionError(PdfError):
    """A file could not be converted to PDF (``redaction.pdf_convert``).

    It is damaged, password-protected, too large, or of a type SAR Desk does not read; the message
    names the file and the reason.
    """


class UnsupportedFormatError(ConversionError):
    """The file is of a type no converter reads, or its content is not what its name says."""
