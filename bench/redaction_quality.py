"""Redaction quality: leak and keep rates, overall and per category, for every corpus given.

usage: .venv/bin/python bench/redaction_quality.py [CORPUS_DIR ...] [--heldout-seeds N] [--keep-output DIR]
                                                  [--json FILE]

A corpus is a folder with ``truth.json`` (the shared-sample schema: per document ``must_redact`` and
``must_keep``, optionally a ``category`` map from string to label) and one ``caseNN.context.json`` per
case. Each case is run the way the quality bar runs it (the before-stop procedure)::

    sar redact --subject-name NAME --subject-dob DOB --staff-file STAFF --out OUT caseNN_*.pdf

and scored with ``../shared/tools/score_redaction.py`` (overall) and with its own per-string functions
(per category). With no corpus arguments the shared sample and the shared development set are scored,
plus ``--heldout-seeds`` cases of ``tests/redaction/heldout_factory.py``.

Every row says whether the engine was developed against that corpus (see ``PROVENANCE``): a figure on a
development corpus says little about documents written by someone else.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
SAR = REPO / ".venv" / "bin" / "sar"
SHARED = (REPO / ".." / "shared").resolve()

from heldout_common import load_scorer  # noqa: E402

#: How each known corpus relates to the engine's development. Keyed by folder name.
PROVENANCE = {
    "redaction-sample": "DEVELOPED AGAINST (the engine was fixed on it from the start)",
    "redaction-dev": "DEVELOPMENT SET (other author; used for development from issue 10 on)",
    "heldout": "DEVELOPED AGAINST (tests/redaction/heldout_factory.py; fixed on it)",
    "heldout-redteam": "DEVELOPED AGAINST (bench/heldout_redteam.py; fixed on its findings)",
    "heldout-fresh": "blind once, then fixed on it (bench/heldout_fresh.py)",
    "heldout-household": "BLIND at first score (bench/heldout_household.py; see bench/RESULTS.md)",
    "heldout-chronology": "BLIND at first score (bench/heldout_chronology.py; see bench/RESULTS.md)",
    "heldout-youthjustice": "BLIND at first score (bench/heldout_youthjustice.py; see bench/RESULTS.md)",
    "heldout-courtbundle": "DEVELOPMENT SET since its blind score (issue 10 round 4; bench/RESULTS.md)",
    "heldout-safeguarding": "DEVELOPMENT SET since wave 5 (h-persons1, h-idsaddr1, h-keep1, h-own1; bench/RESULTS.md)",
    "heldout-careleaver": "blind, never developed against (bench/heldout_careleaver.py; bench/RESULTS.md)",
    "heldout-permanence": "blind, never developed against (bench/heldout_permanence.py; bench/RESULTS.md)",
    "heldout-residential": "HELD OUT (blind6, wave 6): never developed against (bench/heldout_residential.py)",
    "heldout-earlyhelp": "HELD OUT (blind7, wave 7): never developed against (bench/heldout_earlyhelp.py)",
}

#: Label category -> reporting family. Categories not listed fall back on their prefix.
FAMILY = {
    "tp_name": "names: full", "tp_first": "names: given", "tp_title": "names: title+surname / surname",
    "tp_caps": "names: ALL CAPS", "tp_nick": "names: nickname", "tp_lower": "names: lower-case",
    "tp_initials": "names: initials", "tp_relation": "names: relation+name",
    "tp_address": "addresses", "tp_partial_address": "addresses", "harm_address": "harm",
    "harm_location": "harm", "legal_advice": "legal advice", "tp_sensitive": "third-party sensitive",
}


def family(cat: str) -> str:
    """Reporting family of a label category (``tp_phone`` -> ``identifiers: phone``)."""
    if cat in FAMILY:
        return FAMILY[cat]
    if cat.startswith("harm_"):
        return "harm"
    if cat.startswith("tp_"):
        return "identifiers: " + cat[3:]
    if cat.startswith("pro_"):
        return "professionals kept"
    if cat.startswith("subj_"):
        return "subject kept"
    return cat


def redact_cases(corpus: Path, out: Path) -> list[str]:
    """Run ``sar redact`` once per ``*.context.json`` in ``corpus``; return error lines."""
    errors = []
    out.mkdir(parents=True, exist_ok=True)
    for ctx_path in sorted(corpus.glob("*.context.json")):
        case = ctx_path.name.split(".")[0]
        ctx = json.loads(ctx_path.read_text())
        staff = out.parent / f"{out.name}-{case}.staff.json"
        staff.write_text(json.dumps(ctx["staff"]))
        args = [str(SAR), "redact", "--subject-name", ctx["subject"]["name"], "--out", str(out),
                "--staff-file", str(staff)]
        if ctx["subject"].get("dob"):
            args += ["--subject-dob", ctx["subject"]["dob"]]
        args += [str(p) for p in sorted(corpus.glob(f"{case}_*.pdf"))]
        res = subprocess.run(args, capture_output=True, text=True)
        if res.returncode != 0:
            errors.append(f"{case}: exit {res.returncode}: {res.stderr.strip()[-300:]}")
    return errors


def per_category(corpus: Path, out: Path, sc) -> dict[str, dict[str, list[int]]]:
    """``{"redact"|"keep": {family: [hits, total]}}`` with the shared scorer's matching rules.

    For must_redact, hits are leaked occurrences; for must_keep, kept occurrences.
    """
    truth = json.loads((corpus / "truth.json").read_text())
    table: dict[str, dict[str, list[int]]] = {"redact": defaultdict(lambda: [0, 0]),
                                              "keep": defaultdict(lambda: [0, 0])}
    for case in truth["cases"]:
        for doc in case["documents"]:
            cats = doc.get("category", {})
            src, _ = sc.text_of(corpus / doc["file"])
            path = out / doc["file"]
            got = sc.text_of(path)[0] if path.exists() else None
            for s in set(doc["must_redact"]):
                n = sc.count(s, src)
                row = table["redact"][family(cats.get(s, "uncategorised"))]
                row[0] += n if got is None else sc.leaked(s, n, got)
                row[1] += n
            for s in set(doc["must_keep"]):
                n = sc.count(s, src)
                row = table["keep"][family(cats.get(s, "uncategorised"))]
                row[0] += 0 if got is None else min(sc.count(s, got), n)
                row[1] += n
    return {k: dict(v) for k, v in table.items()}


def score_corpus(label: str, corpus: Path, out: Path, sc) -> dict:
    """Redact and score one corpus; return the shared scorer's result plus categories and errors."""
    errors = redact_cases(corpus, out)
    res = json.loads(subprocess.run([sys.executable, str(sc.__file__), str(corpus), str(out)],
                                    capture_output=True, text=True, check=True).stdout)
    res["categories"] = per_category(corpus, out, sc)
    res["errors"] = errors
    res["corpus"] = label
    res["provenance"] = PROVENANCE.get(label, "not recorded: say in bench/RESULTS.md whether it was blind")
    return res


