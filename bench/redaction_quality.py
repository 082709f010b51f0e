"""Redaction quality: leak and keep rates on the shared sample and on our held-out corpus.

usage: .venv/bin/python bench/redaction_quality.py [--sample DIR] [--heldout-seeds N] [--keep-output DIR]

For the shared sample this is the before-stop procedure: for each caseNN.context.json run
``sar redact --subject-name NAME --subject-dob DOB --staff-file STAFF --out OUT caseNN_*.pdf``, then
the shared scorer ``score_redaction.py SAMPLE OUT``. The held-out corpus (tests/redaction/
heldout_factory.py: chronologies, ALL-CAPS notes, letters, inline attendee lists, names split over
lines) goes through the same CLI and is scored with the same rules.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SAR = REPO / ".venv" / "bin" / "sar"
SHARED = (REPO / ".." / "shared").resolve()


def redact_cases(corpus: Path, out: Path, pattern: str) -> list[str]:
    """Run ``sar redact`` once per ``*.context.json`` in ``corpus``; return error lines."""
    errors = []
    for ctx_path in sorted(corpus.glob(pattern)):
        case = ctx_path.name.split(".")[0]
        ctx = json.loads(ctx_path.read_text())
        staff = out / f"{case}.staff.json"
        out.mkdir(parents=True, exist_ok=True)
        staff.write_text(json.dumps(ctx["staff"]))
        args = [str(SAR), "redact", "--subject-name", ctx["subject"]["name"], "--out", str(out),
                "--staff-file", str(staff)]
        if ctx["subject"].get("dob"):
            args += ["--subject-dob", ctx["subject"]["dob"]]
        args += [str(p) for p in sorted(corpus.glob(f"{case}_*.pdf"))]
        res = subprocess.run(args, capture_output=True, text=True)
        if res.returncode != 0:
            errors.append(f"{case}: exit {res.returncode}: {res.stderr.strip()}")
    return errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=Path, default=SHARED / "fixtures" / "redaction-sample")
    ap.add_argument("--heldout-seeds", type=int, default=6)
    ap.add_argument("--keep-output", type=Path, default=None, help="write outputs here instead of a temp dir")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep_output or Path(tmp)
        rows = []
        if args.sample.is_dir():
            out = work / "sample-out"
            errors = redact_cases(args.sample, out, "case*.context.json")
            scorer = SHARED / "tools" / "score_redaction.py"
            res = json.loads(subprocess.run([sys.executable, str(scorer), str(args.sample), str(out)],
                                            capture_output=True, text=True, check=True).stdout)
            rows.append(("shared sample", res, errors))
        else:
            print(f"shared sample not found at {args.sample}; skipping it")
        from tests.redaction.heldout_factory import build_corpus, score

        corpus, out = work / "heldout", work / "heldout-out"
        build_corpus(corpus, range(args.heldout_seeds))
        errors = redact_cases(corpus, out, "heldout*.context.json")
        rows.append((f"held-out ({args.heldout_seeds} cases)", score(corpus, out), errors))
        print(f"{'corpus':24} {'leak_rate':>10} {'keep_rate':>10} {'leaked':>12} {'kept':>12} {'errors':>7}")
        for label, res, errors in rows:
            print(f"{label:24} {res['leak_rate']:10.4f} {res['keep_rate']:10.4f} "
                  f"{res['leaked']:>5}/{res['must_redact_occurrences']:<6} "
                  f"{res['kept']:>5}/{res['must_keep_occurrences']:<6}"
                  f" {len(errors):7d}")
        for label, res, errors in rows:
            for line in res["leak_examples"][:10]:
                print(f"  {label} leak: {line}")
            for line in res["over_redaction_examples"][:10]:
                print(f"  {label} over-redaction: {line}")
            for line in errors:
                print(f"  {label} error: {line}")


if __name__ == "__main__":
    main()
