"""The engine and burn-in on the held-out corpus (styles the shared sample does not use)."""

from __future__ import annotations

import json

import pytest

from redaction import pdf
from redaction.context import RedactionContext, StaffMember, Subject
from redaction.types import BurnInBox
from tests.redaction.engine_support import shared_engine
from tests.redaction.heldout_factory import build_corpus, score

pytestmark = pytest.mark.slow


def test_heldout_corpus_leak_and_keep(tmp_path):
    from cli.commands.redact import verifiable_strings

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    out.mkdir()
    cases = build_corpus(corpus, range(3))
    for case in cases:
        ctx = RedactionContext(
            subject=Subject(case["subject"]["name"], dob=case["subject"]["dob"]),
            staff=tuple(StaffMember(s["name"], s["role"]) for s in case["staff"]),
        )
        files = [corpus / d["file"] for d in case["documents"]]
        docs = [pdf.extract(f.read_bytes(), f.name) for f in files]
        plans = shared_engine().propose(docs, ctx)
        for f, doc, plan in zip(files, docs, plans, strict=True):
            withheld = {
                p.page: p.code
                for p in plan.proposals
                if p.entity_type == "LEGAL_ADVICE" and p.start == 0 and p.end == len(doc.pages[p.page].text)
            }
            boxes = [BurnInBox(p.page, b) for p in plan.proposals if p.page not in withheld for b in p.boxes]
            data = pdf.burn_in(
                f.read_bytes(),
                boxes,
                withheld_pages=withheld,
                removed_strings=verifiable_strings(doc, plan.proposals),
                name=f.name,
            )
            (out / f.name).write_bytes(data)
    result = score(corpus, out)
    print(json.dumps(result, indent=1))
    assert result["leak_rate"] <= 0.02, result
    assert result["keep_rate"] >= 0.95, result