def print_report(rows: list[dict]) -> None:
    """Overall table, then per-category tables, then examples."""
    print(f"{'corpus':20} {'leak_rate':>9} {'keep_rate':>9} {'leaked':>11} {'kept':>11} {'missing':>7} "
          f"{'meta':>4} {'errors':>6}  provenance")
    for r in rows:
        print(f"{r['corpus']:20} {r['leak_rate']:9.4f} {r['keep_rate']:9.4f} "
              f"{r['leaked']:>5}/{r['must_redact_occurrences']:<5} {r['kept']:>5}/{r['must_keep_occurrences']:<5} "
              f"{r['documents_missing']:7d} {r['metadata_leaks']:4d} {len(r['errors']):6d}  {r['provenance']}")
    for r in rows:
        print(f"\n{r['corpus']}: per category")
        for kind, what in (("redact", "leaked"), ("keep", "kept")):
            for fam, (hits, total) in sorted(r["categories"][kind].items()):
                rate = hits / total if total else 0.0
                print(f"  must_{kind:6} {fam:34} {what} {hits:>4}/{total:<4} = {rate:.3f}")
    for r in rows:
        for line in r["leak_examples"][:10]:
            print(f"  {r['corpus']} leak: {line}")
        for line in r["over_redaction_examples"][:10]:
            print(f"  {r['corpus']} over-redaction: {line}")
        for line in r["errors"]:
            print(f"  {r['corpus']} error: {line}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--heldout-seeds", type=int, default=None,
                    help="also build and score N cases of tests/redaction/heldout_factory.py "
                         "(default 6 when no corpus is given, else 0)")
    ap.add_argument("--keep-output", type=Path, default=None, help="write outputs here instead of a temp dir")
    ap.add_argument("--json", type=Path, default=None, help="also write the full results here")
    args = ap.parse_args()
    corpora = args.corpora or [c for c in (SHARED / "fixtures" / "redaction-sample",
                                            SHARED / "fixtures" / "redaction-dev") if c.is_dir()]
    seeds = args.heldout_seeds if args.heldout_seeds is not None else (0 if args.corpora else 6)
    sc = load_scorer()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep_output or Path(tmp)
        rows = [score_corpus(c.resolve().name, c, work / f"{c.resolve().name}-out", sc) for c in corpora]
        if seeds:
            from tests.redaction.heldout_factory import build_corpus

            corpus = work / "heldout"
            build_corpus(corpus, range(seeds))
            rows.append(score_corpus("heldout", corpus, work / "heldout-out", sc))
    print_report(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
