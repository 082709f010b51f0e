"""Score triage on the evaluation set in bench/triage_eval (requests written after real published ones).

Prints exact-set matches overall and per regime (of the cases whose expected set contains the regime, how
many got exactly the expected set), the "everything is FOI" baseline, and how many requests with no
personal-data ask were given a SAR or rights part (each opens an identity check and a one-month clock).

Run from the repository root: .venv/bin/python bench/triage_quality.py [-v]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "triage_eval"))


import cases  # noqa: E402
import cases_fresh  # noqa: E402
import cases_third  # noqa: E402

from triage import triage

PERSONAL = {"sar", "rectification", "erasure", "restriction", "objection", "portability"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss with its reasons")
    parser.add_argument("--set", choices=("main", "fresh", "third", "all"), default="main",
                        help="main: cases.py (68); fresh: cases_fresh.py (20, written after tuning); third: "
                             "cases_third.py (12, written after all tuning, never tuned against); all")
    args = parser.parse_args()
    chosen = {"main": cases.CASES, "fresh": cases_fresh.CASES, "third": cases_third.CASES,
              "all": cases.CASES + cases_fresh.CASES + cases_third.CASES}
    CASES = chosen[args.set]
    exact = baseline = 0
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    spurious_personal = []
    no_personal = 0
    misses = []
    for cid, text, expected in CASES:
        result = triage(text)
        got = set(result.regimes)
        ok = got == expected
        exact += ok
        baseline += expected == {"foi"}
        for regime in expected:
            per[regime][1] += 1
            per[regime][0] += ok
        if not expected & PERSONAL:
            no_personal += 1
            if got & PERSONAL:
                spurious_personal.append(cid)
        if not ok:
            misses.append((cid, expected, got, result))
    n = len(CASES)
    print(f"exact set: {exact}/{n}   ('everything is FOI' baseline: {baseline}/{n})")
    for regime in sorted(per, key=lambda r: -per[r][1]):
        print(f"  {regime:22s} {per[regime][0]}/{per[regime][1]}")
    print(f"SAR/rights part on a request with no personal-data ask: {len(spurious_personal)}/{no_personal}"
          + (f"  {spurious_personal}" if spurious_personal else ""))
    for cid, expected, got, result in misses:
        print(f"MISS {cid}: expected {sorted(expected)} got {sorted(got)}")
        if args.verbose:
            for part in result.parts:
                print(f"    {part.regime}: {' | '.join(part.reasons)[:300]}")
                print(f"      excerpt: {part.excerpt[:160]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
