"""The engine's two phases run apart (issue 11): detection per document (each in its own job), then one
decision over the whole bundle, give exactly the proposals and the cast of ``propose`` in one go."""

from __future__ import annotations

import pytest

from redaction.detectors.bundle import bundle_names
from tests.redaction.engine_support import context, make_doc, shared_engine

DOCS = (
    make_doc("visit.pdf", "Home visit to Lorcan Halloran (DOB 09/09/2009) by Tamsin Baptiste, Social Worker.\n"
             "Present: Lorcan, his mother, and a neighbour, Orla Quennell, who lives at 14 Pell Street.",
             "Orla Quennell said she would call 07700 900123 if worried."),
    make_doc("referral.pdf", "Referral received from Ms Quennell about Lorcan Halloran.\n"
             "Contact Mrs O. Quennell on orla.q@example.org."),
)


def test_detect_per_document_then_decide_equals_propose():
    engine = shared_engine()
    whole = engine.propose(list(DOCS), context())
    # The bundle's names travel with each per-document step, as sar.bundle.jobs sends them.
    findings = [engine.detect_document(doc, bundle_names(context())) for doc in DOCS]
    assert [len(f) for f in findings] == [len(d.pages) for d in DOCS]
    split = engine.decide(list(DOCS), findings, context())
    assert [p.proposals for p in split] == [p.proposals for p in whole]
    assert split[0].cast == whole[0].cast and any("Quennell" in str(c) for c in split[0].cast)
    assert any(p.proposals for p in split)


def test_decide_refuses_findings_for_the_wrong_pages():
    engine = shared_engine()
    with pytest.raises(ValueError, match="findings for 1 pages"):
        engine.decide(list(DOCS), [[[]]], context())
