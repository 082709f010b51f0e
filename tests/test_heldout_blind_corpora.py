"""The blind held-out corpora bench/heldout_safeguarding.py, heldout_careleaver.py, heldout_permanence.py,
heldout_residential.py and heldout_earlyhelp.py build.

Each generator must write the same corpus every time (the blind figures in bench/RESULTS.md are only
comparable with a later score if the documents are identical), every labelled string must be in its
document's text (or it scores nothing), and the labels must obey the development set's rules that
check_labels checks. The engine is not run here: scoring is bench/redaction_quality.py's job.
"""

import hashlib
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import heldout_careleaver  # noqa: E402
import heldout_earlyhelp  # noqa: E402
import heldout_permanence  # noqa: E402
import heldout_residential  # noqa: E402
import heldout_safeguarding  # noqa: E402
from heldout_common import SCORER, check_truth, load_scorer  # noqa: E402
from heldout_pages import check_labels  # noqa: E402


def _texts(corpus: Path, sc) -> str:
    return hashlib.sha256("".join(sc.text_of(p)[0] for p in sorted(corpus.glob("*.pdf"))).encode()).hexdigest()


@pytest.fixture(scope="module",
                params=[heldout_safeguarding, heldout_careleaver, heldout_permanence, heldout_residential,
                        heldout_earlyhelp],
                ids=["safeguarding", "careleaver", "permanence", "residential", "earlyhelp"])
def built(request, tmp_path_factory):
    """(module, corpus folder, truth), built twice: the second build must match the first.

    The generators label their pages with the shared scorer's text rules (``../shared/tools``); a
    checkout without the shared material skips, as the other tests of shared material do."""
    if not SCORER.is_file():
        pytest.skip(f"shared scorer not found at {SCORER}")
    tmp = tmp_path_factory.mktemp(request.param.__name__)
    truth = request.param.build(tmp / "a")
    again = request.param.build(tmp / "b")
    return request.param, tmp, truth, again


pytestmark = pytest.mark.slow  # rasterises the scanned pages of ~30 pages twice per corpus (~10 s)


def test_corpus_builds_deterministically_with_valid_labels(built):
    _, tmp, truth, again = built
    sc = load_scorer()
    docs = [d for case in truth["cases"] for d in case["documents"]]
    assert 12 <= len(docs) <= 16
    assert sum(len(d["must_redact"]) for d in docs) >= 100
    assert sum(len(d["must_keep"]) for d in docs) >= 100
    assert check_truth(tmp / "a", truth, sc) == []
    assert check_labels(tmp / "a", truth, sc) == []
    assert all(set(d["category"]) >= set(d["must_redact"]) | set(d["must_keep"]) for d in docs)
    assert json.dumps(again) == json.dumps(truth)
    assert _texts(tmp / "a", sc) == _texts(tmp / "b", sc)


def test_image_only_pages_carry_no_text_and_their_labels_are_ocr_only(built):
    import pymupdf

    _, tmp, truth, _ = built
    for doc in (d for c in truth["cases"] for d in c["documents"] if "ocr_only" in d):
        assert doc["ocr_only"]["must_redact"] and doc["scanned_pages"]
        with pymupdf.open(tmp / "a" / doc["file"]) as pdf:
            image_only = [i for i in doc["scanned_pages"] if not pdf[i].get_text().strip()]
            assert image_only and all(pdf[i].get_images() for i in image_only)
