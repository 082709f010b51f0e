"""Shared plumbing for the held-out redaction corpora (bench/heldout_*.py).

Each corpus script only writes its documents and truth and says how to print failures; building the
corpus folder, checking the truth, running ``sar redact`` per case and scoring live here.
"""

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pymupdf

REPO = Path(__file__).resolve().parent.parent
SAR = REPO / ".venv" / "bin" / "sar"
SCORER = (REPO / ".." / "shared" / "tools" / "score_redaction.py").resolve()

#: ``case_fn(dir) -> (subject, staff, documents)``
CaseFn = Callable[[Path], tuple[dict, list, list]]


#: Case mark-up shared by the generators: ``{r:CATEGORY:text}`` must go, ``{k:CATEGORY:text}`` must stay.
MARK = re.compile(r"\{([rk]):(\w+):([^{}]+)\}")


def parse(src: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """Strip the mark-up; return the text and the must_redact / must_keep maps (string -> category)."""
    redact: dict[str, str] = {}
    keep: dict[str, str] = {}
    for m in MARK.finditer(src):
        (redact if m.group(1) == "r" else keep).setdefault(m.group(3), m.group(2))
    return MARK.sub(lambda m: m.group(3), src), redact, keep


def wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Greedy word wrap of ``text`` to ``width`` points in a PyMuPDF base-14 ``font`` at ``size``."""
    out, line = [], ""
    for word in text.split(" "):
        trial = f"{line} {word}".strip()
        if line and pymupdf.get_text_length(trial, fontname=font, fontsize=size) > width:
            out.append(line)
            line = word
        else:
            line = trial
    return out + [line]

def write_corpus(corpus: Path, cases: list[tuple[int, CaseFn]]) -> dict:
    """Write each case's PDFs, ``caseNN.context.json`` and the corpus ``truth.json``; return the truth."""
    corpus.mkdir(parents=True, exist_ok=True)
    truth = {"cases": []}
    for n, fn in cases:
        subj, staff, docs = fn(corpus)
        (corpus / f"case{n}.context.json").write_text(json.dumps({"subject": subj, "staff": staff}, indent=2))
        truth["cases"].append({"case": n, "subject": subj, "staff": staff, "documents": docs})
    (corpus / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def load_scorer():
    """Import the shared scorer as a module (its ``text_of``, ``count``, ``leaked``, ``windows``)."""
    spec = importlib.util.spec_from_file_location("score_redaction", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def check_truth(corpus: Path, truth: dict, sc) -> list[str]:
    """Every truth string must occur in the source text, or it silently scores nothing."""
    bad = []
    for case in truth["cases"]:
        for doc in case["documents"]:
            text, _ = sc.text_of(corpus / doc["file"])
            bad += [f"{doc['file']}: {s!r} not in source text" for s in doc["must_redact"] + doc["must_keep"]
                    if not sc.count(s, text)]
    return bad


def redact_cases(corpus: Path, out: Path, truth: dict) -> list[str]:
    """Run ``sar redact`` once per case (one bundle) with its subject and staff; return failures."""
    errors = []
    out.mkdir(parents=True, exist_ok=True)
    for case in truth["cases"]:
        n = case["case"]
        ctx = json.loads((corpus / f"case{n}.context.json").read_text())
        staff = out.parent / f"case{n}.staff.json"
        staff.write_text(json.dumps(ctx["staff"]))
        files = [str(corpus / d["file"]) for d in case["documents"]]
        args = [str(SAR), "redact", "--subject-name", ctx["subject"]["name"], "--subject-dob",
                ctx["subject"]["dob"], "--staff-file", str(staff), "--out", str(out), *files]
        res = subprocess.run(args, capture_output=True, text=True)
        if res.returncode != 0:
            errors.append(f"case{n}: exit {res.returncode}: {res.stderr.strip()[-800:]}")
    return errors


def main(description: str, build: Callable[[Path], dict], detail: Callable[[Path, Path, dict, object], None]) -> None:
    """Command line shared by the corpus scripts: build, check the truth, redact, score, detail."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--work", type=Path, default=None, help="keep corpus/output here instead of a temp dir")
    ap.add_argument("--build-only", action="store_true")
    args = ap.parse_args()
    sc = load_scorer()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        corpus, out = work / "corpus", work / "out"
        truth = build(corpus)
        bad = check_truth(corpus, truth, sc)
        if bad:
            print("TRUTH ERRORS:\n" + "\n".join(bad))
            sys.exit(2)
        print(f"corpus: {corpus} ({sum(len(c['documents']) for c in truth['cases'])} documents)")
        if args.build_only:
            return
        for e in redact_cases(corpus, out, truth):
            print("ERROR", e)
        res = json.loads(subprocess.run([sys.executable, str(SCORER), str(corpus), str(out)],
                                        capture_output=True, text=True, check=True).stdout)
        print(f"leak_rate {res['leak_rate']:.4f} ({res['leaked']}/{res['must_redact_occurrences']})   "
              f"keep_rate {res['keep_rate']:.4f} ({res['kept']}/{res['must_keep_occurrences']})   "
              f"missing {res['documents_missing']}   metadata_leaks {res['metadata_leaks']}")
        detail(corpus, out, truth, sc)


def ocr(path: Path, pages: list[int]) -> str:
    """Tesseract's reading of the given pages, whitespace folded ("" if tesseract is absent)."""
    out = []
    with pymupdf.open(path) as doc, tempfile.TemporaryDirectory() as tmp:
        for i in pages:
            if i >= doc.page_count:
                continue
            png = Path(tmp) / f"p{i}.png"
            doc[i].get_pixmap(dpi=200).save(str(png))
            try:
                res = subprocess.run(["tesseract", str(png), "stdout"], capture_output=True, text=True, timeout=120)
            except (OSError, subprocess.TimeoutExpired):
                return ""
            out.append(res.stdout)
    return re.sub(r"\s+", " ", " ".join(out))
