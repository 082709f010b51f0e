"""SAR Desk redaction: find what to redact in case records and burn it into PDFs.

Public API (imported lazily, so ``import redaction.types`` stays cheap for the web layer)::

    from redaction import RedactionEngine, RedactionContext, Subject, StaffMember, KnownParty
    plans = RedactionEngine().propose(documents, context)   # list[DocumentPlan]

PyMuPDF is only imported by :mod:`redaction.pdf`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

# Before anything imports Presidio (and with it tldextract): its default extractor is built at
# import time and would try to download the Public Suffix List; empty means "use the bundled
# snapshot" (redaction-notes §1.3).
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

if TYPE_CHECKING:  # pragma: no cover
    from redaction.codes import EXEMPTION_CODES, ExemptionCode, get_code
    from redaction.context import KnownParty, RedactionContext, StaffMember, Subject
    from redaction.engine import DocumentPlan, RedactionEngine
    from redaction.nlp import ModelMissingError
    from redaction.types import Box, BurnInBox, ExtractedDocument, PageText, Proposal

_EXPORTS = {
    "RedactionEngine": "redaction.engine",
    "DocumentPlan": "redaction.engine",
    "RedactionContext": "redaction.context",
    "Subject": "redaction.context",
    "StaffMember": "redaction.context",
    "KnownParty": "redaction.context",
    "EXEMPTION_CODES": "redaction.codes",
    "ExemptionCode": "redaction.codes",
    "get_code": "redaction.codes",
    "ModelMissingError": "redaction.nlp",
    "Box": "redaction.types",
    "BurnInBox": "redaction.types",
    "ExtractedDocument": "redaction.types",
    "PageText": "redaction.types",
    "Proposal": "redaction.types",
}

__all__ = [
    "EXEMPTION_CODES",
    "Box",
    "BurnInBox",
    "DocumentPlan",
    "ExemptionCode",
    "ExtractedDocument",
    "KnownParty",
    "ModelMissingError",
    "PageText",
    "Proposal",
    "RedactionContext",
    "RedactionEngine",
    "StaffMember",
    "Subject",
    "get_code",
]


def __getattr__(name: str) -> Any:
    """Import public names on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'redaction' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
